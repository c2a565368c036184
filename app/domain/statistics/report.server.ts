/**
 * The annual inspection report (年度检查评估) and the plan period's mid-term and final evaluations (issue 13): for an
 * admin's region, the indicator table and the sub-region table (computeStatistics, the same figures as /statistics
 * for the same query), the quota disclosure summary (aggregate figures only: employers listed, met or not, the levy
 * they pay — never a person), and the notes the admin writes. Printable page and XLSX workbook read the same report.
 */
import "~/i18n/catalogs.server";
import ExcelJS from "exceljs";
import type { DB } from "../../../db/database";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { listDivisionsWithin, type Division } from "../divisions/divisions.server";
import { notFound } from "../ids";
import { regionPrefix, requirePermission, type Actor } from "../permissions";
import { safeCell } from "../spreadsheet";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { translator, type Locale, type MessageKey } from "../../i18n/i18n";
import type { Statistics } from "./contract";
import { indicatorName } from "./indicators";
import { isRateIndicator, statusKey } from "./report-format";
import { parsePlanPeriod, type ReportKind } from "./report.schema";
import { computeStatistics } from "./statistics.server";

export interface DisclosureSummaryRow {
  levyYear: number;
  /** Whether the province published that levy year's disclosure (decision 010). */
  published: boolean;
  /** Employers of the region listed in it, and how many met their quota. */
  listed: number;
  met: number;
  notMet: number;
  /** The levy payable by the listed employers, summed from their approved declarations (yuan, two decimals). */
  levyPayable: string;
  openObjections: number;
  /** Declarations of the region's employers for that levy year, by status (drafts not counted). */
  declarations: { submitted: number; approved: number; returned: number };
}

export interface InspectionNotes {
  text: string;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface InspectionReport {
  kind: ReportKind;
  /** "2026" for the annual report; "2016-2020" for an evaluation. */
  period: string;
  regionCode: string;
  regionName: string;
  /** Divisions the admin may choose (their region and below). */
  regions: Division[];
  statistics: Statistics;
  disclosure: DisclosureSummaryRow[];
  notes: InspectionNotes;
}

function fail<T>(errors: FieldErrors): Result<T> {
  return { ok: false, fieldErrors: errors };
}

function currentYear(today: string): number {
  return Number(today.slice(0, 4));
}

/** The earlier of two days. */
function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * The annual report's as-of day: today for the current year, the year's last day for a year gone by (then the
 * figures are the year's as it closed). The same query on /statistics gives the same figures.
 */
export function annualAsOf(year: number, today: string): string {
  return minDay(`${year}-12-31`, today);
}

/**
 * An evaluation's as-of day. Mid-term: the end of the period's middle year (the first half of its years: 2016–2018
 * of 2016–2020). Final: the end of the period. Never later than today.
 */
export function evaluationAsOf(kind: "midterm" | "final", start: number, end: number, today: string): string {
  const years = end - start + 1;
  const lastYear = kind === "midterm" ? start + Math.ceil(years / 2) - 1 : end;
  return minDay(`${lastYear}-12-31`, today);
}

function sumMoney(values: readonly (string | null | undefined)[]): string {
  let cents = 0n;
  for (const v of values) {
    const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(v ?? "");
    if (!m) continue;
    const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "0").padEnd(2, "0"));
    cents += m[1] ? -c : c;
  }
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** The quota disclosure of each levy year, aggregated over the region's employers. */
async function disclosureSummary(db: DB, regionCode: string, years: readonly number[]): Promise<DisclosureSummaryRow[]> {
  if (!years.length) return [];
  const like = `${regionPrefix(regionCode)}%`;
  const [published, entries, declarations] = await Promise.all([
    db.selectFrom("quota_disclosure").select("levy_year").where("levy_year", "in", years).execute(),
    db
      .selectFrom("quota_disclosure_entry as e")
      .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
      .leftJoin("quota_declaration as d", "d.id", "e.declaration_id")
      .select((eb) => [
        "q.levy_year",
        "e.met",
        "d.result",
        eb
          .selectFrom("quota_objection as x")
          .select((x) => x.fn.countAll<number>().as("n"))
          .whereRef("x.entry_id", "=", "e.id")
          .where("x.status", "=", "open")
          .as("open_objections"),
      ])
      .where("q.levy_year", "in", years)
      .where("e.region_code", "like", like)
      .execute(),
    db
      .selectFrom("quota_declaration as d")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .select((eb) => ["d.levy_year", "d.status", eb.fn.countAll<number>().as("n")])
      .where("d.levy_year", "in", years)
      .where("d.status", "!=", "draft")
      .where("o.region_code", "like", like)
      .groupBy(["d.levy_year", "d.status"])
      .execute(),
  ]);
  return years.map((levyYear) => {
    const mine = entries.filter((e) => e.levy_year === levyYear);
    const count = (status: string) => Number(declarations.find((d) => d.levy_year === levyYear && d.status === status)?.n ?? 0);
    return {
      levyYear,
      published: published.some((p) => p.levy_year === levyYear),
      listed: mine.length,
      met: mine.filter((e) => e.met).length,
      notMet: mine.filter((e) => !e.met).length,
      levyPayable: sumMoney(mine.map((e) => (e.result as { payable?: string } | null)?.payable)),
      openObjections: mine.reduce((n, e) => n + Number(e.open_objections ?? 0), 0),
      declarations: { submitted: count("submitted"), approved: count("approved"), returned: count("returned") },
    };
  });
}

async function readNotes(db: DB, regionCode: string, kind: ReportKind, period: string): Promise<InspectionNotes> {
  const row = await db
    .selectFrom("inspection_note as n")
    .leftJoin("app_user as u", "u.id", "n.updated_by")
    .select(["n.notes", "n.updated_at", "u.display_name"])
    .where("n.region_code", "=", regionCode)
    .where("n.kind", "=", kind)
    .where("n.period", "=", period)
    .executeTakeFirst();
  return { text: row?.notes ?? "", updatedAt: row?.updated_at ?? null, updatedBy: row?.display_name ?? null };
}

async function buildReport(
  db: DB,
  actor: Actor,
  regionCode: string,
  kind: ReportKind,
  period: string,
  query: { periodStart: number; periodEnd: number; asOf: string },
): Promise<InspectionReport> {
  const statistics = await computeStatistics(db, { regionCode, ...query });
  const levyYears: number[] = [];
  for (let y = query.periodStart; y <= Math.min(query.periodEnd, currentYear(query.asOf)); y++) levyYears.push(y);
  const [regions, disclosure, notes] = await Promise.all([
    listDivisionsWithin(db, actor.regionCode!),
    disclosureSummary(db, regionCode, levyYears),
    readNotes(db, regionCode, kind, period),
  ]);
  return { kind, period, regionCode, regionName: statistics.regionName, regions, statistics, disclosure, notes };
}

/** The region an admin asked for: their own by default; another only within theirs (404 otherwise). */
function reportRegion(actor: Actor, regionCode: string | null | undefined): string {
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const code = regionCode || actor.regionCode!;
  requirePermission(actor, "read:statistics", { regionCode: code });
  return code;
}

/** The annual inspection report of a region for a calendar year (the current year or one gone by). */
export async function annualReport(
  db: DB,
  actor: Actor,
  input: { regionCode?: string | null; year: number },
  now = new Date(),
): Promise<InspectionReport> {
  const regionCode = reportRegion(actor, input.regionCode);
  const today = todayInShanghai(now);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear(today)) notFound();
  await requireDivision(db, regionCode);
  return buildReport(db, actor, regionCode, "annual", String(input.year), { periodStart: input.year, periodEnd: input.year, asOf: annualAsOf(input.year, today) });
}

