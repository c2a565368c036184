/**
 * Training on the profile and in matching (issue 14), against a real database: training needs saved and seen by the
 * counselor (and brought in by the real-name check), the poor-household flag only with consent and never for
 * employers, shown training certificates counting for a vacancy's required certificate, and the courses a counselor
 * sees for the people on their caseload.
 */
import { describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { buildSeekerDocuments } from "../../../search/documents";
import { createOrganization, createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import { assignSeeker } from "../counseling/caseload.server";
import { referVacancy } from "../counseling/referrals.server";
import { match, missingCertificates, normalizeCertificate } from "../matching/matching";
import type { Actor } from "../permissions";
import { verify } from "../realname/verification.server";
import { candidatesForVacancy, loadMatchSeeker, recommendationsFor, searchVacancies } from "../search/search.server";
import { parseSearchParams } from "../search/search.schema";
import { familySchema, skillsSchema } from "../seekers/seekers.schema";
import { getProfile, saveFamily, saveSkills } from "../seekers/seekers.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { vacancySchema } from "../vacancies/vacancies.schema";
import { coursesForCaseload } from "./caseload-courses.server";
import { certificateVisibilitySchema } from "./training-profile.schema";
import { listOwnCertificates, setShownCertificates, shownCertificateNames } from "./training-profile.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

function token() {
  return `zt${Math.random().toString(36).slice(2, 9)}`;
}

async function staff(role: Extract<Role, "counselor" | "admin">, regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), ...overrides });
  const actor: Actor = { id: u.id, role: "seeker", regionCode: null };
  return { id: u.id, actor };
}

async function assign(seekerId: string, counselor: Actor) {
  const province = await staff("admin", "520000");
  const r = await assignSeeker(t.db, province, { seekerId, counselorId: counselor.id, note: "" });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
}

async function certificate(seekerId: string, name: string, show: boolean) {
  return t.db
    .insertInto("training_certificate")
    .values({ seeker_id: seekerId, kind: "vocational_qualification", name, level: "五级", number: "GZ-2026-0001", issuer: "贵州省盲人按摩指导中心", issued_on: "2026-06-30", show_on_profile: show })
    .returning("id")
    .executeTakeFirstOrThrow();
}

