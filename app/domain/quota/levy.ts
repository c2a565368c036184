/**
 * The levy engine (残疾人就业保障金, 残保金) — pure, client-safe, exact (issue 5, design §6).
 *
 * Rules, sources and the readings implemented: `shared/docs/quota-rules.md` (§4 reference algorithm, §5 readings).
 * Rule sets are data, chosen by levy year; every result names its rule set and explains each step in Chinese and
 * English with the figures filled in.
 *
 * Arithmetic: every figure is an exact rational (fraction.js, BigInt numerator and denominator; decision 006).
 * Averages over 12 months and month fractions (7/12) are rationals that no decimal type holds exactly, and the
 * boundaries (exactly 1%, exactly 2×, 30 vs 30.4 staff) must classify exactly. Inputs given as JS numbers are read by
 * their shortest decimal text (what the JSON said), never by their binary value. Money is rounded half-up to the fen
 * once, at the end; counts are shown with up to four decimals but never rounded in the calculation.
 */
import Fraction from "fraction.js";
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------------
// Exact numbers: parsing and formatting
// ---------------------------------------------------------------------------------------------------------------

export type Rational = Fraction;

export interface Bilingual {
  zh: string;
  en: string;
}
/** A number as the API or a form gives it: a JS number, a decimal string ("30.4", "1e3") or a fraction ("361/12"). */
export type RationalInput = number | string;

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const FRACTION_RE = /^([+-]?)(\d+)\/(\d+)$/;
const MAX_TEXT = 40;
const MAX_EXPONENT = 30;

/** Reads a number exactly, or answers null (not finite, not a plain decimal or fraction, too long, zero denominator). */
export function tryParseRational(value: RationalInput): Rational | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value); // the shortest decimal that reads back as this number: 0.015 → "0.015"
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  const f = FRACTION_RE.exec(text);
  if (f) {
    const d = BigInt(f[3]!);
    if (d === 0n) return null;
    const n = BigInt(f[2]!);
    return new Fraction(f[1] === "-" ? -n : n, d);
  }
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const fractionDigits = m[3] ?? "";
  const exponent = Number(m[4] ?? "0");
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  let n = BigInt(m[2]! + fractionDigits);
  let d = 10n ** BigInt(fractionDigits.length);
  if (exponent > 0) n *= 10n ** BigInt(exponent);
  if (exponent < 0) d *= 10n ** BigInt(-exponent);
  return new Fraction(m[1] === "-" ? -n : n, d);
}

/** Reads a number exactly; throws a RangeError when it cannot. */
export function parseRational(value: RationalInput): Rational {
  const r = tryParseRational(value);
  if (r === null) throw new RangeError(`not an exact number: ${String(value)}`);
  return r;
}

/** The value scaled by 10^places and rounded half-up (half away from zero for negatives), as an integer. */
function scaledHalfUp(value: Rational, places: number): bigint {
  const scale = 10n ** BigInt(places);
  const q = (value.n * scale * 2n + value.d) / (2n * value.d);
  return value.s < 0n ? -q : q;
}

function fixed(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${frac}` : ""}`;
}

/** Rounds half-up to the fen (0.01 yuan), exactly. */
export function roundToFen(value: Rational): Rational {
  return new Fraction(scaledHalfUp(value, 2), 100n);
}

/** Money: yuan with exactly two decimals, rounded half-up to the fen ("217412.94"). */
export function formatMoney(value: Rational): string {
  return fixed(scaledHalfUp(value, 2), 2);
}

/** A count: a decimal with up to four places, rounded half-up for display only ("3.015", "0.6667", "2"). */
export function formatCount(value: Rational): string {
  const s = fixed(scaledHalfUp(value, 4), 4);
  return s.replace(/\.?0+$/, "") || "0";
}

/** The exact value as text the parser reads back: "3.015" when it is a finite decimal, else "181/6". */
export function rationalToText(value: Rational): string {
  let d = value.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return `${value.s < 0n ? "-" : ""}${value.n}/${value.d}`;
  for (let places = 0; ; places++) {
    const scale = 10n ** BigInt(places);
    if ((value.n * scale) % value.d === 0n) return fixed(value.s * ((value.n * scale) / value.d), places);
  }
}

/** The exact annual average of twelve monthly staff figures (上年全年各月在职职工人数总和 ÷ 12, quota-rules §3). */
export function staffCountFromMonthly(monthly: readonly RationalInput[]): Rational {
  if (monthly.length !== 12) throw new RangeError("twelve monthly figures are needed");
  return monthly.reduce<Rational>((sum, v) => sum.add(parseRational(v)), new Fraction(0)).div(12);
}

