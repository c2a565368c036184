/**
 * npm run bench:import [-- --rows 100000 --batch-size 1000 --keep]
 *
 * The registry import's speed (issue 18; goal ≥ 2,000 rows/s on PostgreSQL with bounded memory): writes `--rows`
 * valid people as an XLSX file with exceljs's streaming writer in a temporary directory, then on a throwaway database
 * (PGlite in memory by default; with DATABASE_URL, `qiancheng_import_<pid>` created on that server and dropped at the
 * end) times the dry run (checkFile), the import (runImport) and a second import of the same file (every row
 * unchanged), printing rows/s for each and the peak RSS (process.memoryUsage().rss sampled every 20 ms) of each phase.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, type DatabaseHandle } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { seedDivisions } from "../db/seed";
import { checkFile, importRun, runImport, SYSTEM_ACTOR } from "../app/domain/interop/people-import.server";
import { exportRow } from "../app/domain/interop/columns";
import { HEADER, validPerson, writeXlsx } from "../tests/fixtures/registry-files";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { rows: { type: "string", default: "100000" }, "batch-size": { type: "string", default: "1000" }, keep: { type: "boolean" } },
});
const ROWS = Number(values.rows);
const BATCH = Number(values["batch-size"]);
if (!Number.isInteger(ROWS) || ROWS < 1 || !Number.isInteger(BATCH) || BATCH < 1) {
  console.error("--rows and --batch-size are whole numbers above 0");
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Peak RSS while `fn` runs. */
async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - started) / 1000, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

async function openDatabase(): Promise<{ handle: DatabaseHandle; description: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await createDatabase({ pgliteDir: "memory" });
    return { handle, description: "PGlite in memory", cleanup: () => handle.close() };
  }
  const pgModule = await import("pg");
  const pg = pgModule.default ?? pgModule;
  const name = `qiancheng_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const where = `${target.hostname}:${target.port || "5432"}`;
  let handle: DatabaseHandle | undefined;
  const cleanup = async () => {
    await handle?.close().catch(() => undefined);
    if (values.keep) return console.log(`kept database ${name} on ${where} (--keep); drop it with: drop database ${name};`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  };
  try {
    handle = await createDatabase({ url: target.toString(), poolSize: 4 });
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { handle, description: `PostgreSQL ${where}/${name}`, cleanup };
}

const dir = await mkdtemp(join(tmpdir(), "qiancheng-bench-import-"));
const db = await openDatabase();
try {
  await migrateToLatest(db.handle.db, () => undefined);
  await seedDivisions(db.handle.db);
  const path = join(dir, "people.xlsx");
  function* rows() {
    for (let i = 0; i < ROWS; i++) yield exportRow(validPerson(i, 1));
  }
  const written = await measured(() => writeXlsx(path, HEADER, rows()));
  console.log(`${ROWS} rows written to ${path} (${mb((await stat(path)).size)}) in ${written.seconds.toFixed(1)} s; database: ${db.description}; batch ${BATCH}`);
  console.log(`RSS at start of the import phases: ${mb(process.memoryUsage().rss)}`);

  const line = (phase: string, m: { seconds: number; peakRss: number }) =>
    console.log(`${phase.padEnd(26)} ${(ROWS / m.seconds).toFixed(0).padStart(7)} rows/s  ${m.seconds.toFixed(1).padStart(6)} s  peak RSS ${mb(m.peakRss)}`);

  const dry = await measured(() => checkFile(db.handle.db, SYSTEM_ACTOR, { path, fileName: "people.xlsx" }, { batchSize: BATCH }));
  const checked = await importRun(db.handle.db, SYSTEM_ACTOR, dry.result.runId);
  if (checked.problemCount) throw new Error(`the generated file has ${checked.problemCount} problems, e.g. ${JSON.stringify(checked.problems[0])}`);
  line("dry run (checkFile)", dry);

  const imported = await measured(() => runImport(db.handle.db, dry.result.runId, { batchSize: BATCH }));
  if (imported.result.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(imported.result)}`);
  line("import (runImport)", imported);

  const again = await measured(async () => {
    const { runId } = await checkFile(db.handle.db, SYSTEM_ACTOR, { path, fileName: "people.xlsx" }, { batchSize: BATCH });
    return runImport(db.handle.db, runId, { batchSize: BATCH });
  });
  if (again.result.unchanged !== ROWS) throw new Error(`expected ${ROWS} unchanged, got ${JSON.stringify(again.result)}`);
  line("same file again (check+import)", { seconds: again.seconds, peakRss: again.peakRss });
} finally {
  await db.cleanup();
  await rm(dir, { recursive: true, force: true });
}
