/**
 * Rebuilds an index from PostgreSQL (design §3: the index is derived and can be rebuilt at any time). Walks the
 * source table by id in batches, builds documents, and upserts them; the index is emptied first so nothing stale
 * survives. Changes made while it runs reach the outbox as usual and are applied by the next drain.
 */
import type { DB } from "../db/database";
import type { SearchIndexName } from "../db/schema";
import { buildSeekerDocuments, buildVacancyDocuments } from "./documents";
import type { SearchEngine } from "./engine";

export interface ReindexProgress {
  index: SearchIndexName;
  done: number;
  total: number;
  indexed: number;
}

export async function reindex(
  db: DB,
  engine: SearchEngine,
  index: SearchIndexName,
  options: { batch?: number; onProgress?: (p: ReindexProgress) => void } = {},
): Promise<{ total: number; indexed: number }> {
  const batch = options.batch ?? 1000;
  const table = index === "vacancies" ? "vacancy" : "seeker_profile";
  const key = index === "vacancies" ? "id" : "user_id";
  const totalRow = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  await engine.configure();
  await engine.reset(index);
  let done = 0;
  let indexed = 0;
  let after: string | null = null;
  options.onProgress?.({ index, done, total, indexed });
  for (;;) {
    let q = db.selectFrom(table).select(`${key} as id` as "id").orderBy(key as "id").limit(batch);
    if (after) q = q.where(key as "id", ">", after);
    const ids = (await q.execute()).map((r) => String((r as { id: string }).id));
    if (!ids.length) break;
    if (index === "vacancies") {
      const built = await buildVacancyDocuments(db, ids);
      await engine.upsert("vacancies", built.upsert);
      indexed += built.upsert.length;
    } else {
      const built = await buildSeekerDocuments(db, ids);
      await engine.upsert("seekers", built.upsert);
      indexed += built.upsert.length;
    }
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.({ index, done, total, indexed });
  }
  return { total, indexed };
}
