import { describe, expect, it } from "vitest";
import type { SeekerDocument, VacancyDocument } from "../engine";
import { toMeiliSeeker, toMeiliVacancy } from "./documents";
import { NO_CLOSING_DAY } from "./filters";
import { SEEKER_SETTINGS, VACANCY_SETTINGS } from "./settings";

const vacancy: VacancyDocument = {
  id: "7b0d3c1e-0000-4000-8000-000000000001",
  organizationId: "7b0d3c1e-0000-4000-8000-0000000000aa",
  title: "软件工程师",
  keywords: "Java 信息技术 IT",
  organization: "贵阳某科技有限公司",
  description: "负责后台开发",
  county: "520102",
  prefecture: "520100",
  province: "520000",
  accommodations: ["screen_reader", "step_free_access"],
  demands: ["phone_calls"],
  employmentType: "full_time",
  educationRank: 4,
  remote: true,
  quotaEligible: false,
  payMin: 4000,
  payMax: 8000,
  closingDate: "2026-12-31",
  publishedAt: new Date("2026-11-01T08:00:00Z"),
};

// What a seeker document may hold (design §5 rule 4 plus matching), and nothing else.
const SEEKER_KEYS = [
  "id",
  "reach",
  "wants_remote",
  "needs",
  "needs_preferred",
  "limits",
  "skills",
  "education",
  "education_rank",
  "major",
  "graduation_year",
  "updated_at",
].sort();

const seeker: SeekerDocument = {
  id: "7b0d3c1e-0000-4000-8000-000000000002",
  regionCode: "520102",
  reach: ["520100"],
  wantsRemote: true,
  needs: ["sign_language"],
  needsPreferred: ["captions"],
  limits: ["phone_calls"],
  skills: ["手语", "Excel"],
  education: "college",
  educationRank: 3,
  major: "计算机应用",
  graduationYear: 2025,
  updatedAt: new Date("2026-11-02T00:00:00Z"),
};

describe("Meilisearch documents", () => {
  it("flattens a vacancy into the attributes the settings name", () => {
    const d = toMeiliVacancy(vacancy);
    expect(d).toEqual({
      id: vacancy.id,
      organization_id: vacancy.organizationId,
      title: "软件工程师",
      keywords: "Java 信息技术 IT",
      organization: "贵阳某科技有限公司",
      description: "负责后台开发",
      county: "520102",
      prefecture: "520100",
      province: "520000",
      accommodations: ["screen_reader", "step_free_access"],
      demands: ["phone_calls"],
      employment_type: "full_time",
      education_rank: 4,
      remote: true,
      quota_eligible: false,
      pay_min: 4000,
      pay_max: 8000,
      closing_day: 20261231,
      published_at: Date.parse("2026-11-01T08:00:00Z"),
    });
    // Every attribute the engine filters, sorts or searches on is in the document.
    const keys = new Set(Object.keys(d));
    const named = [
      ...(VACANCY_SETTINGS.searchableAttributes ?? []),
      ...(VACANCY_SETTINGS.filterableAttributes ?? []).map(String),
      ...(VACANCY_SETTINGS.sortableAttributes ?? []),
    ];
    for (const a of named) expect(keys.has(a), a).toBe(true);
  });

  it("represents a missing closing date as a day after every real one, and no publication as 0", () => {
    const d = toMeiliVacancy({ ...vacancy, closingDate: null, publishedAt: null });
    expect(d.closing_day).toBe(NO_CLOSING_DAY);
    expect(d.closing_day).toBeGreaterThan(99991230);
    expect(d.published_at).toBe(0);
  });

  it("copies arrays, so later changes to the source do not leak into a sent document", () => {
    const source = { ...vacancy, accommodations: ["elevator"] };
    const d = toMeiliVacancy(source);
    source.accommodations.push("braille");
    expect(d.accommodations).toEqual(["elevator"]);
  });

  it("a seeker document holds exactly what an employer may see and matching needs", () => {
    const withSecrets = {
      ...seeker,
      // What the builder must never carry, even if a caller's object had it.
      realName: "张三",
      idNumber: "520102199001011234",
      certificateNumber: "5201021990010112344" + "3",
      disabilityCategory: "hearing",
      disabilityGrade: 3,
    } as SeekerDocument;
    const d = toMeiliSeeker(withSecrets);
    expect(Object.keys(d).sort()).toEqual(SEEKER_KEYS);
    expect(JSON.stringify(d)).not.toMatch(/张三|520102199001011234|hearing/);
    // The region code itself is not sent: only the reach it implies.
    expect(d).not.toHaveProperty("region_code");
    expect(d).toEqual({
      id: seeker.id,
      reach: ["520100"],
      wants_remote: true,
      needs: ["sign_language"],
      needs_preferred: ["captions"],
      limits: ["phone_calls"],
      skills: ["手语", "Excel"],
      education: "college",
      education_rank: 3,
      major: "计算机应用",
      graduation_year: 2025,
      updated_at: Date.parse("2026-11-02T00:00:00Z"),
    });
    for (const a of [...(SEEKER_SETTINGS.searchableAttributes ?? []), ...(SEEKER_SETTINGS.filterableAttributes ?? []).map(String), ...(SEEKER_SETTINGS.sortableAttributes ?? [])]) {
      expect(SEEKER_KEYS, a).toContain(a);
    }
  });
});
