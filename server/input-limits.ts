/**
 * The edge's input limits (issue 12; docs/decisions/011-hardening.md). Every request passes here before Remix sees
 * it, so no route can be reached with a body, a field name or a value that a form parser would blow up on: conform
 * turns `x[99999999]=1` into a dense array of a hundred million holes, `request.formData()` throws on a body that is
 * not a form, and PostgreSQL refuses a NUL byte in text with an error that used to surface as a 500.
 *
 * The functions are pure (a body in, a verdict out) so they are tested without a server; `server/app.ts` applies them.
 */

export const LIMITS = {
  /** A form post: the largest legitimate one (a declaration with 200 employees) is some 40 KB. */
  formBodyBytes: 1024 * 1024,
  /** Fields in one body or one query string. A declaration has 200 rows × 6 fields and 12 months. */
  fields: 2000,
  /** The largest index in a field name such as `employees[199].grade`. */
  arrayIndex: 999,
  /** A field's name. */
  nameLength: 200,
} as const;

/** Bodies that are not forms, accepted only where a route reads them itself (JSON APIs), each with its own size. */
export const JSON_ROUTES: ReadonlyMap<string, number> = new Map([["/api/levy/estimate", 2 * 1024 * 1024]]);

/**
 * File uploads (multipart only), passed to their route as a stream instead of read here: the route writes the file
 * to disk as it arrives, bounds it and reads only the parts it knows (so the field checks below are its own). The
 * real-name data import takes files of up to 50 MB; one somewhat larger is read and discarded so that the route can
 * say so at the form, and a body declaring more than this is refused here unread.
 */
export const UPLOAD_ROUTES: ReadonlyMap<string, number> = new Map([["/admin/imports", 200 * 1024 * 1024]]);

export type Refusal = { status: 400 | 413 | 415; code: RefusalCode; detail?: string };
export type RefusalCode =
  | "body_too_large"
  | "unsupported_media_type"
  | "malformed_body"
  | "too_many_fields"
  | "index_too_large"
  | "name_too_long"
  | "nul_byte";

const FORM_URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** What a mutation's body may be at this path: a form everywhere, JSON only where a route reads JSON. */
export function bodyKind(path: string, contentType: string | undefined): { kind: "form" | "json" | "upload"; maxBytes: number } | Refusal {
  const type = mediaType(contentType);
  const uploadLimit = UPLOAD_ROUTES.get(path);
  if (uploadLimit !== undefined && type === MULTIPART) return { kind: "upload", maxBytes: uploadLimit };
  if (type === FORM_URLENCODED || type === MULTIPART) return { kind: "form", maxBytes: LIMITS.formBodyBytes };
  const jsonLimit = JSON_ROUTES.get(path);
  if (jsonLimit !== undefined && (type === "application/json" || type === "")) return { kind: "json", maxBytes: jsonLimit };
  return { status: 415, code: "unsupported_media_type", detail: type || "(none)" };
}

const INDEX_RE = /\[(\d+)\]/g;

/** Checks field names and values (from a form body or a query string); the first problem found, or null. */
export function checkFields(entries: Iterable<[string, string | { name?: string; size?: number }]>): Refusal | null {
  let count = 0;
  for (const [name, value] of entries) {
    count += 1;
    if (count > LIMITS.fields) return { status: 400, code: "too_many_fields" };
    if (name.length > LIMITS.nameLength) return { status: 400, code: "name_too_long" };
    if (name.includes("\u0000")) return { status: 400, code: "nul_byte", detail: name.slice(0, 60).replace(/\u0000/g, "\\0") };
    for (const match of name.matchAll(INDEX_RE)) {
      // Leading zeros are the same index to conform; compare numerically without overflowing.
      const digits = match[1]!.replace(/^0+(?=\d)/, "");
      if (digits.length > 4 || Number(digits) > LIMITS.arrayIndex) return { status: 400, code: "index_too_large", detail: name.slice(0, 60) };
    }
    const text = typeof value === "string" ? value : (value.name ?? "");
    if (text.includes("\u0000")) return { status: 400, code: "nul_byte", detail: name.slice(0, 60) };
  }
  return null;
}

/** The query string of a URL, checked like a form. */
export function checkQuery(search: string): Refusal | null {
  if (search.length <= 1) return null;
  // A raw %00 is the common way a NUL arrives; URLSearchParams decodes it, and checkFields sees it.
  return checkFields(new URLSearchParams(search));
}

/** A form body, parsed as the platform parses it (so Remix will not fail later), and checked. */
export async function checkFormBody(body: Buffer, contentType: string): Promise<Refusal | null> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return { status: 400, code: "malformed_body" };
  }
  return checkFields(form.entries() as Iterable<[string, string | File]>);
}

/** A JSON body: a NUL (escaped or raw) is refused as in forms; the route parses and validates the rest. */
export function checkJsonBody(body: Buffer): Refusal | null {
  const text = body.toString("utf8");
  if (text.includes("\u0000") || /\\u0000/i.test(text)) return { status: 400, code: "nul_byte" };
  return null;
}
