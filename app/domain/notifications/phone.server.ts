/**
 * Phone numbers verified by a code (issue 17): SMS beyond the code itself goes only to a verified number. The same
 * code serves a number given at registration (the account is created first; the person then confirms the number on
 * /account/phone) and a number confirmed later.
 *
 * - A code is 6 digits from node:crypto, stored only as its SHA-256, valid 10 minutes, sent at once through the job
 *   queue as a delivery with the template phone.code (day or night: codes ignore quiet hours, sms/deliver.ts).
 * - Per number: at most 1 code a minute and 5 an hour (counted in phone_verification, under an advisory lock).
 * - Per code: at most 5 tries, compared in constant time; the newest code of the number and purpose is the one that
 *   counts. A right code marks it verified and, when it was sent for an account whose number it still is, sets
 *   app_user.phone_verified_at.
 */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { PHONE_RE, normalizePhone } from "../accounts/accounts.schema";

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_LIMITS = { perMinute: 1, perHour: 5, attempts: 5 } as const;
export type PhonePurpose = "register" | "phone";

const LOCK_CLASS = 0x5163_0017;

function hashCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export type SendCodeResult =
  | { ok: true; expiresAt: Date }
  | { ok: false; reason: "phone_format" }
  /** Too many codes for this number: another may be asked for at `retryAt`. */
  | { ok: false; reason: "wait"; retryAt: Date };

/**
 * Makes a code for the number and enqueues its SMS (with `db`: inside the caller's transaction, the SMS exists only if
 * it commits). A code goes to an account: every SMS is a delivery of an account (delivery.user_id), and registration
 * creates the account before the number is confirmed.
 */
export async function sendCode(
  db: DB,
  input: { phone: string; purpose: PhonePurpose; userId?: string },
  options: { now?: Date } = {},
): Promise<SendCodeResult> {
  if (!input.userId) throw new Error("sendCode: a code is sent to an account (userId)");
  const userId = input.userId;
  const phone = normalizePhone(input.phone.trim());
  if (!PHONE_RE.test(phone)) return { ok: false, reason: "phone_format" };
  const now = options.now ?? new Date();
  const run = async (trx: DB): Promise<SendCodeResult> => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${phone}))`.execute(trx);
    const recent = await trx
      .selectFrom("phone_verification")
      .select("created_at")
      .where("phone", "=", phone)
      .where("created_at", ">", new Date(now.getTime() - 3600_000))
      .orderBy("created_at", "desc")
      .limit(CODE_LIMITS.perHour)
      .execute();
    const last = recent[0]?.created_at;
    if (last && now.getTime() - last.getTime() < 60_000) return { ok: false, reason: "wait", retryAt: new Date(last.getTime() + 60_000) };
    if (recent.length >= CODE_LIMITS.perHour) {
      return { ok: false, reason: "wait", retryAt: new Date(recent[CODE_LIMITS.perHour - 1]!.created_at.getTime() + 3600_000) };
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await trx
      .insertInto("phone_verification")
      .values({ phone, user_id: userId, purpose: input.purpose, code_hash: hashCode(code), expires_at: expiresAt, created_at: now })
      .execute();
    const delivery = await trx
      .insertInto("delivery")
      .values({ user_id: userId, channel: "sms", topic: "phone", template: "phone.code", params: JSON.stringify({ code, phone }) })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Imported here: the runtime loads the job definitions, which import the modules that send through it.
    const { getJobQueue } = await import("../../../jobs/runtime");
    const { DELIVERY_JOB } = await import("./delivery.server");
    await getJobQueue().send(trx, DELIVERY_JOB, { deliveryId: delivery.id });
    return { ok: true, expiresAt };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export type VerifyCodeResult =
  | { ok: true }
  /** No code waiting for this number (none sent, expired, or already used): ask for a new one. */
  | { ok: false; reason: "expired" }
  /** The code was wrong; `attemptsLeft` more tries of this code (0: ask for a new one). */
  | { ok: false; reason: "wrong"; attemptsLeft: number };

/** Checks a code typed for the number: the newest unexpired code of that number and purpose (and account, if given). */
export async function verifyCode(
  db: DB,
  input: { phone: string; code: string; purpose: PhonePurpose; userId?: string },
  options: { now?: Date } = {},
): Promise<VerifyCodeResult> {
  const phone = normalizePhone(input.phone.trim());
  const now = options.now ?? new Date();
  let q = db
    .selectFrom("phone_verification")
    .select(["id", "attempts"])
    .where("phone", "=", phone)
    .where("purpose", "=", input.purpose)
    .where("verified_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .limit(1);
  if (input.userId) q = q.where("user_id", "=", input.userId);
  const current = await q.executeTakeFirst();
  if (!current) return { ok: false, reason: "expired" };
  // Counting the try and reading the hash in one statement: parallel guesses cannot exceed the limit.
  const tried = await db
    .updateTable("phone_verification")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", current.id)
    .where("attempts", "<", CODE_LIMITS.attempts)
    .where("verified_at", "is", null)
    .returning(["code_hash", "attempts", "user_id"])
    .executeTakeFirst();
  if (!tried) return { ok: false, reason: "wrong", attemptsLeft: 0 };
  const typed = Buffer.from(hashCode(input.code.replace(/\s/g, "")), "hex");
  const stored = Buffer.from(tried.code_hash, "hex");
  if (typed.length !== stored.length || !timingSafeEqual(typed, stored)) {
    return { ok: false, reason: "wrong", attemptsLeft: CODE_LIMITS.attempts - tried.attempts };
  }
  const mark = async (trx: DB) => {
    await trx.updateTable("phone_verification").set({ verified_at: now }).where("id", "=", current.id).execute();
    if (tried.user_id) {
      await trx.updateTable("app_user").set({ phone_verified_at: now }).where("id", "=", tried.user_id).where("phone", "=", phone).execute();
    }
  };
  await (db.isTransaction ? mark(db) : db.transaction().execute(mark));
  return { ok: true };
}

/** The account's number and whether it is verified (for /account/phone and the preferences page). */
export async function phoneStatus(db: DB, userId: string): Promise<{ phone: string | null; verifiedAt: Date | null }> {
  const row = await db.selectFrom("app_user").select(["phone", "phone_verified_at"]).where("id", "=", userId).executeTakeFirst();
  return { phone: row?.phone ?? null, verifiedAt: row?.phone_verified_at ?? null };
}
