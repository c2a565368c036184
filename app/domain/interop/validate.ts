/**
 * Checking the registry file's header and rows (issue 18): each problem named by row, column and code
 * (./columns.ts PROBLEM_CODES). Pure functions and one in-file tracker; the checks against records already kept
 * (conflicts) are in people-import.server.ts. Identity numbers are checked by ../identity.ts, the one place that knows
 * their rules.
 */
import { createHash } from "node:crypto";
import type { ImportProblem } from "../../../db/schema";
import { checkCertificateNumber, checkIdNumber, maskIdentifier, certificateParts } from "../identity";
import { isWithinRegion } from "../permissions";
import {
  COLUMN_BY_KEY,
  COLUMNS,
  columnForHeader,
  parseCategory,
  parseEducation,
  parseEmploymentForm,
  parseEmploymentStatus,
  parseGrade,
  parseNeed,
  parseResidence,
  splitNeeds,
  type ColumnKey,
  type ProblemCode,
  type RegistryPersonValues,
} from "./columns";

export interface HeaderMap {
  /** For each cell position, the column it holds (null: ignored). */
  columns: (ColumnKey | null)[];
  problems: ImportProblem[];
}

function problem(row: number, column: string | null, code: ProblemCode, value?: string): ImportProblem {
  return value === undefined || value === "" ? { row, column, code } : { row, column, code, value: value.slice(0, 100) };
}

/** The header row: which column each cell is, and its problems (unknown, duplicate, missing headers). */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const columns: (ColumnKey | null)[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<ColumnKey>();
  for (const raw of cells) {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (!header) {
      columns.push(null);
      continue;
    }
    const key = columnForHeader(header);
    if (!key) {
      problems.push(problem(1, header, "unknown_header", header));
      columns.push(null);
    } else if (seen.has(key)) {
      problems.push(problem(1, header, "duplicate_header", header));
      columns.push(null);
    } else {
      seen.add(key);
      columns.push(key);
    }
  }
  for (const c of COLUMNS) if (c.required && !seen.has(c.key)) problems.push(problem(1, c.zh, "missing_header"));
  return { columns, problems };
}

export interface RowContext {
  /** Today in China, YYYY-MM-DD. */
  today: string;
  /** The importing admin's region; null: the whole province (the system). */
  scopeCode: string | null;
  /** Guizhou's divisions: code → level. */
  divisions: ReadonlyMap<string, "province" | "prefecture" | "county">;
}

export type RowCells = Partial<Record<ColumnKey, string>>;

/** A row's cells by column, and whether it has values under no known column (a too_many_columns problem). */
export function cellsByColumn(header: HeaderMap, cells: readonly string[]): { cells: RowCells; stray: boolean; empty: boolean } {
  const out: RowCells = {};
  let stray = false;
  let empty = true;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (v.trim() === "") continue;
    empty = false;
    const key = header.columns[i];
    if (key) out[key] = v;
    else if (i >= header.columns.length || header.columns[i] === null) {
      // A value under an unknown header is that header's problem (reported once); beyond the header, the row's.
      if (i >= header.columns.length) stray = true;
    }
  }
  return { cells: out, stray, empty };
}

