/**
 * Search and matching use-cases (design §3, §5): the vacancy search for everyone, eligible-by-default results with
 * reasons for seekers, recommendations, the candidates a vacancy suits for its employer, and invitations to apply.
 *
 * The engine filters (eligibility is a filter, rule 1) and returns ids; the page's rows are loaded from PostgreSQL;
 * the match score and reasons come from the one TypeScript scorer (app/domain/matching), over a window of the
 * engine's best candidates, so both engines rank and explain alike.
 */
import { sql } from "kysely";
import { notFound, UUID_RE } from "../ids";
import type { DB } from "../../../db/database";
import type { EmploymentType } from "../../../db/schema";
import { reachOf, type EligibleFor, type Hit, type SearchEngine, type VacancyFacets, type VacancyQuery } from "../../../search/engine";
import { catchUp, getSearchEngine } from "../../../search/runtime";
import type { Result } from "../accounts/accounts.server";
import { match, type MatchReasons, type MatchSeeker, type MatchVacancy } from "../matching/matching";
import { shownCertificateNames } from "../training-profile/training-profile.server";
import { notify } from "../notifications/notifications.server";
import { withOrganizations } from "../organizations/membership.server";
import { requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { placeName } from "../vacancies/vacancies.server";
import { educationRankMax, SEARCH_PAGE_SIZE, type SearchParams } from "./search.schema";

/**
 * How many of the engine's best candidates the scorer re-ranks (pages beyond it keep the engine's order). Loading
 * and scoring the window is most of a ranked search's time (bench/search.ts), so it is kept modest.
 */
export const RANK_WINDOW = 100;
/** The recommendations' window: ten are shown. */
const RECOMMEND_WINDOW = 50;
export const RECOMMENDATIONS = 10;

export interface MatchInfo {
  eligible: boolean;
  score: number;
  reasons: MatchReasons;
}

export interface VacancyCard {
  id: string;
  title: string;
  organizationName: string;
  regionCode: string;
  place: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  employmentType: EmploymentType;
  accommodations: string[];
  demands: string[];
  quotaEligible: boolean;
  publishedAt: Date | null;
  match: MatchInfo | null;
}

type CardRow = Omit<VacancyCard, "match"> & { matchVacancy: MatchVacancy };

// ---------------------------------------------------------------------------------------------------------------
// Loading from PostgreSQL

/** A vacancy row as the scorer reads it. */
function matchVacancyOf(v: {
  region_code: string;
  remote: boolean;
  accommodations: string[];
  demands: string[];
  skills: string[];
  education_required: string;
  pay_min: number;
  pay_max: number;
  published_at: Date | null;
  required_certificates?: string[];
}): MatchVacancy {
  return {
    regionCode: v.region_code,
    remote: v.remote,
    accommodations: v.accommodations,
    demands: v.demands,
    skills: v.skills,
    educationRequired: v.education_required,
    payMin: v.pay_min,
    payMax: v.pay_max,
    publishedAt: v.published_at,
    requiredCertificates: v.required_certificates ?? [],
  };
}

/** A seeker profile row as the scorer reads it; without `expected_pay_min` pay does not count. */
function matchSeekerOf(p: {
  current_region_code: string | null;
  place_scope: MatchSeeker["placeScope"];
  preferred_region_codes: string[];
  wants_remote: boolean;
  needs_required: string[];
  needs_preferred: string[];
  limits: string[];
  skills: string[];
  education: string | null;
  expected_pay_min?: number | null;
  /** The profile's own certificates and the training certificates shown (issue 14). */
  certificates?: string[];
}): MatchSeeker {
  return {
    currentRegionCode: p.current_region_code,
    placeScope: p.place_scope,
    preferredRegionCodes: p.preferred_region_codes,
    wantsRemote: p.wants_remote,
    needsRequired: p.needs_required,
    needsPreferred: p.needs_preferred,
    limits: p.limits,
    skills: p.skills,
    certificates: p.certificates ?? [],
    education: p.education,
    expectedPayMin: p.expected_pay_min ?? null,
  };
}

/** The seeker's own matching profile (their needs, limits and place), or null for a seeker with no profile yet. */
export async function loadMatchSeeker(db: DB, userId: string): Promise<{ seeker: MatchSeeker; eligibleFor: EligibleFor; placeKnown: boolean } | null> {
  // The profile and the certificates it shows are read side by side (one round trip less on every seeker's search).
  const [p, certificates] = await Promise.all([
    db
      .selectFrom("seeker_profile")
      .select([
        "current_region_code",
        "place_scope",
        "preferred_region_codes",
        "wants_remote",
        "needs_required",
        "needs_preferred",
        "limits",
        "skills",
        "certificates",
        "education",
        "expected_pay_min",
      ])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    shownCertificateNames(db, [userId]),
  ]);
  if (!p) return null;
  const shown = certificates.get(userId) ?? [];
  const seeker = matchSeekerOf({ ...p, certificates: [...p.certificates, ...shown] });
  const reach = reachOf(p.current_region_code, p.place_scope, p.preferred_region_codes);
  return {
    seeker,
    eligibleFor: { needsRequired: p.needs_required, limits: p.limits, reach, wantsRemote: p.wants_remote },
    placeKnown: reach.length > 0 || p.wants_remote,
  };
}

/** Cards for these vacancies, in the given order (ids no longer open are left out). */
export async function loadVacancyCards(db: DB, ids: readonly string[]): Promise<CardRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select([
      "v.id",
      "v.title",
      "v.region_code",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.employment_type",
      "v.accommodations",
      "v.demands",
      "v.skills",
      "v.education_required",
      "v.quota_eligible",
      "v.published_at",
      "v.required_certificates",
      "o.name as organization_name",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
    ])
    .where("v.id", "in", [...ids])
    .where("v.status", "=", "open")
    .where("o.status", "=", "verified")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: r.title,
        organizationName: r.organization_name,
        regionCode: r.region_code,
        place: placeName(r.county, r.county_level, r.prefecture),
        remote: r.remote,
        payMin: r.pay_min,
        payMax: r.pay_max,
        employmentType: r.employment_type,
        accommodations: r.accommodations,
        demands: r.demands,
        quotaEligible: r.quota_eligible,
        publishedAt: r.published_at,
        matchVacancy: matchVacancyOf(r),
      },
    ];
  });
}

