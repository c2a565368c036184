/**
 * Quarterly snapshots (issue 13, decision 012): the plan's figures of a region for a calendar year, frozen as of the
 * quarter's last day (Asia/Shanghai) into `stats_snapshot.data`. One per region and quarter: taking it again keeps the
 * first. Records corrected later change the live figures (/statistics), never a snapshot.
 *
 * Taken by an admin of the region (the button on /statistics/snapshots, audited) or by the command
 * `npm run stats:snapshot` (no actor), which takes the province, every prefecture and every county at once.
 */
import type { DB } from "../../../db/database";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import type { IndicatorCode, IndicatorUnit, Statistics } from "./contract";
import { isQuarter, previousQuarter, quarterEnd, quarterEnded, sameQuarterYearBefore, type Quarter, type QuarterRef } from "./quarters";
import { computeStatistics } from "./statistics.server";

export interface SnapshotTarget extends QuarterRef {
  regionCode: string;
}

export interface TakenSnapshot {
  id: string;
  regionCode: string;
  year: number;
  quarter: Quarter;
  asOf: string;
  takenAt: Date;
  /** False when the quarter's snapshot was already there (it is kept as it was). */
  created: boolean;
}

function fail<T>(errors: FieldErrors): Result<T> {
  return { ok: false, fieldErrors: errors };
}

async function findSnapshot(db: DB, t: SnapshotTarget) {
  return db
    .selectFrom("stats_snapshot")
    .select(["id", "as_of", "taken_at"])
    .where("region_code", "=", t.regionCode)
    .where("year", "=", t.year)
    .where("quarter", "=", t.quarter)
    .executeTakeFirst();
}

/**
 * Freezes the region's figures for `year` as of the quarter's last day. A quarter that has not ended is refused;
 * a quarter already taken is answered with the snapshot that is there (`created: false`), unchanged.
 * `actor` null is the command line; an admin needs `create:statistics` for the region (404 otherwise).
 */
export async function takeSnapshot(db: DB, actor: Actor | null, t: SnapshotTarget, now = new Date()): Promise<Result<TakenSnapshot>> {
  if (actor) requirePermission(actor, "create:statistics", { regionCode: t.regionCode });
  if (!Number.isInteger(t.year) || t.year < 2000 || t.year > 2100 || !isQuarter(t.quarter)) return fail({ "": ["statsReport.err.quarter"] });
  const region = await db.selectFrom("division").select("code").where("code", "=", t.regionCode).executeTakeFirst();
  if (!region) return fail({ "": ["statsReport.err.region"] });
  const asOf = quarterEnd(t);
  if (!quarterEnded(t, todayInShanghai(now))) return fail({ "": [`statsReport.err.notEnded|${JSON.stringify({ end: asOf })}`] });

  const existing = await findSnapshot(db, t);
  if (existing) return { ok: true, value: { id: existing.id, regionCode: t.regionCode, year: t.year, quarter: t.quarter, asOf: existing.as_of, takenAt: existing.taken_at, created: false } };

  // Computed before the transaction: on PGlite's single connection a query outside an open transaction would wait for it.
  const statistics = await computeStatistics(db, { regionCode: t.regionCode, periodStart: t.year, periodEnd: t.year, asOf });
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("stats_snapshot")
      .values({ region_code: t.regionCode, year: t.year, quarter: t.quarter, as_of: asOf, data: JSON.stringify(statistics), taken_by: actor?.id ?? null, taken_at: now })
      // Two takes at once: the unique key keeps the first, the other reads it back.
      .onConflict((oc) => oc.columns(["region_code", "year", "quarter"]).doNothing())
      .returning(["id", "taken_at"])
      .executeTakeFirst();
    if (!row) {
      const first = await findSnapshot(trx, t);
      if (!first) throw new Error("stats_snapshot: conflict without a row");
      return { ok: true as const, value: { id: first.id, regionCode: t.regionCode, year: t.year, quarter: t.quarter, asOf: first.as_of, takenAt: first.taken_at, created: false } };
    }
    if (actor) {
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: null,
        action: "create",
        entity: "stats_snapshot",
        entityId: row.id,
        reason: `${t.regionCode} ${t.year}Q${t.quarter}`,
      });
    }
    return { ok: true as const, value: { id: row.id, regionCode: t.regionCode, year: t.year, quarter: t.quarter, asOf, takenAt: row.taken_at, created: true } };
  });
}

export interface TakeAllResult {
  year: number;
  quarter: Quarter;
  asOf: string;
  created: string[];
  existing: string[];
}

/** The command line's snapshot: the province, every prefecture and every county (the divisions table), one by one. */
export async function takeAllSnapshots(db: DB, q: QuarterRef, options: { now?: Date; log?: (line: string) => void } = {}): Promise<Result<TakeAllResult>> {
  const now = options.now ?? new Date();
  if (!Number.isInteger(q.year) || q.year < 2000 || q.year > 2100 || !isQuarter(q.quarter)) return fail({ "": ["statsReport.err.quarter"] });
  if (!quarterEnded(q, todayInShanghai(now))) return fail({ "": [`statsReport.err.notEnded|${JSON.stringify({ end: quarterEnd(q) })}`] });
  const divisions = await db.selectFrom("division").select(["code", "name"]).orderBy("code").execute();
  const result: TakeAllResult = { year: q.year, quarter: q.quarter, asOf: quarterEnd(q), created: [], existing: [] };
  for (const d of divisions) {
    const r = await takeSnapshot(db, null, { regionCode: d.code, ...q }, now);
    if (!r.ok) return r as Result<TakeAllResult>;
    (r.value.created ? result.created : result.existing).push(d.code);
    options.log?.(`${d.code} ${d.name}: ${r.value.created ? "taken" : `already taken on ${r.value.takenAt.toISOString()}`}`);
  }
  return { ok: true, value: result };
}

