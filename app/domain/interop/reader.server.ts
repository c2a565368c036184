/**
 * Reading a registry file row by row with bounded memory (issue 18): CSV through csv-parse's stream (UTF-8 with or
 * without BOM, or GBK — told apart by the BOM, else by whether the first 64 KiB decode as strict UTF-8), XLSX through
 * exceljs's streaming reader (the first worksheet). Both yield the same thing: the header's cells, then each data row's
 * cells as text with its row number as a spreadsheet shows it (the header is row 1).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

export type FileFormat = "csv" | "xlsx";
export type CsvEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export interface SheetRow {
  /** The row number a spreadsheet shows (header = 1). */
  row: number;
  cells: string[];
}

/** Thrown for a file that cannot be read at all (not a CSV or XLSX, a broken archive). */
export class UnreadableFileError extends Error {}

const SAMPLE_BYTES = 64 * 1024;

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** CSV or XLSX by content (an XLSX is a zip archive: "PK\3\4"), then by the name. */
export async function detectFormat(path: string, fileName: string): Promise<FileFormat> {
  const head = await readHead(path, 4);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (/\.xlsx$/i.test(fileName) && head.length === 0) return "xlsx";
  return "csv";
}

/**
 * The text encoding of a CSV file: a BOM says it; otherwise strict UTF-8 if the sample decodes (an incomplete
 * character cut at the sample's end is allowed), else GB18030 (a superset of GBK and GB2312, as Excel on Chinese
 * Windows saves "CSV").
 */
export function detectEncoding(sample: Buffer): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8-bom";
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** The delimiter of the header line: comma unless tabs or semicolons are more frequent (Excel's "Unicode text" uses tabs). */
function detectDelimiter(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const commas = count(","), tabs = count("\t"), semis = count(";");
  if (tabs > commas && tabs >= semis) return "\t";
  if (semis > commas && semis > tabs) return ";";
  return ",";
}

/** Text of an exceljs cell value: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return "";
  }
  return String(v);
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const sample = await readHead(path, SAMPLE_BYTES);
  const encoding = detectEncoding(sample);
  const decodedSample =
    encoding === "utf-8" || encoding === "utf-8-bom" ? sample.toString("utf8") : iconv.decode(sample, encoding === "gb18030" ? "gb18030" : encoding);
  const firstLine = decodedSample.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const source = createReadStream(path);
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    encoding: "utf8",
  });
  // pipeline destroys every stream when one fails, so the loop below ends with that error.
  const done = () => undefined;
  if (encoding === "utf-8" || encoding === "utf-8-bom") pipeline(source, parser, done);
  else pipeline(source, iconv.decodeStream(encoding), parser, done);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } finally {
    source.destroy();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      if (sheets++ > 0) {
        // Only the first worksheet is read; the rest are drained so the archive's stream ends cleanly.
        for await (const _ of worksheet) void _;
        continue;
      }
      let expected = 1;
      for await (const r of worksheet) {
        // Rows without any cell are absent from the sheet's XML: yield them as empty so numbering stays the sheet's.
        while (expected < r.number) yield { row: expected++, cells: [] };
        const values = r.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { row: r.number, cells };
        expected = r.number + 1;
      }
    }
  } catch (e) {
    throw new UnreadableFileError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Every row of the file (the header first), as text cells. NUL characters are dropped: no value holds one, and
 * PostgreSQL's text (the report, the records) cannot store it — a junk file must be reported, not refused with a 500.
 */
export async function* readRows(path: string, format: FileFormat): AsyncGenerator<SheetRow> {
  for await (const r of format === "xlsx" ? xlsxRows(path) : csvRows(path)) {
    yield r.cells.some((c) => c.includes("\u0000")) ? { row: r.row, cells: r.cells.map((c) => c.replaceAll("\u0000", "")) } : r;
  }
}
