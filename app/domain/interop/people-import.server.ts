/**
 * Import of the real-name registry's people from CSV and XLSX files (issue 18). The columns: ./columns.ts and
 * docs/interop.md. Public use-cases (the admin pages and the CLI call only these):
 * - `checkFile`: records an import run, reads the whole file once (the dry run), stores every problem found with its
 *   row and column, and leaves the run 'checked' (or 'failed' when the file cannot be read at all);
 * - `startImport`: marks a checked run 'importing' and runs it in the background (the job queue's `interop.import`,
 *   or a promise in this process);
 * - `runImport`: the import itself, batch by batch, each batch one transaction that also moves the run's resume point
 *   (`done_rows`) and counters; a failed or interrupted run continues after its last committed batch;
 * - `importRun`, `listImportRuns`: a run's status, counters and first problems; the runs an admin may see.
 *
 * The import reads and checks the file again (it trusts no earlier report: records may have changed since): a row
 * with any problem is skipped and counted as rejected. Rows are upserted by certificate number; a row whose values
 * hash (row_hash) equals the kept one is left alone, so importing the same file twice changes nothing.
 *
 * Who: admins (province, or prefecture/county for their own region: rows outside it are problems); the CLI runs as
 * the system (`SYSTEM_ACTOR`, the run's created_by null, the whole province). A run's scope is its creator's region.
 * People imported are not accounts: nobody is made discoverable, nobody is notified.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { ImportProblem, ImportStatus } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { todayInChina } from "../identity";
import { notFound, UUID_RE } from "../ids";
import { isWithinRegion, PROVINCE_CODE, regionPrefix, type Actor } from "../permissions";
import { BLOCKING_CODES, COLUMN_BY_KEY, MAX_ROWS, type RegistryPersonValues } from "./columns";
import { detectFormat, readRows, UnreadableFileError, type FileFormat } from "./reader.server";
import { cellsByColumn, checkRow, FileTracker, mapHeader, rowHash, sortProblems, type HeaderMap, type RowContext } from "./validate";

/** The CLI and jobs: the system itself, allowed the whole province; recorded as created_by null. */
export const SYSTEM_ACTOR = "system" as const;
export type ImportActor = Actor | typeof SYSTEM_ACTOR;

/** How many problems `importRun` returns with a run (the total is given beside them). */
export const PROBLEMS_SHOWN = 200;
export const RUNS_PAGE_SIZE = 20;
export const DEFAULT_BATCH_SIZE = 1000;
/** The job that runs an import in the background (registered in jobs/definitions.ts). */
export const IMPORT_JOB = "interop.import";

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
  /** Before the import: rows the dry run found problems in; during and after it: rows skipped. */
  rejectedCount: number;
  /** Rows with at least one problem in the dry run's report (they are skipped by the import). */
  rowsWithProblems: number;
  problemCount: number;
  /** A problem of the whole file (unreadable, a required column missing or doubled): the import cannot start. */
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
  /** Today in China (YYYY-MM-DD), for the age and date checks; tests pin it. */
  today?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Access

/** The region an actor imports for: an admin's own, the province for the system; anyone else gets 404. */
function importScope(actor: ImportActor): string {
  if (actor === SYSTEM_ACTOR) return PROVINCE_CODE;
  if (actor.role !== "admin" || !actor.regionCode || !isWithinRegion(PROVINCE_CODE, actor.regionCode)) notFound();
  return actor.regionCode;
}

function actorId(actor: ImportActor): string | null {
  return actor === SYSTEM_ACTOR ? null : actor.id;
}

/** The region a run's rows must lie in: its creator's current region; the province for the system's runs. */
async function runScope(db: DB, createdBy: string | null): Promise<string> {
  if (!createdBy) return PROVINCE_CODE;
  const u = await db.selectFrom("app_user").select(["role", "region_code"]).where("id", "=", createdBy).executeTakeFirst();
  // A creator who is no longer an admin with a region may not import anything more: an impossible scope.
  return u?.role === "admin" && u.region_code ? u.region_code : "000000";
}

