/**
 * The real emails (issue 17): an invitation and a daily digest, in Chinese and in English, sent by the delivery.send
 * job through nodemailer's SMTP transport to an SMTP server running in this process (smtp-server, from the Nodemailer
 * project), read back with mailparser: headers, both parts, the links, and the unsubscribe link working.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_JOB, deliveryJobs } from "../app/domain/notifications/delivery.server";
import { notify } from "../app/domain/notifications/notifications.server";
import { preferencesFor } from "../app/domain/notifications/preferences.server";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "../app/routes/unsubscribe.$token";
import { createUser } from "../tests/fixtures/factories";
import { useTestDatabase } from "../tests/helpers/db";
import { installTestQueue, type TestQueue } from "../tests/helpers/job-queue";
import { closeMailTransport } from "./transport";

const t = useTestDatabase();
const PUBLIC = "https://qiancheng.example";
const saved = { ...process.env };
let q: TestQueue;
let server: SMTPServer;
const received: { from: string; to: string[]; raw: Buffer }[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "黔程 <no-reply@qiancheng.example>";
  process.env.MAIL_REPLY_TO = "help@qiancheng.example";
  process.env.PUBLIC_URL = PUBLIC;
  process.env.APP_SECRET = "test-secret-of-the-mail-integration-test";
  q = await installTestQueue(t.db, deliveryJobs, "mail");
});

afterAll(async () => {
  await q?.close();
  closeMailTransport();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  for (const k of ["SMTP_URL", "MAIL_FROM", "MAIL_REPLY_TO", "PUBLIC_URL", "APP_SECRET", "MAIL_DIR"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function person(locale: "zh-CN" | "en") {
  const u = await createUser(t.db);
  const email = `${locale}-${u.id.slice(0, 8)}@example.org`;
  await t.db.updateTable("app_user").set({ email, locale }).where("id", "=", u.id).execute();
  return { id: u.id, email };
}

/** Sends what is queued and returns the message the server received for `to`, parsed. */
async function sendAndRead(to: string): Promise<{ mail: ParsedMail; envelope: (typeof received)[number] }> {
  await q.queue.runDue([DELIVERY_JOB]);
  const got = received.filter((m) => m.to.includes(to));
  expect(got).toHaveLength(1);
  return { mail: await simpleParser(got[0]!.raw), envelope: got[0]! };
}

const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim() : undefined;
};

/** The token of the List-Unsubscribe header, checked to be the same link as the footer's in both parts. */
function unsubscribeLink(mail: ParsedMail): string {
  const value = header(mail, "List-Unsubscribe");
  const m = /^<(https:\/\/qiancheng\.example\/unsubscribe\/([^>]+))>$/.exec(value ?? "");
  expect(m, `List-Unsubscribe: ${value}`).not.toBeNull();
  expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain(m![1]);
  expect(mail.html).toContain(`href="${m![1]}"`);
  return m![2]!;
}

function commonHeaders(mail: ParsedMail, to: string) {
  expect(mail.from?.value).toEqual([{ address: "no-reply@qiancheng.example", name: "黔程" }]);
  expect(mail.replyTo?.value).toEqual([{ address: "help@qiancheng.example", name: "" }]);
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []).toEqual([to]);
  expect(header(mail, "Auto-Submitted")).toBe("auto-generated");
  expect(mail.text).toContain(`${PUBLIC}/account/notifications`);
  expect(mail.html).toContain(`href="${PUBLIC}/account/notifications"`);
}

