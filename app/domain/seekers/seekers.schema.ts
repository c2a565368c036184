/**
 * The seeker profile's forms (client-safe): one zod schema per step, shared by conform in the browser and the
 * action on the server, and the rules the domain checks again before it writes (design §4, §5, §7).
 * Messages are message keys (app/i18n/messages/seekers.ts).
 */
import { z } from "zod";
import { ACCOMMODATIONS, codes, DISABILITY_CATEGORIES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, TASK_DEMANDS, type AccommodationCode } from "../catalog";
import { certificateParts, checkCertificateNumber, checkIdNumber, parseIdNumber, type CertificateError, type IdNumberRule } from "../identity";
import { isCalendarDate, splitSkills } from "../vacancies/vacancies.schema";
import { TRAINING_KINDS } from "../realname/verification.schema";
import { errorMessage, type MessageKey } from "../../i18n/i18n";

/** The profile's steps, in the order the overview lists them; `completed_steps` holds these names. */
export const PROFILE_STEPS = ["personal", "disability", "region", "education", "skills", "needs", "limits", "preferences", "family"] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number];

export function isProfileStep(value: unknown): value is ProfileStep {
  return typeof value === "string" && (PROFILE_STEPS as readonly string[]).includes(value);
}

/** What employers see of a discoverable seeker (design §5 rule 4) — and nothing else. */
export const EMPLOYER_VISIBLE_FIELDS = ["needs", "skills", "education", "region", "graduationYear"] as const;
/** What employers never see unless the seeker discloses it when applying. */
export const EMPLOYER_HIDDEN_FIELDS = ["name", "idNumber", "certificateNumber", "category", "grade", "contact"] as const;

export const GENDERS = ["male", "female"] as const;
export const RESIDENCES = ["urban", "rural"] as const;

export const NAME_MAX = 50;
export const SCHOOL_MAX = 100;
export const LIST_ITEM_MAX = 30;
export const SKILLS_MAX = 30;
export const CERTIFICATES_MAX = 20;
export const LIST_TEXT_MAX = 2000;
export const PAY_MAX = 200_000;
export const GRADUATION_YEAR_MIN = 1950;
/** Students may enter the year they expect to graduate, up to this many years ahead. */
export const GRADUATION_YEARS_AHEAD = 6;

/** Removes spaces and turns full-width digits and ｘ (as typed with a Chinese input method) into ASCII, upper case. */
export function normalizeIdentifier(input: string): string {
  return input
    .replace(/[\s-]/g, "")
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ｘＸ]/g, "X")
    .toUpperCase();
}

/** The first four and last four characters, for hints such as "已保存：5201…1234". */
export function identifierEnds(value: string | null | undefined): { start: string; end: string } | null {
  if (!value || value.length < 8) return null;
  return { start: value.slice(0, 4), end: value.slice(-4) };
}

/** An enum whose every failure (missing, unknown code) reads as one message. */
const oneOf = <C extends string>(values: [C, ...C[]], message: string) => z.enum(values, { errorMap: () => ({ message }) });

/** Each rule of identity.ts `checkIdNumber` in words (length and characters share one: "18 characters, …, X"). */
const ID_ERRORS: Record<IdNumberRule, MessageKey> = {
  length: "seekers.err.idFormat",
  characters: "seekers.err.idFormat",
  province: "seekers.err.idProvince",
  birthDate: "seekers.err.idBirthDate",
  birthTooEarly: "seekers.err.idBirthTooEarly",
  birthInFuture: "seekers.err.idBirthInFuture",
  checkDigit: "seekers.err.idCheckDigit",
};

/** The ID number's own error (the first rule of `checkIdNumber` it breaks) as a message key, or none. */
export function idNumberErrors(idNumber: string): string[] {
  const rule = checkIdNumber(idNumber);
  return rule ? [ID_ERRORS[rule]] : [];
}

/**
 * Birth date and gender must agree with the ID number: positions 7–14 are the birth date and position 17 is odd
 * for men, even for women. Returns errors by field.
 */
export function personalCrossErrors(
  input: { birthDate?: string | null; gender?: "male" | "female" | null },
  idNumber: string | null | undefined,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!idNumber) return errors;
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) return errors;
  if (input.birthDate && input.birthDate !== parsed.value.birthDate) {
    errors.birthDate = [errorMessage("seekers.err.birthDateMismatch", { date: parsed.value.birthDate })];
  }
  if (input.gender && input.gender !== parsed.value.gender) {
    errors.gender = [parsed.value.gender === "male" ? "seekers.err.genderMismatchMale" : "seekers.err.genderMismatchFemale"];
  }
  return errors;
}

