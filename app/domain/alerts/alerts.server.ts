/**
 * Vacancy alerts (issue 17). When a vacancy becomes open (published, or reopened), the `alerts.match` job finds the
 * saved searches whose filters find it and whose owner it suits (design §5's rules, app/domain/matching), and the
 * counselors who asked to hear of vacancies that suit people on their caseload. Each (search, vacancy) — or
 * (counselor, person, vacancy) — becomes one `vacancy_alert` row, inserted `on conflict do nothing`: a reopened
 * vacancy, or the job run again after a crash, finds the row there and alerts nobody a second time.
 *
 * "Immediately" searches are told at once (the notification goes out in the transaction that inserts the row, so a
 * crash between the two cannot lose or repeat it); daily and weekly ones wait for their digest (`alerts.digest`),
 * which marks what it sends in the same transaction as its notification. Nobody gets more than DAILY_ALERT_CAP
 * vacancies a day (Asia/Shanghai): over it an immediate alert stays unsent and the next daily digest carries it.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { segment } from "../../../search/segment";
import { tsQueryText } from "../../../search/postgres/engine";
import type { VacancyDocument } from "../../../search/engine";
import { buildVacancyDocuments } from "../../../search/documents";
import { match } from "../matching/matching";
import { DAILY_ALERT_CAP } from "../notifications/channels";
import { notify, type DigestItem } from "../notifications/notifications.server";
import { educationRankMax, type SearchParams } from "../search/search.schema";
import { loadMatchSeeker, loadVacancyCards } from "../search/search.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { savedParams } from "./saved-searches.schema";

/** Test seams: a hook called after each alert row is inserted (a test throws there to stand for a crash). */
export const alertHooks: { afterInsert: ((alertId: string) => void | Promise<void>) | null } = { afterInsert: null };

/** Midnight of `now`'s day in Asia/Shanghai (no daylight saving there: always +08:00). */
export function shanghaiDayStart(now: Date): Date {
  return new Date(`${todayInShanghai(now)}T00:00:00+08:00`);
}

// ---------------------------------------------------------------------------------------------------------------
// Does a saved search find this vacancy?

/**
 * The search's filters other than its words, evaluated on the vacancy's search document term by term as the
 * Postgres engine's WHERE clause does (search/postgres/engine.ts, vacancyWhere): open on the day, the region
 * (county, prefecture or province), every accommodation asked for, remote, employment type, pay reaching the
 * minimum, quota eligibility, education not above the one given.
 */
export function filtersFind(doc: VacancyDocument, params: SearchParams, today: string): boolean {
  if (doc.closingDate !== null && doc.closingDate < today) return false;
  if (params.region && ![doc.county, doc.prefecture, doc.province].includes(params.region)) return false;
  if (params.accommodations.some((a) => !doc.accommodations.includes(a))) return false;
  if (params.remote && !doc.remote) return false;
  if (params.employmentType && doc.employmentType !== params.employmentType) return false;
  if (params.payMin != null && doc.payMax < params.payMin) return false;
  if (params.quotaEligible && !doc.quotaEligible) return false;
  const rankMax = educationRankMax(params.education);
  if (rankMax != null && doc.educationRank > rankMax) return false;
  return true;
}

/**
 * Which of these keywords find the vacancy: the engine's own text rule (its tsquery of every word, against the
 * document's segmented text in the 'simple' configuration), asked of PostgreSQL in one statement for all of them.
 */
