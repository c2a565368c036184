import { describe, expect, it } from "vitest";
import { ID_NUMBER_VECTORS, USCC_VECTORS } from "../../tests/fixtures/id-vectors";
import {
  checkCertificateNumber,
  checkIdNumber,
  checkUscc,
  certificateParts,
  idCheckCharacter,
  maskIdentifier,
  parseIdNumber,
  todayInChina,
  usccCheckCharacter,
} from "./identity";

// 11010519491231002X is the example number printed in GB 11643.
const ID = "11010519491231002X";
/** A number with a right check character for any first 17 digits (the other rules are the test's business). */
const withCheck = (first17: string) => first17 + idCheckCharacter(first17);

describe("ID numbers: other libraries' published vectors", () => {
  for (const set of ID_NUMBER_VECTORS) {
    const from = `${set.source.repository} ${set.source.path}`;
    it(`accepts every valid vector of ${from}`, () => {
      expect(set.valid.length).toBeGreaterThan(0);
      for (const value of set.valid) expect(checkIdNumber(value), value).toBeNull();
    });
    it(`refuses every invalid vector of ${from}, by the rule named`, () => {
      for (const v of [...set.invalid, ...(set.divergent ?? [])]) expect(checkIdNumber(v.value), v.value).toBe(v.rule);
    });
  }
});

describe("ID numbers (GB 11643, ISO 7064 MOD 11-2): each rule", () => {
  const TODAY = "2025-06-15";

  it("accepts a valid number, with X as check character, and reads birth date and gender", () => {
    expect(parseIdNumber(ID)).toEqual({ ok: true, value: { birthDate: "1949-12-31", gender: "female", regionCode: "110105" } });
    expect(parseIdNumber(ID.toLowerCase()).ok).toBe(true);
    expect(parseIdNumber(` ${ID} `).ok).toBe(true);
    const male = withCheck("52010219900101123");
    expect(parseIdNumber(male)).toMatchObject({ ok: true, value: { gender: "male", birthDate: "1990-01-01" } });
  });

  it("length, then characters", () => {
    expect(checkIdNumber("1234")).toBe("length");
    expect(checkIdNumber(`${ID}0`)).toBe("length");
    expect(checkIdNumber("52010219900101123A")).toBe("characters");
    expect(checkIdNumber("5201021990010112X3")).toBe("characters");
  });

  it("the first two digits must be a province-level code of GB/T 2260, or 83 (Taiwan residents' residence permits)", () => {
    for (const p of ["11", "15", "21", "23", "31", "37", "41", "46", "50", "52", "54", "61", "65", "71", "81", "82", "83"]) {
      expect(checkIdNumber(withCheck(`${p}0102199001011230`.slice(0, 17))), p).toBeNull();
    }
    for (const p of ["00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80", "84", "90", "99"]) {
      expect(checkIdNumber(withCheck(`${p}0102199001011230`.slice(0, 17))), p).toBe("province");
    }
  });

  it("characters 7–14 must be a calendar date: month 13, 31 June, 29 February of a common year, day 00 fail", () => {
    expect(checkIdNumber(withCheck("52010219901301123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010219900631123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010219990230123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010219990229123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010219000229123"), TODAY)).toBe("birthDate"); // 1900: not a leap year
    expect(checkIdNumber(withCheck("52010219900100123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010219900001123"), TODAY)).toBe("birthDate");
    expect(checkIdNumber(withCheck("52010220000229123"), TODAY)).toBeNull(); // 2000: a leap year
    expect(checkIdNumber(withCheck("52010219960229123"), TODAY)).toBeNull();
  });

  it("born from 1900-01-01 up to today in China", () => {
    expect(checkIdNumber(withCheck("52010218970315123"), TODAY)).toBe("birthTooEarly");
    expect(checkIdNumber(withCheck("52010218991231123"), TODAY)).toBe("birthTooEarly");
    expect(checkIdNumber(withCheck("52010219000101123"), TODAY)).toBeNull();
    expect(checkIdNumber(withCheck("52010220250615123"), TODAY)).toBeNull();
    expect(checkIdNumber(withCheck("52010220250616123"), TODAY)).toBe("birthInFuture");
    // Without `today`: the real today, so a birth next year is refused whenever the test runs.
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(checkIdNumber(withCheck(`520102${nextYear}0101123`))).toBe("birthInFuture");
  });

  it("today is China's date (UTC+8): 16:00 UTC is already the next day", () => {
    expect(todayInChina(new Date("2025-06-15T15:59:59Z"))).toBe("2025-06-15");
    expect(todayInChina(new Date("2025-06-15T16:00:00Z"))).toBe("2025-06-16");
  });

  it("the check character comes last: a wrong one on an otherwise valid number", () => {
    const first = "52010219900101123";
    const wrong = first + (idCheckCharacter(first) === "0" ? "1" : "0");
    expect(checkIdNumber(wrong)).toBe("checkDigit");
    expect(parseIdNumber(wrong)).toEqual({ ok: false, error: "checkDigit" });
  });
});

