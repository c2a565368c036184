import { describe, expect, it } from "vitest";
import { createOrganization, createSeekerProfile, createUser, createVacancy, makeIdNumber } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import type { HireInput } from "./applications.schema";
import {
  applicantReference,
  applyToVacancy,
  getApplyPage,
  getMyApplication,
  hireApplicant,
  listApplicants,
  listMyApplications,
  markApplicationViewed,
  moveApplication,
  openApplicantForEmployer,
  withdrawApplication,
} from "./applications.server";

const t = useTestDatabase();

const seekerActor = (id: string): Actor => ({ id, role: "seeker", regionCode: null });
const employerActor = (id: string): Actor => ({ id, role: "employer", regionCode: null });

async function expect404(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
}

const HIRE: HireInput = { contractStart: "2026-12-01", contractEnd: "2027-11-30", socialInsurance: "yes", monthlyPay: 3500 };

/** An organization (verified) with an owner and one open vacancy. */
async function employerWithVacancy(openings = 2) {
  const owner = await createUser(t.db, { role: "employer" });
  const org = await createOrganization(t.db, owner.id);
  const vacancy = await createVacancy(t.db, org.id, { openings, accommodations: ["step_free_access", "flexible_hours"] });
  return { owner: employerActor(owner.id), org, vacancy };
}

/** A birth date spread over 35 years, so ID numbers stay unique in a PostgreSQL database many runs share. */
function randomBirth(): string {
  const d = new Date(Date.UTC(1970, 0, 1) + Math.floor(Math.random() * 35 * 365) * 86_400_000);
  return d.toISOString().slice(0, 10).replace(/-/g, "");
}

async function seeker(profile = true, overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const user = await createUser(t.db, { role: "seeker" });
  if (profile) await createSeekerProfile(t.db, user.id, { idNumber: makeIdNumber(randomBirth()), ...overrides });
  return seekerActor(user.id);
}

async function apply(actor: Actor, vacancyId: string, input: Partial<Parameters<typeof applyToVacancy>[3]> = {}) {
  const r = await applyToVacancy(t.db, actor, vacancyId, { accessRequests: [], disclosure: [], ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value.applicationId;
}

async function notificationsOf(userId: string) {
  return t.db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", userId).orderBy("id").execute();
}

describe("applying", () => {
  it("gives one application for concurrent duplicate submits, with one event and one notice to the employer", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => applyToVacancy(t.db, s, vacancy.id, { note: "你好", accessRequests: ["sign_interpreter"], disclosure: ["name"] })),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.applicationId : "failed")));
    expect(ids.size).toBe(1);
    expect([...ids][0]).not.toBe("failed");
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    const rows = await t.db.selectFrom("application").select(["id", "status", "access_requests", "disclosure"]).where("vacancy_id", "=", vacancy.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", access_requests: ["sign_interpreter"], disclosure: ["name"] });
    const events = await t.db.selectFrom("application_event").select("to_status").where("application_id", "=", rows[0]!.id).execute();
    expect(events).toEqual([{ to_status: "submitted" }]);
    expect(await notificationsOf(owner.id)).toEqual([
      { kind: "application.newApplicant", params: { vacancy: vacancy.title, reference: "01" }, link: `/employer/applications/${rows[0]!.id}` },
    ]);

    // Applying again later returns the same application.
    const again = await applyToVacancy(t.db, s, vacancy.id, { accessRequests: [], disclosure: [] });
    expect(again).toEqual({ ok: true, value: { applicationId: rows[0]!.id, created: false } });
  });

  it("refuses closed and filled vacancies, hides drafts and other organizations' unverified vacancies", async () => {
    const owner = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, owner.id);
    const s = await seeker();
    for (const status of ["closed", "filled"] as const) {
      const v = await createVacancy(t.db, org.id, { status });
      expect(await applyToVacancy(t.db, s, v.id, { accessRequests: [], disclosure: [] })).toEqual({
        ok: false,
        fieldErrors: { "": ["applications.err.notOpen"] },
      });
      expect((await getApplyPage(t.db, s, v.id)).vacancy.accepting).toBe(false);
    }
    const draft = await createVacancy(t.db, org.id, { status: "draft" });
    await expect404(applyToVacancy(t.db, s, draft.id, { accessRequests: [], disclosure: [] }));
    const pendingOrg = await createOrganization(t.db, owner.id, { status: "pending" });
    const hidden = await createVacancy(t.db, pendingOrg.id);
    await expect404(getApplyPage(t.db, s, hidden.id));
    await expect404(getApplyPage(t.db, s, "not-a-uuid"));
    await expect404(getApplyPage(t.db, s, "00000000-0000-4000-8000-000000000000"));
  });

  it("only seekers apply", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    await expect404(applyToVacancy(t.db, owner, vacancy.id, { accessRequests: [], disclosure: [] }));
  });

  it("lets a seeker without a profile apply, and says what the profile is missing", async () => {
    const { vacancy } = await employerWithVacancy();
    const bare = await seeker(false);
    const page = await getApplyPage(t.db, bare, vacancy.id);
    expect(page.missing).toEqual(["profile"]);
    expect(page.profile).toBeNull();
    expect(page.has).toMatchObject({ name: false, certificate: false, contact: true });
    await apply(bare, vacancy.id);

    const partial = await seeker(true, { skills: [], education: undefined });
    await t.db.updateTable("seeker_profile").set({ education: null, current_region_code: null }).where("user_id", "=", partial.id).execute();
    expect((await getApplyPage(t.db, partial, vacancy.id)).missing).toEqual(["region", "education", "skills"]);

    const full = await seeker(true, { skills: ["办公软件"] });
    const fullPage = await getApplyPage(t.db, full, vacancy.id);
    expect(fullPage.missing).toEqual([]);
    expect(fullPage.profile).toMatchObject({ regionName: "南明区", education: "college", skills: ["办公软件"] });
    expect(fullPage.existing).toBeNull();
    const id = await apply(full, vacancy.id);
    expect((await getApplyPage(t.db, full, vacancy.id)).existing).toEqual({ id, status: "submitted" });
  });
});

