/**
 * Skills competitions (职业技能竞赛, issue 14): an event of kind "competition" has categories instead of employers'
 * booths and interview slots. Seekers enter a category with access requests (one entry per category, until the
 * event's registration deadline, at most `capacity` people over all categories); the region's admins keep a pool of
 * judges (裁判专家库: people who are not platform accounts; no phone numbers are stored) and assign them to categories;
 * the organizer records each entry's score, rank (once per category) and award, and publishes a category's results.
 *
 * Access: the organizer is an admin who may update the event (its region); everyone else gets 404 for an event they
 * may not manage, as for events. Seats and entries are changed under the event row's lock (decision 008), results
 * under the category row's lock. Every write is audited; the organizer's list of entrants (names with access
 * requests) is an audited list read. Public results name entrants masked (competitions.schema.ts, maskedName).
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { EventStatus } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound, requireUuid } from "../ids";
import { can, regionPrefix, requirePermission, type Actor } from "../permissions";
import { placeName } from "../vacancies/vacancies.server";
import {
  maskedName,
  type AssignmentInput,
  type CategoryInput,
  type CategoryRef,
  type EntryInput,
  type JudgeActiveInput,
  type JudgeInput,
  type ResultInput,
} from "./competitions.schema";

function fail<T = never>(message: string, field = ""): Result<T> {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

// ---------------------------------------------------------------------------------------------------------------
// The competition event

export interface CompetitionEvent {
  id: string;
  title: string;
  status: EventStatus;
  regionCode: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  capacity: number;
}

function competitionQuery(db: DB) {
  return db
    .selectFrom("recruitment_event as e")
    .innerJoin("division as d", "d.code", "e.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select([
      "e.id",
      "e.title",
      "e.status",
      "e.region_code",
      "e.starts_at",
      "e.ends_at",
      "e.registration_deadline",
      "e.capacity",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
    ])
    .where("e.kind", "=", "competition");
}

async function findCompetition(db: DB, eventId: string): Promise<CompetitionEvent | null> {
  requireUuid(eventId);
  const r = await competitionQuery(db).where("e.id", "=", eventId).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    regionCode: r.region_code,
    place: placeName(r.county, r.county_level, r.prefecture),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    registrationDeadline: r.registration_deadline,
    capacity: r.capacity,
  };
}

/** Locks the competition's event row: entries and the organizer's changes to categories are made one at a time. */
async function lockCompetition(trx: DB, eventId: string) {
  requireUuid(eventId);
  return trx
    .selectFrom("recruitment_event")
    .select(["id", "status", "region_code", "starts_at", "ends_at", "registration_deadline", "capacity"])
    .where("id", "=", eventId)
    .where("kind", "=", "competition")
    .forUpdate()
    .executeTakeFirst();
}

/** The competition, locked, for its organizer; 404 for anyone else and for an event that is not a competition. */
async function organizerLock(trx: DB, actor: Actor, eventId: string) {
  const ev = await lockCompetition(trx, eventId);
  if (!ev) notFound();
  requirePermission(actor, "update:event", { regionCode: ev.region_code });
  return ev;
}

async function categoryOf(trx: DB, eventId: string, categoryId: string, lock = false) {
  let q = trx.selectFrom("competition_category").select(["id", "name", "results_published_at"]).where("id", "=", categoryId).where("event_id", "=", eventId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------
// Categories (the organizer)

export async function saveCategory(db: DB, actor: Actor, eventId: string, input: CategoryInput): Promise<Result<{ categoryId: string; created: boolean }>> {
  type R = { categoryId: string; created: boolean };
  return db.transaction().execute(async (trx) => {
    await organizerLock(trx, actor, eventId);
    let sameName = trx.selectFrom("competition_category").select("id").where("event_id", "=", eventId).where("name", "=", input.name);
    if (input.categoryId) sameName = sameName.where("id", "!=", input.categoryId);
    if (await sameName.executeTakeFirst()) return fail<R>("competitions.err.categoryNameTaken", "name");
    if (input.categoryId) {
      if (!(await categoryOf(trx, eventId, input.categoryId))) return fail<R>("competitions.err.categoryGone");
      await trx.updateTable("competition_category").set({ name: input.name, description: input.description }).where("id", "=", input.categoryId).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "update", entity: "competition_category", entityId: input.categoryId });
      return { ok: true as const, value: { categoryId: input.categoryId, created: false } };
    }
    const row = await trx
      .insertInto("competition_category")
      .values({ event_id: eventId, name: input.name, description: input.description })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "create", entity: "competition_category", entityId: row.id });
    return { ok: true as const, value: { categoryId: row.id, created: true } };
  });
}

