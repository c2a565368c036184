/**
 * Open data (issue 18): public aggregate figures, CSV and JSON, under CC BY 4.0, with small-count suppression
 * (./suppression.ts) on every count cell.
 *
 * - Plan indicators by prefecture and year: for each year and for the province and each prefecture, the figures
 *   computeStatistics gives (the same computation as /statistics, not a second one), as of the year's end (today for
 *   the current year). Counts as they are; rates with their numerator and denominator.
 * - Quota disclosure summary by year and prefecture: from the published disclosures only (quota_disclosure_entry),
 *   the employers listed, those meeting the quota, those exempt (small enterprises, 30 staff or fewer) and those not
 *   meeting it.
 *
 * No permission check: everything here is public and aggregate. Both are computed at most once an hour per process
 * (the responses are cacheable for that long).
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { PROVINCE_CODE, regionPrefix } from "../permissions";
import { RECORDED_INDICATORS, type IndicatorCode } from "../statistics/contract";
import { indicatorDefinition } from "../statistics/indicators";
import { computeStatistics } from "../statistics/statistics.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { shown, shownRate, suppressCells, type Group, type Shown } from "./suppression";
import {
  CACHE_SECONDS,
  DISCLOSURE_COLUMNS,
  INDICATOR_COLUMNS,
  INDICATOR_YEARS,
  LICENCE,
  LICENCE_URL,
  SOURCE,
  SUPPRESSION_EN,
  SUPPRESSION_ZH,
  type Column,
  type Dataset,
  type DatasetKey,
  type DisclosureRow,
  type IndicatorRow,
} from "./datasets";

export * from "./datasets";


function meta<Row>(dataset: DatasetKey, title: { zh: string; en: string }, columns: Column[], rows: Row[], now: Date): Dataset<Row> {
  return {
    dataset,
    title,
    licence: LICENCE,
    licenceUrl: LICENCE_URL,
    source: SOURCE,
    generatedAt: now.toISOString(),
    suppression: { zh: SUPPRESSION_ZH, en: SUPPRESSION_EN, small: "<5", withheld: "x" },
    columns,
    rows,
  };
}

async function regions(db: DB) {
  const province = await db.selectFrom("division").select(["code", "name"]).where("code", "=", PROVINCE_CODE).executeTakeFirstOrThrow();
  const prefectures = await db.selectFrom("division").select(["code", "name"]).where("parent_code", "=", PROVINCE_CODE).orderBy("code").execute();
  return { province, prefectures };
}

/** A table of cells and the totals tying them, built up row by row, then suppressed at once. */
class Cells {
  values: number[] = [];
  hidden = new Set<number>();
  groups: Group[] = [];
  add(v: number, hidden = false): number {
    if (!Number.isInteger(v) || v < 0) throw new Error(`open data: not a count: ${v}`);
    this.values.push(v);
    if (hidden) this.hidden.add(this.values.length - 1);
    return this.values.length - 1;
  }
  /** total = Σ parts (+ a hidden rest when the total is more); not additive (the total less): no tie. */
  tie(total: number, parts: number[]) {
    const rest = this.values[total]! - parts.reduce((s, i) => s + this.values[i]!, 0);
    if (rest < 0) return;
    this.groups.push({ total, parts: rest > 0 ? [...parts, this.add(rest, true)] : parts });
  }
  resolve(): (i: number) => Shown | null {
    const states = suppressCells(this.values, this.groups, this.hidden);
    return (i) => shown(this.values[i]!, states[i]!);
  }
}

function yearsUpTo(today: string): number[] {
  const y = Number(today.slice(0, 4));
  return Array.from({ length: INDICATOR_YEARS }, (_, k) => y - INDICATOR_YEARS + 1 + k);
}