/**
 * What the scorer reads of these vacancies, in the given order (ids no longer open are left out, as by
 * loadVacancyCards): a re-ranking window is scored on these, and only the page's cards are loaded whole.
 */
async function loadMatchVacancies(db: DB, ids: readonly string[]): Promise<Array<{ id: string; matchVacancy: MatchVacancy }>> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("vacancy as v")
    .select([
      "v.id",
      "v.region_code",
      "v.remote",
      "v.accommodations",
      "v.demands",
      "v.skills",
      "v.education_required",
      "v.pay_min",
      "v.pay_max",
      "v.published_at",
      "v.required_certificates",
    ])
    .where("v.id", "in", [...ids])
    .where("v.status", "=", "open")
    // A lookup per vacancy: as a join of a hundred ids the planner hashes every organization (a scan of the table).
    .where(sql<boolean>`(select o.status from organization o where o.id = v.organization_id) = 'verified'`)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id, matchVacancy: matchVacancyOf(r) }] : [];
  });
}

function card(row: CardRow, m: MatchInfo | null): VacancyCard {
  const { matchVacancy: _omit, ...rest } = row;
  return { ...rest, match: m };
}

/**
 * One page of hits, scored for the seeker when there is one. With "relevance" order and a seeker, the first
 * RANK_WINDOW hits are re-ranked by the match score (eligible ones first); later pages keep the engine's order.
 */
