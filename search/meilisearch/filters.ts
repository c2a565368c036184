/**
 * Translation of the engine's queries into Meilisearch filter expressions — pure functions, unit-tested without a
 * server. Each filter reproduces the Postgres engine's WHERE clause (search/postgres/engine.ts) term by term, so both
 * engines return the same candidate set; filters.differential.test.ts checks that against the Postgres engine.
 *
 * Filter syntax: https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference
 * Meilisearch semantics relied on here:
 *  - `attr = v` on an array attribute matches when any element equals v; `attr IN [a, b]` when any element is a or b.
 *  - `NOT expr` is the complement of expr over the whole index (documents missing the attribute included), so
 *    `NOT demands IN [x]` keeps vacancies with no demands at all, as `not (demands && '{x}')` does in SQL.
 *  - AND binds tighter than OR; every OR group below is parenthesized anyway, so no output depends on precedence.
 */
import { ACCOMMODATIONS } from "../../app/domain/catalog";
import type { EligibleFor, SeekerQuery, VacancyQuery } from "../engine";

/**
 * Quotes a value for a filter expression. Meilisearch's filter parser unescapes only `\"` inside a double-quoted
 * value and keeps every other backslash literally, so a value holding a backslash cannot be written faithfully (a
 * trailing one would even swallow the closing quote). Every value we filter on is a catalog code or a division code,
 * so a backslash means bad input: refuse it rather than search for something else.
 */
export function quote(value: string | number | boolean): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number for a Meilisearch filter: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value.includes("\\")) throw new RangeError(`a backslash cannot be filtered on in Meilisearch: ${JSON.stringify(value)}`);
  return `"${value.replace(/"/g, '\\"')}"`;
}

function list(values: readonly string[]): string {
  return `[${values.map(quote).join(", ")}]`;
}

/** Conjunction of the parts given; each part must already be atomic or parenthesized. */
export function and(parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((p): p is string => !!p).join(" AND ");
}

/** A parenthesized disjunction (a single part is returned as it is). */
export function or(parts: readonly string[]): string {
  if (!parts.length) throw new Error("an empty OR has no filter expression: use NOTHING");
  return parts.length > 1 ? `(${parts.join(" OR ")})` : parts[0]!;
}

/**
 * A filter no document satisfies — what `regions && '{}'` is in SQL. Meilisearch has no FALSE literal, and an empty
 * `IN []` is not accepted by every version; a boolean attribute cannot be both true and false.
 */
export const NOTHING = "(remote = true AND remote = false)";

/** The places of a vacancy (its county, prefecture and province) overlap these division codes: `regions && codes`. */
export function regionsOverlap(codes: readonly string[]): string | null {
  if (!codes.length) return null;
  const l = list(codes);
  return `(county IN ${l} OR prefecture IN ${l} OR province IN ${l})`;
}

/** "YYYY-MM-DD" as the integer YYYYMMDD the index stores in `closing_day`. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Number(`${m[1]}${m[2]}${m[3]}`);
}

/**
 * The `closing_day` of a vacancy without a closing date: past every real day, so "closing_day >= today" keeps it,
 * as `closing_date is null or closing_date >= today` does in SQL.
 */
export const NO_CLOSING_DAY = 99_991_231;

/** Design §5 rule 1 as a filter: every required need offered, no demand among the limits, the place or remote. */
export function eligibleFilter(e: EligibleFor): string {
  const place = regionsOverlap(e.reach);
  const places = [place, e.wantsRemote ? "remote = true" : null].filter((p): p is string => !!p);
  return `(${and([
    ...e.needsRequired.map((n) => `accommodations = ${quote(n)}`),
    e.limits.length ? `NOT demands IN ${list(e.limits)}` : null,
    places.length ? or(places) : NOTHING,
  ])})`;
}

/** The vacancy search's filter: the same conditions, in the same order, as the Postgres engine's `vacancyWhere`. */
export function vacancyFilter(q: Omit<VacancyQuery, "text" | "sort" | "offset" | "limit" | "facets">): string {
  return and([
    `closing_day >= ${dayNumber(q.openOn)}`,
    q.region ? regionsOverlap([q.region]) : null,
    ...(q.accommodations ?? []).map((a) => `accommodations = ${quote(a)}`),
    q.remote ? "remote = true" : null,
    q.employmentType ? `employment_type = ${quote(q.employmentType)}` : null,
    q.payMin != null ? `pay_max >= ${quote(Math.trunc(q.payMin))}` : null,
    q.quotaEligible ? "quota_eligible = true" : null,
    q.educationRankMax != null ? `education_rank <= ${quote(Math.trunc(q.educationRankMax))}` : null,
    q.eligibleFor ? eligibleFilter(q.eligibleFor) : null,
    q.excludeEligibleFor ? `NOT ${eligibleFilter(q.excludeEligibleFor)}` : null,
  ]);
}

/** Every accommodation code there is: the universe `needs <@ offered` is taken against. */
export const ALL_ACCOMMODATIONS: readonly string[] = ACCOMMODATIONS.map((a) => a.code);

/**
 * The reverse direction: discoverable seekers a vacancy suits. `needs <@ offered` has no direct form in Meilisearch;
 * it is "no need outside what is offered": `NOT needs IN [every code the vacancy does not offer]`, with the catalog as
 * the universe. (A seeker whose needs held a code outside the catalog would pass here and fail in SQL; needs are
 * parsed against the catalog on the way in, so no stored profile has one.)
 */
export function candidatesFilter(v: SeekerQuery["candidatesOf"], universe: readonly string[] = ALL_ACCOMMODATIONS): string {
  const offered = new Set(v.accommodations);
  const notOffered = universe.filter((a) => !offered.has(a));
  const c = v.county;
  const places = [`reach IN ${list([c, `${c.slice(0, 4)}00`, `${c.slice(0, 2)}0000`])}`];
  if (v.remote) places.push("wants_remote = true");
  return and([
    notOffered.length ? `NOT needs IN ${list(notOffered)}` : null,
    v.demands.length ? `NOT limits IN ${list(v.demands)}` : null,
    or(places),
  ]);
}
