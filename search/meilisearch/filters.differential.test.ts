/**
 * The Meilisearch filters select exactly what the Postgres engine's SQL selects: random documents go into the
 * Postgres engine, random queries run there, and the same queries' Meilisearch filters are applied to the same
 * documents (as Meilisearch documents) by a small evaluator of the filter language (tests/search/meili-filter-eval.ts).
 * Any difference — a lost parenthesis, a NOT over the wrong group, an empty list — shows up as a counterexample.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../tests/helpers/db";
import { applyFilter } from "../../tests/search/meili-filter-eval";
import { uniqueWord } from "../../tests/search/contract";
import { regionsOf, type EligibleFor, type SeekerDocument, type SeekerQuery, type VacancyDocument, type VacancyQuery } from "../engine";
import { PostgresEngine } from "../postgres/engine";
import { toMeiliSeeker, toMeiliVacancy } from "./documents";
import { candidatesFilter, vacancyFilter } from "./filters";

const db = useTestDatabase();

// Few values of each kind, so random documents and queries meet often.
const p = 90 + Math.floor(Math.random() * 9);
const f = 10 + Math.floor(Math.random() * 80);
const COUNTIES = [`${p}${f}01`, `${p}${f}02`, `${p}${f + 1}01`];
const CODES = [...new Set(COUNTIES.flatMap((c) => Object.values(regionsOf(c))))].concat(["110101"]);
const ACC = ["step_free_access", "elevator", "screen_reader", "sign_language", "flexible_hours"];
const DEMANDS = ["phone_calls", "night_shift", "heavy_lifting"];
const TYPES = ["full_time", "part_time", "auxiliary"];
const DATES = [null, "2026-05-31", "2026-06-01", "2026-06-15"];
const token = uniqueWord();

const sub = (xs: readonly string[]) => fc.subarray([...xs]).map((a) => [...a].sort());
/** Present one time in four: with ten optional filters, most queries must still find something. */
const sometimes = <T, N>(arb: fc.Arbitrary<T>, nil: N) => fc.oneof({ arbitrary: fc.constant(nil), weight: 3 }, { arbitrary: arb, weight: 1 });

const vacancyArb = fc.record({
  county: fc.constantFrom(...COUNTIES),
  accommodations: sub(ACC),
  demands: sub(DEMANDS),
  employmentType: fc.constantFrom(...TYPES),
  educationRank: fc.integer({ min: 0, max: 4 }),
  remote: fc.boolean(),
  quotaEligible: fc.boolean(),
  payMax: fc.integer({ min: 20, max: 80 }).map((n) => n * 100),
  closingDate: fc.constantFrom(...DATES),
});

const eligibleArb: fc.Arbitrary<EligibleFor> = fc.record({
  needsRequired: sub(ACC.slice(0, 4)),
  limits: sub(DEMANDS),
  reach: sub(CODES),
  wantsRemote: fc.boolean(),
});

const queryArb: fc.Arbitrary<VacancyQuery> = fc.record({
  text: fc.constant(token),
  openOn: fc.constantFrom("2026-05-31", "2026-06-01", "2026-06-02", "2026-07-01"),
  region: sometimes(fc.constantFrom(...CODES), undefined),
  accommodations: sometimes(sub(ACC), undefined),
  remote: sometimes(fc.boolean(), undefined),
  employmentType: sometimes(fc.constantFrom(...TYPES), null),
  payMin: sometimes(fc.integer({ min: 20, max: 80 }).map((n) => n * 100), null),
  quotaEligible: sometimes(fc.boolean(), undefined),
  educationRankMax: sometimes(fc.integer({ min: 0, max: 4 }), null),
  eligibleFor: sometimes(eligibleArb, null),
  excludeEligibleFor: sometimes(eligibleArb, null),
  sort: fc.constant("newest" as const),
  offset: fc.constant(0),
  limit: fc.constant(1000),
});

const seekerArb = fc.record({
  needs: sub(ACC),
  limits: sub(DEMANDS),
  reach: sub(CODES),
  wantsRemote: fc.boolean(),
});

const candidatesArb: fc.Arbitrary<SeekerQuery["candidatesOf"]> = fc.record({
  county: fc.constantFrom(...COUNTIES),
  remote: fc.boolean(),
  accommodations: sub(ACC),
  demands: sub(DEMANDS),
});

describe("Meilisearch filters select what the Postgres engine selects", () => {
  const engine = new PostgresEngine(() => db.db);
  let vacancies: VacancyDocument[] = [];
  let seekers: SeekerDocument[] = [];

  beforeAll(async () => {
    const vs = fc.sample(vacancyArb, { numRuns: 120, seed: 20261129 });
    vacancies = vs.map((v, i) => ({
      ...v,
      ...regionsOf(v.county),
      id: randomUUID(),
      organizationId: randomUUID(),
      title: `岗位 ${token}`,
      keywords: "",
      organization: "单位",
      description: "",
      payMin: 1000,
      publishedAt: new Date(Date.UTC(2026, 4, 1) - i * 60_000),
    }));
    const ss = fc.sample(seekerArb, { numRuns: 80, seed: 11292026 });
    seekers = ss.map((s, i) => ({
      ...s,
      id: randomUUID(),
      regionCode: null,
      needsPreferred: [],
      skills: [token],
      education: null,
      educationRank: 0,
      major: null,
      graduationYear: null,
      updatedAt: new Date(Date.UTC(2026, 4, 1) - i * 60_000),
    }));
    await engine.upsert("vacancies", vacancies);
    await engine.upsert("seekers", seekers);
  });

  afterAll(async () => {
    await engine.delete("vacancies", vacancies.map((v) => v.id));
    await engine.delete("seekers", seekers.map((s) => s.id));
  });

  it("vacancy searches", async () => {
    const meili = vacancies.map(toMeiliVacancy);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(queryArb, async (q) => {
        const pg = await engine.searchVacancies(q);
        const expected = pg.hits.map((h) => h.id).sort();
        const actual = applyFilter(vacancyFilter(q), meili).map((d) => d.id).sort();
        if (expected.length) nonEmpty += 1;
        expect(actual).toEqual(expected);
        expect(pg.total).toBe(expected.length);
      }),
      { numRuns: 250, seed: 4242 },
    );
    // The comparison is only worth something if queries found things.
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it("candidate searches", async () => {
    const meili = seekers.map(toMeiliSeeker);
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(candidatesArb, async (candidatesOf) => {
        const pg = await engine.searchSeekers({ text: token, candidatesOf, offset: 0, limit: 1000 });
        const expected = pg.hits.map((h) => h.id).sort();
        const actual = applyFilter(candidatesFilter(candidatesOf), meili).map((d) => d.id).sort();
        if (expected.length) nonEmpty += 1;
        expect(actual).toEqual(expected);
      }),
      { numRuns: 150, seed: 2424 },
    );
    expect(nonEmpty).toBeGreaterThan(30);
  });
});