const idNumberField = z
  .string({ required_error: "seekers.err.idRequired" })
  .transform(normalizeIdentifier)
  .superRefine((v, ctx) => {
    for (const message of idNumberErrors(v)) ctx.addIssue({ code: "custom", message });
  });

export interface PersonalOptions {
  /** An ID number is saved already: leaving the field empty keeps it. */
  idOnFile: boolean;
}

/*
 * Cross-field rules sit on their own small objects joined with `.and` (see accounts.schema.ts): zod runs an
 * object's refinements only when the whole object parsed, so a missing name shows together with an ID mismatch.
 */
export function personalSchema(options: PersonalOptions) {
  return z
    .object({
      realName: z
        .string({ required_error: "seekers.err.nameRequired" })
        .trim()
        .min(1, "seekers.err.nameRequired")
        .max(NAME_MAX, "seekers.err.nameLong"),
    })
    .and(
      z
        .object({
          // Read from the ID number and no longer asked (issue 15); a form that still sends them is held to it.
          gender: oneOf([...GENDERS], "seekers.err.genderInvalid").optional(),
          birthDate: z.string().trim().refine(isCalendarDate, "seekers.err.birthDateFormat").optional(),
          // Required the first time; once saved, an empty field keeps the number on file.
          idNumber: options.idOnFile ? idNumberField.optional() : idNumberField,
        })
        .superRefine((v, ctx) => {
          for (const [path, messages] of Object.entries(personalCrossErrors(v, v.idNumber))) {
            for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
          }
        }),
    );
}
export type PersonalInput = z.infer<ReturnType<typeof personalSchema>>;

const CATEGORY_CODES = codes(DISABILITY_CATEGORIES);
export type CategoryCode = (typeof CATEGORY_CODES)[number];

function categoryLabels(code: string | undefined) {
  const term = DISABILITY_CATEGORIES.find((c) => c.code === code);
  return { zh: term?.zh ?? "", en: term?.en ?? "" };
}
function gradeLabels(grade: number | undefined) {
  const term = grade ? ["一级", "二级", "三级", "四级"][grade - 1] : undefined;
  return { zh: term ?? "", en: grade ? `Grade ${grade}` : "" };
}

/** The certificate number's own problems in words (identity.ts `checkCertificateNumber`). */
const CERTIFICATE_NUMBER_ERRORS = {
  format: "seekers.err.certFormat",
  idProvince: "seekers.err.certIdProvince",
  idBirthDate: "seekers.err.certIdBirthDate",
  idBirthTooEarly: "seekers.err.certIdBirthTooEarly",
  idBirthInFuture: "seekers.err.certIdBirthInFuture",
  idCheck: "seekers.err.certIdCheck",
  idMismatch: "seekers.err.certIdMismatch",
} as const satisfies Partial<Record<CertificateError, MessageKey>>;

/**
 * Every problem of a 残疾人证号, each with its own message: the format, the rule its ID part breaks (province
 * code, birth date, check digit: identity.ts `checkIdNumber`), a difference from the ID number on file, and the
 * category and grade digits against what the person chose. Category and grade disagreements sit at those fields,
 * so each shows at its place and in the summary. The message values carry both languages (`{certZh}` / `{certEn}`), since the catalogs pick their own.
 */
export function certificateErrors(
  certificate: string,
  person: { idNumber?: string | null; category?: string | null; grade?: number | null },
): Record<string, string[]> {
  const found: CertificateError[] = checkCertificateNumber(certificate, person);
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const parts = certificateParts(certificate);
  for (const e of found) {
    switch (e) {
      case "format":
      case "idProvince":
      case "idBirthDate":
      case "idBirthTooEarly":
      case "idBirthInFuture":
      case "idCheck":
      case "idMismatch":
        add("certificateNumber", CERTIFICATE_NUMBER_ERRORS[e]);
        break;
      case "categoryMismatch": {
        const cert = categoryLabels(parts?.category);
        const chosen = categoryLabels(person.category ?? undefined);
        add(
          "category",
          errorMessage("seekers.err.certCategoryMismatch", {
            digit: certificate.trim().charAt(18),
            certZh: cert.zh,
            certEn: cert.en,
            chosenZh: chosen.zh,
            chosenEn: chosen.en,
          }),
        );
        break;
      }
      case "gradeMismatch": {
        const cert = gradeLabels(parts?.grade);
        const chosen = gradeLabels(person.grade ?? undefined);
        add(
          "grade",
          errorMessage("seekers.err.certGradeMismatch", {
            digit: certificate.trim().charAt(19),
            certZh: cert.zh,
            certEn: cert.en,
            chosenZh: chosen.zh,
            chosenEn: chosen.en,
          }),
        );
        break;
      }
    }
  }
  return errors;
}

