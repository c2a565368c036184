import { describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import { applyToVacancy, hireApplicant } from "../applications/applications.server";
import { assignSeeker, getCaseload } from "../counseling/caseload.server";
import { graduateCohort } from "../counseling/cohorts.server";
import type { CaseloadQuery } from "../counseling/counseling.schema";
import { followUpsOf } from "../counseling/follow-up.server";
import { timelineOf } from "../counseling/plans.server";
import type { Actor } from "../permissions";
import type { RecordInput } from "./employment.schema";
import {
  classifyEmployment,
  deriveForm,
  endEmployment,
  getEmployment,
  listRegionEmployment,
  lookupSeeker,
  recordEmployment,
  seekerToRecordFor,
  updateEmployment,
} from "./employment.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };
const QUERY: CaseloadQuery = { q: "", graduationYear: null, filters: [], sort: "name", page: 1 };

function on(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

async function staff(role: Extract<Role, "counselor" | "admin">, regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), ...overrides });
  const p = await t.db.selectFrom("seeker_profile").select("certificate_number").where("user_id", "=", u.id).executeTakeFirstOrThrow();
  const actor: Actor = { id: u.id, role: "seeker", regionCode: null };
  return { id: u.id, phone: u.phone!, certificate: p.certificate_number!, actor };
}

/** A graduation year no row uses yet (the PostgreSQL test database is shared and persists). */
async function unusedYear(): Promise<number> {
  const used = new Set((await t.db.selectFrom("seeker_profile").select("graduation_year").distinct().execute()).map((r) => r.graduation_year));
  for (;;) {
    const y = 2030 + Math.floor(Math.random() * 60);
    if (!used.has(y)) return y;
  }
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

function input(seekerId: string, overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    seekerId,
    form: "flexible",
    employerName: "社区居家手工编织",
    contractStart: "2026-05-01",
    monthlyPay: 1800,
    socialInsurance: "no",
    evidence: "visit",
    evidenceNote: "2026-05-10 入户走访",
    ...overrides,
  };
}

