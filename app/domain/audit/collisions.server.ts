import type { DB } from "../../../db/database";
import { maskContact } from "../identity";
import { requirePermission, regionPrefix, type Actor } from "../permissions";
import { recordAudit } from "./audit.server";

/**
 * Identifier collisions for the federation (issue 12): tries by one account to save an ID or certificate number that
 * another account holds, recorded by seekers.server.ts as audit events (`action` "collision", `entity` the field,
 * `entity_id` the number masked). Each may be someone testing whether a person is registered here, or a person whose
 * number someone else has used; either way the federation follows it up.
 */
export interface CollisionEvent {
  at: Date;
  field: "id_number" | "certificate_number";
  /** First four and last four characters only; the full number is never stored with the event. */
  maskedNumber: string | null;
  /** The account that tried; null when it has since been deleted. */
  account: { id: string; contact: string | null; name: string | null; regionName: string | null } | null;
  /** The address the try came from. */
  ip: string | null;
  /** How many collisions that account has in this list's period (30 days). */
  accountTries: number;
}

export const COLLISION_LIST_DAYS = 30;
const FIELDS = ["id_number", "certificate_number"] as const;

/**
 * The latest collisions of the last 30 days an admin may see: in their region, where the account that tried or the
 * account that holds the number lives (current or household region); a province admin sees them all, including
 * those with no region on file. The read itself is audited, since the list names accounts of seekers.
 */
export async function listIdentifierCollisions(db: DB, actor: Actor, options: { now?: Date; limit?: number } = {}): Promise<CollisionEvent[]> {
  requirePermission(actor, "read:audit_event", { regionCode: actor.regionCode });
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - COLLISION_LIST_DAYS * 24 * 3600 * 1000);
  const prefix = regionPrefix(actor.regionCode!);
  const province = prefix.length === 2;
  let q = db
    .selectFrom("audit_event as e")
    .leftJoin("app_user as u", "u.id", "e.actor_id")
    .leftJoin("seeker_profile as tp", "tp.user_id", "e.actor_id")
    .leftJoin("seeker_profile as hp", "hp.user_id", "e.subject_user_id")
    .leftJoin("division as d", "d.code", "tp.current_region_code")
    .select((eb) => [
      "e.at",
      "e.entity",
      "e.entity_id",
      "e.ip",
      "u.id as account_id",
      "u.phone",
      "u.email",
      "u.display_name",
      "tp.real_name",
      "d.name as region_name",
      eb
        .selectFrom("audit_event as o")
        .select((o) => o.fn.countAll<number>().as("n"))
        .where("o.action", "=", "collision")
        .whereRef("o.actor_id", "=", "e.actor_id")
        .where("o.at", ">=", since)
        .as("account_tries"),
    ])
    .where("e.action", "=", "collision")
    .where("e.entity", "in", FIELDS)
    .where("e.at", ">=", since)
    .orderBy("e.at", "desc")
    .orderBy("e.id", "desc")
    .limit(options.limit ?? 200);
  if (!province) {
    const like = `${prefix}%`;
    q = q.where((eb) =>
      eb.or([
        eb("tp.current_region_code", "like", like),
        eb("tp.household_region_code", "like", like),
        eb("hp.current_region_code", "like", like),
        eb("hp.household_region_code", "like", like),
      ]),
    );
  }
  const rows = await q.execute();
  await recordAudit(db, {
    actorId: actor.id,
    subjectUserId: null,
    action: "read",
    entity: "audit_event",
    reason: `identifier collisions list (${rows.length} shown)`,
  });
  return rows.map((r) => ({
    at: new Date(r.at),
    field: r.entity as CollisionEvent["field"],
    maskedNumber: r.entity_id,
    account: r.account_id
      ? { id: r.account_id, contact: r.phone || r.email ? maskContact(r) : null, name: r.real_name ?? r.display_name, regionName: r.region_name }
      : null,
    ip: r.ip,
    accountTries: Number(r.account_tries ?? 0),
  }));
}