describe("a seeker's own applications", () => {
  it("lists only their own, newest change first, twenty to a page", async () => {
    const owner = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, owner.id);
    const s = await seeker();
    const other = await seeker();
    for (let i = 0; i < 21; i++) {
      const v = await createVacancy(t.db, org.id, { title: `岗位${i}` });
      await apply(s, v.id);
    }
    const v = await createVacancy(t.db, org.id);
    await apply(other, v.id);
    const first = await listMyApplications(t.db, s, 1);
    expect(first.total).toBe(21);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.vacancyTitle).toBe("岗位20");
    expect(first.items[0]!.organizationName).toBe(org.name);
    const second = await listMyApplications(t.db, s, 2);
    expect(second.items.map((i) => i.vacancyTitle)).toEqual(["岗位0"]);
    expect((await listMyApplications(t.db, other, 1)).total).toBe(1);
  });

  it("cannot be read or withdrawn by another seeker, nor read through the seeker page by the employer", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker();
    const other = await seeker();
    const id = await apply(s, vacancy.id, { note: "我的留言" });
    const mine = await getMyApplication(t.db, s, id);
    expect(mine).toMatchObject({ status: "submitted", note: "我的留言", canWithdraw: true });
    expect(mine.events.map((e) => [e.to, e.by])).toEqual([["submitted", "seeker"]]);
    await expect404(getMyApplication(t.db, other, id));
    await expect404(withdrawApplication(t.db, other, id));
    await expect404(getMyApplication(t.db, owner, id));
    await expect404(getMyApplication(t.db, s, "bad-id"));
  });

  it("withdraws from an open status once, and never after the end", async () => {
    const { owner, vacancy } = await employerWithVacancy(5);
    const s = await seeker();
    const id = await apply(s, vacancy.id);
    await markApplicationViewed(t.db, owner, id);
    await moveApplication(t.db, owner, id, { to: "interview", message: "周一面试" });
    expect(await withdrawApplication(t.db, s, id)).toEqual({ ok: true, value: { status: "withdrawn" } });
    const after = await getMyApplication(t.db, s, id);
    expect(after.status).toBe("withdrawn");
    expect(after.canWithdraw).toBe(false);
    expect(after.events.map((e) => e.to)).toEqual(["submitted", "viewed", "interview", "withdrawn"]);
    expect(after.events[2]).toMatchObject({ by: "employer", message: "周一面试" });
    expect(await withdrawApplication(t.db, s, id)).toEqual({ ok: false, fieldErrors: { "": ["applications.err.cannotWithdraw"] } });
    expect((await notificationsOf(owner.id)).map((n) => [n.kind, n.params])).toEqual([
      ["application.newApplicant", { vacancy: vacancy.title, reference: "01" }],
      ["application.applicantWithdrew", { vacancy: vacancy.title, reference: "01" }],
    ]);
    // The employer cannot move a withdrawn application on.
    expect(await moveApplication(t.db, owner, id, { to: "offered" })).toEqual({ ok: false, fieldErrors: { to: ["applications.err.illegalMove"] } });

    const s2 = await seeker();
    const hiredId = await apply(s2, vacancy.id);
    expect((await hireApplicant(t.db, owner, hiredId, HIRE)).ok).toBe(true);
    expect(await withdrawApplication(t.db, s2, hiredId)).toEqual({ ok: false, fieldErrors: { "": ["applications.err.cannotWithdraw"] } });
  });
});