/** Removes a category nobody has entered (withdrawn entries go with it); one with entrants stays. */
export async function removeCategory(db: DB, actor: Actor, eventId: string, input: CategoryRef): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    await organizerLock(trx, actor, eventId);
    if (!(await categoryOf(trx, eventId, input.categoryId))) return fail<null>("competitions.err.categoryGone");
    const entered = await trx.selectFrom("competition_entry").select("id").where("category_id", "=", input.categoryId).where("status", "=", "entered").executeTakeFirst();
    if (entered) return fail<null>("competitions.err.categoryHasEntries");
    await trx.deleteFrom("competition_category").where("id", "=", input.categoryId).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "delete", entity: "competition_category", entityId: input.categoryId });
    return { ok: true as const, value: null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The judges' pool (裁判专家库)

export interface Judge {
  id: string;
  name: string;
  organization: string;
  specialities: string[];
  regionCode: string;
  place: string;
  active: boolean;
  /** Categories the judge is assigned to. */
  assignments: number;
}

function judgesQuery(db: DB) {
  return db
    .selectFrom("judge as j")
    .innerJoin("division as d", "d.code", "j.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select((eb) => [
      "j.id",
      "j.name",
      "j.organization",
      "j.specialities",
      "j.region_code",
      "j.active",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
      eb.selectFrom("judge_assignment as a").select(eb.fn.countAll<number>().as("n")).whereRef("a.judge_id", "=", "j.id").as("assignments"),
    ]);
}

type JudgeRow = Awaited<ReturnType<ReturnType<typeof judgesQuery>["executeTakeFirstOrThrow"]>>;

function judgeOf(r: JudgeRow): Judge {
  return {
    id: r.id,
    name: r.name,
    organization: r.organization,
    specialities: r.specialities,
    regionCode: r.region_code,
    place: placeName(r.county, r.county_level, r.prefecture),
    active: r.active,
    assignments: Number(r.assignments ?? 0),
  };
}

/** The pool of the admin's region (and below): active judges first. */
export async function listJudges(db: DB, actor: Actor): Promise<Judge[]> {
  requirePermission(actor, "update:judge", { regionCode: actor.regionCode });
  const rows = await judgesQuery(db)
    .where("j.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("j.active", "desc")
    .orderBy("j.name")
    .orderBy("j.id")
    .limit(1000)
    .execute();
  return rows.map(judgeOf);
}

export async function saveJudge(db: DB, actor: Actor, input: JudgeInput): Promise<Result<{ judgeId: string; created: boolean }>> {
  type R = { judgeId: string; created: boolean };
  requirePermission(actor, input.judgeId ? "update:judge" : "create:judge", { regionCode: actor.regionCode });
  if (!can(actor, input.judgeId ? "update:judge" : "create:judge", { regionCode: input.regionCode })) return fail("competitions.err.regionOutside", "regionCode");
  const division = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!division) return fail("competitions.err.regionRequired", "regionCode");
  const values = { name: input.name, organization: input.organization, specialities: input.specialities, region_code: input.regionCode };
  return db.transaction().execute(async (trx) => {
    if (input.judgeId) {
      const judge = await trx.selectFrom("judge").select(["id", "region_code"]).where("id", "=", input.judgeId).forUpdate().executeTakeFirst();
      if (!judge) notFound();
      requirePermission(actor, "update:judge", { regionCode: judge.region_code });
      await trx.updateTable("judge").set(values).where("id", "=", judge.id).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "update", entity: "judge", entityId: judge.id });
      return { ok: true as const, value: { judgeId: judge.id, created: false } };
    }
    const row = await trx
      .insertInto("judge")
      .values({ ...values, created_by: actor.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "create", entity: "judge", entityId: row.id });
    return { ok: true as const, value: { judgeId: row.id, created: true } };
  });
}

/** Takes a judge out of the pool (or back in). Assignments already made stay on record; new ones need an active judge. */
export async function setJudgeActive(db: DB, actor: Actor, input: JudgeActiveInput): Promise<Result<null>> {
  requirePermission(actor, "update:judge", { regionCode: actor.regionCode });
  return db.transaction().execute(async (trx) => {
    const judge = await trx.selectFrom("judge").select(["id", "region_code"]).where("id", "=", input.judgeId).forUpdate().executeTakeFirst();
    if (!judge) notFound();
    requirePermission(actor, "update:judge", { regionCode: judge.region_code });
    await trx.updateTable("judge").set({ active: input.active }).where("id", "=", judge.id).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: input.active ? "activate" : "deactivate", entity: "judge", entityId: judge.id });
    return { ok: true as const, value: null };
  });
}