export interface SnapshotListItem {
  id: string;
  year: number;
  quarter: Quarter;
  asOf: string;
  takenAt: Date;
  /** Null for the command line (or an account since deleted). */
  takenBy: string | null;
}

/** The region's snapshots, newest quarter first (admins of a region holding it; 404 otherwise). */
export async function listSnapshots(db: DB, actor: Actor, regionCode: string): Promise<SnapshotListItem[]> {
  requirePermission(actor, "read:statistics", { regionCode });
  const rows = await db
    .selectFrom("stats_snapshot as s")
    .leftJoin("app_user as u", "u.id", "s.taken_by")
    .select(["s.id", "s.year", "s.quarter", "s.as_of", "s.taken_at", "u.display_name"])
    .where("s.region_code", "=", regionCode)
    .orderBy("s.year", "desc")
    .orderBy("s.quarter", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, year: r.year, quarter: r.quarter as Quarter, asOf: r.as_of, takenAt: r.taken_at, takenBy: r.display_name ?? null }));
}

/** One snapshot's frozen figures, or null when that quarter was not taken (after the permission check). */
export async function readSnapshot(db: DB, actor: Actor, t: SnapshotTarget): Promise<(SnapshotListItem & { statistics: Statistics }) | null> {
  requirePermission(actor, "read:statistics", { regionCode: t.regionCode });
  const row = await db
    .selectFrom("stats_snapshot as s")
    .leftJoin("app_user as u", "u.id", "s.taken_by")
    .select(["s.id", "s.year", "s.quarter", "s.as_of", "s.taken_at", "s.data", "u.display_name"])
    .where("s.region_code", "=", t.regionCode)
    .where("s.year", "=", t.year)
    .where("s.quarter", "=", t.quarter)
    .executeTakeFirst();
  if (!row) return null;
  const data = typeof row.data === "string" ? (JSON.parse(row.data) as Statistics) : (row.data as Statistics);
  return { id: row.id, year: row.year, quarter: row.quarter as Quarter, asOf: row.as_of, takenAt: row.taken_at, takenBy: row.display_name ?? null, statistics: data };
}

export interface ComparisonRow {
  code: IndicatorCode;
  unit: IndicatorUnit;
  current: number | null;
  previous: number | null;
  yearBefore: number | null;
  /** current − previous; null when either is missing (for a rate: a difference of fractions, i.e. percentage points ÷ 100). */
  changeFromPrevious: number | null;
  changeFromYearBefore: number | null;
}

export interface SnapshotRef extends QuarterRef {
  asOf: string;
  takenAt: Date;
  takenBy: string | null;
}

export interface Comparison {
  regionCode: string;
  quarter: QuarterRef;
  previousQuarter: QuarterRef;
  yearBeforeQuarter: QuarterRef;
  /** Null where that quarter's snapshot was not taken. */
  current: SnapshotRef | null;
  previous: SnapshotRef | null;
  yearBefore: SnapshotRef | null;
  rows: ComparisonRow[];
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null) return null;
  // Rates are fractions: round away the floating-point noise of the subtraction.
  return Math.round((a - b) * 1e9) / 1e9;
}

/**
 * The quarter's snapshot beside the previous quarter's and the same quarter a year before: per indicator, the
 * actuals and the changes. Each snapshot holds its own calendar year to its quarter's end, so a first quarter is
 * compared with the whole of the year before's fourth.
 */
export async function compareSnapshots(db: DB, actor: Actor, t: SnapshotTarget): Promise<Comparison> {
  requirePermission(actor, "read:statistics", { regionCode: t.regionCode });
  const prev = previousQuarter(t);
  const before = sameQuarterYearBefore(t);
  const [current, previous, yearBefore] = await Promise.all([
    readSnapshot(db, actor, t),
    readSnapshot(db, actor, { regionCode: t.regionCode, ...prev }),
    readSnapshot(db, actor, { regionCode: t.regionCode, ...before }),
  ]);
  const ref = (s: Awaited<ReturnType<typeof readSnapshot>>): SnapshotRef | null =>
    s ? { year: s.year, quarter: s.quarter, asOf: s.asOf, takenAt: s.takenAt, takenBy: s.takenBy } : null;
  const actual = (s: Awaited<ReturnType<typeof readSnapshot>>, code: IndicatorCode) => s?.statistics.indicators.find((i) => i.code === code)?.actual ?? null;
  // The indicators in catalogue order, as the newest of the three snapshots lists them.
  const order: { code: IndicatorCode; unit: IndicatorUnit }[] = [];
  for (const s of [current, previous, yearBefore]) {
    for (const i of s?.statistics.indicators ?? []) if (!order.some((o) => o.code === i.code)) order.push({ code: i.code, unit: i.unit });
  }
  const rows = order.map(({ code, unit }) => {
    const [c, p, y] = [actual(current, code), actual(previous, code), actual(yearBefore, code)];
    return { code, unit, current: c, previous: p, yearBefore: y, changeFromPrevious: difference(c, p), changeFromYearBefore: difference(c, y) };
  });
  return {
    regionCode: t.regionCode,
    quarter: { year: t.year, quarter: t.quarter },
    previousQuarter: prev,
    yearBeforeQuarter: before,
    current: ref(current),
    previous: ref(previous),
    yearBefore: ref(yearBefore),
    rows,
  };
}
