/**
 * The message form between a seeker and their counselor (issue 15; client-safe). Messages are message keys
 * (app/i18n/messages/conversation.ts).
 */
import { z } from "zod";
import { errorMessage } from "../../i18n/i18n";

/** Long enough for a few paragraphs about an interview or a problem at work; a longer matter is a phone call. */
export const MESSAGE_MAX = 1000;
/** How many messages one person may send within MESSAGE_WINDOW_MINUTES (a person, not a script, is writing). */
export const MESSAGE_BURST = 20;
export const MESSAGE_WINDOW_MINUTES = 60;
/** How many of a thread's newest messages a page shows. */
export const THREAD_SHOWN = 50;

/** The form's switch: the page's only form today, named so another form can join it. */
export const MESSAGE_INTENT = "message";

export const messageSchema = z.object({
  body: z
    .string({ required_error: "conversation.err.bodyRequired" })
    .trim()
    .min(1, "conversation.err.bodyRequired")
    .max(MESSAGE_MAX, errorMessage("conversation.err.bodyLong", { max: MESSAGE_MAX })),
});
export type MessageInput = z.infer<typeof messageSchema>;
