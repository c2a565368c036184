import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "./schema";
import { PGliteDialect } from "./pglite-dialect";

export type DB = Kysely<Database>;
export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: DB;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// Type OIDs whose default parsing differs between pg and PGlite; both are made to agree.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

export interface DatabaseOptions {
  /** PostgreSQL connection string. When absent, PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory" for a throwaway in-memory database. */
  pgliteDir?: string;
  poolSize?: number;
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pg = await import("pg");
    const { Pool, types } = pg.default ?? pg;
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          // Counts and ids fit in a JS number; money stays exact as a string; dates stay calendar dates.
          if (oid === INT8) return (v: string) => Number(v);
          if (oid === NUMERIC || oid === DATE) return (v: string) => v;
          return types.getTypeParser(oid, format);
        }) as typeof types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = options.pgliteDir === "memory" ? undefined : options.pgliteDir;
  if (dir) {
    const fs = await import("node:fs");
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, {
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => v,
      [DATE]: (v: string) => v,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}

/** Options taken from the environment: DATABASE_URL, else PGlite in PGLITE_DIR (default ./data/pglite). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { pgliteDir: env.PGLITE_DIR || "./data/pglite" };
}

// The app's one handle lives on globalThis, so the server entry, the bundled Remix build and dev-mode
// module reloads all share it (two PGlite instances on one directory would corrupt it).
const KEY = Symbol.for("qiancheng.database");
type Global = typeof globalThis & { [KEY]?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  const g = globalThis as Global;
  g[KEY] ??= createDatabase(optionsFromEnv());
  return g[KEY];
}

export async function getDb(): Promise<DB> {
  return (await getDatabase()).db;
}

/** Installs a handle as the app's database (tests and the server entry use this). */
export function setDatabase(handle: DatabaseHandle) {
  (globalThis as Global)[KEY] = Promise.resolve(handle);
}

export async function closeDatabase() {
  const g = globalThis as Global;
  const handle = g[KEY];
  g[KEY] = undefined;
  if (handle) await (await handle).close();
}
