import { QUIET_HOURS } from "../app/domain/notifications/channels";

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): plain arithmetic, no time-zone database. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * When an SMS may go out at the earliest: null when `now` is outside the quiet hours (22:00–08:00 Asia/Shanghai),
 * otherwise the next 08:00 in Shanghai (the same morning after midnight, the next morning before it).
 */
export function smsNotBefore(now: Date): Date | null {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  const hour = (local - midnight) / 3600_000;
  if (hour >= QUIET_HOURS.to && hour < QUIET_HOURS.from) return null;
  const morning = midnight + QUIET_HOURS.to * 3600_000 + (hour >= QUIET_HOURS.from ? DAY_MS : 0);
  return new Date(morning - SHANGHAI_OFFSET_MS);
}
