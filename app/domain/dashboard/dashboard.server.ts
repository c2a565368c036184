import type { DB } from "../../../db/database";
import { caseloadCounts } from "../counseling/caseload.server";
import { dueCounts } from "../counseling/follow-up.server";
import { membershipsOf } from "../organizations/membership.server";
import { can, regionPrefix, type Actor } from "../permissions";
import { PROFILE_STEPS } from "../seekers/seekers.schema";
import type { BreakdownEntry, IndicatorCode } from "../statistics/contract";
import { computeStatistics } from "../statistics/statistics.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";


export type DashboardSummary =
  | { role: "seeker"; stepsDone: number; stepsTotal: number; discoverable: boolean; applications: number; activeApplications: number }
  | { role: "employer"; organization: { id: string; name: string; status: "pending" | "verified" | "rejected" } | null; openVacancies: number; newApplications: number }
  | { role: "counselor"; regionCode: string | null; caseload: number; notEmployed: number; dueItems: number; overdueItems: number }
  | ({ role: "admin"; regionCode: string | null; pendingOrganizations: number } & AdminFigures);

/** One headline figure of the plan for the admin's region and the current year (from computeStatistics). */
export interface Headline {
  code: IndicatorCode;
  actual: number | null;
  target: number | null;
  numerator?: number;
  denominator?: number;
  breakdown?: BreakdownEntry[];
}

export interface AdminFigures {
  /** The calendar year the headlines are for, as of today. */
  year: number | null;
  asOf: string | null;
  headlines: Headline[];
  /** Working-age certificate holders of the region not verified this quarter (the real-name figure's denominator − numerator). */
  verificationBacklog: number | null;
  /** Quota declarations of the region's employers waiting for review (status submitted). */
  declarationsWaiting: number;
  /** Objections to the region's disclosure entries not yet resolved, and the newest levy year that has some. */
  objectionsOpen: number;
  objectionsYear: number | null;
}

const HEADLINES: readonly IndicatorCode[] = ["new_jobs", "graduate_employment_rate", "working_age_employment_rate", "real_name_verified"];

/**
 * The admin's region's headline figures for the current year as of today, and the work waiting: counts only, the
 * lists are a click away (on their own pages, with their own checks).
 */
async function adminFigures(db: DB, actor: Actor, now = new Date()): Promise<AdminFigures> {
  const none: AdminFigures = { year: null, asOf: null, headlines: [], verificationBacklog: null, declarationsWaiting: 0, objectionsOpen: 0, objectionsYear: null };
  if (!actor.regionCode || !can(actor, "read:statistics", { regionCode: actor.regionCode })) return none;
  const like = `${regionPrefix(actor.regionCode)}%`;
  const asOf = todayInShanghai(now);
  const year = Number(asOf.slice(0, 4));
  const [stats, declarations, objections] = await Promise.all([
    computeStatistics(db, { regionCode: actor.regionCode, periodStart: year, periodEnd: year, asOf }),
    db
      .selectFrom("quota_declaration as d")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("d.status", "=", "submitted")
      .where("o.region_code", "like", like)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("quota_objection as x")
      .innerJoin("quota_disclosure_entry as e", "e.id", "x.entry_id")
      .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("q.levy_year").as("year")])
      .where("x.status", "=", "open")
      .where("e.region_code", "like", like)
      .executeTakeFirstOrThrow(),
  ]);
  const headlines = HEADLINES.map((code) => {
    const i = stats.indicators.find((x) => x.code === code);
    return {
      code,
      actual: i?.actual ?? null,
      target: i?.target ?? null,
      ...(i?.numerator !== undefined ? { numerator: i.numerator, denominator: i.denominator } : {}),
      ...(i?.breakdown ? { breakdown: i.breakdown } : {}),
    };
  });
  const verified = stats.indicators.find((x) => x.code === "real_name_verified");
  return {
    year,
    asOf,
    headlines,
    verificationBacklog: verified?.denominator !== undefined && verified.numerator !== undefined ? verified.denominator - verified.numerator : null,
    declarationsWaiting: Number(declarations.n),
    objectionsOpen: Number(objections.n),
    objectionsYear: objections.year == null ? null : Number(objections.year),
  };
}

/** What each role's dashboard shows: a few counts and the next step. */
export async function dashboardSummary(db: DB, actor: Actor, now = new Date()): Promise<DashboardSummary> {
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
      return { role: "admin", regionCode: actor.regionCode, pendingOrganizations: Number(pending.n), ...(await adminFigures(db, actor, now)) };
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
