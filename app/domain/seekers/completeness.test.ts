import { describe, expect, it } from "vitest";
import { completenessCounts, profileCompleteness, type CompletenessInput } from "./completeness";

const empty: CompletenessInput = {
  completedSteps: [],
  personal: { realName: null, idNumber: null },
  disability: { category: null, grade: null, certificateNumber: null },
  region: { household: null, current: null, residence: null },
  education: { education: null },
  skills: { skills: [] },
};

const masked = { masked: "5201**********1234", start: "5201", end: "1234" };

function statusOf(profile: CompletenessInput) {
  return Object.fromEntries(profileCompleteness(profile).map((s) => [s.step, s.missing.length ? `${s.status}:${s.missing.join(",")}` : s.status]));
}

describe("profile completeness", () => {
  it("an empty profile has every section not started", () => {
    const sections = profileCompleteness(empty);
    expect(sections.map((s) => s.step)).toEqual(["personal", "disability", "region", "education", "skills", "needs", "limits", "preferences", "family"]);
    expect(new Set(sections.map((s) => s.status))).toEqual(new Set(["notStarted"]));
    expect(completenessCounts(sections)).toEqual({ notStarted: 9, partial: 0, complete: 0, total: 9 });
  });

  it("a section marked done but missing a required part is partial and names the part (the certificate cleared by a new ID number)", () => {
    const profile: CompletenessInput = {
      ...empty,
      completedSteps: ["personal", "disability"],
      personal: { realName: "王小明", idNumber: masked },
      disability: { category: "vision", grade: 2, certificateNumber: null },
    };
    expect(statusOf(profile)).toMatchObject({ personal: "complete", disability: "partial:certificateNumber" });
  });

  it("facts count even when the step was never saved, and a blank name is not a name", () => {
    const profile: CompletenessInput = {
      ...empty,
      personal: { realName: "  ", idNumber: masked },
      region: { household: { code: "520102", name: "贵阳市 南明区" }, current: null, residence: "urban" },
      education: { education: "bachelor" },
    };
    expect(statusOf(profile)).toMatchObject({
      personal: "partial:realName",
      region: "partial:current",
      education: "complete",
    });
  });

  it("skills saved with no skill listed is partial; certificates and training needs are optional", () => {
    expect(statusOf({ ...empty, completedSteps: ["skills"] }).skills).toBe("partial:skills");
    expect(statusOf({ ...empty, skills: { skills: ["办公软件"] } }).skills).toBe("complete");
  });

  it("needs, limits, preferences and family are complete once saved, even with nothing chosen", () => {
    const profile = { ...empty, completedSteps: ["needs", "limits", "preferences", "family"] };
    expect(statusOf(profile)).toMatchObject({ needs: "complete", limits: "complete", preferences: "complete", family: "complete" });
    expect(statusOf(empty)).toMatchObject({ needs: "notStarted", limits: "notStarted", preferences: "notStarted", family: "notStarted" });
  });

  it("counts each status", () => {
    const profile: CompletenessInput = {
      ...empty,
      completedSteps: ["needs"],
      personal: { realName: "李芳", idNumber: null },
      education: { education: "none" },
    };
    expect(completenessCounts(profileCompleteness(profile))).toEqual({ notStarted: 6, partial: 1, complete: 2, total: 9 });
  });
});
