/**
 * Notifications beyond the site (issue 17): notify() → one `delivery` row per channel the person chose and has an
 * address for, each sent by the `delivery.send` job (jobs/queue.ts) — after the request, with retries and backoff.
 * The row records what became of it: queued, held (SMS in quiet hours), sent, failed (after the last retry) or
 * skipped (no address any more, or the person turned the channel off before it went).
 */
import type { Selectable } from "kysely";
import type { DB } from "../../../db/database";
import type { DeliveryTable } from "../../../db/schema";
import type { JobContext, JobDefinition } from "../../../jobs/queue";
import { getJobQueue } from "../../../jobs/runtime";
import { sendMail } from "../../../mail/transport";
import { absoluteUrl, renderEmail } from "../../../mail/templates";
import { deliverSms } from "../../../sms/deliver";
import { isLocale } from "../../i18n/i18n";
import { topicOf, type NotificationTopic } from "./channels";
import { preferencesFor } from "./preferences.server";
import { unsubscribeToken } from "./unsubscribe.server";

export const DELIVERY_JOB = "delivery.send";

export interface RouteInput {
  notificationId: string | null;
  userId: string;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
}

/**
 * The deliveries of one notification: for a kind with a topic, one row per channel the person chose for it (their
 * preferences, else the defaults) that has an address — email: an address on the account; SMS: a phone verified by a
 * code — each with its job, enqueued with `db` (the caller's transaction). Returns the rows' ids.
 */
export async function routeDeliveries(db: DB, input: RouteInput): Promise<string[]> {
  const topic = topicOf(input.kind);
  if (!topic) return [];
  const [user, preferences] = await Promise.all([
    db.selectFrom("app_user").select(["email", "phone", "phone_verified_at"]).where("id", "=", input.userId).executeTakeFirst(),
    preferencesFor(db, input.userId),
  ]);
  if (!user) return [];
  const chosen = preferences[topic];
  const channels: ("email" | "sms")[] = [];
  if (chosen.email && user.email) channels.push("email");
  if (chosen.sms && user.phone && user.phone_verified_at) channels.push("sms");
  if (channels.length === 0) return [];
  const rows = await db
    .insertInto("delivery")
    .values(
      channels.map((channel) => ({
        user_id: input.userId,
        notification_id: input.notificationId,
        channel,
        topic,
        template: input.kind,
        params: JSON.stringify(input.params),
        link: input.link,
      })),
    )
    .returning("id")
    .execute();
  const queue = getJobQueue();
  for (const r of rows) await queue.send(db, DELIVERY_JOB, { deliveryId: r.id });
  return rows.map((r) => r.id);
}

/** The headers of RFC 8058 one-click unsubscribe (a POST to the link itself turns the topic's email off). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function unsubscribeUrl(userId: string, topic: NotificationTopic): string {
  return absoluteUrl(`/unsubscribe/${unsubscribeToken(userId, topic)}`);
}

type Delivery = Selectable<DeliveryTable>;

/**
 * Sends one email delivery: to the account's address now (it may have changed since), unless the person has no
 * address any more or turned email off for the topic meanwhile ("skipped").
 */
async function deliverEmail(db: DB, delivery: Delivery): Promise<"sent" | "skipped"> {
  const topic = delivery.topic as NotificationTopic;
  const [user, preferences] = await Promise.all([
    db.selectFrom("app_user").select(["email", "locale"]).where("id", "=", delivery.user_id).executeTakeFirst(),
    preferencesFor(db, delivery.user_id),
  ]);
  if (!user?.email || !preferences[topic]?.email) return "skipped";
  const url = unsubscribeUrl(delivery.user_id, topic);
  const content = renderEmail({
    kind: delivery.template,
    params: delivery.params,
    link: delivery.link,
    locale: isLocale(user.locale) ? user.locale : "zh-CN",
    unsubscribeUrl: url,
  });
  await sendMail({ to: user.email, ...content, headers: unsubscribeHeaders(url), deliveryId: delivery.id });
  return "sent";
}

/**
 * The job: claims the delivery (counting the attempt) unless it was already sent or skipped — a job that runs again
 * after a crash sends nothing twice once the row says sent — then sends it by its channel. A failure is recorded on
 * the row and rethrown so the queue retries; after the last attempt the row says failed.
 */
export async function runDelivery(data: { deliveryId?: unknown }, context: JobContext): Promise<void> {
  const db = context.db;
  const id = typeof data.deliveryId === "string" ? data.deliveryId : null;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return;
  const delivery = await db
    .updateTable("delivery")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("status", "not in", ["sent", "skipped"])
    .returningAll()
    .executeTakeFirst();
  if (!delivery) return;
  try {
    if (delivery.channel === "email") {
      const outcome = await deliverEmail(db, delivery);
      await db
        .updateTable("delivery")
        .set(outcome === "sent" ? { status: "sent", sent_at: new Date(), last_error: null } : { status: "skipped" })
        .where("id", "=", id)
        .execute();
    } else {
      // SMS decides for itself whether to send now or hold it until the morning (quiet hours), and records a hold.
      const outcome = await deliverSms(context, delivery);
      if (outcome === "sent") await db.updateTable("delivery").set({ status: "sent", sent_at: new Date(), last_error: null }).where("id", "=", id).execute();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("delivery")
      .set({ last_error: message.slice(0, 2000), ...(context.lastAttempt ? { status: "failed" as const } : {}) })
      .where("id", "=", id)
      .execute();
    throw error;
  }
}

export const deliveryJobs: JobDefinition[] = [
  {
    name: DELIVERY_JOB,
    // 30 s, 1, 2, 4, 8 min: about a quarter of an hour for a mail server or SMS provider to come back.
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    handler: (data, context) => runDelivery(data, context),
  },
];
