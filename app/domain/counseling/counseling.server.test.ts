import { describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { createApplication as createApplicationRow } from "../../../tests/fixtures/applications";
import { createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import { applyToVacancy, hireApplicant, moveApplication } from "../applications/applications.server";
import type { Actor } from "../permissions";
import { getProfile } from "../seekers/seekers.server";
import { currentCounselorOf } from "./access.server";
import { dashboardSummary } from "../dashboard/dashboard.server";
import { assignmentHistory, assignmentPage, assignSeeker, caseloadCounts, getCaseload, regionOverview, suggestCounselor, type CounselorSummary } from "./caseload.server";
import { getClientOverview } from "./client.server";
import { graduateCohort, targetFor } from "./cohorts.server";
import type { CaseloadQuery } from "./counseling.schema";
import { clientFollowUps, dueCounts, dueList, getCheckpointForm, recordCheckpoint } from "./follow-up.server";
import { addAction, addService, clientTimeline, getClientPlan, getMyPlan, savePlan, setActionStatus } from "./plans.server";
import { clientMatches, clientReferrals, declineReferral, listMyReferrals, referVacancy } from "./referrals.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

/** A word no other test uses, so rows found by it are this test's (the PostgreSQL test database is shared). */
function token() {
  return `zq${Math.random().toString(36).slice(2, 9)}`;
}

/** Noon of a calendar day in Asia/Shanghai, for the use-cases' `now`. */
function on(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

async function staff(role: Extract<Role, "counselor" | "admin">, regionCode: string, displayName?: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode, displayName });
  return { id: u.id, role, regionCode };
}

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), ...overrides });
  const actor: Actor = { id: u.id, role: "seeker", regionCode: null };
  return { id: u.id, actor };
}

let provinceAdmin: Actor | undefined;
async function province(): Promise<Actor> {
  provinceAdmin ??= await staff("admin", "520000");
  return provinceAdmin;
}

async function assign(seekerId: string, counselor: Actor, by?: Actor) {
  const r = await assignSeeker(t.db, by ?? (await province()), { seekerId, counselorId: counselor.id, note: "" });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
}

async function notificationsOf(userId: string) {
  return t.db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute();
}

async function kindsOf(userId: string) {
  return (await notificationsOf(userId)).map((n) => n.kind);
}

/** What a promise settles to: "ok", the status of a thrown Response, or the error's text. */
async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

const QUERY: CaseloadQuery = { q: "", graduationYear: null, filters: [], sort: "name", page: 1 };

/** An employer with an open vacancy; the vacancy's fields can be overridden. */
async function openVacancy(overrides: Parameters<typeof createVacancy>[2] = {}) {
  const e = await employerWithOrganization(t.db);
  const vacancy = await createVacancy(t.db, e.organization.id, overrides);
  return { owner: e.actor, organization: e.organization, vacancy };
}

