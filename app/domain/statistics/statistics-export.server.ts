/**
 * The /statistics tables as files: the indicator table and the sub-region table, CSV (UTF-8 with a byte-order mark,
 * so spreadsheet programs read the Chinese) with csv-stringify, and XLSX with exceljs — the patterns of the quota
 * disclosure's export. Headers and words are bilingual (zh, then en), as in that export. Rates are written as
 * percentages (unit "%"), rounded to two decimals; counts as they are.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { zh } from "../../i18n/messages/statistics";
import { en } from "../../i18n/messages/en/statistics";
import { safeCell } from "../spreadsheet";
import { RECORDED_INDICATORS, type IndicatorCode } from "./contract";
import { indicatorDefinition } from "./indicators";
import { formatPeriod } from "./statistics.schema";
import type { StatisticsIndicator, StatisticsResult } from "./statistics.server";

type Key = keyof typeof zh;
const both = (key: Key) => `${zh[key]} ${en[key]}`;

const INDICATOR_HEADERS = [
  "代码 Code",
  "指标 Indicator",
  "单位 Unit",
  "目标 Target",
  "实际 Actual",
  "分子 Numerator",
  "分母 Denominator",
  "完成比例 Share done (%)",
  "按进度应达到 Expected by now",
  "状态 Status",
  "其中 Breakdown",
];

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A value in the indicator's unit: a rate as a percentage. */
function inUnit(code: IndicatorCode, value: number | null | undefined): number | string {
  if (value === null || value === undefined) return "";
  return indicatorDefinition(code).kind === "rate" ? round(value * 100, 2) : round(value, 2);
}

function statusText(i: StatisticsIndicator): string {
  return both(i.empty ? "statistics.status.empty" : `statistics.status.${i.status}`);
}

function unitText(code: IndicatorCode): string {
  const d = indicatorDefinition(code);
  return d.kind === "rate" ? "%" : both(`statistics.unit.${d.unit}`);
}

function breakdownText(i: StatisticsIndicator): string {
  if (!i.breakdown) return "";
  return i.breakdown.map((b) => `${zh[`statistics.key.${i.code}.${b.key}` as Key] ?? b.key} ${b.value}`).join("; ");
}

export function indicatorRows(s: StatisticsResult): (string | number)[][] {
  return s.indicators.map((i) => {
    const d = indicatorDefinition(i.code);
    return [
      i.code,
      safeCell(`${d.nameZh} ${d.nameEn}`),
      unitText(i.code),
      inUnit(i.code, i.target),
      inUnit(i.code, i.actual),
      i.numerator ?? "",
      i.denominator ?? "",
      i.shareDone === null ? "" : round(i.shareDone * 100, 2),
      inUnit(i.code, i.expectedByNow),
      statusText(i),
      safeCell(breakdownText(i)),
    ];
  });
}

export function subRegionHeaders(): string[] {
  return ["地区代码 Region code", "地区 Region", ...RECORDED_INDICATORS.map((c) => `${indicatorDefinition(c).nameZh} ${indicatorDefinition(c).kind === "rate" ? "(%)" : ""}`.trim())];
}

export function subRegionRows(s: StatisticsResult): (string | number)[][] {
  return s.subRegions.map((r) => [r.regionCode, safeCell(r.regionName), ...RECORDED_INDICATORS.map((c) => inUnit(c, r.actuals[c]))]);
}

function titleLine(s: StatisticsResult): string[] {
  return [`${s.regionName} ${s.regionCode}`, `${formatPeriod(s)}`, `截至 as of ${s.asOf}`];
}

export function statisticsCsv(s: StatisticsResult): string {
  const sub = s.subRegions.length ? [[], [both("statistics.sub.title")], subRegionHeaders(), ...subRegionRows(s)] : [];
  return `\uFEFF${stringify([titleLine(s), [], INDICATOR_HEADERS, ...indicatorRows(s), ...sub])}`;
}

export async function statisticsXlsx(s: StatisticsResult): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "黔程 Qiancheng";
  const sheet = book.addWorksheet("指标 Indicators");
  sheet.addRow(titleLine(s));
  sheet.addRow([]);
  sheet.addRow(INDICATOR_HEADERS).font = { bold: true };
  for (const r of indicatorRows(s)) sheet.addRow(r);
  sheet.columns.forEach((c) => (c.width = 18));
  sheet.getColumn(2).width = 40;
  sheet.getColumn(11).width = 60;
  if (s.subRegions.length) {
    const sub = book.addWorksheet("所辖地区 Sub-regions");
    sub.addRow(titleLine(s));
    sub.addRow([]);
    sub.addRow(subRegionHeaders()).font = { bold: true };
    for (const r of subRegionRows(s)) sub.addRow(r);
    sub.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
