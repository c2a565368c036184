/**
 * Vocational capability assessments (职业能力评估, issue 14): the seeker's current counselor records the tool or
 * method used, the result and recommendations. Distinct from a service note (what was done for the person): an
 * assessment says what the person can do, and the individual plan shows the latest one beside its goals.
 *
 * Access: `create:assessment:assigned` / `read:assessment:assigned` — the seeker's current counselor only; anyone
 * else gets 404. Recording and reading are audited (an assessment may touch on the person's impairment).
 */
import type { DB } from "../../../db/database";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { requireAssigned } from "./access.server";
import type { AssessmentInput } from "./assessments.schema";

export interface AssessmentView {
  id: string;
  assessedOn: string;
  method: string;
  result: string;
  recommendations: string;
  counselorName: string | null;
}

/** The seeker's name for the form's heading, for their current counselor only (404 otherwise). */
export async function assessmentSubjectName(db: DB, actor: Actor, seekerId: string): Promise<string> {
  await requireAssigned(db, actor, seekerId, "create:assessment");
  const person = await db
    .selectFrom("app_user as u")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.display_name", "p.real_name"])
    .where("u.id", "=", seekerId)
    .executeTakeFirst();
  return person?.real_name ?? person?.display_name ?? "";
}

/** Records an assessment of a seeker of the actor's caseload; not dated in the future. */
export async function recordAssessment(
  db: DB,
  actor: Actor,
  seekerId: string,
  input: AssessmentInput,
  options: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ assessmentId: string }>> {
  await requireAssigned(db, actor, seekerId, "create:assessment");
  if (input.assessedOn > todayInShanghai(options.now)) return { ok: false, fieldErrors: { assessedOn: ["assessment.err.dateFuture"] } };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("capability_assessment")
      .values({ seeker_id: seekerId, counselor_id: actor.id, assessed_on: input.assessedOn, method: input.method, result: input.result, recommendations: input.recommendations ?? "" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: seekerId, action: "create", entity: "capability_assessment", entityId: row.id, reason: input.method, ip: options.ip });
    return { ok: true as const, value: { assessmentId: row.id } };
  });
}

/** The seeker's assessments, newest first, for their current counselor (audited). */
export async function assessmentsOf(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null; limit?: number } = {}): Promise<AssessmentView[]> {
  await requireAssigned(db, actor, seekerId, "read:assessment");
  let q = db
    .selectFrom("capability_assessment as a")
    .leftJoin("app_user as c", "c.id", "a.counselor_id")
    .select(["a.id", "a.assessed_on", "a.method", "a.result", "a.recommendations", "c.display_name"])
    .where("a.seeker_id", "=", seekerId)
    .orderBy("a.assessed_on", "desc")
    .orderBy("a.created_at", "desc");
  if (options.limit) q = q.limit(options.limit);
  const rows = await q.execute();
  if (rows.length) {
    await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "capability_assessment", entityId: seekerId, reason: "caseload", ip: options.ip });
  }
  return rows.map((r) => ({ id: r.id, assessedOn: r.assessed_on, method: r.method, result: r.result, recommendations: r.recommendations, counselorName: r.display_name }));
}

/** The latest assessment, for the individual plan (null when there is none). */
export async function latestAssessment(db: DB, actor: Actor, seekerId: string, options: { ip?: string | null } = {}): Promise<AssessmentView | null> {
  return (await assessmentsOf(db, actor, seekerId, { ...options, limit: 1 }))[0] ?? null;
}
