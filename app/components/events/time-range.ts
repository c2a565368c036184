import { toLocalDateTime } from "~/domain/events/events.schema";
import { formatDateTime, formatTime, type Locale, type Translate } from "~/i18n/i18n";

/** "2026/12/10 09:00 至 16:00": the day once when an event or slot starts and ends on the same day (Beijing time). */
export function timeRange(t: Translate, locale: Locale, start: Date, end: Date): string {
  const sameDay = toLocalDateTime(start).slice(0, 10) === toLocalDateTime(end).slice(0, 10);
  return t("eventsPublic.timeRange", { start: formatDateTime(locale, start), end: sameDay ? formatTime(locale, end) : formatDateTime(locale, end) });
}
