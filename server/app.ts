/**
 * The HTTP server in front of Remix (issue 12; decisions 003, 011 and 017). In order, for every request:
 * the built client's files from memory and `/healthz`, before Express (server/static.ts); then security headers (the
 * fixed ones computed once, a new CSP nonce) and the cross-site check; the address and query checked; 503 while the
 * database is unreachable; a mutation's body read within its limit and checked (413, 415, 400) before Remix parses it;
 * a public page from the page cache for a visitor without a session (server/page-cache.ts); then Remix with the
 * session read once, a 503 page when a query failed for want of a connection, and `Cache-Control: no-store` on
 * everything a signed-in person is shown. Rendered pages go out in one write, compressed once.
 *
 * `createApp` builds it without listening, so tests drive the real thing in process (tests/http).
 */
import { randomBytes } from "node:crypto";
import { parse as parseCookies } from "cookie";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import zlib from "node:zlib";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { ViteDevServer } from "vite";
import type { DatabaseHandle } from "../db/database";
import { databaseHealth, isDatabaseUnavailable, markDatabaseDown } from "../db/health";
import { buildRequestContext, DISPLAY_COOKIE, LANG_COOKIE, type RequestContext } from "../app/http/context.server";
import { SESSION_COOKIE } from "../app/domain/accounts/session.server";
import { contentSecurityPolicy, isSameOriginRequest, securityHeaders } from "../app/http/security.server";
import { kickDrain } from "../search/runtime";
import { bodyKind, checkFormBody, checkJsonBody, checkQuery, type Refusal } from "./input-limits";
import { sendError } from "./pages";
import { createPageCache, PAGE_CACHE_HEADER } from "./page-cache";
import { loadStaticFiles } from "./static";

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
  /** Keep public pages for visitors without a session as their routes allow (server/page-cache.ts). Off unless set. */
  pageCache?: boolean;
}

// Endpoints that read no cookie and change nothing: the cross-site check protects nothing there, and programs
// (curl, a partner's script) may call them without an Origin header (docs/api.md).
const ORIGIN_CHECK_EXEMPT = new Set(["/api/levy/estimate"]);
// One-click unsubscribe (RFC 8058): mail providers POST the link from their own servers, without this site's Origin
// or any cookie. The signed token in the path authorizes exactly one change (email off for one topic of one person),
// so a cross-site POST can do nothing else there (app/routes/unsubscribe.$token.tsx).
const ORIGIN_CHECK_EXEMPT_PATH = /^\/unsubscribe\/[^/]+$/;
const HEALTH_TIMEOUT_MS = 2000;

export interface App {
  app: express.Express;
  /** The whole server's request listener: static files and /healthz first, then the Express app. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** An http.Server with `handler`, listening. */
  listen(port: number, host?: string): Server;
  /** Requests being answered now (graceful shutdown waits for them). */
  inFlight(): number;
  /** Forgets the cached public pages (data changed outside a request, e.g. the search index caught up). */
  invalidatePages(): void;
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

/** Bodies up to this size with a declared length (the rendered pages, see entry.server) go out in one write. */
const ONE_WRITE_MAX = 4 * 1024 * 1024;

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  const length = Number(response.headers.get("Content-Length") ?? NaN);
  if (response.body && Number.isFinite(length) && length <= ONE_WRITE_MAX) res.end(Buffer.from(await response.arrayBuffer()));
  else if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * An upload's body as a web stream, read as the route asks for it. Not `Readable.toWeb`: on Node 20 a chunk arriving
 * after the route cancelled its stream (a refused upload) throws "Controller is already closed" out of an event
 * handler and ends the process. Here a cancelled stream reads the rest of the body and drops it, which also keeps the
 * connection usable for the answer.
 */
function requestBodyStream(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  let finished = false;
  // Answered without reading it all (a redirect to sign in, a refusal): the rest is read and dropped.
  res.once("close", () => {
    if (finished) return;
    finished = true;
    req.resume();
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (finished) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        finished = true;
        req.resume();
      },
    },
    { highWaterMark: 1 },
  );
}

/** The Fetch request Remix reads, with the body the edge has already read and checked. */
function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | "stream" | undefined): Request {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const controller = new AbortController();
  // Abort loaders and actions when the client goes away before the answer is complete.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: fetchHeaders(req), signal: controller.signal };
  if (body === "stream") {
    // An upload (UPLOAD_ROUTES): the route reads the request as it arrives.
    init.body = requestBodyStream(req, res);
    init.duplex = "half";
  } else if (body !== undefined) init.body = new Uint8Array(body);
  return new Request(url.href, init);
}

type Health = { status: number; body: unknown };