describe("employers and applicants", () => {
  it("opening an application only reads: nothing changes and nobody is told", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker();
    const id = await apply(s, vacancy.id);
    const row = () => t.db.selectFrom("application").select(["status", "updated_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    const before = await row();
    for (let i = 0; i < 2; i++) {
      const detail = await openApplicantForEmployer(t.db, owner, id);
      expect(detail).toMatchObject({ status: "submitted", canMarkViewed: true, moves: ["interview", "offered", "rejected"], canHire: true });
      expect(detail.events.map((e) => e.to)).toEqual(["submitted"]);
    }
    expect(await row()).toEqual(before);
    expect(await t.db.selectFrom("application_event").select("to_status").where("application_id", "=", id).execute()).toEqual([{ to_status: "submitted" }]);
    expect(await notificationsOf(s.id)).toEqual([]);
    expect((await getMyApplication(t.db, s, id)).status).toBe("submitted");
  });

  it("marking viewed is an explicit step: once, with one notice, also when sent twice at once", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker();
    const id = await apply(s, vacancy.id);
    const twice = await Promise.all([markApplicationViewed(t.db, owner, id), markApplicationViewed(t.db, owner, id)]);
    expect(twice.map((r) => (r.ok ? r.value.changed : null)).sort()).toEqual([false, true]);
    expect(twice.every((r) => r.ok && r.value.status === "viewed")).toBe(true);
    const detail = await openApplicantForEmployer(t.db, owner, id);
    expect(detail).toMatchObject({ status: "viewed", canMarkViewed: false, moves: ["interview", "offered", "rejected"] });
    expect(detail.events.map((e) => [e.to, e.by])).toEqual([
      ["submitted", "seeker"],
      ["viewed", "employer"],
    ]);
    expect(await notificationsOf(s.id)).toEqual([{ kind: "application.status", params: { vacancy: vacancy.title, status: "viewed" }, link: `/applications/${id}` }]);
    // Once it has moved on, marking it viewed changes nothing (a later status says it was seen).
    await moveApplication(t.db, owner, id, { to: "interview" });
    expect(await markApplicationViewed(t.db, owner, id)).toEqual({ ok: true, value: { status: "interview", changed: false } });
    expect((await notificationsOf(s.id)).map((n) => (n.params as { status: string }).status)).toEqual(["viewed", "interview"]);
  });

  it("any other move from submitted is made directly, without a viewed step", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    for (const to of ["interview", "offered", "rejected"] as const) {
      const s = await seeker();
      const id = await apply(s, vacancy.id);
      expect(await moveApplication(t.db, owner, id, { to })).toEqual({ ok: true, value: { status: to } });
      expect((await getMyApplication(t.db, s, id)).events.map((e) => e.to)).toEqual(["submitted", to]);
      expect((await notificationsOf(s.id)).map((n) => (n.params as { status: string }).status)).toEqual([to]);
    }
  });

  it("shows the anonymous profile and only the disclosed details, auditing the read", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker(true, { realName: "王小明", needsRequired: ["step_free_access", "sign_language"], grade: 2 });
    const id = await apply(s, vacancy.id, { disclosure: ["name"], accessRequests: ["sign_interpreter"] });
    const detail = await openApplicantForEmployer(t.db, owner, id, { ip: "203.0.113.9" });
    expect(detail.disclosed).toEqual({ name: "王小明" });
    expect(detail.profile).toMatchObject({
      regionName: "南明区",
      requiredMet: [
        { code: "step_free_access", offered: true },
        { code: "sign_language", offered: false },
      ],
    });
    expect(JSON.stringify(detail)).not.toMatch(/certificate_number|id_number/);
    expect(detail.accessRequests).toEqual(["sign_interpreter"]);
    const audit = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "subject_user_id", "action", "entity", "entity_id", "ip"])
      .where("entity_id", "=", id)
      .execute();
    expect(audit).toEqual([
      { actor_id: owner.id, subject_user_id: s.id, action: "read", entity: "application_disclosure", entity_id: id, ip: "203.0.113.9" },
    ]);

    // Every disclosure chosen: each shows; still one audit row per read.
    const all = await seeker(true, { realName: "李四", category: "hearing", grade: 2 });
    const allId = await apply(all, vacancy.id, { disclosure: ["name", "contact", "disability", "certificate"] });
    const full = await openApplicantForEmployer(t.db, owner, allId);
    expect(full.disclosed).toMatchObject({ name: "李四", disabilityCategory: "hearing", disabilityGrade: 2 });
    expect(full.disclosed.phone).toMatch(/^1\d{10}$/);
    expect(full.disclosed.certificateNumber).toMatch(/^\d{17}[\dX]22$/);

    // Withdrawing takes the consent back: the employer no longer sees the disclosed details.
    expect((await withdrawApplication(t.db, all, allId)).ok).toBe(true);
    expect((await openApplicantForEmployer(t.db, owner, allId)).disclosed).toEqual({});

    // Nothing disclosed: nothing read, nothing audited.
    const quiet = await seeker(true, { realName: "赵六" });
    const quietId = await apply(quiet, vacancy.id);
    const quietDetail = await openApplicantForEmployer(t.db, owner, quietId);
    expect(quietDetail.disclosed).toEqual({});
    expect(JSON.stringify(quietDetail)).not.toContain("赵六");
    expect(await t.db.selectFrom("audit_event").select("id").where("entity_id", "=", quietId).execute()).toEqual([]);
  });

  it("lists a vacancy's applicants with counts per status and a status filter", async () => {
    const { owner, vacancy } = await employerWithVacancy(5);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await apply(await seeker(true, { needsRequired: ["step_free_access"], skills: ["打字"] }), vacancy.id));
    await apply(await seeker(false), vacancy.id);
    await openApplicantForEmployer(t.db, owner, ids[0]!);
    await moveApplication(t.db, owner, ids[0]!, { to: "rejected" });
    const list = await listApplicants(t.db, owner, vacancy.id);
    expect(list.total).toBe(4);
    expect(list.counts).toEqual({ submitted: 3, rejected: 1 });
    const withProfile = list.items.filter((i) => i.profile);
    expect(withProfile).toHaveLength(3);
    expect(withProfile[0]!.profile).toMatchObject({ skills: ["打字"], requiredMet: [{ code: "step_free_access", offered: true }] });
    expect(list.items.find((i) => !i.profile)?.seekerGone).toBe(false);
    const rejected = await listApplicants(t.db, owner, vacancy.id, { status: "rejected" });
    expect(rejected.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(rejected.total).toBe(1);
    // Names never reach the list.
    expect(JSON.stringify(list)).not.toContain("测试求职者");
    // Applicants are numbered within the vacancy in order of application (issue 15): "求职者 01" … newest first.
    expect(list.items.map((i) => i.reference)).toEqual(["04", "03", "02", "01"]);
    expect(list.items.find((i) => i.id === ids[0])!.reference).toBe("01");
    expect((await openApplicantForEmployer(t.db, owner, ids[1]!)).reference).toBe("02");
  });

  it("numbers applicants per vacancy, one number each also when many apply at once; two digits, more when needed", async () => {
    const { owner, vacancy } = await employerWithVacancy(5);
    const other = await employerWithVacancy();
    const people = await Promise.all(Array.from({ length: 8 }, () => seeker()));
    const results = await Promise.all(people.map((p) => applyToVacancy(t.db, p, vacancy.id, { accessRequests: [], disclosure: [] })));
    expect(results.every((r) => r.ok && r.value.created)).toBe(true);
    const list = await listApplicants(t.db, owner, vacancy.id);
    expect(list.items.map((i) => i.reference).sort()).toEqual(["01", "02", "03", "04", "05", "06", "07", "08"]);
    // Another vacancy counts from 1 again.
    const firstElsewhere = await apply(people[0]!, other.vacancy.id);
    expect((await openApplicantForEmployer(t.db, other.owner, firstElsewhere)).reference).toBe("01");
    expect(applicantReference(7)).toBe("07");
    expect(applicantReference(123)).toBe("123");
  });

  it("gives a member of organization A 404 for organization B's applicants, applications, moves and hires", async () => {
    const a = await employerWithVacancy();
    const b = await employerWithVacancy();
    const s = await seeker();
    const id = await apply(s, b.vacancy.id, { disclosure: ["name"] });
    await expect404(listApplicants(t.db, a.owner, b.vacancy.id));
    await expect404(openApplicantForEmployer(t.db, a.owner, id));
    await expect404(markApplicationViewed(t.db, a.owner, id));
    await expect404(moveApplication(t.db, a.owner, id, { to: "interview" }));
    await expect404(hireApplicant(t.db, a.owner, id, HIRE));
    // A seeker cannot use the employer side either, not even for their own application.
    await expect404(listApplicants(t.db, s, b.vacancy.id));
    await expect404(openApplicantForEmployer(t.db, s, id));
    await expect404(markApplicationViewed(t.db, s, id));
    await expect404(moveApplication(t.db, s, id, { to: "interview" }));
    // Nothing changed, nothing was read.
    const row = await t.db.selectFrom("application").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
    expect(await t.db.selectFrom("audit_event").select("id").where("entity_id", "=", id).execute()).toEqual([]);
    // A recruiter added to B can.
    const recruiter = await createUser(t.db, { role: "employer" });
    await t.db.insertInto("organization_member").values({ organization_id: b.org.id, user_id: recruiter.id, role: "recruiter" }).execute();
    expect((await listApplicants(t.db, employerActor(recruiter.id), b.vacancy.id)).total).toBe(1);
  });

  it("notifies the applicant of every move and refuses illegal ones", async () => {
    const { owner, vacancy } = await employerWithVacancy();
    const s = await seeker();
    const id = await apply(s, vacancy.id);
    await markApplicationViewed(t.db, owner, id);
    expect(await moveApplication(t.db, owner, id, { to: "interview", message: "请于周一上午十点到公司面试" })).toEqual({ ok: true, value: { status: "interview" } });
    expect(await moveApplication(t.db, owner, id, { to: "interview" })).toEqual({ ok: false, fieldErrors: { to: ["applications.err.illegalMove"] } });
    expect(await moveApplication(t.db, owner, id, { to: "offered" })).toEqual({ ok: true, value: { status: "offered" } });
    expect(await moveApplication(t.db, owner, id, { to: "rejected", message: "感谢您的申请" })).toEqual({ ok: true, value: { status: "rejected" } });
    expect(await moveApplication(t.db, owner, id, { to: "offered" })).toEqual({ ok: false, fieldErrors: { to: ["applications.err.illegalMove"] } });
    expect(await hireApplicant(t.db, owner, id, HIRE)).toEqual({ ok: false, fieldErrors: { "": ["applications.err.illegalMove"] } });
    const statuses = (await notificationsOf(s.id)).map((n) => (n.params as { status: string }).status);
    expect(statuses).toEqual(["viewed", "interview", "offered", "rejected"]);
    const events = await t.db
      .selectFrom("application_event")
      .select(["from_status", "to_status", "message", "actor_id"])
      .where("application_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => `${e.from_status}→${e.to_status}`)).toEqual(["null→submitted", "submitted→viewed", "viewed→interview", "interview→offered", "offered→rejected"]);
    expect(events[2]).toMatchObject({ message: "请于周一上午十点到公司面试", actor_id: owner.id });
  });
});

