/**
 * Calendar quarters for the quarterly snapshots (client-safe, pure). Days are "YYYY-MM-DD" in Asia/Shanghai.
 */
export type Quarter = 1 | 2 | 3 | 4;
export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function isQuarter(value: number): value is Quarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The quarter's first day: 2026 Q3 → 2026-07-01. */
export function quarterStart({ year, quarter }: QuarterRef): string {
  return `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
}

/** The quarter's last day: 2026 Q3 → 2026-09-30. */
export function quarterEnd({ year, quarter }: QuarterRef): string {
  const month = quarter * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** The quarter a day falls in. */
export function quarterOf(day: string): QuarterRef {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { year, quarter: Math.ceil(month / 3) as Quarter };
}

export function previousQuarter({ year, quarter }: QuarterRef): QuarterRef {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}

export function sameQuarterYearBefore({ year, quarter }: QuarterRef): QuarterRef {
  return { year: year - 1, quarter };
}

/** Whether the quarter is over on `today`: its last day has passed. */
export function quarterEnded(q: QuarterRef, today: string): boolean {
  return quarterEnd(q) < today;
}

/** The most recent quarter whose last day is before `today`. */
export function lastEndedQuarter(today: string): QuarterRef {
  return previousQuarter(quarterOf(today));
}

/** "2026-Q3": a quarter in URLs and forms. */
export function quarterKey({ year, quarter }: QuarterRef): string {
  return `${year}-Q${quarter}`;
}

export function parseQuarterKey(value: string | null | undefined): QuarterRef | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(value ?? "");
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Quarter } : null;
}
