/**
 * Households and the zero-employment-family rule (零就业家庭, issue 13).
 *
 * A counselor records the household of a person on their caseload (update:household:assigned), with what the family
 * agreed to and when. Only the counselor of the household's own person (its 'self' member) changes it; the counselor
 * of another member sees it read only. Members are people with an account here, found by exact 残疾人证号 or phone within the
 * counselor's region (employment then comes from their records), or persons the counselor describes (name, sex,
 * birth date, employed or not). A person belongs to at most one household (a unique index on the member's account).
 *
 * The rule, one place for the caseload filter and the statistics: on a day D, a household recorded by D is
 * - **zero-employment** when it has at least one working-age member (men 16–59, women 16–54 on D, working-age.ts)
 *   and none of its working-age members is employed on D;
 * - **with someone employed** when at least one working-age member is employed on D.
 * A household with no working-age member is neither (it is still counted among the households).
 * A member with an account is employed on D when an employment record of theirs has started by D, has not ended
 * (`ended_on` null or after D) and is not past its contract end (`contract_end` null or on/after D): decision 007's
 * "employed now", from records only (what a person says of themself does not count for a real-name figure). A
 * described member is employed as the counselor recorded. Members added after D do not count on D (removed members
 * are deleted, so a past day is reproduced only as far as the household's current members allow).
 */
import { sql, type RawBuilder } from "kysely";
import type { DB } from "../../../db/database";
import type { Result } from "../accounts/accounts.server";
import { normalizePhone, PHONE_RE } from "../accounts/accounts.schema";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { requireAssigned } from "../counseling/access.server";
import { addDays } from "../counseling/counseling.schema";
import { UUID_RE } from "../ids";
import { regionPrefix, type Actor } from "../permissions";
import { normalizeIdentifier } from "../seekers/seekers.schema";
import { isCalendarDate, todayInShanghai } from "../vacancies/vacancies.schema";
import type { AccountMemberInput, DescribedMemberInput, HouseholdInput, Relation } from "./households.schema";
import { ageOn, isWorkingAge, workingAgeSql } from "./working-age";

type Fail = { ok: false; fieldErrors: Record<string, string[]> };
function fail(message: string, field = ""): Fail {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23505";
}

function requireDay(day: string): void {
  if (!isCalendarDate(day)) throw new Error(`not a calendar day: ${day}`);
}

/** The first moment after the day `day` (Asia/Shanghai): rows created before it existed by that day. */
function endOfDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+08:00`);
}

// ---------------------------------------------------------------------------------------------------------------
// The rule in SQL

/**
 * True when the person in column `seekerIdColumn` holds an employment record on `day`: started by then, not ended
 * (ended_on is the day it was recorded as over) and not past its contract end.
 */
export function employedOnSql(seekerIdColumn: string, day: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from employment ze
    where ze.seeker_id = ${sql.ref(seekerIdColumn)}
      and ze.contract_start <= ${day}::date
      and (ze.ended_on is null or ze.ended_on > ${day}::date)
      and (ze.contract_end is null or ze.contract_end >= ${day}::date))`;
}

/**
 * The members of the household `household` as they count on `day`: sex, birth date and employed, from the account
 * (profile and employment records) or as described. Aliases are unusual so they never hide a caller's.
 */
function membersOn(household: RawBuilder<unknown>, day: string): RawBuilder<unknown> {
  return sql`(
    select
      case when zm.seeker_id is not null then zp.gender else zm.gender end as gender,
      case when zm.seeker_id is not null then zp.birth_date else zm.birth_date end as birth_date,
      case when zm.seeker_id is not null then ${employedOnSql("zm.seeker_id", day)} else coalesce(zm.employed, false) end as employed
    from household_member zm
    left join seeker_profile zp on zp.user_id = zm.seeker_id
    where zm.household_id = ${household} and zm.created_at < ${endOfDay(day)}
  ) zx`;
}

