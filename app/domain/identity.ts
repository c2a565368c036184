/**
 * Chinese identity numbers, shared by the client and the server. Each kind has ONE checking function, used
 * everywhere such a number is validated, and each names the rule that failed so a form can say why:
 * - 居民身份证号 (GB 11643): `checkIdNumber` — 18 characters, a GB/T 2260 province code, a real birth date from
 *   1900-01-01 to today (Asia/Shanghai), and the ISO 7064 MOD 11-2 check character (0–9 or X);
 * - 残疾人证号: `checkCertificateNumber` — the 18-character ID number (checked by `checkIdNumber`) + category digit
 *   (1–7) + grade digit (1–4), compared with what the person entered;
 * - 统一社会信用代码 (GB 32100): `checkUscc` — charset, registration authority and kind, division code, MOD 31.
 * Tested against other libraries' published vectors (tests/fixtures/id-vectors.ts).
 */
import { CATEGORY_BY_DIGIT } from "./catalog";

/**
 * Province-level codes of GB/T 2260 (the first two digits of a division code): 11–15 north, 21–23 north-east,
 * 31–37 east, 41–46 centre and south, 50–54 south-west, 61–65 north-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
export const GB2260_PROVINCES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

/**
 * The first two digits an ID number may start with. Besides GB/T 2260's, 83: since 2018 the 港澳台居民居住证
 * (《港澳台居民居住证申领发放办法》, 国办发〔2018〕81号) carries a 公民身份号码 whose address code is 810000 for Hong
 * Kong, 820000 for Macao and 830000 for Taiwan residents. 83 is in no GB/T 2260 edition, but such a number is a
 * real, MOD 11-2 checked number of a resident on the mainland, who may hold a 残疾人证 here: accepted.
 */
export const ID_NUMBER_PROVINCES: ReadonlySet<string> = new Set([...GB2260_PROVINCES, "83"]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** The ISO 7064 MOD 11-2 check character of the first 17 digits (used by factories to make valid numbers). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * The rules of an ID number, in the order they are checked; the first that fails is reported:
 * - `length`: not 18 characters;
 * - `characters`: not 17 digits and a digit or X;
 * - `province`: the first two digits are no province-level code (`ID_NUMBER_PROVINCES`);
 * - `birthDate`: characters 7–14 are no calendar date (month 13, 31 June, 29 February of a common year);
 * - `birthTooEarly`: born before 1900-01-01;
 * - `birthInFuture`: born after today in Asia/Shanghai;
 * - `checkDigit`: the last character is not the MOD 11-2 check character of the first 17.
 * The check character comes last: a mistyped digit that also makes the date or the province impossible is
 * named more precisely by those rules.
 */
export const ID_NUMBER_RULES = ["length", "characters", "province", "birthDate", "birthTooEarly", "birthInFuture", "checkDigit"] as const;
export type IdNumberRule = (typeof ID_NUMBER_RULES)[number];
/** @deprecated the same as IdNumberRule. */
export type IdNumberError = IdNumberRule;

export const EARLIEST_BIRTH_DATE = "1900-01-01";

/** Today's date in China, "YYYY-MM-DD": China keeps UTC+8 all year (no daylight saving since 1991). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Checks a 居民身份证号 fully and returns the first rule it breaks (see `ID_NUMBER_RULES`), or null when it is valid.
 * Surrounding spaces are ignored and a lower-case x is read as X. `today` ("YYYY-MM-DD") defaults to today in China.
 */
export function checkIdNumber(input: string, today: string = todayInChina()): IdNumberRule | null {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return "length";
  if (!/^\d{17}[\dX]$/.test(id)) return "characters";
  if (!ID_NUMBER_PROVINCES.has(id.slice(0, 2))) return "province";
  if (!isCalendarDay(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return "birthDate";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birth < EARLIEST_BIRTH_DATE) return "birthTooEarly";
  if (birth > today) return "birthInFuture";
  if (idCheckCharacter(id) !== id[17]) return "checkDigit";
  return null;
}

export interface IdNumberInfo {
  birthDate: string;
  gender: "male" | "female";
  regionCode: string;
}

/** Birth date, gender and region of a valid ID number, or the rule it breaks (`checkIdNumber`). */
export function parseIdNumber(input: string, today?: string): { ok: true; value: IdNumberInfo } | { ok: false; error: IdNumberRule } {
  const error = checkIdNumber(input, today);
  if (error) return { ok: false, error };
  const id = input.trim().toUpperCase();
  return {
    ok: true,
    value: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? "male" : "female",
      regionCode: id.slice(0, 6),
    },
  };
}

/**
 * The problems of a 残疾人证号. `format`: not 18 ID characters + category digit 1–7 + grade digit 1–4. The ID part
 * is checked by `checkIdNumber`; each of its rules has its own code here (`idProvince`, `idBirthDate`,
 * `idBirthTooEarly`, `idBirthInFuture`, `idCheck` for the check character). Then the comparisons with what the
 * person entered: `idMismatch`, `categoryMismatch`, `gradeMismatch`.
 */
export type CertificateError =
  | "format"
  | "idProvince"
  | "idBirthDate"
  | "idBirthTooEarly"
  | "idBirthInFuture"
  | "idCheck"
  | "idMismatch"
  | "categoryMismatch"
  | "gradeMismatch";

const CERTIFICATE_ID_ERRORS: Record<IdNumberRule, CertificateError> = {
  // Cannot happen once the certificate's own format passed; kept total for the type.
  length: "format",
  characters: "format",
  province: "idProvince",
  birthDate: "idBirthDate",
  birthTooEarly: "idBirthTooEarly",
  birthInFuture: "idBirthInFuture",
  checkDigit: "idCheck",
};

const CERTIFICATE_RE = /^\d{17}[\dX][1-7][1-4]$/;

/**
 * Checks a 残疾人证号 on its own (its ID part through `checkIdNumber`) and against the ID number, category and grade
 * the person entered, when given. Each problem has its own code, so the page can say exactly which part is wrong.
 * Returns every problem found (the ID part's first broken rule among them); empty when all is well.
 */
export function checkCertificateNumber(
  input: string,
  person: { idNumber?: string | null; category?: string | null; grade?: number | null } = {},
  today?: string,
): CertificateError[] {
  const cert = input.trim().toUpperCase();
  if (!CERTIFICATE_RE.test(cert)) return ["format"];
  const errors: CertificateError[] = [];
  const idPart = cert.slice(0, 18);
  const idRule = checkIdNumber(idPart, today);
  if (idRule) errors.push(CERTIFICATE_ID_ERRORS[idRule]);
  if (person.idNumber && person.idNumber.trim().toUpperCase() !== idPart) errors.push("idMismatch");
  const category = CATEGORY_BY_DIGIT[Number(cert[18]) - 1];
  if (person.category && person.category !== category) errors.push("categoryMismatch");
  if (person.grade != null && person.grade !== Number(cert[19])) errors.push("gradeMismatch");
  return errors;
}

/** Category and grade as the certificate number states them. */
export function certificateParts(cert: string): { idNumber: string; category: (typeof CATEGORY_BY_DIGIT)[number]; grade: number } | null {
  const c = cert.trim().toUpperCase();
  if (!CERTIFICATE_RE.test(c)) return null;
  return { idNumber: c.slice(0, 18), category: CATEGORY_BY_DIGIT[Number(c[18]) - 1]!, grade: Number(c[19]) };
}

// GB 32100-2015: 31 characters (no I, O, S, V, Z), weights 3^i mod 31.
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The MOD 31 check character of the first 17 characters, or null if one is outside the charset. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check]!;
}

