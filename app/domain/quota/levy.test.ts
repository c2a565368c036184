import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  computeLevy,
  computeLevyExact,
  formatCount,
  formatMoney,
  levyInputSchema,
  levyResultJson,
  parseRational,
  rationalToText,
  roundToFen,
  RULE_SETS,
  ruleSetFor,
  savingForHires,
  staffCountFromMonthly,
  tryParseRational,
  type DisabledEmployeeInput,
  type LevyInput,
  type RuleSet,
} from "./levy";

/** A 2025 enterprise of 200 staff paying 80,000 on average, local social average 60,000 (cap 120,000), no disabled staff. */
const base: LevyInput = {
  levyYear: 2025,
  employerType: "enterprise",
  staffCount: 200,
  averageSalary: 80000,
  localAverageSalary: 60000,
  disabledEmployees: [],
};
const levy = (over: Partial<LevyInput>) => computeLevy({ ...base, ...over });
const disabled = (grade: number, monthsEmployed = 12): DisabledEmployeeInput => ({ kind: "disabled", grade, monthsEmployed });
const veteran = (grade: number, monthsEmployed = 12): DisabledEmployeeInput => ({ kind: "veteran", grade, monthsEmployed });
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const counted = (...employees: DisabledEmployeeInput[]) => levy({ disabledEmployees: employees }).countedDisabled;

