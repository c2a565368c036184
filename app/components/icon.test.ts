import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ICONS_CSS_PATH, iconsCss, iconUrl } from "../../scripts/icons-css";
import { ACCOMMODATIONS } from "~/domain/catalog";
import { PATHS } from "./icon";

describe("accommodation icons", () => {
  it("each accommodation has its own icon (弹性工时 and 非全日制 once shared the clock)", () => {
    const icons = ACCOMMODATIONS.map((a) => a.icon);
    const repeated = icons.filter((icon, i) => icons.indexOf(icon) !== i);
    expect(repeated).toEqual([]);
    expect(ACCOMMODATIONS.find((a) => a.code === "flexible_hours")?.icon).not.toBe(ACCOMMODATIONS.find((a) => a.code === "part_time")?.icon);
  });
});

describe("the icons' stylesheet", () => {
  it("is what scripts/icons-css.tsx makes from the table in icon.tsx (run `npm run icons:css` after changing it)", () => {
    expect(readFileSync(ICONS_CSS_PATH, "utf8")).toBe(iconsCss());
  });

  it("has a drawing for every icon name and every accommodation's icon", () => {
    const css = iconsCss();
    for (const name of Object.keys(PATHS)) expect(css, name).toMatch(new RegExp(`\\.i-${name}[ ,]`));
    for (const a of ACCOMMODATIONS) expect(a.icon && a.icon in PATHS, a.code).toBe(true);
  });

  it("makes a data URL a stylesheet can hold: no double quote, # or raw angle bracket", () => {
    const url = iconUrl(PATHS.braille);
    const inside = url.slice('url("'.length, -'")'.length);
    expect(inside.startsWith("data:image/svg+xml,")).toBe(true);
    expect(inside).not.toMatch(/["#<>]/);
    expect(decodeURIComponent(inside)).toContain("fill='#000'");
  });
});
