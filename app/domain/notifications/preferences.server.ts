/**
 * Each person's channels per topic (issue 17): a row of notification_preference where they chose, the defaults in
 * channels.ts where they did not. The in-site notification is always kept; these say only whether it also goes by
 * email and by SMS.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { DEFAULT_CHANNELS, TOPICS, type ChannelChoice, type NotificationTopic } from "./channels";

export type Preferences = Record<NotificationTopic, ChannelChoice>;

/** The person's choice for every topic (the default where they have not chosen). */
export async function preferencesFor(db: DB, userId: string): Promise<Preferences> {
  const rows = await db
    .selectFrom("notification_preference")
    .select(["topic", "email", "sms"])
    .where("user_id", "=", userId)
    .execute();
  const out = {} as Preferences;
  for (const topic of TOPICS) out[topic] = { ...DEFAULT_CHANNELS[topic] };
  for (const r of rows) if (r.topic in out) out[r.topic] = { email: r.email, sms: r.sms };
  return out;
}

/**
 * Saves the person's choices for the topics given (the others keep what they had). A topic not in TOPICS is
 * ignored. One row per topic, replaced.
 */
export async function savePreferences(db: DB, userId: string, choices: Partial<Record<NotificationTopic, ChannelChoice>>): Promise<void> {
  const values = TOPICS.filter((t) => choices[t]).map((topic) => ({
    user_id: userId,
    topic,
    email: Boolean(choices[topic]!.email),
    sms: Boolean(choices[topic]!.sms),
  }));
  if (values.length === 0) return;
  await db
    .insertInto("notification_preference")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["user_id", "topic"]).doUpdateSet({
        email: (eb) => eb.ref("excluded.email"),
        sms: (eb) => eb.ref("excluded.sms"),
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * Turns one channel of one topic off (or on), keeping the other channel as it was (its default if never chosen):
 * the unsubscribe link turns email off for its topic only.
 */
export async function setChannel(db: DB, userId: string, topic: NotificationTopic, channel: keyof ChannelChoice, on: boolean): Promise<void> {
  const current = (await preferencesFor(db, userId))[topic];
  await savePreferences(db, userId, { [topic]: { ...current, [channel]: on } });
}