/** The message keys of a failed parse, by dotted path. */
function errors(input: unknown): Record<string, string[]> {
  const r = levyInputSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

describe("exact numbers", () => {
  it("reads JS numbers by their decimal text, not their binary value (201 × 1.5% is 3.015, not 3.0149999999999997)", () => {
    expect(201 * 0.015).not.toBe(3.015); // what binary floating point would have said
    expect(parseRational(0.015).equals(parseRational("3/200"))).toBe(true);
    expect(formatCount(parseRational(201).mul(parseRational(0.015)))).toBe("3.015");
    expect(levy({ staffCount: 201 }).requiredCount).toBe("3.015");
  });

  it("reads decimals, exponents and fractions exactly and refuses anything else", () => {
    expect(rationalToText(parseRational("30.4"))).toBe("30.4");
    expect(rationalToText(parseRational(" 361/12 "))).toBe("361/12");
    expect(rationalToText(parseRational("1e3"))).toBe("1000");
    expect(rationalToText(parseRational(1e-7))).toBe("0.0000001");
    for (const bad of ["", "abc", "1/0", "1,000", "0x10", "1e999", "--1", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(tryParseRational(bad)).toBeNull();
    }
    expect(() => parseRational("abc")).toThrow(RangeError);
  });

  it("rounds money half-up to the fen, where toFixed on a float would not", () => {
    expect((2.675).toFixed(2)).toBe("2.67"); // the float is 2.67499999…
    expect(formatMoney(parseRational("2.675"))).toBe("2.68");
    expect(formatMoney(parseRational("0.005"))).toBe("0.01");
    expect(formatMoney(parseRational("0.004999"))).toBe("0.00");
    expect(formatMoney(parseRational("30000.005"))).toBe("30000.01"); // half-up, not half-even
    expect(formatMoney(parseRational("-22000"))).toBe("-22000.00");
    expect(roundToFen(parseRational("15000.0025")).equals(parseRational("15000"))).toBe(true);
  });

  it("formats counts with up to four decimals", () => {
    expect(formatCount(parseRational("2/3"))).toBe("0.6667");
    expect(formatCount(parseRational("2"))).toBe("2");
    expect(formatCount(parseRational("0"))).toBe("0");
    expect(formatCount(parseRational("0.45125"))).toBe("0.4513");
  });

  it("averages twelve monthly staff figures exactly", () => {
    const staff = staffCountFromMonthly([...times(11, 30), 31]);
    expect(rationalToText(staff)).toBe("361/12");
    expect(formatCount(staff)).toBe("30.0833");
    expect(() => staffCountFromMonthly(times(11, 30))).toThrow(RangeError);
  });
});

describe("rule sets by levy year (quota-rules §1, A8, A13)", () => {
  it.each([
    [2015, "cn-2015-baseline"],
    [2016, "cn-2015-baseline"],
    [2017, "cn-2017-small-enterprise"],
    [2018, "cn-2018-cap-2x"],
    [2019, "cn-2018-cap-2x"],
    [2020, "cn-2020-tiers"],
    [2022, "cn-2020-tiers"],
    [2023, "cn-2023-tiers"],
    [2027, "cn-2023-tiers"],
    [2028, "cn-2028-no-later-rule"],
    [2040, "cn-2028-no-later-rule"],
  ])("levy year %i uses %s", (year, id) => {
    expect(ruleSetFor(year)?.id).toBe(id);
    expect(levy({ levyYear: year }).ruleSet.id).toBe(id);
  });

  it("the rule sets cover 2015 onwards without gaps or overlaps", () => {
    for (let y = 2015; y <= 2100; y++) {
      expect(RULE_SETS.filter((r) => y >= r.fromYear && (r.toYear === null || y <= r.toYear))).toHaveLength(1);
    }
  });

  it("refuses levy years before 2015: the earlier Guizhou rules are not implemented (§2.3)", () => {
    expect(ruleSetFor(2014)).toBeNull();
    expect(errors({ ...base, levyYear: 2014 })).toEqual({ levyYear: ["quota.err.levyYear"] });
    expect(() => levy({ levyYear: 2014 })).toThrow(ZodError);
    expect(levy({ levyYear: 2015 }).payable).toBe("240000.00");
  });

  it("every result names its rule set with sources in both languages", () => {
    const r = levy({ levyYear: 2021 });
    expect(r.ruleSet.name.zh).toContain("财政部公告2019年第98号");
    expect(r.ruleSet.name.en).toContain("No. 98 of 2019");
    expect(r.ruleSet.sources.map((s) => s.zh)).toContain("财政部公告2019年第98号");
    expect(r.explanation[0]!.zh).toContain(r.ruleSet.name.zh);
    expect(r.explanation[0]!.en).toContain(r.ruleSet.name.en);
  });

  it("2019 vs 2021 vs 2025 vs 2028: no tiers, then 90% / 50% tiers, then the full levy with no later rule known", () => {
    // 201 staff, nobody counted: required 3.015, full levy 3.015 × 80,000 = 241,200; share 0% < 1%.
    const none = (levyYear: number) => levy({ levyYear, staffCount: 201 });
    expect(none(2019)).toMatchObject({ fullLevy: "241200.00", tierFactor: 1, payable: "241200.00", exemptReason: null });
    expect(none(2020)).toMatchObject({ tierFactor: 0.9, payable: "217080.00" });
    expect(none(2021)).toMatchObject({ fullLevy: "241200.00", tierFactor: 0.9, payable: "217080.00" });
    expect(none(2025)).toMatchObject({ fullLevy: "241200.00", tierFactor: 0.9, payable: "217080.00" });
    expect(none(2027)).toMatchObject({ tierFactor: 0.9, payable: "217080.00" });
    expect(none(2028)).toMatchObject({ fullLevy: "241200.00", tierFactor: 1, payable: "241200.00" });
    // Three counted of 201 (1.49% ≥ 1%): shortfall 0.015, full levy 1,200.
    const three = (levyYear: number) => levy({ levyYear, staffCount: 201, disabledEmployees: times(3, disabled(3)) });
    expect(three(2019)).toMatchObject({ fullLevy: "1200.00", tierFactor: 1, payable: "1200.00" });
    expect(three(2021)).toMatchObject({ fullLevy: "1200.00", tierFactor: 0.5, payable: "600.00" });
    expect(three(2025)).toMatchObject({ fullLevy: "1200.00", tierFactor: 0.5, payable: "600.00" });
    expect(three(2028)).toMatchObject({ fullLevy: "1200.00", tierFactor: 1, payable: "1200.00" });
  });

  it("after 2027 the result says that no later rule is known", () => {
    const r = levy({ levyYear: 2030 });
    expect(r.ruleSet.noLaterRuleKnown).toBe(true);
    expect(r.explanation.some((s) => s.zh.includes("尚未查到之后的新规定") && s.en.includes("no later rule is known"))).toBe(true);
    expect(levy({ levyYear: 2027 }).ruleSet.noLaterRuleKnown).toBe(false);
  });

  it("the post-2027 behaviour is configurable: a renewed policy can be passed as a rule set (A13)", () => {
    const renewed: RuleSet = {
      ...RULE_SETS.find((r) => r.id === "cn-2023-tiers")!,
      id: "cn-2028-renewed",
      fromYear: 2028,
      toYear: 2032,
    };
    const ruleSets = [...RULE_SETS.filter((r) => r.fromYear < 2028), renewed];
    const r = computeLevy({ ...base, levyYear: 2028, staffCount: 201 }, { ruleSets });
    expect(r).toMatchObject({ ruleSet: { id: "cn-2028-renewed", noLaterRuleKnown: false }, tierFactor: 0.9, payable: "217080.00" });
    expect(() => computeLevy({ ...base, levyYear: 2033 }, { ruleSets })).toThrow(RangeError);
  });
});

describe("required count, shortfall and the salary basis (72号 第八条, A1)", () => {
  it("the published example: (201 × 1.5% − 0.83) × 99502.49 = 217412.94, with 3.015 not rounded (A1)", () => {
    const shortfall = parseRational(201).mul(parseRational("1.5").div(100)).sub(parseRational("0.83"));
    expect(formatCount(shortfall)).toBe("2.185");
    expect(formatMoney(shortfall.mul(parseRational("99502.49")))).toBe("217412.94");
  });

  it("the engine does not round the counted figure as that example did (0.83 for 10/12, A4)", () => {
    const r = computeLevy({
      levyYear: 2019,
      employerType: "enterprise",
      staffCount: 201,
      averageSalary: 99502.49,
      localAverageSalary: 90000,
      disabledEmployees: [disabled(3, 10)],
    });
    // (3.015 − 5/6) × 99502.49 = 1309/600 × 99502.49 = 217081.2656…
    expect(r).toMatchObject({ requiredCount: "3.015", countedDisabled: "0.8333", shortfall: "2.1817", fullLevy: "217081.27", payable: "217081.27" });
  });

  it("uses the ratio given, defaulting to Guizhou's 1.5%", () => {
    expect(levy({}).requiredCount).toBe("3");
    expect(levy({ ratio: 0.017 }).requiredCount).toBe("3.4");
    expect(levy({ ratio: "0.017" }).fullLevy).toBe("272000.00");
  });

  it("a fractional staff average is kept exact", () => {
    const r = levy({ staffCount: "361/12", employerType: "public_institution" });
    expect(r).toMatchObject({ requiredCount: "0.4513", shortfall: "0.4513", fullLevy: "36100.00", payable: "32490.00" });
  });

  it("over-fulfilment gives a zero shortfall, no credit (A15)", () => {
    const r = levy({ staffCount: 100, disabledEmployees: times(3, disabled(1)) });
    expect(r).toMatchObject({ requiredCount: "1.5", countedDisabled: "6", shortfall: "0", fullLevy: "0.00", payable: "0.00" });
  });

  it("exactly 2× the local average is not capped; a fen above it is (2018 onwards, cap inclusive)", () => {
    expect(levy({ averageSalary: 120000 })).toMatchObject({ salaryBasis: "120000.00", salaryCapApplied: false, fullLevy: "360000.00" });
    expect(levy({ averageSalary: "120000.01" })).toMatchObject({ salaryBasis: "120000.00", salaryCapApplied: true, fullLevy: "360000.00" });
    expect(levy({ averageSalary: "119999.99" })).toMatchObject({ salaryBasis: "119999.99", salaryCapApplied: false });
    // With a local average that no decimal holds: exactly 2 × 100000/3.
    expect(levy({ localAverageSalary: "100000/3", averageSalary: "200000/3" })).toMatchObject({ salaryCapApplied: false, salaryBasis: "66666.67" });
    expect(levy({ localAverageSalary: "100000/3", averageSalary: "66666.67" })).toMatchObject({ salaryCapApplied: true, salaryBasis: "66666.67" });
  });

  it("the cap is 3× in 2017 and 2× from 2018; there is no cap in 2015–2016", () => {
    const at = (levyYear: number, averageSalary: RationalLike) => levy({ levyYear, averageSalary, localAverageSalary: 50000 });
    expect(at(2016, 200000)).toMatchObject({ salaryBasis: "200000.00", salaryCapApplied: false });
    expect(at(2017, 200000)).toMatchObject({ salaryBasis: "150000.00", salaryCapApplied: true });
    expect(at(2017, 150000)).toMatchObject({ salaryBasis: "150000.00", salaryCapApplied: false });
    expect(at(2017, "150000.01")).toMatchObject({ salaryBasis: "150000.00", salaryCapApplied: true });
    expect(at(2017, 120000)).toMatchObject({ salaryBasis: "120000.00", salaryCapApplied: false });
    expect(at(2018, 120000)).toMatchObject({ salaryBasis: "100000.00", salaryCapApplied: true });
    expect(at(2018, 100000)).toMatchObject({ salaryBasis: "100000.00", salaryCapApplied: false });
    expect(at(2025, 200000)).toMatchObject({ salaryBasis: "100000.00", salaryCapApplied: true });
    expect(at(2030, 200000)).toMatchObject({ salaryBasis: "100000.00", salaryCapApplied: true });
  });
});

type RationalLike = number | string;

describe("counting disabled employees (72号 第七条, 贵州 第九条第二款, §3, A3)", () => {
  it("grade 1–2 disabled count double; grade 3–4 count once", () => {
    expect(counted(disabled(1))).toBe("2");
    expect(counted(disabled(2))).toBe("2");
    expect(counted(disabled(3))).toBe("1");
    expect(counted(disabled(4))).toBe("1");
  });

  it("grade 1–3 veterans count double; grade 4–8 count once", () => {
    expect(counted(veteran(1))).toBe("2");
    expect(counted(veteran(2))).toBe("2");
    expect(counted(veteran(3))).toBe("2");
    expect(counted(veteran(4))).toBe("1");
    expect(counted(veteran(8))).toBe("1");
  });

  it("partial years count by months ÷ 12, with the double weight", () => {
    expect(counted(disabled(3, 6))).toBe("0.5");
    expect(counted(disabled(1, 6))).toBe("1");
    expect(counted(disabled(4, 1))).toBe("0.0833");
    expect(counted(disabled(1, 12), veteran(3, 6), disabled(4, 9), veteran(5, 1))).toBe("3.8333"); // 2 + 1 + 0.75 + 1/12
  });

  it("the worked examples: a hire in October '(3个月÷12个月)×2倍=0.5人'; a grade-7 veteran hired in May '8÷12≈0.667'", () => {
    expect(counted(disabled(2, 3))).toBe("0.5");
    expect(counted(veteran(7, 8))).toBe("0.6667");
    expect(computeLevyExact({ ...base, disabledEmployees: [veteran(7, 8)] }).countedDisabled.equals(parseRational("2/3"))).toBe(true);
  });

  it("sums of twelfths stay exact where floating point drifts: six people for 2 months each are exactly 1 of 100 staff", () => {
    let float = 0;
    for (let i = 0; i < 6; i++) float += 2 / 12;
    expect(float / 100 >= 0.01).toBe(false); // a float engine would put this in the 90% tier (0.9999999999999999)
    const r = levy({ staffCount: 100, disabledEmployees: times(6, disabled(3, 2)) });
    expect(r).toMatchObject({ countedDisabled: "1", shortfall: "0.5", tierFactor: 0.5, payable: "20000.00" });
  });
});

describe("the 1% tier (98号 三, 8号 一, A7)", () => {
  it("exactly 1% is inclusive: 50%", () => {
    const r = levy({ staffCount: 200, disabledEmployees: times(2, disabled(3)) });
    expect(r).toMatchObject({ requiredCount: "3", countedDisabled: "2", shortfall: "1", fullLevy: "80000.00", tierFactor: 0.5, payable: "40000.00" });
  });

  it("just below 1% pays 90%", () => {
    const r = levy({ staffCount: 201, disabledEmployees: times(2, disabled(3)) });
    expect(r).toMatchObject({ shortfall: "1.015", fullLevy: "81200.00", tierFactor: 0.9, payable: "73080.00" });
  });

  it("the share uses double counting and months: one grade-1 for 6 months among 100 staff is exactly 1%", () => {
    expect(levy({ staffCount: 100, disabledEmployees: [disabled(1, 6)] })).toMatchObject({ countedDisabled: "1", tierFactor: 0.5, payable: "20000.00" });
    expect(levy({ staffCount: 100, disabledEmployees: [disabled(3, 11)] })).toMatchObject({ tierFactor: 0.9 });
  });

  it("the boundary classifies exactly with a staff average no decimal holds (7/12 of 700/12 staff is 1%)", () => {
    const r = levy({ staffCount: "700/12", employerType: "government", disabledEmployees: [disabled(3, 7)] });
    // required 0.875, counted 7/12, shortfall 7/24; 7/24 × 80,000 = 23,333.33…; × 50% = 11,666.666…
    expect(r).toMatchObject({ requiredCount: "0.875", countedDisabled: "0.5833", shortfall: "0.2917", fullLevy: "23333.33", tierFactor: 0.5, payable: "11666.67" });
  });
});

describe("the small-enterprise exemption (18号, 98号 四, 8号 二, A2, A9)", () => {
  it("30 staff: an enterprise is exempt; 31 staff: it pays", () => {
    expect(levy({ staffCount: 30 })).toMatchObject({
      requiredCount: "0.45",
      fullLevy: "36000.00",
      tierFactor: null,
      payable: "0.00",
      exemptReason: "enterprise_staff_le_30",
    });
    expect(levy({ staffCount: 31 })).toMatchObject({ requiredCount: "0.465", fullLevy: "37200.00", tierFactor: 0.9, payable: "33480.00", exemptReason: null });
  });

  it("a fractional average just above 30 is not exempt; exactly 30 as 360/12 is (A2: kept exact, not rounded)", () => {
    expect(levy({ staffCount: "30.4" })).toMatchObject({ exemptReason: null, fullLevy: "36480.00", payable: "32832.00" });
    expect(levy({ staffCount: "361/12" })).toMatchObject({ exemptReason: null, payable: "32490.00" });
    expect(levy({ staffCount: "360/12" })).toMatchObject({ exemptReason: "enterprise_staff_le_30", payable: "0.00" });
  });

  it.each(["public_institution", "government", "social_organization"] as const)("covers enterprises only: a %s with 30 staff pays", (employerType) => {
    const r = levy({ staffCount: 30, employerType });
    expect(r).toMatchObject({ fullLevy: "36000.00", tierFactor: 0.9, payable: "32400.00", exemptReason: null });
    expect(r.explanation.some((s) => s.zh.includes("只适用于企业") && s.en.includes("enterprises only"))).toBe(true);
  });

  it("applies from 2017 (already in 2019) and after 2027; not in 2015–2016", () => {
    expect(levy({ staffCount: 30, levyYear: 2015 })).toMatchObject({ exemptReason: null, tierFactor: 1, payable: "36000.00" });
    expect(levy({ staffCount: 30, levyYear: 2016 })).toMatchObject({ exemptReason: null, payable: "36000.00" });
    for (const levyYear of [2017, 2018, 2019, 2020, 2023, 2027, 2028, 2035]) {
      expect(levy({ staffCount: 30, levyYear })).toMatchObject({ exemptReason: "enterprise_staff_le_30", payable: "0.00", fullLevy: "36000.00" });
    }
  });
});

describe("exempt reasons, the tier factor and the full levy when exempt (A16)", () => {
  it("quota met comes before the small-enterprise exemption", () => {
    const r = levy({ staffCount: 20, disabledEmployees: [disabled(3)] });
    expect(r).toMatchObject({ exemptReason: "quota_met", tierFactor: null, shortfall: "0", fullLevy: "0.00", payable: "0.00" });
  });

  it("an exempt enterprise still sees its full levy before relief", () => {
    expect(levy({ staffCount: 25 })).toMatchObject({ fullLevy: "30000.00", payable: "0.00", tierFactor: null });
  });

  it("the tier factor is null when nothing is payable, also with a zero salary basis", () => {
    expect(levy({ staffCount: 201, averageSalary: 0 })).toMatchObject({ exemptReason: null, fullLevy: "0.00", tierFactor: null, payable: "0.00" });
    expect(levy({ staffCount: 201 }).tierFactor).toBe(0.9);
    expect(levy({ staffCount: 201, levyYear: 2019 }).tierFactor).toBe(1);
  });
});

describe("money rounds half-up to the fen once, at the end (A5)", () => {
  // 200 staff, 2.5 counted (≥ 1%): shortfall 0.5 × 60,000.01 = 30,000.005 exactly.
  const input = { staffCount: 200, averageSalary: "60000.01", localAverageSalary: 40000, disabledEmployees: [disabled(3), disabled(3), disabled(3, 6)] };

  it("applies the tier to the unrounded full levy: 30000.005 × 50% = 15000.0025 → 15000.00 (per step: 30000.01 × 50% → 15000.01)", () => {
    const r = levy(input);
    expect(r).toMatchObject({ shortfall: "0.5", fullLevy: "30000.01", tierFactor: 0.5, payable: "15000.00" });
    const perStep = parseRational(r.fullLevy).mul(parseRational("0.5"));
    expect(formatMoney(perStep)).toBe("15000.01"); // what rounding the full levy first would have given
  });

  it("a half fen rounds up: 30000.005 → 30000.01 (2019, no tiers)", () => {
    expect(levy({ ...input, levyYear: 2019 })).toMatchObject({ fullLevy: "30000.01", tierFactor: 1, payable: "30000.01" });
  });

  it("keeps the exact payable alongside the rounded one", () => {
    const x = computeLevyExact({ ...base, ...input });
    expect(rationalToText(x.payable)).toBe("15000.0025");
    expect(rationalToText(x.payableRounded)).toBe("15000");
  });
});

describe("explanations", () => {
  it("explain each step in Chinese and English with the figures filled in", () => {
    const r = levy({ staffCount: 201, disabledEmployees: [veteran(2, 6)] });
    expect(r.explanation.length).toBeGreaterThanOrEqual(7);
    for (const s of r.explanation) {
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.en).toMatch(/^[\x20-\x7e\u2013\u2212\u2265\u2248\u00d7\u00f7\u00a5]+$/);
    }
    const zh = r.explanation.map((s) => s.zh).join("\n");
    const en = r.explanation.map((s) => s.en).join("\n");
    for (const figure of ["201", "3.015", "2.015", "¥80000.00", "¥161200.00", "90%", "¥145080.00"]) {
      expect(zh).toContain(figure);
      expect(en).toContain(figure);
    }
    expect(zh).toContain("残疾军人证2级 1人×2×6/12");
    expect(en).toContain("veteran grade 2: 1 × 2 × 6/12");
  });

  it("show an inexact count as its fraction and mark money that is rounded for display", () => {
    const r = levy({ staffCount: 201, disabledEmployees: [disabled(3, 10)] });
    const en = r.explanation.map((s) => s.en).join("\n");
    expect(en).toContain("5/6 (≈0.8333)");
    expect(en).toContain("about ¥174533.33");
  });

  it("say why an exempt employer pays nothing", () => {
    expect(levy({ staffCount: 30 }).explanation.at(-2)!.zh).toContain("免征");
    expect(levy({ staffCount: 20, disabledEmployees: [disabled(3)] }).explanation.some((s) => s.en.includes("quota is met"))).toBe(true);
  });
});

describe("savingForHires", () => {
  // 2025, 201 staff, nobody counted: 3.015 × 80,000 × 90% = 217,080.00 payable.
  const input: LevyInput = { ...base, staffCount: 201, localAverageSalary: 90000 };

  it("is the payable before minus the payable after n full-year, single-counted hires (who join the staff)", () => {
    expect(savingForHires(input, 0)).toBe("0.00");
    expect(savingForHires(input, 1)).toBe("70920.00"); // 202 staff, 1 counted: 2.03 × 80,000 × 90% = 146,160
    expect(savingForHires(input, 2)).toBe("141840.00"); // 203 staff, 2 counted: 1.045 × 80,000 × 90% = 75,240
    expect(savingForHires(input, 3)).toBe("214680.00"); // 204 staff, 3 counted (≥ 1%): 0.06 × 80,000 × 50% = 2,400
    expect(savingForHires(input, 4)).toBe("217080.00"); // quota met
  });

  it("takes the grade and whether the hires fill existing posts", () => {
    expect(savingForHires(input, 1, { grade: 1 })).toBe("142920.00"); // counts 2: 1.03 × 80,000 × 90% = 74,160
    expect(savingForHires(input, 1, { kind: "veteran", grade: 3 })).toBe("142920.00");
    expect(savingForHires(input, 1, { addToStaff: false })).toBe("72000.00"); // 2.015 × 80,000 × 90% = 145,080
  });

  it("is zero for an exempt enterprise and can be negative when hires end the exemption at a high ratio", () => {
    expect(savingForHires({ ...input, staffCount: 30 }, 1)).toBe("0.00");
    // 30 staff at 5% is exempt; 31 staff with 1 counted owes 0.55 × 80,000 × 50% = 22,000.
    expect(savingForHires({ ...input, staffCount: 30, ratio: 0.05 }, 1)).toBe("-22000.00");
  });

  it("refuses a number of hires that is not a whole number, and bad input", () => {
    expect(() => savingForHires(input, -1)).toThrow(RangeError);
    expect(() => savingForHires(input, 1.5)).toThrow(RangeError);
    expect(() => savingForHires(input, 1, { grade: 5 })).toThrow(ZodError);
    expect(() => savingForHires({ ...input, staffCount: -1 }, 1)).toThrow(ZodError);
  });
});

describe("levyInputSchema", () => {
  it("fills the defaults: Guizhou's ratio and no disabled employees", () => {
    const { ratio, disabledEmployees, ...rest } = base;
    void ratio;
    void disabledEmployees;
    expect(levyInputSchema.parse(rest)).toMatchObject({ ratio: "0.015", disabledEmployees: [] });
  });

  it("accepts numbers and exact numeric strings", () => {
    for (const staffCount of [0, 30, "30.4", " 30 ", "361/12", 1e3, "1e3", 30.0833]) {
      expect(errors({ ...base, staffCount })).toEqual({});
    }
    expect(errors({ ...base, disabledEmployees: [veteran(8), disabled(4, 1), disabled(1, 12)] })).toEqual({});
    expect(errors({ ...base, ratio: 0.017 })).toEqual({});
  });

  it.each([
    [{ levyYear: 2014 }, "levyYear", "quota.err.levyYear"],
    [{ levyYear: 2101 }, "levyYear", "quota.err.levyYear"],
    [{ levyYear: 2025.5 }, "levyYear", "quota.err.levyYear"],
    [{ levyYear: "2025" }, "levyYear", "quota.err.levyYear"],
    [{ employerType: "company" }, "employerType", "quota.err.employerType"],
    [{ employerType: undefined }, "employerType", "quota.err.employerType"],
    [{ staffCount: -1 }, "staffCount", "quota.err.staffCount"],
    [{ staffCount: "abc" }, "staffCount", "quota.err.staffCount"],
    [{ staffCount: "1/0" }, "staffCount", "quota.err.staffCount"],
    [{ staffCount: Number.POSITIVE_INFINITY }, "staffCount", "quota.err.staffCount"],
    [{ staffCount: null }, "staffCount", "quota.err.staffCount"],
    [{ averageSalary: -0.01 }, "averageSalary", "quota.err.averageSalary"],
    [{ averageSalary: undefined }, "averageSalary", "quota.err.averageSalary"],
    [{ localAverageSalary: "-1" }, "localAverageSalary", "quota.err.localAverageSalary"],
    [{ ratio: 0.01 }, "ratio", "quota.err.ratio"],
    [{ ratio: 0.2 }, "ratio", "quota.err.ratio"],
    [{ disabledEmployees: "none" }, "disabledEmployees", "quota.err.disabledEmployees"],
    [{ disabledEmployees: [{ kind: "other", grade: 1, monthsEmployed: 12 }] }, "disabledEmployees.0.kind", "quota.err.kind"],
    [{ disabledEmployees: [disabled(0)] }, "disabledEmployees.0.grade", "quota.err.grade"],
    [{ disabledEmployees: [disabled(5)] }, "disabledEmployees.0.grade", "quota.err.grade"],
    [{ disabledEmployees: [disabled(1.5)] }, "disabledEmployees.0.grade", "quota.err.grade"],
    [{ disabledEmployees: [veteran(9)] }, "disabledEmployees.0.grade", "quota.err.veteranGrade"],
    [{ disabledEmployees: [disabled(3, 0)] }, "disabledEmployees.0.monthsEmployed", "quota.err.monthsEmployed"],
    [{ disabledEmployees: [disabled(3, 13)] }, "disabledEmployees.0.monthsEmployed", "quota.err.monthsEmployed"],
    [{ disabledEmployees: [disabled(3, 6.5)] }, "disabledEmployees.0.monthsEmployed", "quota.err.monthsEmployed"],
  ])("refuses %j at %s with %s", (over, path, key) => {
    expect(errors({ ...base, ...over })).toEqual({ [path]: [key] });
  });
});

describe("the API body", () => {
  it("exposes counts and money as JSON numbers with the same decimals", () => {
    const body = levyResultJson(levy({ staffCount: 201, disabledEmployees: [veteran(7, 8)] }));
    const json = JSON.stringify(body);
    expect(json).toContain('"requiredCount":3.015');
    expect(json).toContain('"countedDisabled":0.6667');
    expect(json).toContain('"fullLevy":187866.67');
    expect(json).toContain('"tierFactor":0.9');
    expect(json).toContain('"exemptReason":null');
  });
});

describe("properties", () => {
  const employee = fc.record({
    kind: fc.constantFrom("disabled" as const, "veteran" as const),
    grade: fc.integer({ min: 1, max: 4 }),
    monthsEmployed: fc.integer({ min: 1, max: 12 }),
  });
  const fen = (min: number, max: number) => fc.integer({ min, max }).map((n) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, "0")}`);
  const input = fc.record({
    levyYear: fc.integer({ min: 2015, max: 2035 }),
    employerType: fc.constantFrom("enterprise" as const, "public_institution" as const, "government" as const, "social_organization" as const),
    staffCount: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4800 }).map((n) => `${n}/12`)),
    averageSalary: fen(0, 40_000_000),
    localAverageSalary: fen(1, 15_000_000),
    disabledEmployees: fc.array(employee, { maxLength: 8 }),
  });

  it("payable ≤ full levy; figures are well formed; the tier factor is null exactly when nothing is payable", () => {
    fc.assert(
      fc.property(input, (i) => {
        const x = computeLevyExact(i);
        const r = computeLevy(i);
        expect(x.payable.lte(x.fullLevy)).toBe(true);
        expect(parseRational(r.payable).lte(parseRational(r.fullLevy))).toBe(true);
        for (const m of [r.salaryBasis, r.fullLevy, r.payable]) expect(m).toMatch(/^\d+\.\d{2}$/);
        for (const c of [r.requiredCount, r.countedDisabled, r.shortfall]) expect(c).toMatch(/^\d+(\.\d{1,4})?$/);
        expect(r.tierFactor === null).toBe(x.payable.equals(0));
        expect([null, 0.5, 0.9, 1]).toContain(r.tierFactor);
      }),
    );
  });

  it("the quota met means nothing payable, and only then is the reason quota_met", () => {
    fc.assert(
      fc.property(input, (i) => {
        const x = computeLevyExact(i);
        expect(x.exemptReason === "quota_met").toBe(x.countedDisabled.gte(x.requiredCount));
        if (x.exemptReason !== null) expect(computeLevy(i).payable).toBe("0.00");
      }),
    );
  });

  it("adding a disabled employee never increases the payable", () => {
    fc.assert(
      fc.property(input, employee, (i, e) => {
        const before = computeLevyExact(i).payableRounded;
        const after = computeLevyExact({ ...i, disabledEmployees: [...i.disabledEmployees, e] }).payableRounded;
        expect(after.lte(before)).toBe(true);
      }),
    );
  });

  it("at Guizhou's 1.5% a quota-eligible hire never costs money", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 5 }), (i, n) => {
        expect(parseRational(savingForHires(i, n)).gte(0)).toBe(true);
      }),
    );
  });
});
