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
import { todayInShanghai } from "../vacancies/vacancies.schema";
import type { DB } from "../../../db/database";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound } from "../ids";
import { can, isWithinRegion, PROVINCE_CODE, regionPrefix, requirePermission, type Actor } from "../permissions";
import { householdSummary, someoneEmployedSql, zeroEmploymentSql } from "../realname/households.server";
import { provincialBodiesSummary, provincialBodyEmployingSql } from "../realname/provincial-bodies.server";
import { workingAgeSql } from "../realname/working-age";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { SERVICE_TYPES } from "../counseling/counseling.schema";
import { activeDesignations, countyCoverage } from "../institutions/designations.server";
import { supportedBusinessesByPlace } from "../entrepreneurship/entrepreneurship.server";
import { instructorsTrained } from "../staff-training/staff-training.server";
import type { DesignationKind, TrainingKind } from "../../../db/schema";
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

export type StatisticsResult = Omit<Statistics, "indicators"> & { indicators: StatisticsIndicator[] };

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
  /**
   * Rows that count towards one side only: where the breakdown counts the same thing in several parts (a person who
   * completed two kinds of course, an organization with two designations), the actual comes from "actual" rows and
   * the breakdown from "breakdown" rows. Unset: both.
   */
  only?: "actual" | "breakdown";
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
    // A skills competition is an event of its own kind, not a recruitment event (issue 14).
    .where("ev.kind", "<>", "competition")
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

// ---------------------------------------------------------------------------------------------------------------
// The programmes (issue 14): training completions, designated institutions, county coverage, entrepreneurs,
// instructors. People are counted once per indicator, at their place (as the other indicators); institutions at the
// organization's place; businesses at their registered place.

/** Courses that count as urban vocational skills training (the rural, blind-massage courses have their own figures). */
export const URBAN_TRAINING_KINDS = ["urban_vocational", "online_remote", "continuing_education", "entrepreneurship"] as const satisfies readonly TrainingKind[];
/** Designations that make a demonstration site (集中就业示范点, 扶贫/创业基地). */
export const DEMONSTRATION_KINDS = ["concentrated_demo", "poverty_startup_base"] as const satisfies readonly DesignationKind[];

/** SQL: the seeker aliased `u` completed a course of `kinds` with a completion day in the window. */
function completedIn(w: Window, kinds: readonly TrainingKind[]) {
  return sql<SqlBool>`exists (select 1 from course_enrolment ce join course c on c.id = ce.course_id where ce.seeker_id = u.id
    and ce.status = 'completed' and ce.completed_on >= ${w.from}::date and ce.completed_on <= ${w.to}::date
    and c.kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`;
}

/** SQL: the seeker aliased `u` completed blind health massage (any day) and started a job on or after it, in the window. */
function blindMassageEmployedIn(w: Window) {
  return sql<SqlBool>`exists (select 1 from course_enrolment ce join course c on c.id = ce.course_id
    join employment e on e.seeker_id = ce.seeker_id and e.contract_start >= ce.completed_on
    where ce.seeker_id = u.id and ce.status = 'completed' and c.kind = 'blind_health_massage'
    and e.contract_start >= ${w.from}::date and e.contract_start <= ${w.to}::date)`;
}

/** Who each training figure counts (apart from the course): urban residents, rural poor households, anyone. */
const TRAINING_FIGURES = {
  training_urban: { kinds: URBAN_TRAINING_KINDS, who: sql<SqlBool>`p.residence = 'urban'` },
  training_rural: { kinds: ["rural_practical"], who: sql<SqlBool>`p.residence = 'rural' and p.poor_household` },
  blind_massage_trained: { kinds: ["blind_health_massage"], who: null },
  blind_medical_massage_trained: { kinds: ["blind_medical_massage"], who: null },
} as const satisfies Record<string, { kinds: readonly TrainingKind[]; who: Expression<SqlBool> | null }>;
type TrainingFigure = keyof typeof TRAINING_FIGURES;

/** The seekers a training figure counts, once each: place in the region, the figure's people, the figure's test. */
function trainingPeople(db: DB, w: Window, code: TrainingFigure | "blind_massage_employed", kinds?: readonly TrainingKind[]) {
  let q = db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .where(within(SEEKER_PLACE, w.prefix));
  if (code === "blind_massage_employed") return q.where(blindMassageEmployedIn(w));
  const figure = TRAINING_FIGURES[code];
  if (figure.who) q = q.where(figure.who);
  return q.where(completedIn(w, kinds ?? figure.kinds));
}

