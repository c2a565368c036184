import { describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Result } from "../accounts/accounts.server";
import { addDays } from "../counseling/counseling.schema";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { courseSchema, outcomeSchema, type CourseInput } from "./courses.schema";
import { createCourse, listPublishedCourses, publicCoursePage, setCourseStatus, updateCourse } from "./courses.server";
import {
  applyForCourse,
  cancelEnrolment,
  enrolFromCaseload,
  getCoursePage,
  getRoster,
  listProviderCourses,
  recordCertificate,
  recordOutcome,
} from "./enrolments.server";

const t = useTestDatabase();

const TODAY = todayInShanghai();
const START = addDays(TODAY, 10);
const END = addDays(TODAY, 40);

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}
const err = (message: string, field = "") => ({ ok: false, fieldErrors: { [field]: [message] } });

async function expect404(p: Promise<unknown>) {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
}

function token() {
  return `tq${Math.random().toString(36).slice(2, 9)}`;
}

async function staff(role: Extract<Role, "admin" | "counselor">, regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

async function seeker(name?: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "seeker" });
  if (name) await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), realName: name, category: "vision", grade: 1 });
  return { id: u.id, role: "seeker", regionCode: null };
}

/** An organization with a member, designated as a training base from `from` (to `to`, open-ended by default). */
async function trainingBase(options: { from?: string; to?: string | null; revokedOn?: string | null } = {}) {
  const e = await employerWithOrganization(t.db);
  await t.db
    .insertInto("designation")
    .values({
      organization_id: e.organization.id,
      kind: "training_base",
      decision_number: `黔残联〔2026〕${Math.floor(Math.random() * 1000)}号`,
      decision_date: addDays(TODAY, -30),
      valid_from: options.from ?? addDays(TODAY, -30),
      valid_to: options.to ?? null,
      revoked_on: options.revokedOn ?? null,
    })
    .execute();
  return e;
}

function courseForm(providerId: string, overrides: Partial<Record<keyof CourseInput, unknown>> = {}): CourseInput {
  return courseSchema.parse({
    title: `盲人保健按摩培训班 ${token()}`,
    kind: "blind_health_massage",
    providerId,
    startsOn: START,
    endsOn: END,
    mode: "in_person",
    regionCode: "520102",
    venue: "南明区残疾人职业培训中心",
    arrangements: ["braille_large_print", "guide_service"],
    capacity: 20,
    subsidyPerTrainee: 1200,
    description: "",
    ...overrides,
  });
}

async function publishedCourse(admin: Actor, providerId: string, overrides: Partial<Record<keyof CourseInput, unknown>> = {}) {
  const form = courseForm(providerId, overrides);
  const { courseId } = ok(await createCourse(t.db, admin, form));
  ok(await setCourseStatus(t.db, admin, courseId, "published"));
  return { id: courseId, form };
}

async function enrolmentsOf(courseId: string) {
  return t.db
    .selectFrom("course_enrolment")
    .select(["id", "seq", "seeker_id", "status", "access_requests", "service_record_id", "enrolled_by", "completed_on", "attended_days"])
    .where("course_id", "=", courseId)
    .orderBy("seq")
    .execute();
}

async function notificationsOf(userId: string) {
  return t.db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute();
}

