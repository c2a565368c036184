import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS, TASK_DEMANDS, codes } from "../catalog";
import { eligibility, match, placeFit, type MatchSeeker, type MatchVacancy } from "./matching";

const base: MatchSeeker = {
  currentRegionCode: "520102",
  placeScope: "prefecture",
  preferredRegionCodes: [],
  wantsRemote: false,
  needsRequired: ["sign_language"],
  needsPreferred: ["flexible_hours"],
  limits: ["phone_calls"],
  skills: ["Excel", "数据录入"],
  education: "college",
  expectedPayMin: 3000,
};
const vacancy: MatchVacancy = {
  regionCode: "520103",
  remote: false,
  accommodations: ["sign_language", "flexible_hours"],
  demands: [],
  skills: ["数据录入", "打字"],
  educationRequired: "senior",
  payMin: 2800,
  payMax: 4000,
  publishedAt: new Date(),
};

describe("matching rules", () => {
  it("a vacancy offering every required need, without a limited demand, in the accepted place is eligible with reasons", () => {
    const r = match(base, vacancy);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toMatchObject({
      needsMet: ["sign_language"],
      preferredMet: ["flexible_hours"],
      skillsMatched: ["数据录入"],
      skillsMissing: ["打字"],
      place: "prefecture",
      payFits: true,
      educationFits: true,
    });
  });
  it("a missing required need, a limited demand or a far place makes it ineligible, each named", () => {
    expect(eligibility(base, { ...vacancy, accommodations: ["flexible_hours"] }).unmetNeeds).toEqual(["sign_language"]);
    expect(eligibility(base, { ...vacancy, demands: ["phone_calls"] }).conflictingDemands).toEqual(["phone_calls"]);
    expect(eligibility(base, { ...vacancy, regionCode: "520302" }).place).toBeNull();
    expect(eligibility(base, { ...vacancy, regionCode: "520302" }).eligible).toBe(false);
  });
  it("place: county scope excludes the rest of the prefecture; remote counts when both want it; preferred regions widen", () => {
    expect(placeFit({ ...base, placeScope: "county" }, vacancy)).toBeNull();
    expect(placeFit({ ...base, placeScope: "county" }, { ...vacancy, regionCode: "520102" })).toBe("county");
    expect(placeFit({ ...base, wantsRemote: true }, { ...vacancy, regionCode: "520302", remote: true })).toBe("remote");
    expect(placeFit(base, { ...vacancy, regionCode: "520302", remote: true })).toBeNull();
    expect(placeFit({ ...base, preferredRegionCodes: ["520300"] }, { ...vacancy, regionCode: "520302" })).toBe("province");
  });
  it("nearer, better-fitting vacancies score higher; quota eligibility is not an input", () => {
    const near = match(base, { ...vacancy, regionCode: "520102" }).score;
    const far = match({ ...base, placeScope: "province" }, { ...vacancy, regionCode: "520302" }).score;
    expect(near).toBeGreaterThan(far);
  });
});

const accommodation = fc.constantFrom(...codes(ACCOMMODATIONS));
const demand = fc.constantFrom(...codes(TASK_DEMANDS));
const region = fc.constantFrom("520102", "520103", "520111", "520302", "520303", "522301", "522601");
const seekerArb = fc.record<MatchSeeker>({
  currentRegionCode: fc.option(region, { nil: null }),
  placeScope: fc.constantFrom("county", "prefecture", "province"),
  preferredRegionCodes: fc.array(fc.constantFrom("520100", "520300", "522300"), { maxLength: 2 }),
  wantsRemote: fc.boolean(),
  needsRequired: fc.uniqueArray(accommodation, { maxLength: 4 }),
  needsPreferred: fc.uniqueArray(accommodation, { maxLength: 4 }),
  limits: fc.uniqueArray(demand, { maxLength: 4 }),
  skills: fc.array(fc.constantFrom("Excel", "按摩", "数据录入", "客服"), { maxLength: 3 }),
  education: fc.constantFrom("none", "junior", "senior", "college", "bachelor"),
  expectedPayMin: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }),
});
const vacancyArb = fc
  .record({
    regionCode: region,
    remote: fc.boolean(),
    accommodations: fc.uniqueArray(accommodation, { maxLength: 10 }),
    demands: fc.uniqueArray(demand, { maxLength: 4 }),
    skills: fc.array(fc.constantFrom("Excel", "按摩", "数据录入", "客服"), { maxLength: 3 }),
    educationRequired: fc.constantFrom("none", "junior", "senior", "college"),
    payMin: fc.integer({ min: 1000, max: 6000 }),
    extra: fc.integer({ min: 0, max: 4000 }),
  })
  .map(({ extra, ...v }): MatchVacancy => ({ ...v, payMax: v.payMin + extra, publishedAt: new Date("2026-11-01") }));

describe("matching properties", () => {
  it("no eligible result ever lacks a required need, contains a limit, or is out of place", () => {
    fc.assert(
      fc.property(seekerArb, vacancyArb, (s, v) => {
        const r = match(s, v);
        if (!r.eligible) return;
        for (const need of s.needsRequired) expect(v.accommodations).toContain(need);
        for (const d of v.demands) expect(s.limits).not.toContain(d);
        expect(r.reasons.place).not.toBeNull();
        if (r.reasons.place === "remote") expect(v.remote && s.wantsRemote).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("ineligible results always name why", () => {
    fc.assert(
      fc.property(seekerArb, vacancyArb, (s, v) => {
        const e = eligibility(s, v);
        if (e.eligible) return;
        expect(e.unmetNeeds.length + e.conflictingDemands.length + (e.place === null ? 1 : 0)).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
  it("scores stay within 0–100", () => {
    fc.assert(
      fc.property(seekerArb, vacancyArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, v, text) => {
        const { score } = match(s, v, { textScore: text, now: new Date("2026-11-29") });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });
});
