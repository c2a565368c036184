import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createOrganization, createSeekerProfile, createUser, createVacancy, makeIdNumber } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { actorOf, employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { markApplicationViewed } from "../applications/applications.server";
import { addDays } from "../counseling/counseling.schema";
import type { Actor } from "../permissions";
import { quotaPosition, saveQuotaInputs } from "../quota/position.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { dashboardSummary, type AdminDashboard, type AdminFigures, type CounselorDashboard, type EmployerDashboard, type SeekerDashboard } from "./dashboard.server";

const t = useTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function seekerView(actor: Actor): Promise<SeekerDashboard> {
  const s = await dashboardSummary(t.db, actor);
  if (s.role !== "seeker") throw new Error("not a seeker's dashboard");
  return s;
}
async function employerView(actor: Actor): Promise<EmployerDashboard> {
  const s = await dashboardSummary(t.db, actor);
  if (s.role !== "employer") throw new Error("not an employer's dashboard");
  return s;
}
async function counselorView(actor: Actor, now = new Date()): Promise<CounselorDashboard> {
  const s = await dashboardSummary(t.db, actor, now);
  if (s.role !== "counselor") throw new Error("not a counselor's dashboard");
  return s;
}
async function adminView(actor: Actor): Promise<AdminDashboard> {
  const s = await dashboardSummary(t.db, actor);
  if (s.role !== "admin") throw new Error("not an admin's dashboard");
  return s;
}

/** A published event from `startsAt` for eight hours, in 贵阳. */
async function createEvent(startsAt: Date, status: "published" | "cancelled" = "published") {
  return t.db
    .insertInto("recruitment_event")
    .values({
      title: `专场招聘会${Math.random().toString(36).slice(2, 8)}`,
      kind: "general",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 8 * HOUR),
      region_code: "520102",
      venue: "南明区人力资源市场",
      capacity: 100,
      registration_deadline: new Date(startsAt.getTime() - HOUR),
      status,
      published_at: new Date(),
    })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
}

async function participate(eventId: string, organizationId: string, status: "approved" | "pending" = "approved") {
  return t.db.insertInto("event_employer").values({ event_id: eventId, organization_id: organizationId, status }).returning("id").executeTakeFirstOrThrow();
}

async function register(eventId: string, seekerId: string, status: "registered" | "waitlisted" | "cancelled" = "registered") {
  return t.db
    .insertInto("event_registration")
    .values({ event_id: eventId, seeker_id: seekerId, status, check_in_code: Math.random().toString(36).slice(2, 10).toUpperCase() })
    .returning("id")
    .executeTakeFirstOrThrow();
}

