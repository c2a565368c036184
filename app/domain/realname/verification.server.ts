/**
 * The quarterly real-name check (实名制, issue 13): each seeker's latest check (when, by whom, what it found), the
 * counselor's queue of caseload people not checked this quarter, and the check itself.
 *
 * Only the seeker's current counselor checks (create:verification:assigned, decision 007's `assigned`); anyone else
 * gets 404. The queue names people and when they were last checked, never disability details; its read is audited.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { EmploymentForm } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { requireAssigned } from "../counseling/access.server";
import { notFound, UUID_RE } from "../ids";
import { hasPermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import {
  profileStatusFor,
  quarterOf,
  VERIFICATION_PAGE_SIZE,
  type Quarter,
  type TrainingKind,
  type VerifiedStatus,
  type VerifyInput,
} from "./verification.schema";

export interface LastVerification {
  id: string;
  verifiedOn: string;
  verifiedByName: string | null;
  employmentStatus: VerifiedStatus;
  employmentForm: EmploymentForm | null;
  trainingNeeds: TrainingKind[];
  serviceNeeds: string[];
  note: string;
}

/**
 * The latest check of each of `seekerIds` (by day, then by when it was recorded): the "last verified" date and by
 * whom. No access check: callers check first.
 */
export async function latestVerifications(db: DB, seekerIds: readonly string[]): Promise<Map<string, LastVerification>> {
  const out = new Map<string, LastVerification>();
  if (!seekerIds.length) return out;
  const rows = await db
    .selectFrom("real_name_verification as v")
    .leftJoin("app_user as c", "c.id", "v.verified_by")
    .select([
      "v.id",
      "v.seeker_id",
      "v.verified_on",
      "c.display_name",
      "v.employment_status",
      "v.employment_form",
      "v.training_needs",
      "v.service_needs",
      "v.note",
    ])
    .distinctOn("v.seeker_id")
    .where("v.seeker_id", "in", seekerIds)
    .orderBy("v.seeker_id")
    .orderBy("v.verified_on", "desc")
    .orderBy("v.created_at", "desc")
    .orderBy("v.id", "desc")
    .execute();
  for (const r of rows) {
    out.set(r.seeker_id, {
      id: r.id,
      verifiedOn: r.verified_on,
      verifiedByName: r.display_name,
      employmentStatus: r.employment_status,
      employmentForm: r.employment_form,
      trainingNeeds: r.training_needs as TrainingKind[],
      serviceNeeds: r.service_needs,
      note: r.note,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The queue

export interface QueueRow {
  seekerId: string;
  name: string;
  lastVerifiedOn: string | null;
  lastVerifiedByName: string | null;
}

export interface VerificationQueue {
  quarter: Quarter;
  /** People on the caseload now. */
  total: number;
  /** Of them, checked this quarter. */
  verified: number;
  /** Not checked this quarter (the queue's length). */
  pending: number;
  rows: QueueRow[];
  page: number;
  pageCount: number;
}

/**
 * The counselor's current caseload people not checked in the current quarter (Asia/Shanghai), longest unchecked
 * first (never checked before anyone), with when and by whom they were last checked. Names only. The read is
 * audited: one row per person on the page shown.
 */
export async function verificationQueue(
  db: DB,
  actor: Actor,
  options: { page?: number; now?: Date; ip?: string | null } = {},
): Promise<VerificationQueue> {
  // The queue is the actor's own caseload; only those who check (counselors) have one.
  if (!hasPermission(actor, "create:verification")) notFound();
  const today = todayInShanghai(options.now);
  const quarter = quarterOf(today);
  const rows = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select((eb) => [
      "u.id",
      "u.display_name",
      "p.real_name",
      eb
        .selectFrom("real_name_verification as v")
        .select(sql<string | null>`max(v.verified_on)::text`.as("d"))
        .whereRef("v.seeker_id", "=", "u.id")
        .where("v.verified_on", "<=", today)
        .as("last_on"),
    ])
    .where("a.counselor_id", "=", actor.id)
    .where("a.ended_at", "is", null)
    .execute();
  const all = rows.map((r) => ({ seekerId: r.id, name: r.real_name ?? r.display_name ?? "", lastOn: r.last_on ?? null }));
  const queue = all
    .filter((r) => r.lastOn === null || r.lastOn < quarter.start)
    .sort(
      (a, b) =>
        (a.lastOn === b.lastOn ? 0 : a.lastOn === null ? -1 : b.lastOn === null ? 1 : a.lastOn < b.lastOn ? -1 : 1) ||
        a.name.localeCompare(b.name, "zh-CN") ||
        a.seekerId.localeCompare(b.seekerId),
    );
  const pageCount = Math.max(1, Math.ceil(queue.length / VERIFICATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const shown = queue.slice((page - 1) * VERIFICATION_PAGE_SIZE, page * VERIFICATION_PAGE_SIZE);
  const latest = await latestVerifications(
    db,
    shown.filter((r) => r.lastOn).map((r) => r.seekerId),
  );
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: shown.map((r) => r.seekerId),
    entity: "verification_queue",
    entityId: actor.id,
    reason: "caseload",
    ip: options.ip,
  });
  return {
    quarter,
    total: all.length,
    verified: all.length - queue.length,
    pending: queue.length,
    page,
    pageCount,
    rows: shown.map((r) => {
      const last = latest.get(r.seekerId);
      return { seekerId: r.seekerId, name: r.name, lastVerifiedOn: last?.verifiedOn ?? r.lastOn, lastVerifiedByName: last?.verifiedByName ?? null };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One check

/** Whether the seeker holds an employment record open on `day`: started by then, not ended and not past its contract end. */
async function hasOpenEmployment(db: DB, seekerId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom("employment")
    .select("id")
    .where("seeker_id", "=", seekerId)
    .where("ended_on", "is", null)
    .where("contract_start", "<=", day)
    .where((eb) => eb.or([eb("contract_end", "is", null), eb("contract_end", ">=", day)]))
    .executeTakeFirst();
  return !!row;
}

async function seekerName(db: DB, seekerId: string): Promise<string> {
  const person = await db
    .selectFrom("app_user as u")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.display_name", "p.real_name"])
    .where("u.id", "=", seekerId)
    .executeTakeFirst();
  return person?.real_name ?? person?.display_name ?? "";
}

export interface VerificationForm {
  seekerId: string;
  seekerName: string;
  quarter: Quarter;
  last: LastVerification | null;
  /** The profile's employment status now (what the person last said, or the last check). */
  profileStatus: "employed" | "unemployed" | "student" | null;
  hasOpenEmployment: boolean;
}

/**
 * What the check's form shows: the person's name, their last check and what the profile says now. The seeker's
 * current counselor only (404 otherwise); the read of the last check is audited.
 */
export async function verificationForm(
  db: DB,
  actor: Actor,
  seekerId: string,
  options: { now?: Date; ip?: string | null } = {},
): Promise<VerificationForm> {
  await requireAssigned(db, actor, seekerId, "create:verification");
  const today = todayInShanghai(options.now);
  const last = (await latestVerifications(db, [seekerId])).get(seekerId) ?? null;
  const profile = await db.selectFrom("seeker_profile").select("employment_status").where("user_id", "=", seekerId).executeTakeFirst();
  await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "real_name_verification", entityId: seekerId, reason: "caseload", ip: options.ip });
  return {
    seekerId,
    seekerName: await seekerName(db, seekerId),
    quarter: quarterOf(today),
    last,
    profileStatus: profile?.employment_status ?? null,
    hasOpenEmployment: await hasOpenEmployment(db, seekerId, today),
  };
}

/**
 * Records a check (verified today, Asia/Shanghai, by the actor) and brings the profile's employment status in line
 * with it. Only the seeker's current counselor (404 otherwise). Employment records are not created here: someone
 * found employed without an open record is pointed to the employment record form by the confirmation.
 */
export async function verify(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: VerifyInput,
  options: { now?: Date; ip?: string | null } = {},
): Promise<Result<{ verificationId: string }>> {
  await requireAssigned(db, actor, seekerId, "create:verification");
  const today = todayInShanghai(options.now);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("real_name_verification")
      .values({
        seeker_id: seekerId,
        verified_by: actor.id,
        verified_on: today,
        employment_status: input.employmentStatus,
        employment_form: input.employmentStatus === "employed" ? (input.employmentForm ?? null) : null,
        training_needs: [...new Set(input.trainingNeeds)],
        service_needs: [...new Set(input.serviceNeeds)],
        note: input.note,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("seeker_profile")
      .set({
        employment_status: profileStatusFor(input.employmentStatus),
        // Training needs found at the check become the profile's (issue 14), so the seeker and the counselor see the same.
        ...(input.trainingNeeds.length ? { training_needs: [...new Set(input.trainingNeeds)] } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where("user_id", "=", seekerId)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: seekerId,
      action: "create",
      entity: "real_name_verification",
      entityId: row.id,
      reason: "caseload",
      ip: options.ip,
    });
    return { ok: true as const, value: { verificationId: row.id } };
  });
}

export interface VerificationDone {
  seekerId: string;
  seekerName: string;
  verifiedOn: string;
  employmentStatus: VerifiedStatus;
  /** Found employed, but no employment record is open: one should be recorded. */
  employedWithoutRecord: boolean;
}

/**
 * The confirmation after a check, by the check's id (names never travel in the address): the actor's own check of
 * someone still on their caseload, else null.
 */
export async function verificationDone(db: DB, actor: Actor, verificationId: string, options: { now?: Date } = {}): Promise<VerificationDone | null> {
  if (!hasPermission(actor, "create:verification") || !UUID_RE.test(verificationId)) return null;
  const row = await db
    .selectFrom("real_name_verification as v")
    .innerJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "v.seeker_id").on("a.ended_at", "is", null))
    .select(["v.seeker_id", "v.verified_on", "v.employment_status"])
    .where("v.id", "=", verificationId)
    .where("v.verified_by", "=", actor.id)
    .where("a.counselor_id", "=", actor.id)
    .executeTakeFirst();
  if (!row) return null;
  const today = todayInShanghai(options.now);
  return {
    seekerId: row.seeker_id,
    seekerName: await seekerName(db, row.seeker_id),
    verifiedOn: row.verified_on,
    employmentStatus: row.employment_status,
    employedWithoutRecord: row.employment_status === "employed" && !(await hasOpenEmployment(db, row.seeker_id, today)),
  };
}
