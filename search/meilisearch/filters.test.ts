import { describe, expect, it } from "vitest";
import { candidatesFilter, eligibleVacanciesFilter, quote, regionFilter, vacancyFilter } from "./filters";

describe("Meilisearch filter translation", () => {
  it("quotes strings safely", () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quote(3)).toBe("3");
  });
  it("maps division codes to their attribute", () => {
    expect(regionFilter("520102")).toBe('county = "520102"');
    expect(regionFilter("520100")).toBe('prefecture = "520100"');
    expect(regionFilter("520000")).toBe('province = "520000"');
  });
  it("vacancy search: every chosen accommodation must be offered", () => {
    expect(vacancyFilter({ region: "520100", accommodations: ["sign_language", "flexible_hours"], remote: true, payMin: 3000, quotaEligible: true })).toBe(
      'status = "open" AND prefecture = "520100" AND accommodations = "sign_language" AND accommodations = "flexible_hours" AND remote = true AND pay_max >= 3000 AND quota_eligible = true',
    );
    expect(vacancyFilter({})).toBe('status = "open"');
  });
  it("a seeker's eligible vacancies: needs as a subset, limits excluded, place or remote", () => {
    expect(
      eligibleVacanciesFilter({
        currentRegionCode: "520102",
        placeScope: "prefecture",
        preferredRegionCodes: [],
        wantsRemote: true,
        needsRequired: ["sign_language", "captions"],
        needsPreferred: [],
        limits: ["phone_calls", "night_shift"],
        skills: [],
        education: null,
        expectedPayMin: null,
      }),
    ).toBe(
      'status = "open" AND accommodations = "sign_language" AND accommodations = "captions" AND NOT demands IN ["phone_calls", "night_shift"] AND (prefecture = "520100" OR remote = true)',
    );
  });
  it("candidates for a vacancy: NOT needs IN [codes the vacancy does not offer]", () => {
    expect(
      candidatesFilter(
        { regionCode: "520102", remote: false, accommodations: ["sign_language"], demands: ["phone_calls"] },
        ["sign_language", "braille", "elevator"],
      ),
    ).toBe(
      'discoverable = true AND NOT needs IN ["braille", "elevator"] AND NOT limits IN ["phone_calls"] AND (reach = "520102" OR reach = "520100" OR reach = "520000")',
    );
  });
});
