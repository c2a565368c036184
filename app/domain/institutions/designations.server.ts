/**
 * Designated institutions (issue 14): an admin designates a verified organization of their region, for a period, as
 * one or more kinds (集中就业示范点, 扶贫/创业基地, 辅助性就业机构, 辅助性就业示范机构, 盲人按摩机构, 文创基地, 培训基地) — one
 * `designation` row per kind — with the decision number and date; edits or revokes it; records the support given
 * (`institution_support`). The public register lists the institutions active today; the county coverage table says,
 * for each county of a region, whether an auxiliary-employment institution is active there.
 *
 * Access: `create:designation:region` / `update:designation:region` (admins) asked for the organization's region.
 * An organization or designation outside the admin's region answers 404, like one that does not exist. The names of
 * the disabled people employed at an institution are shown only to admins of its region, and that list read is
 * audited; the public sees counts and totals only.
 *
 * Active on a day D: valid_from <= D, valid_to null or >= D, revoked_on null or > D (revoked on D: no longer active).
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "../../../db/database";
import type { DesignationKind, InstitutionSupportKind } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound, requireUuid } from "../ids";
import { can, hasPermission, isWithinRegion, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import {
  ADMIN_PAGE_SIZE,
  AUXILIARY_KINDS,
  DESIGNATION_KINDS,
  ORGANIZATION_SEARCH_LIMIT,
  REGISTER_PAGE_SIZE,
  type AdminListQuery,
  type DesignateInput,
  type EditDesignationInput,
  type RegisterQuery,
  type RevokeInput,
  type SupportInput,
} from "./designations.schema";

type FieldErrors = Record<string, string[]>;
function fail(field: string, message: string): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** SQL: the designation aliased `d` is active on `day`. */
function activeOn(day: string): Expression<SqlBool> {
  return sql<SqlBool>`(d.valid_from <= ${day}::date and (d.valid_to is null or d.valid_to >= ${day}::date) and (d.revoked_on is null or d.revoked_on > ${day}::date))`;
}

/** Whether a designation is active on `day` (the same rule in TypeScript). */
export function isActiveOn(d: { validFrom: string; validTo: string | null; revokedOn: string | null }, day: string): boolean {
  return d.validFrom <= day && (d.validTo === null || d.validTo >= day) && (d.revokedOn === null || d.revokedOn > day);
}

export type DesignationStatus = "active" | "upcoming" | "ended" | "revoked";
export function designationStatus(d: { validFrom: string; validTo: string | null; revokedOn: string | null }, day: string): DesignationStatus {
  if (d.revokedOn !== null && d.revokedOn <= day) return "revoked";
  if (d.validFrom > day) return "upcoming";
  if (d.validTo !== null && d.validTo < day) return "ended";
  return "active";
}

// ---------------------------------------------------------------------------------------------------------------
// For the statistics (exported for app/domain/statistics)