async function bookedSlot(participationId: string, startsAt: Date, registrationId: string | null) {
  return t.db
    .insertInto("interview_slot")
    .values({ event_employer_id: participationId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 15 * 60_000), registration_id: registrationId, booked_at: registrationId ? new Date() : null })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("the seeker's dashboard", () => {
  it("names the profile's missing sections and counts what waits: invitations, referrals, messages, interviews and events", async () => {
    const u = await createUser(t.db, { role: "seeker" });
    const me: Actor = { id: u.id, role: "seeker", regionCode: null };
    const empty = await seekerView(me);
    expect(empty).toMatchObject({ stepsTotal: 9, suitable: null, invitations: 0, referrals: 0, unreadMessages: 0, interviews: { total: 0 }, events: { total: 0 } });
    expect(empty.profileMissing).toEqual(
      ["personal", "disability", "region", "education", "skills", "needs", "limits", "preferences", "family"].map((step) => ({ step, status: "notStarted" })),
    );

    // By what the profile holds: skills saved but emptied is partial; needs saved (none needed) is an answer.
    await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), skills: [] });
    await t.db.updateTable("seeker_profile").set({ completed_steps: ["personal", "region", "skills", "needs"] }).where("user_id", "=", u.id).execute();
    expect((await seekerView(me)).profileMissing).toEqual([
      { step: "skills", status: "partial" },
      { step: "limits", status: "notStarted" },
      { step: "preferences", status: "notStarted" },
      { step: "family", status: "notStarted" },
    ]);

    // An invitation and a referral to open vacancies wait for an answer; one to a closed vacancy does not count.
    const { user: owner, organization: org } = await employerWithOrganization(t.db);
    const open = await createVacancy(t.db, org.id);
    const closed = await createVacancy(t.db, org.id, { status: "closed" });
    const counselor = await createUser(t.db, { role: "counselor", regionCode: "520100" });
    await t.db
      .insertInto("vacancy_invitation")
      .values([
        { vacancy_id: open.id, seeker_id: u.id, invited_by: owner.id },
        { vacancy_id: closed.id, seeker_id: u.id, invited_by: owner.id },
      ])
      .execute();
    const referral = await t.db.insertInto("referral").values({ vacancy_id: open.id, seeker_id: u.id, counselor_id: counselor.id }).returning("id").executeTakeFirstOrThrow();

    // Two messages from the counselor, one read; the seeker's own message is not "unread" for them.
    await t.db
      .insertInto("message")
      .values([
        { seeker_id: u.id, sender_id: counselor.id, body: "下周二来面谈可以吗？" },
        { seeker_id: u.id, sender_id: counselor.id, body: "已读的消息", read_at: new Date() },
        { seeker_id: u.id, sender_id: u.id, body: "好的" },
      ])
      .execute();

    // An event ahead with a booked interview, a past slot, and a cancelled registration elsewhere.
    const event = await createEvent(new Date(Date.now() + 5 * DAY));
    const registration = await register(event.id, u.id);
    const participation = await participate(event.id, org.id);
    await bookedSlot(participation.id, new Date(Date.now() + 5 * DAY + HOUR), registration.id);
    const past = await createEvent(new Date(Date.now() - 3 * DAY));
    const pastParticipation = await participate(past.id, org.id);
    await bookedSlot(pastParticipation.id, new Date(Date.now() - 3 * DAY + HOUR), (await register(past.id, u.id)).id);
    await register((await createEvent(new Date(Date.now() + 2 * DAY))).id, u.id, "cancelled");

    const now = await seekerView(me);
    expect(now).toMatchObject({ invitations: 1, referrals: 1, unreadMessages: 1 });
    expect(now.interviews.total).toBe(1);
    expect(now.interviews.items).toEqual([expect.objectContaining({ id: event.id, title: event.title, organizationName: org.name })]);
    expect(now.events.total).toBe(1);
    expect(now.events.items).toEqual([expect.objectContaining({ id: event.id, waitlisted: false })]);

    // Answered, read: nothing waits any more.
    await t.db.updateTable("referral").set({ status: "declined", responded_at: new Date() }).where("id", "=", referral.id).execute();
    await t.db.updateTable("message").set({ read_at: new Date() }).where("seeker_id", "=", u.id).execute();
    expect(await seekerView(me)).toMatchObject({ referrals: 0, unreadMessages: 0 });
  });

  it("counts the open vacancies that suit them as the search does, and recommends a few", async () => {
    const u = await createUser(t.db, { role: "seeker" });
    const me: Actor = { id: u.id, role: "seeker", regionCode: null };
    await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), regionCode: "520102", needsRequired: ["braille"] });
    const before = await seekerView(me);
    expect(before.suitable).not.toBeNull();
    const { organization } = await employerWithOrganization(t.db);
    const fits = await createVacancy(t.db, organization.id, { regionCode: "520102", accommodations: ["braille", "step_free_access"] });
    // One without braille does not suit them.
    await createVacancy(t.db, organization.id, { regionCode: "520102", accommodations: ["step_free_access"] });
    const after = await seekerView(me);
    expect(after.suitable).toBe(before.suitable! + 1);
    expect(after.recommendations.length).toBeGreaterThan(0);
    expect(after.recommendations.length).toBeLessThanOrEqual(3);
    expect(after.recommendations.every((v) => v.match?.eligible)).toBe(true);
    expect(after.recommendations.map((v) => v.id)).toContain(fits.id);
  });
});

