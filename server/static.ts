/**
 * The built client's files, served from memory before Express and every middleware that is not needed for them
 * (issue 16; decision 017). The files are read once at start (about 2 MB); hashed files under /assets/ are immutable
 * for a year, the rest (favicon, robots.txt) for an hour. A compressible file's brotli or gzip form is made the first
 * time a client asks for it — off the main thread, at the highest level, since it is made once — and served from
 * memory from then on; until it is ready the file goes out uncompressed. ETags are content hashes, so a revalidation
 * costs one header comparison.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  json: "application/json; charset=utf-8",
  webmanifest: "application/manifest+json",
  txt: "text/plain; charset=utf-8",
  map: "application/json; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  ico: "image/x-icon",
  woff2: "font/woff2",
  woff: "font/woff",
};
const COMPRESSIBLE = new Set(["js", "mjs", "css", "svg", "json", "webmanifest", "txt", "map"]);
const MIN_COMPRESS = 1024;

/** Headers every static answer carries; none of them varies by request. */
const STATIC_SECURITY = {
  "X-Content-Type-Options": "nosniff",
  // An SVG opened on its own may not run or load anything.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
};

interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
  etag: string;
  compressible: boolean;
  br?: Buffer | Promise<void>;
  gzip?: Buffer | Promise<void>;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export interface StaticFiles {
  /** Answers the request when it names one of the files (GET or HEAD); false to let the app answer it. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  readonly size: number;
}

export function loadStaticFiles(root: string): StaticFiles {
  const files = new Map<string, StaticFile>();
  let exists = false;
  try {
    exists = statSync(root).isDirectory();
  } catch {
    exists = false;
  }
  for (const path of exists ? walk(root) : []) {
    const url = "/" + relative(root, path).split(sep).join("/");
    const ext = url.slice(url.lastIndexOf(".") + 1).toLowerCase();
    const body = readFileSync(path);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    const immutable = url.startsWith("/assets/");
    files.set(url, {
      body,
      etag,
      compressible: COMPRESSIBLE.has(ext) && body.length >= MIN_COMPRESS,
      headers: {
        "Content-Type": TYPES[ext] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        ETag: etag,
        ...STATIC_SECURITY,
      },
    });
  }

  function encoded(file: StaticFile, encoding: "br" | "gzip"): Buffer | null {
    const ready = file[encoding];
    if (Buffer.isBuffer(ready)) return ready;
    if (!ready) {
      const made =
        encoding === "br"
          ? brotli(file.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: file.body.length } })
          : gzip(file.body, { level: 9 });
      file[encoding] = made.then(
        (buffer) => {
          file[encoding] = buffer;
        },
        () => {
          file[encoding] = undefined;
        },
      );
    }
    return null;
  }

  return {
    size: files.size,
    serve(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const file = files.get(q === -1 ? url : url.slice(0, q));
      if (!file) return false;
      if (req.headers["if-none-match"] === file.etag) {
        res.writeHead(304, { ETag: file.etag, "Cache-Control": file.headers["Cache-Control"] });
        res.end();
        return true;
      }
      let body = file.body;
      const headers: Record<string, string | number> = { ...file.headers };
      if (file.compressible) {
        headers.Vary = "Accept-Encoding";
        const accept = req.headers["accept-encoding"] ?? "";
        const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
        const compressed = encoding ? encoded(file, encoding) : null;
        if (encoding && compressed) {
          body = compressed;
          headers["Content-Encoding"] = encoding;
        }
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    },
  };
}