/** The run if the actor may see it (the system's runs: province admins; an admin's: admins whose region covers it). */
async function visibleRun(db: DB, actor: ImportActor, runId: string) {
  const scope = importScope(actor);
  if (!UUID_RE.test(runId)) notFound();
  const run = await db
    .selectFrom("import_run")
    .leftJoin("app_user", "app_user.id", "import_run.created_by")
    .select(["import_run.id", "import_run.created_by", "import_run.status", "app_user.region_code as creator_region"])
    .where("import_run.id", "=", runId)
    .executeTakeFirst();
  if (!run) notFound();
  const runRegion = run.created_by ? run.creator_region : PROVINCE_CODE;
  if (run.created_by !== actorId(actor) && !isWithinRegion(scope, runRegion)) notFound();
  return run;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and checking the file

async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function divisionLevels(db: DB): Promise<Map<string, "province" | "prefecture" | "county">> {
  const rows = await db.selectFrom("division").select(["code", "level"]).where("code", "like", `${regionPrefix(PROVINCE_CODE)}%`).execute();
  return new Map(rows.map((r) => [r.code, r.level]));
}

interface ScannedRow {
  /** 1-based position among the data rows (the resume point counts these). */
  index: number;
  row: number;
  values: RegistryPersonValues | null;
  problems: ImportProblem[];
}

/**
 * Reads the file once and yields its data rows in batches, each row checked on its own and against the file's earlier
 * rows. Empty rows are problems only when a non-empty row follows (trailing blank rows are not rows). Throws
 * UnreadableFileError for a file that cannot be read; header problems come first, in `header`.
 */
async function* scanFile(
  path: string,
  format: FileFormat,
  ctx: RowContext,
  batchSize: number,
  header: { map?: HeaderMap },
): AsyncGenerator<ScannedRow[]> {
  const tracker = new FileTracker();
  let batch: ScannedRow[] = [];
  let index = 0;
  let pendingEmpty: number[] = [];
  for await (const { row, cells } of readRows(path, format)) {
    if (!header.map) {
      header.map = mapHeader(cells);
      continue;
    }
    const { cells: raw, stray, empty } = cellsByColumn(header.map, cells);
    if (empty) {
      pendingEmpty.push(row);
      continue;
    }
    for (const r of pendingEmpty) {
      batch.push({ index: ++index, row: r, values: null, problems: [{ row: r, column: null, code: "empty_row" }] });
      if (batch.length >= batchSize) yield batch, (batch = []);
    }
    pendingEmpty = [];
    const checked = checkRow(row, raw, stray, ctx);
    const duplicates = tracker.check(row, raw);
    const problems = duplicates.length ? [...checked.problems, ...duplicates] : checked.problems;
    batch.push({ index: ++index, row, values: problems.length ? null : checked.values, problems });
    if (batch.length >= batchSize) yield batch, (batch = []);
    if (index > MAX_ROWS) throw new TooManyRows();
  }
  if (!header.map) header.map = mapHeader([]);
  if (batch.length) yield batch;
}

/**
 * Keeps the next batch being read while the caller works on the current one: reading and checking a batch is this
 * process's CPU, its queries wait on the database, so the two overlap. The source is closed when the caller stops.
 */
async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = source.next();
      // Its error (if any) is thrown when awaited above; until then it must not count as unhandled.
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}

class TooManyRows extends Error {}

/**
 * Conflicts with records kept: the registry or a seeker's profile holds the certificate number with another ID number
 * or name, or the registry holds the ID number under another certificate number. Adds the problems to the rows and
 * clears their values.
 */
async function checkExisting(db: DB, rows: ScannedRow[]): Promise<void> {
  const candidates = rows.filter((r) => r.values);
  if (!candidates.length) return;
  const certs = candidates.map((r) => r.values!.certificate_number);
  const ids = candidates.map((r) => r.values!.id_number);
  // One array parameter each (`= any($1)`), not a list of a thousand: Kysely compiles and PostgreSQL parses it at once.
  const [registry, byId, profiles] = await Promise.all([
    db
      .selectFrom("registry_person")
      .select(["certificate_number", "id_number", "real_name"])
      .where(sql<boolean>`certificate_number = any(${certs}::text[])`)
      .execute(),
    db
      .selectFrom("registry_person")
      .select(["certificate_number", "id_number"])
      .where(sql<boolean>`id_number = any(${ids}::text[]) and not (certificate_number = any(${certs}::text[]))`)
      .execute(),
    db
      .selectFrom("seeker_profile")
      .select(["certificate_number", "id_number", "real_name"])
      .where(sql<boolean>`certificate_number = any(${certs}::text[])`)
      .execute(),
  ]);
  const regByCert = new Map(registry.map((r) => [r.certificate_number, r]));
  const regById = new Map(byId.map((r) => [r.id_number, r.certificate_number]));
  const profByCert = new Map<string, { id_number: string | null; real_name: string | null }[]>();
  for (const p of profiles) profByCert.set(p.certificate_number!, [...(profByCert.get(p.certificate_number!) ?? []), p]);
  const certCol = COLUMN_BY_KEY.certificate_number.zh;
  for (const r of candidates) {
    const v = r.values!;
    const problems: ImportProblem[] = [];
    const kept = [regByCert.get(v.certificate_number), ...(profByCert.get(v.certificate_number) ?? [])].filter((k) => !!k);
    if (kept.some((k) => k.id_number && k.id_number.toUpperCase() !== v.id_number)) problems.push({ row: r.row, column: COLUMN_BY_KEY.id_number.zh, code: "conflict_existing_id" });
    if (kept.some((k) => k.real_name && k.real_name.trim() !== v.real_name)) problems.push({ row: r.row, column: COLUMN_BY_KEY.real_name.zh, code: "conflict_existing_name" });
    if (regById.has(v.id_number)) problems.push({ row: r.row, column: certCol, code: "conflict_existing_certificate" });
    if (problems.length) {
      r.problems = problems;
      r.values = null;
    }
  }
}

