/**
 * Feedback (issue 15): anyone — signed in or not — reports a barrier, a problem or a suggestion; the province
 * federation's admins read it, answer and close it. Decision 014 says who handles it and why.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { FeedbackKind, FeedbackStatus, Role } from "../../../db/schema";
import type { Locale } from "../../i18n/i18n";
import { retryMessage, type Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { requireUuid } from "../ids";
import { can, PROVINCE_CODE, requirePermission, type Actor } from "../permissions";
import type { FeedbackInput, FeedbackQuery, HandleFeedbackInput } from "./feedback.schema";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** China Standard Time: no daylight saving, so a day in Shanghai is a fixed offset from UTC. */
const SHANGHAI_OFFSET_MS = 8 * HOUR;

/**
 * How much feedback is taken before the form asks to wait, counted from `feedback` itself (as quota objections are,
 * decision 010) inside one transaction that holds this module's lock, so parallel sends are counted one after another.
 * - A signed-in account: 10 an hour.
 * - Visitors not signed in, all together: 30 an hour. `feedback` keeps no network address, so an address cannot be
 *   limited on its own; a flood from one script therefore makes other visitors wait too, and the refusal tells them
 *   they can sign in or call 12385 instead. Signed-in people and the helpline are never held up by it.
 */
export const FEEDBACK_LIMITS = {
  perAccount: { max: 10, windowMs: HOUR },
  anonymous: { max: Number(process.env.ANONYMOUS_FEEDBACK_PER_HOUR) || 30, windowMs: HOUR },
} as const;

export const FEEDBACK_PAGE_SIZE = 20;
/** "We reply within 5 working days" (the accessibility statement and the confirmation page). */
export const REPLY_WORKING_DAYS = 5;

/** Distinguishes this module's advisory lock from others' (pg_advisory_xact_lock(int, int)). */
const LOCK_CLASS = 0x5163_0015;

/** The first instant of `at`'s day in Shanghai, and that day as YYYYMMDD. */
function shanghaiDay(at: Date): { start: Date; label: string } {
  const local = Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY) * DAY;
  return { start: new Date(local - SHANGHAI_OFFSET_MS), label: new Date(local).toISOString().slice(0, 10).replace(/-/g, "") };
}

/**
 * A reference people can read out on the phone: the day it was sent in Shanghai and its number that day,
 * "20261206-003". Numbers are stable because sends are serialized by the module's lock (the count before a row
 * never changes after it is written) and feedback is never deleted.
 */
export function feedbackReference(createdAt: Date, numberThatDay: number): string {
  return `${shanghaiDay(createdAt).label}-${String(numberThatDay).padStart(3, "0")}`;
}

/** The row's number within its Shanghai day, for `feedback as f`. */
const numberThatDay = sql<number>`(
  select count(*) from feedback f2
  where f2.created_at >= to_timestamp(floor((extract(epoch from f.created_at) * 1000 + ${SHANGHAI_OFFSET_MS}) / ${DAY}) * ${DAY / 1000} - ${SHANGHAI_OFFSET_MS / 1000})
    and (f2.created_at, f2.id) <= (f.created_at, f.id)
)`;

/**
 * Monday to Friday days after the day `from` (in Shanghai) up to and including the day of `now`. Public holidays and
 * the weekends worked in their place (调休) are not known to the platform, so they count as ordinary days: an item
 * can be marked late a day or two early around a holiday, never late without being so.
 */
