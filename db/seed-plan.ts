/**
 * The plan demo (issue 13): what the federation's figures are computed from, in every prefecture of Guizhou.
 *
 * - A prefecture admin and counselor of 遵义市 (accounts in db/seed.ts DEMO_ACCOUNTS); the counselor holds a small
 *   caseload of 遵义 seekers with a few service records.
 * - The platform's hires get the form the federation counts them by (from the vacancy and the organization).
 * - Employment found off the platform, recorded by staff of the region (origin 'recorded'): 个体就业/自主创业, 农村种养加,
 *   公益性岗位, 辅助性就业, 灵活就业, 集中就业 and 按比例 — with employers on the platform or named — mostly started in 2026,
 *   some in 2025, a few by this year's graduates.
 * - Real-name checks (实名制): most certificate holders checked in an earlier quarter of 2026, 40–70% of each
 *   prefecture in the fourth quarter, each finding what the employment records say on that day.
 * - Households with the family's consent noted: zero-employment ones, and ones where someone now works.
 * - Provincial bodies (省级党政机关, 残工委成员单位): most employ a disabled person (a record, or an approved quota
 *   declaration), two do not.
 * - Plan targets: the 2016–2020 plan (黔残联发〔2017〕23号) and a demo period 2026–2030 with prefecture shares of new jobs.
 * - Snapshots of 2026 Q1 and Q2 of the province and the prefectures, taken after everything else (Q3 is left for an admin).
 *
 * Deterministic (mulberry32, dates from DEMO_ANCHOR; only generated ids differ) and idempotent: the provincial bodies'
 * 统一社会信用代码 mark the plan demo as written (it is written in one transaction); targets and snapshots keep what
 * is there. It touches demo seekers only (1360000xxxx and the demo seeker), never two people on the demo counselor's
 * caseload (this year's graduates without a job, kept for the end-to-end tests), and gives the demo seeker 李明 only a
 * check of the third quarter.
 */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { DB } from "./database";
import type {
  CaseloadAssignmentTable,
  DisabilityCategory,
  EmploymentEvidence,
  EmploymentForm,
  EmploymentTable,
  EmploymentType,
  HouseholdMemberTable,
  HouseholdTable,
  OrganizationTable,
  RealNameVerificationTable,
  ServiceRecordTable,
  ServiceType,
} from "./schema";
import { DEMO_ANCHOR, DEMO_SEEKER_PHONE_PREFIX, SPECIAL_STATUSES, demoUsccs, mulberry32 } from "./seed-demo";
import { idCheckCharacter, usccCheckCharacter } from "../app/domain/identity";
import { isWorkingAge } from "../app/domain/realname/working-age";
import { PLAN_2016_2020_SOURCE, PLAN_2016_2020_TARGETS } from "../app/domain/statistics/indicators";
import type { IndicatorCode } from "../app/domain/statistics/contract";
import { levyForDeclaration } from "../app/domain/quota/declarations.server";
import { takeSnapshot } from "../app/domain/statistics/snapshots.server";

/** The training codes of the real-name check (TRAINING_KINDS in app/domain/realname/verification.schema.ts). */
type TrainingKind = "urban_vocational" | "rural_practical" | "blind_health_massage" | "blind_medical_massage" | "entrepreneurship" | "online_remote" | "continuing_education";

const SEED = 20261206;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 200;
const ANCHOR = DEMO_ANCHOR.getTime();
/** The demo's "today" in Asia/Shanghai. */
export const ANCHOR_DAY = shanghaiDay(ANCHOR);

export const PLAN_DEMO_PHONES = {
  seeker: "13800000001",
  counselor: "13800000003",
  admin: "13800000004",
  prefectureAdmin: "13800000005",
  prefectureCounselor: "13800000006",
} as const;
/** The prefecture of the prefecture demo accounts. */
export const PLAN_DEMO_PREFECTURE = "520300";

export const PREFECTURES = ["520100", "520200", "520300", "520400", "520500", "520600", "522300", "522600", "522700"] as const;

/** Resident population of each prefecture, 10,000s (7th census, 2020): the weights of the demo period's new-jobs shares. */
const POPULATION: Record<(typeof PREFECTURES)[number], number> = {
  "520100": 598.7,
  "520200": 303.2,
  "520300": 660.6,
  "520400": 247.1,
  "520500": 689.9,
  "520600": 329.8,
  "522300": 301.5,
  "522600": 375.9,
  "522700": 349.4,
};

export const DEMO_PERIOD = { start: 2026, end: 2030, source: "演示数据：示例目标，非正式文件" } as const;

/** The demo period's province targets for every indicator recorded here (rates are fractions). */
export const DEMO_PERIOD_TARGETS: ReadonlyArray<{ indicator: IndicatorCode; value: number }> = [
  { indicator: "new_jobs", value: 50_000 },
  { indicator: "graduate_employment_rate", value: 0.65 },
  { indicator: "zero_employment_households_cleared", value: 1 },
  { indicator: "provincial_bodies_employing", value: 1 },
  { indicator: "quota_declarations", value: 40_000 },
  { indicator: "quota_disclosure", value: 30_000 },
  { indicator: "working_age_employment_rate", value: 0.5 },
  { indicator: "real_name_verified", value: 1 },
  { indicator: "events_held", value: 450 },
  { indicator: "event_hires", value: 9_000 },
  { indicator: "services_given", value: 150_000 },
];

/** Splits `total` over the prefectures by population, rounding by largest remainder so the shares sum to it. */
export function prefectureShares(total: number): Record<string, number> {
  const sum = PREFECTURES.reduce((s, p) => s + POPULATION[p], 0);
  const raw = PREFECTURES.map((p) => ({ p, exact: (total * POPULATION[p]) / sum }));
  const shares = raw.map((r) => ({ ...r, n: Math.floor(r.exact) }));
  let left = total - shares.reduce((s, r) => s + r.n, 0);
  for (const r of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.p.localeCompare(b.p))) {
    if (left <= 0) break;
    r.n++;
    left--;
  }
  return Object.fromEntries(shares.map((r) => [r.p, r.n]));
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness and days

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("pick from an empty list");
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  shuffle<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}
function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}
function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY).toISOString().slice(0, 10);
}
function addMonths(day: string, months: number, days = 0): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)) + days * DAY).toISOString().slice(0, 10);
}
function randomDay(rng: Random, from: string, to: string): string {
  const a = dayMs(from);
  const b = dayMs(to);
  return b <= a ? from : new Date(a + rng.int(0, Math.round((b - a) / DAY)) * DAY).toISOString().slice(0, 10);
}
/** A moment on a Shanghai calendar day, between 9:00 and 17:59. */
function at(rng: Random, day: string): Date {
  return new Date(Date.parse(`${day}T09:00:00+08:00`) + rng.int(0, 8) * HOUR + rng.int(0, 59) * 60_000);
}
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** Whole months between a start and an inclusive end (a one-year contract 2026-03-01–2027-02-28 is 12). */
export function contractMonths(start: string, end: string | null): number | null {
  if (!end) return null;
  const days = (dayMs(end) - dayMs(start)) / DAY + 1;
  return Math.max(0, Math.round(days / 30.4375));
}

