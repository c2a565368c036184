import { describe, expect, it } from "vitest";
import { uniqueIp, useTestDatabase } from "../../../tests/helpers/db";
import { createOrganization, createUser, createVacancy, FACTORY_PASSWORD } from "../../../tests/fixtures/factories";
import { certificateFor, freshIdNumber, newSeeker } from "../../../tests/fixtures/seekers";
import { LIMITS } from "../accounts/rate-limit.server";
import { idCheckCharacter } from "../identity";
import type { Actor } from "../permissions";
import {
  deleteOwnAccount,
  exportAccountData,
  getOwnProfile,
  getProfile,
  saveDisability,
  saveEducation,
  saveFamily,
  saveLimits,
  saveNeeds,
  savePersonal,
  saveRegion,
  saveSkills,
  saveWorkPreferences,
  setDiscoverable,
  withdrawDisabilityConsent,
} from "./seekers.server";
import { choicesFromNeeds, skillsSchema } from "./seekers.schema";
import { profileCompleteness } from "./completeness";
import { buildExportView, exportWorkbook } from "./export-view.server";
import ExcelJS from "exceljs";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };
const IP = "test-seekers";

/** An ID number whose check character is wrong (the right one plus one, modulo the alphabet). */
function withWrongCheck(id: string): string {
  const chars = "0123456789X";
  const right = idCheckCharacter(id.slice(0, 17));
  return id.slice(0, 17) + chars[(chars.indexOf(right) + 1) % chars.length];
}

async function profileRow(userId: string) {
  return t.db.selectFrom("seeker_profile").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

async function seekerWithId() {
  const s = await newSeeker(t.db);
  const idNumber = freshIdNumber();
  const r = await savePersonal(t.db, s.actor, s.user.id, { realName: "王小明", idNumber });
  expect(r.ok).toBe(true);
  return { ...s, idNumber };
}

describe("personal details", () => {
  it("saves name and ID number, taking birth date and gender from the ID number when left empty", async () => {
    const { actor, user } = await newSeeker(t.db);
    const idNumber = freshIdNumber({ birth: "19980203", gender: "female", region: "520103" });
    const r = await savePersonal(t.db, actor, user.id, { realName: " 李芳 ".trim(), idNumber });
    expect(r).toEqual({ ok: true, value: { certificateCleared: false } });
    expect(await profileRow(user.id)).toMatchObject({
      real_name: "李芳",
      id_number: idNumber,
      birth_date: "1998-02-03",
      gender: "female",
      completed_steps: ["personal"],
    });
  });

  it("refuses an ID number with a wrong check digit, and saves nothing", async () => {
    const { actor, user } = await newSeeker(t.db);
    const r = await savePersonal(t.db, actor, user.id, { realName: "张三", idNumber: withWrongCheck(freshIdNumber()) });
    expect(r).toEqual({ ok: false, fieldErrors: { idNumber: ["seekers.err.idCheckDigit"] } });
    expect(await profileRow(user.id)).toBeUndefined();
  });

  it("says which of birth date and gender disagree with the ID number", async () => {
    const { actor, user } = await newSeeker(t.db);
    const idNumber = freshIdNumber({ birth: "19950615", gender: "male" });
    const r = await savePersonal(t.db, actor, user.id, { realName: "张三", idNumber, birthDate: "1995-06-16", gender: "female" });
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        birthDate: ['seekers.err.birthDateMismatch|{"date":"1995-06-15"}'],
        gender: ["seekers.err.genderMismatchMale"],
      },
    });
  });

  it("birth date and gender always follow the ID number: a new number brings its own, a matching typed value is accepted", async () => {
    const { actor, user } = await newSeeker(t.db);
    const first = freshIdNumber({ birth: "19900101", gender: "male" });
    expect(await savePersonal(t.db, actor, user.id, { realName: "张三", idNumber: first, birthDate: "1990-01-01", gender: "male" })).toMatchObject({ ok: true });
    expect(await profileRow(user.id)).toMatchObject({ birth_date: "1990-01-01", gender: "male" });
    const second = freshIdNumber({ birth: "19851231", gender: "female" });
    expect(await savePersonal(t.db, actor, user.id, { realName: "张三", idNumber: second })).toMatchObject({ ok: true });
    expect(await profileRow(user.id)).toMatchObject({ id_number: second, birth_date: "1985-12-31", gender: "female" });
    // A typed value is compared with the number on file when the ID field is left empty, and a mismatch saves nothing.
    expect(await savePersonal(t.db, actor, user.id, { realName: "李四", gender: "male" })).toEqual({
      ok: false,
      fieldErrors: { gender: ["seekers.err.genderMismatchFemale"] },
    });
    expect(await profileRow(user.id)).toMatchObject({ real_name: "张三", gender: "female" });
  });

  it("requires an ID number the first time, and keeps the saved one when the field is left empty", async () => {
    const { actor, user } = await newSeeker(t.db);
    expect(await savePersonal(t.db, actor, user.id, { realName: "张三" })).toEqual({ ok: false, fieldErrors: { idNumber: ["seekers.err.idRequired"] } });
    const idNumber = freshIdNumber();
    await savePersonal(t.db, actor, user.id, { realName: "张三", idNumber });
    expect(await savePersonal(t.db, actor, user.id, { realName: "张三丰" })).toMatchObject({ ok: true });
    expect(await profileRow(user.id)).toMatchObject({ real_name: "张三丰", id_number: idNumber });
  });

  it("does not let two accounts hold the same ID number", async () => {
    const a = await seekerWithId();
    const b = await newSeeker(t.db);
    expect(await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: a.idNumber })).toEqual({
      ok: false,
      fieldErrors: { idNumber: ["seekers.err.idTaken"] },
    });
  });
  it("a new ID number that no longer matches the saved certificate clears the certificate and reopens that step", async () => {
    const s = await seekerWithId();
    await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "vision", grade: 2, certificateNumber: certificateFor(s.idNumber, "vision", 2) });
    const other = freshIdNumber();
    const r = await savePersonal(t.db, s.actor, s.user.id, { realName: "王小明", idNumber: other });
    expect(r).toEqual({ ok: true, value: { certificateCleared: true } });
    expect(await profileRow(s.user.id)).toMatchObject({ id_number: other, certificate_number: null, completed_steps: ["personal"] });
    // The overview says what is missing instead of "not started": category and grade are still held.
    const disability = profileCompleteness(await getOwnProfile(t.db, s.actor)).find((x) => x.step === "disability");
    expect(disability).toEqual({ step: "disability", status: "partial", missing: ["certificateNumber"] });
  });
});

