/**
 * Enrolments in training courses (issue 14): a seeker applies with access requests, or their counselor enrols them
 * (the 培训推荐 service record links to the enrolment); seats and an ordered waitlist; the provider's members or an
 * admin of the region record attendance, the outcome (a completion writes the trainee's subsidy, once) and the
 * certificate obtained.
 *
 * Concurrency, as for events: every change to a course's seats locks the course row first (lockCourse), so the count
 * of seats taken and the waitlist's order (by seq) are decided one change at a time on PostgreSQL as on PGlite. An
 * outcome locks its enrolment row, and the subsidy's unique enrolment_id keeps it to one per completion.
 *
 * The indicators count completions: status 'completed' with completed_on, by course kind (statistics, issue 14).
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { CertificateKind, EnrolmentStatus } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { requireAssigned } from "../counseling/access.server";
import { notFound, requireUuid } from "../ids";
import { notify } from "../notifications/notifications.server";
import { withOrganizations } from "../organizations/membership.server";
import { can, grantsFor, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { COURSES_PAGE_SIZE, daysInclusive, ENROLMENTS_PAGE_SIZE, TRAINING_ACCESS_REQUESTS, type ApplyInput, type CertificateInput, type EnrolInput, type OutcomeInput, type TrainingAccessRequest } from "./courses.schema";
import { coursesQuery, fail, getCourse, lockCourse, promoteWaitlist, SEAT_STATUSES, summaryOf, type CourseDetail, type CourseListPage } from "./courses.server";

type CourseLock = NonNullable<Awaited<ReturnType<typeof lockCourse>>>;

/** Where a new enrolment can be made: a published course that has not started yet (its first day included). */
function enrolmentClosed(course: Pick<CourseLock, "status" | "starts_on">, today: string): string | null {
  if (course.status === "cancelled") return "training.err.courseCancelled";
  if (course.status !== "published") return "training.err.courseNotOpen";
  if (today > course.starts_on) return "training.err.started";
  return null;
}

/**
 * Takes a seat while one is free, else the end of the waitlist. The caller holds the course lock and has checked
 * that the seeker holds no enrolment in it other than a cancelled one, which is replaced: joining again after
 * cancelling joins at the back, in a new row with a new place in the order of arrival.
 */
