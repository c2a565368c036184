/**
 * The partner API's edge (issue 18; docs/api.md): every `/api/v1/…` route runs through `partnerEndpoint` — the bearer
 * token (401 with `WWW-Authenticate`), the token's rate limit (429 with `Retry-After`), the scope (403), the query
 * (400) — and answers JSON parsed by its zod schema, or RFC 9457 problem details. No cookie is read or set here: a
 * bearer request carries none, and one that does gains nothing by it.
 */
import type { ZodTypeAny, z } from "zod";
import { getDb } from "../../db/database";
import type { ApiScope } from "../../db/schema";
import type { Problem } from "~/domain/api/schemas";
import { authenticateToken, type ApiTokenPrincipal } from "~/domain/api/tokens.server";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
};

const NO_STORE = "private, no-store";

export function problem(status: number, code: Problem["code"], detail: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, code, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": NO_STORE, ...headers },
  });
}

// -------------------------------------------------------------------------------------------------------------
// Rate limits: a fixed window of one minute per token, in this process's memory (one server process; a restart
// forgives the current minute, which a per-minute limit can afford).

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  reset: number;
}

export function takeRequest(tokenId: string, limit: number, now = Date.now()): RateLimitState {
  let w = windows.get(tokenId);
  if (!w || now - w.start >= WINDOW_MS) {
    w = { start: now, count: 0 };
    windows.set(tokenId, w);
    // Old windows are dropped now and then so the map does not grow with every token ever seen.
    if (windows.size > 10_000) for (const [id, x] of windows) if (now - x.start >= WINDOW_MS) windows.delete(id);
  }
  const reset = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
  if (w.count >= limit) return { allowed: false, limit, remaining: 0, reset };
  w.count += 1;
  return { allowed: true, limit, remaining: limit - w.count, reset };
}

function rateHeaders(s: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(s.limit),
    "RateLimit-Remaining": String(s.remaining),
    "RateLimit-Reset": String(s.reset),
    "RateLimit-Policy": `${s.limit};w=60`,
  };
}

// -------------------------------------------------------------------------------------------------------------

/** The query as an object for a zod schema; a parameter given twice is named (it cannot be read as one value). */
function queryObject(url: URL): { values: Record<string, string>; repeated: string[] } {
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (k in values) repeated.push(k);
    values[k] = v;
  }
  return { values, repeated };
}

/** Reads a query by its schema; a problem (400) naming the parameters that could not be read. */
export function parseQuery<S extends ZodTypeAny>(request: Request, schema: S): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const { values, repeated } = queryObject(new URL(request.url));
  const parsed = schema.safeParse(values);
  const bad = new Set(repeated);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") for (const k of issue.keys) bad.add(k);
      else if (issue.path.length) bad.add(String(issue.path[0]));
    }
  }
  if (bad.size || !parsed.success) {
    return { ok: false, response: problem(400, "invalid_parameters", "Some parameters could not be read.", { parameters: [...bad].sort() }) };
  }
  return { ok: true, value: parsed.data };
}

export type Handler = (token: ApiTokenPrincipal) => Promise<Response>;

/**
 * Authenticates the bearer token, counts the request against its limit, checks the scope, then runs `handler`. The
 * rate-limit headers go on every answer to a known token.
 */
export async function partnerEndpoint(request: Request, scope: ApiScope, handler: Handler): Promise<Response> {
  const token = await authenticateToken(await getDb(), request.headers.get("authorization"));
  if (!token) {
    const given = request.headers.has("authorization");
    return problem(401, "unauthorized", given ? "The token is malformed, unknown, expired or revoked." : "A bearer token is required.", {}, {
      "WWW-Authenticate": given ? 'Bearer realm="qiancheng", error="invalid_token"' : 'Bearer realm="qiancheng"',
    });
  }
  const rate = takeRequest(token.id, token.rateLimitPerMinute);
  const headers = rateHeaders(rate);
  if (!rate.allowed) {
    return problem(429, "rate_limited", `This token may make ${rate.limit} requests a minute.`, {}, { ...headers, "Retry-After": String(rate.reset) });
  }
  let response: Response;
  if (!token.scopes.includes(scope)) response = problem(403, "forbidden_scope", `This endpoint needs the scope ${scope}.`, { requiredScope: scope });
  else {
    try {
      response = await handler(token);
    } catch (error) {
      if (error instanceof Response && error.status === 404) response = problem(404, "not_found", "Nothing is here.");
      else throw error;
    }
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** A 200 JSON answer, parsed by its (strict) schema first: an answer that strays from the contract fails here, it does not leave. */
export function partnerJson<S extends ZodTypeAny>(schema: S, body: z.input<S>): Response {
  return new Response(JSON.stringify(schema.parse(body)), {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": NO_STORE },
  });
}

/** Forgets every window (tests). */
export function resetRateLimits(): void {
  windows.clear();
}
