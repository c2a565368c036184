/**
 * Feedback forms (issue 15): the public form anyone may send, signed in or not, and the admin's answer. Client-safe:
 * used by conform in the browser and again on the server.
 */
import { z } from "zod";
import type { FeedbackKind, FeedbackStatus } from "../../../db/schema";

export const FEEDBACK_KINDS = ["barrier", "problem", "suggestion", "other"] as const satisfies readonly FeedbackKind[];
export const FEEDBACK_STATUSES = ["new", "answered", "closed"] as const satisfies readonly FeedbackStatus[];
/** What an admin may set: "new" is only ever the state a feedback arrives in. */
export const HANDLED_STATUSES = ["answered", "closed"] as const satisfies readonly FeedbackStatus[];

export const MESSAGE_MAX = 2000;
export const PAGE_MAX = 300;
export const CONTACT_MAX = 100;
export const RESPONSE_MAX = 2000;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[\d\s\-()（）－]+$/;

/**
 * A way to reply, checked loosely: an email address, or a phone number as people write them (mobile, landline with
 * its area code, spaces, dashes, brackets, +86), 5 to 20 digits. Nothing stricter: a reply must not be refused for
 * the way someone writes their number.
 */
export function isReplyContact(value: string): boolean {
  if (EMAIL_RE.test(value)) return true;
  if (!PHONE_RE.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 5 && digits <= 20;
}

/**
 * The page feedback is about: free text (an address on this site, prefilled from where the person came from, or a
 * page's name in their words — "找工作"), since asking for an exact address would keep people from reporting.
 */
export function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !/[\s\\]/.test(value);
}

export const feedbackSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS, { errorMap: () => ({ message: "basics.err.kindRequired" }) }),
  page: z.string().trim().max(PAGE_MAX, "basics.err.pageLong").optional(),
  message: z
    .string({ required_error: "basics.err.messageRequired", invalid_type_error: "basics.err.messageRequired" })
    .trim()
    .min(1, "basics.err.messageRequired")
    .max(MESSAGE_MAX, "basics.err.messageLong"),
  contact: z.string().trim().max(CONTACT_MAX, "basics.err.contactLong").refine(isReplyContact, "basics.err.contactFormat").optional(),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

export const handleFeedbackSchema = z.object({
  id: z.string().uuid("basics.err.notFound"),
  status: z.enum(HANDLED_STATUSES, { errorMap: () => ({ message: "basics.err.statusRequired" }) }),
  response: z
    .string({ required_error: "basics.err.responseRequired", invalid_type_error: "basics.err.responseRequired" })
    .trim()
    .min(1, "basics.err.responseRequired")
    .max(RESPONSE_MAX, "basics.err.responseLong"),
});
export type HandleFeedbackInput = z.infer<typeof handleFeedbackSchema>;

export const STATUS_FILTERS = ["all", ...FEEDBACK_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const feedbackQuerySchema = z.object({
  status: z.enum(STATUS_FILTERS).catch("new"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  id: z.string().uuid().optional().catch(undefined),
});
export type FeedbackQuery = z.infer<typeof feedbackQuerySchema>;

/** The admin list's query: the work queue (new) by default; unknown values fall back to the defaults (a hand-edited address is not an error). */
export function parseFeedbackQuery(params: URLSearchParams): FeedbackQuery {
  return feedbackQuerySchema.parse({
    status: params.get("status") ?? undefined,
    page: params.get("page") ?? undefined,
    id: params.get("id") ?? undefined,
  });
}

/** A `kind` from the address (`/feedback?kind=barrier`, the accessibility statement's link), if it is one. */
export function kindFromQuery(value: string | null): FeedbackKind | undefined {
  return (FEEDBACK_KINDS as readonly string[]).includes(value ?? "") ? (value as FeedbackKind) : undefined;
}

/**
 * Where the form was opened from, to prefill "which page": `?page=` when it is a path on this site, else the
 * Referer when it is a page of this site (not the feedback form itself). Never another site's address.
 */
export function pageFromRequest(url: URL, referer: string | null): string | undefined {
  const given = url.searchParams.get("page")?.trim();
  if (given && isSitePath(given) && given.length <= PAGE_MAX) return given;
  if (!referer) return undefined;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return undefined;
  }
  if (from.origin !== url.origin || from.pathname === url.pathname) return undefined;
  const path = `${from.pathname}${from.search}`;
  return path.length <= PAGE_MAX && isSitePath(path) ? path : undefined;
}
