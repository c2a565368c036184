/**
 * The Meilisearch engine against a real server: the shared contract (tests/search/contract.ts) plus what only
 * Meilisearch has (its settings read back). Runs when MEILI_HOST is set (MEILI_API_KEY if the server needs one);
 * each run uses indexes of its own prefix and drops them afterwards, so `reset` touches nothing else.
 */
import { describe, expect, it } from "vitest";
import { searchEngineContract } from "../../tests/search/contract";
import { MeilisearchEngine } from "./engine";
import { SEEKER_SETTINGS, VACANCY_SETTINGS } from "./settings";

const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY;
const run = host ? describe : describe.skip;
const title = host ? `Meilisearch engine (${host})` : "MEILI_HOST is not set: no Meilisearch server here";

function engineWithOwnIndexes(): MeilisearchEngine {
  const prefix = `qc_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  // A generous timeout: a CI server may be busy indexing other runs' documents.
  return new MeilisearchEngine({ host: host ?? "http://127.0.0.1:7700", apiKey, prefix, timeoutMs: 5000 });
}

run(title, () => {
  describe("the shared search engine contract", () => {
    searchEngineContract({
      engine: async () => {
        const engine = engineWithOwnIndexes();
        await engine.configure();
        return engine;
      },
      // The suite's engine already has indexes of its own; a second prefix keeps the reset test apart from it.
      isolated: async (body) => {
        const engine = engineWithOwnIndexes();
        await engine.configure();
        try {
          await body(engine);
        } finally {
          await engine.dropIndexes();
        }
      },
      cleanup: async (engine) => {
        await (engine as MeilisearchEngine).dropIndexes();
      },
    });
  });

  describe("settings", () => {
    it("configure applies the settings as code, and repeating it changes nothing", async () => {
      const engine = engineWithOwnIndexes();
      try {
        await engine.configure();
        await engine.configure();
        for (const [index, settings] of [
          ["vacancies", VACANCY_SETTINGS],
          ["seekers", SEEKER_SETTINGS],
        ] as const) {
          const applied = await engine.client.index(engine.uid(index)).getSettings();
          expect(applied.searchableAttributes).toEqual(settings.searchableAttributes);
          expect([...(applied.filterableAttributes ?? [])].map(String).sort()).toEqual([...(settings.filterableAttributes ?? [])].map(String).sort());
          expect([...(applied.sortableAttributes ?? [])].sort()).toEqual([...(settings.sortableAttributes ?? [])].sort());
          expect(applied.rankingRules).toEqual(settings.rankingRules);
          expect(applied.localizedAttributes).toEqual(settings.localizedAttributes);
          expect(applied.pagination).toEqual(settings.pagination);
          const raw = await engine.client.index(engine.uid(index)).getRawInfo();
          expect(raw.primaryKey).toBe("id");
        }
      } finally {
        await engine.dropIndexes();
      }
    });
  });
});
