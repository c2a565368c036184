/**
 * Forms of skills competitions (职业技能竞赛, issue 14; client-safe): categories, entries with access requests, the
 * judges' pool (裁判专家库) and its assignment to categories, results. Messages are keys of
 * app/i18n/messages/competitions.ts.
 */
import { z } from "zod";
import { REGISTRATION_ACCESS_REQUESTS } from "../events/events.schema";

/** What an entrant may ask for: the same list as an event's registration, so the organizer plans with one vocabulary. */
export const ENTRY_ACCESS_REQUESTS = REGISTRATION_ACCESS_REQUESTS;
export const CATEGORY_NAME_MAX = 60;
export const CATEGORY_TEXT_MAX = 1000;
export const JUDGE_NAME_MAX = 40;
export const JUDGE_ORG_MAX = 100;
export const SPECIALITY_MAX = 30;
export const SPECIALITIES_MAX = 10;
export const AWARD_MAX = 40;
export const SCORE_MAX = 9999.99;
export const RANK_MAX = 9999;

const uuid = (message: string) => z.string({ required_error: message }).uuid(message);
const text = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");

export const categorySchema = z.object({
  categoryId: z.string().uuid("competitions.err.categoryGone").optional(),
  name: z
    .string({ required_error: "competitions.err.categoryNameRequired" })
    .trim()
    .min(1, "competitions.err.categoryNameRequired")
    .max(CATEGORY_NAME_MAX, "competitions.err.categoryNameLong"),
  description: text(CATEGORY_TEXT_MAX, "competitions.err.textLong"),
});
export type CategoryInput = z.infer<typeof categorySchema>;

export const categoryRefSchema = z.object({ categoryId: uuid("competitions.err.categoryGone") });
export type CategoryRef = z.infer<typeof categoryRefSchema>;

/** Specialities are typed as one line, separated by commas or 、; each is kept once. */
export function parseSpecialities(value: string): string[] {
  return [...new Set(value.split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean))];
}

export const judgeSchema = z.object({
  judgeId: z.string().uuid("competitions.err.judgeGone").optional(),
  name: z
    .string({ required_error: "competitions.err.judgeNameRequired" })
    .trim()
    .min(1, "competitions.err.judgeNameRequired")
    .max(JUDGE_NAME_MAX, "competitions.err.judgeNameLong"),
  organization: text(JUDGE_ORG_MAX, "competitions.err.lineLong"),
  specialities: z
    .string({ required_error: "competitions.err.specialitiesRequired" })
    .trim()
    .min(1, "competitions.err.specialitiesRequired")
    .max(SPECIALITIES_MAX * (SPECIALITY_MAX + 1), "competitions.err.specialitiesTooMany")
    .transform(parseSpecialities)
    .refine((list) => list.length >= 1, "competitions.err.specialitiesRequired")
    .refine((list) => list.length <= SPECIALITIES_MAX, "competitions.err.specialitiesTooMany")
    .refine((list) => list.every((s) => s.length <= SPECIALITY_MAX), "competitions.err.specialityLong"),
  regionCode: z.string({ required_error: "competitions.err.regionRequired" }).regex(/^\d{6}$/, "competitions.err.regionRequired"),
});
export type JudgeInput = z.infer<typeof judgeSchema>;

export const judgeActiveSchema = z.object({
  judgeId: uuid("competitions.err.judgeGone"),
  active: z.enum(["true", "false"], { errorMap: () => ({ message: "competitions.err.choiceInvalid" }) }).transform((v) => v === "true"),
});
export type JudgeActiveInput = z.infer<typeof judgeActiveSchema>;

export const assignmentSchema = z.object({
  categoryId: uuid("competitions.err.categoryGone"),
  judgeId: uuid("competitions.err.judgeRequired"),
});
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const entrySchema = z.object({
  categoryId: uuid("competitions.err.categoryRequired"),
  accessRequests: z.array(z.enum(ENTRY_ACCESS_REQUESTS, { errorMap: () => ({ message: "competitions.err.choiceInvalid" }) })).default([]),
});
export type EntryInput = z.infer<typeof entrySchema>;

const optionalNumber = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.coerce.number({ invalid_type_error: message }).optional());

export const resultSchema = z.object({
  entryId: uuid("competitions.err.entryGone"),
  score: optionalNumber("competitions.err.scoreInvalid").refine(
    // Two decimals at most: the column is numeric(6,2), and a third would be rounded away unseen.
    (v) => v === undefined || (Number.isFinite(v) && v >= 0 && v <= SCORE_MAX && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6),
    "competitions.err.scoreInvalid",
  ),
  rank: optionalNumber("competitions.err.rankInvalid").refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= RANK_MAX), "competitions.err.rankInvalid"),
  award: text(AWARD_MAX, "competitions.err.awardLong"),
});
export type ResultInput = z.infer<typeof resultSchema>;

/**
 * How a published result names an entrant to the public: the first character of the name and a mask (张＊). Taking
 * part in a competition for disabled people says the person is disabled (design §7), so the full name is shown only
 * to the entrant and the organizer; the masked line still lets entrants, and those they tell, find their result.
 */
export function maskedName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first}＊` : "＊";
}
