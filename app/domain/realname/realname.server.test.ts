import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { EmploymentForm, Role } from "../../../db/schema";
import { createOrganization, createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { certificateFor, freshIdNumber } from "../../../tests/fixtures/seekers";
import { useTestDatabase } from "../../../tests/helpers/db";
import { assignSeeker, getCaseload } from "../counseling/caseload.server";
import type { CaseloadQuery } from "../counseling/counseling.schema";
import type { Actor } from "../permissions";
import {
  addAccountMember,
  addDescribedMember,
  createHousehold,
  deleteHousehold,
  getHousehold,
  householdSummary,
  isZeroEmploymentHousehold,
  removeMember,
  updateConsent,
  zeroEmploymentHouseholdIds,
} from "./households.server";
import { listProvincialBodies, provincialBodiesSummary, setProvincialBodyKinds } from "./provincial-bodies.server";
import { verifySchema } from "./verification.schema";
import { verificationDone, verificationForm, verificationQueue, verify } from "./verification.server";
import { isWorkingAge, workingAgeSql } from "./working-age";
import { todayInShanghai } from "../vacancies/vacancies.schema";

const t = useTestDatabase();

/** Noon of a calendar day in Asia/Shanghai, for the use-cases' `now`. */
function on(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}
const TODAY = "2026-11-15";
const NOW = on(TODAY);

async function staff(role: Extract<Role, "counselor" | "admin">, regionCode: string, displayName?: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode, displayName });
  return { id: u.id, role, regionCode };
}

let provinceAdmin: Actor | undefined;
async function province(): Promise<Actor> {
  provinceAdmin ??= await staff("admin", "520000");
  return provinceAdmin;
}

/** A seeker of `regionCode` with the given sex and birth date (as derived from an ID number). */
async function seeker(options: { regionCode?: string; realName?: string; gender?: "male" | "female"; birthDate?: string } = {}) {
  const u = await createUser(t.db, { role: "seeker" });
  const idNumber = freshIdNumber();
  await createSeekerProfile(t.db, u.id, { idNumber, regionCode: options.regionCode ?? "520102", realName: options.realName ?? `核查${Math.random().toString(36).slice(2, 6)}` });
  await t.db
    .updateTable("seeker_profile")
    .set({ gender: options.gender ?? "male", birth_date: options.birthDate ?? "1990-05-01" })
    .where("user_id", "=", u.id)
    .execute();
  const profile = await t.db.selectFrom("seeker_profile").select(["certificate_number"]).where("user_id", "=", u.id).executeTakeFirstOrThrow();
  return { id: u.id, phone: u.phone!, certificate: profile.certificate_number!, actor: { id: u.id, role: "seeker", regionCode: null } as Actor };
}

async function assign(seekerId: string, counselor: Actor) {
  const r = await assignSeeker(t.db, await province(), { seekerId, counselorId: counselor.id, note: "" });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
}

