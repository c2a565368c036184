import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS, CATEGORY_BY_DIGIT, DISABILITY_CATEGORIES, EMPLOYMENT_TYPES, INTERVIEW_ACCESS_REQUESTS, ORGANIZATION_TYPES, TASK_DEMANDS, codes, label } from "./catalog";

// These codes are stored in rows and indexes: a change here is a data migration, not a rename.
describe("catalog codes are pinned", () => {
  it("accommodations", () => {
    expect(codes(ACCOMMODATIONS)).toEqual([
      "step_free_access", "accessible_toilet", "elevator", "accessible_parking", "accessible_transport", "screen_reader",
      "screen_magnifier", "braille", "sign_language", "captions", "text_communication", "hearing_loop", "flexible_hours",
      "part_time", "remote_work", "rest_breaks", "quiet_workspace", "ergonomic_equipment", "job_coach",
      "simple_instructions", "accessible_dormitory",
    ]);
  });
  it("task demands", () => {
    expect(codes(TASK_DEMANDS)).toEqual([
      "prolonged_standing", "walking_long", "heavy_lifting", "fine_motor", "driving", "phone_calls", "reading_print",
      "hearing_alarms", "night_shift", "working_at_height", "fast_paced_line", "public_facing",
    ]);
  });
  it("disability categories follow the certificate's category digit", () => {
    expect(codes(DISABILITY_CATEGORIES)).toEqual([...CATEGORY_BY_DIGIT]);
  });
  it("organization and employment types, interview access requests", () => {
    expect(codes(ORGANIZATION_TYPES)).toEqual(["enterprise", "public_institution", "government", "social_organization", "individual_business"]);
    expect(codes(EMPLOYMENT_TYPES)).toEqual(["full_time", "part_time", "flexible", "auxiliary", "public_welfare"]);
    expect(codes(INTERVIEW_ACCESS_REQUESTS)).toEqual(["sign_interpreter", "captions", "step_free_venue", "companion", "extra_time", "remote_interview"]);
  });
  it("every accommodation has both labels and a plain explanation in both languages", () => {
    for (const a of ACCOMMODATIONS) {
      expect(a.zh && a.en && a.explainZh && a.explainEn && a.icon).toBeTruthy();
    }
    expect(label(ACCOMMODATIONS, "sign_language", "zh-CN")).toBe("手语沟通");
    expect(label(ACCOMMODATIONS, "sign_language", "en")).toBe("Sign language");
  });
});
