/**
 * Forms of employment records of every form (issue 13; client-safe: conform in the browser and again on the server).
 * Messages are message keys (app/i18n/messages/employment-records.ts).
 *
 * Monthly pay is required: `employment.monthly_pay` is NOT NULL and quota counting compares it with the minimum
 * wage, so a guessed 0 would be a false figure. For self-employment and farming the person's monthly income is
 * asked for instead (the hint says so); a real 0 may be entered as 0.
 */
import { z } from "zod";
import type { EmploymentEvidence, EmploymentForm, EmploymentOrigin } from "../../../db/schema";
import { normalizePhone, PHONE_RE } from "../accounts/accounts.schema";
import { checkUscc, type UsccRule } from "../identity";
import { EMPLOYMENT_FORMS } from "../statistics/contract";
import { isCalendarDate, todayInShanghai } from "../vacancies/vacancies.schema";

export { EMPLOYMENT_FORMS };
export const EMPLOYMENT_ORIGINS: readonly EmploymentOrigin[] = ["platform", "declared", "recorded"];
export const EVIDENCE_KINDS = ["contract", "social_insurance", "business_licence", "payroll", "visit", "other"] as const satisfies readonly EmploymentEvidence[];

export const EMPLOYER_MAX = 100;
export const NOTE_MAX = 500;
export const PAY_MAX = 1_000_000;
export const MONTHS_MAX = 600;
export const EMPLOYMENT_PAGE_SIZE = 25;
/** How far ahead a job may start when it is recorded: a signed contract starting soon, not a plan. */
export const START_AHEAD_DAYS = 90;