async function training(db: DB, w: Window): Promise<Tallies> {
  const out: Tallies = {};
  for (const code of [...(Object.keys(TRAINING_FIGURES) as TrainingFigure[]), "blind_massage_employed" as const]) {
    const parts = code === "training_urban" ? URBAN_TRAINING_KINDS : [];
    const rows = await trainingPeople(db, w, code)
      .select([
        SEEKER_PLACE.as("place"),
        (eb) => eb.fn.countAll<string>().as("n"),
        ...parts.map((k) => sql<string>`count(*) filter (where ${completedIn(w, [k])})`.as(k)),
      ])
      .groupBy(SEEKER_PLACE)
      .execute();
    const tallies: Tally[] = [];
    for (const r of rows as (Record<string, string | null> & { place: string | null; n: string })[]) {
      tallies.push({ place: r.place, key: "", num: Number(r.n), den: 0, only: "actual" });
      for (const k of parts) tallies.push({ place: r.place, key: k, num: Number(r[k] ?? 0), den: 0, only: "breakdown" });
    }
    out[code] = tallies;
  }
  return out;
}

/** Organizations with an active designation of `kinds` on the window's day: once each, and once per kind. */
function designationTallies(active: Awaited<ReturnType<typeof activeDesignations>>): Tally[] {
  const orgs = new Map<string, string>();
  const parts = new Set<string>();
  const rows: Tally[] = [];
  for (const d of active) {
    if (!orgs.has(d.organizationId)) {
      orgs.set(d.organizationId, d.regionCode);
      rows.push({ place: d.regionCode, key: "", num: 1, den: 0, only: "actual" });
    }
    if (!parts.has(`${d.organizationId}:${d.kind}`)) {
      parts.add(`${d.organizationId}:${d.kind}`);
      rows.push({ place: d.regionCode, key: d.kind, num: 1, den: 0, only: "breakdown" });
    }
  }
  return rows;
}

async function institutions(db: DB, w: Window): Promise<Tallies> {
  const demo = await activeDesignations(db, { kinds: DEMONSTRATION_KINDS, regionCode: w.regionCode, on: w.day });
  const auxDemo = await activeDesignations(db, { kinds: ["auxiliary_demo"], regionCode: w.regionCode, on: w.day });
  const coverage = await countyCoverage(db, { regionCode: w.regionCode, on: w.day });
  const businesses = await supportedBusinessesByPlace(db, { regionCode: w.regionCode, from: w.from, to: w.to, asOf: w.asOf });
  return {
    demonstration_sites: designationTallies(demo),
    auxiliary_demonstration_institutions: designationTallies(auxDemo),
    // One row per county: covered or not, out of one.
    auxiliary_county_coverage: coverage.counties.map((c) => ({ place: c.code, key: c.covered ? "covered" : "uncovered", num: c.covered ? 1 : 0, den: 1 })),
    entrepreneur_households: businesses.map((b) => ({ place: b.regionCode, key: "", num: b.count, den: 0 })),
  };
}

/**
 * Instructors are counted per region (instructorsTrained): a person is their account or their name within a
 * division, so one trained in two counties is one person in the prefecture, not two.
 */
async function instructorTallies(db: DB, w: Window, regionCode: string): Promise<Tallies> {
  const n = await instructorsTrained(db, { regionCode, from: w.from, to: w.to, asOf: w.asOf });
  return { instructors_trained: [{ place: regionCode, key: "", num: n, den: 0 }] };
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
  const trained = await training(db, w);
  const inst = await institutions(db, w);
  return {
    ...trained,
    ...inst,
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
  const bodies = await provincialBodiesSummary(db, regionCode, bodiesYear(w), w.asOf);
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
  training_urban: URBAN_TRAINING_KINDS,
  demonstration_sites: DEMONSTRATION_KINDS,
};

function actualOf(code: IndicatorCode, rows: Tally[] | undefined, regionCode: string): Actual {
  const mine = (rows ?? []).filter((r) => isWithinRegion(regionCode, r.place));
  const counted = mine.filter((r) => r.only !== "breakdown");
  if (indicatorDefinition(code).kind === "rate") {
    const numerator = counted.reduce((s, r) => s + r.num, 0);
    const denominator = counted.reduce((s, r) => s + r.den, 0);
    return denominator > 0 ? { actual: numerator / denominator, numerator, denominator } : { actual: null, numerator, denominator, empty: true };
  }
  const actual = counted.reduce((s, r) => s + r.num, 0);
  const keys = BREAKDOWN_KEYS[code];
  if (!keys) return { actual };
  const parts = mine.filter((r) => r.only !== "actual");
  const breakdown = keys.map((key) => ({ key, value: parts.filter((r) => r.key === key).reduce((s, r) => s + r.num, 0) }));
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
  const own = { ...shared, ...(await realNameTallies(db, w, region.code)), ...(await instructorTallies(db, w, region.code)) };
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
    const theirs = { ...shared, ...(await realNameTallies(db, w, child.code)), ...(await instructorTallies(db, w, child.code)) };
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

// ---------------------------------------------------------------------------------------------------------------
// The list behind a figure

/** A cell of a list: words, a message key, a calendar day, or a number. */
export type ListCell =
  | { kind: "text"; value: string | null }
  | { kind: "label"; key: string }
  | { kind: "labels"; keys: string[] }
  | { kind: "date"; value: string | null }
  | { kind: "number"; value: number };

export interface IndicatorList {
  code: IndicatorCode;
  regionCode: string;
  regionName: string;
  periodStart: number;
  periodEnd: number;
  asOf: string;
  /** The part of the figure listed (a form, a status…), or null for all of it. */
  key: string | null;
  /** The parts one may narrow the list to. */
  keys: readonly string[];
  /** Column names: `statistics.list.col.<name>`. */
  columns: readonly string[];
  rows: ListCell[][];
  total: number;
  page: number;
  pageCount: number;
  /** False for an indicator nothing records yet: there is no list behind it. */
  recorded: boolean;
}

export interface ListQuery extends StatisticsQuery {
  code: IndicatorCode;
  key?: string | null;
  page?: number;
}

/** The parts of each figure a list can be narrowed to. */
export const LIST_KEYS: Partial<Record<IndicatorCode, readonly string[]>> = {
  ...BREAKDOWN_KEYS,
  graduate_employment_rate: ["employed", "not_employed"],
  working_age_employment_rate: ["employed", "not_employed"],
  real_name_verified: ["verified", "not_verified"],
  zero_employment_households_cleared: ["cleared", "zero"],
  provincial_bodies_employing: ["employing", "not_employing"],
  auxiliary_county_coverage: ["covered", "uncovered"],
};

const text = (value: string | null | undefined): ListCell => ({ kind: "text", value: value ?? null });
const label = (key: string): ListCell => ({ kind: "label", key });
const day = (value: string | null | undefined): ListCell => ({ kind: "date", value: value ?? null });
const num = (value: number): ListCell => ({ kind: "number", value });
const personName = sql<string | null>`coalesce(nullif(p.real_name, ''), u.display_name)`;

interface Page {
  page: number;
  pageCount: number;
  limit: number;
  offset: number;
}

function pageOf(total: number, requested: number | undefined): Page {
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1)), pageCount);
  return { page, pageCount, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE };
}

