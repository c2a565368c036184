import { describe, expect, it } from "vitest";
import { MAX_TOTAL_HITS, SEEKER_SETTINGS, SETTINGS, VACANCY_SETTINGS, indexUid } from "./settings";
import { VACANCY_FACETS } from "./request";

describe("Meilisearch settings", () => {
  it("names the indexes by prefix", () => {
    expect(indexUid(undefined, "vacancies")).toBe("qiancheng_vacancies");
    expect(indexUid("qc_test", "seekers")).toBe("qc_test_seekers");
    expect(SETTINGS.vacancies).toBe(VACANCY_SETTINGS);
    expect(SETTINGS.seekers).toBe(SEEKER_SETTINGS);
  });

  it("searches vacancy text by weight: title, keywords, organization, description", () => {
    expect(VACANCY_SETTINGS.searchableAttributes).toEqual(["title", "keywords", "organization", "description"]);
    expect(SEEKER_SETTINGS.searchableAttributes).toEqual(["skills", "major"]);
  });

  it("tokenizes every searchable attribute as Mandarin", () => {
    for (const s of [VACANCY_SETTINGS, SEEKER_SETTINGS]) {
      expect(s.localizedAttributes).toEqual([{ attributePatterns: s.searchableAttributes, locales: ["cmn"] }]);
    }
  });

  it("can filter on everything the filters use and facet on", () => {
    const vf = new Set(VACANCY_SETTINGS.filterableAttributes as string[]);
    for (const a of ["county", "prefecture", "province", "accommodations", "demands", "employment_type", "education_rank", "remote", "quota_eligible", "pay_max", "closing_day"]) {
      expect(vf.has(a), a).toBe(true);
    }
    for (const f of VACANCY_FACETS) expect(vf.has(f), f).toBe(true);
    const sf = new Set(SEEKER_SETTINGS.filterableAttributes as string[]);
    for (const a of ["reach", "wants_remote", "needs", "limits"]) expect(sf.has(a), a).toBe(true);
  });

  it("sorts by what the engine sorts by, with the id as the last tie-break", () => {
    expect(VACANCY_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(["published_at", "pay_max", "id"]));
    expect(SEEKER_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(["updated_at", "id"]));
  });

  it("puts the sort rule first for vacancies, so newest and pay ignore text relevance like the Postgres engine", () => {
    const rules = VACANCY_SETTINGS.rankingRules ?? [];
    expect(rules[0]).toBe("sort");
    expect(rules.slice(-2)).toEqual(["published_at:desc", "id:desc"]);
    expect(SEEKER_SETTINGS.rankingRules?.slice(-2)).toEqual(["updated_at:desc", "id:desc"]);
    expect(SEEKER_SETTINGS.rankingRules).not.toContain("sort");
  });

  it("counts exactly beyond Meilisearch's default of 1000 hits", () => {
    expect(MAX_TOTAL_HITS).toBeGreaterThanOrEqual(100_000);
    expect(VACANCY_SETTINGS.pagination?.maxTotalHits).toBe(MAX_TOTAL_HITS);
    expect(SEEKER_SETTINGS.pagination?.maxTotalHits).toBe(MAX_TOTAL_HITS);
  });

  it("never tolerates typos in numbers, and not in words shorter than five characters", () => {
    const t = VACANCY_SETTINGS.typoTolerance;
    expect(t?.disableOnNumbers).toBe(true);
    expect(t?.minWordSizeForTypos?.oneTypo).toBeGreaterThanOrEqual(5);
  });
});