describe("identifier collisions (issue 12)", () => {
  async function collisions(actorId: string) {
    return t.db
      .selectFrom("audit_event")
      .select(["action", "entity", "entity_id", "subject_user_id", "ip"])
      .where("actor_id", "=", actorId)
      .where("action", "=", "collision")
      .execute();
  }

  it("audits each try with the number masked, limits them per account, and then refuses any new number alike", async () => {
    const a = await seekerWithId();
    const b = await newSeeker(t.db);
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LIMITS.identifierCollisionPerAccount.max; i++) {
      const r = await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: a.idNumber }, { ip, now });
      expect(r).toEqual({ ok: false, fieldErrors: { idNumber: ["seekers.err.idTaken"] } });
    }
    // The refused saves left no profile behind for b.
    expect(await profileRow(b.user.id)).toBeUndefined();
    const audit = await collisions(b.user.id);
    expect(audit).toHaveLength(LIMITS.identifierCollisionPerAccount.max);
    for (const e of audit) {
      expect(e).toEqual({ action: "collision", entity: "id_number", entity_id: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/), subject_user_id: a.user.id, ip });
      expect(e.entity_id).not.toContain(a.idNumber.slice(4, 14));
    }
    // Limited: the holder's number and a free one get the same answer, with a time to retry.
    for (const idNumber of [a.idNumber, freshIdNumber()]) {
      const r = await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber }, { ip: uniqueIp(), now });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors.idNumber![0]).toMatch(/^seekers\.err\.identifierTooMany\|/);
    }
    expect(await collisions(b.user.id)).toHaveLength(LIMITS.identifierCollisionPerAccount.max);
    // A day later the account may try again.
    const later = new Date(now.getTime() + LIMITS.identifierCollisionPerAccount.windowMs + 1000);
    expect(await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: freshIdNumber() }, { ip, now: later })).toMatchObject({ ok: true });
  });

  it("limits collisions per address across accounts", async () => {
    const a = await seekerWithId();
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LIMITS.identifierCollisionPerIp.max; i++) {
      const b = await newSeeker(t.db);
      expect(await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: a.idNumber }, { ip, now })).toEqual({
        ok: false,
        fieldErrors: { idNumber: ["seekers.err.idTaken"] },
      });
    }
    const next = await newSeeker(t.db);
    const r = await savePersonal(t.db, next.actor, next.user.id, { realName: "李四", idNumber: freshIdNumber() }, { ip, now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.idNumber![0]).toMatch(/^seekers\.err\.identifierTooMany\|/);
    expect(await savePersonal(t.db, next.actor, next.user.id, { realName: "李四", idNumber: freshIdNumber() }, { ip: uniqueIp(), now })).toMatchObject({ ok: true });
  });

  it("holds the limit under parallel saves", async () => {
    const a = await seekerWithId();
    const b = await newSeeker(t.db);
    const ip = uniqueIp();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: a.idNumber }, { ip })),
    );
    expect(results.filter((r) => !r.ok && r.fieldErrors.idNumber?.[0] === "seekers.err.idTaken")).toHaveLength(LIMITS.identifierCollisionPerAccount.max);
    expect(await collisions(b.user.id)).toHaveLength(LIMITS.identifierCollisionPerAccount.max);
  });

  it("audits a certificate number held by another account, and a saved profile is kept", async () => {
    const a = await seekerWithId();
    const certificateNumber = certificateFor(a.idNumber, "vision", 2);
    expect(await saveDisability(t.db, a.actor, a.user.id, { consent: true, category: "vision", grade: 2, certificateNumber })).toMatchObject({ ok: true });
    // Data from before the checks: a's ID number was changed without clearing the certificate; b now holds it.
    await t.db.updateTable("seeker_profile").set({ id_number: freshIdNumber() }).where("user_id", "=", a.user.id).execute();
    const b = await newSeeker(t.db);
    expect(await savePersonal(t.db, b.actor, b.user.id, { realName: "李四", idNumber: a.idNumber })).toMatchObject({ ok: true });
    const ip = uniqueIp();
    const r = await saveDisability(t.db, b.actor, b.user.id, { consent: true, category: "vision", grade: 2, certificateNumber }, { ip });
    expect(r).toEqual({ ok: false, fieldErrors: { certificateNumber: ["seekers.err.certTaken"] } });
    expect(await collisions(b.user.id)).toEqual([
      { action: "collision", entity: "certificate_number", entity_id: expect.stringMatching(/^\d{4}\*{12}\d[\dX]\d{2}$/), subject_user_id: a.user.id, ip },
    ]);
    expect(await profileRow(b.user.id)).toMatchObject({ id_number: a.idNumber, certificate_number: null, completed_steps: ["personal"] });
  });
});

