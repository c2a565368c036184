import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { Kysely, sql, type Transaction } from "kysely";
import { createDatabase } from "./database";
import { PGliteDialect } from "./pglite-dialect";

/**
 * Backups and restores of the whole database: pg_dump/pg_restore (custom format) for PostgreSQL, PGlite's own
 * data-directory tarball for the embedded database. Each backup FILE gets a summary next to it
 * (`FILE.summary.json`: the file's sha256, and every table's row count — and with checksums, an md5 of its rows —
 * read in the same snapshot as the dump), so a restore can check the file first and the result afterwards.
 */

export type BackupTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 over the md5s of each row's text form, sorted; present when checksums were asked for. */
  md5?: string;
}

export interface DatabaseSummary {
  tables: TableSummary[];
  /** Sequences in the public schema and their last value (null: never used). For information: they advance outside transactions. */
  sequences: Record<string, number | null>;
}

export interface SummaryFile {
  format: "qiancheng-backup-summary/1";
  kind: BackupTarget["kind"];
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  summary: DatabaseSummary;
}

/** A refusal or a problem the person running the command can act on: the CLI prints its message alone. */
export class BackupError extends Error {
  override name = "BackupError";
}

type Log = (line: string) => void;

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dir: env.PGLITE_DIR || "./data/pglite" };
}

export function describeTarget(target: BackupTarget): string {
  return target.kind === "postgres" ? `PostgreSQL (database ${databaseName(target.url)} of DATABASE_URL)` : `PGlite (${target.dir})`;
}

export function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "(default)";
  } catch {
    return "(unparsable URL)";
  }
}

/** 2026-12-06T05-39-00Z: the migrations' style, safe in file names. */
export function timestamp(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
}

export function defaultBackupFile(kind: BackupTarget["kind"], now = new Date()): string {
  return join("backups", `qiancheng-${timestamp(now)}.${kind === "postgres" ? "dump" : "tar.gz"}`);
}

