/**
 * Where email goes (issue 17). SMTP_URL set: nodemailer's SMTP transport (smtp:// or smtps://, user and password in
 * the URL). Unset: every message is written whole, as it would have been sent, to an `.eml` file in MAIL_DIR
 * (default data/mail/), which any mail program opens — the demo and development send nothing anywhere.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
  /** Names the .eml file; also sent as X-Delivery-Id. */
  deliveryId?: string;
}

export interface SentMail {
  messageId: string;
  /** The .eml file written, when there is no SMTP server. */
  file?: string;
}

export const DEFAULT_MAIL_FROM = "黔程 <no-reply@qiancheng.localhost>";

export function mailSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    smtpUrl: env.SMTP_URL || null,
    dir: resolve(env.MAIL_DIR || "data/mail"),
    from: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    replyTo: env.MAIL_REPLY_TO || null,
  };
}

let cached: { key: string; transporter: Transporter } | null = null;

function transporterFor(smtpUrl: string | null): Transporter {
  const key = smtpUrl ?? "(folder)";
  if (cached?.key === key) return cached.transporter;
  cached?.transporter.close();
  const transporter = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  cached = { key, transporter };
  return transporter;
}

/** Sends one message (or writes it to MAIL_DIR); throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const settings = mailSettings();
  const transporter = transporterFor(settings.smtpUrl);
  const info = await transporter.sendMail({
    from: settings.from,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: {
      // RFC 3834: an automatic message; out-of-office replies should not answer it.
      "Auto-Submitted": "auto-generated",
      ...(mail.deliveryId ? { "X-Delivery-Id": mail.deliveryId } : {}),
      ...mail.headers,
    },
  });
  if (settings.smtpUrl) return { messageId: info.messageId };
  await mkdir(settings.dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const id = (mail.deliveryId ?? info.messageId).replace(/[^A-Za-z0-9_-]/g, "");
  const file = join(settings.dir, `${stamp}-${id}.eml`);
  await writeFile(file, info.message as Buffer);
  return { messageId: info.messageId, file };
}

/** Closes the SMTP connection pool (tests, shutdown). */
export function closeMailTransport(): void {
  cached?.transporter.close();
  cached = null;
}