describe("disability certificate", () => {
  it("saves category, grade and certificate with the time of consent", async () => {
    const s = await seekerWithId();
    const now = new Date("2026-12-01T08:00:00Z");
    const certificateNumber = certificateFor(s.idNumber, "hearing", 3);
    expect(await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "hearing", grade: 3, certificateNumber }, { now })).toEqual({ ok: true, value: null });
    const row = await profileRow(s.user.id);
    expect(row).toMatchObject({ certificate_number: certificateNumber, disability_category: "hearing", disability_grade: 3, completed_steps: ["personal", "disability"] });
    expect(new Date(row!.sensitive_consent_at!).toISOString()).toBe(now.toISOString());
  });

  it("requires explicit consent before saving anything", async () => {
    const s = await seekerWithId();
    const r = await saveDisability(t.db, s.actor, s.user.id, {
      consent: false as true,
      category: "hearing",
      grade: 3,
      certificateNumber: certificateFor(s.idNumber, "hearing", 3),
    });
    expect(r).toEqual({ ok: false, fieldErrors: { consent: ["seekers.err.consentRequired"] } });
    expect(await profileRow(s.user.id)).toMatchObject({ certificate_number: null, disability_category: null, sensitive_consent_at: null });
  });

  it("gives each mismatch its own message", async () => {
    const s = await seekerWithId();
    const save = (certificateNumber: string, category: "vision" | "physical" = "physical", grade = 2) =>
      saveDisability(t.db, s.actor, s.user.id, { consent: true, category, grade, certificateNumber });

    expect(await save("1234")).toEqual({ ok: false, fieldErrors: { certificateNumber: ["seekers.err.certFormat"] } });
    expect(await save(`${s.idNumber}82`)).toEqual({ ok: false, fieldErrors: { certificateNumber: ["seekers.err.certFormat"] } });

    // Another person's valid ID number: differs from the one on file.
    const other = freshIdNumber();
    expect(await save(certificateFor(other, "physical", 2))).toEqual({ ok: false, fieldErrors: { certificateNumber: ["seekers.err.certIdMismatch"] } });

    // A broken check character is also, necessarily, not the ID number on file.
    expect(await save(certificateFor(withWrongCheck(s.idNumber), "physical", 2))).toEqual({
      ok: false,
      fieldErrors: { certificateNumber: ["seekers.err.certIdCheck", "seekers.err.certIdMismatch"] },
    });

    // Category digit 1 (视力) while 肢体 was chosen.
    expect(await save(certificateFor(s.idNumber, "vision", 2))).toEqual({
      ok: false,
      fieldErrors: {
        category: [
          'seekers.err.certCategoryMismatch|{"digit":"1","certZh":"视力残疾","certEn":"Visual","chosenZh":"肢体残疾","chosenEn":"Physical"}',
        ],
      },
    });

    // Grade digit 4 while grade 2 was chosen.
    expect(await save(certificateFor(s.idNumber, "physical", 4))).toEqual({
      ok: false,
      fieldErrors: { grade: ['seekers.err.certGradeMismatch|{"digit":"4","certZh":"四级","certEn":"Grade 4","chosenZh":"二级","chosenEn":"Grade 2"}'] },
    });

    // Both at once: each at its own field.
    const both = await save(certificateFor(s.idNumber, "vision", 4));
    expect(both.ok).toBe(false);
    expect(Object.keys(!both.ok ? both.fieldErrors : {}).sort()).toEqual(["category", "grade"]);

    expect(await profileRow(s.user.id)).toMatchObject({ certificate_number: null });
    expect(await save(certificateFor(s.idNumber, "physical", 2))).toEqual({ ok: true, value: null });
  });

  it("without an ID number on file, checks the certificate on its own", async () => {
    const { actor, user } = await newSeeker(t.db);
    const id = freshIdNumber();
    expect(await saveDisability(t.db, actor, user.id, { consent: true, category: "speech", grade: 1, certificateNumber: certificateFor(id, "speech", 1) })).toEqual({
      ok: true,
      value: null,
    });
    // A later ID number that differs from the certificate clears it.
    const r = await savePersonal(t.db, actor, user.id, { realName: "赵六", idNumber: freshIdNumber() });
    expect(r).toEqual({ ok: true, value: { certificateCleared: true } });
  });

  it("refuses a certificate whose ID part has an impossible birth date (month 13, born 1897), and saves nothing", async () => {
    const { actor, user } = await newSeeker(t.db);
    // Right check characters: before issue 12 these passed.
    for (const [birth, message] of [
      ["19901301", "seekers.err.certIdBirthDate"],
      ["18970315", "seekers.err.certIdBirthTooEarly"],
    ] as const) {
      const certificateNumber = certificateFor(freshIdNumber({ birth }), "physical", 2);
      expect(await saveDisability(t.db, actor, user.id, { consent: true, category: "physical", grade: 2, certificateNumber })).toEqual({
        ok: false,
        fieldErrors: { certificateNumber: [message] },
      });
    }
    expect((await profileRow(user.id))?.certificate_number ?? null).toBeNull();
  });

  it("an empty certificate field keeps the saved number, still checked against a changed category", async () => {
    const s = await seekerWithId();
    await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "physical", grade: 2, certificateNumber: certificateFor(s.idNumber, "physical", 2) });
    const r = await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "mental", grade: 2 });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fieldErrors)).toEqual(["category"]);
    expect(await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "physical", grade: 2 })).toEqual({ ok: true, value: null });
  });

  it("withdrawing consent erases the disability data", async () => {
    const s = await seekerWithId();
    await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "physical", grade: 2, certificateNumber: certificateFor(s.idNumber, "physical", 2) });
    await withdrawDisabilityConsent(t.db, s.actor, s.user.id);
    expect(await profileRow(s.user.id)).toMatchObject({
      certificate_number: null,
      disability_category: null,
      disability_grade: null,
      sensitive_consent_at: null,
      completed_steps: ["personal"],
    });
  });
});

