/**
 * Import of the real-name registry's people from CSV and XLSX files (issue 18). The columns: ./columns.ts and
 * docs/interop.md. Public use-cases (the admin pages and the CLI call only these):
 * - `checkFile`: records an import run, reads the whole file once (the dry run), stores every problem found with its
 *   row and column, and leaves the run 'checked';
 * - `startImport`: marks a checked run 'importing' and runs it in the background (the job queue's `interop.import`
 *   when one is running, else a promise in this process);
 * - `runImport`: the import itself, batch by batch, resumable after the last committed batch (`done_rows`);
 * - `importRun`, `listImportRuns`: a run's status, counters and first problems; the runs an admin may see.
 *
 * Who: province admins, and prefecture/county admins for their own region (rows outside it are problems); the CLI
 * runs as the system (`SYSTEM_ACTOR`, the run's created_by null). People imported are not accounts: nobody is made
 * discoverable, nobody is notified.
 */
import type { DB } from "../../../db/database";
import type { ImportProblem, ImportStatus } from "../../../db/schema";
import type { Actor } from "../permissions";

/** The CLI and jobs: the system itself, allowed the whole province; recorded as created_by null. */
export const SYSTEM_ACTOR = "system" as const;
export type ImportActor = Actor | typeof SYSTEM_ACTOR;

/** How many problems `importRun` returns with a run (the total is given beside them). */
export const PROBLEMS_SHOWN = 200;
export const RUNS_PAGE_SIZE = 20;
export const DEFAULT_BATCH_SIZE = 1000;

export interface ImportRunSummary {
  id: string;
  fileName: string;
  format: "csv" | "xlsx";
  status: ImportStatus;
  totalRows: number;
  doneRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  /** Rows with at least one problem (they are skipped by the import). */
  rowsWithProblems: number;
  problemCount: number;
  /** A header problem (missing or duplicate required column, unreadable file): the import cannot start. */
  blocked: boolean;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdByName: string | null;
}

export interface ImportRunDetail extends ImportRunSummary {
  /** The first `PROBLEMS_SHOWN` problems, in row order. */
  problems: ImportProblem[];
}

export interface ImportProgress {
  doneRows: number;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface RunImportOptions {
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Tests: called after each committed batch (1, 2, …); throwing there interrupts the import as a crash would. */
  afterBatch?: (batchNumber: number) => void | Promise<void>;
}

export async function checkFile(_db: DB, _actor: ImportActor, _file: { path: string; fileName: string }): Promise<{ runId: string }> {
  throw new Error("interop: checkFile is being written (issue 18)");
}

export async function startImport(_db: DB, _actor: ImportActor, _runId: string): Promise<void> {
  throw new Error("interop: startImport is being written (issue 18)");
}

export async function runImport(_db: DB, _runId: string, _options: RunImportOptions = {}): Promise<ImportProgress> {
  throw new Error("interop: runImport is being written (issue 18)");
}

export async function importRun(_db: DB, _actor: ImportActor, _runId: string): Promise<ImportRunDetail> {
  throw new Error("interop: importRun is being written (issue 18)");
}

export async function listImportRuns(_db: DB, _actor: ImportActor, _page: number): Promise<{ runs: ImportRunSummary[]; total: number }> {
  throw new Error("interop: listImportRuns is being written (issue 18)");
}