function auditCount(actorId: string, subjectId: string, entity: string) {
  return t.db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("actor_id", "=", actorId)
    .where("subject_user_id", "=", subjectId)
    .where("entity", "=", entity)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

describe("training needs on the profile", () => {
  it("the seeker's chosen needs are saved with the skills step and seen by their counselor (audited)", async () => {
    const s = await seeker();
    const counselor = await staff("counselor", "520102");
    await assign(s.id, counselor);
    const input = skillsSchema.parse({ skills: "办公软件", certificates: "", trainingNeeds: ["online_remote", "blind_health_massage", "online_remote"] });
    expect(input.trainingNeeds).toEqual(["blind_health_massage", "online_remote"]);
    expect(await saveSkills(t.db, s.actor, s.id, input)).toEqual({ ok: true, value: null });

    expect((await getProfile(t.db, s.actor, s.id)).skills.trainingNeeds).toEqual(["blind_health_massage", "online_remote"]);
    const before = await auditCount(counselor.id, s.id, "seeker_profile");
    const seen = await getProfile(t.db, counselor, s.id);
    expect(seen.skills.trainingNeeds).toEqual(["blind_health_massage", "online_remote"]);
    expect(await auditCount(counselor.id, s.id, "seeker_profile")).toBe(before + 1);

    // An unknown kind is refused at the field.
    const bad = skillsSchema.safeParse({ trainingNeeds: ["juggling"] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["trainingProfile.err.unknownKind"]);
  });

  it("the real-name check's training needs become the profile's; a check without needs leaves them", async () => {
    const s = await seeker();
    const counselor = await staff("counselor", "520102");
    await assign(s.id, counselor);
    const check = { employmentStatus: "unemployed" as const, employmentForm: null, serviceNeeds: [], note: "" };
    expect(await verify(t.db, counselor, s.id, { ...check, trainingNeeds: ["rural_practical"] })).toMatchObject({ ok: true });
    expect((await getProfile(t.db, s.actor, s.id)).skills.trainingNeeds).toEqual(["rural_practical"]);
    expect(await verify(t.db, counselor, s.id, { ...check, trainingNeeds: [] })).toMatchObject({ ok: true });
    expect((await getProfile(t.db, s.actor, s.id)).skills.trainingNeeds).toEqual(["rural_practical"]);
  });
});

describe("the poor-household flag", () => {
  it("is refused without its consent, kept with it, seen by the counselor, and erased when unticked", async () => {
    const s = await seeker();
    const counselor = await staff("counselor", "520102");
    await assign(s.id, counselor);

    const parsed = familySchema.safeParse({ poorHousehold: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["poorHouseholdConsent"], message: "trainingProfile.err.poorConsentRequired" })]);
    // The domain checks again: a caller that skips the form saves nothing.
    expect(await saveFamily(t.db, s.actor, s.id, { poorHousehold: true })).toEqual({ ok: false, fieldErrors: { poorHouseholdConsent: ["trainingProfile.err.poorConsentRequired"] } });
    let row = await t.db.selectFrom("seeker_profile").select(["poor_household", "poor_household_consent_at", "completed_steps"]).where("user_id", "=", s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ poor_household: false, poor_household_consent_at: null });
    expect(row.completed_steps).not.toContain("family");

    const first = new Date("2026-07-01T02:00:00Z");
    expect(await saveFamily(t.db, s.actor, s.id, { poorHousehold: true, poorHouseholdConsent: true }, { now: first })).toEqual({ ok: true, value: null });
    // Saving again keeps the first consent's time.
    expect(await saveFamily(t.db, s.actor, s.id, { poorHousehold: true, poorHouseholdConsent: true, lowIncomeFamily: true }, { now: new Date("2026-08-01T02:00:00Z") })).toMatchObject({ ok: true });
    const own = await getProfile(t.db, s.actor, s.id);
    expect(own.family).toEqual({ zeroEmploymentFamily: false, lowIncomeFamily: true, poorHousehold: true, poorHouseholdConsentAt: first });
    expect((await getProfile(t.db, counselor, s.id)).family.poorHousehold).toBe(true);

    expect(await saveFamily(t.db, s.actor, s.id, { lowIncomeFamily: true })).toMatchObject({ ok: true });
    row = await t.db.selectFrom("seeker_profile").select(["poor_household", "poor_household_consent_at", "completed_steps"]).where("user_id", "=", s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ poor_household: false, poor_household_consent_at: null });
  });

  it("is never given to employers: not the profile, not the search document, not the candidate list", async () => {
    const s = await seeker({ regionCode: "520115", discoverable: true, needsRequired: ["elevator"] });
    expect(await saveFamily(t.db, s.actor, s.id, { poorHousehold: true, poorHouseholdConsent: true })).toMatchObject({ ok: true });
    const e = await employerWithOrganization(t.db);
    await expect(getProfile(t.db, e.actor, s.id)).rejects.toMatchObject(NOT_FOUND);

    const built = await buildSeekerDocuments(t.db, [s.id]);
    expect(built.upsert).toHaveLength(1);
    expect(JSON.stringify(built.upsert[0]).toLowerCase()).not.toMatch(/poor|household_consent/);

    const v = await createVacancy(t.db, e.organization.id, { regionCode: "520115", accommodations: ["elevator"] });
    const page = await candidatesForVacancy(t.db, e.actor, v.id, 1);
    const found = page.items.find((c) => c.id === s.id);
    expect(found).toBeDefined();
    expect(JSON.stringify(found).toLowerCase()).not.toContain("poor");
  });
});

