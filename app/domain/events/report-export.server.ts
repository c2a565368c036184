/**
 * An event's report per employer as files: CSV (UTF-8 with a byte-order mark, for spreadsheet programs) with
 * csv-stringify and XLSX with exceljs — the same libraries as the quota disclosure's exports.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { DB } from "../../../db/database";
import type { Actor } from "../permissions";
import { safeCell } from "../spreadsheet";
import { eventReport } from "./events.server";

const HEADERS = [
  "用人单位 Employer",
  "展位 Booth",
  "预约面试人数 Registrations",
  "到场人数 Attendance",
  "面试场次 Interviews",
  "申请数 Applications",
  "录用意向 Offers",
  "录用人数 Hires",
];

async function table(db: DB, actor: Actor, eventId: string) {
  const report = await eventReport(db, actor, eventId);
  const rows = report.rows.map((r) => [safeCell(r.organizationName), safeCell(r.booth ?? ""), r.registrations, r.attendance, r.interviews, r.applications, r.offers, r.hires]);
  const sum = (i: number) => rows.reduce((n, r) => n + Number(r[i]), 0);
  const total = ["合计 Total", "", sum(2), sum(3), sum(4), sum(5), sum(6), sum(7)];
  return { report, rows: [...rows, total] };
}

export async function eventReportCsv(db: DB, actor: Actor, eventId: string): Promise<{ title: string; body: string }> {
  const { report, rows } = await table(db, actor, eventId);
  return { title: report.event.title, body: `\uFEFF${stringify([HEADERS, ...rows])}` };
}

export async function eventReportXlsx(db: DB, actor: Actor, eventId: string): Promise<{ title: string; body: Buffer }> {
  const { report, rows } = await table(db, actor, eventId);
  const book = new ExcelJS.Workbook();
  book.creator = "黔程 Qiancheng";
  const sheet = book.addWorksheet("招聘会报告");
  sheet.addRow([report.event.title]).font = { bold: true };
  sheet.addRow([`已登记 ${report.event.registered} 人，候补 ${report.event.waitlisted} 人，签到 ${report.checkedIn} 人`]);
  sheet.addRow(HEADERS).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => (c.width = 22));
  return { title: report.event.title, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