const isExact = (value: Rational, places: number) => new Fraction(scaledHalfUp(value, places), 10n ** BigInt(places)).equals(value);
/** For explanations: a count, as its exact fraction when four decimals do not hold it ("5/6 (≈0.8333)"). */
const showCount = (value: Rational) => (isExact(value, 4) ? formatCount(value) : `${rationalToText(value)} (≈${formatCount(value)})`);
/** For explanations: money, marked when it has more than fen precision (it is rounded for display only). */
const showMoney = (value: Rational): Bilingual =>
  isExact(value, 2)
    ? { zh: `¥${formatMoney(value)}`, en: `¥${formatMoney(value)}` }
    : { zh: `约 ¥${formatMoney(value)}`, en: `about ¥${formatMoney(value)}` };
/** For explanations: a percentage, truncated so that a value below a boundary never reads as the boundary. */
function showPercent(value: Rational): Bilingual {
  const hundred = value.mul(100);
  const scaled = (hundred.n * 10000n) / hundred.d; // floor, non-negative
  const text = `${fixed(scaled, 4).replace(/\.?0+$/, "") || "0"}%`;
  return new Fraction(scaled, 10000n).equals(hundred) ? { zh: text, en: text } : { zh: `约 ${text}`, en: `about ${text}` };
}

// ---------------------------------------------------------------------------------------------------------------
// Rule sets (data, by levy year)
// ---------------------------------------------------------------------------------------------------------------

export const EMPLOYER_TYPES = ["enterprise", "public_institution", "government", "social_organization"] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];
export const EMPLOYEE_KINDS = ["disabled", "veteran"] as const;
export type EmployeeKind = (typeof EMPLOYEE_KINDS)[number];

export interface RuleSet {
  id: string;
  /** First and last levy year (inclusive) the rule set covers; toYear null = open-ended. */
  fromYear: number;
  toYear: number | null;
  name: Bilingual;
  sources: readonly Bilingual[];
  /** The salary basis is capped at this multiple of the local social average wage; null = no cap. */
  wageCap: { multiple: number; source: Bilingual } | null;
  /** Enterprises with at most this many staff pay nothing; null = no such exemption. */
  smallEnterpriseExemption: { maxStaff: number; source: Bilingual } | null;
  /** Tiered relief: counted ÷ staff ≥ threshold pays atOrAbove of the levy, else below. Fractions as text. */
  tiers: { threshold: string; atOrAbove: string; below: string; source: Bilingual } | null;
  /** True when the rule set runs past the last rule known, so the result must say a later rule may apply. */
  noLaterRuleKnown: boolean;
  notes: readonly Bilingual[];
}

const SRC = {
  regulation: {
    zh: "《残疾人就业条例》（国务院令第488号）第八条",
    en: "Regulations on the Employment of Disabled Persons (State Council Decree No. 488), art. 8",
  },
  measures: {
    zh: "《残疾人就业保障金征收使用管理办法》（财税〔2015〕72号）第七条、第八条",
    en: "Measures on the Collection, Use and Management of the Disabled Persons' Employment Security Fund (Cai Shui [2015] No. 72), arts. 7–8",
  },
  guizhou: {
    zh: "《贵州省残疾人就业办法》（省政府令第137号，经令第186号修改）第九条、第十条",
    en: "Guizhou Measures on the Employment of Disabled Persons (Provincial Decree No. 137, amended by Decree No. 186), arts. 9–10",
  },
  n2017: { zh: "财税〔2017〕18号 第二条", en: "Cai Shui [2017] No. 18, item 2" },
  n2018: { zh: "财税〔2018〕39号", en: "Cai Shui [2018] No. 39" },
  n2019: { zh: "财政部公告2019年第98号", en: "Ministry of Finance Announcement No. 98 of 2019" },
  n2023: { zh: "财政部公告2023年第8号", en: "Ministry of Finance Announcement No. 8 of 2023" },
} satisfies Record<string, Bilingual>;

const EXEMPT_30_2017 = { maxStaff: 30, source: SRC.n2017 };
const CAP_2X = { multiple: 2, source: { zh: `${SRC.n2018.zh}；${SRC.guizhou.zh}`, en: `${SRC.n2018.en}; ${SRC.guizhou.en}` } };

/**
 * Which levy year gets which rules (quota-rules §1, §4, A8): a levy year is the year the levy is declared and paid,
 * for the previous year's figures. A rule in force from 1 April of a year governs that whole levy year.
 */
