/**
 * The vacancy search's parameters, read from a URL (the page's GET form and the JSON API share them). A search is
 * never refused for one bad value: a value that cannot be read is dropped and named in `ignored`, so the page can
 * say which part of the request it did not use.
 */
import { ACCOMMODATIONS, EDUCATION_LEVELS, educationRank, EMPLOYMENT_TYPES } from "../catalog";

export const SORTS = ["relevance", "newest", "pay"] as const;
export type Sort = (typeof SORTS)[number];
export const SEARCH_PAGE_SIZE = 20;
export const QUERY_MAX = 100;
export const PAY_MAX_FILTER = 200_000;

export interface SearchParams {
  q: string;
  region: string | null;
  accommodations: string[];
  remote: boolean;
  employmentType: string | null;
  payMin: number | null;
  quotaEligible: boolean;
  /** The visitor's education (a catalog code): vacancies requiring more are left out. */
  education: string | null;
  sort: Sort;
  /** For a signed-in seeker: only the vacancies that fit them (the default), or all with what does not fit named. */
  show: "eligible" | "all";
  page: number;
}

export type SearchParamName = "q" | "region" | "accommodations" | "remote" | "type" | "payMin" | "quota" | "education" | "sort" | "show" | "page";

const ACC_CODES = new Set<string>(ACCOMMODATIONS.map((a) => a.code));
const TYPE_CODES = new Set<string>(EMPLOYMENT_TYPES.map((a) => a.code));
const EDU_CODES = new Set<string>(EDUCATION_LEVELS.map((a) => a.code));

export function parseSearchParams(search: URLSearchParams): { params: SearchParams; ignored: SearchParamName[] } {
  const ignored = new Set<SearchParamName>();
  const get = (name: string) => {
    const v = search.get(name);
    return v == null ? "" : v.trim();
  };

  let q = get("q");
  if (q.length > QUERY_MAX) {
    q = q.slice(0, QUERY_MAX);
    ignored.add("q");
  }

  let region: string | null = get("region") || null;
  if (region && !/^52\d{4}$/.test(region)) {
    region = null;
    ignored.add("region");
  }

  // The form sends `acc` once per box; the API takes `accommodations=a,b`.
  const accRaw = [...search.getAll("acc"), ...search.getAll("accommodations").flatMap((v) => v.split(","))].map((s) => s.trim()).filter(Boolean);
  const accommodations = [...new Set(accRaw.filter((a) => ACC_CODES.has(a)))].sort();
  if (accommodations.length < new Set(accRaw).size) ignored.add("accommodations");

  const flag = (name: string, param: SearchParamName) => {
    const v = get(name);
    if (v === "" || v === "0") return false;
    if (v === "1" || v === "on" || v === "true") return true;
    ignored.add(param);
    return false;
  };
  const remote = flag("remote", "remote");
  const quotaEligible = flag("quota", "quota");

  let employmentType: string | null = get("type") || null;
  if (employmentType && !TYPE_CODES.has(employmentType)) {
    employmentType = null;
    ignored.add("type");
  }

  let payMin: number | null = null;
  const payRaw = get("payMin");
  if (payRaw) {
    if (/^\d{1,6}$/.test(payRaw) && Number(payRaw) <= PAY_MAX_FILTER) payMin = Number(payRaw);
    else ignored.add("payMin");
  }

  let education: string | null = get("education") || null;
  if (education && !EDU_CODES.has(education)) {
    education = null;
    ignored.add("education");
  }

  const sortRaw = get("sort");
  let sort: Sort = "relevance";
  if (sortRaw) {
    if ((SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as Sort;
    else ignored.add("sort");
  }

  const showRaw = get("show");
  const show = showRaw === "all" ? "all" : "eligible";
  if (showRaw && showRaw !== "all" && showRaw !== "eligible") ignored.add("show");

  let page = 1;
  const pageRaw = get("page");
  if (pageRaw) {
    if (/^\d{1,5}$/.test(pageRaw) && Number(pageRaw) >= 1) page = Number(pageRaw);
    else ignored.add("page");
  }

  return {
    params: { q, region, accommodations, remote, employmentType, payMin, quotaEligible, education, sort, show, page },
    ignored: [...ignored],
  };
}

/** The education filter as a rank bound (null when not chosen or "none"). */
export function educationRankMax(education: string | null): number | null {
  return education && education !== "none" ? educationRank(education) : null;
}

/** The query string for these parameters with some changed (links to pages, sorts, "show all"). */
export function searchHref(path: string, params: SearchParams, change: Partial<SearchParams> = {}): string {
  const p = { ...params, ...change };
  const s = new URLSearchParams();
  if (p.q) s.set("q", p.q);
  if (p.region) s.set("region", p.region);
  for (const a of p.accommodations) s.append("acc", a);
  if (p.remote) s.set("remote", "1");
  if (p.employmentType) s.set("type", p.employmentType);
  if (p.payMin != null) s.set("payMin", String(p.payMin));
  if (p.quotaEligible) s.set("quota", "1");
  if (p.education) s.set("education", p.education);
  if (p.sort !== "relevance") s.set("sort", p.sort);
  if (p.show === "all") s.set("show", "all");
  if (p.page > 1) s.set("page", String(p.page));
  const qs = s.toString();
  return qs ? `${path}?${qs}` : path;
}
