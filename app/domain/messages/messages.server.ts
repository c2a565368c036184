/**
 * Messages between a seeker and their counselor (issue 15). A thread is the seeker's (`message.seeker_id`): whoever
 * is their counselor now reads and writes it, so a new counselor sees what was said before, and a former one no
 * longer does. Nobody else reads it — not another counselor, not an admin (design §7: need to know; a region's admins
 * see caseloads and figures, not what a person says to their counselor).
 *
 * - The seeker writes only while they have a current counselor; without one they are told how to get one.
 * - Each message notifies its recipient (`notification.message.*`, app/i18n/messages/conversation.ts).
 * - Reading the thread marks the other side's messages read, and the reader's notifications about them. `read_at`
 *   is the reader's own state (what is new to them): the sender is not shown it, so a page load (or a prefetch)
 *   changes nothing anyone else sees (issue 12 item 11).
 * - The counselor's reads and writes are audited (design §7), as the client page is.
 * - A person sends at most MESSAGE_BURST messages an hour in one thread (a counselor writes to many people: the
 *   limit is per thread), each at most MESSAGE_MAX characters (the schema).
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { retryMessage, type Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { requireAssigned } from "../counseling/access.server";
import { requireUuid } from "../ids";
import { notify } from "../notifications/notifications.server";
import { requirePermission, type Actor } from "../permissions";
import { MESSAGE_BURST, MESSAGE_WINDOW_MINUTES, THREAD_SHOWN, type MessageInput } from "./messages.schema";

export interface ThreadMessage {
  id: string;
  body: string;
  createdAt: Date;
  /** Written by the seeker (else by a counselor, this one or a former one). */
  fromSeeker: boolean;
  /** The writer's display name; null when their account is gone. */
  senderName: string | null;
  /** New to the reader: the other side wrote it and the reader had not seen it before this page. */
  isNew: boolean;
}

export interface Thread {
  /** The newest THREAD_SHOWN messages, oldest first (a conversation reads downwards). */
  messages: ThreadMessage[];
  /** How many the thread holds in all. */
  total: number;
}

export interface CounselorContact {
  name: string | null;
  /** The counselor's service region (a division name, Chinese). */
  regionName: string | null;
  since: Date;
}

export interface SeekerThread extends Thread {
  /** Null: no counselor now, so the seeker cannot write (the page says how to get one). */
  counselor: CounselorContact | null;
}

/** The notification kinds of a message, by who receives it. */
const TO_SEEKER = "message.fromCounselor";
const TO_COUNSELOR = "message.fromSeeker";
const seekerLink = "/my-plan#messages";
const counselorLink = (seekerId: string) => `/clients/${seekerId}#messages`;

async function loadThread(db: DB, seekerId: string, reader: "seeker" | "counselor"): Promise<Thread> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom("message as m")
      .leftJoin("app_user as s", "s.id", "m.sender_id")
      .select(["m.id", "m.body", "m.created_at", "m.sender_id", "m.read_at", "s.display_name"])
      .where("m.seeker_id", "=", seekerId)
      .orderBy("m.created_at", "desc")
      .orderBy("m.id", "desc")
      .limit(THREAD_SHOWN)
      .execute(),
    db.selectFrom("message").select((eb) => eb.fn.countAll<number>().as("n")).where("seeker_id", "=", seekerId).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    messages: rows.reverse().map((r) => {
      const fromSeeker = r.sender_id === seekerId;
      return {
        id: r.id,
        body: r.body,
        createdAt: r.created_at,
        fromSeeker,
        senderName: r.display_name ?? null,
        isNew: r.read_at === null && (reader === "seeker" ? !fromSeeker : fromSeeker),
      };
    }),
  };
}

/** Marks read what the other side wrote, and the reader's notifications that pointed to it. */
async function markRead(db: DB, seekerId: string, reader: { id: string; side: "seeker" | "counselor" }): Promise<void> {
  let q = db.updateTable("message").set({ read_at: sql<Date>`now()` }).where("seeker_id", "=", seekerId).where("read_at", "is", null);
  // A former counselor's messages (sender set or gone) are the other side too, for the seeker.
  q = reader.side === "seeker" ? q.where((eb) => eb.or([eb("sender_id", "is", null), eb("sender_id", "!=", seekerId)])) : q.where("sender_id", "=", seekerId);
  await q.execute();
  await db
    .updateTable("notification")
    .set({ read_at: sql<Date>`now()` })
    .where("user_id", "=", reader.id)
    .where("read_at", "is", null)
    .where("kind", "=", reader.side === "seeker" ? TO_SEEKER : TO_COUNSELOR)
    .where("link", "=", reader.side === "seeker" ? seekerLink : counselorLink(seekerId))
    .execute();
}

