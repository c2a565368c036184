import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createDatabase } from "./database";
import { migrateToLatest } from "./migrate";
import { seed } from "./seed";
import {
  backupDatabase,
  compareSummaries,
  defaultBackupFile,
  readSummary,
  restoreDatabase,
  summarizeDatabase,
  summaryPath,
  toolConnection,
  type BackupTarget,
  type DatabaseSummary,
} from "./backup";

// Round trips: a migrated, seeded database is backed up, restored into a fresh one, and every table's row count and
// checksum must come back the same. PGlite always; PostgreSQL too when DATABASE_URL is set (in databases of its own).

const tmp = mkdtempSync(join(tmpdir(), "qiancheng-backup-"));
const lines: string[] = [];
const log = (line: string) => lines.push(line);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The seeded database's shape: enough tables with rows that a lost table or row would show. */
function expectSubstantial(summary: DatabaseSummary) {
  const rows = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
  expect(summary.tables.length).toBeGreaterThanOrEqual(30);
  expect(rows.kysely_migration).toBeGreaterThan(0);
  expect(rows.division).toBe(98);
  expect(rows.app_user).toBeGreaterThan(300);
  expect(rows.vacancy).toBeGreaterThan(200);
  expect(summary.tables.filter((t) => t.rows > 0).length).toBeGreaterThanOrEqual(15);
  for (const t of summary.tables) expect(t.md5, t.table).toMatch(/^[0-9a-f]{32}$/);
  expect(Object.keys(summary.sequences).length).toBeGreaterThan(0);
}

