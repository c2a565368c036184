/**
 * Meilisearch unreachable (design §3): searches answer from the Postgres engine with a warning, writes fail so the
 * outbox keeps the change, and when Meilisearch returns the outbox catches it up.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { createOrganization, createUser, createVacancy } from "../fixtures/factories";
import { regionsOf, type DocumentFor, type SearchEngine, type SearchIndexName, type SearchResult, type VacancyDocument } from "../../search/engine";
import { FallbackEngine } from "../../search/fallback";
import { MeilisearchEngine } from "../../search/meilisearch/engine";
import { drainOutbox } from "../../search/outbox";
import { PostgresEngine } from "../../search/postgres/engine";
import { uniqueWord } from "./contract";

const db = useTestDatabase();

/** A port on 127.0.0.1 that nothing listens on: opened by the OS, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

async function unreachableMeili(): Promise<MeilisearchEngine> {
  return new MeilisearchEngine({ host: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 500, taskTimeoutMs: 1000 });
}

/** Meilisearch "when it returns": a test double that takes every write and records it. */
class RecordingEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly upserted: Record<SearchIndexName, string[]> = { vacancies: [], seekers: [] };
  readonly documents = new Map<string, unknown>();
  readonly deleted: Record<SearchIndexName, string[]> = { vacancies: [], seekers: [] };
  async configure(): Promise<void> {}
  async upsert<I extends SearchIndexName>(index: I, documents: DocumentFor[I][]): Promise<void> {
    for (const d of documents) {
      this.upserted[index].push(d.id);
      this.documents.set(d.id, d);
    }
  }
  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    this.deleted[index].push(...ids);
  }
  async reset(): Promise<void> {}
  async searchVacancies(): Promise<SearchResult> {
    return { total: 0, hits: [] };
  }
  async searchSeekers(): Promise<SearchResult> {
    return { total: 0, hits: [] };
  }
}

const written: string[] = [];
function doc(word: string): VacancyDocument {
  const id = randomUUID();
  written.push(id);
  return {
    id,
    organizationId: randomUUID(),
    title: `无障碍客服 ${word}`,
    keywords: "",
    organization: "测试单位",
    description: "",
    ...regionsOf("520102"),
    accommodations: ["text_communication"],
    demands: [],
    employmentType: "full_time",
    educationRank: 0,
    remote: false,
    quotaEligible: true,
    payMin: 3000,
    payMax: 4000,
    closingDate: null,
    publishedAt: new Date(),
  };
}

const query = (text: string) => ({ text, openOn: "2026-06-01", sort: "newest" as const, offset: 0, limit: 10 });

afterAll(async () => {
  await new PostgresEngine(() => db.db).delete("vacancies", written);
});

describe("Meilisearch unreachable", () => {
  it("searches answer from PostgreSQL, quickly, and a warning is logged (once a minute)", async () => {
    const postgres = new PostgresEngine(() => db.db);
    const word = uniqueWord();
    const d = doc(word);
    await postgres.upsert("vacancies", [d]);
    const lines: string[] = [];
    const engine = new FallbackEngine(await unreachableMeili(), postgres, (l) => lines.push(l));

    const started = Date.now();
    const result = await engine.searchVacancies(query(word));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.hits.map((h) => h.id)).toEqual([d.id]);
    expect(result.total).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^search: meilisearch unavailable \(.+\); answering from postgres$/);

    const seekers = await engine.searchSeekers({ text: word, candidatesOf: { county: "520102", remote: false, accommodations: [], demands: [] }, offset: 0, limit: 5 });
    expect(seekers).toEqual({ total: 0, hits: [] });
    // Still unreachable, but the warning is not repeated within the minute.
    expect(lines).toHaveLength(1);
  });

  it("writes fail, after the PostgreSQL copy is written, so the outbox keeps the change", async () => {
    const postgres = new PostgresEngine(() => db.db);
    const engine = new FallbackEngine(await unreachableMeili(), postgres, () => {});
    const word = uniqueWord();
    const d = doc(word);
    await expect(engine.upsert("vacancies", [d])).rejects.toThrow();
    // The fallback is never behind: the document is searchable there already.
    expect((await postgres.searchVacancies(query(word))).hits.map((h) => h.id)).toEqual([d.id]);
    await expect(engine.delete("vacancies", [d.id])).rejects.toThrow();
    expect((await postgres.searchVacancies(query(word))).total).toBe(0);
    await expect(engine.reset("seekers")).rejects.toThrow();
    await expect(engine.configure()).rejects.toThrow();
  });
});

describe("catching up from the outbox", () => {
  async function outboxRows(entityId: string) {
    return db.db.selectFrom("search_outbox").select(["id", "attempts", "claimed_until"]).where("entity_id", "=", entityId).execute();
  }

  it("a failed drain keeps the change; once Meilisearch answers, it is applied and the row deleted", async () => {
    const word = uniqueWord();
    const owner = await createUser(db.db, { role: "employer" });
    const org = await createOrganization(db.db, owner.id, { status: "verified" });
    const v = await createVacancy(db.db, org.id, { title: `文字客服 ${word}`, status: "open" });
    written.push(v.id);
    // The insert's trigger enqueued it in the same transaction.
    expect((await outboxRows(v.id)).length).toBeGreaterThanOrEqual(1);

    const postgres = new PostgresEngine(() => db.db);
    const down = new FallbackEngine(await unreachableMeili(), postgres, () => {});
    // The outbox is shared with other tests on PostgreSQL: a big batch so this row is in the first (failing) one;
    // a lease of 0 so the next drain can take the row again at once.
    const failed = await drainOutbox(db.db, down, { batch: 100_000, leaseSeconds: 0 });
    expect(failed.failed).toBe(true);
    expect(failed.error).toBeDefined();
    const kept = await outboxRows(v.id);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...kept.map((r) => Number(r.attempts)))).toBeGreaterThanOrEqual(1);
    // PostgreSQL, written first, already has it: searches answer with it while Meilisearch is away.
    expect((await down.searchVacancies(query(word))).hits.map((h) => h.id)).toEqual([v.id]);

    // Meilisearch is back.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const back = new RecordingEngine();
    const up = new FallbackEngine(back, postgres, () => {});
    const drained = await drainOutbox(db.db, up, { batch: 100_000, leaseSeconds: 0 });
    expect(drained.failed).toBe(false);
    expect(back.upserted.vacancies).toContain(v.id);
    expect((back.documents.get(v.id) as VacancyDocument).title).toBe(`文字客服 ${word}`);
    expect(await outboxRows(v.id)).toEqual([]);

    // Closing it while Meilisearch is away again: the deletion waits in the outbox too, then reaches Meilisearch.
    await db.db.updateTable("vacancy").set({ status: "closed" }).where("id", "=", v.id).execute();
    expect((await drainOutbox(db.db, down, { batch: 100_000, leaseSeconds: 0 })).failed).toBe(true);
    expect((await outboxRows(v.id)).length).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await drainOutbox(db.db, up, { batch: 100_000, leaseSeconds: 0 })).failed).toBe(false);
    expect(back.deleted.vacancies).toContain(v.id);
    expect(await outboxRows(v.id)).toEqual([]);
    expect((await postgres.searchVacancies(query(word))).total).toBe(0);
  });
});
