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