/** A minimal ustar archive of the given files. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write("0000644\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
    header.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, "0")}\0`, 136);
    header.write("        ", 148);
    header.write("0", 156);
    header.write("ustar\u000000", 257);
    header.write(`${header.reduce((sum, b) => sum + b, 0).toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe("PGlite backup and restore", () => {
  const source = join(tmp, "source");
  const target = join(tmp, "restored");
  const file = join(tmp, "pglite.tar.gz");
  let before: DatabaseSummary;

  beforeAll(async () => {
    const handle = await createDatabase({ pgliteDir: source });
    try {
      await migrateToLatest(handle.db);
      await seed(handle.db);
      before = await summarizeDatabase(handle.db, { checksums: true });
    } finally {
      await handle.close();
    }
  }, 120_000);

  it("backs up to a gzipped tarball with a summary of the same data", async () => {
    expectSubstantial(before);
    const result = await backupDatabase({ kind: "pglite", dir: source }, { file, checksums: true, log });
    expect(result.file).toBe(file);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(result.bytes).toBeGreaterThan(100_000);
    expect(result.summary).toEqual(before);
    expect(readSummary(file)).toMatchObject({ kind: "pglite", bytes: result.bytes, summary: before });
  });

  it("refuses to overwrite a backup file unless forced", async () => {
    await expect(backupDatabase({ kind: "pglite", dir: source }, { file, log })).rejects.toThrow(/already exists.*--force/);
  });

  it("restores into a fresh directory: same row counts and checksums in every table, schema up to date", async () => {
    const result = await restoreDatabase({ kind: "pglite", dir: target }, file, { log });
    expect(result.summary).toEqual(before); // checksums are compared since the backup recorded them
    expect(result.differences).toEqual([]);
    expect(result.movedAside).toBeUndefined();
    const handle = await createDatabase({ pgliteDir: target });
    try {
      expect(await migrateToLatest(handle.db)).toEqual([]);
      // The checksum sees a changed row, not only a changed count.
      await sql`update division set name = name || '·' where code = '520102'`.execute(handle.db);
      expect(compareSummaries(before, await summarizeDatabase(handle.db, { checksums: true }))).toEqual([expect.stringMatching(/^division: rows differ/)]);
      await sql`update division set name = rtrim(name, '·') where code = '520102'`.execute(handle.db);
      // While a PGlite has the directory open (as the server would), both refuse.
      if (existsSync("/proc/self/fd")) {
        await expect(backupDatabase({ kind: "pglite", dir: target }, { file: join(tmp, "busy.tar.gz"), log })).rejects.toThrow(/in use by process \d+.*stop it first/);
        await expect(restoreDatabase({ kind: "pglite", dir: target }, file, { force: true, log })).rejects.toThrow(/in use by process \d+/);
        expect(existsSync(join(tmp, "busy.tar.gz"))).toBe(false);
      }
    } finally {
      await handle.close();
    }
  });

  it("refuses a directory that holds a database; --force moves it aside, never deletes it", async () => {
    await expect(restoreDatabase({ kind: "pglite", dir: target }, file, { log })).rejects.toThrow(/already holds a database.*--force/);
    const now = new Date("2026-12-01T08:00:00Z");
    const result = await restoreDatabase({ kind: "pglite", dir: target }, file, { force: true, log, now });
    expect(result.movedAside).toBe(`${target}.before-restore-2026-12-01T08-00-00Z`);
    expect(existsSync(join(result.movedAside!, "PG_VERSION"))).toBe(true);
    expect(result.summary).toEqual(before);
    expect(result.differences).toEqual([]);

    // A tarball PGlite cannot start from: the restore fails and puts the directory back as it was.
    const foreign = join(tmp, "foreign.tar.gz");
    writeFileSync(foreign, gzipSync(tarOf({ PG_VERSION: "9\n" })));
    const later = new Date("2026-12-01T09:00:00Z");
    await expect(restoreDatabase({ kind: "pglite", dir: target }, foreign, { force: true, log, now: later })).rejects.toThrow(/PostgreSQL 9 data directory.*failed.*back as it was/s);
    expect(readFileSync(join(target, "PG_VERSION"), "utf8")).toBe(readFileSync(join(source, "PG_VERSION"), "utf8"));
    expect(existsSync(`${target}.before-restore-2026-12-01T09-00-00Z`)).toBe(false);
  });

  it("refuses a damaged file before touching anything, and the wrong kind of file", async () => {
    const damaged = join(tmp, "damaged.tar.gz");
    copyFileSync(file, damaged);
    copyFileSync(summaryPath(file), summaryPath(damaged));
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const fresh = join(tmp, "never");
    await expect(restoreDatabase({ kind: "pglite", dir: fresh }, damaged, { log })).rejects.toThrow(/does not match its summary/);
    rmSync(summaryPath(damaged));
    await expect(restoreDatabase({ kind: "pglite", dir: fresh }, damaged, { log })).rejects.toThrow(/is damaged \(gzip/);
    const empty = join(tmp, "empty.tar");
    writeFileSync(empty, tarOf({ "README.txt": "not a database" }));
    await expect(restoreDatabase({ kind: "pglite", dir: fresh }, empty, { log })).rejects.toThrow(/no PostgreSQL data directory/);
    expect(existsSync(fresh)).toBe(false);

    const dump = join(tmp, "fake.dump");
    writeFileSync(dump, "PGDMP\u0001\u000f\u0000");
    await expect(restoreDatabase({ kind: "pglite", dir: fresh }, dump, { log })).rejects.toThrow(/pg_dump archive.*set DATABASE_URL/);
    await expect(restoreDatabase({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none" }, file, { log })).rejects.toThrow(/PGlite data-directory backup.*unset DATABASE_URL/);
  });
});

describe("helpers", () => {
  it("names default files by kind and time", () => {
    const now = new Date("2026-12-06T05:39:07.123Z");
    expect(defaultBackupFile("postgres", now)).toBe(join("backups", "qiancheng-2026-12-06T05-39-07Z.dump"));
    expect(defaultBackupFile("pglite", now)).toBe(join("backups", "qiancheng-2026-12-06T05-39-07Z.tar.gz"));
  });

  it("keeps a password out of the client tools' arguments", () => {
    const c = toolConnection("postgres://app:s%40cret@db.example:5432/qiancheng?sslmode=require");
    expect(c.dbname).toBe("postgres://app@db.example:5432/qiancheng?sslmode=require");
    expect(c.env.PGPASSWORD).toBe("s@cret");
    expect(toolConnection("postgres://app@db/q").dbname).toBe("postgres://app@db/q");
  });

  it("reports missing, extra and changed tables", () => {
    const a: DatabaseSummary = { tables: [{ table: "a", rows: 1, md5: "x" }, { table: "b", rows: 2 }], sequences: {} };
    const b: DatabaseSummary = { tables: [{ table: "a", rows: 1, md5: "y" }, { table: "c", rows: 0 }], sequences: {} };
    expect(compareSummaries(a, b)).toEqual(["a: rows differ (checksum y, expected x)", "b: missing (expected 2 rows)", "c: not in the backup (0 rows)"]);
    expect(compareSummaries(a, a)).toEqual([]);
  });
});

describe.runIf(process.env.DATABASE_URL)("PostgreSQL backup and restore (pg_dump/pg_restore)", () => {
  const base = new URL(process.env.DATABASE_URL ?? "postgres://localhost/none");
  const name = decodeURIComponent(base.pathname.slice(1));
  const sourceName = `${name}_backup_${process.pid}`;
  const targetName = `${name}_restore_${process.pid}`;
  const urlOf = (db: string) => Object.assign(new URL(base.toString()), { pathname: `/${db}` }).toString();
  const source: BackupTarget = { kind: "postgres", url: urlOf(sourceName) };
  const target: BackupTarget = { kind: "postgres", url: urlOf(targetName) };
  const file = join(tmp, "postgres.dump");
  let before: DatabaseSummary;

  async function admin<T>(fn: (db: Awaited<ReturnType<typeof createDatabase>>["db"]) => Promise<T>): Promise<T> {
    const handle = await createDatabase({ url: process.env.DATABASE_URL, poolSize: 1 });
    try {
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    await admin(async (db) => {
      for (const db_ of [sourceName, targetName]) {
        await sql`drop database if exists ${sql.id(db_)}`.execute(db);
        await sql`create database ${sql.id(db_)}`.execute(db);
      }
    });
    const handle = await createDatabase({ url: source.url });
    try {
      await migrateToLatest(handle.db);
      await seed(handle.db);
      before = await summarizeDatabase(handle.db, { checksums: true });
    } finally {
      await handle.close();
    }
  }, 120_000);

  afterAll(async () => {
    await admin(async (db) => {
      for (const db_ of [sourceName, targetName]) await sql`drop database if exists ${sql.id(db_)} with (force)`.execute(db);
    });
  });

  it("dumps in custom format with a summary read in the dump's snapshot", async () => {
    expectSubstantial(before);
    const result = await backupDatabase(source, { file, checksums: true, log });
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
    expect(result.summary).toEqual(before);
    expect(readSummary(file)).toMatchObject({ kind: "postgres", bytes: result.bytes });
  });

  it("restores into a fresh database: same row counts and checksums in every table", async () => {
    const result = await restoreDatabase(target, file, { log });
    expect(result.summary).toEqual(before);
    expect(result.differences).toEqual([]);
    const handle = await createDatabase({ url: target.url });
    try {
      expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("refuses a database that is not empty; --force restores over it with --clean", async () => {
    await expect(restoreDatabase(target, file, { log })).rejects.toThrow(/is not empty.*--force/);
    const handle = await createDatabase({ url: target.url });
    try {
      await sql`delete from vacancy_invitation`.execute(handle.db);
      await sql`update division set name = 'changed' where code = '520102'`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const result = await restoreDatabase(target, file, { force: true, log });
    expect(result.summary).toEqual(before);
    expect(result.differences).toEqual([]);
  });
});
