import { describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache";

const page = (text: string, nonce: string) => Buffer.from(text.replaceAll("NONCE", nonce));

describe("the page cache", () => {
  it("gives back the page with the asker's nonce in every place the render's was", () => {
    const cache = createPageCache();
    cache.put("/a", { seconds: 10, status: 200, headers: [["content-type", "text/html"]], body: page('<script nonce="NONCE"></script><b nonce="NONCE">', "aaaa"), nonce: "aaaa" });
    expect(cache.get("/a", "bbbb")!.body.toString()).toBe('<script nonce="bbbb"></script><b nonce="bbbb">');
    expect(cache.get("/b", "bbbb")).toBeNull();
  });

  it("forgets a page after its seconds, on invalidate, and the least recently used beyond its size", () => {
    let now = 0;
    const cache = createPageCache({ maxEntries: 2, now: () => now });
    const put = (key: string, seconds = 10) => cache.put(key, { seconds, status: 200, headers: [], body: Buffer.from(key), nonce: "n" });
    put("/1");
    now = 9_999;
    expect(cache.get("/1", "m")).not.toBeNull();
    now = 10_000;
    expect(cache.get("/1", "m")).toBeNull();
    put("/1");
    put("/2");
    cache.get("/1", "m");
    put("/3");
    expect(cache.get("/2", "m")).toBeNull();
    expect(cache.get("/1", "m")).not.toBeNull();
    cache.invalidate();
    expect(cache.get("/1", "m")).toBeNull();
    expect(cache.size).toBe(0);
    put("/4", 0);
    expect(cache.get("/4", "m")).toBeNull();
  });
});
