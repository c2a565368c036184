/**
 * Rule parameters set by the federation (issue 5, design §6): the quota ratio, the local social average wage
 * (当地社会平均工资, annual, yuan) and the minimum wage (最低工资标准, monthly, yuan, Guizhou's 一类 area), each by year.
 * Client-safe: the admin form's schema, and the value rules the domain checks again before it writes.
 *
 * A parameter's year is the calendar year the figure describes — the *data year*. The levy of levy year Y is computed
 * on data year Y − 1 (quota-rules A8), so it uses the parameters of year Y − 1: `ruleParameters(db, Y - 1)`.
 */
import { z } from "zod";
import { formatMoney, MAX_RATIO, MIN_RATIO, parseRational, rationalToText, tryParseRational } from "./levy";

export const RULE_PARAMETER_NAMES = ["ratio", "local_average_wage", "minimum_wage"] as const;
export type RuleParameterName = (typeof RULE_PARAMETER_NAMES)[number];

export const PARAMETER_FIRST_YEAR = 2015;
export const PARAMETER_LAST_YEAR = 2100;
export const NOTE_MAX = 500;

/**
 * Bounds that catch a figure entered in the wrong unit: the local average wage is annual (a monthly figure such as
 * 8000 is refused), the minimum wage monthly (an annual figure such as 22680 is refused).
 */
export const WAGE_BOUNDS = {
  local_average_wage: { min: "10000", max: "10000000" },
  minimum_wage: { min: "100", max: "20000" },
} as const;

/** Decimal places each parameter keeps (the column is numeric(14,4); wages are yuan and fen). */
const PLACES: Record<RuleParameterName, number> = { ratio: 4, local_average_wage: 2, minimum_wage: 2 };

const DECIMAL_RE = /^(\d{1,12})(?:\.(\d{1,8}))?$/;

/**
 * Reads a plain non-negative decimal typed by a person ("95000", "95,000.5", "¥1 890") and answers its exact
 * normalized text ("95000", "95000.5", "1890"), or null when it is not one or has more than `places` decimals.
 * Thousands separators (either width), spaces and a leading ¥ are ignored; no exponents, signs or fractions.
 */
export function readDecimal(raw: string, places: number): string | null {
  const text = raw.replace(/[,，\s]/g, "").replace(/^[¥￥]/, "");
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  if ((m[2] ?? "").replace(/0+$/, "").length > places) return null;
  return rationalToText(parseRational(text));
}

/**
 * The stored value for a parameter as exact text ("0.015", "95000"), or a message key saying what is wrong.
 * The ratio may be typed as a decimal (0.015) or a percentage (1.5%).
 */
export function readParameterValue(name: RuleParameterName, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const typed = raw.trim();
  if (typed === "") return { ok: false, message: "quota.params.err.valueRequired" };
  if (name === "ratio") {
    const percent = /[%％]$/.test(typed);
    const number = readDecimal(percent ? typed.slice(0, -1) : typed, percent ? 2 : 4);
    if (number === null) return { ok: false, message: "quota.params.err.ratioFormat" };
    const ratio = percent ? parseRational(number).div(100) : parseRational(number);
    if (ratio.lt(parseRational(MIN_RATIO)) || ratio.gt(parseRational(MAX_RATIO))) return { ok: false, message: "quota.params.err.ratioRange" };
    return { ok: true, value: rationalToText(ratio) };
  }
  const number = readDecimal(typed, PLACES[name]);
  if (number === null) return { ok: false, message: "quota.params.err.wageFormat" };
  const bounds = WAGE_BOUNDS[name];
  const value = parseRational(number);
  if (value.lt(parseRational(bounds.min)) || value.gt(parseRational(bounds.max))) {
    return { ok: false, message: name === "local_average_wage" ? "quota.params.err.localWageRange" : "quota.params.err.minimumWageRange" };
  }
  return { ok: true, value: number };
}

/** A stored numeric ("0.0150", "95000.0000") as its shortest exact text ("0.015", "95000"). */
export function normalizeStored(value: string): string {
  const r = tryParseRational(value);
  return r === null ? value : rationalToText(r);
}

/** Exact yuan text ("95000", "10600.00") for people: "¥95,000.00", grouped in thousands, two decimals. */
export function formatYuanText(value: string): string {
  const [whole, fen] = formatMoney(parseRational(value)).split(".");
  return `¥${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fen}`;
}

/** An exact ratio ("0.015") as a percentage ("1.5%"). */
export function formatRatioPercent(value: string): string {
  return `${rationalToText(parseRational(value).mul(100))}%`;
}

/** A parameter's value for people: the ratio as a percentage, wages in yuan. */
export function formatParameterValue(name: RuleParameterName, value: string): string {
  return name === "ratio" ? formatRatioPercent(value) : formatYuanText(value);
}

/*
 * The value's rule depends on the name, so name and value sit on their own small object joined with `.and` (see
 * vacancies.schema.ts): zod runs an object's refinements only when the whole object parsed, and a bad year should
 * show together with a bad value.
 */
const nameAndValue = z
  .object({
    name: z.enum(RULE_PARAMETER_NAMES, { errorMap: () => ({ message: "quota.params.err.name" }) }),
    value: z.string({ required_error: "quota.params.err.valueRequired" }),
  })
  .transform((v, ctx) => {
    const read = readParameterValue(v.name, v.value);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: read.message });
      return z.NEVER;
    }
    return { name: v.name, value: read.value };
  });

const yearAndNote = z.object({
  year: z
    .number({ required_error: "quota.params.err.yearRequired", invalid_type_error: "quota.params.err.year" })
    .int("quota.params.err.year")
    .min(PARAMETER_FIRST_YEAR, "quota.params.err.year")
    .max(PARAMETER_LAST_YEAR, "quota.params.err.year"),
  note: z.string().trim().max(NOTE_MAX, "quota.params.err.noteLong").optional(),
});

export const ruleParameterSchema = nameAndValue.and(yearAndNote);

export type RuleParameterInput = z.infer<typeof ruleParameterSchema>;
