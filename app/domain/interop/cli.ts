/**
 * npm run import:people -- FILE [--dry-run] [--resume RUN_ID] [--batch-size N] [--show N]
 *
 * Imports the real-name registry's people from a CSV or XLSX file (issue 18, docs/interop.md) into the configured
 * database (PostgreSQL with DATABASE_URL, else PGlite in PGLITE_DIR), as the system (the run's created_by is null).
 * First the whole file is checked and every problem printed (row, column, the problem in Chinese, its code); with
 * --dry-run that is all. Otherwise the rows without problems are imported with a progress bar. --resume RUN_ID
 * continues an interrupted or failed run after its last committed batch.
 */
import { resolve, basename } from "node:path";
import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { createDatabase, optionsFromEnv } from "../../../db/database";
import { migrateToLatest } from "../../../db/migrate";
import { seedDivisions } from "../../../db/seed";
import type { ImportProblem } from "../../../db/schema";
import { en } from "../../i18n/messages/en/interop";
import { zh } from "../../i18n/messages/interop";
import { checkFile, importRun, runImport, SYSTEM_ACTOR, type ImportProgress } from "./people-import.server";

const HELP = `usage: npm run import:people -- FILE [--dry-run] [--batch-size 1000] [--show 1000]
       npm run import:people -- --resume RUN_ID

Checks every row of FILE (CSV in UTF-8 or GBK, or XLSX; columns in docs/interop.md) and prints each problem with its
row and column. Without --dry-run, then imports the rows without problems (upserting by certificate number; importing
the same file again changes nothing). --resume continues a run that was interrupted. --show: how many problems to
print (default 1000; the summary counts all). The database is PostgreSQL when DATABASE_URL is set, otherwise PGlite in
PGLITE_DIR.`;

type Key = keyof typeof zh;
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m));
const say = (key: Key, vars: Record<string, string | number> = {}) => `${fill(zh[key], vars)}\n  ${fill(en[key], vars)}`;

function problemLine(p: ImportProblem): string {
  const key = `interop.problem.${p.code}` as Key;
  const message = fill(zh[key] ?? p.code, { value: p.value ?? "" });
  const value = p.value && !p.code.startsWith("duplicate_") && p.code !== "too_many_rows" ? `「${p.value}」` : "";
  return `第 ${p.row} 行\t${p.column ?? "—"}\t${message}${value}\t[${p.code}]`;
}

let values: { "dry-run"?: boolean; resume?: string; "batch-size"?: string; show?: string; help?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean" },
      resume: { type: "string" },
      "batch-size": { type: "string" },
      show: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : e}\n\n${HELP}`);
  process.exit(2);
}
if (values.help || (!values.resume && positionals.length !== 1)) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}
const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
const show = values.show ? Number(values.show) : 1000;
if ((batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= 5000)) || !(Number.isInteger(show) && show >= 0)) {
  console.error(`--batch-size is a whole number from 1 to 5000, --show one from 0.\n\n${HELP}`);
  process.exit(2);
}

function progressBar() {
  const bar = new SingleBar(
    { format: "导入 import [{bar}] {percentage}% | {value}/{total} 行 rows | +{created} ~{updated} ={unchanged} ✗{rejected} | {eta_formatted}", hideCursor: true },
    Presets.shades_classic,
  );
  let begun = false;
  return {
    update(p: ImportProgress) {
      const payload = { created: p.created, updated: p.updated, unchanged: p.unchanged, rejected: p.rejected };
      if (!begun) {
        bar.start(p.totalRows, p.doneRows, payload);
        begun = true;
      } else bar.update(p.doneRows, payload);
    },
    stop: () => bar.stop(),
  };
}

const handle = await createDatabase(optionsFromEnv());
const where = handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${optionsFromEnv().pgliteDir})`;
try {
  await migrateToLatest(handle.db, () => undefined);
  // A database made for the import alone has no divisions yet (the app seeds them at its first start).
  const divisions = await handle.db.selectFrom("division").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (Number(divisions.n) === 0) await seedDivisions(handle.db);
  let runId = values.resume;
  if (!runId) {
    const path = resolve(positionals[0]!);
    console.log(`检查 Checking ${path} (${where})…`);
    const started = performance.now();
    ({ runId } = await checkFile(handle.db, SYSTEM_ACTOR, { path, fileName: basename(path) }, { batchSize }));
    const seconds = (performance.now() - started) / 1000;
    const run = await importRun(handle.db, SYSTEM_ACTOR, runId, { problemsShown: show });
    if (run.problems.length) console.log(`行 row\t列 column\t问题 problem\t[code]`);
    for (const p of run.problems) console.log(problemLine(p));
    if (run.problemCount > run.problems.length) console.log(`… ${run.problemCount - run.problems.length} more (--show N prints more)`);
    console.log(say("interop.cli.summary", { total: run.totalRows, ok: run.totalRows - run.rowsWithProblems, bad: run.rowsWithProblems, problems: run.problemCount }));
    console.log(`Run ${runId}: checked in ${seconds.toFixed(1)} s (${Math.round(run.totalRows / Math.max(seconds, 0.001))} rows/s)`);
    if (run.blocked || run.status === "failed") {
      console.error("文件整体有问题，不能导入。The file as a whole has a problem: it cannot be imported.");
      process.exitCode = 1;
    }
    if (values["dry-run"] || process.exitCode) runId = undefined;
  }
  if (runId) {
    const bar = progressBar();
    const started = performance.now();
    let result: ImportProgress;
    try {
      result = await runImport(handle.db, runId, { batchSize, onProgress: (p) => bar.update(p) });
    } finally {
      bar.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(say("interop.cli.done", { created: result.created, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected }));
    console.log(`Run ${runId}: ${result.doneRows} rows in ${seconds.toFixed(1)} s`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  if (values.resume === undefined) console.error("An interrupted import continues with: npm run import:people -- --resume RUN_ID");
  process.exitCode = 1;
} finally {
  await handle.close();
}
