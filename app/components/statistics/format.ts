/** How the statistics pages write figures (client-safe). */
import { indicatorDefinition } from "~/domain/statistics/indicators";
import type { IndicatorCode } from "~/domain/statistics/contract";
import type { Locale } from "~/i18n/i18n";

export function formatPercent(locale: Locale, value: number, digits = 1): string {
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatCount(locale: Locale, value: number): string {
  // People, households, events: whole numbers (a target spread over years, or expected by now, is rounded for reading).
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A value in its indicator's unit: a rate as a percentage, a count as a number. */
export function formatValue(locale: Locale, code: IndicatorCode, value: number): string {
  return indicatorDefinition(code).kind === "rate" ? formatPercent(locale, value) : formatCount(locale, value);
}

export function periodLabel(t: (key: "statistics.filter.periodPlan" | "statistics.filter.periodYear", vars: Record<string, string | number>) => string, p: { periodStart: number; periodEnd: number }) {
  return p.periodStart === p.periodEnd ? t("statistics.filter.periodYear", { year: p.periodStart }) : t("statistics.filter.periodPlan", { start: p.periodStart, end: p.periodEnd });
}
