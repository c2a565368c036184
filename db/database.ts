import { Kysely, PostgresDialect } from "kysely";
import type { Database } from "./schema";
import { PGliteDialect } from "./pglite-dialect";
import { isDatabaseUnavailable, markDatabaseDown } from "./health";

export type DB = Kysely<Database>;
export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: DB;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Asks the database for one row: resolves when it answers, rejects when it cannot be reached. */
  ping(): Promise<void>;
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
  /** How long a query waits for a new PostgreSQL connection before it fails (ms). */
  connectTimeoutMs?: number;
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pg = await import("pg");
    const { Pool, Client, types } = pg.default ?? pg;
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // While the server is unreachable a request fails fast (503) instead of waiting for a connection forever.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          // Counts and ids fit in a JS number; money stays exact as a string; dates stay calendar dates.
          if (oid === INT8) return (v: string) => Number(v);
          if (oid === NUMERIC || oid === DATE) return (v: string) => v;
          return types.getTypeParser(oid, format);
        }) as typeof types.getTypeParser,
      },
    });
    // A connection that dies (the server restarts, an admin terminates it, the network drops) emits 'error' on its
    // client and on the pool; with no listener Node ends the process. The error is a fact about the database's
    // health, not a reason to stop serving: the pool drops that client and the next query opens a new one.
    const onConnectionError = (error: Error) => {
      if (isDatabaseUnavailable(error)) markDatabaseDown(error);
      else console.error("database connection error:", error.message);
    };
    pool.on("error", onConnectionError);
    pool.on("connect", (client) => client.on("error", onConnectionError));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let probe: InstanceType<typeof Client> | null = null;
    return {
      db,
      kind: "postgres",
      close: async () => {
        const client = probe;
        probe = null;
        await client?.end().catch(() => undefined);
        await db.destroy();
      },
      ping: async () => {
        // A connection of its own, so the probe never waits behind a full pool of dead clients; kept open between
        // pings (a new connection per /healthz cost more than the rest of the answer) and replaced when it fails.
        let client = probe;
        if (!client) {
          const fresh = new Client({ connectionString: options.url, connectionTimeoutMillis: 2000, query_timeout: 2000 });
          fresh.on("error", () => {
            if (probe === fresh) probe = null;
          });
          try {
            await fresh.connect();
          } catch (e) {
            await fresh.end().catch(() => undefined);
            throw e;
          }
          probe = client = fresh;
        }
        try {
          await client.query("select 1");
        } catch (e) {
          if (probe === client) probe = null;
          await client.end().catch(() => undefined);
          throw e;
        }
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = options.pgliteDir === "memory" ? undefined : options.pgliteDir;
  if (dir) {
    const fs = await import("node:fs");
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, {
    // PGlite's default 128 MB of shared buffers sits in the WebAssembly heap, which never shrinks, on top of the
    // operating system's cache of the same files; 32 MB holds the demo's and a small deployment's working set
    // (decision 017). PGLITE_SHARED_BUFFERS changes it.
    postgresqlconf: [`shared_buffers=${process.env.PGLITE_SHARED_BUFFERS || "32MB"}`],
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => v,
      [DATE]: (v: string) => v,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    close: () => db.destroy(),
    ping: async () => {
      await pglite.query("select 1");
    },
  };
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