export interface ActiveDesignation {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The organization's division (usually a county). */
  regionCode: string;
  kind: DesignationKind;
  decisionNumber: string;
  decisionDate: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * The designations active on `on` (default: today in Shanghai) of the given kinds (default: all), of organizations
 * within `regionCode` (default: everywhere). Public facts: no access check; callers decide who sees them.
 */
export async function activeDesignations(
  db: DB,
  options: { kinds?: readonly DesignationKind[]; regionCode?: string | null; on?: string } = {},
): Promise<ActiveDesignation[]> {
  const day = options.on ?? todayInShanghai();
  if (options.kinds && options.kinds.length === 0) return [];
  let q = db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select(["d.id", "d.organization_id", "o.name", "o.region_code", "d.kind", "d.decision_number", "d.decision_date", "d.valid_from", "d.valid_to"])
    .where(activeOn(day));
  if (options.kinds) q = q.where("d.kind", "in", [...options.kinds]);
  if (options.regionCode) q = q.where("o.region_code", "like", `${regionPrefix(options.regionCode)}%`);
  const rows = await q.orderBy("o.region_code").orderBy("o.name").orderBy("d.kind").orderBy("d.id").execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organizationName: r.name,
    regionCode: r.region_code,
    kind: r.kind,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export interface CountyCoverageRow {
  code: string;
  name: string;
  prefectureCode: string | null;
  prefectureName: string | null;
  covered: boolean;
  /** The institutions behind the county's coverage: one entry per organization, with its active kinds. */
  institutions: { organizationId: string; name: string; kinds: DesignationKind[] }[];
}

export interface CountyCoverage {
  on: string;
  regionCode: string;
  kinds: DesignationKind[];
  countyCount: number;
  coveredCount: number;
  counties: CountyCoverageRow[];
}

/**
 * For every county (level `county` in `division`) within `regionCode`, whether at least one organization located in
 * it holds an active designation of `kinds` (default: 辅助性就业机构 and 辅助性就业示范机构) on `on`, and which.
 * An organization whose region is a prefecture or the province covers no county. Public facts: no access check.
 */
export async function countyCoverage(
  db: DB,
  options: { regionCode: string; on?: string; kinds?: readonly DesignationKind[] },
): Promise<CountyCoverage> {
  const day = options.on ?? todayInShanghai();
  const kinds = [...(options.kinds ?? AUXILIARY_KINDS)];
  const prefix = regionPrefix(options.regionCode);
  const counties = await db
    .selectFrom("division as c")
    .leftJoin("division as p", "p.code", "c.parent_code")
    .select(["c.code", "c.name", "p.code as prefecture_code", "p.name as prefecture_name"])
    .where("c.level", "=", "county")
    .where("c.code", "like", `${prefix}%`)
    .orderBy("c.code")
    .execute();
  const active = await activeDesignations(db, { kinds, regionCode: options.regionCode, on: day });
  const byCounty = new Map<string, Map<string, { organizationId: string; name: string; kinds: DesignationKind[] }>>();
  for (const d of active) {
    const orgs = byCounty.get(d.regionCode) ?? new Map();
    const entry = orgs.get(d.organizationId) ?? { organizationId: d.organizationId, name: d.organizationName, kinds: [] };
    if (!entry.kinds.includes(d.kind)) entry.kinds.push(d.kind);
    orgs.set(d.organizationId, entry);
    byCounty.set(d.regionCode, orgs);
  }
  const rows: CountyCoverageRow[] = counties.map((c) => {
    const institutions = [...(byCounty.get(c.code)?.values() ?? [])];
    return {
      code: c.code,
      name: c.name,
      prefectureCode: c.prefecture_code,
      prefectureName: c.prefecture_name,
      covered: institutions.length > 0,
      institutions,
    };
  });
  return {
    on: day,
    regionCode: options.regionCode,
    kinds,
    countyCount: rows.length,
    coveredCount: rows.filter((r) => r.covered).length,
    counties: rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Admin: who may

/** Admins who designate (any region); everyone else gets 404 on the admin pages. */
export function requireDesignator(actor: Actor | null | undefined): asserts actor is Actor {
  if (!hasPermission(actor, "create:designation") || !actor?.regionCode) notFound();
}

/** The admin's county coverage: counties of their own region. */
export async function coverageForAdmin(db: DB, actor: Actor, options: { on?: string } = {}): Promise<CountyCoverage> {
  requireDesignator(actor);
  return countyCoverage(db, { regionCode: actor.regionCode!, on: options.on });
}

export interface OrganizationChoice {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  regionName: string | null;
}

/** Verified organizations of the admin's region whose name contains `q` (to choose one to designate). */
export async function searchOrganizationsToDesignate(db: DB, actor: Actor, q: string): Promise<OrganizationChoice[]> {
  requireDesignator(actor);
  const term = q.trim();
  if (!term) return [];
  const rows = await db
    .selectFrom("organization as o")
    .leftJoin("division as dv", "dv.code", "o.region_code")
    .select(["o.id", "o.name", "o.uscc", "o.region_code", "dv.name as region_name"])
    .where("o.status", "=", "verified")
    .where("o.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .where(sql<SqlBool>`strpos(o.name, ${term}) > 0`)
    .orderBy("o.name")
    .limit(ORGANIZATION_SEARCH_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, regionCode: r.region_code, regionName: r.region_name }));
}

/** One organization by id for the designate form (so a chosen one stays shown); 404 outside the region. */
export async function organizationToDesignate(db: DB, actor: Actor, id: string): Promise<OrganizationChoice> {
  requireDesignator(actor);
  requireUuid(id);
  const r = await db
    .selectFrom("organization as o")
    .leftJoin("division as dv", "dv.code", "o.region_code")
    .select(["o.id", "o.name", "o.uscc", "o.region_code", "dv.name as region_name"])
    .where("o.id", "=", id)
    .executeTakeFirst();
  if (!r) notFound();
  requirePermission(actor, "create:designation", { regionCode: r.region_code });
  return { id: r.id, name: r.name, uscc: r.uscc, regionCode: r.region_code, regionName: r.region_name };
}

// ---------------------------------------------------------------------------------------------------------------
// Admin: designating, editing, revoking, support

/**
 * Designates a verified organization of the admin's region as each kind asked for (one row per kind), for the
 * period, with the decision. The organization is named by id (chosen from a search; 404 outside the region) or by
 * its 统一社会信用代码 (a field error when no organization of the region has it). A kind the organization already
 * holds for an overlapping period is refused. One transaction with its audit rows.
 */
export async function designate(
  db: DB,
  actor: Actor,
  input: DesignateInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ organizationId: string; designationIds: string[] }>> {
  requireDesignator(actor);
  let org: { id: string; region_code: string; status: string } | undefined;
  if (input.organizationId) {
    requireUuid(input.organizationId);
    org = await db.selectFrom("organization").select(["id", "region_code", "status"]).where("id", "=", input.organizationId).executeTakeFirst();
    if (!org) notFound();
    requirePermission(actor, "create:designation", { regionCode: org.region_code });
  } else {
    org = await db.selectFrom("organization").select(["id", "region_code", "status"]).where("uscc", "=", input.organizationCode!).executeTakeFirst();
    if (!org || !can(actor, "create:designation", { regionCode: org.region_code })) return fail("organizationCode", "institutions.err.organizationUnknown");
  }
  const field = input.organizationId ? "organizationId" : "organizationCode";
  if (org.status !== "verified") return fail(field, "institutions.err.organizationUnverified");
  const organizationId = org.id;
  const kinds = [...new Set(input.kinds)];
  return db.transaction().execute(async (trx) => {
    // Serialize designations of one organization, so two submissions cannot both pass the overlap check.
    await trx.selectFrom("organization").select("id").where("id", "=", organizationId).forUpdate().execute();
    const overlapping = await overlappingKinds(trx, organizationId, kinds, input.validFrom, input.validTo ?? null, null);
    if (overlapping.length) return fail("kinds", "institutions.err.alreadyDesignated");
    const rows = await trx
      .insertInto("designation")
      .values(
        kinds.map((kind) => ({
          organization_id: organizationId,
          kind,
          decision_number: input.decisionNumber,
          decision_date: input.decisionDate,
          valid_from: input.validFrom,
          valid_to: input.validTo ?? null,
          designated_by: actor.id,
        })),
      )
      .returning(["id", "kind"])
      .execute();
    for (const r of rows) {
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: null,
        action: "create",
        entity: "designation",
        entityId: r.id,
        reason: `designated ${organizationId} as ${r.kind}, ${input.decisionNumber}`,
        ip: options.ip,
      });
    }
    return { ok: true as const, value: { organizationId, designationIds: rows.map((r) => r.id) } };
  });
}

/** Kinds among `kinds` that the organization holds (not revoked) for a period overlapping [from, to]. */
async function overlappingKinds(db: DB, organizationId: string, kinds: readonly DesignationKind[], from: string, to: string | null, exceptId: string | null) {
  let q = db
    .selectFrom("designation as d")
    .select("d.kind")
    .where("d.organization_id", "=", organizationId)
    .where("d.kind", "in", [...kinds])
    .where("d.revoked_on", "is", null)
    .where(sql<SqlBool>`(d.valid_to is null or d.valid_to >= ${from}::date)`);
  if (to) q = q.where("d.valid_from", "<=", to);
  if (exceptId) q = q.where("d.id", "<>", exceptId);
  return (await q.execute()).map((r) => r.kind);
}

interface DesignationPlace {
  id: string;
  organization_id: string;
  kind: DesignationKind;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
  revoked_on: string | null;
}

/** The designation and its organization's region; 404 when it does not exist or lies outside the admin's region. */
async function designationInRegion(db: DB, actor: Actor, id: string, base: "create:designation" | "update:designation"): Promise<DesignationPlace> {
  requireDesignator(actor);
  requireUuid(id);
  const row = await db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select(["d.id", "d.organization_id", "d.kind", "o.region_code", "d.valid_from", "d.valid_to", "d.revoked_on"])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) notFound();
  requirePermission(actor, base, { regionCode: row.region_code });
  return row;
}