async function contextFor(db: DB, scopeCode: string, today?: string): Promise<RowContext> {
  const divisions = await divisionLevels(db);
  // Without them every region code would be unknown: a database not seeded, not a file's problem.
  if (!divisions.size) throw new Error("interop: the division table is empty (npm run db:seed loads Guizhou's divisions)");
  return { today: today ?? todayInChina(), scopeCode: scopeCode === PROVINCE_CODE ? null : scopeCode, divisions };
}

const FILE_PROBLEM_ROW = 1;

/**
 * Records an import run for the file at `path` and checks every row (the dry run): the run ends 'checked' with its
 * report (every problem, by row and column) and total_rows; rejected_count holds the rows with problems until the
 * import starts. A file that cannot be read at all ends 'failed' with a file_unreadable problem.
 */
export async function checkFile(
  db: DB,
  actor: ImportActor,
  file: { path: string; fileName: string },
  options: { today?: string; batchSize?: number } = {},
): Promise<{ runId: string }> {
  const scope = importScope(actor);
  const [sha, format] = await Promise.all([sha256File(file.path), detectFormat(file.path, file.fileName)]);
  const run = await db
    .insertInto("import_run")
    .values({ created_by: actorId(actor), file_name: file.fileName.slice(0, 255), file_path: file.path, file_sha256: sha, format })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(db, { actorId: actorId(actor), subjectUserId: null, action: "check", entity: "import_run", entityId: run.id, reason: file.fileName.slice(0, 200) });

  const ctx = await contextFor(db, scope, options.today);
  const header: { map?: HeaderMap } = {};
  const problems: ImportProblem[] = [];
  let total = 0;
  const badRows = new Set<number>();
  try {
    for await (const batch of readAhead(scanFile(file.path, format, ctx, options.batchSize ?? DEFAULT_BATCH_SIZE, header))) {
      await checkExisting(db, batch);
      for (const r of batch) {
        total = r.index;
        if (r.problems.length) {
          badRows.add(r.row);
          problems.push(...r.problems);
        }
      }
    }
  } catch (e) {
    const tooMany = e instanceof TooManyRows;
    if (!tooMany && !(e instanceof UnreadableFileError) && !isParseError(e)) throw e;
    const code = tooMany ? "too_many_rows" : "file_unreadable";
    await db
      .updateTable("import_run")
      .set({
        status: tooMany ? "checked" : "failed",
        total_rows: total,
        report: JSON.stringify([{ row: FILE_PROBLEM_ROW, column: null, code, ...(tooMany ? { value: String(MAX_ROWS) } : {}) }]),
        error: tooMany ? null : e instanceof Error ? e.message.slice(0, 500) : String(e),
        finished_at: tooMany ? null : new Date(),
      })
      .where("id", "=", run.id)
      .execute();
    return { runId: run.id };
  }
  const headerProblems = header.map?.problems ?? [];
  if (total === 0 && !headerProblems.some((p) => p.code === "missing_header")) headerProblems.push({ row: FILE_PROBLEM_ROW, column: null, code: "no_data_rows" });
  await db
    .updateTable("import_run")
    .set({
      status: "checked",
      total_rows: total,
      rejected_count: badRows.size,
      report: JSON.stringify([...headerProblems, ...sortProblems(problems)]),
    })
    .where("id", "=", run.id)
    .execute();
  return { runId: run.id };
}

