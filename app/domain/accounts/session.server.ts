import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../../../db/database";
import type { Role } from "../../../db/schema";

/**
 * Sessions the way the Lucia project now recommends (its v3 library is deprecated): a random token in the
 * cookie, only its SHA-256 in the database, sliding expiry. See docs/decisions/001-sessions.md.
 */
export const SESSION_COOKIE = "qc_session";
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WITHIN_MS = 15 * DAY;

export interface SessionUser {
  id: string;
  role: Role;
  phone: string | null;
  email: string | null;
  displayName: string | null;
  regionCode: string | null;
  locale: "zh-CN" | "en";
  largeText: boolean;
  highContrast: boolean;
  easyRead: boolean;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20); // 160 bits
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: DB, userId: string, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  await db.insertInto("user_session").values({ id: session.id, user_id: userId, expires_at: session.expiresAt }).execute();
  return { token, session };
}

export interface ValidatedSession {
  session: Session;
  user: SessionUser;
  /** True when the expiry moved and the cookie should be sent again. */
  renewed: boolean;
}

export async function validateSessionToken(db: DB, token: string, now = new Date()): Promise<ValidatedSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await db
    .selectFrom("user_session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.user_id",
      "s.expires_at",
      "u.role",
      "u.phone",
      "u.email",
      "u.display_name",
      "u.region_code",
      "u.locale",
      "u.large_text",
      "u.high_contrast",
      "u.easy_read",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  let expiresAt = new Date(row.expires_at);
  if (now.getTime() >= expiresAt.getTime()) {
    await db.deleteFrom("user_session").where("id", "=", id).execute();
    return null;
  }
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.updateTable("user_session").set({ expires_at: expiresAt }).where("id", "=", id).execute();
    renewed = true;
  }
  return {
    session: { id, userId: row.user_id, expiresAt },
    user: {
      id: row.user_id,
      role: row.role,
      phone: row.phone,
      email: row.email,
      displayName: row.display_name,
      regionCode: row.region_code,
      locale: row.locale,
      largeText: row.large_text,
      highContrast: row.high_contrast,
      easyRead: row.easy_read,
    },
    renewed,
  };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", sessionId).execute();
}

/** Ends every session of the user, except `keepSessionId` when given. Returns how many ended. */
export async function invalidateUserSessions(db: DB, userId: string, keepSessionId?: string): Promise<number> {
  let q = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (keepSessionId) q = q.where("id", "!=", keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countUserSessions(db: DB, userId: string, now = new Date()): Promise<number> {
  const r = await db
    .selectFrom("user_session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
