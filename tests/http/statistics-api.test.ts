/**
 * GET /api/statistics/indicators on the real server (docs/api.md): who gets an answer (401 signed out, 403 for
 * anyone who is not an admin of the region asked for), what is refused (400), and the JSON's shape, whose figures
 * are those computeStatistics gives for the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../fixtures/factories";
import { RECORDED_INDICATORS, UNRECORDED_INDICATORS, EMPLOYMENT_FORMS } from "../../app/domain/statistics/contract";
import { computeStatistics } from "../../app/domain/statistics/statistics.server";
import { todayInShanghai } from "../../app/domain/vacancies/vacancies.schema";
import { startTestServer, type TestServer } from "./harness";

let s: TestServer;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  s = await startTestServer();
  cookies.seeker = await s.cookieFor(await s.userId("13800000001"));
  cookies.counselor = await s.cookieFor(await s.userId("13800000003"));
  cookies.province = await s.cookieFor(await s.userId("13800000004"));
  const zunyi = await createUser(s.handle.db, { role: "admin", regionCode: "520300", displayName: "遵义市残联（统计接口测试）" });
  cookies.zunyi = await s.cookieFor(zunyi.id);
}, 300_000);
afterAll(async () => s?.close());

async function get(query: string, who?: string) {
  const r = await fetch(`${s.url}/api/statistics/indicators${query}`, { headers: who ? { cookie: cookies[who]! } : {} });
  const body = (await r.json()) as Record<string, any>;
  return { status: r.status, body, cacheControl: r.headers.get("cache-control"), type: r.headers.get("content-type") };
}

describe("GET /api/statistics/indicators", () => {
  it("answers 401 signed out and 403 to anyone but an admin of the region", async () => {
    expect(await get("?period=2016-2020&region=520000")).toMatchObject({ status: 401, body: { error: "sign_in_required" } });
    expect(await get("?period=2016-2020&region=520000", "seeker")).toMatchObject({ status: 403, body: { error: "admins_only" } });
    expect(await get("?period=2016-2020&region=520000", "counselor")).toMatchObject({ status: 403, body: { error: "admins_only" } });
    // A prefecture admin of 遵义: not the province, not 贵阳; their own prefecture and its counties.
    expect(await get("?period=2016-2020&region=520000", "zunyi")).toMatchObject({ status: 403, body: { error: "region_not_yours" } });
    expect(await get("?period=2016-2020&region=520100", "zunyi")).toMatchObject({ status: 403, body: { error: "region_not_yours" } });
    expect(await get("?period=2016-2020&region=520102", "zunyi")).toMatchObject({ status: 403, body: { error: "region_not_yours" } });
    expect(await get("?period=2016-2020&region=520300", "zunyi")).toMatchObject({ status: 200, body: { region: "520300" } });
    expect(await get("?period=2026&region=520302", "zunyi")).toMatchObject({ status: 200, body: { region: "520302", subRegions: [] } });
  });

  it("refuses what it cannot read with 400", async () => {
    for (const [query, parameters] of [
      ["?period=2016-2040&region=520000", ["period"]],
      ["?period=20x6&region=520000", ["period"]],
      ["?period=2020-2016", ["period"]],
      ["?period=2016-2020&region=52", ["region"]],
      ["?period=2016-2020&region=520199", ["region"]],
      ["?period=2016-2020&asOf=2026-02-30", ["asOf"]],
      ["?period=2016-2020&regoin=520000", ["regoin"]],
    ] as const) {
      expect(await get(query, "province"), query).toMatchObject({ status: 400, body: { error: "invalid_parameters", parameters } });
    }
  });

  it("gives the province's figures for 2016–2020 in the documented shape, equal to computeStatistics", async () => {
    const r = await get("?period=2016-2020&region=520000", "province");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.cacheControl).toBe("private, no-store");
    const today = todayInShanghai();
    expect(r.body).toMatchObject({ region: "520000", regionName: "贵州省", period: "2016-2020", periodStart: 2016, periodEnd: 2020, asOf: today });
    const codes = (r.body.indicators as { code: string }[]).map((i) => i.code);
    expect(codes).toEqual([...RECORDED_INDICATORS, ...UNRECORDED_INDICATORS]);
    for (const i of r.body.indicators as Record<string, unknown>[]) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(["code", "name", "unit", "target", "actual", "status"]));
      expect(typeof i.name).toBe("string");
    }
    const byCode = Object.fromEntries((r.body.indicators as Record<string, any>[]).map((i) => [i.code, i]));
    // The seeded 2016–2020 province targets (黔残联发〔2017〕23号).
    expect(byCode.new_jobs).toMatchObject({ unit: "people", target: 50_000 });
    expect(byCode.graduate_employment_rate).toMatchObject({ unit: "rate", target: 0.6 });
    // Recorded since issue 14 (courses and completions): a number, against the plan's 20,000.
    expect(byCode.training_urban).toMatchObject({ target: 20_000, recorded: true });
    expect(typeof byCode.training_urban.actual).toBe("number");
    expect((byCode.new_jobs.breakdown as { key: string }[]).map((b) => b.key)).toEqual([...EMPLOYMENT_FORMS]);
    expect(r.body.subRegions).toHaveLength(9);

    const domain = await computeStatistics(s.handle.db, { regionCode: "520000", periodStart: 2016, periodEnd: 2020, asOf: today });
    for (const i of domain.indicators) {
      expect([i.code, byCode[i.code].actual, byCode[i.code].target, byCode[i.code].status]).toEqual([i.code, i.actual, i.target, i.status]);
      if (i.breakdown) expect(byCode[i.code].breakdown).toEqual(i.breakdown);
    }
    // Nobody is named in the answer.
    const text = JSON.stringify(r.body);
    const people = await s.handle.db.selectFrom("seeker_profile").select(["real_name", "id_number"]).where("real_name", "is not", null).limit(50).execute();
    for (const p of people) {
      if (p.real_name && p.real_name.length >= 2) expect(text).not.toContain(p.real_name);
      if (p.id_number) expect(text).not.toContain(p.id_number);
    }
  });
});