export async function updateDesignation(
  db: DB,
  actor: Actor,
  id: string,
  input: EditDesignationInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ changed: boolean }>> {
  const place = await designationInRegion(db, actor, id, "update:designation");
  if (place.revoked_on) return fail("", "institutions.err.revokedNoEdit");
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("organization").select("id").where("id", "=", place.organization_id).forUpdate().execute();
    const overlapping = await overlappingKinds(trx, place.organization_id, [place.kind], input.validFrom, input.validTo ?? null, id);
    if (overlapping.length) return fail("validFrom", "institutions.err.alreadyDesignated");
    await trx
      .updateTable("designation")
      .set({ decision_number: input.decisionNumber, decision_date: input.decisionDate, valid_from: input.validFrom, valid_to: input.validTo ?? null })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: "update",
      entity: "designation",
      entityId: id,
      reason: `period ${input.validFrom}–${input.validTo ?? ""}, ${input.decisionNumber} of ${input.decisionDate}`,
      ip: options.ip,
    });
    return { ok: true as const, value: { changed: true } };
  });
}

/** Revokes a designation from `revokedOn` (it is no longer active on that day). Once revoked it stays revoked. */
export async function revokeDesignation(
  db: DB,
  actor: Actor,
  id: string,
  input: RevokeInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ revokedOn: string }>> {
  const place = await designationInRegion(db, actor, id, "update:designation");
  if (place.revoked_on) return fail("revokedOn", "institutions.err.alreadyRevoked");
  if (input.revokedOn < place.valid_from) return fail("revokedOn", "institutions.err.revokedBeforeFrom");
  return db.transaction().execute(async (trx) => {
    const r = await trx.updateTable("designation").set({ revoked_on: input.revokedOn }).where("id", "=", id).where("revoked_on", "is", null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return fail("revokedOn", "institutions.err.alreadyRevoked");
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "revoke", entity: "designation", entityId: id, reason: `revoked on ${input.revokedOn}`, ip: options.ip });
    return { ok: true as const, value: { revokedOn: input.revokedOn } };
  });
}

