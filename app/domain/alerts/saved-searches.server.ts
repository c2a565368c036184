/**
 * Saved searches (issue 17): a seeker keeps a search from the vacancy search page and chooses how often to be told
 * of new vacancies it finds that suit them. Each is the seeker's own: anyone else asking about one gets 404.
 */
import type { DB } from "../../../db/database";
import type { Result } from "../accounts/accounts.server";
import { notFound, requireUuid } from "../ids";
import { requirePermission, type Actor } from "../permissions";
import { placeName } from "../vacancies/vacancies.server";
import { translator, type Locale } from "../../i18n/i18n";
import type { SearchParams } from "../search/search.schema";
import {
  normalizeQuery,
  SAVED_SEARCH_LIMIT,
  savedParams,
  summaryText,
  type Frequency,
  type SaveSearchInput,
  type SavedSearchAction,
  type SearchSummary,
} from "./saved-searches.schema";

export interface SavedSearchItem {
  id: string;
  name: string;
  /** The query string, for the link back to the search ("/vacancies?…"). */
  query: string;
  frequency: Frequency;
  summary: SearchSummary;
  createdAt: Date;
}

/** Seekers only, about their own searches: a counselor's or employer's grants have no `own` scope on a profile. */
function requireSeeker(actor: Actor | null | undefined): asserts actor is Actor {
  requirePermission(actor, "update:seeker_profile", { ownerId: actor?.id });
}

async function placeNames(db: DB, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom("division as d")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select(["d.code", "d.name", "d.level", "dp.name as parent_name"])
    .where("d.code", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.code, placeName(r.name, r.level, r.parent_name)]));
}

function summaryOf(params: SearchParams, suitsMe: boolean, places: Map<string, string>): SearchSummary {
  return {
    q: params.q,
    place: params.region ? (places.get(params.region) ?? null) : null,
    accommodations: params.accommodations.length,
    remote: params.remote,
    employmentType: params.employmentType,
    payMin: params.payMin,
    quotaEligible: params.quotaEligible,
    suitsMe,
  };
}

/**
 * Saves the search (its query string as the search page wrote it); without a name, the summary of its filters in
 * the saver's language is its name. At most SAVED_SEARCH_LIMIT a person.
 */
export async function saveSearch(
  db: DB,
  actor: Actor,
  input: SaveSearchInput,
  options: { locale: Locale },
): Promise<Result<{ id: string; name: string }>> {
  requireSeeker(actor);
  const { query, suitsMe, params } = normalizeQuery(input.query);
  const places = await placeNames(db, params.region ? [params.region] : []);
  const name = input.name || summaryText(translator(options.locale), options.locale, summaryOf(params, suitsMe, places)).slice(0, 200);
  return db.transaction().execute(async (trx): Promise<Result<{ id: string; name: string }>> => {
    // The person's row is locked so two saves at once cannot both pass the limit.
    await trx.selectFrom("app_user").select("id").where("id", "=", actor.id).forUpdate().executeTakeFirstOrThrow();
    const count = await trx
      .selectFrom("saved_search")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", actor.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= SAVED_SEARCH_LIMIT) return { ok: false, fieldErrors: { "": ["alerts.err.limit"] } };
    const row = await trx
      .insertInto("saved_search")
      .values({ user_id: actor.id, name, query, suits_me: suitsMe, frequency: input.frequency })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, value: { id: row.id, name } };
  });
}

export async function listSavedSearches(db: DB, actor: Actor): Promise<SavedSearchItem[]> {
  requireSeeker(actor);
  const rows = await db
    .selectFrom("saved_search")
    .select(["id", "name", "query", "suits_me", "frequency", "created_at"])
    .where("user_id", "=", actor.id)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(SAVED_SEARCH_LIMIT * 2)
    .execute();
  const parsed = rows.map((r) => ({ r, params: savedParams(r.query) }));
  const places = await placeNames(
    db,
    parsed.flatMap((p) => (p.params.region ? [p.params.region] : [])),
  );
  return parsed.map(({ r, params }) => ({
    id: r.id,
    name: r.name,
    query: r.query,
    frequency: r.frequency,
    summary: summaryOf(params, r.suits_me, places),
    createdAt: r.created_at,
  }));
}

/** Changes one of the actor's saved searches: how often, its name, or deletes it. Someone else's: 404. */
export async function changeSavedSearch(db: DB, actor: Actor, action: SavedSearchAction): Promise<void> {
  requireSeeker(actor);
  requireUuid(action.id);
  let changed: bigint;
  if (action.intent === "delete") {
    const r = await db.deleteFrom("saved_search").where("id", "=", action.id).where("user_id", "=", actor.id).executeTakeFirst();
    changed = r.numDeletedRows;
  } else {
    const set = action.intent === "frequency" ? { frequency: action.frequency } : { name: action.name };
    const r = await db
      .updateTable("saved_search")
      .set({ ...set, updated_at: new Date() })
      .where("id", "=", action.id)
      .where("user_id", "=", actor.id)
      .executeTakeFirst();
    changed = r.numUpdatedRows;
  }
  if (Number(changed) === 0) notFound();
}

/** One of the actor's saved searches (the delete confirmation names it); someone else's: 404. */
export async function getSavedSearch(db: DB, actor: Actor, id: string): Promise<SavedSearchItem> {
  requireSeeker(actor);
  requireUuid(id);
  const items = await listSavedSearches(db, actor);
  const item = items.find((i) => i.id === id);
  if (!item) notFound();
  return item;
}