export const RULE_SETS: readonly RuleSet[] = [
  {
    id: "cn-2015-baseline",
    fromYear: 2015,
    toYear: 2016,
    name: { zh: "2015 年基准规则（财税〔2015〕72号）", en: "2015 baseline (Cai Shui [2015] No. 72)" },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou],
    wageCap: null,
    smallEnterpriseExemption: null,
    tiers: null,
    noLaterRuleKnown: false,
    notes: [
      {
        zh: "72号第十六条对成立 3 年内、20 人（含）以下小微企业的免征未纳入计算（需要注册日期）。",
        en: "The exemption in art. 16 of No. 72 for small firms within 3 years of registration with 20 or fewer staff is not modelled (it needs the registration date).",
      },
    ],
  },
  {
    id: "cn-2017-small-enterprise",
    fromYear: 2017,
    toYear: 2017,
    name: {
      zh: "2017 年规则：30 人（含）以下企业免征，工资基数上限 3 倍（财税〔2017〕18号）",
      en: "2017 rules: enterprises with 30 or fewer staff exempt, salary basis capped at 3× (Cai Shui [2017] No. 18)",
    },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou, SRC.n2017],
    wageCap: { multiple: 3, source: SRC.n2017 },
    smallEnterpriseExemption: EXEMPT_30_2017,
    tiers: null,
    noLaterRuleKnown: false,
    notes: [],
  },
  {
    id: "cn-2018-cap-2x",
    fromYear: 2018,
    toYear: 2019,
    name: {
      zh: "2018 年规则：工资基数上限降为 2 倍（财税〔2018〕39号）",
      en: "2018 rules: salary basis cap lowered to 2× (Cai Shui [2018] No. 39)",
    },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou, SRC.n2017, SRC.n2018],
    wageCap: CAP_2X,
    smallEnterpriseExemption: EXEMPT_30_2017,
    tiers: null,
    noLaterRuleKnown: false,
    notes: [],
  },
  {
    id: "cn-2020-tiers",
    fromYear: 2020,
    toYear: 2022,
    name: {
      zh: "2020—2022 年分档减缴（财政部公告2019年第98号）",
      en: "2020–2022 tiered relief (MoF Announcement No. 98 of 2019)",
    },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou, SRC.n2018, SRC.n2019],
    wageCap: { multiple: 2, source: SRC.n2019 },
    smallEnterpriseExemption: { maxStaff: 30, source: SRC.n2019 },
    tiers: { threshold: "1/100", atOrAbove: "1/2", below: "9/10", source: SRC.n2019 },
    noLaterRuleKnown: false,
    notes: [],
  },
  {
    id: "cn-2023-tiers",
    fromYear: 2023,
    toYear: 2027,
    name: {
      zh: "2023—2027 年延续分档减缴（财政部公告2023年第8号）",
      en: "2023–2027 tiered relief continued (MoF Announcement No. 8 of 2023)",
    },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou, SRC.n2018, SRC.n2019, SRC.n2023],
    wageCap: { multiple: 2, source: SRC.n2019 },
    smallEnterpriseExemption: { maxStaff: 30, source: SRC.n2023 },
    tiers: { threshold: "1/100", atOrAbove: "1/2", below: "9/10", source: SRC.n2023 },
    noLaterRuleKnown: false,
    notes: [],
  },
  {
    id: "cn-2028-no-later-rule",
    fromYear: 2028,
    toYear: null,
    name: {
      zh: "2028 年起：未查到新规定，按全额计算（无分档减缴）",
      en: "From 2028: no later rule known, full levy (no tiered relief)",
    },
    sources: [SRC.regulation, SRC.measures, SRC.guizhou, SRC.n2017, SRC.n2018],
    wageCap: CAP_2X,
    smallEnterpriseExemption: EXEMPT_30_2017,
    tiers: null,
    noLaterRuleKnown: true,
    notes: [
      {
        zh: "财政部公告2023年第8号的分档减缴执行至 2027 年 12 月 31 日，尚未查到之后的新规定：本结果按全额计算，不适用分档减缴；如有新规定，以新规定为准。",
        en: "The tiered relief of MoF Announcement No. 8 of 2023 ran until 31 December 2027 and no later rule is known: this result is the full levy without tiered relief; a new rule, if issued, prevails.",
      },
    ],
  },
];

