/**
 * The plan's figures (issue 13, design §2): for a region and a period, each indicator's target, its actual computed
 * live from the records, where it should be by now, and a status; the same actuals for each direct sub-region; the
 * list behind every figure; and the targets themselves.
 *
 * `computeStatistics` checks no permission: snapshots, the command line and the annual report call it after their own
 * checks. Pages and the API call `readStatistics`. What each actual counts is written out in ./indicators.ts
 * (`computedZh`/`computedEn`); the queries below must say the same thing.
 *
 * "As of" a day: only what existed by that day counts — employment started, verifications made, events ended,
 * services given, declarations submitted, disclosures published, people registered — so a past quarter's end
 * reproduces what that quarter showed (apart from records entered later with earlier dates, which is the point of
 * recording them).
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "../../../db/database";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound } from "../ids";
import { isWithinRegion, PROVINCE_CODE, regionPrefix, requirePermission, type Actor } from "../permissions";
import { householdSummary } from "../realname/households.server";
import { provincialBodiesSummary } from "../realname/provincial-bodies.server";
import { workingAgeSql } from "../realname/working-age";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { SERVICE_TYPES } from "../counseling/counseling.schema";
import {
  EMPLOYMENT_FORMS,
  RECORDED_INDICATORS,
  type BreakdownEntry,
  type IndicatorCode,
  type IndicatorStatus,
  type IndicatorValue,
  type Statistics,
  type StatisticsQuery,
  type SubRegionRow,
} from "./contract";
import { INDICATOR_CODES, indicatorDefinition, isIndicatorCode } from "./indicators";
import { formatPeriod, LIST_PAGE_SIZE, type TargetInput } from "./statistics.schema";

/** Where the value's target came from, and how it was applied to the query's period (optional in the contract). */
export interface TargetOrigin {
  regionCode: string;
  periodStart: number;
  periodEnd: number;
  source: string;
  /** The stored value (for the target period); `target` may be a share of it. */
  value: number;
  /** A count target of a longer period, spread evenly over its years: target = value × query years ÷ period years. */
  prorated: boolean;
}

export type StatisticsIndicator = IndicatorValue & {
  targetOrigin?: TargetOrigin | null;
  /** A rate with nobody to count (no denominator): the actual is empty, and the status says nothing was recorded. */
  empty?: boolean;
};

export type StatisticsResult = Statistics & { indicators: StatisticsIndicator[] };

// ---------------------------------------------------------------------------------------------------------------
// Days

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The first instant of a Shanghai calendar day. */
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function quarterStartOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
}

interface Window {
  regionCode: string;
  prefix: string;
  periodStart: number;
  periodEnd: number;
  asOf: string;
  /** First day of the period. */
  from: string;
  /** Last day counted: the period's end or the as-of day, whichever is earlier. */
  to: string;
  /** The first instant after the as-of day (Shanghai), for timestamps. */
  asOfNext: Date;
  /** The day the "on a day" figures are taken: the as-of day, or the period's last day if it is over by then. */
  day: string;
}

