import { describe, expect, it } from "vitest";
import { shown, shownRate, suppressCells, type CellState, type Group } from "./suppression";

/**
 * For each unknown cell, the values it can take in some assignment a reader could make that agrees with what is shown
 * and with every total (exhaustive search, each total fixing its last unknown member), stopping once every small
 * cell has shown two possible values.
 */
function possibleValues(values: number[], groups: readonly Group[], states: CellState[]): Map<number, Set<number>> {
  const max = Math.max(...values);
  const domain = (i: number) => {
    const s = states[i];
    const lo = s === "small" ? 1 : s === "withheld" ? 5 : 0;
    const hi = s === "small" ? 4 : max;
    return { lo, hi };
  };
  const unknown = states.map((s, i) => (s === "published" ? -1 : i)).filter((i) => i >= 0);
  const seen = new Map<number, Set<number>>(unknown.map((i) => [i, new Set<number>()]));
  const watch = unknown.filter((i) => values[i]! >= 1 && values[i]! <= 4);
  const done = () => watch.every((i) => seen.get(i)!.size > 1);
  const value = new Map<number, number>();
  values.forEach((v, i) => states[i] === "published" && value.set(i, v));
  const search = (): void => {
    if (done()) return;
    // Propagate: a total with one unknown member fixes it.
    const fixed: number[] = [];
    const undo = () => fixed.forEach((i) => value.delete(i));
    for (let again = true; again; ) {
      again = false;
      for (const g of groups) {
        const members = [g.total, ...g.parts];
        const open = members.filter((i) => !value.has(i));
        const sum = (xs: readonly number[]) => xs.reduce((a, i) => a + (value.get(i) ?? 0), 0);
        if (open.length === 0) {
          if (value.get(g.total)! !== sum(g.parts)) return undo();
        } else if (open.length === 1) {
          const c = open[0]!;
          const v = c === g.total ? sum(g.parts) : value.get(g.total)! - sum(g.parts.filter((i) => i !== c));
          const d = domain(c);
          if (v < d.lo || v > d.hi) return undo();
          value.set(c, v);
          fixed.push(c);
          again = true;
        }
      }
    }
    const next = unknown.find((i) => !value.has(i));
    if (next === undefined) {
      for (const i of unknown) seen.get(i)!.add(value.get(i)!);
      return undo();
    }
    const d = domain(next);
    for (let v = d.lo; v <= d.hi && !done(); v++) {
      value.set(next, v);
      search();
      value.delete(next);
    }
    undo();
  };
  search();
  return seen;
}

/** No small value (shown "<5", or hidden) can be worked out: every such cell takes at least two values among the solutions. */
function expectSafe(values: number[], groups: readonly Group[], hidden: Set<number> = new Set()) {
  const states = suppressCells(values, groups, hidden);
  values.forEach((v, i) => {
    // Every count cell of 1–4 is suppressed; 0 and 5+ are either shown as they are or withheld.
    if (!hidden.has(i) && v >= 1 && v <= 4) expect(shown(v, states[i]!), `cell ${i}`).toBe("<5");
    if (states[i] === "withheld") expect(v).toBeGreaterThanOrEqual(5);
    if (states[i] === "published") expect(shown(v, states[i]!)).toBe(v);
  });
  const possible = possibleValues(values, groups, states);
  for (const [i, seen] of possible) {
    if (values[i]! >= 1 && values[i]! <= 4) expect(seen.size, `cell ${i} (${values[i]}) can be worked out`).toBeGreaterThan(1);
  }
  return states;
}

describe("small-count suppression", () => {
  it("shows 1–4 as <5, leaves 0 and 5+ alone where nothing ties them", () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 100];
    const states = suppressCells(values, []);
    expect(values.map((v, i) => shown(v, states[i]!))).toEqual([0, "<5", "<5", "<5", "<5", 5, 6, 100]);
  });

  it("withholds the next-smallest cell of a row when one cell would follow from the total", () => {
    // total 30 = 3 + 12 + 15: 3 is suppressed; 30 − 12 − 15 would give it back, so 12 goes too.
    const values = [30, 3, 12, 15];
    const states = expectSafe(values, [{ total: 0, parts: [1, 2, 3] }]);
    expect(values.map((v, i) => shown(v, states[i]!))).toEqual([30, "<5", "x", 15]);
  });

  it("never withholds a zero: it withholds the total when the other parts are zeros", () => {
    const values = [7, 2, 0, 5];
    const states = expectSafe(values, [{ total: 0, parts: [1, 2, 3] }]);
    // 7 = <5 + 0 + x with x ≥ 5: the small one is 1 or 2, and the zero stays.
    expect(states[2]).toBe("published");
    expect(states[3]).toBe("withheld");
  });

  it("goes on until a withheld cell's known lower bound gives nothing away (sum 6 = <5 + x would mean 1 + 5)", () => {
    const values = [16, 1, 5, 10];
    const states = expectSafe(values, [{ total: 0, parts: [1, 2, 3] }]);
    expect(states.filter((s) => s === "withheld").length).toBeGreaterThanOrEqual(2);
  });

  it("protects a hidden small rest: a rate's left-out people (denominator − numerator) of 1–4", () => {
    // 20 of 22 employed: the 2 not employed follow from 22 − 20, so the numerator is withheld and the rate with it.
    const values = [20, 22, 2];
    const states = expectSafe(values, [{ total: 1, parts: [0, 2] }], new Set([2]));
    expect(shown(20, states[0]!)).toBe("x");
    expect(shownRate(shown(20, states[0]!), shown(22, states[1]!))).toBeNull();
    expect(shownRate(30, 40)).toBe(0.75);
    expect(shownRate("<5", 40)).toBeNull();
  });

  it("checks every total of a two-way table (province and prefectures by column, rows by parts)", () => {
    // Rows: prefecture totals with three parts; last row: the province.
    const rows = [
      [12, 3, 4, 5],
      [9, 0, 9, 0],
      [25, 10, 10, 5],
      [6, 1, 0, 5],
    ];
    const values: number[] = [];
    const groups: Group[] = [];
    const ids = rows.map((r) => r.map((v) => values.push(v) - 1));
    for (const r of ids) groups.push({ total: r[0]!, parts: r.slice(1) });
    const province = [0, 1, 2, 3].map((c) => values.push(rows.reduce((s, r) => s + r[c]!, 0)) - 1);
    groups.push({ total: province[0]!, parts: province.slice(1) });
    for (let c = 0; c < 4; c++) groups.push({ total: province[c]!, parts: ids.map((r) => r[c]!) });
    expectSafe(values, groups);
  });

  it("handles random tables: every 1–4 cell shown as <5 and none recoverable from any total", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let t = 0; t < 40; t++) {
      const parts = Array.from({ length: 3 }, () => (rand() < 0.3 ? 0 : rand() < 0.5 ? 1 + Math.floor(rand() * 4) : 5 + Math.floor(rand() * 10)));
      const values = [parts.reduce((s, v) => s + v, 0), ...parts];
      expectSafe(values, [{ total: 0, parts: [1, 2, 3] }]);
    }
  });

  it("the check above is not vacuous: primary suppression alone leaves 30 − 12 − 15 = 3 to be worked out", () => {
    const possible = possibleValues([30, 3, 12, 15], [{ total: 0, parts: [1, 2, 3] }], ["published", "small", "published", "published"]);
    expect([...possible.get(1)!]).toEqual([3]);
  });

  it("refuses what is not a count", () => {
    expect(() => suppressCells([1.5], [])).toThrow();
    expect(() => suppressCells([-1], [])).toThrow();
  });
});
