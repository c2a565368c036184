/**
 * Employment of every form (issue 13): the form the federation counts a job by (按比例, 集中, 个体/自主创业, 农村种养加,
 * 公益性岗位, 辅助性, 灵活), derived for a hire on the platform and editable by staff; jobs found off the platform,
 * recorded by counselors and admins for a seeker of their region; the region's list of records for staff.
 *
 * Access: staff act on a record through the seeker's place (current region, else household region), as for the
 * caseload (decision 007): `create:employment:region` / `update:employment:region` (counselors and admins) and
 * `read:employment:region` (admins; counselors read what they may update). Anyone else, and staff of another
 * region, get 404 — a person outside one's region is, to them, a person who does not exist. Every read of a record
 * or a list that names people is audited; disability details are never read here.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { EmploymentEvidence, EmploymentForm, EmploymentOrigin } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { divisionName } from "../divisions/divisions.server";
import { notFound, requireUuid, UUID_RE } from "../ids";
import { can, grantsFor, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { EMPLOYMENT_PAGE_SIZE, type ClassifyInput, type EmploymentInput, type EndInput, type LookupInput, type RecordInput } from "./employment.schema";

/** The organization special statuses (organization.special_statuses) that decide a hire's form. */
export const SPECIAL_STATUS = {
  concentrated: "concentrated_employment",
  auxiliary: "auxiliary_employment",
  blindMassage: "blind_massage",
} as const;

/**
 * The form a hire on the platform counts as, from the vacancy's employment type and the organization's special
 * statuses: an auxiliary, public-welfare or flexible vacancy is that form wherever it is; otherwise a 集中就业单位 or
 * a 盲人按摩机构 employs in concentrated employment and a 辅助性就业机构 in auxiliary employment (the federation's
 * reading); any other employer's hire is quota (proportional) employment. Staff may correct it afterwards.
 */
export function deriveForm(specialStatuses: readonly string[] | null | undefined, employmentType: string | null | undefined): EmploymentForm {
  if (employmentType === "auxiliary") return "auxiliary";
  if (employmentType === "public_welfare") return "public_welfare";
  if (employmentType === "flexible") return "flexible";
  const statuses = new Set(specialStatuses ?? []);
  if (statuses.has(SPECIAL_STATUS.concentrated)) return "concentrated";
  if (statuses.has(SPECIAL_STATUS.auxiliary)) return "auxiliary";
  if (statuses.has(SPECIAL_STATUS.blindMassage)) return "concentrated";
  return "proportional";
}