/** csv-parse's errors (an unclosed quote at the end, an invalid record): the file cannot be read as CSV. */
function isParseError(e: unknown): boolean {
  return e instanceof Error && typeof (e as { code?: unknown }).code === "string" && String((e as unknown as { code: string }).code).startsWith("CSV_");
}

// ---------------------------------------------------------------------------------------------------------------
// Importing

export type StartResult = { ok: true } | { ok: false; error: "blocked" | "notReady" | "fileChanged" };

/**
 * Starts (or resumes) the import of a checked (or failed, or interrupted) run in the background: the job queue when
 * one is configured (`background: "queue"`, the default), else a promise in this process. Refused for a run whose
 * report has a problem of the whole file, one not checked yet or done, and one whose file changed since the check.
 */
export async function startImport(db: DB, actor: ImportActor, runId: string, options: { background?: "queue" | "promise" } = {}): Promise<StartResult> {
  const run = await visibleRun(db, actor, runId);
  const ready = await prepareRun(db, runId);
  if (!ready.ok) return ready;
  await recordAudit(db, { actorId: actorId(actor), subjectUserId: null, action: "import", entity: "import_run", entityId: runId, reason: null });
  void run;
  if ((options.background ?? "queue") === "queue") {
    try {
      const { getJobQueue } = await import("../../../jobs/runtime");
      await getJobQueue().send(db, IMPORT_JOB, { runId }, { singletonKey: runId });
      return { ok: true };
    } catch (e) {
      // No queue can take it (none configured in this process): run it here instead.
      console.error(`interop: the job queue did not take import ${runId} (${e instanceof Error ? e.message : String(e)}); running it in this process`);
    }
  }
  void runImport(db, runId).catch((e) => console.error(`interop: import ${runId} failed: ${e instanceof Error ? e.message : String(e)}`));
  return { ok: true };
}

/** Marks the run 'importing' if it may be (status, blocking problems, the file unchanged). */
async function prepareRun(db: DB, runId: string): Promise<StartResult> {
  const run = await db
    .selectFrom("import_run")
    .select(["status", "file_path", "file_sha256", sql<boolean>`exists (select 1 from jsonb_array_elements(report) e where e->>'code' = any(${[...BLOCKING_CODES]}::text[]))`.as("blocked")])
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
  if (run.blocked) return { ok: false, error: "blocked" };
  if (!["checked", "failed", "importing"].includes(run.status)) return { ok: false, error: "notReady" };
  let sha: string | null = null;
  try {
    sha = await sha256File(run.file_path);
  } catch {
    sha = null;
  }
  if (sha !== run.file_sha256) return { ok: false, error: "fileChanged" };
  await db
    .updateTable("import_run")
    .set({ status: "importing", error: null, started_at: sql`coalesce(started_at, now())` as never })
    .where("id", "=", runId)
    .execute();
  return { ok: true };
}

const UPSERT_COLUMNS = [
  ["certificate_number", "text"],
  ["id_number", "text"],
  ["real_name", "text"],
  ["gender", "text"],
  ["birth_date", "date"],
  ["disability_category", "text"],
  ["disability_grade", "int"],
  ["region_code", "text"],
  ["residence", "text"],
  ["education", "text"],
  ["employment_status", "text"],
  ["employment_form", "text"],
  ["employer_name", "text"],
  ["training", "text"],
  ["needs", "text"],
  ["phone", "text"],
  ["row_hash", "text"],
] as const;

/**
 * Upserts a batch by certificate number: one statement with one array parameter per column (unnest), so a thousand
 * rows are 17 parameters, not 17,000 to compile and parse. A kept row whose hash equals the new one is left alone
 * (not returned); `inserted` tells a new row (xmax = 0) from an updated one. Needs travel as comma-joined codes.
 */
