/**
 * The Express app in front of Remix (issue 12; decisions 003 and 011). In order, for every request:
 * security headers and the cross-site check; static files; `/healthz`; the address and query checked; 503 while the
 * database is unreachable; a mutation's body read within its limit and checked (413, 415, 400) before Remix parses
 * it; then Remix with the session read once, a 503 page when a query failed for want of a connection, and
 * `Cache-Control: no-store` on everything a signed-in person is shown.
 *
 * `createApp` builds it without listening, so tests drive the real thing in process (tests/http).
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { ViteDevServer } from "vite";
import type { DatabaseHandle } from "../db/database";
import { databaseHealth, isDatabaseUnavailable, markDatabaseDown } from "../db/health";
import { buildRequestContext, type RequestContext } from "../app/http/context.server";
import { isSameOriginRequest, securityHeaders } from "../app/http/security.server";
import { kickDrain } from "../search/runtime";
import { bodyKind, checkFormBody, checkJsonBody, checkQuery, type Refusal } from "./input-limits";
import { sendError } from "./pages";

export interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  handle: DatabaseHandle;
  dev?: boolean;
  viteDevServer?: ViteDevServer;
  buildDir?: string;
  allowedOrigins?: readonly string[];
  forceSecureCookies?: boolean;
  trustProxy?: string;
  /** Drain the search outbox after each write request (SEARCH_IN_PROCESS). */
  drainInProcess?: boolean;
}

// Endpoints that read no cookie and change nothing: the cross-site check protects nothing there, and programs
// (curl, a partner's script) may call them without an Origin header (docs/api.md).
const ORIGIN_CHECK_EXEMPT = new Set(["/api/levy/estimate"]);
const HEALTH_TIMEOUT_MS = 2000;

export interface App {
  app: express.Express;
  /** Requests being answered now (graceful shutdown waits for them). */
  inFlight(): number;
}

function refuse(req: ExpressRequest, res: ExpressResponse, refusal: Refusal) {
  // A body we did not read to its end cannot be followed by another request on this connection.
  sendError(req, res, refusal.status, refusal.code, { title: `edge.${refusal.code}.title`, text: `edge.${refusal.code}.text` } as never, {
    ...(req.complete ? {} : { Connection: "close" }),
  });
}

export function sendUnavailable(req: ExpressRequest, res: ExpressResponse) {
  sendError(
    req,
    res,
    503,
    "database_unavailable",
    { title: "edge.unavailable.title", text: "edge.unavailable.text", help: "edge.unavailable.help" },
    { "Retry-After": "5" },
  );
}

/** Reads a request body up to `max` bytes; null when it is larger (the rest is not read). */
function readBody(req: ExpressRequest, max: number): Promise<Buffer | null> {
  const declared = Number(req.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function fetchHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The Fetch request Remix reads, with the body the edge has already read and checked. */
function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | undefined): Request {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const controller = new AbortController();
  // Abort loaders and actions when the client goes away before the answer is complete.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: fetchHeaders(req), signal: controller.signal };
  if (body !== undefined) init.body = new Uint8Array(body);
  return new Request(url.href, init);
}

async function healthz(handle: DatabaseHandle): Promise<{ status: number; body: unknown }> {
  const started = performance.now();
  const health = databaseHealth();
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      handle.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    return {
      status: health.down ? 503 : 200,
      body: {
        status: health.down ? "recovering" : "ok",
        database: { kind: handle.kind, ok: !health.down, latencyMs: Math.round(performance.now() - started) },
      },
    };
  } catch (e) {
    if (isDatabaseUnavailable(e)) markDatabaseDown(e);
    return {
      status: 503,
      body: { status: "error", database: { kind: handle.kind, ok: false, error: e instanceof Error ? e.message : String(e) } },
    };
  }
}

