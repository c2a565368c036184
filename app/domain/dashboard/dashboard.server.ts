import type { DB } from "../../../db/database";
import { caseloadCounts } from "../counseling/caseload.server";
import { dueCounts } from "../counseling/follow-up.server";
import { membershipsOf } from "../organizations/membership.server";
import { regionPrefix, type Actor } from "../permissions";
import { PROFILE_STEPS } from "../seekers/seekers.schema";


export type DashboardSummary =
  | { role: "seeker"; stepsDone: number; stepsTotal: number; discoverable: boolean; applications: number; activeApplications: number }
  | { role: "employer"; organization: { id: string; name: string; status: "pending" | "verified" | "rejected" } | null; openVacancies: number; newApplications: number }
  | { role: "counselor"; regionCode: string | null; caseload: number; notEmployed: number; dueItems: number; overdueItems: number }
  | { role: "admin"; regionCode: string | null; pendingOrganizations: number };

/** What each role's dashboard shows: a few counts and the next step. */
export async function dashboardSummary(db: DB, actor: Actor): Promise<DashboardSummary> {
  switch (actor.role) {
    case "seeker": {
      const profile = await db
        .selectFrom("seeker_profile")
        .select(["completed_steps", "discoverable"])
        .where("user_id", "=", actor.id)
        .executeTakeFirst();
      const apps = await db
        .selectFrom("application")
        .select((eb) => [
          eb.fn.countAll<number>().as("all"),
          eb.fn.count<number>("id").filterWhere("status", "in", ["submitted", "viewed", "interview", "offered"]).as("active"),
        ])
        .where("seeker_id", "=", actor.id)
        .executeTakeFirstOrThrow();
      const done = new Set(profile?.completed_steps ?? []);
      return {
        role: "seeker",
        stepsDone: PROFILE_STEPS.filter((s) => done.has(s)).length,
        stepsTotal: PROFILE_STEPS.length,
        discoverable: profile?.discoverable ?? false,
        applications: Number(apps.all),
        activeApplications: Number(apps.active),
      };
    }
    case "employer": {
      const [first] = await membershipsOf(db, actor.id);
      if (!first) return { role: "employer", organization: null, openVacancies: 0, newApplications: 0 };
      const counts = await db
        .selectFrom("vacancy as v")
        .leftJoin("application as a", (j) => j.onRef("a.vacancy_id", "=", "v.id").on("a.status", "=", "submitted"))
        .select((eb) => [
          eb.fn.count<number>("v.id").distinct().filterWhere("v.status", "=", "open").as("open"),
          eb.fn.count<number>("a.id").as("fresh"),
        ])
        .where("v.organization_id", "=", first.organizationId)
        .executeTakeFirstOrThrow();
      return {
        role: "employer",
        organization: { id: first.organizationId, name: first.name, status: first.status },
        openVacancies: Number(counts.open),
        newApplications: Number(counts.fresh),
      };
    }
    case "admin": {
      const pending = actor.regionCode
        ? await db
            .selectFrom("organization")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("status", "=", "pending")
            .where("region_code", "like", `${regionPrefix(actor.regionCode)}%`)
            .executeTakeFirstOrThrow()
        : { n: 0 };
      return { role: "admin", regionCode: actor.regionCode, pendingOrganizations: Number(pending.n) };
    }
    case "counselor": {
      // Counts only: the lists that name people (and are audited) are a click away.
      const caseload = await caseloadCounts(db, actor, actor.id);
      const due = await dueCounts(db, actor);
      return {
        role: "counselor",
        regionCode: actor.regionCode,
        caseload: caseload.total,
        notEmployed: caseload.notEmployed,
        dueItems: due.due,
        overdueItems: due.overdue,
      };
    }
  }
}