async function upsertPeople(db: DB, rows: readonly RegistryPersonValues[], runId: string): Promise<{ inserted: boolean }[]> {
  const arrays = UPSERT_COLUMNS.map(([name]) =>
    rows.map((r) => (name === "row_hash" ? rowHash(r) : name === "needs" ? r.needs.join(",") : (r[name] ?? null))),
  );
  const names = sql.join(UPSERT_COLUMNS.map(([name]) => sql.ref(name)));
  const unnested = sql.join(UPSERT_COLUMNS.map(([, type], i) => sql`${arrays[i]}::${sql.raw(type)}[]`));
  const selected = sql.join(
    UPSERT_COLUMNS.map(([name]) => (name === "needs" ? sql`coalesce(string_to_array(nullif(u.needs, ''), ','), '{}'::text[])` : sql.ref(`u.${name}`))),
  );
  const updates = sql.join(
    [...UPSERT_COLUMNS.filter(([name]) => name !== "certificate_number").map(([name]) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`), sql`import_run_id = excluded.import_run_id`, sql`updated_at = now()`],
  );
  const result = await sql<{ inserted: boolean }>`
    insert into registry_person (${names}, import_run_id)
    select ${selected}, ${runId}::uuid from unnest(${unnested}) as u(${names})
    on conflict (certificate_number) do update set ${updates}
    where registry_person.row_hash <> excluded.row_hash
    returning (xmax = 0) as inserted`.execute(db);
  return result.rows;
}

const running = new Set<string>();

/**
 * Runs the import of a run (status 'importing', or 'checked'/'failed': it is marked importing first). Batches of
 * `batchSize` data rows, each in one transaction: the valid rows upserted by certificate number (only where the row's
 * hash differs), the run's done_rows and counters moved on. Rows up to done_rows are read again (the in-file duplicate
 * checks need them) but not written: an interrupted run resumes after its last committed batch. On an error the run
 * is marked 'failed' (the error kept) and the error rethrown.
 */
export async function runImport(db: DB, runId: string, options: RunImportOptions = {}): Promise<ImportProgress> {
  if (running.has(runId)) throw new Error(`interop: import ${runId} is already running in this process`);
  running.add(runId);
  try {
    const run = await db.selectFrom("import_run").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    if (run.status === "completed") return progressOf(run);
    if (run.status !== "importing") {
      const ready = await prepareRun(db, runId);
      if (!ready.ok) throw new Error(`interop: import ${runId} cannot start: ${ready.error}`);
    }
    // A run that never committed a batch starts its counters from nothing (they held the dry run's figures).
    if (run.done_rows === 0) {
      await db.updateTable("import_run").set({ created_count: 0, updated_count: 0, unchanged_count: 0, rejected_count: 0 }).where("id", "=", runId).execute();
    }
    const progress: ImportProgress =
      run.done_rows === 0
        ? { doneRows: 0, totalRows: run.total_rows, created: 0, updated: 0, unchanged: 0, rejected: 0 }
        : progressOf(run);
    options.onProgress?.({ ...progress });
    try {
      const scope = await runScope(db, run.created_by);
      const ctx = await contextFor(db, scope, options.today);
      const header: { map?: HeaderMap } = {};
      let batchNumber = 0;
      for await (const batch of readAhead(scanFile(run.file_path, run.format, ctx, options.batchSize ?? DEFAULT_BATCH_SIZE, header))) {
        const todo = batch.filter((r) => r.index > progress.doneRows);
        if (!todo.length) continue;
        const counts = await db.transaction().execute(async (trx) => {
          await checkExisting(trx, todo);
          const rows = todo.filter((r) => r.values).map((r) => r.values!);
          let created = 0;
          let updated = 0;
          if (rows.length) {
            const written = await upsertPeople(trx, rows, runId);
            created = written.filter((w) => w.inserted).length;
            updated = written.length - created;
          }
          const c = { created, updated, unchanged: rows.length - created - updated, rejected: todo.length - rows.length, done: todo[todo.length - 1]!.index };
          await trx
            .updateTable("import_run")
            .set((eb) => ({
              done_rows: c.done,
              created_count: eb("created_count", "+", c.created),
              updated_count: eb("updated_count", "+", c.updated),
              unchanged_count: eb("unchanged_count", "+", c.unchanged),
              rejected_count: eb("rejected_count", "+", c.rejected),
            }))
            .where("id", "=", runId)
            .execute();
          return c;
        });
        progress.doneRows = counts.done;
        progress.created += counts.created;
        progress.updated += counts.updated;
        progress.unchanged += counts.unchanged;
        progress.rejected += counts.rejected;
        options.onProgress?.({ ...progress });
        await options.afterBatch?.(++batchNumber);
      }
      const final = await db
        .updateTable("import_run")
        .set({ status: "completed", finished_at: new Date(), total_rows: sql`greatest(total_rows, done_rows)` as never })
        .where("id", "=", runId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return progressOf(final);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await db.updateTable("import_run").set({ status: "failed", error: message.slice(0, 500) }).where("id", "=", runId).execute();
      throw e;
    }
  } finally {
    running.delete(runId);
  }
}

function progressOf(run: { done_rows: number; total_rows: number; created_count: number; updated_count: number; unchanged_count: number; rejected_count: number }): ImportProgress {
  return {
    doneRows: run.done_rows,
    totalRows: run.total_rows,
    created: run.created_count,
    updated: run.updated_count,
    unchanged: run.unchanged_count,
    rejected: run.rejected_count,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading runs

function summaryColumns(db: DB) {
  return db
    .selectFrom("import_run")
    .leftJoin("app_user", "app_user.id", "import_run.created_by")
    .select([
      "import_run.id",
      "import_run.file_name",
      "import_run.format",
      "import_run.status",
      "import_run.total_rows",
      "import_run.done_rows",
      "import_run.created_count",
      "import_run.updated_count",
      "import_run.unchanged_count",
      "import_run.rejected_count",
      "import_run.error",
      "import_run.created_at",
      "import_run.started_at",
      "import_run.finished_at",
      "app_user.display_name as created_by_name",
      sql<number>`jsonb_array_length(import_run.report)`.as("problem_count"),
      sql<number>`(select count(distinct e->>'row') from jsonb_array_elements(import_run.report) e where e->>'code' <> all(${[...BLOCKING_CODES, "unknown_header"]}::text[]))`.as("rows_with_problems"),
      sql<boolean>`exists (select 1 from jsonb_array_elements(import_run.report) e where e->>'code' = any(${[...BLOCKING_CODES]}::text[]))`.as("blocked"),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>["executeTakeFirstOrThrow"]>>;

function toSummary(r: SummaryRow): ImportRunSummary {
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    status: r.status,
    totalRows: r.total_rows,
    doneRows: r.done_rows,
    createdCount: r.created_count,
    updatedCount: r.updated_count,
    unchangedCount: r.unchanged_count,
    rejectedCount: r.rejected_count,
    rowsWithProblems: Number(r.rows_with_problems),
    problemCount: Number(r.problem_count),
    blocked: !!r.blocked,
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    createdByName: r.created_by_name,
  };
}

/** A run's status, counters and its first `PROBLEMS_SHOWN` problems (404 for a run the actor may not see). */
export async function importRun(db: DB, actor: ImportActor, runId: string, options: { problemsShown?: number } = {}): Promise<ImportRunDetail> {
  await visibleRun(db, actor, runId);
  const shown = options.problemsShown ?? PROBLEMS_SHOWN;
  const row = await summaryColumns(db)
    .select(sql<ImportProblem[]>`(select coalesce(jsonb_agg(e order by n), '[]'::jsonb) from jsonb_array_elements(import_run.report) with ordinality as p(e, n) where n <= ${shown})`.as("problems"))
    .where("import_run.id", "=", runId)
    .executeTakeFirstOrThrow();
  const problems = typeof row.problems === "string" ? (JSON.parse(row.problems) as ImportProblem[]) : row.problems;
  return { ...toSummary(row), problems };
}

/** The runs an admin may see (their own, and those of admins within their region; the system's for province admins), newest first. */
export async function listImportRuns(db: DB, actor: ImportActor, page: number): Promise<{ runs: ImportRunSummary[]; total: number }> {
  const scope = importScope(actor);
  const p = Number.isInteger(page) && page > 0 ? page : 1;
  const prefix = `${regionPrefix(scope)}%`;
  const mine = actorId(actor);
  const visible = <Q extends ReturnType<typeof summaryColumns>>(q: Q) =>
    q.where((eb) =>
      eb.or([
        ...(mine ? [eb("import_run.created_by", "=", mine)] : []),
        eb("app_user.region_code", "like", prefix),
        ...(scope === PROVINCE_CODE ? [eb("import_run.created_by", "is", null)] : []),
      ]),
    ) as Q;
  const [rows, count] = await Promise.all([
    visible(summaryColumns(db))
      .orderBy("import_run.created_at", "desc")
      .orderBy("import_run.id")
      .limit(RUNS_PAGE_SIZE)
      .offset((p - 1) * RUNS_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("import_run")
      .leftJoin("app_user", "app_user.id", "import_run.created_by")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where((eb) =>
        eb.or([
          ...(mine ? [eb("import_run.created_by", "=", mine)] : []),
          eb("app_user.region_code", "like", prefix),
          ...(scope === PROVINCE_CODE ? [eb("import_run.created_by", "is", null)] : []),
        ]),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return { runs: rows.map(toSummary), total: Number(count.n) };
}