export function workingDaysSince(from: Date, now: Date): number {
  const first = shanghaiDay(from).start.getTime();
  const last = shanghaiDay(now).start.getTime();
  let days = 0;
  for (let t = first + DAY; t <= last; t += DAY) {
    const weekday = new Date(t + SHANGHAI_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days += 1;
  }
  return days;
}

// --- sending ------------------------------------------------------------------------------------------------------

/**
 * Stores one feedback. The sender is the signed-in account, if any; `contact` is kept only as typed, for the reply.
 * Refused, with when to try again, when the limit is reached.
 */
export async function submitFeedback(
  db: DB,
  input: FeedbackInput,
  request: { actor: Actor | null; locale: Locale; now?: Date },
): Promise<Result<{ id: string; reference: string }>> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, 0)`.execute(trx);
    // Taken after the lock, so rows are written in the order of their times and the day's numbers never shift.
    const now = request.now ?? new Date();
    const limit = request.actor ? FEEDBACK_LIMITS.perAccount : FEEDBACK_LIMITS.anonymous;
    let recent = trx
      .selectFrom("feedback")
      .select("created_at")
      .where("created_at", ">", new Date(now.getTime() - limit.windowMs))
      .where("created_at", "<=", now)
      .orderBy("created_at", "desc")
      .limit(limit.max);
    recent = request.actor ? recent.where("user_id", "=", request.actor.id) : recent.where("user_id", "is", null);
    const times = await recent.execute();
    if (times.length >= limit.max) {
      const retryAt = new Date(new Date(times[limit.max - 1]!.created_at).getTime() + limit.windowMs);
      const key = request.actor ? "basics.err.tooManyFromAccount" : "basics.err.tooManyAnonymous";
      return { ok: false, fieldErrors: { "": [retryMessage(key, retryAt, now)] } };
    }
    const row = await trx
      .insertInto("feedback")
      .values({
        kind: input.kind,
        page: input.page || null,
        message: input.message,
        contact: input.contact || null,
        locale: request.locale,
        user_id: request.actor?.id ?? null,
        created_at: now,
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    const numbered = await trx.selectFrom("feedback as f").select(numberThatDay.as("n")).where("f.id", "=", row.id).executeTakeFirstOrThrow();
    return { ok: true, value: { id: row.id, reference: feedbackReference(new Date(row.created_at), Number(numbered.n)) } };
  });
}

/**
 * What the confirmation page says about a feedback just sent, found by its id (which only the sender's address bar
 * holds): its reference, whether a reply will come, and the page it was about. Nothing of the message or contact.
 */
export async function sentFeedback(db: DB, id: string): Promise<{ reference: string; replyExpected: boolean; page: string | null } | null> {
  const row = await db
    .selectFrom("feedback as f")
    .select(["f.created_at", "f.page", (eb) => eb("f.contact", "is not", null).as("has_contact"), numberThatDay.as("n")])
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return { reference: feedbackReference(new Date(row.created_at), Number(row.n)), replyExpected: !!row.has_contact, page: row.page };
}

// --- handling (admins) --------------------------------------------------------------------------------------------

/**
 * Who handles feedback: the province federation's admins (decision 014). Feedback is about the service as a whole
 * and most of it comes from visitors with no region, so it is not split by region; the province forwards what
 * belongs to a prefecture. Asked as `region` for the province, so only a province admin's region covers it.
 */
const FEEDBACK_TARGET = { regionCode: PROVINCE_CODE } as const;

export function canHandleFeedback(actor: Actor | null | undefined): boolean {
  return can(actor, "read:feedback", FEEDBACK_TARGET);
}

export interface FeedbackListItem {
  id: string;
  reference: string;
  kind: FeedbackKind;
  page: string | null;
  /** The message's beginning; the whole of it, and the contact, are on the item's own view. */
  excerpt: string;
  status: FeedbackStatus;
  createdAt: Date;
  hasContact: boolean;
  /** Still new after the working days we promise to reply in. */
  overdue: boolean;
}

export interface FeedbackList {
  items: FeedbackListItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<FeedbackStatus, number>;
}

const EXCERPT = 80;

function excerpt(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

/** The feedback list, newest first, of one status or all; no contact details (those are on the item's view). */
export async function listFeedback(db: DB, actor: Actor, query: Pick<FeedbackQuery, "status" | "page">, now = new Date()): Promise<FeedbackList> {
  requirePermission(actor, "read:feedback", FEEDBACK_TARGET);
  const base = db.selectFrom("feedback as f");
  const filtered = query.status === "all" ? base : base.where("f.status", "=", query.status);
  const [rows, total, counts] = await Promise.all([
    filtered
      .select(["f.id", "f.kind", "f.page", "f.message", "f.status", "f.created_at", (eb) => eb("f.contact", "is not", null).as("has_contact"), numberThatDay.as("n")])
      .orderBy("f.created_at", "desc")
      .orderBy("f.id", "desc")
      .limit(FEEDBACK_PAGE_SIZE)
      .offset((query.page - 1) * FEEDBACK_PAGE_SIZE)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.select(["f.status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("f.status").execute(),
  ]);
  const byStatus: Record<FeedbackStatus, number> = { new: 0, answered: 0, closed: 0 };
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return {
    items: rows.map((r) => {
      const createdAt = new Date(r.created_at);
      return {
        id: r.id,
        reference: feedbackReference(createdAt, Number(r.n)),
        kind: r.kind,
        page: r.page,
        excerpt: excerpt(r.message),
        status: r.status,
        createdAt,
        hasContact: !!r.has_contact,
        overdue: r.status === "new" && workingDaysSince(createdAt, now) > REPLY_WORKING_DAYS,
      };
    }),
    total: Number(total.n),
    page: query.page,
    pageSize: FEEDBACK_PAGE_SIZE,
    counts: byStatus,
  };
}

export interface FeedbackDetail extends Omit<FeedbackListItem, "excerpt"> {
  message: string;
  contact: string | null;
  locale: string;
  /** The sender's role when they were signed in; null when they were not (or the account is gone). */
  senderRole: Role | null;
  response: string | null;
  handledBy: string | null;
  handledAt: Date | null;
}

/**
 * One feedback with the sender's contact, for an admin to answer. The read is audited: a contact, and often the
 * message, are the sender's personal information.
 */
export async function getFeedback(db: DB, actor: Actor, id: string, options: { ip?: string | null; now?: Date } = {}): Promise<FeedbackDetail> {
  requirePermission(actor, "read:feedback", FEEDBACK_TARGET);
  requireUuid(id);
  const r = await db
    .selectFrom("feedback as f")
    .leftJoin("app_user as s", "s.id", "f.user_id")
    .leftJoin("app_user as h", "h.id", "f.handled_by")
    .select([
      "f.id",
      "f.kind",
      "f.page",
      "f.message",
      "f.contact",
      "f.locale",
      "f.status",
      "f.response",
      "f.handled_at",
      "f.created_at",
      "f.user_id",
      "s.role as sender_role",
      "h.display_name as handler_name",
      numberThatDay.as("n"),
    ])
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!r) throw new Response("Not Found", { status: 404 });
  await recordAudit(db, { actorId: actor.id, subjectUserId: r.user_id, action: "read", entity: "feedback", entityId: r.id, reason: "feedback opened", ip: options.ip });
  const createdAt = new Date(r.created_at);
  return {
    id: r.id,
    reference: feedbackReference(createdAt, Number(r.n)),
    kind: r.kind,
    page: r.page,
    message: r.message,
    contact: r.contact,
    locale: r.locale,
    status: r.status,
    createdAt,
    hasContact: r.contact !== null,
    overdue: r.status === "new" && workingDaysSince(createdAt, options.now ?? new Date()) > REPLY_WORKING_DAYS,
    senderRole: r.sender_role,
    response: r.response,
    handledBy: r.handler_name,
    handledAt: r.handled_at ? new Date(r.handled_at) : null,
  };
}

/**
 * Answers or closes a feedback with a note of what was done (the reply given, or why it is closed). It may be handled
 * again (answered, then closed); the latest note and handler are kept on the row, and every change in the audit log.
 */
export async function handleFeedback(db: DB, actor: Actor, input: HandleFeedbackInput, options: { ip?: string | null; now?: Date } = {}): Promise<Result<null>> {
  requirePermission(actor, "update:feedback", FEEDBACK_TARGET);
  requireUuid(input.id);
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("feedback").select(["status", "user_id"]).where("id", "=", input.id).forUpdate().executeTakeFirst();
    if (!current) throw new Response("Not Found", { status: 404 });
    await trx
      .updateTable("feedback")
      .set({ status: input.status, response: input.response, handled_by: actor.id, handled_at: now })
      .where("id", "=", input.id)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: current.user_id,
      action: "update",
      entity: "feedback",
      entityId: input.id,
      reason: `${current.status} → ${input.status}`,
      ip: options.ip,
    });
    return { ok: true, value: null };
  });
}

/** For an admin's dashboard: feedback waiting for an answer, and how many of those are late. Null for others. */
export async function feedbackWaiting(db: DB, actor: Actor, now = new Date()): Promise<{ waiting: number; overdue: number } | null> {
  if (!canHandleFeedback(actor)) return null;
  const rows = await db.selectFrom("feedback").select("created_at").where("status", "=", "new").execute();
  return {
    waiting: rows.length,
    overdue: rows.filter((r) => workingDaysSince(new Date(r.created_at), now) > REPLY_WORKING_DAYS).length,
  };
}
