import { afterEach, describe, expect, it } from "vitest";
import { configureHealth, databaseHealth, isDatabaseUnavailable, markDatabaseDown, resetHealth } from "./health";

describe("database health", () => {
  afterEach(() => resetHealth());

  it("tells a lost connection from a query the database refused", () => {
    for (const code of ["57P01", "57P03", "08006", "ECONNREFUSED", "ECONNRESET"]) expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(new WebAssembly.RuntimeError("unreachable"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("b"), { code: "57P01" }) }))).toBe(true);
    // Refusals of the query itself are the caller's to handle, not an outage.
    for (const code of ["23505", "22021", "42P01", "40001"]) expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(false);
    expect(isDatabaseUnavailable(new Error("invalid input syntax for type uuid"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("marks the database down once and probes until it answers", async () => {
    const lines: string[] = [];
    let answers = false;
    let pings = 0;
    configureHealth({ ping: async () => { pings += 1; if (!answers) throw new Error("connect ECONNREFUSED"); }, log: (l) => lines.push(l) });
    markDatabaseDown(new Error("Connection terminated"));
    markDatabaseDown(new Error("Connection terminated"));
    expect(databaseHealth().down).toBe(true);
    expect(lines).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(pings).toBeGreaterThan(0);
    expect(databaseHealth().down).toBe(true);
    answers = true;
    const started = Date.now();
    while (databaseHealth().down && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(databaseHealth().down).toBe(false);
    expect(lines[1]).toMatch(/database is back after/);
  });
});
