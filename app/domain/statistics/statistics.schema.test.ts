import { describe, expect, it } from "vitest";
import { parseDay, parseStatisticsParams } from "./statistics.schema";

describe("the as-of day", () => {
  const defaults = { regionCode: "520000", today: "2026-12-06" };
  const asOf = (value: string) => parseStatisticsParams(new URLSearchParams({ asOf: value }), defaults);

  it("a day after today is today; a past day stays; an impossible day is refused", () => {
    expect(asOf("2027-03-31")).toMatchObject({ query: { asOf: "2026-12-06" }, invalid: [] });
    expect(asOf("2026-12-07")).toMatchObject({ query: { asOf: "2026-12-06" }, invalid: [] });
    expect(asOf("2026-12-06")).toMatchObject({ query: { asOf: "2026-12-06" }, invalid: [] });
    expect(asOf("2025-03-31")).toMatchObject({ query: { asOf: "2025-03-31" }, invalid: [] });
    expect(asOf("2026-02-30")).toMatchObject({ query: { asOf: "2026-12-06" }, invalid: ["asOf"] });
    expect(parseDay("2030-01-01")).toBe("2030-01-01");
    expect(parseDay("2030-01-01", "2026-12-06")).toBe("2026-12-06");
  });
});