describe("hiring", () => {
  it("creates the employment record with the grade snapshot and fills the vacancy at its openings", async () => {
    const { owner, org, vacancy } = await employerWithVacancy(2);
    const first = await seeker(true, { grade: 2 });
    const second = await seeker(false);
    const id1 = await apply(first, vacancy.id, { disclosure: ["disability"] });
    const id2 = await apply(second, vacancy.id);
    await moveApplication(t.db, owner, id1, { to: "interview" });
    // Interview → hired without a separate offer.
    expect(await hireApplicant(t.db, owner, id1, HIRE)).toMatchObject({ ok: true, value: { vacancyFilled: false } });
    const employment = await t.db
      .selectFrom("employment")
      .select(["organization_id", "seeker_id", "vacancy_id", "contract_start", "contract_end", "social_insurance", "monthly_pay", "disability_grade", "created_by"])
      .where("application_id", "=", id1)
      .executeTakeFirstOrThrow();
    expect(employment).toEqual({
      organization_id: org.id,
      seeker_id: first.id,
      vacancy_id: vacancy.id,
      contract_start: "2026-12-01",
      contract_end: "2027-11-30",
      social_insurance: true,
      monthly_pay: 3500,
      disability_grade: 2,
      created_by: owner.id,
    });
    const gradeReads = await t.db.selectFrom("audit_event").select(["actor_id", "subject_user_id"]).where("entity", "=", "employment_grade").where("entity_id", "=", id1).execute();
    expect(gradeReads).toEqual([{ actor_id: owner.id, subject_user_id: first.id }]);
    expect((await t.db.selectFrom("vacancy").select("status").where("id", "=", vacancy.id).executeTakeFirstOrThrow()).status).toBe("open");

    // Open-ended, no insurance, no profile (no grade): the second hire reaches the openings.
    expect(await hireApplicant(t.db, owner, id2, { contractStart: "2026-12-15", socialInsurance: "no", monthlyPay: 2200 })).toMatchObject({
      ok: true,
      value: { vacancyFilled: true },
    });
    const e2 = await t.db.selectFrom("employment").select(["contract_end", "social_insurance", "disability_grade"]).where("application_id", "=", id2).executeTakeFirstOrThrow();
    expect(e2).toEqual({ contract_end: null, social_insurance: false, disability_grade: null });
    expect((await t.db.selectFrom("vacancy").select("status").where("id", "=", vacancy.id).executeTakeFirstOrThrow()).status).toBe("filled");
    expect((await notificationsOf(first.id)).map((n) => (n.params as { status: string }).status)).toEqual(["interview", "hired"]);
    const detail = await openApplicantForEmployer(t.db, owner, id1);
    expect(detail).toMatchObject({ status: "hired", canHire: false, moves: [], employment: { monthlyPay: 3500, socialInsurance: true } });
  });

  it("never creates two employment records for one application, also when hires race", async () => {
    const { owner, vacancy } = await employerWithVacancy(3);
    const s = await seeker();
    const id = await apply(s, vacancy.id);
    const results = await Promise.all([hireApplicant(t.db, owner, id, HIRE), hireApplicant(t.db, owner, id, HIRE), hireApplicant(t.db, owner, id, HIRE)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await hireApplicant(t.db, owner, id, HIRE)).toEqual({ ok: false, fieldErrors: { "": ["applications.err.alreadyHired"] } });
    expect(await t.db.selectFrom("employment").select("id").where("application_id", "=", id).execute()).toHaveLength(1);
    const hiredEvents = await t.db.selectFrom("application_event").select("id").where("application_id", "=", id).where("to_status", "=", "hired").execute();
    expect(hiredEvents).toHaveLength(1);
  });

  it("counts concurrent hires for different applicants against the openings", async () => {
    const { owner, vacancy } = await employerWithVacancy(2);
    const ids = [];
    for (let i = 0; i < 2; i++) ids.push(await apply(await seeker(), vacancy.id));
    const results = await Promise.all(ids.map((id) => hireApplicant(t.db, owner, id, HIRE)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.vacancyFilled)).toHaveLength(1);
    expect((await t.db.selectFrom("vacancy").select("status").where("id", "=", vacancy.id).executeTakeFirstOrThrow()).status).toBe("filled");
  });
});

describe("the application fixture", () => {
  it("builds any status with its timeline, readable through the use-cases", async () => {
    const { createApplication } = await import("../../../tests/fixtures/applications");
    const { owner, vacancy } = await employerWithVacancy(5);
    for (const status of ["submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"] as const) {
      const s = await seeker();
      const a = await createApplication(t.db, { vacancyId: vacancy.id, seekerId: s.id, employerUserId: owner.id, status });
      const mine = await getMyApplication(t.db, s, a.id);
      expect(mine.status).toBe(status);
      expect(mine.events.at(-1)?.to).toBe(status);
    }
    expect((await listApplicants(t.db, owner, vacancy.id)).total).toBe(7);
    expect(await t.db.selectFrom("employment").select("id").where("vacancy_id", "=", vacancy.id).execute()).toHaveLength(1);
  });
});
