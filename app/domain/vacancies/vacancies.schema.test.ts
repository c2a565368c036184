import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { isCalendarDate, pageParam, splitSkills, todayInShanghai, vacancyRuleErrors, vacancySchema } from "./vacancies.schema";

const ORG = "7d1c4f3e-2a5b-4c6d-8e9f-0a1b2c3d4e5f";

function form(overrides: Record<string, string | string[] | undefined> = {}): FormData {
  const values: Record<string, string | string[] | undefined> = {
    organizationId: ORG,
    title: "电商客服专员",
    description: "在线回复顾客咨询。",
    category: "customer_service",
    employmentType: "full_time",
    openings: "2",
    regionCode: "520102",
    address: "",
    payMin: "2500",
    payMax: "4000",
    educationRequired: "none",
    skills: "打字、普通话, 办公软件",
    hours: "",
    accommodations: ["sign_language", "flexible_hours"],
    closingDate: "",
    ...overrides,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) fd.append(k, item);
  }
  return fd;
}

function errorsOf(fd: FormData, options = {}) {
  const submission = parseWithZod(fd, { schema: vacancySchema(options) });
  return submission.status === "success" ? {} : submission.error;
}

describe("the vacancy form", () => {
  it("parses a complete form: numbers, lists, checkboxes", () => {
    const submission = parseWithZod(form({ remote: "on", demands: "night_shift" }), { schema: vacancySchema() });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      openings: 2,
      payMin: 2500,
      payMax: 4000,
      remote: true,
      skills: ["打字", "普通话", "办公软件"],
      accommodations: ["sign_language", "flexible_hours"],
      demands: ["night_shift"],
    });
    expect(submission.value.quotaEligible).toBeUndefined();
    expect(submission.value.closingDate).toBeUndefined();
  });

  it("refuses a pay range out of order, at the highest pay, together with other errors", () => {
    const errors = errorsOf(form({ payMin: "5000", payMax: "3000", openings: "0", title: "" }));
    expect(errors).toMatchObject({
      payMax: ["vacancies.err.payOrder"],
      openings: ["vacancies.err.openingsMin"],
      title: ["vacancies.err.titleRequired"],
    });
  });

  it("accepts equal lowest and highest pay, refuses fractions and words", () => {
    expect(errorsOf(form({ payMin: "3000", payMax: "3000" }))).toEqual({});
    expect(errorsOf(form({ payMin: "2500.5" }))).toMatchObject({ payMin: ["vacancies.err.payInteger"] });
    expect(errorsOf(form({ payMax: "很多" }))).toMatchObject({ payMax: ["vacancies.err.payInteger"] });
    expect(errorsOf(form({ payMin: "-1" }))).toMatchObject({ payMin: ["vacancies.err.payNegative"] });
  });

  it("needs at least one opening, as a whole number", () => {
    expect(errorsOf(form({ openings: "0" }))).toMatchObject({ openings: ["vacancies.err.openingsMin"] });
    expect(errorsOf(form({ openings: "-3" }))).toMatchObject({ openings: ["vacancies.err.openingsMin"] });
    expect(errorsOf(form({ openings: "1.5" }))).toMatchObject({ openings: ["vacancies.err.openingsInteger"] });
    expect(errorsOf(form({ openings: "" }))).toMatchObject({ openings: ["vacancies.err.openingsRequired"] });
  });

  it("refuses a closing date before today in Shanghai, accepts today", () => {
    const today = "2026-12-01";
    expect(errorsOf(form({ closingDate: "2026-11-30" }), { today })).toMatchObject({ closingDate: ["vacancies.err.closingDatePast"] });
    expect(errorsOf(form({ closingDate: "2026-12-01" }), { today })).toEqual({});
    expect(errorsOf(form({ closingDate: "2026-02-30" }), { today })).toMatchObject({ closingDate: ["vacancies.err.closingDateFormat"] });
    // Keeping the date already saved is allowed even once it has passed.
    expect(errorsOf(form({ closingDate: "2026-11-30" }), { today, keepClosingDate: "2026-11-30" })).toEqual({});
  });

  it("refuses codes outside the catalogs", () => {
    expect(errorsOf(form({ accommodations: ["teleporter"] }))).toHaveProperty(["accommodations[0]"]);
    expect(errorsOf(form({ category: "astronaut" }))).toMatchObject({ category: ["vacancies.err.categoryRequired"] });
    expect(errorsOf(form({ regionCode: "" }))).toMatchObject({ regionCode: ["vacancies.err.regionRequired"] });
  });

  it("the rules alone, as the domain uses them", () => {
    expect(vacancyRuleErrors({ payMin: 4000, payMax: 2500, openings: 0, closingDate: "2020-01-01" }, { today: "2026-01-01" })).toEqual({
      payMax: ["vacancies.err.payOrder"],
      openings: ["vacancies.err.openingsMin"],
      closingDate: ["vacancies.err.closingDatePast"],
    });
  });
});

describe("helpers", () => {
  it("today is the Shanghai date, not the UTC one", () => {
    // 2026-11-30 17:30 UTC is already 1 December in Shanghai.
    expect(todayInShanghai(new Date("2026-11-30T17:30:00Z"))).toBe("2026-12-01");
    expect(todayInShanghai(new Date("2026-11-30T15:59:00Z"))).toBe("2026-11-30");
  });

  it("splits skills on either comma, 顿号, semicolons and lines, dropping blanks and repeats", () => {
    expect(splitSkills("打字、普通话，Excel; 打字\n\n 驾驶 ")).toEqual(["打字", "普通话", "Excel", "驾驶"]);
    expect(splitSkills("")).toEqual([]);
  });

  it("checks calendar dates and page numbers", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(pageParam("3")).toBe(3);
    expect(pageParam("0")).toBe(1);
    expect(pageParam("abc")).toBe(1);
    expect(pageParam(null)).toBe(1);
  });
});