describe("the employer's dashboard", () => {
  it("lists the vacancies with new applications and their counts; marking one viewed lowers its count", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, organization.id, { title: "仓库管理员" });
    const other = await createVacancy(t.db, organization.id, { title: "客服专员" });
    expect((await employerView(actor)).newApplications).toEqual({ total: 0, vacancies: [] });

    const seekers = await Promise.all([1, 2, 3].map(() => createUser(t.db, { role: "seeker" })));
    const [a1] = await t.db
      .insertInto("application")
      .values([
        { vacancy_id: v.id, seeker_id: seekers[0]!.id },
        { vacancy_id: v.id, seeker_id: seekers[1]!.id },
        { vacancy_id: other.id, seeker_id: seekers[2]!.id, status: "viewed" },
      ])
      .returning("id")
      .execute();
    const withTwo = await employerView(actor);
    expect(withTwo.newApplications).toEqual({ total: 2, vacancies: [{ id: v.id, title: "仓库管理员", count: 2 }] });

    expect((await markApplicationViewed(t.db, actor, a1!.id)).ok).toBe(true);
    expect((await employerView(actor)).newApplications).toEqual({ total: 1, vacancies: [{ id: v.id, title: "仓库管理员", count: 1 }] });

    // Another organization's applications are not this employer's.
    const stranger = await employerWithOrganization(t.db);
    expect((await employerView(stranger.actor)).newApplications.total).toBe(0);
  });

  it("shows booked interviews still to come, vacancies closing within 14 days and the events it takes part in", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const today = todayInShanghai();
    const soon = await createVacancy(t.db, organization.id, { title: "三天后截止" });
    const later = await createVacancy(t.db, organization.id, { title: "一个月后截止" });
    await t.db.updateTable("vacancy").set({ closing_date: addDays(today, 3) }).where("id", "=", soon.id).execute();
    await t.db.updateTable("vacancy").set({ closing_date: addDays(today, 30) }).where("id", "=", later.id).execute();

    const event = await createEvent(new Date(Date.now() + 4 * DAY));
    const participation = await participate(event.id, organization.id);
    const s1 = await createUser(t.db, { role: "seeker" });
    const s2 = await createUser(t.db, { role: "seeker" });
    await bookedSlot(participation.id, new Date(Date.now() + 4 * DAY + HOUR), (await register(event.id, s1.id)).id);
    await bookedSlot(participation.id, new Date(Date.now() + 4 * DAY + 2 * HOUR), (await register(event.id, s2.id)).id);
    await bookedSlot(participation.id, new Date(Date.now() + 4 * DAY + 3 * HOUR), null);
    const pending = await createEvent(new Date(Date.now() + 9 * DAY));
    await participate(pending.id, organization.id, "pending");

    const view = await employerView(actor);
    expect(view.closingSoon).toEqual({ total: 1, items: [{ id: soon.id, title: "三天后截止", closingDate: addDays(today, 3) }] });
    expect(view.interviews.total).toBe(2);
    expect(view.interviews.events).toEqual([expect.objectContaining({ id: event.id, title: event.title, count: 2 })]);
    expect(view.events.map((e) => [e.id, e.approved])).toEqual([
      [event.id, true],
      [pending.id, false],
    ]);
    expect(view.openVacancies).toBe(2);
  });

  it("states the quota position of the year as /employer/quota computes it", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const before = await employerView(actor);
    expect(before.quota).toMatchObject({ levy: null, savingPerHire: null });
    expect(await saveQuotaInputs(t.db, actor, { organizationId: organization.id, staffCount: "200", averageSalary: "60000" })).toMatchObject({ ok: true });
    const after = await employerView(actor);
    const { position } = await quotaPosition(t.db, actor, { organizationId: organization.id });
    expect(after.quota).toEqual({
      dataYear: position!.dataYear,
      levyYear: position!.levyYear,
      levy: {
        required: position!.levy!.requiredCount,
        counted: position!.levy!.countedDisabled,
        shortfall: position!.levy!.shortfall,
        payable: position!.levy!.payable,
        exemptReason: position!.levy!.exemptReason,
        upperBound: position!.localWageMissing,
      },
      savingPerHire: position!.savingPerHire,
    });
    expect(after.quota!.levy!.required).toBe("3");
  });

  it("an organization waiting for verification: its status, and no lists", async () => {
    const { actor, organization } = await employerWithOrganization(t.db, "pending");
    const v = await createVacancy(t.db, organization.id, { status: "draft" });
    await t.db.insertInto("application").values({ vacancy_id: v.id, seeker_id: (await createUser(t.db, { role: "seeker" })).id }).execute();
    const view = await employerView(actor);
    expect(view.organization).toEqual({ id: organization.id, name: organization.name, status: "pending" });
    expect(view).toMatchObject({ quota: null, newApplications: { total: 0 }, openVacancies: 0 });
    const none = await employerView(actorOf(await createUser(t.db, { role: "employer" })));
    expect(none.organization).toBeNull();
  });
});