export const FIRST_LEVY_YEAR = 2015;
export const LAST_LEVY_YEAR = 2100;
/** Guizhou's quota ratio, 1.5% (quota-rules §2.2, A11). */
export const GUIZHOU_RATIO = "0.015";
export const MIN_RATIO = "0.015"; // the national floor (条例 第八条, 72号 第六条)
export const MAX_RATIO = "0.1";
export const MAX_STAFF = 10_000_000;
export const MAX_SALARY = 100_000_000;
export const MAX_EMPLOYEES = 100_000;
export const MAX_DISABLED_GRADE = 4;
/** 残疾军人证 grades 1–8 count as disabled (72号 第四条); grades 9–10 do not. */
export const MAX_VETERAN_GRADE = 8;

/** The rule set for a levy year, or null when none covers it (years before 2015 are refused: quota-rules §2.3). */
export function ruleSetFor(levyYear: number, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet | null {
  return ruleSets.find((r) => levyYear >= r.fromYear && (r.toYear === null || levyYear <= r.toYear)) ?? null;
}

/** Grade 1–2 disabled and grade 1–3 veterans count as two (72号 第七条; 贵州 第九条第二款). */
export function weightOf(kind: EmployeeKind, grade: number): 1 | 2 {
  return (kind === "disabled" && grade <= 2) || (kind === "veteran" && grade <= 3) ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Input: the zod schema the API and the calculator share
// ---------------------------------------------------------------------------------------------------------------

export const LEVY_MESSAGE_KEYS = {
  levyYear: "quota.err.levyYear",
  employerType: "quota.err.employerType",
  staffCount: "quota.err.staffCount",
  averageSalary: "quota.err.averageSalary",
  localAverageSalary: "quota.err.localAverageSalary",
  ratio: "quota.err.ratio",
  disabledEmployees: "quota.err.disabledEmployees",
  kind: "quota.err.kind",
  grade: "quota.err.grade",
  veteranGrade: "quota.err.veteranGrade",
  monthsEmployed: "quota.err.monthsEmployed",
} as const;
const K = LEVY_MESSAGE_KEYS;

/** A number or numeric string read exactly and checked with `ok`; every failure reads as one message. */
const exactNumber = (message: string, ok: (r: Rational) => boolean) =>
  z.union([z.number(), z.string()], { errorMap: () => ({ message }) }).refine((v) => {
    const r = tryParseRational(v);
    return r !== null && ok(r);
  }, message);

const integer = (message: string) => z.number({ errorMap: () => ({ message }) }).int(message);

const within = (min: RationalInput, max: RationalInput) => (r: Rational) => r.gte(parseRational(min)) && r.lte(parseRational(max));

export const disabledEmployeeSchema = z
  .object({
    kind: z.enum(EMPLOYEE_KINDS, { errorMap: () => ({ message: K.kind }) }),
    grade: integer(K.grade),
    monthsEmployed: integer(K.monthsEmployed).min(1, K.monthsEmployed).max(12, K.monthsEmployed),
  })
  .superRefine((e, ctx) => {
    const max = e.kind === "veteran" ? MAX_VETERAN_GRADE : MAX_DISABLED_GRADE;
    if (e.grade < 1 || e.grade > max) {
      ctx.addIssue({ code: "custom", path: ["grade"], message: e.kind === "veteran" ? K.veteranGrade : K.grade });
    }
  });

export const levyInputSchema = z.object({
  levyYear: integer(K.levyYear).min(FIRST_LEVY_YEAR, K.levyYear).max(LAST_LEVY_YEAR, K.levyYear),
  employerType: z.enum(EMPLOYER_TYPES, { errorMap: () => ({ message: K.employerType }) }),
  /** Annual average staff (may be fractional: the average of 12 monthly figures, e.g. "361/12" or 30.0833). */
  staffCount: exactNumber(K.staffCount, within(0, MAX_STAFF)),
  averageSalary: exactNumber(K.averageSalary, within(0, MAX_SALARY)),
  localAverageSalary: exactNumber(K.localAverageSalary, within(0, MAX_SALARY)),
  ratio: exactNumber(K.ratio, within(MIN_RATIO, MAX_RATIO)).default(GUIZHOU_RATIO),
  disabledEmployees: z
    .array(disabledEmployeeSchema, { errorMap: () => ({ message: K.disabledEmployees }) })
    .max(MAX_EMPLOYEES, K.disabledEmployees)
    .default([]),
});

export type LevyInput = z.input<typeof levyInputSchema>;
export type DisabledEmployeeInput = z.input<typeof disabledEmployeeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------------------------

export type ExemptReason = "quota_met" | "enterprise_staff_le_30";

export interface LevyExact {
  levyYear: number;
  employerType: EmployerType;
  ruleSet: RuleSet;
  staffCount: Rational;
  ratio: Rational;
  requiredCount: Rational;
  countedDisabled: Rational;
  shortfall: Rational;
  averageSalary: Rational;
  localAverageSalary: Rational;
  salaryBasis: Rational;
  salaryCapApplied: boolean;
  /** The levy before relief (also when exempt), unrounded. */
  fullLevy: Rational;
  tierFactor: Rational | null;
  /** What is payable, unrounded; `payableRounded` is the figure owed. */
  payable: Rational;
  payableRounded: Rational;
  exemptReason: ExemptReason | null;
  explanation: Bilingual[];
}

export interface LevyResult {
  levyYear: number;
  employerType: EmployerType;
  requiredCount: string;
  countedDisabled: string;
  shortfall: string;
  salaryBasis: string;
  salaryCapApplied: boolean;
  fullLevy: string;
  tierFactor: number | null;
  payable: string;
  exemptReason: ExemptReason | null;
  ruleSet: {
    id: string;
    name: Bilingual;
    sources: Bilingual[];
    fromYear: number;
    toYear: number | null;
    noLaterRuleKnown: boolean;
    notes: Bilingual[];
  };
  explanation: Bilingual[];
}

export interface LevyOptions {
  /** Replace the built-in rule sets, e.g. with a renewed policy after 2027 (quota-rules A13). */
  ruleSets?: readonly RuleSet[];
}

interface Employee {
  kind: EmployeeKind;
  grade: number;
  monthsEmployed: number;
}

interface ExactInput {
  levyYear: number;
  employerType: EmployerType;
  staffCount: Rational;
  averageSalary: Rational;
  localAverageSalary: Rational;
  ratio: Rational;
  disabledEmployees: Employee[];
}

function toExactInput(input: LevyInput): ExactInput {
  const v = levyInputSchema.parse(input); // throws a ZodError with the message keys on bad input
  return {
    levyYear: v.levyYear,
    employerType: v.employerType,
    staffCount: parseRational(v.staffCount),
    averageSalary: parseRational(v.averageSalary),
    localAverageSalary: parseRational(v.localAverageSalary),
    ratio: parseRational(v.ratio),
    disabledEmployees: v.disabledEmployees,
  };
}

const EMPLOYER_NAMES: Record<EmployerType, Bilingual> = {
  enterprise: { zh: "企业", en: "an enterprise" },
  public_institution: { zh: "事业单位", en: "a public institution" },
  government: { zh: "机关", en: "a government body" },
  social_organization: { zh: "社会团体或民办非企业单位", en: "a social organization" },
};

function computeExact(p: ExactInput, ruleSets: readonly RuleSet[]): LevyExact {
  const rs = ruleSetFor(p.levyYear, ruleSets);
  if (!rs) throw new RangeError(`no levy rules for levy year ${p.levyYear}`);
  const steps: Bilingual[] = [];
  const staff = showCount(p.staffCount);

  steps.push({
    zh: `征收年度 ${p.levyYear}（按上一年度数据计算）：适用「${rs.name.zh}」。依据：${rs.sources.map((s) => s.zh).join("；")}。`,
    en: `Levy year ${p.levyYear} (on the previous year's figures): rule set "${rs.name.en}". Sources: ${rs.sources.map((s) => s.en).join("; ")}.`,
  });
  for (const note of rs.notes) steps.push(note);

  // 1. Required count: staff × ratio, not rounded (A1).
  const required = p.staffCount.mul(p.ratio);
  const isGuizhou = p.ratio.equals(parseRational(GUIZHOU_RATIO));
  steps.push({
    zh: `应安排残疾人数 = 在职职工人数 ${staff} × 安排比例 ${showPercent(p.ratio).zh}${isGuizhou ? "（贵州省比例）" : ""} = ${showCount(required)} 人（以公式结果为准，不取整）。`,
    en: `Required number = staff ${staff} × quota ratio ${showPercent(p.ratio).en}${isGuizhou ? " (Guizhou's ratio)" : ""} = ${showCount(required)} people (the formula's result, not rounded to whole people).`,
  });

  // 2. Counted: Σ weight × months/12, exact (A3, A4).
  const groups = new Map<string, { e: Employee; weight: 1 | 2; count: number }>();
  let twelfths = 0n; // Σ weight × months, an exact integer; counted = twelfths / 12
  for (const e of p.disabledEmployees) {
    const weight = weightOf(e.kind, e.grade);
    twelfths += BigInt(weight * e.monthsEmployed);
    const key = `${e.kind}:${e.grade}:${e.monthsEmployed}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { e, weight, count: 1 });
  }
  const counted = new Fraction(twelfths, 12n);
  if (groups.size === 0) {
    steps.push({ zh: "实际安排残疾人数 = 0（没有计入的残疾职工）。", en: "Disabled employees counted = 0 (none declared)." });
  } else {
    const terms = [...groups.values()];
    const zhTerms = terms.map(
      ({ e, weight, count }) =>
        `${e.kind === "veteran" ? "残疾军人证" : "残疾人证"}${e.grade}级 ${count}人×${weight}×${e.monthsEmployed}/12`,
    );
    const enTerms = terms.map(
      ({ e, weight, count }) =>
        `${e.kind === "veteran" ? "veteran" : "disabled"} grade ${e.grade}: ${count} × ${weight} × ${e.monthsEmployed}/12`,
    );
    steps.push({
      zh: `实际安排残疾人数 = ${zhTerms.join(" + ")} = ${showCount(counted)} 人。持残疾人证 1—2 级或残疾军人证 1—3 级的按 2 人计算；不满一年的按实际月数 ÷ 12 计算。`,
      en: `Disabled employees counted = ${enTerms.join(" + ")} = ${showCount(counted)}. Disabled grade 1–2 and veteran grade 1–3 count as two; part of a year counts as months ÷ 12.`,
    });
  }

  // 3. Shortfall, never negative (A15: no credit for over-fulfilment).
  const shortfall = counted.gte(required) ? new Fraction(0) : required.sub(counted);
  steps.push(
    shortfall.equals(0)
      ? {
          zh: `实际安排 ${showCount(counted)} 人 ≥ 应安排 ${showCount(required)} 人，已达到规定比例，差额人数为 0。`,
          en: `Counted ${showCount(counted)} ≥ required ${showCount(required)}: the quota is met and the shortfall is 0.`,
        }
      : {
          zh: `差额人数 = 应安排 ${showCount(required)} − 实际安排 ${showCount(counted)} = ${showCount(shortfall)} 人（可以不是整数）。`,
          en: `Shortfall = required ${showCount(required)} − counted ${showCount(counted)} = ${showCount(shortfall)} (need not be a whole number).`,
        },
  );

  // 4. Salary basis: the employer's average, capped at a multiple of the local social average (cap inclusive).
  let basis = p.averageSalary;
  let capApplied = false;
  if (rs.wageCap) {
    const m = rs.wageCap.multiple;
    const cap = p.localAverageSalary.mul(m);
    capApplied = p.averageSalary.gt(cap);
    if (capApplied) basis = cap;
    steps.push(
      capApplied
        ? {
            zh: `本单位上年在职职工年平均工资 ${showMoney(p.averageSalary).zh} 超过当地社会平均工资 ${showMoney(p.localAverageSalary).zh} 的 ${m} 倍（${showMoney(cap).zh}），按 ${m} 倍计征：计征基数 ${showMoney(basis).zh}（${rs.wageCap.source.zh}）。`,
            en: `Average salary ${showMoney(p.averageSalary).en} is above ${m}× the local social average wage ${showMoney(p.localAverageSalary).en} (${showMoney(cap).en}), so the basis is ${m}×: ${showMoney(basis).en} (${rs.wageCap.source.en}).`,
          }
        : {
            zh: `本单位上年在职职工年平均工资 ${showMoney(p.averageSalary).zh} 未超过当地社会平均工资 ${showMoney(p.localAverageSalary).zh} 的 ${m} 倍（${showMoney(cap).zh}，含本数），按本单位年平均工资计征：计征基数 ${showMoney(basis).zh}。`,
            en: `Average salary ${showMoney(p.averageSalary).en} is not above ${m}× the local social average wage ${showMoney(p.localAverageSalary).en} (${showMoney(cap).en}, inclusive), so the basis is the employer's own average: ${showMoney(basis).en}.`,
          },
    );
  } else {
    steps.push({
      zh: `计征基数 = 本单位上年在职职工年平均工资 ${showMoney(basis).zh}（该年度没有社会平均工资倍数上限）。`,
      en: `Salary basis = the employer's average salary ${showMoney(basis).en} (no cap on the basis in this levy year).`,
    });
  }

  // 5. Full levy, before any relief (A16).
  const fullLevy = shortfall.mul(basis);
  steps.push({
    zh: `应缴额（减免前）= 差额人数 ${showCount(shortfall)} × 计征基数 ${showMoney(basis).zh} = ${showMoney(fullLevy).zh}。`,
    en: `Levy before relief = shortfall ${showCount(shortfall)} × basis ${showMoney(basis).en} = ${showMoney(fullLevy).en}.`,
  });

  // 6. Exemptions, then tiers.
  const employer = EMPLOYER_NAMES[p.employerType];
  const small = rs.smallEnterpriseExemption;
  let exemptReason: ExemptReason | null = null;
  let tierFactor: Rational | null = null;
  if (shortfall.equals(0)) {
    exemptReason = "quota_met";
    steps.push({ zh: "已达到规定比例，无需缴纳残疾人就业保障金。", en: "The quota is met: no levy is payable." });
  } else if (small && p.employerType === "enterprise" && p.staffCount.lte(small.maxStaff)) {
    exemptReason = "enterprise_staff_le_30";
    steps.push({
      zh: `本单位为企业，在职职工 ${staff} 人，在 ${small.maxStaff} 人（含）以下，免征残疾人就业保障金（${small.source.zh}）；上面的应缴额仅供参考。`,
      en: `An enterprise with ${staff} staff, ${small.maxStaff} or fewer, is exempt from the levy (${small.source.en}); the amount above is for reference only.`,
    });
  } else {
    if (small && p.staffCount.lte(small.maxStaff)) {
      steps.push({
        zh: `在职职工 ${small.maxStaff} 人（含）以下免征的规定只适用于企业；本单位为${employer.zh}，不适用。`,
        en: `The exemption for ${small.maxStaff} or fewer staff covers enterprises only; this employer is ${employer.en}, so it does not apply.`,
      });
    } else if (small && p.employerType === "enterprise") {
      steps.push({
        zh: `在职职工 ${staff} 人，超过 ${small.maxStaff} 人，不适用小微企业免征。`,
        en: `${staff} staff is more than ${small.maxStaff}, so the small-enterprise exemption does not apply.`,
      });
    }
    if (rs.tiers) {
      const t = rs.tiers;
      const threshold = parseRational(t.threshold);
      const reached = counted.gte(p.staffCount.mul(threshold)); // counted ÷ staff ≥ 1%, inclusive (A7)
      tierFactor = parseRational(reached ? t.atOrAbove : t.below);
      const share = showPercent(counted.div(p.staffCount));
      steps.push(
        reached
          ? {
              zh: `安排比例 = ${showCount(counted)} ÷ ${staff} = ${share.zh}，达到 ${showPercent(threshold).zh}（含）以上但未达到规定比例，按应缴额的 ${showPercent(tierFactor).zh} 缴纳（${t.source.zh}）。`,
              en: `Share employed = ${showCount(counted)} ÷ ${staff} = ${share.en}: at or above ${showPercent(threshold).en} (inclusive) but below the quota, so ${showPercent(tierFactor).en} of the levy is payable (${t.source.en}).`,
            }
          : {
              zh: `安排比例 = ${showCount(counted)} ÷ ${staff} = ${share.zh}，低于 ${showPercent(threshold).zh}，按应缴额的 ${showPercent(tierFactor).zh} 缴纳（${t.source.zh}）。`,
              en: `Share employed = ${showCount(counted)} ÷ ${staff} = ${share.en}: below ${showPercent(threshold).en}, so ${showPercent(tierFactor).en} of the levy is payable (${t.source.en}).`,
            },
      );
    } else {
      tierFactor = new Fraction(1);
      steps.push({
        zh: "该征收年度没有分档减缴，按应缴额全额缴纳。",
        en: "There is no tiered relief in this levy year: the full levy is payable.",
      });
    }
    if (fullLevy.equals(0)) tierFactor = null; // nothing payable (a zero salary basis)
  }

  // 7. Payable, rounded half-up to the fen once, here at the end (A5).
  const payable = tierFactor ? fullLevy.mul(tierFactor) : new Fraction(0);
  const payableRounded = roundToFen(payable);
  steps.push(
    tierFactor
      ? {
          zh: `应缴保障金 = ${showMoney(fullLevy).zh} × ${showPercent(tierFactor).zh} = ¥${formatMoney(payable)}（全程按精确分数计算，只在最后一步四舍五入到分）。`,
          en: `Levy payable = ${showMoney(fullLevy).en} × ${showPercent(tierFactor).en} = ¥${formatMoney(payable)} (exact fractions throughout, rounded half-up to the fen once, at the end).`,
        }
      : { zh: "应缴保障金 = ¥0.00。", en: "Levy payable = ¥0.00." },
  );

  return {
    levyYear: p.levyYear,
    employerType: p.employerType,
    ruleSet: rs,
    staffCount: p.staffCount,
    ratio: p.ratio,
    requiredCount: required,
    countedDisabled: counted,
    shortfall,
    averageSalary: p.averageSalary,
    localAverageSalary: p.localAverageSalary,
    salaryBasis: basis,
    salaryCapApplied: capApplied,
    fullLevy,
    tierFactor,
    payable,
    payableRounded,
    exemptReason,
    explanation: steps,
  };
}