// ---------------------------------------------------------------------------------------------------------------
// The forms, as the federation counts them

/** The form of a hire made on the platform: from the vacancy's employment type and the organization's statuses. */
export function platformHireForm(vacancyType: EmploymentType | null, specialStatuses: readonly string[]): EmploymentForm {
  if (vacancyType === "auxiliary") return "auxiliary";
  if (vacancyType === "public_welfare") return "public_welfare";
  if (specialStatuses.includes(SPECIAL_STATUSES.concentrated) || specialStatuses.includes(SPECIAL_STATUSES.blindMassage)) return "concentrated";
  if (specialStatuses.includes(SPECIAL_STATUSES.auxiliary)) return "auxiliary";
  if (vacancyType === "flexible") return "flexible";
  return "proportional";
}

/** Local things: a product sold online, farming, a craft done at home, per prefecture. */
const LOCAL: Record<string, { product: string; rural: readonly string[]; craft: string }> = {
  "520100": { product: "刺梨干和刺梨原液", rural: ["种植蓝莓 4 亩", "种植蔬菜大棚 2 个"], craft: "布艺挂件" },
  "520200": { product: "盘州火腿", rural: ["种植猕猴桃 6 亩", "种植刺梨 8 亩"], craft: "彝族刺绣" },
  "520300": { product: "湄潭翠芽", rural: ["种植辣椒 5 亩", "种植方竹笋 6 亩"], craft: "竹编" },
  "520400": { product: "安顺蜡染围巾", rural: ["种植金刺梨 5 亩", "养殖山羊 15 只"], craft: "蜡染" },
  "520500": { product: "威宁荞麦和苦荞茶", rural: ["种植马铃薯 6 亩", "养殖肉牛 6 头"], craft: "彝绣" },
  "520600": { product: "梵净山绿茶", rural: ["种植茶叶 5 亩", "养蜂（中华蜂 40 箱）"], craft: "苗绣" },
  "522300": { product: "兴仁薏仁米", rural: ["种植薏苡 6 亩", "养殖黄牛 5 头"], craft: "布依族土布" },
  "522600": { product: "苗族银饰", rural: ["稻田养鱼 4 亩", "养殖从江香猪 10 头"], craft: "苗绣" },
  "522700": { product: "都匀毛尖", rural: ["种植茶叶 4 亩", "种植百香果 3 亩"], craft: "水族马尾绣" },
};
const RURAL_COMMON = ["养蜂（中华蜂 30 箱）", "种植刺梨 8 亩", "养殖肉牛 6 头", "养殖生猪 12 头", "种植食用菌（大棚 2 个）", "养殖生态土鸡 200 羽"];

/** Employers off the platform for concentrated employment, where the prefecture has none on the platform. */
const CONCENTRATED_OFF_PLATFORM: Record<string, string> = {
  "520100": "贵阳市盲人按摩医院",
  "520200": "盘州市明视盲人按摩中心",
  "520300": "遵义市福利印刷厂",
  "520400": "安顺市西秀区福利印刷厂",
  "520500": "毕节市七星关区盲人按摩中心",
  "520600": "铜仁市碧江区福利包装厂",
  "522300": "兴义市盲人按摩医院",
  "522600": "凯里市福利彩印有限公司",
  "522700": "都匀市盲人按摩中心",
};
const PUBLIC_WELFARE_POSTS = [
  { post: "社区保洁员", employer: (county: string, street: string) => `${county}${street}社区居民委员会` },
  { post: "公园管理员", employer: (county: string) => `${county}城市公园管理所` },
  { post: "残疾人专职委员", employer: (county: string, street: string) => `${county}${street}街道办事处` },
  { post: "公共厕所管理员", employer: (county: string) => `${county}环境卫生管理站` },
  { post: "社区图书室管理员", employer: (county: string, street: string) => `${county}${street}社区服务中心` },
] as const;
const STREETS = ["城关", "文化", "新华", "河滨", "中山", "育才", "迎宾", "和平"];

interface Seeker {
  id: string;
  phone: string;
  name: string;
  gender: "male" | "female";
  birthDate: string;
  category: DisabilityCategory;
  grade: number;
  hasCertificate: boolean;
  place: string;
  prefecture: string;
  residence: "urban" | "rural" | null;
  graduationYear: number | null;
  registered: string;
  wantsRemote: boolean;
}

interface Job {
  seekerId: string | null;
  organizationId: string | null;
  form: EmploymentForm;
  start: string;
  end: string | null;
  endedOn: string | null;
}

interface Org {
  id: string;
  name: string;
  region: string;
  type: string;
  specials: readonly string[];
}

/** Who records for a prefecture: its counselor, else its admin, else the province's admin. */
interface Staff {
  provinceAdmin: string;
  byPrefecture: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------------------------
// Provincial bodies

interface BodyDef {
  name: string;
  type: "government" | "social_organization";
  county: string;
  staff: number;
  kinds: readonly ("party_government" | "committee_member")[];
  employs: "record" | "two_records" | "declaration" | "none";
  industry: string;
}

/** Order matters for determinism: append only. */
const PROVINCIAL_BODIES: readonly BodyDef[] = [
  { name: "贵州省人力资源和社会保障厅", type: "government", county: "520115", staff: 420, kinds: ["party_government", "committee_member"], employs: "two_records", industry: "public_admin" },
  { name: "贵州省民政厅", type: "government", county: "520102", staff: 260, kinds: ["party_government", "committee_member"], employs: "record", industry: "public_admin" },
  { name: "贵州省教育厅", type: "government", county: "520103", staff: 310, kinds: ["party_government", "committee_member"], employs: "record", industry: "public_admin" },
  { name: "贵州省卫生健康委员会", type: "government", county: "520103", staff: 350, kinds: ["party_government", "committee_member"], employs: "declaration", industry: "public_admin" },
  { name: "贵州省财政厅", type: "government", county: "520102", staff: 380, kinds: ["party_government", "committee_member"], employs: "none", industry: "public_admin" },
  { name: "贵州省发展和改革委员会", type: "government", county: "520115", staff: 330, kinds: ["party_government"], employs: "record", industry: "public_admin" },
  { name: "贵州省总工会", type: "social_organization", county: "520103", staff: 150, kinds: ["committee_member"], employs: "record", industry: "public_admin" },
  { name: "共青团贵州省委员会", type: "social_organization", county: "520103", staff: 90, kinds: ["committee_member"], employs: "none", industry: "public_admin" },
];

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8[i]) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** The bodies' 统一社会信用代码: 11 机关 or 13 群众团体, registered with the province (520000). The plan demo's marker. */
export function provincialBodyUsccs(): string[] {
  return PROVINCIAL_BODIES.map((b, i) => {
    const rng = new Random(SEED + 500 + i);
    let body8 = b.type === "government" ? "0" : "5";
    for (let k = 0; k < 7; k++) body8 += String(rng.int(0, 9));
    const first17 = `${b.type === "government" ? "11" : "13"}520000${body8}${orgCodeCheck(body8)}`;
    const check = usccCheckCharacter(first17);
    if (!check) throw new Error(`bad USCC body ${first17}`);
    return first17 + check;
  });
}