/**
 * The mid-term or final evaluation of a plan period ("2016-2020"): the whole period's targets, with the records up
 * to the end of its middle year (mid-term) or its end (final), never later than today.
 */
export async function evaluationReport(
  db: DB,
  actor: Actor,
  input: { regionCode?: string | null; period: string; kind: "midterm" | "final" },
  now = new Date(),
): Promise<InspectionReport> {
  const regionCode = reportRegion(actor, input.regionCode);
  const today = todayInShanghai(now);
  const p = parsePlanPeriod(input.period);
  if (!p || p.start > currentYear(today)) notFound();
  await requireDivision(db, regionCode);
  const asOf = evaluationAsOf(input.kind, p.start, p.end, today);
  return buildReport(db, actor, regionCode, input.kind, `${p.start}-${p.end}`, { periodStart: p.start, periodEnd: p.end, asOf });
}

async function requireDivision(db: DB, code: string) {
  const d = await db.selectFrom("division").select("code").where("code", "=", code).executeTakeFirst();
  if (!d) notFound();
}

/** Saves the admin's notes on a report (one text per region, kind and period; empty clears it), audited. */
export async function saveInspectionNotes(
  db: DB,
  actor: Actor,
  input: { regionCode: string; kind: ReportKind; period: string; notes: string },
  now = new Date(),
): Promise<Result<null>> {
  requirePermission(actor, "create:statistics", { regionCode: actor.regionCode });
  requirePermission(actor, "create:statistics", { regionCode: input.regionCode });
  // The same periods the reports open: a year (or plan period) that has begun, no later.
  const thisYear = currentYear(todayInShanghai(now));
  const plan = parsePlanPeriod(input.period);
  const periodOk =
    input.kind === "annual" ? /^\d{4}$/.test(input.period) && Number(input.period) >= 2000 && Number(input.period) <= thisYear : !!plan && plan.start <= thisYear;
  if (!periodOk) notFound();
  const region = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!region) return fail({ region: ["statsReport.err.region"] });
  const notes = input.notes.replace(/\r\n/g, "\n").trim();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("inspection_note")
      .values({ region_code: input.regionCode, kind: input.kind, period: input.period, notes, updated_by: actor.id, updated_at: now })
      .onConflict((oc) => oc.columns(["region_code", "kind", "period"]).doUpdateSet({ notes, updated_by: actor.id, updated_at: now }))
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: "update",
      entity: "inspection_note",
      entityId: `${input.regionCode}/${input.kind}/${input.period}`,
      reason: null,
    });
  });
  return { ok: true, value: null };
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook

