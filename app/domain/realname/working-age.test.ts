import { describe, expect, it } from "vitest";
import { ageOn, isWorkingAge } from "./working-age";

describe("working age (men 16–59, women 16–54, whole years on the day)", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn("1966-11-15", "2026-11-14")).toBe(59);
    expect(ageOn("1966-11-15", "2026-11-15")).toBe(60);
    expect(ageOn("2008-02-29", "2024-02-28")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
  });

  it("a man of 59 is of working age, of 60 not — the day he turns 60 he leaves it", () => {
    expect(isWorkingAge("male", "1967-03-01", "2026-11-15")).toBe(true); // 59
    expect(isWorkingAge("male", "1966-11-16", "2026-11-15")).toBe(true); // 59, turns 60 tomorrow
    expect(isWorkingAge("male", "1966-11-15", "2026-11-15")).toBe(false); // 60 today
    expect(isWorkingAge("male", "1960-01-01", "2026-11-15")).toBe(false);
  });

  it("a woman of 54 is of working age, of 55 not", () => {
    expect(isWorkingAge("female", "1972-01-01", "2026-11-15")).toBe(true); // 54
    expect(isWorkingAge("female", "1971-11-16", "2026-11-15")).toBe(true); // 54, turns 55 tomorrow
    expect(isWorkingAge("female", "1971-11-15", "2026-11-15")).toBe(false); // 55 today
    // A man of the same age is still of working age.
    expect(isWorkingAge("male", "1971-11-15", "2026-11-15")).toBe(true);
  });

  it("15 is too young; 16 from the birthday on", () => {
    expect(isWorkingAge("male", "2010-11-16", "2026-11-15")).toBe(false); // 15
    expect(isWorkingAge("female", "2010-11-16", "2026-11-15")).toBe(false);
    expect(isWorkingAge("male", "2010-11-15", "2026-11-15")).toBe(true); // 16 today
    expect(isWorkingAge("female", "2010-11-15", "2026-11-15")).toBe(true);
  });

  it("without a sex or a birth date nobody is counted", () => {
    expect(isWorkingAge(null, "1990-01-01", "2026-11-15")).toBe(false);
    expect(isWorkingAge("male", null, "2026-11-15")).toBe(false);
  });
});
