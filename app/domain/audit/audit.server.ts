import type { DB } from "../../../db/database";

/**
 * Records who read or changed whose sensitive data (design §7). Call it in the same transaction as the read or
 * change it describes. `action` is a verb ("read", "reveal", "export", "create"), `entity` what was touched.
 */
export async function recordAudit(
  db: DB,
  event: {
    actorId: string | null;
    subjectUserId: string | null;
    action: string;
    entity: string;
    entityId?: string | null;
    reason?: string | null;
    ip?: string | null;
  },
): Promise<void> {
  await db
    .insertInto("audit_event")
    .values({
      actor_id: event.actorId,
      subject_user_id: event.subjectUserId,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId ?? null,
      reason: event.reason ?? null,
      ip: event.ip ?? null,
    })
    .execute();
}