describe("training certificates on the profile count for matching", () => {
  it("normalizes names: width, spaces and a trailing 证/证书 do not matter", () => {
    expect(normalizeCertificate(" 保健 按摩师证书 ")).toBe(normalizeCertificate("保健按摩师"));
    expect(normalizeCertificate("ＣＡＤ证")).toBe("cad");
    expect(missingCertificates({ certificates: ["保健按摩师证"] }, { requiredCertificates: ["保健按摩师", "医疗按摩师"] })).toEqual(["医疗按摩师"]);
    expect(missingCertificates({}, {})).toEqual([]);
  });

  it("a vacancy requiring 保健按摩师 fits the seeker who shows it and not one who hides it", async () => {
    const word = token();
    const e = await employerWithOrganization(t.db);
    const r = vacancySchema().safeParse({
      organizationId: e.organization.id,
      title: `按摩师${word}`,
      description: "为顾客提供保健按摩。",
      category: "other",
      employmentType: "full_time",
      openings: 1,
      regionCode: "520102",
      payMin: 3000,
      payMax: 5000,
      educationRequired: "none",
      requiredCertificates: "保健按摩师",
      accommodations: ["braille"],
      demands: [],
    });
    // The schema turns the typed list into names; the fixture vacancy takes them straight.
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data?.requiredCertificates).toEqual(["保健按摩师"]);
    const v = await createVacancy(t.db, e.organization.id, { title: `按摩师${word}`, regionCode: "520102", accommodations: ["braille"] });
    await t.db.updateTable("vacancy").set({ required_certificates: ["保健按摩师"] }).where("id", "=", v.id).execute();

    const shows = await seeker({ regionCode: "520102", needsRequired: ["braille"], discoverable: true });
    const hides = await seeker({ regionCode: "520102", needsRequired: ["braille"], discoverable: true });
    const shown = await certificate(shows.id, "保健按摩师", false);
    await certificate(hides.id, "保健按摩师", false);
    expect(await setShownCertificates(t.db, shows.actor, certificateVisibilitySchema.parse({ shown: [shown.id] }))).toEqual({ ok: true, value: { shown: 1 } });
    expect((await listOwnCertificates(t.db, shows.actor)).map((c) => [c.name, c.shown])).toEqual([["保健按摩师", true]]);
    expect(await shownCertificateNames(t.db, [shows.id, hides.id])).toEqual(new Map([[shows.id, ["保健按摩师"]]]));

    // The seeker's own search: eligible for the one who shows it; "does not fit" in words for the other.
    const { params } = parseSearchParams(new URLSearchParams(`q=${word}&show=all`));
    const mine = await searchVacancies(t.db, shows.actor, params);
    expect(mine.items.find((i) => i.id === v.id)?.match).toMatchObject({ eligible: true, reasons: { certificatesMissing: [] } });
    const theirs = await searchVacancies(t.db, hides.actor, params);
    expect(theirs.items.find((i) => i.id === v.id)?.match).toMatchObject({ eligible: false, reasons: { certificatesMissing: ["保健按摩师"] } });

    // Recommendations and the employer's candidates follow the same rule.
    expect((await recommendationsFor(t.db, shows.actor)).items.map((i) => i.id)).toContain(v.id);
    expect((await recommendationsFor(t.db, hides.actor)).items.map((i) => i.id)).not.toContain(v.id);
    const candidates = (await candidatesForVacancy(t.db, e.actor, v.id, 1)).items.map((c) => c.id);
    expect(candidates).toContain(shows.id);
    expect(candidates).not.toContain(hides.id);

    // A counselor cannot refer the one who lacks it.
    const counselor = await staff("counselor", "520102");
    await assign(hides.id, counselor);
    expect(await referVacancy(t.db, counselor, hides.id, { vacancyId: v.id, message: "" })).toEqual({ ok: false, fieldErrors: { "": ["counseling.err.notEligible"] } });

    // Hiding it again takes it out of matching.
    expect(await setShownCertificates(t.db, shows.actor, { shown: [] })).toMatchObject({ ok: true });
    const me = await loadMatchSeeker(t.db, shows.id);
    const vacancy = { regionCode: "520102", remote: false, accommodations: ["braille"], demands: [], skills: [], educationRequired: "none", payMin: 0, payMax: 0, publishedAt: null, requiredCertificates: ["保健按摩师"] };
    expect(match(me!.seeker, vacancy).reasons.certificatesMissing).toEqual(["保健按摩师"]);
  });

  it("a seeker can show only their own certificates", async () => {
    const a = await seeker();
    const b = await seeker();
    const theirs = await certificate(b.id, "电工证", false);
    const mine = await certificate(a.id, "中式面点师", false);
    expect(await setShownCertificates(t.db, a.actor, { shown: [mine.id, theirs.id] })).toEqual({ ok: false, fieldErrors: { shown: ["trainingProfile.err.unknownCertificate"] } });
    const rows = await t.db.selectFrom("training_certificate").select(["id", "show_on_profile"]).where("id", "in", [mine.id, theirs.id]).execute();
    expect(rows.every((r) => !r.show_on_profile)).toBe(true);
    expect(certificateVisibilitySchema.safeParse({ shown: ["not-an-id"] }).success).toBe(false);
  });
});

