/**
 * Translation of the engine's queries into Meilisearch search requests, and of the responses back into results —
 * pure functions, unit-tested without a server.
 *
 * Counting: offset/limit searches answer with `estimatedTotalHits`, which is not exact, and the pages show a count.
 * Page-mode searches (`page` + `hitsPerPage`) answer with an exhaustive `totalHits` (up to `maxTotalHits`, raised in
 * settings.ts), so every search is sent in page mode: `pageWindow` picks the smallest page size whose one page covers
 * the requested offset..offset+limit, and the hits are sliced from it. The app pages by whole pages (offset a
 * multiple of limit), where the page size is the limit itself and nothing extra is fetched.
 */
import type { FacetDistribution, SearchParams } from "meilisearch";
import type { Hit, SearchResult, SeekerQuery, VacancyFacets, VacancyQuery } from "../engine";
import { candidatesFilter, vacancyFilter } from "./filters";
import { QUERY_LOCALES } from "./settings";

export interface PageWindow {
  page: number;
  hitsPerPage: number;
  /** Hits of the fetched page to skip to reach `offset`. */
  skip: number;
}

/** The smallest page (size ≥ limit) holding offset..offset+limit-1 whole; limit 0 asks only for the count. */
export function pageWindow(offset: number, limit: number): PageWindow {
  const o = Math.max(0, Math.trunc(offset));
  const l = Math.max(0, Math.trunc(limit));
  if (l === 0) return { page: 1, hitsPerPage: 0, skip: 0 };
  const last = o + l - 1;
  let size = l;
  // Terminates: at size = o + l the first page covers 0..last.
  while (Math.floor(o / size) !== Math.floor(last / size)) size += 1;
  const page = Math.floor(o / size) + 1;
  return { page, hitsPerPage: size, skip: o - (page - 1) * size };
}

/**
 * Whether a text query has anything to search for. The Postgres engine searches the jieba words of the text and
 * ignores a text without any (punctuation, spaces); a word always holds a letter or a digit.
 */
export function hasWords(text: string | null | undefined): text is string {
  return !!text && /[\p{L}\p{N}]/u.test(text);
}

/** Search parameters in page mode: `totalHits` comes back exact. */
export type PagedSearchParams = SearchParams & { page: number; hitsPerPage: number };

export interface MeiliSearchRequest {
  q: string | null;
  params: PagedSearchParams;
  /** How the fetched page maps back to the asked offset and limit. */
  skip: number;
  limit: number;
  /** True when the text is searched: only then is `_rankingScore` a text score. */
  scored: boolean;
}

export const VACANCY_FACETS = ["accommodations", "employment_type", "prefecture", "remote", "quota_eligible"] as const;

function base(text: string | undefined, offset: number, limit: number, filter: string) {
  const scored = hasWords(text);
  const window = pageWindow(offset, limit);
  const params: PagedSearchParams = {
    filter,
    page: window.page,
    hitsPerPage: window.hitsPerPage,
    attributesToRetrieve: ["id"],
    // The Postgres engine finds documents holding every word of the query; Meilisearch's default ("last") would
    // drop words from the end until something matches.
    matchingStrategy: "all",
  };
  if (scored) {
    params.showRankingScore = true;
    params.locales = [...QUERY_LOCALES];
  }
  return { q: scored ? text.trim() : null, params, skip: window.skip, limit: Math.max(0, Math.trunc(limit)), scored };
}

/**
 * The sort of a vacancy search (settings.ts puts the `sort` rule first): "pay" and "newest" order by the field alone,
 * even with a text query, as the Postgres engine does; "relevance" with words sends no sort, so the text rules order
 * and the custom rules break ties; "relevance" without words is "newest".
 */
export function vacancySort(sort: VacancyQuery["sort"], scored: boolean): string[] | undefined {
  if (sort === "pay") return ["pay_max:desc", "id:desc"];
  if (sort === "relevance" && scored) return undefined;
  return ["published_at:desc", "id:desc"];
}

export function vacancySearchRequest(q: VacancyQuery): MeiliSearchRequest {
  const request = base(q.text, q.offset, q.limit, vacancyFilter(q));
  const sort = vacancySort(q.sort, request.scored);
  if (sort) request.params.sort = sort;
  if (q.facets) request.params.facets = [...VACANCY_FACETS];
  return request;
}

/** Seekers order by text relevance, then the custom rules (updated_at desc, id desc): no sort is sent. */
export function seekerSearchRequest(q: SeekerQuery): MeiliSearchRequest {
  return base(q.text, q.offset, q.limit, candidatesFilter(q.candidatesOf));
}

function counts(values: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(values ?? {})) if (n > 0) out[k] = n;
  return out;
}

/** Meilisearch's facet distribution as the engine's facets (booleans count their "true" documents). */
export function facetsFrom(distribution: FacetDistribution | undefined): VacancyFacets {
  const d = distribution ?? {};
  return {
    accommodations: counts(d.accommodations),
    employmentType: counts(d.employment_type),
    prefecture: counts(d.prefecture),
    remote: d.remote?.["true"] ?? 0,
    quotaEligible: d.quota_eligible?.["true"] ?? 0,
  };
}

export interface PagedResponse {
  hits: Array<{ id?: unknown; _rankingScore?: number }>;
  totalHits: number;
  facetDistribution?: FacetDistribution;
}

export function resultFrom(request: MeiliSearchRequest, response: PagedResponse, withFacets: boolean): SearchResult {
  const hits: Hit[] = response.hits.slice(request.skip, request.skip + request.limit).map((h) => ({
    id: String(h.id),
    textScore: request.scored ? (h._rankingScore ?? 0) : 0,
  }));
  const result: SearchResult = { total: response.totalHits, hits };
  if (withFacets) result.facets = facetsFrom(response.facetDistribution);
  return result;
}