const NAME_RE = /^[\p{Script=Han}A-Za-z·•.\-' ]+$/u;
const MIN_AGE = 16;

function clean(v: string | undefined): string {
  return (v ?? "").replace(/\u3000/g, " ").trim();
}

/** YYYY-MM-DD from the date forms the column accepts, or null. */
export function parseDate(v: string): string | null {
  const s = v.normalize("NFKC").trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m && /^\d{4,5}$/.test(s)) {
    // A spreadsheet date serial (days since 1899-12-30) left unformatted.
    const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function parseSex(v: string): "male" | "female" | null {
  const s = v.normalize("NFKC").trim().toLowerCase();
  if (["男", "male", "m", "1", "男性"].includes(s)) return "male";
  if (["女", "female", "f", "2", "女性"].includes(s)) return "female";
  return null;
}

/** Digits of a phone number, or null when it is neither a mainland mobile nor a landline with its area code. */
export function normalizePhone(v: string): string | null {
  let s = v.normalize("NFKC").replace(/[\s\-()（）]/g, "");
  s = s.replace(/^(\+86|0086)/, "");
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  if (/^0\d{9,11}$/.test(s)) return s;
  return null;
}

/** A 12-digit statistical division code is read by its first 6 digits. */
function regionCodeOf(v: string): string {
  const s = v.normalize("NFKC").trim();
  return /^\d{12}$/.test(s) ? s.slice(0, 6) : s;
}

export interface CheckedRow {
  row: number;
  values: RegistryPersonValues | null;
  problems: ImportProblem[];
}

/**
 * Checks one row on its own (no other rows, no database): returns its values when it has no problem. Problems are in
 * the columns' order; each names the column by its documented Chinese header.
 */
export function checkRow(row: number, raw: RowCells, stray: boolean, ctx: RowContext): CheckedRow {
  const problems: ImportProblem[] = [];
  const col = (k: ColumnKey) => COLUMN_BY_KEY[k].zh;
  const add = (k: ColumnKey | null, code: ProblemCode, value?: string) => problems.push(problem(row, k ? col(k) : null, code, value));
  const masked = (v: string) => maskIdentifier(v) ?? "";

  // Name
  const name = clean(raw.real_name).replace(/\s+/g, " ");
  if (!name) add("real_name", "missing_required");
  else if ([...name].length > COLUMN_BY_KEY.real_name.maxLength!) add("real_name", "name_too_long", name);
  else if (!NAME_RE.test(name)) add("real_name", "name_invalid_chars", name);

  // ID number
  const idNumber = clean(raw.id_number).replace(/\s/g, "").toUpperCase();
  let idOk = false;
  if (!idNumber) add("id_number", "missing_required");
  else {
    const rule = checkIdNumber(idNumber, ctx.today);
    if (rule === "length" || rule === "characters") add("id_number", "invalid_id_number", masked(idNumber));
    else if (rule === "province") add("id_number", "id_province_invalid", masked(idNumber));
    else if (rule === "birthDate" || rule === "birthTooEarly" || rule === "birthInFuture") add("id_number", "id_birth_date_invalid", masked(idNumber));
    else if (rule === "checkDigit") add("id_number", "id_check_digit", masked(idNumber));
    else idOk = true;
  }
  const idBirth = idOk ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` : null;
  const idSex = idOk ? (Number(idNumber[16]) % 2 === 1 ? "male" : "female") : null;

  // Certificate
  const certificate = clean(raw.certificate_number).replace(/\s/g, "").toUpperCase();
  const parts = certificate ? certificateParts(certificate) : null;
  if (!certificate) add("certificate_number", "missing_required");
  else {
    const errors = checkCertificateNumber(certificate, {}, ctx.today);
    if (errors.includes("format") || errors.some((e) => e === "idProvince" || e === "idBirthDate" || e === "idBirthTooEarly" || e === "idBirthInFuture"))
      add("certificate_number", "invalid_certificate", masked(certificate));
    else if (errors.includes("idCheck")) add("certificate_number", "certificate_check_digit", masked(certificate));
    else if (idNumber.length === 18 && parts && parts.idNumber !== idNumber) add("certificate_number", "certificate_id_mismatch", masked(certificate));
  }

  // Sex and date of birth (from the ID number when blank)
  let gender: "male" | "female" | null = idSex;
  const sexText = clean(raw.gender);
  if (sexText) {
    const sex = parseSex(sexText);
    if (!sex) add("gender", "invalid_sex", sexText);
    else if (idSex && sex !== idSex) add("gender", "sex_mismatch_id", sexText);
    else gender = sex;
  }
  let birthDate: string | null = idBirth;
  const birthText = clean(raw.birth_date);
  if (birthText) {
    const d = parseDate(birthText);
    if (!d) add("birth_date", "birth_date_invalid", birthText);
    else if (d > ctx.today) add("birth_date", "birth_date_future", birthText);
    else if (idBirth && d !== idBirth) add("birth_date", "birth_date_mismatch_id", birthText);
    else birthDate = d;
  }
  if (birthDate && birthDate <= ctx.today && ageOn(birthDate, ctx.today) < MIN_AGE) add(birthText ? "birth_date" : "id_number", "age_out_of_range", birthDate);

  // Category and grade, against the certificate's 19th and 20th characters
  const categoryText = clean(raw.disability_category);
  const category = categoryText ? parseCategory(categoryText) : null;
  if (!categoryText) add("disability_category", "missing_required");
  else if (!category) add("disability_category", "unknown_category", categoryText);
  else if (parts && category !== parts.category) add("disability_category", "category_mismatch_certificate", categoryText);
  const gradeText = clean(raw.disability_grade);
  const grade = gradeText ? parseGrade(gradeText) : null;
  if (!gradeText) add("disability_grade", "missing_required");
  else if (grade == null) add("disability_grade", "unknown_grade", gradeText);
  else if (parts && grade !== parts.grade) add("disability_grade", "grade_mismatch_certificate", gradeText);

  // Region
  const regionText = clean(raw.region_code);
  const regionCode = regionCodeOf(regionText);
  const level = ctx.divisions.get(regionCode);
  if (!regionText) add("region_code", "missing_required");
  else if (!level) add("region_code", "unknown_region", regionText);
  else if (level === "province") add("region_code", "region_too_broad", regionText);
  else if (ctx.scopeCode && !isWithinRegion(ctx.scopeCode, regionCode)) add("region_code", "region_outside_scope", regionText);

  // Residence, education
  const residenceText = clean(raw.residence);
  const residence = residenceText ? parseResidence(residenceText) : null;
  if (residenceText && !residence) add("residence", "unknown_residence", residenceText);
  const educationText = clean(raw.education);
  const education = educationText ? parseEducation(educationText) : null;
  if (educationText && !education) add("education", "unknown_education", educationText);

  // Employment
  const statusText = clean(raw.employment_status);
  const status = statusText ? parseEmploymentStatus(statusText) : null;
  if (!statusText) add("employment_status", "missing_required");
  else if (!status) add("employment_status", "unknown_employment_status", statusText);
  const formText = clean(raw.employment_form);
  const form = formText ? parseEmploymentForm(formText) : null;
  if (formText && !form) add("employment_form", "unknown_employment_form", formText);
  else if (form && status && status !== "employed") add("employment_form", "form_without_employment", formText);
  else if (!formText && status === "employed") add("employment_form", "form_required");
  const employer = clean(raw.employer_name).replace(/\s+/g, " ");
  if ([...employer].length > COLUMN_BY_KEY.employer_name.maxLength!) add("employer_name", "employer_too_long", employer);
  else if (employer && status && status !== "employed") add("employer_name", "employer_without_employment", employer);

  // Training, needs, phone
  const training = clean(raw.training);
  if ([...training].length > COLUMN_BY_KEY.training.maxLength!) add("training", "training_too_long", training);
  const needs = new Set<string>();
  for (const item of splitNeeds(clean(raw.needs))) {
    const code = parseNeed(item);
    if (code) needs.add(code);
    else add("needs", "unknown_need", item);
  }
  const phoneText = clean(raw.phone);
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !phone) add("phone", "phone_invalid", phoneText);

  if (stray) add(null, "too_many_columns");

  if (problems.length) return { row, values: null, problems };
  return {
    row,
    problems,
    values: {
      real_name: name,
      certificate_number: certificate,
      id_number: idNumber,
      gender,
      birth_date: birthDate,
      disability_category: category!,
      disability_grade: grade!,
      region_code: regionCode,
      residence,
      education,
      employment_status: status!,
      employment_form: form,
      employer_name: employer || null,
      training: training || null,
      needs: [...needs].sort(),
      phone,
    },
  };
}

/** SHA-256 of a row's values: equal values, equal hash (the same row imported twice changes nothing). */
export function rowHash(v: RegistryPersonValues): string {
  const ordered = COLUMNS.map((c) => v[c.key] ?? null);
  return createHash("sha256").update(JSON.stringify(ordered)).digest("hex");
}

/**
 * Duplicates within the file: a certificate number seen in an earlier row (the problem's value names that row), an ID
 * number seen with another certificate number in an earlier row.
 */
export class FileTracker {
  private certificates = new Map<string, number>();
  private ids = new Map<string, { row: number; certificate: string }>();

  check(row: number, raw: RowCells): ImportProblem[] {
    const problems: ImportProblem[] = [];
    const certificate = clean(raw.certificate_number).replace(/\s/g, "").toUpperCase();
    const idNumber = clean(raw.id_number).replace(/\s/g, "").toUpperCase();
    if (certificate) {
      const earlier = this.certificates.get(certificate);
      if (earlier !== undefined) problems.push(problem(row, COLUMN_BY_KEY.certificate_number.zh, "duplicate_in_file", String(earlier)));
      else this.certificates.set(certificate, row);
    }
    if (idNumber) {
      const earlier = this.ids.get(idNumber);
      if (earlier && earlier.certificate !== certificate) problems.push(problem(row, COLUMN_BY_KEY.id_number.zh, "duplicate_id_in_file", String(earlier.row)));
      else if (!earlier) this.ids.set(idNumber, { row, certificate });
    }
    return problems;
  }
}

/** Problems sorted by row, then by the columns' documented order (whole-row problems last). */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const order = new Map<string | null, number>(COLUMNS.map((c, i) => [c.zh, i]));
  return problems.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
}