async function scoredPage(
  db: DB,
  engine: SearchEngine,
  query: Omit<VacancyQuery, "offset" | "limit">,
  seeker: MatchSeeker | null,
  page: number,
  pageSize: number,
  now: Date,
  window = RANK_WINDOW,
): Promise<{ total: number; items: VacancyCard[]; facets?: VacancyFacets }> {
  const offset = (page - 1) * pageSize;
  const rerank = !!seeker && query.sort === "relevance" && offset < window;
  const result = await engine.searchVacancies({ ...query, offset: rerank ? 0 : offset, limit: rerank ? window : pageSize });
  const textScore = new Map(result.hits.map((h: Hit) => [h.id, h.textScore]));
  const ids = result.hits.map((h) => h.id);
  if (!rerank) {
    const rows = await loadVacancyCards(db, ids);
    const items = rows.map((r) => card(r, seeker ? match(seeker, r.matchVacancy, { textScore: textScore.get(r.id) ?? 0, now }) : null));
    return { total: result.total, items, facets: result.facets };
  }
  // The window is scored on what the scorer reads; only the page's cards (names of places and organizations) are
  // loaded whole — a fifth of the window, and most of the cost of loading it.
  const shown = (await loadMatchVacancies(db, ids))
    .map((v, i) => ({ id: v.id, i, m: match(seeker, v.matchVacancy, { textScore: textScore.get(v.id) ?? 0, now }) }))
    .sort((a, b) => Number(b.m.eligible) - Number(a.m.eligible) || b.m.score - a.m.score || a.i - b.i)
    .slice(offset, offset + pageSize);
  const matchOf = new Map(shown.map((x) => [x.id, x.m]));
  const rows = await loadVacancyCards(
    db,
    shown.map((x) => x.id),
  );
  return { total: result.total, items: rows.map((r) => card(r, matchOf.get(r.id)!)), facets: result.facets };
}

// ---------------------------------------------------------------------------------------------------------------
// The vacancy search

export interface SearchPage {
  /** "public": no matching (visitors, staff, employers); "eligible"/"all": a seeker's view. */
  mode: "public" | "eligible" | "all";
  /** For a seeker: whether the profile says where they can work (without it nothing can be eligible). */
  placeKnown: boolean;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  items: VacancyCard[];
  facets: VacancyFacets;
}

export async function searchVacancies(
  db: DB,
  viewer: Actor | null,
  params: SearchParams,
  options: { now?: Date; pageSize?: number; facets?: boolean; engine?: SearchEngine; eligibleOnly?: boolean } = {},
): Promise<SearchPage> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const engine = options.engine ?? getSearchEngine();
  // Waiting for the outbox and reading the seeker's profile, side by side.
  const [, me] = await Promise.all([catchUp(), viewer?.role === "seeker" ? loadMatchSeeker(db, viewer.id) : null]);
  const placeKnown = me?.placeKnown ?? false;
  // Without a place nothing can be eligible, so the page shows everything (and says why); the API keeps to eligible.
  const mode: SearchPage["mode"] = !me ? "public" : options.eligibleOnly ? "eligible" : params.show === "all" || !placeKnown ? "all" : "eligible";
  const query: Omit<VacancyQuery, "offset" | "limit"> = {
    text: params.q || undefined,
    region: params.region,
    accommodations: params.accommodations,
    remote: params.remote,
    employmentType: params.employmentType,
    payMin: params.payMin,
    quotaEligible: params.quotaEligible,
    educationRankMax: educationRankMax(params.education),
    openOn: todayInShanghai(now),
    eligibleFor: mode === "eligible" ? me!.eligibleFor : null,
    sort: params.sort,
    facets: options.facets ?? true,
  };
  const result = await scoredPage(db, engine, query, me?.seeker ?? null, params.page, pageSize, now);
  const pageCount = Math.ceil(result.total / pageSize);
  if (params.page > 1 && params.page > pageCount) notFound();
  return {
    mode,
    placeKnown,
    total: result.total,
    page: params.page,
    pageSize,
    pageCount,
    items: result.items,
    facets: result.facets ?? { accommodations: {}, employmentType: {}, prefecture: {}, remote: 0, quotaEligible: 0 },
  };
}

