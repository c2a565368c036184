import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS } from "../catalog";
import { ACCOMMODATION_GROUPS, accommodationGroupOf } from "./accommodation-groups";

describe("accommodation groups", () => {
  it("put every accommodation code in exactly one group, and name no code the catalog lacks", () => {
    const catalog = ACCOMMODATIONS.map((a) => a.code).sort();
    const grouped = ACCOMMODATION_GROUPS.flatMap((g) => [...g.members]).sort();
    // Equal as sorted lists: each catalog code appears once (no code left out, none in two groups) and nothing else.
    expect(grouped).toEqual(catalog);
    for (const code of catalog) {
      expect(ACCOMMODATION_GROUPS.filter((g) => (g.members as readonly string[]).includes(code)), code).toHaveLength(1);
    }
  });

  it("are the seven needs of issue 15, in order, each with words in both languages", () => {
    expect(ACCOMMODATION_GROUPS.map((g) => g.code)).toEqual(["mobility", "vision", "hearing", "communication", "cognition", "mental_health", "time_and_place"]);
    for (const g of ACCOMMODATION_GROUPS) {
      expect(g.members.length, g.code).toBeGreaterThan(0);
      for (const text of [g.zh, g.en, g.explainZh, g.explainEn]) expect(text?.trim(), g.code).toBeTruthy();
    }
  });

  it("find the group of a code", () => {
    expect(accommodationGroupOf("step_free_access")).toBe("mobility");
    expect(accommodationGroupOf("sign_language")).toBe("communication");
    expect(accommodationGroupOf("remote_work")).toBe("time_and_place");
    expect(accommodationGroupOf("no_such_code")).toBeUndefined();
  });
});