async function enrol(
  trx: DB,
  course: CourseLock,
  seekerId: string,
  values: { accessRequests: readonly string[]; accessNote: string; enrolledBy: string; serviceRecordId?: string | null },
): Promise<{ enrolmentId: string; status: EnrolmentStatus }> {
  const taken = await trx
    .selectFrom("course_enrolment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("course_id", "=", course.id)
    .where("status", "in", SEAT_STATUSES)
    .executeTakeFirstOrThrow();
  const status: EnrolmentStatus = Number(taken.n) < course.capacity ? "enrolled" : "waitlisted";
  await trx.deleteFrom("course_enrolment").where("course_id", "=", course.id).where("seeker_id", "=", seekerId).where("status", "=", "cancelled").execute();
  const row = await trx
    .insertInto("course_enrolment")
    .values({
      course_id: course.id,
      seeker_id: seekerId,
      status,
      access_requests: [...new Set(values.accessRequests)],
      access_note: values.accessNote,
      enrolled_by: values.enrolledBy,
      service_record_id: values.serviceRecordId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { enrolmentId: row.id, status };
}

async function activeEnrolment(trx: DB, courseId: string, seekerId: string) {
  return trx
    .selectFrom("course_enrolment")
    .select(["id", "status"])
    .where("course_id", "=", courseId)
    .where("seeker_id", "=", seekerId)
    .where("status", "!=", "cancelled")
    .executeTakeFirst();
}

export type EnrolResult = { enrolmentId: string; status: EnrolmentStatus; created: boolean };

/** A seeker applies for a course. Applying again returns the enrolment one has. */
export async function applyForCourse(db: DB, actor: Actor, courseId: string, input: ApplyInput, today = todayInShanghai()): Promise<Result<EnrolResult>> {
  requireUuid(courseId);
  requirePermission(actor, "create:enrolment", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const course = await lockCourse(trx, courseId);
    if (!course || course.status === "draft") notFound();
    const existing = await activeEnrolment(trx, courseId, actor.id);
    if (existing) return { ok: true as const, value: { enrolmentId: existing.id, status: existing.status, created: false } };
    const closed = enrolmentClosed(course, today);
    if (closed) return fail<EnrolResult>(closed);
    const e = await enrol(trx, course, actor.id, { accessRequests: input.accessRequests, accessNote: input.accessNote, enrolledBy: actor.id });
    return { ok: true as const, value: { ...e, created: true } };
  });
}

/**
 * A counselor enrols a seeker of their caseload (they must be the seeker's current counselor; anyone else: 404).
 * The enrolment is a 培训推荐 service: a service record is written and linked to it, and the seeker is told.
 */
export async function enrolFromCaseload(db: DB, actor: Actor, courseId: string, input: EnrolInput, today = todayInShanghai()): Promise<Result<EnrolResult>> {
  requireUuid(courseId);
  await requireAssigned(db, actor, input.seekerId, "create:enrolment");
  return db.transaction().execute(async (trx) => {
    const course = await lockCourse(trx, courseId);
    if (!course || course.status === "draft") notFound();
    const existing = await activeEnrolment(trx, courseId, input.seekerId);
    if (existing) return fail<EnrolResult>("training.err.alreadyEnrolled", "seekerId");
    const closed = enrolmentClosed(course, today);
    if (closed) return fail<EnrolResult>(closed);
    const service = await trx
      .insertInto("service_record")
      // The record names the course; whether a place or the waitlist came of it is the enrolment's own status.
      .values({ seeker_id: input.seekerId, counselor_id: actor.id, type: "training_referral", service_date: today, notes: course.title, outcome: "" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const e = await enrol(trx, course, input.seekerId, {
      accessRequests: input.accessRequests,
      accessNote: input.accessNote,
      enrolledBy: actor.id,
      serviceRecordId: service.id,
    });
    await recordAudit(trx, { actorId: actor.id, subjectUserId: input.seekerId, action: "create", entity: "course_enrolment", entityId: e.enrolmentId, reason: "counselor enrolment" });
    await notify(trx, input.seekerId, e.status === "enrolled" ? "training.enrolledByCounselor" : "training.waitlistedByCounselor", { course: course.title }, `/training/${courseId}`);
    return { ok: true as const, value: { ...e, created: true } };
  });
}

/** The seeker cancels their enrolment (or waitlist place); a freed seat goes to the first waiting, who is told. */
export async function cancelEnrolment(db: DB, actor: Actor, courseId: string, today = todayInShanghai()): Promise<Result<{ promoted: number }>> {
  requireUuid(courseId);
  requirePermission(actor, "update:enrolment", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const course = await lockCourse(trx, courseId);
    if (!course) notFound();
    const e = await trx
      .selectFrom("course_enrolment")
      .select(["id", "status"])
      .where("course_id", "=", courseId)
      .where("seeker_id", "=", actor.id)
      .where("status", "in", ["enrolled", "waitlisted"])
      .executeTakeFirst();
    if (!e) return fail<{ promoted: number }>("training.err.notEnrolled");
    await trx.updateTable("course_enrolment").set({ status: "cancelled", updated_at: sql<Date>`now()` }).where("id", "=", e.id).execute();
    // After the course nobody is promoted: a seat that frees up then is of no use to anyone.
    const promoted = e.status === "enrolled" && course.status === "published" && course.ends_on >= today ? await promoteWaitlist(trx, course) : 0;
    return { ok: true as const, value: { promoted } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The course page

export interface MyEnrolment {
  id: string;
  status: EnrolmentStatus;
  accessRequests: string[];
  accessNote: string;
  waitlistPosition: number | null;
  enrolledByCounselor: boolean;
  attendedDays: number | null;
  completedOn: string | null;
  certificate: { kind: CertificateKind; name: string; level: string | null; issuer: string; issuedOn: string } | null;
}

async function waitlistPosition(db: DB, courseId: string, seq: string): Promise<number> {
  const ahead = await db
    .selectFrom("course_enrolment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("course_id", "=", courseId)
    .where("status", "=", "waitlisted")
    .where("seq", "<", seq)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

export async function myEnrolment(db: DB, courseId: string, seekerId: string): Promise<MyEnrolment | null> {
  const r = await db
    .selectFrom("course_enrolment as e")
    .leftJoin("training_certificate as tc", "tc.enrolment_id", "e.id")
    .select([
      "e.id",
      "e.status",
      "e.seq",
      "e.access_requests",
      "e.access_note",
      "e.enrolled_by",
      "e.attended_days",
      "e.completed_on",
      "tc.kind as cert_kind",
      "tc.name as cert_name",
      "tc.level as cert_level",
      "tc.issuer as cert_issuer",
      "tc.issued_on as cert_issued_on",
    ])
    .where("e.course_id", "=", courseId)
    .where("e.seeker_id", "=", seekerId)
    .where("e.status", "!=", "cancelled")
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    accessRequests: r.access_requests,
    accessNote: r.access_note,
    waitlistPosition: r.status === "waitlisted" ? await waitlistPosition(db, courseId, r.seq) : null,
    enrolledByCounselor: r.enrolled_by !== null && r.enrolled_by !== seekerId,
    attendedDays: r.attended_days,
    completedOn: r.completed_on,
    certificate: r.cert_kind ? { kind: r.cert_kind, name: r.cert_name!, level: r.cert_level, issuer: r.cert_issuer!, issuedOn: r.cert_issued_on! } : null,
  };
}

export interface CaseloadChoice {
  seekerId: string;
  name: string;
  /** Their enrolment in this course, if any (not cancelled). */
  status: EnrolmentStatus | null;
}

export interface CoursePage {
  course: CourseDetail;
  /** Whether a new enrolment can be made today. */
  open: boolean;
  closedReason: string | null;
  viewer:
    | { role: "visitor" }
    | { role: "seeker"; enrolment: MyEnrolment | null }
    | { role: "counselor"; caseload: CaseloadChoice[] }
    | { role: "provider" }
    | { role: "staff"; canManage: boolean }
    | { role: "other" };
}

/**
 * The course page, for everyone who may see the course, with the viewer's own part: a seeker's enrolment; a
 * counselor's caseload to enrol from (names of their own people: the read is recorded); a link to manage it for its
 * admins and the provider's members.
 */
export async function getCoursePage(db: DB, actor: Actor | null, courseId: string, options: { today?: string; ip?: string | null } = {}): Promise<CoursePage> {
  const today = options.today ?? todayInShanghai();
  const { canManage, ...course } = await getCourse(db, actor, courseId);
  const closedReason = enrolmentClosed({ status: course.status, starts_on: course.startsOn }, today);
  let viewer: CoursePage["viewer"] = { role: "visitor" };
  if (actor?.role === "seeker") {
    viewer = { role: "seeker", enrolment: await myEnrolment(db, courseId, actor.id) };
  } else if (actor?.role === "counselor") {
    const rows = await db
      .selectFrom("caseload_assignment as a")
      .innerJoin("app_user as u", "u.id", "a.seeker_id")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .leftJoin("course_enrolment as e", (j) => j.onRef("e.seeker_id", "=", "a.seeker_id").on("e.course_id", "=", courseId).on("e.status", "!=", "cancelled"))
      .select(["a.seeker_id", "u.display_name", "p.real_name", "e.status"])
      .where("a.counselor_id", "=", actor.id)
      .where("a.ended_at", "is", null)
      .execute();
    const caseload = rows
      .map((r) => ({ seekerId: r.seeker_id, name: r.real_name ?? r.display_name ?? "", status: r.status }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.seekerId.localeCompare(b.seekerId));
    await recordListRead(db, { actorId: actor.id, subjectUserIds: caseload.map((c) => c.seekerId), entity: "caseload", entityId: actor.id, reason: "training enrolment", ip: options.ip });
    viewer = { role: "counselor", caseload };
  } else if (actor?.role === "employer") {
    const orgActor = await withOrganizations(db, actor);
    viewer = can(orgActor, "update:enrolment", { organizationId: course.providerId }) ? { role: "provider" } : { role: "other" };
  } else if (actor) {
    viewer = { role: "staff", canManage };
  }
  return { course, open: closedReason === null, closedReason, viewer };
}

// ---------------------------------------------------------------------------------------------------------------
// The provider's members and the region's admins: the roster, outcomes, certificates

/**
 * Who may keep a course's roster: the members of its provider (`org`) and the admins of its region (`region`).
 * Anyone else: 404.
 */
async function requireManager(db: DB, actor: Actor, courseId: string, base: "read:enrolment" | "update:enrolment"): Promise<CourseDetail> {
  const { canManage: _, ...course } = await getCourse(db, actor, courseId);
  const orgActor = await withOrganizations(db, actor);
  requirePermission(orgActor, base, { organizationId: course.providerId, regionCode: course.regionCode });
  return course;
}

export interface RosterRow {
  id: string;
  seekerName: string;
  status: EnrolmentStatus;
  accessRequests: string[];
  accessNote: string;
  waitlistPosition: number | null;
  enrolledByCounselor: boolean;
  attendedDays: number | null;
  completedOn: string | null;
  subsidy: string | null;
  certificate: { kind: CertificateKind; name: string; level: string | null; number: string | null; issuer: string; issuedOn: string } | null;
}

export interface Roster {
  course: CourseDetail;
  accessRequestCounts: { code: TrainingAccessRequest; enrolled: number; waitlisted: number }[];
  rows: RosterRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The enrolment picked for the outcome and certificate forms, when asked for. */
  selected: RosterRow | null;
}

/**
 * The roster of a course for its provider and admins: trainees' names and access requests (which the provider needs
 * to arrange), never their disability details. The read is audited, one row per person shown.
 */
export async function getRoster(db: DB, actor: Actor, courseId: string, options: { page?: number; enrolmentId?: string | null; ip?: string | null } = {}): Promise<Roster> {
  const course = await requireManager(db, actor, courseId, "read:enrolment");
  const rows = await db
    .selectFrom("course_enrolment as e")
    .innerJoin("app_user as u", "u.id", "e.seeker_id")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("training_certificate as tc", "tc.enrolment_id", "e.id")
    .leftJoin("training_subsidy as ts", "ts.enrolment_id", "e.id")
    .select([
      "e.id",
      "e.seeker_id",
      "e.status",
      "e.access_requests",
      "e.access_note",
      "e.enrolled_by",
      "e.attended_days",
      "e.completed_on",
      "u.display_name",
      "p.real_name",
      "ts.amount as subsidy",
      "tc.kind as cert_kind",
      "tc.name as cert_name",
      "tc.level as cert_level",
      "tc.number as cert_number",
      "tc.issuer as cert_issuer",
      "tc.issued_on as cert_issued_on",
    ])
    .where("e.course_id", "=", courseId)
    .where("e.status", "!=", "cancelled")
    .orderBy("e.seq")
    .execute();
  let position = 0;
  const all = rows.map((r) => ({
    seekerId: r.seeker_id,
    id: r.id,
    seekerName: r.real_name ?? r.display_name ?? "",
    status: r.status,
    accessRequests: r.access_requests,
    accessNote: r.access_note,
    waitlistPosition: r.status === "waitlisted" ? ++position : null,
    enrolledByCounselor: r.enrolled_by !== null && r.enrolled_by !== r.seeker_id,
    attendedDays: r.attended_days,
    completedOn: r.completed_on,
    subsidy: r.subsidy === null ? null : String(r.subsidy),
    certificate: r.cert_kind
      ? { kind: r.cert_kind, name: r.cert_name!, level: r.cert_level, number: r.cert_number, issuer: r.cert_issuer!, issuedOn: r.cert_issued_on! }
      : null,
  }));
  const pageCount = Math.max(1, Math.ceil(all.length / ENROLMENTS_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.trunc(options.page ?? 1) || 1));
  const shown = all.slice((page - 1) * ENROLMENTS_PAGE_SIZE, page * ENROLMENTS_PAGE_SIZE);
  const selected = options.enrolmentId ? (all.find((r) => r.id === options.enrolmentId) ?? null) : null;
  const subjects = [...shown.map((r) => r.seekerId), ...(selected ? [selected.seekerId] : [])];
  await recordListRead(db, { actorId: actor.id, subjectUserIds: subjects, entity: "course_enrolments", entityId: courseId, reason: "course roster", ip: options.ip });
  const strip = ({ seekerId: _, ...r }: (typeof all)[number]): RosterRow => r;
  return {
    course,
    accessRequestCounts: TRAINING_ACCESS_REQUESTS.map((code) => ({
      code,
      enrolled: all.filter((r) => r.status === "enrolled" && r.accessRequests.includes(code)).length,
      waitlisted: all.filter((r) => r.status === "waitlisted" && r.accessRequests.includes(code)).length,
    })),
    rows: shown.map(strip),
    total: all.length,
    page,
    pageCount,
    selected: selected ? strip(selected) : null,
  };
}

/**
 * Records attendance and the outcome of one enrolment. A completion writes the trainee's subsidy (the course's amount
 * per trainee) once: recording it again changes nothing but the figures typed. Taking a completion back removes an
 * unpaid subsidy; a paid one, or a certificate recorded, keeps the completion.
 */
export async function recordOutcome(db: DB, actor: Actor, courseId: string, input: OutcomeInput, today = todayInShanghai()): Promise<Result<{ subsidyCreated: boolean }>> {
  const course = await requireManager(db, actor, courseId, "update:enrolment");
  type R = { subsidyCreated: boolean };
  if (today < course.startsOn) return fail<R>("training.err.notStarted");
  if (input.attendedDays > daysInclusive(course.startsOn, course.endsOn)) return fail<R>("training.err.attendedTooMany", "attendedDays");
  if (input.outcome === "completed") {
    if (input.completedOn < course.startsOn) return fail<R>("training.err.completedBeforeStart", "completedOn");
    if (input.completedOn > today) return fail<R>("training.err.completedFuture", "completedOn");
  }
  return db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom("course_enrolment as e")
      .leftJoin("training_subsidy as ts", "ts.enrolment_id", "e.id")
      .leftJoin("training_certificate as tc", "tc.enrolment_id", "e.id")
      .select(["e.id", "e.seeker_id", "e.status", "ts.id as subsidy_id", "ts.paid_on", "tc.id as certificate_id"])
      .where("e.id", "=", input.enrolmentId)
      .where("e.course_id", "=", courseId)
      .forUpdate("e")
      .executeTakeFirst();
    if (!e || e.status === "cancelled") return fail<R>("training.err.enrolmentGone");
    if (e.status === "waitlisted") return fail<R>("training.err.waitlistedNoOutcome");
    if (input.outcome === "not_completed" && e.status === "completed") {
      if (e.certificate_id) return fail<R>("training.err.hasCertificate", "outcome");
      if (e.paid_on) return fail<R>("training.err.subsidyPaid", "outcome");
      if (e.subsidy_id) await trx.deleteFrom("training_subsidy").where("id", "=", e.subsidy_id).execute();
    }
    await trx
      .updateTable("course_enrolment")
      .set({
        status: input.outcome,
        attended_days: input.attendedDays,
        completed_on: input.outcome === "completed" ? input.completedOn : null,
        outcome_by: actor.id,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", e.id)
      .execute();
    let subsidyCreated = false;
    if (input.outcome === "completed") {
      const inserted = await trx
        .insertInto("training_subsidy")
        .values({ enrolment_id: e.id, amount: course.subsidyPerTrainee, recorded_by: actor.id })
        .onConflict((oc) => oc.column("enrolment_id").doNothing())
        .returning("id")
        .executeTakeFirst();
      subsidyCreated = !!inserted;
      if (e.status !== "completed") await notify(trx, e.seeker_id, "training.completed", { course: course.title }, `/training/${courseId}`);
    }
    await recordAudit(trx, { actorId: actor.id, subjectUserId: e.seeker_id, action: "update", entity: "course_enrolment", entityId: e.id, reason: `outcome: ${input.outcome}` });
    return { ok: true as const, value: { subsidyCreated } };
  });
}

/**
 * Records the certificate a trainee obtained through the course (one per enrolment; recording again corrects it).
 * It starts hidden from the profile: the trainee chooses whether to show it.
 */
export async function recordCertificate(db: DB, actor: Actor, courseId: string, input: CertificateInput, today = todayInShanghai()): Promise<Result<{ certificateId: string }>> {
  const course = await requireManager(db, actor, courseId, "update:enrolment");
  type R = { certificateId: string };
  if (input.issuedOn > today) return fail<R>("training.err.issuedFuture", "issuedOn");
  if (input.issuedOn < course.startsOn) return fail<R>("training.err.issuedBeforeStart", "issuedOn");
  return db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom("course_enrolment")
      .select(["id", "seeker_id", "status"])
      .where("id", "=", input.enrolmentId)
      .where("course_id", "=", courseId)
      .forUpdate()
      .executeTakeFirst();
    if (!e || e.status === "cancelled") return fail<R>("training.err.enrolmentGone");
    if (e.status !== "completed") return fail<R>("training.err.certificateNeedsCompletion");
    const values = {
      kind: input.kind,
      name: input.name,
      level: input.level || null,
      number: input.number || null,
      issuer: input.issuer,
      issued_on: input.issuedOn,
      recorded_by: actor.id,
    };
    const before = await trx.selectFrom("training_certificate").select("id").where("enrolment_id", "=", e.id).executeTakeFirst();
    const row = await trx
      .insertInto("training_certificate")
      .values({ ...values, seeker_id: e.seeker_id, enrolment_id: e.id })
      .onConflict((oc) => oc.column("enrolment_id").doUpdateSet(values))
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: e.seeker_id, action: before ? "update" : "create", entity: "training_certificate", entityId: row.id, reason: "course certificate" });
    if (!before) await notify(trx, e.seeker_id, "training.certificate", { course: course.title, certificate: input.name }, "/profile");
    return { ok: true as const, value: { certificateId: row.id } };
  });
}

/** The courses a provider's members keep: those of the organizations they belong to, newest start first. */
export async function listProviderCourses(db: DB, actor: Actor, options: { page?: number } = {}): Promise<CourseListPage> {
  // Employers only (the `org` grant); one who belongs to no organization yet keeps no courses.
  if (!grantsFor(actor.role, "read:enrolment").includes("org")) notFound();
  const orgs = (await withOrganizations(db, actor)).organizationIds;
  if (!orgs.length) return { courses: [], total: 0, page: 1, pageCount: 1 };
  const total = Number(
    (await db.selectFrom("course").select((eb) => eb.fn.countAll<number>().as("n")).where("provider_id", "in", orgs).where("status", "!=", "draft").executeTakeFirstOrThrow()).n,
  );
  const pageCount = Math.max(1, Math.ceil(total / COURSES_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.trunc(options.page ?? 1) || 1));
  const rows = await coursesQuery(db)
    .where("c.provider_id", "in", orgs)
    .where("c.status", "!=", "draft")
    .orderBy("c.starts_on", "desc")
    .orderBy("c.id")
    .limit(COURSES_PAGE_SIZE)
    .offset((page - 1) * COURSES_PAGE_SIZE)
    .execute();
  return { courses: rows.map(summaryOf), total, page, pageCount };
}
