import type { DB } from "../../../db/database";

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

export async function notify(
  db: DB,
  userId: string,
  kind: string,
  params: Record<string, string | number> = {},
  link: string | null = null,
): Promise<void> {
  await db.insertInto("notification").values({ user_id: userId, kind, params: JSON.stringify(params), link }).execute();
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
      params: r.params as Record<string, string | number>,
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
