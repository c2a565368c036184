/**
 * Graduate cohorts (issue 6; design §2: ≥60% of disabled graduates employed in their graduation year). A cohort is
 * the seekers of a graduation year whose place (current region, else household) lies in the chosen region; a graduate
 * counts as employed within the year when an employment record of any form (a hire on the platform, one an employer
 * declared, or one a counselor or admin recorded) starts in that calendar year. Self-reported status does not count: the figure is a real-name statistic.
 */
import { sql } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { EmploymentForm } from "../../../db/schema";
import type { DB } from "../../../db/database";
import { recordListRead } from "../audit/audit.server";
import { listDivisionsWithin, type Division } from "../divisions/divisions.server";
import { isWithinRegion, regionPrefix, requirePermission, type Actor } from "../permissions";
import { EMPLOYMENT_FORMS } from "../statistics/contract";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { COHORT_PAGE_SIZE, type CohortList } from "./counseling.schema";

export const GRADUATE_RATE_INDICATOR = "graduate_employment_rate";

export interface CohortTarget {
  value: number;
  periodStart: number;
  periodEnd: number;
  regionCode: string;
  source: string;
  /** False when the year lies after the period: the last target set is shown until a new period is configured. */
  inPeriod: boolean;
}

export interface CohortMember {
  seekerId: string;
  name: string;
  school: string | null;
  major: string | null;
  regionName: string | null;
  counselorName: string | null;
  /** Whether the reader may open the seeker's page (their assigned counselor). */
  linkable: boolean;
  /** The first job of the year: its employer (the organization, else the name or self-employment) and form. */
  employment: { organizationName: string; contractStart: string; form: EmploymentForm } | null;
}

export interface Cohort {
  year: number;
  regionCode: string;
  regions: Division[];
  years: number[];
  graduates: number;
  employed: number;
  /** The employed by the form of their first job of the year (every form counts; forms with nobody left out). */
  employedByForm: { form: EmploymentForm; count: number }[];
  rate: number | null;
  target: CohortTarget | null;
  list: CohortList | null;
  members: CohortMember[];
  listTotal: number;
  page: number;
  pageCount: number;
}

/** The target for the year: one whose period holds it, from the most local region that has one; else the latest. */
export async function targetFor(db: DB, indicator: string, year: number, regionCode: string): Promise<CohortTarget | null> {
  const rows = await db
    .selectFrom("plan_target")
    .select(["period_start", "period_end", "region_code", "target_value", "source"])
    .where("indicator", "=", indicator)
    .where("period_start", "<=", year)
    .execute();
  const applicable = rows.filter((r) => isWithinRegion(r.region_code, regionCode));
  // A period that holds the year wins, the most local first; otherwise the latest period, then the most local.
  const local = (r: (typeof rows)[number]) => regionPrefix(r.region_code).length;
  applicable.sort((a, b) => {
    const held = Number(b.period_end >= year) - Number(a.period_end >= year);
    if (held !== 0) return held;
    return a.period_end >= year ? local(b) - local(a) || b.period_start - a.period_start : b.period_end - a.period_end || local(b) - local(a);
  });
  const t = applicable[0];
  return t
    ? { value: Number(t.target_value), periodStart: t.period_start, periodEnd: t.period_end, regionCode: t.region_code, source: t.source, inPeriod: t.period_end >= year }
    : null;
}

/**
 * A graduation year's cohort in a region: the figures, and on request the list behind one of them. The list names
 * people with their school and first job, so reading it is audited: one row per person on the page shown.
 */
