/**
 * The dashboards (issue 15): for each role, what needs doing now — each thing a count with the page where it is
 * done — then a few figures. Counts come from small aggregate queries; the few lists are short (LIST_LIMIT) and
 * carry only what the link needs. Nothing here shows disability details. Where a counselor's dashboard names people
 * of their caseload (unread messages, new assignments, answered referrals), the read is audited like the caseload's.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { ExemptReason } from "../quota/levy";
import { recordListRead } from "../audit/audit.server";
import { caseloadCounts } from "../counseling/caseload.server";
import { dueCounts } from "../counseling/follow-up.server";
import { membershipsOf } from "../organizations/membership.server";
import { can, PROVINCE_CODE, regionPrefix, requirePermission, type Actor } from "../permissions";
import { quotaPosition } from "../quota/position.server";
import { quarterOf } from "../realname/verification.schema";
import { parseSearchParams } from "../search/search.schema";
import { recommendationsFor, searchVacancies, type VacancyCard } from "../search/search.server";
import { profileCompleteness, type SectionStatus } from "../seekers/completeness";
import { PROFILE_STEPS, type ProfileStep } from "../seekers/seekers.schema";
import type { BreakdownEntry, IndicatorCode } from "../statistics/contract";
import { computeStatistics } from "../statistics/statistics.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { addDays } from "../counseling/counseling.schema";

/** How many rows a list on the dashboard shows at most; its count says how many there are in all. */
export const LIST_LIMIT = 5;
/** "Closing soon": open vacancies whose closing date falls within this many days. */
export const CLOSING_SOON_DAYS = 14;
/** "New" for assignments and answered referrals: within this many days. */
export const RECENT_DAYS = 7;
/** How many recommendations the seeker's dashboard shows (the search has the rest). */
export const DASHBOARD_RECOMMENDATIONS = 3;

const WEEK_MS = RECENT_DAYS * 86_400_000;

export interface DatedEvent {
  id: string;
  title: string;
  startsAt: Date;
}

export interface SeekerDashboard {
  role: "seeker";
  /** The profile's sections not complete yet (by what they hold, seekers/completeness.ts), in the profile's order. */
  profileMissing: { step: ProfileStep; status: Exclude<SectionStatus, "complete"> }[];
  stepsTotal: number;
  discoverable: boolean;
  /** Open vacancies that suit the seeker (the search's eligible count); null until the profile says where they can work. */
  suitable: number | null;
  recommendations: VacancyCard[];
  /** Invitations to apply and counselor referrals waiting for an answer, to vacancies still taking applications. */
  invitations: number;
  referrals: number;
  /** Messages in their thread from the counselor not read yet. */
  unreadMessages: number;
  /** Interview slots they booked that are still to come, soonest first (LIST_LIMIT), and how many in all. */
  interviews: { total: number; items: (DatedEvent & { organizationName: string })[] };
  /** Events they registered for (or wait for a place at) that have not ended, soonest first. */
  events: { total: number; items: (DatedEvent & { waitlisted: boolean })[] };
  applications: { active: number; all: number };
}

export interface EmployerQuota {
  dataYear: number;
  levyYear: number;
  /** Null until the organization saves its staff count and average salary on /employer/quota. */
  levy: {
    required: string;
    counted: string;
    shortfall: string;
    payable: string;
    exemptReason: ExemptReason | null;
    /** No local average wage set: the payable is an upper bound and the saving cannot be computed. */
    upperBound: boolean;
  } | null;
  /** What one more quota-eligible hire would save, yuan; null when it cannot be computed. */
  savingPerHire: string | null;
}

export interface EmployerDashboard {
  role: "employer";
  organization: { id: string; name: string; status: "pending" | "verified" | "rejected" } | null;
  /** Applications not yet marked viewed, by vacancy (most first, LIST_LIMIT × 2), and how many in all. */
  newApplications: { total: number; vacancies: { id: string; title: string; count: number }[] };
  /** Booked interview slots still to come at the organization's events, by event (soonest first). */
  interviews: { total: number; events: (DatedEvent & { count: number })[] };
  /** Open vacancies closing within CLOSING_SOON_DAYS, soonest first. */
  closingSoon: { total: number; items: { id: string; title: string; closingDate: string }[] };
  quota: EmployerQuota | null;
  /** Events the organization takes part in (approved or waiting for approval) that have not ended. */
  events: (DatedEvent & { approved: boolean })[];
  openVacancies: number;
  drafts: number;
}

export interface NamedCount {
  seekerId: string;
  name: string;
  count: number;
}

