import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { makeIdNumber } from "../../../tests/fixtures/factories";
import { certificateFor } from "../../../tests/fixtures/seekers";
import { idCheckCharacter } from "../identity";
import {
  disabilitySchema,
  educationSchema,
  needsFromChoices,
  needsSchema,
  normalizeIdentifier,
  personalSchema,
  preferencesSchema,
  skillsSchema,
  visibilitySchema,
} from "./seekers.schema";

function form(entries: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

function errorsOf(result: { status?: string; error?: Record<string, string[] | null> | null }) {
  return result.status === "success" ? {} : result.error;
}

const ID = makeIdNumber("19950615", "520102", 131); // male

describe("personal form", () => {
  const schema = personalSchema({ idOnFile: false });

  it("accepts a valid ID number typed with spaces, full-width digits or a small x", () => {
    // A serial whose check character is X, to type it as a small x.
    const id = Array.from({ length: 1000 }, (_, serial) => makeIdNumber("19900307", "520102", serial)).find((n) => n.endsWith("X"))!;
    const first = id.slice(0, 17);
    expect(normalizeIdentifier(` ${first.replace(/1/g, "１")} x`)).toBe(id);
    const r = parseWithZod(form({ realName: "张三", idNumber: ` ${id.slice(0, 6)} ${id.slice(6, 17)}x ` }), { schema });
    expect(r.status).toBe("success");
    expect(r.status === "success" && r.value.idNumber).toBe(id);
  });

  it("verifies the check digit", () => {
    const wrong = ID.slice(0, 17) + (idCheckCharacter(ID.slice(0, 17)) === "0" ? "1" : "0");
    expect(errorsOf(parseWithZod(form({ realName: "张三", idNumber: wrong }), { schema }))).toEqual({ idNumber: ["seekers.err.idCheckDigit"] });
    expect(errorsOf(parseWithZod(form({ realName: "张三", idNumber: "52010219951315123X" }), { schema }))).toEqual({ idNumber: ["seekers.err.idBirthDate"] });
    expect(errorsOf(parseWithZod(form({ realName: "张三", idNumber: "5201" }), { schema }))).toEqual({ idNumber: ["seekers.err.idFormat"] });
  });

  it("names the rule an ID number with a right check character breaks: province, birth before 1900 or after today", () => {
    const idErrors = (idNumber: string) => errorsOf(parseWithZod(form({ realName: "张三", idNumber }), { schema }));
    expect(idErrors(makeIdNumber("19950615", "990102", 131))).toEqual({ idNumber: ["seekers.err.idProvince"] });
    expect(idErrors(makeIdNumber("18970315", "520102", 131))).toEqual({ idNumber: ["seekers.err.idBirthTooEarly"] });
    expect(idErrors(makeIdNumber(`${new Date().getFullYear() + 1}0101`, "520102", 131))).toEqual({ idNumber: ["seekers.err.idBirthInFuture"] });
    expect(idErrors(makeIdNumber("19950230", "520102", 131))).toEqual({ idNumber: ["seekers.err.idBirthDate"] });
  });

  it("shows a missing name together with ID mismatches", () => {
    const r = parseWithZod(form({ idNumber: ID, birthDate: "1995-06-14", gender: "female" }), { schema });
    expect(errorsOf(r)).toEqual({
      realName: ["seekers.err.nameRequired"],
      birthDate: ['seekers.err.birthDateMismatch|{"date":"1995-06-15"}'],
      gender: ["seekers.err.genderMismatchMale"],
    });
  });

  it("requires an ID number only when none is on file", () => {
    expect(errorsOf(parseWithZod(form({ realName: "张三" }), { schema }))).toEqual({ idNumber: ["seekers.err.idRequired"] });
    expect(parseWithZod(form({ realName: "张三" }), { schema: personalSchema({ idOnFile: true }) }).status).toBe("success");
  });
});

describe("disability form", () => {
  const schema = disabilitySchema({ certificateOnFile: false });

  it("requires consent, category, grade and certificate — all reported at once", () => {
    expect(errorsOf(parseWithZod(form({}), { schema }))).toEqual({
      consent: ["seekers.err.consentRequired"],
      category: ["seekers.err.categoryRequired"],
      grade: ["seekers.err.gradeRequired"],
      certificateNumber: ["seekers.err.certRequired"],
    });
  });

  it("puts each mismatch at its own field, and the certificate's own problems at the certificate", () => {
    const r = parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: certificateFor(ID, "hearing", 3) }), { schema });
    const errors = errorsOf(r) as Record<string, string[]>;
    expect(Object.keys(errors).sort()).toEqual(["category", "grade"]);
    expect(errors.category![0]).toMatch(/^seekers\.err\.certCategoryMismatch\|/);
    expect(errors.grade![0]).toMatch(/^seekers\.err\.certGradeMismatch\|/);

    const broken = ID.slice(0, 17) + (idCheckCharacter(ID.slice(0, 17)) === "0" ? "1" : "0");
    expect(errorsOf(parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: `${broken}42` }), { schema }))).toEqual({
      certificateNumber: ["seekers.err.certIdCheck"],
    });
    expect(errorsOf(parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: `${ID}92` }), { schema }))).toEqual({
      certificateNumber: ["seekers.err.certFormat"],
    });
    // The ID part is checked fully (issue 12): month 13 and born 1897 with right check characters are refused.
    const certErrors = (birth: string) =>
      errorsOf(parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: certificateFor(makeIdNumber(birth, "520102", 131), "physical", 2) }), { schema }));
    expect(certErrors("19901301")).toEqual({ certificateNumber: ["seekers.err.certIdBirthDate"] });
    expect(certErrors("18970315")).toEqual({ certificateNumber: ["seekers.err.certIdBirthTooEarly"] });
    expect(errorsOf(parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: certificateFor(makeIdNumber("19950615", "160102", 131), "physical", 2) }), { schema }))).toEqual({
      certificateNumber: ["seekers.err.certIdProvince"],
    });
    const ok = parseWithZod(form({ consent: "on", category: "physical", grade: "2", certificateNumber: certificateFor(ID, "physical", 2) }), { schema });
    expect(ok.status === "success" && ok.value).toEqual({ consent: true, category: "physical", grade: 2, certificateNumber: certificateFor(ID, "physical", 2) });
  });
});

