/**
 * The Meilisearch indexes' settings, as code (design §3): applied by `MeilisearchEngine.configure()` at start-up,
 * so a fresh server, or one whose settings someone changed by hand, ends up the same. Every setting the engine
 * relies on is spelled out, because a settings PATCH leaves unnamed settings as they were.
 */
import type { Settings } from "meilisearch";
import type { SearchIndexName } from "../engine";

export const PRIMARY_KEY = "id";

export function indexUid(prefix: string | undefined, index: SearchIndexName): string {
  return `${prefix ?? "qiancheng"}_${index}`;
}

/**
 * How many hits a search can count and page through. Page-mode searches (see request.ts) count exhaustively up to
 * this number, and the pages show the count, so it is set well above the plan's sizes (50k vacancies, 100k seekers)
 * rather than Meilisearch's default of 1,000. Counting is a bitmap cardinality, cheap at this size.
 */
export const MAX_TOTAL_HITS = 200_000;

/** The attributes holding Chinese text: tokenized as Mandarin (jieba in Meilisearch's charabia), never guessed. */
const CHINESE = ["cmn"];

/**
 * Typo tolerance, sensible for Chinese: Meilisearch counts typos in characters and allows none below five, and jieba
 * cuts Chinese into words of two to four characters, so Chinese words match exactly (a different character is a
 * different word, not a misspelling); Latin words such as skill names (Photoshop, Excel) keep the usual tolerance.
 * Numbers never tolerate typos: 2025 must not find 2026.
 */
const TYPO_TOLERANCE: Settings["typoTolerance"] = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  disableOnNumbers: true,
  disableOnWords: [],
  disableOnAttributes: [],
};

/**
 * Vacancies. Ranking: `sort` comes first so that "newest" and "pay" order purely by the field, as the Postgres engine
 * does even with a text query; with no sort given (relevance), the text rules decide, then the custom rules break
 * ties by recency and id — the Postgres engine's `score desc, published_at desc, vacancy_id desc`. `attribute` (not
 * the newer `attributeRank`/`wordPosition` pair) keeps older servers accepting the settings. Sort and custom rules do
 * not count toward `_rankingScore`, so the text score stays a measure of text relevance only.
 */
export const VACANCY_SETTINGS: Settings = {
  searchableAttributes: ["title", "keywords", "organization", "description"],
  displayedAttributes: ["*"],
  filterableAttributes: [
    "organization_id",
    "county",
    "prefecture",
    "province",
    "accommodations",
    "demands",
    "employment_type",
    "education_rank",
    "remote",
    "quota_eligible",
    "pay_min",
    "pay_max",
    "closing_day",
  ],
  sortableAttributes: ["published_at", "pay_max", "id"],
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "published_at:desc", "id:desc"],
  localizedAttributes: [{ attributePatterns: ["title", "keywords", "organization", "description"], locales: CHINESE }],
  typoTolerance: TYPO_TOLERANCE,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  // Facet counts are shown for every accommodation (21 codes), employment type and prefecture: all fit in 100.
  faceting: { maxValuesPerFacet: 100 },
  stopWords: [],
  synonyms: {},
  distinctAttribute: null,
};

/**
 * Seekers: text relevance on skills, then major; ties by the most recently updated profile, then id — the Postgres
 * engine's `score desc, updated_at desc, user_id desc`. No sort parameter is ever sent for seekers.
 */
export const SEEKER_SETTINGS: Settings = {
  searchableAttributes: ["skills", "major"],
  displayedAttributes: ["*"],
  filterableAttributes: ["reach", "wants_remote", "needs", "limits", "education_rank", "graduation_year"],
  sortableAttributes: ["updated_at", "id"],
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "updated_at:desc", "id:desc"],
  localizedAttributes: [{ attributePatterns: ["skills", "major"], locales: CHINESE }],
  typoTolerance: TYPO_TOLERANCE,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  stopWords: [],
  synonyms: {},
  distinctAttribute: null,
};

export const SETTINGS: Record<SearchIndexName, Settings> = { vacancies: VACANCY_SETTINGS, seekers: SEEKER_SETTINGS };

/** The locales a text query is tokenized with (a short Chinese query could otherwise be taken for Japanese). */
export const QUERY_LOCALES = CHINESE;
