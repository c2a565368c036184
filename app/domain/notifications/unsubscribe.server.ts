/**
 * One-click unsubscribe (issue 17, RFC 8058): every email carries a link that turns email off for its topic only,
 * without signing in. The token names the person and the topic and is signed with the application's secret, so it
 * authorizes exactly that one change and nothing else; it does not expire (a link in an old email keeps working).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { DB } from "../../../db/database";
import { TOPICS, type NotificationTopic } from "./channels";
import { setChannel } from "./preferences.server";

const SECRET_FILE = "data/app-secret";
let cachedSecret: { source: string; key: Buffer } | null = null;

/**
 * The application's signing secret: APP_SECRET when set (every process behind one site must share it), otherwise
 * 32 random bytes kept in data/app-secret, made on first use (one machine: the demo and development). Sessions are
 * rows and need no secret; this is the first thing the application signs.
 */
export function appSecret(): Buffer {
  const fromEnv = process.env.APP_SECRET;
  const source = fromEnv ? `env:${fromEnv}` : `file:${resolve(SECRET_FILE)}`;
  if (cachedSecret?.source === source) return cachedSecret.key;
  let key: Buffer;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error("APP_SECRET must be at least 16 characters");
    key = Buffer.from(fromEnv, "utf8");
  } else {
    const path = resolve(SECRET_FILE);
    try {
      key = Buffer.from(readFileSync(path, "utf8").trim(), "base64url");
    } catch {
      mkdirSync(dirname(path), { recursive: true });
      const fresh = randomBytes(32).toString("base64url");
      try {
        // "wx": if another process made it first, read theirs instead of overwriting it.
        writeFileSync(path, fresh + "\n", { flag: "wx", mode: 0o600 });
        chmodSync(path, 0o600);
      } catch {
        /* made by another process meanwhile */
      }
      key = Buffer.from(readFileSync(path, "utf8").trim(), "base64url");
    }
    if (key.length < 16) throw new Error(`${SECRET_FILE} holds too short a secret`);
  }
  cachedSecret = { source, key };
  return key;
}

function mac(userId: string, topic: NotificationTopic): Buffer {
  return createHmac("sha256", appSecret()).update(`qiancheng:unsubscribe:v1\n${userId}\n${topic}`).digest();
}

/** `<user id>.<topic>.<HMAC-SHA256, base64url>`: only URL-safe characters. */
export function unsubscribeToken(userId: string, topic: NotificationTopic): string {
  return `${userId}.${topic}.${mac(userId, topic).toString("base64url")}`;
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z]{1,20})\.([A-Za-z0-9_-]{43})$/;

/** Who and which topic a token stands for; null unless its signature is this application's (compared in constant time). */
export function readUnsubscribeToken(token: string): { userId: string; topic: NotificationTopic } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [, userId, topic, signature] = m as unknown as [string, string, string, string];
  if (!(TOPICS as readonly string[]).includes(topic)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(userId, topic as NotificationTopic);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, topic: topic as NotificationTopic };
}

/** What the unsubscribe page shows: the topic, and whether email for it is already off. Null: no such link. */
export async function unsubscribeInfo(db: DB, token: string): Promise<{ topic: NotificationTopic } | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const user = await db.selectFrom("app_user").select("id").where("id", "=", read.userId).executeTakeFirst();
  return user ? { topic: read.topic } : null;
}

/** Turns email off for the token's topic only (SMS and the other topics stay as they were). Null: no such link. */
export async function unsubscribe(db: DB, token: string): Promise<{ topic: NotificationTopic } | null> {
  const info = await unsubscribeInfo(db, token);
  if (!info) return null;
  const read = readUnsubscribeToken(token)!;
  await setChannel(db, read.userId, info.topic, "email", false);
  return info;
}