export async function graduateCohort(
  db: DB,
  actor: Actor,
  options: { year?: number | null; regionCode?: string | null; list?: CohortList | null; page?: number; now?: Date; ip?: string | null } = {},
): Promise<Cohort> {
  const regionCode = options.regionCode ?? actor.regionCode;
  requirePermission(actor, "read:caseload", { regionCode });
  const region = regionCode!;
  const thisYear = Number(todayInShanghai(options.now).slice(0, 4));
  const year = options.year ?? thisYear;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const firstJob = (eb: any) =>
    eb
      .selectFrom("employment as e")
      // Every form counts (issue 13): a job off the platform may have no organization here.
      .leftJoin("organization as o", "o.id", "e.organization_id")
      .whereRef("e.seeker_id", "=", "u.id")
      .where("e.contract_start", ">=", from)
      .where("e.contract_start", "<=", to);
  const base = db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .where("u.role", "=", "seeker")
    .where("p.graduation_year", "=", year)
    .where(sql<string>`coalesce(p.current_region_code, p.household_region_code)`, "like", `${regionPrefix(region)}%`);
  const [counts, byForm, regions, yearsRows, target] = await Promise.all([
    base
      .select((eb) => [eb.fn.countAll<number>().as("graduates"), eb.fn.countAll<number>().filterWhere(eb.exists(firstJob(eb).select("e.id"))).as("employed")])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(
        base
          .select((eb) => firstJob(eb).select("e.form").orderBy("e.contract_start").orderBy("e.id").limit(1).as("form"))
          .where((eb) => eb.exists(firstJob(eb).select("e.id")))
          .as("f"),
      )
      // The subquery's column is untyped (firstJob takes any builder): named here with its type.
      .select([sql<EmploymentForm>`f.form`.as("form"), sql<number>`count(*)`.as("n")])
      .groupBy(sql`f.form`)
      .execute(),
    listDivisionsWithin(db, actor.regionCode!),
    db
      .selectFrom("seeker_profile")
      .select("graduation_year")
      .distinct()
      .where("graduation_year", "is not", null)
      .where("graduation_year", "<=", thisYear + 1)
      .orderBy("graduation_year", "desc")
      .limit(12)
      .execute(),
    targetFor(db, GRADUATE_RATE_INDICATOR, year, region),
  ]);
  const graduates = Number(counts.graduates);
  const employed = Number(counts.employed);
  const list = options.list ?? null;
  let members: CohortMember[] = [];
  let listTotal = 0;
  let page = 1;
  let pageCount = 1;
  if (list) {
    listTotal = list === "graduates" ? graduates : list === "employed" ? employed : graduates - employed;
    pageCount = Math.max(1, Math.ceil(listTotal / COHORT_PAGE_SIZE));
    page = Math.min(Math.max(1, options.page ?? 1), pageCount);
    let q = base;
    if (list === "employed") q = q.where((eb) => eb.exists(firstJob(eb).select("e.id")));
    if (list === "notEmployed") q = q.where((eb) => eb.not(eb.exists(firstJob(eb).select("e.id"))));
    const rows = await q
      .leftJoin("division as d", (j) => j.on(sql<boolean>`d.code = coalesce(p.current_region_code, p.household_region_code)`))
      .leftJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "u.id").on("a.ended_at", "is", null))
      .leftJoin("app_user as c", "c.id", "a.counselor_id")
      .select((eb) => [
        "u.id",
        "u.display_name",
        "p.real_name",
        "p.graduate_school",
        "p.graduate_major",
        "d.name as region_name",
        "a.counselor_id",
        "c.display_name as counselor_name",
        jsonObjectFrom(
          firstJob(eb)
            .select([
              sql<string>`coalesce(o.name, e.employer_name, '')`.as("organizationName"),
              sql<string>`e.contract_start::text`.as("contractStart"),
              "e.form",
            ])
            .orderBy("e.contract_start")
            .orderBy("e.id")
            .limit(1),
        ).as("first_job"),
      ])
      .orderBy("p.real_name")
      .orderBy("u.id")
      .limit(COHORT_PAGE_SIZE)
      .offset((page - 1) * COHORT_PAGE_SIZE)
      .execute();
    members = rows.map((r) => {
      const job = (r.first_job as { organizationName: string; contractStart: string; form: EmploymentForm } | null) ?? null;
      return {
        seekerId: r.id,
        name: r.real_name ?? r.display_name ?? "",
        school: r.graduate_school,
        major: r.graduate_major,
        regionName: r.region_name,
        counselorName: r.counselor_name,
        linkable: r.counselor_id === actor.id,
        employment: job ? { organizationName: job.organizationName, contractStart: job.contractStart, form: job.form } : null,
      };
    });
    await recordListRead(db, {
      actorId: actor.id,
      subjectUserIds: members.map((m) => m.seekerId),
      entity: "graduate_cohort",
      entityId: `${year}:${region}:${list}`,
      reason: "cohort",
      ip: options.ip,
    });
  }
  return {
    year,
    regionCode: region,
    regions,
    years: [...new Set([thisYear, ...yearsRows.map((r) => r.graduation_year!)])].sort((a, b) => b - a),
    graduates,
    employed,
    employedByForm: EMPLOYMENT_FORMS.map((form) => ({ form, count: Number(byForm.find((b) => b.form === form)?.n ?? 0) })).filter((b) => b.count > 0),
    rate: graduates > 0 ? employed / graduates : null,
    target,
    list,
    members,
    listTotal,
    page,
    pageCount,
  };
}