/**
 * Whose judges may serve at an event held in `regionCode`: the province's experts anywhere, and the experts of the
 * event's prefecture (at any of its levels) at its events. A judge of another prefecture is not "of the region".
 */
function judgeRegionFits(regionCode: string) {
  const province = `${regionCode.slice(0, 2)}0000`;
  const prefecture = regionCode === province ? regionCode.slice(0, 2) : regionCode.slice(0, 4);
  return { province, prefecture, fits: (judgeRegion: string) => judgeRegion === province || judgeRegion.startsWith(prefecture) };
}

async function assignableJudges(db: DB, regionCode: string): Promise<Judge[]> {
  const { province, prefecture } = judgeRegionFits(regionCode);
  const rows = await judgesQuery(db)
    .where("j.active", "=", true)
    .where((eb) => eb.or([eb("j.region_code", "=", province), eb("j.region_code", "like", `${prefecture}%`)]))
    .orderBy("j.name")
    .orderBy("j.id")
    .limit(1000)
    .execute();
  return rows.map(judgeOf);
}

export async function assignJudge(db: DB, actor: Actor, eventId: string, input: AssignmentInput): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    const ev = await organizerLock(trx, actor, eventId);
    if (!(await categoryOf(trx, eventId, input.categoryId))) return fail<null>("competitions.err.categoryGone");
    const judge = await trx.selectFrom("judge").select(["id", "region_code", "active"]).where("id", "=", input.judgeId).executeTakeFirst();
    if (!judge || !judge.active || !judgeRegionFits(ev.region_code).fits(judge.region_code)) return fail<null>("competitions.err.judgeNotAssignable", "judgeId");
    // The pair is the table's key: a judge sits on a category's panel once. The event lock orders two submissions.
    const existing = await trx.selectFrom("judge_assignment").select("judge_id").where("category_id", "=", input.categoryId).where("judge_id", "=", judge.id).executeTakeFirst();
    if (existing) return fail<null>("competitions.err.judgeAlreadyAssigned", "judgeId");
    await trx.insertInto("judge_assignment").values({ category_id: input.categoryId, judge_id: judge.id }).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "assign", entity: "judge_assignment", entityId: `${input.categoryId}:${judge.id}` });
    return { ok: true as const, value: null };
  });
}

export async function unassignJudge(db: DB, actor: Actor, eventId: string, input: AssignmentInput): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    await organizerLock(trx, actor, eventId);
    if (!(await categoryOf(trx, eventId, input.categoryId))) return fail<null>("competitions.err.categoryGone");
    const done = await trx.deleteFrom("judge_assignment").where("category_id", "=", input.categoryId).where("judge_id", "=", input.judgeId).executeTakeFirst();
    if (Number(done.numDeletedRows) === 0) return fail<null>("competitions.err.judgeNotAssigned");
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "unassign", entity: "judge_assignment", entityId: `${input.categoryId}:${input.judgeId}` });
    return { ok: true as const, value: null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Entries (seekers)

/** Enters the seeker in a category, or changes the access requests of the entry they have (or takes it up again). */
export async function enterCategory(db: DB, actor: Actor, eventId: string, input: EntryInput, now = new Date()): Promise<Result<{ entryId: string; created: boolean }>> {
  type R = { entryId: string; created: boolean };
  requirePermission(actor, "create:competition_entry", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const ev = await lockCompetition(trx, eventId);
    if (!ev || ev.status === "draft") notFound();
    if (ev.status !== "published") return fail<R>("competitions.err.eventCancelled");
    if (now > ev.registration_deadline) return fail<R>("competitions.err.entryClosed");
    const category = await categoryOf(trx, eventId, input.categoryId);
    if (!category) return fail<R>("competitions.err.categoryRequired", "categoryId");
    const accessRequests = [...new Set(input.accessRequests)];
    const existing = await trx.selectFrom("competition_entry").select(["id", "status"]).where("category_id", "=", category.id).where("seeker_id", "=", actor.id).executeTakeFirst();
    if (existing?.status === "entered") {
      await trx.updateTable("competition_entry").set({ access_requests: accessRequests }).where("id", "=", existing.id).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: actor.id, action: "update", entity: "competition_entry", entityId: existing.id });
      return { ok: true as const, value: { entryId: existing.id, created: false } };
    }
    // The capacity counts people, not entries: one person in two categories takes one place.
    const people = await trx
      .selectFrom("competition_entry as x")
      .innerJoin("competition_category as c", "c.id", "x.category_id")
      .select(["x.seeker_id"])
      .where("c.event_id", "=", eventId)
      .where("x.status", "=", "entered")
      .groupBy("x.seeker_id")
      .execute();
    if (!people.some((p) => p.seeker_id === actor.id) && people.length >= ev.capacity) return fail<R>("competitions.err.full");
    let entryId: string;
    if (existing) {
      await trx
        .updateTable("competition_entry")
        .set({ status: "entered", access_requests: accessRequests, score: null, rank: null, award: null })
        .where("id", "=", existing.id)
        .execute();
      entryId = existing.id;
    } else {
      const row = await trx
        .insertInto("competition_entry")
        .values({ category_id: category.id, seeker_id: actor.id, access_requests: accessRequests })
        .returning("id")
        .executeTakeFirstOrThrow();
      entryId = row.id;
    }
    await recordAudit(trx, { actorId: actor.id, subjectUserId: actor.id, action: "create", entity: "competition_entry", entityId: entryId });
    return { ok: true as const, value: { entryId, created: true } };
  });
}

