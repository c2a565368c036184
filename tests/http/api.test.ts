/**
 * The partner API on the real server (issue 18; docs/api.md): every `/api/v1/…` answer is checked twice against the
 * contract — by the zod schema it was generated from, and by JSON Schema validation (ajv, draft 2020-12) of the
 * schema the served `/api/openapi.json` gives for that path, method and status — and the tokens' rules: 401 for
 * missing, unknown, malformed, expired and revoked tokens, 403 for a missing scope or another region's statistics,
 * 429 past the rate limit. The server runs with the page cache on, so an answer that a cache kept would show.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ZodTypeAny } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventListSchema, problemSchema, statisticsSchema, vacancyListSchema, vacancySchema } from "../../app/domain/api/schemas";
import { createApiToken, revokeApiToken } from "../../app/domain/api/tokens.server";
import { oneYearAfter } from "../../app/domain/api/tokens.schema";
import type { Actor } from "../../app/domain/permissions";
import { todayInShanghai } from "../../app/domain/vacancies/vacancies.schema";
import type { ApiScope } from "../../db/schema";
import { startTestServer, type TestServer } from "./harness";

let s: TestServer;
let doc: any;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const tokens: Record<string, string> = {};
let province: Actor;

async function makeToken(scopes: ApiScope[], regionCode = "520000", rateLimit = 600): Promise<{ id: string; token: string }> {
  const r = await createApiToken(s.handle.db, province, {
    name: `契约测试 ${scopes.join("+")} ${regionCode}`,
    scopes,
    regionCode,
    expiresOn: oneYearAfter(todayInShanghai()),
    rateLimit,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
}

beforeAll(async () => {
  s = await startTestServer({ pageCache: true });
  province = { id: await s.userId("13800000004"), role: "admin", regionCode: "520000" };
  tokens.all = (await makeToken(["vacancies:read", "events:read", "statistics:read"])).token;
  tokens.vacancies = (await makeToken(["vacancies:read"])).token;
  tokens.guiyang = (await makeToken(["statistics:read"], "520100")).token;
  const revoked = await makeToken(["vacancies:read"]);
  await revokeApiToken(s.handle.db, province, revoked.id);
  tokens.revoked = revoked.token;
  const expired = await makeToken(["vacancies:read"]);
  await s.handle.db.updateTable("api_token").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", expired.id).execute();
  tokens.expired = expired.token;
  const r = await fetch(`${s.url}/api/openapi.json`);
  doc = await r.json();
  ajv.addSchema(doc, "openapi.json");
}, 300_000);
afterAll(async () => s?.close());

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

async function get(path: string, token?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const r = await fetch(`${s.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : null, text };
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** The answer matches what the OpenAPI document says of `path` (the document's template) and its status. */
function matchesDocument(template: string, a: Answer) {
  const responses = doc.paths[template]?.get?.responses;
  expect(responses, `${template} is in the document`).toBeDefined();
  expect(responses[String(a.status)], `${template} documents ${a.status}`).toBeDefined();
  const mediaType = a.status === 200 ? "application/json" : "application/problem+json";
  expect(a.headers.get("content-type")).toMatch(new RegExp(`^${mediaType.replace("+", "\\+")}`));
  const ref = `openapi.json#/${pointer("paths", template, "get", "responses", String(a.status), "content", mediaType, "schema")}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const ok = validate(a.body);
  expect(validate.errors ?? [], `${template} ${a.status} against the document`).toEqual([]);
  expect(ok).toBe(true);
}

function matchesZod(schema: ZodTypeAny, a: Answer) {
  const r = schema.safeParse(a.body);
  expect(r.success ? [] : r.error.issues).toEqual([]);
}

function expectProblem(template: string, a: Answer, status: number, code: string) {
  expect(a.status).toBe(status);
  expect(a.body).toMatchObject({ status, code, type: "about:blank" });
  matchesZod(problemSchema, a);
  matchesDocument(template, a);
  expect(a.headers.get("cache-control")).toContain("no-store");
}

/** Keys that would carry a person's data: none may appear anywhere in an answer. */
const PERSONAL_KEYS = /^(phone|email|idNumber|id_number|certificateNumber|certificate_number|realName|real_name|contactName|contactPhone|contactEmail|contact_name|contact_phone|seeker\w*|applicant\w*|createdBy|created_by)$/;
function expectNoPersonalKeys(value: unknown, path = "$") {
  if (Array.isArray(value)) value.forEach((v, i) => expectNoPersonalKeys(v, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      expect(PERSONAL_KEYS.test(k), `${path}.${k}`).toBe(false);
      expectNoPersonalKeys(v, `${path}.${k}`);
    }
  }
}

function expectOk(a: Answer) {
  expect(a.status, a.text.slice(0, 300)).toBe(200);
  expect(a.headers.get("cache-control")).toBe("private, no-store");
  expect(a.headers.get("set-cookie")).toBeNull();
  expect(a.headers.get("ratelimit-limit")).toBe("600");
  expect(Number(a.headers.get("ratelimit-remaining"))).toBeLessThan(600);
  expect(Number(a.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
  expectNoPersonalKeys(a.body);
}

describe("/api/openapi.json", () => {
  it("is a public, cacheable OpenAPI 3.1 document with the bearer scheme, every endpoint and its errors", async () => {
    const a = await get("/api/openapi.json");
    expect(a.status).toBe(200);
    expect(a.headers.get("content-type")).toMatch(/^application\/json/);
    expect(a.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(a.body.openapi).toBe("3.1.0");
    expect(a.body.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(a.body.paths).sort()).toEqual(["/api/v1/events", "/api/v1/statistics/indicators", "/api/v1/vacancies", "/api/v1/vacancies/{id}"]);
    for (const [path, item] of Object.entries<any>(a.body.paths)) {
      expect(item.get.security, path).toEqual([{ bearer: [] }]);
      for (const status of ["200", "401", "403", "429"]) expect(item.get.responses[status], `${path} ${status}`).toBeDefined();
      expect(item.get.responses["401"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    }
    // Every schema in it compiles as JSON Schema 2020-12 (what OpenAPI 3.1 uses).
    for (const name of Object.keys(a.body.components.schemas)) expect(() => ajv.getSchema(`openapi.json#/components/schemas/${name}`) ?? ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` })).not.toThrow();
  });
});

