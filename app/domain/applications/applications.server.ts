/**
 * Applications through to hire (design §4, §5 rule 4, §7). Every use-case checks access first: a seeker acts on
 * their own applications; an employer on applications to their organization's vacancies. An application the
 * actor may not see answers 404, the same as one that does not exist.
 */
import { notFound, requireUuid, UUID_RE } from "../ids";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { eventOfApplication } from "../events/events.server";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { ApplicationSource, ApplicationStatus, DisabilityCategory } from "../../../db/schema";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { deriveForm } from "../employment/employment.server";
import type { DisclosureCode } from "../catalog";
import { notify } from "../notifications/notifications.server";
import { withOrganizations } from "../organizations/membership.server";
import { requirePermission, type Actor } from "../permissions";
import { PAGE_SIZE, type ApplyInput, type HireInput, type MoveInput } from "./applications.schema";
import { canMoveAs, movesFor } from "./status";

export type { Result, FieldErrors };

function fail(fieldErrors: FieldErrors): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors };
}

/** Today's date in Asia/Shanghai as "YYYY-MM-DD". */
export { todayInShanghai };

/**
 * How employers refer to an applicant they cannot name (issue 15): their number within the vacancy, in order of
 * application (`application.number`, given by a database trigger), two digits at least — "07" is shown as
 * "求职者 07" / "Applicant 07", easy to say aloud and to remember, where a hex code was not.
 */
export function applicantReference(number: number): string {
  return String(number).padStart(2, "0");
}

async function withOrgs(db: DB, actor: Actor): Promise<Actor> {
  return actor.organizationIds ? actor : withOrganizations(db, actor);
}

/** What an employer sees of any applicant (design §5 rule 4): never name, ID, certificate, category or grade. */
export interface AnonymousProfile {
  regionName: string | null;
  education: string | null;
  skills: string[];
  needsRequired: string[];
  needsPreferred: string[];
  graduationYear: number | null;
}

export interface NeedMet {
  code: string;
  offered: boolean;
}

function needsAgainst(needs: readonly string[], offered: readonly string[]): NeedMet[] {
  const set = new Set(offered);
  return needs.map((code) => ({ code, offered: set.has(code) }));
}

/** Basics an application is thin without; the seeker is told which are missing, and may still apply. */
export type ProfileBasic = "profile" | "region" | "education" | "skills";

export function missingBasics(profile: AnonymousProfile | null): ProfileBasic[] {
  if (!profile) return ["profile"];
  const missing: ProfileBasic[] = [];
  if (!profile.regionName) missing.push("region");
  if (!profile.education) missing.push("education");
  if (profile.skills.length === 0) missing.push("skills");
  return missing;
}

async function anonymousProfile(db: DB, seekerId: string): Promise<AnonymousProfile | null> {
  const row = await db
    .selectFrom("seeker_profile as p")
    .leftJoin("division as d", "d.code", "p.current_region_code")
    .select(["d.name as region_name", "p.education", "p.skills", "p.needs_required", "p.needs_preferred", "p.graduation_year"])
    .where("p.user_id", "=", seekerId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    regionName: row.region_name,
    education: row.education,
    skills: row.skills,
    needsRequired: row.needs_required,
    needsPreferred: row.needs_preferred,
    graduationYear: row.graduation_year,
  };
}

interface VacancyForApply {
  id: string;
  title: string;
  organizationId: string;
  organizationName: string;
  accepting: boolean;
}

async function vacancyForApply(db: DB, vacancyId: string, now: Date): Promise<VacancyForApply> {
  requireUuid(vacancyId);
  const v = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select(["v.id", "v.title", "v.status", "v.closing_date", "v.organization_id", "o.name as organization_name", "o.status as organization_status"])
    .where("v.id", "=", vacancyId)
    .executeTakeFirst();
  // Drafts and vacancies of unverified organizations are not public: they do not exist to a seeker.
  if (!v || v.status === "draft" || v.organization_status !== "verified") notFound();
  const accepting = v.status === "open" && (v.closing_date === null || v.closing_date >= todayInShanghai(now));
  return { id: v.id, title: v.title, organizationId: v.organization_id, organizationName: v.organization_name, accepting };
}

// ---------------------------------------------------------------------------------------------------------------
// Seekers

