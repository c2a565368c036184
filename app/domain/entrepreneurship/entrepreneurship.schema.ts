/**
 * Forms of entrepreneurship support (issue 14; client-safe: conform in the browser and again on the server).
 * Messages are message keys (app/i18n/messages/entrepreneurship.ts).
 */
import { z } from "zod";
import type { BusinessKind, BusinessSupportKind } from "../../../db/schema";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const BUSINESS_KINDS = ["individual_business", "cooperative", "online_shop", "family_workshop", "other"] as const satisfies readonly BusinessKind[];
export const SUPPORT_KINDS = ["startup_subsidy", "guaranteed_loan", "loan_interest_subsidy", "incubation"] as const satisfies readonly BusinessSupportKind[];

export const NAME_MAX = 100;
export const TEXT_MAX = 1000;
export const NOTE_MAX = 500;
export const EMPLOYS_MAX = 10_000;
export const BUSINESS_PAGE_SIZE = 25;

const choice = <T extends string>(values: readonly T[], message: string) =>
  z.enum(values as unknown as [T, ...T[]], { errorMap: () => ({ message }) });

const calendarDate = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine((v) => isCalendarDate(v) && v >= "1950-01-01" && v <= "2100-12-31", "entrepreneurship.err.dateFormat");

const optionalText = (max: number) => z.string().trim().max(max, "entrepreneurship.err.textLong").optional();

/** Yuan with at most two decimals, kept as text for the numeric column (no float rounding). */
const amount = z
  .string({ required_error: "entrepreneurship.err.amountRequired" })
  .trim()
  .min(1, "entrepreneurship.err.amountRequired")
  .transform((v) => v.replace(/[,，\s]/g, ""))
  .refine((v) => /^\d{1,10}(\.\d{1,2})?$/.test(v), "entrepreneurship.err.amountFormat");

/** A new business, with its first owner (chosen before the form is shown). */
export const businessSchema = z.object({
  ownerId: z.string({ required_error: "entrepreneurship.err.ownerGone" }).uuid("entrepreneurship.err.ownerGone"),
  name: z.string({ required_error: "entrepreneurship.err.nameRequired" }).trim().min(1, "entrepreneurship.err.nameRequired").max(NAME_MAX, "entrepreneurship.err.textLong"),
  kind: choice(BUSINESS_KINDS, "entrepreneurship.err.kindRequired"),
  regionCode: z.string({ required_error: "entrepreneurship.err.regionRequired" }).regex(/^\d{6}$/, "entrepreneurship.err.regionRequired"),
  startedOn: calendarDate("entrepreneurship.err.startedRequired"),
  registrationNumber: z.string().trim().max(40, "entrepreneurship.err.textLong").optional(),
  description: optionalText(TEXT_MAX),
});
export type BusinessInput = z.infer<typeof businessSchema>;

/** Another owner, from the counselor's caseload. */
export const ownerSchema = z.object({
  seekerId: z.string({ required_error: "entrepreneurship.err.ownerRequired" }).uuid("entrepreneurship.err.ownerRequired"),
});
export type OwnerInput = z.infer<typeof ownerSchema>;

/** One support given to the business (a subsidy, a loan, its interest subsidy, an incubation place). */
export const supportSchema = z.object({
  kind: choice(SUPPORT_KINDS, "entrepreneurship.err.supportKindRequired"),
  amount,
  supportDate: calendarDate("entrepreneurship.err.supportDateRequired"),
  note: optionalText(NOTE_MAX),
});
export type SupportInput = z.infer<typeof supportSchema>;

/** The yearly status check: one per business and year (a second one for the year corrects it). */
export const checkSchema = z.object({
  year: z
    .number({ required_error: "entrepreneurship.err.yearRequired", invalid_type_error: "entrepreneurship.err.yearRequired" })
    .int("entrepreneurship.err.yearRequired")
    .min(1950, "entrepreneurship.err.yearRequired")
    .max(2100, "entrepreneurship.err.yearRequired"),
  running: choice(["yes", "no"] as const, "entrepreneurship.err.runningRequired"),
  employsOthers: z
    .number({ invalid_type_error: "entrepreneurship.err.employsNumber" })
    .int("entrepreneurship.err.employsNumber")
    .min(0, "entrepreneurship.err.employsNumber")
    .max(EMPLOYS_MAX, "entrepreneurship.err.employsNumber")
    .optional(),
  checkedOn: calendarDate("entrepreneurship.err.checkedOnRequired"),
  note: optionalText(NOTE_MAX),
});
export type CheckInput = z.infer<typeof checkSchema>;

/** The staff list's filters (a GET form): anything unreadable is no filter. */
export function parseBusinessQuery(params: URLSearchParams): { kind: BusinessKind | null; unchecked: boolean; page: number } {
  const kind = params.get("kind") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    kind: (BUSINESS_KINDS as readonly string[]).includes(kind) ? (kind as BusinessKind) : null,
    unchecked: params.get("unchecked") === "1",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