/** True when the household in column `householdIdColumn` is zero-employment on `day` (the rule above). */
export function zeroEmploymentSql(householdIdColumn: string, day: string): RawBuilder<boolean> {
  requireDay(day);
  const h = sql.ref(householdIdColumn);
  const wa = workingAgeSql("zx.gender", "zx.birth_date", day);
  return sql<boolean>`(exists (select 1 from ${membersOn(h, day)} where ${wa})
    and not exists (select 1 from ${membersOn(h, day)} where ${wa} and zx.employed))`;
}

/** True when a working-age member of the household in column `householdIdColumn` is employed on `day`. */
export function someoneEmployedSql(householdIdColumn: string, day: string): RawBuilder<boolean> {
  requireDay(day);
  const h = sql.ref(householdIdColumn);
  const wa = workingAgeSql("zx.gender", "zx.birth_date", day);
  return sql<boolean>`exists (select 1 from ${membersOn(h, day)} where ${wa} and zx.employed)`;
}

/** True when the seeker in column `seekerIdColumn` belongs to a household that is zero-employment on `day`. */
export function inZeroEmploymentHouseholdSql(seekerIdColumn: string, day: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from household_member zhm where zhm.seeker_id = ${sql.ref(seekerIdColumn)} and ${zeroEmploymentSql("zhm.household_id", day)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// For the statistics (keep these signatures: the statistics area calls them)

/** Ids of the households of a region (the division and below) recorded by `day` and zero-employment on it. */
export async function zeroEmploymentHouseholdIds(db: DB, regionCode: string, day: string): Promise<string[]> {
  requireDay(day);
  const rows = await db
    .selectFrom("household as h")
    .select("h.id")
    .where("h.region_code", "like", `${regionPrefix(regionCode)}%`)
    .where("h.created_at", "<", endOfDay(day))
    .where(zeroEmploymentSql("h.id", day))
    .orderBy("h.id")
    .execute();
  return rows.map((r) => r.id);
}

export interface HouseholdSummary {
  /** Households of the region recorded by the day. */
  households: number;
  zeroEmployment: number;
  withSomeoneEmployed: number;
}

/** The region's households on `day`: all recorded, zero-employment, and with a working-age member employed. */
export async function householdSummary(db: DB, regionCode: string, day: string): Promise<HouseholdSummary> {
  requireDay(day);
  const row = await db
    .selectFrom("household as h")
    .select([
      sql<number>`count(*)`.as("households"),
      sql<number>`count(*) filter (where ${zeroEmploymentSql("h.id", day)})`.as("zero"),
      sql<number>`count(*) filter (where ${someoneEmployedSql("h.id", day)})`.as("employed"),
    ])
    .where("h.region_code", "like", `${regionPrefix(regionCode)}%`)
    .where("h.created_at", "<", endOfDay(day))
    .executeTakeFirstOrThrow();
  return { households: Number(row.households), zeroEmployment: Number(row.zero), withSomeoneEmployed: Number(row.employed) };
}

/** Whether one household is zero-employment on `day`. */
export async function isZeroEmploymentHousehold(db: DB, householdId: string, day: string): Promise<boolean> {
  requireDay(day);
  if (!UUID_RE.test(householdId)) return false;
  const row = await db
    .selectFrom("household as h")
    .select(zeroEmploymentSql("h.id", day).as("zero"))
    .where("h.id", "=", householdId)
    .executeTakeFirst();
  return !!row?.zero;
}

// ---------------------------------------------------------------------------------------------------------------
// The counselor's page

export interface MemberView {
  id: string;
  kind: "account" | "described";
  isSelf: boolean;
  name: string;
  relation: Relation;
  gender: "male" | "female" | null;
  age: number | null;
  workingAge: boolean;
  employed: boolean;
}

export interface HouseholdView {
  id: string;
  regionName: string;
  consentNote: string;
  consentOn: string;
  createdByName: string | null;
  members: MemberView[];
  zeroEmployment: boolean;
  someoneEmployed: boolean;
  /** The seeker is the household's own person ('self'): their counselor may change it. Otherwise it is read only here. */
  editable: boolean;
}

export interface HouseholdPage {
  seekerId: string;
  seekerName: string;
  /** The seeker's place (current, else household registration): the household's region. */
  region: { code: string; name: string } | null;
  today: string;
  household: HouseholdView | null;
}

const seekerRegion = sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`;

async function seekerFacts(db: DB, seekerId: string) {
  const row = await db
    .selectFrom("app_user as u")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("division as d", (j) => j.on(sql<boolean>`d.code = coalesce(p.current_region_code, p.household_region_code)`))
    .select(["u.display_name", "p.real_name", seekerRegion.as("region_code"), "d.name as region_name"])
    .where("u.id", "=", seekerId)
    .executeTakeFirst();
  return {
    name: row?.real_name ?? row?.display_name ?? "",
    region: row?.region_code && row.region_name ? { code: row.region_code, name: row.region_name } : null,
  };
}

async function householdIdOf(db: DB, seekerId: string): Promise<string | null> {
  const row = await db.selectFrom("household_member").select("household_id").where("seeker_id", "=", seekerId).executeTakeFirst();
  return row?.household_id ?? null;
}

/**
 * The household a counselor may change through this seeker: the seeker's own (they are its 'self' member, the person
 * it was recorded for). A household the seeker only belongs to as another member is read only through them: it is
 * changed by the counselor of its own person.
 */
async function ownHouseholdIdOf(db: DB, seekerId: string, missing = "realname.err.noHousehold"): Promise<{ id: string } | Fail> {
  const row = await db.selectFrom("household_member").select(["household_id", "relation"]).where("seeker_id", "=", seekerId).executeTakeFirst();
  if (!row) return fail(missing);
  if (row.relation !== "self") return fail("realname.err.notOwnHousehold");
  return { id: row.household_id };
}

async function loadHousehold(db: DB, householdId: string, seekerId: string, today: string): Promise<HouseholdView | null> {
  const h = await db
    .selectFrom("household as h")
    .innerJoin("division as d", "d.code", "h.region_code")
    .leftJoin("app_user as c", "c.id", "h.created_by")
    .select([
      "h.id",
      "d.name as region_name",
      "h.consent_note",
      "h.consent_on",
      "c.display_name as created_by_name",
      zeroEmploymentSql("h.id", today).as("zero"),
      someoneEmployedSql("h.id", today).as("someone"),
    ])
    .where("h.id", "=", householdId)
    .executeTakeFirst();
  if (!h) return null;
  const rows = await db
    .selectFrom("household_member as m")
    .leftJoin("app_user as u", "u.id", "m.seeker_id")
    .leftJoin("seeker_profile as p", "p.user_id", "m.seeker_id")
    .select([
      "m.id",
      "m.seeker_id",
      "m.name",
      "m.gender",
      "m.birth_date",
      "m.employed",
      "m.relation",
      "u.display_name",
      "p.real_name",
      "p.gender as account_gender",
      "p.birth_date as account_birth_date",
      employedOnSql("m.seeker_id", today).as("account_employed"),
    ])
    .where("m.household_id", "=", householdId)
    .orderBy(sql`coalesce(m.seeker_id = ${seekerId}, false)`, "desc")
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
  const members: MemberView[] = rows.map((r) => {
    const account = r.seeker_id !== null;
    const gender = account ? r.account_gender : r.gender;
    const birth = account ? r.account_birth_date : r.birth_date;
    return {
      id: r.id,
      kind: account ? "account" : "described",
      isSelf: r.seeker_id === seekerId,
      name: account ? (r.real_name ?? r.display_name ?? "") : (r.name ?? ""),
      relation: r.relation as Relation,
      gender: gender ?? null,
      age: birth ? ageOn(birth, today) : null,
      workingAge: isWorkingAge(gender, birth, today),
      employed: account ? !!r.account_employed : !!r.employed,
    };
  });
  return {
    id: h.id,
    regionName: h.region_name,
    consentNote: h.consent_note,
    consentOn: h.consent_on,
    createdByName: h.created_by_name,
    members,
    zeroEmployment: !!h.zero,
    someoneEmployed: !!h.someone,
    editable: rows.some((r) => r.seeker_id === seekerId && r.relation === "self"),
  };
}

/**
 * The household of a person on the actor's caseload, with its members (names, relation, age, working age,
 * employed). The seeker's current counselor only (404 otherwise). Members with an account are named: the read is
 * audited for each of them.
 */
export async function getHousehold(db: DB, actor: Actor, seekerId: string, options: { now?: Date; ip?: string | null } = {}): Promise<HouseholdPage> {
  await requireAssigned(db, actor, seekerId, "read:household");
  const today = todayInShanghai(options.now);
  const facts = await seekerFacts(db, seekerId);
  const id = await householdIdOf(db, seekerId);
  const household = id ? await loadHousehold(db, id, seekerId, today) : null;
  if (household) {
    const ids = await db.selectFrom("household_member").select("seeker_id").where("household_id", "=", household.id).where("seeker_id", "is not", null).execute();
    await recordListRead(db, { actorId: actor.id, subjectUserIds: ids.map((r) => r.seeker_id), entity: "household", entityId: household.id, reason: "caseload", ip: options.ip });
  } else {
    await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "household", entityId: null, reason: "caseload", ip: options.ip });
  }
  return { seekerId, seekerName: facts.name, region: facts.region, today, household };
}

/** Locks a person's account row, so two counselors adding the same person to households are taken in turn. */
async function lockPerson(db: DB, userId: string): Promise<void> {
  await db.selectFrom("app_user").select("id").where("id", "=", userId).forUpdate().execute();
}

/** Records the household of a person on the actor's caseload, with the family's consent; the person is its first member. */
export async function createHousehold(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: HouseholdInput,
  options: { now?: Date; ip?: string | null } = {},
): Promise<Result<{ householdId: string }>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  const today = todayInShanghai(options.now);
  if (input.consentOn > today) return fail("realname.err.consentOnFuture", "consentOn");
  const { region } = await seekerFacts(db, seekerId);
  if (!region) return fail("realname.err.noRegion");
  try {
    return await db.transaction().execute(async (trx) => {
      await lockPerson(trx, seekerId);
      if (await householdIdOf(trx, seekerId)) return fail("realname.err.alreadyHousehold");
      const h = await trx
        .insertInto("household")
        .values({ region_code: region.code, consent_note: input.consentNote, consent_on: input.consentOn, created_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("household_member").values({ household_id: h.id, seeker_id: seekerId, relation: "self" }).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "create", entity: "household", entityId: h.id, reason: "caseload", ip: options.ip });
      return { ok: true as const, value: { householdId: h.id } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("realname.err.alreadyHousehold");
    throw e;
  }
}

/** Changes the consent note (what the family agreed to, and when). */
export async function updateConsent(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: HouseholdInput,
  options: { now?: Date; ip?: string | null } = {},
): Promise<Result<null>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  if (input.consentOn > todayInShanghai(options.now)) return fail("realname.err.consentOnFuture", "consentOn");
  const own = await ownHouseholdIdOf(db, seekerId);
  if ("ok" in own) return own;
  const id = own.id;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("household")
      .set({ consent_note: input.consentNote, consent_on: input.consentOn, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "update", entity: "household", entityId: id, reason: "caseload", ip: options.ip });
  });
  return { ok: true, value: null };
}

/**
 * Adds a person with an account here, found by their exact 残疾人证号 or phone among the seekers of the counselor's
 * region. Anyone else is "not found", whether or not they exist elsewhere.
 */
export async function addAccountMember(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: AccountMemberInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ name: string }>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  const own = await ownHouseholdIdOf(db, seekerId);
  if ("ok" in own) return own;
  const householdId = own.id;
  const raw = input.identifier.trim();
  const phone = normalizePhone(raw);
  const byPhone = PHONE_RE.test(phone);
  const certificate = normalizeIdentifier(raw);
  if (!byPhone && !/^\d{17}[\dX][1-7][1-4]$/.test(certificate)) return fail("realname.err.identifierInvalid", "identifier");
  if (!actor.regionCode) return fail("realname.err.memberNotFound", "identifier");
  let q = db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", "u.display_name", "p.real_name"])
    .where("u.role", "=", "seeker")
    .where(seekerRegion, "like", `${regionPrefix(actor.regionCode)}%`);
  q = byPhone ? q.where("u.phone", "=", phone) : q.where("p.certificate_number", "=", certificate);
  const person = await q.executeTakeFirst();
  if (!person) return fail("realname.err.memberNotFound", "identifier");
  try {
    return await db.transaction().execute(async (trx) => {
      await lockPerson(trx, person.id);
      const current = await householdIdOf(trx, person.id);
      if (current === householdId) return fail("realname.err.memberAlready", "identifier");
      if (current) return fail("realname.err.memberInOtherHousehold", "identifier");
      await trx.insertInto("household_member").values({ household_id: householdId, seeker_id: person.id, relation: input.relation }).execute();
      await trx.updateTable("household").set({ updated_at: sql<Date>`now()` }).where("id", "=", householdId).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: person.id, action: "create", entity: "household_member", entityId: householdId, reason: "caseload", ip: options.ip });
      return { ok: true as const, value: { name: person.real_name ?? person.display_name ?? "" } };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("realname.err.memberInOtherHousehold", "identifier");
    throw e;
  }
}

/** Adds a person without an account, as the counselor describes them. */
export async function addDescribedMember(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: DescribedMemberInput,
  options: { now?: Date; ip?: string | null } = {},
): Promise<Result<null>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  if (input.birthDate > todayInShanghai(options.now)) return fail("realname.err.birthDateFuture", "birthDate");
  if (input.birthDate < "1900-01-01") return fail("realname.err.dateInvalid", "birthDate");
  const own = await ownHouseholdIdOf(db, seekerId);
  if ("ok" in own) return own;
  const householdId = own.id;
  await db.transaction().execute(async (trx) => {
    const m = await trx
      .insertInto("household_member")
      .values({
        household_id: householdId,
        name: input.name,
        gender: input.gender,
        birth_date: input.birthDate,
        employed: input.employed === "yes",
        relation: input.relation,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("household").set({ updated_at: sql<Date>`now()` }).where("id", "=", householdId).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "create", entity: "household_member", entityId: m.id, reason: "caseload", ip: options.ip });
  });
  return { ok: true, value: null };
}

/** Removes a member (not the person whose household it is: delete the household instead). */
export async function removeMember(db: DB, actor: Actor, seekerId: string, memberId: string, options: { ip?: string | null } = {}): Promise<Result<null>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  const own = await ownHouseholdIdOf(db, seekerId, "realname.err.memberGone");
  if ("ok" in own) return own;
  const householdId = own.id;
  if (!UUID_RE.test(memberId)) return fail("realname.err.memberGone");
  const member = await db
    .selectFrom("household_member")
    .select(["id", "seeker_id"])
    .where("id", "=", memberId)
    .where("household_id", "=", householdId)
    .executeTakeFirst();
  if (!member) return fail("realname.err.memberGone");
  if (member.seeker_id === seekerId) return fail("realname.err.cannotRemoveSelf");
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("household_member").where("id", "=", member.id).execute();
    await trx.updateTable("household").set({ updated_at: sql<Date>`now()` }).where("id", "=", householdId).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: member.seeker_id ?? seekerId,
      action: "delete",
      entity: "household_member",
      entityId: householdId,
      reason: "caseload",
      ip: options.ip,
    });
  });
  return { ok: true, value: null };
}

/** Deletes the household and all its members (the family withdrew consent, or it was recorded by mistake). */
export async function deleteHousehold(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null } = {}): Promise<Result<null>> {
  await requireAssigned(db, actor, seekerId, "update:household");
  const own = await ownHouseholdIdOf(db, seekerId);
  if ("ok" in own) return own;
  const householdId = own.id;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("household").where("id", "=", householdId).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "delete", entity: "household", entityId: householdId, reason: "caseload", ip: options.ip });
  });
  return { ok: true, value: null };
}