/**
 * Registration authority (登记管理部门, character 1) → the kind codes (机构类别, character 2) it assigns, as in the
 * code table published with the national USCC scheme (GB 32100-2015 names 1 机构编制, 5 民政, 9 工商, Y 其他; the
 * other authorities were assigned later), as reproduced in "统一社会信用代码解析登记管理部门和机构类别"
 * (https://blog.csdn.net/lh1424573495/article/details/108776492):
 * 1 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他; 2 外交: 1 外国常驻新闻机构, 9 其他;
 * 3 司法行政: 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他; 4 文化: 1 外国在华文化中心,
 * 9 其他; 5 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他; 6 旅游: 1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门
 * 常驻内地（大陆）代表机构, 9 其他; 7 宗教: 1 宗教活动场所, 2 宗教院校, 9 其他; 8 工会: 1 基层工会, 9 其他; 9 工商: 1 企业,
 * 2 个体工商户, 3 农民专业合作社; A 中央军委改革和编制办公室: 1 军队事业单位, 9 其他; N 农业: 1 组级, 2 村级, 3 乡镇级集体
 * 经济组织, 9 其他; Y 其他: 1.
 */
export const USCC_AUTHORITY_KINDS: Readonly<Record<string, string>> = {
  "1": "1239",
  "2": "19",
  "3": "123459",
  "4": "19",
  "5": "1239",
  "6": "129",
  "7": "129",
  "8": "19",
  "9": "123",
  A: "19",
  N: "1239",
  Y: "1",
};

/**
 * The rules of a 统一社会信用代码, in the order they are checked; the first that fails is reported:
 * - `length`: not 18 characters;
 * - `characters`: a character outside 0-9 A-H J-N P-R T-U W-Y, or a non-digit in characters 3–8;
 * - `authorityKind`: characters 1–2 are no registration authority + kind pair (`USCC_AUTHORITY_KINDS`);
 * - `division`: characters 3–8 are no well-formed GB/T 2260 code: a province code (`GB2260_PROVINCES`) and, where
 *   the prefecture part is 00, a county part of 00 too — or 100000, the code national registration authorities use;
 * - `checkCharacter`: character 18 is not the MOD 31 check character of the first 17.
 * The organization code's own check character (characters 9–17, GB 11714) is not checked: codes issued before the
 * standard do not always keep it.
 */
export const USCC_RULES = ["length", "characters", "authorityKind", "division", "checkCharacter"] as const;
export type UsccRule = (typeof USCC_RULES)[number];
/** @deprecated the same as UsccRule. */
export type UsccError = UsccRule;

function isWellFormedDivision(code: string): boolean {
  if (code === "100000") return true;
  if (!GB2260_PROVINCES.has(code.slice(0, 2))) return false;
  return code.slice(2, 4) !== "00" || code.slice(4, 6) === "00";
}

/**
 * Checks a 统一社会信用代码 and returns the first rule it breaks (see `USCC_RULES`), or null when it is valid.
 * Surrounding spaces are ignored and lower-case letters are read as capitals.
 */
export function checkUscc(input: string): UsccRule | null {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return "length";
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return "characters";
  if (!USCC_AUTHORITY_KINDS[code[0]!]?.includes(code[1]!)) return "authorityKind";
  if (!isWellFormedDivision(code.slice(2, 8))) return "division";
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : "checkCharacter";
}

/** Shows a phone or email partly, enough to recognize, not enough to use: 138****5678, na***@example.com. */
export function maskContact(contact: { phone: string | null; email: string | null }): string {
  if (contact.phone) return `${contact.phone.slice(0, 3)}****${contact.phone.slice(-4)}`;
  const [local = "", domain = ""] = (contact.email ?? "").split("@");
  return `${local.slice(0, 2)}***@${domain}`;
}

/** Shows the first four and last four characters: 5201**********1234. */
export function maskIdentifier(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}
