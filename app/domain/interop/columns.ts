/**
 * The documented columns of the real-name registry's people (issue 18), shared by the import (people-import.server.ts),
 * the export for the national reporting and the admin pages: one table of columns, each with its Chinese and English
 * header, the headers common tools export it under (aliases), whether it is required, how a cell is read and how a
 * value is written back. docs/interop.md describes the same table for people; keep the two together.
 *
 * Client-safe: no database, no Node APIs.
 */
import { ACCOMMODATIONS, CATEGORY_BY_DIGIT, DISABILITY_CATEGORIES, EDUCATION_LEVELS } from "../catalog";
import type { DisabilityCategory, EmploymentForm, RegistryEmploymentStatus } from "../../../db/schema";

export const COLUMN_KEYS = [
  "real_name",
  "certificate_number",
  "id_number",
  "gender",
  "birth_date",
  "disability_category",
  "disability_grade",
  "region_code",
  "residence",
  "education",
  "employment_status",
  "employment_form",
  "employer_name",
  "training",
  "needs",
  "phone",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ColumnKey;
  /** The header the export writes and the documentation names (Chinese first). */
  zh: string;
  en: string;
  /** Other headers accepted on import (compared after `normalizeHeader`): as common tools and the national system export them. */
  aliases: readonly string[];
  required: boolean;
  /** How a cell is read and checked (docs/interop.md says the same). */
  formatZh: string;
  formatEn: string;
  /** Longest accepted text, in characters, for free-text columns. */
  maxLength?: number;
}

