/**
 * One-to-one matching (issue 6): the assigned counselor sees the seeker's matches from the matching engine, with
 * reasons, and refers a vacancy; the seeker accepts (by applying: the application's source is "referral", see
 * applyToVacancy) or declines; the counselor sees each referral's outcome.
 */
import type { DB } from "../../../db/database";
import type { ApplicationStatus, ReferralStatus } from "../../../db/schema";
import type { SearchEngine } from "../../../search/engine";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { notFound, requireUuid } from "../ids";
import { eligibility } from "../matching/matching";
import { notify } from "../notifications/notifications.server";
import { requirePermission, type Actor } from "../permissions";
import { bestMatchesFor, loadMatchSeeker, type VacancyCard } from "../search/search.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { placeName } from "../vacancies/vacancies.server";
import { requireAssigned } from "./access.server";
import type { ReferInput } from "./counseling.schema";

function fail(message: string): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { "": [message] } };
}

export interface ReferralOutcome {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  organizationName: string;
  status: ReferralStatus;
  applicationStatus: ApplicationStatus | null;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface ClientMatches {
  placeKnown: boolean;
  items: (VacancyCard & { referral: { status: ReferralStatus } | null; applied: boolean })[];
}

/**
 * The seeker's best eligible vacancies (the same engine and scorer as their own recommendations). The reasons name
 * the seeker's needs and limits, so the counselor's read is audited like the client page.
 */
export async function clientMatches(
  db: DB,
  actor: Actor,
  seekerId: string,
  options: { now?: Date; limit?: number; engine?: SearchEngine; ip?: string | null } = {},
): Promise<ClientMatches> {
  await requireAssigned(db, actor, seekerId);
  await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "seeker_matches", entityId: seekerId, reason: "caseload", ip: options.ip });
  const result = await bestMatchesFor(db, seekerId, { ...options, limit: options.limit ?? 20 });
  const ids = result.items.map((v) => v.id);
  const [referrals, applications] = ids.length
    ? await Promise.all([
        db.selectFrom("referral").select(["vacancy_id", "status"]).where("seeker_id", "=", seekerId).where("vacancy_id", "in", ids).execute(),
        db.selectFrom("application").select("vacancy_id").where("seeker_id", "=", seekerId).where("vacancy_id", "in", ids).execute(),
      ])
    : [[], []];
  const referredBy = new Map(referrals.map((r) => [r.vacancy_id, r.status]));
  const applied = new Set(applications.map((a) => a.vacancy_id));
  return {
    placeKnown: result.placeKnown,
    items: result.items.map((v) => ({
      ...v,
      referral: referredBy.has(v.id) ? { status: referredBy.get(v.id)! } : null,
      applied: applied.has(v.id),
    })),
  };
}

/**
 * Refers the seeker to an open vacancy that suits them (rule 1, checked again against the profile as it is now).
 * Referring twice is a no-op; a vacancy they applied to already cannot be referred.
 */