/** The plan indicators by prefecture and year (the province first in each year), suppressed. */
export async function indicatorsDataset(db: DB, now = new Date()): Promise<Dataset<IndicatorRow>> {
  const today = todayInShanghai(now);
  const { province, prefectures } = await regions(db);
  const cells = new Cells();
  const pending: { row: Omit<IndicatorRow, "value" | "numerator" | "denominator">; value?: number; num?: number; den?: number }[] = [];
  for (const year of yearsUpTo(today)) {
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
    const byRegion = [];
    for (const r of [province, ...prefectures]) {
      const s = await computeStatistics(db, { regionCode: r.code, periodStart: year, periodEnd: year, asOf });
      byRegion.push({ r, s });
    }
    for (const code of RECORDED_INDICATORS) {
      const d = indicatorDefinition(code);
      const ids = byRegion.map(({ r, s }) => {
        const v = s.indicators.find((i) => i.code === code)!;
        const row = { year, as_of: asOf, region_code: r.code, region_name: r.name, indicator: code, indicator_zh: d.nameZh, indicator_en: d.nameEn, kind: d.kind };
        if (d.kind === "count") {
          const value = cells.add(Math.round(v.actual ?? 0));
          pending.push({ row, value });
          return { value };
        }
        const num = cells.add(v.numerator ?? 0);
        const den = cells.add(v.denominator ?? 0);
        // The people the rate leaves out: not published, protected when few.
        cells.tie(den, [num]);
        pending.push({ row, num, den });
        return { num, den };
      });
      const [p, ...rest] = ids;
      if (d.kind === "count") cells.tie(p!.value!, rest.map((x) => x.value!));
      else {
        cells.tie(p!.num!, rest.map((x) => x.num!));
        cells.tie(p!.den!, rest.map((x) => x.den!));
      }
    }
  }
  const show = cells.resolve();
  const rows: IndicatorRow[] = pending.map((p) => {
    if (p.value !== undefined) return { ...p.row, value: show(p.value), numerator: null, denominator: null };
    const numerator = show(p.num!);
    const denominator = show(p.den!);
    return { ...p.row, value: shownRate(numerator, denominator), numerator, denominator };
  });
  return meta("indicators", { zh: "残疾人就业规划指标（按市州和年份）", en: "Plan indicators for the employment of disabled people, by prefecture and year" }, INDICATOR_COLUMNS, rows, now);
}

/** The published quota disclosures summarised by levy year and prefecture (the province first in each year), suppressed. */
export async function disclosureDataset(db: DB, now = new Date()): Promise<Dataset<DisclosureRow>> {
  const { province, prefectures } = await regions(db);
  const entries = await db
    .selectFrom("quota_disclosure_entry as e")
    .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
    .leftJoin("quota_declaration as d", "d.id", "e.declaration_id")
    .select(["q.levy_year", "e.region_code", "e.met", sql<string | null>`d.result->>'exemptReason'`.as("exempt_reason")])
    .execute();
  const years = [...new Set(entries.map((e) => e.levy_year))].sort((a, b) => b - a);
  const cells = new Cells();
  const pending: { row: Pick<DisclosureRow, "year" | "region_code" | "region_name">; c: Record<"employers" | "met" | "exempt" | "not_met", number> }[] = [];
  for (const year of years) {
    const ofYear = entries.filter((e) => e.levy_year === year);
    const ids = [province, ...prefectures].map((r) => {
      const mine = ofYear.filter((e) => r.code === PROVINCE_CODE || e.region_code.startsWith(regionPrefix(r.code)));
      const met = mine.filter((e) => e.met).length;
      const exempt = mine.filter((e) => !e.met && e.exempt_reason === "enterprise_staff_le_30").length;
      const c = { employers: cells.add(mine.length), met: cells.add(met), exempt: cells.add(exempt), not_met: cells.add(mine.length - met - exempt) };
      cells.tie(c.employers, [c.met, c.exempt, c.not_met]);
      pending.push({ row: { year, region_code: r.code, region_name: r.name }, c });
      return c;
    });
    const [p, ...rest] = ids;
    for (const k of ["employers", "met", "exempt", "not_met"] as const) cells.tie(p![k], rest.map((x) => x[k]));
  }
  const show = cells.resolve();
  const rows: DisclosureRow[] = pending.map(({ row, c }) => {
    const employers = show(c.employers)!;
    const met = show(c.met)!;
    return { ...row, employers, met, exempt: show(c.exempt)!, not_met: show(c.not_met)!, met_share: shownRate(met, employers) };
  });
  return meta("quota-disclosure", { zh: "按比例安排残疾人就业公示汇总（按市州和年度）", en: "Quota employment disclosure summary, by prefecture and levy year" }, DISCLOSURE_COLUMNS, rows, now);
}

