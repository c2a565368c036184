import { beforeAll, describe, expect, it } from "vitest";
import { topicOf } from "../app/domain/notifications/channels";
import { zhCN } from "../app/i18n/zh-CN";
import { renderEmail } from "./templates";

/** Every notification kind the catalog has a sentence for and that has a topic, plus the alerts' own kinds. */
const kinds = [
  ...new Set([
    ...Object.keys(zhCN)
      .filter((k) => k.startsWith("notification.") && k !== "notification.unknown")
      .map((k) => k.slice("notification.".length))
      .filter((kind) => topicOf(kind) !== null),
    "alert.vacancy",
    "alert.digest",
  ]),
];

/** A value for each {name} of the sentence: its own name, to see it placed. */
function paramsFor(kind: string): Record<string, unknown> {
  if (kind === "alert.digest") return { count: 1, frequency: "daily", items: [{ title: "T<1>", organization: "O", place: "P", link: "/vacancies/1" }] };
  const text = (zhCN as Record<string, string>)[`notification.${kind}`] ?? "";
  const params: Record<string, unknown> = { vacancy: "V", organization: "O", search: "S" };
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) params[name!] = name === "status" ? "interview" : `<${name}>`;
  return params;
}

describe("email templates", () => {
  beforeAll(() => {
    process.env.PUBLIC_URL = "https://site.example/";
  });
  it("cover the kinds with a topic", () => {
    for (const k of ["application.status", "invitation.received", "referral.received", "event.promoted", "training.promoted", "message.fromCounselor"]) expect(kinds).toContain(k);
    expect(kinds).not.toContain("plan.created");
  });

  it.each(kinds.flatMap((kind) => [["zh-CN", kind] as const, ["en", kind] as const]))("%s %s: every value placed and escaped, both parts with the links", (locale, kind) => {
    const mail = renderEmail({ kind, params: paramsFor(kind), link: "/page", locale, unsubscribeUrl: "https://q.example/unsubscribe/tok" });
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(mail.subject.length).toBeGreaterThan(4);
    expect(mail.subject).not.toContain("\n");
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(mail.html).not.toMatch(/<(?!\/?(?:html|head|meta|title|body|main|h1|p|a|ol|li|br|footer)\b)[a-z]/);
    expect(mail.html).toContain('href="https://q.example/unsubscribe/tok"');
    expect(mail.text).toContain("https://q.example/unsubscribe/tok");
    expect(mail.html).toContain('href="https://site.example/account/notifications"');
    const page = kind === "alert.digest" ? "/vacancies/1" : "/page";
    expect(mail.html).toContain(`href="https://site.example${page}"`);
    expect(mail.text).toContain(`https://site.example${page}`);
  });

  it("has no email for a kind without a topic", () => {
    expect(() => renderEmail({ kind: "plan.created", params: {}, link: null, locale: "zh-CN", unsubscribeUrl: "x" })).toThrow(/no topic/);
  });
});
