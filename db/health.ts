/**
 * Whether the database can be reached, as the server sees it (issue 12). A request whose query fails because the
 * connection is gone marks the database down; from then on the edge answers 503 without queueing more work onto a
 * dead pool, and a probe asks the database every PROBE_MS until it answers, when serving resumes by itself.
 */

/** SQLSTATE classes and codes that mean "no connection", not "your query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "08P01"]);
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "connection error",
  "timeout exceeded when trying to connect",
  "Client was closed and is not queryable",
  "Cannot use a pool after calling end",
  // PGlite: the WebAssembly instance died or was closed under us.
  "PGlite is closed",
  "RuntimeError",
];

/** Whether an error means the database cannot be reached (as opposed to a query the database refused). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNO.has(e.code))) return true;
  if (error instanceof WebAssembly.RuntimeError) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  // AggregateError (a connect that tried IPv4 and IPv6) and wrapped causes.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return e.cause !== undefined && isDatabaseUnavailable(e.cause, depth + 1);
}

export const PROBE_MS = 250;

type Ping = () => Promise<void>;

interface HealthState {
  down: boolean;
  since: Date | null;
  lastError: string | null;
  ping: Ping | null;
  probing: boolean;
  log: (line: string) => void;
}

const KEY = Symbol.for("qiancheng.databaseHealth");
type Global = typeof globalThis & { [KEY]?: HealthState };

// On globalThis: the server entry and the bundled Remix build are separate module graphs sharing one state.
function state(): HealthState {
  const g = globalThis as Global;
  g[KEY] ??= { down: false, since: null, lastError: null, ping: null, probing: false, log: (line) => console.error(line) };
  return g[KEY];
}

/** The server installs how to ask the database whether it is back, and where to log. */
export function configureHealth(options: { ping: Ping; log?: (line: string) => void }) {
  const s = state();
  s.ping = options.ping;
  if (options.log) s.log = options.log;
}

export function databaseHealth(): { down: boolean; since: Date | null; lastError: string | null } {
  const s = state();
  return { down: s.down, since: s.since, lastError: s.lastError };
}

/** Marks the database unreachable (once per outage) and starts probing for its return. */
export function markDatabaseDown(error: unknown) {
  const s = state();
  const message = error instanceof Error ? error.message : String(error);
  s.lastError = message;
  if (s.down) return;
  s.down = true;
  s.since = new Date();
  s.log(`database unavailable (${message}); answering 503 until it is back`);
  void probe();
}

export function markDatabaseUp() {
  const s = state();
  if (!s.down) return;
  const seconds = s.since ? ((Date.now() - s.since.getTime()) / 1000).toFixed(1) : "?";
  s.down = false;
  s.since = null;
  s.log(`database is back after ${seconds} s`);
}

async function probe() {
  const s = state();
  if (s.probing || !s.ping) return;
  s.probing = true;
  try {
    while (s.down) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS).unref?.());
      try {
        await s.ping();
        markDatabaseUp();
      } catch (e) {
        s.lastError = e instanceof Error ? e.message : String(e);
      }
    }
  } finally {
    s.probing = false;
  }
}

/** Forgets the state (tests). */
export function resetHealth() {
  const s = state();
  s.down = false;
  s.since = null;
  s.lastError = null;
}
