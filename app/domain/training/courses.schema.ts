/**
 * Forms and vocabularies of training courses (issue 14; client-safe): courses of designated training bases
 * (培训基地), enrolments with access requests, outcomes and certificates. Messages are message keys
 * (app/i18n/messages/training.ts). Dates are calendar days in Beijing ("2026-12-05").
 */
import { z } from "zod";
import type { CertificateKind } from "../../../db/schema";
import { EVENT_ARRANGEMENTS, REGISTRATION_ACCESS_REQUESTS } from "../events/events.schema";
import { TRAINING_KINDS } from "../realname/verification.schema";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export { TRAINING_KINDS, type TrainingKind } from "../realname/verification.schema";

/** A course states its accessibility arrangements from the events' catalogue: one list for both. */
export const COURSE_ARRANGEMENTS = EVENT_ARRANGEMENTS;
export type CourseArrangement = (typeof COURSE_ARRANGEMENTS)[number];

/**
 * What a trainee may ask for: the events' access requests, and braille or large-print course materials, which a
 * one-day fair does not hand out but a course of weeks does (a blind massage course's textbooks). The events' codes
 * keep their labels (events.request.*); the training one has its own (training.request.*).
 */
export const TRAINING_ACCESS_REQUESTS = [...REGISTRATION_ACCESS_REQUESTS, "braille_large_print"] as const;
export type TrainingAccessRequest = (typeof TRAINING_ACCESS_REQUESTS)[number];

/** The message key of an access request's label. */
export function accessRequestKey(code: string): `events.request.${(typeof REGISTRATION_ACCESS_REQUESTS)[number]}` | "training.request.braille_large_print" {
  return code === "braille_large_print" ? "training.request.braille_large_print" : (`events.request.${code}` as `events.request.${(typeof REGISTRATION_ACCESS_REQUESTS)[number]}`);
}

export const CERTIFICATE_KINDS = ["vocational_qualification", "skill_level", "special_operation", "training_completion", "other"] as const satisfies readonly CertificateKind[];
export const COURSE_MODES = ["in_person", "online"] as const;
export const OUTCOMES = ["completed", "not_completed"] as const;

export const TITLE_MAX = 100;
export const LINE_MAX = 200;
export const TEXT_MAX = 4000;
export const CAPACITY_MAX = 10_000;
/** Yuan per trainee: well above any subsidy the plan pays, low enough to catch a slip of the keyboard. */
export const SUBSIDY_MAX = 100_000;
/** The longest course a date range may describe (a year's continuing education). */
export const COURSE_DAYS_MAX = 366;
export const COURSES_PAGE_SIZE = 20;
export const ENROLMENTS_PAGE_SIZE = 50;

const text = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");
const date = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine(isCalendarDate, "training.err.dateInvalid");