/** Records support given to a designated institution. */
export async function addSupport(
  db: DB,
  actor: Actor,
  designationId: string,
  input: SupportInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ supportId: string }>> {
  await designationInRegion(db, actor, designationId, "update:designation");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("institution_support")
      .values({
        designation_id: designationId,
        kind: input.kind,
        amount: input.amount.toFixed(2),
        support_date: input.supportDate,
        note: input.note,
        recorded_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: "create",
      entity: "institution_support",
      entityId: row.id,
      reason: `${input.kind} ${input.amount.toFixed(2)} on ${input.supportDate} for designation ${designationId}`,
      ip: options.ip,
    });
    return { ok: true as const, value: { supportId: row.id } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface SupportTotal {
  kind: InstitutionSupportKind;
  /** Yuan, as an exact decimal string ("1234.50"). */
  total: string;
  count: number;
}

/** Support totals by kind over the given designations (exact decimals, summed by the database). */
export async function supportTotals(db: DB, designationIds: readonly string[]): Promise<SupportTotal[]> {
  if (!designationIds.length) return [];
  const rows = await db
    .selectFrom("institution_support")
    .select(["kind", sql<string>`sum(amount)::numeric(16,2)::text`.as("total"), sql<string>`count(*)::int`.as("count")])
    .where("designation_id", "in", [...designationIds])
    .groupBy("kind")
    .orderBy("kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, total: r.total, count: Number(r.count) }));
}

/** SQL: an employment record aliased `e` holds on `day` (started, not ended, not past its contract end). */
function employedOn(day: string): Expression<SqlBool> {
  return sql<SqlBool>`(e.contract_start <= ${day}::date and (e.ended_on is null or e.ended_on > ${day}::date) and (e.contract_end is null or e.contract_end >= ${day}::date))`;
}

/** How many disabled people an organization employs on `day` (employment records naming it). */
export async function employedCount(db: DB, organizationId: string, day: string): Promise<number> {
  const r = await db
    .selectFrom("employment as e")
    .select(sql<string>`count(distinct e.seeker_id)::int`.as("n"))
    .where("e.organization_id", "=", organizationId)
    .where("e.seeker_id", "is not", null)
    .where(employedOn(day))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface DesignationRow {
  id: string;
  kind: DesignationKind;
  decisionNumber: string;
  decisionDate: string;
  validFrom: string;
  validTo: string | null;
  revokedOn: string | null;
  status: DesignationStatus;
}

export interface SupportRecord {
  id: string;
  kind: InstitutionSupportKind;
  amount: string;
  supportDate: string;
  note: string;
}

export interface AdminDesignationView {
  designation: DesignationRow & { designatedByName: string | null; createdAt: Date };
  organization: { id: string; name: string; uscc: string; regionCode: string; regionName: string | null; address: string | null };
  /** The organization's other designations (any status). */
  siblings: DesignationRow[];
  support: SupportRecord[];
  supportTotals: SupportTotal[];
  employed: { count: number; people: { seekerId: string; name: string; since: string; form: string }[] };
  today: string;
}

function toRow(r: { id: string; kind: DesignationKind; decision_number: string; decision_date: string; valid_from: string; valid_to: string | null; revoked_on: string | null }, day: string): DesignationRow {
  const base = { validFrom: r.valid_from, validTo: r.valid_to, revokedOn: r.revoked_on };
  return {
    id: r.id,
    kind: r.kind,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    ...base,
    status: designationStatus(base, day),
  };
}

/**
 * One designation for an admin of its region: the decision, the organization's other designations, support records
 * and totals, and the disabled people employed there now, by name — that list read is audited (one row per person).
 */
export async function getDesignationForAdmin(db: DB, actor: Actor, id: string, options: { ip?: string | null; now?: Date } = {}): Promise<AdminDesignationView> {
  const place = await designationInRegion(db, actor, id, "update:designation");
  const day = todayInShanghai(options.now);
  return db.transaction().execute(async (trx) => {
    const d = await trx
      .selectFrom("designation as d")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .leftJoin("division as dv", "dv.code", "o.region_code")
      .leftJoin("app_user as u", "u.id", "d.designated_by")
      .select([
        "d.id",
        "d.kind",
        "d.decision_number",
        "d.decision_date",
        "d.valid_from",
        "d.valid_to",
        "d.revoked_on",
        "d.created_at",
        "u.display_name as designated_by_name",
        "o.id as organization_id",
        "o.name",
        "o.uscc",
        "o.region_code",
        "o.address",
        "dv.name as region_name",
      ])
      .where("d.id", "=", id)
      .executeTakeFirstOrThrow();
    const siblings = await trx
      .selectFrom("designation as d")
      .select(["d.id", "d.kind", "d.decision_number", "d.decision_date", "d.valid_from", "d.valid_to", "d.revoked_on"])
      .where("d.organization_id", "=", place.organization_id)
      .where("d.id", "<>", id)
      .orderBy("d.valid_from", "desc")
      .orderBy("d.kind")
      .execute();
    const support = await trx
      .selectFrom("institution_support")
      .select(["id", "kind", "amount", "support_date", "note"])
      .where("designation_id", "=", id)
      .orderBy("support_date", "desc")
      .orderBy("created_at", "desc")
      .execute();
    const people = await trx
      .selectFrom("employment as e")
      .innerJoin("app_user as u", "u.id", "e.seeker_id")
      .leftJoin("seeker_profile as p", "p.user_id", "e.seeker_id")
      .select(["e.seeker_id", "p.real_name", "u.display_name", "e.contract_start", "e.form"])
      .where("e.organization_id", "=", place.organization_id)
      .where(employedOn(day))
      .orderBy("e.contract_start")
      .orderBy("e.id")
      .execute();
    const seen = new Set<string>();
    const employedPeople = people
      .filter((p) => {
        if (!p.seeker_id || seen.has(p.seeker_id)) return false;
        seen.add(p.seeker_id);
        return true;
      })
      .map((p) => ({ seekerId: p.seeker_id!, name: p.real_name ?? p.display_name ?? "—", since: p.contract_start, form: p.form }));
    await recordListRead(trx, {
      actorId: actor.id,
      subjectUserIds: employedPeople.map((p) => p.seekerId),
      entity: "institution_employees",
      entityId: place.organization_id,
      reason: `people employed at a designated institution (designation ${id})`,
      ip: options.ip,
    });
    return {
      designation: { ...toRow(d, day), designatedByName: d.designated_by_name, createdAt: d.created_at },
      organization: { id: d.organization_id, name: d.name, uscc: d.uscc, regionCode: d.region_code, regionName: d.region_name, address: d.address },
      siblings: siblings.map((s) => toRow(s, day)),
      support: support.map((s) => ({ id: s.id, kind: s.kind, amount: s.amount, supportDate: s.support_date, note: s.note })),
      supportTotals: await supportTotals(trx, [id]),
      employed: { count: employedPeople.length, people: employedPeople },
      today: day,
    };
  });
}

export interface AdminListItem extends DesignationRow {
  organizationId: string;
  organizationName: string;
  regionCode: string;
  regionName: string | null;
}

export interface AdminList {
  items: AdminListItem[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
}

/** The designations of the admin's region, filtered (kind, a division within the region, status, name). */
export async function listRegionDesignations(db: DB, actor: Actor, query: AdminListQuery, options: { now?: Date } = {}): Promise<AdminList> {
  requireDesignator(actor);
  const day = todayInShanghai(options.now);
  const scope = query.region && isWithinRegion(actor.regionCode, query.region) ? query.region : actor.regionCode!;
  let q = db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .leftJoin("division as dv", "dv.code", "o.region_code")
    .where("o.region_code", "like", `${regionPrefix(scope)}%`);
  if (query.kind) q = q.where("d.kind", "=", query.kind);
  if (query.q) q = q.where(sql<SqlBool>`strpos(o.name, ${query.q}) > 0`);
  if (query.status === "active") q = q.where(activeOn(day));
  if (query.status === "revoked") q = q.where("d.revoked_on", "<=", day);
  if (query.status === "ended") q = q.where("d.valid_to", "<", day).where(sql<SqlBool>`(d.revoked_on is null or d.revoked_on > ${day}::date)`);
  const { n } = await q.select(sql<string>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await q
    .select(["d.id", "d.kind", "d.decision_number", "d.decision_date", "d.valid_from", "d.valid_to", "d.revoked_on", "o.id as organization_id", "o.name", "o.region_code", "dv.name as region_name"])
    .orderBy("o.region_code")
    .orderBy("o.name")
    .orderBy("d.valid_from", "desc")
    .orderBy("d.id")
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE)
    .execute();
  return {
    items: rows.map((r) => ({ ...toRow(r, day), organizationId: r.organization_id, organizationName: r.name, regionCode: r.region_code, regionName: r.region_name })),
    total,
    page,
    pageCount,
    today: day,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The public register

export interface RegisterEntry {
  organizationId: string;
  name: string;
  kinds: DesignationKind[];
  regionCode: string;
  regionName: string | null;
  prefectureName: string | null;
  address: string | null;
  openVacancies: number;
  /** Published courses that have not ended, when the organization runs any (training bases). */
  openCourses: number;
  /** Accommodations its open vacancies offer (codes). */
  accommodations: string[];
}

export interface Register {
  entries: RegisterEntry[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
}

/** SQL: open vacancies of the organization aliased `o` on `day`. */
function openVacancyFilter(day: string) {
  return sql<SqlBool>`v.organization_id = o.id and v.status = 'open' and (v.closing_date is null or v.closing_date >= ${day}::date)`;
}

/**
 * The public register: organizations holding at least one designation active today, with the kinds active today,
 * filtered by kind and by a division (prefecture or county). What each offers: its open vacancies, its current
 * courses, and the accommodations its open vacancies offer (the platform keeps no other accessibility facts about
 * an organization, so nothing else is claimed).
 */
export async function publicRegister(db: DB, query: RegisterQuery, options: { now?: Date } = {}): Promise<Register> {
  const day = todayInShanghai(options.now);
  let q = db
    .selectFrom("organization as o")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("designation as d")
          .select("d.id")
          .whereRef("d.organization_id", "=", "o.id")
          .where(activeOn(day))
          .$if(!!query.kind, (w) => w.where("d.kind", "=", query.kind!)),
      ),
    );
  if (query.region) q = q.where("o.region_code", "like", `${regionPrefix(query.region)}%`);
  const { n } = await q.select(sql<string>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await q
    .leftJoin("division as dv", "dv.code", "o.region_code")
    .leftJoin("division as pf", "pf.code", "dv.parent_code")
    .select([
      "o.id",
      "o.name",
      "o.region_code",
      "o.address",
      "dv.name as region_name",
      "pf.name as prefecture_name",
      sql<DesignationKind[]>`array(select distinct d.kind from designation d where d.organization_id = o.id and ${activeOn(day)} order by d.kind)`.as("kinds"),
      sql<string>`(select count(*)::int from vacancy v where ${openVacancyFilter(day)})`.as("open_vacancies"),
      sql<string>`(select count(*)::int from course c where c.provider_id = o.id and c.status = 'published' and c.ends_on >= ${day}::date)`.as("open_courses"),
      sql<string[]>`array(select distinct a from vacancy v cross join unnest(v.accommodations) a where ${openVacancyFilter(day)} order by a)`.as("accommodations"),
    ])
    .orderBy("o.region_code")
    .orderBy("o.name")
    .orderBy("o.id")
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .execute();
  return {
    entries: rows.map((r) => ({
      organizationId: r.id,
      name: r.name,
      kinds: sortKinds(r.kinds),
      regionCode: r.region_code,
      regionName: r.region_name,
      prefectureName: r.region_code.endsWith("00") ? null : r.prefecture_name,
      address: r.address,
      openVacancies: Number(r.open_vacancies),
      openCourses: Number(r.open_courses),
      accommodations: r.accommodations,
    })),
    total,
    page,
    pageCount,
    today: day,
  };
}

function sortKinds(kinds: readonly DesignationKind[]): DesignationKind[] {
  return [...kinds].sort((a, b) => DESIGNATION_KINDS.indexOf(a) - DESIGNATION_KINDS.indexOf(b));
}

export interface PublicInstitution {
  organizationId: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  prefectureName: string | null;
  address: string | null;
  designations: DesignationRow[];
  supportTotals: SupportTotal[];
  openVacancies: number;
  /** The open vacancies themselves (at most 50), to link to. */
  vacancies: { id: string; title: string }[];
  openCourses: number;
  accommodations: string[];
  today: string;
}

/**
 * An organization's public page of designations: every designation it holds or held (kinds, period, decision,
 * status), the support it received summed by kind, what it offers. 404 for an organization never designated.
 */
export async function publicInstitution(db: DB, organizationId: string, options: { now?: Date } = {}): Promise<PublicInstitution> {
  requireUuid(organizationId);
  const day = todayInShanghai(options.now);
  const designations = await db
    .selectFrom("designation as d")
    .select(["d.id", "d.kind", "d.decision_number", "d.decision_date", "d.valid_from", "d.valid_to", "d.revoked_on"])
    .where("d.organization_id", "=", organizationId)
    .orderBy("d.valid_from", "desc")
    .orderBy("d.kind")
    .execute();
  if (!designations.length) notFound();
  const o = await db
    .selectFrom("organization as o")
    .leftJoin("division as dv", "dv.code", "o.region_code")
    .leftJoin("division as pf", "pf.code", "dv.parent_code")
    .select([
      "o.id",
      "o.name",
      "o.region_code",
      "o.address",
      "dv.name as region_name",
      "pf.name as prefecture_name",
      sql<string>`(select count(*)::int from vacancy v where ${openVacancyFilter(day)})`.as("open_vacancies"),
      sql<string>`(select count(*)::int from course c where c.provider_id = o.id and c.status = 'published' and c.ends_on >= ${day}::date)`.as("open_courses"),
      sql<string[]>`array(select distinct a from vacancy v cross join unnest(v.accommodations) a where ${openVacancyFilter(day)} order by a)`.as("accommodations"),
    ])
    .where("o.id", "=", organizationId)
    .executeTakeFirstOrThrow();
  return {
    organizationId: o.id,
    name: o.name,
    regionCode: o.region_code,
    regionName: o.region_name,
    prefectureName: o.region_code.endsWith("00") ? null : o.prefecture_name,
    address: o.address,
    designations: designations.map((d) => toRow(d, day)),
    supportTotals: await supportTotals(
      db,
      designations.map((d) => d.id),
    ),
    openVacancies: Number(o.open_vacancies),
    vacancies: await db
      .selectFrom("vacancy as v")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["v.id", "v.title"])
      .where("o.id", "=", organizationId)
      .where(openVacancyFilter(day))
      .orderBy("v.published_at", "desc")
      .orderBy("v.id")
      .limit(50)
      .execute(),
    openCourses: Number(o.open_courses),
    accommodations: o.accommodations,
    today: day,
  };
}

/** Prefectures and counties for the register's region filter. */
export async function registerRegions(db: DB): Promise<{ code: string; name: string; level: "prefecture" | "county"; parentCode: string | null }[]> {
  const rows = await db.selectFrom("division").select(["code", "name", "level", "parent_code"]).where("level", "in", ["prefecture", "county"]).orderBy("code").execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level as "prefecture" | "county", parentCode: r.parent_code }));
}
