import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS, codes, TASK_DEMANDS } from "../../app/domain/catalog";
import { useTestDatabase } from "../../tests/helpers/db";
import { searchEngineContract } from "../../tests/search/contract";
import { regionsOf, type SearchEngine, type SeekerDocument, type VacancyDocument, type VacancyQuery } from "../engine";
import { PostgresEngine, tsQueryText } from "./engine";
import { VacancySnapshot } from "./vacancy-snapshot";

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

// ---------------------------------------------------------------------------------------------------------------
// Counts and facets: the in-process copy (vacancy-snapshot.ts) against SQL, and its freshness.

const ACC = codes(ACCOMMODATIONS);
const DEM = codes(TASK_DEMANDS);
const TYPES = ["full_time", "part_time", "flexible", "public_welfare", "auxiliary"];
const rollback = new Error("rolled back on purpose");

/** Made-up division codes (province 90–98, which GB/T 2260 does not use): 2 prefectures of 3 counties. */
function madeUpPlaces() {
  const p = 90 + Math.floor(Math.random() * 9);
  const f = 10 + Math.floor(Math.random() * 80);
  const counties = [`${p}${f}01`, `${p}${f}02`, `${p}${f}03`, `${p}${f + 1}01`, `${p}${f + 1}02`, `${p}${f + 1}03`];
  return { province: `${p}0000`, prefectures: [`${p}${f}00`, `${p}${f + 1}00`], counties };
}

function vacancyDoc(d: Partial<VacancyDocument> & { county: string }): VacancyDocument {
  return {
    id: randomUUID(),
    organizationId: randomUUID(),
    title: "岗位",
    keywords: "",
    organization: "测试单位",
    description: "",
    accommodations: [],
    demands: [],
    employmentType: "full_time",
    educationRank: 0,
    remote: false,
    quotaEligible: false,
    payMin: 2000,
    payMax: 3000,
    closingDate: null,
    publishedAt: new Date(),
    ...regionsOf(d.county),
    ...d,
  };
}

