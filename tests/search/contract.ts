/**
 * What every SearchEngine must do alike (design §3 and §5): the Postgres engine and the Meilisearch engine run this
 * same suite, so a page answers the same whichever engine is behind it.
 *
 * The suite tolerates other data in the engine: on PostgreSQL the test database (and its vacancy_search table) is
 * shared with other test files and the developer's data, so every search carries a text token made up for this run
 * (a random Latin word: one word for jieba and Meilisearch alike), and the regions are made-up codes (province 90–98,
 * which GB/T 2260 does not use). `reset` empties a whole index, so it runs only against an engine the caller isolates
 * (a transaction rolled back on PostgreSQL, an index prefix of its own on Meilisearch).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { regionsOf, type EligibleFor, type SearchEngine, type SearchResult, type SeekerDocument, type SeekerQuery, type VacancyDocument, type VacancyQuery } from "../../search/engine";

export interface ContractOptions {
  /** A ready engine (configured); called once, before the suite. */
  engine: () => Promise<SearchEngine>;
  /** Runs `body` with an engine whose `reset` touches nothing but what `body` itself wrote. */
  isolated: (body: (engine: SearchEngine) => Promise<void>) => Promise<void>;
  /** After the suite: remove what it wrote (ids given), or drop the engine's indexes. */
  cleanup: (engine: SearchEngine, ids: { vacancies: string[]; seekers: string[] }) => Promise<void>;
}

/** A random word of lowercase letters: one token for jieba and for Meilisearch, shared by no other run. */
export function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let w = "qc";
  for (let i = 0; i < 10; i++) w += letters[Math.floor(Math.random() * letters.length)];
  return w;
}

/** Made-up division codes: a province no real code uses, two prefectures, three counties. */
function places() {
  const p = 90 + Math.floor(Math.random() * 9);
  const f = 10 + Math.floor(Math.random() * 80);
  const P = `${p}0000`;
  const A = `${p}${f}00`;
  const B = `${p}${f + 1}00`;
  return { P, A, B, a1: `${p}${f}01`, a2: `${p}${f}02`, b1: `${p}${f + 1}01` };
}

const T0 = Date.parse("2026-05-01T00:00:00Z");
const hoursAgo = (h: number) => new Date(T0 - h * 3_600_000);

