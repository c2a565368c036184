import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../tests/helpers/db";
import { searchEngineContract } from "../../tests/search/contract";
import type { SearchEngine } from "../engine";
import { PostgresEngine, tsQueryText } from "./engine";

const db = useTestDatabase();

describe("Postgres engine: the shared search engine contract", () => {
  searchEngineContract({
    engine: async () => {
      const engine = new PostgresEngine(() => db.db);
      await engine.configure();
      return engine;
    },
    // `reset` truncates a table other test files and the developer's data share: run it inside a transaction that
    // is rolled back, so it empties the table only for the body's own eyes.
    isolated: async (body) => {
      const rollback = new Error("rolled back on purpose");
      try {
        await db.db.transaction().execute(async (trx) => {
          await body(new PostgresEngine(() => trx) satisfies SearchEngine);
          throw rollback;
        });
      } catch (error) {
        if (error !== rollback) throw error;
      }
    },
    cleanup: async (engine, ids) => {
      await engine.delete("vacancies", ids.vacancies);
      await engine.delete("seekers", ids.seekers);
    },
  });
});

describe("Postgres engine: text queries", () => {
  it("quotes every word, so tsquery operators in user text are only words", () => {
    expect(tsQueryText("工程师")).toBe("'工程' & '工程师'");
    expect(tsQueryText("a & !b | c:*")).toBe("'a' & 'b' & 'c'");
    expect(tsQueryText("it's")).toBe("'it' & 's'");
    expect(tsQueryText("，。")).toBeNull();
    expect(tsQueryText(undefined)).toBeNull();
  });
});
