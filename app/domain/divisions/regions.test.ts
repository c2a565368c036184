import { describe, expect, it } from "vitest";
import { prefectureOf, regionTree } from "./regions";

const divisions = [
  { code: "520000", name: "贵州省", parentCode: null, level: "province" as const },
  { code: "520300", name: "遵义市", parentCode: "520000", level: "prefecture" as const },
  { code: "520102", name: "南明区", parentCode: "520100", level: "county" as const },
  { code: "520100", name: "贵阳市", parentCode: "520000", level: "prefecture" as const },
  { code: "520302", name: "红花岗区", parentCode: "520300", level: "county" as const },
  { code: "520103", name: "云岩区", parentCode: "520100", level: "county" as const },
  { code: "990101", name: "别处", parentCode: "990100", level: "county" as const },
];

describe("region tree", () => {
  it("lists prefectures in code order, each with its counties; the province and orphans are left out", () => {
    expect(regionTree(divisions)).toEqual([
      { code: "520100", name: "贵阳市", counties: [{ code: "520102", name: "南明区" }, { code: "520103", name: "云岩区" }] },
      { code: "520300", name: "遵义市", counties: [{ code: "520302", name: "红花岗区" }] },
    ]);
  });

  it("finds the prefecture of a county or of a prefecture", () => {
    const tree = regionTree(divisions);
    expect(prefectureOf(tree, "520302")).toBe("520300");
    expect(prefectureOf(tree, "520100")).toBe("520100");
    expect(prefectureOf(tree, "520000")).toBeNull();
    expect(prefectureOf(tree, "")).toBeNull();
  });
});
