/**
 * Training courses (issue 14): an admin creates, edits, publishes and cancels the courses of designated training
 * bases (培训基地) within their region; the public list of published courses. Enrolments, outcomes, subsidies and
 * certificates are in enrolments.server.ts.
 *
 * A course's provider must hold a training-base designation (designation.kind = 'training_base', not revoked) that
 * covers the course's dates from its first day to its last.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { TrainingKind } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { notFound, requireUuid } from "../ids";
import { notify } from "../notifications/notifications.server";
import { can, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { placeName } from "../vacancies/vacancies.server";
import { COURSES_PAGE_SIZE, type CourseInput } from "./courses.schema";

export type CourseStatus = "draft" | "published" | "cancelled";

export function fail<T = never>(message: string, field = ""): Result<T> {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** Enrolments that hold a seat: in the course now, or through it already. */
export const SEAT_STATUSES = ["enrolled", "completed", "not_completed"] as const;

export interface CourseSummary {
  id: string;
  title: string;
  kind: TrainingKind;
  status: CourseStatus;
  providerId: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  online: boolean;
  venue: string | null;
  link: string | null;
  regionCode: string;
  /** The division's name (a county with its prefecture). */
  place: string;
  arrangements: string[];
  capacity: number;
  /** Yuan, as the database keeps it ("1200.00"). */
  subsidyPerTrainee: string;
  /** Seats taken (enrolled, completed or not completed). */
  enrolled: number;
  waitlisted: number;
  seatsLeft: number;
}

export function coursesQuery(db: DB) {
  return db
    .selectFrom("course as c")
    .innerJoin("organization as o", "o.id", "c.provider_id")
    .innerJoin("division as d", "d.code", "c.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select((eb) => [
      "c.id",
      "c.title",
      "c.kind",
      "c.status",
      "c.provider_id",
      "o.name as provider_name",
      "c.starts_on",
      "c.ends_on",
      "c.online",
      "c.venue",
      "c.link",
      "c.region_code",
      "c.arrangements",
      "c.capacity",
      "c.subsidy_per_trainee",
      "c.description",
      "c.created_at",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
      eb
        .selectFrom("course_enrolment as e")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("e.course_id", "=", "c.id")
        .where("e.status", "in", SEAT_STATUSES)
        .as("enrolled"),
      eb
        .selectFrom("course_enrolment as e")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("e.course_id", "=", "c.id")
        .where("e.status", "=", "waitlisted")
        .as("waitlisted"),
    ]);
}

type CourseRow = Awaited<ReturnType<ReturnType<typeof coursesQuery>["executeTakeFirstOrThrow"]>>;