export interface ApplyPage {
  vacancy: { id: string; title: string; organizationName: string; accepting: boolean };
  existing: { id: string; status: ApplicationStatus } | null;
  /** The seeker's own profile as an employer would see it. */
  profile: AnonymousProfile | null;
  missing: ProfileBasic[];
  /** Whether the profile holds what each disclosure would show. */
  has: Record<DisclosureCode, boolean>;
}

export async function getApplyPage(db: DB, actor: Actor, vacancyId: string, now = new Date()): Promise<ApplyPage> {
  requirePermission(actor, "create:application", { ownerId: actor.id });
  const vacancy = await vacancyForApply(db, vacancyId, now);
  const [existing, profile, details] = await Promise.all([
    db
      .selectFrom("application")
      .select(["id", "status"])
      .where("vacancy_id", "=", vacancy.id)
      .where("seeker_id", "=", actor.id)
      .executeTakeFirst(),
    anonymousProfile(db, actor.id),
    db
      .selectFrom("app_user as u")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["p.real_name", "u.phone", "u.email", "p.disability_category", "p.disability_grade", "p.certificate_number"])
      .where("u.id", "=", actor.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    vacancy: { id: vacancy.id, title: vacancy.title, organizationName: vacancy.organizationName, accepting: vacancy.accepting },
    existing: existing ?? null,
    profile,
    missing: missingBasics(profile),
    has: {
      name: !!details.real_name,
      contact: !!(details.phone || details.email),
      disability: !!(details.disability_category && details.disability_grade),
      certificate: !!details.certificate_number,
    },
  };
}

/**
 * Applies to an open vacancy. Applying again returns the same application, also when two submissions race:
 * the insert does nothing on the (vacancy, seeker) unique key and the row is read back.
 */
export async function applyToVacancy(
  db: DB,
  actor: Actor,
  vacancyId: string,
  input: ApplyInput,
  now = new Date(),
): Promise<Result<{ applicationId: string; created: boolean }>> {
  requirePermission(actor, "create:application", { ownerId: actor.id });
  requireUuid(vacancyId);
  return db.transaction().execute(async (trx) => {
    const vacancy = await vacancyForApply(trx, vacancyId, now);
    const existing = await trx
      .selectFrom("application")
      .select("id")
      .where("vacancy_id", "=", vacancy.id)
      .where("seeker_id", "=", actor.id)
      .executeTakeFirst();
    if (existing) return { ok: true as const, value: { applicationId: existing.id, created: false } };
    if (!vacancy.accepting) return fail({ "": ["applications.err.notOpen"] });
    // Applications to one vacancy take their numbers (max + 1, a trigger) one at a time: two applicants at once would
    // otherwise get the same number and the second insert would fail on application_number_once.
    await trx.selectFrom("vacancy").select("id").where("id", "=", vacancy.id).forNoKeyUpdate().execute();
    // Applying to a vacancy one was invited to is accepting the invitation (issue 4).
    const invitation = await trx
      .selectFrom("vacancy_invitation")
      .select("id")
      .where("vacancy_id", "=", vacancy.id)
      .where("seeker_id", "=", actor.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    // So is applying to a vacancy one's counselor referred (issue 6); the referral names the source when both exist.
    const referral = await trx
      .selectFrom("referral")
      .select(["id", "counselor_id"])
      .where("vacancy_id", "=", vacancy.id)
      .where("seeker_id", "=", actor.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    // Made at or after a recruitment event the vacancy was brought to: the event is recorded, so its hires are
    // attributed to it (issue 7); the source says "event" unless a counselor or the employer asked first.
    const eventId = await eventOfApplication(trx, actor.id, vacancy.id, now);
    const inserted = await trx
      .insertInto("application")
      .values({
        vacancy_id: vacancy.id,
        seeker_id: actor.id,
        event_id: eventId,
        source: referral ? "referral" : invitation ? "invitation" : eventId ? "event" : "self",
        note: input.note || null,
        access_requests: [...new Set(input.accessRequests)],
        disclosure: [...new Set(input.disclosure)],
      })
      .onConflict((oc) => oc.columns(["vacancy_id", "seeker_id"]).doNothing())
      .returning(["id", "number"])
      .executeTakeFirst();
    if (inserted && invitation) {
      await trx
        .updateTable("vacancy_invitation")
        .set({ status: "accepted", application_id: inserted.id, responded_at: now })
        .where("id", "=", invitation.id)
        .execute();
    }
    if (inserted && referral) {
      await trx
        .updateTable("referral")
        .set({ status: "accepted", application_id: inserted.id, responded_at: now })
        .where("id", "=", referral.id)
        .execute();
      if (referral.counselor_id) await notify(trx, referral.counselor_id, "referral.accepted", { vacancy: vacancy.title }, `/clients/${actor.id}`);
    }
    if (inserted) {
      await trx
        .insertInto("application_event")
        .values({ application_id: inserted.id, from_status: null, to_status: "submitted", actor_id: actor.id })
        .execute();
      const members = await trx.selectFrom("organization_member").select("user_id").where("organization_id", "=", vacancy.organizationId).execute();
      for (const m of members) {
        await notify(trx, m.user_id, "application.newApplicant", { vacancy: vacancy.title, reference: applicantReference(inserted.number) }, `/employer/applications/${inserted.id}`);
      }
    }
    const row = await trx
      .selectFrom("application")
      .select("id")
      .where("vacancy_id", "=", vacancy.id)
      .where("seeker_id", "=", actor.id)
      .executeTakeFirstOrThrow();
    return { ok: true as const, value: { applicationId: row.id, created: !!inserted } };
  });
}

export interface MyApplicationRow {
  id: string;
  status: ApplicationStatus;
  vacancyId: string;
  vacancyTitle: string;
  organizationName: string;
  appliedAt: Date;
  updatedAt: Date;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listMyApplications(db: DB, actor: Actor, page = 1): Promise<Page<MyApplicationRow>> {
  requirePermission(actor, "read:application", { ownerId: actor.id });
  const [rows, total] = await Promise.all([
    db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["a.id", "a.status", "a.created_at", "a.updated_at", "v.id as vacancy_id", "v.title", "o.name as organization_name"])
      .where("a.seeker_id", "=", actor.id)
      .orderBy("a.updated_at", "desc")
      .orderBy("a.id")
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    db
      .selectFrom("application")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("seeker_id", "=", actor.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      vacancyId: r.vacancy_id,
      vacancyTitle: r.title,
      organizationName: r.organization_name,
      appliedAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    total: Number(total.n),
    page,
    pageSize: PAGE_SIZE,
  };
}

export interface TimelineEvent {
  id: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  message: string | null;
  /** Who made the move: the applicant, or someone at the employer. */
  by: "seeker" | "employer";
  at: Date;
}

async function timeline(db: DB, applicationId: string, seekerId: string | null): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom("application_event")
    .select(["id", "from_status", "to_status", "message", "actor_id", "at"])
    .where("application_id", "=", applicationId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    from: r.from_status,
    to: r.to_status,
    message: r.message,
    by: r.actor_id !== null && r.actor_id === seekerId ? "seeker" : "employer",
    at: r.at,
  }));
}

export interface MyApplication {
  id: string;
  status: ApplicationStatus;
  vacancy: { id: string; title: string; organizationName: string };
  note: string | null;
  accessRequests: string[];
  disclosure: string[];
  appliedAt: Date;
  events: TimelineEvent[];
  canWithdraw: boolean;
}

async function seekerOf(db: DB, applicationId: string): Promise<{ seekerId: string | null }> {
  requireUuid(applicationId);
  const head = await db.selectFrom("application").select("seeker_id").where("id", "=", applicationId).executeTakeFirst();
  if (!head) notFound();
  return { seekerId: head.seeker_id };
}

export async function getMyApplication(db: DB, actor: Actor, applicationId: string): Promise<MyApplication> {
  const { seekerId } = await seekerOf(db, applicationId);
  requirePermission(actor, "read:application", { ownerId: seekerId });
  const a = await db
    .selectFrom("application as a")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select(["a.id", "a.status", "a.note", "a.access_requests", "a.disclosure", "a.created_at", "v.id as vacancy_id", "v.title", "o.name as organization_name"])
    .where("a.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return {
    id: a.id,
    status: a.status,
    vacancy: { id: a.vacancy_id, title: a.title, organizationName: a.organization_name },
    note: a.note,
    accessRequests: a.access_requests,
    disclosure: a.disclosure,
    appliedAt: a.created_at,
    events: await timeline(db, a.id, seekerId),
    canWithdraw: canMoveAs("seeker", a.status, "withdrawn"),
  };
}

/**
 * Moves an application from `from` to `to` and writes its timeline event, only if it is still in `from`
 * (a concurrent move wins once). Returns whether it moved.
 */
async function transition(
  trx: DB,
  move: { applicationId: string; from: ApplicationStatus; to: ApplicationStatus; message?: string | null; actorId: string },
): Promise<boolean> {
  const r = await trx
    .updateTable("application")
    .set({ status: move.to, updated_at: new Date() })
    .where("id", "=", move.applicationId)
    .where("status", "=", move.from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto("application_event")
    .values({ application_id: move.applicationId, from_status: move.from, to_status: move.to, message: move.message || null, actor_id: move.actorId })
    .execute();
  return true;
}

async function notifySeeker(trx: DB, seekerId: string | null, applicationId: string, vacancyTitle: string, status: ApplicationStatus) {
  if (!seekerId) return;
  await notify(trx, seekerId, "application.status", { vacancy: vacancyTitle, status }, `/applications/${applicationId}`);
}

export async function withdrawApplication(db: DB, actor: Actor, applicationId: string): Promise<Result<{ status: ApplicationStatus }>> {
  const { seekerId } = await seekerOf(db, applicationId);
  requirePermission(actor, "update:application", { ownerId: seekerId });
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select(["a.status", "a.number", "v.title", "v.organization_id"])
      .where("a.id", "=", applicationId)
      .executeTakeFirstOrThrow();
    if (!canMoveAs("seeker", a.status, "withdrawn")) return fail({ "": ["applications.err.cannotWithdraw"] });
    if (!(await transition(trx, { applicationId, from: a.status, to: "withdrawn", actorId: actor.id }))) {
      return fail({ "": ["applications.err.changedMeanwhile"] });
    }
    const members = await trx.selectFrom("organization_member").select("user_id").where("organization_id", "=", a.organization_id).execute();
    for (const m of members) {
      await notify(trx, m.user_id, "application.applicantWithdrew", { vacancy: a.title, reference: applicantReference(a.number) }, `/employer/applications/${applicationId}`);
    }
    return { ok: true as const, value: { status: "withdrawn" as const } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Employers

export interface ApplicantRow {
  id: string;
  reference: string;
  status: ApplicationStatus;
  source: ApplicationSource;
  appliedAt: Date;
  /** The seeker deleted their account: the record stays, anonymized. */
  seekerGone: boolean;
  /** Null when the seeker has no profile, or deleted their account. */
  profile: (AnonymousProfile & { requiredMet: NeedMet[]; preferredMet: NeedMet[] }) | null;
}

export interface ApplicantList extends Page<ApplicantRow> {
  vacancy: { id: string; title: string; openings: number; status: string };
  counts: Partial<Record<ApplicationStatus, number>>;
  status: ApplicationStatus | undefined;
}

async function organizationOfVacancy(db: DB, vacancyId: string): Promise<string> {
  requireUuid(vacancyId);
  const v = await db.selectFrom("vacancy").select("organization_id").where("id", "=", vacancyId).executeTakeFirst();
  if (!v) notFound();
  return v.organization_id;
}

async function organizationOfApplication(db: DB, applicationId: string): Promise<{ organizationId: string; vacancyId: string }> {
  requireUuid(applicationId);
  const head = await db
    .selectFrom("application as a")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .select(["v.organization_id", "v.id as vacancy_id"])
    .where("a.id", "=", applicationId)
    .executeTakeFirst();
  if (!head) notFound();
  return { organizationId: head.organization_id, vacancyId: head.vacancy_id };
}

export async function listApplicants(
  db: DB,
  actor: Actor,
  vacancyId: string,
  filter: { status?: ApplicationStatus; page?: number } = {},
): Promise<ApplicantList> {
  const organizationId = await organizationOfVacancy(db, vacancyId);
  requirePermission(await withOrgs(db, actor), "read:application", { organizationId });
  const page = filter.page ?? 1;
  const vacancy = await db
    .selectFrom("vacancy")
    .select(["id", "title", "openings", "status", "accommodations"])
    .where("id", "=", vacancyId)
    .executeTakeFirstOrThrow();
  let rowsQuery = db
    .selectFrom("application as a")
    .leftJoin("seeker_profile as p", "p.user_id", "a.seeker_id")
    .leftJoin("division as d", "d.code", "p.current_region_code")
    .select([
      "a.id",
      "a.number",
      "a.status",
      "a.source",
      "a.seeker_id",
      "a.created_at",
      "p.user_id as profile_user",
      "d.name as region_name",
      "p.education",
      "p.skills",
      "p.needs_required",
      "p.needs_preferred",
      "p.graduation_year",
    ])
    .where("a.vacancy_id", "=", vacancyId);
  if (filter.status) rowsQuery = rowsQuery.where("a.status", "=", filter.status);
  const [rows, countRows] = await Promise.all([
    rowsQuery.orderBy("a.created_at", "desc").orderBy("a.id").limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    db
      .selectFrom("application")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("vacancy_id", "=", vacancyId)
      .groupBy("status")
      .execute(),
  ]);
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  for (const c of countRows) counts[c.status] = Number(c.n);
  const total = filter.status ? counts[filter.status] ?? 0 : Object.values(counts).reduce((s, n) => s + n, 0);
  return {
    vacancy: { id: vacancy.id, title: vacancy.title, openings: vacancy.openings, status: vacancy.status },
    counts,
    status: filter.status,
    items: rows.map((r) => ({
      id: r.id,
      reference: applicantReference(r.number),
      status: r.status,
      source: r.source,
      appliedAt: r.created_at,
      seekerGone: r.seeker_id === null,
      profile: r.profile_user
        ? {
            regionName: r.region_name,
            education: r.education,
            skills: r.skills ?? [],
            needsRequired: r.needs_required ?? [],
            needsPreferred: r.needs_preferred ?? [],
            graduationYear: r.graduation_year,
            requiredMet: needsAgainst(r.needs_required ?? [], vacancy.accommodations),
            preferredMet: needsAgainst(r.needs_preferred ?? [], vacancy.accommodations),
          }
        : null,
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** Details beyond the anonymous profile, present only for what the seeker chose to disclose. */
export interface DisclosedDetails {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  disabilityCategory?: DisabilityCategory | null;
  disabilityGrade?: number | null;
  certificateNumber?: string | null;
}

export interface ApplicantDetail {
  id: string;
  reference: string;
  status: ApplicationStatus;
  source: ApplicationSource;
  appliedAt: Date;
  note: string | null;
  accessRequests: string[];
  disclosure: string[];
  vacancy: { id: string; title: string; openings: number; status: string };
  /** The seeker deleted their account: the record stays, anonymized. */
  seekerGone: boolean;
  profile: (AnonymousProfile & { requiredMet: NeedMet[]; preferredMet: NeedMet[] }) | null;
  disclosed: DisclosedDetails;
  events: TimelineEvent[];
  /** Moves the employer can make now with the move form (hiring has its own form, "viewed" its own button). */
  moves: ApplicationStatus[];
  /** Still "submitted": the employer may mark it viewed (markApplicationViewed). */
  canMarkViewed: boolean;
  canHire: boolean;
  employment: { contractStart: string; contractEnd: string | null; socialInsurance: boolean; monthlyPay: number } | null;
}

/**
 * An employer opens an application. Opening only reads: a GET can come from a link on another site or a prefetch,
 * so it changes nothing the applicant or a colleague would see (issue 12 item 11); the employer marks it viewed with
 * `markApplicationViewed`, or moves it on directly. Reading the disclosed details is audited (design §7).
 */
export async function openApplicantForEmployer(db: DB, actor: Actor, applicationId: string, request: { ip?: string } = {}): Promise<ApplicantDetail> {
  const { organizationId } = await organizationOfApplication(db, applicationId);
  const orgActor = await withOrgs(db, actor);
  requirePermission(orgActor, "read:application", { organizationId });
  requirePermission(orgActor, "update:application", { organizationId });
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select([
        "a.id",
        "a.number",
        "a.status",
        "a.source",
        "a.seeker_id",
        "a.note",
        "a.access_requests",
        "a.disclosure",
        "a.created_at",
        "v.id as vacancy_id",
        "v.title",
        "v.openings",
        "v.status as vacancy_status",
        "v.accommodations",
      ])
      .where("a.id", "=", applicationId)
      .executeTakeFirstOrThrow();
    const status = a.status;
    const profile = a.seeker_id ? await anonymousProfile(trx, a.seeker_id) : null;
    const disclosed: DisclosedDetails = {};
    const disclosure = new Set(a.disclosure);
    // A withdrawn application takes its consent to disclose with it.
    if (a.seeker_id && disclosure.size > 0 && status !== "withdrawn") {
      const d = await trx
        .selectFrom("app_user as u")
        .leftJoin("seeker_profile as p", "p.user_id", "u.id")
        .select(["p.real_name", "u.phone", "u.email", "p.disability_category", "p.disability_grade", "p.certificate_number"])
        .where("u.id", "=", a.seeker_id)
        .executeTakeFirstOrThrow();
      if (disclosure.has("name")) disclosed.name = d.real_name;
      if (disclosure.has("contact")) {
        disclosed.phone = d.phone;
        disclosed.email = d.email;
      }
      if (disclosure.has("disability")) {
        disclosed.disabilityCategory = d.disability_category;
        disclosed.disabilityGrade = d.disability_grade;
      }
      if (disclosure.has("certificate")) disclosed.certificateNumber = d.certificate_number;
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: a.seeker_id,
        action: "read",
        entity: "application_disclosure",
        entityId: a.id,
        reason: `disclosed: ${[...disclosure].sort().join(",")}`,
        ip: request.ip ?? null,
      });
    }
    const employment = await trx
      .selectFrom("employment")
      .select(["contract_start", "contract_end", "social_insurance", "monthly_pay"])
      .where("application_id", "=", a.id)
      .executeTakeFirst();
    return {
      id: a.id,
      reference: applicantReference(a.number),
      status,
      source: a.source,
      appliedAt: a.created_at,
      note: a.note,
      accessRequests: a.access_requests,
      disclosure: a.disclosure,
      vacancy: { id: a.vacancy_id, title: a.title, openings: a.openings, status: a.vacancy_status },
      seekerGone: a.seeker_id === null,
      profile: profile
        ? {
            ...profile,
            requiredMet: needsAgainst(profile.needsRequired, a.accommodations),
            preferredMet: needsAgainst(profile.needsPreferred, a.accommodations),
          }
        : null,
      disclosed,
      events: await timeline(trx, a.id, a.seeker_id),
      moves: movesFor("employer", status).filter((s) => s !== "hired" && s !== "viewed"),
      canMarkViewed: status === "submitted",
      canHire: canMoveAs("employer", status, "hired"),
      employment: employment
        ? {
            contractStart: employment.contract_start,
            contractEnd: employment.contract_end,
            socialInsurance: employment.social_insurance,
            monthlyPay: employment.monthly_pay,
          }
        : null,
    };
  });
}

/** What an employer's move needs of an application: its status, the applicant and the vacancy's title. */
function applicationToMove(trx: DB, applicationId: string) {
  return trx
    .selectFrom("application as a")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .select(["a.status", "a.seeker_id", "v.title"])
    .where("a.id", "=", applicationId)
    .executeTakeFirstOrThrow();
}

/**
 * The employer marks a submitted application viewed (a POST: an explicit step, never a side effect of opening the
 * page). The applicant is notified once. Marking one that has moved on already (a double submit, a colleague's
 * interview invitation) changes nothing: any later status says it was viewed.
 */
export async function markApplicationViewed(db: DB, actor: Actor, applicationId: string): Promise<Result<{ status: ApplicationStatus; changed: boolean }>> {
  const { organizationId } = await organizationOfApplication(db, applicationId);
  requirePermission(await withOrgs(db, actor), "update:application", { organizationId });
  return db.transaction().execute(async (trx) => {
    const a = await applicationToMove(trx, applicationId);
    // transition() changes the row only while it is still "submitted", so of two marks at once one notifies.
    if (a.status !== "submitted" || !(await transition(trx, { applicationId, from: "submitted", to: "viewed", actorId: actor.id }))) {
      const now = await trx.selectFrom("application").select("status").where("id", "=", applicationId).executeTakeFirstOrThrow();
      return { ok: true as const, value: { status: now.status, changed: false } };
    }
    await notifySeeker(trx, a.seeker_id, applicationId, a.title, "viewed");
    return { ok: true as const, value: { status: "viewed" as ApplicationStatus, changed: true } };
  });
}

/** An employer moves an applicant (not to hired: that is `hireApplicant`). The applicant is notified. */
export async function moveApplication(db: DB, actor: Actor, applicationId: string, input: MoveInput): Promise<Result<{ status: ApplicationStatus }>> {
  const { organizationId } = await organizationOfApplication(db, applicationId);
  requirePermission(await withOrgs(db, actor), "update:application", { organizationId });
  return db.transaction().execute(async (trx) => {
    const a = await applicationToMove(trx, applicationId);
    if (!canMoveAs("employer", a.status, input.to)) return fail({ to: ["applications.err.illegalMove"] });
    if (!(await transition(trx, { applicationId, from: a.status, to: input.to, message: input.message, actorId: actor.id }))) {
      return fail({ "": ["applications.err.changedMeanwhile"] });
    }
    await notifySeeker(trx, a.seeker_id, applicationId, a.title, input.to);
    return { ok: true as const, value: { status: input.to } };
  });
}

/**
 * Hires an applicant: the move to hired, the employment record (the basis of quota counting) and, when the
 * hires reach the openings, the vacancy marked filled — one transaction. The vacancy row is locked first so
 * concurrent hires for one vacancy count each other. `employment.application_id` is unique, and the move
 * only happens from an open status, so hiring twice never makes two records.
 */
export async function hireApplicant(
  db: DB,
  actor: Actor,
  applicationId: string,
  input: HireInput,
): Promise<Result<{ employmentId: string; vacancyFilled: boolean }>> {
  const { organizationId, vacancyId } = await organizationOfApplication(db, applicationId);
  const orgActor = await withOrgs(db, actor);
  requirePermission(orgActor, "update:application", { organizationId });
  requirePermission(orgActor, "create:employment", { organizationId });
  return db.transaction().execute(async (trx) => {
    const vacancy = await trx
      .selectFrom("vacancy")
      .select(["id", "title", "openings", "status", "employment_type"])
      .where("id", "=", vacancyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const a = await trx
      .selectFrom("application")
      .select(["status", "seeker_id", "disclosure"])
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();
    if (a.status === "hired") return fail({ "": ["applications.err.alreadyHired"] });
    if (!canMoveAs("employer", a.status, "hired")) return fail({ "": ["applications.err.illegalMove"] });
    if (!(await transition(trx, { applicationId, from: a.status, to: "hired", message: input.message, actorId: actor.id }))) {
      return fail({ "": ["applications.err.changedMeanwhile"] });
    }
    // The grade (for quota counting) is sensitive: it is copied only when the seeker disclosed their disability or
    // certificate on this application, and the read is audited.
    const mayCopyGrade = a.seeker_id !== null && (a.disclosure.includes("disability") || a.disclosure.includes("certificate"));
    const grade = mayCopyGrade
      ? (await trx.selectFrom("seeker_profile").select("disability_grade").where("user_id", "=", a.seeker_id!).executeTakeFirst())?.disability_grade ?? null
      : null;
    if (grade !== null) {
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: a.seeker_id,
        action: "read",
        entity: "employment_grade",
        entityId: applicationId,
        reason: "quota counting at hire",
      });
    }
    // The form the federation counts the job by (issue 13), from the vacancy and the employer; staff may correct it.
    const organization = await trx.selectFrom("organization").select("special_statuses").where("id", "=", organizationId).executeTakeFirstOrThrow();
    const employment = await trx
      .insertInto("employment")
      .values({
        form: deriveForm(organization.special_statuses, vacancy.employment_type),
        origin: "platform",
        organization_id: organizationId,
        seeker_id: a.seeker_id,
        application_id: applicationId,
        vacancy_id: vacancy.id,
        contract_start: input.contractStart,
        contract_end: input.contractEnd ?? null,
        social_insurance: input.socialInsurance === "yes",
        monthly_pay: input.monthlyPay,
        disability_grade: grade,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const hired = await trx
      .selectFrom("application")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("vacancy_id", "=", vacancy.id)
      .where("status", "=", "hired")
      .executeTakeFirstOrThrow();
    let vacancyFilled = false;
    if (Number(hired.n) >= vacancy.openings && vacancy.status !== "filled") {
      await trx.updateTable("vacancy").set({ status: "filled", updated_at: sql<Date>`now()` }).where("id", "=", vacancy.id).execute();
      vacancyFilled = true;
    }
    await notifySeeker(trx, a.seeker_id, applicationId, vacancy.title, "hired");
    return { ok: true as const, value: { employmentId: employment.id, vacancyFilled } };
  });
}
