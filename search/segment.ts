import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/**
 * Chinese word segmentation with jieba, shared by indexing and query parsing so both split text the same way.
 * (ICU's Intl.Segmenter splits words such as 工程师 and 残疾人.) Search mode also emits the shorter words inside
 * long ones (工程师 → 工程, 工程师), so a query for either finds the document.
 */
let jieba: Jieba | undefined;
function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Lower-cased tokens with punctuation and spaces dropped, in order, duplicates kept. */
export function segment(text: string): string[] {
  if (!text) return [];
  return instance()
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && WORD.test(t));
}

/** Distinct tokens, for building a query. */
export function queryTokens(text: string): string[] {
  return [...new Set(segment(text))];
}