async function keywordsFinding(db: DB, doc: VacancyDocument, keywords: readonly string[]): Promise<Set<string>> {
  const withQuery = keywords.map((q) => ({ q, tsq: tsQueryText(q) }));
  const found = new Set(withQuery.filter((k) => k.tsq === null).map((k) => k.q));
  const asked = withQuery.filter((k): k is { q: string; tsq: string } => k.tsq !== null);
  if (!asked.length) return found;
  const text = segment([doc.title, doc.keywords, doc.organization, doc.description].join(" ")).join(" ");
  const rows = await sql<{ q: string }>`
    select t.q from unnest(${asked.map((k) => k.q)}::text[], ${asked.map((k) => k.tsq)}::text[]) as t(q, tsq)
    where to_tsvector('simple', ${text}) @@ t.tsq::tsquery`.execute(db);
  for (const r of rows.rows) found.add(r.q);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching a vacancy that became open

export interface MatchOutcome {
  /** Alert rows inserted for saved searches (0 when the job ran before and found them there). */
  searchAlerts: number;
  /** Of those, told at once. */
  immediate: number;
  /** Rows inserted for counselors' caseloads, and the counselors notified. */
  caseloadAlerts: number;
  counselorsNotified: number;
}

/** Counts what this user was sent today, with their row locked so two jobs cannot both pass the cap. */
async function sentToday(trx: DB, userId: string, now: Date): Promise<number> {
  await trx.selectFrom("app_user").select("id").where("id", "=", userId).forUpdate().executeTakeFirst();
  const r = await trx
    .selectFrom("vacancy_alert")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("saved_search_id", "is not", null)
    .where("sent_at", ">=", shanghaiDayStart(now))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function matchVacancyAlerts(db: DB, vacancyId: string, options: { now?: Date } = {}): Promise<MatchOutcome> {
  const now = options.now ?? new Date();
  const today = todayInShanghai(now);
  const outcome: MatchOutcome = { searchAlerts: 0, immediate: 0, caseloadAlerts: 0, counselorsNotified: 0 };
  // Read again now: a vacancy closed (or its organization no longer verified) since the job was sent alerts nobody.
  const [built, cards] = await Promise.all([buildVacancyDocuments(db, [vacancyId]), loadVacancyCards(db, [vacancyId])]);
  const doc = built.upsert[0];
  const card = cards[0];
  if (!doc || !card || (doc.closingDate !== null && doc.closingDate < today)) return outcome;

  // Whether the vacancy suits a person, by the matching rules; each person's profile read once.
  const suits = new Map<string, boolean>();
  const suitsPerson = async (userId: string) => {
    let s = suits.get(userId);
    if (s === undefined) {
      const me = await loadMatchSeeker(db, userId);
      s = !!me && match(me.seeker, card.matchVacancy, { now }).eligible;
      suits.set(userId, s);
    }
    return s;
  };

  // Saved searches: the structured filters first (in TypeScript), then the words of those left (one statement).
  const searches = await db
    .selectFrom("saved_search as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select(["s.id", "s.user_id", "s.name", "s.query", "s.frequency"])
    .where("s.frequency", "!=", "off")
    .where("u.role", "=", "seeker")
    .execute();
  const byFilters = searches.map((s) => ({ ...s, params: savedParams(s.query) })).filter((s) => filtersFind(doc, s.params, today));
  const found = await keywordsFinding(db, doc, [...new Set(byFilters.map((s) => s.params.q))]);
  const hits = [];
  for (const s of byFilters) if (found.has(s.params.q) && (await suitsPerson(s.user_id))) hits.push(s);

  // The issue asks for alerts of vacancies that "match and suit the seeker": whether the search showed only what
  // suits them or everything, an alert is only for a vacancy that suits (a vacancy they cannot take is no news).
  for (const s of hits) {
    await db.transaction().execute(async (trx) => {
      // The person's row is locked before the insert (which takes a key-share lock on it): two jobs take turns.
      const sent = s.frequency === "immediate" ? await sentToday(trx, s.user_id, now) : 0;
      const inserted = await trx
        .insertInto("vacancy_alert")
        .values({ user_id: s.user_id, saved_search_id: s.id, vacancy_id: vacancyId })
        .onConflict((oc) => oc.columns(["saved_search_id", "vacancy_id"]).where("saved_search_id", "is not", null).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return;
      outcome.searchAlerts += 1;
      if (alertHooks.afterInsert) await alertHooks.afterInsert(inserted.id);
      if (s.frequency !== "immediate") return;
      if (sent >= DAILY_ALERT_CAP) return;
      await notify(trx, s.user_id, "alert.vacancy", { vacancy: card.title, organization: card.organizationName, search: s.name }, `/vacancies/${vacancyId}`);
      await trx.updateTable("vacancy_alert").set({ sent_at: now }).where("id", "=", inserted.id).execute();
      outcome.immediate += 1;
    });
  }

  // Counselors who opted in: the people on their caseload now whom the vacancy suits; one notification each.
  const assignments = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as c", "c.id", "a.counselor_id")
    .select(["a.counselor_id", "a.seeker_id"])
    .where("a.ended_at", "is", null)
    .where("c.caseload_alerts", "=", true)
    .where("c.role", "=", "counselor")
    .execute();
  const perCounselor = new Map<string, string[]>();
  for (const a of assignments) {
    if (!(await suitsPerson(a.seeker_id))) continue;
    perCounselor.set(a.counselor_id, [...(perCounselor.get(a.counselor_id) ?? []), a.seeker_id]);
  }
  for (const [counselorId, seekerIds] of perCounselor) {
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("vacancy_alert")
        .select("id")
        .where("user_id", "=", counselorId)
        .where("vacancy_id", "=", vacancyId)
        .where("seeker_id", "is not", null)
        .limit(1)
        .executeTakeFirst();
      const inserted = await trx
        .insertInto("vacancy_alert")
        .values(seekerIds.map((seekerId) => ({ user_id: counselorId, seeker_id: seekerId, vacancy_id: vacancyId, sent_at: now })))
        .onConflict((oc) => oc.columns(["user_id", "seeker_id", "vacancy_id"]).where("seeker_id", "is not", null).doNothing())
        .returning("id")
        .execute();
      outcome.caseloadAlerts += inserted.length;
      // At most one notification per counselor and vacancy: a reopening that suits someone new adds the row only.
      if (!inserted.length || before) return;
      await notify(trx, counselorId, "alert.caseload", { vacancy: card.title, organization: card.organizationName, count: inserted.length }, `/vacancies/${vacancyId}`);
      outcome.counselorsNotified += 1;
    });
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// Digests

export type DigestFrequency = "daily" | "weekly";

export interface DigestOutcome {
  people: number;
  items: number;
}

/**
 * Sends each person one digest of their unsent alerts from searches of this frequency (the daily one also carries
 * immediate alerts held back by the cap), still-open vacancies only, at most what the day's cap leaves; the alerts
 * sent are marked in the same transaction as the notification, so a digest run again sends only what is left.
 */
export async function sendDigests(db: DB, frequency: DigestFrequency, options: { now?: Date } = {}): Promise<DigestOutcome> {
  const now = options.now ?? new Date();
  const today = todayInShanghai(now);
  const frequencies = frequency === "daily" ? (["daily", "immediate"] as const) : (["weekly"] as const);
  const pendingFor = (q: DB) =>
    q
      .selectFrom("vacancy_alert as a")
      .innerJoin("saved_search as s", "s.id", "a.saved_search_id")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .where("a.sent_at", "is", null)
      .where("s.frequency", "in", [...frequencies])
      .where("v.status", "=", "open")
      .where("o.status", "=", "verified")
      .where((eb) => eb.or([eb("v.closing_date", "is", null), eb("v.closing_date", ">=", today)]));
  const people = await pendingFor(db).select("a.user_id").distinct().execute();
  const outcome: DigestOutcome = { people: 0, items: 0 };
  for (const { user_id: userId } of people) {
    await db.transaction().execute(async (trx) => {
      const room = DAILY_ALERT_CAP - (await sentToday(trx, userId, now));
      if (room <= 0) return;
      const rows = await pendingFor(trx)
        .innerJoin("division as d", "d.code", "v.region_code")
        .leftJoin("division as dp", "dp.code", "d.parent_code")
        .select(["a.id", "a.vacancy_id", "v.title", "o.name as organization_name", "d.name as county", "d.level as county_level", "dp.name as prefecture"])
        .where("a.user_id", "=", userId)
        .orderBy("a.created_at")
        .orderBy("a.id")
        .execute();
      // A vacancy found by two of the person's searches is listed once (and both alerts are marked sent).
      const items: DigestItem[] = [];
      const sentIds: string[] = [];
      const listed = new Set<string>();
      for (const r of rows) {
        if (!listed.has(r.vacancy_id)) {
          if (items.length >= room) break;
          listed.add(r.vacancy_id);
          items.push({
            title: r.title,
            organization: r.organization_name,
            place: r.county_level === "county" && r.prefecture ? `${r.prefecture}${r.county}` : r.county,
            link: `/vacancies/${r.vacancy_id}`,
          });
        }
        sentIds.push(r.id);
      }
      if (!items.length) return;
      await notify(trx, userId, "alert.digest", { count: items.length, frequency, items }, "/saved-searches");
      await trx.updateTable("vacancy_alert").set({ sent_at: now }).where("id", "in", sentIds).execute();
      outcome.people += 1;
      outcome.items += items.length;
    });
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// When the digests run: 08:30 Asia/Shanghai, every day and on Mondays.

const DIGEST_HOUR = "08:30";

/** The next daily (or weekly: Monday) digest time strictly after `now`. */
export function nextDigestAt(frequency: DigestFrequency, now: Date): Date {
  let at = new Date(`${todayInShanghai(now)}T${DIGEST_HOUR}:00+08:00`);
  const DAY = 86_400_000;
  while (at <= now || (frequency === "weekly" && new Date(at.getTime() + 8 * 3_600_000).getUTCDay() !== 1)) at = new Date(at.getTime() + DAY);
  return at;
}
