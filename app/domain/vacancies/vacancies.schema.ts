/**
 * The vacancy form (client-safe): one zod schema shared by conform in the browser and the action on the server,
 * and the rules the domain checks again before it writes (design §4, §7).
 */
import { z } from "zod";
import { ACCOMMODATIONS, codes, EDUCATION_LEVELS, EMPLOYMENT_TYPES, JOB_CATEGORIES, TASK_DEMANDS } from "../catalog";
import type { VacancyStatus } from "../../../db/schema";
import { errorMessage } from "../../i18n/i18n";

export const PAY_LIMIT = 200_000;
export const OPENINGS_LIMIT = 999;
export const SKILLS_LIMIT = 20;
/** A vacancy asks for few certificates (issue 14): each one a seeker lacks makes the vacancy not fit them. */
export const REQUIRED_CERTIFICATES_LIMIT = 5;
export const CERTIFICATE_NAME_MAX = 30;

/** Today's calendar date in Asia/Shanghai, "YYYY-MM-DD" (the site's dates are Shanghai dates, design §8). */
const SHANGHAI_DAY = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayInShanghai(now: Date = new Date()): string {
  // One formatter for the process: building an Intl formatter per call showed in the search page's CPU profile.
  const parts = SHANGHAI_DAY.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Skills typed in one box, separated by commas (either width), 顿号, semicolons or new lines; duplicates dropped. */
export function splitSkills(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、;；\n\r]+/)) {
    const s = raw.trim();
    if (s) seen.add(s);
  }
  return [...seen];
}

/** An enum whose every failure (missing, unknown code) reads as one message. */
const oneOf = <C extends string>(values: [C, ...C[]], message: string) => z.enum(values, { errorMap: () => ({ message }) });

const integer = (required: string, invalid: string) =>
  z.number({ required_error: required, invalid_type_error: invalid }).int(invalid);

const details = z.object({
  organizationId: z.string({ required_error: "vacancies.err.organizationRequired" }).uuid("vacancies.err.organizationRequired"),
  title: z
    .string({ required_error: "vacancies.err.titleRequired" })
    .trim()
    .min(2, "vacancies.err.titleShort")
    .max(60, "vacancies.err.titleLong"),
  description: z
    .string({ required_error: "vacancies.err.descriptionRequired" })
    .trim()
    .min(1, "vacancies.err.descriptionRequired")
    .max(5000, "vacancies.err.descriptionLong"),
  category: oneOf(codes(JOB_CATEGORIES), "vacancies.err.categoryRequired"),
  employmentType: oneOf(codes(EMPLOYMENT_TYPES), "vacancies.err.employmentTypeRequired"),
  openings: integer("vacancies.err.openingsRequired", "vacancies.err.openingsInteger")
    .min(1, "vacancies.err.openingsMin")
    .max(OPENINGS_LIMIT, "vacancies.err.openingsMax"),
  regionCode: z.string({ required_error: "vacancies.err.regionRequired" }).regex(/^\d{6}$/, "vacancies.err.regionRequired"),
  address: z.string().trim().max(200, "vacancies.err.addressLong").optional(),
  remote: z.boolean().optional(),
  educationRequired: oneOf(codes(EDUCATION_LEVELS), "vacancies.err.educationRequired"),
  skills: z
    .string()
    .max(1000, "vacancies.err.skillsLong")
    .optional()
    .transform((v) => splitSkills(v ?? ""))
    .pipe(z.array(z.string().max(30, "vacancies.err.skillLong")).max(SKILLS_LIMIT, "vacancies.err.skillsMany")),
  hours: z.string().trim().max(100, "vacancies.err.hoursLong").optional(),
  requiredCertificates: z
    .string()
    .max(500, "trainingProfile.err.certificatesLong")
    .transform((v) => splitSkills(v))
    .superRefine((list, ctx) => {
      // Limits on the list as a whole, so the message sits at the field (the page has no input per item).
      if (list.some((c) => c.length > CERTIFICATE_NAME_MAX)) {
        ctx.addIssue({ code: "custom", message: errorMessage("trainingProfile.err.certificateLong", { max: CERTIFICATE_NAME_MAX }) });
      }
      if (list.length > REQUIRED_CERTIFICATES_LIMIT) {
        ctx.addIssue({ code: "custom", message: errorMessage("trainingProfile.err.certificatesMany", { max: REQUIRED_CERTIFICATES_LIMIT }) });
      }
    })
    // Optional in the parsed input too, so callers that build one without it (older fixtures, the seed) require none.
    .optional(),
  accommodations: z.array(oneOf(codes(ACCOMMODATIONS), "vacancies.err.unknownCode")),
  demands: z.array(oneOf(codes(TASK_DEMANDS), "vacancies.err.unknownCode")),
  quotaEligible: z.boolean().optional(),
});

