import type { DB } from "../../../db/database";
import type { Actor } from "../permissions";

export interface Membership {
  organizationId: string;
  role: "owner" | "recruiter";
  status: "pending" | "verified" | "rejected";
  name: string;
}

export async function membershipsOf(db: DB, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom("organization_member as m")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select(["m.organization_id", "m.role", "o.status", "o.name"])
    .where("m.user_id", "=", userId)
    .orderBy("m.created_at")
    .execute();
  return rows.map((r) => ({ organizationId: r.organization_id, role: r.role, status: r.status, name: r.name }));
}

/** The actor with the organizations they belong to, for `org`-scoped permission checks. */
export async function withOrganizations<A extends Actor>(db: DB, actor: A): Promise<A & { organizationIds: string[] }> {
  if (actor.role !== "employer") return { ...actor, organizationIds: [] };
  const memberships = await membershipsOf(db, actor.id);
  return { ...actor, organizationIds: memberships.map((m) => m.organizationId) };
}
