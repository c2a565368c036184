/**
 * Forms and vocabularies of special recruitment events (专场招聘会, issue 7; client-safe). Messages are message keys
 * (app/i18n/messages/events.ts). Times are entered as the browser's datetime-local value ("2026-12-05T09:30") and
 * read as Beijing time.
 */
import { z } from "zod";

/** A competition (issue 14) has categories and entrants instead of employers' booths and interview slots. */
export const EVENT_KINDS = ["graduates", "general", "rural", "online", "competition"] as const;
export const EVENT_ARRANGEMENTS = [
  "sign_language_interpreters",
  "captions",
  "step_free_venue",
  "accessible_toilets",
  "accessible_parking",
  "braille_large_print",
  "guide_service",
  "quiet_room",
] as const;
/** What a seeker may ask for when registering; the organizer plans with the counts. */
export const REGISTRATION_ACCESS_REQUESTS = ["interpreter", "captions", "wheelchair_seating", "companion", "quiet_space"] as const;
export type RegistrationAccessRequest = (typeof REGISTRATION_ACCESS_REQUESTS)[number];

/** Graduate events are for those graduating this year or within the last two years. */
export const GRADUATE_YEARS_BACK = 2;
/** Applications this long after an event still come from it. */
export const EVENT_ATTRIBUTION_DAYS = 30;
export const CAPACITY_MAX = 100_000;
export const SLOT_MINUTES_MIN = 5;
export const SLOT_MINUTES_MAX = 180;
export const SLOTS_AT_ONCE_MAX = 40;
export const TITLE_MAX = 100;
export const TEXT_MAX = 4000;
export const LINE_MAX = 200;
export const EVENTS_PAGE_SIZE = 20;

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/** "2026-12-05T09:30" read as Beijing time, or null when it is not a real moment. */
export function parseLocalDateTime(value: string): Date | null {
  const m = LOCAL_DATETIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || y < 2000 || y > 2200) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h - 8, mi));
  // Rejects 31 April and the like: the day must survive the round trip.
  return toLocalDateTime(date) === value.trim().replace(" ", "T") ? date : null;
}

/** The datetime-local value of a moment, in Beijing time. */
export function toLocalDateTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

const localDateTime = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine((v) => parseLocalDateTime(v) !== null, "events.err.dateTimeInvalid");

const text = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");

export const eventSchema = z
  .object({
    title: z.string({ required_error: "events.err.titleRequired" }).trim().min(1, "events.err.titleRequired").max(TITLE_MAX, "events.err.titleLong"),
    kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: "events.err.kindRequired" }) }),
    startsAt: localDateTime("events.err.startsRequired"),
    endsAt: localDateTime("events.err.endsRequired"),
    registrationDeadline: localDateTime("events.err.deadlineRequired"),
    regionCode: z.string({ required_error: "events.err.regionRequired" }).regex(/^\d{6}$/, "events.err.regionRequired"),
    venue: text(LINE_MAX, "events.err.lineLong"),
    onlineUrl: z
      .string()
      .trim()
      .max(LINE_MAX, "events.err.lineLong")
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "events.err.urlInvalid")
      .optional()
      .default(""),
    arrangements: z.array(z.enum(EVENT_ARRANGEMENTS, { errorMap: () => ({ message: "events.err.choiceInvalid" }) })).default([]),
    capacity: z
      .number({ required_error: "events.err.capacityRequired", invalid_type_error: "events.err.capacityRequired" })
      .int("events.err.capacityRequired")
      .min(1, "events.err.capacityRequired")
      .max(CAPACITY_MAX, "events.err.capacityRequired"),
    description: text(TEXT_MAX, "events.err.textLong"),
  })
  .superRefine((v, ctx) => {
    const starts = parseLocalDateTime(v.startsAt);
    const ends = parseLocalDateTime(v.endsAt);
    const deadline = parseLocalDateTime(v.registrationDeadline);
    if (starts && ends && ends <= starts) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.err.endsBeforeStart" });
    if (ends && deadline && deadline > ends) ctx.addIssue({ code: "custom", path: ["registrationDeadline"], message: "events.err.deadlineAfterEnd" });
    if (v.kind === "online" && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "events.err.urlRequired" });
    if (v.kind !== "online" && !v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "events.err.venueRequired" });
  });
export type EventInput = z.infer<typeof eventSchema>;

export const participateSchema = z.object({
  vacancyIds: z.array(z.string().uuid("events.err.choiceInvalid")).min(1, "events.err.vacanciesRequired"),
  note: text(LINE_MAX, "events.err.lineLong"),
});
export type ParticipateInput = z.infer<typeof participateSchema>;

export const decideSchema = z.object({
  participationId: z.string().uuid("events.err.choiceInvalid"),
  decision: z.enum(["approved", "rejected"], { errorMap: () => ({ message: "events.err.decisionRequired" }) }),
  booth: text(50, "events.err.boothLong"),
});
export type DecideInput = z.infer<typeof decideSchema>;

export const registerSchema = z.object({
  accessRequests: z.array(z.enum(REGISTRATION_ACCESS_REQUESTS, { errorMap: () => ({ message: "events.err.choiceInvalid" }) })).default([]),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const slotsSchema = z.object({
  startsAt: localDateTime("events.err.slotStartRequired"),
  minutes: z
    .number({ required_error: "events.err.minutesInvalid", invalid_type_error: "events.err.minutesInvalid" })
    .int("events.err.minutesInvalid")
    .min(SLOT_MINUTES_MIN, "events.err.minutesInvalid")
    .max(SLOT_MINUTES_MAX, "events.err.minutesInvalid"),
  count: z
    .number({ required_error: "events.err.countInvalid", invalid_type_error: "events.err.countInvalid" })
    .int("events.err.countInvalid")
    .min(1, "events.err.countInvalid")
    .max(SLOTS_AT_ONCE_MAX, "events.err.countInvalid"),
});
export type SlotsInput = z.infer<typeof slotsSchema>;

export const checkInSchema = z.object({
  code: z
    .string({ required_error: "events.err.codeRequired" })
    .trim()
    .min(1, "events.err.codeRequired")
    // Codes are base32 (A–Z, 2–7): the digits people type for look-alike letters are read as those letters.
    .transform((v) => v.replace(/[\s-]/g, "").toUpperCase().replace(/0/g, "O").replace(/1/g, "I").replace(/8/g, "B"))
    .refine((v) => /^[A-Z2-7]{8}$/.test(v), "events.err.codeFormat"),
});

/** Whether a graduation year may register for a graduate event held in `eventYear`. */
export function graduateMayRegister(graduationYear: number | null, eventYear: number): boolean {
  return graduationYear !== null && graduationYear <= eventYear && graduationYear >= eventYear - GRADUATE_YEARS_BACK;
}
