/**
 * The search outbox (design §3). Triggers add a row in the same transaction as every change to a searchable thing
 * (migration 2026-11-29T09-30-00Z-search); the drain claims rows with a short lease (`FOR UPDATE SKIP LOCKED`, so
 * several processes can drain at once), reads the rows' entities again, applies documents or deletions to the
 * engine, and deletes the rows only once the engine has taken them. A crash anywhere leaves the rows for the next
 * drain: at start-up, after the next write, or on the periodic tick.
 */
import { sql } from "kysely";
import type { DB } from "../db/database";
import type { SearchIndexName } from "../db/schema";
import { buildSeekerDocuments, buildVacancyDocuments } from "./documents";
import type { SearchEngine } from "./engine";

export interface DrainResult {
  applied: number;
  failed: boolean;
  error?: unknown;
}

interface Claimed {
  id: number;
  index_name: SearchIndexName;
  entity_id: string;
}

/** Drains until the outbox is empty (or the engine fails: the claimed rows then wait for their lease to end). */
export async function drainOutbox(db: DB, engine: SearchEngine, options: { batch?: number; leaseSeconds?: number } = {}): Promise<DrainResult> {
  const batch = options.batch ?? 500;
  const lease = options.leaseSeconds ?? 30;
  let applied = 0;
  for (;;) {
    const claimed = await sql<Claimed>`
      update search_outbox set claimed_until = now() + make_interval(secs => ${lease}::int), attempts = attempts + 1
      where id in (
        select id from search_outbox where claimed_until is null or claimed_until < now()
        order by id limit ${batch}::int for update skip locked
      )
      returning id, index_name, entity_id`.execute(db);
    if (!claimed.rows.length) return { applied, failed: false };
    try {
      for (const index of ["vacancies", "seekers"] as const) {
        const ids = [...new Set(claimed.rows.filter((r) => r.index_name === index).map((r) => r.entity_id))];
        if (!ids.length) continue;
        if (index === "vacancies") {
          const built = await buildVacancyDocuments(db, ids);
          await engine.upsert("vacancies", built.upsert);
          await engine.delete("vacancies", built.remove);
        } else {
          const built = await buildSeekerDocuments(db, ids);
          await engine.upsert("seekers", built.upsert);
          await engine.delete("seekers", built.remove);
        }
        applied += ids.length;
      }
    } catch (error) {
      return { applied, failed: true, error };
    }
    await db
      .deleteFrom("search_outbox")
      .where(
        "id",
        "in",
        claimed.rows.map((r) => Number(r.id)),
      )
      .execute();
  }
}

/** How many changes wait to be indexed. */
export async function pendingCount(db: DB): Promise<number> {
  const row = await db.selectFrom("search_outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasPending(db: DB): Promise<boolean> {
  const row = await sql<{ any: boolean }>`select exists (select 1 from search_outbox where claimed_until is null or claimed_until < now()) as any`.execute(db);
  return !!row.rows[0]?.any;
}
