/** English strings of opendata.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { zh } from "../opendata";

export const en: Record<keyof typeof zh, string> = {
  "opendata.footer": "Open data",
  "opendata.title": "Open data",
  "opendata.description": "Open data on Guizhou's plan indicators for the employment of disabled people and the quota disclosure summary, as CSV and JSON, under CC BY 4.0.",
  "opendata.lead": "These are aggregate figures with no information about any person. Anyone may download, use and republish them, naming the source.",
  "opendata.datasets": "Datasets",
  "opendata.download": "Download:",
  "opendata.csv": "CSV",
  "opendata.json": "JSON",
  "opendata.columns": "Columns",
  "opendata.column.key": "Column",
  "opendata.column.meaning": "Meaning",
  "opendata.indicators.title": "Plan indicators, by prefecture and year",
  "opendata.indicators.text":
    "The actual figures of the plan's indicators for the province and each prefecture over the last {years} years (this year included), computed as the statistics pages compute them: past years as of 31 December, this year as of today. Count indicators give people, events or organizations; rate indicators give the numerator, the denominator and the rate (a fraction between 0 and 1). How each indicator is computed is described on the statistics pages.",
  "opendata.disclosure.title": "Quota disclosure summary, by prefecture and levy year",
  "opendata.disclosure.text":
    "From the published quota employment disclosures only: for each levy year, the employers listed for the province and each prefecture, those meeting the quota, those exempt (enterprises with 30 staff or fewer) and those not meeting it, and the share meeting it. Each employer's entry is in the",
  "opendata.disclosure.link": "quota disclosure",
  "opendata.licence.title": "Licence",
  "opendata.licence.text":
    "The data are available under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, republish, adapt and use them commercially, naming the source \"Qiancheng · Guizhou employment platform for disabled people\" and saying whether you changed them.",
  "opendata.licence.link": "The CC BY 4.0 licence",
  "opendata.suppression.title": "Small-count suppression: no person can be singled out",
  "opendata.suppression.small": "Every count cell of 1 to 4 is shown as \"<5\". Zero is shown as it is: it means nobody, and says nothing about any person.",
  "opendata.suppression.secondary":
    "Where a total minus the other cells would give a hidden value back (for example one hidden cell in a prefecture while the province total is published), another cell is hidden too, shown as \"x\". Every \"x\" is 5 or more; zeros are never hidden.",
  "opendata.suppression.rates": "A rate computed from a hidden count is not published (left empty); when a rate's denominator minus its numerator is 1 to 4, the numerator is hidden too.",
  "opendata.format.title": "File format",
  "opendata.format.csv":
    "CSV files are UTF-8 with a byte-order mark (spreadsheet programs open the Chinese directly). The first line is the licence line, starting with \"#\" (licence, source, when generated, the suppression marks); the second line holds the column names; then one row per record. Programs can skip the \"#\" line as a comment, e.g. pandas comment=\"#\".",
  "opendata.format.json":
    "JSON files are one object: licence, licenceUrl, source, generatedAt, suppression (the rule and its marks), columns (each column's meaning in Chinese and English) and rows. Hidden cells are the strings \"<5\" or \"x\"; other counts are numbers.",
  "opendata.format.refresh": "The figures are recomputed at most once an hour.",
};
