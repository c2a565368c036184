/**
 * Small-count suppression for the open data (issue 18): no published figure may single out a person.
 *
 * - Primary: every count from 1 to 4 is shown as "<5". Zero stays 0 (it says nobody is there: no person to single
 *   out), and 5 and above are shown as they are.
 * - Secondary: a table's cells are tied by totals (a province's figure and its prefectures', a denominator and its
 *   numerator, employers = met + not met + exempt). Where a total and the published cells around it would let a
 *   reader work out a suppressed value, more cells are withheld, shown as "x": the smallest published cell of the
 *   total that is 5 or more (the total itself if there is none), repeated until no suppressed value can be worked out.
 *   Zeros are never withheld, so a reader knows every "x" is 5 or more, every "<5" is 1–4: the check below works with
 *   exactly that knowledge.
 * - Hidden cells: values that are not published but follow from a total (a prefecture's figure minus its published
 *   parts; a denominator minus its numerator: the people a rate leaves out). A hidden value of 1–4 is protected like a
 *   suppressed cell: it must not be computable from what is shown.
 *
 * Pure: no database. What a reader can work out is found by narrowing every cell's range through every total
 * together, round after round (interval reasoning, as reporting agencies' audit tools do).
 */

/** Shown for a count of 1–4. */
export const SMALL = "<5" as const;
/** Shown for a count withheld so that a small count cannot be worked out from a total (always 5 or more). */
export const WITHHELD = "x" as const;
export const THRESHOLD = 5;

export type Shown = number | typeof SMALL | typeof WITHHELD;
export type CellState = "published" | "small" | "withheld" | "hidden";

/** `total` = the sum of `parts` (cell indexes). Where a total is more than its parts, give the rest as a hidden part. */
export interface Group {
  total: number;
  parts: readonly number[];
}

export function isSmall(n: number): boolean {
  return n >= 1 && n < THRESHOLD;
}

interface Range {
  lo: number;
  hi: number;
}

/** What a reader knows of a cell in a given state. */
function rangeOf(state: CellState, value: number): Range {
  switch (state) {
    case "published":
      return { lo: value, hi: value };
    case "small":
      return { lo: 1, hi: THRESHOLD - 1 };
    case "withheld":
      return { lo: THRESHOLD, hi: Infinity };
    case "hidden":
      return { lo: 0, hi: Infinity };
  }
}

/**
 * What a reader can narrow every cell down to from what is shown and every total together: each cell's range is
 * tightened by each total in turn (total − Σ parts = 0), round after round, until nothing changes.
 */
function readerRanges(values: readonly number[], groups: readonly Group[], states: readonly CellState[]): Range[] {
  const ranges = values.map((v, i) => rangeOf(states[i]!, v));
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const g of groups) {
      const members: { i: number; sign: 1 | -1 }[] = [{ i: g.total, sign: 1 }, ...g.parts.map((i) => ({ i, sign: -1 as const }))];
      for (const me of members) {
        // sign_me · x_me = −Σ others sign · x
        let lo = 0;
        let hi = 0;
        for (const m of members) {
          if (m === me) continue;
          const r = ranges[m.i]!;
          if (m.sign === 1) {
            lo -= r.hi;
            hi -= r.lo;
          } else {
            lo += r.lo;
            hi += r.hi;
          }
        }
        const derived: Range = me.sign === 1 ? { lo, hi } : { lo: -hi, hi: -lo };
        const own = ranges[me.i]!;
        const l = Math.max(own.lo, Number.isNaN(derived.lo) ? -Infinity : derived.lo);
        const h = Math.min(own.hi, Number.isNaN(derived.hi) ? Infinity : derived.hi);
        if (l > own.lo || h < own.hi) {
          ranges[me.i] = { lo: l, hi: h };
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return ranges;
}

/** A cell whose value must stay unknown: a suppressed small count, or a hidden value of 1–4. */
function sensitive(i: number, values: readonly number[], states: readonly CellState[]): boolean {
  return states[i] === "small" || (states[i] === "hidden" && isSmall(values[i]!));
}

/**
 * The state of every cell: `hidden` marks cells that are not published (they take part in totals only). Values are
 * non-negative integers. Throws if a small value cannot be protected (no cell left to withhold), which cannot happen
 * when a total of 5 or more is published around it.
 */
export function suppressCells(values: readonly number[], groups: readonly Group[], hidden: ReadonlySet<number> = new Set()): CellState[] {
  for (const v of values) if (!Number.isInteger(v) || v < 0) throw new Error(`suppression: not a count: ${v}`);
  const states: CellState[] = values.map((v, i) => (hidden.has(i) ? "hidden" : isSmall(v) ? "small" : "published"));
  const memberOf = new Map<number, Group[]>();
  for (const g of groups) for (const i of [g.total, ...g.parts]) memberOf.set(i, [...(memberOf.get(i) ?? []), g]);
  for (;;) {
    const ranges = readerRanges(values, groups, states);
    const exposed = values.findIndex((_, i) => sensitive(i, values, states) && ranges[i]!.lo === ranges[i]!.hi);
    if (exposed < 0) return states;
    // Withhold the smallest published part of 5 or more of a total the cell is in; else such a total.
    const parts = (memberOf.get(exposed) ?? []).flatMap((g) => g.parts).filter((i) => states[i] === "published" && values[i]! >= THRESHOLD);
    const totals = (memberOf.get(exposed) ?? []).map((g) => g.total).filter((i) => states[i] === "published" && values[i]! >= THRESHOLD);
    const byValue = (a: number, b: number) => values[a]! - values[b]! || a - b;
    // Worked out through other totals: the smallest published cell of 5 or more of any total with an unknown cell.
    const elsewhere = () =>
      groups
        .filter((g) => [g.total, ...g.parts].some((i) => states[i] !== "published"))
        .flatMap((g) => [g.total, ...g.parts])
        .filter((i) => states[i] === "published" && values[i]! >= THRESHOLD)
        .sort(byValue)[0];
    const pick = parts.sort(byValue)[0] ?? totals.sort(byValue)[0] ?? elsewhere();
    if (pick === undefined) throw new Error("suppression: a small count cannot be protected in this table");
    states[pick] = "withheld";
  }
}

/** The shown value of a cell in a state (hidden cells are not shown: null). */
export function shown(value: number, state: CellState): Shown | null {
  return state === "published" ? value : state === "small" ? SMALL : state === "withheld" ? WITHHELD : null;
}

/** Whether a value is a whole count shown as it is. */
export function isPublished(s: Shown | null | undefined): s is number {
  return typeof s === "number";
}

/**
 * A rate from two shown counts: only when both are published and the people it leaves out (denominator − numerator)
 * are not 1–4 (the hidden complement is protected by the suppression, which withholds the numerator then).
 */
export function shownRate(numerator: Shown | null, denominator: Shown | null, digits = 4): number | null {
  if (!isPublished(numerator) || !isPublished(denominator) || denominator === 0) return null;
  const f = 10 ** digits;
  return Math.round((numerator / denominator) * f) / f;
}