export async function referVacancy(db: DB, actor: Actor, seekerId: string, input: ReferInput, now = new Date()): Promise<Result<{ created: boolean }>> {
  await requireAssigned(db, actor, seekerId);
  const today = todayInShanghai(now);
  return db.transaction().execute(async (trx) => {
    const v = await trx
      .selectFrom("vacancy as v")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["v.id", "v.title", "v.status", "v.closing_date", "v.region_code", "v.remote", "v.accommodations", "v.demands", "v.required_certificates", "o.name", "o.status as organization_status"])
      .where("v.id", "=", input.vacancyId)
      .executeTakeFirst();
    if (!v || v.status !== "open" || v.organization_status !== "verified" || (v.closing_date !== null && v.closing_date < today)) {
      return fail("counseling.err.vacancyGone");
    }
    const me = await loadMatchSeeker(trx, seekerId);
    if (!me) return fail("counseling.err.profileMissing");
    const fit = eligibility(me.seeker, {
      regionCode: v.region_code,
      remote: v.remote,
      accommodations: v.accommodations,
      demands: v.demands,
      requiredCertificates: v.required_certificates,
      // Only the place, needs, demands and required certificates decide eligibility; the rest ranks.
      skills: [],
      educationRequired: "none",
      payMin: 0,
      payMax: 0,
      publishedAt: null,
    });
    if (!fit.eligible) return fail("counseling.err.notEligible");
    const applied = await trx.selectFrom("application").select("id").where("vacancy_id", "=", v.id).where("seeker_id", "=", seekerId).executeTakeFirst();
    if (applied) return fail("counseling.err.alreadyApplied");
    const inserted = await trx
      .insertInto("referral")
      .values({ vacancy_id: v.id, seeker_id: seekerId, counselor_id: actor.id, message: input.message || null })
      .onConflict((oc) => oc.columns(["vacancy_id", "seeker_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) await notify(trx, seekerId, "referral.received", { vacancy: v.title, organization: v.name }, "/referrals");
    return { ok: true as const, value: { created: !!inserted } };
  });
}

async function referralRows(db: DB, where: { seekerId: string }) {
  return db
    .selectFrom("referral as r")
    .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .leftJoin("application as a", "a.id", "r.application_id")
    .leftJoin("app_user as c", "c.id", "r.counselor_id")
    .select([
      "r.id",
      "r.status",
      "r.message",
      "r.created_at",
      "r.responded_at",
      "r.application_id",
      "a.status as application_status",
      "v.id as vacancy_id",
      "v.title",
      "v.status as vacancy_status",
      "v.closing_date",
      "o.name as organization_name",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
      "c.display_name as counselor_name",
    ])
    .where("r.seeker_id", "=", where.seekerId)
    .orderBy("r.created_at", "desc")
    .limit(100)
    .execute();
}

/** Each referral of the seeker with its outcome, for their counselor. */
export async function clientReferrals(db: DB, actor: Actor, seekerId: string): Promise<ReferralOutcome[]> {
  await requireAssigned(db, actor, seekerId);
  return referralsOf(db, seekerId);
}

/** The referrals with their outcome, without an access check: callers check first. */
export async function referralsOf(db: DB, seekerId: string): Promise<ReferralOutcome[]> {
  const rows = await referralRows(db, { seekerId });
  return rows.map((r) => ({
    id: r.id,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.title,
    organizationName: r.organization_name,
    status: r.status,
    applicationStatus: r.application_status,
    createdAt: r.created_at,
    respondedAt: r.responded_at,
  }));
}

export interface MyReferral {
  id: string;
  status: ReferralStatus;
  message: string | null;
  counselorName: string | null;
  vacancyId: string;
  vacancyTitle: string;
  organizationName: string;
  place: string;
  accepting: boolean;
  createdAt: Date;
  applicationId: string | null;
}

export async function listMyReferrals(db: DB, actor: Actor, now = new Date()): Promise<MyReferral[]> {
  requirePermission(actor, "read:application", { ownerId: actor.id });
  const today = todayInShanghai(now);
  const rows = await referralRows(db, { seekerId: actor.id });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    message: r.message,
    counselorName: r.counselor_name,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.title,
    organizationName: r.organization_name,
    place: placeName(r.county, r.county_level, r.prefecture),
    accepting: r.vacancy_status === "open" && (r.closing_date === null || r.closing_date >= today),
    createdAt: r.created_at,
    applicationId: r.application_id,
  }));
}

export async function declineReferral(db: DB, actor: Actor, referralId: string): Promise<void> {
  requirePermission(actor, "update:application", { ownerId: actor.id });
  requireUuid(referralId);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("referral as r")
      .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
      .select(["r.id", "r.status", "r.counselor_id", "v.title"])
      .where("r.id", "=", referralId)
      .where("r.seeker_id", "=", actor.id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) notFound();
    if (r.status !== "pending") return;
    await trx.updateTable("referral").set({ status: "declined", responded_at: new Date() }).where("id", "=", r.id).execute();
    if (r.counselor_id) await notify(trx, r.counselor_id, "referral.declined", { vacancy: r.title }, `/clients/${actor.id}`);
  });
}
