/**
 * The database blip (issue 12, item 2), on PostgreSQL: the real server (server.ts, the production build) runs as a
 * child process; while requests and writes run, every connection it has is terminated, twice. The process must
 * stay up, answer 503 (never 500) while it cannot reach the database, serve again within 5 s, and have kept every
 * write it answered as done. Terminating backends is a PostgreSQL operation: on PGlite there is nothing to cut.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, loadBuild } from "./harness";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const onPostgres = Boolean(process.env.DATABASE_URL);

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

async function waitFor(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status === status) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

// Runs on PostgreSQL only (DATABASE_URL, as CI's second pass sets it): PGlite is in process and has no connections to
// terminate; what a dead PGlite throws is classified in db/health.test.ts and answered 503 as in tests/http/server.test.ts.
describe.runIf(onPostgres)("a database blip on PostgreSQL", () => {
  let child: ChildProcess;
  let base: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let output = "";

  beforeAll(async () => {
    await loadBuild();
    db = await freshDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: ROOT,
      // Every registration comes from 127.0.0.1: no hourly limit per address may cut the writers short.
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: db.url!, REGISTRATIONS_PER_ADDRESS_HOUR: "100000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    await waitFor(`${base}/healthz`, 200, 180_000);
  }, 240_000);

  afterAll(async () => {
    child?.kill("SIGTERM");
    if (child && child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    await db?.handle.close();
    await db?.drop();
  });

  async function terminateConnections(): Promise<number> {
    const { rows } = await (await adminClient()).query(
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [new URL(db.url!).pathname.slice(1)],
    );
    return rows[0].n as number;
  }
  let admin: import("pg").Client | undefined;
  async function adminClient() {
    if (!admin) {
      const pg = await import("pg");
      admin = new (pg.default ?? pg).Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
    }
    return admin;
  }

  it("stays up, answers 503 while cut off, serves again within 5 s and loses no answered write", async () => {
    const pid = child.pid;
    const statuses = new Map<number, number>();
    const answered: string[] = [];
    let stop = false;
    let n = 0;
    // Writes: registrations, each with its own phone; a 303 means the account exists.
    const writer = async () => {
      while (!stop) {
        n += 1;
        const phone = `199${String(process.pid % 1000).padStart(3, "0")}${String(n).padStart(5, "0")}`;
        const body = new URLSearchParams({ role: "seeker", phone, password: "Blip#Test#2026", confirmPassword: "Blip#Test#2026" });
        const r = await fetch(`${base}/register`, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { Origin: base, "X-Forwarded-For": `10.0.0.${n % 250}` },
        });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 303 || r.status === 302) answered.push(phone);
        await r.arrayBuffer();
      }
    };
    const reader = async () => {
      while (!stop) {
        const r = await fetch(`${base}/vacancies`);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        await r.arrayBuffer();
      }
    };
    const load = [writer(), writer(), reader(), reader()];
    const recoveries: number[] = [];
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await terminateConnections()).toBeGreaterThan(0);
      recoveries.push(await waitFor(`${base}/healthz`, 200, 5000));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop = true;
    await Promise.all(load);

    console.log(`statuses ${JSON.stringify([...statuses])}, registrations answered ${answered.length}, recovered in ${recoveries.join(", ")} ms`);
    expect(child.exitCode, output).toBeNull();
    expect(child.pid).toBe(pid);
    // 200 pages, 303 registrations, 503 while cut off; never a 500.
    expect([...statuses.keys()].filter((s) => ![200, 302, 303, 503].includes(s)), JSON.stringify([...statuses])).toEqual([]);
    expect(answered.length).toBeGreaterThan(0);
    const { rows } = await (await adminClient()).query("select 1");
    expect(rows).toHaveLength(1);
    const stored = await db.handle.db.selectFrom("app_user").select("phone").where("phone", "in", answered).execute();
    expect(stored.length).toBe(answered.length);
    for (const ms of recoveries) expect(ms).toBeLessThan(5000);
    await admin?.end();
  }, 120_000);
});