function countBy<T extends string>(items: T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

const seekerActor = (id: string): Actor => ({ id, role: "seeker", regionCode: null });

// ---------------------------------------------------------------------------------------------------------------

describe("seats and the waitlist (the issue's acceptance)", () => {
  it("100 seekers at once for 20 places: exactly 20 enrolled, 80 waitlisted at positions 1..80, and seats pass down that order", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const course = await publishedCourse(admin, base.organization.id, { capacity: 20 });
    const seekers = await Promise.all(Array.from({ length: 100 }, () => seeker()));

    const told = (await Promise.all(seekers.map((s) => applyForCourse(t.db, s, course.id, { accessRequests: ["braille_large_print"], accessNote: "" })))).map(ok);
    expect(told.every((r) => r.created)).toBe(true);
    expect(countBy(told.map((r) => r.status))).toEqual({ enrolled: 20, waitlisted: 80 });

    const rows = await enrolmentsOf(course.id);
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.seeker_id)).size).toBe(100);
    // In order of arrival: the 20 lowest seq hold the places, the 80 after them wait.
    expect(rows.map((r) => r.status)).toEqual([...Array(20).fill("enrolled"), ...Array(80).fill("waitlisted")]);
    const bySeeker = new Map(rows.map((r) => [r.seeker_id, r]));
    seekers.forEach((s, i) => expect(bySeeker.get(s.id)).toMatchObject({ id: told[i]!.enrolmentId, status: told[i]!.status }));

    // Waitlist positions 1..80 without gaps, as each waiting seeker sees theirs and the provider's roster numbers them.
    const positions = [];
    for (const r of rows.slice(20)) {
      const page = await getCoursePage(t.db, seekerActor(r.seeker_id), course.id);
      positions.push(page.viewer.role === "seeker" ? page.viewer.enrolment?.waitlistPosition : undefined);
    }
    expect(positions).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const roster = await getRoster(t.db, base.actor, course.id, { page: 2 });
    expect(roster).toMatchObject({ total: 100, page: 2, pageCount: 2 });
    expect(roster.rows.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 50 }, (_, i) => i + 31));
    expect(roster.accessRequestCounts.find((c) => c.code === "braille_large_print")).toEqual({ code: "braille_large_print", enrolled: 20, waitlisted: 80 });

    // Applying again answers with the place one has; the course says how many seats are left.
    expect(ok(await applyForCourse(t.db, seekers[0]!, course.id, { accessRequests: [], accessNote: "" }))).toMatchObject({ enrolmentId: told[0]!.enrolmentId, created: false });
    const [listed] = await listPublishedCourses(t.db, { regionCodes: ["520102"], kinds: ["blind_health_massage"] }).then((cs) => cs.filter((c) => c.id === course.id));
    expect(listed).toMatchObject({ enrolled: 20, waitlisted: 80, seatsLeft: 0 });

    // Five cancelling at once: the first five waiting are promoted, one each, and told.
    const enrolled = rows.slice(0, 20);
    const waiting = rows.slice(20);
    const cancels = await Promise.all(enrolled.slice(0, 5).map((r) => cancelEnrolment(t.db, seekerActor(r.seeker_id), course.id)));
    expect(cancels).toEqual(Array(5).fill({ ok: true, value: { promoted: 1 } }));
    const now = new Map((await enrolmentsOf(course.id)).map((r) => [r.id, r.status]));
    expect(waiting.slice(0, 5).map((r) => now.get(r.id))).toEqual(Array(5).fill("enrolled"));
    expect(waiting.slice(5).every((r) => now.get(r.id) === "waitlisted")).toBe(true);
    expect(countBy([...now.values()])).toEqual({ enrolled: 20, waitlisted: 75, cancelled: 5 });
    for (const w of waiting.slice(0, 5)) {
      expect(await notificationsOf(w.seeker_id)).toEqual([{ kind: "training.promoted", params: { course: course.form.title }, link: `/training/${course.id}` }]);
    }
    expect(await notificationsOf(waiting[5]!.seeker_id)).toEqual([]);

    // Leaving from the waitlist frees no seat; more capacity moves the queue up at once.
    expect(await cancelEnrolment(t.db, seekerActor(waiting[5]!.seeker_id), course.id)).toEqual({ ok: true, value: { promoted: 0 } });
    expect(await cancelEnrolment(t.db, seekerActor(waiting[5]!.seeker_id), course.id)).toEqual(err("training.err.notEnrolled"));
    expect(await updateCourse(t.db, admin, course.id, { ...course.form, capacity: 22 })).toEqual({ ok: true, value: { promoted: 2 } });
    const after = new Map((await enrolmentsOf(course.id)).map((r) => [r.id, r.status]));
    expect(waiting.slice(5, 9).map((r) => after.get(r.id))).toEqual(["cancelled", "enrolled", "enrolled", "waitlisted"]);

    // Coming back after cancelling joins at the back.
    const back = ok(await applyForCourse(t.db, seekerActor(enrolled[0]!.seeker_id), course.id, { accessRequests: [], accessNote: "" }));
    expect(back).toMatchObject({ status: "waitlisted", created: true });
    expect((await enrolmentsOf(course.id)).at(-1)).toMatchObject({ id: back.enrolmentId, seeker_id: enrolled[0]!.seeker_id });
  });

  it("drafts take no one; cancelled courses and courses already begun take no new trainee; cancelling tells those enrolled", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const s = await seeker();
    const { courseId: draft } = ok(await createCourse(t.db, admin, courseForm(base.organization.id)));
    await expect404(applyForCourse(t.db, s, draft, { accessRequests: [], accessNote: "" }));
    await expect404(getCoursePage(t.db, s, draft));
    expect((await getCoursePage(t.db, admin, draft)).viewer).toEqual({ role: "staff", canManage: true });

    const begun = await publishedCourse(admin, base.organization.id, { startsOn: addDays(TODAY, -1) });
    expect(await applyForCourse(t.db, s, begun.id, { accessRequests: [], accessNote: "" })).toEqual(err("training.err.started"));
    expect(ok(await applyForCourse(t.db, s, begun.id, { accessRequests: [], accessNote: "" }, addDays(TODAY, -1)))).toMatchObject({ status: "enrolled" });

    const course = await publishedCourse(admin, base.organization.id);
    ok(await applyForCourse(t.db, s, course.id, { accessRequests: ["interpreter"], accessNote: "" }));
    ok(await setCourseStatus(t.db, admin, course.id, "cancelled"));
    expect((await notificationsOf(s.id)).map((n) => n.kind)).toContain("training.cancelled");
    const late = await seeker();
    expect(await applyForCourse(t.db, late, course.id, { accessRequests: [], accessNote: "" })).toEqual(err("training.err.courseCancelled"));
  });
});