// ---------------------------------------------------------------------------------------------------------------
// Cached per database handle and hour

const cache = new WeakMap<object, Map<DatasetKey, { at: number; value: Promise<Dataset<unknown>>; refreshing: boolean }>>();

/**
 * The dataset, computed at most once an hour per database: an older one is answered while a fresh one is computed
 * (the indicator file runs computeStatistics for ten regions and five years: seconds, not milliseconds).
 */
export async function cachedDataset(db: DB, key: DatasetKey, now = new Date()): Promise<Dataset<IndicatorRow> | Dataset<DisclosureRow>> {
  type Any = Dataset<IndicatorRow> | Dataset<DisclosureRow>;
  let mine = cache.get(db);
  if (!mine) cache.set(db, (mine = new Map()));
  const hit = mine.get(key);
  const fresh = hit && now.getTime() - hit.at < CACHE_SECONDS * 1000;
  if (hit && (fresh || hit.refreshing)) return hit.value as Promise<Any>;
  const compute = () => (key === "indicators" ? indicatorsDataset(db, now) : disclosureDataset(db, now)) as Promise<Dataset<unknown>>;
  if (hit) {
    // Stale: answer it, refresh behind it.
    hit.refreshing = true;
    compute()
      .then((value) => mine.set(key, { at: now.getTime(), value: Promise.resolve(value), refreshing: false }))
      .catch(() => (hit.refreshing = false));
    return hit.value as Promise<Any>;
  }
  const value = compute();
  mine.set(key, { at: now.getTime(), value, refreshing: false });
  value.catch(() => mine.delete(key));
  return value as Promise<Any>;
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/**
 * The CSV (UTF-8 with a byte-order mark): the first line is the licence line, starting with "#" (a comment to most
 * CSV readers, e.g. pandas `comment="#"`), then the header of column keys, then the rows. No commas or quotes in
 * the licence line, so it stays one plain line.
 */
export function datasetCsv(d: Dataset<IndicatorRow> | Dataset<DisclosureRow>): string {
  const line = `# 许可 License: ${d.licence} ${d.licenceUrl} · 来源 Source: ${d.source} · 生成 Generated: ${d.generatedAt} · 小数抑制 Suppression: "<5" = 1–4; "x" = withheld (5 or more)`.replace(/[,"]/g, (c) => (c === "," ? "，" : "'"));
  const keys = d.columns.map((c) => c.key);
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const body = (d.rows as unknown as Record<string, unknown>[]).map((r) => keys.map((k) => esc(r[k])).join(","));
  return `\uFEFF${[line, keys.join(","), ...body].join("\r\n")}\r\n`;
}

export function datasetResponse(d: Dataset<IndicatorRow> | Dataset<DisclosureRow>, format: "csv" | "json"): Response {
  const headers = {
    "Cache-Control": `public, max-age=${CACHE_SECONDS}`,
    "Content-Disposition": `inline; filename="qiancheng-${d.dataset}.${format}"`,
    "Access-Control-Allow-Origin": "*",
  };
  if (format === "json") return new Response(JSON.stringify(d), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  return new Response(datasetCsv(d), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
