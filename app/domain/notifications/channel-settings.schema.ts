import { z } from "zod";
import { TOPICS, type NotificationTopic } from "./channels";

/** A checkbox: "on" when ticked, absent when not; any other value is refused. */
const box = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

export const channelFieldName = (topic: NotificationTopic, channel: "email" | "sms") => `${topic}-${channel}`;

/** The /account/notifications form: an email and an SMS box per topic, and a counselor's caseload alerts. */
const shape: Record<string, typeof box> = {
  ...Object.fromEntries(TOPICS.flatMap((topic) => [[channelFieldName(topic, "email"), box], [channelFieldName(topic, "sms"), box]])),
  caseloadAlerts: box,
};
export const channelSettingsSchema = z.object(shape);

export const phoneCodeSchema = z.object({
  code: z
    .string({ required_error: "phone.err.codeFormat" })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "phone.err.codeFormat")),
});