const PERCENT = "0.0%";

/**
 * The report as an XLSX workbook: 指标 (the indicator table), 下级地区 (sub-regions), 按比例就业公示 (the quota
 * disclosure summary) and 备注 (the notes). Figures are numbers (rates as fractions formatted as percentages), so
 * they equal the page's; every text cell goes through safeCell, so none starts a formula.
 */
export async function reportWorkbook(report: InspectionReport, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const s = report.statistics;
  const book = new ExcelJS.Workbook();
  book.creator = "黔程 Qiancheng";
  const title = reportTitle(report, locale);

  const indicators = book.addWorksheet("指标");
  indicators.addRow([safeCell(title)]).font = { bold: true };
  indicators.addRow([safeCell(t("statsReport.asOf", { date: s.asOf }))]);
  indicators.addRow([]);
  indicators.addRow([
    t("statsReport.col.code"),
    t("statsReport.col.indicator"),
    t("statsReport.col.unit"),
    t("statsReport.col.target"),
    t("statsReport.col.actual"),
    t("statsReport.col.expected"),
    t("statsReport.col.shareDone"),
    t("statsReport.col.status"),
  ]).font = { bold: true };
  for (const i of s.indicators) {
    const rate = isRateIndicator(i.code);
    const row = indicators.addRow([
      i.code,
      safeCell(indicatorName(i.code, locale)),
      t(`statsReport.unit.${i.unit}` as MessageKey),
      i.target,
      i.actual,
      i.expectedByNow,
      i.shareDone,
      t(statusKey(i.status)),
    ]);
    if (rate) for (const c of [4, 5, 6]) row.getCell(c).numFmt = PERCENT;
    row.getCell(7).numFmt = PERCENT;
  }
  indicators.columns.forEach((c, n) => (c.width = n === 1 ? 36 : 16));

  const recorded = s.indicators.filter((i) => i.actual !== null);
  const regions = book.addWorksheet("下级地区");
  regions.addRow([t("statsReport.col.regionCode"), t("statsReport.col.region"), ...recorded.map((i) => safeCell(indicatorName(i.code, locale)))]).font = { bold: true };
  for (const r of s.subRegions) {
    const row = regions.addRow([r.regionCode, safeCell(r.regionName), ...recorded.map((i) => r.actuals[i.code] ?? null)]);
    recorded.forEach((i, n) => {
      if (isRateIndicator(i.code)) row.getCell(n + 3).numFmt = PERCENT;
    });
  }
  regions.columns.forEach((c) => (c.width = 18));

  const quota = book.addWorksheet("按比例就业公示");
  quota.addRow([
    t("statsReport.col.levyYear"),
    t("statsReport.col.published"),
    t("statsReport.col.listed"),
    t("statsReport.col.met"),
    t("statsReport.col.notMet"),
    t("statsReport.col.levyPayable"),
    t("statsReport.col.openObjections"),
    t("statsReport.col.submitted"),
    t("statsReport.col.approved"),
    t("statsReport.col.returned"),
  ]).font = { bold: true };
  for (const d of report.disclosure) {
    quota.addRow([
      d.levyYear,
      t(d.published ? "statsReport.yes" : "statsReport.no"),
      d.listed,
      d.met,
      d.notMet,
      Number(d.levyPayable),
      d.openObjections,
      d.declarations.submitted,
      d.declarations.approved,
      d.declarations.returned,
    ]);
  }
  quota.columns.forEach((c) => (c.width = 16));

  const notes = book.addWorksheet("备注");
  notes.addRow([t("statsReport.notes.title")]).font = { bold: true };
  notes.addRow([safeCell(report.notes.text || t("statsReport.notes.none"))]);
  if (report.notes.updatedAt) {
    notes.addRow([safeCell(t("statsReport.notes.updated", { date: report.notes.updatedAt.toISOString().slice(0, 10), name: report.notes.updatedBy ?? "—" }))]);
  }
  notes.getColumn(1).width = 100;
  notes.getColumn(1).alignment = { wrapText: true, vertical: "top" };

  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportTitle(report: InspectionReport, locale: Locale): string {
  const t = translator(locale);
  return report.kind === "annual"
    ? t("statsReport.annual.heading", { year: report.period, region: report.statistics.regionName })
    : t(`statsReport.${report.kind}.heading` as MessageKey, { period: report.period.replace("-", "–"), region: report.statistics.regionName });
}
