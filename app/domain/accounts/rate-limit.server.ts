import { sql } from "kysely";
import type { DB } from "../../../db/database";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Abuse limits, counted in `login_attempt` rows so they hold across restarts and instances. An attempt is counted
 * before the work it limits (the password check, the lookup), under a per-key advisory lock, so parallel requests
 * cannot all read "under the limit" and all go ahead (issue 12). See docs/decisions/009-what-registration-reveals.md.
 *
 * - Sign-in, per account and address: 5 failures in 15 minutes, then that address waits. Strict, because it is what
 *   stops guessing; it does not lock the owner out from anywhere else.
 * - Sign-in, per account from all addresses: after 10 failures within an hour each further attempt waits twice as
 *   long as the one before (1, 2, 4, 8 minutes), at most 15 minutes. Loose, because anyone can cause it.
 * - Sign-in, per address across accounts: 20 failures in 15 minutes.
 * - Registration, per address: 50 attempts an hour, refused ones included (a whole recruitment fair may register
 *   over one venue's network), and of those at most 10 refused because the phone or email cannot be used.
 * - Saving an ID or certificate number that belongs to another account: 3 a day per account, 10 a day per address.
 */
export const LIMITS = {
  signInPerAccountAddress: { max: 5, windowMs: 15 * MINUTE },
  signInPerAccount: { free: 10, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE, windowMs: HOUR },
  signInPerIp: { max: 20, windowMs: 15 * MINUTE },
  // A deployment where a venue registers many people over one address may raise it; the e2e suite does.
  registerPerIp: { max: Number(process.env.REGISTRATIONS_PER_ADDRESS_HOUR) || 50, windowMs: HOUR },
  registerUnavailablePerIp: { max: 10, windowMs: HOUR },
  identifierCollisionPerAccount: { max: 3, windowMs: 24 * HOUR },
  identifierCollisionPerIp: { max: 10, windowMs: 24 * HOUR },
} as const;

export type Reservation = { ok: true; attemptId: string } | { ok: false; retryAt: Date };

/** Distinguishes this module's advisory locks from any other use of them (pg_advisory_xact_lock(int, int)). */
const LOCK_CLASS = 0x5163_0001;

/**
 * Serializes the transactions that count against the same keys; held until commit. Keys are taken in sorted order,
 * so two transactions never wait for each other's second key.
 */
async function lockKeys(trx: DB, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${key}))`.execute(trx);
  }
}

function later(dates: (Date | null)[]): Date | null {
  return dates.filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

/** With `times` newest first: when the limit opens again if they already fill it, else null. */
function fullUntil(times: Date[], limit: { max: number; windowMs: number }): Date | null {
  if (times.length < limit.max) return null;
  // The oldest of the last `max` leaves the window at this moment.
  return new Date(times[limit.max - 1]!.getTime() + limit.windowMs);
}

async function recentTimes(
  db: DB,
  filter: { kind: "sign_in" | "register" | "profile_identifier"; accountKey?: string; ip?: string; failuresOnly?: boolean; detail?: string },
  limit: { max: number; windowMs: number },
  now: Date,
): Promise<Date[]> {
  let q = db
    .selectFrom("login_attempt")
    .select("at")
    .where("kind", "=", filter.kind)
    .where("at", ">", new Date(now.getTime() - limit.windowMs))
    .orderBy("at", "desc")
    .limit(limit.max);
  if (filter.failuresOnly) q = q.where("succeeded", "=", false);
  if (filter.accountKey !== undefined) q = q.where("account_key", "=", filter.accountKey);
  if (filter.ip !== undefined) q = q.where("ip", "=", filter.ip);
  if (filter.detail !== undefined) q = q.where("detail", "=", filter.detail);
  return (await q.execute()).map((r) => new Date(r.at));
}

// --- sign-in -------------------------------------------------------------------------------------------------

/**
 * Until when a sign-in for `accountKey` from `ip` must wait, or null. Failures count since the last success in the
 * same scope (a success from an address forgives that address; any success forgives the account as a whole), but the
 * per-address limit across accounts is never forgiven, since one's own account would otherwise reset it.
 */
export async function signInBlockedUntil(db: DB, accountKey: string, ip: string, now = new Date()): Promise<Date | null> {
  const { signInPerAccount: account, signInPerAccountAddress: pair } = LIMITS;
  const rows = await db
    .selectFrom("login_attempt")
    .select(["ip", "succeeded", "at"])
    .where("kind", "=", "sign_in")
    .where("account_key", "=", accountKey)
    .where("at", ">", new Date(now.getTime() - Math.max(account.windowMs, pair.windowMs)))
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();

  const accountFailures: Date[] = [];
  for (const r of rows) {
    if (r.succeeded) break;
    if (new Date(r.at).getTime() > now.getTime() - account.windowMs) accountFailures.push(new Date(r.at));
  }
  let byAccount: Date | null = null;
  if (accountFailures.length >= account.free) {
    const delay = Math.min(account.maxDelayMs, account.baseDelayMs * 2 ** (accountFailures.length - account.free));
    byAccount = new Date(accountFailures[0]!.getTime() + delay);
  }

  const pairFailures: Date[] = [];
  for (const r of rows) {
    if (r.ip !== ip) continue;
    if (r.succeeded) break;
    if (new Date(r.at).getTime() > now.getTime() - pair.windowMs) pairFailures.push(new Date(r.at));
  }
  const byPair = fullUntil(pairFailures, pair);

  const byIp = fullUntil(await recentTimes(db, { kind: "sign_in", ip, failuresOnly: true }, LIMITS.signInPerIp, now), LIMITS.signInPerIp);
  const until = later([byAccount, byPair, byIp]);
  return until && until.getTime() > now.getTime() ? until : null;
}

/**
 * Counts a sign-in attempt before the password is checked: it is written as a failure, and turned into a success by
 * `signInSucceeded` in the transaction that opens the session. Refused (and not counted) when a limit is reached.
 */
export async function beginSignInAttempt(db: DB, attempt: { accountKey: string; ip: string; now?: Date }): Promise<Reservation> {
  const now = attempt.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`sign_in:account:${attempt.accountKey}`, `sign_in:ip:${attempt.ip}`]);
    const retryAt = await signInBlockedUntil(trx, attempt.accountKey, attempt.ip, now);
    if (retryAt) return { ok: false, retryAt };
    const row = await trx
      .insertInto("login_attempt")
      .values({ kind: "sign_in", account_key: attempt.accountKey, ip: attempt.ip, succeeded: false, at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, attemptId: String(row.id) };
  });
}

export async function signInSucceeded(trx: DB, attemptId: string): Promise<void> {
  await trx.updateTable("login_attempt").set({ succeeded: true }).where("id", "=", attemptId).execute();
}

// --- registration ----------------------------------------------------------------------------------------------

/**
 * Until when `ip` may not register, or null. Call inside the transaction that then looks the contact up and
 * records the attempt (`recordRegistrationAttempt`): it locks the address's key, so parallel registrations from
 * one address count one after another, and a refusal for a contact that cannot be used is counted before the next
 * one reads the count.
 */
export async function registrationBlockedUntil(trx: DB, ip: string, now = new Date()): Promise<Date | null> {
  await lockKeys(trx, [`register:ip:${ip}`]);
  const all = fullUntil(await recentTimes(trx, { kind: "register", ip }, LIMITS.registerPerIp, now), LIMITS.registerPerIp);
  const unavailable = fullUntil(
    await recentTimes(trx, { kind: "register", ip, detail: "contact_unavailable" }, LIMITS.registerUnavailablePerIp, now),
    LIMITS.registerUnavailablePerIp,
  );
  return later([all, unavailable]);
}

/** Counts a registration attempt, as refused until `registrationSucceeded` says otherwise. */
export async function recordRegistrationAttempt(trx: DB, attempt: { ip: string; contactUnavailable: boolean; now?: Date }): Promise<string> {
  const row = await trx
    .insertInto("login_attempt")
    .values({
      kind: "register",
      account_key: null,
      ip: attempt.ip,
      succeeded: false,
      detail: attempt.contactUnavailable ? "contact_unavailable" : null,
      at: attempt.now ?? new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Notes that a registration was refused because its phone or email cannot be used (the stricter limit). */
export async function registrationRefusedForContact(db: DB, attemptId: string): Promise<void> {
  await db.updateTable("login_attempt").set({ detail: "contact_unavailable" }).where("id", "=", attemptId).execute();
}

export async function registrationSucceeded(trx: DB, attemptId: string): Promise<void> {
  await trx.updateTable("login_attempt").set({ succeeded: true }).where("id", "=", attemptId).execute();
}

// --- profile identifiers ---------------------------------------------------------------------------------------

/**
 * Until when `userId` (from `ip`, when known) may not try another ID or certificate number, because earlier tries
 * hit numbers held by other accounts; null if they may. Call inside the transaction that checks the number: it
 * locks the account's and the address's keys, so parallel saves count one after another.
 */
export async function identifierChecksBlockedUntil(trx: DB, userId: string, ip: string | null, now = new Date()): Promise<Date | null> {
  const accountKey = `user:${userId}`;
  await lockKeys(trx, [`profile_identifier:account:${accountKey}`, ...(ip ? [`profile_identifier:ip:${ip}`] : [])]);
  const { identifierCollisionPerAccount: perAccount, identifierCollisionPerIp: perIp } = LIMITS;
  const byAccount = fullUntil(await recentTimes(trx, { kind: "profile_identifier", accountKey }, perAccount, now), perAccount);
  const byIp = ip ? fullUntil(await recentTimes(trx, { kind: "profile_identifier", ip }, perIp, now), perIp) : null;
  return later([byAccount, byIp]);
}

/** Counts a try to save a number that belongs to another account (after `identifierChecksBlockedUntil`). */
export async function recordIdentifierCollision(
  trx: DB,
  collision: { userId: string; ip: string | null; field: "id_number" | "certificate_number"; now?: Date },
): Promise<void> {
  await trx
    .insertInto("login_attempt")
    .values({
      kind: "profile_identifier",
      account_key: `user:${collision.userId}`,
      ip: collision.ip ?? "unknown",
      succeeded: false,
      detail: collision.field,
      at: collision.now ?? new Date(),
    })
    .execute();
}

/** Removes attempts older than any window; called now and then so the table stays small. */
export async function pruneAttempts(db: DB, now = new Date()): Promise<void> {
  const oldest = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));
  await db.deleteFrom("login_attempt").where("at", "<", new Date(now.getTime() - oldest)).execute();
}
