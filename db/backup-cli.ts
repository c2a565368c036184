import { parseArgs } from "node:util";
import {
  BackupError,
  backupDatabase,
  describeSummary,
  describeTarget,
  formatBytes,
  restoreDatabase,
  summaryLines,
  summaryPath,
  targetFromEnv,
} from "./backup";

const HELP = `usage: npm run db:backup [-- FILE] [--verify] [--force]
       npm run db:restore -- FILE [--verify] [--force]

The database is PostgreSQL when DATABASE_URL is set, otherwise PGlite in PGLITE_DIR (default ./data/pglite).

db:backup   PostgreSQL: pg_dump --format=custom to FILE (default backups/qiancheng-<timestamp>.dump).
            PGlite: its data-directory dump, a .tar.gz (default backups/qiancheng-<timestamp>.tar.gz).
            Writes FILE.summary.json beside it: the file's sha256 and each table's row count, read in the
            same snapshot as the dump. An existing FILE is overwritten only with --force.
db:restore  PostgreSQL: pg_restore into the database of DATABASE_URL (create it first), in one transaction,
            objects owned by DATABASE_URL's user, grants not restored. Refuses a database that already holds
            tables unless --force, which drops and recreates every object in the backup (--clean --if-exists).
            PGlite: into PGLITE_DIR. Refuses a directory that already holds a database unless --force, which
            moves it aside to <dir>.before-restore-<timestamp> (kept, never deleted) first.
            Checks FILE against FILE.summary.json when it is there, before changing anything and afterwards.

--verify    also checksum every table (md5 of its rows) and print one line per table; a backup made with
            --verify lets the restore compare checksums, not only row counts.
--force     as above: overwrite FILE (backup), restore over existing data (restore).

PGlite is single-process: stop the server using PGLITE_DIR before a backup or restore (both refuse while
another process has the directory open). On PostgreSQL, stop the app before a --force restore.
PostgreSQL needs pg_dump/pg_restore of the server's major version (package postgresql-client; PG_BINDIR
picks another directory).`;

const [command, ...rest] = process.argv.slice(2);
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    args: rest,
    allowPositionals: true,
    options: { force: { type: "boolean" }, verify: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
}
try {
  parsed = parse();
} catch (e) {
  console.error(`${e instanceof Error ? e.message : e}\n\n${HELP}`);
  process.exit(2);
}
const { values, positionals } = parsed;

if (values.help || (command !== "backup" && command !== "restore")) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}
if (positionals.length > 1 || (command === "restore" && positionals.length !== 1)) {
  console.error(command === "restore" ? "db:restore needs exactly one FILE: npm run db:restore -- FILE" : "db:backup takes at most one FILE.");
  process.exit(2);
}

const target = targetFromEnv();
const log = (line: string) => console.log(line);
try {
  if (command === "backup") {
    const result = await backupDatabase(target, { file: positionals[0], force: values.force, checksums: values.verify, log });
    if (values.verify) for (const line of summaryLines(result.summary)) console.log(line);
    console.log(`Backed up ${describeTarget(target)} to ${result.file}: ${formatBytes(result.bytes)}, ${describeSummary(result.summary)}.`);
    console.log(`Summary: ${result.summaryFile} (keep it with the backup).`);
  } else {
    const file = positionals[0]!;
    const result = await restoreDatabase(target, file, { force: values.force, checksums: values.verify, log });
    if (values.verify) for (const line of summaryLines(result.summary)) console.log(line);
    console.log(`Restored ${file} into ${describeTarget(target)}: ${describeSummary(result.summary)}.`);
    if (!result.expected) {
      console.log(`No ${summaryPath(file)} beside the backup: nothing to compare the result with.`);
    } else if (result.differences.length) {
      console.error(`The result differs from the backup's summary:\n${result.differences.map((d) => `  ${d}`).join("\n")}`);
      process.exitCode = 1;
    } else {
      const what = result.summary.tables.some((t) => t.md5) && result.expected.tables.some((t) => t.md5) ? "row counts and checksums" : "row counts";
      console.log(`Matches the backup's summary (${what} of every table).`);
    }
    if (result.movedAside) console.log(`The previous database is kept in ${result.movedAside}.`);
    if (process.env.MEILI_HOST) console.log("Meilisearch is configured: rebuild its index with npm run search:reindex.");
  }
} catch (e) {
  console.error(e instanceof BackupError ? e.message : e instanceof Error ? `${command} failed: ${e.message}` : e);
  process.exitCode = 1;
}
