/** English strings of unsubscribe.ts: every key of the Chinese catalog (the type checker enforces it). A file of its own so the browser loads one language. */
import type { zh } from "../unsubscribe";

export const en: Record<keyof typeof zh, string> = {
  "notifications.topic.applications": "Applications",
  "notifications.topic.invitations": "Invitations and referrals",
  "notifications.topic.interviews": "Interviews, job fairs and training",
  "notifications.topic.alerts": "Job alerts",
  "notifications.topic.messages": "Messages",

  "unsubscribe.title": "Unsubscribe from emails",
  "unsubscribe.lead": "You will no longer receive “{topic}” notifications by email. They will still appear on the site's Notifications page; other emails and text messages are not affected.",
  "unsubscribe.submit": "Unsubscribe from these emails",
  "unsubscribe.done.title": "Unsubscribed",
  "unsubscribe.done.text": "You have unsubscribed from “{topic}” emails. These notifications will still appear on the site's Notifications page.",
  "unsubscribe.preferences": "Manage all notification settings",
  "unsubscribe.notFound.title": "This unsubscribe link was not found",
  "unsubscribe.notFound.text": "The link may be incomplete. Copy the whole link from the email, or sign in and choose how you are notified in your notification settings.",
};
