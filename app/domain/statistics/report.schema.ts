/**
 * Forms of the snapshot and report pages (client-safe): one zod schema each, shared by conform and the action.
 * Error messages are message keys (app/i18n/messages/statistics-reports.ts).
 */
import { z } from "zod";

// Below the bad-input suite's 10,000-character probe, and far above a page of findings.
export const NOTES_MAX = 5_000;

/** The notes an admin writes on the annual inspection or an evaluation; empty clears them. */
export const inspectionNotesSchema = z.object({
  region: z.string({ required_error: "statsReport.err.region" }).regex(/^\d{6}$/, "statsReport.err.region"),
  notes: z.string().max(NOTES_MAX, "statsReport.err.notesLong").default(""),
});

/** "Take the snapshot": the quarter the page offered, as 2026-Q3. */
export const takeSnapshotSchema = z.object({
  quarter: z.string({ required_error: "statsReport.err.quarter" }).regex(/^\d{4}-Q[1-4]$/, "statsReport.err.quarter"),
});

export type ReportKind = "annual" | "midterm" | "final";
export const EVALUATION_KINDS = ["midterm", "final"] as const;

/** "2016-2020" → { start: 2016, end: 2020 }: a plan period of 1 to 10 whole years, or null. */
export function parsePlanPeriod(value: string | null | undefined): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{4})$/.exec(value ?? "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start < 2000 || end > 2100 || end < start || end - start > 9) return null;
  return { start, end };
}