/** The levy with every figure exact. Throws a ZodError (message keys) on bad input, a RangeError with no rule set. */
export function computeLevyExact(input: LevyInput, options: LevyOptions = {}): LevyExact {
  return computeExact(toExactInput(input), options.ruleSets ?? RULE_SETS);
}

/** The figures as the API and pages show them: money "0.00" in yuan, counts with up to four decimals. */
export function formatLevyResult(x: LevyExact): LevyResult {
  return {
    levyYear: x.levyYear,
    employerType: x.employerType,
    requiredCount: formatCount(x.requiredCount),
    countedDisabled: formatCount(x.countedDisabled),
    shortfall: formatCount(x.shortfall),
    salaryBasis: formatMoney(x.salaryBasis),
    salaryCapApplied: x.salaryCapApplied,
    fullLevy: formatMoney(x.fullLevy),
    // A label, not a figure: its exact value is rule-set data (1, 0.5, 0.9); Number() of that short decimal is exact.
    tierFactor: x.tierFactor ? Number(rationalToText(x.tierFactor)) : null,
    payable: formatMoney(x.payableRounded),
    exemptReason: x.exemptReason,
    ruleSet: {
      id: x.ruleSet.id,
      name: x.ruleSet.name,
      sources: [...x.ruleSet.sources],
      fromYear: x.ruleSet.fromYear,
      toYear: x.ruleSet.toYear,
      noLaterRuleKnown: x.ruleSet.noLaterRuleKnown,
      notes: [...x.ruleSet.notes],
    },
    explanation: x.explanation,
  };
}

