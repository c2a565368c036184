/**
 * Forms and vocabularies of the counseling area (issue 6; client-safe). Messages are message keys
 * (app/i18n/messages/counseling.ts).
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const SERVICE_TYPES = [
  "job_introduction",
  "career_guidance",
  "training_referral",
  "entrepreneurship",
  "vocational_assessment",
  "follow_up_visit",
] as const;
export const PLAN_STATUSES = ["active", "achieved", "paused"] as const;
export const ACTION_OWNERS = ["seeker", "counselor", "employer", "family", "other"] as const;
export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
/** Post-placement checkpoints, months after the contract starts. */
export const CHECKPOINT_MONTHS = [1, 3, 6, 12] as const;
export type CheckpointMonth = (typeof CHECKPOINT_MONTHS)[number];

/** "No contact in 30 days" and the due list's horizon. */
export const NO_CONTACT_DAYS = 30;
export const DUE_HORIZON_DAYS = 31;
export const CASELOAD_PAGE_SIZE = 25;
export const COHORT_PAGE_SIZE = 50;

export const TEXT_MAX = 2000;
export const LINE_MAX = 200;

const text = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");
const date = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine(isCalendarDate, "counseling.err.dateInvalid");

export const planSchema = z.object({
  goals: text(TEXT_MAX, "counseling.err.textLong"),
  barriers: text(TEXT_MAX, "counseling.err.textLong"),
  status: z.enum(PLAN_STATUSES, { errorMap: () => ({ message: "counseling.err.choiceInvalid" }) }),
});
export type PlanInput = z.infer<typeof planSchema>;

export const actionSchema = z.object({
  description: z
    .string({ required_error: "counseling.err.actionRequired" })
    .trim()
    .min(1, "counseling.err.actionRequired")
    .max(LINE_MAX, "counseling.err.lineLong"),
  owner: z.enum(ACTION_OWNERS, { errorMap: () => ({ message: "counseling.err.ownerRequired" }) }),
  dueDate: date("counseling.err.dueRequired"),
});
export type ActionInput = z.infer<typeof actionSchema>;

export const actionStatusSchema = z.object({
  actionId: z.string().uuid("counseling.err.choiceInvalid"),
  status: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: "counseling.err.choiceInvalid" }) }),
});

export const serviceSchema = z.object({
  type: z.enum(SERVICE_TYPES, { errorMap: () => ({ message: "counseling.err.serviceTypeRequired" }) }),
  serviceDate: date("counseling.err.serviceDateRequired"),
  notes: text(TEXT_MAX, "counseling.err.textLong"),
  outcome: text(TEXT_MAX, "counseling.err.textLong"),
});
export type ServiceInput = z.infer<typeof serviceSchema>;

export const referSchema = z.object({
  vacancyId: z.string().uuid("counseling.err.vacancyGone"),
  message: text(TEXT_MAX, "counseling.err.textLong"),
});
export type ReferInput = z.infer<typeof referSchema>;

const yesNo = (message: string) => z.enum(["yes", "no"], { errorMap: () => ({ message }) });

export const checkpointSchema = z.object({
  stillEmployed: yesNo("counseling.err.stillEmployedRequired"),
  contractYearOrMore: yesNo("counseling.err.contractYearRequired"),
  note: text(TEXT_MAX, "counseling.err.textLong"),
});
export type CheckpointInput = z.infer<typeof checkpointSchema>;

export const assignSchema = z.object({
  seekerId: z.string().uuid("counseling.err.seekerGone"),
  counselorId: z.string({ required_error: "counseling.err.counselorRequired" }).uuid("counseling.err.counselorRequired"),
  note: text(LINE_MAX, "counseling.err.lineLong"),
});
export type AssignInput = z.infer<typeof assignSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The caseload's filters (a GET form): anything unreadable is ignored.

export const CASELOAD_FILTERS = ["notEmployed", "zeroEmploymentFamily", "noContact", "overdue"] as const;
export type CaseloadFilter = (typeof CASELOAD_FILTERS)[number];
/** "urgent" (the default, issue 15): people with overdue actions first, the longest overdue first; then by name. */
export const CASELOAD_SORTS = ["urgent", "name", "lastContact", "nextDue", "graduationYear"] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface CaseloadQuery {
  q: string;
  graduationYear: number | null;
  filters: CaseloadFilter[];
  sort: CaseloadSort;
  page: number;
}

export function parseCaseloadQuery(params: URLSearchParams): CaseloadQuery {
  const year = Number(params.get("graduationYear"));
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, 50),
    graduationYear: Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : null,
    filters: CASELOAD_FILTERS.filter((f) => params.getAll("filter").includes(f)),
    sort: (CASELOAD_SORTS as readonly string[]).includes(sort ?? "") ? (sort as CaseloadSort) : "urgent",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function caseloadHref(base: string, q: CaseloadQuery, overrides: Partial<CaseloadQuery> = {}): string {
  const v = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (v.q) p.set("q", v.q);
  if (v.graduationYear) p.set("graduationYear", String(v.graduationYear));
  for (const f of v.filters) p.append("filter", f);
  if (v.sort !== "urgent") p.set("sort", v.sort);
  if (v.page > 1) p.set("page", String(v.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

export const COHORT_LISTS = ["graduates", "employed", "notEmployed"] as const;
export type CohortList = (typeof COHORT_LISTS)[number];

/** Adds `months` calendar months to "YYYY-MM-DD", clamping to the month's last day (1-31 + 1 month = 2-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export { contractRunsOneYear } from "../quota/position.schema";
