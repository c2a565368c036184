/**
 * One date and time format per language (issue 15), from one place, client-safe. Chinese: 2026年9月28日 14:30;
 * English: 28 September 2026, 14:30 (day–month–year, 24-hour clock, never the US order). Instants are shown as
 * Asia/Shanghai wall time; "YYYY-MM-DD" calendar dates are shown as the day they name. Formatters are made once
 * per locale and reused (building an Intl formatter per call is slow).
 */
import type { Locale } from "./i18n";

const TIME_ZONE = "Asia/Shanghai";
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Kind = "date" | "dateUtc" | "time" | "monthUtc" | "month";
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: Kind): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const tag = locale === "en" ? "en-GB" : "zh-CN";
    const timeZone = kind === "dateUtc" || kind === "monthUtc" ? "UTC" : TIME_ZONE;
    const options: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : kind === "month" || kind === "monthUtc"
          ? { timeZone, year: "numeric", month: "long" }
          : { timeZone, year: "numeric", month: "long", day: "numeric" };
    f = new Intl.DateTimeFormat(tag, options);
    cache.set(key, f);
  }
  return f;
}

function calendarDay(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** A day: a "YYYY-MM-DD" calendar date as written, or an instant's day in Shanghai. "2026年9月28日" / "28 September 2026". */
export function formatDate(locale: Locale, value: Date | string): string {
  if (typeof value === "string" && CALENDAR_DATE.test(value)) return formatter(locale, "dateUtc").format(calendarDay(value));
  return formatter(locale, "date").format(new Date(value));
}

/** A time of day in Shanghai, 24-hour: "14:30". */
export function formatTime(locale: Locale, value: Date | string): string {
  return formatter(locale, "time").format(new Date(value));
}

/** An instant: "2026年9月28日 14:30" / "28 September 2026, 14:30". */
export function formatDateTime(locale: Locale, value: Date | string): string {
  const day = formatDate(locale, value);
  const time = formatTime(locale, value);
  return locale === "en" ? `${day}, ${time}` : `${day} ${time}`;
}

/** A month: "2026年9月" / "September 2026" ("YYYY-MM" or "YYYY-MM-DD" as written, or an instant in Shanghai). */
export function formatMonth(locale: Locale, value: Date | string): string {
  if (typeof value === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
    return formatter(locale, "monthUtc").format(calendarDay(value.length === 7 ? `${value}-01` : value));
  }
  return formatter(locale, "month").format(new Date(value));
}

/** A period between two days: "2026年1月1日至2030年12月31日" / "1 January 2026 to 31 December 2030". */
export function formatDateRange(locale: Locale, from: Date | string, to: Date | string): string {
  return locale === "en" ? `${formatDate(locale, from)} to ${formatDate(locale, to)}` : `${formatDate(locale, from)}至${formatDate(locale, to)}`;
}