export function summaryPath(file: string): string {
  return `${file}.summary.json`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function totalRows(summary: DatabaseSummary): number {
  return summary.tables.reduce((sum, t) => sum + t.rows, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Summaries

/**
 * Row count (and optionally a checksum) of every table in the public schema, kysely_migration included. The
 * checksum is md5 over the sorted md5s of each row's text form, with the session settings that shape that text
 * pinned, so the same rows give the same checksum on any server and in any session.
 */
export async function summarizeDatabase(db: Kysely<any>, options: { checksums?: boolean } = {}): Promise<DatabaseSummary> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute((trx) => summarizeIn(trx, options));
}

/** As summarizeDatabase, inside a transaction the caller holds (the PostgreSQL backup's snapshot). */
export async function summarizeIn(trx: Transaction<any>, options: { checksums?: boolean } = {}): Promise<DatabaseSummary> {
  for (const setting of ["TimeZone = 'UTC'", "DateStyle = 'ISO, YMD'", "IntervalStyle = 'postgres'", "extra_float_digits = 1", "bytea_output = 'hex'"]) {
    await sql.raw(`set local ${setting}`).execute(trx);
  }
  const names = await sql<{ name: string }>`select tablename as name from pg_catalog.pg_tables where schemaname = 'public' order by tablename collate "C"`.execute(trx);
  const tables: TableSummary[] = [];
  for (const { name } of names.rows) {
    const table = sql.table(`public.${name}`);
    if (options.checksums) {
      const r = await sql<{ rows: number | bigint | string; md5: string }>`
        select count(*) as rows,
               md5(coalesce(string_agg(md5(qc_backup_row::text), '' order by md5(qc_backup_row::text) collate "C"), '')) as md5
        from ${table} as qc_backup_row`.execute(trx);
      tables.push({ table: name, rows: Number(r.rows[0]!.rows), md5: r.rows[0]!.md5 });
    } else {
      const r = await sql<{ rows: number | bigint | string }>`select count(*) as rows from ${table}`.execute(trx);
      tables.push({ table: name, rows: Number(r.rows[0]!.rows) });
    }
  }
  const seqs = await sql<{ name: string; last_value: number | bigint | string | null }>`
    select sequencename as name, last_value from pg_catalog.pg_sequences where schemaname = 'public' order by sequencename collate "C"`.execute(trx);
  const sequences: Record<string, number | null> = {};
  for (const s of seqs.rows) sequences[s.name] = s.last_value === null ? null : Number(s.last_value);
  return { tables, sequences };
}

/** Differences in tables (missing, extra, rows, checksums where both sides have one); empty when they agree. */
export function compareSummaries(expected: DatabaseSummary, actual: DatabaseSummary): string[] {
  const differences: string[] = [];
  const got = new Map(actual.tables.map((t) => [t.table, t]));
  for (const want of expected.tables) {
    const have = got.get(want.table);
    got.delete(want.table);
    if (!have) differences.push(`${want.table}: missing (expected ${want.rows} rows)`);
    else if (have.rows !== want.rows) differences.push(`${want.table}: ${have.rows} rows, expected ${want.rows}`);
    else if (want.md5 && have.md5 && want.md5 !== have.md5) differences.push(`${want.table}: rows differ (checksum ${have.md5}, expected ${want.md5})`);
  }
  for (const extra of got.values()) differences.push(`${extra.table}: not in the backup (${extra.rows} rows)`);
  return differences;
}

export function describeSummary(summary: DatabaseSummary): string {
  return `${summary.tables.length} tables, ${totalRows(summary).toLocaleString("en")} rows`;
}

/** One line per table: name, rows and (when present) checksum — what `--verify` prints. */
export function summaryLines(summary: DatabaseSummary): string[] {
  const width = Math.max(0, ...summary.tables.map((t) => t.table.length));
  return summary.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(9)}${t.md5 ? `  ${t.md5}` : ""}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Files

function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function fileStart(file: string, length = 8): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

type FileKind = "pg_dump" | "gzip" | "tar" | "unknown";
function fileKind(file: string): FileKind {
  const head = fileStart(file, 512);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "tar";
  return "unknown";
}

function prepareOutput(file: string, force: boolean): void {
  if (existsSync(file) && !force) throw new BackupError(`${file} already exists: name another file, or pass --force to overwrite it.`);
  mkdirSync(dirname(resolve(file)), { recursive: true });
}

function writeSummary(file: string, kind: BackupTarget["kind"], summary: DatabaseSummary, now: Date): SummaryFile {
  const content: SummaryFile = {
    format: "qiancheng-backup-summary/1",
    kind,
    file: basename(file),
    bytes: statSync(file).size,
    sha256: sha256File(file),
    createdAt: now.toISOString(),
    summary,
  };
  writeFileSync(summaryPath(file), `${JSON.stringify(content, null, 2)}\n`);
  return content;
}

/** The summary written next to FILE by the backup, when it is there (and belongs to FILE). */
export function readSummary(file: string): SummaryFile | null {
  const path = summaryPath(file);
  if (!existsSync(path)) return null;
  try {
    const content = JSON.parse(readFileSync(path, "utf8")) as SummaryFile;
    if (content.format !== "qiancheng-backup-summary/1" || !content.summary || !Array.isArray(content.summary.tables)) return null;
    return content;
  } catch {
    throw new BackupError(`${path} is not a readable backup summary: move it away to restore without checking against it.`);
  }
}

/** Checks FILE against its summary (kind, size, sha256) before anything is touched. */
function checkBackupFile(file: string, kind: BackupTarget["kind"]): SummaryFile | null {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`${file}: no such backup file.`);
  const found = fileKind(file);
  if (kind === "postgres" && found !== "pg_dump") {
    throw new BackupError(
      found === "gzip" || found === "tar"
        ? `${file} is a PGlite data-directory backup, not a pg_dump archive: unset DATABASE_URL to restore it into PGlite.`
        : `${file} is not a pg_dump custom-format archive.`,
    );
  }
  if (kind === "pglite" && found !== "gzip" && found !== "tar") {
    throw new BackupError(
      found === "pg_dump"
        ? `${file} is a pg_dump archive of a PostgreSQL database: set DATABASE_URL to restore it into PostgreSQL.`
        : `${file} is not a PGlite data-directory backup (a .tar or .tar.gz).`,
    );
  }
  const summary = readSummary(file);
  if (summary) {
    if (summary.kind !== kind) throw new BackupError(`${summaryPath(file)} describes a ${summary.kind} backup, but ${file} is being restored into ${kind}.`);
    const bytes = statSync(file).size;
    if (summary.bytes !== bytes || summary.sha256 !== sha256File(file)) {
      throw new BackupError(`${file} does not match its summary (${summaryPath(file)}: ${summary.bytes} bytes, sha256 ${summary.sha256.slice(0, 12)}…): the file is damaged or was replaced. Nothing was changed.`);
    }
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite

/**
 * Process ids holding a file open under DIR (Linux, through /proc; elsewhere nothing is found). PGlite keeps its
 * WAL and relation files open while it runs, so this finds a server using the directory.
 */
export function processesUsing(dir: string): number[] {
  if (!existsSync("/proc/self/fd") || !existsSync(dir)) return [];
  const root = realpathSync(dir);
  const found = new Set<number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target === root || target.startsWith(`${root}/`)) {
          found.add(Number(entry));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

function refuseIfInUse(dir: string): void {
  const pids = processesUsing(dir);
  if (pids.length) {
    throw new BackupError(`${dir} is in use by process ${pids.join(", ")} (the server?): PGlite is single-process — stop it first, then run this again.`);
  }
}

async function openPglite(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return { pglite, db };
}

function hasDatabase(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

async function backupPglite(dir: string, file: string, options: { checksums?: boolean; log: Log }): Promise<DatabaseSummary> {
  if (!hasDatabase(dir)) throw new BackupError(`${dir} holds no PGlite database (no PG_VERSION): nothing to back up. Is PGLITE_DIR right?`);
  refuseIfInUse(dir);
  options.log(`Backing up PGlite (${dir}) with its data-directory dump…`);
  const { pglite, db } = await openPglite(dir);
  try {
    const summary = await summarizeDatabase(db, options);
    // Flush everything to the data files, so the tarball needs no WAL replay beyond the checkpoint.
    await sql`checkpoint`.execute(db);
    const blob = await pglite.dumpDataDir("gzip");
    const partial = `${file}.partial`;
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
    renameSync(partial, file);
    return summary;
  } finally {
    await db.destroy();
  }
}

/**
 * Reads FILE as PGlite's data-directory tarball (gzipped or not) and returns the PostgreSQL major version in its
 * PG_VERSION; a damaged or foreign file is refused here, before anything is moved.
 */
export function checkDataDirTarball(file: string): string {
  let tar = readFileSync(file);
  if (tar[0] === 0x1f && tar[1] === 0x8b) {
    try {
      tar = gunzipSync(tar);
    } catch (e) {
      throw new BackupError(`${file} is damaged (gzip: ${e instanceof Error ? e.message : e}). Nothing was changed.`);
    }
  }
  let version: string | undefined;
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break; // end of archive
    const text = (from: number, length: number) => header.subarray(from, from + length).toString("utf8").replace(/\0.*$/s, "");
    const stored = header.reduce((sum, b, i) => sum + (i >= 148 && i < 156 ? 32 : b), 0);
    const size = parseInt(text(124, 12).trim() || "0", 8);
    if (parseInt(text(148, 8).trim(), 8) !== stored || !Number.isFinite(size) || offset + 512 + size > tar.length) {
      throw new BackupError(`${file} is damaged or not a tar archive (at byte ${offset}). Nothing was changed.`);
    }
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)).replace(/^\.?\/+/, "");
    if (name === "PG_VERSION") version = tar.subarray(offset + 512, offset + 512 + size).toString("utf8").trim();
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  if (!version) throw new BackupError(`${file} holds no PostgreSQL data directory (no PG_VERSION at its root). Nothing was changed.`);
  return version;
}

async function restorePglite(dir: string, file: string, options: { force?: boolean; checksums?: boolean; log: Log; now: Date }) {
  const version = checkDataDirTarball(file);
  refuseIfInUse(dir);
  let movedAside: string | undefined;
  const occupied = existsSync(dir) && readdirSync(dir).length > 0;
  if (occupied) {
    const what = hasDatabase(dir) ? "already holds a database" : "is not empty";
    if (!options.force) {
      throw new BackupError(`${dir} ${what}: refusing to restore over it. Pass --force to move it aside to ${dir}.before-restore-<timestamp> (kept, not deleted) and restore into a fresh directory.`);
    }
    movedAside = `${dir.replace(/\/+$/, "")}.before-restore-${timestamp(options.now)}`;
    if (existsSync(movedAside)) throw new BackupError(`${movedAside} already exists: try again in a second.`);
    renameSync(dir, movedAside);
    options.log(`--force: moved the existing ${dir} aside to ${movedAside} (kept; delete it yourself once the restore is checked).`);
  }
  const existedEmpty = existsSync(dir);
  mkdirSync(dir, { recursive: true });
  options.log(`Restoring ${file} into PGlite (${dir})…`);
  const kind = fileKind(file);
  const blob = new Blob([new Uint8Array(readFileSync(file))], { type: kind === "gzip" ? "application/gzip" : "application/x-tar" });
  let opened: Awaited<ReturnType<typeof openPglite>> | undefined;
  try {
    opened = await openPglite(dir, blob);
    return { summary: await summarizeDatabase(opened.db, options), movedAside };
  } catch (e) {
    // Undo our own partial work: the directory we just filled goes, the one we moved aside comes back.
    if (opened) await opened.db.destroy().catch(() => {});
    opened = undefined;
    rmSync(dir, { recursive: true, force: true });
    if (movedAside) renameSync(movedAside, dir);
    else if (existedEmpty) mkdirSync(dir);
    const message = e instanceof Error ? e.message : String(e);
    throw new BackupError(
      `Restoring ${file} (a PostgreSQL ${version} data directory) failed (${message}); ${movedAside ? `${dir} is back as it was` : `nothing is left in ${dir}`}. ` +
        "A PGlite backup restores only with a PGlite of the same PostgreSQL major version.",
    );
  } finally {
    if (opened) await opened.db.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

function tool(name: "pg_dump" | "pg_restore"): string {
  return process.env.PG_BINDIR ? join(process.env.PG_BINDIR, name) : name;
}

const MISSING_TOOL = (name: string) =>
  `${name} was not found: install the PostgreSQL client tools (Debian/Ubuntu: sudo apt-get install -y postgresql-client, matching the server's major version), or set PG_BINDIR to the directory that holds them.`;

/** Fails early, before anything is touched, when the tool is not installed. */
function requireTool(name: "pg_dump" | "pg_restore"): void {
  const r = spawnSync(tool(name), ["--version"], { encoding: "utf8" });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw new BackupError(MISSING_TOOL(name));
}

/**
 * The connection for a client tool: the URL goes as --dbname, but a password in it moves to PGPASSWORD, so it does
 * not show in the process list.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return { dbname: url, env: process.env };
    const password = decodeURIComponent(parsed.password);
    parsed.password = "";
    return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
  } catch {
    return { dbname: url, env: process.env };
  }
}

/** Runs a PostgreSQL client tool; its stderr goes to the log on success and into the error on failure. */
function run(name: "pg_dump" | "pg_restore", url: string, args: string[], log: Log): Promise<void> {
  const connection = toolConnection(url);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool(name), [`--dbname=${connection.dbname}`, ...args], { stdio: ["ignore", "ignore", "pipe"], env: connection.env });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (e: NodeJS.ErrnoException) => reject(e.code === "ENOENT" ? new BackupError(MISSING_TOOL(name)) : e));
    child.on("close", (code) => {
      const text = stderr.trim();
      if (code === 0) {
        if (text) for (const line of text.split("\n")) log(`${name}: ${line}`);
        resolvePromise();
        return;
      }
      const hint = /version mismatch/i.test(text) ? ` — use the ${name} of the server's major version (postgresql-client-<major>, or PG_BINDIR)` : "";
      reject(new BackupError(`${name} failed (exit ${code})${hint}:\n${text.split("\n").slice(-15).join("\n")}`));
    });
  });
}

async function backupPostgres(url: string, file: string, options: { checksums?: boolean; log: Log }): Promise<DatabaseSummary> {
  requireTool("pg_dump");
  const handle = await connectPostgres(url);
  const partial = `${file}.partial`;
  try {
    options.log(`Backing up PostgreSQL (database ${databaseName(url)}) with pg_dump -Fc…`);
    // One snapshot for the dump and the summary: pg_dump imports the one this transaction exports.
    const summary = await handle.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const dump = run("pg_dump", url, ["--format=custom", `--file=${partial}`, `--snapshot=${snapshot.rows[0]!.id}`], options.log);
        dump.catch(() => {}); // awaited below; not an unhandled rejection while the summary runs
        try {
          const summary = await summarizeIn(trx, options);
          await dump;
          return summary;
        } catch (e) {
          await dump.catch(() => {});
          throw e;
        }
      });
    renameSync(partial, file);
    return summary;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await handle.close();
  }
}

