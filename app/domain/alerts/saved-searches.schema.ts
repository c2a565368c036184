/**
 * Saved searches and their alerts (issue 17): the forms' schemas, and the one way a search page's query string is
 * kept (what parseSearchParams reads, written back by searchHref, without the page).
 */
import { z } from "zod";
import type { Locale, Translate } from "../../i18n/i18n";
import { EMPLOYMENT_TYPES, label } from "../catalog";
import { parseSearchParams, searchHref, type SearchParams } from "../search/search.schema";

export const FREQUENCIES = ["immediate", "daily", "weekly", "off"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** A person keeps at most this many saved searches. */
export const SAVED_SEARCH_LIMIT = 20;
export const NAME_MAX = 60;
/** Longer than any query string the search form writes (every accommodation box, a 100-character keyword). */
export const QUERY_MAX_LENGTH = 2000;

/** A saved query string, read back as the search page reads its URL. */
export function savedParams(query: string): SearchParams {
  return parseSearchParams(new URLSearchParams(query)).params;
}

/**
 * The query string kept for a search: the parameters the search page understood (values it dropped are not kept),
 * in the page's own order, without the page number; and whether it showed only what suits the seeker ("只看适合我的",
 * the page's default for a seeker; `show=all` is the other choice).
 */
export function normalizeQuery(raw: string): { query: string; suitsMe: boolean; params: SearchParams } {
  const params = { ...savedParams(raw.replace(/^\?/, "")), page: 1 };
  const query = searchHref("", params).replace(/^\?/, "");
  return { query, suitsMe: params.show !== "all", params };
}

const frequency = z.enum(FREQUENCIES, { errorMap: () => ({ message: "alerts.err.frequency" }) });
const name = z
  .string({ invalid_type_error: "alerts.err.name" })
  .trim()
  .max(NAME_MAX, "alerts.err.nameLong")
  .optional();

/** "保存此搜索": the search's query string (hidden), how often to be told, and an optional name. */
export const saveSearchSchema = z.object({
  query: z.string().max(QUERY_MAX_LENGTH, "alerts.err.query").default(""),
  frequency: frequency.default("daily"),
  name,
});
export type SaveSearchInput = z.infer<typeof saveSearchSchema>;

const id = z.string({ required_error: "alerts.err.gone" }).uuid("alerts.err.gone");

/** The forms of the saved-searches page, one per intent. */
export const savedSearchActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("frequency"), id, frequency }),
  z.object({ intent: z.literal("rename"), id, name: z.string({ required_error: "alerts.err.nameRequired" }).trim().min(1, "alerts.err.nameRequired").max(NAME_MAX, "alerts.err.nameLong") }),
  z.object({ intent: z.literal("delete"), id }),
]);
export type SavedSearchAction = z.infer<typeof savedSearchActionSchema>;

/** What a saved search looks for, for a one-line summary in either language. */
export interface SearchSummary {
  q: string;
  /** The place's name ("贵阳市南明区"), or null for anywhere. */
  place: string | null;
  accommodations: number;
  remote: boolean;
  employmentType: string | null;
  payMin: number | null;
  quotaEligible: boolean;
  suitsMe: boolean;
}

/** The summary in words: "“客服” · 贵阳市南明区 · 2 项便利", or "全部岗位" for a search without filters. */
export function summaryText(t: Translate, locale: Locale, s: SearchSummary): string {
  const parts: string[] = [];
  if (s.q) parts.push(t("alerts.summary.keyword", { q: s.q }));
  if (s.place) parts.push(s.place);
  if (s.accommodations) parts.push(t("alerts.summary.accommodations", { count: s.accommodations }));
  if (s.remote) parts.push(t("alerts.summary.remote"));
  if (s.employmentType) parts.push(label(EMPLOYMENT_TYPES, s.employmentType, locale));
  if (s.payMin != null) parts.push(t("alerts.summary.payMin", { pay: s.payMin }));
  if (s.quotaEligible) parts.push(t("alerts.summary.quota"));
  if (!parts.length) parts.push(t("alerts.summary.everything"));
  return parts.join(t("alerts.summary.separator"));
}

