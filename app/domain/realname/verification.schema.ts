/**
 * The quarterly real-name check (实名制, issue 13; client-safe): what a counselor records about a person of their
 * caseload once a quarter. Messages are message keys (app/i18n/messages/realname.ts).
 */
import { z } from "zod";
import type { EmploymentForm } from "../../../db/schema";
import { SERVICE_TYPES } from "../counseling/counseling.schema";
import { EMPLOYMENT_FORMS } from "../statistics/contract";

/** What the person's situation is now, as found at the check. "unable": unable to work (无劳动能力). */
export const VERIFIED_STATUSES = ["employed", "unemployed", "student", "unable"] as const;
export type VerifiedStatus = (typeof VERIFIED_STATUSES)[number];

/**
 * Kinds of training a person may need (issue 14 reuses these codes for training records): urban vocational skills
 * (城镇职业技能), rural practical techniques (农村实用技术), blind health massage (盲人保健按摩), blind medical massage
 * (盲人医疗按摩), entrepreneurship (创业培训), online and remote work (网络/远程就业), continuing education (继续教育).
 */
export const TRAINING_KINDS = [
  "urban_vocational",
  "rural_practical",
  "blind_health_massage",
  "blind_medical_massage",
  "entrepreneurship",
  "online_remote",
  "continuing_education",
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Service needs are the counseling services' own codes (ServiceType), so a need can be met by a service record. */
export const SERVICE_NEEDS = SERVICE_TYPES;

export const NOTE_MAX = 1000;
export const VERIFICATION_PAGE_SIZE = 25;

const FORMS = EMPLOYMENT_FORMS as unknown as [EmploymentForm, ...EmploymentForm[]];

export const verifySchema = z
  .object({
    employmentStatus: z.enum(VERIFIED_STATUSES, { errorMap: () => ({ message: "realname.err.statusRequired" }) }),
    employmentForm: z.enum(FORMS, { errorMap: () => ({ message: "realname.err.formInvalid" }) }).optional(),
    trainingNeeds: z.array(z.enum(TRAINING_KINDS, { errorMap: () => ({ message: "realname.err.choiceInvalid" }) })).default([]),
    serviceNeeds: z.array(z.enum(SERVICE_NEEDS, { errorMap: () => ({ message: "realname.err.choiceInvalid" }) })).default([]),
    note: z.string().trim().max(NOTE_MAX, "realname.err.noteLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.employmentStatus === "employed" && !v.employmentForm) {
      ctx.addIssue({ code: "custom", path: ["employmentForm"], message: "realname.err.formRequired" });
    }
  })
  // The form is asked only of someone employed; a form left chosen after switching to another status is dropped.
  .transform((v) => ({ ...v, employmentForm: v.employmentStatus === "employed" ? (v.employmentForm ?? null) : null }));
export type VerifyInput = z.infer<typeof verifySchema>;

/**
 * The profile's employment status after a check. The profile knows employed, unemployed and student; someone found
 * unable to work is not employed, so the profile says "unemployed" (the check itself keeps "unable").
 */
export function profileStatusFor(status: VerifiedStatus): "employed" | "unemployed" | "student" {
  return status === "unable" ? "unemployed" : status;
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** The calendar quarter a day (YYYY-MM-DD) lies in. */
export function quarterOf(day: string): Quarter {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const q = (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { year: y, quarter: q, start: `${y}-${pad(firstMonth)}-01`, end: `${y}-${pad(lastMonth)}-${pad(lastDay)}` };
}
