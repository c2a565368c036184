/**
 * Inputs of the statistics pages, exports and API (client-safe): the period, the as-of day, the target form.
 */
import { z } from "zod";
import { INDICATOR_CODES, indicatorDefinition } from "./indicators";
import type { IndicatorCode } from "./contract";

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** The longest period one may ask for: two plan periods. */
export const MAX_PERIOD_YEARS = 10;
export const LIST_PAGE_SIZE = 50;

export interface Period {
  periodStart: number;
  periodEnd: number;
}

/** "2016-2020" (a plan period) or "2026" (one year); null for anything else. */
export function parsePeriod(value: string | null | undefined): Period | null {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec((value ?? "").trim());
  if (!m) return null;
  const periodStart = Number(m[1]);
  const periodEnd = Number(m[2] ?? m[1]);
  if (periodStart < FIRST_YEAR || periodEnd > LAST_YEAR || periodEnd < periodStart || periodEnd - periodStart + 1 > MAX_PERIOD_YEARS) return null;
  return { periodStart, periodEnd };
}

export function formatPeriod({ periodStart, periodEnd }: Period): string {
  return periodStart === periodEnd ? String(periodStart) : `${periodStart}-${periodEnd}`;
}

/**
 * A real calendar day "YYYY-MM-DD" within the years the statistics accept; null otherwise. A day after `today` (when
 * given) is today: nothing is known about the future, and a later day would only spread a count target thinner.
 */
export function parseDay(value: string | null | undefined, today?: string): string | null {
  const v = (value ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return null;
  const year = Number(v.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return today && v > today ? today : v;
}

export function isRegionCode(value: string | null | undefined): value is string {
  return /^\d{6}$/.test(value ?? "");
}

const year = z
  .string({ required_error: "statistics.err.year" })
  .trim()
  .regex(/^\d{4}$/, "statistics.err.year")
  .refine((v) => Number(v) >= FIRST_YEAR && Number(v) <= LAST_YEAR, "statistics.err.year");

/**
 * The target form. A rate is entered as a percentage (60 means 60%) and stored as a fraction; a count as a whole
 * number. The value is checked against the indicator's kind after the fields themselves.
 */
export const targetSchema = z
  .object({
    indicator: z.enum(INDICATOR_CODES as [IndicatorCode, ...IndicatorCode[]], { errorMap: () => ({ message: "statistics.err.indicator" }) }),
    regionCode: z.string({ required_error: "statistics.err.region" }).regex(/^\d{6}$/, "statistics.err.region"),
    periodStart: year,
    periodEnd: year,
    value: z
      .string({ required_error: "statistics.err.value" })
      .trim()
      .regex(/^\d{1,9}(\.\d{1,4})?$/, "statistics.err.value"),
    source: z.string().trim().max(200, "statistics.err.source").optional().default(""),
  })
  .superRefine((v, ctx) => {
    const [periodStart, periodEnd] = [Number(v.periodStart), Number(v.periodEnd)];
    if (periodEnd < periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "statistics.err.periodOrder" });
    else if (periodEnd - periodStart + 1 > MAX_PERIOD_YEARS) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "statistics.err.periodLength" });
    const n = Number(v.value);
    if (indicatorDefinition(v.indicator).kind === "rate") {
      if (n > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "statistics.err.percent" });
    } else if (!Number.isInteger(n)) ctx.addIssue({ code: "custom", path: ["value"], message: "statistics.err.whole" });
  })
  .transform((v) => ({ ...v, periodStart: Number(v.periodStart), periodEnd: Number(v.periodEnd), value: targetValueFromForm(v.indicator, v.value) }));

export type TargetInput = z.output<typeof targetSchema>;

/** The stored value for what the form holds: a percentage becomes a fraction. */
export function targetValueFromForm(indicator: IndicatorCode, value: string): number {
  const n = Number(value);
  return indicatorDefinition(indicator).kind === "rate" ? Math.round(n * 100) / 10_000 : n;
}

/** What the form shows for a stored value. */
export function targetValueForForm(indicator: IndicatorCode, value: number): string {
  return indicatorDefinition(indicator).kind === "rate" ? String(Math.round(value * 1_000_000) / 10_000) : String(value);
}

export interface StatisticsParams {
  regionCode: string;
  periodStart: number;
  periodEnd: number;
  asOf: string;
}

/**
 * The page's, the exports' and the API's query (`region`, `period`, `asOf`): what is missing takes the default (the
 * reader's region, this year, today); what is given but unreadable is named in `invalid` (the page ignores it, the
 * API refuses it).
 */
export function parseStatisticsParams(params: URLSearchParams, defaults: { regionCode: string; today: string }): { query: StatisticsParams; invalid: string[] } {
  const invalid: string[] = [];
  const given = (name: string) => {
    const v = params.get(name);
    return v === null || v.trim() === "" ? null : v;
  };
  const region = given("region");
  const period = given("period");
  const asOf = given("asOf");
  const parsedPeriod = period === null ? null : parsePeriod(period);
  const parsedDay = asOf === null ? null : parseDay(asOf, defaults.today);
  if (region !== null && !isRegionCode(region)) invalid.push("region");
  if (period !== null && !parsedPeriod) invalid.push("period");
  if (asOf !== null && !parsedDay) invalid.push("asOf");
  const year = Number(defaults.today.slice(0, 4));
  return {
    query: {
      regionCode: region !== null && isRegionCode(region) ? region : defaults.regionCode,
      ...(parsedPeriod ?? { periodStart: year, periodEnd: year }),
      asOf: parsedDay ?? defaults.today,
    },
    invalid,
  };
}

/** The query string for a statistics page, export or list. */
export function statisticsSearch(q: StatisticsParams, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ region: q.regionCode, period: formatPeriod(q), asOf: q.asOf, ...extra }).toString();
}

/** Plan periods offered in the form: the plan's five-year periods around the years given. */
export function periodOptions(thisYear: number): Period[] {
  const plans: Period[] = [];
  for (let start = 2016; start <= thisYear + 5; start += 5) plans.push({ periodStart: start, periodEnd: start + 4 });
  const years: Period[] = [];
  for (let y = thisYear + 1; y >= 2016; y--) years.push({ periodStart: y, periodEnd: y });
  return [...plans.reverse(), ...years];
}