export interface DisabilityOptions {
  /** A certificate number is saved already: leaving the field empty keeps it. */
  certificateOnFile: boolean;
}

const certificateField = z
  .string({ required_error: "seekers.err.certRequired" })
  .transform(normalizeIdentifier)
  .superRefine((v, ctx) => {
    // The certificate's own problems; comparisons with the other fields come in the object's refinement.
    for (const message of certificateErrors(v, {}).certificateNumber ?? []) ctx.addIssue({ code: "custom", message });
  });

export function disabilitySchema(options: DisabilityOptions) {
  return z
    .object({
      // PIPL art. 28–29: separate, explicit consent before sensitive personal information is processed.
      consent: z
        .boolean({ required_error: "seekers.err.consentRequired", invalid_type_error: "seekers.err.consentRequired" })
        .refine((v) => v, "seekers.err.consentRequired"),
    })
    .and(
      z
        .object({
          category: oneOf(CATEGORY_CODES, "seekers.err.categoryRequired"),
          grade: z
            .number({ required_error: "seekers.err.gradeRequired", invalid_type_error: "seekers.err.gradeRequired" })
            .int("seekers.err.gradeRequired")
            .min(1, "seekers.err.gradeRequired")
            .max(4, "seekers.err.gradeRequired"),
          // Required the first time; once saved, an empty field keeps the number on file.
          certificateNumber: options.certificateOnFile ? certificateField.optional() : certificateField,
        })
        .superRefine((v, ctx) => {
          if (!v.certificateNumber) return;
          // The ID number on file is not in the page; the server compares it.
          const errors = certificateErrors(v.certificateNumber, { category: v.category, grade: v.grade });
          for (const field of ["category", "grade"]) {
            for (const message of errors[field] ?? []) ctx.addIssue({ code: "custom", path: [field], message });
          }
        }),
    );
}
export type DisabilityInput = z.infer<ReturnType<typeof disabilitySchema>>;

const regionCode = (message: string) => z.string({ required_error: message }).regex(/^\d{6}$/, message);

export const regionSchema = z.object({
  householdRegionCode: regionCode("seekers.err.householdRegionRequired"),
  currentRegionCode: regionCode("seekers.err.currentRegionRequired"),
  residence: oneOf([...RESIDENCES], "seekers.err.residenceRequired"),
});
export type RegionInput = z.infer<typeof regionSchema>;

/** The latest graduation year a form accepts: this year plus a few, for students. */
export function graduationYearMax(now: Date = new Date()): number {
  return now.getFullYear() + GRADUATION_YEARS_AHEAD;
}

export function educationSchema(now: Date = new Date()) {
  const max = graduationYearMax(now);
  const yearMessage = errorMessage("seekers.err.graduationYearRange", { min: GRADUATION_YEAR_MIN, max });
  return z.object({
    education: oneOf(codes(EDUCATION_LEVELS), "seekers.err.educationRequired"),
    graduateSchool: z.string().trim().max(SCHOOL_MAX, "seekers.err.schoolLong").optional(),
    graduateMajor: z.string().trim().max(SCHOOL_MAX, "seekers.err.majorLong").optional(),
    graduationYear: z
      .number({ invalid_type_error: "seekers.err.graduationYearFormat" })
      .int("seekers.err.graduationYearFormat")
      .min(GRADUATION_YEAR_MIN, yearMessage)
      .max(max, yearMessage)
      .optional(),
  });
}
export type EducationInput = z.infer<ReturnType<typeof educationSchema>>;

/**
 * A list typed in one box: split, trimmed, duplicates dropped, each item and the count limited. The limits are
 * checked on the list as a whole, so their messages sit at the field (not at an item the page has no input for).
 */
const textList = (itemMax: number, countMax: number, keys: { textLong: MessageKey; itemLong: MessageKey; tooMany: MessageKey }) =>
  z
    .string()
    .max(LIST_TEXT_MAX, errorMessage(keys.textLong, { max: LIST_TEXT_MAX }))
    .optional()
    .transform((v) => splitSkills(v ?? ""))
    .superRefine((list, ctx) => {
      if (list.some((item) => item.length > itemMax)) ctx.addIssue({ code: "custom", message: errorMessage(keys.itemLong, { max: itemMax }) });
      if (list.length > countMax) ctx.addIssue({ code: "custom", message: errorMessage(keys.tooMany, { max: countMax }) });
    });

/** Checked codes from a catalog; an unknown code is reported at the group, not at an item. */
const codeList = <C extends string>(values: readonly C[]) =>
  z
    .array(z.string())
    .refine((list) => list.every((v) => (values as readonly string[]).includes(v)), "seekers.err.unknownCode")
    .transform((list) => [...new Set(list)] as C[]);