/** "为您推荐": the seeker's best eligible open vacancies, with reasons. */
export async function recommendationsFor(
  db: DB,
  actor: Actor,
  options: { now?: Date; limit?: number; engine?: SearchEngine } = {},
): Promise<{ placeKnown: boolean; items: VacancyCard[] }> {
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  return bestMatchesFor(db, actor.id, options);
}

/**
 * The best eligible open vacancies for one seeker, with reasons. No access check: callers check first (the seeker
 * themself, or their assigned counselor in app/domain/counseling).
 */
export async function bestMatchesFor(
  db: DB,
  seekerId: string,
  options: { now?: Date; limit?: number; engine?: SearchEngine } = {},
): Promise<{ placeKnown: boolean; items: VacancyCard[] }> {
  const now = options.now ?? new Date();
  const [, me] = await Promise.all([catchUp(), loadMatchSeeker(db, seekerId)]);
  if (!me || !me.placeKnown) return { placeKnown: false, items: [] };
  const result = await scoredPage(
    db,
    options.engine ?? getSearchEngine(),
    { openOn: todayInShanghai(now), eligibleFor: me.eligibleFor, sort: "relevance", count: false },
    me.seeker,
    1,
    options.limit ?? RECOMMENDATIONS,
    now,
    RECOMMEND_WINDOW,
  );
  // The engines do not filter on certificates (the scorer decides them), so one the seeker lacks is dropped here.
  return { placeKnown: true, items: result.items.filter((i) => i.match?.eligible !== false) };
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates for a vacancy (design §5 rule 4)

export interface Candidate {
  /** The seeker's id: opaque, carried only by the invite form. */
  id: string;
  /** A short reference the employer can quote ("求职者 3F9A2C"), different for each vacancy. */
  reference: string;
  place: string;
  regionCode: string | null;
  education: string | null;
  major: string | null;
  graduationYear: number | null;
  skills: string[];
  needs: string[];
  match: MatchInfo;
  /** Already invited, or already applied. */
  invitation: "pending" | "accepted" | "declined" | null;
  applied: boolean;
}

export interface CandidatesPage {
  vacancy: { id: string; title: string; status: string; organizationName: string };
  total: number;
  /** Counting stopped at `total` (CANDIDATE_COUNT_CAP, or one past the page asked for): more than that match. */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  items: Candidate[];
}

async function employerVacancy(db: DB, actor: Actor, vacancyId: string) {
  if (!UUID_RE.test(vacancyId)) notFound();
  // Who the actor is and the vacancy, side by side; nothing is shown before the check below.
  const [who, v] = await Promise.all([
    withOrganizations(db, actor),
    db
      .selectFrom("vacancy as v")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select([
        "v.id",
        "v.title",
        "v.status",
        "v.organization_id",
        "v.region_code",
        "v.remote",
        "v.accommodations",
        "v.demands",
        "v.skills",
        "v.education_required",
        "v.pay_min",
        "v.pay_max",
        "v.published_at",
        "v.required_certificates",
        "o.name as organization_name",
        "o.status as organization_status",
      ])
      .where("v.id", "=", vacancyId)
      .executeTakeFirst(),
  ]);
  if (!v) notFound();
  requirePermission(who, "update:vacancy", { organizationId: v.organization_id });
  return v;
}

/**
 * Candidates are counted up to this many (or one past the page asked for): a common vacancy suits most discoverable
 * seekers, and counting every one of them was most of the candidates page's time (bench/search.ts). The page then
 * says "1000+".
 */
export const CANDIDATE_COUNT_CAP = 1000;

export function candidateReference(vacancyId: string, seekerId: string): string {
  // Not a secret, only a handle: stable for one vacancy, different across vacancies, so it does not follow a person.
  let h = 2166136261;
  for (const ch of `${vacancyId}:${seekerId}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(16).toUpperCase().padStart(8, "0").slice(0, 6);
}

export async function candidatesForVacancy(
  db: DB,
  actor: Actor,
  vacancyId: string,
  page: number,
  options: { now?: Date; engine?: SearchEngine; pageSize?: number } = {},
): Promise<CandidatesPage> {
  // The outbox is waited for while the vacancy is read (a vacancy that does not look for people wasted nothing much).
  const [v] = await Promise.all([employerVacancy(db, actor, vacancyId), catchUp()]);
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const now = options.now ?? new Date();
  const base = { id: v.id, title: v.title, status: v.status, organizationName: v.organization_name };
  // Only an open vacancy of a verified organization looks for people.
  if (v.status !== "open" || v.organization_status !== "verified") return { vacancy: base, total: 0, totalIsLowerBound: false, page: 1, pageSize, pageCount: 0, items: [] };
  const engine = options.engine ?? getSearchEngine();
  const offset = (page - 1) * pageSize;
  const rerank = offset < RANK_WINDOW;
  const result = await engine.searchSeekers({
    candidatesOf: { county: v.region_code, remote: v.remote, accommodations: v.accommodations, demands: v.demands },
    offset: rerank ? 0 : offset,
    limit: rerank ? RANK_WINDOW : pageSize,
    // One past the page asked for, so a capped count still offers the next page.
    countUpTo: Math.max(CANDIDATE_COUNT_CAP, page * pageSize + 1),
  });
  const pageCount = Math.ceil(result.total / pageSize);
  if (page > 1 && page > pageCount) notFound();
  const ids = result.hits.map((h) => h.id);
  const vacancy = matchVacancyOf(v);
  // Only what rule 4 allows is read; the profile must still be discoverable (the index may be a moment behind). The
  // profiles, invitations, applications and shown certificates are read side by side.
  const [rows, invitations, applications, shownCertificates] = ids.length
    ? await Promise.all([
        db
          .selectFrom("seeker_profile as p")
          .leftJoin("division as d", "d.code", "p.current_region_code")
          .leftJoin("division as dp", "dp.code", "d.parent_code")
          .select([
            "p.user_id",
            "p.current_region_code",
            "p.place_scope",
            "p.preferred_region_codes",
            "p.wants_remote",
            "p.needs_required",
            "p.needs_preferred",
            "p.limits",
            "p.skills",
            "p.certificates",
            "p.education",
            "p.graduate_major",
            "p.graduation_year",
            "d.name as county",
            "d.level as county_level",
            "dp.name as prefecture",
          ])
          .where("p.user_id", "in", ids)
          .where("p.discoverable", "=", true)
          .execute(),
        db.selectFrom("vacancy_invitation").select(["seeker_id", "status"]).where("vacancy_id", "=", v.id).where("seeker_id", "in", ids).execute(),
        db.selectFrom("application").select("seeker_id").where("vacancy_id", "=", v.id).where("seeker_id", "in", ids).execute(),
        // Certificates count for the vacancy's requirement only; they are not shown to the employer (rule 4).
        shownCertificateNames(db, ids),
      ])
    : [[], [], [], new Map<string, string[]>()];
  const invited = new Map(invitations.map((i) => [i.seeker_id, i.status]));
  const applied = new Set(applications.map((a) => a.seeker_id));
  const byId = new Map(rows.map((r) => [r.user_id, r]));
  let items: Candidate[] = ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    // Expected pay is not among what an employer may see (rule 4) and is not read, so it does not rank candidates.
    const m = match(matchSeekerOf({ ...r, certificates: [...r.certificates, ...(shownCertificates.get(id) ?? [])] }), vacancy, { now });
    if (!m.eligible) return [];
    return [
      {
        id,
        reference: candidateReference(v.id, id),
        place: placeName(r.county, r.county_level, r.prefecture),
        regionCode: r.current_region_code,
        education: r.education,
        major: r.graduate_major,
        graduationYear: r.graduation_year,
        skills: r.skills,
        needs: [...r.needs_required, ...r.needs_preferred.filter((n) => !r.needs_required.includes(n))],
        match: m,
        invitation: invited.get(id) ?? null,
        applied: applied.has(id),
      },
    ];
  });
  if (rerank) items = items.sort((a, b) => b.match.score - a.match.score).slice(offset, offset + pageSize);
  return { vacancy: base, total: result.total, totalIsLowerBound: result.capped === true, page, pageSize, pageCount, items };
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations to apply

export async function inviteToApply(
  db: DB,
  actor: Actor,
  vacancyId: string,
  seekerId: string,
  options: { now?: Date } = {},
): Promise<Result<{ created: boolean }>> {
  const v = await employerVacancy(db, actor, vacancyId);
  if (!UUID_RE.test(seekerId)) return fail("search.err.candidateGone");
  if (v.status !== "open" || v.organization_status !== "verified") return fail("search.err.vacancyNotOpen");
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    // The rules are checked again against the profile as it is now: only a discoverable seeker the vacancy suits.
    const me = await loadMatchSeeker(trx, seekerId);
    const visible = await trx
      .selectFrom("seeker_profile as p")
      .innerJoin("app_user as u", "u.id", "p.user_id")
      .select("p.discoverable")
      .where("p.user_id", "=", seekerId)
      .where("u.role", "=", "seeker")
      .executeTakeFirst();
    if (!me || !visible?.discoverable) return fail("search.err.candidateGone");
    const m = match(me.seeker, matchVacancyOf(v), { now });
    if (!m.eligible) return fail("search.err.candidateGone");
    const applied = await trx.selectFrom("application").select("id").where("vacancy_id", "=", v.id).where("seeker_id", "=", seekerId).executeTakeFirst();
    if (applied) return fail("search.err.alreadyApplied");
    const inserted = await trx
      .insertInto("vacancy_invitation")
      .values({ vacancy_id: v.id, seeker_id: seekerId, invited_by: actor.id })
      .onConflict((oc) => oc.columns(["vacancy_id", "seeker_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) {
      await notify(trx, seekerId, "invitation.received", { vacancy: v.title, organization: v.organization_name }, "/job-invitations");
    }
    return { ok: true as const, value: { created: !!inserted } };
  });
}

function fail(message: string): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { "": [message] } };
}

export interface MyInvitation {
  id: string;
  status: "pending" | "accepted" | "declined";
  vacancyId: string;
  vacancyTitle: string;
  organizationName: string;
  place: string;
  accepting: boolean;
  createdAt: Date;
  applicationId: string | null;
}

export async function listMyInvitations(db: DB, actor: Actor, options: { now?: Date } = {}): Promise<MyInvitation[]> {
  requirePermission(actor, "read:application", { ownerId: actor.id });
  const today = todayInShanghai(options.now);
  const rows = await db
    .selectFrom("vacancy_invitation as i")
    .innerJoin("vacancy as v", "v.id", "i.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select([
      "i.id",
      "i.status",
      "i.created_at",
      "i.application_id",
      "v.id as vacancy_id",
      "v.title",
      "v.status as vacancy_status",
      "v.closing_date",
      "o.name as organization_name",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
    ])
    .where("i.seeker_id", "=", actor.id)
    .orderBy("i.created_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.title,
    organizationName: r.organization_name,
    place: placeName(r.county, r.county_level, r.prefecture),
    accepting: r.vacancy_status === "open" && (r.closing_date === null || r.closing_date >= today),
    createdAt: r.created_at,
    applicationId: r.application_id,
  }));
}

export async function declineInvitation(db: DB, actor: Actor, invitationId: string): Promise<void> {
  requirePermission(actor, "update:application", { ownerId: actor.id });
  if (!UUID_RE.test(invitationId)) notFound();
  const done = await db
    .updateTable("vacancy_invitation")
    .set({ status: "declined", responded_at: new Date() })
    .where("id", "=", invitationId)
    .where("seeker_id", "=", actor.id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) {
    const exists = await db.selectFrom("vacancy_invitation").select("id").where("id", "=", invitationId).where("seeker_id", "=", actor.id).executeTakeFirst();
    if (!exists) notFound();
  }
}