async function counselorContact(db: DB, seekerId: string): Promise<(CounselorContact & { id: string }) | null> {
  const row = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as c", "c.id", "a.counselor_id")
    .leftJoin("division as d", "d.code", "c.region_code")
    .select(["c.id", "c.display_name", "d.name as region_name", "a.started_at"])
    .where("a.seeker_id", "=", seekerId)
    .where("a.ended_at", "is", null)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.display_name, regionName: row.region_name, since: row.started_at } : null;
}

/** The seeker's own thread on /my-plan, with who their counselor is; what the counselor wrote becomes read. */
export async function seekerThread(db: DB, actor: Actor): Promise<SeekerThread> {
  requirePermission(actor, "read:message", { ownerId: actor.id });
  const [contact, thread] = await Promise.all([counselorContact(db, actor.id), loadThread(db, actor.id, "seeker")]);
  await markRead(db, actor.id, { id: actor.id, side: "seeker" });
  const counselor = contact ? { name: contact.name, regionName: contact.regionName, since: contact.since } : null;
  return { ...thread, counselor };
}

/**
 * A seeker's thread as their current counselor reads it on the client page (404 for anyone else, as the page). The
 * read is audited; what the seeker wrote becomes read.
 */
export async function clientThread(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null } = {}): Promise<Thread> {
  await requireAssigned(db, actor, seekerId, "read:message");
  const thread = await loadThread(db, seekerId, "counselor");
  await db.transaction().execute(async (trx) => {
    await markRead(trx, seekerId, { id: actor.id, side: "counselor" });
    await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "message_thread", entityId: seekerId, reason: "caseload", ip: options.ip ?? null });
  });
  return thread;
}

/**
 * The check an action makes before it reads a message form: the seeker for their own thread, the seeker's current
 * counselor for theirs; 404 for anyone else (sendMessage checks again, in its transaction).
 */
export async function requireThreadWriter(db: DB, actor: Actor, seekerId: string): Promise<void> {
  requireUuid(seekerId);
  if (actor.role === "seeker") requirePermission(actor, "create:message", { ownerId: seekerId });
  else await requireAssigned(db, actor, seekerId, "create:message");
}

function tooMany(retryAt: Date, now: Date) {
  return { ok: false as const, fieldErrors: { body: [retryMessage("conversation.err.tooMany", retryAt, now)] } };
}

/**
 * Sends a message in `seekerId`'s thread: by the seeker themself while they have a current counselor, or by that
 * counselor (anyone else: 404). The recipient is notified; a counselor's message is audited. One transaction, with
 * the thread's seeker row locked so that two sends count against the hourly limit one after the other.
 */
export async function sendMessage(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: MessageInput,
  options: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ messageId: string }>> {
  await requireThreadWriter(db, actor, seekerId);
  const bySeeker = actor.role === "seeker";
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("app_user").select("id").where("id", "=", seekerId).forUpdate().executeTakeFirst();
    // Read again inside the transaction: the assignment may have ended since the check.
    const counselor = await counselorContact(trx, seekerId);
    if (!counselor) return { ok: false as const, fieldErrors: { "": ["conversation.err.noCounselor"] } };
    if (!bySeeker && counselor.id !== actor.id) return { ok: false as const, fieldErrors: { "": ["conversation.err.notYours"] } };
    const since = new Date(now.getTime() - MESSAGE_WINDOW_MINUTES * 60_000);
    const recent = await trx
      .selectFrom("message")
      .select("created_at")
      .where("seeker_id", "=", seekerId)
      .where("sender_id", "=", actor.id)
      .where("created_at", ">", since)
      .orderBy("created_at", "desc")
      .limit(MESSAGE_BURST)
      .execute();
    if (recent.length >= MESSAGE_BURST) {
      const oldest = recent[recent.length - 1]!.created_at;
      return tooMany(new Date(oldest.getTime() + MESSAGE_WINDOW_MINUTES * 60_000), now);
    }
    const row = await trx.insertInto("message").values({ seeker_id: seekerId, sender_id: actor.id, body: input.body }).returning("id").executeTakeFirstOrThrow();
    if (bySeeker) {
      // The seeker's name stays out of the notification: it outlives the caseload, the thread does not.
      await notify(trx, counselor.id, TO_COUNSELOR, {}, counselorLink(seekerId));
    } else {
      await notify(trx, seekerId, TO_SEEKER, { counselor: counselor.name ?? "" }, seekerLink);
      await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "create", entity: "message", entityId: row.id, reason: "caseload", ip: options.ip ?? null });
    }
    return { ok: true as const, value: { messageId: row.id } };
  });
}
