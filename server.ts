/**
 * The HTTP server: Express in front of Remix. It prepares the database (migrate, seed when empty), then for
 * every request sets the security headers with a fresh CSP nonce, refuses cross-origin mutations, reads the
 * session once and hands all of it to Remix as the load context.
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { closeDatabase, getDatabase } from "./db/database";
import { prepareDatabase } from "./db/prepare";
import { pruneAttempts } from "./app/domain/accounts/rate-limit.server";
import { buildRequestContext } from "./app/http/context.server";
import { kickDrain, startSearch } from "./search/runtime";
import { isSameOriginRequest, securityHeaders } from "./app/http/security.server";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const forceSecureCookies = process.env.COOKIE_SECURE === "true";
const buildDir = process.env.BUILD_DIR || "build";
// Endpoints that read no cookie and change nothing: the cross-site check protects nothing there, and programs
// (curl, a partner's script) may call them without an Origin header (docs/api.md).
const ORIGIN_CHECK_EXEMPT = new Set(["/api/levy/estimate"]);

const handle = await getDatabase();
console.log(`database: ${handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${process.env.PGLITE_DIR || "./data/pglite"})`}`);
await prepareDatabase(handle.db);
// Index what the outbox holds (the seed's documents on a first start; changes a crash left behind otherwise).
await startSearch();
// The outbox is drained after every write request and on a tick (which also lets Meilisearch catch up after an
// outage). SEARCH_IN_PROCESS=false leaves draining to `npm run search:worker` in a deployment.
const drainInProcess = process.env.SEARCH_IN_PROCESS !== "false";
const drainTimer = setInterval(() => {
  if (drainInProcess) void kickDrain().catch((e) => console.error("search drain:", e));
}, 10_000);
drainTimer.unref();

// Sign-in attempts older than every limit's window are no longer needed.
const pruneTimer = setInterval(() => void pruneAttempts(handle.db).catch((e) => console.error("pruning sign-in attempts:", e)), 60 * 60 * 1000);
pruneTimer.unref();
await pruneAttempts(handle.db);

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY === "true" ? true : process.env.TRUST_PROXY);
app.use(compression());

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  const https = req.protocol === "https";
  for (const [name, value] of Object.entries(securityHeaders(nonce, { dev, https }))) res.setHeader(name, value);
  if (
    !ORIGIN_CHECK_EXEMPT.has(req.path) &&
    !isSameOriginRequest({
      method: req.method,
      origin: req.get("origin"),
      referer: req.get("referer"),
      expectedOrigin: `${req.protocol}://${req.get("host")}`,
      allowedOrigins,
    })
  ) {
    res.status(403).type("text/plain; charset=utf-8").send("403 跨站请求被拒绝 / Cross-site request refused");
    return;
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(`${buildDir}/client`, { maxAge: "1h", index: false }));
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(/* @vite-ignore */ new URL(`./${buildDir}/server/index.js`, import.meta.url).href)) as ServerBuild);

const remixHandler = createRequestHandler({
  build,
  mode: dev ? "development" : "production",
  getLoadContext: async (req, res) => {
    const secureCookies = forceSecureCookies || (!dev && req.protocol === "https");
    const { context, setCookies } = await buildRequestContext({
      cookieHeader: req.get("cookie"),
      ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
      nonce: res.locals.nonce as string,
      secureCookies,
    });
    for (const cookie of setCookies) res.append("Set-Cookie", cookie);
    return context;
  },
});

app.all("*", (req, res, next) => {
  if (drainInProcess && req.method !== "GET" && req.method !== "HEAD") {
    res.on("finish", () => void kickDrain().catch((e) => console.error("search drain:", e)));
  }
  Promise.resolve(remixHandler(req, res, next)).catch(next);
});

const server = app.listen(port, host, () => {
  console.log(`黔程 Qiancheng is serving on http://localhost:${port}`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close();
  await viteDevServer?.close();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