/** Days from `from` to `to` inclusive (calendar dates). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const courseSchema = z
  .object({
    title: z.string({ required_error: "training.err.titleRequired" }).trim().min(1, "training.err.titleRequired").max(TITLE_MAX, "training.err.titleLong"),
    kind: z.enum(TRAINING_KINDS, { errorMap: () => ({ message: "training.err.kindRequired" }) }),
    providerId: z.string({ required_error: "training.err.providerRequired" }).uuid("training.err.providerRequired"),
    startsOn: date("training.err.startsRequired"),
    endsOn: date("training.err.endsRequired"),
    mode: z.enum(COURSE_MODES, { errorMap: () => ({ message: "training.err.modeRequired" }) }),
    regionCode: z.string({ required_error: "training.err.regionRequired" }).regex(/^\d{6}$/, "training.err.regionRequired"),
    venue: text(LINE_MAX, "training.err.lineLong"),
    link: z
      .string()
      .trim()
      .max(LINE_MAX, "training.err.lineLong")
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "training.err.urlInvalid")
      .optional()
      .default(""),
    arrangements: z.array(z.enum(COURSE_ARRANGEMENTS, { errorMap: () => ({ message: "training.err.choiceInvalid" }) })).default([]),
    capacity: z
      .number({ required_error: "training.err.capacityRequired", invalid_type_error: "training.err.capacityRequired" })
      .int("training.err.capacityRequired")
      .min(1, "training.err.capacityRequired")
      .max(CAPACITY_MAX, "training.err.capacityRequired"),
    subsidyPerTrainee: z
      .number({ invalid_type_error: "training.err.subsidyInvalid" })
      .min(0, "training.err.subsidyInvalid")
      .max(SUBSIDY_MAX, "training.err.subsidyInvalid")
      .refine((v) => Math.round(v * 100) === v * 100 || Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "training.err.subsidyInvalid")
      .optional()
      .default(0),
    description: text(TEXT_MAX, "training.err.textLong"),
  })
  .superRefine((v, ctx) => {
    if (isCalendarDate(v.startsOn) && isCalendarDate(v.endsOn)) {
      if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "training.err.endsBeforeStart" });
      else if (daysInclusive(v.startsOn, v.endsOn) > COURSE_DAYS_MAX) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "training.err.tooLong" });
    }
    if (v.mode === "online" && !v.link) ctx.addIssue({ code: "custom", path: ["link"], message: "training.err.linkRequired" });
    if (v.mode === "in_person" && !v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "training.err.venueRequired" });
  });
export type CourseInput = z.infer<typeof courseSchema>;

const accessRequests = z.array(z.enum(TRAINING_ACCESS_REQUESTS, { errorMap: () => ({ message: "training.err.choiceInvalid" }) })).default([]);

/** A seeker applies for a course. */
export const applySchema = z.object({
  accessRequests,
  accessNote: text(LINE_MAX, "training.err.lineLong"),
});
export type ApplyInput = z.infer<typeof applySchema>;

/** A counselor enrols someone of their caseload. */
export const enrolSchema = z.object({
  seekerId: z.string({ required_error: "training.err.seekerRequired" }).uuid("training.err.seekerRequired"),
  accessRequests,
  accessNote: text(LINE_MAX, "training.err.lineLong"),
});
export type EnrolInput = z.infer<typeof enrolSchema>;

/** The provider or an admin records how one trainee's course ended. */
export const outcomeSchema = z
  .object({
    enrolmentId: z.string({ required_error: "training.err.enrolmentGone" }).uuid("training.err.enrolmentGone"),
    outcome: z.enum(OUTCOMES, { errorMap: () => ({ message: "training.err.outcomeRequired" }) }),
    attendedDays: z
      .number({ required_error: "training.err.attendedRequired", invalid_type_error: "training.err.attendedRequired" })
      .int("training.err.attendedRequired")
      .min(0, "training.err.attendedRequired")
      .max(COURSE_DAYS_MAX, "training.err.attendedRequired"),
    completedOn: z.string().trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "completed") return;
    if (!v.completedOn) ctx.addIssue({ code: "custom", path: ["completedOn"], message: "training.err.completedOnRequired" });
    else if (!isCalendarDate(v.completedOn)) ctx.addIssue({ code: "custom", path: ["completedOn"], message: "training.err.dateInvalid" });
  });
export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** The certificate a trainee obtained. */
export const certificateSchema = z.object({
  enrolmentId: z.string({ required_error: "training.err.enrolmentGone" }).uuid("training.err.enrolmentGone"),
  kind: z.enum(CERTIFICATE_KINDS, { errorMap: () => ({ message: "training.err.certificateKindRequired" }) }),
  name: z.string({ required_error: "training.err.certificateNameRequired" }).trim().min(1, "training.err.certificateNameRequired").max(LINE_MAX, "training.err.lineLong"),
  level: text(50, "training.err.shortLong"),
  number: text(50, "training.err.shortLong"),
  issuer: z.string({ required_error: "training.err.issuerRequired" }).trim().min(1, "training.err.issuerRequired").max(LINE_MAX, "training.err.lineLong"),
  issuedOn: date("training.err.issuedOnRequired"),
});
export type CertificateInput = z.infer<typeof certificateSchema>;