async function connectPostgres(url: string) {
  const handle = await createDatabase({ url, poolSize: 2 });
  try {
    await sql`select 1`.execute(handle.db);
  } catch (e) {
    await handle.close();
    const err = e as { code?: string; message?: string };
    if (err.code === "3D000") throw new BackupError(`database ${databaseName(url)} does not exist: create it first (createdb, or "create database ${databaseName(url)}").`);
    throw new BackupError(`cannot connect to PostgreSQL at DATABASE_URL (${err.code ?? ""} ${err.message ?? String(e)}).`.replace("( ", "("));
  }
  return handle;
}

/** The user relations (tables, views, sequences…) outside the system schemas. */
async function userRelations(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select n.nspname || '.' || c.relname as name
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
    order by 1`.execute(db);
  return r.rows.map((row) => row.name);
}

async function restorePostgres(url: string, file: string, options: { force?: boolean; checksums?: boolean; log: Log }) {
  requireTool("pg_restore");
  const name = databaseName(url);
  let handle = await connectPostgres(url);
  try {
    const existing = await userRelations(handle.db);
    if (existing.length && !options.force) {
      const some = existing.slice(0, 5).join(", ") + (existing.length > 5 ? `, … (${existing.length} in all)` : "");
      throw new BackupError(`database ${name} is not empty (${some}): refusing to restore into it. Restore into a new empty database, or pass --force to drop and recreate every object the backup contains (pg_restore --clean --if-exists; objects not in the backup stay).`);
    }
    if (existing.length) options.log(`--force: database ${name} is not empty; pg_restore --clean --if-exists drops and recreates every object in the backup, in one transaction.`);
  } finally {
    await handle.close();
  }
  options.log(`Restoring ${file} into PostgreSQL (database ${name}) with pg_restore…`);
  // One transaction: a failed restore leaves the database as it was. Objects belong to DATABASE_URL's user.
  const args = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"];
  if (options.force) args.push("--clean", "--if-exists");
  await run("pg_restore", url, [...args, file], options.log);
  handle = await connectPostgres(url);
  try {
    return { summary: await summarizeDatabase(handle.db, options), movedAside: undefined };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export interface BackupResult {
  file: string;
  bytes: number;
  summary: DatabaseSummary;
  summaryFile: string;
}

/** Backs the database up to FILE (default backups/qiancheng-<timestamp>.dump|.tar.gz) and writes FILE.summary.json. */
export async function backupDatabase(
  target: BackupTarget,
  options: { file?: string; force?: boolean; checksums?: boolean; log?: Log; now?: Date } = {},
): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const file = options.file ?? defaultBackupFile(target.kind, now);
  prepareOutput(file, Boolean(options.force));
  const summary =
    target.kind === "postgres"
      ? await backupPostgres(target.url, file, { checksums: options.checksums, log })
      : await backupPglite(target.dir, file, { checksums: options.checksums, log });
  const written = writeSummary(file, target.kind, summary, now);
  return { file, bytes: written.bytes, summary, summaryFile: summaryPath(file) };
}

export interface RestoreResult {
  summary: DatabaseSummary;
  /** The backup's own summary, when FILE.summary.json was there. */
  expected: DatabaseSummary | null;
  /** Differences from the backup's summary (empty when none, or when there was no summary). */
  differences: string[];
  /** PGlite with --force: where the previous directory went. */
  movedAside?: string;
}

/** Restores FILE into the target, refusing a non-empty target unless `force`; compares with FILE.summary.json. */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  options: { force?: boolean; checksums?: boolean; log?: Log; now?: Date } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const saved = checkBackupFile(file, target.kind);
  // Checksums are compared when asked for, or when the backup recorded them.
  const checksums = Boolean(options.checksums || saved?.summary.tables.some((t) => t.md5));
  const { summary, movedAside } =
    target.kind === "postgres"
      ? await restorePostgres(target.url, file, { force: options.force, checksums, log })
      : await restorePglite(target.dir, file, { force: options.force, checksums, log, now: options.now ?? new Date() });
  const expected = saved?.summary ?? null;
  return { summary, expected, differences: expected ? compareSummaries(expected, summary) : [], movedAside };
}
