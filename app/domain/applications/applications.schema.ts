/** Forms of the applications area (client-safe: used by conform in the browser and again on the server). */
import { z } from "zod";
import { codes, DISCLOSURES, INTERVIEW_ACCESS_REQUESTS } from "../catalog";

export const NOTE_MAX = 1000;
export const MESSAGE_MAX = 1000;
export const PAY_MAX = 1_000_000;

const note = z.string().trim().max(NOTE_MAX, "applications.err.noteLong").optional();
const message = z.string().trim().max(MESSAGE_MAX, "applications.err.messageLong").optional();

export const applySchema = z.object({
  note,
  accessRequests: z
    .array(z.enum(codes(INTERVIEW_ACCESS_REQUESTS), { errorMap: () => ({ message: "applications.err.choiceInvalid" }) }))
    .default([]),
  disclosure: z
    .array(z.enum(codes(DISCLOSURES), { errorMap: () => ({ message: "applications.err.choiceInvalid" }) }))
    .default([]),
});
export type ApplyInput = z.infer<typeof applySchema>;

/** Moves an employer makes with this form; hiring has its own form, and "viewed" its own button (never on opening). */
export const MOVE_TARGETS = ["interview", "offered", "rejected"] as const;

export const moveSchema = z.object({
  to: z.enum(MOVE_TARGETS, { errorMap: () => ({ message: "applications.err.moveRequired" }) }),
  message,
});
export type MoveInput = z.infer<typeof moveSchema>;

/** Whether "YYYY-MM-DD" names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200;
}

const calendarDate = z.string().trim().refine(isCalendarDate, "applications.err.dateFormat");

/*
 * The date order sits on its own small object joined with `.and`, so "end before start" shows together with
 * the other errors (zod runs an object's refinements only when the whole object parsed).
 */
const contractDates = z
  .object({
    contractStart: z
      .string({ required_error: "applications.err.contractStartRequired" })
      .trim()
      .refine(isCalendarDate, "applications.err.dateFormat"),
    contractEnd: calendarDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contractEnd && v.contractEnd < v.contractStart) {
      ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "applications.err.contractEndBeforeStart" });
    }
  });

export const hireSchema = z
  .object({
    socialInsurance: z.enum(["yes", "no"], { errorMap: () => ({ message: "applications.err.insuranceRequired" }) }),
    monthlyPay: z
      .number({ required_error: "applications.err.payRequired", invalid_type_error: "applications.err.payNumber" })
      .int("applications.err.payWhole")
      .min(0, "applications.err.payNegative")
      .max(PAY_MAX, "applications.err.payTooHigh"),
    message,
  })
  .and(contractDates);
export type HireInput = z.infer<typeof hireSchema>;

/** The applicant list's filter (a GET form). */
export const applicantFilterSchema = z.object({
  status: z.enum(["submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** `?page=N` for every list: a whole number ≥ 1, anything else is page 1. */
export function pageParam(url: URL): number {
  const n = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

export const PAGE_SIZE = 20;