export interface CounselorDashboard {
  role: "counselor";
  regionCode: string | null;
  overdue: number;
  /** Due within the follow-up horizon and not overdue. */
  dueSoon: number;
  caseload: number;
  notEmployed: number;
  /** People on the caseload not contacted within NO_CONTACT_DAYS (the caseload's own filter). */
  noContact: number;
  /** Assigned to the counselor within RECENT_DAYS and still on the caseload. */
  newAssignments: { total: number; people: { seekerId: string; name: string }[] };
  /** Referrals by the counselor answered within RECENT_DAYS, for people still on the caseload. */
  referralsAnswered: { accepted: number; declined: number; items: { seekerId: string; name: string; vacancyTitle: string; status: "accepted" | "declined" }[] };
  /** Unread messages from people on the caseload, by person (most recent first). */
  messages: { total: number; people: NamedCount[] };
  /** People on the caseload not checked (real-name verification) this quarter. */
  verificationPending: number;
}

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

export interface AdminDashboard extends AdminFigures {
  role: "admin";
  regionCode: string | null;
  pendingOrganizations: number;
  /** New feedback from the public (province admins only; null for others). */
  newFeedback: number | null;
}

export type DashboardSummary = SeekerDashboard | EmployerDashboard | CounselorDashboard | AdminDashboard;

const n = (v: unknown) => Number(v ?? 0);

// ---------------------------------------------------------------------------------------------------------------
// Seekers