describe("courses of designated training bases, within the admin's region", () => {
  it("a prefecture admin cannot create a course in another prefecture; the provider must be a training base on the course's dates", async () => {
    const zunyi = await staff("admin", "520300");
    const base = await trainingBase();
    expect(await createCourse(t.db, zunyi, courseForm(base.organization.id, { regionCode: "520102" }))).toEqual(err("training.err.regionOutside", "regionCode"));
    expect(await t.db.selectFrom("course").select("id").where("provider_id", "=", base.organization.id).execute()).toEqual([]);
    ok(await createCourse(t.db, zunyi, courseForm(base.organization.id, { regionCode: "520302" })));

    // Another prefecture's course is not theirs to edit, publish or see as a draft.
    const guiyang = await staff("admin", "520100");
    const { courseId } = ok(await createCourse(t.db, guiyang, courseForm(base.organization.id)));
    await expect404(updateCourse(t.db, zunyi, courseId, courseForm(base.organization.id, { regionCode: "520302" })));
    await expect404(setCourseStatus(t.db, zunyi, courseId, "published"));
    // Moving one's course out of one's region is refused too.
    expect(await updateCourse(t.db, guiyang, courseId, courseForm(base.organization.id, { regionCode: "520302" }))).toEqual(err("training.err.regionOutside", "regionCode"));

    const plain = await employerWithOrganization(t.db);
    expect(await createCourse(t.db, guiyang, courseForm(plain.organization.id))).toEqual(err("training.err.providerNotDesignated", "providerId"));
    const ending = await trainingBase({ to: addDays(START, 5) });
    expect(await createCourse(t.db, guiyang, courseForm(ending.organization.id))).toEqual(err("training.err.providerNotDesignated", "providerId"));
    const revoked = await trainingBase({ revokedOn: addDays(TODAY, -1) });
    expect(await createCourse(t.db, guiyang, courseForm(revoked.organization.id))).toEqual(err("training.err.providerNotDesignated", "providerId"));
    const later = await trainingBase({ from: addDays(START, 1) });
    expect(await createCourse(t.db, guiyang, courseForm(later.organization.id))).toEqual(err("training.err.providerNotDesignated", "providerId"));

    // Counselors, employers and seekers create no courses.
    for (const who of [await staff("counselor", "520100"), base.actor, await seeker()]) await expect404(createCourse(t.db, who, courseForm(base.organization.id)));
  });

  it("the public list filters by kind and place and leaves out drafts, cancelled and finished courses", async () => {
    const admin = await staff("admin", "520000");
    const base = await trainingBase();
    const word = token();
    const massage = await publishedCourse(admin, base.organization.id, { title: `按摩 ${word}`, regionCode: "520102" });
    const rural = await publishedCourse(admin, base.organization.id, { title: `种养 ${word}`, kind: "rural_practical", regionCode: "520302" });
    const online = await publishedCourse(admin, base.organization.id, { title: `网络 ${word}`, kind: "online_remote", mode: "online", link: "https://example.org/c", venue: "", regionCode: "520000" });
    ok(await createCourse(t.db, admin, courseForm(base.organization.id, { title: `草稿 ${word}` })));
    const cancelled = await publishedCourse(admin, base.organization.id, { title: `取消 ${word}` });
    ok(await setCourseStatus(t.db, admin, cancelled.id, "cancelled"));
    await publishedCourse(admin, base.organization.id, { title: `结束 ${word}`, startsOn: addDays(TODAY, -20), endsOn: addDays(TODAY, -1) });

    const mine = (cs: { id: string; title: string }[]) => cs.filter((c) => c.title.endsWith(word)).map((c) => c.id);
    expect(new Set(mine(await listPublishedCourses(t.db, {})))).toEqual(new Set([massage.id, rural.id, online.id]));
    expect(mine(await listPublishedCourses(t.db, { kinds: ["rural_practical"] }))).toEqual([rural.id]);
    expect(mine(await listPublishedCourses(t.db, { regionCodes: ["520100"] }))).toEqual([massage.id]);
    expect(new Set(mine(await listPublishedCourses(t.db, { regionCodes: ["520300", "520102"] })))).toEqual(new Set([massage.id, rural.id]));
    expect(mine(await listPublishedCourses(t.db, { regionCodes: [] }))).toEqual([]);
    expect(mine(await listPublishedCourses(t.db, { from: addDays(END, 1) }))).toEqual([]);
    const page = await publicCoursePage(t.db, { kind: "online_remote", regionCode: "520000" });
    expect(page.courses.map((c) => c.id)).toContain(online.id);
    expect(page.courses.every((c) => c.kind === "online_remote")).toBe(true);
  });
});

