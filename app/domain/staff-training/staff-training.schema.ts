/**
 * The staff training form (issue 14; client-safe). A counselor is chosen from the accounts of the admin's region; a
 * community employment instructor (社区就业指导员) has no account and is described by name and division.
 * Messages are message keys (app/i18n/messages/staff-programmes.ts).
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const STAFF_ROLES = ["community_instructor", "counselor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const PERSON_MAX = 50;
export const COURSE_MAX = 200;
export const HOURS_MAX = 2000;
export const STAFF_TRAINING_PAGE_SIZE = 50;

const course = z.object({
  course: z.string({ required_error: "staffTraining.err.courseRequired" }).trim().min(1, "staffTraining.err.courseRequired").max(COURSE_MAX, "staffTraining.err.textLong"),
  provider: z.string().trim().max(COURSE_MAX, "staffTraining.err.textLong").optional(),
  trainedOn: z
    .string({ required_error: "staffTraining.err.dateRequired" })
    .trim()
    .min(1, "staffTraining.err.dateRequired")
    .refine((v) => isCalendarDate(v) && v >= "1950-01-01" && v <= "2100-12-31", "staffTraining.err.dateFormat"),
  hours: z
    .number({ required_error: "staffTraining.err.hoursRequired", invalid_type_error: "staffTraining.err.hoursNumber" })
    .positive("staffTraining.err.hoursNumber")
    .max(HOURS_MAX, "staffTraining.err.hoursNumber")
    .refine((v) => Number.isInteger(Math.round(v * 10)) && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, "staffTraining.err.hoursNumber"),
});

/*
 * Who was trained sits on its own object joined with `.and`, so "choose the counselor" / "give the name" show
 * together with the other errors (zod runs an object's refinements only when the whole object parsed).
 */
const person = z
  .object({
    role: z.enum(STAFF_ROLES, { errorMap: () => ({ message: "staffTraining.err.roleRequired" }) }),
    userId: z.string().uuid("staffTraining.err.counselorRequired").optional(),
    name: z.string().trim().max(PERSON_MAX, "staffTraining.err.textLong").optional(),
    regionCode: z.string().regex(/^\d{6}$/, "staffTraining.err.regionRequired").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "counselor" && !v.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "staffTraining.err.counselorRequired" });
    if (v.role === "community_instructor") {
      if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "staffTraining.err.nameRequired" });
      if (!v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "staffTraining.err.regionRequired" });
    }
  });

export const staffTrainingSchema = person.and(course);
export type StaffTrainingInput = z.infer<typeof staffTrainingSchema>;

/** The list's filters (a GET form): anything unreadable is no filter. */
export function parseStaffTrainingQuery(params: URLSearchParams): { role: StaffRole | null; year: number | null } {
  const role = params.get("role") ?? "";
  const year = Number(params.get("year") ?? "");
  return {
    role: (STAFF_ROLES as readonly string[]).includes(role) ? (role as StaffRole) : null,
    year: Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : null,
  };
}
