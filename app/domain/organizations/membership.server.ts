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

/**
 * Whether the user belongs to the organization and the organization has been verified by an admin.
 * Only verified organizations may publish vacancies (issue 3).
 */
export async function isVerifiedMember(db: DB, userId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom("organization_member as m")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select("o.status")
    .where("m.user_id", "=", userId)
    .where("m.organization_id", "=", organizationId)
    .executeTakeFirst();
  return row?.status === "verified";
}

/**
 * The organization of which the actor is a member, for use-cases that only verified organizations may run
 * (publishing vacancies). Throws a 404 response when the actor is not a member (an organization one may not act
 * for does not exist, to them) and a 403 response when it is theirs but not yet verified.
 */
export async function requireVerifiedOrganization(
  db: DB,
  actor: Actor,
  organizationId: string,
): Promise<{ id: string; name: string; regionCode: string }> {
  const row = await db
    .selectFrom("organization_member as m")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select(["o.id", "o.name", "o.region_code", "o.status"])
    .where("m.user_id", "=", actor.id)
    .where("m.organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!row || actor.role !== "employer") throw new Response("Not Found", { status: 404 });
  if (row.status !== "verified") throw new Response("Forbidden", { status: 403 });
  return { id: row.id, name: row.name, regionCode: row.region_code };
}