export function summaryOf(r: CourseRow): CourseSummary {
  const enrolled = Number(r.enrolled ?? 0);
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    providerId: r.provider_id,
    providerName: r.provider_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    online: r.online,
    venue: r.venue,
    link: r.link,
    regionCode: r.region_code,
    place: placeName(r.county, r.county_level, r.prefecture),
    arrangements: r.arrangements,
    capacity: r.capacity,
    subsidyPerTrainee: String(r.subsidy_per_trainee),
    enrolled,
    waitlisted: Number(r.waitlisted ?? 0),
    seatsLeft: Math.max(0, r.capacity - enrolled),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The public list (also read by the counselors' "courses that fit my people" and the profile pages)

export interface PublishedCoursesQuery {
  kinds?: readonly TrainingKind[];
  /** Courses held within any of these divisions (the division itself or below it). */
  regionCodes?: readonly string[];
  /** Courses still running on or after this day (default: today in Beijing). */
  from?: string;
  limit?: number;
  offset?: number;
}

function publishedWhere(db: DB, query: PublishedCoursesQuery) {
  const from = query.from ?? todayInShanghai();
  let q = coursesQuery(db).where("c.status", "=", "published").where("c.ends_on", ">=", from);
  if (query.kinds?.length) q = q.where("c.kind", "in", [...query.kinds]);
  if (query.regionCodes) {
    const prefixes = query.regionCodes.filter((c) => /^\d{6}$/.test(c)).map(regionPrefix);
    // An empty list of places matches nothing (not everything).
    q = q.where((eb) => (prefixes.length ? eb.or(prefixes.map((p) => eb("c.region_code", "like", `${p}%`))) : sql<boolean>`false`));
  }
  return q;
}

/**
 * Published courses still running from `from` on, soonest first: the public list and the other pages that show
 * courses (counselors' suggestions, the profile). Every caller may read them (read:course is `any`).
 */
export async function listPublishedCourses(db: DB, query: PublishedCoursesQuery = {}): Promise<CourseSummary[]> {
  const rows = await publishedWhere(db, query)
    .orderBy("c.starts_on")
    .orderBy("c.title")
    .orderBy("c.id")
    .limit(Math.min(500, query.limit ?? 200))
    .offset(query.offset ?? 0)
    .execute();
  return rows.map(summaryOf);
}

export interface CourseListPage {
  courses: CourseSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the public list, filtered by kind and place. */
export async function publicCoursePage(db: DB, filter: { kind?: TrainingKind | null; regionCode?: string | null; page?: number }): Promise<CourseListPage> {
  const query: PublishedCoursesQuery = {
    kinds: filter.kind ? [filter.kind] : undefined,
    regionCodes: filter.regionCode ? [filter.regionCode] : undefined,
  };
  const total = Number(
    (
      await publishedWhere(db, query)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const pageCount = Math.max(1, Math.ceil(total / COURSES_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.trunc(filter.page ?? 1) || 1));
  const courses = await listPublishedCourses(db, { ...query, limit: COURSES_PAGE_SIZE, offset: (page - 1) * COURSES_PAGE_SIZE });
  return { courses, total, page, pageCount };
}

// ---------------------------------------------------------------------------------------------------------------
// Training bases

export interface TrainingBase {
  id: string;
  name: string;
  regionCode: string;
  validFrom: string;
  validTo: string | null;
}

/** Organizations designated as training bases whose designation is not revoked and not over: the course form's choices. */
export async function listTrainingBases(db: DB, actor: Actor, today = todayInShanghai()): Promise<TrainingBase[]> {
  requirePermission(actor, "create:course", { regionCode: actor.regionCode });
  const rows = await db
    .selectFrom("designation as g")
    .innerJoin("organization as o", "o.id", "g.organization_id")
    .select(["o.id", "o.name", "o.region_code", "g.valid_from", "g.valid_to"])
    .where("g.kind", "=", "training_base")
    .where("g.revoked_on", "is", null)
    .where((eb) => eb.or([eb("g.valid_to", "is", null), eb("g.valid_to", ">=", today)]))
    .orderBy("o.name")
    .orderBy("g.valid_from")
    .execute();
  // One choice per organization: its designation that reaches furthest.
  const byOrg = new Map<string, TrainingBase>();
  for (const r of rows) {
    const prev = byOrg.get(r.id);
    if (!prev || prev.validTo !== null) byOrg.set(r.id, { id: r.id, name: r.name, regionCode: r.region_code, validFrom: r.valid_from, validTo: r.valid_to });
  }
  return [...byOrg.values()];
}

/** Whether the organization holds a training-base designation over every day from `startsOn` to `endsOn`. */
export async function isTrainingBaseOn(db: DB, organizationId: string, startsOn: string, endsOn: string): Promise<boolean> {
  const row = await db
    .selectFrom("designation")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("kind", "=", "training_base")
    .where("valid_from", "<=", startsOn)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", endsOn)]))
    .where((eb) => eb.or([eb("revoked_on", "is", null), eb("revoked_on", ">", endsOn)]))
    .executeTakeFirst();
  return !!row;
}

// ---------------------------------------------------------------------------------------------------------------
// The admin's courses

function courseValues(input: CourseInput) {
  const online = input.mode === "online";
  return {
    title: input.title,
    kind: input.kind,
    provider_id: input.providerId,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    online,
    venue: online ? input.venue || null : input.venue,
    link: input.link || null,
    region_code: input.regionCode,
    arrangements: [...new Set(input.arrangements)],
    capacity: input.capacity,
    subsidy_per_trainee: input.subsidyPerTrainee.toFixed(2),
    description: input.description,
  };
}

async function checkCourseInput(db: DB, actor: Actor, input: CourseInput, base: "create:course" | "update:course"): Promise<Result<null>> {
  if (!can(actor, base, { regionCode: input.regionCode })) return fail("training.err.regionOutside", "regionCode");
  const division = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!division) return fail("training.err.regionRequired", "regionCode");
  if (!(await isTrainingBaseOn(db, input.providerId, input.startsOn, input.endsOn))) return fail("training.err.providerNotDesignated", "providerId");
  return { ok: true, value: null };
}

export async function createCourse(db: DB, actor: Actor, input: CourseInput): Promise<Result<{ courseId: string }>> {
  requirePermission(actor, "create:course", { regionCode: actor.regionCode });
  const checked = await checkCourseInput(db, actor, input, "create:course");
  if (!checked.ok) return checked;
  const row = await db
    .insertInto("course")
    .values({ ...courseValues(input), created_by: actor.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, value: { courseId: row.id } };
}

/** Locks the course row: every change to its seats takes this lock first, so seats are given one at a time. */
export async function lockCourse(db: DB, courseId: string) {
  return db
    .selectFrom("course")
    .select(["id", "title", "kind", "status", "capacity", "region_code", "provider_id", "starts_on", "ends_on", "subsidy_per_trainee"])
    .where("id", "=", courseId)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves waitlisted people into free seats, first come first served; tells each one. Caller holds the course lock. */
export async function promoteWaitlist(trx: DB, course: { id: string; title: string; capacity: number }): Promise<number> {
  const taken = await trx
    .selectFrom("course_enrolment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("course_id", "=", course.id)
    .where("status", "in", SEAT_STATUSES)
    .executeTakeFirstOrThrow();
  const free = course.capacity - Number(taken.n);
  if (free <= 0) return 0;
  const next = await trx
    .selectFrom("course_enrolment")
    .select(["id", "seeker_id"])
    .where("course_id", "=", course.id)
    .where("status", "=", "waitlisted")
    .orderBy("seq")
    .limit(free)
    .execute();
  for (const r of next) {
    await trx.updateTable("course_enrolment").set({ status: "enrolled", updated_at: sql<Date>`now()` }).where("id", "=", r.id).execute();
    await notify(trx, r.seeker_id, "training.promoted", { course: course.title }, `/training/${course.id}`);
  }
  return next.length;
}

export async function updateCourse(db: DB, actor: Actor, courseId: string, input: CourseInput): Promise<Result<{ promoted: number }>> {
  requireUuid(courseId);
  return db.transaction().execute(async (trx) => {
    const c = await lockCourse(trx, courseId);
    if (!c) notFound();
    requirePermission(actor, "update:course", { regionCode: c.region_code });
    const checked = await checkCourseInput(trx, actor, input, "update:course");
    if (!checked.ok) return checked;
    await trx
      .updateTable("course")
      .set({ ...courseValues(input), updated_at: sql<Date>`now()` })
      .where("id", "=", courseId)
      .execute();
    // More seats: the waitlist moves up at once. Fewer seats never take a seat from anyone already in.
    const promoted = c.status === "published" && input.endsOn >= todayInShanghai() ? await promoteWaitlist(trx, { id: c.id, title: input.title, capacity: input.capacity }) : 0;
    return { ok: true as const, value: { promoted } };
  });
}

export async function setCourseStatus(db: DB, actor: Actor, courseId: string, status: "published" | "cancelled"): Promise<Result<null>> {
  requireUuid(courseId);
  return db.transaction().execute(async (trx) => {
    const c = await lockCourse(trx, courseId);
    if (!c) notFound();
    requirePermission(actor, "update:course", { regionCode: c.region_code });
    if (status === "published" && c.status !== "draft") return fail<null>("training.err.notDraft");
    if (status === "published" && !(await isTrainingBaseOn(trx, c.provider_id, c.starts_on, c.ends_on))) return fail<null>("training.err.providerNotDesignated");
    if (status === "cancelled" && c.status === "cancelled") return { ok: true as const, value: null };
    await trx.updateTable("course").set({ status, updated_at: sql<Date>`now()` }).where("id", "=", courseId).execute();
    if (status === "cancelled") {
      const people = await trx.selectFrom("course_enrolment").select("seeker_id").where("course_id", "=", courseId).where("status", "in", ["enrolled", "waitlisted"]).execute();
      for (const p of people) await notify(trx, p.seeker_id, "training.cancelled", { course: c.title }, `/training/${courseId}`);
    }
    return { ok: true as const, value: null };
  });
}

/** The admin's courses (of their region), newest start first, a page at a time. */
export async function listAdminCourses(db: DB, actor: Actor, options: { page?: number } = {}): Promise<CourseListPage> {
  requirePermission(actor, "update:course", { regionCode: actor.regionCode });
  const within = `${regionPrefix(actor.regionCode!)}%`;
  const total = Number(
    (await db.selectFrom("course").select((eb) => eb.fn.countAll<number>().as("n")).where("region_code", "like", within).executeTakeFirstOrThrow()).n,
  );
  const pageCount = Math.max(1, Math.ceil(total / COURSES_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.trunc(options.page ?? 1) || 1));
  const rows = await coursesQuery(db)
    .where("c.region_code", "like", within)
    .orderBy("c.starts_on", "desc")
    .orderBy("c.id")
    .limit(COURSES_PAGE_SIZE)
    .offset((page - 1) * COURSES_PAGE_SIZE)
    .execute();
  return { courses: rows.map(summaryOf), total, page, pageCount };
}

export type CourseDetail = CourseSummary & { description: string };

/** One course, for anyone who may see it: published and cancelled ones for all; drafts for the admins of its region. */
export async function getCourse(db: DB, actor: Actor | null, courseId: string): Promise<CourseDetail & { canManage: boolean }> {
  requireUuid(courseId);
  const r = await coursesQuery(db).where("c.id", "=", courseId).executeTakeFirst();
  if (!r) notFound();
  const canManage = can(actor, "update:course", { regionCode: r.region_code });
  if (r.status === "draft" && !canManage) notFound();
  return { ...summaryOf(r), description: r.description, canManage };
}

/** One course for its admin's edit page. */
export async function getCourseForEdit(db: DB, actor: Actor, courseId: string): Promise<CourseDetail> {
  const c = await getCourse(db, actor, courseId);
  requirePermission(actor, "update:course", { regionCode: c.regionCode });
  const { canManage: _, ...course } = c;
  return course;
}
