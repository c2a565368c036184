/**
 * The annual declaration form (按比例就业年审): one zod schema shared by conform in the browser and the action.
 * Error messages are message keys (app/i18n/messages/declarations.ts).
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const MAX_EMPLOYEE_ROWS = 200;
export const MONTHS = 12;

const count = (required: string) =>
  z
    .number({ required_error: required, invalid_type_error: "declarations.err.wholeNumber" })
    .int("declarations.err.wholeNumber")
    .min(0, "declarations.err.negative")
    .max(10_000_000, "declarations.err.tooLarge");

const date = (required: string) => z.string({ required_error: required }).refine(isCalendarDate, "declarations.err.dateFormat");

export const declaredEmployeeSchema = z
  .object({
    fullName: z.string({ required_error: "declarations.err.nameRequired" }).trim().min(1, "declarations.err.nameRequired").max(40, "declarations.err.nameLong"),
    kind: z.enum(["disabled", "veteran"], { errorMap: () => ({ message: "declarations.err.kindRequired" }) }),
    certificateNumber: z
      .string({ required_error: "declarations.err.certificateRequired" })
      .trim()
      .toUpperCase()
      .min(1, "declarations.err.certificateRequired")
      .max(30, "declarations.err.certificateLong"),
    grade: z
      .number({ required_error: "declarations.err.gradeRequired", invalid_type_error: "declarations.err.gradeRequired" })
      .int("declarations.err.gradeRequired")
      .min(1, "declarations.err.gradeRange")
      .max(8, "declarations.err.gradeRange"),
    contractStart: date("declarations.err.contractStartRequired"),
    contractEnd: z.string().refine(isCalendarDate, "declarations.err.dateFormat").optional(),
    insuranceMonths: z
      .number({ required_error: "declarations.err.monthsRequired", invalid_type_error: "declarations.err.monthsRange" })
      .int("declarations.err.monthsRange")
      .min(1, "declarations.err.monthsRange")
      .max(12, "declarations.err.monthsRange"),
    monthlyPay: count("declarations.err.payRequired"),
  })
  .superRefine((e, ctx) => {
    if (e.kind === "disabled" && e.grade > 4) ctx.addIssue({ code: "custom", path: ["grade"], message: "declarations.err.disabledGrade" });
    if (e.contractEnd && e.contractEnd < e.contractStart) ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "declarations.err.contractOrder" });
  });

export const declarationSchema = z.object({
  monthlyStaff: z.array(count("declarations.err.monthRequired")).length(MONTHS, "declarations.err.twelveMonths"),
  salaryTotal: z
    .number({ required_error: "declarations.err.salaryRequired", invalid_type_error: "declarations.err.salaryNumber" })
    .min(0, "declarations.err.negative")
    .max(1e12, "declarations.err.tooLarge")
    // Yuan with at most two decimals (fen).
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "declarations.err.salaryNumber"),
  employees: z.array(declaredEmployeeSchema).max(MAX_EMPLOYEE_ROWS, "declarations.err.tooManyRows").default([]),
});

export type DeclarationInput = z.infer<typeof declarationSchema>;
export type DeclaredEmployee = z.infer<typeof declaredEmployeeSchema>;

export const returnSchema = z.object({
  reason: z.string({ required_error: "declarations.err.reasonRequired" }).trim().min(2, "declarations.err.reasonRequired").max(1000, "declarations.err.reasonLong"),
});

/** How many objections one person may file in 24 hours (counted in the database, decision 010). */
export const OBJECTIONS_PER_DAY = 10;

export const objectionSchema = z.object({
  // Nothing chosen arrives as a missing field: the same message as a choice that is not an entry.
  entryId: z.string({ required_error: "declarations.err.entryGone" }).uuid("declarations.err.entryGone"),
  reason: z.string({ required_error: "declarations.err.objectionRequired" }).trim().min(5, "declarations.err.objectionShort").max(2000, "declarations.err.reasonLong"),
});

export const resolveSchema = z.object({
  objectionId: z.string({ required_error: "declarations.err.entryGone" }).uuid("declarations.err.entryGone"),
  outcome: z.enum(["upheld", "dismissed"], { errorMap: () => ({ message: "declarations.err.outcomeRequired" }) }),
  resolution: z.string({ required_error: "declarations.err.resolutionRequired" }).trim().min(2, "declarations.err.resolutionRequired").max(1000, "declarations.err.reasonLong"),
});

export const publishSchema = z.object({
  levyYear: z.number({ invalid_type_error: "declarations.err.yearRequired", required_error: "declarations.err.yearRequired" }).int().min(2015).max(2100),
  objectionDays: z
    .number({ invalid_type_error: "declarations.err.daysRange" })
    .int("declarations.err.daysRange")
    .min(1, "declarations.err.daysRange")
    .max(60, "declarations.err.daysRange")
    .default(7),
});

/**
 * Whether a contract from `start` to `end` (both inclusive, "YYYY-MM-DD") runs for less than a year: 2025-01-01 to
 * 2025-12-31 is a full year, 2025-01-15 to 2026-01-13 is not. An open-ended contract (no end) is not short.
 */
export function isShorterThanOneYear(start: string, end: string | null | undefined): boolean {
  if (!end) return false;
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + 1, m - 1, d - 1)).toISOString().slice(0, 10);
  return end < lastDay;
}
