/** The server's own answers (server/app.ts): health, the outage page, caching of personal pages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureHealth, databaseHealth, markDatabaseDown } from "../../db/health";
import { startTestServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 300_000);
afterAll(async () => s?.close());

describe("the server", () => {
  it("reports the database on /healthz", async () => {
    const r = await fetch(`${s.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toMatchObject({ status: "ok", database: { kind: s.handle.kind, ok: true } });
  });

  it("answers 503 with a localized page while the database is down, and serves again when it answers", async () => {
    let reachable = false;
    configureHealth({ ping: async () => (reachable ? s.handle.ping() : Promise.reject(new Error("connect ECONNREFUSED"))), log: () => undefined });
    markDatabaseDown(Object.assign(new Error("Connection terminated unexpectedly"), {}));
    const page = await fetch(`${s.url}/vacancies`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<h1>服务暂时不可用</h1>");
    expect(html).toContain("12385");
    const english = await fetch(`${s.url}/vacancies`, { headers: { cookie: "qc_lang=en" } });
    expect(await english.text()).toContain("<h1>The service is unavailable for a moment</h1>");
    const api = await fetch(`${s.url}/api/vacancies`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: "database_unavailable" });
    expect((await fetch(`${s.url}/healthz`)).status).toBe(503);
    reachable = true;
    const started = Date.now();
    while (databaseHealth().down && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(databaseHealth().down).toBe(false);
    expect((await fetch(`${s.url}/vacancies`)).status).toBe(200);
    configureHealth({ ping: s.handle.ping });
  });

  it("lets no cache keep what a signed-in person is shown", async () => {
    const cookie = await s.cookieFor(await s.userId("13800000001"));
    for (const path of ["/dashboard", "/profile", "/applications", "/vacancies", "/"]) {
      const r = await fetch(`${s.url}${path}`, { headers: { cookie } });
      expect(r.status, path).toBe(200);
      expect(r.headers.get("cache-control"), path).toMatch(/\bno-store\b/);
    }
  });
});
