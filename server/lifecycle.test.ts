import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { describeStartupError, redactUrl, shutdownGracefully } from "./lifecycle";

describe("start-up errors", () => {
  it("name what failed and what to do in one line, without the password", () => {
    const url = "postgres://app:secret@127.0.0.1:5999/qiancheng";
    const refused = describeStartupError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), { port: 3000, databaseUrl: url });
    expect(refused).toMatch(/no PostgreSQL server answers at postgres:\/\/app:\*\*\*@127\.0\.0\.1:5999\/qiancheng/);
    expect(refused).toMatch(/DATABASE_URL/);
    expect(refused).not.toContain("secret");
    expect(refused).not.toContain("\n");
    const missing = describeStartupError(Object.assign(new Error('database "x" does not exist'), { code: "3D000" }), { port: 3000, databaseUrl: url });
    expect(missing).toMatch(/createdb/);
    expect(describeStartupError(Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" }), { port: 3100 })).toMatch(/port 3100 is already in use.*PORT/);
    expect(redactUrl("not a url")).toMatch(/not a valid URL/);
  });
});

describe("graceful shutdown", () => {
  it("stops accepting, lets the request in flight finish, drains, closes, and exits 0", async () => {
    let inFlight = 0;
    const order: string[] = [];
    const server = createServer((_req, res) => {
      inFlight += 1;
      setTimeout(() => {
        res.end("done");
        inFlight -= 1;
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const answer = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    while (inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const code = await shutdownGracefully({
      signal: "SIGTERM",
      server,
      inFlight: () => inFlight,
      drain: async () => void order.push("drained"),
      close: async () => void order.push("closed"),
      log: () => undefined,
    });
    expect(await answer).toBe("done");
    expect(code).toBe(0);
    expect(order).toEqual(["drained", "closed"]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("cuts off what is still running after the grace period and says so", async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const hung = fetch(`http://127.0.0.1:${port}/`).catch((e: Error) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const code = await shutdownGracefully({ signal: "SIGTERM", server, inFlight: () => 1, close: async () => undefined, graceMs: 200, log: () => undefined });
    expect(code).toBe(1);
    expect(await hung).toBeInstanceOf(Error);
  });
});
