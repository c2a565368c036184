/**
 * The real server in process for the standing HTTP suites (issue 12): the production build (built first when it is
 * missing), the Express app of server/app.ts, and a database of its own with the demo seeded — a fresh in-memory
 * PGlite, or, when DATABASE_URL is set, a fresh database created on that PostgreSQL server and dropped afterwards.
 * CI runs these suites both ways, like the domain tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { closeDatabase, createDatabase, setDatabase, type DatabaseHandle } from "../../db/database";
import { configureHealth, resetHealth } from "../../db/health";
import { prepareDatabase } from "../../db/prepare";
import { SESSION_COOKIE, createSession } from "../../app/domain/accounts/session.server";
import { startSearch } from "../../search/runtime";
import { queueFromEnv, setJobQueue } from "../../jobs/runtime";
import { createApp } from "../../server/app";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// BUILD_DIR (as vite.config.ts reads it) lets parallel work test its own build.
const BUILD_DIR = process.env.BUILD_DIR || "build";
const BUILD = `${ROOT}${BUILD_DIR}/server/index.js`;

/** The production build; built here when missing (`npm test` builds before these suites run). */
export async function loadBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD)) {
    const r = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("the production build failed");
  }
  return (await import(/* @vite-ignore */ pathToFileURL(BUILD).href)) as ServerBuild;
}

export interface TestServer {
  url: string;
  origin: string;
  handle: DatabaseHandle;
  /** The database's connection string when it is PostgreSQL. */
  databaseUrl?: string;
  server: Server;
  inFlight(): number;
  /** A session cookie header for a user (a new session row, as signing in makes). */
  cookieFor(userId: string): Promise<string>;
  /** A user's id by phone number. */
  userId(phone: string): Promise<string>;
  close(): Promise<void>;
}

export async function freshDatabase(): Promise<{ handle: DatabaseHandle; url?: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await createDatabase({ pgliteDir: "memory" });
    return { handle, drop: async () => undefined };
  }
  const pg = await import("pg");
  const { Client } = pg.default ?? pg;
  const name = `${new URL(base).pathname.slice(1) || "qiancheng"}_http_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), poolSize: 10 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export async function startTestServer(options: { seed?: boolean; pageCache?: boolean } = {}): Promise<TestServer> {
  const build = await loadBuild();
  const { handle, url: databaseUrl, drop } = await freshDatabase();
  setDatabase(handle);
  // Jobs go to this database's own in-process queue (pg-boss's schema would be the base database's), not worked in
  // the background: the suites look at requests, and a job run between two requests would be written to neither.
  setJobQueue(queueFromEnv({ ...process.env, JOB_QUEUE: "in-process", DATABASE_URL: databaseUrl ?? "" }));
  resetHealth();
  configureHealth({ ping: handle.ping, log: () => undefined });
  if (options.seed !== false) await prepareDatabase(handle.db, () => undefined);
  await startSearch();
  const { listen, inFlight } = createApp({ build, handle, buildDir: `${ROOT}${BUILD_DIR}`, drainInProcess: true, pageCache: options.pageCache ?? false });
  const server = listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    handle,
    databaseUrl,
    server,
    inFlight,
    async cookieFor(userId) {
      const { token } = await createSession(handle.db, userId);
      return `${SESSION_COOKIE}=${token}`;
    },
    async userId(phone) {
      const row = await handle.db.selectFrom("app_user").select("id").where("phone", "=", phone).executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDatabase();
      await drop();
    },
  };
}