async function healthz(handle: DatabaseHandle): Promise<Health> {
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
  const pageCache = options.pageCache ? createPageCache() : null;

  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", options.trustProxy === "true" ? true : options.trustProxy);
  // Pages are compressed once, in one piece (sendResponse): brotli at quality 3 and gzip at level 4 gave the best
  // size for the CPU on the search page (decision 017: q3 took a third of gzip 6's time for a smaller result).
  app.use(
    compression({
      threshold: 1024,
      level: 4,
      brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } },
    }),
  );

  // The headers that do not vary are computed once; only the CSP's nonce is new for each response.
  const withoutCsp = (https: boolean) => Object.entries(securityHeaders("NONCE", { dev, https })).filter(([name]) => name !== "Content-Security-Policy");
  const fixedHeaders = { http: withoutCsp(false), https: withoutCsp(true) };
  const csp = {
    http: contentSecurityPolicy("NONCE", { dev, https: false }).split("NONCE"),
    https: contentSecurityPolicy("NONCE", { dev, https: true }).split("NONCE"),
  };
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    const scheme = req.protocol === "https" ? "https" : "http";
    for (const [name, value] of fixedHeaders[scheme]) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", csp[scheme].join(nonce));
    if (
      !ORIGIN_CHECK_EXEMPT.has(req.path) &&
      !ORIGIN_CHECK_EXEMPT_PATH.test(req.path) &&
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

  if (options.viteDevServer) app.use(options.viteDevServer.middlewares);

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
    let body: Buffer | "stream" | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const kind = bodyKind(req.path.replace(/\.data$/, ""), req.get("content-type"));
      if ("status" in kind) return refuse(req, res, kind);
      if (kind.kind === "upload") {
        // Read by the route as it arrives (UPLOAD_ROUTES); a body declared too large is refused unread.
        const declared = Number(req.get("content-length") ?? NaN);
        if (Number.isFinite(declared) && declared > kind.maxBytes) return refuse(req, res, { status: 413, code: "body_too_large" });
        body = "stream";
      } else {
        const read = await readBody(req, kind.maxBytes);
        if (read === null) return refuse(req, res, { status: 413, code: "body_too_large" });
        const refusal = kind.kind === "form" ? await checkFormBody(read, req.get("content-type")!) : checkJsonBody(read);
        if (refusal) return refuse(req, res, refusal);
        body = read;
      }
    }
    // A visitor without a session asking for a page: answered from the page cache when a route allowed it.
    let cacheKey: string | null = null;
    const nonce = res.locals.nonce as string;
    if (pageCache && (req.method === "GET" || req.method === "HEAD") && !req.path.endsWith(".data")) {
      const cookies = parseCookies(req.get("cookie") ?? "");
      if (!cookies[SESSION_COOKIE]) cacheKey = `${req.originalUrl}\n${cookies[LANG_COOKIE] ?? ""}\n${cookies[DISPLAY_COOKIE] ?? ""}`;
    }
    const hit = cacheKey ? pageCache!.get(cacheKey, nonce) : null;
    if (hit) {
      res.status(hit.status);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader("Content-Length", hit.body.length);
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
    const secureCookies = options.forceSecureCookies || (!dev && req.protocol === "https");
    const { context, setCookies } = await buildRequestContext({
      cookieHeader: req.get("cookie"),
      ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
      nonce,
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
    if (req.method !== "GET" && req.method !== "HEAD") {
      // A write: no cached page may show the state before it, nor the state before the search index caught up.
      res.on("finish", () => {
        pageCache?.invalidate();
        if (options.drainInProcess) {
          void kickDrain()
            .then(() => pageCache?.invalidate())
            .catch((e) => console.error("search drain:", e));
        }
      });
    }
    const cacheSeconds = Number(response.headers.get(PAGE_CACHE_HEADER) ?? 0);
    response.headers.delete(PAGE_CACHE_HEADER);
    if (
      cacheKey &&
      cacheSeconds > 0 &&
      response.status === 200 &&
      setCookies.length === 0 &&
      !response.headers.has("Set-Cookie") &&
      (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
      response.headers.has("Content-Length")
    ) {
      const body = Buffer.from(await response.arrayBuffer());
      pageCache!.put(cacheKey, { seconds: cacheSeconds, status: response.status, headers: [...response.headers.entries()], body, nonce });
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.setHeader(name, value);
      res.end(req.method === "HEAD" ? undefined : body);
      return;
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

  // In front of Express: the built client's files from memory, and /healthz with one ping shared by the requests
  // that arrive while it is out. Neither reads a cookie, a session or the outbox.
  const staticFiles = options.viteDevServer ? null : loadStaticFiles(`${buildDir}/client`);
  let ping: Promise<Health> | null = null;
  const healthHeaders = { ...Object.fromEntries(fixedHeaders.http), "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (staticFiles?.serve(req, res)) return;
    const url = req.url ?? "/";
    if ((url === "/healthz" || url.startsWith("/healthz?")) && (req.method === "GET" || req.method === "HEAD")) {
      ping ??= healthz(options.handle).finally(() => {
        ping = null;
      });
      void ping.then(({ status, body }) => {
        const json = JSON.stringify(body);
        res.writeHead(status, {
          ...healthHeaders,
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(json),
          "Cache-Control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : json);
      });
      return;
    }
    app(req, res);
  };
  return {
    app,
    handler,
    listen: (port, host) => createServer(handler).listen(port, host),
    inFlight: () => inFlight,
    invalidatePages: () => pageCache?.invalidate(),
  };
}