/** The levy for one levy year, formatted (see `computeLevyExact` for errors). */
export function computeLevy(input: LevyInput, options: LevyOptions = {}): LevyResult {
  return formatLevyResult(computeLevyExact(input, options));
}

/**
 * The JSON body of `POST /api/levy/estimate`: as `LevyResult`, with the counts and money as JSON numbers. Each is
 * the number of a short decimal string (at most four places), which JSON writes back as that same decimal.
 */
export function levyResultJson(r: LevyResult) {
  return {
    ...r,
    requiredCount: Number(r.requiredCount),
    countedDisabled: Number(r.countedDisabled),
    shortfall: Number(r.shortfall),
    salaryBasis: Number(r.salaryBasis),
    fullLevy: Number(r.fullLevy),
    payable: Number(r.payable),
  };
}

export interface HireOptions {
  kind?: EmployeeKind;
  /** Default 3: a quota-eligible hire who is not double-counted. */
  grade?: number;
  /** The hires are new posts and add to the staff count (default true); false when they fill existing posts. */
  addToStaff?: boolean;
  ruleSets?: readonly RuleSet[];
}

/**
 * "Hiring N more quota-eligible people saves ¥X": the payable before, minus the payable after adding `n` full-year
 * employees (disabled grade 3 by default, so not double-counted). Both payables are the rounded amounts owed, so
 * before − saving = after to the fen. Negative if the hires end an exemption (only possible at ratios above 1.5%).
 */
export function savingForHires(input: LevyInput, n: number, options: HireOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_EMPLOYEES) throw new RangeError("n must be a whole number of hires");
  const ruleSets = options.ruleSets ?? RULE_SETS;
  const hire = disabledEmployeeSchema.parse({ kind: options.kind ?? "disabled", grade: options.grade ?? 3, monthsEmployed: 12 });
  const before = toExactInput(input);
  const after: ExactInput = {
    ...before,
    staffCount: options.addToStaff === false ? before.staffCount : before.staffCount.add(n),
    disabledEmployees: [...before.disabledEmployees, ...Array.from({ length: n }, () => hire)],
  };
  const saving = computeExact(before, ruleSets).payableRounded.sub(computeExact(after, ruleSets).payableRounded);
  return formatMoney(saving);
}
