import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS } from "../../app/domain/catalog";
import { ALL_ACCOMMODATIONS, NO_CLOSING_DAY, NOTHING, candidatesFilter, dayNumber, eligibleFilter, or, quote, regionsOverlap, vacancyFilter } from "./filters";

// The exact strings are pinned so a change of meaning shows up in review; filters.differential.test.ts checks
// what they select against the Postgres engine itself.
describe("Meilisearch filter translation", () => {
  it("quotes strings so no value can end the quotes or add an operator", () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x" OR county = "1')).toBe('"x\\" OR county = \\"1"');
    expect(quote(3)).toBe("3");
    expect(quote(true)).toBe("true");
  });
  it("refuses what Meilisearch cannot hold in quotes faithfully", () => {
    // The filter parser keeps backslashes literally (it unescapes only \"), and a trailing one would eat the quote.
    expect(() => quote("a\\")).toThrow(RangeError);
    expect(() => quote(Number.NaN)).toThrow(RangeError);
    expect(() => quote(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it("turns dates into the integer day the index stores", () => {
    expect(dayNumber("2026-03-05")).toBe(20260305);
    expect(dayNumber("2026-12-31")).toBeLessThan(NO_CLOSING_DAY);
    expect(() => dayNumber("2026-3-5")).toThrow(RangeError);
    expect(() => dayNumber("20260305 OR remote = true")).toThrow(RangeError);
  });
  it("a region matches a vacancy's county, prefecture or province, like regions @> {code}", () => {
    expect(regionsOverlap(["520100"])).toBe('(county IN ["520100"] OR prefecture IN ["520100"] OR province IN ["520100"])');
    expect(regionsOverlap([])).toBeNull();
  });
  it("an OR of nothing is an error, not an empty expression", () => {
    expect(() => or([])).toThrow();
    expect(or(["a = 1"])).toBe("a = 1");
  });

  it("vacancy search: open on the day, then every filter in the Postgres engine's order", () => {
    expect(
      vacancyFilter({
        openOn: "2026-11-29",
        region: "520100",
        accommodations: ["sign_language", "flexible_hours"],
        remote: true,
        employmentType: "part_time",
        payMin: 3000.7,
        quotaEligible: true,
        educationRankMax: 3,
      }),
    ).toBe(
      'closing_day >= 20261129 AND (county IN ["520100"] OR prefecture IN ["520100"] OR province IN ["520100"]) AND accommodations = "sign_language" AND accommodations = "flexible_hours" AND remote = true AND employment_type = "part_time" AND pay_max >= 3000 AND quota_eligible = true AND education_rank <= 3',
    );
    expect(vacancyFilter({ openOn: "2026-11-29" })).toBe("closing_day >= 20261129");
    // remote: false and quotaEligible: false mean "not filtered", as in the Postgres engine, not "must be false".
    expect(vacancyFilter({ openOn: "2026-11-29", remote: false, quotaEligible: false, payMin: 0, educationRankMax: 0 })).toBe(
      "closing_day >= 20261129 AND pay_max >= 0 AND education_rank <= 0",
    );
  });

  it("a seeker's eligible vacancies: needs all offered, limits excluded, place or remote", () => {
    expect(eligibleFilter({ needsRequired: ["sign_language", "captions"], limits: ["phone_calls", "night_shift"], reach: ["520100"], wantsRemote: true })).toBe(
      '(accommodations = "sign_language" AND accommodations = "captions" AND NOT demands IN ["phone_calls", "night_shift"] AND ((county IN ["520100"] OR prefecture IN ["520100"] OR province IN ["520100"]) OR remote = true))',
    );
    // Nothing required, no limits, no remote: only the place.
    expect(eligibleFilter({ needsRequired: [], limits: [], reach: ["520102"], wantsRemote: false })).toBe(
      '((county IN ["520102"] OR prefecture IN ["520102"] OR province IN ["520102"]))',
    );
    // No place accepted and remote not wanted: nothing is eligible (regions && '{}' is false).
    expect(eligibleFilter({ needsRequired: [], limits: [], reach: [], wantsRemote: false })).toBe(`(${NOTHING})`);
    expect(eligibleFilter({ needsRequired: [], limits: [], reach: [], wantsRemote: true })).toBe("(remote = true)");
  });

  it("excludeEligibleFor negates the whole eligibility group", () => {
    const e = { needsRequired: ["braille"], limits: [], reach: ["520000"], wantsRemote: false };
    expect(vacancyFilter({ openOn: "2026-01-01", excludeEligibleFor: e })).toBe(`closing_day >= 20260101 AND NOT ${eligibleFilter(e)}`);
    expect(vacancyFilter({ openOn: "2026-01-01", eligibleFor: e, excludeEligibleFor: e })).toBe(
      `closing_day >= 20260101 AND ${eligibleFilter(e)} AND NOT ${eligibleFilter(e)}`,
    );
  });

  it("candidates for a vacancy: NOT needs IN [codes the vacancy does not offer]", () => {
    expect(
      candidatesFilter({ county: "520102", remote: false, accommodations: ["sign_language"], demands: ["phone_calls"] }, ["sign_language", "braille", "elevator"]),
    ).toBe('NOT needs IN ["braille", "elevator"] AND NOT limits IN ["phone_calls"] AND reach IN ["520102", "520100", "520000"]');
    expect(candidatesFilter({ county: "520102", remote: true, accommodations: ["braille"], demands: [] }, ["braille"])).toBe(
      '(reach IN ["520102", "520100", "520000"] OR wants_remote = true)',
    );
  });

  it("takes the catalog's accommodations as the universe", () => {
    expect(ALL_ACCOMMODATIONS).toEqual(ACCOMMODATIONS.map((a) => a.code));
    const f = candidatesFilter({ county: "520102", remote: false, accommodations: ["elevator"], demands: [] });
    for (const code of ALL_ACCOMMODATIONS) expect(f.includes(`"${code}"`)).toBe(code !== "elevator");
  });
});