const pay = z.object({
  payMin: integer("vacancies.err.payMinRequired", "vacancies.err.payInteger").min(0, "vacancies.err.payNegative").max(PAY_LIMIT, "vacancies.err.payHigh"),
  payMax: integer("vacancies.err.payMaxRequired", "vacancies.err.payInteger").min(0, "vacancies.err.payNegative").max(PAY_LIMIT, "vacancies.err.payHigh"),
});

const closing = z.object({
  closingDate: z.string().refine(isCalendarDate, "vacancies.err.closingDateFormat").optional(),
});

export type VacancyInput = z.infer<typeof details> & z.infer<typeof pay> & z.infer<typeof closing>;

export interface RuleOptions {
  /** Today in Asia/Shanghai; defaults to the real today. */
  today?: string;
  /** A closing date already saved on the vacancy: keeping it is allowed even once it has passed. */
  keepClosingDate?: string | null;
  /**
   * Leave "not in the past" to the domain. The edit action uses this: the domain knows the saved date (which may be
   * kept) and checks the rule itself; the page's own validation still passes keepClosingDate.
   */
  pastCheckedByDomain?: boolean;
}

/**
 * The cross-field rules (design §4): pay range ordered, at least one opening, closing date not in the past.
 * Used by the schema and again by the domain, so a caller that skips the form still cannot save bad data.
 */
export function vacancyRuleErrors(
  input: Pick<VacancyInput, "payMin" | "payMax" | "openings" | "closingDate">,
  options: RuleOptions = {},
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!Number.isInteger(input.openings) || input.openings < 1) errors.openings = ["vacancies.err.openingsMin"];
  if (input.payMin > input.payMax) errors.payMax = ["vacancies.err.payOrder"];
  if (input.closingDate) {
    if (!isCalendarDate(input.closingDate)) errors.closingDate = ["vacancies.err.closingDateFormat"];
    else if (
      !options.pastCheckedByDomain &&
      input.closingDate !== options.keepClosingDate &&
      input.closingDate < (options.today ?? todayInShanghai())
    ) {
      errors.closingDate = ["vacancies.err.closingDatePast"];
    }
  }
  return errors;
}

/*
 * Cross-field rules sit on their own small objects joined with `.and` (see accounts.schema.ts): zod runs an
 * object's refinements only when the whole object parsed, so a pay range out of order shows together with
 * the other errors.
 */
export function vacancySchema(options: RuleOptions = {}) {
  return details
    .and(
      pay.superRefine((v, ctx) => {
        if (v.payMin > v.payMax) ctx.addIssue({ code: "custom", path: ["payMax"], message: "vacancies.err.payOrder" });
      }),
    )
    .and(
      closing.superRefine((v, ctx) => {
        const errors = vacancyRuleErrors({ payMin: 0, payMax: 0, openings: 1, closingDate: v.closingDate }, options);
        // The format has its own check on the field; this adds only "not in the past".
        for (const message of errors.closingDate ?? []) {
          if (message === "vacancies.err.closingDatePast") ctx.addIssue({ code: "custom", path: ["closingDate"], message });
        }
      }),
    );
}

/** The form's fields as typed (before parsing): what a form's default values look like. */
export type VacancyFormInput = z.input<ReturnType<typeof vacancySchema>>;

/** The buttons on the edit page that move a vacancy between statuses. */
export const STATUS_ACTIONS = ["publish", "close", "reopen"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/**
 * The vacancy state machine. `filled` is entered by hiring (the applications area), never by these buttons;
 * reopening a filled vacancy also needs more openings than hires (checked by the domain).
 */
export const TRANSITIONS: Record<StatusAction, { from: readonly VacancyStatus[]; to: VacancyStatus }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open"], to: "closed" },
  reopen: { from: ["closed", "filled"], to: "open" },
};

export function isStatusAction(value: unknown): value is StatusAction {
  return typeof value === "string" && (STATUS_ACTIONS as readonly string[]).includes(value);
}

export const APPLICATION_STATUSES = ["submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"] as const;
export const PAGE_SIZE = 20;

/** `?page=N` as a positive integer; anything else is page 1. */
export function pageParam(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}