describe("steps", () => {
  it("each step saves on its own and records that it is done", async () => {
    const { actor, user } = await newSeeker(t.db);
    expect(await saveRegion(t.db, actor, user.id, { householdRegionCode: "522601", currentRegionCode: "520102", residence: "rural" })).toMatchObject({ ok: true });
    let row = await profileRow(user.id);
    expect(row).toMatchObject({ completed_steps: ["region"], real_name: null, id_number: null, household_region_code: "522601", residence: "rural" });

    const skills = skillsSchema.parse({ skills: " 盲人按摩 ,办公软件\n盲人按摩、 电商客服 ", certificates: "保健按摩师" });
    expect(skills).toEqual({ skills: ["盲人按摩", "办公软件", "电商客服"], certificates: ["保健按摩师"], trainingNeeds: [] });
    await saveSkills(t.db, actor, user.id, skills);
    await saveFamily(t.db, actor, user.id, { zeroEmploymentFamily: true });
    row = await profileRow(user.id);
    expect(row).toMatchObject({
      completed_steps: ["region", "skills", "family"],
      household_region_code: "522601",
      skills: ["盲人按摩", "办公软件", "电商客服"],
      zero_employment_family: true,
      low_income_family: false,
    });

    // A step that fails changes nothing, including the steps already done.
    const bad = await saveRegion(t.db, actor, user.id, { householdRegionCode: "520100", currentRegionCode: "999999", residence: "urban" });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { householdRegionCode: ["seekers.err.householdRegionRequired"], currentRegionCode: ["seekers.err.currentRegionRequired"] },
    });
    expect((await profileRow(user.id))!.household_region_code).toBe("522601");
  });

  it("saves education, needs, limits and preferences", async () => {
    const { actor, user } = await newSeeker(t.db);
    await saveEducation(t.db, actor, user.id, { education: "bachelor", graduateSchool: "贵州大学", graduateMajor: "软件工程", graduationYear: 2026 });
    const needs = { ...choicesFromNeeds([], []), screen_reader: "required", flexible_hours: "preferred", remote_work: "required" } as const;
    await saveNeeds(t.db, actor, user.id, { needs });
    await saveLimits(t.db, actor, user.id, { limits: ["driving", "reading_print"] });
    await saveWorkPreferences(t.db, actor, user.id, {
      employmentStatus: "student",
      workTypes: ["full_time", "part_time"],
      wantsRemote: true,
      placeScope: "province",
      preferredRegions: ["520300"],
      expectedPay: 3500,
    });
    expect(await profileRow(user.id)).toMatchObject({
      education: "bachelor",
      graduate_school: "贵州大学",
      graduation_year: 2026,
      needs_required: ["screen_reader", "remote_work"],
      needs_preferred: ["flexible_hours"],
      limits: ["driving", "reading_print"],
      work_types: ["full_time", "part_time"],
      wants_remote: true,
      place_scope: "province",
      preferred_region_codes: ["520300"],
      expected_pay_min: 3500,
      employment_status: "student",
      completed_steps: ["education", "needs", "limits", "preferences"],
    });
    const view = await getOwnProfile(t.db, actor);
    expect(view.preferences.preferredRegions).toEqual([{ code: "520300", name: "遵义市" }]);
    expect(choicesFromNeeds(view.needs.required, view.needs.preferred)).toMatchObject(needs);

    expect(
      await saveWorkPreferences(t.db, actor, user.id, {
        employmentStatus: "student",
        workTypes: [],
        placeScope: "county",
        preferredRegions: ["520102"],
      }),
    ).toEqual({ ok: false, fieldErrors: { preferredRegions: ["seekers.err.unknownCode"] } });
  });
});

