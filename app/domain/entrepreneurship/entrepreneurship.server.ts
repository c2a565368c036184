/**
 * Entrepreneurship support (issue 14): businesses run by disabled entrepreneurs (个体工商户, 合作社, 网店, 家庭作坊…),
 * linked to the seeker(s) who run them, with their support (一次性创业补贴, 创业担保贷款, 贷款贴息, 孵化场地) and a
 * yearly status check. The plan's "≥ 5,000 entrepreneur households supported" counts businesses here.
 *
 * Self-employment itself is an employment record of form `self_employed` (decision 012: one employment table; the
 * new-jobs figure counts it from there): nothing here writes employment. An owner without an open self-employment
 * record is pointed to the employment page instead.
 *
 * Access: counselors and admins of the business's region (`create/update/read:business:region`); owners are seekers
 * of the actor's region, found on the counselor's caseload or by exact 残疾人证号 / phone (the employment pages'
 * lookup: someone outside the region is "not found" like nobody). Everyone else gets 404. Reads that name owners
 * are audited, as are the changes; disability details are never read here.
 */
import { sql, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/database";
import type { BusinessKind, BusinessSupportKind } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { divisionName, listDivisionsWithin } from "../divisions/divisions.server";
import { notFound, UUID_RE } from "../ids";
import { can, hasPermission, regionPrefix, type Actor } from "../permissions";
import type { LookupInput } from "../employment/employment.schema";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { BUSINESS_PAGE_SIZE, type BusinessInput, type CheckInput, type OwnerInput, type SupportInput } from "./entrepreneurship.schema";

export interface SupportedBusinessesQuery {
  /** A division code: the businesses of that division and below. */
  regionCode: string;
  /** First and last day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** Only support given by this day counts (YYYY-MM-DD). */
  asOf: string;
}

function supportedWithin(q: SupportedBusinessesQuery) {
  const last = q.asOf < q.to ? q.asOf : q.to;
  return sql<SqlBool>`exists (select 1 from business_support s where s.business_id = b.id
    and s.support_date >= ${q.from}::date and s.support_date <= ${last}::date)`;
}

/**
 * Businesses of the region with at least one support record dated within [from, to] and not after `asOf`: the
 * entrepreneur-households indicator. A business supported twice counts once.
 */
export async function supportedBusinesses(db: DB, q: SupportedBusinessesQuery): Promise<number> {
  const row = await db
    .selectFrom("business as b")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("b.region_code", "like", `${regionPrefix(q.regionCode)}%`)
    .where(supportedWithin(q))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same count by the business's own division (county), for a table of sub-regions. */
export async function supportedBusinessesByPlace(db: DB, q: SupportedBusinessesQuery): Promise<{ regionCode: string; count: number }[]> {
  const rows = await db
    .selectFrom("business as b")
    .select(["b.region_code", (eb) => eb.fn.countAll<string>().as("n")])
    .where("b.region_code", "like", `${regionPrefix(q.regionCode)}%`)
    .where(supportedWithin(q))
    .groupBy("b.region_code")
    .orderBy("b.region_code")
    .execute();
  return rows.map((r) => ({ regionCode: r.region_code, count: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Access

function fail(field: string, message: string): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** The pages' first check: counselors and admins with a region; 404 for anyone else. */
export function requireBusinessStaff(actor: Actor): void {
  if (!hasPermission(actor, "read:business") || !actor.regionCode) notFound();
}

/** A seeker's place: where they live now, else their household registration (as the caseload reads it). */
const seekerRegion = sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`;

async function seekerInRegion(db: DB, actor: Actor, seekerId: string): Promise<{ id: string; name: string; regionCode: string | null } | null> {
  if (!UUID_RE.test(seekerId)) return null;
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", "u.display_name", "p.real_name", seekerRegion.as("region_code")])
    .where("u.id", "=", seekerId)
    .where("u.role", "=", "seeker")
    .executeTakeFirst();
  if (!row || !can(actor, "create:business", { regionCode: row.region_code })) return null;
  return { id: row.id, name: row.real_name ?? row.display_name ?? "", regionCode: row.region_code };
}

/** The business's region, or 404 when there is none or the actor may not `action` it. */
async function requireBusiness(db: DB, actor: Actor, id: string, action: "read" | "update"): Promise<{ regionCode: string }> {
  requireBusinessStaff(actor);
  if (!UUID_RE.test(id)) notFound();
  const row = await db.selectFrom("business").select("region_code").where("id", "=", id).executeTakeFirst();
  if (!row || !can(actor, `${action}:business`, { regionCode: row.region_code })) notFound();
  return { regionCode: row.region_code };
}

/** Whether the seeker has a self-employment record that holds today (decision 012: counted from employment). */
function selfEmployedNow(seekerColumn: string, today: string) {
  return sql<boolean>`exists (select 1 from employment e where e.seeker_id = ${sql.ref(seekerColumn)} and e.form = 'self_employed'
    and e.contract_start <= ${today}::date and e.ended_on is null and (e.contract_end is null or e.contract_end >= ${today}::date))`;
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing an owner

export interface OwnerChoice {
  id: string;
  name: string;
}

/**
 * A counselor's own caseload, to pick an owner from (admins have none: they find people by number). The names are
 * the counselor's own clients; the read is audited like the caseload's.
 */
export async function caseloadChoices(db: DB, actor: Actor, options: { ip?: string | null } = {}): Promise<OwnerChoice[]> {
  requireBusinessStaff(actor);
  if (actor.role !== "counselor") return [];
  const rows = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", "u.display_name", "p.real_name", seekerRegion.as("region_code")])
    .where("a.counselor_id", "=", actor.id)
    .where("a.ended_at", "is", null)
    .orderBy("p.real_name")
    .orderBy("u.id")
    .limit(500)
    .execute();
  const mine = rows.filter((r) => can(actor, "create:business", { regionCode: r.region_code }));
  await recordListRead(db, { actorId: actor.id, subjectUserIds: mine.map((r) => r.id), entity: "business_owner_choices", entityId: actor.id, reason: "choose a business owner", ip: options.ip });
  return mine.map((r) => ({ id: r.id, name: r.real_name ?? r.display_name ?? "" }));
}

export interface OwnerToRecordFor {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
}

/**
 * The seeker a business is about to be recorded for (the new page's ?owner=), or null when there is no such seeker
 * in the actor's region — the same answer for both. Showing the name is audited.
 */
export async function ownerToRecordFor(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null } = {}): Promise<OwnerToRecordFor | null> {
  requireBusinessStaff(actor);
  const seeker = await seekerInRegion(db, actor, seekerId);
  if (!seeker) return null;
  await recordAudit(db, { actorId: actor.id, subjectUserId: seeker.id, action: "read", entity: "business_owner", entityId: seeker.id, reason: "record a business", ip: options.ip });
  return { ...seeker, regionName: await divisionName(db, seeker.regionCode) };
}

/**
 * Finds an owner among the seekers of the actor's region by their 残疾人证号 or mobile number, exactly (the
 * employment pages' lookup form). Someone outside the region and someone who does not exist get the same answer;
 * a find is audited with how they were found and what for.
 */
export async function findOwner(db: DB, actor: Actor, input: LookupInput, options: { ip?: string | null } = {}): Promise<Result<{ seekerId: string }>> {
  requireBusinessStaff(actor);
  let q = db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", seekerRegion.as("region_code")])
    .where("u.role", "=", "seeker");
  q = input.who.kind === "phone" ? q.where("u.phone", "=", input.who.value) : q.where("p.certificate_number", "=", input.who.value);
  const rows = await q.limit(2).execute();
  const found = rows.length === 1 ? rows[0]! : null;
  if (!found || !can(actor, "create:business", { regionCode: found.region_code })) return fail("who", "employment.err.lookupNotFound");
  await recordAudit(db, {
    actorId: actor.id,
    subjectUserId: found.id,
    action: "lookup",
    entity: "business_owner",
    entityId: found.id,
    reason: `found by ${input.who.kind === "phone" ? "phone number" : "certificate number"} to record a business`,
    ip: options.ip,
  });
  return { ok: true, value: { seekerId: found.id } };
}

/** The divisions a business of the actor's region may be placed in (the actor's region and below). */
export async function businessRegions(db: DB, actor: Actor): Promise<{ code: string; name: string }[]> {
  requireBusinessStaff(actor);
  return (await listDivisionsWithin(db, actor.regionCode!)).map((d) => ({ code: d.code, name: d.name }));
}

// ---------------------------------------------------------------------------------------------------------------
// Recording

/**
 * Records a business with its first owner, a seeker of the actor's region; the business sits in a division of the
 * actor's region. Not started in the future. One transaction with its audit row.
 */
export async function createBusiness(db: DB, actor: Actor, input: BusinessInput, options: { ip?: string | null } = {}): Promise<Result<{ businessId: string }>> {
  requireBusinessStaff(actor);
  const owner = await seekerInRegion(db, actor, input.ownerId);
  if (!owner) return fail("", "entrepreneurship.err.ownerGone");
  const division = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!division || !can(actor, "create:business", { regionCode: input.regionCode })) return fail("regionCode", "entrepreneurship.err.regionRequired");
  if (input.startedOn > todayInShanghai()) return fail("startedOn", "entrepreneurship.err.startedFuture");
  return db.transaction().execute(async (trx) => {
    const b = await trx
      .insertInto("business")
      .values({
        name: input.name,
        kind: input.kind,
        region_code: input.regionCode,
        started_on: input.startedOn,
        registration_number: input.registrationNumber || null,
        description: input.description ?? "",
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("business_owner").values({ business_id: b.id, seeker_id: owner.id }).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: owner.id, action: "create", entity: "business", entityId: b.id, reason: `${input.kind}: ${input.name}`, ip: options.ip });
    return { ok: true as const, value: { businessId: b.id } };
  });
}

/** Adds a seeker of the actor's region as another owner (once: a second time changes nothing). */
export async function addOwner(db: DB, actor: Actor, businessId: string, input: OwnerInput, options: { ip?: string | null } = {}): Promise<Result<{ added: boolean }>> {
  await requireBusiness(db, actor, businessId, "update");
  const owner = await seekerInRegion(db, actor, input.seekerId);
  if (!owner) return fail("seekerId", "entrepreneurship.err.ownerGone");
  return db.transaction().execute(async (trx) => {
    const added = await trx.insertInto("business_owner").values({ business_id: businessId, seeker_id: owner.id }).onConflict((oc) => oc.doNothing()).returning("seeker_id").executeTakeFirst();
    if (added) await recordAudit(trx, { actorId: actor.id, subjectUserId: owner.id, action: "create", entity: "business_owner", entityId: businessId, reason: "added as an owner", ip: options.ip });
    return { ok: true as const, value: { added: !!added } };
  });
}

/** Records one support given to the business: dated on or after its start and not in the future. */
export async function addSupport(db: DB, actor: Actor, businessId: string, input: SupportInput, options: { ip?: string | null } = {}): Promise<Result<{ supportId: string }>> {
  await requireBusiness(db, actor, businessId, "update");
  const b = await db.selectFrom("business").select("started_on").where("id", "=", businessId).executeTakeFirstOrThrow();
  if (input.supportDate > todayInShanghai()) return fail("supportDate", "entrepreneurship.err.dateFuture");
  if (input.supportDate < b.started_on) return fail("supportDate", "entrepreneurship.err.supportBeforeStart");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("business_support")
      .values({ business_id: businessId, kind: input.kind, amount: input.amount, support_date: input.supportDate, note: input.note ?? "", recorded_by: actor.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "create", entity: "business_support", entityId: row.id, reason: `${businessId}: ${input.kind} ${input.amount} on ${input.supportDate}`, ip: options.ip });
    return { ok: true as const, value: { supportId: row.id } };
  });
}

/**
 * The yearly status check: one per business and year. A second check for a year replaces the first (a later visit
 * corrects the year's status; the audit keeps both). The year lies between the business's start and the check day;
 * the check day is not in the future.
 */
export async function recordCheck(db: DB, actor: Actor, businessId: string, input: CheckInput, options: { ip?: string | null } = {}): Promise<Result<{ replaced: boolean }>> {
  await requireBusiness(db, actor, businessId, "update");
  const b = await db.selectFrom("business").select("started_on").where("id", "=", businessId).executeTakeFirstOrThrow();
  if (input.checkedOn > todayInShanghai()) return fail("checkedOn", "entrepreneurship.err.dateFuture");
  if (input.year < Number(b.started_on.slice(0, 4)) || input.year > Number(input.checkedOn.slice(0, 4))) return fail("year", "entrepreneurship.err.yearRange");
  const running = input.running === "yes";
  const employsOthers = running ? (input.employsOthers ?? 0) : 0;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("business_check")
      .values({ business_id: businessId, year: input.year, running, employs_others: employsOthers, checked_on: input.checkedOn, checked_by: actor.id, note: input.note ?? "" })
      .onConflict((oc) =>
        oc.columns(["business_id", "year"]).doUpdateSet({ running, employs_others: employsOthers, checked_on: input.checkedOn, checked_by: actor.id, note: input.note ?? "" }),
      )
      // xmax = 0 on a fresh insert, the updating transaction's id when the row was there.
      .returning(["id", sql<boolean>`(xmax <> 0)`.as("replaced")])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: row.replaced ? "update" : "create",
      entity: "business_check",
      entityId: row.id,
      reason: `${businessId}: ${input.year} running=${running} employs=${employsOthers}`,
      ip: options.ip,
    });
    return { ok: true as const, value: { replaced: row.replaced } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface BusinessOwner {
  id: string;
  name: string;
  /** An open self-employment record holds today; when false the page offers to record it. */
  selfEmployed: boolean;
}

export interface BusinessView {
  id: string;
  name: string;
  kind: BusinessKind;
  regionCode: string;
  regionName: string | null;
  startedOn: string;
  registrationNumber: string | null;
  description: string;
  owners: BusinessOwner[];
  support: { id: string; kind: BusinessSupportKind; amount: string; supportDate: string; note: string }[];
  supportTotal: string;
  checks: { year: number; running: boolean; employsOthers: number; checkedOn: string; checkedBy: string | null; note: string }[];
  /** The actor may add owners, support and checks. */
  mayUpdate: boolean;
}

/** Sum of amounts as text with two decimals (numeric in SQL: no float drift). */
function money(v: string | number | null | undefined): string {
  return Number(v ?? 0).toFixed(2);
}

/** One business for staff of its region (404 otherwise); naming its owners is audited, one row per owner. */
export async function getBusiness(db: DB, actor: Actor, id: string, options: { ip?: string | null } = {}): Promise<BusinessView> {
  const { regionCode } = await requireBusiness(db, actor, id, "read");
  const today = todayInShanghai();
  const b = await db
    .selectFrom("business as b")
    .select((eb) => [
      "b.id",
      "b.name",
      "b.kind",
      "b.region_code",
      "b.started_on",
      "b.registration_number",
      "b.description",
      jsonArrayFrom(
        eb
          .selectFrom("business_owner as o")
          .innerJoin("app_user as u", "u.id", "o.seeker_id")
          .leftJoin("seeker_profile as p", "p.user_id", "u.id")
          .select(["u.id", "u.display_name", "p.real_name", selfEmployedNow("o.seeker_id", today).as("self_employed")])
          .whereRef("o.business_id", "=", "b.id")
          .orderBy("p.real_name"),
      ).as("owners"),
      jsonArrayFrom(
        eb
          .selectFrom("business_support as s")
          .select(["s.id", "s.kind", sql<string>`s.amount::text`.as("amount"), sql<string>`s.support_date::text`.as("support_date"), "s.note"])
          .whereRef("s.business_id", "=", "b.id")
          .orderBy("s.support_date", "desc")
          .orderBy("s.id"),
      ).as("support"),
      jsonArrayFrom(
        eb
          .selectFrom("business_check as c")
          .leftJoin("app_user as cu", "cu.id", "c.checked_by")
          .select(["c.year", "c.running", "c.employs_others", sql<string>`c.checked_on::text`.as("checked_on"), "cu.display_name as checked_by", "c.note"])
          .whereRef("c.business_id", "=", "b.id")
          .orderBy("c.year", "desc"),
      ).as("checks"),
    ])
    .where("b.id", "=", id)
    .executeTakeFirstOrThrow();
  await recordListRead(db, { actorId: actor.id, subjectUserIds: b.owners.map((o) => o.id), entity: "business", entityId: id, reason: "business record", ip: options.ip });
  const total = b.support.reduce((sum, s) => sum + Math.round(Number(s.amount) * 100), 0);
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    regionCode,
    regionName: await divisionName(db, regionCode),
    startedOn: b.started_on,
    registrationNumber: b.registration_number,
    description: b.description,
    owners: b.owners.map((o) => ({ id: o.id, name: o.real_name ?? o.display_name ?? "", selfEmployed: !!o.self_employed })),
    support: b.support.map((s) => ({ id: s.id, kind: s.kind, amount: money(s.amount), supportDate: s.support_date, note: s.note })),
    supportTotal: (total / 100).toFixed(2),
    checks: b.checks.map((c) => ({ year: c.year, running: c.running, employsOthers: c.employs_others, checkedOn: c.checked_on, checkedBy: c.checked_by, note: c.note })),
    mayUpdate: can(actor, "update:business", { regionCode }),
  };
}

export interface BusinessListItem {
  id: string;
  name: string;
  kind: BusinessKind;
  regionName: string | null;
  owners: string[];
  supportTotal: string;
  supportCount: number;
  lastCheck: { year: number; running: boolean; employsOthers: number } | null;
}

export interface BusinessList {
  regionCode: string;
  regionName: string | null;
  kind: BusinessKind | null;
  unchecked: boolean;
  /** The year "not checked" refers to: the current one. */
  year: number;
  items: BusinessListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The businesses of the actor's region, newest first, filtered by kind and by "no check this year": owners' names,
 * support totals, the last check. Naming owners is audited, one row per owner on the page shown.
 */
export async function listBusinesses(
  db: DB,
  actor: Actor,
  options: { kind?: BusinessKind | null; unchecked?: boolean; page?: number; ip?: string | null } = {},
): Promise<BusinessList> {
  requireBusinessStaff(actor);
  const regionCode = actor.regionCode!;
  const year = Number(todayInShanghai().slice(0, 4));
  let base = db.selectFrom("business as b").where("b.region_code", "like", `${regionPrefix(regionCode)}%`);
  if (options.kind) base = base.where("b.kind", "=", options.kind);
  if (options.unchecked) base = base.where(sql<SqlBool>`not exists (select 1 from business_check c where c.business_id = b.id and c.year = ${year})`);
  const count = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const pageCount = Math.max(1, Math.ceil(total / BUSINESS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await base
    .leftJoin("division as d", "d.code", "b.region_code")
    .select((eb) => [
      "b.id",
      "b.name",
      "b.kind",
      "d.name as region_name",
      jsonArrayFrom(
        eb
          .selectFrom("business_owner as o")
          .innerJoin("app_user as u", "u.id", "o.seeker_id")
          .leftJoin("seeker_profile as p", "p.user_id", "u.id")
          .select(["u.id", sql<string>`coalesce(p.real_name, u.display_name, '')`.as("name")])
          .whereRef("o.business_id", "=", "b.id")
          .orderBy("p.real_name"),
      ).as("owners"),
      sql<string>`(select coalesce(sum(s.amount), 0)::text from business_support s where s.business_id = b.id)`.as("support_total"),
      sql<string>`(select count(*) from business_support s where s.business_id = b.id)`.as("support_count"),
      jsonArrayFrom(
        eb.selectFrom("business_check as c").select(["c.year", "c.running", "c.employs_others"]).whereRef("c.business_id", "=", "b.id").orderBy("c.year", "desc").limit(1),
      ).as("last_check"),
    ])
    .orderBy("b.created_at", "desc")
    .orderBy("b.id")
    .limit(BUSINESS_PAGE_SIZE)
    .offset((page - 1) * BUSINESS_PAGE_SIZE)
    .execute();
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: rows.flatMap((r) => r.owners.map((o) => o.id)),
    entity: "business_list",
    entityId: `${regionCode}:${options.kind ?? "all"}:${options.unchecked ? "unchecked" : "any"}:${page}`,
    reason: "businesses",
    ip: options.ip,
  });
  return {
    regionCode,
    regionName: await divisionName(db, regionCode),
    kind: options.kind ?? null,
    unchecked: !!options.unchecked,
    year,
    total,
    page,
    pageCount,
    items: rows.map((r) => {
      const c = r.last_check[0];
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        regionName: r.region_name,
        owners: r.owners.map((o) => o.name),
        supportTotal: money(r.support_total),
        supportCount: Number(r.support_count),
        lastCheck: c ? { year: c.year, running: c.running, employsOthers: c.employs_others } : null,
      };
    }),
  };
}
