/**
 * Check digits of Chinese identity numbers, shared by the client and the server:
 * - 居民身份证号 (GB 11643): 17 digits + an ISO 7064 MOD 11-2 check character (0–9 or X);
 * - 残疾人证号: the 18-character ID number + category digit (1–7) + grade digit (1–4);
 * - 统一社会信用代码 (GB 32100): 17 characters + a MOD 31 check character.
 */
import { CATEGORY_BY_DIGIT } from "./catalog";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type IdNumberError = "format" | "birthDate" | "checkDigit";

export interface IdNumberInfo {
  birthDate: string;
  gender: "male" | "female";
  regionCode: string;
}

export function parseIdNumber(input: string): { ok: true; value: IdNumberInfo } | { ok: false; error: IdNumberError } {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: "format" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) {
    return { ok: false, error: "birthDate" };
  }
  if (idCheckCharacter(id) !== id[17]) return { ok: false, error: "checkDigit" };
  return {
    ok: true,
    value: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? "male" : "female",
      regionCode: id.slice(0, 6),
    },
  };
}

export type CertificateError = "format" | "idCheck" | "idMismatch" | "categoryMismatch" | "gradeMismatch";

/**
 * Checks a 残疾人证号 against the ID number, category and grade the person entered. Each mismatch has its own
 * error, so the page can say exactly which part disagrees. Returns every error found.
 */
export function checkCertificateNumber(
  input: string,
  person: { idNumber?: string | null; category?: string | null; grade?: number | null },
): CertificateError[] {
  const cert = input.trim().toUpperCase();
  if (!/^\d{17}[\dX][1-7][1-4]$/.test(cert)) return ["format"];
  const errors: CertificateError[] = [];
  const idPart = cert.slice(0, 18);
  if (idCheckCharacter(idPart) !== idPart[17]) errors.push("idCheck");
  if (person.idNumber && person.idNumber.trim().toUpperCase() !== idPart) errors.push("idMismatch");
  const category = CATEGORY_BY_DIGIT[Number(cert[18]) - 1];
  if (person.category && person.category !== category) errors.push("categoryMismatch");
  if (person.grade != null && person.grade !== Number(cert[19])) errors.push("gradeMismatch");
  return errors;
}

/** Category and grade as the certificate number states them. */
export function certificateParts(cert: string): { idNumber: string; category: (typeof CATEGORY_BY_DIGIT)[number]; grade: number } | null {
  const c = cert.trim().toUpperCase();
  if (!/^\d{17}[\dX][1-7][1-4]$/.test(c)) return null;
  return { idNumber: c.slice(0, 18), category: CATEGORY_BY_DIGIT[Number(c[18]) - 1]!, grade: Number(c[19]) };
}

// GB 32100-2015: 31 characters (no I, O, S, V, Z), weights 3^i mod 31.
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

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

export type UsccError = "format" | "checkCharacter";

export function checkUscc(input: string): UsccError | null {
  const code = input.trim().toUpperCase();
  // Registration authority and type (2 chars), division code (6 digits), organization code (9), check (1).
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return "format";
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : "checkCharacter";
}

/** Shows the first four and last four characters: 5201**********1234. */
export function maskIdentifier(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}
