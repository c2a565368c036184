/**
 * What the server answers before Remix (issue 16, decision 017): the built files from memory, /healthz with one
 * shared ping, and the public pages kept for visitors without a session — with a fresh CSP nonce each time, never for
 * a signed-in person, and forgotten on every write.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ pageCache: true });
}, 300_000);
afterAll(async () => s?.close());

const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];

describe("static files", () => {
  const css = readdirSync("build/client/assets").find((f) => f.endsWith(".css"))!;

  it("serves hashed assets as immutable, with a content ETag that revalidates to 304, and compressed once ready", async () => {
    const r = await fetch(`${s.url}/assets/${css}`, { headers: { "accept-encoding": "identity" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(r.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("set-cookie")).toBeNull();
    const body = await r.text();
    expect(body.length).toBeGreaterThan(1000);
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await fetch(`${s.url}/assets/${css}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    // The brotli form is made on the first request that accepts it and used from then on.
    let encoding: string | null = null;
    for (let i = 0; i < 200 && encoding !== "br"; i++) {
      const c = await fetch(`${s.url}/assets/${css}`, { headers: { "accept-encoding": "br" } });
      encoding = c.headers.get("content-encoding");
      expect(await c.text()).toBe(body);
      expect(c.headers.get("vary")).toBe("Accept-Encoding");
    }
    expect(encoding).toBe("br");
  });

  it("serves the root's files for an hour, and leaves unknown assets and other methods to the app", async () => {
    const icon = await fetch(`${s.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect((await fetch(`${s.url}/assets/no-such-file.js`)).status).toBe(404);
    const post = await fetch(`${s.url}/assets/${css}`, { method: "POST", headers: { origin: s.origin } });
    expect(post.status).not.toBe(200);
  });
});

describe("/healthz", () => {
  it("answers many requests at once with one ping each time, no session and no cookie", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${s.url}/healthz`, { headers: { cookie: "qc_session=whatever" } })));
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("set-cookie")).toBeNull();
      expect(await r.json()).toMatchObject({ status: "ok", database: { ok: true } });
    }
  });
});

describe("the page cache", () => {
  it("answers a visitor from the cache with a fresh nonce that matches the CSP, never a signed-in person, and forgets on a write", async () => {
    const vacancy = await s.handle.db.selectFrom("vacancy").select(["id", "title"]).where("status", "=", "open").orderBy("id").executeTakeFirstOrThrow();
    const path = `/vacancies/${vacancy.id}`;
    const first = await fetch(`${s.url}${path}`);
    const firstHtml = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBeNull();
    expect(firstHtml).toContain(vacancy.title);

    // Changed behind the server's back: the cached page still shows the old title, with its own nonce.
    await s.handle.db.updateTable("vacancy").set({ title: "缓存检验岗位" }).where("id", "=", vacancy.id).execute();
    const second = await fetch(`${s.url}${path}`);
    const secondHtml = await second.text();
    expect(secondHtml).toContain(vacancy.title);
    const n1 = nonceOf(first);
    const n2 = nonceOf(second);
    expect(n1).toBeTruthy();
    expect(n2).not.toBe(n1);
    expect(secondHtml).toContain(`nonce="${n2}"`);
    expect(secondHtml).not.toContain(n1!);
    expect(secondHtml.replaceAll(n2!, "N")).toBe(firstHtml.replaceAll(n1!, "N"));

    // English is another page.
    const english = await (await fetch(`${s.url}${path}`, { headers: { cookie: "qc_lang=en" } })).text();
    expect(english).toContain('lang="en"');

    // A signed-in person is always rendered afresh.
    const cookie = await s.cookieFor(await s.userId("13800000001"));
    const signedIn = await fetch(`${s.url}${path}`, { headers: { cookie } });
    expect(await signedIn.text()).toContain("缓存检验岗位");
    expect(signedIn.headers.get("cache-control")).toMatch(/no-store/);

    // Any write the server answers empties the cache: a refused sign-in will do.
    await fetch(`${s.url}/login`, {
      method: "POST",
      headers: { origin: s.origin, "content-type": "application/x-www-form-urlencoded" },
      body: "identifier=13800000001&password=wrong-password",
    });
    const after = await (await fetch(`${s.url}${path}`)).text();
    expect(after).toContain("缓存检验岗位");
    await s.handle.db.updateTable("vacancy").set({ title: vacancy.title }).where("id", "=", vacancy.id).execute();
  });

  it("keeps only pages whose route allows it", async () => {
    // /login has no X-Page-Cache: a change shows at once without any write.
    const a = await fetch(`${s.url}/accessibility`);
    expect(a.status).toBe(200);
    const r1 = await fetch(`${s.url}/login`);
    const r2 = await fetch(`${s.url}/login`);
    expect(nonceOf(r1)).not.toBe(nonceOf(r2));
    expect(r2.headers.get("x-page-cache")).toBeNull();
  });
});