describe("a counselor enrols someone of their caseload", () => {
  it("enrols their own person (service record linked, audited, told) and gets 404 for someone else's", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const course = await publishedCourse(admin, base.organization.id);
    const counselor = await staff("counselor", "520100");
    const mine = await seeker(`盲人学员${token()}`);
    const theirs = await seeker();
    const colleague = await staff("counselor", "520100");
    await t.db.insertInto("caseload_assignment").values({ seeker_id: mine.id, counselor_id: counselor.id }).execute();
    await t.db.insertInto("caseload_assignment").values({ seeker_id: theirs.id, counselor_id: colleague.id }).execute();

    // The counselor's page lists their caseload to choose from, and that read is recorded.
    const page = await getCoursePage(t.db, counselor, course.id);
    expect(page.viewer).toMatchObject({ role: "counselor", caseload: [{ seekerId: mine.id, status: null }] });

    const r = ok(await enrolFromCaseload(t.db, counselor, course.id, { seekerId: mine.id, accessRequests: ["braille_large_print"], accessNote: "盲文教材" }));
    expect(r).toMatchObject({ status: "enrolled", created: true });
    const [row] = (await enrolmentsOf(course.id)).filter((e) => e.seeker_id === mine.id);
    expect(row).toMatchObject({ status: "enrolled", enrolled_by: counselor.id, access_requests: ["braille_large_print"] });
    const service = await t.db.selectFrom("service_record").select(["seeker_id", "counselor_id", "type", "service_date", "notes"]).where("id", "=", row!.service_record_id!).executeTakeFirstOrThrow();
    expect(service).toEqual({ seeker_id: mine.id, counselor_id: counselor.id, type: "training_referral", service_date: TODAY, notes: course.form.title });
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity", "entity_id"]).where("actor_id", "=", counselor.id).where("subject_user_id", "=", mine.id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: "create", entity: "course_enrolment", entity_id: r.enrolmentId }, { action: "read", entity: "caseload", entity_id: counselor.id }]));
    expect((await notificationsOf(mine.id)).map((n) => n.kind)).toEqual(["training.enrolledByCounselor"]);
    // The seeker sees they were enrolled, with the request.
    const seen = await getCoursePage(t.db, mine, course.id);
    expect(seen.viewer).toMatchObject({ role: "seeker", enrolment: { status: "enrolled", enrolledByCounselor: true, accessRequests: ["braille_large_print"] } });

    // Twice is refused at the person; someone else's person, a stranger, and another region's counselor get 404.
    expect(await enrolFromCaseload(t.db, counselor, course.id, { seekerId: mine.id, accessRequests: [], accessNote: "" })).toEqual(err("training.err.alreadyEnrolled", "seekerId"));
    await expect404(enrolFromCaseload(t.db, counselor, course.id, { seekerId: theirs.id, accessRequests: [], accessNote: "" }));
    await expect404(enrolFromCaseload(t.db, counselor, course.id, { seekerId: (await seeker()).id, accessRequests: [], accessNote: "" }));
    await expect404(enrolFromCaseload(t.db, await staff("counselor", "520300"), course.id, { seekerId: mine.id, accessRequests: [], accessNote: "" }));
    await expect404(enrolFromCaseload(t.db, admin, course.id, { seekerId: mine.id, accessRequests: [], accessNote: "" }));
    expect((await enrolmentsOf(course.id)).map((e) => e.seeker_id)).toEqual([mine.id]);
    expect(await t.db.selectFrom("service_record").select("id").where("seeker_id", "=", theirs.id).execute()).toEqual([]);
  });
});

