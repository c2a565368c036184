/**
 * The /account/notifications page's use-cases (issue 17): what a person receives beyond the site, per topic, and a
 * counselor's alerts for their caseload. Only ever the person's own settings.
 */
import type { DB } from "../../../db/database";
import type { Actor } from "../permissions";
import { TOPICS, type ChannelChoice, type NotificationTopic } from "./channels";
import { channelFieldName } from "./channel-settings.schema";
import { preferencesFor, savePreferences, type Preferences } from "./preferences.server";

export interface ChannelSettings {
  preferences: Preferences;
  hasEmail: boolean;
  phone: string | null;
  phoneVerified: boolean;
  /** Counselors only: alerts for new vacancies that suit people on their caseload. */
  caseloadAlerts: boolean | null;
}

export async function channelSettings(db: DB, actor: Actor): Promise<ChannelSettings> {
  const [user, preferences] = await Promise.all([
    db.selectFrom("app_user").select(["email", "phone", "phone_verified_at", "caseload_alerts", "role"]).where("id", "=", actor.id).executeTakeFirstOrThrow(),
    preferencesFor(db, actor.id),
  ]);
  return {
    preferences,
    hasEmail: !!user.email,
    phone: user.phone,
    phoneVerified: !!user.phone && !!user.phone_verified_at,
    caseloadAlerts: user.role === "counselor" ? user.caseload_alerts : null,
  };
}

/**
 * Saves the form. A channel the person cannot use now (email without an address, SMS without a verified number) is
 * shown disabled and not posted: it keeps what it was, so verifying a number later brings back their choice.
 */
export async function saveChannelSettings(db: DB, actor: Actor, input: Record<string, boolean>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await channelSettings(trx, actor);
    const choices: Record<NotificationTopic, ChannelChoice> = {} as Record<NotificationTopic, ChannelChoice>;
    for (const topic of TOPICS) {
      choices[topic] = {
        email: current.hasEmail ? !!input[channelFieldName(topic, "email")] : current.preferences[topic].email,
        sms: current.phoneVerified ? !!input[channelFieldName(topic, "sms")] : current.preferences[topic].sms,
      };
    }
    await savePreferences(trx, actor.id, choices);
    if (current.caseloadAlerts !== null) {
      await trx.updateTable("app_user").set({ caseload_alerts: !!input.caseloadAlerts }).where("id", "=", actor.id).execute();
    }
  });
}