/** An employment record made directly (self-employment: no organization). */
async function employment(seekerId: string, e: { start: string; end?: string | null; endedOn?: string | null; organizationId?: string; form?: EmploymentForm }) {
  const row = await t.db
    .insertInto("employment")
    .values({
      seeker_id: seekerId,
      organization_id: e.organizationId ?? null,
      employer_name: e.organizationId ? null : "个体经营",
      contract_start: e.start,
      contract_end: e.end ?? null,
      ended_on: e.endedOn ?? null,
      social_insurance: false,
      monthly_pay: 3000,
      form: e.form ?? "self_employed",
      origin: "recorded",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
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

function input(overrides: Partial<Record<string, unknown>> = {}) {
  const parsed = verifySchema.safeParse({ employmentStatus: "unemployed", trainingNeeds: [], serviceNeeds: [], note: "", ...overrides });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------------

describe("the quarterly real-name check", () => {
  it("the queue lists only caseload people not checked this quarter, oldest first; a checked one leaves it", async () => {
    const c = await staff("counselor", "520102", "实名指导员甲");
    const other = await staff("counselor", "520102", "实名指导员乙");
    const never = await seeker({ realName: "从未核查" });
    const lastSummer = await seeker({ realName: "夏季核查" });
    const lastSpring = await seeker({ realName: "春季核查" });
    const thisQuarter = await seeker({ realName: "本季已核" });
    const notMine = await seeker({ realName: "别人的人" });
    for (const s of [never, lastSummer, lastSpring, thisQuarter]) await assign(s.id, c);
    await assign(notMine.id, other);
    const row = (seekerId: string, day: string, by: string | null) => ({ seeker_id: seekerId, verified_on: day, verified_by: by, employment_status: "unemployed" as const });
    await t.db
      .insertInto("real_name_verification")
      .values([row(lastSummer.id, "2026-08-20", other.id), row(lastSpring.id, "2026-04-02", null), row(lastSpring.id, "2026-03-01", c.id), row(thisQuarter.id, "2026-10-01", c.id)])
      .execute();

    const q = await verificationQueue(t.db, c, { now: NOW, ip: "10.1.1.1" });
    expect(q.quarter).toEqual({ year: 2026, quarter: 4, start: "2026-10-01", end: "2026-12-31" });
    expect({ total: q.total, verified: q.verified, pending: q.pending }).toEqual({ total: 4, verified: 1, pending: 3 });
    expect(q.rows).toEqual([
      { seekerId: never.id, name: "从未核查", lastVerifiedOn: null, lastVerifiedByName: null },
      { seekerId: lastSpring.id, name: "春季核查", lastVerifiedOn: "2026-04-02", lastVerifiedByName: null },
      { seekerId: lastSummer.id, name: "夏季核查", lastVerifiedOn: "2026-08-20", lastVerifiedByName: "实名指导员乙" },
    ]);
    // The read is audited, one row per person shown.
    const audited = await t.db.selectFrom("audit_event").select("subject_user_id").where("actor_id", "=", c.id).where("entity", "=", "verification_queue").execute();
    expect(audited.map((a) => a.subject_user_id).sort()).toEqual([never.id, lastSpring.id, lastSummer.id].sort());

    // On the quarter's last day the quarter is the same; the day after, everyone is due again.
    expect((await verificationQueue(t.db, c, { now: on("2026-12-31") })).pending).toBe(3);
    expect((await verificationQueue(t.db, c, { now: on("2027-01-01") })).pending).toBe(4);

    const r = await verify(t.db, c, lastSummer.id, input({ employmentStatus: "employed", employmentForm: "flexible", trainingNeeds: ["online_remote", "online_remote"], serviceNeeds: ["job_introduction"], note: "电话核实" }), { now: NOW });
    expect(r.ok).toBe(true);
    const after = await verificationQueue(t.db, c, { now: NOW });
    expect({ total: after.total, verified: after.verified, pending: after.pending }).toEqual({ total: 4, verified: 2, pending: 2 });
    expect(after.rows.map((x) => x.seekerId)).toEqual([never.id, lastSpring.id]);

    const stored = await t.db
      .selectFrom("real_name_verification")
      .select(["verified_on", "verified_by", "employment_status", "employment_form", "training_needs", "service_needs", "note"])
      .where("seeker_id", "=", lastSummer.id)
      .orderBy("verified_on", "desc")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      verified_on: TODAY,
      verified_by: c.id,
      employment_status: "employed",
      employment_form: "flexible",
      training_needs: ["online_remote"],
      service_needs: ["job_introduction"],
      note: "电话核实",
    });
    const form = await verificationForm(t.db, c, lastSummer.id, { now: NOW });
    expect(form.last).toMatchObject({ verifiedOn: TODAY, verifiedByName: "实名指导员甲", employmentStatus: "employed", employmentForm: "flexible" });
    expect(form.profileStatus).toBe("employed");
  });

  it("only the seeker's current counselor may check (others 404, nothing written)", async () => {
    const mine = await staff("counselor", "520103");
    const colleague = await staff("counselor", "520103");
    const admin = await staff("admin", "520100");
    const s = await seeker({ regionCode: "520103" });
    await assign(s.id, mine);
    for (const actor of [colleague, admin, await province(), s.actor]) {
      expect(await outcome(verify(t.db, actor, s.id, input(), { now: NOW }))).toBe(404);
      expect(await outcome(verificationForm(t.db, actor, s.id, { now: NOW }))).toBe(404);
    }
    expect(await outcome(verify(t.db, mine, "not-a-uuid", input(), { now: NOW }))).toBe(404);
    expect(await outcome(verificationQueue(t.db, admin, { now: NOW }))).toBe(404);
    expect(await t.db.selectFrom("real_name_verification").select("id").where("seeker_id", "=", s.id).execute()).toEqual([]);

    // Reassigned: the new counselor checks, the old one no longer can.
    await assign(s.id, colleague);
    expect(await outcome(verify(t.db, mine, s.id, input(), { now: NOW }))).toBe(404);
    expect(await outcome(verify(t.db, colleague, s.id, input(), { now: NOW }))).toBe("ok");
  });

  it("the profile follows the check ('unable' stays 'unemployed'); employed without an open record is pointed out", async () => {
    const c = await staff("counselor", "520102");
    const s = await seeker();
    await assign(s.id, c);
    const status = async () => (await t.db.selectFrom("seeker_profile").select("employment_status").where("user_id", "=", s.id).executeTakeFirstOrThrow()).employment_status;

    const student = await verify(t.db, c, s.id, input({ employmentStatus: "student" }), { now: NOW });
    expect(student.ok && (await status())).toBe("student");
    const unable = await verify(t.db, c, s.id, input({ employmentStatus: "unable", employmentForm: "flexible" }), { now: NOW });
    expect(await status()).toBe("unemployed");
    if (!unable.ok) throw new Error("verify failed");
    // A form chosen with another status is not kept.
    expect((await t.db.selectFrom("real_name_verification").select("employment_form").where("id", "=", unable.value.verificationId).executeTakeFirstOrThrow()).employment_form).toBeNull();

    const employed = await verify(t.db, c, s.id, input({ employmentStatus: "employed", employmentForm: "rural" }), { now: NOW });
    if (!employed.ok) throw new Error("verify failed");
    expect(await status()).toBe("employed");
    expect(await verificationDone(t.db, c, employed.value.verificationId, { now: NOW })).toMatchObject({ seekerId: s.id, employmentStatus: "employed", employedWithoutRecord: true });
    // An ended record does not count; an open one does.
    await employment(s.id, { start: "2025-01-01", endedOn: "2026-03-01" });
    expect(await verificationDone(t.db, c, employed.value.verificationId, { now: NOW })).toMatchObject({ employedWithoutRecord: true });
    // Nor does one starting next month: not open today.
    await employment(s.id, { start: "2026-12-01", form: "rural" });
    expect(await verificationDone(t.db, c, employed.value.verificationId, { now: NOW })).toMatchObject({ employedWithoutRecord: true });
    expect(await verificationForm(t.db, c, s.id, { now: NOW })).toMatchObject({ hasOpenEmployment: false });
    await employment(s.id, { start: "2026-09-01", form: "rural" });
    expect(await verificationDone(t.db, c, employed.value.verificationId, { now: NOW })).toMatchObject({ employedWithoutRecord: false });
    // The confirmation is the checker's only.
    expect(await verificationDone(t.db, await staff("counselor", "520102"), employed.value.verificationId, { now: NOW })).toBeNull();
    expect(await verificationDone(t.db, c, "nonsense", { now: NOW })).toBeNull();
  });

  it("the form asks the form of employment of someone employed, and only listed choices", () => {
    const errors = (v: Record<string, unknown>) => {
      const r = verifySchema.safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ employmentStatus: "employed" })).toEqual({ employmentForm: "realname.err.formRequired" });
    expect(errors({})).toEqual({ employmentStatus: "realname.err.statusRequired" });
    expect(errors({ employmentStatus: "unemployed", trainingNeeds: ["juggling"] })).toEqual({ "trainingNeeds.0": "realname.err.choiceInvalid" });
    expect(errors({ employmentStatus: "unemployed", serviceNeeds: ["job_introduction", "x"] })).toEqual({ "serviceNeeds.1": "realname.err.choiceInvalid" });
    expect(errors({ employmentStatus: "unemployed", note: "长".repeat(1001) })).toEqual({ note: "realname.err.noteLong" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("households and zero-employment families", () => {
  const CONSENT = { consentNote: "户主同意记录家庭成员的就业情况，用于零就业家庭帮扶", consentOn: "2026-11-01" };

  async function household(counselor: Actor, head: { id: string }) {
    const r = await createHousehold(t.db, counselor, head.id, CONSENT, { now: NOW });
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    await backdate(r.value.householdId);
    return r.value.householdId;
  }

  /**
   * Rows recorded after a day do not count on it, and the tests' days are fixed while rows are created now: the
   * household and its members are dated as recorded early in 2026.
   */
  async function backdate(householdId: string) {
    const early = new Date("2026-01-05T09:00:00+08:00");
    await t.db.updateTable("household").set({ created_at: early }).where("id", "=", householdId).execute();
    await t.db.updateTable("household_member").set({ created_at: early }).where("household_id", "=", householdId).execute();
  }

  it("a working-age member employed clears it; a 60-year-old man employed does not; a described member's flag counts", async () => {
    const c = await staff("counselor", "520102");
    const head = await seeker({ gender: "male", birthDate: "1996-01-01" }); // 30, not employed
    await assign(head.id, c);
    const h = await household(c, head);
    // Only a working-age member who is not employed: zero-employment.
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(true);

    // The father turned 60 yesterday and holds a job: he is past working age, so the family still has nobody employed.
    const father = await seeker({ gender: "male", birthDate: "1966-11-14" });
    const added = await addAccountMember(t.db, c, head.id, { identifier: father.certificate, relation: "parent" });
    expect(added.ok).toBe(true);
    await backdate(h);
    await employment(father.id, { start: "2020-01-01" });
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(true);
    // Two days earlier he was 59: then the family had someone employed.
    expect(await isZeroEmploymentHousehold(t.db, h, "2026-11-13")).toBe(false);

    // A described sister, 45, employed: cleared.
    const sister = await addDescribedMember(t.db, c, head.id, { name: "王姐", gender: "female", birthDate: "1981-03-03", employed: "yes", relation: "sibling" }, { now: NOW });
    expect(sister.ok).toBe(true);
    // Recorded today (after the test's day): she does not count on it yet.
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(true);
    expect(await isZeroEmploymentHousehold(t.db, h, todayInShanghai())).toBe(false);
    await backdate(h);
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(false);
    const page = await getHousehold(t.db, c, head.id, { now: NOW });
    expect(page.household?.zeroEmployment).toBe(false);
    // The person themself first (the others were backdated to the same moment, so their order is the id's).
    expect(page.household?.members[0]?.isSelf).toBe(true);
    expect(page.household?.members.map((m) => [m.relation, m.kind, m.workingAge, m.employed]).sort()).toEqual([
      ["parent", "account", false, true],
      ["self", "account", true, false],
      ["sibling", "described", true, true],
    ]);
    const sisterId = page.household!.members.find((m) => m.relation === "sibling")!.id;
    expect(await removeMember(t.db, c, head.id, sisterId)).toEqual({ ok: true, value: null });
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(true);
    // The head cannot be removed.
    expect(await removeMember(t.db, c, head.id, page.household!.members[0]!.id)).toEqual({ ok: false, fieldErrors: { "": ["realname.err.cannotRemoveSelf"] } });
  });

  it("a working-age member with an open employment record: not zero-employment; ended or past its contract end: zero again", async () => {
    const c = await staff("counselor", "520102");
    const head = await seeker({ gender: "female", birthDate: "1990-01-01" });
    await assign(head.id, c);
    const h = await household(c, head);
    const wife = await seeker({ gender: "female", birthDate: "1972-06-01" }); // 54
    expect((await addAccountMember(t.db, c, head.id, { identifier: wife.phone, relation: "spouse" })).ok).toBe(true);
    await backdate(h);
    const job = await employment(wife.id, { start: "2026-03-01", end: "2026-12-31" });
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(false);
    // Not yet started, and past the contract end: not employed on those days.
    expect(await isZeroEmploymentHousehold(t.db, h, "2026-02-28")).toBe(true);
    expect(await isZeroEmploymentHousehold(t.db, h, "2026-03-01")).toBe(false);
    // Before the household was recorded it is not counted at all.
    expect(await isZeroEmploymentHousehold(t.db, h, "2025-12-31")).toBe(false);
    expect(await isZeroEmploymentHousehold(t.db, h, "2027-01-01")).toBe(true);
    await t.db.updateTable("employment").set({ ended_on: "2026-11-10" }).where("id", "=", job).execute();
    expect(await isZeroEmploymentHousehold(t.db, h, TODAY)).toBe(true);
    expect(await isZeroEmploymentHousehold(t.db, h, "2026-11-09")).toBe(false);
  });

  it("members are found by exact certificate or phone within the counselor's region; one household a person", async () => {
    const c = await staff("counselor", "520102");
    const head = await seeker();
    await assign(head.id, c);
    expect(await addAccountMember(t.db, c, head.id, { identifier: "13800000000", relation: "child" })).toEqual({ ok: false, fieldErrors: { "": ["realname.err.noHousehold"] } });
    await household(c, head);
    const elsewhere = await seeker({ regionCode: "520302" });
    const notFound = { ok: false, fieldErrors: { identifier: ["realname.err.memberNotFound"] } };
    expect(await addAccountMember(t.db, c, head.id, { identifier: elsewhere.phone, relation: "child" })).toEqual(notFound);
    expect(await addAccountMember(t.db, c, head.id, { identifier: elsewhere.certificate, relation: "child" })).toEqual(notFound);
    const near = await seeker();
    // Not a prefix or a part: the whole number.
    expect(await addAccountMember(t.db, c, head.id, { identifier: near.phone.slice(0, 10), relation: "child" })).toMatchObject({ ok: false });
    expect(await addAccountMember(t.db, c, head.id, { identifier: certificateFor(freshIdNumber(), "physical", 3), relation: "child" })).toEqual(notFound);
    expect(await addAccountMember(t.db, c, head.id, { identifier: near.certificate.toLowerCase(), relation: "child" })).toMatchObject({ ok: true });
    expect(await addAccountMember(t.db, c, head.id, { identifier: near.phone, relation: "child" })).toEqual({ ok: false, fieldErrors: { identifier: ["realname.err.memberAlready"] } });

    // Someone already in a household cannot be in another, nor start their own.
    const otherHead = await seeker();
    await assign(otherHead.id, c);
    await household(c, otherHead);
    expect(await addAccountMember(t.db, c, otherHead.id, { identifier: near.phone, relation: "spouse" })).toEqual({
      ok: false,
      fieldErrors: { identifier: ["realname.err.memberInOtherHousehold"] },
    });
    await assign(near.id, c);
    expect(await createHousehold(t.db, c, near.id, CONSENT, { now: NOW })).toEqual({ ok: false, fieldErrors: { "": ["realname.err.alreadyHousehold"] } });
    expect(await createHousehold(t.db, c, otherHead.id, CONSENT, { now: NOW })).toEqual({ ok: false, fieldErrors: { "": ["realname.err.alreadyHousehold"] } });
    // Consent on a day after today is refused.
    const third = await seeker();
    await assign(third.id, c);
    expect(await createHousehold(t.db, c, third.id, { ...CONSENT, consentOn: "2026-11-16" }, { now: NOW })).toEqual({ ok: false, fieldErrors: { consentOn: ["realname.err.consentOnFuture"] } });
  });

  it("only the seeker's current counselor reads or changes the household (others 404); the read is audited", async () => {
    const c = await staff("counselor", "520102");
    const colleague = await staff("counselor", "520102");
    const head = await seeker();
    await assign(head.id, c);
    for (const actor of [colleague, await staff("admin", "520100"), head.actor]) {
      expect(await outcome(getHousehold(t.db, actor, head.id, { now: NOW }))).toBe(404);
      expect(await outcome(createHousehold(t.db, actor, head.id, CONSENT, { now: NOW }))).toBe(404);
    }
    expect(await t.db.selectFrom("household_member").select("id").where("seeker_id", "=", head.id).execute()).toEqual([]);
    const h = await household(c, head);
    const member = await seeker();
    await addAccountMember(t.db, c, head.id, { identifier: member.phone, relation: "sibling" });
    expect(await outcome(addDescribedMember(t.db, colleague, head.id, { name: "越权", gender: "male", birthDate: "1980-01-01", employed: "yes", relation: "other" }, { now: NOW }))).toBe(404);
    await getHousehold(t.db, c, head.id, { now: NOW, ip: "10.2.2.2" });
    const audited = await t.db
      .selectFrom("audit_event")
      .select(["subject_user_id", "entity_id"])
      .where("actor_id", "=", c.id)
      .where("entity", "=", "household")
      .where("action", "=", "read")
      .execute();
    expect(audited.map((a) => a.subject_user_id).sort()).toEqual([head.id, member.id].sort());
    expect(new Set(audited.map((a) => a.entity_id))).toEqual(new Set([h]));
  });

  it("a member's own counselor sees the household read only: only the counselor of its own person changes it", async () => {
    const c = await staff("counselor", "520102");
    const other = await staff("counselor", "520102");
    const head = await seeker();
    await assign(head.id, c);
    const h = await household(c, head);
    const member = await seeker();
    expect(await addAccountMember(t.db, c, head.id, { identifier: member.phone, relation: "sibling" })).toMatchObject({ ok: true });
    await assign(member.id, other);

    const view = await getHousehold(t.db, other, member.id, { now: NOW });
    expect(view.household).toMatchObject({ id: h, editable: false });
    expect(view.household!.members.map((m) => [m.isSelf, m.relation])).toEqual([
      [true, "sibling"],
      [false, "self"],
    ]);
    expect((await getHousehold(t.db, c, head.id, { now: NOW })).household).toMatchObject({ id: h, editable: true });

    const refused = { ok: false, fieldErrors: { "": ["realname.err.notOwnHousehold"] } };
    const stranger = await seeker();
    const headMember = (await t.db.selectFrom("household_member").select("id").where("seeker_id", "=", head.id).executeTakeFirstOrThrow()).id;
    expect(await updateConsent(t.db, other, member.id, { consentNote: "改写", consentOn: "2026-11-10" }, { now: NOW })).toEqual(refused);
    expect(await addAccountMember(t.db, other, member.id, { identifier: stranger.phone, relation: "spouse" })).toEqual(refused);
    expect(await addDescribedMember(t.db, other, member.id, { name: "越权", gender: "male", birthDate: "1980-01-01", employed: "yes", relation: "other" }, { now: NOW })).toEqual(refused);
    expect(await removeMember(t.db, other, member.id, headMember)).toEqual(refused);
    expect(await deleteHousehold(t.db, other, member.id)).toEqual(refused);
    // Nothing changed.
    expect(await t.db.selectFrom("household").select("consent_note").where("id", "=", h).executeTakeFirstOrThrow()).toEqual({ consent_note: CONSENT.consentNote });
    expect((await t.db.selectFrom("household_member").select("seeker_id").where("household_id", "=", h).execute()).map((r) => r.seeker_id).sort()).toEqual([head.id, member.id].sort());

    // The household's own counselor still does.
    expect(await updateConsent(t.db, c, head.id, { consentNote: "户主再次同意", consentOn: "2026-11-10" }, { now: NOW })).toEqual({ ok: true, value: null });
    expect(await deleteHousehold(t.db, c, head.id)).toEqual({ ok: true, value: null });
    expect(await t.db.selectFrom("household").select("id").where("id", "=", h).execute()).toEqual([]);
  });

  it("the caseload's zero-employment filter: the household rule, or the person's own statement", async () => {
    const c = await staff("counselor", "520102");
    const inZero = await seeker({ realName: "零就业户" });
    const inEmployed = await seeker({ realName: "有就业户" });
    const says = await seeker({ realName: "自述零就业" });
    const none = await seeker({ realName: "无家庭" });
    for (const s of [inZero, inEmployed, says, none]) await assign(s.id, c);
    await household(c, inZero);
    await household(c, inEmployed);
    await addDescribedMember(t.db, c, inEmployed.id, { name: "李父", gender: "male", birthDate: "1975-01-01", employed: "yes", relation: "parent" }, { now: NOW });
    await backdate((await t.db.selectFrom("household_member").select("household_id").where("seeker_id", "=", inEmployed.id).executeTakeFirstOrThrow()).household_id);
    await t.db.updateTable("seeker_profile").set({ zero_employment_family: true }).where("user_id", "=", says.id).execute();
    const query: CaseloadQuery = { q: "", graduationYear: null, filters: ["zeroEmploymentFamily"], sort: "name", page: 1 };
    const caseload = await getCaseload(t.db, c, c.id, query, NOW);
    expect(caseload.rows.map((r) => r.seekerId).sort()).toEqual([inZero.id, says.id].sort());
    expect(caseload.counts.zeroEmploymentFamily).toBe(2);
  });

  it("the region's counts equal a count made here from the rows, and the SQL working age agrees with TypeScript's", async () => {
    const c = await staff("counselor", "520102");
    // A few households of every kind.
    for (const [headBirth, memberEmployed, memberBirth] of [
      ["1990-01-01", true, "1985-01-01"],
      ["1990-01-01", false, "1985-01-01"],
      ["1950-01-01", true, "1940-01-01"], // nobody of working age
      ["2000-01-01", true, "1966-11-15"], // the employed one is 60 today
    ] as const) {
      const head = await seeker({ birthDate: headBirth });
      await assign(head.id, c);
      const h = await household(c, head);
      await addDescribedMember(t.db, c, head.id, { name: "成员", gender: "male", birthDate: memberBirth, employed: memberEmployed ? "yes" : "no", relation: "parent" }, { now: NOW });
      await backdate(h);
    }
    const region = "520100";
    const day = TODAY;
    const end = new Date(`2026-11-16T00:00:00+08:00`);
    const households = await t.db.selectFrom("household").select("id").where("region_code", "like", "5201%").where("created_at", "<", end).execute();
    const members = await t.db
      .selectFrom("household_member as m")
      .innerJoin("household as h", "h.id", "m.household_id")
      .leftJoin("seeker_profile as p", "p.user_id", "m.seeker_id")
      .select(["m.household_id", "m.seeker_id", "m.gender", "m.birth_date", "m.employed", "p.gender as pg", "p.birth_date as pb", "m.created_at"])
      .where("h.region_code", "like", "5201%")
      .execute();
    const jobs = await t.db.selectFrom("employment").select(["seeker_id", "contract_start", "contract_end", "ended_on"]).where("seeker_id", "is not", null).execute();
    const employedOn = (seekerId: string) =>
      jobs.some((j) => j.seeker_id === seekerId && j.contract_start <= day && (j.ended_on === null || j.ended_on > day) && (j.contract_end === null || j.contract_end >= day));
    let zero = 0;
    let withEmployed = 0;
    const zeroIds: string[] = [];
    for (const h of households) {
      const ms = members.filter((m) => m.household_id === h.id && m.created_at < end);
      const wa = ms.filter((m) => (m.seeker_id ? isWorkingAge(m.pg, m.pb, day) : isWorkingAge(m.gender, m.birth_date, day)));
      const employed = wa.filter((m) => (m.seeker_id ? employedOn(m.seeker_id) : !!m.employed));
      if (wa.length && !employed.length) {
        zero += 1;
        zeroIds.push(h.id);
      }
      if (employed.length) withEmployed += 1;
    }
    expect(zero).toBeGreaterThanOrEqual(3);
    expect(await householdSummary(t.db, region, day)).toEqual({ households: households.length, zeroEmployment: zero, withSomeoneEmployed: withEmployed });
    expect(await zeroEmploymentHouseholdIds(t.db, region, day)).toEqual(zeroIds.sort());
    // Another prefecture's households are not counted here.
    const elsewhere = await householdSummary(t.db, "520300", day);
    const there = await t.db.selectFrom("household").select((eb) => eb.fn.countAll<number>().as("n")).where("region_code", "like", "5203%").where("created_at", "<", end).executeTakeFirstOrThrow();
    expect(elsewhere.households).toBe(Number(there.n));

    // The SQL rule and the TypeScript rule agree at the boundaries.
    const cases = [
      ["male", "1966-11-15"],
      ["male", "1966-11-16"],
      ["female", "1971-11-15"],
      ["female", "1971-11-16"],
      ["male", "2010-11-15"],
      ["female", "2010-11-16"],
    ] as const;
    for (const [g, b] of cases) {
      const r = await sql<{ wa: boolean }>`select ${workingAgeSql("x.g", "x.b", day)} as wa from (select ${g}::text as g, ${b}::date as b) x`.execute(t.db);
      expect([g, b, r.rows[0]!.wa]).toEqual([g, b, isWorkingAge(g, b, day)]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("provincial bodies", () => {
  const REGION = "522732"; // 三都水族自治县: no other test flags bodies here

  async function organization(name: string) {
    const owner = await createUser(t.db, { role: "employer" });
    return createOrganization(t.db, owner.id, { name: `${name}${Math.random().toString(36).slice(2, 6)}`, regionCode: REGION, type: "government" });
  }

  async function declaration(organizationId: string, year: number, status: "draft" | "submitted" | "approved", kinds: ("disabled" | "veteran")[]) {
    const d = await t.db
      .insertInto("quota_declaration")
      .values({ organization_id: organizationId, levy_year: year, monthly_staff: Array.from({ length: 12 }, () => 100), salary_total: "8000000", status })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const kind of kinds) {
      await t.db
        .insertInto("quota_declaration_employee")
        .values({
          declaration_id: d.id,
          full_name: "申报职工",
          kind,
          certificate_number: certificateFor(freshIdNumber(), "hearing", 3),
          grade: 3,
          contract_start: `${year - 1}-01-01`,
          insurance_months: 12,
          monthly_pay: 4000,
        })
        .execute();
    }
  }

  it("a prefecture or county admin may not set the flags; others get 404; nothing is written", async () => {
    const org = await organization("省直机关");
    const before = await t.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).where("entity_id", "=", org.id).executeTakeFirstOrThrow();
    for (const actor of [await staff("admin", "520100"), await staff("admin", "522732")]) {
      expect(await setProvincialBodyKinds(t.db, actor, { organizationId: org.id, kinds: ["party_government"] })).toEqual({ ok: false, fieldErrors: { "": ["realname.err.provinceOnly"] } });
    }
    expect(await outcome(setProvincialBodyKinds(t.db, await staff("counselor", "520000"), { organizationId: org.id, kinds: ["party_government"] }))).toBe(404);
    expect((await t.db.selectFrom("organization").select("provincial_body_kinds").where("id", "=", org.id).executeTakeFirstOrThrow()).provincial_body_kinds).toEqual([]);
    const after = await t.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).where("entity_id", "=", org.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // A prefecture admin sees the list of their region, but may not flag.
    expect((await listProvincialBodies(t.db, await staff("admin", "522700"), { year: 2026 })).canFlag).toBe(false);
    expect(await outcome(listProvincialBodies(t.db, await staff("counselor", "520000"), { year: 2026 }))).toBe(404);
  });

  it("employs ≥ 1 disabled person from the year's declaration or from an employment record, and says which", async () => {
    const admin = await province();
    const summaryBefore = await provincialBodiesSummary(t.db, REGION, 2026);
    const declared = await organization("申报单位");
    await declaration(declared.id, 2026, "approved", ["disabled"]);
    const recorded = await organization("记录单位");
    const s = await seeker({ regionCode: REGION });
    await employment(s.id, { start: "2025-03-01", organizationId: recorded.id, form: "proportional" });
    const both = await organization("两者");
    await declaration(both.id, 2026, "submitted", ["disabled", "veteran"]);
    await employment((await seeker({ regionCode: REGION })).id, { start: "2026-12-31", organizationId: both.id, form: "proportional" });
    const neither = await organization("未安排");
    await declaration(neither.id, 2026, "draft", ["disabled"]); // a draft is not a declaration
    await declaration(neither.id, 2025, "approved", ["disabled"]); // another year
    await employment((await seeker({ regionCode: REGION })).id, { start: "2024-01-01", endedOn: "2025-12-31", organizationId: neither.id }); // over before 2026
    await employment((await seeker({ regionCode: REGION })).id, { start: "2024-01-01", end: "2025-06-30", organizationId: neither.id }); // contract over
    await employment((await seeker({ regionCode: REGION })).id, { start: "2027-01-01", organizationId: neither.id }); // not yet
    const veteransOnly = await organization("仅退役军人");
    await declaration(veteransOnly.id, 2026, "approved", ["veteran"]);
    const unflagged = await organization("未标记");
    await declaration(unflagged.id, 2026, "approved", ["disabled"]);

    for (const [org, kinds] of [
      [declared, ["party_government"]],
      [recorded, ["committee_member"]],
      [both, ["committee_member", "party_government"]],
      [neither, ["party_government"]],
      [veteransOnly, ["committee_member"]],
    ] as const) {
      const r = await setProvincialBodyKinds(t.db, admin, { organizationId: org.id, kinds: [...kinds] }, { ip: "10.3.3.3" });
      expect(r.ok).toBe(true);
    }
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity", "reason"]).where("entity_id", "=", both.id).execute();
    expect(audit).toEqual([{ action: "update", entity: "organization.provincial_body_kinds", reason: "- → party_government,committee_member" }]);

    const list = await listProvincialBodies(t.db, admin, { year: 2026 });
    const mine = new Map(list.bodies.map((b) => [b.id, b]));
    expect(mine.get(declared.id)).toMatchObject({ employing: true, source: "declaration", kinds: ["party_government"] });
    expect(mine.get(recorded.id)).toMatchObject({ employing: true, source: "records" });
    expect(mine.get(both.id)).toMatchObject({ employing: true, source: "both", kinds: ["party_government", "committee_member"] });
    expect(mine.get(neither.id)).toMatchObject({ employing: false, source: null });
    expect(mine.get(veteransOnly.id)).toMatchObject({ employing: false, source: null });
    expect(mine.has(unflagged.id)).toBe(false);
    // The 2025 view: the 2025 declaration and the records of 2025 count.
    const in2025 = new Map((await listProvincialBodies(t.db, admin, { year: 2025 })).bodies.map((b) => [b.id, b]));
    expect(in2025.get(neither.id)).toMatchObject({ employing: true, source: "both" });
    expect(in2025.get(both.id)).toMatchObject({ employing: false });

    const notEmploying = await listProvincialBodies(t.db, admin, { year: 2026, notEmployingOnly: true });
    expect(notEmploying.bodies.every((b) => !b.employing)).toBe(true);
    expect(notEmploying.bodies.map((b) => b.id)).toEqual(expect.arrayContaining([neither.id, veteransOnly.id]));

    expect(await provincialBodiesSummary(t.db, REGION, 2026)).toEqual({ bodies: summaryBefore.bodies + 5, employing: summaryBefore.employing + 3 });
    const province2026 = await provincialBodiesSummary(t.db, "520000", 2026);
    expect(province2026.bodies).toBeGreaterThanOrEqual(summaryBefore.bodies + 5);

    // Unsetting removes it from the list; saving the same flags again writes nothing.
    expect((await setProvincialBodyKinds(t.db, admin, { organizationId: declared.id, kinds: [] })).ok).toBe(true);
    expect((await listProvincialBodies(t.db, admin, { year: 2026 })).bodies.some((b) => b.id === declared.id)).toBe(false);
    await setProvincialBodyKinds(t.db, admin, { organizationId: both.id, kinds: ["party_government", "committee_member"] });
    expect(await t.db.selectFrom("audit_event").select("id").where("entity_id", "=", both.id).execute()).toHaveLength(1);
  });
});