describe("discoverability and masking", () => {
  it("is off by default and needs confirming to turn on", async () => {
    const s = await seekerWithId();
    expect((await profileRow(s.user.id))!.discoverable).toBe(false);
    expect((await getOwnProfile(t.db, s.actor)).discoverable).toBe(false);
    expect(await setDiscoverable(t.db, s.actor, s.user.id, { discoverable: "on" })).toEqual({
      ok: false,
      fieldErrors: { confirm: ["seekers.err.visibilityConfirm"] },
    });
    expect((await profileRow(s.user.id))!.discoverable).toBe(false);
    expect(await setDiscoverable(t.db, s.actor, s.user.id, { discoverable: "on", confirm: true })).toEqual({ ok: true, value: { discoverable: true } });
    expect((await profileRow(s.user.id))!.discoverable).toBe(true);
    await setDiscoverable(t.db, s.actor, s.user.id, { discoverable: "off" });
    expect((await profileRow(s.user.id))!.discoverable).toBe(false);
  });

  it("shows ID and certificate numbers masked, and in full only when revealed", async () => {
    const s = await seekerWithId();
    const certificate = certificateFor(s.idNumber, "physical", 3);
    await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "physical", grade: 3, certificateNumber: certificate });
    const view = await getOwnProfile(t.db, s.actor);
    expect(view.personal.idNumber).toEqual({ masked: `${s.idNumber.slice(0, 4)}**********${s.idNumber.slice(-4)}`, start: s.idNumber.slice(0, 4), end: s.idNumber.slice(-4) });
    expect(view.personal.idNumberRevealed).toBeNull();
    expect(view.disability.certificateNumberRevealed).toBeNull();
    expect(JSON.stringify(view)).not.toContain(s.idNumber);
    expect((await getOwnProfile(t.db, s.actor, { reveal: "id" })).personal.idNumberRevealed).toBe(s.idNumber);
    const revealed = await getOwnProfile(t.db, s.actor, { reveal: "certificate" });
    expect(revealed.disability.certificateNumberRevealed).toBe(certificate);
    expect(revealed.personal.idNumberRevealed).toBeNull();
  });
});

