import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import { computeStatistics } from "../statistics/statistics.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { datasetCsv, disclosureDataset, indicatorsDataset } from "./opendata.server";

const t = useTestDatabase();
const YEAR = Number(todayInShanghai().slice(0, 4));
// A levy year no other test publishes (on PostgreSQL the database is shared between files and runs).
const LEVY_YEAR = 2100 + Math.floor(Math.random() * 800);

const small = (v: unknown) => typeof v === "number" && v >= 1 && v <= 4;

describe("open data", () => {
  it("gives the plan indicators by prefecture and year as computeStatistics computes them, 1–4 never shown", async () => {
    // Three people of 安顺市 employed this year: a small count.
    for (let i = 0; i < 3; i++) {
      const u = await createUser(t.db, { role: "seeker" });
      await createSeekerProfile(t.db, u.id, { regionCode: "520402" });
      await t.db
        .insertInto("employment")
        .values({ seeker_id: u.id, organization_id: null, employer_name: "个体经营", form: "self_employed", origin: "recorded", contract_start: `${YEAR}-01-02`, social_insurance: false, monthly_pay: 2000 })
        .execute();
    }
    const d = await indicatorsDataset(t.db);
    expect(d).toMatchObject({ licence: "CC BY 4.0", dataset: "indicators" });
    const years = [...new Set(d.rows.map((r) => r.year))];
    expect(years).toEqual([YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]);
    // The province and its nine prefectures, every indicator, every year.
    expect(new Set(d.rows.map((r) => r.region_code)).size).toBe(10);
    for (const r of d.rows) {
      expect(small(r.value) || small(r.numerator) || small(r.denominator), `${r.year} ${r.region_code} ${r.indicator}`).toBe(false);
      if (r.kind === "rate" && r.value !== null) expect(typeof r.numerator === "number" && typeof r.denominator === "number").toBe(true);
    }
    const anshun = d.rows.find((r) => r.year === YEAR && r.region_code === "520400" && r.indicator === "new_jobs")!;
    const live = await computeStatistics(t.db, { regionCode: "520400", periodStart: YEAR, periodEnd: YEAR, asOf: anshun.as_of });
    const actual = live.indicators.find((i) => i.code === "new_jobs")!.actual!;
    expect(actual).toBeGreaterThanOrEqual(3);
    // Shown as it is, or suppressed (small, or withheld when 5+).
    expect(anshun.value).toBe(actual <= 4 ? "<5" : typeof anshun.value === "number" ? actual : "x");
    // Every published count is the statistics' own figure.
    for (const r of d.rows.filter((x) => x.year === YEAR && x.region_code === "520400" && x.kind === "count" && typeof x.value === "number")) {
      expect(r.value, r.indicator).toBe(live.indicators.find((i) => i.code === r.indicator)!.actual);
    }
    const csv = datasetCsv(d);
    expect(csv.startsWith("\uFEFF# 许可 License: CC BY 4.0")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe("year,as_of,region_code,region_name,indicator,indicator_zh,indicator_en,kind,value,numerator,denominator");
  }, 120_000);

  it("summarises the published disclosures by prefecture, with secondary suppression", async () => {
    const q = await t.db
      .insertInto("quota_disclosure")
      .values({ levy_year: LEVY_YEAR, published_at: new Date(), objections_until: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const entry = (region: string, met: boolean, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        disclosure_id: q.id,
        organization_name: `单位${region}${met}${i}`,
        region_code: region,
        staff_count: "100",
        required_count: "1.5",
        counted_disabled: met ? "2" : "0",
        met,
      }));
    await t.db
      .insertInto("quota_disclosure_entry")
      .values([...entry("520102", true, 2), ...entry("520302", true, 5), ...entry("520303", false, 6)])
      .execute();
    const d = await disclosureDataset(t.db);
    const rows = d.rows.filter((r) => r.year === LEVY_YEAR);
    expect(rows).toHaveLength(10);
    const by = (code: string) => rows.find((r) => r.region_code === code)!;
    expect(by("520000")).toMatchObject({ exempt: 0, not_met: 6 });
    expect([13, "x"]).toContain(by("520000").employers);
    expect(by("520100")).toMatchObject({ employers: "<5", met: "<5", exempt: 0, not_met: 0, met_share: null });
    // 贵阳's 2 would follow from 7 − 5: 遵义's met is withheld (and more, until nothing gives the 2 back).
    expect(by("520300").met).toBe("x");
    expect(by("520400")).toMatchObject({ employers: 0, met: 0 });
    for (const r of d.rows) for (const k of ["employers", "met", "exempt", "not_met"] as const) expect(small(r[k])).toBe(false);
  });
});
