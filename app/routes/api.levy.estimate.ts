import type { ActionFunctionArgs } from "@remix-run/node";
import { ZodError } from "zod";
import { computeLevy, levyInputSchema, levyResultJson, type LevyInput } from "~/domain/quota/levy";
import { apiJson } from "~/http/api.server";
import { isMessageKey, translator, type Locale, type MessageKey } from "~/i18n/i18n";

// POST /api/levy/estimate — the levy for one levy year, public (issue 5; docs/api.md).

/**
 * The body is read up to this size. The engine takes up to 100,000 employees (about 5 MB of JSON), but a public
 * endpoint that anyone may call should not spend seconds on one request; 2 MB is some 40,000 employees.
 */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const TOP_FIELDS = new Set(Object.keys(levyInputSchema.shape));
const EMPLOYEE_FIELDS = new Set(["kind", "grade", "monthsEmployed"]);

function methodNotAllowed() {
  return Response.json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
}

export function loader() {
  return methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const locale = messageLocale(request.headers.get("accept-language"));
  const t = translator(locale);
  const answer = (status: number, body: Record<string, unknown>) =>
    Response.json(body, {
      status,
      headers: { "Cache-Control": "no-store", "Content-Language": locale, Vary: "Accept-Language" },
    });

  const text = await readBody(request, MAX_BODY_BYTES);
  if (text === null) return answer(413, { error: "payload_too_large", message: t("levy.api.tooLarge", { max: MAX_BODY_BYTES }) });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isObject(body)) return answer(400, { error: "invalid_json", message: t("levy.api.invalidJson") });

  // A misspelt field would otherwise be dropped silently (a misspelt "ratio" would give Guizhou's 1.5%).
  const fields: Record<string, string> = {};
  for (const name of Object.keys(body)) if (!TOP_FIELDS.has(name)) fields[name] = t("levy.api.unknownField");
  const employees = Array.isArray(body.disabledEmployees) ? body.disabledEmployees : [];
  employees.forEach((e, i) => {
    const unknown = isObject(e) ? Object.keys(e).filter((name) => !EMPLOYEE_FIELDS.has(name)) : [];
    for (const name of unknown) fields[`disabledEmployees.${i}.${name}`] = t("levy.api.unknownField");
  });

  try {
    if (Object.keys(fields).length) levyInputSchema.parse(body); // collect the other fields' errors too
    else return apiJson(levyResultJson(computeLevy(body as LevyInput)), { cacheControl: "no-store" });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    for (const issue of error.issues) {
      const path = issue.path.join(".");
      fields[path] ??= t(messageKeyOf(issue.message, issue.path));
    }
  }
  return answer(400, { error: "invalid_input", fields });
}

/** The engine's messages are keys; zod's own (an employee that is not an object) get one of ours. */
function messageKeyOf(message: string, path: (string | number)[]): MessageKey {
  if (isMessageKey(message)) return message;
  return path[0] === "disabledEmployees" && path.length === 2 ? "levy.api.employeeShape" : "levy.api.invalid";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Chinese unless the client prefers English (its highest-weighted language in Accept-Language). */
function messageLocale(header: string | null): Locale {
  let best: { lang: string; q: number } | null = null;
  for (const part of (header ?? "").split(",")) {
    const [tag, ...params] = part.trim().split(";");
    if (!tag) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: tag.toLowerCase(), q };
  }
  return best && (best.lang === "en" || best.lang.startsWith("en-")) ? "en" : "zh-CN";
}

/** The body as text, or null when it is larger than `limit` bytes (read no further than that). */
async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
