/**
 * A small shared cache of the public pages as visitors without a session see them (issue 16; decision 017).
 *
 * A route opts in by answering with `X-Page-Cache: <seconds>` (see `publicPageHeaders`); the edge keeps such a page
 * only when the request carried no session cookie and the answer is a 200 HTML document that sets no cookie. The key
 * is the address with the two cookies that change what a visitor sees (language and display modes). The page's CSP
 * nonce is replaced by each answer's own, so no two answers share one. Every write the server answers (a request
 * that is not GET or HEAD) and every search-index change empties the cache, so a visitor never waits more than the
 * route's seconds to see a change made elsewhere (another instance, a command-line job) and sees this server's own
 * changes at once. Bounded by entry count; the least recently used page goes first.
 */

export const PAGE_CACHE_HEADER = "X-Page-Cache";

interface Entry {
  until: number;
  generation: number;
  status: number;
  headers: [string, string][];
  /** The body split at the nonce it was rendered with. */
  parts: Buffer[];
}

export interface PageCache {
  get(key: string, nonce: string): { status: number; headers: [string, string][]; body: Buffer } | null;
  put(key: string, entry: { seconds: number; status: number; headers: [string, string][]; body: Buffer; nonce: string }): void;
  /** Forgets every page (a write happened). */
  invalidate(): void;
  readonly size: number;
}

function split(body: Buffer, token: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(token, from); at !== -1; at = body.indexOf(token, from)) {
    parts.push(body.subarray(from, at));
    from = at + token.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

export function createPageCache(options: { maxEntries?: number; now?: () => number } = {}): PageCache {
  const maxEntries = options.maxEntries ?? 300;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get size() {
      return entries.size;
    },
    get(key, nonce) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.generation !== generation || entry.until <= now()) {
        entries.delete(key);
        return null;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      const token = Buffer.from(nonce);
      const pieces: Buffer[] = [];
      entry.parts.forEach((part, i) => {
        if (i > 0) pieces.push(token);
        pieces.push(part);
      });
      return { status: entry.status, headers: entry.headers, body: Buffer.concat(pieces) };
    },
    put(key, { seconds, status, headers, body, nonce }) {
      if (!(seconds > 0) || !nonce) return;
      entries.delete(key);
      entries.set(key, { until: now() + seconds * 1000, generation, status, headers, parts: split(Buffer.from(body), Buffer.from(nonce)) });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    invalidate() {
      generation += 1;
      entries.clear();
    },
  };
}
