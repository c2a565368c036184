/**
 * Designated institutions (issue 14): the forms and queries of designations, their support and the county coverage
 * table (client-safe: conform in the browser and again on the server). Messages are message keys
 * (app/i18n/messages/institutions.ts).
 */
import { z } from "zod";
import type { DesignationKind, InstitutionSupportKind } from "../../../db/schema";
import { checkUscc } from "../identity";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const DESIGNATION_KINDS: readonly DesignationKind[] = [
  "concentrated_demo",
  "poverty_startup_base",
  "auxiliary",
  "auxiliary_demo",
  "blind_massage_health",
  "blind_massage_medical",
  "cultural_creative",
  "training_base",
];
/** The kinds that make a county "covered" by auxiliary employment (one institution in every county, the plan says). */
export const AUXILIARY_KINDS: readonly DesignationKind[] = ["auxiliary", "auxiliary_demo"];
export const SUPPORT_KINDS: readonly InstitutionSupportKind[] = ["premises", "utilities", "startup_funds", "equipment", "post_subsidy", "social_insurance_subsidy"];

export const DECISION_NUMBER_MAX = 100;
export const NOTE_MAX = 500;
/** Yuan; a support record above a hundred million is a typing error. */
export const AMOUNT_MAX = 100_000_000;
export const REGISTER_PAGE_SIZE = 30;
export const ADMIN_PAGE_SIZE = 50;
export const ORGANIZATION_SEARCH_LIMIT = 20;

const choice = <T extends string>(values: readonly T[], message: string) =>
  z.enum(values as unknown as [T, ...T[]], { errorMap: () => ({ message }) });

const calendarDate = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine((v) => isCalendarDate(v) && v >= "1990-01-01" && v <= "2100-12-31", "institutions.err.dateFormat");

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (isCalendarDate(v) && v >= "1990-01-01" && v <= "2100-12-31"), "institutions.err.dateFormat")
  .optional()
  .transform((v) => v || undefined);

const decisionNumber = z
  .string({ required_error: "institutions.err.decisionNumberRequired" })
  .trim()
  .min(1, "institutions.err.decisionNumberRequired")
  .max(DECISION_NUMBER_MAX, "institutions.err.textLong");

/** The period and the decision behind it, shared by designating and editing. */
const period = {
  decisionNumber,
  decisionDate: calendarDate("institutions.err.decisionDateRequired"),
  validFrom: calendarDate("institutions.err.validFromRequired"),
  validTo: optionalDate,
};

function periodRule<T extends { validFrom: string; validTo?: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.validTo && value.validTo < value.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "institutions.err.validToBeforeFrom" });
  }
}

/**
 * Designating: the organization by its 统一社会信用代码 typed in, or chosen from a search by name (a radio button of
 * `organizationId`); one or more kinds (a row each); the decision and the period.
 */
export const designateSchema = z
  .object({
    organizationId: z
      .string()
      .trim()
      .regex(/^[0-9a-f-]{36}$/i, "institutions.err.organizationRequired")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    organizationCode: z
      .string()
      .transform((v) => v.replace(/\s/g, "").toUpperCase())
      .refine((v) => v === "" || checkUscc(v) === null, "institutions.err.usccFormat")
      .optional()
      .transform((v) => v || undefined),
    kinds: z.array(choice(DESIGNATION_KINDS, "institutions.err.kindRequired"), { required_error: "institutions.err.kindRequired" }).min(1, "institutions.err.kindRequired"),
    ...period,
  })
  .superRefine((value, ctx) => {
    if (!value.organizationId && !value.organizationCode) {
      ctx.addIssue({ code: "custom", path: ["organizationCode"], message: "institutions.err.organizationRequired" });
    }
    periodRule(value, ctx);
  });
export type DesignateInput = z.infer<typeof designateSchema>;

export const editDesignationSchema = z.object({ ...period }).superRefine(periodRule);
export type EditDesignationInput = z.infer<typeof editDesignationSchema>;

export const revokeSchema = z.object({ revokedOn: calendarDate("institutions.err.revokedOnRequired") });
export type RevokeInput = z.infer<typeof revokeSchema>;

export const supportSchema = z.object({
  kind: choice(SUPPORT_KINDS, "institutions.err.supportKindRequired"),
  amount: z
    .number({ required_error: "institutions.err.amountRequired", invalid_type_error: "institutions.err.amountNumber" })
    .min(0, "institutions.err.amountNumber")
    .max(AMOUNT_MAX, "institutions.err.amountTooHigh")
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "institutions.err.amountCents"),
  supportDate: calendarDate("institutions.err.supportDateRequired"),
  note: z.string().trim().max(NOTE_MAX, "institutions.err.textLong").optional().transform((v) => v ?? ""),
});
export type SupportInput = z.infer<typeof supportSchema>;

/** Searching organizations of the admin's region by name, to designate one (GET, no JavaScript needed). */
export const organizationSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
});

const kindFilter = z
  .string()
  .optional()
  .transform((v) => ((DESIGNATION_KINDS as readonly string[]).includes(v ?? "") ? (v as DesignationKind) : null));
const regionFilter = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{6}$/.test(v) ? v : null));
const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The public register's filters (query string; anything odd is ignored rather than refused). */
export const registerQuerySchema = z.object({ kind: kindFilter, region: regionFilter, page: pageNumber });
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

/** The admin list's filters. */
export const adminListQuerySchema = z.object({
  kind: kindFilter,
  region: regionFilter,
  status: z
    .string()
    .optional()
    .transform((v) => (v === "active" || v === "ended" || v === "revoked" ? v : "all")),
  q: z.string().trim().max(100).catch(""),
  page: pageNumber,
});
export type AdminListQuery = z.infer<typeof adminListQuerySchema>;

export const coverageQuerySchema = z.object({
  uncovered: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true"),
});

/** Parses a query string with one of the schemas above; they never fail. */
export function parseQuery<S extends z.ZodTypeAny>(schema: S, params: URLSearchParams): z.infer<S> {
  return schema.parse(Object.fromEntries(params));
}