function windowOf(q: StatisticsQuery): Window {
  const from = `${q.periodStart}-01-01`;
  const last = `${q.periodEnd}-12-31`;
  const to = q.asOf < last ? q.asOf : last;
  return {
    regionCode: q.regionCode,
    prefix: regionPrefix(q.regionCode),
    periodStart: q.periodStart,
    periodEnd: q.periodEnd,
    asOf: q.asOf,
    from,
    to,
    asOfNext: startOfDay(addDays(q.asOf, 1)),
    day: to,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Tallies: each recorded indicator counted once, grouped by place, so the region and every sub-region add up from
// the same rows.

interface Tally {
  place: string | null;
  key: string;
  num: number;
  den: number;
}

type Tallies = Partial<Record<IndicatorCode, Tally[]>>;

/** A seeker's place: where they live now, else their household registration (decision 007). */
const SEEKER_PLACE = sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`;

function within(column: Expression<string | null>, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} like ${`${prefix}%`}`;
}

/** An employment record that holds on `day`: started, not ended, not past its contract end. */
function employedOn(day: string) {
  return sql<SqlBool>`exists (select 1 from employment e where e.seeker_id = u.id and e.contract_start <= ${day}::date
    and (e.ended_on is null or e.ended_on > ${day}::date) and (e.contract_end is null or e.contract_end >= ${day}::date))`;
}

async function newJobs(db: DB, w: Window): Promise<Tally[]> {
  const place = sql<string | null>`coalesce(p.current_region_code, p.household_region_code, o.region_code)`;
  const rows = await db
    .selectFrom("employment as e")
    .leftJoin("seeker_profile as p", "p.user_id", "e.seeker_id")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select([place.as("place"), "e.form", (eb) => eb.fn.countAll<string>().as("n")])
    .where("e.contract_start", ">=", w.from)
    .where("e.contract_start", "<=", w.to)
    .where(within(place, w.prefix))
    .groupBy([place, "e.form"])
    .execute();
  return rows.map((r) => ({ place: r.place, key: r.form, num: Number(r.n), den: 0 }));
}

/** The graduation years counted: those of the period up to the as-of day's year. */
function cohortYears(w: Window): [number, number] | null {
  const last = Math.min(w.periodEnd, Number(w.asOf.slice(0, 4)));
  return last >= w.periodStart ? [w.periodStart, last] : null;
}

/** An employment record of any form starting in the graduation year, by the as-of day (cohorts.server.ts). */
function employedInGraduationYear(asOf: string) {
  return sql<SqlBool>`exists (select 1 from employment e where e.seeker_id = u.id
    and e.contract_start >= make_date(p.graduation_year, 1, 1) and e.contract_start <= make_date(p.graduation_year, 12, 31)
    and e.contract_start <= ${asOf}::date)`;
}

async function graduateRate(db: DB, w: Window): Promise<Tally[]> {
  const years = cohortYears(w);
  if (!years) return [];
  const rows = await db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .select([SEEKER_PLACE.as("place"), (eb) => eb.fn.countAll<string>().as("den"), sql<string>`count(*) filter (where ${employedInGraduationYear(w.asOf)})`.as("num")])
    .where("u.role", "=", "seeker")
    .where("u.created_at", "<", w.asOfNext)
    .where("p.graduation_year", ">=", years[0])
    .where("p.graduation_year", "<=", years[1])
    .where(within(SEEKER_PLACE, w.prefix))
    .groupBy(SEEKER_PLACE)
    .execute();
  return rows.map((r) => ({ place: r.place, key: "", num: Number(r.num), den: Number(r.den) }));
}

/** Seekers with a certificate number, registered by the day, of working age on it, whose place is in the region. */
function certificateHolders(db: DB, w: Window) {
  return db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .where("u.role", "=", "seeker")
    .where("u.created_at", "<", w.asOfNext)
    .where("p.certificate_number", "is not", null)
    .where("p.certificate_number", "<>", "")
    .where(workingAgeSql("p.gender", "p.birth_date", w.day))
    .where(within(SEEKER_PLACE, w.prefix));
}

function verifiedInQuarter(day: string) {
  return sql<SqlBool>`exists (select 1 from real_name_verification v where v.seeker_id = u.id
    and v.verified_on >= ${quarterStartOf(day)}::date and v.verified_on <= ${day}::date)`;
}

async function workingAge(db: DB, w: Window): Promise<{ employment: Tally[]; verified: Tally[] }> {
  const rows = await certificateHolders(db, w)
    .select([
      SEEKER_PLACE.as("place"),
      (eb) => eb.fn.countAll<string>().as("den"),
      sql<string>`count(*) filter (where ${employedOn(w.day)})`.as("employed"),
      sql<string>`count(*) filter (where ${verifiedInQuarter(w.day)})`.as("verified"),
    ])
    .groupBy(SEEKER_PLACE)
    .execute();
  return {
    employment: rows.map((r) => ({ place: r.place, key: "", num: Number(r.employed), den: Number(r.den) })),
    verified: rows.map((r) => ({ place: r.place, key: "", num: Number(r.verified), den: Number(r.den) })),
  };
}

/** A declaration's status on the as-of day: its review result if reviewed by then, else awaiting review. */
function declarationStatusAsOf(asOfNext: Date) {
  return sql<string>`case when d.status in ('approved', 'returned') and d.reviewed_at < ${asOfNext} then d.status else 'submitted' end`;
}

async function quotaDeclarations(db: DB, w: Window): Promise<Tally[]> {
  const status = declarationStatusAsOf(w.asOfNext);
  const rows = await db
    .selectFrom("quota_declaration as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select(["o.region_code as place", status.as("status"), (eb) => eb.fn.countAll<string>().as("n")])
    .where("d.levy_year", ">=", w.periodStart)
    .where("d.levy_year", "<=", w.periodEnd)
    .where("d.status", "<>", "draft")
    .where("d.submitted_at", "<", w.asOfNext)
    .where(within(sql.ref("o.region_code"), w.prefix))
    // By position: the status expression carries a parameter, and a repeated parameter is not the same expression.
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((r) => ({ place: r.place, key: r.status, num: Number(r.n), den: 0 }));
}

async function quotaDisclosure(db: DB, w: Window): Promise<Tally[]> {
  const rows = await db
    .selectFrom("quota_disclosure_entry as e")
    .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
    .select(["e.region_code as place", "e.met", (eb) => eb.fn.countAll<string>().as("n")])
    .where("q.levy_year", ">=", w.periodStart)
    .where("q.levy_year", "<=", w.periodEnd)
    .where("q.published_at", "<", w.asOfNext)
    .where(within(sql.ref("e.region_code"), w.prefix))
    .groupBy(["e.region_code", "e.met"])
    .execute();
  return rows.map((r) => ({ place: r.place, key: r.met ? "met" : "not_met", num: Number(r.n), den: 0 }));
}

/** Events held: published, not cancelled, in the region, ended within the period and by the as-of day. */
function heldEvents(db: DB, w: Window) {
  const periodEndNext = startOfDay(`${w.periodEnd + 1}-01-01`);
  return db
    .selectFrom("recruitment_event as ev")
    .where("ev.status", "=", "published")
    .where("ev.ends_at", ">=", startOfDay(w.from))
    .where("ev.ends_at", "<", w.asOfNext < periodEndNext ? w.asOfNext : periodEndNext)
    .where(within(sql.ref("ev.region_code"), w.prefix));
}

function hiredBy(asOfNext: Date) {
  return sql<SqlBool>`a.status = 'hired' and exists (select 1 from application_event ae where ae.application_id = a.id
    and ae.to_status = 'hired' and ae.at < ${asOfNext})`;
}

async function events(db: DB, w: Window): Promise<{ held: Tally[]; hires: Tally[] }> {
  const [held, hires] = await Promise.all([
    heldEvents(db, w)
      .select(["ev.region_code as place", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("ev.region_code")
      .execute(),
    heldEvents(db, w)
      .innerJoin("application as a", "a.event_id", "ev.id")
      .select(["ev.region_code as place", (eb) => eb.fn.countAll<string>().as("n")])
      .where(hiredBy(w.asOfNext))
      .groupBy("ev.region_code")
      .execute(),
  ]);
  return {
    held: held.map((r) => ({ place: r.place, key: "", num: Number(r.n), den: 0 })),
    hires: hires.map((r) => ({ place: r.place, key: "", num: Number(r.n), den: 0 })),
  };
}

async function services(db: DB, w: Window): Promise<Tally[]> {
  const rows = await db
    .selectFrom("service_record as s")
    .innerJoin("seeker_profile as p", "p.user_id", "s.seeker_id")
    .select([SEEKER_PLACE.as("place"), "s.type", (eb) => eb.fn.countAll<string>().as("n")])
    .where("s.service_date", ">=", w.from)
    .where("s.service_date", "<=", w.to)
    .where(within(SEEKER_PLACE, w.prefix))
    .groupBy([SEEKER_PLACE, "s.type"])
    .execute();
  return rows.map((r) => ({ place: r.place, key: r.type, num: Number(r.n), den: 0 }));
}

async function tallies(db: DB, w: Window): Promise<Tallies> {
  // One after another: PGlite is one connection, and on PostgreSQL these are small grouped scans.
  const jobs = await newJobs(db, w);
  const grads = await graduateRate(db, w);
  const wa = await workingAge(db, w);
  const decl = await quotaDeclarations(db, w);
  const disc = await quotaDisclosure(db, w);
  const ev = await events(db, w);
  const serv = await services(db, w);
  return {
    new_jobs: jobs,
    graduate_employment_rate: grads,
    working_age_employment_rate: wa.employment,
    real_name_verified: wa.verified,
    quota_declarations: decl,
    quota_disclosure: disc,
    events_held: ev.held,
    event_hires: ev.hires,
    services_given: serv,
  };
}

/** The year the provincial bodies are looked at: the period's last year, or the as-of day's year if earlier. */
function bodiesYear(w: Window): number {
  return Math.min(w.periodEnd, Number(w.asOf.slice(0, 4)));
}

/** The figures the real-name module computes (households, provincial bodies) for one region, as tallies. */
async function realNameTallies(db: DB, w: Window, regionCode: string): Promise<Tallies> {
  const households = await householdSummary(db, regionCode, w.day);
  const bodies = await provincialBodiesSummary(db, regionCode, bodiesYear(w));
  return {
    // Of the households with a working-age member, those where one is employed (a household with no working-age
    // member can be neither, households.server.ts).
    zero_employment_households_cleared: [
      { place: regionCode, key: "", num: households.withSomeoneEmployed, den: households.withSomeoneEmployed + households.zeroEmployment },
    ],
    provincial_bodies_employing: [{ place: regionCode, key: "", num: bodies.employing, den: bodies.bodies }],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// From tallies to values

interface Actual {
  actual: number | null;
  numerator?: number;
  denominator?: number;
  breakdown?: BreakdownEntry[];
  empty?: boolean;
}

/** Keys every breakdown shows, zero or not, in this order. */
const BREAKDOWN_KEYS: Partial<Record<IndicatorCode, readonly string[]>> = {
  new_jobs: EMPLOYMENT_FORMS,
  quota_declarations: ["submitted", "approved", "returned"],
  quota_disclosure: ["met", "not_met"],
  services_given: SERVICE_TYPES,
};

function actualOf(code: IndicatorCode, rows: Tally[] | undefined, regionCode: string): Actual {
  const mine = (rows ?? []).filter((r) => isWithinRegion(regionCode, r.place));
  if (indicatorDefinition(code).kind === "rate") {
    const numerator = mine.reduce((s, r) => s + r.num, 0);
    const denominator = mine.reduce((s, r) => s + r.den, 0);
    return denominator > 0 ? { actual: numerator / denominator, numerator, denominator } : { actual: null, numerator, denominator, empty: true };
  }
  const actual = mine.reduce((s, r) => s + r.num, 0);
  const keys = BREAKDOWN_KEYS[code];
  if (!keys) return { actual };
  const breakdown = keys.map((key) => ({ key, value: mine.filter((r) => r.key === key).reduce((s, r) => s + r.num, 0) }));
  return { actual, breakdown };
}

interface TargetRow {
  indicator: string;
  period_start: number;
  period_end: number;
  region_code: string;
  target_value: string;
  source: string;
}

/**
 * The target for the query's period: a target whose period holds it, of the region itself — or, for a rate, of the
 * most local region holding it (60% holds in every county unless the county has its own). A count target belongs to
 * its region only: the province's 50,000 new jobs are not a county's. A count target of a longer period is spread
 * evenly over its years; a rate target holds for every year of its period.
 */
export function chooseTarget(code: IndicatorCode, rows: readonly TargetRow[], q: Pick<StatisticsQuery, "regionCode" | "periodStart" | "periodEnd">) {
  const kind = indicatorDefinition(code).kind;
  const candidates = rows
    .filter((r) => r.indicator === code && r.period_start <= q.periodStart && r.period_end >= q.periodEnd)
    .filter((r) => (kind === "rate" ? isWithinRegion(r.region_code, q.regionCode) : r.region_code === q.regionCode))
    .sort(
      (a, b) =>
        regionPrefix(b.region_code).length - regionPrefix(a.region_code).length ||
        // The shortest period holding the query, then the latest.
        a.period_end - a.period_start - (b.period_end - b.period_start) ||
        b.period_start - a.period_start,
    );
  const t = candidates[0];
  if (!t) return null;
  const value = Number(t.target_value);
  const years = t.period_end - t.period_start + 1;
  const queryYears = q.periodEnd - q.periodStart + 1;
  const prorated = kind === "count" && queryYears < years;
  const origin: TargetOrigin = { regionCode: t.region_code, periodStart: t.period_start, periodEnd: t.period_end, source: t.source, value, prorated };
  return { target: prorated ? (value * queryYears) / years : value, origin };
}

/** The share of the period elapsed by the as-of day (0 before it starts, 1 after it ends). */
export function elapsedShare(q: Pick<StatisticsQuery, "periodStart" | "periodEnd" | "asOf">): number {
  const from = `${q.periodStart}-01-01`;
  const last = `${q.periodEnd}-12-31`;
  if (q.asOf < from) return 0;
  if (q.asOf >= last) return 1;
  return dayCount(from, q.asOf) / dayCount(from, last);
}

/**
 * Where the figure should be by the as-of day and how it stands: done when the actual reaches the target; on track
 * when it reaches where it should be by now (a rate's target, or a count target times the share of the period
 * elapsed); behind otherwise.
 */
export function judge(kind: "count" | "rate", target: number | null, actual: number | null, elapsed: number): Pick<IndicatorValue, "expectedByNow" | "shareDone" | "status"> {
  if (target === null) return { expectedByNow: null, shareDone: null, status: actual === null ? "not_recorded" : "no_target" };
  const expectedByNow = kind === "rate" ? target : target * elapsed;
  if (actual === null) return { expectedByNow, shareDone: null, status: "not_recorded" };
  const shareDone = target > 0 ? actual / target : null;
  // Comparisons allow for binary fractions (0.6 × 5 is not exactly 3).
  const eps = 1e-9;
  const status: IndicatorStatus = actual + eps >= target ? "done" : actual + eps >= expectedByNow ? "on_track" : "behind";
  return { expectedByNow, shareDone, status };
}

async function divisionOf(db: DB, code: string) {
  if (!/^\d{6}$/.test(code)) notFound();
  const d = await db.selectFrom("division").select(["code", "name", "level"]).where("code", "=", code).executeTakeFirst();
  if (!d) notFound();
  return d;
}

/** The direct children of a division: the prefectures of the province, the counties of a prefecture. */
async function childrenOf(db: DB, code: string) {
  return db.selectFrom("division").select(["code", "name"]).where("parent_code", "=", code).orderBy("code").execute();
}

/**
 * The plan's figures for a region and period as of a day. No permission check: callers check first (readStatistics
 * for pages and the API; snapshots and the report for their own users).
 */
export async function computeStatistics(db: DB, q: StatisticsQuery): Promise<StatisticsResult> {
  const region = await divisionOf(db, q.regionCode);
  const w = windowOf(q);
  const [children, targets] = await Promise.all([
    childrenOf(db, region.code),
    db
      .selectFrom("plan_target")
      .select(["indicator", "period_start", "period_end", "region_code", "target_value", "source"])
      .where("period_start", "<=", q.periodStart)
      .where("period_end", ">=", q.periodEnd)
      .execute(),
  ]);
  const shared = await tallies(db, w);
  const own = { ...shared, ...(await realNameTallies(db, w, region.code)) };
  const elapsed = elapsedShare(q);

  const indicators: StatisticsIndicator[] = INDICATOR_CODES.map((code) => {
    const def = indicatorDefinition(code);
    const chosen = chooseTarget(code, targets, q);
    const target = chosen?.target ?? null;
    const a: Actual = def.recorded ? actualOf(code, own[code], region.code) : { actual: null };
    const value: StatisticsIndicator = {
      code,
      unit: def.unit,
      target,
      actual: a.actual,
      ...(a.numerator !== undefined ? { numerator: a.numerator, denominator: a.denominator } : {}),
      ...judge(def.kind, target, a.actual, elapsed),
      ...(a.breakdown ? { breakdown: a.breakdown } : {}),
      targetOrigin: chosen?.origin ?? null,
      ...(a.empty ? { empty: true } : {}),
    };
    return value;
  });

  const subRegions: SubRegionRow[] = [];
  for (const child of children) {
    const theirs = { ...shared, ...(await realNameTallies(db, w, child.code)) };
    const actuals: SubRegionRow["actuals"] = {};
    for (const code of RECORDED_INDICATORS) actuals[code] = actualOf(code, theirs[code], child.code).actual;
    subRegions.push({ regionCode: child.code, regionName: child.name, actuals });
  }

  return { regionCode: region.code, regionName: region.name, periodStart: q.periodStart, periodEnd: q.periodEnd, asOf: q.asOf, indicators, subRegions };
}

/** The figures for a page or the API: the admin's region or one within it (404 otherwise, as for anything unseen). */
export async function readStatistics(db: DB, actor: Actor, q: StatisticsQuery): Promise<StatisticsResult> {
  requirePermission(actor, "read:statistics", { regionCode: q.regionCode });
  return computeStatistics(db, q);
}