export function searchEngineContract(options: ContractOptions): void {
  const token = uniqueWord();
  const seekerToken = uniqueWord();
  const r = places();
  const outside = "110101";
  const names = new Map<string, string>();
  const written = { vacancies: [] as string[], seekers: [] as string[] };
  let engine: SearchEngine;

  function vacancy(name: string, d: Partial<VacancyDocument> & { county: string }): VacancyDocument {
    const id = randomUUID();
    names.set(id, name);
    written.vacancies.push(id);
    return {
      id,
      organizationId: randomUUID(),
      title: `${name} ${token}`,
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
      publishedAt: hoursAgo(100),
      ...regionsOf(d.county),
      ...d,
    };
  }

  function seeker(name: string, d: Partial<SeekerDocument>): SeekerDocument {
    const id = randomUUID();
    names.set(id, name);
    written.seekers.push(id);
    return {
      id,
      regionCode: null,
      reach: [],
      wantsRemote: false,
      needs: [],
      needsPreferred: [],
      limits: [],
      skills: [seekerToken],
      education: null,
      educationRank: 0,
      major: null,
      graduationYear: null,
      updatedAt: hoursAgo(100),
      ...d,
    };
  }

  // Open on 2026-06-01 unless said otherwise: v3 closed the day before, v2 closes that very day.
  const vacancies = [
    vacancy("软件工程师", {
      county: r.a1,
      accommodations: ["elevator", "screen_reader", "step_free_access"],
      employmentType: "full_time",
      educationRank: 4,
      quotaEligible: true,
      payMin: 4000,
      payMax: 8000,
      publishedAt: hoursAgo(1),
    }),
    vacancy("财务会计", {
      county: r.a2,
      description: "协助工程师整理资料",
      accommodations: ["captions", "sign_language", "text_communication"],
      demands: ["phone_calls"],
      employmentType: "part_time",
      educationRank: 2,
      payMin: 2500,
      payMax: 3500,
      closingDate: "2026-06-01",
      publishedAt: hoursAgo(5),
    }),
    vacancy("客服专员", {
      county: r.b1,
      accommodations: ["flexible_hours", "text_communication"],
      demands: ["public_facing"],
      employmentType: "flexible",
      educationRank: 1,
      remote: true,
      quotaEligible: true,
      payMin: 3000,
      payMax: 5000,
      closingDate: "2026-05-31",
      publishedAt: hoursAgo(3),
    }),
    vacancy("数据录入员", {
      county: r.b1,
      accommodations: ["flexible_hours", "remote_work", "screen_reader"],
      employmentType: "full_time",
      educationRank: 3,
      remote: true,
      quotaEligible: true,
      payMin: 3500,
      payMax: 6000,
      closingDate: "2026-07-01",
      publishedAt: hoursAgo(2),
    }),
    vacancy("手工编织", {
      county: r.a1,
      accommodations: ["job_coach", "rest_breaks", "step_free_access"],
      demands: ["fine_motor"],
      employmentType: "auxiliary",
      educationRank: 0,
      payMin: 1800,
      payMax: 2600,
      publishedAt: hoursAgo(4),
    }),
  ];

  const seekers = [
    seeker("s1 needs sign language", { needs: ["sign_language"], reach: [r.a1], skills: ["手语", seekerToken], updatedAt: hoursAgo(2) }),
    seeker("s2 needs braille", { needs: ["braille"], reach: [r.A], updatedAt: hoursAgo(3) }),
    seeker("s3 cannot take calls", { limits: ["phone_calls"], reach: [r.P], updatedAt: hoursAgo(4) }),
    seeker("s4 needs captions and step-free", { needs: ["captions", "step_free_access"], limits: ["night_shift"], reach: [r.P], skills: ["Excel", "数据录入", seekerToken], updatedAt: hoursAgo(1) }),
    seeker("s5 far away, wants remote", { reach: [outside], wantsRemote: true, updatedAt: hoursAgo(5) }),
    seeker("s6 other prefecture, no remote", { reach: [r.B], updatedAt: hoursAgo(6) }),
    seeker("s7 other county only", { reach: [r.a2], updatedAt: hoursAgo(7) }),
  ];

  const named = (result: SearchResult) => result.hits.map((h) => names.get(h.id) ?? `(other: ${h.id})`);
  const set = (result: SearchResult) => [...named(result)].sort();
  const sorted = (...xs: string[]) => [...xs].sort();

  function vq(q: Partial<VacancyQuery> = {}): VacancyQuery {
    return { text: token, openOn: "2026-06-01", sort: "newest", offset: 0, limit: 50, ...q };
  }
  const find = (q: Partial<VacancyQuery> = {}) => engine.searchVacancies(vq(q));
  const eligible = (e: Partial<EligibleFor>): EligibleFor => ({ needsRequired: [], limits: [], reach: [r.P], wantsRemote: false, ...e });

  const job = { county: r.a1, remote: false, accommodations: ["captions", "sign_language", "step_free_access"], demands: ["phone_calls"] };
  function sq(q: Partial<SeekerQuery> = {}): SeekerQuery {
    return { text: seekerToken, candidatesOf: job, offset: 0, limit: 50, ...q };
  }

  beforeAll(async () => {
    engine = await options.engine();
    await engine.upsert("vacancies", vacancies);
    await engine.upsert("seekers", seekers);
  });

  afterAll(async () => {
    if (engine) await options.cleanup(engine, written);
  });

  it("finds Chinese text by a word inside it (工程师 in 软件工程师), in the title or the description", async () => {
    const result = await find({ text: `工程师 ${token}`, sort: "relevance" });
    // The title outweighs the description.
    expect(named(result)).toEqual(["软件工程师", "财务会计"]);
    expect(result.total).toBe(2);
    expect(result.hits[0]!.textScore).toBeGreaterThan(result.hits[1]!.textScore);
    expect(result.hits[1]!.textScore).toBeGreaterThan(0);
    expect(result.hits[0]!.textScore).toBeLessThanOrEqual(1);
    expect(set(await find({ text: `软件 ${token}` }))).toEqual(["软件工程师"]);
    // Every word must be found.
    expect((await find({ text: `医生 ${token}` })).total).toBe(0);
  });

  it("scores 0 without a text query", async () => {
    const result = await engine.searchVacancies({ openOn: "2026-06-01", sort: "newest", offset: 0, limit: 5 });
    for (const h of result.hits) expect(h.textScore).toBe(0);
  });

  it("filters by region at county, prefecture and province level", async () => {
    expect(set(await find({ region: r.a1 }))).toEqual(sorted("软件工程师", "手工编织"));
    expect(set(await find({ region: r.A }))).toEqual(sorted("软件工程师", "财务会计", "手工编织"));
    expect(set(await find({ region: r.B }))).toEqual(["数据录入员"]);
    expect(set(await find({ region: r.P }))).toEqual(sorted("软件工程师", "财务会计", "数据录入员", "手工编织"));
    expect((await find({ region: outside })).total).toBe(0);
  });

  it("requires every chosen accommodation", async () => {
    expect(set(await find({ accommodations: ["screen_reader"] }))).toEqual(sorted("软件工程师", "数据录入员"));
    expect(set(await find({ accommodations: ["screen_reader", "elevator"] }))).toEqual(["软件工程师"]);
    expect(set(await find({ accommodations: ["flexible_hours", "screen_reader"] }))).toEqual(["数据录入员"]);
    expect((await find({ accommodations: ["braille"] })).total).toBe(0);
    expect((await find({ accommodations: [] })).total).toBe(4);
  });

  it("filters by remote, employment type, pay, quota and education", async () => {
    expect(set(await find({ remote: true }))).toEqual(["数据录入员"]);
    expect((await find({ remote: false })).total).toBe(4);
    expect(set(await find({ employmentType: "part_time" }))).toEqual(["财务会计"]);
    expect(set(await find({ employmentType: "auxiliary" }))).toEqual(["手工编织"]);
    // Pay: the top of the range reaches the minimum asked (inclusive).
    expect(set(await find({ payMin: 5500 }))).toEqual(sorted("软件工程师", "数据录入员"));
    expect(set(await find({ payMin: 3500 }))).toEqual(sorted("软件工程师", "财务会计", "数据录入员"));
    expect(set(await find({ quotaEligible: true }))).toEqual(sorted("软件工程师", "数据录入员"));
    expect((await find({ quotaEligible: false })).total).toBe(4);
    expect(set(await find({ educationRankMax: 2 }))).toEqual(sorted("财务会计", "手工编织"));
    expect(set(await find({ educationRankMax: 0 }))).toEqual(["手工编织"]);
  });

  it("keeps only vacancies open on the day: no closing date, or one not yet passed", async () => {
    expect(set(await find({ openOn: "2026-05-31" }))).toEqual(sorted("软件工程师", "财务会计", "客服专员", "数据录入员", "手工编织"));
    expect(set(await find({ openOn: "2026-06-01" }))).toEqual(sorted("软件工程师", "财务会计", "数据录入员", "手工编织"));
    expect(set(await find({ openOn: "2026-06-02" }))).toEqual(sorted("软件工程师", "数据录入员", "手工编织"));
    expect(set(await find({ openOn: "2026-07-02" }))).toEqual(sorted("软件工程师", "手工编织"));
    expect(set(await find({ openOn: "2026-05-31", remote: true }))).toEqual(sorted("客服专员", "数据录入员"));
  });

  it("eligibleFor: every required need is offered", async () => {
    expect(set(await find({ eligibleFor: eligible({ needsRequired: ["screen_reader"] }) }))).toEqual(sorted("软件工程师", "数据录入员"));
    expect(set(await find({ eligibleFor: eligible({ needsRequired: ["screen_reader", "flexible_hours"] }) }))).toEqual(["数据录入员"]);
    expect((await find({ eligibleFor: eligible({ needsRequired: ["braille"] }) })).total).toBe(0);
  });

  it("eligibleFor: no demand of the vacancy is among the seeker's limits", async () => {
    expect(set(await find({ eligibleFor: eligible({ limits: ["phone_calls", "fine_motor"] }) }))).toEqual(sorted("软件工程师", "数据录入员"));
    expect(set(await find({ eligibleFor: eligible({ limits: ["night_shift"] }) }))).toEqual(sorted("软件工程师", "财务会计", "数据录入员", "手工编织"));
  });

  it("eligibleFor: the place fits (county, prefecture or province), or remote offered and wanted", async () => {
    expect(set(await find({ eligibleFor: eligible({ reach: [r.a2] }) }))).toEqual(["财务会计"]);
    expect(set(await find({ eligibleFor: eligible({ reach: [r.B] }) }))).toEqual(["数据录入员"]);
    expect(set(await find({ eligibleFor: eligible({ reach: [r.a2, r.b1] }) }))).toEqual(sorted("财务会计", "数据录入员"));
    expect((await find({ eligibleFor: eligible({ reach: [outside] }) })).total).toBe(0);
    expect(set(await find({ eligibleFor: eligible({ reach: [outside], wantsRemote: true }) }))).toEqual(["数据录入员"]);
    expect((await find({ eligibleFor: eligible({ reach: [] }) })).total).toBe(0);
    expect(set(await find({ eligibleFor: eligible({ reach: [], wantsRemote: true }) }))).toEqual(["数据录入员"]);
    expect(set(await find({ eligibleFor: eligible({ reach: [r.a1], wantsRemote: true, needsRequired: ["flexible_hours"], limits: ["public_facing"] }) }))).toEqual(["数据录入员"]);
  });

  it("excludeEligibleFor leaves out exactly the eligible ones", async () => {
    const e = eligible({ needsRequired: ["screen_reader"] });
    expect(set(await find({ excludeEligibleFor: e }))).toEqual(sorted("财务会计", "手工编织"));
    expect((await find({ eligibleFor: e, excludeEligibleFor: e })).total).toBe(0);
    // Nothing eligible: nothing left out.
    expect((await find({ excludeEligibleFor: eligible({ reach: [] }) })).total).toBe(4);
  });

  it("sorts by newest, by pay, and by relevance (newest without words)", async () => {
    expect(named(await find({ sort: "newest" }))).toEqual(["软件工程师", "数据录入员", "手工编织", "财务会计"]);
    expect(named(await find({ sort: "pay" }))).toEqual(["软件工程师", "数据录入员", "财务会计", "手工编织"]);
    // With a text query, newest and pay still order by the field alone.
    expect(named(await find({ text: `工程师 ${token}`, sort: "newest" }))).toEqual(["软件工程师", "财务会计"]);
    expect(named(await find({ text: `工程师 ${token}`, sort: "pay" }))).toEqual(["软件工程师", "财务会计"]);
    expect(named(await find({ text: `！${token}，`, sort: "pay" }))).toEqual(["软件工程师", "数据录入员", "财务会计", "手工编织"]);
  });

  it("pages with offset and limit and counts them all", async () => {
    const page = await find({ sort: "pay", offset: 1, limit: 2 });
    expect(named(page)).toEqual(["数据录入员", "财务会计"]);
    expect(page.total).toBe(4);
    const last = await find({ sort: "pay", offset: 3, limit: 2 });
    expect(named(last)).toEqual(["手工编织"]);
    expect(last.total).toBe(4);
    const beyond = await find({ sort: "pay", offset: 10, limit: 2 });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(4);
  });

  it("counts facets over the filtered set", async () => {
    const all = await find({ facets: true });
    expect(all.facets).toEqual({
      accommodations: {
        screen_reader: 2,
        step_free_access: 2,
        elevator: 1,
        captions: 1,
        sign_language: 1,
        text_communication: 1,
        flexible_hours: 1,
        remote_work: 1,
        job_coach: 1,
        rest_breaks: 1,
      },
      employmentType: { full_time: 2, part_time: 1, auxiliary: 1 },
      prefecture: { [r.A]: 3, [r.B]: 1 },
      remote: 1,
      quotaEligible: 2,
    });
    const inB = await find({ facets: true, region: r.B, openOn: "2026-05-31" });
    expect(inB.facets).toEqual({
      accommodations: { flexible_hours: 2, text_communication: 1, remote_work: 1, screen_reader: 1 },
      employmentType: { flexible: 1, full_time: 1 },
      prefecture: { [r.B]: 2 },
      remote: 2,
      quotaEligible: 2,
    });
    expect((await find({})).facets).toBeUndefined();
  });

  it("replaces a document on upsert and forgets it on delete", async () => {
    const word = uniqueWord();
    const v = vacancy("木工", { county: r.a1, title: `手工编织 ${word}` });
    await engine.upsert("vacancies", [v]);
    expect(set(await find({ text: `编织 ${word}` }))).toEqual(["木工"]);
    await engine.upsert("vacancies", [{ ...v, title: `木工 ${word}`, payMax: 9999 }]);
    expect((await find({ text: `编织 ${word}` })).total).toBe(0);
    expect(set(await find({ text: `木工 ${word}`, payMin: 9999 }))).toEqual(["木工"]);
    await engine.delete("vacancies", [v.id, randomUUID()]);
    expect((await find({ text: word })).total).toBe(0);
    await engine.delete("vacancies", []);
    // The others are untouched.
    expect((await find({})).total).toBe(4);
  });

  it("reset empties an index", async () => {
    await options.isolated(async (isolated) => {
      const word = uniqueWord();
      const v = vacancy("清空", { county: r.a1, title: `清空 ${word}` });
      const s = seeker("清空", { reach: [r.a1], skills: [word] });
      await isolated.upsert("vacancies", [v]);
      await isolated.upsert("seekers", [s]);
      expect((await isolated.searchVacancies(vq({ text: word }))).total).toBe(1);
      await isolated.reset("vacancies");
      expect((await isolated.searchVacancies({ openOn: "2026-06-01", sort: "newest", offset: 0, limit: 1 })).total).toBe(0);
      // The other index is left alone.
      expect((await isolated.searchSeekers({ text: word, candidatesOf: { ...job, accommodations: [], demands: [] }, offset: 0, limit: 5 })).total).toBe(1);
      await isolated.reset("seekers");
      expect((await isolated.searchSeekers({ candidatesOf: { ...job, remote: true, accommodations: [], demands: [] }, offset: 0, limit: 1 })).total).toBe(0);
    });
  });

  it("candidates: needs within what the vacancy offers, no limit among its demands, the place in reach", async () => {
    const result = await engine.searchSeekers(sq());
    expect(set(result)).toEqual(sorted("s1 needs sign language", "s4 needs captions and step-free"));
    expect(result.total).toBe(2);
    // A vacancy offering nothing and demanding nothing: only those who need nothing, within reach.
    expect(set(await engine.searchSeekers(sq({ candidatesOf: { ...job, accommodations: [], demands: [] } })))).toEqual(["s3 cannot take calls"]);
  });

  it("candidates: a remote vacancy also reaches those who want remote work, wherever they are", async () => {
    expect(set(await engine.searchSeekers(sq({ candidatesOf: { ...job, remote: true } })))).toEqual(
      sorted("s1 needs sign language", "s4 needs captions and step-free", "s5 far away, wants remote"),
    );
    // Reach is by the seeker's accepted places: a2 is another county, B another prefecture.
    expect(set(await engine.searchSeekers(sq({ candidatesOf: { ...job, county: r.a2, accommodations: [], demands: [] } })))).toEqual(
      sorted("s3 cannot take calls", "s7 other county only"),
    );
    expect(set(await engine.searchSeekers(sq({ candidatesOf: { ...job, county: r.b1, accommodations: [], demands: [] } })))).toEqual(
      sorted("s3 cannot take calls", "s6 other prefecture, no remote"),
    );
  });

  it("candidates: text narrows; without text the most recently updated come first; pages count them all", async () => {
    const byText = await engine.searchSeekers(sq({ text: `手语 ${seekerToken}` }));
    expect(named(byText)).toEqual(["s1 needs sign language"]);
    expect(byText.hits[0]!.textScore).toBeGreaterThan(0);
    // The job's made-up places keep other data out even without the run's token.
    const all = await engine.searchSeekers(sq({ text: undefined }));
    expect(named(all)).toEqual(["s4 needs captions and step-free", "s1 needs sign language"]);
    for (const h of all.hits) expect(h.textScore).toBe(0);
    const second = await engine.searchSeekers(sq({ text: undefined, offset: 1, limit: 1 }));
    expect(named(second)).toEqual(["s1 needs sign language"]);
    expect(second.total).toBe(2);
  });
}
