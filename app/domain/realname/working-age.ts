/**
 * Working age for the real-name figures (issue 13): men 16–59, women 16–54, counted in whole years on a given day.
 * The birth date and sex come from the ID number (seeker_profile.birth_date and gender are derived from it), or, for
 * a household member without an account, from what the counselor recorded.
 */
import { sql, type RawBuilder } from "kysely";

export const WORKING_AGE = { male: { from: 16, to: 59 }, female: { from: 16, to: 54 } } as const;

/** Whole years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, day: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [y = 0, m = 0, d = 0] = day.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isWorkingAge(gender: "male" | "female" | null | undefined, birthDate: string | null | undefined, day: string): boolean {
  if (!gender || !birthDate) return false;
  const age = ageOn(birthDate, day);
  const range = WORKING_AGE[gender];
  return age >= range.from && age <= range.to;
}

/**
 * The same test in SQL, for columns holding a sex ('male'/'female') and a birth date, on the day `day` (YYYY-MM-DD).
 * `date_part('year', age(day, birth))` is the whole-years age, as `ageOn` computes it.
 */
export function workingAgeSql(genderColumn: string, birthColumn: string, day: string): RawBuilder<boolean> {
  const g = sql.ref(genderColumn);
  const b = sql.ref(birthColumn);
  const age = sql`date_part('year', age(${day}::date, ${b}))`;
  return sql<boolean>`(${b} is not null and ${g} is not null and ${age} >= 16 and ${age} <= case when ${g} = 'male' then 59 else 54 end)`;
}
