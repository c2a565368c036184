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

/**
 * Records one read of a page that lists people (a caseload, a cohort, an event's registrations): one row per person
 * shown, written by one statement, all with the same entity and entity id naming the list. `audit_event` has one
 * subject per row, and a row per person is what puts the read into that person's own access log (the account export
 * lists rows by subject), so a list read is not one row with the ids in its text. The people on other pages of the
 * list were not shown and are not recorded. Nothing is written when the page shows nobody.
 */
export async function recordListRead(
  db: DB,
  event: { actorId: string; subjectUserIds: readonly (string | null)[]; entity: string; entityId: string | null; reason: string | null; ip?: string | null },
): Promise<void> {
  const subjects = [...new Set(event.subjectUserIds.filter((id): id is string => !!id))];
  if (!subjects.length) return;
  await db
    .insertInto("audit_event")
    .values(
      subjects.map((id) => ({
        actor_id: event.actorId,
        subject_user_id: id,
        action: "read",
        entity: event.entity,
        entity_id: event.entityId,
        reason: event.reason,
        ip: event.ip ?? null,
      })),
    )
    .execute();
}
