/** Start-up errors in one line, and graceful shutdown (issue 12, item 3). */
import type { Server } from "node:http";

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

/** One line that names what failed and what to do, instead of a stack trace. */
export function describeStartupError(error: unknown, context: { port: number; databaseUrl?: string }): string {
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.find((inner) => inner.code)?.code;
  const message = e?.message ?? String(error);
  const where = context.databaseUrl ? redactUrl(context.databaseUrl) : "";
  if (code === "EADDRINUSE") return `Cannot start: port ${context.port} is already in use. Stop the other server, or set PORT to a free port.`;
  if (code === "EACCES") return `Cannot start: no permission to listen on port ${context.port}. Set PORT to a port above 1023.`;
  if (context.databaseUrl) {
    if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ETIMEDOUT" || /timeout exceeded when trying to connect/.test(message))
      return `Cannot start: no PostgreSQL server answers at ${where} (${code ?? "timeout"}). Start PostgreSQL or correct DATABASE_URL; unset DATABASE_URL to use the embedded database.`;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN")
      return `Cannot start: the database host in DATABASE_URL (${where}) is unknown. Correct DATABASE_URL, or unset it to use the embedded database.`;
    if (code === "3D000")
      return `Cannot start: ${message} at ${where}. Create it (createdb <name>) or correct DATABASE_URL.`;
    if (code === "28P01" || code === "28000")
      return `Cannot start: PostgreSQL refused the user or password in DATABASE_URL (${where}): ${message}.`;
    if (/invalid url|Invalid URL/i.test(message)) return `Cannot start: DATABASE_URL is not a valid connection string. Use postgres://user:password@host:5432/dbname.`;
  }
  return `Cannot start: ${message}${code ? ` (${code})` : ""}. DATABASE_URL ${context.databaseUrl ? `is ${where}` : "is unset (embedded PGlite in PGLITE_DIR)"}.`;
}

export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets the requests in flight finish (at most `graceMs`), drains the search outbox,
 * closes the database; resolves with the exit code (0, or 1 when requests had to be cut off).
 */
export async function shutdownGracefully(options: {
  signal: string;
  server: Server;
  inFlight: () => number;
  drain?: () => Promise<void>;
  close: () => Promise<void>;
  graceMs?: number;
  log?: (line: string) => void;
}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  log(`${options.signal}: no new connections; finishing ${options.inFlight()} request(s) in flight (at most ${graceMs / 1000} s)`);
  const closed = new Promise<void>((resolve) => options.server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold close() open.
  options.server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (options.inFlight() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    options.server.closeIdleConnections();
  }
  let code = 0;
  if (options.inFlight() > 0) {
    log(`${options.inFlight()} request(s) still running after ${graceMs / 1000} s: closing their connections`);
    options.server.closeAllConnections();
    code = 1;
  }
  await closed;
  if (options.drain) {
    try {
      await Promise.race([options.drain(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    } catch (e) {
      log(`search outbox not drained (it is kept and drained at the next start): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await options.close();
  log("stopped");
  return code;
}
