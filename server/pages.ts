/**
 * Pages the server answers with itself, before or instead of Remix: input refused at the edge, and the database
 * unavailable. Plain semantic HTML (no script, no styles: the CSP allows neither inline), in the visitor's language
 * first with the other language after it, and JSON for programs.
 */
import { parse } from "cookie";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import "../app/i18n/catalogs.server";
import { isLocale, translator, type Locale, type MessageKey } from "../app/i18n/i18n";
import { LANG_COOKIE } from "../app/http/context.server";

export function requestLocale(req: ExpressRequest): Locale {
  const value = parse(req.get("cookie") ?? "")[LANG_COOKIE];
  return isLocale(value) ? value : "zh-CN";
}

/** Programs (the JSON API, Remix's data requests) get JSON; a browser navigating gets a page. */
export function wantsJson(req: ExpressRequest): boolean {
  if (req.path.startsWith("/api/") || req.path.endsWith(".data")) return true;
  const accept = req.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function section(locale: Locale, keys: { title: MessageKey; text: MessageKey; help?: MessageKey }, status: number, primary: boolean) {
  const t = translator(locale);
  const heading = primary ? "h1" : "h2";
  const lines = [`<${heading}>${escapeHtml(t(keys.title))}</${heading}>`, `<p>${escapeHtml(t(keys.text))}</p>`];
  if (keys.help) lines.push(`<p>${escapeHtml(t(keys.help))}</p>`);
  if (primary) lines.push(`<p>${escapeHtml(t("edge.status", { status }))}</p>`);
  lines.push(`<p><a href="/">${escapeHtml(t("edge.backHome"))}</a></p>`);
  return primary ? lines.join("\n") : `<section lang="${locale}" aria-labelledby="other-language">\n${lines.join("\n").replace(`<h2>`, `<h2 id="other-language">`)}\n</section>`;
}

export function errorPageHtml(locale: Locale, status: number, keys: { title: MessageKey; text: MessageKey; help?: MessageKey }): string {
  const other: Locale = locale === "zh-CN" ? "en" : "zh-CN";
  const title = translator(locale)(keys.title);
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - 黔程 Qiancheng</title>
</head>
<body>
<main>
${section(locale, keys, status, true)}
<hr>
${section(other, keys, status, false)}
</main>
</body>
</html>
`;
}

/** Sends an error answer in the form the client reads; the connection is closed when the body was not read. */
export function sendError(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  code: string,
  keys: { title: MessageKey; text: MessageKey; help?: MessageKey },
  extraHeaders: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const locale = requestLocale(req);
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  if (wantsJson(req)) {
    res.json({ error: code, message: translator(locale)(keys.text) });
  } else {
    res.type("text/html; charset=utf-8").send(errorPageHtml(locale, status, keys));
  }
}