describe("other steps", () => {
  it("limits the graduation year to a sensible range", () => {
    const schema = educationSchema(new Date("2026-12-01T00:00:00Z"));
    expect(errorsOf(parseWithZod(form({ education: "bachelor", graduationYear: "1949" }), { schema }))).toEqual({
      graduationYear: ['seekers.err.graduationYearRange|{"min":1950,"max":2032}'],
    });
    expect(errorsOf(parseWithZod(form({ education: "bachelor", graduationYear: "2033" }), { schema }))).toEqual({
      graduationYear: ['seekers.err.graduationYearRange|{"min":1950,"max":2032}'],
    });
    expect(errorsOf(parseWithZod(form({ education: "bachelor", graduationYear: "二〇二六" }), { schema }))).toEqual({
      graduationYear: ["seekers.err.graduationYearFormat"],
    });
    expect(parseWithZod(form({ education: "college", graduationYear: "2026" }), { schema }).status).toBe("success");
  });

  it("trims, de-duplicates and limits skill lists at the field", () => {
    const r = parseWithZod(form({ skills: "a，b,a\n\n c ", certificates: "" }), { schema: skillsSchema });
    expect(r.status === "success" && r.value).toEqual({ skills: ["a", "b", "c"], certificates: [], trainingNeeds: [] });
    const many = Array.from({ length: 31 }, (_, i) => `技能${i}`).join("\n");
    expect(errorsOf(parseWithZod(form({ skills: many }), { schema: skillsSchema }))).toEqual({ skills: ['seekers.err.skillsMany|{"max":30}'] });
    expect(errorsOf(parseWithZod(form({ skills: "x".repeat(31) }), { schema: skillsSchema }))).toEqual({ skills: ['seekers.err.skillLong|{"max":30}'] });
  });

  it("turns needs choices into required and preferred lists", () => {
    const r = parseWithZod(form({ "needs.screen_reader": "required", "needs.captions": "preferred", "needs.elevator": "none" }), { schema: needsSchema });
    expect(r.status).toBe("success");
    if (r.status === "success") expect(needsFromChoices(r.value.needs)).toEqual({ required: ["screen_reader"], preferred: ["captions"] });
    expect(errorsOf(parseWithZod(form({ "needs.captions": "maybe" }), { schema: needsSchema }))).toEqual({ "needs.captions": ["seekers.err.needLevel"] });
  });

  it("expected pay is a whole number of at least 0", () => {
    const base = { employmentStatus: "unemployed", placeScope: "prefecture" };
    expect(errorsOf(parseWithZod(form({ ...base, expectedPay: "-1" }), { schema: preferencesSchema }))).toEqual({ expectedPay: ["seekers.err.payNegative"] });
    expect(errorsOf(parseWithZod(form({ ...base, expectedPay: "3000.5" }), { schema: preferencesSchema }))).toEqual({ expectedPay: ["seekers.err.payFormat"] });
    const ok = parseWithZod(form({ ...base, expectedPay: "3000", workTypes: ["full_time", "full_time"] }), { schema: preferencesSchema });
    expect(ok.status === "success" && ok.value).toMatchObject({ expectedPay: 3000, workTypes: ["full_time"], preferredRegions: [] });
  });

  it("turning discoverability on needs the confirmation box", () => {
    expect(errorsOf(parseWithZod(form({ discoverable: "on" }), { schema: visibilitySchema }))).toEqual({ confirm: ["seekers.err.visibilityConfirm"] });
    expect(parseWithZod(form({ discoverable: "on", confirm: "on" }), { schema: visibilitySchema }).status).toBe("success");
    expect(parseWithZod(form({ discoverable: "off" }), { schema: visibilitySchema }).status).toBe("success");
  });
});
