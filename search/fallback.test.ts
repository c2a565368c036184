import { describe, expect, it, vi } from "vitest";
import type { SearchEngine, SearchResult } from "./engine";
import { FallbackEngine } from "./fallback";

function engine(name: "postgres" | "meilisearch", search: () => Promise<SearchResult>): SearchEngine & { calls: number } {
  const e = {
    name,
    calls: 0,
    configure: async () => {},
    upsert: async () => {},
    delete: async () => {},
    reset: async () => {},
    searchVacancies: async () => {
      e.calls += 1;
      return search();
    },
    searchSeekers: async () => {
      e.calls += 1;
      return search();
    },
  };
  return e;
}

const query = { openOn: "2026-11-29", sort: "newest" as const, offset: 0, limit: 10 };

describe("falling back from Meilisearch", () => {
  it("after a failure, searches skip Meilisearch for a while, then try it again", async () => {
    vi.useFakeTimers();
    try {
      let up = false;
      const meili = engine("meilisearch", async () => {
        if (!up) throw new Error("connect ECONNREFUSED");
        return { total: 1, hits: [{ id: "m", textScore: 0 }] };
      });
      const pg = engine("postgres", async () => ({ total: 1, hits: [{ id: "p", textScore: 0 }] }));
      const log: string[] = [];
      const f = new FallbackEngine(meili, pg, (l) => log.push(l));
      expect((await f.searchVacancies(query)).hits[0]!.id).toBe("p");
      expect((await f.searchSeekers({ candidatesOf: { county: "520102", remote: false, accommodations: [], demands: [] }, offset: 0, limit: 10 })).hits[0]!.id).toBe("p");
      expect(meili.calls).toBe(1); // the second search did not wait on Meilisearch
      expect(log).toHaveLength(1);
      up = true;
      vi.advanceTimersByTime(FallbackEngine.RETRY_AFTER_MS + 1);
      expect((await f.searchVacancies(query)).hits[0]!.id).toBe("m");
      expect(meili.calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
