import { describe, expect, it } from "vitest";
import { checkCertificateNumber, checkUscc, idCheckCharacter, maskIdentifier, parseIdNumber, usccCheckCharacter } from "./identity";

// 11010519491231002X is the example number printed in GB 11643.
const ID = "11010519491231002X";

describe("ID numbers (GB 11643, ISO 7064 MOD 11-2)", () => {
  it("accepts a valid number, with X as check character, and reads birth date and gender", () => {
    expect(parseIdNumber(ID)).toEqual({ ok: true, value: { birthDate: "1949-12-31", gender: "female", regionCode: "110105" } });
    expect(parseIdNumber(ID.toLowerCase()).ok).toBe(true);
  });
  it("rejects a wrong check digit", () => {
    expect(parseIdNumber("110105194912310021")).toEqual({ ok: false, error: "checkDigit" });
  });
  it("rejects impossible birth dates and bad formats", () => {
    const bad = "52010219990230123";
    expect(parseIdNumber(bad + idCheckCharacter(bad))).toEqual({ ok: false, error: "birthDate" });
    expect(parseIdNumber("1234")).toEqual({ ok: false, error: "format" });
    expect(parseIdNumber("52010219900101123A")).toEqual({ ok: false, error: "format" });
  });
  it("computes check characters", () => {
    const first = "52010219900101123";
    const full = first + idCheckCharacter(first);
    expect(parseIdNumber(full).ok).toBe(true);
    expect(parseIdNumber(full).ok && (parseIdNumber(full) as any).value.gender).toBe("male");
  });
});

describe("disability certificate numbers", () => {
  const first = "52010219900101123";
  const id = first + idCheckCharacter(first);
  it("agrees with the ID number, category and grade", () => {
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "physical", grade: 2 })).toEqual([]);
  });
  it("names each mismatch on its own", () => {
    expect(checkCertificateNumber(`${id}42`, { idNumber: ID, category: "physical", grade: 2 })).toEqual(["idMismatch"]);
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "vision", grade: 2 })).toEqual(["categoryMismatch"]);
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "physical", grade: 1 })).toEqual(["gradeMismatch"]);
    expect(checkCertificateNumber(`${id}11`, { idNumber: ID, category: "physical", grade: 2 })).toEqual(["idMismatch", "categoryMismatch", "gradeMismatch"]);
  });
  it("rejects bad formats: 18 digits, category 8, grade 5, and a broken ID check digit", () => {
    expect(checkCertificateNumber(id, {})).toEqual(["format"]);
    expect(checkCertificateNumber(`${id}82`, {})).toEqual(["format"]);
    expect(checkCertificateNumber(`${id}45`, {})).toEqual(["format"]);
    const broken = first + (idCheckCharacter(first) === "0" ? "1" : "0");
    expect(checkCertificateNumber(`${broken}42`, {})).toEqual(["idCheck"]);
  });
});

describe("统一社会信用代码 (GB 32100)", () => {
  it("accepts a code with the right check character", () => {
    // 91350100M000100Y43 is the example published with GB 32100.
    expect(checkUscc("91350100M000100Y43")).toBeNull();
    const body = "91520100MA6DK1234";
    expect(checkUscc(body + usccCheckCharacter(body))).toBeNull();
  });
  it("rejects a wrong check character and characters the standard excludes", () => {
    expect(checkUscc("91350100M000100Y44")).toBe("checkCharacter");
    expect(checkUscc("91350100M000100I43")).toBe("format");
    expect(checkUscc("913501")).toBe("format");
  });
});

describe("masking", () => {
  it("keeps four characters at each end", () => {
    expect(maskIdentifier("52010219900101123X")).toBe("5201**********123X");
    expect(maskIdentifier(null)).toBeNull();
  });
});