/** Withdraws the seeker's entry in a category; possible until the competition starts. */
export async function withdrawEntry(db: DB, actor: Actor, eventId: string, input: CategoryRef, now = new Date()): Promise<Result<null>> {
  requirePermission(actor, "update:competition_entry", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const ev = await lockCompetition(trx, eventId);
    if (!ev || ev.status === "draft") notFound();
    const entry = await trx
      .selectFrom("competition_entry as x")
      .innerJoin("competition_category as c", "c.id", "x.category_id")
      .select(["x.id"])
      .where("c.event_id", "=", eventId)
      .where("x.category_id", "=", input.categoryId)
      .where("x.seeker_id", "=", actor.id)
      .where("x.status", "=", "entered")
      .executeTakeFirst();
    if (!entry) return fail<null>("competitions.err.notEntered");
    if (now >= ev.starts_at) return fail<null>("competitions.err.withdrawStarted");
    await trx.updateTable("competition_entry").set({ status: "withdrawn" }).where("id", "=", entry.id).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: actor.id, action: "withdraw", entity: "competition_entry", entityId: entry.id });
    return { ok: true as const, value: null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Results (the organizer)

/** Records (or clears) an entry's score, rank and award. A rank is held by one entry of the category. */
export async function recordResult(db: DB, actor: Actor, eventId: string, input: ResultInput): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    const ev = await lockCompetition(trx, eventId);
    if (!ev) notFound();
    requirePermission(actor, "update:event", { regionCode: ev.region_code });
    const entry = await trx
      .selectFrom("competition_entry as x")
      .innerJoin("competition_category as c", "c.id", "x.category_id")
      .select(["x.id", "x.category_id", "x.seeker_id", "x.status"])
      .where("x.id", "=", input.entryId)
      .where("c.event_id", "=", eventId)
      .executeTakeFirst();
    if (!entry) return fail<null>("competitions.err.entryGone");
    if (entry.status !== "entered") return fail<null>("competitions.err.entryWithdrawn");
    // The category row's lock orders two results of one category, so the rank check below sees the other.
    await categoryOf(trx, eventId, entry.category_id, true);
    if (input.rank !== undefined) {
      const holder = await trx
        .selectFrom("competition_entry")
        .select("id")
        .where("category_id", "=", entry.category_id)
        .where("rank", "=", input.rank)
        .where("id", "!=", entry.id)
        .executeTakeFirst();
      if (holder) return fail<null>("competitions.err.rankTaken", "rank");
    }
    await trx
      .updateTable("competition_entry")
      .set({ score: input.score === undefined ? null : input.score.toFixed(2), rank: input.rank ?? null, award: input.award || null })
      .where("id", "=", entry.id)
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: entry.seeker_id, action: "update", entity: "competition_result", entityId: entry.id });
    return { ok: true as const, value: null };
  });
}

