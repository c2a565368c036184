import type { DB } from "../../../db/database";
import { requireUuid } from "../ids";
import { requirePermission, type Actor, type PermissionBase } from "../permissions";

export interface CurrentCounselor {
  counselorId: string;
  name: string | null;
  regionCode: string | null;
  startedAt: Date;
}

/** The seeker's current counselor, if any (one at a time: a partial unique index holds it). */
export async function currentCounselorOf(db: DB, seekerId: string): Promise<CurrentCounselor | null> {
  const row = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as c", "c.id", "a.counselor_id")
    .select(["a.counselor_id", "c.display_name", "c.region_code", "a.started_at"])
    .where("a.seeker_id", "=", seekerId)
    .where("a.ended_at", "is", null)
    .executeTakeFirst();
  return row ? { counselorId: row.counselor_id, name: row.display_name, regionCode: row.region_code, startedAt: row.started_at } : null;
}

/** Ids of counselors the seeker is assigned to now, for `assigned`-scoped checks. */
export async function assignedCounselorIds(db: DB, seekerId: string): Promise<string[]> {
  const c = await currentCounselorOf(db, seekerId);
  return c ? [c.counselorId] : [];
}

/**
 * The access check of every use-case on one seeker of a caseload: the actor must be the seeker's current counselor
 * (scope `assigned`). Anyone else gets 404, as if the seeker did not exist.
 */
export async function requireAssigned(db: DB, actor: Actor, seekerId: string, base: PermissionBase = "update:caseload"): Promise<void> {
  requireUuid(seekerId);
  requirePermission(actor, base, { assignedCounselorIds: await assignedCounselorIds(db, seekerId) });
}
