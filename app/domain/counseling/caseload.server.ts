/**
 * Caseloads (issue 6): who is assigned to which counselor, with the history kept; the counselor's caseload with its
 * filters and counts; the region's overview for admins.
 *
 * A caseload is a counselor's few dozen to few hundred people, so its rows are read once with their derived facts
 * (employed, last contact, overdue actions) and filtered, counted and sorted in TypeScript: the counts at the top and
 * the filtered list then come from the same rows.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { Result } from "../accounts/accounts.server";
import { recordListRead } from "../audit/audit.server";
import { notFound, requireUuid, UUID_RE } from "../ids";
import { notify } from "../notifications/notifications.server";
import { can, isWithinRegion, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { inZeroEmploymentHouseholdSql } from "../realname/households.server";
import { currentCounselorOf } from "./access.server";
import { addDays, CASELOAD_PAGE_SIZE, NO_CONTACT_DAYS, type AssignInput, type CaseloadFilter, type CaseloadQuery } from "./counseling.schema";

function fail(message: string, field = ""): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** A seeker's place for caseload purposes: where they live now, else their household registration. */
const seekerRegion = sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`;

/** Whether the seeker holds a job now: an employment started, not ended and not past its contract end, or says so. */
function employedNow(today: string) {
  return sql<boolean>`(p.employment_status = 'employed' or exists (
    select 1 from employment e where e.seeker_id = u.id and e.ended_on is null and e.contract_start <= ${today}::date
      and (e.contract_end is null or e.contract_end >= ${today}::date)))`;
}

// ---------------------------------------------------------------------------------------------------------------
// Counselors

export interface CounselorSummary {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  caseloadSize: number;
}

async function counselorRows(db: DB, scopeCode: string): Promise<CounselorSummary[]> {
  const rows = await db
    .selectFrom("app_user as c")
    .innerJoin("division as d", "d.code", "c.region_code")
    .select((eb) => [
      "c.id",
      "c.display_name",
      "c.phone",
      "c.region_code",
      "d.name as region_name",
      eb
        .selectFrom("caseload_assignment as a")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.counselor_id", "=", "c.id")
        .where("a.ended_at", "is", null)
        .as("size"),
    ])
    .where("c.role", "=", "counselor")
    .where("c.region_code", "like", `${regionPrefix(scopeCode)}%`)
    .orderBy("c.region_code")
    .orderBy("c.display_name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name ?? r.phone ?? "",
    regionCode: r.region_code!,
    regionName: r.region_name,
    caseloadSize: Number(r.size ?? 0),
  }));
}

/**
 * The counselor suggested for a seeker: one whose service region covers the seeker's place, the most local first,
 * then the smallest caseload.
 */
export function suggestCounselor(counselors: readonly CounselorSummary[], seekerRegionCode: string | null): CounselorSummary | null {
  if (!seekerRegionCode) return null;
  const serving = counselors.filter((c) => isWithinRegion(c.regionCode, seekerRegionCode));
  serving.sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length || a.caseloadSize - b.caseloadSize || a.name.localeCompare(b.name, "zh-CN"));
  return serving[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignment

export interface AssignableSeeker {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  graduationYear: number | null;
  current: { counselorId: string; name: string } | null;
  suggested: CounselorSummary | null;
}

export interface AssignmentPage {
  counselors: CounselorSummary[];
  seekers: AssignableSeeker[];
  total: number;
  page: number;
  pageCount: number;
  unassignedOnly: boolean;
  q: string;
}

const ASSIGN_PAGE_SIZE = 25;

/**
 * Seekers of the actor's region, for assignment: unassigned first (or only), with the suggested counselor. The page
 * names people, so its read is audited: one row per person shown.
 */
export async function assignmentPage(
  db: DB,
  actor: Actor,
  options: { q?: string; unassignedOnly?: boolean; page?: number; ip?: string | null } = {},
): Promise<AssignmentPage> {
  requirePermission(actor, "assign:caseload", { regionCode: actor.regionCode });
  const scope = actor.regionCode!;
  const counselors = await counselorRows(db, scope);
  const q = (options.q ?? "").trim().slice(0, 50);
  const unassignedOnly = options.unassignedOnly ?? true;
  let base = db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "u.id").on("a.ended_at", "is", null))
    .where("u.role", "=", "seeker")
    .where(seekerRegion, "like", `${regionPrefix(scope)}%`);
  if (unassignedOnly) base = base.where("a.id", "is", null);
  if (q) base = base.where((eb) => eb.or([eb("p.real_name", "ilike", `%${q}%`), eb("u.display_name", "ilike", `%${q}%`)]));
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const pageCount = Math.max(1, Math.ceil(total / ASSIGN_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await base
    .leftJoin("app_user as c", "c.id", "a.counselor_id")
    .leftJoin("division as d", (j) => j.on(sql<boolean>`d.code = coalesce(p.current_region_code, p.household_region_code)`))
    .select([
      "u.id",
      "u.display_name",
      "p.real_name",
      "p.graduation_year",
      seekerRegion.as("region_code"),
      "d.name as region_name",
      "a.counselor_id",
      "c.display_name as counselor_name",
    ])
    .orderBy(sql`a.id is not null`)
    .orderBy("p.created_at", "desc")
    .orderBy("u.id")
    .limit(ASSIGN_PAGE_SIZE)
    .offset((page - 1) * ASSIGN_PAGE_SIZE)
    .execute();
  await recordListRead(db, { actorId: actor.id, subjectUserIds: rows.map((r) => r.id), entity: "assignment_list", entityId: scope, reason: "caseload assignment", ip: options.ip });
  return {
    counselors,
    total,
    page,
    pageCount,
    unassignedOnly,
    q,
    seekers: rows.map((r) => ({
      id: r.id,
      name: r.real_name ?? r.display_name ?? "",
      regionCode: r.region_code,
      regionName: r.region_name,
      graduationYear: r.graduation_year,
      current: r.counselor_id ? { counselorId: r.counselor_id, name: r.counselor_name ?? "" } : null,
      suggested: suggestCounselor(counselors, r.region_code),
    })),
  };
}

/**
 * Assigns (or reassigns) a seeker to a counselor. Both must lie within the actor's region and the counselor must
 * serve the seeker's place. The current assignment is ended, not deleted: the history stays. One transaction; the
 * seeker row is locked so two assigners do not both create a current assignment.
 */
export async function assignSeeker(db: DB, actor: Actor, input: AssignInput): Promise<Result<{ changed: boolean }>> {
  requirePermission(actor, "assign:caseload", { regionCode: actor.regionCode });
  if (!UUID_RE.test(input.seekerId)) return fail("counseling.err.seekerGone");
  if (!UUID_RE.test(input.counselorId)) return fail("counseling.err.counselorRequired", "counselorId");
  return db.transaction().execute(async (trx) => {
    const seeker = await trx
      .selectFrom("app_user as u")
      .innerJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["u.id", seekerRegion.as("region_code")])
      .where("u.id", "=", input.seekerId)
      .where("u.role", "=", "seeker")
      .forUpdate()
      .executeTakeFirst();
    if (!seeker || !can(actor, "assign:caseload", { regionCode: seeker.region_code })) return fail("counseling.err.seekerGone");
    const counselor = await trx
      .selectFrom("app_user")
      .select(["id", "display_name", "region_code"])
      .where("id", "=", input.counselorId)
      .where("role", "=", "counselor")
      .executeTakeFirst();
    if (!counselor || !isWithinRegion(actor.regionCode, counselor.region_code)) return fail("counseling.err.counselorRequired", "counselorId");
    if (!isWithinRegion(counselor.region_code, seeker.region_code)) return fail("counseling.err.counselorNotServing", "counselorId");
    const current = await currentCounselorOf(trx, seeker.id);
    if (current?.counselorId === counselor.id) return { ok: true as const, value: { changed: false } };
    if (current) {
      await trx
        .updateTable("caseload_assignment")
        .set({ ended_at: sql<Date>`now()`, ended_by: actor.id })
        .where("seeker_id", "=", seeker.id)
        .where("ended_at", "is", null)
        .execute();
      await notify(trx, current.counselorId, "caseload.transferred", {}, null);
    }
    await trx
      .insertInto("caseload_assignment")
      .values({ seeker_id: seeker.id, counselor_id: counselor.id, assigned_by: actor.id, note: input.note || null })
      .execute();
    await notify(trx, seeker.id, "caseload.assigned", { counselor: counselor.display_name ?? "" }, "/my-plan");
    if (counselor.id !== actor.id) await notify(trx, counselor.id, "caseload.received", {}, `/clients/${seeker.id}`);
    return { ok: true as const, value: { changed: true } };
  });
}

/**
 * Who a seeker of the actor's region is assigned to now, by name — for the confirmation after an assignment, so
 * names never travel in the address. Null for a seeker outside the region or not assigned.
 */
export async function currentAssignment(db: DB, actor: Actor, seekerId: string): Promise<{ seekerName: string; counselorName: string } | null> {
  requirePermission(actor, "assign:caseload", { regionCode: actor.regionCode });
  if (!UUID_RE.test(seekerId)) return null;
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .innerJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "u.id").on("a.ended_at", "is", null))
    .innerJoin("app_user as c", "c.id", "a.counselor_id")
    .select(["u.display_name", "p.real_name", "c.display_name as counselor_name", seekerRegion.as("region_code")])
    .where("u.id", "=", seekerId)
    .executeTakeFirst();
  if (!row || !can(actor, "assign:caseload", { regionCode: row.region_code })) return null;
  return { seekerName: row.real_name ?? row.display_name ?? "", counselorName: row.counselor_name ?? "" };
}

export interface AssignmentHistoryItem {
  counselorName: string;
  startedAt: Date;
  endedAt: Date | null;
  note: string | null;
}

export async function assignmentHistory(db: DB, seekerId: string): Promise<AssignmentHistoryItem[]> {
  const rows = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as c", "c.id", "a.counselor_id")
    .select(["c.display_name", "a.started_at", "a.ended_at", "a.note"])
    .where("a.seeker_id", "=", seekerId)
    .orderBy("a.started_at", "desc")
    .execute();
  return rows.map((r) => ({ counselorName: r.display_name ?? "", startedAt: r.started_at, endedAt: r.ended_at, note: r.note }));
}

// ---------------------------------------------------------------------------------------------------------------
// The caseload

export interface CaseloadRow {
  seekerId: string;
  name: string;
  graduationYear: number | null;
  employed: boolean;
  zeroEmploymentFamily: boolean;
  lastContact: string | null;
  overdueActions: number;
  nextDue: string | null;
  pendingReferrals: number;
}

export interface CaseloadCounts {
  total: number;
  notEmployed: number;
  zeroEmploymentFamily: number;
  noContact: number;
  overdue: number;
}

export interface Caseload {
  counselor: CounselorSummary;
  isOwn: boolean;
  counts: CaseloadCounts;
  graduationYears: number[];
  rows: CaseloadRow[];
  filteredTotal: number;
  page: number;
  pageCount: number;
}

async function loadCounselor(db: DB, counselorId: string): Promise<CounselorSummary | null> {
  const c = await db
    .selectFrom("app_user")
    .select(["region_code"])
    .where("id", "=", counselorId)
    .where("role", "=", "counselor")
    .executeTakeFirst();
  if (!c?.region_code) return null;
  return (await counselorRows(db, c.region_code)).find((r) => r.id === counselorId) ?? null;
}

async function caseloadRows(db: DB, counselorId: string, today: string): Promise<CaseloadRow[]> {
  return (await caseloadRowsOf(db, [counselorId], today)).get(counselorId) ?? [];
}

/** The caseloads of several counselors in one query, by counselor. */
async function caseloadRowsOf(db: DB, counselorIds: readonly string[], today: string): Promise<Map<string, CaseloadRow[]>> {
  const byCounselor = new Map<string, CaseloadRow[]>();
  if (!counselorIds.length) return byCounselor;
  const rows = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select((eb) => [
      "a.counselor_id",
      "u.id",
      "u.display_name",
      "p.real_name",
      "p.graduation_year",
      // The person's own statement, or their recorded household is zero-employment today (households.server.ts).
      sql<boolean>`(coalesce(p.zero_employment_family, false) or ${inZeroEmploymentHouseholdSql("u.id", today)})`.as("zero_employment_family"),
      employedNow(today).as("employed"),
      eb.selectFrom("service_record as s").select(sql<string | null>`max(s.service_date)::text`.as("d")).whereRef("s.seeker_id", "=", "u.id").as("last_contact"),
      eb
        .selectFrom("plan_action as pa")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("pa.seeker_id", "=", "u.id")
        .where("pa.status", "=", "open")
        .where("pa.due_date", "<", today)
        .as("overdue"),
      eb
        .selectFrom("plan_action as pa")
        .select(sql<string | null>`min(pa.due_date)::text`.as("d"))
        .whereRef("pa.seeker_id", "=", "u.id")
        .where("pa.status", "=", "open")
        .as("next_due"),
      eb
        .selectFrom("referral as r")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r.seeker_id", "=", "u.id")
        .where("r.status", "=", "pending")
        .as("pending_referrals"),
    ])
    .where("a.counselor_id", "in", counselorIds)
    .where("a.ended_at", "is", null)
    .execute();
  for (const r of rows) {
    const list = byCounselor.get(r.counselor_id) ?? [];
    byCounselor.set(r.counselor_id, list);
    list.push({
      seekerId: r.id,
      name: r.real_name ?? r.display_name ?? "",
      graduationYear: r.graduation_year ?? null,
      employed: !!r.employed,
      zeroEmploymentFamily: !!r.zero_employment_family,
      lastContact: r.last_contact ?? null,
      overdueActions: Number(r.overdue ?? 0),
      nextDue: r.next_due ?? null,
      pendingReferrals: Number(r.pending_referrals ?? 0),
    });
  }
  return byCounselor;
}

export function matchesFilter(row: CaseloadRow, filter: CaseloadFilter, today: string): boolean {
  switch (filter) {
    case "notEmployed":
      return !row.employed;
    case "zeroEmploymentFamily":
      return row.zeroEmploymentFamily;
    case "noContact":
      return row.lastContact === null || row.lastContact < addDays(today, -NO_CONTACT_DAYS);
    case "overdue":
      return row.overdueActions > 0;
  }
}

function compareRows(sort: CaseloadQuery["sort"]) {
  const byName = (a: CaseloadRow, b: CaseloadRow) => a.name.localeCompare(b.name, "zh-CN") || a.seekerId.localeCompare(b.seekerId);
  const nullsLast = (x: string | number | null, y: string | number | null, desc = false) => {
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (desc ? -1 : 1);
  };
  switch (sort) {
    // Overdue first (issue 15), the earliest open due date — the longest overdue — first; everyone else by name.
    case "urgent":
      return (a: CaseloadRow, b: CaseloadRow) =>
        Number(b.overdueActions > 0) - Number(a.overdueActions > 0) || (a.overdueActions > 0 ? nullsLast(a.nextDue, b.nextDue) : 0) || byName(a, b);
    case "name":
      return byName;
    // Longest without contact first: never contacted, then the oldest contact.
    case "lastContact":
      return (a: CaseloadRow, b: CaseloadRow) => (a.lastContact === b.lastContact ? 0 : a.lastContact === null ? -1 : b.lastContact === null ? 1 : a.lastContact < b.lastContact ? -1 : 1) || byName(a, b);
    case "nextDue":
      return (a: CaseloadRow, b: CaseloadRow) => nullsLast(a.nextDue, b.nextDue) || byName(a, b);
    case "graduationYear":
      return (a: CaseloadRow, b: CaseloadRow) => nullsLast(a.graduationYear, b.graduationYear, true) || byName(a, b);
  }
}

/** The counselor, their caseload's rows and counts, after the access check (getCaseload's first step). */
async function loadCaseload(db: DB, actor: Actor, counselorId: string, now: Date) {
  requireUuid(counselorId);
  const counselor = await loadCounselor(db, counselorId);
  if (!counselor) notFound();
  const isOwn = actor.id === counselorId;
  if (!isOwn) requirePermission(actor, "read:caseload", { regionCode: counselor.regionCode });
  const today = todayInShanghai(now);
  const all = await caseloadRows(db, counselorId, today);
  const counts: CaseloadCounts = {
    total: all.length,
    notEmployed: all.filter((r) => matchesFilter(r, "notEmployed", today)).length,
    zeroEmploymentFamily: all.filter((r) => matchesFilter(r, "zeroEmploymentFamily", today)).length,
    noContact: all.filter((r) => matchesFilter(r, "noContact", today)).length,
    overdue: all.filter((r) => matchesFilter(r, "overdue", today)).length,
  };
  return { counselor, isOwn, today, all, counts };
}

/** A caseload's counts only (the dashboard's figures: nobody is named, so nothing is audited). */
export async function caseloadCounts(db: DB, actor: Actor, counselorId: string, now = new Date()): Promise<CaseloadCounts> {
  return (await loadCaseload(db, actor, counselorId, now)).counts;
}

/**
 * A counselor's caseload. The counselor sees their own; an admin (or a counselor) of a region that holds the
 * counselor's service region sees it too; anyone else gets 404. The page names people with their circumstances
 * (employed or not, zero-employment family), so the read is audited: one row per person on the page shown.
 */
export async function getCaseload(
  db: DB,
  actor: Actor,
  counselorId: string,
  query: CaseloadQuery,
  now = new Date(),
  options: { ip?: string | null } = {},
): Promise<Caseload> {
  const { counselor, isOwn, today, all, counts } = await loadCaseload(db, actor, counselorId, now);
  const q = query.q.toLowerCase();
  const filtered = all
    .filter((r) => (query.graduationYear === null || r.graduationYear === query.graduationYear) && (!q || r.name.toLowerCase().includes(q)))
    .filter((r) => query.filters.every((f) => matchesFilter(r, f, today)))
    .sort(compareRows(query.sort));
  const pageCount = Math.max(1, Math.ceil(filtered.length / CASELOAD_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = filtered.slice((page - 1) * CASELOAD_PAGE_SIZE, page * CASELOAD_PAGE_SIZE);
  await recordListRead(db, { actorId: actor.id, subjectUserIds: rows.map((r) => r.seekerId), entity: "caseload", entityId: counselorId, reason: "caseload", ip: options.ip });
  return {
    counselor,
    isOwn,
    counts,
    graduationYears: [...new Set(all.map((r) => r.graduationYear).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    rows,
    filteredTotal: filtered.length,
    page,
    pageCount,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The region's overview (admins; counselors see their colleagues' figures too)

export interface RegionOverview {
  regionCode: string;
  unassigned: number;
  counselors: (CounselorSummary & { notEmployed: number; overdue: number; noContact: number })[];
}

export async function regionOverview(db: DB, actor: Actor, now = new Date()): Promise<RegionOverview> {
  requirePermission(actor, "read:caseload", { regionCode: actor.regionCode });
  const scope = actor.regionCode!;
  const today = todayInShanghai(now);
  const counselors = await counselorRows(db, scope);
  const unassigned = await db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "u.id").on("a.ended_at", "is", null))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("u.role", "=", "seeker")
    .where("a.id", "is", null)
    .where(seekerRegion, "like", `${regionPrefix(scope)}%`)
    .executeTakeFirstOrThrow();
  const caseloads = await caseloadRowsOf(
    db,
    counselors.map((c) => c.id),
    today,
  );
  const withFigures = [];
  for (const c of counselors) {
    const rows = caseloads.get(c.id) ?? [];
    withFigures.push({
      ...c,
      notEmployed: rows.filter((r) => matchesFilter(r, "notEmployed", today)).length,
      overdue: rows.filter((r) => matchesFilter(r, "overdue", today)).length,
      noContact: rows.filter((r) => matchesFilter(r, "noContact", today)).length,
    });
  }
  return { regionCode: scope, unassigned: Number(unassigned.n), counselors: withFigures };
}
