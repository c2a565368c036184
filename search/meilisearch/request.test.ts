import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { VacancyQuery } from "../engine";
import { candidatesFilter, vacancyFilter } from "./filters";
import { facetsFrom, hasWords, pageWindow, resultFrom, seekerSearchRequest, vacancySearchRequest, vacancySort } from "./request";

const base: VacancyQuery = { openOn: "2026-11-29", sort: "relevance", offset: 0, limit: 20 };

describe("page windows", () => {
  it("uses the limit as the page size when the offset is a whole page", () => {
    expect(pageWindow(0, 20)).toEqual({ page: 1, hitsPerPage: 20, skip: 0 });
    expect(pageWindow(40, 20)).toEqual({ page: 3, hitsPerPage: 20, skip: 0 });
  });
  it("finds the smallest page holding an unaligned range", () => {
    expect(pageWindow(5, 10)).toEqual({ page: 1, hitsPerPage: 15, skip: 5 });
    expect(pageWindow(30, 10)).toEqual({ page: 4, hitsPerPage: 10, skip: 0 });
    expect(pageWindow(31, 10)).toEqual({ page: 3, hitsPerPage: 14, skip: 3 });
  });
  it("asks only for the count when the limit is 0, and clamps negatives", () => {
    expect(pageWindow(100, 0)).toEqual({ page: 1, hitsPerPage: 0, skip: 0 });
    expect(pageWindow(-5, 3)).toEqual({ page: 1, hitsPerPage: 3, skip: 0 });
  });
  it("always covers exactly offset..offset+limit within one page", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 200 }), (offset, limit) => {
        const w = pageWindow(offset, limit);
        const first = (w.page - 1) * w.hitsPerPage + w.skip;
        expect(first).toBe(offset);
        expect(w.skip + limit).toBeLessThanOrEqual(w.hitsPerPage);
        expect(w.hitsPerPage).toBeGreaterThanOrEqual(limit);
        // Never more than the whole prefix is fetched.
        expect(w.hitsPerPage).toBeLessThanOrEqual(offset + limit);
      }),
    );
  });
});

describe("search requests", () => {
  it("searches text only when it has a word, like the Postgres engine's tsquery", () => {
    expect(hasWords("工程师")).toBe(true);
    expect(hasWords(" Excel ")).toBe(true);
    expect(hasWords("，。！ ")).toBe(false);
    expect(hasWords("")).toBe(false);
    expect(hasWords(undefined)).toBe(false);
  });

  it("sends a text query with every word required, scored, tokenized as Chinese", () => {
    const r = vacancySearchRequest({ ...base, text: "  软件 工程师 " });
    expect(r.q).toBe("软件 工程师");
    expect(r.scored).toBe(true);
    expect(r.params).toMatchObject({ matchingStrategy: "all", showRankingScore: true, locales: ["cmn"], attributesToRetrieve: ["id"], page: 1, hitsPerPage: 20 });
    expect(r.params.filter).toBe(vacancyFilter(base));
    // Relevance with words: no sort, the text rules order.
    expect(r.params.sort).toBeUndefined();
    expect(r.params.facets).toBeUndefined();
  });

  it("a text of punctuation is no text: placeholder search, newest first, no score", () => {
    const r = vacancySearchRequest({ ...base, text: "！？" });
    expect(r.q).toBeNull();
    expect(r.scored).toBe(false);
    expect(r.params.showRankingScore).toBeUndefined();
    expect(r.params.sort).toEqual(["published_at:desc", "id:desc"]);
  });

  it("sorts newest and pay by the field alone, even with text", () => {
    expect(vacancySort("newest", true)).toEqual(["published_at:desc", "id:desc"]);
    expect(vacancySort("newest", false)).toEqual(["published_at:desc", "id:desc"]);
    expect(vacancySort("pay", true)).toEqual(["pay_max:desc", "id:desc"]);
    expect(vacancySort("pay", false)).toEqual(["pay_max:desc", "id:desc"]);
    expect(vacancySort("relevance", true)).toBeUndefined();
    expect(vacancySort("relevance", false)).toEqual(["published_at:desc", "id:desc"]);
    expect(vacancySearchRequest({ ...base, text: "工程师", sort: "pay" }).params.sort).toEqual(["pay_max:desc", "id:desc"]);
  });

  it("asks for the facets the page shows", () => {
    expect(vacancySearchRequest({ ...base, facets: true }).params.facets).toEqual(["accommodations", "employment_type", "prefecture", "remote", "quota_eligible"]);
  });

  it("seeker searches filter by the vacancy and never send a sort", () => {
    const candidatesOf = { county: "520102", remote: true, accommodations: ["sign_language"], demands: ["phone_calls"] };
    const r = seekerSearchRequest({ candidatesOf, text: "手语", offset: 10, limit: 10 });
    expect(r.params.filter).toBe(candidatesFilter(candidatesOf));
    expect(r.params.sort).toBeUndefined();
    expect(r.params).toMatchObject({ page: 2, hitsPerPage: 10, matchingStrategy: "all", showRankingScore: true });
    expect(r.q).toBe("手语");
  });
});

describe("search responses", () => {
  it("slices the fetched page to the asked range and keeps the exact total", () => {
    const r = vacancySearchRequest({ ...base, text: "工程师", offset: 5, limit: 3 });
    // Hits 4..7 are fetched; the first is before the asked offset.
    expect(r.params).toMatchObject({ page: 2, hitsPerPage: 4 });
    const hits = ["a", "b", "c", "d"].map((id, i) => ({ id, _rankingScore: 1 - i / 10 }));
    expect(resultFrom(r, { hits, totalHits: 42 }, false)).toEqual({
      total: 42,
      hits: [
        { id: "b", textScore: 0.9 },
        { id: "c", textScore: 0.8 },
        { id: "d", textScore: 0.7 },
      ],
    });
  });

  it("reports a zero text score without words, whatever the server sends", () => {
    const r = vacancySearchRequest(base);
    expect(resultFrom(r, { hits: [{ id: "x", _rankingScore: 1 }], totalHits: 1 }, false).hits).toEqual([{ id: "x", textScore: 0 }]);
  });

  it("maps the facet distribution to the engine's facets", () => {
    expect(
      facetsFrom({
        accommodations: { elevator: 3, braille: 1 },
        employment_type: { full_time: 4 },
        prefecture: { "520100": 4 },
        remote: { true: 2, false: 2 },
        quota_eligible: { false: 4 },
      }),
    ).toEqual({ accommodations: { elevator: 3, braille: 1 }, employmentType: { full_time: 4 }, prefecture: { "520100": 4 }, remote: 2, quotaEligible: 0 });
    expect(facetsFrom(undefined)).toEqual({ accommodations: {}, employmentType: {}, prefecture: {}, remote: 0, quotaEligible: 0 });
    const r = vacancySearchRequest({ ...base, facets: true });
    expect(resultFrom(r, { hits: [], totalHits: 0, facetDistribution: { remote: { true: 0 } } }, true).facets).toEqual({
      accommodations: {},
      employmentType: {},
      prefecture: {},
      remote: 0,
      quotaEligible: 0,
    });
  });
});