describe("outcomes, subsidies and certificates", () => {
  it("the provider's member records a completion: one subsidy of the course's amount, however often it is recorded; then the certificate", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const started = addDays(TODAY, -5);
    const course = await publishedCourse(admin, base.organization.id, { startsOn: started, endsOn: addDays(TODAY, 20), subsidyPerTrainee: 1500 });
    const s = await seeker(`学员${token()}`);
    const w = await seeker();
    const { enrolmentId } = ok(await applyForCourse(t.db, s, course.id, { accessRequests: ["braille_large_print"], accessNote: "" }, started));
    const done = { enrolmentId, outcome: "completed" as const, attendedDays: 5, completedOn: TODAY };

    // Dates that cannot be: before the course began, or in the future; more days than the course has.
    expect(await recordOutcome(t.db, base.actor, course.id, { ...done, completedOn: addDays(started, -1) })).toEqual(err("training.err.completedBeforeStart", "completedOn"));
    expect(await recordOutcome(t.db, base.actor, course.id, { ...done, completedOn: addDays(TODAY, 1) })).toEqual(err("training.err.completedFuture", "completedOn"));
    expect(await recordOutcome(t.db, base.actor, course.id, { ...done, attendedDays: 27 })).toEqual(err("training.err.attendedTooMany", "attendedDays"));
    expect(outcomeSchema.safeParse({ enrolmentId, outcome: "completed", attendedDays: 5 }).success).toBe(false);

    // A certificate needs a completion first.
    const cert = { enrolmentId, kind: "vocational_qualification" as const, name: "保健按摩师", level: "五级/初级工", number: "S000052010000123", issuer: "贵州省人力资源和社会保障厅", issuedOn: TODAY };
    expect(await recordCertificate(t.db, base.actor, course.id, cert)).toEqual(err("training.err.certificateNeedsCompletion"));

    // Twice at once and once more: one completion, one subsidy.
    const results = (await Promise.all([recordOutcome(t.db, base.actor, course.id, done), recordOutcome(t.db, base.actor, course.id, done)])).map(ok);
    expect(results.filter((r) => r.subsidyCreated)).toHaveLength(1);
    expect(ok(await recordOutcome(t.db, base.actor, course.id, { ...done, attendedDays: 6 }))).toEqual({ subsidyCreated: false });
    const subsidies = await t.db.selectFrom("training_subsidy").select(["amount", "recorded_by"]).where("enrolment_id", "=", enrolmentId).execute();
    expect(subsidies).toEqual([{ amount: "1500.00", recorded_by: base.user.id }]);
    const [row] = await enrolmentsOf(course.id);
    expect(row).toMatchObject({ status: "completed", completed_on: TODAY, attended_days: 6 });
    expect((await notificationsOf(s.id)).filter((n) => n.kind === "training.completed")).toHaveLength(1);

    // The certificate, recorded once and corrected in place; hidden from the profile until the trainee chooses.
    const { certificateId } = ok(await recordCertificate(t.db, base.actor, course.id, cert));
    expect(ok(await recordCertificate(t.db, admin, course.id, { ...cert, level: "四级/中级工" }))).toEqual({ certificateId });
    const certs = await t.db.selectFrom("training_certificate").select(["seeker_id", "enrolment_id", "kind", "name", "level", "number", "issuer", "issued_on", "show_on_profile"]).where("seeker_id", "=", s.id).execute();
    expect(certs).toEqual([{ seeker_id: s.id, enrolment_id: enrolmentId, kind: "vocational_qualification", name: "保健按摩师", level: "四级/中级工", number: "S000052010000123", issuer: "贵州省人力资源和社会保障厅", issued_on: TODAY, show_on_profile: false }]);
    const seen = await getCoursePage(t.db, s, course.id);
    expect(seen.viewer).toMatchObject({ enrolment: { status: "completed", certificate: { name: "保健按摩师", level: "四级/中级工" } } });

    // With a certificate, the completion stands.
    expect(await recordOutcome(t.db, base.actor, course.id, { ...done, outcome: "not_completed" })).toEqual(err("training.err.hasCertificate", "outcome"));
    // A waitlisted person has no outcome. (Fill the course first.)
    await t.db.updateTable("course").set({ capacity: 1 }).where("id", "=", course.id).execute();
    const { enrolmentId: waiting } = ok(await applyForCourse(t.db, w, course.id, { accessRequests: [], accessNote: "" }, started));
    expect(await recordOutcome(t.db, base.actor, course.id, { ...done, enrolmentId: waiting })).toEqual(err("training.err.waitlistedNoOutcome"));

    // Every write about the person is audited.
    const audit = await t.db.selectFrom("audit_event").select(["entity", "action"]).where("subject_user_id", "=", s.id).where("action", "!=", "read").execute();
    expect(countBy(audit.map((a) => `${a.entity}:${a.action}`))).toEqual({ "course_enrolment:update": 3, "training_certificate:create": 1, "training_certificate:update": 1 });
  });

  it("a completion taken back removes its unpaid subsidy; a not-completed writes none", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const started = addDays(TODAY, -3);
    const course = await publishedCourse(admin, base.organization.id, { startsOn: started });
    const s = await seeker();
    const { enrolmentId } = ok(await applyForCourse(t.db, s, course.id, { accessRequests: [], accessNote: "" }, started));
    ok(await recordOutcome(t.db, admin, course.id, { enrolmentId, outcome: "completed", attendedDays: 3, completedOn: TODAY }));
    ok(await recordOutcome(t.db, admin, course.id, { enrolmentId, outcome: "not_completed", attendedDays: 1, completedOn: "" }));
    expect(await t.db.selectFrom("training_subsidy").select("id").where("enrolment_id", "=", enrolmentId).execute()).toEqual([]);
    expect((await enrolmentsOf(course.id))[0]).toMatchObject({ status: "not_completed", completed_on: null, attended_days: 1 });
  });

  it("a member of another organization, a counselor, the trainee and another prefecture's admin may not record outcomes or read the roster", async () => {
    const admin = await staff("admin", "520100");
    const base = await trainingBase();
    const started = addDays(TODAY, -2);
    const course = await publishedCourse(admin, base.organization.id, { startsOn: started });
    const s = await seeker(`学员${token()}`);
    const { enrolmentId } = ok(await applyForCourse(t.db, s, course.id, { accessRequests: [], accessNote: "" }, started));
    const other = await trainingBase();
    const outcome = { enrolmentId, outcome: "completed" as const, attendedDays: 2, completedOn: TODAY };
    const cert = { enrolmentId, kind: "training_completion" as const, name: "结业证书", level: "", number: "", issuer: "培训中心", issuedOn: TODAY };
    for (const who of [other.actor, await staff("counselor", "520100"), s, await staff("admin", "520300")]) {
      await expect404(recordOutcome(t.db, who, course.id, outcome));
      await expect404(recordCertificate(t.db, who, course.id, cert));
      await expect404(getRoster(t.db, who, course.id));
    }
    expect((await enrolmentsOf(course.id))[0]).toMatchObject({ status: "enrolled" });

    // The provider's own member may, and sees the name and requests (no disability details), the read audited.
    const roster = await getRoster(t.db, base.actor, course.id, { enrolmentId });
    expect(roster.rows).toHaveLength(1);
    expect(roster.selected).toMatchObject({ id: enrolmentId, status: "enrolled" });
    expect(JSON.stringify(roster)).not.toMatch(/vision|视力|disability/);
    const reads = await t.db.selectFrom("audit_event").select(["entity", "entity_id"]).where("actor_id", "=", base.user.id).where("subject_user_id", "=", s.id).where("action", "=", "read").execute();
    expect(reads).toContainEqual({ entity: "course_enrolments", entity_id: course.id });
    ok(await recordOutcome(t.db, base.actor, course.id, outcome));

    // The provider's list holds its courses; another organization's does not.
    expect((await listProviderCourses(t.db, base.actor)).courses.map((c) => c.id)).toContain(course.id);
    expect((await listProviderCourses(t.db, other.actor)).courses.map((c) => c.id)).not.toContain(course.id);
    await expect404(listProviderCourses(t.db, admin));
    const page = await getCoursePage(t.db, base.actor, course.id);
    expect(page.viewer).toEqual({ role: "provider" });
    expect((await getCoursePage(t.db, other.actor, course.id)).viewer).toEqual({ role: "other" });
  });
});