function fail(field: string, message: string): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** A seeker's place: where they live now, else their household registration (as the caseload reads it). */
const seekerRegion = sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`;

/** Staff who may read records of the region: admins (`read`), counselors through what they may update. */
function maySee(actor: Actor, regionCode: string | null): boolean {
  return can(actor, "read:employment", { regionCode }) || can(actor, "update:employment", { regionCode });
}

/**
 * 404 unless the actor is staff who record employment for a region (before anything is read). Employers hold
 * `create:employment` too, for their own organization's hires: that grant does not open these pages.
 */
function requireStaff(actor: Actor): void {
  if (!grantsFor(actor.role, "create:employment").includes("region") || !actor.regionCode) notFound();
}

/** The pages' own first check: counselors and admins with a region; 404 for anyone else. */
export function requireRecorder(actor: Actor): void {
  requireStaff(actor);
}

interface SeekerPlace {
  id: string;
  name: string;
  regionCode: string | null;
}

async function seekerPlace(db: DB, seekerId: string): Promise<SeekerPlace | null> {
  if (!UUID_RE.test(seekerId)) return null;
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", "u.display_name", "p.real_name", seekerRegion.as("region_code")])
    .where("u.id", "=", seekerId)
    .where("u.role", "=", "seeker")
    .executeTakeFirst();
  return row ? { id: row.id, name: row.real_name ?? row.display_name ?? "", regionCode: row.region_code } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Whom to record for

export interface RecordableSeeker {
  id: string;
  name: string;
  regionName: string | null;
}

/**
 * The seeker a staff member is about to record a job for (the new-record page's ?seeker=), or null when there is no
 * such seeker in the actor's region — the same answer for both, so the page discloses nobody outside it. Showing the
 * name is a read of someone's data: audited.
 */
export async function seekerToRecordFor(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null } = {}): Promise<RecordableSeeker | null> {
  requireStaff(actor);
  const seeker = await seekerPlace(db, seekerId);
  if (!seeker || !can(actor, "create:employment", { regionCode: seeker.regionCode })) return null;
  await recordAudit(db, { actorId: actor.id, subjectUserId: seeker.id, action: "read", entity: "employment_seeker", entityId: seeker.id, reason: "record employment", ip: options.ip });
  return { id: seeker.id, name: seeker.name, regionName: await divisionName(db, seeker.regionCode) };
}

/**
 * Finds a seeker of the actor's region by their 残疾人证号 or mobile number, exactly. Someone outside the region and
 * someone who does not exist get the same answer ("not found"); a find is audited with how they were found.
 */
export async function lookupSeeker(db: DB, actor: Actor, input: LookupInput, options: { ip?: string | null } = {}): Promise<Result<{ seekerId: string }>> {
  requireStaff(actor);
  let q = db
    .selectFrom("app_user as u")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.id", seekerRegion.as("region_code")])
    .where("u.role", "=", "seeker");
  q = input.who.kind === "phone" ? q.where("u.phone", "=", input.who.value) : q.where("p.certificate_number", "=", input.who.value);
  const rows = await q.limit(2).execute();
  const found = rows.length === 1 ? rows[0]! : null;
  if (!found || !can(actor, "create:employment", { regionCode: found.region_code })) return fail("who", "employment.err.lookupNotFound");
  await recordAudit(db, {
    actorId: actor.id,
    subjectUserId: found.id,
    action: "lookup",
    entity: "employment_seeker",
    entityId: found.id,
    reason: `found by ${input.who.kind === "phone" ? "phone number" : "certificate number"} to record employment`,
    ip: options.ip,
  });
  return { ok: true, value: { seekerId: found.id } };
}

// ---------------------------------------------------------------------------------------------------------------
// Recording and editing

/** An organization on the platform by its 统一社会信用代码 (verified ones only: a pending one may not be real). */
async function organizationByCode(db: DB, code: string | undefined) {
  if (!code) return { ok: true as const, id: null };
  const org = await db.selectFrom("organization").select("id").where("uscc", "=", code).where("status", "=", "verified").executeTakeFirst();
  return org ? { ok: true as const, id: org.id } : { ok: false as const };
}

/** Spaces (a full-width one too) dropped, to compare employer names as typed. */
const SPACES_SQL = "[[:space:]\u3000]";

/**
 * Whether the seeker already has a record not ended, with the same employer — the same organization on the platform,
 * or, when neither names one, the same employer name ignoring spaces — whose dates overlap the new job's.
 */
async function sameJobRecorded(db: DB, seekerId: string, organizationId: string | null, input: Pick<RecordInput, "employerName" | "contractStart" | "contractEnd">): Promise<boolean> {
  const name = (input.employerName ?? "").replace(/\s/g, "");
  if (!organizationId && !name) return false;
  const row = await db
    .selectFrom("employment as e")
    .select("e.id")
    .where("e.seeker_id", "=", seekerId)
    .where("e.ended_on", "is", null)
    .where(
      organizationId
        ? sql<boolean>`e.organization_id = ${organizationId}`
        : sql<boolean>`e.organization_id is null and regexp_replace(coalesce(e.employer_name, ''), ${SPACES_SQL}, '', 'g') = ${name}`,
    )
    .where(sql<boolean>`e.contract_start <= coalesce(${input.contractEnd ?? null}::date, 'infinity'::date)`)
    .where(sql<boolean>`coalesce(e.contract_end, 'infinity'::date) >= ${input.contractStart}::date`)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * A counselor or admin records a job a seeker of their region found off the platform (origin `recorded`): any form,
 * an employer on the platform (by its code) or named, or a self-employment described. 404 for a seeker outside the
 * region. The same job twice (same employer, overlapping dates, not ended) is refused. One transaction with its
 * audit row.
 */
export async function recordEmployment(
  db: DB,
  actor: Actor,
  input: RecordInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ employmentId: string }>> {
  requireStaff(actor);
  const seeker = await seekerPlace(db, input.seekerId);
  if (!seeker) notFound();
  requirePermission(actor, "create:employment", { regionCode: seeker.regionCode });
  const org = await organizationByCode(db, input.organizationCode);
  if (!org.ok) return fail("organizationCode", "employment.err.organizationUnknown");
  return db.transaction().execute(async (trx) => {
    // One recording at a time per seeker, so two submissions of the same job cannot both pass the check below.
    await trx.selectFrom("app_user").select("id").where("id", "=", seeker.id).forUpdate().execute();
    if (await sameJobRecorded(trx, seeker.id, org.id, input)) return fail("contractStart", "employment.err.duplicate");
    const row = await trx
      .insertInto("employment")
      .values({
        seeker_id: seeker.id,
        organization_id: org.id,
        employer_name: input.employerName || null,
        form: input.form,
        origin: "recorded",
        contract_start: input.contractStart,
        contract_end: input.contractEnd ?? null,
        contract_months: input.contractMonths ?? null,
        monthly_pay: input.monthlyPay,
        social_insurance: input.socialInsurance === "yes",
        evidence: input.evidence,
        evidence_note: input.evidenceNote || null,
        created_by: actor.id,
        updated_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: seeker.id,
      action: "create",
      entity: "employment",
      entityId: row.id,
      reason: `recorded off-platform employment: ${input.form}`,
      ip: options.ip,
    });
    return { ok: true as const, value: { employmentId: row.id } };
  });
}

interface RecordRow {
  id: string;
  seeker_id: string | null;
  origin: EmploymentOrigin;
  form: EmploymentForm;
  contract_start: string;
  ended_on: string | null;
  region_code: string | null;
}

/** The record and its seeker's place, for an access check (404 for an id that names nothing). */
async function recordWithPlace(db: DB, id: string): Promise<RecordRow> {
  requireUuid(id);
  const row = await db
    .selectFrom("employment as e")
    .innerJoin("app_user as u", "u.id", "e.seeker_id")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["e.id", "e.seeker_id", "e.origin", "e.form", "e.contract_start", "e.ended_on", seekerRegion.as("region_code")])
    .where("e.id", "=", id)
    .executeTakeFirst();
  if (!row) notFound();
  return row;
}

/**
 * The edit page's first check, before its form is read: 404 unless the actor is staff who may update records of the
 * seeker's region (the use-cases check again).
 */
export async function requireMayUpdate(db: DB, actor: Actor, id: string): Promise<void> {
  requireStaff(actor);
  const place = await recordWithPlace(db, id);
  requirePermission(actor, "update:employment", { regionCode: place.region_code });
}

export interface EmploymentView {
  id: string;
  seeker: { id: string; name: string; regionName: string | null };
  form: EmploymentForm;
  origin: EmploymentOrigin;
  organization: { id: string; name: string } | null;
  employerName: string | null;
  /** The organization's name, else the employer's name or self-employment description. */
  employer: string;
  vacancyTitle: string | null;
  contractStart: string;
  contractEnd: string | null;
  contractMonths: number | null;
  endedOn: string | null;
  monthlyPay: number;
  socialInsurance: boolean;
  evidence: EmploymentEvidence | null;
  evidenceNote: string | null;
  createdAt: Date;
  createdByName: string | null;
  updatedAt: Date;
  updatedByName: string | null;
  /** `full`: a record staff made, every field editable; `classify`: a hire or declaration, the form and evidence. */
  editable: "full" | "classify" | null;
  /** The organization's 统一社会信用代码, for the edit form of a staff record. */
  organizationCode: string | null;
}

/** One record as staff of the seeker's region see it (no disability details). The read is audited. */
export async function getEmployment(db: DB, actor: Actor, id: string, options: { ip?: string | null } = {}): Promise<EmploymentView> {
  requireStaff(actor);
  const place = await recordWithPlace(db, id);
  if (!maySee(actor, place.region_code)) notFound();
  const r = await db
    .selectFrom("employment as e")
    .innerJoin("app_user as u", "u.id", "e.seeker_id")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
    .leftJoin("app_user as cb", "cb.id", "e.created_by")
    .leftJoin("app_user as ub", "ub.id", "e.updated_by")
    .leftJoin("division as d", (j) => j.on(sql<boolean>`d.code = coalesce(p.current_region_code, p.household_region_code)`))
    .select([
      "e.id",
      "u.id as seeker_id",
      "u.display_name",
      "p.real_name",
      "d.name as region_name",
      "e.form",
      "e.origin",
      "o.id as organization_id",
      "o.name as organization_name",
      "o.uscc",
      "e.employer_name",
      "v.title as vacancy_title",
      "e.contract_start",
      "e.contract_end",
      "e.contract_months",
      "e.ended_on",
      "e.monthly_pay",
      "e.social_insurance",
      "e.evidence",
      "e.evidence_note",
      "e.created_at",
      "cb.display_name as created_by_name",
      "e.updated_at",
      "ub.display_name as updated_by_name",
    ])
    .where("e.id", "=", id)
    .executeTakeFirstOrThrow();
  await recordAudit(db, { actorId: actor.id, subjectUserId: r.seeker_id, action: "read", entity: "employment", entityId: r.id, reason: "employment record", ip: options.ip });
  const mayUpdate = can(actor, "update:employment", { regionCode: place.region_code });
  return {
    id: r.id,
    seeker: { id: r.seeker_id, name: r.real_name ?? r.display_name ?? "", regionName: r.region_name },
    form: r.form,
    origin: r.origin,
    organization: r.organization_id ? { id: r.organization_id, name: r.organization_name ?? "" } : null,
    employerName: r.employer_name,
    employer: r.organization_name ?? r.employer_name ?? "",
    vacancyTitle: r.vacancy_title,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
    contractMonths: r.contract_months,
    endedOn: r.ended_on,
    monthlyPay: Number(r.monthly_pay),
    socialInsurance: r.social_insurance,
    evidence: r.evidence,
    evidenceNote: r.evidence_note,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
    editable: !mayUpdate ? null : r.origin === "recorded" ? "full" : "classify",
    organizationCode: r.uscc,
  };
}

/** "form: proportional → flexible; contract_end: – → 2027-06-30", for the audit row. */
function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "–" : String(v));
  return Object.keys(after)
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => (k === "evidence_note" || k === "employer_name" ? `${k} changed` : `${k}: ${show(before[k])} → ${show(after[k])}`))
    .join("; ");
}

/**
 * Corrects a record staff made (origin `recorded`): every field but the person. A hire or a declaration keeps the
 * employer's own figures (its quota rests on them): `classifyEmployment` sets its form. Audited with what changed.
 */
export async function updateEmployment(db: DB, actor: Actor, id: string, input: EmploymentInput, options: { ip?: string | null } = {}): Promise<Result<{ changed: boolean }>> {
  requireStaff(actor);
  const place = await recordWithPlace(db, id);
  requirePermission(actor, "update:employment", { regionCode: place.region_code });
  if (place.origin !== "recorded") return fail("", "employment.err.notRecorded");
  const org = await organizationByCode(db, input.organizationCode);
  if (!org.ok) return fail("organizationCode", "employment.err.organizationUnknown");
  if (place.ended_on && place.ended_on < input.contractStart) return fail("contractStart", "employment.err.startAfterEnded");
  const values = {
    form: input.form,
    organization_id: org.id,
    employer_name: input.employerName || null,
    contract_start: input.contractStart,
    contract_end: input.contractEnd ?? null,
    contract_months: input.contractMonths ?? null,
    monthly_pay: input.monthlyPay,
    social_insurance: input.socialInsurance === "yes",
    evidence: input.evidence,
    evidence_note: input.evidenceNote || null,
  };
  return saveChanges(db, actor, place, values, options.ip);
}

/** Sets the form (and evidence: none given keeps the old one) of any record of the region, a hire on the platform included. Audited. */
export async function classifyEmployment(db: DB, actor: Actor, id: string, input: ClassifyInput, options: { ip?: string | null } = {}): Promise<Result<{ changed: boolean }>> {
  requireStaff(actor);
  const place = await recordWithPlace(db, id);
  requirePermission(actor, "update:employment", { regionCode: place.region_code });
  const values: Changeable = {
    form: input.form,
    contract_months: input.contractMonths ?? null,
    // Evidence left empty keeps what was recorded.
    ...(input.evidence ? { evidence: input.evidence } : {}),
    evidence_note: input.evidenceNote || null,
  };
  return saveChanges(db, actor, place, values, options.ip);
}

type Changeable = {
  form: EmploymentForm;
  organization_id?: string | null;
  employer_name?: string | null;
  contract_start?: string;
  contract_end?: string | null;
  contract_months: number | null;
  monthly_pay?: number;
  social_insurance?: boolean;
  evidence?: EmploymentEvidence | null;
  evidence_note: string | null;
};

async function saveChanges(db: DB, actor: Actor, place: RecordRow, values: Changeable, ip: string | null | undefined): Promise<Result<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("employment")
      .select(Object.keys(values) as (keyof Changeable)[])
      .where("id", "=", place.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const changes = describeChanges(before as Record<string, unknown>, values);
    if (!changes) return { ok: true as const, value: { changed: false } };
    await trx
      .updateTable("employment")
      .set({ ...values, updated_by: actor.id, updated_at: sql<Date>`now()` })
      .where("id", "=", place.id)
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: place.seeker_id, action: "update", entity: "employment", entityId: place.id, reason: changes, ip });
    return { ok: true as const, value: { changed: true } };
  });
}

/**
 * Records that a job ended (as a checkpoint finding "no longer employed" does): the seeker counts among the not
 * employed again. Not before the contract start, not after today; a record already ended is not ended twice.
 */
export async function endEmployment(
  db: DB,
  actor: Actor,
  id: string,
  input: EndInput,
  options: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ endedOn: string }>> {
  requireStaff(actor);
  const place = await recordWithPlace(db, id);
  requirePermission(actor, "update:employment", { regionCode: place.region_code });
  if (place.ended_on) return fail("endedOn", "employment.err.alreadyEnded");
  if (input.endedOn < place.contract_start) return fail("endedOn", "employment.err.endedBeforeStart");
  if (input.endedOn > todayInShanghai(options.now)) return fail("endedOn", "employment.err.endedInFuture");
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("employment")
      .set({ ended_on: input.endedOn, updated_by: actor.id, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("ended_on", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return fail("endedOn", "employment.err.alreadyEnded");
    await recordAudit(trx, { actorId: actor.id, subjectUserId: place.seeker_id, action: "update", entity: "employment", entityId: id, reason: `ended_on: ${input.endedOn}`, ip: options.ip });
    return { ok: true as const, value: { endedOn: input.endedOn } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

export interface EmploymentListItem {
  id: string;
  seekerId: string;
  seekerName: string;
  form: EmploymentForm;
  origin: EmploymentOrigin;
  employer: string;
  contractStart: string;
  contractEnd: string | null;
  endedOn: string | null;
}

export interface EmploymentList {
  regionCode: string;
  regionName: string | null;
  form: EmploymentForm | null;
  origin: EmploymentOrigin | null;
  items: EmploymentListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The employment records of the seekers of a region (the actor's own by default), newest start first, filtered by
 * form and origin: names, form, employer and dates, never disability details. The read is audited: one row per
 * person on the page shown.
 */
export async function listRegionEmployment(
  db: DB,
  actor: Actor,
  options: { regionCode?: string | null; form?: EmploymentForm | null; origin?: EmploymentOrigin | null; page?: number; ip?: string | null } = {},
): Promise<EmploymentList> {
  requireStaff(actor);
  const regionCode = options.regionCode ?? actor.regionCode!;
  if (!maySee(actor, regionCode)) notFound();
  let base = db
    .selectFrom("employment as e")
    .innerJoin("app_user as u", "u.id", "e.seeker_id")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .where(seekerRegion, "like", `${regionPrefix(regionCode)}%`);
  if (options.form) base = base.where("e.form", "=", options.form);
  if (options.origin) base = base.where("e.origin", "=", options.origin);
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const pageCount = Math.max(1, Math.ceil(total / EMPLOYMENT_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await base
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select(["e.id", "u.id as seeker_id", "u.display_name", "p.real_name", "e.form", "e.origin", "o.name as organization_name", "e.employer_name", "e.contract_start", "e.contract_end", "e.ended_on"])
    .orderBy("e.contract_start", "desc")
    .orderBy("e.id")
    .limit(EMPLOYMENT_PAGE_SIZE)
    .offset((page - 1) * EMPLOYMENT_PAGE_SIZE)
    .execute();
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: rows.map((r) => r.seeker_id),
    entity: "employment_list",
    entityId: `${regionCode}:${options.form ?? "all"}:${options.origin ?? "all"}:${page}`,
    reason: "employment records",
    ip: options.ip,
  });
  return {
    regionCode,
    regionName: await divisionName(db, regionCode),
    form: options.form ?? null,
    origin: options.origin ?? null,
    total,
    page,
    pageCount,
    items: rows.map((r) => ({
      id: r.id,
      seekerId: r.seeker_id,
      seekerName: r.real_name ?? r.display_name ?? "",
      form: r.form,
      origin: r.origin,
      employer: r.organization_name ?? r.employer_name ?? "",
      contractStart: r.contract_start,
      contractEnd: r.contract_end,
      endedOn: r.ended_on,
    })),
  };
}
