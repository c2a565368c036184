/** Display helpers for vacancies (client-safe): money in CNY with 元, dates as Shanghai calendar dates (design §8). */
import type { Locale, Translate } from "~/i18n/i18n";
import { formatDate } from "~/i18n/dates";

const yuan: Partial<Record<Locale, Intl.NumberFormat>> = {};

export function formatYuan(locale: Locale, amount: number): string {
  return (yuan[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(amount);
}

/** "¥2,500–4,000 元/月", or "¥3,000 元/月" when both ends are the same. */
export function formatPay(t: Translate, locale: Locale, min: number, max: number): string {
  if (min === max) return t("vacancies.pay.single", { amount: formatYuan(locale, min) });
  return t("vacancies.pay.range", { min: formatYuan(locale, min), max: formatYuan(locale, max) });
}

/** A "YYYY-MM-DD" calendar date in words: "2026年12月31日", "31 December 2026" (the one format, i18n/dates.ts). */
export function formatCalendarDate(locale: Locale, date: string): string {
  return formatDate(locale, date);
}

/** The Shanghai calendar date of an instant, in words. */
export function formatDay(locale: Locale, instant: Date | string): string {
  return formatDate(locale, instant instanceof Date ? instant : new Date(instant));
}
