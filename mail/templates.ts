/**
 * Emails of notifications (issue 17): a subject, a plain-text part and a simple, accessible HTML part (its language
 * declared, a real heading, real links, no images) for every kind with a topic, in Chinese and English. The
 * sentence is the one the site's notification centre shows (notification.<kind> in the catalog); each email links
 * to its page and ends with why it came, a link to the preferences and the one-click unsubscribe link.
 */
import "../app/i18n/catalogs.server";
import { isMessageKey, translator, type Locale, type MessageKey } from "../app/i18n/i18n";
import { topicOf, type NotificationTopic } from "../app/domain/notifications/channels";
import { en, zh, type MailMessageKey } from "./messages";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailInput {
  /** The notification kind (application.status, invitation.received, alert.digest…). */
  kind: string;
  params: Record<string, unknown>;
  /** The page it is about, as a path (/job-invitations) or absolute. */
  link: string | null;
  locale: Locale;
  /** Absolute URL of the one-click unsubscribe link for this topic. */
  unsubscribeUrl: string;
}

/** The site's public address for links in emails: PUBLIC_URL (default http://localhost:3000), without a trailing slash. */
export function publicUrl(): string {
  return (process.env.PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return publicUrl() + (path.startsWith("/") ? path : `/${path}`);
}

export const PREFERENCES_PATH = "/account/notifications";

function fill(text: string, vars: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

type DigestLine = {
  title: string;
  organization: string;
  place: string;
  link: string;
};

function digestItems(params: Record<string, unknown>): DigestLine[] {
  const items = Array.isArray(params.items) ? params.items : [];
  return items
    .filter((i): i is Record<string, unknown> => typeof i === "object" && i !== null)
    .map((i) => ({ title: String(i.title ?? ""), organization: String(i.organization ?? ""), place: String(i.place ?? ""), link: String(i.link ?? "") }));
}

/** The scalar values of a notification, with an application's status code shown as words. */
function words(t: (key: MessageKey, vars?: Record<string, string | number>) => string, params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  const status = `applications.status.${String(out.status ?? "")}`;
  if (isMessageKey(status)) out.status = t(status);
  return out;
}

export function renderEmail(input: MailInput): MailContent {
  const topic: NotificationTopic | null = topicOf(input.kind);
  if (!topic) throw new Error(`no email for kind ${input.kind}: it has no topic`);
  const t = translator(input.locale);
  const m = (key: MailMessageKey, vars: Record<string, unknown> = {}) => fill((input.locale === "en" ? en : zh)[key], vars);
  const values = words(t, input.params);
  const topicName = t(`notifications.topic.${topic}` as MessageKey);
  const link = absoluteUrl(input.link ?? "/notifications");
  const preferencesUrl = absoluteUrl(PREFERENCES_PATH);

  let subject: string;
  let heading: string;
  let paragraphs: string[];
  let list: DigestLine[] = [];
  let linkText = m("view");
  if (input.kind === "alert.digest") {
    const weekly = input.params.frequency === "weekly";
    list = digestItems(input.params).map((i) => ({ ...i, link: absoluteUrl(i.link) }));
    const count = Number(input.params.count ?? list.length);
    subject = m(weekly ? "digest.subject.weekly" : "digest.subject.daily", { count });
    heading = m(weekly ? "digest.heading.weekly" : "digest.heading.daily");
    paragraphs = [m("digest.intro")];
    linkText = m("digest.all");
  } else if (input.kind === "alert.vacancy") {
    subject = m("alert.vacancy.subject", values);
    heading = topicName;
    paragraphs = [m("alert.vacancy.text", values)];
  } else {
    const key = `notification.${input.kind}`;
    const sentence = isMessageKey(key) ? t(key, values) : t("notification.unknown");
    subject = sentence.replace(/[。.]$/, "");
    heading = topicName;
    paragraphs = [sentence];
  }
  subject = m("subjectPrefix") + subject;
  const why = m("footer.why", { topic: topicName });

  const text = [
    heading,
    "",
    ...paragraphs,
    "",
    ...list.flatMap((i, n) => [`${n + 1}. ${i.title}`, `   ${m("digest.item", i)}`, `   ${i.link}`, ""]),
    `${linkText}${m("colon")}${link}`,
    "",
    "-- ",
    why,
    `${m("footer.manage")}${m("colon")}${preferencesUrl}`,
    `${m("footer.unsubscribe")}${m("colon")}${input.unsubscribeUrl}`,
    "",
  ].join("\n");

  const e = escapeHtml;
  const lang = input.locale === "en" ? "en" : "zh-CN";
  const a = "color:#0b57d0;text-decoration:underline";
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.6">
<main style="max-width:600px;margin:0 auto">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${e(heading)}</h1>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join("\n")}
${
  list.length
    ? `<ol style="padding-left:24px">\n${list
        .map((i) => `<li style="margin-bottom:12px"><a href="${e(i.link)}" style="${a};font-weight:bold">${e(i.title)}</a><br>${e(m("digest.item", i))}</li>`)
        .join("\n")}\n</ol>`
    : ""
}
<p><a href="${e(link)}" style="${a}">${e(linkText)}</a></p>
</main>
<footer style="max-width:600px;margin:32px auto 0;border-top:1px solid #767676;padding-top:12px;font-size:14px;color:#3d3d3d">
<p>${e(why)}</p>
<p><a href="${e(preferencesUrl)}" style="${a}">${e(m("footer.manage"))}</a> · <a href="${e(input.unsubscribeUrl)}" style="${a}">${e(m("footer.unsubscribe"))}</a></p>
</footer>
</body>
</html>
`;
  return { subject, text, html };
}