/** Publishes a category's results (or takes them back): only then does the public page show them. */
export async function setResultsPublished(db: DB, actor: Actor, eventId: string, input: CategoryRef, published: boolean): Promise<Result<null>> {
  return db.transaction().execute(async (trx) => {
    await organizerLock(trx, actor, eventId);
    if (!(await categoryOf(trx, eventId, input.categoryId, true))) return fail<null>("competitions.err.categoryGone");
    if (published) {
      const any = await trx
        .selectFrom("competition_entry")
        .select("id")
        .where("category_id", "=", input.categoryId)
        .where("status", "=", "entered")
        .where((eb) => eb.or([eb("rank", "is not", null), eb("award", "is not", null)]))
        .executeTakeFirst();
      if (!any) return fail<null>("competitions.err.noResults");
    }
    await trx
      .updateTable("competition_category")
      .set({ results_published_at: published ? sql<Date>`now()` : null })
      .where("id", "=", input.categoryId)
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: published ? "publish" : "unpublish", entity: "competition_results", entityId: input.categoryId });
    return { ok: true as const, value: null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The organizer's page

export interface EntrantRow {
  id: string;
  name: string;
  status: "entered" | "withdrawn";
  accessRequests: string[];
  score: string | null;
  rank: number | null;
  award: string | null;
  createdAt: Date;
}

export interface OrganizerCategory {
  id: string;
  name: string;
  description: string;
  resultsPublishedAt: Date | null;
  judges: { id: string; name: string; organization: string; specialities: string[]; active: boolean }[];
  entrants: EntrantRow[];
}

export interface OrganizerCompetition {
  event: CompetitionEvent;
  categories: OrganizerCategory[];
  /** Active judges who may serve at this event (the province's and the event's prefecture's). */
  assignable: Judge[];
  /** People entered in at least one category (the capacity counts them). */
  people: number;
}

/**
 * The organizer's page: categories with their judges and entrants. The entrants are named with their access
 * requests (which may reveal a disability; no category, grade or other disability detail is read), so the read is
 * audited: one row per person listed.
 */
export async function getOrganizerCompetition(db: DB, actor: Actor, eventId: string, options: { ip?: string | null } = {}): Promise<OrganizerCompetition> {
  const event = await findCompetition(db, eventId);
  if (!event) notFound();
  requirePermission(actor, "update:event", { regionCode: event.regionCode });
  const categories = await db
    .selectFrom("competition_category")
    .select(["id", "name", "description", "results_published_at"])
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const ids = categories.map((c) => c.id);
  const [judges, entries, assignable] = await Promise.all([
    ids.length
      ? db
          .selectFrom("judge_assignment as a")
          .innerJoin("judge as j", "j.id", "a.judge_id")
          .select(["a.category_id", "j.id", "j.name", "j.organization", "j.specialities", "j.active"])
          .where("a.category_id", "in", ids)
          .orderBy("j.name")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("competition_entry as x")
          .innerJoin("app_user as u", "u.id", "x.seeker_id")
          .leftJoin("seeker_profile as p", "p.user_id", "u.id")
          .select(["x.id", "x.category_id", "x.seeker_id", "x.status", "x.access_requests", "x.score", "x.rank", "x.award", "x.created_at", "u.display_name", "p.real_name"])
          .where("x.category_id", "in", ids)
          // Ranked entrants in rank order, then the rest in order of entry; withdrawn ones last.
          .orderBy(sql`x.status = 'withdrawn'`)
          .orderBy(sql`x.rank is null`)
          .orderBy("x.rank")
          .orderBy("x.created_at")
          .execute()
      : [],
    assignableJudges(db, event.regionCode),
  ]);
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: entries.map((e) => e.seeker_id),
    entity: "competition_entries",
    entityId: eventId,
    reason: "competition organizer",
    ip: options.ip,
  });
  return {
    event,
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      resultsPublishedAt: c.results_published_at,
      judges: judges
        .filter((j) => j.category_id === c.id)
        .map((j) => ({ id: j.id, name: j.name, organization: j.organization, specialities: j.specialities, active: j.active })),
      entrants: entries
        .filter((e) => e.category_id === c.id)
        .map((e) => ({
          id: e.id,
          name: e.real_name ?? e.display_name ?? "",
          status: e.status,
          accessRequests: e.access_requests,
          score: e.score,
          rank: e.rank,
          award: e.award,
          createdAt: e.created_at,
        })),
    })),
    assignable,
    people: new Set(entries.filter((e) => e.status === "entered").map((e) => e.seeker_id)).size,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The public page

export interface PublicResult {
  rank: number | null;
  award: string | null;
  /** The entrant's name masked to its first character (maskedName); never the full name. */
  name: string;
}