describe("the counselor's dashboard", () => {
  async function counselorWithClient() {
    const c = await createUser(t.db, { role: "counselor", regionCode: "520102" });
    const counselor: Actor = { id: c.id, role: "counselor", regionCode: "520102" };
    const s = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, s.id, { idNumber: freshIdNumber(), realName: "张晓" });
    await t.db.insertInto("caseload_assignment").values({ seeker_id: s.id, counselor_id: c.id }).execute();
    return { counselor, seekerId: s.id };
  }

  it("counts overdue and due follow-ups, people not contacted, new assignments and the verification queue", async () => {
    const { counselor, seekerId } = await counselorWithClient();
    const today = todayInShanghai();
    const first = await counselorView(counselor);
    expect(first).toMatchObject({ overdue: 0, dueSoon: 0, caseload: 1, noContact: 1, verificationPending: 1 });
    expect(first.newAssignments).toEqual({ total: 1, people: [{ seekerId, name: "张晓" }] });

    await t.db.insertInto("individual_plan").values({ seeker_id: seekerId, updated_by: counselor.id }).execute();
    await t.db
      .insertInto("plan_action")
      .values([
        { seeker_id: seekerId, description: "投递简历", owner: "seeker", due_date: addDays(today, -2) },
        { seeker_id: seekerId, description: "参加面试辅导", owner: "counselor", due_date: addDays(today, 5) },
      ])
      .execute();
    await t.db.insertInto("service_record").values({ seeker_id: seekerId, counselor_id: counselor.id, type: "career_guidance", service_date: today }).execute();
    await t.db.insertInto("real_name_verification").values({ seeker_id: seekerId, verified_by: counselor.id, verified_on: today, employment_status: "unemployed" }).execute();
    expect(await counselorView(counselor)).toMatchObject({ overdue: 1, dueSoon: 1, noContact: 0, verificationPending: 0 });

    // A week later the assignment is no longer new.
    expect((await counselorView(counselor, new Date(Date.now() + 8 * DAY))).newAssignments.total).toBe(0);
  });

  it("lists unread messages from people on the caseload and referrals answered this week, and audits the names shown", async () => {
    const { counselor, seekerId } = await counselorWithClient();
    const stranger = await createUser(t.db, { role: "seeker" });
    await t.db
      .insertInto("message")
      .values([
        { seeker_id: seekerId, sender_id: seekerId, body: "我想问一下面试的事" },
        { seeker_id: seekerId, sender_id: seekerId, body: "还有交通补贴" },
        { seeker_id: seekerId, sender_id: counselor.id, body: "好的，我来安排" },
        // Someone else's thread is not this counselor's.
        { seeker_id: stranger.id, sender_id: stranger.id, body: "你好" },
      ])
      .execute();
    const { organization } = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, organization.id, { title: "数据录入员" });
    const old = await createVacancy(t.db, organization.id);
    await t.db
      .insertInto("referral")
      .values([
        { vacancy_id: v.id, seeker_id: seekerId, counselor_id: counselor.id, status: "accepted", responded_at: new Date() },
        { vacancy_id: old.id, seeker_id: seekerId, counselor_id: counselor.id, status: "declined", responded_at: new Date(Date.now() - 10 * DAY) },
      ])
      .execute();

    const view = await counselorView(counselor);
    expect(view.messages).toEqual({ total: 2, people: [{ seekerId, name: "张晓", count: 2 }] });
    expect(view.referralsAnswered).toEqual({ accepted: 1, declined: 0, items: [{ seekerId, name: "张晓", vacancyTitle: "数据录入员", status: "accepted" }] });
    const audit = await t.db.selectFrom("audit_event").select(["subject_user_id", "entity"]).where("actor_id", "=", counselor.id).execute();
    expect(audit).toContainEqual({ subject_user_id: seekerId, entity: "dashboard" });
    expect(audit.some((a) => a.subject_user_id === stranger.id)).toBe(false);

    await t.db.updateTable("message").set({ read_at: new Date() }).where("seeker_id", "=", seekerId).execute();
    expect((await counselorView(counselor)).messages).toEqual({ total: 0, people: [] });
  });
});

