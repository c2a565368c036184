import { describe, expect, it } from "vitest";
import { queryTokens, segment } from "./segment";

describe("segment", () => {
  it("keeps Chinese words whole where ICU would split them", () => {
    const tokens = segment("软件工程师（残疾人专岗）");
    expect(tokens).toContain("工程师");
    expect(tokens).toContain("残疾人");
    expect(tokens).not.toContain("（");
  });
  it("lower-cases Latin words and drops punctuation and spaces", () => {
    expect(segment("Excel 数据录入, Python!")).toEqual(expect.arrayContaining(["excel", "数据", "录入", "python"]));
    expect(segment("  ，。 ")).toEqual([]);
  });
  it("query tokens are distinct", () => {
    expect(queryTokens("客服 客服")).toEqual(["客服"]);
  });
});