export interface PublicCategory {
  id: string;
  name: string;
  description: string;
  entrants: number;
  /** Null until the organizer publishes the category's results. */
  results: PublicResult[] | null;
}

export interface MyEntry {
  categoryId: string;
  categoryName: string;
  status: "entered" | "withdrawn";
  accessRequests: string[];
  /** One's own result, once the category's results are published. */
  result: { score: string | null; rank: number | null; award: string | null } | null;
}

export interface CompetitionPage {
  categories: PublicCategory[];
  entryOpen: boolean;
  /** Whether a seeker who has no entry yet would find the competition full. */
  full: boolean;
  /** Whether an entry may still be withdrawn (before the start). */
  withdrawOpen: boolean;
  mine: MyEntry[] | null;
}

/** The competition part of the public event page; null when the event is not a competition. */
export async function getCompetitionPage(db: DB, actor: Actor | null, eventId: string, now = new Date()): Promise<CompetitionPage | null> {
  const event = await findCompetition(db, eventId);
  if (!event) return null;
  if (event.status === "draft" && !can(actor, "update:event", { regionCode: event.regionCode })) notFound();
  const categories = await db
    .selectFrom("competition_category as c")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.description",
      "c.results_published_at",
      eb
        .selectFrom("competition_entry as x")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("x.category_id", "=", "c.id")
        .where("x.status", "=", "entered")
        .as("entrants"),
    ])
    .where("c.event_id", "=", eventId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
  const published = categories.filter((c) => c.results_published_at !== null).map((c) => c.id);
  const results = published.length
    ? await db
        .selectFrom("competition_entry as x")
        .innerJoin("app_user as u", "u.id", "x.seeker_id")
        .leftJoin("seeker_profile as p", "p.user_id", "u.id")
        .select(["x.category_id", "x.rank", "x.award", "u.display_name", "p.real_name"])
        .where("x.category_id", "in", published)
        .where("x.status", "=", "entered")
        .where((eb) => eb.or([eb("x.rank", "is not", null), eb("x.award", "is not", null)]))
        .orderBy(sql`x.rank is null`)
        .orderBy("x.rank")
        .orderBy("x.award")
        .execute()
    : [];
  const people = await db
    .selectFrom("competition_entry as x")
    .innerJoin("competition_category as c", "c.id", "x.category_id")
    .select(sql<number>`count(distinct x.seeker_id)`.as("n"))
    .where("c.event_id", "=", eventId)
    .where("x.status", "=", "entered")
    .executeTakeFirstOrThrow();
  let mine: MyEntry[] | null = null;
  if (actor?.role === "seeker") {
    requirePermission(actor, "read:competition_entry", { ownerId: actor.id });
    const rows = await db
      .selectFrom("competition_entry as x")
      .innerJoin("competition_category as c", "c.id", "x.category_id")
      .select(["x.category_id", "c.name", "c.results_published_at", "x.status", "x.access_requests", "x.score", "x.rank", "x.award"])
      .where("c.event_id", "=", eventId)
      .where("x.seeker_id", "=", actor.id)
      .orderBy("c.created_at")
      .execute();
    mine = rows.map((r) => ({
      categoryId: r.category_id,
      categoryName: r.name,
      status: r.status,
      accessRequests: r.access_requests,
      result: r.results_published_at && r.status === "entered" ? { score: r.score, rank: r.rank, award: r.award } : null,
    }));
  }
  const full = Number(people.n) >= event.capacity;
  return {
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      entrants: Number(c.entrants ?? 0),
      results: c.results_published_at
        ? results.filter((r) => r.category_id === c.id).map((r) => ({ rank: r.rank, award: r.award, name: maskedName(r.real_name ?? r.display_name ?? "") }))
        : null,
    })),
    entryOpen: event.status === "published" && now <= event.registrationDeadline,
    full,
    withdrawOpen: event.status === "published" && now < event.startsAt,
    mine,
  };
}

/** The event's title and categories for the seeker's entry form (404 unless it is a competition they may see). */
export async function getEntryForm(db: DB, actor: Actor, eventId: string, now = new Date()): Promise<{ event: CompetitionEvent; page: CompetitionPage }> {
  requirePermission(actor, "create:competition_entry", { ownerId: actor.id });
  const event = await findCompetition(db, eventId);
  if (!event || event.status === "draft") notFound();
  const page = await getCompetitionPage(db, actor, eventId, now);
  if (!page) notFound();
  return { event, page };
}