export const skillsSchema = z.object({
  skills: textList(LIST_ITEM_MAX, SKILLS_MAX, { textLong: "seekers.err.listLong", itemLong: "seekers.err.skillLong", tooMany: "seekers.err.skillsMany" }),
  certificates: textList(LIST_ITEM_MAX, CERTIFICATES_MAX, {
    textLong: "seekers.err.listLong",
    itemLong: "seekers.err.certificateItemLong",
    tooMany: "seekers.err.certificatesMany",
  }),
  // What the person wants to learn (分类掌握培训需求, issue 14): the real-name check's training kinds.
  trainingNeeds: z
    .array(z.string())
    .refine((list) => list.every((v) => (TRAINING_KINDS as readonly string[]).includes(v)), "trainingProfile.err.unknownKind")
    .transform((list) => TRAINING_KINDS.filter((k) => list.includes(k)))
    .default([]),
});
export type SkillsInput = z.infer<typeof skillsSchema>;

export const NEED_LEVELS = ["none", "required", "preferred"] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];
const ACCOMMODATION_CODES = codes(ACCOMMODATIONS);

const needLevel = () => oneOf([...NEED_LEVELS], "seekers.err.needLevel").optional();
const needsShape = Object.fromEntries(ACCOMMODATION_CODES.map((code) => [code, needLevel()])) as Record<AccommodationCode, ReturnType<typeof needLevel>>;

export const needsSchema = z.object({ needs: z.object(needsShape) });
export type NeedsInput = z.infer<typeof needsSchema>;

/** The form's choices as the two stored lists, in catalog order. */
export function needsFromChoices(needs: NeedsInput["needs"]): { required: AccommodationCode[]; preferred: AccommodationCode[] } {
  return {
    required: ACCOMMODATION_CODES.filter((c) => needs[c] === "required"),
    preferred: ACCOMMODATION_CODES.filter((c) => needs[c] === "preferred"),
  };
}

/** The stored lists as the form's choices (a code in both lists counts as required). */
export function choicesFromNeeds(required: readonly string[], preferred: readonly string[]): Record<AccommodationCode, NeedLevel> {
  return Object.fromEntries(
    ACCOMMODATION_CODES.map((c) => [c, required.includes(c) ? "required" : preferred.includes(c) ? "preferred" : "none"]),
  ) as Record<AccommodationCode, NeedLevel>;
}

export const limitsSchema = z.object({
  limits: codeList(codes(TASK_DEMANDS)),
});
export type LimitsInput = z.infer<typeof limitsSchema>;

export const PLACE_SCOPES = ["county", "prefecture", "province"] as const;
export const EMPLOYMENT_STATUSES = ["unemployed", "employed", "student"] as const;

export const preferencesSchema = z.object({
  employmentStatus: oneOf([...EMPLOYMENT_STATUSES], "seekers.err.employmentStatusRequired"),
  workTypes: codeList(codes(EMPLOYMENT_TYPES)),
  wantsRemote: z.boolean().optional(),
  placeScope: oneOf([...PLACE_SCOPES], "seekers.err.placeScopeRequired"),
  preferredRegions: z
    .array(z.string())
    .refine((list) => list.every((v) => /^\d{6}$/.test(v)), "seekers.err.unknownCode")
    .transform((list) => [...new Set(list)]),
  expectedPay: z
    .number({ invalid_type_error: "seekers.err.payFormat" })
    .int("seekers.err.payFormat")
    .min(0, "seekers.err.payNegative")
    .max(PAY_MAX, errorMessage("seekers.err.payHigh", { max: PAY_MAX }))
    .optional(),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const familySchema = z
  .object({
    zeroEmploymentFamily: z.boolean().optional(),
    lowIncomeFamily: z.boolean().optional(),
    // 建档立卡贫困户 (issue 14): kept only with its own consent, like the disability data.
    poorHousehold: z.boolean().optional(),
    poorHouseholdConsent: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.poorHousehold && !v.poorHouseholdConsent) {
      ctx.addIssue({ code: "custom", path: ["poorHouseholdConsent"], message: "trainingProfile.err.poorConsentRequired" });
    }
  });
export type FamilyInput = z.infer<typeof familySchema>;

export const visibilitySchema = z
  .object({
    discoverable: oneOf(["on", "off"] as ["on", "off"], "seekers.err.unknownCode"),
    confirm: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.discoverable === "on" && !v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "seekers.err.visibilityConfirm" });
  });
export type VisibilityInput = z.infer<typeof visibilitySchema>;

export const deleteAccountSchema = z.object({
  password: z.string({ required_error: "seekers.err.deletePasswordRequired" }).min(1, "seekers.err.deletePasswordRequired"),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