async function seekerDashboard(db: DB, actor: Actor, now: Date): Promise<SeekerDashboard> {
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const today = todayInShanghai(now);
  const accepting = (alias: string) => sql<boolean>`(${sql.ref(`${alias}.status`)} = 'open' and (${sql.ref(`${alias}.closing_date`)} is null or ${sql.ref(`${alias}.closing_date`)} >= ${today}::date))`;
  const [profile, counts, interviews, events, search, recommendations] = await Promise.all([
    // Whether the numbers are there, not the numbers: the dashboard never holds them.
    db
      .selectFrom("seeker_profile")
      .select([
        "completed_steps",
        "discoverable",
        "real_name",
        sql<boolean>`id_number is not null`.as("has_id"),
        "disability_category",
        "disability_grade",
        sql<boolean>`certificate_number is not null`.as("has_certificate"),
        "household_region_code",
        "current_region_code",
        "residence",
        "education",
        "skills",
      ])
      .where("user_id", "=", actor.id)
      .executeTakeFirst(),
    // The small counts in one round trip.
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom("vacancy_invitation as i")
          .innerJoin("vacancy as v", "v.id", "i.vacancy_id")
          .select(eb.fn.countAll<number>().as("n"))
          .where("i.seeker_id", "=", actor.id)
          .where("i.status", "=", "pending")
          .where(accepting("v"))
          .as("invitations"),
        eb
          .selectFrom("referral as r")
          .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
          .select(eb.fn.countAll<number>().as("n"))
          .where("r.seeker_id", "=", actor.id)
          .where("r.status", "=", "pending")
          .where(accepting("v"))
          .as("referrals"),
        eb
          .selectFrom("message as m")
          .select(eb.fn.countAll<number>().as("n"))
          .where("m.seeker_id", "=", actor.id)
          .where("m.read_at", "is", null)
          // A message whose sender's account is gone (null) came from a counselor too.
          .where(sql<boolean>`m.sender_id is distinct from ${actor.id}`)
          .as("messages"),
        eb
          .selectFrom("application as a")
          .select(eb.fn.countAll<number>().as("n"))
          .where("a.seeker_id", "=", actor.id)
          .where("a.status", "in", ["submitted", "viewed", "interview", "offered"])
          .as("active"),
        eb.selectFrom("application as a").select(eb.fn.countAll<number>().as("n")).where("a.seeker_id", "=", actor.id).as("applications"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("interview_slot as s")
      .innerJoin("event_registration as r", "r.id", "s.registration_id")
      .innerJoin("event_employer as p", "p.id", "s.event_employer_id")
      .innerJoin("organization as o", "o.id", "p.organization_id")
      .innerJoin("recruitment_event as e", "e.id", "p.event_id")
      .select(["e.id", "e.title", "s.starts_at", "o.name", sql<number>`count(*) over ()`.as("total")])
      .where("r.seeker_id", "=", actor.id)
      .where("r.status", "=", "registered")
      .where("e.status", "=", "published")
      .where("s.starts_at", ">=", now)
      .orderBy("s.starts_at")
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom("event_registration as r")
      .innerJoin("recruitment_event as e", "e.id", "r.event_id")
      .select(["e.id", "e.title", "e.starts_at", "r.status", sql<number>`count(*) over ()`.as("total")])
      .where("r.seeker_id", "=", actor.id)
      .where("r.status", "in", ["registered", "waitlisted"])
      .where("e.status", "=", "published")
      .where("e.ends_at", ">=", now)
      .orderBy("e.starts_at")
      .limit(LIST_LIMIT)
      .execute(),
    // The count the search shows ("找到 N 个适合您的岗位"): newest first and one row, so nothing is ranked.
    searchVacancies(db, actor, { ...parseSearchParams(new URLSearchParams()).params, sort: "newest" }, { now, pageSize: 1, facets: false, eligibleOnly: true }),
    recommendationsFor(db, actor, { now, limit: DASHBOARD_RECOMMENDATIONS }),
  ]);
  const sections = profileCompleteness({
    completedSteps: profile?.completed_steps ?? [],
    personal: { realName: profile?.real_name ?? null, idNumber: profile?.has_id ? true : null },
    disability: { category: profile?.disability_category ?? null, grade: profile?.disability_grade ?? null, certificateNumber: profile?.has_certificate ? true : null },
    region: { household: profile?.household_region_code ?? null, current: profile?.current_region_code ?? null, residence: profile?.residence ?? null },
    education: { education: profile?.education ?? null },
    skills: { skills: profile?.skills ?? [] },
  });
  return {
    role: "seeker",
    profileMissing: sections.flatMap((s) => (s.status === "complete" ? [] : [{ step: s.step, status: s.status }])),
    stepsTotal: PROFILE_STEPS.length,
    discoverable: profile?.discoverable ?? false,
    suitable: search.placeKnown ? search.total : null,
    recommendations: recommendations.items,
    invitations: n(counts.invitations),
    referrals: n(counts.referrals),
    unreadMessages: n(counts.messages),
    interviews: {
      total: n(interviews[0]?.total),
      items: interviews.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, organizationName: r.name })),
    },
    events: {
      total: n(events[0]?.total),
      items: events.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, waitlisted: r.status === "waitlisted" })),
    },
    applications: { active: n(counts.active), all: n(counts.applications) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Employers

const NO_ID = "00000000-0000-0000-0000-000000000000";

async function employerQuota(db: DB, actor: Actor, organizationId: string, now: Date): Promise<EmployerQuota | null> {
  const { position } = await quotaPosition(db, actor, { organizationId, now });
  if (!position) return null;
  const levy = position.levy;
  return {
    dataYear: position.dataYear,
    levyYear: position.levyYear,
    levy: levy
      ? {
          required: levy.requiredCount,
          counted: levy.countedDisabled,
          shortfall: levy.shortfall,
          payable: levy.payable,
          exemptReason: levy.exemptReason,
          upperBound: position.localWageMissing && levy.exemptReason === null,
        }
      : null,
    savingPerHire: position.savingPerHire,
  };
}

async function employerDashboard(db: DB, actor: Actor, now: Date): Promise<EmployerDashboard> {
  const memberships = await membershipsOf(db, actor.id);
  const first = memberships[0];
  const orgActor = { ...actor, organizationIds: memberships.map((m) => m.organizationId) };
  // Applications, interviews and events of every verified organization the employer belongs to.
  const orgIds = memberships.filter((m) => m.status === "verified" && can(orgActor, "read:application", { organizationId: m.organizationId })).map((m) => m.organizationId);
  const ids = orgIds.length ? orgIds : [NO_ID];
  const today = todayInShanghai(now);
  const [fresh, interviews, closing, vacancyCounts, events, quota] = await Promise.all([
    db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select((eb) => ["v.id", "v.title", eb.fn.countAll<number>().as("n"), sql<number>`sum(count(*)) over ()`.as("total")])
      .where("v.organization_id", "in", ids)
      .where("a.status", "=", "submitted")
      .groupBy(["v.id", "v.title"])
      .orderBy("n", "desc")
      .orderBy("v.title")
      .limit(LIST_LIMIT * 2)
      .execute(),
    db
      .selectFrom("interview_slot as s")
      .innerJoin("event_employer as p", "p.id", "s.event_employer_id")
      .innerJoin("recruitment_event as e", "e.id", "p.event_id")
      .select((eb) => ["e.id", "e.title", eb.fn.min("s.starts_at").as("first"), eb.fn.countAll<number>().as("n"), sql<number>`sum(count(*)) over ()`.as("total")])
      .where("p.organization_id", "in", ids)
      .where("p.status", "=", "approved")
      .where("e.status", "=", "published")
      .where("s.registration_id", "is not", null)
      .where("s.starts_at", ">=", now)
      .groupBy(["e.id", "e.title"])
      .orderBy("first")
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom("vacancy as v")
      .select(["v.id", "v.title", sql<string>`v.closing_date::text`.as("closing_date"), sql<number>`count(*) over ()`.as("total")])
      .where("v.organization_id", "in", ids)
      .where("v.status", "=", "open")
      .where("v.closing_date", ">=", today)
      .where("v.closing_date", "<=", addDays(today, CLOSING_SOON_DAYS))
      .orderBy("v.closing_date")
      .orderBy("v.title")
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom("vacancy as v")
      .select((eb) => [
        eb.fn.count<number>("v.id").filterWhere("v.status", "=", "open").as("open"),
        eb.fn.count<number>("v.id").filterWhere("v.status", "=", "draft").as("drafts"),
      ])
      .where("v.organization_id", "in", ids)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("event_employer as p")
      .innerJoin("recruitment_event as e", "e.id", "p.event_id")
      .select(["e.id", "e.title", "e.starts_at", "p.status"])
      .where("p.organization_id", "in", ids)
      .where("p.status", "in", ["approved", "pending"])
      .where("e.status", "=", "published")
      .where("e.ends_at", ">=", now)
      .orderBy("e.starts_at")
      .limit(LIST_LIMIT)
      .execute(),
    first?.status === "verified" ? employerQuota(db, actor, first.organizationId, now) : Promise.resolve(null),
  ]);
  return {
    role: "employer",
    organization: first ? { id: first.organizationId, name: first.name, status: first.status } : null,
    newApplications: { total: n(fresh[0]?.total), vacancies: fresh.map((r) => ({ id: r.id, title: r.title, count: n(r.n) })) },
    interviews: {
      total: n(interviews[0]?.total),
      events: interviews.map((r) => ({ id: r.id, title: r.title, startsAt: new Date(r.first as Date | string), count: n(r.n) })),
    },
    closingSoon: { total: n(closing[0]?.total), items: closing.map((r) => ({ id: r.id, title: r.title, closingDate: r.closing_date })) },
    quota,
    events: events.map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at, approved: r.status === "approved" })),
    openVacancies: n(vacancyCounts.open),
    drafts: n(vacancyCounts.drafts),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Counselors

