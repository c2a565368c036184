/**
 * How complete each section of a seeker profile is, read from what the profile holds (issue 15): a section is
 * "complete" only when its required parts are there, so the overview can never say 已完成 beside 未填写.
 * Client-safe: the overview and the dashboard use it on the profile they loaded.
 *
 * - Sections whose parts are facts (personal, disability, region, education, skills): complete when every required
 *   part is present; not started when none is and the section was never saved; otherwise partial, naming what is
 *   missing. Optional parts (a school, a major, certificates…) never make a section partial.
 * - Sections where choosing nothing is an answer (needs, limits, preferences, family): complete once saved, since
 *   "no needs" and "no limits" are real answers and the preferences' values are defaults until saved.
 */
import { PROFILE_STEPS, type ProfileStep } from "./seekers.schema";

export type SectionStatus = "notStarted" | "partial" | "complete";

/** A required part of a section; each has a label key `seekers.field.<part>`. */
export type ProfilePart =
  | "realName"
  | "idNumber"
  | "category"
  | "grade"
  | "certificateNumber"
  | "household"
  | "current"
  | "residence"
  | "education"
  | "skills";

/** The required parts of the sections whose parts are facts; the others are answered by saving them. */
export const REQUIRED_PARTS: Partial<Record<ProfileStep, readonly ProfilePart[]>> = {
  personal: ["realName", "idNumber"],
  disability: ["category", "grade", "certificateNumber"],
  region: ["household", "current", "residence"],
  education: ["education"],
  skills: ["skills"],
};

/** What the function reads of a profile (the owner's `ProfileView` has it). */
export interface CompletenessInput {
  completedSteps: readonly string[];
  personal: { realName: string | null; idNumber: unknown };
  disability: { category: string | null; grade: number | null; certificateNumber: unknown };
  region: { household: unknown; current: unknown; residence: string | null };
  education: { education: string | null };
  skills: { skills: readonly string[] };
}

export interface SectionCompleteness {
  step: ProfileStep;
  status: SectionStatus;
  /** Required parts not given yet, in form order (empty unless partial). */
  missing: ProfilePart[];
}

function present(value: unknown): boolean {
  if (value == null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function partValue(profile: CompletenessInput, part: ProfilePart): unknown {
  switch (part) {
    case "realName":
      return profile.personal.realName;
    case "idNumber":
      return profile.personal.idNumber;
    case "category":
      return profile.disability.category;
    case "grade":
      return profile.disability.grade;
    case "certificateNumber":
      return profile.disability.certificateNumber;
    case "household":
      return profile.region.household;
    case "current":
      return profile.region.current;
    case "residence":
      return profile.region.residence;
    case "education":
      return profile.education.education;
    case "skills":
      return profile.skills.skills;
  }
}

/** Each section's status, in the overview's order. */
export function profileCompleteness(profile: CompletenessInput): SectionCompleteness[] {
  const saved = new Set(profile.completedSteps);
  return PROFILE_STEPS.map((step) => {
    const parts = REQUIRED_PARTS[step];
    if (!parts) return { step, status: saved.has(step) ? "complete" : "notStarted", missing: [] };
    const missing = parts.filter((p) => !present(partValue(profile, p)));
    if (!missing.length) return { step, status: "complete", missing: [] };
    if (missing.length === parts.length && !saved.has(step)) return { step, status: "notStarted", missing: [] };
    return { step, status: "partial", missing };
  });
}

/** Counts by status, for "已完成 3/9 部分". */
export function completenessCounts(sections: readonly SectionCompleteness[]): Record<SectionStatus, number> & { total: number } {
  const counts = { notStarted: 0, partial: 0, complete: 0, total: sections.length };
  for (const s of sections) counts[s.status]++;
  return counts;
}
