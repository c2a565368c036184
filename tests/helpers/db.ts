import { afterAll, beforeAll } from "vitest";
import { createDatabase, setDatabase, closeDatabase, type DatabaseHandle } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { seedDivisions } from "../../db/seed";

/**
 * A real database for domain tests: PostgreSQL when DATABASE_URL is set (CI runs the suite both ways),
 * otherwise a fresh in-memory PGlite per test file. Migrated, with the divisions seeded, and installed as
 * the app's database so code that calls getDb() uses it.
 */
export function useTestDatabase(): { readonly handle: DatabaseHandle; readonly db: DatabaseHandle["db"] } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, poolSize: 20 } : { pgliteDir: "memory" });
    await migrateToLatest(handle.db);
    await seedDivisions(handle.db);
    setDatabase(handle);
  });
  afterAll(async () => {
    await closeDatabase();
  });
  return {
    get handle() {
      if (!handle) throw new Error("database not ready");
      return handle;
    },
    get db() {
      if (!handle) throw new Error("database not ready");
      return handle.db;
    },
  };
}

/**
 * Like useTestDatabase, but on PostgreSQL a database of this test file's own (created, migrated, dropped after), for
 * tests that read demo data whole and would see other files' concurrent writes in the shared test database.
 */
export function useIsolatedTestDatabase(): { readonly handle: DatabaseHandle; readonly db: DatabaseHandle["db"] } {
  const shared = process.env.DATABASE_URL;
  if (!shared) return useTestDatabase();
  let handle: DatabaseHandle | undefined;
  const name = `qiancheng_iso_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(shared);
    url.pathname = `/${name}`;
    handle = await createDatabase({ url: url.toString(), poolSize: 10 });
    await migrateToLatest(handle.db);
    await seedDivisions(handle.db);
    setDatabase(handle);
  });
  afterAll(async () => {
    await closeDatabase();
    await admin(`drop database if exists ${name}`);
  });
  return {
    get handle() {
      if (!handle) throw new Error("database not ready");
      return handle;
    },
    get db() {
      if (!handle) throw new Error("database not ready");
      return handle.db;
    },
  };
}

let counter = 0;
/** A phone number no other test run uses (random, then counted). */
export function uniquePhone(): string {
  counter += 1;
  const n = (Math.floor(Math.random() * 1e6) * 100 + (counter % 100)).toString().padStart(8, "0");
  return `15${Math.floor(Math.random() * 10)}${n}`;
}

export function uniqueIp(): string {
  return `test-${Math.random().toString(36).slice(2)}`;
}