interface ListPart {
  columns: readonly string[];
  total: number;
  page: Page;
  rows: ListCell[][];
  /** The people shown on the page (audited). */
  people: (string | null)[];
}

async function listRows(db: DB, w: Window, code: IndicatorCode, key: string | null, requested: number | undefined): Promise<ListPart> {
  const count = async (q: { select: any }) => Number(((await (q as any).select(sql<string>`count(*)`.as("n")).executeTakeFirst()) as { n: string } | undefined)?.n ?? 0);
  switch (code) {
    case "new_jobs": {
      const place = sql<string | null>`coalesce(p.current_region_code, p.household_region_code, o.region_code)`;
      let q = db
        .selectFrom("employment as e")
        .leftJoin("seeker_profile as p", "p.user_id", "e.seeker_id")
        .leftJoin("app_user as u", "u.id", "e.seeker_id")
        .leftJoin("organization as o", "o.id", "e.organization_id")
        .where("e.contract_start", ">=", w.from)
        .where("e.contract_start", "<=", w.to)
        .where(within(place, w.prefix));
      if (key) q = q.where("e.form", "=", key as never);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .leftJoin("division as d", (j) => j.on(sql<SqlBool>`d.code = ${place}`))
        .select(["e.seeker_id", personName.as("name"), "e.form", "e.origin", sql<string | null>`coalesce(o.name, e.employer_name)`.as("employer"), sql<string>`e.contract_start::text`.as("start"), "d.name as place"])
        .orderBy("e.contract_start", "desc")
        .orderBy("e.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "form", "employer", "start", "origin", "place"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), label(`statistics.form.${r.form}`), text(r.employer), day(r.start), label(`statistics.origin.${r.origin}`), text(r.place)]),
        people: rows.map((r) => r.seeker_id),
      };
    }
    case "graduate_employment_rate": {
      const years = cohortYears(w);
      let q = db
        .selectFrom("seeker_profile as p")
        .innerJoin("app_user as u", "u.id", "p.user_id")
        .where("u.role", "=", "seeker")
        .where("u.created_at", "<", w.asOfNext)
        .where("p.graduation_year", ">=", years?.[0] ?? w.periodStart)
        .where("p.graduation_year", "<=", years?.[1] ?? w.periodStart - 1)
        .where(within(SEEKER_PLACE, w.prefix));
      if (key === "employed") q = q.where(employedInGraduationYear(w.asOf));
      if (key === "not_employed") q = q.where(sql<SqlBool>`not ${employedInGraduationYear(w.asOf)}`);
      const total = await count(q);
      const page = pageOf(total, requested);
      const firstJob = sql<string | null>`(select coalesce(o.name, e.employer_name) || '|' || e.contract_start::text from employment e left join organization o on o.id = e.organization_id
        where e.seeker_id = u.id and e.contract_start >= make_date(p.graduation_year, 1, 1) and e.contract_start <= make_date(p.graduation_year, 12, 31)
        and e.contract_start <= ${w.asOf}::date order by e.contract_start, e.id limit 1)`;
      const rows = await q
        .leftJoin("division as d", (j) => j.on(sql<SqlBool>`d.code = ${SEEKER_PLACE}`))
        .select(["u.id", personName.as("name"), "p.graduation_year", "d.name as place", firstJob.as("job")])
        .orderBy(sql`2`)
        .orderBy("u.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "graduationYear", "place", "employer", "start"],
        total,
        page,
        rows: rows.map((r) => {
          const cut = r.job ? r.job.lastIndexOf("|") : -1;
          return [text(r.name), num(r.graduation_year ?? 0), text(r.place), r.job ? text(r.job.slice(0, cut)) : label("statistics.list.notEmployed"), day(r.job ? r.job.slice(cut + 1) : null)];
        }),
        people: rows.map((r) => r.id),
      };
    }
    case "working_age_employment_rate":
    case "real_name_verified": {
      let q = certificateHolders(db, w);
      const test = code === "working_age_employment_rate" ? employedOn(w.day) : verifiedInQuarter(w.day);
      if (key === "employed" || key === "verified") q = q.where(test);
      if (key === "not_employed" || key === "not_verified") q = q.where(sql<SqlBool>`not ${test}`);
      const total = await count(q);
      const page = pageOf(total, requested);
      const lastVerified = sql<string | null>`(select max(v.verified_on)::text from real_name_verification v where v.seeker_id = u.id and v.verified_on <= ${w.day}::date)`;
      const currentForm = sql<string | null>`(select e.form from employment e where e.seeker_id = u.id and e.contract_start <= ${w.day}::date
        and (e.ended_on is null or e.ended_on > ${w.day}::date) and (e.contract_end is null or e.contract_end >= ${w.day}::date) order by e.contract_start desc, e.id limit 1)`;
      const rows = await q
        .leftJoin("division as d", (j) => j.on(sql<SqlBool>`d.code = ${SEEKER_PLACE}`))
        .select(["u.id", personName.as("name"), "d.name as place", currentForm.as("form"), lastVerified.as("verified")])
        .orderBy(sql`2`)
        .orderBy("u.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "place", "employment", "lastVerified"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), text(r.place), label(r.form ? `statistics.form.${r.form}` : "statistics.list.notEmployed"), day(r.verified)]),
        people: rows.map((r) => r.id),
      };
    }
    case "zero_employment_households_cleared": {
      const cleared = someoneEmployedSql("h.id", w.day);
      const zero = zeroEmploymentSql("h.id", w.day);
      let q = db
        .selectFrom("household as h")
        .where(within(sql.ref("h.region_code"), w.prefix))
        .where("h.created_at", "<", startOfDay(addDays(w.day, 1)))
        .where(sql<SqlBool>`(${cleared} or ${zero})`);
      if (key === "cleared") q = q.where(cleared);
      if (key === "zero") q = q.where(zero);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("division as d", "d.code", "h.region_code")
        .select([
          "d.name as place",
          sql<string>`(select count(*) from household_member m where m.household_id = h.id)`.as("members"),
          cleared.as("cleared"),
          sql<string>`h.created_at`.as("created"),
        ])
        .orderBy("d.code")
        .orderBy("h.created_at")
        .orderBy("h.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      // Households are listed by place and size only: no member is named, so nobody is read.
      return {
        columns: ["place", "members", "status"],
        total,
        page,
        rows: rows.map((r) => [text(r.place), num(Number(r.members)), label(r.cleared ? "statistics.list.household.cleared" : "statistics.list.household.zero")]),
        people: [],
      };
    }
    case "provincial_bodies_employing": {
      const year = bodiesYear(w);
      // The rule of the figure (provincialBodiesSummary), as of the same day.
      const employing = provincialBodyEmployingSql(year, w.asOf);
      let q = db
        .selectFrom("organization as o")
        .where(sql<SqlBool>`cardinality(o.provincial_body_kinds) > 0`)
        .where(within(sql.ref("o.region_code"), w.prefix));
      if (key === "employing") q = q.where(employing);
      if (key === "not_employing") q = q.where(sql<SqlBool>`not ${employing}`);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("division as d", "d.code", "o.region_code")
        .select(["o.name", "d.name as place", "o.provincial_body_kinds", employing.as("employing")])
        .orderBy("o.name")
        .orderBy("o.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["organization", "place", "kinds", "status"],
        total,
        page,
        rows: rows.map((r) => [
          text(r.name),
          text(r.place),
          { kind: "labels", keys: r.provincial_body_kinds.map((k) => `statistics.kinds.${k}`) },
          label(r.employing ? "statistics.list.body.employing" : "statistics.list.body.notEmploying"),
        ]),
        people: [],
      };
    }
    case "quota_declarations": {
      const status = declarationStatusAsOf(w.asOfNext);
      let q = db
        .selectFrom("quota_declaration as d")
        .innerJoin("organization as o", "o.id", "d.organization_id")
        .where("d.levy_year", ">=", w.periodStart)
        .where("d.levy_year", "<=", w.periodEnd)
        .where("d.status", "<>", "draft")
        .where("d.submitted_at", "<", w.asOfNext)
        .where(within(sql.ref("o.region_code"), w.prefix));
      if (key) q = q.where(sql<SqlBool>`${status} = ${key}`);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("division as dv", "dv.code", "o.region_code")
        .select(["o.name", "dv.name as place", "d.levy_year", status.as("status")])
        .orderBy("d.levy_year")
        .orderBy("o.name")
        .orderBy("d.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["organization", "place", "levyYear", "status"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), text(r.place), num(r.levy_year), label(`statistics.key.quota_declarations.${r.status}`)]),
        people: [],
      };
    }
    case "quota_disclosure": {
      let q = db
        .selectFrom("quota_disclosure_entry as e")
        .innerJoin("quota_disclosure as qd", "qd.id", "e.disclosure_id")
        .where("qd.levy_year", ">=", w.periodStart)
        .where("qd.levy_year", "<=", w.periodEnd)
        .where("qd.published_at", "<", w.asOfNext)
        .where(within(sql.ref("e.region_code"), w.prefix));
      if (key === "met" || key === "not_met") q = q.where("e.met", "=", key === "met");
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("division as dv", "dv.code", "e.region_code")
        .select(["e.organization_name", "dv.name as place", "qd.levy_year", "e.met"])
        .orderBy("qd.levy_year")
        .orderBy("e.organization_name")
        .orderBy("e.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["organization", "place", "levyYear", "status"],
        total,
        page,
        rows: rows.map((r) => [text(r.organization_name), text(r.place), num(r.levy_year), label(`statistics.key.quota_disclosure.${r.met ? "met" : "not_met"}`)]),
        people: [],
      };
    }
    case "events_held": {
      const q = heldEvents(db, w);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("division as dv", "dv.code", "ev.region_code")
        .select(["ev.title", "dv.name as place", "ev.kind", "ev.ends_at"])
        .orderBy("ev.ends_at")
        .orderBy("ev.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["event", "place", "kind", "ended"],
        total,
        page,
        rows: rows.map((r) => [text(r.title), text(r.place), label(`statistics.eventKind.${r.kind}`), day(shanghaiDay(r.ends_at))]),
        people: [],
      };
    }
    case "event_hires": {
      const q = heldEvents(db, w).innerJoin("application as a", "a.event_id", "ev.id").where(hiredBy(w.asOfNext));
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
        .innerJoin("organization as o", "o.id", "v.organization_id")
        .leftJoin("app_user as u", "u.id", "a.seeker_id")
        .leftJoin("seeker_profile as p", "p.user_id", "a.seeker_id")
        .select([
          "a.seeker_id",
          personName.as("name"),
          "ev.title",
          "o.name as employer",
          sql<Date>`(select min(ae.at) from application_event ae where ae.application_id = a.id and ae.to_status = 'hired')`.as("hired_at"),
        ])
        .orderBy("ev.ends_at")
        .orderBy("a.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "event", "employer", "hired"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), text(r.title), text(r.employer), day(r.hired_at ? shanghaiDay(new Date(r.hired_at)) : null)]),
        people: rows.map((r) => r.seeker_id),
      };
    }
    case "services_given": {
      let q = db
        .selectFrom("service_record as s")
        .innerJoin("seeker_profile as p", "p.user_id", "s.seeker_id")
        .innerJoin("app_user as u", "u.id", "s.seeker_id")
        .where("s.service_date", ">=", w.from)
        .where("s.service_date", "<=", w.to)
        .where(within(SEEKER_PLACE, w.prefix));
      if (key) q = q.where("s.type", "=", key as never);
      const total = await count(q);
      const page = pageOf(total, requested);
      const rows = await q
        .leftJoin("app_user as c", "c.id", "s.counselor_id")
        .select(["s.seeker_id", personName.as("name"), "s.type", sql<string>`s.service_date::text`.as("date"), "c.display_name as counselor"])
        .orderBy("s.service_date", "desc")
        .orderBy("s.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "serviceType", "date", "counselor"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), label(`statistics.key.services_given.${r.type}`), day(r.date), text(r.counselor)]),
        people: rows.map((r) => r.seeker_id),
      };
    }
    case "training_urban":
    case "training_rural":
    case "blind_massage_trained":
    case "blind_medical_massage_trained": {
      const figure = TRAINING_FIGURES[code];
      const kinds: readonly TrainingKind[] = key ? [key as TrainingKind] : figure.kinds;
      const q = trainingPeople(db, w, code, kinds);
      const total = await count(q);
      const page = pageOf(total, requested);
      const completions = (what: string) => sql`(select ${sql.raw(what)} from course_enrolment ce join course c on c.id = ce.course_id where ce.seeker_id = u.id
        and ce.status = 'completed' and ce.completed_on >= ${w.from}::date and ce.completed_on <= ${w.to}::date
        and c.kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`;
      const rows = await q
        .leftJoin("division as d", (j) => j.on(sql<SqlBool>`d.code = ${SEEKER_PLACE}`))
        .select([
          "u.id",
          personName.as("name"),
          sql<string>`${completions("string_agg(c.title, '、' order by ce.completed_on, c.title)")}`.as("courses"),
          sql<string>`${completions("min(ce.completed_on)::text")}`.as("completed"),
          "d.name as place",
        ])
        .orderBy(sql`2`)
        .orderBy("u.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "course", "completed", "place"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), text(r.courses), day(r.completed), text(r.place)]),
        people: rows.map((r) => r.id),
      };
    }
    case "blind_massage_employed": {
      const q = trainingPeople(db, w, code);
      const total = await count(q);
      const page = pageOf(total, requested);
      // The first job started in the window on or after a blind health massage completion, and that completion.
      const job = sql<string | null>`(select ce.completed_on::text || '|' || e.contract_start::text || '|' || coalesce(o.name, e.employer_name, '')
        from course_enrolment ce join course c on c.id = ce.course_id join employment e on e.seeker_id = ce.seeker_id and e.contract_start >= ce.completed_on
        left join organization o on o.id = e.organization_id
        where ce.seeker_id = u.id and ce.status = 'completed' and c.kind = 'blind_health_massage' and e.contract_start >= ${w.from}::date and e.contract_start <= ${w.to}::date
        order by e.contract_start, ce.completed_on desc, e.id limit 1)`;
      const rows = await q
        .leftJoin("division as d", (j) => j.on(sql<SqlBool>`d.code = ${SEEKER_PLACE}`))
        .select(["u.id", personName.as("name"), job.as("job"), "d.name as place"])
        .orderBy(sql`2`)
        .orderBy("u.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "completed", "employer", "start", "place"],
        total,
        page,
        rows: rows.map((r) => {
          const [completed, start, ...employer] = (r.job ?? "").split("|");
          return [text(r.name), day(completed || null), text(employer.join("|") || null), day(start || null), text(r.place)];
        }),
        people: rows.map((r) => r.id),
      };
    }
    case "demonstration_sites":
    case "auxiliary_demonstration_institutions": {
      const kinds: readonly DesignationKind[] = code === "auxiliary_demonstration_institutions" ? ["auxiliary_demo"] : key ? [key as DesignationKind] : DEMONSTRATION_KINDS;
      const active = await activeDesignations(db, { kinds, regionCode: w.regionCode, on: w.day });
      const orgs = new Map<string, { name: string; regionCode: string; kinds: string[]; decisions: string[]; from: string }>();
      for (const d of active) {
        const o = orgs.get(d.organizationId) ?? { name: d.organizationName, regionCode: d.regionCode, kinds: [], decisions: [], from: d.validFrom };
        if (!o.kinds.includes(d.kind)) o.kinds.push(d.kind);
        if (!o.decisions.includes(d.decisionNumber)) o.decisions.push(d.decisionNumber);
        if (d.validFrom < o.from) o.from = d.validFrom;
        orgs.set(d.organizationId, o);
      }
      const all = [...orgs.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name));
      const page = pageOf(all.length, requested);
      const shown = all.slice(page.offset, page.offset + page.limit);
      const names = await placeNames(db, shown.map((o) => o.regionCode));
      return {
        columns: ["organization", "place", "kinds", "decision", "validFrom"],
        total: all.length,
        page,
        rows: shown.map((o) => [text(o.name), text(names.get(o.regionCode)), { kind: "labels", keys: o.kinds.map((k) => `institutions.kind.${k}`) }, text(o.decisions.join("、")), day(o.from)]),
        people: [],
      };
    }
    case "auxiliary_county_coverage": {
      const coverage = await countyCoverage(db, { regionCode: w.regionCode, on: w.day });
      const all = coverage.counties.filter((c) => (key === "covered" ? c.covered : key === "uncovered" ? !c.covered : true));
      const page = pageOf(all.length, requested);
      return {
        columns: ["county", "prefecture", "status", "institutions"],
        total: all.length,
        page,
        rows: all
          .slice(page.offset, page.offset + page.limit)
          .map((c) => [
            text(c.name),
            text(c.prefectureName),
            label(`statistics.key.auxiliary_county_coverage.${c.covered ? "covered" : "uncovered"}`),
            text(c.institutions.map((i) => i.name).join("、") || null),
          ]),
        people: [],
      };
    }
    case "entrepreneur_households": {
      const last = w.asOf < w.to ? w.asOf : w.to;
      const q = db
        .selectFrom("business as b")
        .where(within(sql.ref("b.region_code"), w.prefix))
        // The rule of supportedBusinesses (entrepreneurship.server.ts): support dated in the period, by the as-of day.
        .where(sql<SqlBool>`exists (select 1 from business_support s where s.business_id = b.id and s.support_date >= ${w.from}::date and s.support_date <= ${last}::date)`);
      const total = await count(q);
      const page = pageOf(total, requested);
      const owners = (what: string) =>
        sql<string | null>`(select string_agg(${sql.raw(what)}, '、' order by coalesce(nullif(p.real_name, ''), u.display_name), u.id) from business_owner bo
          join app_user u on u.id = bo.seeker_id left join seeker_profile p on p.user_id = bo.seeker_id where bo.business_id = b.id)`;
      const rows = await q
        .innerJoin("division as d", "d.code", "b.region_code")
        .select([
          "b.name",
          "b.kind",
          "d.name as place",
          owners("coalesce(nullif(p.real_name, ''), u.display_name)").as("owners"),
          owners("u.id::text").as("owner_ids"),
          sql<string>`(select max(s.support_date)::text from business_support s where s.business_id = b.id and s.support_date >= ${w.from}::date and s.support_date <= ${last}::date)`.as("supported"),
        ])
        .orderBy("b.region_code")
        .orderBy("b.name")
        .orderBy("b.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["business", "kind", "place", "owners", "supported"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), label(`entrepreneurship.kind.${r.kind}`), text(r.place), text(r.owners), day(r.supported)]),
        people: rows.flatMap((r) => (r.owner_ids ? r.owner_ids.split("、") : [])),
      };
    }
    case "instructors_trained": {
      const last = w.asOf < w.to ? w.asOf : w.to;
      // The rule of instructorsTrained (staff-training.server.ts): community instructors, an account or a name within a division.
      const person = sql<string>`coalesce('u:' || t.user_id::text, 'n:' || t.region_code || ':' || t.name)`;
      const q = db
        .selectFrom("staff_training as t")
        .where("t.role", "=", "community_instructor")
        .where(within(sql.ref("t.region_code"), w.prefix))
        .where("t.trained_on", ">=", w.from)
        .where("t.trained_on", "<=", last);
      const total = Number((await q.select(sql<string>`count(distinct ${person})`.as("n")).executeTakeFirst())?.n ?? 0);
      const page = pageOf(total, requested);
      const rows = await q
        .select([
          person.as("person"),
          sql<string | null>`(array_agg(t.user_id::text order by t.trained_on desc, t.id))[1]`.as("user_id"),
          sql<string>`(array_agg(t.name order by t.trained_on desc, t.id))[1]`.as("name"),
          sql<string | null>`(select d.name from division d where d.code = (array_agg(t.region_code order by t.trained_on desc, t.id))[1])`.as("place"),
          sql<string>`string_agg(t.course, '、' order by t.trained_on, t.id)`.as("courses"),
          sql<string>`sum(t.hours)::text`.as("hours"),
          sql<string>`max(t.trained_on)::text`.as("trained"),
        ])
        .groupBy(person)
        .orderBy(sql`3`)
        .orderBy(sql`1`)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        columns: ["person", "place", "course", "hours", "trainedOn"],
        total,
        page,
        rows: rows.map((r) => [text(r.name), text(r.place), text(r.courses), num(Number(r.hours)), day(r.trained)]),
        people: rows.map((r) => r.user_id),
      };
    }
    default:
      return { columns: [], total: 0, page: pageOf(0, 1), rows: [], people: [] };
  }
}