export const PROVINCIAL_BODY_NAMES = PROVINCIAL_BODIES.map((b) => b.name);

// ---------------------------------------------------------------------------------------------------------------
// Family members

const FAMILY_NAMES = {
  male: { older: ["建国", "国华", "志明", "德贵", "正勇", "光明", "永刚", "明华", "文军", "家富", "朝忠", "开云"], younger: ["子轩", "浩宇", "俊豪", "思远", "一鸣", "宇航", "天佑", "博文"] },
  female: { older: ["秀英", "桂兰", "玉芬", "春花", "德芬", "美玉", "小琴", "兰英", "会芬", "明珍"], younger: ["雨欣", "思琪", "梓萱", "欣怡", "佳怡", "语桐", "诗涵", "一诺"] },
};
const SPOUSE_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "吴", "罗", "龙", "潘", "石", "田", "韦", "蒙"];

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface PlanDemoResult {
  caseload: number;
  classified: number;
  recorded: number;
  verifications: number;
  households: number;
  members: number;
  bodies: number;
  targets: number;
  snapshots: string;
}

async function insertBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** The 2016–2020 plan's targets for the province (always), and the demo period's (with the demo only). */
export async function seedPlanPeriodTargets(db: DB, options: { demo: boolean; setBy: string | null }): Promise<number> {
  const rows = PLAN_2016_2020_TARGETS.map((t) => ({
    indicator: t.indicator,
    period_start: 2016,
    period_end: 2020,
    region_code: "520000",
    target_value: String(t.value),
    source: PLAN_2016_2020_SOURCE,
  }));
  if (options.demo) {
    for (const t of DEMO_PERIOD_TARGETS) {
      rows.push({ indicator: t.indicator, period_start: DEMO_PERIOD.start, period_end: DEMO_PERIOD.end, region_code: "520000", target_value: String(t.value), source: DEMO_PERIOD.source });
    }
    const newJobs = DEMO_PERIOD_TARGETS.find((t) => t.indicator === "new_jobs")!.value;
    for (const [region, n] of Object.entries(prefectureShares(newJobs))) {
      rows.push({ indicator: "new_jobs", period_start: DEMO_PERIOD.start, period_end: DEMO_PERIOD.end, region_code: region, target_value: String(n), source: DEMO_PERIOD.source });
    }
  }
  const inserted = await db
    .insertInto("plan_target")
    .values(rows.map((r) => ({ ...r, set_by: r.period_start === DEMO_PERIOD.start ? options.setBy : null })))
    .onConflict((oc) => oc.columns(["indicator", "period_start", "region_code"]).doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}

/**
 * Seeds the plan demo once (see the file's comment). Needs the demo data (db/seed-demo.ts), the demo accounts and the
 * demo caseload first. One log line per step.
 */
export async function seedPlanDemo(db: DB, log: (line: string) => void = () => {}): Promise<PlanDemoResult> {
  const started = Date.now();
  const result: PlanDemoResult = { caseload: 0, classified: 0, recorded: 0, verifications: 0, households: 0, members: 0, bodies: 0, targets: 0, snapshots: "" };
  const demoPresent = !!(await db.selectFrom("organization").select("id").where("uscc", "in", demoUsccs()).limit(1).executeTakeFirst());
  const staffRows = await db.selectFrom("app_user").select(["id", "phone"]).where("phone", "in", Object.values(PLAN_DEMO_PHONES)).execute();
  const idOf = (phone: string) => staffRows.find((u) => u.phone === phone)?.id ?? null;
  const provinceAdmin = idOf(PLAN_DEMO_PHONES.admin);

  if (!demoPresent || !provinceAdmin) {
    log("seed: plan demo skipped (no demo data or no demo admin)");
  } else {
    const bodyUsccs = provincialBodyUsccs();
    const present = await db.selectFrom("organization").select("id").where("uscc", "in", bodyUsccs).limit(1).executeTakeFirst();
    if (present) {
      log("seed: plan demo already present");
    } else {
      await db.transaction().execute(async (trx) => {
        // Checked again inside the transaction, in case two seeds raced.
        if (await trx.selectFrom("organization").select("id").where("uscc", "in", bodyUsccs).limit(1).executeTakeFirst()) return;
        await writePlanDemo(trx, result, { provinceAdmin, idOf, bodyUsccs }, log);
      });
    }
  }

  result.targets = await seedPlanPeriodTargets(db, { demo: demoPresent, setBy: provinceAdmin });
  log(`seed: ${result.targets} new plan targets (2016–2020${demoPresent ? ` and the demo period ${DEMO_PERIOD.start}–${DEMO_PERIOD.end}` : ""})`);

  if (demoPresent) {
    result.snapshots = await takeDemoSnapshots(db);
    log(`seed: ${result.snapshots}`);
  }
  log(`seed: plan demo done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/**
 * Takes the 2026 Q1 and Q2 snapshots of the province and the prefectures. Q3, the last ended quarter at the demo's
 * date, is left for an admin to take with the button (or `npm run stats:snapshot`), so the demo shows that step and
 * the comparison of Q3 with Q2 once it is taken. Not every county (`takeAllSnapshots` does): 196 computations would add
 * seconds to every fresh start, and no demo account works at county level. A failure stops the seed: figures that
 * cannot be computed are a bug to see at once.
 */
async function takeDemoSnapshots(db: DB): Promise<string> {
  const parts: string[] = [];
  for (const quarter of DEMO_SNAPSHOT_QUARTERS) {
    let created = 0;
    for (const regionCode of SNAPSHOT_REGIONS) {
      const r = await takeSnapshot(db, null, { regionCode, year: 2026, quarter });
      if (!r.ok) throw new Error(`snapshot 2026 Q${quarter} ${regionCode}: ${JSON.stringify(r.fieldErrors)}`);
      if (r.value.created) created++;
    }
    parts.push(`2026 Q${quarter}: ${created} new`);
  }
  return `snapshots of the province and the prefectures, ${parts.join(", ")}`;
}

export const DEMO_SNAPSHOT_QUARTERS = [1, 2] as const;

/** The regions whose 2026 Q1 and Q2 snapshots the demo holds. */
export const SNAPSHOT_REGIONS: readonly string[] = ["520000", ...PREFECTURES];

async function writePlanDemo(
  trx: DB,
  result: PlanDemoResult,
  ctx: { provinceAdmin: string; idOf: (phone: string) => string | null; bodyUsccs: string[] },
  log: (line: string) => void,
): Promise<void> {
  const { provinceAdmin, idOf } = ctx;
  const wangFang = idOf(PLAN_DEMO_PHONES.counselor);
  const zunyiAdmin = idOf(PLAN_DEMO_PHONES.prefectureAdmin);
  const zunyiCounselor = idOf(PLAN_DEMO_PHONES.prefectureCounselor);
  const demoSeekerId = idOf(PLAN_DEMO_PHONES.seeker);
  const staff: Staff = { provinceAdmin, byPrefecture: new Map() };
  if (wangFang) staff.byPrefecture.set("520100", wangFang);
  if (zunyiCounselor ?? zunyiAdmin) staff.byPrefecture.set(PLAN_DEMO_PREFECTURE, (zunyiCounselor ?? zunyiAdmin)!);
  const staffOf = (prefecture: string) => staff.byPrefecture.get(prefecture) ?? provinceAdmin;
  /** The person's counselor (the 遵义 caseload written below included), or null. */
  const zunyiCaseload = new Set<string>();
  const caseloadOf = (s: Seeker): string | null =>
    assignments.find((a) => a.seeker_id === s.id)?.counselor_id ?? (zunyiCounselor && zunyiCaseload.has(s.id) ? zunyiCounselor : null);

  // What is there ------------------------------------------------------------------------------------------------
  const divisions = await trx.selectFrom("division").select(["code", "name", "parent_code", "level"]).execute();
  const divisionName = new Map(divisions.map((d) => [d.code, d.name]));
  const prefectureOf = (code: string) => (code.length === 6 ? `${code.slice(0, 4)}00` : code);
  const profiles = await trx
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .select([
      "p.user_id",
      "u.phone",
      "p.real_name",
      "p.gender",
      "p.birth_date",
      "p.disability_category",
      "p.disability_grade",
      "p.certificate_number",
      "p.current_region_code",
      "p.household_region_code",
      "p.residence",
      "p.graduation_year",
      "p.created_at",
      "p.wants_remote",
    ])
    .where("u.role", "=", "seeker")
    .where((eb) => eb.or([eb("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`), eb("u.phone", "=", PLAN_DEMO_PHONES.seeker)]))
    .orderBy("u.phone")
    .execute();
  const seekers: Seeker[] = [];
  for (const p of profiles) {
    const place = p.current_region_code ?? p.household_region_code;
    if (!place || !p.real_name || !p.gender || !p.birth_date || !p.disability_category) continue;
    seekers.push({
      id: p.user_id,
      phone: p.phone!,
      name: p.real_name,
      gender: p.gender,
      birthDate: p.birth_date,
      category: p.disability_category,
      grade: p.disability_grade ?? 3,
      hasCertificate: !!p.certificate_number,
      place,
      prefecture: prefectureOf(place),
      residence: p.residence,
      graduationYear: p.graduation_year,
      registered: shanghaiDay(p.created_at.getTime()),
      wantsRemote: p.wants_remote,
    });
  }
  const seekerById = new Map(seekers.map((s) => [s.id, s]));

  const existing = await trx
    .selectFrom("employment as e")
    .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select(["e.id", "e.seeker_id", "e.organization_id", "e.form", "e.origin", "e.contract_start", "e.contract_end", "e.ended_on", "e.contract_months", "v.employment_type", "o.special_statuses"])
    .orderBy("e.contract_start")
    .orderBy("e.id")
    .execute();
  const jobs: Job[] = existing.map((e) => ({ seekerId: e.seeker_id, organizationId: e.organization_id, form: e.form, start: e.contract_start, end: e.contract_end, endedOn: e.ended_on }));
  const employedEver = new Set(existing.map((e) => e.seeker_id).filter((x): x is string => !!x));

  const assignments = await trx.selectFrom("caseload_assignment").select(["seeker_id", "counselor_id"]).where("ended_at", "is", null).execute();
  const assigned = new Set(assignments.map((a) => a.seeker_id));
  const wangFangCaseload = seekers.filter((s) => assignments.some((a) => a.seeker_id === s.id && a.counselor_id === wangFang));

  // Kept for the end-to-end tests: the first two of this year's graduates on the demo counselor's caseload with no
  // employment record — no job, no check, no household is written for them.
  const reserved = new Set(
    wangFangCaseload
      .filter((s) => s.graduationYear === 2026 && !employedEver.has(s.id))
      .slice(0, 2)
      .map((s) => s.id),
  );
  if (demoSeekerId) reserved.add(demoSeekerId); // 李明: a job seeker with a plan; only a check of Q3 below
  // On the demo counselor's caseload a recorded job starts after the caseload's first platform hire (the authorization
  // fixtures use that hire for the checkpoint form).
  const caseloadHireStarts = existing.filter((e) => e.seeker_id && wangFangCaseload.some((s) => s.id === e.seeker_id)).map((e) => e.contract_start);
  const caseloadEarliestStart = caseloadHireStarts.length ? addDays(caseloadHireStarts.sort()[0]!, 1) : "2026-11-20";

  const orgRows = await trx
    .selectFrom("organization")
    .select(["id", "name", "region_code", "type", "special_statuses"])
    .where("uscc", "in", demoUsccs())
    .where("status", "=", "verified")
    .orderBy("uscc")
    .execute();
  const orgs: Org[] = orgRows.map((o) => ({ id: o.id, name: o.name, region: o.region_code, type: o.type, specials: o.special_statuses }));

  // 1. The 遵义 counselor's caseload ----------------------------------------------------------------------------
  if (zunyiCounselor) {
    const rng = new Random(SEED + 1);
    const candidates = seekers
      .filter((s) => s.prefecture === PLAN_DEMO_PREFECTURE && !assigned.has(s.id))
      .sort((a, b) => (b.graduationYear ?? 0) - (a.graduationYear ?? 0) || b.phone.localeCompare(a.phone))
      .slice(0, 8);
    const rows: Insertable<CaseloadAssignmentTable>[] = candidates.map((s, i) => ({
      seeker_id: s.id,
      counselor_id: zunyiCounselor,
      assigned_by: zunyiAdmin ?? provinceAdmin,
      note: i === 0 ? "遵义市残联分派：今年毕业，希望在汇川区或红花岗区就业。" : null,
      started_at: new Date(ANCHOR - (50 - i) * DAY),
    }));
    const services: Insertable<ServiceRecordTable>[] = candidates.slice(0, 5).map((s, i) => {
      const type = (["career_guidance", "job_introduction", "vocational_assessment", "job_introduction", "training_referral"] as const)[i]!;
      return {
        seeker_id: s.id,
        counselor_id: zunyiCounselor,
        type,
        service_date: addDays(ANCHOR_DAY, -(4 + i * 7)),
        notes: rng.pick(["电话了解求职意向和交通条件。", "到社区服务站面谈，更新了求职意向。", "陪同参加遵义市就业援助月招聘活动。"]),
        outcome: type === "training_referral" ? "推荐参加遵义市残疾人电商技能培训班。" : "",
      };
    });
    if (rows.length) await trx.insertInto("caseload_assignment").values(rows).execute();
    if (services.length) await trx.insertInto("service_record").values(services).execute();
    for (const s of candidates) {
      assigned.add(s.id);
      zunyiCaseload.add(s.id);
    }
    result.caseload = rows.length;
  }
  log(`seed: ${result.caseload} seekers on the 遵义 counselor's caseload`);

  // 2a. The platform's hires get their form --------------------------------------------------------------------
  const classify = new Map<string, string[]>();
  existing.forEach((e, i) => {
    if (e.origin !== "platform" || e.form !== "proportional") return;
    const form = platformHireForm(e.employment_type, e.special_statuses ?? []);
    const months = e.contract_months ?? contractMonths(e.contract_start, e.contract_end);
    jobs[i]!.form = form;
    const key = `${form}:${months ?? ""}`;
    classify.set(key, [...(classify.get(key) ?? []), e.id]);
  });
  for (const [key, ids] of classify) {
    const [form, months] = key.split(":") as [EmploymentForm, string];
    await trx
      .updateTable("employment")
      .set({ form, contract_months: months === "" ? null : Number(months) })
      .where("id", "in", ids)
      .execute();
    result.classified += ids.length;
  }

  // 2b. Off-platform employment of every form ------------------------------------------------------------------
  const empRng = new Random(SEED + 2);
  const recorded: Insertable<EmploymentTable>[] = [];
  const used = new Set<string>([...employedEver, ...reserved]);
  const lastStart = addDays(ANCHOR_DAY, -2);
  const BASE_FORMS: EmploymentForm[] = ["self_employed", "rural", "public_welfare", "flexible", "auxiliary", "concentrated", "proportional"];
  const EXTRA_FORMS: ReadonlyArray<readonly [EmploymentForm, number]> = [
    ["flexible", 3],
    ["self_employed", 2],
    ["public_welfare", 2],
    ["rural", 2],
    ["proportional", 2],
    ["concentrated", 1],
    ["auxiliary", 1],
  ];
  const newJob = (s: Seeker, form: EmploymentForm, recorder: string, forceStart?: string) => {
    const r = empRng;
    const pref = s.prefecture;
    const county = divisionName.get(s.place) ?? divisionName.get(pref) ?? "";
    const local = LOCAL[pref] ?? LOCAL["520100"]!;
    const inPrefecture = orgs.filter((o) => prefectureOf(o.region) === pref);
    // When it started: mostly 2026, some 2025; after registering; a graduate after graduating.
    const earliest = maxDay(addDays(s.registered, 7), s.graduationYear === 2026 ? "2026-07-01" : "2025-01-01");
    let start: string;
    if (forceStart) start = forceStart;
    else if (r.chance(0.3) && earliest < "2025-10-01" && s.graduationYear !== 2026) start = randomDay(r, maxDay(earliest, "2025-02-01"), "2025-12-20");
    else start = randomDay(r, maxDay(earliest, "2026-01-05"), lastStart);
    if (caseloadOf(s) === wangFang) start = maxDay(start, caseloadEarliestStart);
    start = minDay(start, lastStart);
    let organizationId: string | null = null;
    let employerName: string | null = null;
    let months: number | null = null;
    let pay: number;
    let insurance: boolean;
    let evidence: EmploymentEvidence;
    let note: string | null = null;
    switch (form) {
      case "self_employed": {
        const options = s.category === "vision" ? ["个体经营：盲人按摩店（自营）"] : [
          `个体经营：开网店销售${local.product}`,
          "个体经营：修鞋配钥匙摊",
          "自主创业：手机维修店",
          "个体经营：社区便利店",
          "个体经营：早餐店",
          "自主创业：裁缝铺（服装修改）",
        ];
        employerName = r.pick(options);
        pay = r.int(18, 45) * 100;
        insurance = r.chance(0.4);
        evidence = r.chance(0.7) ? "business_licence" : "visit";
        note = evidence === "business_licence" ? "已核对营业执照。" : "入户走访核实经营情况。";
        break;
      }
      case "rural": {
        employerName = `农村种养加：${r.pick([...local.rural, ...RURAL_COMMON])}`;
        pay = r.int(12, 30) * 100;
        insurance = false;
        evidence = "visit";
        note = r.pick(["入户走访，查看了种养现场。", "村委会出具证明，走访核实。"]);
        break;
      }
      case "public_welfare": {
        const p = r.pick(PUBLIC_WELFARE_POSTS);
        employerName = `${p.employer(county, r.pick(STREETS))}（公益性岗位：${p.post}）`;
        months = r.chance(0.75) ? 12 : 36;
        pay = r.int(16, 22) * 100;
        insurance = true;
        evidence = r.chance(0.6) ? "contract" : "payroll";
        break;
      }
      case "auxiliary": {
        const center = inPrefecture.find((o) => o.specials.includes(SPECIAL_STATUSES.auxiliary));
        if (center && r.chance(0.7)) organizationId = center.id;
        else employerName = `${county}阳光家园辅助性就业中心`;
        months = 12;
        pay = r.int(8, 15) * 100;
        insurance = r.chance(0.3);
        evidence = r.chance(0.5) ? "contract" : "visit";
        note = "在就业辅导员指导下从事手工和包装，每天 4 小时。";
        break;
      }
      case "flexible": {
        employerName = r.pick([
          "灵活就业：居家客服（为电商平台远程接单）",
          `灵活就业：社区手工（居家${local.craft}计件）`,
          "灵活就业：居家数据标注（按件计酬）",
          "灵活就业：家政钟点工",
          "灵活就业：社区快递驿站代收",
        ]);
        months = r.chance(0.4) ? r.pick([6, 12]) : null;
        pay = r.int(12, 32) * 100;
        insurance = r.chance(0.25);
        evidence = r.weighted([["payroll", 3], ["visit", 3], ["other", 2]] as const);
        if (evidence === "other") note = "提供了平台结算记录截图。";
        break;
      }
      case "concentrated": {
        const unit = inPrefecture.filter((o) => o.specials.includes(SPECIAL_STATUSES.concentrated) || o.specials.includes(SPECIAL_STATUSES.blindMassage));
        const massage = unit.find((o) => o.specials.includes(SPECIAL_STATUSES.blindMassage));
        const pickUnit = s.category === "vision" && massage ? massage : unit.length && r.chance(0.75) ? r.pick(unit) : null;
        if (pickUnit) organizationId = pickUnit.id;
        else employerName = CONCENTRATED_OFF_PLATFORM[pref] ?? "贵阳市盲人按摩医院";
        months = r.pick([12, 24, 36]);
        pay = r.int(22, 40) * 100;
        insurance = true;
        evidence = r.chance(0.5) ? "social_insurance" : "contract";
        break;
      }
      case "proportional":
      default: {
        const enterprises = inPrefecture.filter((o) => o.type === "enterprise" && o.specials.length === 0);
        if (enterprises.length) organizationId = r.pick(enterprises).id;
        else employerName = `${county}${r.pick(["建材", "商贸", "物业"])}有限公司`;
        months = r.chance(0.12) ? null : r.pick([12, 24, 36]);
        pay = r.int(26, 48) * 100;
        insurance = true;
        evidence = r.chance(0.6) ? "social_insurance" : "contract";
        note = "本人通过亲友介绍入职，单位提供了劳动合同和社保缴费记录。";
        break;
      }
    }
    const end = months === null ? null : addMonths(start, months, -1);
    const createdDay = minDay(addDays(start, r.int(0, 20)), addDays(ANCHOR_DAY, -1));
    const createdAt = at(r, createdDay);
    recorded.push({
      organization_id: organizationId,
      employer_name: employerName,
      seeker_id: s.id,
      application_id: null,
      vacancy_id: null,
      contract_start: start,
      contract_end: end,
      contract_months: months,
      social_insurance: insurance,
      monthly_pay: pay,
      disability_grade: s.grade,
      form,
      origin: "recorded",
      evidence,
      evidence_note: note,
      created_by: recorder,
      created_at: createdAt,
      updated_at: createdAt,
    });
    jobs.push({ seekerId: s.id, organizationId, form, start, end, endedOn: null });
    used.add(s.id);
  };

  const score = (form: EmploymentForm, s: Seeker, graduatesLeft: number): number => {
    let v = empRng.float();
    const grad = s.graduationYear === 2026;
    if (grad) v += graduatesLeft > 0 && ["flexible", "proportional", "public_welfare", "self_employed"].includes(form) ? 1.5 : -3;
    if (form === "rural") v += s.residence === "rural" ? 2 : -1;
    if (form === "auxiliary") v += ["intellectual", "mental", "multiple"].includes(s.category) ? 2.5 : -1;
    if (form === "concentrated" && s.category === "vision") v += 1.5;
    if (form === "flexible" && s.wantsRemote) v += 0.8;
    if (form === "self_employed" && s.category === "vision") v += 0.6;
    return v;
  };

  for (const [pi, pref] of PREFECTURES.entries()) {
    const pool = seekers.filter((s) => s.prefecture === pref && !used.has(s.id) && s.registered <= addDays(ANCHOR_DAY, -12));
    const n = Math.min(14, Math.max(6, Math.round(pool.length * 0.18)));
    const forms = [...BASE_FORMS.slice(pi % 7), ...BASE_FORMS.slice(0, pi % 7)];
    while (forms.length < n) forms.push(empRng.weighted(EXTRA_FORMS));
    let graduatesLeft = Math.ceil(pool.filter((s) => s.graduationYear === 2026).length / 2);
    for (const form of forms.slice(0, n)) {
      const candidates = pool.filter((s) => !used.has(s.id));
      if (candidates.length <= 3) break; // leave some for the households
      const best = candidates.map((s) => ({ s, v: score(form, s, graduatesLeft) })).sort((a, b) => b.v - a.v)[0]!.s;
      if (best.graduationYear === 2026) graduatesLeft--;
      newJob(best, form, caseloadOf(best) ?? staffOf(pref));
    }
  }

  // 5. Provincial bodies (before the checks: their employees are checked too) -----------------------------------
  const bodyRng = new Random(SEED + 5);
  const bodies: Insertable<OrganizationTable>[] = PROVINCIAL_BODIES.map((b, i) => {
    const createdAt = new Date(ANCHOR - bodyRng.int(200, 400) * DAY);
    return {
      id: randomUUID(),
      name: b.name,
      uscc: ctx.bodyUsccs[i]!,
      type: b.type,
      region_code: b.county,
      address: `贵阳市${divisionName.get(b.county) ?? ""}${bodyRng.pick(["中华北路", "宝山北路", "林城东路", "北京路", "省府路"])}${bodyRng.int(1, 300)}号`,
      industry: b.industry,
      staff_count: b.staff,
      contact_name: `${bodyRng.pick(SPOUSE_SURNAMES)}${bodyRng.pick(FAMILY_NAMES.female.older)}`,
      contact_phone: null,
      contact_email: null,
      special_statuses: [],
      provincial_body_kinds: [...b.kinds],
      status: "verified" as const,
      reviewed_by: provinceAdmin,
      reviewed_at: new Date(createdAt.getTime() + 2 * DAY),
      created_by: provinceAdmin,
      created_at: createdAt,
      updated_at: new Date(createdAt.getTime() + 2 * DAY),
    };
  });
  await trx.insertInto("organization").values(bodies).execute();
  const bodyPool = seekers.filter((s) => s.prefecture === "520100" && !used.has(s.id) && s.graduationYear === null && s.registered <= "2026-06-30");
  for (const [i, b] of PROVINCIAL_BODIES.entries()) {
    const count = b.employs === "two_records" ? 2 : b.employs === "record" ? 1 : 0;
    for (let k = 0; k < count && bodyPool.length; k++) {
      const s = bodyPool.splice(bodyRng.int(0, bodyPool.length - 1), 1)[0]!;
      const start = bodyRng.chance(0.5) ? randomDay(bodyRng, maxDay(addDays(s.registered, 7), "2026-01-05"), "2026-09-30") : randomDay(bodyRng, maxDay(addDays(s.registered, 7), "2025-03-01"), "2025-12-20");
      const months = bodyRng.chance(0.3) ? null : 36;
      const end = months === null ? null : addMonths(start, months, -1);
      const createdAt = at(bodyRng, minDay(addDays(start, bodyRng.int(1, 15)), addDays(ANCHOR_DAY, -1)));
      recorded.push({
        organization_id: bodies[i]!.id!,
        employer_name: null,
        seeker_id: s.id,
        application_id: null,
        vacancy_id: null,
        contract_start: start,
        contract_end: end,
        contract_months: months,
        social_insurance: true,
        monthly_pay: bodyRng.int(38, 60) * 100,
        disability_grade: s.grade,
        form: "proportional",
        origin: "recorded",
        evidence: "social_insurance",
        evidence_note: "单位人事处报送，附社保缴费记录。",
        created_by: provinceAdmin,
        created_at: createdAt,
        updated_at: createdAt,
      });
      jobs.push({ seekerId: s.id, organizationId: bodies[i]!.id!, form: "proportional", start, end, endedOn: null });
      used.add(s.id);
    }
  }
  // One body counts its disabled employee by an approved quota declaration only (someone without an account here).
  for (const [i, b] of PROVINCIAL_BODIES.entries()) {
    if (b.employs !== "declaration") continue;
    const first17 = `520103${"1978-05-12".replaceAll("-", "")}043`;
    const idNumber = first17 + idCheckCharacter(first17);
    const employee = { fullName: "周建华", kind: "disabled" as const, certificateNumber: `${idNumber}43`, grade: 3, contractStart: "2019-03-01", contractEnd: null, insuranceMonths: 12, monthlyPay: 5600 };
    const monthlyStaff = Array.from({ length: 12 }, (_, m) => b.staff - 4 + (m % 5));
    const salaryTotal = b.staff * 126_000;
    const levy = await levyForDeclaration(trx, { levyYear: 2026, organizationType: b.type, monthlyStaff, salaryTotal, employees: [employee] });
    if (!levy.ok) throw new Error(`seed: the provincial body's declaration: ${JSON.stringify(levy.fieldErrors)}`);
    const submittedAt = new Date(Date.parse("2026-04-20T10:30:00+08:00"));
    const declaration = await trx
      .insertInto("quota_declaration")
      .values({
        organization_id: bodies[i]!.id!,
        levy_year: 2026,
        monthly_staff: monthlyStaff,
        salary_total: salaryTotal.toFixed(2),
        status: "approved",
        result: JSON.stringify(levy.value),
        submitted_at: submittedAt,
        reviewed_by: provinceAdmin,
        reviewed_at: new Date(submittedAt.getTime() + 6 * DAY),
        created_by: provinceAdmin,
        created_at: new Date(submittedAt.getTime() - 2 * DAY),
        updated_at: new Date(submittedAt.getTime() + 6 * DAY),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("quota_declaration_employee")
      .values({
        declaration_id: declaration.id,
        full_name: employee.fullName,
        kind: employee.kind,
        certificate_number: employee.certificateNumber,
        grade: employee.grade,
        contract_start: employee.contractStart,
        contract_end: null,
        insurance_months: employee.insuranceMonths,
        monthly_pay: employee.monthlyPay,
      })
      .execute();
  }
  result.bodies = bodies.length;
  await insertBatches(recorded, (b) => trx.insertInto("employment").values(b).execute());
  result.recorded = recorded.length;
  log(`seed: ${result.classified} platform hires given their form, ${result.recorded} jobs found off the platform recorded`);
  log(`seed: ${result.bodies} provincial bodies flagged (${PROVINCIAL_BODIES.filter((b) => b.employs === "none").length} employ no disabled person)`);

  /** The job someone holds on a day (started, not past its end, not ended), the latest start first. */
  const jobOn = (seekerId: string, day: string): Job | null =>
    jobs
      .filter((j) => j.seekerId === seekerId && j.start <= day && (j.end === null || j.end >= day) && (j.endedOn === null || j.endedOn > day))
      .sort((a, b) => b.start.localeCompare(a.start))[0] ?? null;

  // 4. Households -----------------------------------------------------------------------------------------------
  const hhRng = new Random(SEED + 4);
  const households: Insertable<HouseholdTable>[] = [];
  const members: Insertable<HouseholdMemberTable>[] = [];
  const zeroFamily: string[] = [];
  const recordedBy = new Map(recorded.map((r) => [r.seeker_id!, r]));
  const bornIn = (s: Seeker) => Number(s.birthDate.slice(0, 4));
  const birth = (year: number) => `${year}-${String(hhRng.int(1, 12)).padStart(2, "0")}-${String(hhRng.int(1, 28)).padStart(2, "0")}`;
  const person = (surname: string, gender: "male" | "female", year: number) => surname + hhRng.pick(FAMILY_NAMES[gender][year < 1995 ? "older" : "younger"]);

  const addHousehold = (s: Seeker, kind: "zero" | "cleared_self" | "cleared_family", recorder: string) => {
    const id = randomUUID();
    const surname = s.name.slice(0, 1);
    const by = bornIn(s);
    const family: Array<{ name: string; gender: "male" | "female"; birth_date: string; relation: string; employed: boolean }> = [];
    if (2026 - by < 32) {
      const fatherYear = by - hhRng.int(24, 30);
      family.push({ name: person(surname, "male", fatherYear), gender: "male", birth_date: birth(fatherYear), relation: "parent", employed: false });
      const motherYear = by - hhRng.int(22, 28);
      family.push({ name: person(hhRng.pick(SPOUSE_SURNAMES), "female", motherYear), gender: "female", birth_date: birth(motherYear), relation: "parent", employed: false });
      if (hhRng.chance(0.5) || kind === "cleared_family") {
        const sibYear = kind === "cleared_family" ? Math.min(by + hhRng.int(-4, 3), 2004) : by + hhRng.int(4, 12);
        const g = hhRng.chance(0.5) ? "male" : "female";
        family.push({ name: person(surname, g, sibYear), gender: g, birth_date: birth(sibYear), relation: "sibling", employed: false });
      }
    } else {
      const spouseGender = s.gender === "male" ? "female" : "male";
      const spouseYear = by + hhRng.int(-3, 3);
      family.push({ name: person(hhRng.pick(SPOUSE_SURNAMES), spouseGender, spouseYear), gender: spouseGender, birth_date: birth(spouseYear), relation: "spouse", employed: false });
      const childYear = Math.min(by + hhRng.int(23, 30), 2022);
      const cg = hhRng.chance(0.5) ? "male" : "female";
      family.push({ name: person(surname, cg, childYear), gender: cg, birth_date: birth(childYear), relation: "child", employed: false });
      if (by >= 1978 && hhRng.chance(0.6)) {
        const pYear = by - hhRng.int(25, 30);
        const pg = hhRng.chance(0.5) ? "male" : "female";
        family.push({ name: person(surname, pg, pYear), gender: pg, birth_date: birth(pYear), relation: "parent", employed: false });
      }
    }
    if (kind === "cleared_family") {
      // Someone of working age found work: the spouse, else an adult sibling or a parent.
      const worker = family.find((m) => isWorkingAge(m.gender, m.birth_date, ANCHOR_DAY));
      if (worker) worker.employed = true;
      else family.push({ name: person(surname, "male", by - 2), gender: "male", birth_date: birth(Math.min(by - 2, 2004)), relation: "sibling", employed: true });
    }
    // The head of the household: the father of a young person, else the person or their husband.
    const head =
      family.find((m) => m.relation === "parent" && m.gender === "male" && 2026 - by < 32)?.name ??
      (s.gender === "female" ? family.find((m) => m.relation === "spouse")?.name : undefined) ??
      s.name;
    const consentOn = randomDay(hhRng, maxDay(addDays(s.registered, 3), "2026-02-10"), "2026-09-25");
    const visit = consentOn.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1 年 $2 月 $3 日");
    const consentNote = hhRng.pick([
      `户主${head}同意记录家庭就业情况，${consentOn} 入户走访时口头同意并签字。`,
      `${head}代表全家同意登记家庭成员的就业情况，${visit}在社区服务站签署了知情同意书。`,
      `${visit}电话联系户主${head}，同意记录家庭就业情况；入户走访时补签了书面同意。`,
    ]);
    const createdAt = at(hhRng, consentOn);
    households.push({ id, region_code: s.place, consent_note: consentNote, consent_on: consentOn, created_by: recorder, created_at: createdAt, updated_at: createdAt });
    members.push({ household_id: id, seeker_id: s.id, relation: "self", created_at: createdAt });
    for (const m of family) members.push({ household_id: id, seeker_id: null, name: m.name, gender: m.gender, birth_date: m.birth_date, employed: m.employed, relation: m.relation, created_at: createdAt });
    if (kind === "zero") zeroFamily.push(s.id);
    used.add(s.id);
  };

  const inHousehold = new Set<string>();
  for (const pref of PREFECTURES) {
    const recorder = staffOf(pref);
    const free = seekers.filter((s) => s.prefecture === pref && !used.has(s.id) && !employedEver.has(s.id) && s.registered <= "2026-09-20");
    // People on a caseload first, so the counselors' zero-employment filter has someone to show.
    const ordered = [...free.filter((s) => assigned.has(s.id)), ...hhRng.shuffle(free.filter((s) => !assigned.has(s.id)))];
    const kinds: Array<"zero" | "cleared_family"> = pref === "520100" || pref === PLAN_DEMO_PREFECTURE ? ["zero", "zero", "zero", "cleared_family"] : ["zero", "zero", "cleared_family"];
    for (const kind of kinds) {
      const s = ordered.shift();
      if (!s) break;
      addHousehold(s, kind, caseloadOf(s) ?? recorder);
      inHousehold.add(s.id);
    }
    // A family that was zero-employment until the person's job this year (a public-welfare post when there is one).
    const clearedBy = seekers
      .filter((s) => s.prefecture === pref && recordedBy.has(s.id) && !inHousehold.has(s.id))
      .map((s) => ({ s, r: recordedBy.get(s.id)! }))
      .filter(({ r }) => r.contract_start >= "2026-01-01" && (r.contract_end === null || r.contract_end! >= ANCHOR_DAY))
      .sort((a, b) => Number(b.r.form === "public_welfare") - Number(a.r.form === "public_welfare") || a.s.phone.localeCompare(b.s.phone))[0];
    if (clearedBy) {
      addHousehold(clearedBy.s, "cleared_self", caseloadOf(clearedBy.s) ?? recorder);
      inHousehold.add(clearedBy.s.id);
    }
  }
  await insertBatches(households, (b) => trx.insertInto("household").values(b).execute());
  await insertBatches(members, (b) => trx.insertInto("household_member").values(b).execute());
  result.households = households.length;
  result.members = members.length;
  log(`seed: ${result.households} households (${zeroFamily.length} zero-employment) with ${result.members} members`);

  // 3. Real-name checks -----------------------------------------------------------------------------------------
  const vRng = new Random(SEED + 3);
  const checks: Insertable<RealNameVerificationTable>[] = [];
  const unable = new Set(seekers.filter((s) => s.grade === 1 && ["intellectual", "mental", "multiple"].includes(s.category) && !employedEver.has(s.id) && !recordedBy.has(s.id)).map((s) => s.id));
  const check = (s: Seeker, day: string, by: string) => {
    const job = jobOn(s.id, day);
    const status = job ? "employed" : s.graduationYear !== null && day < `${s.graduationYear}-07-01` ? "student" : unable.has(s.id) ? "unable" : "unemployed";
    const training: TrainingKind[] = [];
    const services: ServiceType[] = [];
    if (status === "employed") {
      services.push("follow_up_visit");
      if (job!.form === "self_employed" && vRng.chance(0.5)) training.push("entrepreneurship");
    } else if (status === "unemployed") {
      services.push(vRng.pick(["job_introduction", "career_guidance"] as const));
      if (vRng.chance(0.3)) services.push("training_referral");
      if (vRng.chance(0.6)) {
        training.push(
          s.category === "vision"
            ? vRng.pick(["blind_health_massage", "blind_medical_massage"] as const)
            : s.residence === "rural"
              ? "rural_practical"
              : s.graduationYear !== null
                ? vRng.pick(["online_remote", "continuing_education"] as const)
                : vRng.pick(["urban_vocational", "online_remote", "entrepreneurship"] as const),
        );
      }
    } else if (status === "student") {
      services.push("career_guidance");
    } else {
      services.push("follow_up_visit");
    }
    const note =
      status === "unable"
        ? "经家属确认，目前无劳动能力，已转介托养服务。"
        : vRng.pick(["电话核实，信息无变化。", "入户走访核实。", "本人到社区服务站核实，更新了联系方式。", "", "", "与家属电话核实。"]);
    const createdAt = at(vRng, day);
    checks.push({
      seeker_id: s.id,
      verified_by: by,
      verified_on: day,
      employment_status: status,
      employment_form: job ? job.form : null,
      training_needs: training,
      service_needs: services,
      note,
      created_at: createdAt,
    });
  };
  const QUARTERS = [
    { start: "2026-01-05", end: "2026-03-31", p: 0.3 },
    { start: "2026-04-01", end: "2026-06-30", p: 0.45 },
    { start: "2026-07-01", end: "2026-09-30", p: 0.55 },
  ];
  for (const pref of PREFECTURES) {
    const people = seekers.filter((s) => s.prefecture === pref && s.hasCertificate && !reserved.has(s.id));
    const by = staffOf(pref);
    for (const s of people) {
      const verifier = caseloadOf(s) ?? by;
      let any = false;
      for (const q of QUARTERS) {
        const from = maxDay(q.start, addDays(s.registered, 1));
        if (from > addDays(q.end, -5) || !vRng.chance(q.p)) continue;
        check(s, randomDay(vRng, from, addDays(q.end, -2)), verifier);
        any = true;
      }
      const from = maxDay("2026-07-01", addDays(s.registered, 1));
      if (!any && from <= "2026-09-25" && vRng.chance(0.6)) check(s, randomDay(vRng, from, "2026-09-28"), verifier);
    }
    // This quarter: 40–70% of the prefecture.
    const share = 0.4 + vRng.float() * 0.3;
    const thisQuarter = vRng.shuffle(people).slice(0, Math.round(people.length * share));
    for (const s of thisQuarter.sort((a, b) => a.phone.localeCompare(b.phone))) {
      const from = maxDay("2026-10-08", addDays(s.registered, 1));
      if (from > addDays(ANCHOR_DAY, -1)) continue;
      check(s, randomDay(vRng, from, addDays(ANCHOR_DAY, -1)), caseloadOf(s) ?? by);
    }
  }
  // The demo seeker 李明: checked last quarter, not yet this one.
  const liMing = demoSeekerId ? seekerById.get(demoSeekerId) : undefined;
  if (liMing) check(liMing, "2026-08-18", caseloadOf(liMing) ?? staffOf(liMing.prefecture));
  await insertBatches(checks, (b) => trx.insertInto("real_name_verification").values(b).execute());
  result.verifications = checks.length;
  log(`seed: ${result.verifications} real-name checks (${checks.filter((c) => c.verified_on >= "2026-10-01").length} this quarter)`);

  // Profiles: employed when a job is held today; the zero-employment families say so.
  const employedNow = [...new Set(recorded.map((r) => r.seeker_id!))].filter((id) => jobOn(id, ANCHOR_DAY));
  if (employedNow.length) await trx.updateTable("seeker_profile").set({ employment_status: "employed" }).where("user_id", "in", employedNow).execute();
  if (zeroFamily.length) await trx.updateTable("seeker_profile").set({ zero_employment_family: true }).where("user_id", "in", zeroFamily).execute();
}
