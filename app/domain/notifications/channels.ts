/**
 * Topics and channels (issue 17). Every notification is shown in the site; beyond it, each person chooses per topic
 * whether it also goes by email and by SMS. A kind without a topic (account and administrative news) stays in the site.
 */
import type { NotificationTopic } from "../../../db/schema";

export const TOPICS = ["applications", "invitations", "interviews", "alerts", "messages"] as const satisfies readonly NotificationTopic[];
export type { NotificationTopic };

/** The topic of a notification kind, by its prefix or the kind itself; null: in the site only. */
const TOPIC_OF: Record<string, NotificationTopic> = {
  "application.": "applications",
  "invitation.": "invitations",
  "referral.": "invitations",
  "event.": "interviews",
  "training.": "interviews",
  "alert.": "alerts",
  "message.": "messages",
};

export function topicOf(kind: string): NotificationTopic | null {
  for (const [prefix, topic] of Object.entries(TOPIC_OF)) if (kind.startsWith(prefix)) return topic;
  return null;
}

export interface ChannelChoice {
  email: boolean;
  sms: boolean;
}

/**
 * What a person gets when they have not chosen: email for every topic (when they gave an address); SMS, which is
 * short and costs, only for what is time-bound — invitations and referrals, interviews and events — and only to a
 * verified number. Alerts by SMS are opt-in.
 */
export const DEFAULT_CHANNELS: Record<NotificationTopic, ChannelChoice> = {
  applications: { email: true, sms: false },
  invitations: { email: true, sms: true },
  interviews: { email: true, sms: true },
  alerts: { email: true, sms: false },
  messages: { email: true, sms: false },
};

/** SMS not sent between these hours, Asia/Shanghai (held until the morning). */
export const QUIET_HOURS = { from: 22, to: 8 } as const;

/** At most this many vacancy alerts reach one person a day, over every saved search (the rest wait for the next day). */
export const DAILY_ALERT_CAP = 20;