async function recorded(actor: Actor, seekerId: string, overrides: Partial<RecordInput> = {}): Promise<string> {
  const r = await recordEmployment(t.db, actor, input(seekerId, overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value.employmentId;
}

async function auditRows(entityId: string) {
  return t.db.selectFrom("audit_event").select(["actor_id", "subject_user_id", "action", "entity", "reason"]).where("entity_id", "=", entityId).orderBy("id").execute();
}

async function platformHire(seekerActor: Actor, options: { employmentType?: "full_time" | "auxiliary" | "public_welfare" | "flexible"; statuses?: string[] } = {}) {
  const e = await employerWithOrganization(t.db);
  if (options.statuses) await t.db.updateTable("organization").set({ special_statuses: options.statuses }).where("id", "=", e.organization.id).execute();
  const vacancy = await createVacancy(t.db, e.organization.id, { employmentType: options.employmentType ?? "full_time", openings: 5 });
  const applied = await applyToVacancy(t.db, seekerActor, vacancy.id, { accessRequests: [], disclosure: [] });
  if (!applied.ok) throw new Error("apply failed");
  const hire = await hireApplicant(t.db, e.actor, applied.value.applicationId, { contractStart: "2026-06-01", socialInsurance: "yes", monthlyPay: 3500 });
  if (!hire.ok) throw new Error(JSON.stringify(hire.fieldErrors));
  return { employmentId: hire.value.employmentId, organization: e.organization, owner: e.actor };
}

// ---------------------------------------------------------------------------------------------------------------

describe("deriveForm", () => {
  it("takes the vacancy's type first, then the organization's special status, else quota employment", () => {
    expect(deriveForm([], "full_time")).toBe("proportional");
    expect(deriveForm([], "part_time")).toBe("proportional");
    expect(deriveForm(null, null)).toBe("proportional");
    expect(deriveForm(["demonstration_site"], "full_time")).toBe("proportional");
    expect(deriveForm([], "auxiliary")).toBe("auxiliary");
    expect(deriveForm([], "public_welfare")).toBe("public_welfare");
    expect(deriveForm([], "flexible")).toBe("flexible");
    expect(deriveForm(["concentrated_employment"], "full_time")).toBe("concentrated");
    expect(deriveForm(["blind_massage"], "part_time")).toBe("concentrated");
    expect(deriveForm(["auxiliary_employment"], "full_time")).toBe("auxiliary");
    // The vacancy's own kind wins over the organization's status.
    expect(deriveForm(["concentrated_employment"], "public_welfare")).toBe("public_welfare");
    expect(deriveForm(["blind_massage"], "flexible")).toBe("flexible");
  });
});

describe("recording a job found off the platform", () => {
  it("moves the graduate cohort (by form) and the caseload; audited", async () => {
    const year = await unusedYear();
    const c = await staff("counselor", "520102");
    const province = await staff("admin", "520000");
    const g = await seeker({ regionCode: "520102", graduationYear: year, realName: "灵活甲" });
    const other = await seeker({ regionCode: "520103", graduationYear: year });
    const a = await assignSeeker(t.db, province, { seekerId: g.id, counselorId: c.id, note: "" });
    if (!a.ok) throw new Error("assign failed");

    const before = await graduateCohort(t.db, province, { year, regionCode: "520100" });
    expect(before).toMatchObject({ graduates: 2, employed: 0, employedByForm: [] });
    const notEmployed = async (day: string) =>
      (await getCaseload(t.db, c, c.id, { ...QUERY, filters: ["notEmployed"] }, on(day))).rows.map((r) => r.seekerId);
    expect(await notEmployed(`${year}-06-15`)).toEqual([g.id]);

    const id = await recorded(c, g.id, { contractStart: `${year}-05-01` });

    const row = await t.db
      .selectFrom("employment")
      .select(["form", "origin", "organization_id", "employer_name", "seeker_id", "monthly_pay", "social_insurance", "evidence", "created_by", "updated_by", "disability_grade"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      form: "flexible",
      origin: "recorded",
      organization_id: null,
      employer_name: "社区居家手工编织",
      seeker_id: g.id,
      monthly_pay: 1800,
      social_insurance: false,
      evidence: "visit",
      created_by: c.id,
      updated_by: c.id,
      // The grade is sensitive and is not read to record a job.
      disability_grade: null,
    });
    expect(await auditRows(id)).toEqual([expect.objectContaining({ actor_id: c.id, subject_user_id: g.id, action: "create", entity: "employment" })]);

    const after = await graduateCohort(t.db, province, { year, regionCode: "520100" });
    expect(after).toMatchObject({ graduates: 2, employed: 1, rate: 0.5, employedByForm: [{ form: "flexible", count: 1 }] });
    const list = await graduateCohort(t.db, province, { year, regionCode: "520100", list: "employed" });
    expect(list.members).toEqual([
      expect.objectContaining({ seekerId: g.id, employment: { organizationName: "社区居家手工编织", contractStart: `${year}-05-01`, form: "flexible" } }),
    ]);
    expect(await notEmployed(`${year}-06-15`)).toEqual([]);
    expect(other.id).toBeTruthy();

    // Follow-up and the timeline hold a record without an organization.
    const followUps = await followUpsOf(t.db, g.id);
    expect(followUps).toEqual([expect.objectContaining({ employmentId: id, organizationName: "社区居家手工编织", form: "flexible", origin: "recorded" })]);
    expect(followUps[0]!.checkpoints.map((k) => k.due)).toEqual([`${year}-06-01`, `${year}-08-01`, `${year}-11-01`, `${year + 1}-05-01`]);
    expect((await timelineOf(t.db, g.id)).find((i) => i.kind === "hire")).toMatchObject({ organizationName: "社区居家手工编织", origin: "recorded", form: "flexible" });

    // Ending it puts the graduate back among the not employed (the cohort keeps them: the job started in the year).
    const ended = await endEmployment(t.db, c, id, { endedOn: `${year}-06-30` }, { now: on(`${year}-07-01`) });
    expect(ended).toEqual({ ok: true, value: { endedOn: `${year}-06-30` } });
    expect(await notEmployed(`${year}-07-01`)).toEqual([g.id]);
    expect((await graduateCohort(t.db, province, { year, regionCode: "520100" })).employed).toBe(1);
    expect((await auditRows(id)).map((r) => [r.action, r.reason])).toContainEqual(["update", `ended_on: ${year}-06-30`]);
    expect(await endEmployment(t.db, c, id, { endedOn: `${year}-07-01` }, { now: on(`${year}-07-01`) })).toEqual({
      ok: false,
      fieldErrors: { endedOn: ["employment.err.alreadyEnded"] },
    });
  });

  it("a counselor or admin of another prefecture cannot record, find or read; an admin of the region can", async () => {
    const s = await seeker({ regionCode: "520102" });
    const zunyiCounselor = await staff("counselor", "520302");
    const zunyiAdmin = await staff("admin", "520300");
    const guiyangAdmin = await staff("admin", "520100");
    const countyCounselor = await staff("counselor", "520102");
    const employer = (await employerWithOrganization(t.db)).actor;

    for (const outsider of [zunyiCounselor, zunyiAdmin]) {
      expect(await outcome(recordEmployment(t.db, outsider, input(s.id)))).toBe(404);
      expect(await seekerToRecordFor(t.db, outsider, s.id)).toBeNull();
      // Found by certificate or phone outside one's region: the same answer as someone who does not exist.
      const nobody = await lookupSeeker(t.db, outsider, { who: { kind: "phone", value: "13000000000" } });
      expect(await lookupSeeker(t.db, outsider, { who: { kind: "certificate", value: s.certificate } })).toEqual(nobody);
      expect(await lookupSeeker(t.db, outsider, { who: { kind: "phone", value: s.phone } })).toEqual(nobody);
      expect(nobody).toEqual({ ok: false, fieldErrors: { who: ["employment.err.lookupNotFound"] } });
    }
    for (const notStaff of [s.actor, employer]) {
      expect(await outcome(recordEmployment(t.db, notStaff, input(s.id)))).toBe(404);
      expect(await outcome(lookupSeeker(t.db, notStaff, { who: { kind: "phone", value: s.phone } }))).toBe(404);
      expect(await outcome(listRegionEmployment(t.db, notStaff))).toBe(404);
    }
    expect(await t.db.selectFrom("employment").select("id").where("seeker_id", "=", s.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("audit_event").select("id").where("subject_user_id", "=", s.id).execute()).toEqual([]);

    // Staff of the region find them exactly, and the find is audited.
    expect(await lookupSeeker(t.db, countyCounselor, { who: { kind: "certificate", value: s.certificate } })).toEqual({ ok: true, value: { seekerId: s.id } });
    expect(await lookupSeeker(t.db, guiyangAdmin, { who: { kind: "phone", value: s.phone } })).toEqual({ ok: true, value: { seekerId: s.id } });
    expect(await seekerToRecordFor(t.db, guiyangAdmin, s.id)).toMatchObject({ id: s.id, regionName: "南明区" });
    const lookups = await t.db.selectFrom("audit_event").select(["actor_id", "action"]).where("subject_user_id", "=", s.id).where("entity", "=", "employment_seeker").execute();
    expect(lookups).toEqual(
      expect.arrayContaining([
        { actor_id: countyCounselor.id, action: "lookup" },
        { actor_id: guiyangAdmin.id, action: "lookup" },
        { actor_id: guiyangAdmin.id, action: "read" },
      ]),
    );

    const id = await recorded(guiyangAdmin, s.id, { form: "self_employed", employerName: "自营小卖部" });
    expect(await auditRows(id)).toEqual([expect.objectContaining({ actor_id: guiyangAdmin.id, action: "create", entity: "employment" })]);
    for (const outsider of [zunyiCounselor, zunyiAdmin]) {
      expect(await outcome(getEmployment(t.db, outsider, id))).toBe(404);
      expect(await outcome(classifyEmployment(t.db, outsider, id, { form: "rural" }))).toBe(404);
      expect(await outcome(endEmployment(t.db, outsider, id, { endedOn: "2026-06-01" }))).toBe(404);
      expect((await listRegionEmployment(t.db, outsider)).items.map((i) => i.id)).not.toContain(id);
    }
    expect(await outcome(getEmployment(t.db, zunyiAdmin, "not-a-uuid"))).toBe(404);
    expect(await outcome(listRegionEmployment(t.db, zunyiAdmin, { regionCode: "520100" }))).toBe(404);
    expect((await t.db.selectFrom("employment").select("form").where("id", "=", id).executeTakeFirstOrThrow()).form).toBe("self_employed");

    // The region's staff see it in the list, and the list read is audited per person shown.
    const list = await listRegionEmployment(t.db, countyCounselor, { form: "self_employed", origin: "recorded" });
    expect(list.items.find((i) => i.id === id)).toEqual({
      id,
      seekerId: s.id,
      seekerName: "测试求职者",
      form: "self_employed",
      origin: "recorded",
      employer: "自营小卖部",
      contractStart: "2026-05-01",
      contractEnd: null,
      endedOn: null,
    });
    expect(list.items.every((i) => i.form === "self_employed" && i.origin === "recorded")).toBe(true);
    expect((await listRegionEmployment(t.db, countyCounselor, { form: "rural" })).items.map((i) => i.id)).not.toContain(id);
    expect((await listRegionEmployment(t.db, countyCounselor, { origin: "platform" })).items.map((i) => i.id)).not.toContain(id);
    const listed = await t.db
      .selectFrom("audit_event")
      .select("entity_id")
      .where("actor_id", "=", countyCounselor.id)
      .where("subject_user_id", "=", s.id)
      .where("entity", "=", "employment_list")
      .execute();
    expect(listed).toEqual([{ entity_id: "520102:self_employed:recorded:1" }]);
  });

  it("the same job is not recorded twice: same employer (spaces ignored, or the same organization), overlapping, not ended", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    const first = await recorded(c, s.id, { employerName: "社区居家手工编织", contractStart: "2026-05-01" });
    const duplicate = { ok: false, fieldErrors: { contractStart: ["employment.err.duplicate"] } };
    expect(await recordEmployment(t.db, c, input(s.id, { employerName: " 社区居家 手工编织", contractStart: "2026-07-01" }))).toEqual(duplicate);
    // Another employer, or a job with the same one after a fixed-term contract ended, is a new job.
    await recorded(c, s.id, { employerName: "自营小卖部", contractStart: "2026-07-01" });
    const fixedTerm = await recorded(c, s.id, { employerName: "村合作社", contractStart: "2025-01-01", contractEnd: "2025-12-31" });
    expect(await recordEmployment(t.db, c, input(s.id, { employerName: "村合作社", contractStart: "2025-12-01" }))).toEqual(duplicate);
    await recorded(c, s.id, { employerName: "村合作社", contractStart: "2026-01-01" });
    expect(fixedTerm).toBeTruthy();
    // Once the first job is recorded as ended, the person may be recorded at the same employer again.
    expect(await endEmployment(t.db, c, first, { endedOn: "2026-06-30" }, { now: on("2026-07-01") })).toMatchObject({ ok: true });
    await recorded(c, s.id, { employerName: "社区居家手工编织", contractStart: "2026-08-01" });

    // An organization on the platform: its hire and a record by its code are the same job.
    const hired = await seeker({ regionCode: "520102" });
    const hire = await platformHire(hired.actor);
    const uscc = (await t.db.selectFrom("organization").select("uscc").where("id", "=", hire.organization.id).executeTakeFirstOrThrow()).uscc;
    expect(await recordEmployment(t.db, c, input(hired.id, { organizationCode: uscc, employerName: undefined, contractStart: "2026-09-01" }))).toEqual(duplicate);
    expect(await t.db.selectFrom("employment").select("id").where("seeker_id", "=", hired.id).execute()).toHaveLength(1);
    expect(await t.db.selectFrom("employment").select("id").where("seeker_id", "=", s.id).execute()).toHaveLength(5);
  });

  it("a job starting next month leaves the person among the not employed today", async () => {
    const c = await staff("counselor", "520102");
    const g = await seeker({ regionCode: "520102" });
    const a = await assignSeeker(t.db, await staff("admin", "520000"), { seekerId: g.id, counselorId: c.id, note: "" });
    if (!a.ok) throw new Error("assign failed");
    await recorded(c, g.id, { contractStart: "2026-12-01" });
    const notEmployed = async (day: string) => (await getCaseload(t.db, c, c.id, { ...QUERY, filters: ["notEmployed"] }, on(day))).rows.map((r) => r.seekerId);
    expect(await notEmployed("2026-11-15")).toEqual([g.id]);
    expect(await notEmployed("2026-12-01")).toEqual([]);
  });

  it("links an employer on the platform by its credit code; an unknown or unverified code is refused", async () => {
    const c = await staff("counselor", "520100");
    const s = await seeker({ regionCode: "520102" });
    const verified = await employerWithOrganization(t.db);
    const pending = await employerWithOrganization(t.db, "pending");
    const code = async (id: string) => (await t.db.selectFrom("organization").select("uscc").where("id", "=", id).executeTakeFirstOrThrow()).uscc;

    expect(await recordEmployment(t.db, c, input(s.id, { organizationCode: await code(pending.organization.id), employerName: undefined }))).toEqual({
      ok: false,
      fieldErrors: { organizationCode: ["employment.err.organizationUnknown"] },
    });
    const id = await recorded(c, s.id, { form: "proportional", organizationCode: await code(verified.organization.id), employerName: undefined });
    const view = await getEmployment(t.db, c, id);
    expect(view).toMatchObject({ organization: { id: verified.organization.id, name: verified.organization.name }, employer: verified.organization.name, editable: "full" });
    expect((await auditRows(id)).map((r) => r.action)).toEqual(["create", "read"]);
  });
});

describe("a hire on the platform", () => {
  it("gets its form from the vacancy and the organization, origin platform; staff of the region change the form, audited", async () => {
    const c = await staff("counselor", "520102");
    const s1 = await seeker({ regionCode: "520102" });
    const s2 = await seeker({ regionCode: "520102" });
    const s3 = await seeker({ regionCode: "520102" });
    const auxiliary = await platformHire(s1.actor, { employmentType: "auxiliary" });
    const concentrated = await platformHire(s2.actor, { statuses: ["concentrated_employment"] });
    const plain = await platformHire(s3.actor);
    const formOf = async (id: string) => t.db.selectFrom("employment").select(["form", "origin", "updated_by"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(await formOf(auxiliary.employmentId)).toEqual({ form: "auxiliary", origin: "platform", updated_by: null });
    expect(await formOf(concentrated.employmentId)).toEqual({ form: "concentrated", origin: "platform", updated_by: null });
    expect(await formOf(plain.employmentId)).toEqual({ form: "proportional", origin: "platform", updated_by: null });

    const view = await getEmployment(t.db, c, plain.employmentId);
    expect(view).toMatchObject({ origin: "platform", form: "proportional", editable: "classify", employer: plain.organization.name });
    // The employer's figures stay theirs: a full edit of a hire is refused and changes nothing.
    const full = await updateEmployment(t.db, c, plain.employmentId, {
      form: "flexible",
      employerName: "改名",
      contractStart: "2020-01-01",
      monthlyPay: 1,
      socialInsurance: "no",
      evidence: "other",
    });
    expect(full).toEqual({ ok: false, fieldErrors: { "": ["employment.err.notRecorded"] } });

    const changed = await classifyEmployment(t.db, c, plain.employmentId, { form: "flexible", evidence: "contract", evidenceNote: "社区居家服务" });
    expect(changed).toEqual({ ok: true, value: { changed: true } });
    expect(await formOf(plain.employmentId)).toEqual({ form: "flexible", origin: "platform", updated_by: c.id });
    const hire = await t.db.selectFrom("employment").select(["contract_start", "monthly_pay", "organization_id"]).where("id", "=", plain.employmentId).executeTakeFirstOrThrow();
    expect(hire).toEqual({ contract_start: "2026-06-01", monthly_pay: 3500, organization_id: plain.organization.id });
    const audits = await auditRows(plain.employmentId);
    expect(audits.find((r) => r.action === "update")).toMatchObject({ actor_id: c.id, subject_user_id: s3.id, entity: "employment" });
    expect(audits.find((r) => r.action === "update")!.reason).toContain("form: proportional → flexible");
    // Saving the same again changes nothing and writes nothing.
    expect(await classifyEmployment(t.db, c, plain.employmentId, { form: "flexible", evidence: "contract", evidenceNote: "社区居家服务" })).toEqual({
      ok: true,
      value: { changed: false },
    });
    expect((await auditRows(plain.employmentId)).filter((r) => r.action === "update")).toHaveLength(1);
    // Evidence left empty keeps what was recorded.
    expect(await classifyEmployment(t.db, c, plain.employmentId, { form: "auxiliary", evidenceNote: "社区居家服务" })).toEqual({ ok: true, value: { changed: true } });
    expect(await t.db.selectFrom("employment").select(["form", "evidence"]).where("id", "=", plain.employmentId).executeTakeFirstOrThrow()).toEqual({ form: "auxiliary", evidence: "contract" });
    // The employer may not change it here.
    expect(await outcome(classifyEmployment(t.db, plain.owner, plain.employmentId, { form: "rural" }))).toBe(404);
  });
});

describe("correcting and ending a record", () => {
  it("updates every field of a staff record (audited); refuses an end before the start or in the future", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker({ regionCode: "520102" });
    const id = await recorded(c, s.id, { contractStart: "2026-03-01" });
    const result = await updateEmployment(t.db, c, id, {
      form: "rural",
      employerName: "家庭养殖生猪",
      contractStart: "2026-02-01",
      contractEnd: "2027-01-31",
      contractMonths: 12,
      monthlyPay: 2500,
      socialInsurance: "yes",
      evidence: "visit",
      evidenceNote: "村委会证明",
    });
    expect(result).toEqual({ ok: true, value: { changed: true } });
    const view = await getEmployment(t.db, c, id);
    expect(view).toMatchObject({
      form: "rural",
      employer: "家庭养殖生猪",
      contractStart: "2026-02-01",
      contractEnd: "2027-01-31",
      contractMonths: 12,
      monthlyPay: 2500,
      socialInsurance: true,
      evidenceNote: "村委会证明",
      updatedByName: expect.any(String),
    });
    const update = (await auditRows(id)).find((r) => r.action === "update")!;
    expect(update.reason).toContain("form: flexible → rural");
    expect(update.reason).toContain("contract_start: 2026-03-01 → 2026-02-01");

    const now = { now: on("2026-06-15") };
    expect(await endEmployment(t.db, c, id, { endedOn: "2026-01-31" }, now)).toEqual({ ok: false, fieldErrors: { endedOn: ["employment.err.endedBeforeStart"] } });
    expect(await endEmployment(t.db, c, id, { endedOn: "2026-06-16" }, now)).toEqual({ ok: false, fieldErrors: { endedOn: ["employment.err.endedInFuture"] } });
    expect((await t.db.selectFrom("employment").select("ended_on").where("id", "=", id).executeTakeFirstOrThrow()).ended_on).toBeNull();
  });
});