/** A hire recorded directly (no use-case rules): the employment row, with its application. */
async function hired(seekerId: string, employment: { contractStart: string; contractEnd?: string | null }) {
  const { vacancy, owner } = await openVacancy({ openings: 5 });
  const application = await createApplicationRow(t.db, { vacancyId: vacancy.id, seekerId, employerUserId: owner.id, status: "hired", employment });
  const row = await t.db.selectFrom("employment").select("id").where("application_id", "=", application.id).executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------------------------------------------------------

describe("access (the issue's acceptance): only the seeker's current counselor", () => {
  function useCases(actor: Actor, seekerId: string, ids: { vacancyId: string; employmentId: string; actionId: string }) {
    return {
      getClientOverview: () => getClientOverview(t.db, actor, seekerId),
      getClientPlan: () => getClientPlan(t.db, actor, seekerId),
      savePlan: () => savePlan(t.db, actor, seekerId, { goals: "改写", barriers: "", status: "paused" }),
      addAction: () => addAction(t.db, actor, seekerId, { description: "越权", owner: "seeker", dueDate: "2026-07-01" }),
      setActionStatus: () => setActionStatus(t.db, actor, seekerId, ids.actionId, "dropped"),
      addService: () => addService(t.db, actor, seekerId, { type: "career_guidance", serviceDate: "2026-06-01", notes: "", outcome: "" }),
      referVacancy: () => referVacancy(t.db, actor, seekerId, { vacancyId: ids.vacancyId, message: "" }),
      clientMatches: () => clientMatches(t.db, actor, seekerId),
      clientTimeline: () => clientTimeline(t.db, actor, seekerId),
      clientReferrals: () => clientReferrals(t.db, actor, seekerId),
      clientFollowUps: () => clientFollowUps(t.db, actor, seekerId),
      getCheckpointForm: () => getCheckpointForm(t.db, actor, seekerId, ids.employmentId, 1),
      recordCheckpoint: () => recordCheckpoint(t.db, actor, seekerId, ids.employmentId, 1, { stillEmployed: "no", contractYearOrMore: "no", note: "" }),
      getProfile: () => getProfile(t.db, actor, seekerId),
    };
  }

  async function outcomes(calls: Record<string, () => Promise<unknown>>, only?: string[]) {
    const result: Record<string, string | number> = {};
    for (const [name, call] of Object.entries(calls)) if (!only || only.includes(name)) result[name] = await outcome(call());
    return result;
  }

  const READS = ["getClientOverview", "getClientPlan", "clientMatches", "clientTimeline", "clientReferrals", "clientFollowUps", "getCheckpointForm", "getProfile"];
  const all = (names: string[], value: string | number) => Object.fromEntries(names.map((n) => [n, value]));

  it("404 for a seeker nobody is assigned, a colleague's seeker and an admin; reassignment moves access", async () => {
    const mine = await staff("counselor", "520102");
    const colleague = await staff("counselor", "520102");
    const elsewhere = await staff("counselor", "520302");
    const admin = await staff("admin", "520100");
    const s = await seeker({ regionCode: "520102", needsRequired: [] });
    const { vacancy } = await openVacancy({ regionCode: "520102" });
    const employmentId = await hired(s.id, { contractStart: "2026-05-01" });
    const ids: { vacancyId: string; employmentId: string; actionId: string } = { vacancyId: vacancy.id, employmentId, actionId: crypto.randomUUID() };
    const names = Object.keys(useCases(mine, s.id, ids));

    // Nobody assigned yet.
    expect(await outcomes(useCases(mine, s.id, ids))).toEqual(all(names, 404));

    await assign(s.id, colleague);
    const action = await addAction(t.db, colleague, s.id, { description: "准备简历", owner: "seeker", dueDate: "2026-07-01" });
    if (!action.ok) throw new Error("addAction failed");
    ids.actionId = action.value.actionId;

    for (const other of [mine, elsewhere, admin, s.actor]) {
      expect(await outcomes(useCases(other, s.id, ids))).toEqual({ ...all(names, 404), ...(other === s.actor ? { getProfile: "ok" } : {}) });
    }
    // Nothing the refused calls would have written was written.
    expect(await t.db.selectFrom("plan_action").select(["description", "status"]).where("seeker_id", "=", s.id).execute()).toEqual([
      { description: "准备简历", status: "open" },
    ]);
    expect(await t.db.selectFrom("individual_plan").select(["goals", "status"]).where("seeker_id", "=", s.id).execute()).toEqual([{ goals: "", status: "active" }]);
    expect(await t.db.selectFrom("service_record").select("id").where("seeker_id", "=", s.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("referral").select("id").where("seeker_id", "=", s.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("employment_checkpoint").select("month").where("employment_id", "=", employmentId).execute()).toEqual([]);
    expect(await t.db.selectFrom("employment").select("ended_on").where("id", "=", employmentId).executeTakeFirstOrThrow()).toEqual({ ended_on: null });

    expect(await outcomes(useCases(colleague, s.id, ids), READS)).toEqual(all(READS, "ok"));

    // Reassigned: the old counselor loses access, the new one gains it.
    await assign(s.id, mine);
    expect(await outcomes(useCases(colleague, s.id, ids))).toEqual(all(names, 404));
    expect(await outcomes(useCases(mine, s.id, ids), READS)).toEqual(all(READS, "ok"));
    expect(await setActionStatus(t.db, mine, s.id, ids.actionId, "done")).toEqual({ ok: true, value: null });
  });

  it("the assigned counselor reads the full profile, and the read is audited with the reason", async () => {
    const c = await staff("counselor", "520103");
    const s = await seeker({ regionCode: "520103", realName: "周实名" });
    await assign(s.id, c);
    const profile = await getProfile(t.db, c, s.id, { ip: "10.0.0.9" });
    expect(profile).toMatchObject({ personal: { realName: "周实名" } });
    const audit = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "subject_user_id", "action", "entity", "entity_id", "reason", "ip"])
      .where("actor_id", "=", c.id)
      .execute();
    expect(audit).toEqual([{ actor_id: c.id, subject_user_id: s.id, action: "read", entity: "seeker_profile", entity_id: s.id, reason: "caseload", ip: "10.0.0.9" }]);

    // The client page reads the profile (audited) and the plan through the same check.
    const overview = await getClientOverview(t.db, c, s.id);
    expect(overview.profile).toMatchObject({ personal: { realName: "周实名" } });
    expect(overview.assignments).toHaveLength(1);
    const entities = await t.db.selectFrom("audit_event").select("entity").where("actor_id", "=", c.id).where("subject_user_id", "=", s.id).execute();
    expect(entities.filter((e) => e.entity === "seeker_profile")).toHaveLength(2);
  });

  it("a caseload is read by its counselor and by staff whose region holds it; others get 404", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const readers: Record<string, Actor> = {
      self: c,
      sameRegionCounselor: await staff("counselor", "520102"),
      prefectureAdmin: await staff("admin", "520100"),
      provinceAdmin: await province(),
      otherRegionCounselor: await staff("counselor", "520302"),
      otherPrefectureAdmin: await staff("admin", "520300"),
      otherCountyAdmin: await staff("admin", "520103"),
      seeker: s.actor,
      employer: (await employerWithOrganization(t.db)).actor,
    };
    const result: Record<string, string | number> = {};
    for (const [name, actor] of Object.entries(readers)) result[name] = await outcome(getCaseload(t.db, actor, c.id, QUERY));
    expect(result).toEqual({
      self: "ok",
      sameRegionCounselor: "ok",
      prefectureAdmin: "ok",
      provinceAdmin: "ok",
      otherRegionCounselor: 404,
      otherPrefectureAdmin: 404,
      otherCountyAdmin: 404,
      seeker: 404,
      employer: 404,
    });
    const own = await getCaseload(t.db, c, c.id, QUERY);
    expect(own).toMatchObject({ isOwn: true, counts: { total: 1 }, counselor: { id: c.id, regionCode: "520102", caseloadSize: 1 } });
    expect(own.rows.map((r) => r.seekerId)).toEqual([s.id]);
    expect((await getCaseload(t.db, await province(), c.id, QUERY)).isOwn).toBe(false);
    // A seeker's id names no counselor.
    await expect(getCaseload(t.db, await province(), s.id, QUERY)).rejects.toMatchObject(NOT_FOUND);
  });

  it("an id that is not a UUID names nothing: 404", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const employmentId = await hired(s.id, { contractStart: "2026-01-05" });
    expect({
      getClientOverview: await outcome(getClientOverview(t.db, c, "not-a-uuid")),
      getClientPlan: await outcome(getClientPlan(t.db, c, "42")),
      savePlan: await outcome(savePlan(t.db, c, "x", { goals: "", barriers: "", status: "active" })),
      addService: await outcome(addService(t.db, c, "'; drop table", { type: "career_guidance", serviceDate: "2026-01-01", notes: "", outcome: "" })),
      getCaseload: await outcome(getCaseload(t.db, c, "nope", QUERY)),
      checkpointEmployment: await outcome(getCheckpointForm(t.db, c, s.id, "nope", 1)),
      checkpointMonth: await outcome(getCheckpointForm(t.db, c, s.id, employmentId, 2)),
      checkpointOtherEmployment: await outcome(getCheckpointForm(t.db, c, s.id, crypto.randomUUID(), 1)),
      declineReferral: await outcome(declineReferral(t.db, s.actor, "nope")),
    }).toEqual({
      getClientOverview: 404,
      getClientPlan: 404,
      savePlan: 404,
      addService: 404,
      getCaseload: 404,
      checkpointEmployment: 404,
      checkpointMonth: 404,
      checkpointOtherEmployment: 404,
      declineReferral: 404,
    });
  });

  it("getProfile answers 404 (not a database error) for an id that is not a UUID, whoever asks", async () => {
    const c = await staff("counselor", "520102");
    const employer = (await employerWithOrganization(t.db)).actor;
    expect({ counselor: await outcome(getProfile(t.db, c, "not-a-uuid")), employer: await outcome(getProfile(t.db, employer, "not-a-uuid")) }).toEqual({
      counselor: 404,
      employer: 404,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("assignment", () => {
  it("the counselor must serve the seeker's place, and both must lie within the assigner's region", async () => {
    const s = await seeker({ regionCode: "520102" });
    const zunyiCounselor = await staff("counselor", "520302");
    const guiyangAdmin = await staff("admin", "520100");
    const zunyiAdmin = await staff("admin", "520300");
    const nanmingCounselor = await staff("counselor", "520102");

    expect(await assignSeeker(t.db, await province(), { seekerId: s.id, counselorId: zunyiCounselor.id, note: "" })).toEqual({
      ok: false,
      fieldErrors: { counselorId: ["counseling.err.counselorNotServing"] },
    });
    expect(await assignSeeker(t.db, zunyiAdmin, { seekerId: s.id, counselorId: nanmingCounselor.id, note: "" })).toEqual({
      ok: false,
      fieldErrors: { "": ["counseling.err.seekerGone"] },
    });
    expect(await assignSeeker(t.db, guiyangAdmin, { seekerId: s.id, counselorId: zunyiCounselor.id, note: "" })).toEqual({
      ok: false,
      fieldErrors: { counselorId: ["counseling.err.counselorRequired"] },
    });
    // Not a counselor at all.
    expect(await assignSeeker(t.db, guiyangAdmin, { seekerId: s.id, counselorId: guiyangAdmin.id, note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { counselorId: ["counseling.err.counselorRequired"] },
    });
    // A seeker and an employer may not assign.
    await expect(assignSeeker(t.db, s.actor, { seekerId: s.id, counselorId: nanmingCounselor.id, note: "" })).rejects.toMatchObject(NOT_FOUND);
    expect(await currentCounselorOf(t.db, s.id)).toBeNull();

    // A counselor of the prefecture serves every county in it.
    const prefectureCounselor = await staff("counselor", "520100");
    expect(await assignSeeker(t.db, guiyangAdmin, { seekerId: s.id, counselorId: prefectureCounselor.id, note: "转介" })).toEqual({ ok: true, value: { changed: true } });
    expect(await currentCounselorOf(t.db, s.id)).toMatchObject({ counselorId: prefectureCounselor.id, regionCode: "520100" });
  });

  it("reassigning ends the current assignment, keeps the history, and tells all three; the same counselor again is a no-op", async () => {
    const admin = await staff("admin", "520100");
    const first = await staff("counselor", "520102", "第一位辅导员");
    const second = await staff("counselor", "520102", "第二位辅导员");
    const s = await seeker({ regionCode: "520102" });

    expect(await assign(s.id, first, admin)).toEqual({ changed: true });
    expect(await assign(s.id, second, admin)).toEqual({ changed: true });

    const history = await assignmentHistory(t.db, s.id);
    expect(history.map((h) => [h.counselorName, h.endedAt === null])).toEqual([
      ["第二位辅导员", true],
      ["第一位辅导员", false],
    ]);
    const rows = await t.db.selectFrom("caseload_assignment").select(["counselor_id", "ended_at", "ended_by"]).where("seeker_id", "=", s.id).execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.counselor_id === first.id)).toMatchObject({ ended_by: admin.id });
    expect(await currentCounselorOf(t.db, s.id)).toMatchObject({ counselorId: second.id });

    expect(await kindsOf(first.id)).toEqual(["caseload.received", "caseload.transferred"]);
    expect(await kindsOf(second.id)).toEqual(["caseload.received"]);
    const seekerNotes = await notificationsOf(s.id);
    expect(seekerNotes.map((n) => [n.kind, n.params])).toEqual([
      ["caseload.assigned", { counselor: "第一位辅导员" }],
      ["caseload.assigned", { counselor: "第二位辅导员" }],
    ]);

    // The first counselor's caseload no longer holds the seeker; the second's does.
    expect((await getCaseload(t.db, first, first.id, QUERY)).counts.total).toBe(0);
    expect((await getCaseload(t.db, second, second.id, QUERY)).rows.map((r) => r.seekerId)).toEqual([s.id]);

    expect(await assign(s.id, second, admin)).toEqual({ changed: false });
    expect(await assignmentHistory(t.db, s.id)).toHaveLength(2);
    expect(await notificationsOf(s.id)).toHaveLength(2);
    expect(await notificationsOf(second.id)).toHaveLength(1);
  });

  it("concurrent assignments leave exactly one current counselor", async () => {
    const a = await staff("counselor", "520102");
    const b = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    const results = await Promise.allSettled([assign(s.id, a), assign(s.id, b), assign(s.id, a), assign(s.id, b)]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const current = await t.db.selectFrom("caseload_assignment").select("counselor_id").where("seeker_id", "=", s.id).where("ended_at", "is", null).execute();
    expect(current).toHaveLength(1);
  });

  it("suggests the most local counselor serving the seeker's place, then the smallest caseload (pure)", () => {
    const c = (id: string, regionCode: string, caseloadSize: number, name = id): CounselorSummary => ({ id, name, regionCode, regionName: "", caseloadSize });
    const counselors = [
      c("province", "520000", 0),
      c("guiyang", "520100", 3),
      c("nanmingBusy", "520102", 40),
      c("nanmingFree", "520102", 12),
      c("zunyi", "520302", 0),
    ];
    expect(suggestCounselor(counselors, "520102")?.id).toBe("nanmingFree");
    expect(suggestCounselor(counselors, "520103")?.id).toBe("guiyang");
    expect(suggestCounselor(counselors, "520402")?.id).toBe("province");
    expect(suggestCounselor(counselors.slice(1), "520402")).toBeNull();
    expect(suggestCounselor(counselors, null)).toBeNull();
    // Equal caseloads: by name.
    expect(suggestCounselor([c("2", "520102", 5, "王"), c("1", "520102", 5, "李")], "520102")?.id).toBe("1");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the caseload", () => {
  it("counts and filters: not employed, zero-employment family, no contact in 30 days, overdue actions; year, name, sort", async () => {
    const c = await staff("counselor", "520102");
    const tok = token();
    const now = on("2026-06-15");
    const make = async (letter: string, overrides: Parameters<typeof createSeekerProfile>[2] = {}) => {
      const s = await seeker({ regionCode: "520102", realName: `${letter}-${tok}`, ...overrides });
      await assign(s.id, c);
      return s;
    };
    // Created out of name order, so sorting by name is seen.
    const working = await make("d", { graduationYear: 2025 });
    await hired(working.id, { contractStart: "2026-01-01" });
    const ended = await make("b", { graduationYear: 2026 });
    const endedId = await hired(ended.id, { contractStart: "2025-01-01" });
    await t.db.updateTable("employment").set({ ended_on: "2026-03-01" }).where("id", "=", endedId).execute();
    const expired = await make("g");
    await hired(expired.id, { contractStart: "2025-06-01", contractEnd: "2026-05-31" });
    const zero = await make("a");
    await t.db.updateTable("seeker_profile").set({ zero_employment_family: true }).where("user_id", "=", zero.id).execute();
    const recent = await make("f");
    await addService(t.db, c, recent.id, { type: "follow_up_visit", serviceDate: "2026-06-05", notes: "", outcome: "" });
    await addAction(t.db, c, recent.id, { description: "今天到期", owner: "seeker", dueDate: "2026-06-15" });
    const longAgo = await make("c");
    await addService(t.db, c, longAgo.id, { type: "career_guidance", serviceDate: "2026-05-01", notes: "", outcome: "" });
    const late = await make("e");
    await addAction(t.db, c, late.id, { description: "昨天到期", owner: "counselor", dueDate: "2026-06-14" });
    const done = await addAction(t.db, c, late.id, { description: "已完成", owner: "seeker", dueDate: "2026-06-01" });
    if (done.ok) await setActionStatus(t.db, c, late.id, done.value.actionId, "done");

    const load = (q: Partial<CaseloadQuery>) => getCaseload(t.db, c, c.id, { ...QUERY, ...q }, now);
    const names = (rows: { name: string }[]) => rows.map((r) => r.name.slice(0, 1)).join("");

    const base = await load({});
    expect(base.counts).toEqual({ total: 7, notEmployed: 6, zeroEmploymentFamily: 1, noContact: 6, overdue: 1 });
    expect(names(base.rows)).toBe("abcdefg");
    expect(base.graduationYears).toEqual([2026, 2025]);
    const row = (id: string) => base.rows.find((r) => r.seekerId === id)!;
    expect(row(working.id)).toMatchObject({ employed: true, graduationYear: 2025 });
    expect(row(ended.id).employed).toBe(false);
    expect(row(expired.id).employed).toBe(false);
    expect(row(recent.id)).toMatchObject({ lastContact: "2026-06-05", overdueActions: 0, nextDue: "2026-06-15" });
    expect(row(late.id)).toMatchObject({ lastContact: null, overdueActions: 1, nextDue: "2026-06-14" });

    expect(names((await load({ filters: ["notEmployed"] })).rows)).toBe("abcefg");
    expect(names((await load({ filters: ["zeroEmploymentFamily"] })).rows)).toBe("a");
    expect(names((await load({ filters: ["noContact"] })).rows)).toBe("abcdeg");
    expect(names((await load({ filters: ["overdue"] })).rows)).toBe("e");
    const both = await load({ filters: ["notEmployed", "noContact"] });
    expect(names(both.rows)).toBe("abceg");
    expect(both.filteredTotal).toBe(5);
    expect(both.counts.total).toBe(7); // the counts are of the whole caseload
    expect(names((await load({ graduationYear: 2025 })).rows)).toBe("d");
    expect(names((await load({ q: `C-${tok.toUpperCase()}` })).rows)).toBe("c");
    expect(names((await load({ q: "nobody-has-this-name" })).rows)).toBe("");

    // Longest without contact first (never, then the oldest contact); the next due date first.
    expect(names((await load({ sort: "lastContact" })).rows)).toBe("abdegcf");
    expect(names((await load({ sort: "nextDue" })).rows).slice(0, 2)).toBe("ef");
    expect(names((await load({ sort: "graduationYear" })).rows).slice(0, 2)).toBe("bd");
    // The default: overdue first (issue 15), then everyone by name.
    expect(names((await load({ sort: "urgent" })).rows)).toBe("eabcdfg");

    // 35 days on, the visit of 2026-06-05 is no longer recent contact, and the action due 06-15 is overdue too.
    const later = await getCaseload(t.db, c, c.id, QUERY, on("2026-07-20"));
    expect(later.counts).toMatchObject({ noContact: 7, overdue: 2 });
    // Both overdue now: the longest overdue (06-14) before the other (06-15), then the rest by name.
    expect(names((await getCaseload(t.db, c, c.id, { ...QUERY, sort: "urgent" }, on("2026-07-20"))).rows)).toBe("efabcdg");
  });

  it("pages by 25", async () => {
    const c = await staff("counselor", "520111");
    const tok = token();
    for (let i = 0; i < 27; i++) {
      const s = await seeker({ regionCode: "520111", realName: `${tok}-${String(i).padStart(2, "0")}` });
      await t.db.insertInto("caseload_assignment").values({ seeker_id: s.id, counselor_id: c.id }).execute();
    }
    const first = await getCaseload(t.db, c, c.id, QUERY);
    expect(first).toMatchObject({ page: 1, pageCount: 2, filteredTotal: 27 });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.name).toBe(`${tok}-00`);
    const second = await getCaseload(t.db, c, c.id, { ...QUERY, page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual([`${tok}-25`, `${tok}-26`]);
    // A page past the end shows the last one.
    expect((await getCaseload(t.db, c, c.id, { ...QUERY, page: 9 })).page).toBe(2);
  });

  it("the region's overview shows each counselor's figures to the region's admin", async () => {
    const admin = await staff("admin", "520123");
    const c = await staff("counselor", "520123");
    const s = await seeker({ regionCode: "520123" });
    await assign(s.id, c, admin);
    const overview = await regionOverview(t.db, admin, on("2026-06-15"));
    expect(overview.counselors.find((x) => x.id === c.id)).toMatchObject({ caseloadSize: 1, notEmployed: 1, noContact: 1, overdue: 0 });
    await expect(regionOverview(t.db, s.actor)).rejects.toMatchObject(NOT_FOUND);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the individual plan", () => {
  it("savePlan creates, then updates the one row; the seeker is told once", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    expect(await savePlan(t.db, c, s.id, { goals: "三个月内就业", barriers: "通勤", status: "active" })).toEqual({ ok: true, value: { created: true } });
    expect(await savePlan(t.db, c, s.id, { goals: "半年内稳定就业", barriers: "", status: "paused" })).toEqual({ ok: true, value: { created: false } });
    const rows = await t.db.selectFrom("individual_plan").select(["goals", "barriers", "status", "updated_by"]).where("seeker_id", "=", s.id).execute();
    expect(rows).toEqual([{ goals: "半年内稳定就业", barriers: "", status: "paused", updated_by: c.id }]);
    expect((await kindsOf(s.id)).filter((k) => k === "plan.created")).toHaveLength(1);
    const plan = await getClientPlan(t.db, c, s.id);
    expect(plan).toMatchObject({ exists: true, goals: "半年内稳定就业", status: "paused", counselor: { counselorId: c.id } });
    expect(await t.db.selectFrom("audit_event").select(["entity", "reason"]).where("actor_id", "=", c.id).where("subject_user_id", "=", s.id).execute()).toEqual([
      { entity: "individual_plan", reason: "caseload" },
    ]);
  });

  it("the first action starts the plan; an action of another seeker cannot be changed through this one", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    const other = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    await assign(other.id, c);
    expect((await getClientPlan(t.db, c, s.id)).exists).toBe(false);
    const added = await addAction(t.db, c, s.id, { description: "参加招聘会", owner: "seeker", dueDate: "2026-07-01" });
    expect(added.ok).toBe(true);
    const plan = await getClientPlan(t.db, c, s.id);
    expect(plan.exists).toBe(true);
    expect(plan.actions.map((a) => [a.description, a.status])).toEqual([["参加招聘会", "open"]]);

    const theirs = await addAction(t.db, c, other.id, { description: "体检", owner: "seeker", dueDate: "2026-07-02" });
    if (!theirs.ok) throw new Error("addAction failed");
    expect(await setActionStatus(t.db, c, s.id, theirs.value.actionId, "done")).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.actionGone"] } });
    expect((await getClientPlan(t.db, c, other.id)).actions[0]).toMatchObject({ status: "open", completedAt: null });

    expect(await setActionStatus(t.db, c, other.id, theirs.value.actionId, "done")).toEqual({ ok: true, value: null });
    expect((await getClientPlan(t.db, c, other.id)).actions[0]).toMatchObject({ status: "done", completedAt: expect.any(Date) });
    expect(await setActionStatus(t.db, c, other.id, theirs.value.actionId, "open")).toEqual({ ok: true, value: null });
    expect((await getClientPlan(t.db, c, other.id)).actions[0]).toMatchObject({ status: "open", completedAt: null });
  });

  it("the seeker reads their own plan; a counselor of another seeker cannot", async () => {
    const c = await staff("counselor", "520102");
    const stranger = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    const strangersClient = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    await assign(strangersClient.id, stranger);
    await savePlan(t.db, c, s.id, { goals: "做会计", barriers: "", status: "active" });
    await addAction(t.db, c, s.id, { description: "考初级会计证", owner: "seeker", dueDate: "2026-09-01" });

    const mine = await getMyPlan(t.db, s.actor);
    expect(mine).toMatchObject({ seekerId: s.id, exists: true, goals: "做会计", counselor: { counselorId: c.id } });
    expect(mine.actions.map((a) => a.description)).toEqual(["考初级会计证"]);
    expect((await getMyPlan(t.db, strangersClient.actor)).exists).toBe(false);

    await expect(getClientPlan(t.db, stranger, s.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(getMyPlan(t.db, stranger)).rejects.toMatchObject(NOT_FOUND);
  });

  it("a plan started by its first action tells the seeker once; saving it later does not tell them again", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    await addAction(t.db, c, s.id, { description: "准备简历", owner: "seeker", dueDate: "2026-07-01" });
    await savePlan(t.db, c, s.id, { goals: "就业", barriers: "", status: "active" });
    expect((await kindsOf(s.id)).filter((k) => k === "plan.created")).toHaveLength(1);
  });

  it("a service dated after today is refused at the date; today is accepted", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const input = { type: "career_guidance" as const, notes: "", outcome: "" };
    expect(await addService(t.db, c, s.id, { ...input, serviceDate: "2026-06-02" }, on("2026-06-01"))).toEqual({
      ok: false,
      fieldErrors: { serviceDate: ["counseling.err.serviceDateFuture"] },
    });
    expect((await addService(t.db, c, s.id, { ...input, serviceDate: "2026-06-01" }, on("2026-06-01"))).ok).toBe(true);
  });

  it("the timeline holds the assignment and the services, newest first", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    await addService(t.db, c, s.id, { type: "career_guidance", serviceDate: "2020-01-10", notes: "初次面谈", outcome: "" });
    await addService(t.db, c, s.id, { type: "job_introduction", serviceDate: "2020-02-10", notes: "", outcome: "推荐两个岗位" });
    const items = await clientTimeline(t.db, c, s.id);
    expect(items.map((i) => i.kind)).toEqual(["assigned", "service", "service"]);
    expect(items[1]).toMatchObject({ kind: "service", type: "job_introduction", outcome: "推荐两个岗位" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("referrals", () => {
  async function referralSetup() {
    const tok = token();
    const c = await staff("counselor", "520123");
    const s = await seeker({ regionCode: "520123", needsRequired: ["sign_language"], skills: [tok] });
    await assign(s.id, c);
    const fits = await openVacancy({ regionCode: "520123", accommodations: ["sign_language", "step_free_access"], skills: [tok] });
    return { tok, c, s, fits };
  }

  it("refers once to an eligible vacancy, never to one lacking a required accommodation; applying accepts it", async () => {
    const { tok, c, s, fits } = await referralSetup();
    const lacks = await openVacancy({ regionCode: "520123", accommodations: ["step_free_access"], skills: [tok] });
    const closed = await openVacancy({ regionCode: "520123", accommodations: ["sign_language"], status: "closed" });

    expect(await referVacancy(t.db, c, s.id, { vacancyId: fits.vacancy.id, message: "这个岗位有手语同事" })).toEqual({ ok: true, value: { created: true } });
    expect(await referVacancy(t.db, c, s.id, { vacancyId: fits.vacancy.id, message: "" })).toEqual({ ok: true, value: { created: false } });
    expect(await referVacancy(t.db, c, s.id, { vacancyId: lacks.vacancy.id, message: "" })).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.notEligible"] } });
    expect(await referVacancy(t.db, c, s.id, { vacancyId: closed.vacancy.id, message: "" })).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.vacancyGone"] } });
    expect(await referVacancy(t.db, c, s.id, { vacancyId: crypto.randomUUID(), message: "" })).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.vacancyGone"] } });

    const referrals = await t.db.selectFrom("referral").select(["vacancy_id", "status", "counselor_id", "message"]).where("seeker_id", "=", s.id).execute();
    expect(referrals).toEqual([{ vacancy_id: fits.vacancy.id, status: "pending", counselor_id: c.id, message: "这个岗位有手语同事" }]);
    expect((await notificationsOf(s.id)).filter((n) => n.kind === "referral.received")).toEqual([
      { kind: "referral.received", params: { vacancy: fits.vacancy.title, organization: fits.organization.name }, link: "/referrals" },
    ]);

    // The counselor's view of the seeker's matches shows the referral.
    const matches = await clientMatches(t.db, c, s.id);
    expect(matches.placeKnown).toBe(true);
    expect(matches.items.find((v) => v.id === fits.vacancy.id)).toMatchObject({ referral: { status: "pending" }, applied: false });
    expect(matches.items.map((v) => v.id)).not.toContain(lacks.vacancy.id);

    const mine = await listMyReferrals(t.db, s.actor);
    expect(mine).toMatchObject([{ vacancyId: fits.vacancy.id, status: "pending", accepting: true, applicationId: null }]);

    // The seeker applies: the application comes from the referral, which is accepted, and the counselor is told.
    const applied = await applyToVacancy(t.db, s.actor, fits.vacancy.id, { accessRequests: [], disclosure: [] });
    if (!applied.ok) throw new Error(JSON.stringify(applied.fieldErrors));
    const applicationId = applied.value.applicationId;
    expect(await t.db.selectFrom("application").select("source").where("id", "=", applicationId).executeTakeFirstOrThrow()).toEqual({ source: "referral" });
    expect(await t.db.selectFrom("referral").select(["status", "application_id"]).where("seeker_id", "=", s.id).executeTakeFirstOrThrow()).toEqual({
      status: "accepted",
      application_id: applicationId,
    });
    expect((await notificationsOf(c.id)).filter((n) => n.kind === "referral.accepted")).toEqual([
      { kind: "referral.accepted", params: { vacancy: fits.vacancy.title }, link: `/clients/${s.id}` },
    ]);
    expect((await clientMatches(t.db, c, s.id)).items.find((v) => v.id === fits.vacancy.id)).toMatchObject({ referral: { status: "accepted" }, applied: true });

    // The counselor follows the outcome as the employer moves the application.
    expect((await clientReferrals(t.db, c, s.id)).map((r) => [r.vacancyId, r.status, r.applicationStatus])).toEqual([[fits.vacancy.id, "accepted", "submitted"]]);
    expect(await moveApplication(t.db, fits.owner, applicationId, { to: "interview" })).toEqual({ ok: true, value: { status: "interview" } });
    expect((await clientReferrals(t.db, c, s.id))[0]).toMatchObject({ status: "accepted", applicationStatus: "interview", respondedAt: expect.any(Date) });
    const timeline = await clientTimeline(t.db, c, s.id);
    expect(timeline.filter((i) => i.kind === "application").map((i) => (i.kind === "application" ? [i.status, i.source] : null))).toEqual([
      ["interview", "referral"],
      ["submitted", "referral"],
    ]);
  });

  it("a vacancy the seeker applied to already is not referred", async () => {
    const { c, s, fits } = await referralSetup();
    const applied = await applyToVacancy(t.db, s.actor, fits.vacancy.id, { accessRequests: [], disclosure: [] });
    expect(applied.ok).toBe(true);
    expect(await referVacancy(t.db, c, s.id, { vacancyId: fits.vacancy.id, message: "" })).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.alreadyApplied"] } });
    expect(await t.db.selectFrom("referral").select("id").where("seeker_id", "=", s.id).execute()).toEqual([]);
  });

  it("the seeker declines: the referral is declined and the counselor told; nobody else may decline it", async () => {
    const { c, s, fits } = await referralSetup();
    await referVacancy(t.db, c, s.id, { vacancyId: fits.vacancy.id, message: "" });
    const { id } = await t.db.selectFrom("referral").select("id").where("seeker_id", "=", s.id).executeTakeFirstOrThrow();

    const someoneElse = await seeker({ regionCode: "520123" });
    await expect(declineReferral(t.db, someoneElse.actor, id)).rejects.toMatchObject(NOT_FOUND);
    await expect(declineReferral(t.db, c, id)).rejects.toMatchObject(NOT_FOUND);
    expect(await t.db.selectFrom("referral").select("status").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "pending" });

    await declineReferral(t.db, s.actor, id);
    expect(await t.db.selectFrom("referral").select(["status", "application_id"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "declined", application_id: null });
    expect((await notificationsOf(c.id)).filter((n) => n.kind === "referral.declined")).toEqual([
      { kind: "referral.declined", params: { vacancy: fits.vacancy.title }, link: `/clients/${s.id}` },
    ]);
    // Declining again changes nothing and tells nobody again.
    await declineReferral(t.db, s.actor, id);
    expect((await kindsOf(c.id)).filter((k) => k === "referral.declined")).toHaveLength(1);

    // Applying after declining is the seeker's own application.
    const applied = await applyToVacancy(t.db, s.actor, fits.vacancy.id, { accessRequests: [], disclosure: [] });
    if (!applied.ok) throw new Error("apply failed");
    expect(await t.db.selectFrom("application").select("source").where("id", "=", applied.value.applicationId).executeTakeFirstOrThrow()).toEqual({ source: "self" });
    expect(await t.db.selectFrom("referral").select("status").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "declined" });
    expect((await clientReferrals(t.db, c, s.id))[0]).toMatchObject({ status: "declined", applicationStatus: null });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("follow-up after placement", () => {
  it("checkpoints fall due from the contract start; a job ended at a checkpoint puts the seeker back among the not employed", async () => {
    const c = await staff("counselor", "520102");
    const colleague = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const { owner, vacancy } = await openVacancy({ regionCode: "520102" });
    const applied = await applyToVacancy(t.db, s.actor, vacancy.id, { accessRequests: [], disclosure: [] });
    if (!applied.ok) throw new Error("apply failed");
    const hire = await hireApplicant(t.db, owner, applied.value.applicationId, { contractStart: "2026-12-01", contractEnd: "2027-11-30", socialInsurance: "yes", monthlyPay: 3500 });
    if (!hire.ok) throw new Error(JSON.stringify(hire.fieldErrors));
    const employmentId = hire.value.employmentId;
    const action = await addAction(t.db, c, s.id, { description: "回访单位", owner: "counselor", dueDate: "2026-12-20" });
    if (!action.ok) throw new Error("addAction failed");

    const mineOn = async (day: string) => (await dueList(t.db, c, on(day))).items.filter((i) => i.seekerId === s.id);
    const checkpoints = (items: Awaited<ReturnType<typeof mineOn>>) =>
      items.flatMap((i) => (i.kind === "checkpoint" ? [{ month: i.month, due: i.due, overdue: i.overdue }] : []));

    // On the first day: the 1-month checkpoint is due within the horizon, the 3-month one is not.
    const first = await mineOn("2026-12-01");
    expect(checkpoints(first)).toEqual([{ month: 1, due: "2027-01-01", overdue: false }]);
    expect(first.find((i) => i.kind === "action")).toMatchObject({ actionId: action.value.actionId, due: "2026-12-20", overdue: false });
    expect((await getCaseload(t.db, c, c.id, QUERY, on("2026-12-01"))).rows[0]).toMatchObject({ seekerId: s.id, employed: true });
    // Another counselor's due list does not hold it.
    expect((await dueList(t.db, colleague, on("2026-12-01"))).items.filter((i) => i.seekerId === s.id)).toEqual([]);

    // Forty days later both are overdue; overdue first, oldest first.
    const later = await mineOn("2027-01-10");
    expect(later.map((i) => [i.kind, i.due, i.overdue])).toEqual([
      ["action", "2026-12-20", true],
      ["checkpoint", "2027-01-01", true],
    ]);
    const form = await getCheckpointForm(t.db, c, s.id, employmentId, 1);
    expect(form.checkpoint).toMatchObject({ month: 1, due: "2027-01-01", recorded: null, moot: false });
    expect(form.employment.contractYearOrMore).toBe(true);

    // The job has ended: the employment ends that day, the later checkpoints are moot, the seeker is not employed.
    expect(await recordCheckpoint(t.db, c, s.id, employmentId, 1, { stillEmployed: "no", contractYearOrMore: "yes", note: "已离职" }, on("2027-01-10"))).toEqual({
      ok: true,
      value: { employmentEnded: true },
    });
    expect(await t.db.selectFrom("employment").select("ended_on").where("id", "=", employmentId).executeTakeFirstOrThrow()).toEqual({ ended_on: "2027-01-10" });
    const afterwards = await getCaseload(t.db, c, c.id, { ...QUERY, filters: ["notEmployed"] }, on("2027-01-10"));
    expect(afterwards.rows.map((r) => r.seekerId)).toEqual([s.id]);
    expect(checkpoints(await mineOn("2027-03-01"))).toEqual([]);
    const [followUp] = await clientFollowUps(t.db, c, s.id);
    expect(followUp).toMatchObject({ employmentId, endedOn: "2027-01-10" });
    expect(followUp!.checkpoints.map((k) => [k.month, k.recorded?.stillEmployed ?? null, k.moot])).toEqual([
      [1, false, false],
      [3, null, true],
      [6, null, true],
      [12, null, true],
    ]);
    expect((await getCheckpointForm(t.db, c, s.id, employmentId, 3)).checkpoint).toMatchObject({ due: "2027-03-01", moot: true });

    // Correcting the checkpoint does not end the employment a second time.
    expect(await recordCheckpoint(t.db, c, s.id, employmentId, 1, { stillEmployed: "no", contractYearOrMore: "no", note: "更正" }, on("2027-02-01"))).toEqual({
      ok: true,
      value: { employmentEnded: false },
    });
    expect(await t.db.selectFrom("employment").select("ended_on").where("id", "=", employmentId).executeTakeFirstOrThrow()).toEqual({ ended_on: "2027-01-10" });
    expect(await t.db.selectFrom("employment_checkpoint").select(["month", "still_employed", "contract_year_or_more", "note"]).where("employment_id", "=", employmentId).execute()).toEqual([
      { month: 1, still_employed: false, contract_year_or_more: false, note: "更正" },
    ]);
    const timeline = await clientTimeline(t.db, c, s.id);
    expect(timeline.filter((i) => i.kind === "hire" || i.kind === "checkpoint").map((i) => i.kind).sort()).toEqual(["checkpoint", "hire"]);
  });

  it("a checkpoint recorded as still employed keeps the job; the next falls due", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const employmentId = await hired(s.id, { contractStart: "2026-01-31" });
    expect(await recordCheckpoint(t.db, c, s.id, employmentId, 1, { stillEmployed: "yes", contractYearOrMore: "no", note: "" }, on("2026-02-28"))).toEqual({
      ok: true,
      value: { employmentEnded: false },
    });
    const items = (await dueList(t.db, c, on("2026-04-01"))).items.filter((i) => i.seekerId === s.id);
    expect(items.map((i) => (i.kind === "checkpoint" ? [i.month, i.due, i.overdue] : null))).toEqual([[3, "2026-04-30", false]]);
    expect((await getCaseload(t.db, c, c.id, QUERY, on("2026-04-01"))).rows[0]!.employed).toBe(true);
  });

  it("the 12-month checkpoint of a one-year contract still falls due (only a recorded end makes it moot)", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    await assign(s.id, c);
    const employmentId = await hired(s.id, { contractStart: "2026-01-05", contractEnd: "2027-01-04" });
    const [followUp] = await clientFollowUps(t.db, c, s.id);
    expect(followUp!.employmentId).toBe(employmentId);
    expect(followUp!.checkpoints.map((k) => [k.month, k.due, k.moot])).toEqual([
      [1, "2026-02-05", false],
      [3, "2026-04-05", false],
      [6, "2026-07-05", false],
      [12, "2027-01-05", false],
    ]);
  });

  it("the due list is the counselor's own", async () => {
    const s = await seeker();
    await expect(dueList(t.db, s.actor)).rejects.toMatchObject(NOT_FOUND);
    await expect(dueList(t.db, await province())).rejects.toMatchObject(NOT_FOUND);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("graduate cohorts", () => {
  /** A graduation year no row in the database uses yet (PostgreSQL test databases are shared and persist). */
  async function unusedYear(): Promise<number> {
    const used = new Set((await t.db.selectFrom("seeker_profile").select("graduation_year").distinct().execute()).map((r) => r.graduation_year));
    for (;;) {
      const y = 2040 + Math.floor(Math.random() * 900);
      if (!used.has(y)) return y;
    }
  }

  async function employ(seekerId: string, organizationId: string, contractStart: string) {
    await t.db
      .insertInto("employment")
      .values({ organization_id: organizationId, seeker_id: seekerId, contract_start: contractStart, social_insurance: true, monthly_pay: 3000 })
      .execute();
  }

  it("counts graduates of a year and region, employed only by a job starting within that calendar year", async () => {
    const year = await unusedYear();
    const { organization } = await openVacancy();
    const counselor = await staff("counselor", "520102");
    const g = async (name: string, regionCode: string, graduationYear = year) => seeker({ realName: name, regionCode, graduationYear });
    const employedInYear = await g("甲", "520102");
    await employ(employedInYear.id, organization.id, `${year}-12-31`);
    await employ(employedInYear.id, organization.id, `${year}-03-01`);
    const employedNextYear = await g("乙", "520103");
    await employ(employedNextYear.id, organization.id, `${year + 1}-01-01`);
    const employedYearBefore = await g("丁", "520102");
    await employ(employedYearBefore.id, organization.id, `${year - 1}-12-31`);
    const notEmployed = await g("丙", "520102");
    const zunyi = await g("戊", "520302");
    await employ(zunyi.id, organization.id, `${year}-06-01`);
    const earlierClass = await g("己", "520102", year - 1);
    await employ(earlierClass.id, organization.id, `${year}-06-01`);
    await assign(employedInYear.id, counselor);

    const admin = await province();
    const guiyang = await graduateCohort(t.db, admin, { year, regionCode: "520100" });
    expect(guiyang).toMatchObject({ year, regionCode: "520100", graduates: 4, employed: 1, rate: 0.25, list: null, members: [] });
    const wholeProvince = await graduateCohort(t.db, admin, { year, regionCode: "520000" });
    expect(wholeProvince).toMatchObject({ graduates: 5, employed: 2, rate: 0.4 });
    expect(await graduateCohort(t.db, admin, { year: year + 100, regionCode: "520100" })).toMatchObject({ graduates: 0, employed: 0, rate: null });

    const employed = await graduateCohort(t.db, admin, { year, regionCode: "520100", list: "employed" });
    expect(employed.listTotal).toBe(1);
    expect(employed.members).toEqual([
      expect.objectContaining({ seekerId: employedInYear.id, employment: { organizationName: organization.name, contractStart: `${year}-03-01`, form: "proportional" } }),
    ]);
    const notYet = await graduateCohort(t.db, admin, { year, regionCode: "520100", list: "notEmployed" });
    expect(notYet.listTotal).toBe(3);
    expect(new Set(notYet.members.map((m) => m.seekerId))).toEqual(new Set([employedNextYear.id, employedYearBefore.id, notEmployed.id]));
    expect(notYet.members.every((m) => m.employment === null)).toBe(true);

    // Only the reader's own assigned seekers link to their page.
    const asCounselor = await graduateCohort(t.db, counselor, { year, regionCode: "520102", list: "graduates" });
    expect(asCounselor.graduates).toBe(3);
    expect(asCounselor.members.map((m) => [m.seekerId, m.linkable]).sort()).toEqual(
      [
        [employedInYear.id, true],
        [employedYearBefore.id, false],
        [notEmployed.id, false],
      ].sort(),
    );
    expect(asCounselor.members.find((m) => m.seekerId === employedInYear.id)?.counselorName).toBeTruthy();
    expect((await graduateCohort(t.db, admin, { year, regionCode: "520102", list: "graduates" })).members.every((m) => !m.linkable)).toBe(true);
  });

  it("staff outside the region, seekers and employers get 404", async () => {
    const year = await unusedYear();
    for (const actor of [await staff("counselor", "520302"), await staff("admin", "520300"), (await seeker()).actor, (await employerWithOrganization(t.db)).actor]) {
      await expect(graduateCohort(t.db, actor, { year, regionCode: "520100" })).rejects.toMatchObject(NOT_FOUND);
    }
    await expect(graduateCohort(t.db, await staff("admin", "520100"), { year, regionCode: "not-a-code" })).rejects.toMatchObject(NOT_FOUND);
  });

  it("the target is the one whose period holds the year, from the most local region; else the latest earlier one", async () => {
    const indicator = `test_${token()}`;
    await t.db
      .insertInto("plan_target")
      .values([
        { indicator, period_start: 2021, period_end: 2025, region_code: "520000", target_value: "0.55", source: "十四五" },
        { indicator, period_start: 2026, period_end: 2030, region_code: "520000", target_value: "0.6", source: "十五五" },
        { indicator, period_start: 2026, period_end: 2030, region_code: "520100", target_value: "0.65", source: "贵阳" },
        { indicator, period_start: 2026, period_end: 2030, region_code: "520300", target_value: "0.7", source: "遵义" },
        { indicator, period_start: 2016, period_end: 2020, region_code: "520200", target_value: "0.5", source: "六盘水（十三五）" },
      ])
      .execute();
    expect(await targetFor(t.db, indicator, 2027, "520102")).toEqual({ value: 0.65, periodStart: 2026, periodEnd: 2030, regionCode: "520100", source: "贵阳", inPeriod: true });
    expect(await targetFor(t.db, indicator, 2027, "520302")).toMatchObject({ value: 0.7, regionCode: "520300", inPeriod: true });
    // A prefecture whose own target is of an earlier period takes the province's current one.
    expect(await targetFor(t.db, indicator, 2027, "520201")).toMatchObject({ value: 0.6, regionCode: "520000", inPeriod: true });
    expect(await targetFor(t.db, indicator, 2018, "520201")).toMatchObject({ value: 0.5, regionCode: "520200", inPeriod: true });
    expect(await targetFor(t.db, indicator, 2030, "520000")).toMatchObject({ value: 0.6, regionCode: "520000", inPeriod: true });
    expect(await targetFor(t.db, indicator, 2023, "520102")).toMatchObject({ value: 0.55, periodStart: 2021, inPeriod: true });
    expect(await targetFor(t.db, indicator, 2033, "520102")).toMatchObject({ value: 0.65, periodStart: 2026, periodEnd: 2030, inPeriod: false });
    expect(await targetFor(t.db, indicator, 2033, "520402")).toMatchObject({ value: 0.6, periodStart: 2026, inPeriod: false });
    expect(await targetFor(t.db, indicator, 2019, "520102")).toBeNull();
    expect(await targetFor(t.db, `${indicator}_none`, 2027, "520102")).toBeNull();
  });
});

describe("reads that name people are audited like the client page (issue 12 item 9)", () => {
  const COLUMNS = ["actor_id", "subject_user_id", "action", "entity", "entity_id", "reason", "ip"] as const;
  async function auditBy(actorId: string, entity?: string) {
    let q = t.db.selectFrom("audit_event").select([...COLUMNS]).where("actor_id", "=", actorId);
    if (entity) q = q.where("entity", "=", entity);
    return q.orderBy("id").execute();
  }

  it("the matches page and the checkpoint form: one row naming the seeker, reason caseload; refusals record nothing", async () => {
    const c = await staff("counselor", "520112");
    const colleague = await staff("counselor", "520112");
    const s = await seeker({ regionCode: "520112", needsRequired: ["sign_language"], limits: ["phone_calls"] });
    await assign(s.id, c);
    const employmentId = await hired(s.id, { contractStart: "2026-05-01" });

    await expect(clientMatches(t.db, colleague, s.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(getCheckpointForm(t.db, colleague, s.id, employmentId, 1)).rejects.toMatchObject(NOT_FOUND);
    expect(await auditBy(colleague.id)).toEqual([]);
    // Not a checkpoint month, or another's employment: nothing was shown, nothing is recorded.
    await expect(getCheckpointForm(t.db, c, s.id, employmentId, 2)).rejects.toMatchObject(NOT_FOUND);
    await expect(getCheckpointForm(t.db, c, s.id, crypto.randomUUID(), 1)).rejects.toMatchObject(NOT_FOUND);
    expect(await auditBy(c.id)).toEqual([]);

    await clientMatches(t.db, c, s.id, { ip: "10.0.0.5" });
    await getCheckpointForm(t.db, c, s.id, employmentId, 3, { ip: "10.0.0.5" });
    expect(await auditBy(c.id)).toEqual([
      { actor_id: c.id, subject_user_id: s.id, action: "read", entity: "seeker_matches", entity_id: s.id, reason: "caseload", ip: "10.0.0.5" },
      { actor_id: c.id, subject_user_id: s.id, action: "read", entity: "employment_checkpoint", entity_id: `${employmentId}:3`, reason: "caseload", ip: "10.0.0.5" },
    ]);
  });

  it("a caseload page: one row per person on the page shown, for its counselor and for an admin; counts record nobody", async () => {
    const c = await staff("counselor", "520113");
    const people: string[] = [];
    for (let i = 0; i < 27; i++) {
      const s = await seeker({ regionCode: "520113", realName: `白${String(i).padStart(2, "0")}` });
      await assign(s.id, c);
      people.push(s.id);
    }
    const first = await getCaseload(t.db, c, c.id, QUERY, new Date(), { ip: "10.0.0.6" });
    expect(first.rows).toHaveLength(25);
    const rows = await auditBy(c.id, "caseload");
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.subject_user_id))).toEqual(new Set(first.rows.map((r) => r.seekerId)));
    expect(rows[0]).toEqual({ actor_id: c.id, subject_user_id: first.rows[0]!.seekerId, action: "read", entity: "caseload", entity_id: c.id, reason: "caseload", ip: "10.0.0.6" });

    // The second page names two more; a search that finds one names one.
    await getCaseload(t.db, c, c.id, { ...QUERY, page: 2 });
    await getCaseload(t.db, c, c.id, { ...QUERY, q: "白07" });
    const all = await auditBy(c.id, "caseload");
    expect(all).toHaveLength(28);
    expect(new Set(all.map((r) => r.subject_user_id))).toEqual(new Set(people));
    expect(all.at(-1)!.subject_user_id).toBe(people[7]);

    // An admin of the region reading it is recorded as the reader.
    const admin = await staff("admin", "520100");
    await getCaseload(t.db, admin, c.id, QUERY);
    expect(await auditBy(admin.id, "caseload")).toHaveLength(25);
    // A refused reader records nothing.
    const far = await staff("admin", "520300");
    await expect(getCaseload(t.db, far, c.id, QUERY)).rejects.toMatchObject(NOT_FOUND);
    expect(await auditBy(far.id)).toEqual([]);

    // The caseload's counts name nobody, and the dashboard records only whom it names (its own entity): the caseload
    // reads stay as they were.
    expect(await caseloadCounts(t.db, c, c.id)).toMatchObject({ total: 27 });
    expect(await dashboardSummary(t.db, c)).toMatchObject({ role: "counselor", caseload: 27 });
    expect(await auditBy(c.id, "caseload")).toHaveLength(28);
  });

  it("the due list names its people once each; the assignment page names those on it", async () => {
    const c = await staff("counselor", "520115");
    const s = await seeker({ regionCode: "520115" });
    await assign(s.id, c);
    for (const [description, owner, dueDate] of [
      ["准备简历", "seeker", "2026-07-01"],
      ["参加面试培训", "counselor", "2026-07-02"],
    ] as const) {
      expect((await addAction(t.db, c, s.id, { description, owner, dueDate })).ok).toBe(true);
    }
    const list = await dueList(t.db, c, on("2026-07-01"), { ip: "10.0.0.7" });
    expect(list.items.filter((i) => i.seekerId === s.id)).toHaveLength(2);
    expect(await auditBy(c.id, "due_list")).toEqual([
      { actor_id: c.id, subject_user_id: s.id, action: "read", entity: "due_list", entity_id: c.id, reason: "caseload", ip: "10.0.0.7" },
    ]);
    expect(await dueCounts(t.db, c, on("2026-07-01"))).toEqual({ due: 2, overdue: 0 });
    expect(await auditBy(c.id, "due_list")).toHaveLength(1);

    const assigner = await staff("admin", "520115");
    const name = `未分配${token()}`;
    const unassigned = await seeker({ regionCode: "520115", realName: name });
    const page = await assignmentPage(t.db, assigner, { q: name, unassignedOnly: true });
    expect(page.seekers.map((x) => x.id)).toEqual([unassigned.id]);
    expect(await auditBy(assigner.id, "assignment_list")).toEqual([
      { actor_id: assigner.id, subject_user_id: unassigned.id, action: "read", entity: "assignment_list", entity_id: "520115", reason: "caseload assignment", ip: null },
    ]);
  });

  it("a cohort's list names its page of people; the figures alone record nobody", async () => {
    const used = new Set((await t.db.selectFrom("seeker_profile").select("graduation_year").distinct().execute()).map((r) => r.graduation_year));
    let year = 2040 + Math.floor(Math.random() * 900);
    while (used.has(year)) year += 1;
    const graduates = [];
    for (const name of ["甲", "乙", "丙"]) graduates.push(await seeker({ realName: name, regionCode: "520102", graduationYear: year }));
    const admin = await staff("admin", "520100");
    await graduateCohort(t.db, admin, { year, regionCode: "520100" });
    expect(await auditBy(admin.id)).toEqual([]);
    const cohort = await graduateCohort(t.db, admin, { year, regionCode: "520100", list: "graduates", ip: "10.0.0.8" });
    expect(cohort.members).toHaveLength(3);
    const rows = await auditBy(admin.id);
    expect(new Set(rows.map((r) => r.subject_user_id))).toEqual(new Set(graduates.map((g) => g.id)));
    expect(new Set(rows.map((r) => `${r.action} ${r.entity} ${r.entity_id} ${r.reason} ${r.ip}`))).toEqual(
      new Set([`read graduate_cohort ${year}:520100:graduates cohort 10.0.0.8`]),
    );
    // A list nobody is on records nothing.
    await graduateCohort(t.db, admin, { year, regionCode: "520100", list: "employed" });
    expect(await auditBy(admin.id)).toHaveLength(3);
  });
});
