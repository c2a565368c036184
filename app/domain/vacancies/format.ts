/** Display helpers for vacancies (client-safe): money in CNY with 元, dates as Shanghai calendar dates (design §8). */
import type { Locale, Translate } from "~/i18n/i18n";

export function formatYuan(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
}

/** "¥2,500–4,000 元/月", or "¥3,000 元/月" when both ends are the same. */
export function formatPay(t: Translate, locale: Locale, min: number, max: number): string {
  if (min === max) return t("vacancies.pay.single", { amount: formatYuan(locale, min) });
  return t("vacancies.pay.range", { min: formatYuan(locale, min), max: formatYuan(locale, max) });
}

/** A "YYYY-MM-DD" calendar date in words: "2026年12月31日", "31 December 2026". */
export function formatCalendarDate(locale: Locale, date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** The Shanghai calendar date of an instant, in words. */
export function formatDay(locale: Locale, instant: Date | string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(new Date(instant));
}
