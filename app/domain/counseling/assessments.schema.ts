/**
 * The vocational capability assessment form (职业能力评估, issue 14; client-safe). Messages are message keys
 * (app/i18n/messages/staff-programmes.ts).
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const METHOD_MAX = 200;
export const ASSESSMENT_TEXT_MAX = 2000;

export const assessmentSchema = z.object({
  assessedOn: z
    .string({ required_error: "assessment.err.dateRequired" })
    .trim()
    .min(1, "assessment.err.dateRequired")
    .refine((v) => isCalendarDate(v) && v >= "1950-01-01" && v <= "2100-12-31", "assessment.err.dateFormat"),
  method: z.string({ required_error: "assessment.err.methodRequired" }).trim().min(1, "assessment.err.methodRequired").max(METHOD_MAX, "assessment.err.textLong"),
  result: z.string({ required_error: "assessment.err.resultRequired" }).trim().min(1, "assessment.err.resultRequired").max(ASSESSMENT_TEXT_MAX, "assessment.err.textLong"),
  recommendations: z.string().trim().max(ASSESSMENT_TEXT_MAX, "assessment.err.textLong").optional(),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;