describe("authorization", () => {
  it("a seeker cannot read or change another seeker's profile", async () => {
    const a = await seekerWithId();
    const b = await newSeeker(t.db);
    await expect(getProfile(t.db, b.actor, a.user.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(savePersonal(t.db, b.actor, a.user.id, { realName: "冒名" })).rejects.toMatchObject(NOT_FOUND);
    await expect(setDiscoverable(t.db, b.actor, a.user.id, { discoverable: "on", confirm: true })).rejects.toMatchObject(NOT_FOUND);
    await expect(exportAccountData(t.db, b.actor, a.user.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(deleteOwnAccount(t.db, b.actor, a.user.id, { password: FACTORY_PASSWORD }, { ip: IP })).rejects.toMatchObject(NOT_FOUND);
    expect(await profileRow(a.user.id)).toMatchObject({ real_name: "王小明" });
  });

  it("employers and counselors without an assignment get 404 too", async () => {
    const a = await seekerWithId();
    const employer = await createUser(t.db, { role: "employer" });
    const counselor = await createUser(t.db, { role: "counselor", regionCode: "520102" });
    for (const u of [employer, counselor]) {
      const actor: Actor = { id: u.id, role: u.role, regionCode: u.role === "counselor" ? "520102" : null };
      await expect(getProfile(t.db, actor, a.user.id)).rejects.toMatchObject(NOT_FOUND);
    }
  });
});

async function seekerWithHistory() {
  const s = await seekerWithId();
  await saveDisability(t.db, s.actor, s.user.id, { consent: true, category: "physical", grade: 2, certificateNumber: certificateFor(s.idNumber, "physical", 2) });
  const owner = await createUser(t.db, { role: "employer" });
  const org = await createOrganization(t.db, owner.id, { name: "贵阳数据科技有限公司" });
  const vacancy = await createVacancy(t.db, org.id, { title: "数据标注员" });
  const application = await t.db
    .insertInto("application")
    .values({ vacancy_id: vacancy.id, seeker_id: s.user.id, status: "hired", note: "我叫王小明，电话 13800000000", disclosure: ["name", "contact"] })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("application_event")
    .values([
      { application_id: application.id, from_status: null, to_status: "submitted", actor_id: s.user.id, message: "期待您的回复" },
      { application_id: application.id, from_status: "submitted", to_status: "hired", actor_id: owner.id, message: "欢迎加入" },
    ])
    .execute();
  await t.db
    .insertInto("employment")
    .values({
      organization_id: org.id,
      seeker_id: s.user.id,
      application_id: application.id,
      vacancy_id: vacancy.id,
      contract_start: "2026-12-01",
      contract_end: "2027-11-30",
      social_insurance: true,
      monthly_pay: 3200,
      disability_grade: 2,
      created_by: owner.id,
    })
    .execute();
  await t.db.insertInto("notification").values({ user_id: s.user.id, kind: "application.status", params: JSON.stringify({ status: "hired" }), link: `/applications/${application.id}` }).execute();
  await t.db.insertInto("user_session").values({ id: `sess-${s.user.id}`, user_id: s.user.id, expires_at: new Date(Date.now() + 86_400_000) }).execute();
  return { ...s, org, vacancy, applicationId: application.id };
}

describe("export", () => {
  it("includes a job without an organization on the platform, real-name checks and training certificates (issues 13 and 14)", async () => {
    const s = await seekerWithHistory();
    await t.db
      .insertInto("employment")
      .values({
        organization_id: null,
        employer_name: "自营网店（手工竹编）",
        seeker_id: s.user.id,
        form: "self_employed",
        origin: "recorded",
        contract_start: "2026-03-01",
        social_insurance: false,
        monthly_pay: 1800,
      })
      .execute();
    await t.db.insertInto("real_name_verification").values({ seeker_id: s.user.id, verified_on: "2026-04-02", employment_status: "employed", employment_form: "self_employed" }).execute();
    await t.db
      .insertInto("training_certificate")
      .values({ seeker_id: s.user.id, kind: "skill_level", name: "保健按摩师", level: "五级", number: "S2026-001", issuer: "贵州省职业技能鉴定中心", issued_on: "2026-05-01" })
      .execute();
    const data = await exportAccountData(t.db, s.actor, s.user.id, { ip: IP });
    expect(data.employment).toHaveLength(2);
    expect(data.employment).toContainEqual(expect.objectContaining({ organization_name: "自营网店（手工竹编）", form: "self_employed", origin: "recorded" }));
    expect(data.realNameChecks).toEqual([expect.objectContaining({ verified_on: "2026-04-02", employment_status: "employed" })]);
    expect(data.certificates).toEqual([expect.objectContaining({ name: "保健按摩师", number: "S2026-001" })]);
    expect(data.courses).toEqual([]);
  });

  it("contains the account, profile, applications with events, notifications and employment — never the password hash", async () => {
    const s = await seekerWithHistory();
    const data = await exportAccountData(t.db, s.actor, s.user.id, { ip: IP });
    expect(data.account).toMatchObject({ id: s.user.id, phone: s.user.phone, role: "seeker" });
    expect(data.account).not.toHaveProperty("password_hash");
    expect(data.profile).toMatchObject({ user_id: s.user.id, id_number: s.idNumber, disability_grade: 2 });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ id: s.applicationId, vacancy_title: "数据标注员", organization_name: "贵阳数据科技有限公司", status: "hired" });
    expect(data.applications[0]!.events.map((e) => e.to_status)).toEqual(["submitted", "hired"]);
    expect(data.notifications).toHaveLength(1);
    expect(data.notifications[0]).toMatchObject({ kind: "application.status", params: { status: "hired" } });
    expect(data.employment).toHaveLength(1);
    expect(data.employment[0]).toMatchObject({ organization_name: "贵阳数据科技有限公司", monthly_pay: 3200 });
    expect(data.realNameChecks).toEqual([]);
    expect(data.household).toBeNull();
    const json = JSON.stringify(data);
    const hash = (await t.db.selectFrom("app_user").select("password_hash").where("id", "=", s.user.id).executeTakeFirstOrThrow()).password_hash;
    expect(json).not.toContain("password_hash");
    expect(json).not.toContain(hash);
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity", "actor_id"]).where("subject_user_id", "=", s.user.id).execute();
    expect(audit).toContainEqual({ action: "export", entity: "account", actor_id: s.user.id });
  });
});

describe("export: employment services, invitations, events, messages and who read the data (issue 15)", () => {
  it("holds the counselors, plan, services and referrals, invitations, event registrations and messages, and names readers by role only", async () => {
    const s = await seekerWithHistory();
    const counselor = await createUser(t.db, { role: "counselor", displayName: "王芳", regionCode: "520100" });
    await t.db.insertInto("caseload_assignment").values({ seeker_id: s.user.id, counselor_id: counselor.id }).execute();
    await t.db.insertInto("individual_plan").values({ seeker_id: s.user.id, goals: "找到数据标注的全职工作", barriers: "通勤", updated_by: counselor.id }).execute();
    await t.db.insertInto("plan_action").values({ seeker_id: s.user.id, description: "参加读屏软件培训", owner: "seeker", due_date: "2027-01-15", created_by: counselor.id }).execute();
    await t.db
      .insertInto("service_record")
      .values({ seeker_id: s.user.id, counselor_id: counselor.id, type: "career_guidance", service_date: "2026-12-02", notes: "讨论了求职方向", outcome: "确定目标岗位" })
      .execute();
    await t.db.insertInto("referral").values({ vacancy_id: s.vacancy.id, seeker_id: s.user.id, counselor_id: counselor.id, message: "这个岗位适合您" }).execute();
    await t.db.insertInto("vacancy_invitation").values({ vacancy_id: s.vacancy.id, seeker_id: s.user.id, message: "欢迎申请" }).execute();
    await t.db.insertInto("message").values([
      { seeker_id: s.user.id, sender_id: counselor.id, body: "下周三见面好吗？" },
      { seeker_id: s.user.id, sender_id: s.user.id, body: "好的" },
    ]).execute();
    await t.db
      .insertInto("audit_event")
      .values([
        { actor_id: counselor.id, subject_user_id: s.user.id, action: "read", entity: "seeker_profile", reason: "caseload" },
        { actor_id: counselor.id, subject_user_id: s.user.id, action: "collision", entity: "id_number", entity_id: "5201**********1234" },
      ])
      .execute();

    const data = await exportAccountData(t.db, s.actor, s.user.id, { ip: IP, purpose: "json" });
    expect(data.counseling.assignments).toEqual([expect.objectContaining({ counselor_name: "王芳", ended_at: null })]);
    expect(data.counseling.plan).toMatchObject({ goals: "找到数据标注的全职工作", barriers: "通勤", status: "active" });
    expect(data.counseling.actions).toEqual([expect.objectContaining({ description: "参加读屏软件培训", due_date: "2027-01-15" })]);
    expect(data.counseling.services).toEqual([expect.objectContaining({ type: "career_guidance", notes: "讨论了求职方向", counselor_name: "王芳" })]);
    expect(data.counseling.referrals).toEqual([expect.objectContaining({ vacancy_title: "数据标注员", message: "这个岗位适合您", status: "pending" })]);
    expect(data.invitations).toEqual([expect.objectContaining({ vacancy_title: "数据标注员", message: "欢迎申请" })]);
    expect(data.eventRegistrations).toEqual([]);
    expect(data.messages.map((m) => [m.body, m.sent_by_me])).toEqual([
      ["下周三见面好吗？", false],
      ["好的", true],
    ]);
    // Readers by role, never by name; for a number another account tried to save, not even the role (decision 009).
    expect(data.accessLog).toContainEqual(expect.objectContaining({ action: "read", entity: "seeker_profile", actor_role: "counselor" }));
    expect(data.accessLog).toContainEqual(expect.objectContaining({ action: "collision", actor_role: null }));
    expect(JSON.stringify(data.accessLog)).not.toContain(counselor.id);
    const audit = await t.db.selectFrom("audit_event").select(["action", "reason"]).where("subject_user_id", "=", s.user.id).where("action", "=", "export").execute();
    expect(audit).toEqual([{ action: "export", reason: "json" }]);
  });

  it("the readable view has every part of the export, numbers masked on the page and in full in the workbook", async () => {
    const s = await seekerWithHistory();
    const data = await exportAccountData(t.db, s.actor, s.user.id, { ip: IP });
    const view = buildExportView(data, new Map(), "zh-CN", { mask: true });
    expect(view.sections.map((x) => x.id)).toEqual([
      "account",
      "profile",
      "disability",
      "consents",
      "applications",
      "invitations",
      "events",
      "employment",
      "counseling",
      "programmes",
      "messages",
      "feedback",
      "notifications",
      "sessions",
      "access",
    ]);
    const text = JSON.stringify(view);
    expect(text).not.toContain(s.idNumber);
    expect(text).toContain(`${s.idNumber.slice(0, 4)}**********${s.idNumber.slice(-4)}`);
    const applications = view.sections.find((x) => x.id === "applications")!.tables[0]!.records;
    expect(applications[0]!.heading!.text).toBe("数据标注员 · 贵阳数据科技有限公司");
    expect(applications[0]!.fields.find((f) => f.label === "状态")!.value.text).toBe("已录用");
    // What was shared with the employer is listed among the consents.
    const consents = view.sections.find((x) => x.id === "consents")!.tables[0]!.records.map((r) => r.heading!.text);
    expect(consents).toContain("申请“数据标注员”时向“贵阳数据科技有限公司”提供的信息");
    // Dates in the one format; in English, Chinese typed content is marked zh-CN.
    const en = buildExportView(data, new Map(), "en", { mask: true });
    const enApp = en.sections.find((x) => x.id === "applications")!.tables[0]!.records[0]!;
    expect(enApp.heading).toEqual({ text: "数据标注员 · 贵阳数据科技有限公司", lang: "zh-CN" });
    expect(enApp.fields.find((f) => f.label === "Applied")!.value.text).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportWorkbook(t.db, s.actor, s.user.id, "zh-CN", { ip: IP })) as never);
    const profile = book.getWorksheet("求职档案")!;
    const values = profile.getSheetValues().flat().map(String);
    expect(values).toContain(s.idNumber);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["账户", "求职申请", "就业指导员", "服务记录", "谁查看或修改过您的信息"]));
  });
});