export const COLUMNS: readonly ImportColumn[] = [
  {
    key: "real_name",
    zh: "姓名",
    en: "Name",
    aliases: ["姓名", "名字", "残疾人姓名", "持证人姓名", "name", "realname", "fullname"],
    required: true,
    formatZh: "1–50 个字符：汉字、字母、间隔号（·•）、空格、连字符；两端空白去掉",
    formatEn: "1–50 characters: Chinese characters, letters, the middle dot (· •), spaces, hyphens; trimmed",
    maxLength: 50,
  },
  {
    key: "certificate_number",
    zh: "残疾人证号",
    en: "Disability certificate number",
    aliases: ["残疾人证号", "残疾证号", "证号", "残疾人证号码", "残疾证号码", "残疾人证编号", "残疾证编号", "第二代残疾人证号", "certificatenumber", "certificate", "certificateno"],
    required: true,
    formatZh: "20 位：身份证号（18 位，校验位）＋残疾类别数字（1–7）＋残疾等级数字（1–4）；小写 x 读作 X",
    formatEn: "20 characters: the ID number (18, check character verified) + category digit (1–7) + grade digit (1–4); lower-case x read as X",
  },
  {
    key: "id_number",
    zh: "身份证号",
    en: "ID number",
    aliases: ["身份证号", "身份证号码", "公民身份号码", "身份号码", "身份证", "证件号码", "idnumber", "idcard", "idno"],
    required: true,
    formatZh: "18 位居民身份证号（GB 11643，校验位）；须与残疾人证号前 18 位相同",
    formatEn: "18-character resident ID number (GB 11643, check character); must equal the certificate's first 18 characters",
  },
  {
    key: "gender",
    zh: "性别",
    en: "Sex",
    aliases: ["性别", "sex", "gender"],
    required: false,
    formatZh: "男／女（也接受 male、female、M、F、1＝男、2＝女）；空白时取自身份证号；须与身份证号一致",
    formatEn: "男/女 (also male, female, M, F, 1 = male, 2 = female); taken from the ID number when blank; must agree with it",
  },
  {
    key: "birth_date",
    zh: "出生日期",
    en: "Date of birth",
    aliases: ["出生日期", "出生年月日", "生日", "birthdate", "dateofbirth", "dob"],
    required: false,
    formatZh: "YYYY-MM-DD、YYYY/M/D、YYYY年M月D日、YYYYMMDD 或表格日期；空白时取自身份证号；须与身份证号一致；年满 16 周岁",
    formatEn: "YYYY-MM-DD, YYYY/M/D, YYYY年M月D日, YYYYMMDD or a spreadsheet date; taken from the ID number when blank; must agree with it; aged 16 or over",
  },
  {
    key: "disability_category",
    zh: "残疾类别",
    en: "Disability category",
    aliases: ["残疾类别", "残疾类型", "残疾种类", "类别", "category", "disabilitycategory"],
    required: true,
    formatZh: "视力、听力、言语、肢体、智力、精神、多重（可带“残疾”二字），或代码 vision… ，或数字 1–7；须与残疾人证号第 19 位一致",
    formatEn: "视力, 听力, 言语, 肢体, 智力, 精神, 多重 (with or without 残疾), a code (vision…) or a digit 1–7; must agree with the certificate's 19th character",
  },
  {
    key: "disability_grade",
    zh: "残疾等级",
    en: "Disability grade",
    aliases: ["残疾等级", "等级", "残疾级别", "级别", "grade", "disabilitygrade"],
    required: true,
    formatZh: "1–4、一级…四级、壹级…肆级、1级 等；须与残疾人证号第 20 位一致",
    formatEn: "1–4, 一级…四级, 壹级…肆级, 1级 etc.; must agree with the certificate's 20th character",
  },
  {
    key: "region_code",
    zh: "行政区划代码",
    en: "Division code",
    aliases: ["行政区划代码", "区划代码", "行政区划", "地区代码", "所在地区划代码", "户籍地区划代码", "居住地区划代码", "区县代码", "regioncode", "divisioncode", "region"],
    required: true,
    formatZh: "贵州省的市（州）或县（区）6 位代码（GB/T 2260）；12 位统计用区划代码取前 6 位；须在导入人员的管辖范围内",
    formatEn: "the 6-digit code (GB/T 2260) of a prefecture or county of Guizhou; a 12-digit statistical code is read by its first 6; must lie within the importing admin's region",
  },
  {
    key: "residence",
    zh: "城乡类别",
    en: "Urban or rural",
    aliases: ["城乡类别", "城乡", "户籍类型", "户口性质", "户籍性质", "城乡属性", "居住地类型", "residence", "urbanrural"],
    required: false,
    formatZh: "城镇（城市、非农业、非农）或农村（乡村、农业），或 urban、rural",
    formatEn: "城镇 (城市, 非农业, 非农) or 农村 (乡村, 农业), or urban, rural",
  },
  {
    key: "education",
    zh: "文化程度",
    en: "Education",
    aliases: ["文化程度", "学历", "最高学历", "受教育程度", "education"],
    required: false,
    formatZh: "未上学（文盲）、小学、初中、高中、中专/技校（职高、中职）、大专（高职）、本科（大学）、硕士（研究生）、博士，或代码",
    formatEn: "未上学 (文盲), 小学, 初中, 高中, 中专/技校 (职高, 中职), 大专 (高职), 本科 (大学), 硕士 (研究生), 博士, or a code",
  },
  {
    key: "employment_status",
    zh: "就业状况",
    en: "Employment status",
    aliases: ["就业状况", "就业状态", "是否就业", "就业情况", "employmentstatus", "status"],
    required: true,
    formatZh: "已就业（就业、是）、未就业（失业、否）、在校学生（在校、学生）、无劳动能力（丧失劳动能力）、已退休（退休、离退休），或代码",
    formatEn: "已就业 (就业, 是), 未就业 (失业, 否), 在校学生 (在校, 学生), 无劳动能力 (丧失劳动能力), 已退休 (退休, 离退休), or a code",
  },
  {
    key: "employment_form",
    zh: "就业形式",
    en: "Form of employment",
    aliases: ["就业形式", "就业方式", "就业类型", "employmentform", "form"],
    required: false,
    formatZh: "按比例就业、集中就业、个体就业/自主创业、农村种养加、公益性岗位、辅助性就业、灵活就业，或代码；仅已就业者填写，已就业者必填",
    formatEn: "按比例就业, 集中就业, 个体就业/自主创业, 农村种养加, 公益性岗位, 辅助性就业, 灵活就业, or a code; only for the employed, and required for them",
  },
  {
    key: "employer_name",
    zh: "就业单位",
    en: "Employer",
    aliases: ["就业单位", "工作单位", "单位名称", "用人单位", "就业单位名称", "employer", "employername"],
    required: false,
    formatZh: "最多 200 个字符；仅已就业者填写",
    formatEn: "at most 200 characters; only for the employed",
    maxLength: 200,
  },
  {
    key: "training",
    zh: "培训情况",
    en: "Training",
    aliases: ["培训情况", "参加培训情况", "培训", "职业培训", "技能培训", "training"],
    required: false,
    formatZh: "最多 500 个字符的文字",
    formatEn: "text, at most 500 characters",
    maxLength: 500,
  },
  {
    key: "needs",
    zh: "就业需求",
    en: "Needs",
    aliases: ["就业需求", "需求", "无障碍需求", "便利需求", "服务需求", "needs"],
    required: false,
    formatZh: "无障碍便利的名称或代码（见下表），多项用 ；，、| 或空格分隔",
    formatEn: "names or codes of accommodations (table below), several separated by ；，、| or spaces",
  },
  {
    key: "phone",
    zh: "联系电话",
    en: "Phone",
    aliases: ["联系电话", "手机号", "手机号码", "手机", "电话", "电话号码", "联系方式", "phone", "mobile", "telephone"],
    required: false,
    formatZh: "11 位手机号（1[3-9] 开头），或带区号的固定电话（如 0851-12345678）；+86 和空格、连字符可有可无",
    formatEn: "an 11-digit mobile number (starting 1[3-9]) or a landline with its area code (e.g. 0851-12345678); +86, spaces and hyphens optional",
  },
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ImportColumn>> = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ImportColumn>;

/**
 * A header as compared with the aliases: trimmed, full-width characters folded to half-width (NFKC: full-width
 * spaces, brackets, letters), anything in brackets dropped ("残疾人证号（20位）" → "残疾人证号"), spaces, underscores,
 * hyphens, asterisks (required marks) and colons removed, lower case.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .replace(/[([{【〔][^)\]}】〕]*[)\]}】〕]/g, "")
    .replace(/[\s_\-*:：]/g, "")
    .toLowerCase();
}

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = (() => {
  const m = new Map<string, ColumnKey>();
  for (const c of COLUMNS) for (const h of [c.zh, c.en, c.key, ...c.aliases]) m.set(normalizeHeader(h), c.key);
  return m;
})();

/** The column a header names, or null. */
export function columnForHeader(header: string): ColumnKey | null {
  return HEADER_INDEX.get(normalizeHeader(header)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies: each code with the words accepted for it (the first is the one exported).

export const RESIDENCES = [
  { code: "urban", zh: "城镇", en: "Urban", accepts: ["城镇", "城市", "城", "非农业", "非农", "非农业户口", "urban"] },
  { code: "rural", zh: "农村", en: "Rural", accepts: ["农村", "乡村", "农", "农业", "农业户口", "rural"] },
] as const;
export type Residence = (typeof RESIDENCES)[number]["code"];

export const EMPLOYMENT_STATUSES: readonly { code: RegistryEmploymentStatus; zh: string; en: string; accepts: readonly string[] }[] = [
  { code: "employed", zh: "已就业", en: "Employed", accepts: ["已就业", "就业", "在业", "是", "employed"] },
  { code: "unemployed", zh: "未就业", en: "Not employed", accepts: ["未就业", "失业", "待业", "无业", "否", "unemployed"] },
  { code: "student", zh: "在校学生", en: "Student", accepts: ["在校学生", "在校", "学生", "在读", "student"] },
  { code: "unable", zh: "无劳动能力", en: "Unable to work", accepts: ["无劳动能力", "丧失劳动能力", "无就业能力", "unable"] },
  { code: "retired", zh: "已退休", en: "Retired", accepts: ["已退休", "退休", "离退休", "retired"] },
];

export const EMPLOYMENT_FORM_TERMS: readonly { code: EmploymentForm; zh: string; en: string; accepts: readonly string[] }[] = [
  { code: "proportional", zh: "按比例就业", en: "Quota employment", accepts: ["按比例就业", "按比例", "proportional"] },
  { code: "concentrated", zh: "集中就业", en: "Concentrated employment", accepts: ["集中就业", "集中", "concentrated"] },
  { code: "self_employed", zh: "个体就业/自主创业", en: "Self-employment", accepts: ["个体就业/自主创业", "个体就业", "自主创业", "个体", "自主就业", "self_employed", "selfemployed"] },
  { code: "rural", zh: "农村种养加", en: "Rural farming and processing", accepts: ["农村种养加", "种养加", "农村就业", "rural"] },
  { code: "public_welfare", zh: "公益性岗位", en: "Public-welfare post", accepts: ["公益性岗位", "公益性岗位就业", "公益岗位", "public_welfare", "publicwelfare"] },
  { code: "auxiliary", zh: "辅助性就业", en: "Auxiliary employment", accepts: ["辅助性就业", "辅助就业", "auxiliary"] },
  { code: "flexible", zh: "灵活就业", en: "Flexible employment", accepts: ["灵活就业", "灵活就业（含社区、居家就业）", "社区就业", "居家就业", "flexible"] },
];

/** Education: the catalog's codes; "none" is read as 未上学 here (the catalog's "不限" is a vacancy's requirement). */
export const EDUCATION_TERMS: readonly { code: string; zh: string; en: string; accepts: readonly string[] }[] = [
  { code: "none", zh: "未上学", en: "No schooling", accepts: ["未上学", "文盲", "文盲或半文盲", "半文盲", "无", "none"] },
  { code: "primary", zh: "小学", en: "Primary school", accepts: ["小学", "primary"] },
  { code: "junior", zh: "初中", en: "Junior secondary", accepts: ["初中", "junior"] },
  { code: "senior", zh: "高中", en: "Senior secondary", accepts: ["高中", "普通高中", "senior"] },
  { code: "vocational", zh: "中专/技校", en: "Vocational secondary", accepts: ["中专/技校", "中专", "技校", "职高", "中职", "中等职业教育", "vocational"] },
  { code: "college", zh: "大专", en: "Junior college", accepts: ["大专", "专科", "高职", "大学专科", "college"] },
  { code: "bachelor", zh: "本科", en: "Bachelor's degree", accepts: ["本科", "大学本科", "大学", "bachelor"] },
  { code: "master", zh: "硕士", en: "Master's degree", accepts: ["硕士", "研究生", "硕士研究生", "master"] },
  { code: "doctorate", zh: "博士", en: "Doctorate", accepts: ["博士", "博士研究生", "doctorate"] },
];
// The catalog and this table must name the same codes (a test checks it too).
void EDUCATION_LEVELS;

const CHINESE_GRADES = ["一", "二", "三", "四"];
const FORMAL_GRADES = ["壹", "贰", "叁", "肆"];
const ROMAN_GRADES = ["i", "ii", "iii", "iv"];

function normalizeValue(v: string): string {
  return v.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function index<C extends string>(list: readonly { code: C; accepts: readonly string[] }[]): Map<string, C> {
  const m = new Map<string, C>();
  for (const t of list) for (const a of [t.code, ...t.accepts]) m.set(normalizeValue(a), t.code);
  return m;
}

const RESIDENCE_INDEX = index(RESIDENCES as unknown as { code: Residence; accepts: readonly string[] }[]);
const STATUS_INDEX = index(EMPLOYMENT_STATUSES);
const FORM_INDEX = index(EMPLOYMENT_FORM_TERMS);
const EDUCATION_INDEX = index(EDUCATION_TERMS);
const CATEGORY_INDEX: Map<string, DisabilityCategory> = (() => {
  const m = new Map<string, DisabilityCategory>();
  DISABILITY_CATEGORIES.forEach((c) => {
    const short = c.zh.replace(/残疾$/, "");
    for (const a of [c.code, c.zh, short, `${short}残`, String(CATEGORY_BY_DIGIT.indexOf(c.code) + 1), c.en]) m.set(normalizeValue(a), c.code);
  });
  return m;
})();
const NEED_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const a of ACCOMMODATIONS) for (const w of [a.code, a.zh, a.en]) m.set(normalizeValue(w), a.code);
  return m;
})();

export function parseResidence(v: string): Residence | null {
  return RESIDENCE_INDEX.get(normalizeValue(v)) ?? null;
}
export function parseEmploymentStatus(v: string): RegistryEmploymentStatus | null {
  return STATUS_INDEX.get(normalizeValue(v)) ?? null;
}
export function parseEmploymentForm(v: string): EmploymentForm | null {
  return FORM_INDEX.get(normalizeValue(v)) ?? null;
}
export function parseEducation(v: string): string | null {
  return EDUCATION_INDEX.get(normalizeValue(v)) ?? null;
}
export function parseCategory(v: string): DisabilityCategory | null {
  return CATEGORY_INDEX.get(normalizeValue(v)) ?? null;
}
/** 1–4 from "1", "一级", "壹级", "1级", "I", "grade 1"; null otherwise. */
export function parseGrade(v: string): number | null {
  const s = normalizeValue(v).replace(/^grade/, "").replace(/[级等]$/, "");
  if (/^[1-4]$/.test(s)) return Number(s);
  for (const list of [CHINESE_GRADES, FORMAL_GRADES, ROMAN_GRADES]) {
    const i = list.indexOf(s);
    if (i >= 0) return i + 1;
  }
  return null;
}
/** The accommodation code a need names, or null. */
export function parseNeed(v: string): string | null {
  return NEED_INDEX.get(normalizeValue(v)) ?? null;
}
/** A needs cell split into its items. */
export function splitNeeds(v: string): string[] {
  return v.split(/[;；,，、|/\s]+/).map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------------
// Problems: every code the import reports. Messages: `interop.problem.<code>` (app/i18n/messages/interop.ts).

export const PROBLEM_CODES = [
  // The file and its header (row 1; column: the header as written, or null)
  "file_unreadable",
  "no_data_rows",
  "too_many_rows",
  "missing_header",
  "unknown_header",
  "duplicate_header",
  // A whole row (column null)
  "empty_row",
  "too_many_columns",
  // A cell
  "missing_required",
  "invalid_certificate",
  "certificate_check_digit",
  "certificate_id_mismatch",
  "invalid_id_number",
  "id_check_digit",
  "id_birth_date_invalid",
  "id_province_invalid",
  "invalid_sex",
  "sex_mismatch_id",
  "birth_date_invalid",
  "birth_date_mismatch_id",
  "birth_date_future",
  "age_out_of_range",
  "unknown_category",
  "category_mismatch_certificate",
  "unknown_grade",
  "grade_mismatch_certificate",
  "unknown_region",
  "region_too_broad",
  "region_outside_scope",
  "unknown_residence",
  "unknown_education",
  "unknown_employment_status",
  "unknown_employment_form",
  "form_required",
  "form_without_employment",
  "employer_without_employment",
  "employer_too_long",
  "unknown_need",
  "name_too_long",
  "name_invalid_chars",
  "phone_invalid",
  "training_too_long",
  // Other rows of the file, and records already kept
  "duplicate_in_file",
  "duplicate_id_in_file",
  "conflict_existing_id",
  "conflict_existing_name",
  "conflict_existing_certificate",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Header problems that stop the import (the rows cannot be read reliably); others only reject their own rows. */
export const BLOCKING_CODES: ReadonlySet<ProblemCode> = new Set(["file_unreadable", "no_data_rows", "too_many_rows", "missing_header", "duplicate_header"]);

/** Rows at most in one file (a prefecture's registry is well under it). */
export const MAX_ROWS = 500_000;

// ---------------------------------------------------------------------------------------------------------------
// Export: the values as cells, in the columns' order (the export writes what the import reads back unchanged).

export interface RegistryPersonValues {
  real_name: string;
  certificate_number: string;
  id_number: string;
  gender: "male" | "female" | null;
  birth_date: string | null;
  disability_category: DisabilityCategory;
  disability_grade: number;
  region_code: string;
  residence: Residence | null;
  education: string | null;
  employment_status: RegistryEmploymentStatus;
  employment_form: EmploymentForm | null;
  employer_name: string | null;
  training: string | null;
  needs: readonly string[];
  phone: string | null;
}

function zhOf(list: readonly { code: string; zh: string }[], code: string | null): string {
  return code == null ? "" : (list.find((t) => t.code === code)?.zh ?? code);
}

/** One value as its cell text (Chinese words for codes, as the national system writes them). */
export function exportCell(key: ColumnKey, p: RegistryPersonValues): string {
  switch (key) {
    case "gender":
      return p.gender === "male" ? "男" : p.gender === "female" ? "女" : "";
    case "disability_category":
      return zhOf(DISABILITY_CATEGORIES, p.disability_category);
    case "disability_grade":
      return `${CHINESE_GRADES[p.disability_grade - 1] ?? p.disability_grade}级`;
    case "residence":
      return zhOf(RESIDENCES, p.residence);
    case "education":
      return zhOf(EDUCATION_TERMS, p.education);
    case "employment_status":
      return zhOf(EMPLOYMENT_STATUSES, p.employment_status);
    case "employment_form":
      return zhOf(EMPLOYMENT_FORM_TERMS, p.employment_form);
    case "needs":
      return p.needs.map((n) => zhOf(ACCOMMODATIONS, n)).join("；");
    default:
      return (p[key] as string | null) ?? "";
  }
}

/** A whole row of cells in `COLUMNS` order; the header row is `COLUMNS.map((c) => c.zh)`. */
export function exportRow(p: RegistryPersonValues): string[] {
  return COLUMNS.map((c) => exportCell(c.key, p));
}