async function counselorDashboard(db: DB, actor: Actor, now: Date, options: { ip?: string | null }): Promise<CounselorDashboard> {
  // caseloadCounts and dueCounts check first (their own caseload, counselors only).
  const [caseload, due] = await Promise.all([caseloadCounts(db, actor, actor.id, now), dueCounts(db, actor, now)]);
  const today = todayInShanghai(now);
  const since = new Date(now.getTime() - WEEK_MS);
  const mine = db.selectFrom("caseload_assignment").select("seeker_id").where("counselor_id", "=", actor.id).where("ended_at", "is", null);
  const person = (alias: string) => sql<string>`coalesce(${sql.ref(`${alias}_p.real_name`)}, ${sql.ref(`${alias}_u.display_name`)}, '')`;
  const [assigned, answered, messages, verification] = await Promise.all([
    db
      .selectFrom("caseload_assignment as a")
      .innerJoin("app_user as a_u", "a_u.id", "a.seeker_id")
      .leftJoin("seeker_profile as a_p", "a_p.user_id", "a.seeker_id")
      .select(["a.seeker_id", person("a").as("name"), sql<number>`count(*) over ()`.as("total")])
      .where("a.counselor_id", "=", actor.id)
      .where("a.ended_at", "is", null)
      .where("a.started_at", ">=", since)
      .orderBy("a.started_at", "desc")
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom("referral as r")
      .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
      .innerJoin("app_user as r_u", "r_u.id", "r.seeker_id")
      .leftJoin("seeker_profile as r_p", "r_p.user_id", "r.seeker_id")
      .select([
        "r.seeker_id",
        person("r").as("name"),
        "v.title",
        "r.status",
        sql<number>`count(*) filter (where r.status = 'accepted') over ()`.as("accepted"),
        sql<number>`count(*) filter (where r.status = 'declined') over ()`.as("declined"),
      ])
      .where("r.counselor_id", "=", actor.id)
      .where("r.status", "in", ["accepted", "declined"])
      .where("r.responded_at", ">=", since)
      .where("r.seeker_id", "in", mine)
      .orderBy("r.responded_at", "desc")
      .limit(LIST_LIMIT)
      .execute(),
    db
      .selectFrom("message as m")
      .innerJoin("app_user as m_u", "m_u.id", "m.seeker_id")
      .leftJoin("seeker_profile as m_p", "m_p.user_id", "m.seeker_id")
      .select((eb) => ["m.seeker_id", person("m").as("name"), eb.fn.countAll<number>().as("n"), eb.fn.max("m.created_at").as("latest"), sql<number>`sum(count(*)) over ()`.as("total")])
      .where("m.seeker_id", "in", mine)
      .whereRef("m.sender_id", "=", "m.seeker_id")
      .where("m.read_at", "is", null)
      .groupBy(["m.seeker_id", "m_p.real_name", "m_u.display_name"])
      .orderBy("latest", "desc")
      .limit(LIST_LIMIT)
      .execute(),
    // The real-name queue's length (verification.server.ts: not checked since the quarter began), counted here.
    db
      .selectFrom("caseload_assignment as a")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("a.counselor_id", "=", actor.id)
      .where("a.ended_at", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("real_name_verification as v")
              .select("v.id")
              .whereRef("v.seeker_id", "=", "a.seeker_id")
              .where("v.verified_on", ">=", quarterOf(today).start)
              .where("v.verified_on", "<=", today),
          ),
        ),
      )
      .executeTakeFirstOrThrow(),
  ]);
  // The dashboard names these people: the read goes into their access log, as the caseload page's does.
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: [...assigned.map((r) => r.seeker_id), ...answered.map((r) => r.seeker_id), ...messages.map((r) => r.seeker_id)],
    entity: "dashboard",
    entityId: actor.id,
    reason: "caseload",
    ip: options.ip,
  });
  return {
    role: "counselor",
    regionCode: actor.regionCode,
    overdue: due.overdue,
    dueSoon: due.due - due.overdue,
    caseload: caseload.total,
    notEmployed: caseload.notEmployed,
    noContact: caseload.noContact,
    newAssignments: { total: n(assigned[0]?.total), people: assigned.map((r) => ({ seekerId: r.seeker_id, name: r.name })) },
    referralsAnswered: {
      accepted: n(answered[0]?.accepted),
      declined: n(answered[0]?.declined),
      items: answered.map((r) => ({ seekerId: r.seeker_id, name: r.name, vacancyTitle: r.title, status: r.status as "accepted" | "declined" })),
    },
    messages: { total: n(messages[0]?.total), people: messages.map((r) => ({ seekerId: r.seeker_id, name: r.name, count: n(r.n) })) },
    verificationPending: n(verification.n),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Admins

const HEADLINES: readonly IndicatorCode[] = ["new_jobs", "graduate_employment_rate", "working_age_employment_rate", "real_name_verified"];

/**
 * The admin's region's headline figures for the current year as of today, and the work waiting: counts only, the
 * lists are a click away (on their own pages, with their own checks).
 */
async function adminFigures(db: DB, actor: Actor, now: Date): Promise<AdminFigures> {
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
    declarationsWaiting: n(declarations.n),
    objectionsOpen: n(objections.n),
    objectionsYear: objections.year == null ? null : Number(objections.year),
  };
}

