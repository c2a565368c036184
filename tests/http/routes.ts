/**
 * Route files to URL patterns, by Remix's flat-routes convention (the one app/routes follows), for the
 * standing HTTP suites (the authorization matrix, the bad-input suite): every file under app/routes is a page, API
 * or download someone can request.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROUTES_DIR = fileURLToPath(new URL("../../app/routes/", import.meta.url));

/** The route modules: files directly in app/routes (this app keeps no route folders). */
export function routeFiles(dir = ROUTES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(tsx?|jsx?)$/.test(e.name) && !/\.test\.[jt]sx?$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Splits a route file's name at the dots that separate segments (not those escaped as `[.]`). */
function segmentsOf(name: string): string[] {
  const segments: string[] = [];
  let current = "";
  let inBrackets = false;
  for (const ch of name) {
    if (ch === "[") inBrackets = true;
    else if (ch === "]") inBrackets = false;
    if (ch === "." && !inBrackets) {
      segments.push(current);
      current = "";
    } else current += ch;
  }
  segments.push(current);
  return segments;
}

/**
 * The URL pattern of a route file: `.` separates segments, `$name` is a parameter (`:name`), a lone `$` the splat
 * (`*`), `_index` the index (no segment), a leading `_` a pathless layout (no segment), a trailing `_` opts out of
 * the parent's layout (the segment stays), and `[…]` escapes characters (`report[.]csv` → `report.csv`).
 */
export function urlPattern(file: string): string {
  const base = file.replace(/\.(tsx?|jsx?)$/, "");
  const parts: string[] = [];
  for (const raw of segmentsOf(base)) {
    if (raw === "_index") continue;
    if (raw.startsWith("_")) continue; // pathless layout
    let seg = raw.endsWith("_") && !raw.endsWith("[_]") ? raw.slice(0, -1) : raw;
    if (seg === "$") {
      parts.push("*");
      continue;
    }
    if (seg.startsWith("$")) seg = `:${seg.slice(1)}`;
    parts.push(seg.replace(/\[([^\]]*)\]/g, "$1"));
  }
  return `/${parts.join("/")}`;
}

/** A pattern with its parameters filled in (each value URL-encoded). */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern
    .split("/")
    .map((seg) => {
      if (seg === "*") return params["*"] ?? missing(pattern, "*");
      if (seg.startsWith(":")) return encodeURIComponent(params[seg.slice(1)] ?? missing(pattern, seg.slice(1)));
      return seg;
    })
    .join("/");
}

function missing(pattern: string, name: string): never {
  throw new Error(`no value for parameter "${name}" of ${pattern}`);
}

/** The parameter names of a pattern. */
export function paramNames(pattern: string): string[] {
  return pattern
    .split("/")
    .filter((s) => s === "*" || s.startsWith(":"))
    .map((s) => (s === "*" ? "*" : s.slice(1)));
}

/** Which methods a route module answers: GET always (a loader, or the page itself), POST when it exports `action`. */
export function moduleMethods(file: string, dir = ROUTES_DIR): { loader: boolean; action: boolean } {
  const source = readFileSync(`${dir}${file}`, "utf8");
  const exported = (name: string) =>
    new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+(const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(
      source,
    );
  return { loader: exported("loader"), action: exported("action") };
}
