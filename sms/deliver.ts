/**
 * Sending one SMS delivery (issue 17), called by the `delivery.send` job (app/domain/notifications/delivery.server.ts).
 *
 * - A phone code (template phone.code) goes at once, day or night, to the number it was made for; once sent, the
 *   code is removed from the delivery's params (only its SHA-256 stays, in phone_verification).
 * - Anything else goes only to the account's verified number, only while the person still wants SMS for the topic,
 *   and never in the quiet hours (22:00–08:00 Asia/Shanghai): then the delivery is marked 'held' and the same job is
 *   enqueued again for 08:00.
 */
import type { Selectable } from "kysely";
import type { DeliveryTable } from "../db/schema";
import type { JobContext, JobQueue } from "../jobs/queue";
import { isLocale } from "../app/i18n/i18n";
import { preferencesFor } from "../app/domain/notifications/preferences.server";
import type { NotificationTopic } from "../app/domain/notifications/channels";
import { getSmsSender } from "./configured";
import { smsNotBefore } from "./quiet-hours";
import type { SmsSender } from "./sender";
import { renderSms } from "./templates";

export const PHONE_CODE_TEMPLATE = "phone.code";
const DELIVERY_JOB = "delivery.send";

export interface DeliverSmsOptions {
  /** The time to judge quiet hours by (tests). */
  now?: Date;
  sender?: SmsSender;
  queue?: JobQueue;
}

async function defaultQueue(): Promise<JobQueue> {
  // Imported when needed: the runtime imports the job definitions, which import this module.
  const { getJobQueue } = await import("../jobs/runtime");
  return getJobQueue();
}

/**
 * Sends the delivery now ("sent": the caller records it), holds it until the morning ("held": recorded here, and
 * re-enqueued), or finds it should not go at all ("skipped": recorded here — no verified number any more, or SMS
 * turned off for the topic since). A provider's refusal throws, for the job to retry.
 */
export async function deliverSms(
  context: JobContext,
  delivery: Selectable<DeliveryTable>,
  options: DeliverSmsOptions = {},
): Promise<"sent" | "held" | "skipped"> {
  const db = context.db;
  const isCode = delivery.template === PHONE_CODE_TEMPLATE;
  const params = (delivery.params ?? {}) as Record<string, unknown>;
  const user = await db
    .selectFrom("app_user")
    .select(["phone", "phone_verified_at", "locale"])
    .where("id", "=", delivery.user_id)
    .executeTakeFirst();
  const locale = user && isLocale(user.locale) ? user.locale : "zh-CN";

  let phone: string | null;
  if (isCode) {
    phone = typeof params.phone === "string" ? params.phone : null;
    if (!phone || typeof params.code !== "string") return skip(context, delivery.id, "no code or number");
  } else {
    if (!user?.phone || !user.phone_verified_at) return skip(context, delivery.id, "no verified phone number");
    const preferences = await preferencesFor(db, delivery.user_id);
    if (!preferences[delivery.topic as NotificationTopic]?.sms) return skip(context, delivery.id, "SMS turned off for the topic");
    phone = user.phone;
    const notBefore = smsNotBefore(options.now ?? new Date());
    if (notBefore) {
      await db.updateTable("delivery").set({ status: "held" }).where("id", "=", delivery.id).execute();
      const queue = options.queue ?? (await defaultQueue());
      await queue.send(db, DELIVERY_JOB, { deliveryId: delivery.id }, { startAfter: notBefore });
      return "held";
    }
  }

  const rendered = renderSms(delivery.template, params, locale);
  const sender = options.sender ?? getSmsSender();
  await sender.send({ phone, text: rendered.text, template: delivery.template, params: rendered.params });
  if (isCode) {
    const { code: _code, ...rest } = params;
    await db.updateTable("delivery").set({ params: JSON.stringify(rest) }).where("id", "=", delivery.id).execute();
  }
  return "sent";
}

async function skip(context: JobContext, id: string, why: string): Promise<"skipped"> {
  await context.db.updateTable("delivery").set({ status: "skipped", last_error: why }).where("id", "=", id).execute();
  return "skipped";
}