describe("courses for the people on a counselor's caseload", () => {
  async function course(providerId: string, values: { kind: "blind_health_massage" | "rural_practical"; regionCode: string; online?: boolean; title: string; status?: "published" | "draft" }) {
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4)) + 1;
    return t.db
      .insertInto("course")
      .values({
        provider_id: providerId,
        kind: values.kind,
        title: values.title,
        starts_on: `${year}-03-01`,
        ends_on: `${year}-03-20`,
        online: values.online ?? false,
        link: values.online ? "https://example.org/course" : null,
        venue: values.online ? null : "培训中心",
        region_code: values.regionCode,
        capacity: 20,
        status: values.status ?? "published",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  it("lists published courses of the person's need kinds in their prefecture or online, and audits the read", async () => {
    const word = token();
    const owner = await createUser(t.db, { role: "employer" });
    const provider = await createOrganization(t.db, owner.id, { regionCode: "520102" });
    const counselor = await staff("counselor", "520100");
    const other = await staff("counselor", "520100");
    const wants = await seeker({ regionCode: "520103", realName: `甲${word}` });
    const noNeeds = await seeker({ regionCode: "520103", realName: `乙${word}` });
    await t.db.updateTable("seeker_profile").set({ training_needs: ["blind_health_massage"] }).where("user_id", "=", wants.id).execute();
    await assign(wants.id, counselor);
    await assign(noNeeds.id, counselor);

    const near = await course(provider.id, { kind: "blind_health_massage", regionCode: "520113", title: `贵阳按摩${word}` });
    const online = await course(provider.id, { kind: "blind_health_massage", regionCode: "520302", online: true, title: `线上按摩${word}` });
    const far = await course(provider.id, { kind: "blind_health_massage", regionCode: "520302", title: `遵义按摩${word}` });
    const otherKind = await course(provider.id, { kind: "rural_practical", regionCode: "520113", title: `种植${word}` });
    const draft = await course(provider.id, { kind: "blind_health_massage", regionCode: "520113", title: `草稿${word}`, status: "draft" });

    const people = await coursesForCaseload(t.db, counselor);
    expect(people.map((p) => p.seekerId)).toEqual([wants.id]);
    const ids = people[0]!.courses.map((c) => c.id);
    expect(ids).toContain(near.id);
    expect(ids).toContain(online.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(otherKind.id);
    expect(ids).not.toContain(draft.id);
    expect(people[0]).toMatchObject({ name: `甲${word}`, needs: ["blind_health_massage"], prefectureCode: "520100" });
    expect(await auditCount(counselor.id, wants.id, "caseload_courses")).toBe(1);
    expect(await auditCount(counselor.id, noNeeds.id, "caseload_courses")).toBe(0);

    // Another counselor sees only their own caseload (nobody here); other roles get 404.
    expect(await coursesForCaseload(t.db, other)).toEqual([]);
    await expect(coursesForCaseload(t.db, wants.actor)).rejects.toMatchObject(NOT_FOUND);
    await expect(coursesForCaseload(t.db, await staff("admin", "520000"))).rejects.toMatchObject(NOT_FOUND);
  });
});
