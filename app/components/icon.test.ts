import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS } from "~/domain/catalog";

describe("accommodation icons", () => {
  it("each accommodation has its own icon (弹性工时 and 非全日制 once shared the clock)", () => {
    const icons = ACCOMMODATIONS.map((a) => a.icon);
    const repeated = icons.filter((icon, i) => icons.indexOf(icon) !== i);
    expect(repeated).toEqual([]);
    expect(ACCOMMODATIONS.find((a) => a.code === "flexible_hours")?.icon).not.toBe(ACCOMMODATIONS.find((a) => a.code === "part_time")?.icon);
  });
});