describe("export for other roles", () => {
  it("an employer's readable export lists their own kinds of record, not a job seeker's empty ones", async () => {
    const user = await createUser(t.db, { role: "employer" });
    const actor: Actor = { id: user.id, role: "employer", regionCode: null };
    await createOrganization(t.db, user.id);
    const data = await exportAccountData(t.db, actor, user.id, { ip: IP });
    expect(data.profile).toBeNull();
    const view = buildExportView(data, new Map(), "zh-CN", { mask: true });
    expect(view.sections.map((x) => x.id)).toEqual(["account", "feedback", "organizations", "notifications", "sessions", "access"]);
  });
});

describe("deleting the account", () => {
  it("refuses a wrong password and keeps everything", async () => {
    const s = await seekerWithHistory();
    expect(await deleteOwnAccount(t.db, s.actor, s.user.id, { password: "not-my-password" }, { ip: IP })).toEqual({
      ok: false,
      fieldErrors: { password: ["seekers.err.deletePasswordWrong"] },
    });
    expect(await t.db.selectFrom("app_user").select("id").where("id", "=", s.user.id).executeTakeFirst()).toBeDefined();
  });

  it("removes the person and leaves employers' records anonymized", async () => {
    const s = await seekerWithHistory();
    const r = await deleteOwnAccount(t.db, s.actor, s.user.id, { password: FACTORY_PASSWORD }, { ip: IP });
    expect(r).toEqual({ ok: true, value: { applications: 1, employment: 1 } });

    expect(await t.db.selectFrom("app_user").select("id").where("id", "=", s.user.id).executeTakeFirst()).toBeUndefined();
    expect(await profileRow(s.user.id)).toBeUndefined();
    expect(await t.db.selectFrom("user_session").select("id").where("user_id", "=", s.user.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("notification").select("id").where("user_id", "=", s.user.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("login_attempt").select("id").where("account_key", "in", [`phone:${s.user.phone}`, `user:${s.user.id}`]).execute()).toEqual([]);

    const application = await t.db.selectFrom("application").selectAll().where("id", "=", s.applicationId).executeTakeFirstOrThrow();
    expect(application).toMatchObject({ seeker_id: null, status: "hired", note: null, disclosure: [] });
    const events = await t.db.selectFrom("application_event").select(["to_status", "message", "actor_id"]).where("application_id", "=", s.applicationId).orderBy("id").execute();
    expect(events).toEqual([
      { to_status: "submitted", message: null, actor_id: null },
      { to_status: "hired", message: "欢迎加入", actor_id: expect.any(String) },
    ]);
    const employment = await t.db.selectFrom("employment").select(["seeker_id", "disability_grade", "monthly_pay"]).where("application_id", "=", s.applicationId).executeTakeFirstOrThrow();
    expect(employment).toEqual({ seeker_id: null, disability_grade: 2, monthly_pay: 3200 });

    const audit = await t.db.selectFrom("audit_event").selectAll().where("action", "=", "delete").where("entity", "=", "account").orderBy("at", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: null, subject_user_id: null, entity_id: null, ip: null });
    for (const personal of [s.user.id, s.user.phone!, s.idNumber, "王小明"]) expect(audit.reason).not.toContain(personal);

    // The ID number is free again.
    const again = await newSeeker(t.db);
    expect(await savePersonal(t.db, again.actor, again.user.id, { realName: "王小明", idNumber: s.idNumber })).toMatchObject({ ok: true });
  });
});