describe("the admin's dashboard", () => {
  it("pending organizations within the region only", async () => {
    const owner = await createUser(t.db, { role: "employer" });
    const pending = async (regionCode: string) => (await adminView({ id: owner.id, role: "admin", regionCode })).pendingOrganizations;
    const [here0, there0] = [await pending("522300"), await pending("520300")];
    await createOrganization(t.db, owner.id, { status: "pending", regionCode: "522301" });
    expect(await pending("522300")).toBe(here0 + 1);
    expect(await pending("520300")).toBe(there0);
  });

  it("new feedback for the province's admins only", async () => {
    const province: Actor = { id: (await createUser(t.db, { role: "admin", regionCode: "520000" })).id, role: "admin", regionCode: "520000" };
    const prefecture: Actor = { id: (await createUser(t.db, { role: "admin", regionCode: "520300" })).id, role: "admin", regionCode: "520300" };
    const before = (await adminView(province)).newFeedback!;
    const [row] = await t.db
      .insertInto("feedback")
      .values([
        { kind: "barrier", message: "验证码读屏软件读不出来", page: "/login" },
        { kind: "suggestion", message: "希望增加手语视频", status: "answered" },
      ])
      .returning("id")
      .execute();
    expect((await adminView(province)).newFeedback).toBe(before + 1);
    expect((await adminView(prefecture)).newFeedback).toBeNull();
    await t.db.updateTable("feedback").set({ status: "closed" }).where("id", "=", row!.id).execute();
    expect((await adminView(province)).newFeedback).toBe(before);
  });

  it("the region's headline figures for the year and the counts of what waits, within the region only", async () => {
    const here = await createUser(t.db, { role: "admin", regionCode: "522600" });
    const there = await createUser(t.db, { role: "admin", regionCode: "520300" });
    const actor: Actor = { id: here.id, role: "admin", regionCode: "522600" };
    const other: Actor = { id: there.id, role: "admin", regionCode: "520300" };
    const headline = (f: AdminFigures, code: string) => f.headlines.find((h) => h.code === code)!;
    const today = todayInShanghai();
    const [before, otherBefore] = [await adminView(actor), await adminView(other)];
    expect(before.year).toBe(Number(today.slice(0, 4)));
    expect(before.headlines.map((h) => h.code)).toEqual(["new_jobs", "graduate_employment_rate", "working_age_employment_rate", "real_name_verified"]);

    // A working-age man (an odd serial) with a certificate in 凯里市, not verified this quarter, who found a flexible job today.
    const seeker = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, seeker.id, { regionCode: "522601", idNumber: makeIdNumber(`19${80 + Math.floor(Math.random() * 20)}06${String(10 + Math.floor(Math.random() * 18))}`, "522601", 2 * Math.floor(Math.random() * 499) + 1) });
    await t.db
      .insertInto("employment")
      .values({ seeker_id: seeker.id, organization_id: null, employer_name: "社区灵活就业", form: "flexible", origin: "recorded", contract_start: today, social_insurance: false, monthly_pay: 1500 })
      .execute();
    // A declaration waiting for review, and an open objection to a disclosed employer of the region.
    const owner = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, owner.id, { regionCode: "522601" });
    await t.db
      .insertInto("quota_declaration")
      .values({ organization_id: org.id, levy_year: 2026, monthly_staff: Array.from({ length: 12 }, () => 50), salary_total: "3000000", status: "submitted" })
      .execute();
    const levyYear = 2040 + Math.floor(Math.random() * 55);
    await t.db.deleteFrom("quota_disclosure").where("levy_year", "=", levyYear).execute();
    const q = await t.db.insertInto("quota_disclosure").values({ levy_year: levyYear, objections_until: new Date(Date.now() + 86_400_000) }).returning("id").executeTakeFirstOrThrow();
    const entry = await t.db
      .insertInto("quota_disclosure_entry")
      .values({ disclosure_id: q.id, organization_id: org.id, organization_name: org.name, region_code: "522601", staff_count: "50", required_count: "0.75", counted_disabled: "0", met: false })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("quota_objection").values({ entry_id: entry.id, user_id: seeker.id, reason: "未安排残疾人" }).execute();

    const after = await adminView(actor);
    expect(headline(after, "new_jobs").actual).toBe(headline(before, "new_jobs").actual! + 1);
    const flexible = (f: AdminFigures) => headline(f, "new_jobs").breakdown?.find((b) => b.key === "flexible")?.value ?? 0;
    expect(flexible(after)).toBe(flexible(before) + 1);
    expect(after.verificationBacklog).toBe(before.verificationBacklog! + 1);
    expect(after.declarationsWaiting).toBe(before.declarationsWaiting + 1);
    expect(after.objectionsOpen).toBe(before.objectionsOpen + 1);
    expect(after.objectionsYear).toBeGreaterThanOrEqual(levyYear);

    // Verified today: off the backlog, onto the quarter's verified figure.
    await t.db.insertInto("real_name_verification").values({ seeker_id: seeker.id, verified_by: null, verified_on: today, employment_status: "employed", employment_form: "flexible" }).execute();
    const verified = await adminView(actor);
    expect(verified.verificationBacklog).toBe(before.verificationBacklog);
    expect(headline(verified, "real_name_verified").numerator).toBe(headline(after, "real_name_verified").numerator! + 1);

    // Another prefecture's admin sees none of it.
    const otherAfter = await adminView(other);
    expect(otherAfter).toMatchObject({
      verificationBacklog: otherBefore.verificationBacklog,
      declarationsWaiting: otherBefore.declarationsWaiting,
      objectionsOpen: otherBefore.objectionsOpen,
    });
    expect(headline(otherAfter, "new_jobs").actual).toBe(headline(otherBefore, "new_jobs").actual);
  });
});
