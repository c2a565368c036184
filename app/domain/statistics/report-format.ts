/**
 * How the snapshot and report pages and the workbook put the plan's figures into words (client-safe).
 */
import type { Locale, MessageKey } from "../../i18n/i18n";
import type { IndicatorCode, IndicatorStatus } from "./contract";
import { indicatorDefinition } from "./indicators";

export function statusKey(status: IndicatorStatus): MessageKey {
  return `statsReport.status.${status}` as MessageKey;
}

export function isRateIndicator(code: IndicatorCode): boolean {
  return indicatorDefinition(code).kind === "rate";
}

/** A figure as text: a rate as a percentage with one decimal, a count as a number. "—" when there is none. */
export function formatFigure(locale: Locale, value: number | null | undefined, rate: boolean): string {
  if (value == null) return "—";
  return rate
    ? new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share of the target (actual ÷ target) as a percentage. */
export function formatShare(locale: Locale, value: number | null | undefined): string {
  return formatFigure(locale, value, true);
}

/** A change with its sign: counts as numbers, rates in percentage points (the caller adds the unit's words). */
export function formatChange(locale: Locale, value: number | null | undefined, rate: boolean): string {
  if (value == null) return "—";
  const n = rate ? value * 100 : value;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(n);
}