/** Division names by code. */
async function placeNames(db: DB, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("division").select(["code", "name"]).where("code", "in", [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

function shanghaiDay(instant: Date): string {
  return todayInShanghai(instant);
}

/**
 * The records behind a figure, a page at a time: people by name only (never disability details, ID or certificate
 * numbers), organizations, households by place and size, events. Admins of the region only (404 otherwise). Each
 * person on the page shown is audited (one row each, reason "statistics").
 */
export async function indicatorList(db: DB, actor: Actor, q: ListQuery & { ip?: string | null }): Promise<IndicatorList> {
  requirePermission(actor, "read:statistics", { regionCode: q.regionCode });
  if (!isIndicatorCode(q.code)) notFound();
  const region = await divisionOf(db, q.regionCode);
  const def = indicatorDefinition(q.code);
  const keys = LIST_KEYS[q.code] ?? [];
  const key = q.key && keys.includes(q.key) ? q.key : null;
  const w = windowOf(q);
  const part = def.recorded ? await listRows(db, w, q.code, key, q.page) : { columns: [], total: 0, page: pageOf(0, 1), rows: [], people: [] };
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: part.people,
    entity: "statistics_list",
    entityId: `${q.code}:${region.code}:${formatPeriod(q)}:${q.asOf}${key ? `:${key}` : ""}`,
    reason: "statistics",
    ip: q.ip,
  });
  return {
    code: q.code,
    regionCode: region.code,
    regionName: region.name,
    periodStart: q.periodStart,
    periodEnd: q.periodEnd,
    asOf: q.asOf,
    key,
    keys,
    columns: part.columns,
    rows: part.rows,
    total: part.total,
    page: part.page.page,
    pageCount: part.page.pageCount,
    recorded: def.recorded,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

export interface TargetRowView {
  id: string;
  indicator: IndicatorCode;
  regionCode: string;
  regionName: string;
  periodStart: number;
  periodEnd: number;
  value: number;
  source: string;
  setByName: string | null;
  updatedAt: Date;
  /** Whether the reader may change it. */
  editable: boolean;
}

/**
 * Whether the actor sets targets for `regionCode`: for divisions below their own (a prefecture admin sets their
 * counties' shares), and the province's admins for the province itself (later plan periods). Nobody sets their own
 * prefecture's or county's targets, nor anything above.
 */
export function canSetTarget(actor: Actor | null | undefined, regionCode: string): boolean {
  if (!actor || !actor.regionCode) return false;
  if (!isWithinRegion(actor.regionCode, regionCode)) return false;
  if (regionCode === actor.regionCode && actor.regionCode !== PROVINCE_CODE) return false;
  return can(actor, "update:plan_target", { regionCode });
}

/**
 * The targets that apply within the actor's region: those of the region and below, and those of the regions above
 * it (the province's, which a prefecture works towards). Admins only.
 */
export async function listTargets(db: DB, actor: Actor, regionCode?: string | null): Promise<{ regionCode: string; targets: TargetRowView[] }> {
  const region = regionCode ?? actor.regionCode;
  requirePermission(actor, "read:statistics", { regionCode: region });
  const rows = await db
    .selectFrom("plan_target as t")
    .innerJoin("division as d", "d.code", "t.region_code")
    .leftJoin("app_user as u", "u.id", "t.set_by")
    .select(["t.id", "t.indicator", "t.region_code", "d.name as region_name", "t.period_start", "t.period_end", "t.target_value", "t.source", "u.display_name", "t.updated_at"])
    .orderBy("t.period_start", "desc")
    .orderBy("t.region_code")
    .orderBy("t.indicator")
    .execute();
  const order = new Map(INDICATOR_CODES.map((c, i) => [c, i]));
  const targets = rows
    .filter((r) => isIndicatorCode(r.indicator) && (isWithinRegion(region, r.region_code) || isWithinRegion(r.region_code, region!)))
    .map((r) => ({
      id: r.id,
      indicator: r.indicator as IndicatorCode,
      regionCode: r.region_code,
      regionName: r.region_name,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      value: Number(r.target_value),
      source: r.source,
      setByName: r.display_name,
      updatedAt: r.updated_at,
      editable: canSetTarget(actor, r.region_code),
    }))
    .sort((a, b) => b.periodStart - a.periodStart || a.regionCode.localeCompare(b.regionCode) || order.get(a.indicator)! - order.get(b.indicator)!);
  return { regionCode: region!, targets };
}

/**
 * Sets a target (insert, or update the one for the same indicator, period and region), audited. A target of another
 * period starting in the same year (same indicator and region) is not replaced: the period field says so. Admins who may
 * not set targets at all get 404; one asking for a region they do not set (their own prefecture, the province, a
 * region elsewhere) is told so at the region field, and nothing is written.
 */
export async function setTarget(
  db: DB,
  actor: Actor,
  input: Pick<TargetInput, "indicator" | "regionCode" | "periodStart" | "periodEnd" | "value" | "source">,
  options: { ip?: string | null } = {},
): Promise<Result<{ id: string; created: boolean }>> {
  requirePermission(actor, "update:plan_target", { regionCode: actor.regionCode });
  const fail = (errors: FieldErrors): Result<{ id: string; created: boolean }> => ({ ok: false, fieldErrors: errors });
  if (!isIndicatorCode(input.indicator)) return fail({ indicator: ["statistics.err.indicator"] });
  if (!canSetTarget(actor, input.regionCode)) return fail({ regionCode: ["statistics.err.regionNotYours"] });
  const division = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!division) return fail({ regionCode: ["statistics.err.region"] });
  if (input.periodEnd < input.periodStart) return fail({ periodEnd: ["statistics.err.periodOrder"] });
  const def = indicatorDefinition(input.indicator);
  if (!(input.value >= 0) || (def.kind === "rate" && input.value > 1)) return fail({ value: ["statistics.err.value"] });
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("plan_target")
      .select(["id", "target_value", "period_end"])
      .where("indicator", "=", input.indicator)
      .where("period_start", "=", input.periodStart)
      .where("region_code", "=", input.regionCode)
      .forUpdate()
      .executeTakeFirst();
    // The key holds one target per first year: a different period from the same year would replace the other one.
    if (before && Number(before.period_end) !== input.periodEnd) return fail({ periodEnd: ["statistics.err.periodTaken"] });
    const row = await trx
      .insertInto("plan_target")
      .values({
        indicator: input.indicator,
        region_code: input.regionCode,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        target_value: String(input.value),
        source: input.source ?? "",
        set_by: actor.id,
      })
      .onConflict((oc) =>
        oc.columns(["indicator", "period_start", "region_code"]).doUpdateSet({
          period_end: input.periodEnd,
          target_value: String(input.value),
          source: input.source ?? "",
          set_by: actor.id,
          updated_at: sql`now()`,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: before ? "update" : "create",
      entity: "plan_target",
      entityId: row.id,
      reason: `${input.indicator} ${input.regionCode} ${input.periodStart}-${input.periodEnd}: ${before ? `${Number(before.target_value)} (${before.period_end}) → ` : ""}${input.value}`,
      ip: options.ip,
    });
    return { ok: true as const, value: { id: row.id, created: !before } };
  });
}