describe("disability certificate numbers", () => {
  const id = withCheck("52010219900101123");

  it("agrees with the ID number, category and grade", () => {
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "physical", grade: 2 })).toEqual([]);
    expect(checkCertificateNumber(`${id}42`)).toEqual([]);
    expect(certificateParts(`${id}42`)).toEqual({ idNumber: id, category: "physical", grade: 2 });
  });

  it("names each mismatch on its own", () => {
    expect(checkCertificateNumber(`${id}42`, { idNumber: ID, category: "physical", grade: 2 })).toEqual(["idMismatch"]);
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "vision", grade: 2 })).toEqual(["categoryMismatch"]);
    expect(checkCertificateNumber(`${id}42`, { idNumber: id, category: "physical", grade: 1 })).toEqual(["gradeMismatch"]);
    expect(checkCertificateNumber(`${id}11`, { idNumber: ID, category: "physical", grade: 2 })).toEqual(["idMismatch", "categoryMismatch", "gradeMismatch"]);
  });

  it("rejects bad formats: 18 digits, category 8, grade 5", () => {
    expect(checkCertificateNumber(id, {})).toEqual(["format"]);
    expect(checkCertificateNumber(`${id}82`, {})).toEqual(["format"]);
    expect(checkCertificateNumber(`${id}45`, {})).toEqual(["format"]);
    expect(checkCertificateNumber(`${id}4`, {})).toEqual(["format"]);
  });

  it("checks the ID part fully: check character, province, impossible and out-of-range birth dates", () => {
    const first = "52010219900101123";
    const broken = first + (idCheckCharacter(first) === "0" ? "1" : "0");
    expect(checkCertificateNumber(`${broken}42`, {})).toEqual(["idCheck"]);
    expect(checkCertificateNumber(`${withCheck("99010219900101123")}42`, {})).toEqual(["idProvince"]);
    // Issue 12 item 10: these passed before, their check characters being right.
    const month13 = withCheck("52010219901301123");
    const born1897 = withCheck("52010218970315123");
    expect(checkCertificateNumber(`${month13}42`, {})).toEqual(["idBirthDate"]);
    expect(checkCertificateNumber(`${born1897}42`, {})).toEqual(["idBirthTooEarly"]);
    expect(checkCertificateNumber(`${withCheck("52010220990101123")}42`, {}, "2025-06-15")).toEqual(["idBirthInFuture"]);
    // The ID part's problem is reported together with the comparisons.
    expect(checkCertificateNumber(`${month13}42`, { grade: 3 })).toEqual(["idBirthDate", "gradeMismatch"]);
  });

  it("runs the ID vectors through a certificate: valid ones pass, invalid 18-character ones fail by the same rule", () => {
    const asCertificateError = { province: "idProvince", birthDate: "idBirthDate", birthTooEarly: "idBirthTooEarly", birthInFuture: "idBirthInFuture", checkDigit: "idCheck" } as const;
    for (const set of ID_NUMBER_VECTORS) {
      for (const value of set.valid) expect(checkCertificateNumber(`${value}42`), value).toEqual([]);
      for (const v of [...set.invalid, ...(set.divergent ?? [])]) {
        if (v.rule === "length" || v.rule === "characters") continue;
        expect(checkCertificateNumber(`${v.value}42`), v.value).toEqual([asCertificateError[v.rule]]);
      }
    }
  });
});

describe("统一社会信用代码: other libraries' published vectors", () => {
  for (const set of USCC_VECTORS) {
    const from = `${set.source.repository} ${set.source.path}`;
    it(`accepts every valid vector of ${from}`, () => {
      expect(set.valid.length).toBeGreaterThan(0);
      for (const value of set.valid) expect(checkUscc(value), value).toBeNull();
    });
    it(`refuses every invalid vector of ${from}, by the rule named`, () => {
      for (const v of set.invalid) expect(checkUscc(v.value), v.value).toBe(v.rule);
    });
  }
});

describe("统一社会信用代码 (GB 32100): each rule", () => {
  const valid = (body17: string) => body17 + usccCheckCharacter(body17);

  it("accepts the standard's example and codes typed in lower case with spaces around", () => {
    // 91350100M000100Y43 is the example published with GB 32100.
    expect(checkUscc("91350100M000100Y43")).toBeNull();
    expect(checkUscc(" 91350100m000100y43 ")).toBeNull();
    expect(checkUscc(valid("91520100MA6DK1234"))).toBeNull();
  });

  it("length, then characters: I, O, S, V, Z are not used, and characters 3–8 are digits", () => {
    expect(checkUscc("913501")).toBe("length");
    expect(checkUscc("91350100M000100I43")).toBe("characters");
    expect(checkUscc("91350100M000100S43")).toBe("characters");
    expect(checkUscc("91AB0302MA6DL3K1X0")).toBe("characters");
  });

  it("registration authority and kind: only the pairs of the code table", () => {
    for (const pair of ["11", "12", "13", "19", "21", "29", "31", "35", "39", "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"]) {
      expect(checkUscc(valid(`${pair}520102MA6DK1234`)), pair).toBeNull();
    }
    for (const pair of ["10", "14", "22", "36", "42", "54", "63", "73", "82", "90", "94", "99", "A2", "N4", "Y2", "B1", "Y9", "01"]) {
      expect(checkUscc(valid(`${pair}520102MA6DK1234`)), pair).toBe("authorityKind");
    }
  });

  it("division code: a GB/T 2260 province, no county under a 00 prefecture; 100000 for national authorities", () => {
    for (const division of ["520000", "520100", "520102", "522301", "110000", "659001", "820000", "100000"]) {
      expect(checkUscc(valid(`51${division}MA6DK1234`)), division).toBeNull();
    }
    for (const division of ["000000", "990102", "160101", "830000", "520001", "100001", "101000"]) {
      expect(checkUscc(valid(`51${division}MA6DK1234`)), division).toBe("division");
    }
  });

  it("the check character comes last", () => {
    expect(checkUscc("91350100M000100Y44")).toBe("checkCharacter");
  });
});

describe("masking", () => {
  it("keeps four characters at each end", () => {
    expect(maskIdentifier("52010219900101123X")).toBe("5201**********123X");
    expect(maskIdentifier(null)).toBeNull();
  });
});
