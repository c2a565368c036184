import { describe, expect, it } from "vitest";
import { maskProblemValue, PROBLEMS_PAGE_SIZE, reportPage } from "./report-view.server";

describe("the dry-run report's values on the page", () => {
  it("masks certificate, ID and phone columns, by any accepted header", () => {
    expect(maskProblemValue("残疾人证号", "52030219900101123X42")).toBe("5203**********123X**");
    expect(maskProblemValue("残疾证号", "52030219900101123X42")).toBe("5203**********123X**");
    expect(maskProblemValue("身份证号", "52030219900101123X")).toBe("5203**********123X");
    expect(maskProblemValue("手机号", "13812345678")).toBe("138****5678");
    expect(maskProblemValue("手机号", "1381234")).toBe("138****1234");
    expect(maskProblemValue("手机号", "abc-12")).toBe("******");
  });
  it("masks a long number anywhere else, keeps row numbers and ordinary values", () => {
    expect(maskProblemValue("姓名", "张三 52030219900101123X")).toBe("张三 5203**********123X");
    expect(maskProblemValue("残疾人证号", "12")).toBe("12");
    expect(maskProblemValue("行政区划代码", "520302")).toBe("520302");
    expect(maskProblemValue(null, "")).toBeNull();
    expect(maskProblemValue("残疾类别", "视力残")).toBe("视力残");
  });
  it("pages the problems, clamping the page", () => {
    const problems = Array.from({ length: PROBLEMS_PAGE_SIZE + 3 }, (_, i) => ({ row: i + 2, column: "身份证号", code: "id_check_digit", value: "520302199001011235" }));
    const first = reportPage(problems, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2 });
    expect(first.problems).toHaveLength(PROBLEMS_PAGE_SIZE);
    expect(first.problems[0]!.value).toBe("5203**********1235");
    expect(reportPage(problems, 9).page).toBe(2);
    expect(reportPage(problems, 9).problems).toHaveLength(3);
    expect(reportPage([], 3)).toEqual({ page: 1, pageCount: 1, problems: [] });
  });
});