async function adminDashboard(db: DB, actor: Actor, now: Date): Promise<AdminDashboard> {
  const region = actor.regionCode;
  const mayVerify = !!region && can(actor, "verify:organization", { regionCode: region });
  const [pending, feedback, figures] = await Promise.all([
    mayVerify
      ? db
          .selectFrom("organization")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "pending")
          .where("region_code", "like", `${regionPrefix(region)}%`)
          .executeTakeFirstOrThrow()
      : Promise.resolve({ n: 0 }),
    // Feedback is about the whole service: the province federation's staff answer it.
    region === PROVINCE_CODE
      ? db.selectFrom("feedback").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "new").executeTakeFirstOrThrow()
      : Promise.resolve(null),
    adminFigures(db, actor, now),
  ]);
  return { role: "admin", regionCode: region, pendingOrganizations: n(pending.n), newFeedback: feedback ? n(feedback.n) : null, ...figures };
}

/** What each role's dashboard shows: what needs doing now, with counts, and a few figures. */
export async function dashboardSummary(db: DB, actor: Actor, now = new Date(), options: { ip?: string | null } = {}): Promise<DashboardSummary> {
  switch (actor.role) {
    case "seeker":
      return seekerDashboard(db, actor, now);
    case "employer":
      return employerDashboard(db, actor, now);
    case "counselor":
      return counselorDashboard(db, actor, now, options);
    case "admin":
      return adminDashboard(db, actor, now);
  }
}
