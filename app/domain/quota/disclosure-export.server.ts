/**
 * The published disclosure as files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese
 * correctly) with csv-stringify, and XLSX with exceljs.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { DB } from "../../../db/database";
import { safeCell } from "../spreadsheet";
import { getDisclosure } from "./declarations.server";

const HEADERS = ["单位名称 Organization", "所在地 Place", "在职职工人数 Staff", "应安排人数 Required", "已安排人数 Counted", "是否达标 Met", "待处理异议 Open objections"];

async function rows(db: DB, levyYear: number) {
  const q = await getDisclosure(db, levyYear);
  return {
    q,
    rows: q.entries.map((e) => [safeCell(e.organizationName), e.place, e.staffCount, e.requiredCount, e.countedDisabled, e.met ? "达标 met" : "未达标 not met", e.openObjections]),
  };
}

export async function disclosureCsv(db: DB, levyYear: number): Promise<string> {
  const { rows: data } = await rows(db, levyYear);
  return `\uFEFF${stringify([HEADERS, ...data])}`;
}

export async function disclosureXlsx(db: DB, levyYear: number): Promise<Buffer> {
  const { q, rows: data } = await rows(db, levyYear);
  const book = new ExcelJS.Workbook();
  book.creator = "黔程 Qiancheng";
  const sheet = book.addWorksheet(`${q.levyYear} 公示`);
  sheet.addRow(HEADERS).font = { bold: true };
  for (const r of data) sheet.addRow(r);
  sheet.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await book.xlsx.writeBuffer());
}
