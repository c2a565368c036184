/**
 * The open data's datasets as documented (issue 18): licence, source, the suppression rule in words, and each file's
 * columns with their meaning in Chinese and English. Client-safe (the /open-data page shows them); the figures are
 * computed in ./opendata.server.ts.
 */
import type { IndicatorCode } from "../statistics/contract";
import type { Shown } from "./suppression";

export const LICENCE = "CC BY 4.0";
export const LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
export const SOURCE = "黔程 Qiancheng — 贵州省残疾人就业服务平台 Guizhou employment platform for disabled people";
/** How many calendar years the indicator file covers, up to the current one. */
export const INDICATOR_YEARS = 5;
export const CACHE_SECONDS = 3600;

export const SUPPRESSION_ZH =
  "计数为 1–4 的单元格显示为“<5”，0 照常显示；为防止由合计推算出被隐去的数值，另有单元格显示为“x”（这些数值均不小于 5）；由被隐去的计数算出的比率不公布（空白）。";
export const SUPPRESSION_EN =
  'Counts of 1–4 are shown as "<5"; 0 is shown as it is; where a total would let a hidden count be worked out, further cells are shown as "x" (each of them 5 or more); a rate computed from a hidden count is left empty.';

export type DatasetKey = "indicators" | "quota-disclosure";

export interface Column {
  key: string;
  zh: string;
  en: string;
}

export interface Dataset<Row> {
  dataset: DatasetKey;
  title: { zh: string; en: string };
  licence: string;
  licenceUrl: string;
  source: string;
  generatedAt: string;
  suppression: { zh: string; en: string; small: "<5"; withheld: "x" };
  columns: Column[];
  rows: Row[];
}

export interface IndicatorRow {
  year: number;
  as_of: string;
  region_code: string;
  region_name: string;
  indicator: IndicatorCode;
  indicator_zh: string;
  indicator_en: string;
  kind: "count" | "rate";
  /** A count: the count; a rate: the share (0–1, four decimals), null when withheld. */
  value: Shown | null;
  numerator: Shown | null;
  denominator: Shown | null;
}

export interface DisclosureRow {
  year: number;
  region_code: string;
  region_name: string;
  employers: Shown;
  met: Shown;
  exempt: Shown;
  not_met: Shown;
  met_share: number | null;
}

export const INDICATOR_COLUMNS: Column[] = [
  { key: "year", zh: "年份", en: "Year" },
  { key: "as_of", zh: "截至日期", en: "As of" },
  { key: "region_code", zh: "地区代码", en: "Region code" },
  { key: "region_name", zh: "地区", en: "Region" },
  { key: "indicator", zh: "指标代码", en: "Indicator code" },
  { key: "indicator_zh", zh: "指标（中文）", en: "Indicator (Chinese)" },
  { key: "indicator_en", zh: "指标（英文）", en: "Indicator (English)" },
  { key: "kind", zh: "类型（count 计数 / rate 比率）", en: "Kind (count / rate)" },
  { key: "value", zh: "数值（计数；比率为 0–1 的小数）", en: "Value (a count; a rate as a fraction 0–1)" },
  { key: "numerator", zh: "分子（比率）", en: "Numerator (rates)" },
  { key: "denominator", zh: "分母（比率）", en: "Denominator (rates)" },
];

export const DISCLOSURE_COLUMNS: Column[] = [
  { key: "year", zh: "审核年度", en: "Levy year" },
  { key: "region_code", zh: "地区代码", en: "Region code" },
  { key: "region_name", zh: "地区", en: "Region" },
  { key: "employers", zh: "公示单位数", en: "Employers listed" },
  { key: "met", zh: "达标单位数", en: "Meeting the quota" },
  { key: "exempt", zh: "免征单位数（在职职工 30 人以下的小微企业）", en: "Exempt (enterprises with 30 staff or fewer)" },
  { key: "not_met", zh: "未达标单位数", en: "Not meeting the quota" },
  { key: "met_share", zh: "达标比例（0–1）", en: "Share meeting the quota (0–1)" },
];

