/** English strings of opendata.ts: every key of the Chinese catalog (the type checker enforces it). */
import type { nationalZh, zh } from "../opendata";

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

export const nationalEn: Record<keyof typeof nationalZh, string> = {
  "nationalExport.nav": "Export for national reporting",
  "nationalExport.title": "Export for national reporting",
  "nationalExport.lead":
    "Export your region's people, their employment records, training and services in the documented columns (the same as the real-name import reads), for reporting to the national employment service platform for disabled people. It holds the imported real-name registry's people (not yet registered here) and the registered seekers of the region who consented to the processing of sensitive data.",
  "nationalExport.sensitive":
    "The file holds ID numbers, certificate numbers and disability details: sensitive personal information. Every export records who exported which region, in which format, and how many people; registered seekers in the file see the export in their own access log. Keep the file safe and delete it once reported.",
  "nationalExport.form.title": "Export",
  "nationalExport.region": "Region",
  "nationalExport.regionHint": "Your region or a division within it",
  "nationalExport.format": "Format",
  "nationalExport.format.xlsx": "XLSX (a sheet per kind: people, employment, training, services)",
  "nationalExport.format.csv": "CSV (the people file only, with the employment status, form and employer columns)",
  "nationalExport.submit": "Export and download",
  "nationalExport.recent": "Recent exports",
  "nationalExport.recent.none": "No exports yet.",
  "nationalExport.col.at": "When",
  "nationalExport.col.who": "By",
  "nationalExport.col.region": "Region",
  "nationalExport.col.format": "Format",
  "nationalExport.col.people": "People",
  "nationalExport.err.region": "Choose a region within the one you manage",
  "nationalExport.err.format": "Choose a format",
  "nationalExport.back": "Back to statistics",
};
