import type { DB } from "../../../db/database";
import { routeDeliveries } from "./delivery.server";

/**
 * In-app notifications. A notification stores a `kind` and its `params`; the page renders the text in the
 * reader's language from the message `notification.<kind>` (app/i18n/messages/applications.ts).
 */
export interface NotificationItem {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** One line of a digest (alert.digest): what the email lists; the site shows only the count. */
export interface DigestItem {
  title: string;
  organization: string;
  place: string;
  link: string;
}

/** A notification's values: words and numbers for its message; a digest also carries its items. */
export type NotificationParams = Record<string, string | number | readonly DigestItem[]>;

/**
 * Notifies a person: always in the site (inserted first, so no channel's failure can lose it), and, when the kind has
 * a topic, by every channel the person chose for it and has an address for (email: an address; SMS: a verified
 * phone) — one `delivery` row each, sent by the `delivery.send` job. Run inside the caller's transaction, the
 * deliveries and their jobs exist exactly when what caused them committed; nothing is sent while the request waits.
 */
export async function notify(db: DB, userId: string, kind: string, params: NotificationParams = {}, link: string | null = null): Promise<void> {
  const row = await db
    .insertInto("notification")
    .values({ user_id: userId, kind, params: JSON.stringify(params), link })
    .returning("id")
    .executeTakeFirstOrThrow();
  await routeDeliveries(db, { notificationId: String(row.id), userId, kind, params, link });
}

export async function unreadCount(db: DB, userId: string): Promise<number> {
  const r = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listNotifications(
  db: DB,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: NotificationItem[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom("notification")
      .select(["id", "kind", "params", "link", "read_at", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      params: scalarParams(r.params),
      link: r.link,
      readAt: r.read_at,
      createdAt: r.created_at,
    })),
    total: Number(total.n),
  };
}

/** Marks the user's notifications read: one (by id) or all. Only ever the user's own. */
export async function markRead(db: DB, userId: string, id?: string): Promise<number> {
  let q = db.updateTable("notification").set({ read_at: new Date() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (id) q = q.where("id", "=", id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Opens one of the user's notifications: marks it read and returns where it points. Null when it is not the
 * user's (or does not exist), so nobody learns about another user's notifications.
 */
export async function openNotification(db: DB, userId: string, id: string): Promise<{ link: string | null } | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await db.selectFrom("notification").select(["link"]).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return null;
  await markRead(db, userId, id);
  return { link: row.link };
}

/** What the notification centre shows: one page of the user's notifications and how many are unread. */
export async function notificationCentre(
  db: DB,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: NotificationItem[]; total: number; unread: number }> {
  const [list, unread] = await Promise.all([listNotifications(db, userId, page), unreadCount(db, userId)]);
  return { ...list, unread };
}

/** The values a message can show: a digest's items stay in its email. */
function scalarParams(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}
