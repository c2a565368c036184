/**
 * Translation of searches into Meilisearch filter expressions — pure functions, unit-tested without a server.
 * Filter syntax: https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference
 */
import type { MatchSeeker } from "../../app/domain/matching/matching";

/** Quotes a value for a filter expression. */
export function quote(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function and(parts: Array<string | null | undefined | false>): string {
  const kept = parts.filter((p): p is string => !!p);
  return kept.map((p) => (kept.length > 1 && / OR /.test(p) && !p.startsWith("(") ? `(${p})` : p)).join(" AND ");
}

function or(parts: string[]): string {
  return parts.length > 1 ? `(${parts.join(" OR ")})` : (parts[0] ?? "");
}

/** A division code as the attribute it filters: counties by `county`, prefectures by `prefecture`. */
export function regionFilter(code: string): string {
  if (code.endsWith("0000")) return `province = ${quote(code)}`;
  if (code.endsWith("00")) return `prefecture = ${quote(code)}`;
  return `county = ${quote(code)}`;
}

export interface VacancyFilterInput {
  region?: string | null;
  accommodations?: readonly string[];
  remote?: boolean;
  employmentType?: string | null;
  payMin?: number | null;
  quotaEligible?: boolean;
  /** The seeker's education rank: vacancies requiring more are left out. */
  educationRankMax?: number | null;
}

/** The visitor's own filters on the vacancy search page. Every chosen accommodation must be offered. */
export function vacancyFilter(input: VacancyFilterInput): string {
  return and([
    `status = "open"`,
    input.region ? regionFilter(input.region) : null,
    ...(input.accommodations ?? []).map((a) => `accommodations = ${quote(a)}`),
    input.remote ? "remote = true" : null,
    input.employmentType ? `employment_type = ${quote(input.employmentType)}` : null,
    input.payMin != null ? `pay_max >= ${Math.trunc(input.payMin)}` : null,
    input.quotaEligible ? "quota_eligible = true" : null,
    input.educationRankMax != null ? `education_rank <= ${Math.trunc(input.educationRankMax)}` : null,
  ]);
}

/**
 * Design §5 rule 1 for a seeker, as a filter: every required need offered (`accommodations = A AND …`), no demand
 * among the seeker's limits, and the place within what the seeker accepts or remote work both want.
 */
export function eligibleVacanciesFilter(seeker: MatchSeeker): string {
  const places: string[] = [];
  if (seeker.currentRegionCode) {
    const c = seeker.currentRegionCode;
    const scope = seeker.placeScope === "county" ? c : seeker.placeScope === "prefecture" ? `${c.slice(0, 4)}00` : `${c.slice(0, 2)}0000`;
    places.push(regionFilter(scope));
  }
  for (const code of seeker.preferredRegionCodes) places.push(regionFilter(code));
  if (seeker.wantsRemote) places.push("remote = true");
  return and([
    `status = "open"`,
    ...seeker.needsRequired.map((n) => `accommodations = ${quote(n)}`),
    seeker.limits.length ? `NOT demands IN [${seeker.limits.map(quote).join(", ")}]` : null,
    places.length ? or(places) : "county = \"none\"",
  ]);
}

export interface CandidateVacancy {
  regionCode: string;
  remote: boolean;
  accommodations: readonly string[];
  demands: readonly string[];
}

/**
 * The reverse direction: discoverable seekers a vacancy suits. A seeker needing anything the vacancy does not
 * offer is out (`NOT needs IN [codes not offered]`), as is one whose limits include a demand of the vacancy; the
 * place must be within the seeker's accepted reach (their scope attribute names the reach as a division code).
 */
export function candidatesFilter(vacancy: CandidateVacancy, allAccommodations: readonly string[]): string {
  const offered = new Set(vacancy.accommodations);
  const notOffered = allAccommodations.filter((a) => !offered.has(a));
  const r = vacancy.regionCode;
  const places = [`reach = ${quote(r)}`, `reach = ${quote(`${r.slice(0, 4)}00`)}`, `reach = ${quote(`${r.slice(0, 2)}0000`)}`];
  if (vacancy.remote) places.push("wants_remote = true");
  return and([
    "discoverable = true",
    notOffered.length ? `NOT needs IN [${notOffered.map(quote).join(", ")}]` : null,
    vacancy.demands.length ? `NOT limits IN [${vacancy.demands.map(quote).join(", ")}]` : null,
    or(places),
  ]);
}