describe("Postgres engine: counts and facets", () => {
  it("the copy of the documents counts and facets exactly as SQL does, for any filters and eligibility", async () => {
    const r = madeUpPlaces();
    const places = [...r.counties, ...r.prefectures, r.province];
    const subset = <T,>(xs: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });
    const docs = fc
      .sample(
        fc.record({
          county: fc.constantFrom(...r.counties),
          accommodations: subset(ACC, 6),
          demands: subset(DEM, 3),
          employmentType: fc.constantFrom(...TYPES),
          educationRank: fc.integer({ min: 0, max: 6 }),
          remote: fc.boolean(),
          quotaEligible: fc.boolean(),
          payMax: fc.integer({ min: 20, max: 90 }).map((x) => x * 100),
          closingDate: fc.option(fc.constantFrom("2026-05-30", "2026-06-01", "2026-06-02", "2026-07-01"), { nil: null }),
        }),
        { numRuns: 120, seed: 17 },
      )
      .map((d) => vacancyDoc(d));
    // Each filter is absent more often than not, so most queries match some documents.
    const sometimes = <T, N>(arb: fc.Arbitrary<T>, none: N) => fc.oneof({ arbitrary: fc.constant(none), weight: 3 }, { arbitrary: arb, weight: 1 });
    const eligibleArb = fc.record({
      needsRequired: sometimes(subset([...ACC, "not_a_code"], 2), []),
      limits: sometimes(subset([...DEM, "not_a_code"], 2), []),
      reach: fc.oneof(subset([...places, "110101"], 2), fc.constant([r.province])),
      wantsRemote: fc.boolean(),
    });
    const queryArb = fc.record({
      region: sometimes(fc.constantFrom(...places, "110101"), null),
      accommodations: sometimes(subset([...ACC, "not_a_code"], 2), []),
      remote: sometimes(fc.constant(true), false),
      employmentType: sometimes(fc.constantFrom(...TYPES, "no_such_type"), null),
      payMin: sometimes(fc.integer({ min: 15, max: 95 }).map((x) => x * 100 + 50.5), null),
      quotaEligible: sometimes(fc.constant(true), false),
      educationRankMax: sometimes(fc.integer({ min: 0, max: 6 }), null),
      openOn: fc.constantFrom("2026-05-30", "2026-06-01", "2026-06-02", "2026-08-01"),
      eligibleFor: fc.option(eligibleArb, { nil: null, freq: 2 }),
      excludeEligibleFor: sometimes(eligibleArb, null),
    });
    try {
      await db.db
        .transaction()
        .setIsolationLevel("repeatable read")
        .execute(async (trx) => {
          // Inside a transaction the engine always counts in SQL; the copy is read in the same snapshot.
          const sqlEngine = new PostgresEngine(() => trx);
          await sqlEngine.upsert("vacancies", docs);
          const copy = await VacancySnapshot.load(trx);
          expect(copy.usable).toBe(true);
          let matched = 0;
          await fc.assert(
            fc.asyncProperty(queryArb, async (q) => {
              const query: VacancyQuery = { ...q, sort: "newest", offset: 0, limit: 1, facets: true };
              const bySql = await sqlEngine.searchVacancies(query);
              const { indexed, ...counted } = copy.count(query);
              expect(counted).toEqual({ total: bySql.total, facets: bySql.facets });
              expect(indexed).toBeGreaterThanOrEqual(counted.total);
              if (bySql.total > 0) matched++;
            }),
            { numRuns: 200, seed: 18 },
          );
          // Most queries match something: the comparison is not of empty results.
          expect(matched).toBeGreaterThan(100);
          throw rollback;
        });
    } catch (error) {
      if (error !== rollback) throw error;
    }
  });

  it("a page is the same whichever plan the count chooses (a walk of the ordered index, a sort of the matches, or none)", async () => {
    const r = madeUpPlaces();
    const docs = fc
      .sample(
        fc.record({
          county: fc.constantFrom(...r.counties),
          accommodations: fc.uniqueArray(fc.constantFrom(...ACC.slice(0, 6)), { maxLength: 3 }),
          remote: fc.boolean(),
          payMax: fc.integer({ min: 20, max: 40 }).map((x) => x * 100),
          // Ties on published_at and pay_max, broken by the id.
          publishedAt: fc.integer({ min: 0, max: 20 }).map((h) => new Date(Date.parse("2026-05-01T00:00:00Z") - h * 3_600_000)),
        }),
        { numRuns: 60, seed: 21 },
      )
      .map((d) => vacancyDoc(d));
    const engine = new PostgresEngine(() => db.db);
    await engine.upsert("vacancies", docs);
    await engine.warmUp();
    const plans = new Set<string | undefined>();
    const queryArb = fc.record({
      region: fc.constantFrom(r.province, ...r.prefectures, ...r.counties),
      accommodations: fc.uniqueArray(fc.constantFrom(...ACC.slice(0, 6)), { maxLength: 2 }),
      remote: fc.boolean(),
      sort: fc.constantFrom("newest" as const, "pay" as const, "relevance" as const),
      offset: fc.integer({ min: 0, max: 30 }),
      limit: fc.integer({ min: 1, max: 25 }),
      facets: fc.boolean(),
    });
    // Without the copy the engine neither counts first nor chooses a plan: the planner's order, as before.
    const planner = new PostgresEngine(() => db.db, { copy: false });
    const same = async () =>
      fc.assert(
        fc.asyncProperty(queryArb, async (q) => {
          const query: VacancyQuery = { ...q, openOn: "2026-06-01" };
          const [chosen, plain] = [await engine.searchVacancies(query), await planner.searchVacancies(query)];
          expect(chosen.hits).toEqual(plain.hits);
          expect(chosen.total).toBe(plain.total);
          plans.add(engine.lastPagePlan);
        }),
        { numRuns: 120, seed: 22 },
      );
    await same();
    // Each plan was taken. On the shared PostgreSQL test database other files' vacancies make these few look too rare
    // for a walk; a fresh PGlite database (the suite runs both ways) sees them walked.
    for (const plan of process.env.DATABASE_URL ? ["none", "sort"] : ["none", "sort", "walk"]) expect(plans).toContain(plan);
    const walked = plans.has("walk");
    // A walk too short for its page: the planner's plan answers.
    const margin = PostgresEngine.WALK_MARGIN;
    PostgresEngine.WALK_MARGIN = 0;
    try {
      plans.clear();
      await same();
      if (walked) expect(plans).toContain("planner");
    } finally {
      PostgresEngine.WALK_MARGIN = margin;
    }
    await engine.delete("vacancies", docs.map((d) => d.id));
  });

  it("counts a write made through another engine (another process) at once, and stops counting candidates at a bound", async () => {
    const r = madeUpPlaces();
    const engine = new PostgresEngine(() => db.db);
    const other = new PostgresEngine(() => db.db);
    const first = vacancyDoc({ county: r.counties[0]!, accommodations: ["braille"] });
    await other.upsert("vacancies", [first]);
    await engine.warmUp();
    const query: VacancyQuery = { region: r.prefectures[0], openOn: "2026-06-01", sort: "newest", offset: 0, limit: 10, facets: true };
    const before = await engine.searchVacancies(query);
    expect(before.total).toBe(1);
    expect(before.facets?.accommodations).toEqual({ braille: 1 });
    const second = vacancyDoc({ county: r.counties[1]!, accommodations: ["braille", "elevator"] });
    await other.upsert("vacancies", [second]);
    const after = await engine.searchVacancies(query);
    expect(after.total).toBe(2);
    expect(after.facets?.accommodations).toEqual({ braille: 2, elevator: 1 });
    expect((await engine.searchVacancies({ ...query, facets: false })).total).toBe(2);
    await other.delete("vacancies", [first.id]);
    expect((await engine.searchVacancies(query)).facets?.accommodations).toEqual({ braille: 1, elevator: 1 });
    await other.delete("vacancies", [second.id]);

    const seekers: SeekerDocument[] = [1, 2, 3].map((i) => ({
      id: randomUUID(),
      regionCode: r.counties[0]!,
      reach: [r.prefectures[0]!],
      wantsRemote: false,
      needs: [],
      needsPreferred: [],
      limits: [],
      skills: [],
      education: null,
      educationRank: 0,
      major: null,
      graduationYear: null,
      updatedAt: new Date(Date.now() - i * 1000),
    }));
    await engine.upsert("seekers", seekers);
    const candidatesOf = { county: r.counties[0]!, remote: false, accommodations: [], demands: [] };
    const count = (countUpTo?: number) => engine.searchSeekers({ candidatesOf, offset: 0, limit: 10, countUpTo });
    expect(await count()).toMatchObject({ total: 3 });
    expect((await count()).capped).toBeUndefined();
    expect(await count(2)).toMatchObject({ total: 2, capped: true });
    expect((await count(2)).hits).toHaveLength(3);
    expect((await count(3)).capped).toBeUndefined();
    expect(await count(3)).toMatchObject({ total: 3 });
    expect(await count(50)).toMatchObject({ total: 3 });
    await engine.delete("seekers", seekers.map((s) => s.id));
  });
});