/** The latest contract start accepted today (Asia/Shanghai): today + START_AHEAD_DAYS. */
export function latestContractStart(now: Date = new Date()): string {
  const d = new Date(`${todayInShanghai(now)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + START_AHEAD_DAYS);
  return d.toISOString().slice(0, 10);
}

const FORM_VALUES = EMPLOYMENT_FORMS as unknown as [EmploymentForm, ...EmploymentForm[]];

const choice = <T extends string>(values: readonly T[], message: string) =>
  z.enum(values as unknown as [T, ...T[]], { errorMap: () => ({ message }) });

const isDayInRange = (v: string) => isCalendarDate(v) && v >= "1950-01-01" && v <= "2100-12-31";

const calendarDate = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine(isDayInRange, "employment.err.dateFormat");

const optionalText = (max: number) => z.string().trim().max(max, "employment.err.textLong").optional();

/** Whole months of the contract (0–600), optional. */
const contractMonths = z
  .number({ invalid_type_error: "employment.err.monthsNumber" })
  .int("employment.err.monthsNumber")
  .min(0, "employment.err.monthsRange")
  .max(MONTHS_MAX, "employment.err.monthsRange")
  .optional();

const USCC_ERRORS = {
  length: "organizations.err.usccFormat",
  characters: "organizations.err.usccFormat",
  authorityKind: "organizations.err.usccKind",
  division: "organizations.err.usccDivision",
  checkCharacter: "organizations.err.usccCheck",
} as const satisfies Record<UsccRule, string>;

/** The 统一社会信用代码 of an employer on the platform (optional): spaces dropped, letters upper-cased. */
const organizationCode = z
  .string()
  .transform((v) => v.replace(/\s/g, "").toUpperCase())
  .superRefine((value, ctx) => {
    const rule = checkUscc(value);
    if (rule) ctx.addIssue({ code: "custom", message: USCC_ERRORS[rule] });
  })
  .optional();

/** What a staff member types about one job: the employer or the self-employment, the contract, pay and evidence. */
const details = z.object({
  form: choice(FORM_VALUES, "employment.err.formRequired"),
  contractMonths,
  monthlyPay: z
    .number({ required_error: "employment.err.payRequired", invalid_type_error: "employment.err.payNumber" })
    .int("employment.err.payNumber")
    .min(0, "employment.err.payNumber")
    .max(PAY_MAX, "employment.err.payTooHigh"),
  socialInsurance: choice(["yes", "no"] as const, "employment.err.insuranceRequired"),
  evidence: choice(EVIDENCE_KINDS, "employment.err.evidenceRequired"),
  evidenceNote: optionalText(NOTE_MAX),
});

/*
 * The cross-field rules sit on their own small objects joined with `.and`, so "end before start" and "name the
 * employer" show together with the other errors (zod runs an object's refinements only when the whole object parsed).
 */
const dates = z
  .object({
    contractStart: calendarDate("employment.err.startRequired"),
    contractEnd: calendarDate("employment.err.dateFormat").optional(),
  })
  .superRefine((v, ctx) => {
    if (isDayInRange(v.contractStart) && v.contractStart > latestContractStart()) ctx.addIssue({ code: "custom", path: ["contractStart"], message: "employment.err.startTooLate" });
    if (v.contractEnd && v.contractEnd < v.contractStart) {
      ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "employment.err.endBeforeStart" });
    }
  });

/** An organization on the platform (by its code) or a name / self-employment description: at least one. */
const employer = z
  .object({ organizationCode, employerName: optionalText(EMPLOYER_MAX) })
  .superRefine((v, ctx) => {
    if (!v.organizationCode && !v.employerName) {
      ctx.addIssue({ code: "custom", path: ["employerName"], message: "employment.err.employerRequired" });
    }
  });

/** Editing a record a staff member made: everything but the person. */
export const employmentSchema = details.and(dates).and(employer);
export type EmploymentInput = z.infer<typeof employmentSchema>;

/** Recording a job found off the platform for one seeker. */
export const recordSchema = z.object({ seekerId: z.string().uuid("employment.err.seekerGone") }).and(employmentSchema);
export type RecordInput = z.infer<typeof recordSchema>;

/**
 * A hire made on the platform (or declared by the employer): its dates, pay and employer are the employer's record,
 * the basis of their quota; staff of the region set the form the federation counts it by, and the evidence.
 */
export const classifySchema = z.object({
  form: choice(FORM_VALUES, "employment.err.formRequired"),
  contractMonths,
  evidence: choice(EVIDENCE_KINDS, "employment.err.evidenceRequired").optional(),
  evidenceNote: optionalText(NOTE_MAX),
});
export type ClassifyInput = z.infer<typeof classifySchema>;

/** The job has ended (on a day not before it started and not after today: checked by the domain). */
export const endSchema = z.object({ endedOn: calendarDate("employment.err.endedOnRequired") });
export type EndInput = z.infer<typeof endSchema>;

const CERTIFICATE_RE = /^\d{17}[\dX][1-7][1-4]$/;

/**
 * Finding a seeker to record for: their 残疾人证号 or mobile number, exactly (no fuzzy search). Spaces and hyphens
 * are dropped, a +86 prefix too.
 */
export const lookupSchema = z.object({
  who: z
    .string({ required_error: "employment.err.lookupRequired" })
    .trim()
    .min(1, "employment.err.lookupRequired")
    .max(40, "employment.err.lookupFormat")
    .transform((v, ctx): { kind: "phone" | "certificate"; value: string } => {
      const phone = normalizePhone(v);
      if (PHONE_RE.test(phone)) return { kind: "phone", value: phone };
      const cert = v.replace(/[\s-]/g, "").toUpperCase();
      if (CERTIFICATE_RE.test(cert)) return { kind: "certificate", value: cert };
      ctx.addIssue({ code: "custom", message: "employment.err.lookupFormat" });
      return z.NEVER;
    }),
});
export type LookupInput = z.infer<typeof lookupSchema>;

/** The staff list's filters (a GET form): anything unreadable is no filter. */
export function parseListQuery(params: URLSearchParams): { form: EmploymentForm | null; origin: EmploymentOrigin | null; page: number } {
  const form = params.get("form") ?? "";
  const origin = params.get("origin") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    form: (EMPLOYMENT_FORMS as readonly string[]).includes(form) ? (form as EmploymentForm) : null,
    origin: (EMPLOYMENT_ORIGINS as readonly string[]).includes(origin) ? (origin as EmploymentOrigin) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