export function createApp(options: AppOptions): App {
  const dev = options.dev ?? false;
  const allowedOrigins = options.allowedOrigins ?? [];
  const buildDir = options.buildDir ?? "build";
  let inFlight = 0;

  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", options.trustProxy === "true" ? true : options.trustProxy);
  app.use(compression());

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

  if (options.viteDevServer) {
    app.use(options.viteDevServer.middlewares);
  } else {
    app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(`${buildDir}/client`, { maxAge: "1h", index: false }));
  }

  // Liveness and the database's state, for load balancers and monitors: no session, no outbox, one ping.
  app.get("/healthz", (_req, res) => {
    void healthz(options.handle).then(({ status, body }) => {
      res.status(status).setHeader("Cache-Control", "no-store");
      res.json(body);
    });
  });

  // The address and the query string: a NUL or undecodable path, and the query's fields, as the body's below.
  app.use((req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return sendError(req, res, 400, "bad_path", { title: "edge.bad_path.title", text: "edge.bad_path.text" });
    }
    if (path.includes("\u0000")) return refuse(req, res, { status: 400, code: "nul_byte" });
    const query = req.originalUrl.indexOf("?");
    const refusal = query >= 0 ? checkQuery(req.originalUrl.slice(query)) : null;
    if (refusal) return refuse(req, res, refusal);
    next();
  });

  // While the database is unreachable, nothing below can answer: say so at once instead of queueing on the pool.
  app.use((req, res, next) => {
    if (databaseHealth().down) return sendUnavailable(req, res);
    next();
  });

  const handleRequest =
    typeof options.build === "function"
      ? async (request: Request, context: RequestContext) =>
          createRequestHandler(await (options.build as () => Promise<ServerBuild>)(), dev ? "development" : "production")(request, context)
      : createRequestHandler(options.build, dev ? "development" : "production");

  app.all("*", (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    inFlight += 1;
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.on("close", done);
    void serve(req, res).catch((error) => {
      if (isDatabaseUnavailable(error)) {
        markDatabaseDown(error);
        return sendUnavailable(req, res);
      }
      next(error);
    });
  });

  async function serve(req: ExpressRequest, res: ExpressResponse) {
    let body: Buffer | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const kind = bodyKind(req.path.replace(/\.data$/, ""), req.get("content-type"));
      if ("status" in kind) return refuse(req, res, kind);
      const read = await readBody(req, kind.maxBytes);
      if (read === null) return refuse(req, res, { status: 413, code: "body_too_large" });
      const refusal = kind.kind === "form" ? await checkFormBody(read, req.get("content-type")!) : checkJsonBody(read);
      if (refusal) return refuse(req, res, refusal);
      body = read;
    }
    const secureCookies = options.forceSecureCookies || (!dev && req.protocol === "https");
    const { context, setCookies } = await buildRequestContext({
      cookieHeader: req.get("cookie"),
      ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
      nonce: res.locals.nonce as string,
      secureCookies,
    });
    const response = await handleRequest(remixRequest(req, res, body), context);
    // A loader or action failed because the database went away: the page Remix rendered says "error" with 500;
    // the truth is "unavailable, try again", and nothing was saved.
    if (context.failure.databaseUnavailable) {
      await response.body?.cancel().catch(() => undefined);
      return sendUnavailable(req, res);
    }
    for (const cookie of setCookies) res.append("Set-Cookie", cookie);
    // Whatever a signed-in person is shown is theirs: no shared cache or back-forward cache keeps it.
    if (context.auth && !/\bno-store\b/.test(response.headers.get("Cache-Control") ?? "")) response.headers.set("Cache-Control", "private, no-store");
    if (options.drainInProcess && req.method !== "GET" && req.method !== "HEAD") {
      res.on("finish", () => void kickDrain().catch((e) => console.error("search drain:", e)));
    }
    await sendResponse(res, response);
  }

  // The last resort: an error nothing above handled is logged and answered, never thrown at the process.
  app.use((error: unknown, req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    console.error(`${req.method} ${req.path}:`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(req, res, 500, "server_error", { title: "error.general.title", text: "error.general.text" });
  });

  return { app, inFlight: () => inFlight };
}
