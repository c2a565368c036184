/**
 * The employer's quota page (issue 5, design §6): its forms' schemas (client-safe). Figures are kept as exact decimal
 * text, never as binary floating point (decision 006).
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";
import { MAX_DISABLED_GRADE, MAX_SALARY, MAX_STAFF, MAX_VETERAN_GRADE, parseRational } from "./levy";
import { readDecimal } from "./parameters.schema";

export const NOTE_MAX = 40;

const organizationId = z.string({ required_error: "quota.position.err.organization" }).uuid("quota.position.err.organization");

/** A decimal with at most `places` decimals in (0, max]: its exact text, or the message `invalid`. */
const positiveDecimal = (required: string, invalid: string, places: number, max: number) =>
  z.string({ required_error: required }).transform((raw, ctx) => {
    const text = readDecimal(raw, places);
    if (text === null || parseRational(text).lte(0) || parseRational(text).gt(max)) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return text;
  });

/**
 * Staff count and average salary of the data year. The staff count is the annual average of the monthly figures, so
 * it may have decimals (up to four, the column's scale); the salary is yuan and fen.
 */
export const quotaInputsSchema = z.object({
  organizationId,
  staffCount: positiveDecimal("quota.position.err.staffRequired", "quota.position.err.staff", 4, MAX_STAFF),
  averageSalary: positiveDecimal("quota.position.err.salaryRequired", "quota.position.err.salary", 2, MAX_SALARY),
});
export type QuotaInputs = z.infer<typeof quotaInputsSchema>;

/** Whether a contract from `start` to `end` (inclusive) runs at least one year (72号 第七条: "1年以上（含1年）"). */
export function contractRunsOneYear(start: string, end: string | null): boolean {
  if (end === null) return true; // open-ended
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  // One year from 1 March is 28 (or 29) February: the day before the same date a year later.
  const lastDay = new Date(Date.UTC(y + 1, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
  return end >= lastDay;
}

const declaredDetails = z.object({
  organizationId,
  kind: z.enum(["disabled", "veteran"], { errorMap: () => ({ message: "quota.position.err.kind" }) }),
  grade: z
    .number({ required_error: "quota.position.err.grade", invalid_type_error: "quota.position.err.grade" })
    .int("quota.position.err.grade")
    .min(1, "quota.position.err.grade")
    .max(MAX_VETERAN_GRADE, "quota.position.err.grade"),
  note: z.string().trim().max(NOTE_MAX, "quota.position.err.noteLong").optional(),
});

const declaredDates = z.object({
  contractStart: z.string({ required_error: "quota.position.err.startRequired" }).trim().refine(isCalendarDate, "quota.position.err.dateFormat"),
  contractEnd: z.string().trim().refine(isCalendarDate, "quota.position.err.dateFormat").optional(),
});

/*
 * Cross-field rules sit on their own small objects joined with `.and` (see vacancies.schema.ts), so a grade out of
 * range for its kind shows together with a bad date.
 */
export const declaredEmployeeSchema = declaredDetails
  .superRefine((v, ctx) => {
    if (v.kind === "disabled" && v.grade > MAX_DISABLED_GRADE) ctx.addIssue({ code: "custom", path: ["grade"], message: "quota.position.err.disabledGrade" });
  })
  .and(
    declaredDates.superRefine((v, ctx) => {
      // Compared only as dates: a failed refine does not stop the parse, and contractRunsOneYear throws on other text
      // (both fields 2026/01/01, or any two non-dates, answered 500; tests/http/bad-input.test.ts).
      if (!v.contractEnd || !isCalendarDate(v.contractStart) || !isCalendarDate(v.contractEnd)) return;
      if (v.contractEnd < v.contractStart) ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "quota.position.err.endBeforeStart" });
      else if (!contractRunsOneYear(v.contractStart, v.contractEnd)) {
        ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "quota.position.err.shortContract" });
      }
    }),
  );
export type DeclaredEmployeeInput = z.infer<typeof declaredEmployeeSchema>;

export const removeDeclaredSchema = z.object({
  organizationId,
  employeeId: z.string().uuid("quota.position.err.employeeGone"),
});
export type RemoveDeclaredInput = z.infer<typeof removeDeclaredSchema>;