async function postUnsubscribe(token: string) {
  const request = new Request(`${PUBLIC}/unsubscribe/${token}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  return unsubscribeAction({ request, params: { token }, context: {} } as never);
}

describe.each([
  {
    locale: "zh-CN" as const,
    lang: "zh-CN",
    invitationSubject: "【黔程】贵阳黔程示范科技有限公司 邀请您申请「数据录入员」",
    invitationText: "贵阳黔程示范科技有限公司 邀请您申请「数据录入员」",
    view: "查看详情",
    colon: "：",
    digestSubject: "【黔程】今天有 2 个新岗位与您保存的搜索相符",
    digestHeading: "每日岗位提醒",
    unsubscribeText: "退订此类邮件",
  },
  {
    locale: "en" as const,
    lang: "en",
    invitationSubject: "Qiancheng: 贵阳黔程示范科技有限公司 invites you to apply for “数据录入员”",
    invitationText: "invites you to apply for “数据录入员”",
    view: "View details",
    colon: ": ",
    digestSubject: "Qiancheng: 2 new vacancies match your saved searches today",
    digestHeading: "Your daily job alert",
    unsubscribeText: "Unsubscribe from these emails",
  },
])("emails in $locale", (c) => {
  it("an invitation: headers, both parts, the link to the page, and an unsubscribe link that stops invitations only", async () => {
    const p = await person(c.locale);
    await notify(t.db, p.id, "invitation.received", { vacancy: "数据录入员", organization: "贵阳黔程示范科技有限公司" }, "/job-invitations");
    const { mail, envelope } = await sendAndRead(p.email);
    expect(envelope.from).toBe("no-reply@qiancheng.example");
    commonHeaders(mail, p.email);
    expect(mail.subject).toBe(c.invitationSubject);
    expect(mail.text).toContain(c.invitationText);
    expect(mail.text).toContain(`${c.view}${c.colon}${PUBLIC}/job-invitations`);
    expect(mail.html).toContain(`<html lang="${c.lang}">`);
    expect(mail.html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(mail.html).toContain(`<a href="${PUBLIC}/job-invitations"`);
    expect(mail.html).toContain(c.view);
    expect(mail.html).toContain(c.unsubscribeText);
    expect(mail.html).not.toMatch(/<img/i);

    const token = unsubscribeLink(mail);
    // The page (GET) changes nothing; the one-click POST turns invitations' email off, nothing else.
    await unsubscribeLoader({ request: new Request(`${PUBLIC}/unsubscribe/${token}`), params: { token }, context: {} } as never);
    expect((await preferencesFor(t.db, p.id)).invitations.email).toBe(true);
    expect(await postUnsubscribe(token)).toEqual({ done: true });
    const prefs = await preferencesFor(t.db, p.id);
    expect(prefs.invitations).toEqual({ email: false, sms: true });
    expect(prefs.alerts.email).toBe(true);
    expect(prefs.applications.email).toBe(true);
  });

  it("a daily digest of two vacancies: each title with its link in both parts; its unsubscribe link stops alerts only", async () => {
    const p = await person(c.locale);
    const items = [
      { title: "客服专员（可居家）", organization: "贵阳黔程示范科技有限公司", place: "贵阳市南明区", link: "/vacancies/11111111-1111-4111-8111-111111111111" },
      { title: "图书整理员", organization: "遵义市图书馆", place: "遵义市红花岗区", link: "/vacancies/22222222-2222-4222-8222-222222222222" },
    ];
    await notify(t.db, p.id, "alert.digest", { count: 2, frequency: "daily", items }, "/saved-searches");
    const { mail } = await sendAndRead(p.email);
    commonHeaders(mail, p.email);
    expect(mail.subject).toBe(c.digestSubject);
    expect(mail.text).toContain(c.digestHeading);
    expect(mail.html).toContain(c.digestHeading);
    for (const i of items) {
      expect(mail.text).toContain(i.title);
      expect(mail.text).toContain(`${PUBLIC}${i.link}`);
      expect(mail.text).toContain(i.place);
      expect(mail.html).toContain(`<a href="${PUBLIC}${i.link}"`);
      expect(mail.html).toContain(i.title);
    }
    expect(mail.html).toMatch(/<ol[^>]*>[\s\S]*<li[\s\S]*<li[\s\S]*<\/ol>/);
    expect(mail.text).toContain(`${PUBLIC}/saved-searches`);

    const token = unsubscribeLink(mail);
    expect(await postUnsubscribe(token)).toEqual({ done: true });
    const prefs = await preferencesFor(t.db, p.id);
    expect(prefs.alerts.email).toBe(false);
    expect(prefs.invitations.email).toBe(true);

    // The next alert does not go by email.
    const before = received.length;
    await notify(t.db, p.id, "alert.vacancy", { vacancy: "图书整理员", organization: "遵义市图书馆", search: "图书" }, items[1]!.link);
    await q.queue.runDue([DELIVERY_JOB]);
    expect(received.length).toBe(before);
  });
});

describe("without SMTP_URL", () => {
  it("writes the message to MAIL_DIR as an .eml file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qiancheng-maildir-"));
    const smtp = process.env.SMTP_URL;
    try {
      delete process.env.SMTP_URL;
      process.env.MAIL_DIR = join(dir, "made-on-demand");
      const p = await person("zh-CN");
      const before = received.length;
      await notify(t.db, p.id, "invitation.received", { vacancy: "数据录入员", organization: "贵阳黔程示范科技有限公司" }, "/job-invitations");
      await q.queue.runDue([DELIVERY_JOB]);
      expect(received.length).toBe(before);
      const files = await readdir(process.env.MAIL_DIR);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f-]{36}\.eml$/);
      const mail = await simpleParser(await readFile(join(process.env.MAIL_DIR, files[0]!)));
      expect(mail.subject).toBe("【黔程】贵阳黔程示范科技有限公司 邀请您申请「数据录入员」");
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe(p.email);
      unsubscribeLink(mail);
    } finally {
      process.env.SMTP_URL = smtp;
      delete process.env.MAIL_DIR;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
