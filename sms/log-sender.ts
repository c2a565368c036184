import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { randomUUID } from "node:crypto";
import type { SmsMessage, SmsSender } from "./sender";

export interface LoggedSms extends SmsMessage {
  id: string;
  at: Date;
}

/** How many sent messages the log adapter keeps in memory (tests read them). */
const KEPT = 50;

/**
 * The default adapter: no SMS leaves the machine. Each message is appended to a file as one JSON line (SMS_LOG,
 * default data/sms.log) — during development that is where a verification code is read — and the last few are kept
 * in memory for tests.
 */
export class LogSmsSender implements SmsSender {
  readonly kind = "log";
  readonly sent: LoggedSms[] = [];

  constructor(readonly file: string = process.env.SMS_LOG || "data/sms.log") {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    const entry: LoggedSms = { id: randomUUID(), at: new Date(), ...message };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, JSON.stringify({ ...entry, at: entry.at.toISOString() }) + "\n", "utf8");
    this.sent.push(entry);
    if (this.sent.length > KEPT) this.sent.splice(0, this.sent.length - KEPT);
    return { id: entry.id };
  }

  /** The last message sent to a number (tests). */
  lastTo(phone: string): LoggedSms | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) if (this.sent[i]!.phone === phone) return this.sent[i];
    return undefined;
  }
}
