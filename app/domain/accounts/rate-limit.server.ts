import type { DB } from "../../../db/database";

/**
 * Sign-in and registration limits, counted in the database so they hold across restarts and instances.
 * Failed sign-ins: 5 per account and 20 per address in 15 minutes. Registrations: 50 per address an hour
 * (generous, because a whole recruitment fair may register over one venue's network).
 */
export const LIMITS = {
  signInPerAccount: { max: 5, windowMs: 15 * 60 * 1000 },
  signInPerIp: { max: 20, windowMs: 15 * 60 * 1000 },
  registerPerIp: { max: 50, windowMs: 60 * 60 * 1000 },
} as const;

export interface Blocked {
  retryAt: Date;
}

async function blockedUntil(
  db: DB,
  filter: { kind: "sign_in" | "register"; accountKey?: string; ip?: string; failuresOnly: boolean },
  limit: { max: number; windowMs: number },
  now: Date,
): Promise<Date | null> {
  const since = new Date(now.getTime() - limit.windowMs);
  let q = db
    .selectFrom("login_attempt")
    .select("at")
    .where("kind", "=", filter.kind)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(limit.max);
  if (filter.failuresOnly) q = q.where("succeeded", "=", false);
  if (filter.accountKey !== undefined) q = q.where("account_key", "=", filter.accountKey);
  if (filter.ip !== undefined) q = q.where("ip", "=", filter.ip);
  const rows = await q.execute();
  if (rows.length < limit.max) return null;
  // The oldest of the last `max` attempts leaves the window at this moment.
  const oldest = rows[rows.length - 1]!.at;
  return new Date(new Date(oldest).getTime() + limit.windowMs);
}

export async function checkSignInAllowed(db: DB, accountKey: string, ip: string, now = new Date()): Promise<Blocked | null> {
  const byAccount = await blockedUntil(db, { kind: "sign_in", accountKey, failuresOnly: true }, LIMITS.signInPerAccount, now);
  const byIp = await blockedUntil(db, { kind: "sign_in", ip, failuresOnly: true }, LIMITS.signInPerIp, now);
  const until = [byAccount, byIp].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? { retryAt: until } : null;
}

export async function checkRegistrationAllowed(db: DB, ip: string, now = new Date()): Promise<Blocked | null> {
  const until = await blockedUntil(db, { kind: "register", ip, failuresOnly: false }, LIMITS.registerPerIp, now);
  return until ? { retryAt: until } : null;
}

export async function recordAttempt(
  db: DB,
  attempt: { kind: "sign_in" | "register"; accountKey: string | null; ip: string; succeeded: boolean; at?: Date },
): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values({ kind: attempt.kind, account_key: attempt.accountKey, ip: attempt.ip, succeeded: attempt.succeeded, at: attempt.at })
    .execute();
}

/** Removes attempts older than any window; called now and then so the table stays small. */
export async function pruneAttempts(db: DB, now = new Date()): Promise<void> {
  const oldest = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));
  await db.deleteFrom("login_attempt").where("at", "<", new Date(now.getTime() - oldest)).execute();
}