describe("tokens", () => {
  it("answers 401 with WWW-Authenticate: Bearer to no token, and to unknown, malformed, expired and revoked ones", async () => {
    const none = await get("/api/v1/vacancies");
    expectProblem("/api/v1/vacancies", none, 401, "unauthorized");
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="qiancheng"');
    for (const token of [`qc_${"a".repeat(52)}`, "not-a-token", tokens.expired!, tokens.revoked!, `${tokens.all}x`]) {
      for (const path of ["/api/v1/vacancies", "/api/v1/events", "/api/v1/statistics/indicators"]) {
        const a = await get(path, token);
        expectProblem(path, a, 401, "unauthorized");
        expect(a.headers.get("www-authenticate")).toBe('Bearer realm="qiancheng", error="invalid_token"');
        expect(a.headers.get("ratelimit-limit")).toBeNull();
      }
    }
    expectProblem("/api/v1/vacancies", await get("/api/v1/vacancies", undefined, { authorization: `Basic ${tokens.all}` }), 401, "unauthorized");
  });

  it("answers 403 (problem+json naming the scope) to a token without the endpoint's scope", async () => {
    for (const path of ["/api/v1/events", "/api/v1/statistics/indicators"]) {
      const a = await get(path, tokens.vacancies);
      expectProblem(path, a, 403, "forbidden_scope");
      expect(a.body.requiredScope).toBe(path.includes("events") ? "events:read" : "statistics:read");
    }
    expectProblem("/api/v1/vacancies", await get("/api/v1/vacancies", tokens.guiyang), 403, "forbidden_scope");
  });

  it("revocation takes effect at once (no answer is kept by the page cache), and the last use is recorded", async () => {
    const t = await makeToken(["vacancies:read"]);
    expectOk(await get("/api/v1/vacancies?pageSize=1", t.token));
    const row = await s.handle.db.selectFrom("api_token").select("last_used_at").where("id", "=", t.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    await revokeApiToken(s.handle.db, province, t.id);
    expectProblem("/api/v1/vacancies", await get("/api/v1/vacancies?pageSize=1", t.token), 401, "unauthorized");
  });

  it("answers 429 with Retry-After past the token's limit per minute", async () => {
    const t = await makeToken(["vacancies:read"], "520000", 3);
    for (let i = 0; i < 3; i++) {
      const a = await get("/api/v1/vacancies?pageSize=1", t.token);
      expect(a.status).toBe(200);
      expect(a.headers.get("ratelimit-limit")).toBe("3");
      expect(a.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const limited = await get("/api/v1/vacancies?pageSize=1", t.token);
    expectProblem("/api/v1/vacancies", limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    // Another token is counted apart.
    expect((await get("/api/v1/vacancies?pageSize=1", tokens.vacancies)).status).toBe(200);
  });
});

describe("GET /api/v1/vacancies", () => {
  it("lists open vacancies, in the documented shape", async () => {
    const a = await get("/api/v1/vacancies", tokens.all);
    expectOk(a);
    matchesZod(vacancyListSchema, a);
    matchesDocument("/api/v1/vacancies", a);
    expect(a.body.results.length).toBeGreaterThan(0);
    expect(a.body).toMatchObject({ page: 1, pageSize: 50 });
    for (const v of a.body.results) expect(v.status).toBe("open");
    // Pages: the second page of one-item pages is the list's second item.
    const second = await get("/api/v1/vacancies?pageSize=1&page=2", tokens.all);
    expectOk(second);
    expect(second.body.results[0].id).toBe(a.body.results[1].id);
    expect(second.body.pageCount).toBe(a.body.total);
    const past = await get(`/api/v1/vacancies?page=${a.body.total + 1}&pageSize=1`, tokens.all);
    expectProblem("/api/v1/vacancies", past, 404, "not_found");
  });

  it("filters by region, accommodations (all of them) and updatedSince", async () => {
    const zunyi = await get("/api/v1/vacancies?region=520300&pageSize=200", tokens.all);
    expectOk(zunyi);
    matchesDocument("/api/v1/vacancies", zunyi);
    expect(zunyi.body.results.length).toBeGreaterThan(0);
    for (const v of zunyi.body.results) expect(v.region.code.startsWith("5203")).toBe(true);
    const all = await get("/api/v1/vacancies?pageSize=200", tokens.all);
    const withTwo = all.body.results.find((v: any) => v.accommodations.length >= 2);
    expect(withTwo).toBeDefined();
    const wanted = withTwo.accommodations.slice(0, 2);
    const acc = await get(`/api/v1/vacancies?pageSize=200&accommodations=${wanted.join(",")}`, tokens.all);
    expectOk(acc);
    expect(acc.body.results.map((v: any) => v.id)).toContain(withTwo.id);
    for (const v of acc.body.results) expect(v.accommodations).toEqual(expect.arrayContaining(wanted));
    const future = await get(`/api/v1/vacancies?updatedSince=${encodeURIComponent("2999-01-01T00:00:00Z")}`, tokens.all);
    expectOk(future);
    matchesDocument("/api/v1/vacancies", future);
    expect(future.body).toMatchObject({ total: 0, results: [] });
    const newest = all.body.results[0];
    const since = await get(`/api/v1/vacancies?updatedSince=${encodeURIComponent(newest.updatedAt)}&pageSize=200`, tokens.all);
    for (const v of since.body.results) expect(v.updatedAt >= newest.updatedAt).toBe(true);
    expect(since.body.results.map((v: any) => v.id)).toContain(newest.id);
  });

  it("refuses what it cannot read with 400 naming the parameters", async () => {
    for (const [query, parameters] of [
      ["region=52", ["region"]],
      ["accommodations=Step%20free", ["accommodations"]],
      ["updatedSince=yesterday", ["updatedSince"]],
      ["page=0", ["page"]],
      ["pageSize=201", ["pageSize"]],
      ["q=massage", ["q"]],
      ["region=520100&region=520300", ["region"]],
    ] as const) {
      const a = await get(`/api/v1/vacancies?${query}`, tokens.all);
      expectProblem("/api/v1/vacancies", a, 400, "invalid_parameters");
      expect(a.body.parameters, query).toEqual(parameters);
    }
  });
});

describe("GET /api/v1/vacancies/{id}", () => {
  it("gives one published vacancy in the documented shape; a draft, an unknown id or a malformed one is 404", async () => {
    const list = await get("/api/v1/vacancies?pageSize=1", tokens.all);
    const id = list.body.results[0].id;
    const a = await get(`/api/v1/vacancies/${id}`, tokens.all);
    expectOk(a);
    matchesZod(vacancySchema, a);
    matchesDocument("/api/v1/vacancies/{id}", a);
    expect(a.body).toMatchObject({ id, url: `/vacancies/${id}` });
    expect(typeof a.body.description).toBe("string");
    const draft = await s.handle.db.selectFrom("vacancy").select("id").where("status", "=", "draft").executeTakeFirst();
    for (const other of [draft?.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"].filter(Boolean)) {
      expectProblem("/api/v1/vacancies/{id}", await get(`/api/v1/vacancies/${other}`, tokens.all), 404, "not_found");
    }
    expect(draft).toBeDefined();
    expectProblem("/api/v1/vacancies/{id}", await get(`/api/v1/vacancies/${id}`), 401, "unauthorized");
    expectProblem("/api/v1/vacancies/{id}", await get(`/api/v1/vacancies/${id}`, tokens.guiyang), 403, "forbidden_scope");
  });
});

describe("GET /api/v1/events", () => {
  it("lists published events in the documented shape, from a day", async () => {
    const upcoming = await get("/api/v1/events", tokens.all);
    expectOk(upcoming);
    matchesZod(eventListSchema, upcoming);
    matchesDocument("/api/v1/events", upcoming);
    const all = await get("/api/v1/events?from=2000-01-01&pageSize=200", tokens.all);
    expectOk(all);
    matchesDocument("/api/v1/events", all);
    expect(all.body.total).toBeGreaterThanOrEqual(upcoming.body.total);
    expect(all.body.total).toBeGreaterThan(0);
    const published = await s.handle.db.selectFrom("recruitment_event").select((eb) => eb.fn.countAll<string>().as("n")).where("status", "=", "published").executeTakeFirstOrThrow();
    expect(all.body.total).toBe(Number(published.n));
    const starts = all.body.results.map((e: any) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    const a = await get("/api/v1/events?from=31-12-2026", tokens.all);
    expectProblem("/api/v1/events", a, 400, "invalid_parameters");
    expect(a.body.parameters).toEqual(["from"]);
  });
});

describe("GET /api/v1/statistics/indicators", () => {
  it("reads the token's region by default, and regions under it; another region is 403", async () => {
    const own = await get("/api/v1/statistics/indicators", tokens.guiyang);
    expectOk(own);
    matchesZod(statisticsSchema, own);
    matchesDocument("/api/v1/statistics/indicators", own);
    expect(own.body.region.code).toBe("520100");
    expect(own.body.year).toBe(Number(todayInShanghai().slice(0, 4)));
    expect(own.body.indicators.length).toBeGreaterThan(0);
    const county = await get("/api/v1/statistics/indicators?region=520102&year=2025", tokens.guiyang);
    expectOk(county);
    matchesDocument("/api/v1/statistics/indicators", county);
    expect(county.body).toMatchObject({ region: { code: "520102" }, year: 2025, asOf: "2025-12-31" });
    for (const region of ["520300", "520000", "520302"]) {
      const a = await get(`/api/v1/statistics/indicators?region=${region}`, tokens.guiyang);
      expectProblem("/api/v1/statistics/indicators", a, 403, "region_not_allowed");
    }
    const provinceWide = await get("/api/v1/statistics/indicators?region=520300&year=2026", tokens.all);
    expectOk(provinceWide);
    matchesDocument("/api/v1/statistics/indicators", provinceWide);
    expect(provinceWide.body.region.code).toBe("520300");
  });

  it("refuses what it cannot read with 400", async () => {
    for (const [query, parameters] of [
      ["region=52", ["region"]],
      ["region=520199", ["region"]],
      ["year=1999", ["year"]],
      ["year=soon", ["year"]],
      ["period=2016-2020", ["period"]],
    ] as const) {
      const a = await get(`/api/v1/statistics/indicators?${query}`, tokens.all);
      expectProblem("/api/v1/statistics/indicators", a, 400, "invalid_parameters");
      expect(a.body.parameters, query).toEqual(parameters);
    }
  });
});

describe("/admin/api-tokens (no JavaScript)", () => {
  async function page(cookie: string, body?: Record<string, string | string[]>) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body ?? {})) for (const x of [v].flat()) form.append(k, x);
    const r = await fetch(`${s.url}/admin/api-tokens`, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie, origin: s.origin, ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: body ? form : undefined,
    });
    return { status: r.status, location: r.headers.get("location"), cacheControl: r.headers.get("cache-control"), html: await r.text() };
  }

  it("creates a token shown once, lists it, asks before revoking, revokes; a bad form is answered at its fields", async () => {
    const cookie = await s.cookieFor(province.id);
    const empty = await page(cookie);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain("接口令牌");
    expect(empty.html).toContain(`value="${oneYearAfter(todayInShanghai())}"`);

    const bad = await page(cookie, { intent: "create", name: "", regionCode: "520000", expiresOn: "2020-01-01", rateLimit: "0" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="create-token-name-error"');
    expect(bad.html).toContain("请填写名称");
    expect(bad.html).toContain("请至少选择一项可读取的数据");

    const name = `页面测试令牌 ${Date.now()}`;
    const created = await page(cookie, { intent: "create", name, scopes: ["events:read", "vacancies:read"], regionCode: "520100", expiresOn: oneYearAfter(todayInShanghai()), rateLimit: "30" });
    expect(created.status).toBe(200);
    expect(created.cacheControl).toContain("no-store");
    const token = /value="(qc_[a-z2-7]{52})"/.exec(created.html)?.[1];
    expect(token).toBeDefined();
    expect((await get("/api/v1/events", token)).status).toBe(200);
    // Shown once: the list shows the name, never the token again.
    const listed = await page(cookie);
    expect(listed.html).toContain(name);
    expect(listed.html).not.toContain(token!);

    const row = await s.handle.db.selectFrom("api_token").select(["id", "rate_limit_per_minute", "region_code"]).where("name", "=", name).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ rate_limit_per_minute: 30, region_code: "520100" });
    const ask = await page(cookie, { intent: "revoke", tokenId: row.id });
    expect(ask.status).toBe(200);
    expect(ask.html).toContain(`确定撤销令牌“${name}”吗？`);
    expect((await get("/api/v1/events", token)).status).toBe(200);
    const done = await page(cookie, { intent: "revoke", tokenId: row.id, confirm: "yes" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/admin/api-tokens?revoked=${row.id}`);
    expect((await get("/api/v1/events", token)).status).toBe(401);
    const after = await page(cookie);
    expect(after.html).toContain("已撤销");
    // A revoke of something that is not a token of the admin's region is refused.
    expect((await page(cookie, { intent: "revoke", tokenId: "nope" })).status).toBe(400);
    expect((await page(cookie, { intent: "revoke", tokenId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });
});
