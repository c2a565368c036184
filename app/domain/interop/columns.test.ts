import { describe, expect, it } from "vitest";
import { en } from "../../i18n/messages/en/interop";
import { zh } from "../../i18n/messages/interop";
import { idNumberOf } from "../../../tests/fixtures/registry-files";
import { EDUCATION_LEVELS } from "../catalog";
import { COLUMN_KEYS, COLUMNS, columnForHeader, exportRow, parseCategory, parseGrade, PROBLEM_CODES, type RegistryPersonValues } from "./columns";
import { cellsByColumn, checkRow, mapHeader, normalizePhone, parseDate } from "./validate";

describe("the documented columns", () => {
  it("every problem code and column has its message in Chinese and English", () => {
    for (const code of PROBLEM_CODES) {
      expect(zh).toHaveProperty(`interop.problem.${code}`);
      expect(en).toHaveProperty(`interop.problem.${code}`);
    }
    for (const key of COLUMN_KEYS) expect(zh[`interop.column.${key}`]).toBe(COLUMNS.find((c) => c.key === key)!.zh);
    expect(Object.keys(zh).filter((k) => k.startsWith("interop.problem.")).length).toBe(PROBLEM_CODES.length);
  });

  it("no alias names two columns", () => {
    const seen = new Map<string, string>();
    for (const c of COLUMNS)
      for (const h of [c.zh, c.en, c.key, ...c.aliases]) {
        const k = columnForHeader(h);
        expect(k, h).toBe(c.key);
        seen.set(h, c.key);
      }
  });

  it("headers as spreadsheet tools write them", () => {
    expect(columnForHeader(" 残疾证号 ")).toBe("certificate_number");
    expect(columnForHeader("\u3000公民身份号码（18位）")).toBe("id_number");
    expect(columnForHeader("*姓名")).toBe("real_name");
    expect(columnForHeader("Date of birth")).toBe("birth_date");
    expect(columnForHeader("备注")).toBeNull();
  });

  it("vocabularies: the words the national system writes", () => {
    expect(parseCategory("肢体残疾")).toBe("physical");
    expect(parseCategory("肢体")).toBe("physical");
    expect(parseCategory("4")).toBe("physical");
    expect(["一级", "贰级", "3级", "IV", "4"].map(parseGrade)).toEqual([1, 2, 3, 4, 4]);
    expect(parseGrade("五级")).toBeNull();
    expect(parseDate("1990年5月1日")).toBe("1990-05-01");
    expect(parseDate("19900501")).toBe("1990-05-01");
    expect(parseDate("1990/2/29")).toBeNull();
    expect(normalizePhone("+86 139-1234-5678")).toBe("13912345678");
    expect(normalizePhone("0851-85551234")).toBe("085185551234");
    expect(normalizePhone("12345")).toBeNull();
    expect(EDUCATION_LEVELS.map((e) => e.code).length).toBe(9);
  });

  it("an exported row reads back to the same values", () => {
    const id = idNumberOf("520102", "1990-01-01", 2);
    const p: RegistryPersonValues = {
      real_name: "王芳",
      certificate_number: `${id}41`,
      id_number: id,
      gender: "female",
      birth_date: "1990-01-01",
      disability_category: "physical",
      disability_grade: 1,
      region_code: "520102",
      residence: "rural",
      education: "vocational",
      employment_status: "employed",
      employment_form: "self_employed",
      employer_name: "王芳按摩店",
      training: "2024 年盲人按摩",
      needs: ["flexible_hours", "step_free_access"],
      phone: "13912345678",
    };
    const header = mapHeader(COLUMNS.map((c) => c.zh));
    const { cells, stray } = cellsByColumn(header, exportRow(p));
    const divisions = new Map([["520102", "county" as const]]);
    const checked = checkRow(2, cells, stray, { today: "2026-12-06", scopeCode: null, divisions });
    expect(checked.problems).toEqual([]);
    expect(checked.values).toEqual(p);
    expect(exportRow(p)[COLUMNS.findIndex((c) => c.key === "disability_grade")]).toBe("一级");
  });
});
