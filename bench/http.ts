/**
 * `npm run bench:http [-- --duration 20 --rounds 3 --connections 10 --only vacancies,healthz --profile DIR]`
 *
 * The built app under load against a bare baseline (issue 16). Starts `server.ts` from `build/` in production mode on
 * a throwaway database — PGlite in a temporary folder by default; with DATABASE_URL, a fresh database
 * `qiancheng_http_<pid>` created on that server and dropped at the end — and signs the demo seeker in. For each page it
 * fetches the app's answer once, and a bare Node `http` server in its own process serves exactly those bytes (status,
 * content type, body) from memory: the cost of HTTP and of the bytes alone. Then, in interleaved rounds (app, baseline,
 * app, baseline…, so drift in the machine's load hits both alike), autocannon drives each with the same connections
 * and duration. Prints per page: req/s, latency p50 / p95 / p99, the HTML size, and app / baseline (medians of the
 * rounds), plus the server's resident memory before and after the load and the load average.
 *
 * Options:
 *   --duration S     seconds per run (default 10; the figures use 20)
 *   --rounds N       interleaved rounds per page (default 3)
 *   --connections N  concurrent connections (default 10)
 *   --only a,b       pages by name: vacancies, vacancies-seeker, vacancy, healthz, css
 *   --profile DIR    run the server with --cpu-prof, writing its CPU profile to DIR when it stops
 *   --build DIR      the build to serve (default build; `npm run build` first)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { SERVER_ARGS } from "../scripts/server-args.mjs";

interface Options {
  duration: number;
  rounds: number;
  connections: number;
  only: string[] | null;
  profile: string | null;
  build: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 10, rounds: 3, connections: 10, only: null, profile: null, build: "build" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--duration") options.duration = Number(value());
    else if (arg === "--rounds") options.rounds = Number(value());
    else if (arg === "--connections") options.connections = Number(value());
    else if (arg === "--only") options.only = value().split(",");
    else if (arg === "--profile") options.profile = value();
    else if (arg === "--build") options.build = value();
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// The baseline: a bare http server, in its own process, answering each path with bytes it was given.

const BASELINE_CHILD = `
const http = require("node:http");
const pages = new Map();
process.on("message", (m) => {
  if (m.type === "page") pages.set(m.path, { status: m.status, type: m.contentType, body: Buffer.from(m.body, "base64") });
  if (m.type === "listen") {
    const server = http.createServer((req, res) => {
      const page = pages.get(req.url);
      if (!page) { res.statusCode = 404; res.end(); return; }
      res.writeHead(page.status, { "Content-Type": page.type, "Content-Length": page.body.length });
      res.end(page.body);
    });
    server.listen(0, "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
  }
});
`;

function startBaseline(): Promise<{ child: ChildProcess; port: number; add(path: string, page: Captured): void }> {
  const child = spawn(process.execPath, ["-e", BASELINE_CHILD], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve) => {
    child.once("message", (m: { port: number }) =>
      resolve({
        child,
        port: m.port,
        add: (path, page) => child.send({ type: "page", path, status: page.status, contentType: page.contentType, body: page.body.toString("base64") }),
      }),
    );
    child.send({ type: "listen" });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The app

async function throwawayDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(os.tmpdir(), "qiancheng-bench-http-"));
    return { env: { DATABASE_URL: "", PGLITE_DIR: join(dir, "pglite") }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `qiancheng_http_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.href },
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function startApp(options: Options, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = 3900 + (process.pid % 90);
  const args: string[] = options.profile ? ["--cpu-prof", `--cpu-prof-dir=${options.profile}`, ...SERVER_ARGS] : [...SERVER_ARGS];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", BUILD_DIR: options.build },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not answer /healthz within 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port };
}

interface Captured {
  status: number;
  contentType: string;
  body: Buffer;
}

async function capture(port: number, path: string, headers: Record<string, string>): Promise<Captured> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers, redirect: "manual" });
  const body = Buffer.from(await r.arrayBuffer());
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
  return { status: r.status, contentType: r.headers.get("content-type") ?? "application/octet-stream", body };
}

async function signIn(port: number, identifier: string, password: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://127.0.0.1:${port}` },
    body: new URLSearchParams({ identifier, password }).toString(),
  });
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith("qc_session="));
  if (!cookie) throw new Error(`signing in as ${identifier} failed (${r.status})`);
  return cookie.split(";")[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

interface Run {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, options: Options): Promise<Run> {
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.duration });
  const p95 = (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (i: number) => s[i] ?? NaN;
  return s.length % 2 ? at((s.length - 1) / 2) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(join(options.build, "server", "index.js"))) throw new Error(`no build in ${options.build}/: run npm run build first`);
  const database = await throwawayDatabase();
  const kind = database.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  console.log(`bench:http — ${kind}, ${options.connections} connections, ${options.duration} s × ${options.rounds} rounds per page`);
  const app = await startApp(options, database.env);
  const baseline = await startBaseline();
  const stop = async () => {
    baseline.child.kill();
    const exited = new Promise((r) => app.child.once("exit", r));
    app.child.kill("SIGTERM");
    await exited;
    await database.drop();
  };
  try {
    const seekerCookie = await signIn(app.port, "13800000001", "Qiancheng#2026");
    const css = readdirSync(join(options.build, "client", "assets")).find((f) => f.endsWith(".css"));
    const firstVacancy = await capture(app.port, "/vacancies", {});
    const vacancyPath = /href="(\/vacancies\/[0-9a-f-]{36})"/.exec(firstVacancy.body.toString("utf8"))?.[1];
    if (!vacancyPath) throw new Error("no vacancy link on /vacancies");
    const pages: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: "vacancies", path: "/vacancies", headers: {} },
      { name: "vacancies-seeker", path: "/vacancies", headers: { Cookie: seekerCookie } },
      { name: "vacancy", path: vacancyPath, headers: {} },
      { name: "healthz", path: "/healthz", headers: {} },
      { name: "css", path: `/assets/${css}`, headers: {} },
    ];
    pages.splice(0, pages.length, ...pages.filter((p) => !options.only || options.only.includes(p.name)));

    // Warm up (the first PGlite queries, V8's compiler) and capture what the baseline serves.
    const captured = new Map<string, Captured>();
    for (const page of pages) {
      const c = await capture(app.port, page.path, page.headers);
      captured.set(page.name, c);
      const basePath = `/${page.name}`;
      baseline.add(basePath, c);
      await load(`http://127.0.0.1:${app.port}${page.path}`, page.headers, { ...options, duration: 2 });
    }
    const rssBefore = rssMiB(app.child.pid!);

    const results = new Map<string, { app: Run[]; base: Run[] }>();
    for (let round = 0; round < options.rounds; round++) {
      for (const page of pages) {
        const entry = results.get(page.name) ?? { app: [], base: [] };
        entry.app.push(await load(`http://127.0.0.1:${app.port}${page.path}`, page.headers, options));
        entry.base.push(await load(`http://127.0.0.1:${baseline.port}/${page.name}`, {}, options));
        results.set(page.name, entry);
        process.stderr.write(`  round ${round + 1}: ${page.name} ${Math.round(entry.app.at(-1)!.rps)} / ${Math.round(entry.base.at(-1)!.rps)} req/s\n`);
      }
    }
    const rssAfter = rssMiB(app.child.pid!);

    const rows = pages.map((page) => {
      const r = results.get(page.name)!;
      const appRps = median(r.app.map((x) => x.rps));
      const baseRps = median(r.base.map((x) => x.rps));
      return {
        page: `${page.name} (${page.path.length > 40 ? page.path.slice(0, 37) + "…" : page.path})`,
        "KiB": (captured.get(page.name)!.body.length / 1024).toFixed(1),
        "app req/s": Math.round(appRps),
        "p50 ms": median(r.app.map((x) => x.p50)),
        "p95 ms": median(r.app.map((x) => x.p95)),
        "p99 ms": median(r.app.map((x) => x.p99)),
        "errors": r.app.reduce((n, x) => n + x.errors, 0),
        "baseline req/s": Math.round(baseRps),
        "app/baseline": `${((appRps / baseRps) * 100).toFixed(1)}%`,
      };
    });
    console.table(rows);
    console.log(`server RSS: ${rssBefore} MiB after warm-up, ${rssAfter} MiB after the load`);
    console.log(`load average (1, 5, 15 min): ${os.loadavg().map((x) => x.toFixed(2)).join(", ")}; ${os.cpus().length} cores; Node ${process.version}`);
  } finally {
    await stop();
  }
  if (options.profile) console.log(`CPU profile written to ${options.profile}/`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
