/**
 * The HTTP server's entry: prepares the database (migrate, seed when empty), builds the app (server/app.ts) and
 * listens; keeps serving through unhandled rejections and database outages, and shuts down gracefully on SIGTERM or
 * SIGINT. A start that cannot reach its database or port says so in one line and exits 1.
 */
import type { ServerBuild } from "@remix-run/node";
import { closeDatabase, getDatabase, optionsFromEnv } from "./db/database";
import { configureHealth } from "./db/health";
import { prepareDatabase } from "./db/prepare";
import { pruneAttempts } from "./app/domain/accounts/rate-limit.server";
import { kickDrain, startSearch } from "./search/runtime";
import { startJobs, stopJobs } from "./jobs/runtime";
import { createApp } from "./server/app";
import { describeStartupError, shutdownGracefully } from "./server/lifecycle";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const buildDir = process.env.BUILD_DIR || "build";

// A promise nobody awaited must not end the service (Node's default since 15); it is logged with its stack.
process.on("unhandledRejection", (reason) => console.error("unhandled rejection (still serving):", reason));

async function main() {
  const handle = await getDatabase();
  configureHealth({ ping: handle.ping });
  console.log(`database: ${handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${process.env.PGLITE_DIR || "./data/pglite"})`}`);
  await prepareDatabase(handle.db);
  // Index what the outbox holds (the seed's documents on a first start; changes a crash left behind otherwise).
  await startSearch();
  // The job queue's worker (pg-boss on PostgreSQL, in process on PGlite; decision 018) and its start-up steps.
  await startJobs();
  // The outbox is drained after every write request and on a tick (which also lets Meilisearch catch up after an
  // outage). SEARCH_IN_PROCESS=false leaves draining to `npm run search:worker` in a deployment.
  const drainInProcess = process.env.SEARCH_IN_PROCESS !== "false";
  let invalidatePages = () => {};
  const drainTimer = setInterval(() => {
    if (drainInProcess) {
      void kickDrain()
        .then((result) => {
          if (result.applied > 0) invalidatePages();
        })
        .catch((e) => console.error("search drain:", e instanceof Error ? e.message : e));
    }
  }, 10_000);
  drainTimer.unref();

  // Sign-in attempts older than every limit's window are no longer needed.
  const pruneTimer = setInterval(
    () => void pruneAttempts(handle.db).catch((e) => console.error("pruning sign-in attempts:", e instanceof Error ? e.message : e)),
    60 * 60 * 1000,
  );
  pruneTimer.unref();
  await pruneAttempts(handle.db);

  const viteDevServer = dev
    ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
    : undefined;
  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(/* @vite-ignore */ new URL(`./${buildDir}/server/index.js`, import.meta.url).href)) as ServerBuild);

  const app = createApp({
    build,
    handle,
    dev,
    viteDevServer,
    buildDir,
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    forceSecureCookies: process.env.COOKIE_SECURE === "true",
    trustProxy: process.env.TRUST_PROXY,
    drainInProcess,
    // PAGE_CACHE=off answers every request by rendering it (decision 017).
    pageCache: process.env.PAGE_CACHE !== "off",
  });
  const { listen, inFlight } = app;
  invalidatePages = app.invalidatePages;

  const server = listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  console.log(`黔程 Qiancheng is serving on http://localhost:${port}`);

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutdownGracefully({
        signal,
        server,
        inFlight,
        drain: drainInProcess ? () => kickDrain().then(() => undefined) : undefined,
        close: async () => {
          await stopJobs().catch((e) => console.error("stopping the job queue:", e instanceof Error ? e.message : e));
          await viteDevServer?.close();
          await closeDatabase();
        },
      }).then((code) => process.exit(code));
    });
  }
}

main().catch((error) => {
  console.error(describeStartupError(error, { port, databaseUrl: optionsFromEnv().url }));
  process.exit(1);
});
