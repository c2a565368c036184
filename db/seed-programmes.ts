/**
 * The programmes demo (issue 14): what the plan's programme indicators are computed from, in every prefecture.
 *
 * - Designations (培训基地, 集中就业示范点, 扶贫/创业基地, 辅助性就业机构 and 示范机构, 盲人按摩机构, 文创基地) of demo
 *   organizations in all nine prefectures, with support records. Only a few counties get an auxiliary-employment
 *   institution, so most stay uncovered (in 贵阳市 only 云岩区 is covered).
 * - Courses of every kind across the prefectures in 2026, given by the designated training bases: most have ended, with
 *   completions (a subsidy for each, certificates for some, shown on the profile for some of those), a few people not
 *   completing; one course in December with its places taken and a waitlist. Rural trainees are mostly recorded as
 *   poor households (with consent), so the rural figure counts them. Blind massage trainees include people whose job
 *   (recorded by the plan demo) started after they completed, so "newly employed" has something to count.
 * - Entrepreneurs: businesses of the demo seekers who are self-employed or farm (from their employment records), with
 *   support (start-up subsidy, guaranteed loan and its interest subsidy, incubation) and the 2026 check.
 * - Staff training: community employment instructors in every prefecture (some trained twice), and the two demo counselors.
 * - A skills competition in 贵阳 in December (published) with two categories, a pool of judges assigned to them, entries.
 * - The demo period's targets (2026–2030) for these indicators.
 *
 * Nobody on the demo counselor's (王芳, 贵阳市) caseload, nor the demo seeker 李明, is enrolled, enters or owns a business:
 * the end-to-end tests use them. A blind seeker of 贵阳 is added to that caseload if it has none, for the e2e to enrol.
 *
 * Deterministic (mulberry32; only generated ids differ) and idempotent: written once in one transaction, marked by the
 * first designation's decision number; the targets keep what is there.
 */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { DB } from "./database";
import type {
  BusinessCheckTable,
  BusinessOwnerTable,
  BusinessSupportTable,
  BusinessTable,
  CourseEnrolmentTable,
  CourseTable,
  DesignationKind,
  InstitutionSupportKind,
  TrainingCertificateTable,
  TrainingKind,
  TrainingSubsidyTable,
} from "./schema";
import {
  DEMO_ANCHOR,
  DEMO_SEEKER_PHONE_PREFIX,
  demoUsccs,
  DEMO_ORGANIZATIONS,
  mulberry32,
} from "./seed-demo";
import { DEMO_PERIOD, PLAN_DEMO_PHONES } from "./seed-plan";
import type { IndicatorCode } from "../app/domain/statistics/contract";

const SEED = 20261214;
const DAY = 86_400_000;
/** The demo's "today" (Asia/Shanghai). */
const TODAY = new Date(DEMO_ANCHOR.getTime() + 8 * 3_600_000)
  .toISOString()
  .slice(0, 10);
/** The idempotency mark: the first designation written. */
export const PROGRAMMES_MARK = "黔残联函〔2026〕101号";

export const PROGRAMME_PREFECTURES = [
  "520100",
  "520200",
  "520300",
  "520400",
  "520500",
  "520600",
  "522300",
  "522600",
  "522700",
] as const;

/** The demo period's province targets for the programme indicators (db/seed-plan.ts has the others). */
export const PROGRAMME_PERIOD_TARGETS: ReadonlyArray<{
  indicator: IndicatorCode;
  value: number;
}> = [
  { indicator: "training_urban", value: 20_000 },
  { indicator: "training_rural", value: 30_000 },
  { indicator: "blind_massage_trained", value: 2_000 },
  { indicator: "blind_massage_employed", value: 1_500 },
  { indicator: "blind_medical_massage_trained", value: 200 },
  { indicator: "demonstration_sites", value: 500 },
  { indicator: "entrepreneur_households", value: 5_000 },
  { indicator: "auxiliary_demonstration_institutions", value: 10 },
  { indicator: "auxiliary_county_coverage", value: 1 },
  { indicator: "instructors_trained", value: 300 },
];

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY)
    .toISOString()
    .slice(0, 10);
}
const minDay = (a: string, b: string) => (a < b ? a : b);
const at = (s: string) => new Date(`${s}+08:00`);

// ---------------------------------------------------------------------------------------------------------------
// Designations: [organization name, kinds, decision month]. Decision numbers are the province's (黔残联函) or, for
// 遵义, the prefecture's (遵残联函).

const DESIGNATIONS: ReadonlyArray<
  readonly [string, readonly DesignationKind[]]
> = [
  // 贵阳市: 云岩区 is the only county covered by an auxiliary institution.
  ["贵阳市南明区明目盲人按摩店", ["training_base", "blind_massage_health"]],
  ["清镇市职教城后勤服务有限公司", ["training_base"]],
  ["贵阳市云岩区阳光家园辅助性就业中心", ["auxiliary", "auxiliary_demo"]],
  ["贵州云上数据标注有限公司", ["concentrated_demo"]],
  ["贵州黔味源食品有限公司", ["concentrated_demo", "poverty_startup_base"]],
  // 六盘水市
  [
    "六盘水凉都电商产业园运营有限公司",
    ["training_base", "poverty_startup_base"],
  ],
  ["六盘水市钟山区荷城街道社区服务中心", ["auxiliary"]],
  // 遵义市
  [
    "遵义市红花岗区盲人按摩中心",
    ["training_base", "blind_massage_health", "blind_massage_medical"],
  ],
  ["遵义市播州区残疾人康复中心", ["auxiliary"]],
  ["湄潭县翠芽茶业有限公司", ["poverty_startup_base"]],
  ["遵义汇川精密电子有限公司", ["concentrated_demo"]],
  // 安顺市
  [
    "安顺黔艺蜡染工艺品有限公司",
    ["training_base", "concentrated_demo", "cultural_creative"],
  ],
  ["安顺市平坝区阳光家园辅助性就业中心", ["auxiliary"]],
  // 毕节市
  [
    "毕节市残疾人辅助性就业服务中心",
    ["training_base", "auxiliary", "auxiliary_demo"],
  ],
  ["威宁县高原农业发展有限公司", ["training_base", "poverty_startup_base"]],
  ["金沙县康乐盲人按摩店", ["training_base", "blind_massage_health"]],
  ["黔西市织锦服饰有限公司", ["concentrated_demo"]],
  // 铜仁市
  ["铜仁梵韵茶业有限公司", ["training_base", "poverty_startup_base"]],
  ["铜仁万山数字经济服务有限公司", ["concentrated_demo"]],
  ["松桃苗绣文化发展有限公司", ["cultural_creative", "poverty_startup_base"]],
  ["思南县中医医院", ["training_base", "blind_massage_medical"]],
  // 黔西南州
  ["兴义市万峰林酒店管理有限公司", ["training_base", "concentrated_demo"]],
  ["兴仁市薏品食品有限公司", ["poverty_startup_base"]],
  // 黔东南州
  ["凯里市特殊教育学校", ["training_base", "auxiliary"]],
  ["凯里市苗韵银饰工艺品有限公司", ["cultural_creative"]],
  ["雷山县苗岭旅游文化有限公司", ["cultural_creative", "poverty_startup_base"]],
  // 黔南州
  ["黔南数智云服务有限公司", ["training_base", "concentrated_demo"]],
  ["福泉市阳光家园辅助性就业中心", ["auxiliary", "auxiliary_demo"]],
  ["惠水县好花红刺绣工坊", ["cultural_creative"]],
];

const SUPPORT_KINDS: Partial<
  Record<DesignationKind, readonly InstitutionSupportKind[]>
> = {
  concentrated_demo: ["post_subsidy", "social_insurance_subsidy", "equipment"],
  poverty_startup_base: ["startup_funds", "premises", "equipment"],
  auxiliary: ["premises", "utilities", "equipment", "post_subsidy"],
  auxiliary_demo: ["startup_funds", "equipment"],
  blind_massage_health: ["premises", "equipment", "social_insurance_subsidy"],
  blind_massage_medical: ["equipment"],
  cultural_creative: ["premises", "startup_funds"],
};

// ---------------------------------------------------------------------------------------------------------------
// Courses: title, kind, provider, region, dates, online, capacity, subsidy per trainee, how many to enrol.

interface CourseDef {
  title: string;
  kind: TrainingKind;
  provider: string;
  region: string;
  startsOn: string;
  endsOn: string;
  online?: boolean;
  capacity: number;
  subsidy: number;
  /** Where the trainees live: the course's prefecture, or the province for online courses. */
  trainees: number;
  arrangements: string[];
  description: string;
  certificate?: {
    kind: "vocational_qualification" | "skill_level" | "training_completion";
    name: string;
    level?: string;
    issuer: string;
  };
}

const COURSES: readonly CourseDef[] = [
  {
    title: "2026 年盲人保健按摩初级班（贵阳）",
    kind: "blind_health_massage",
    provider: "贵阳市南明区明目盲人按摩店",
    region: "520102",
    startsOn: "2026-03-02",
    endsOn: "2026-05-29",
    capacity: 16,
    subsidy: 3000,
    trainees: 8,
    arrangements: ["braille_large_print", "guide_service", "step_free_venue"],
    description:
      "保健按摩基础理论、经络穴位与常用手法，配盲文和大字版教材、语音课件，结业后参加保健按摩师（五级）鉴定。",
    certificate: {
      kind: "vocational_qualification",
      name: "保健按摩师",
      level: "五级/初级工",
      issuer: "贵州省残疾人职业技能鉴定站",
    },
  },
  {
    title: "盲人保健按摩中级班（遵义）",
    kind: "blind_health_massage",
    provider: "遵义市红花岗区盲人按摩中心",
    region: "520302",
    startsOn: "2026-04-06",
    endsOn: "2026-07-10",
    capacity: 12,
    subsidy: 3200,
    trainees: 5,
    arrangements: ["braille_large_print", "guide_service"],
    description: "面向已有基础的学员，提升推拿手法与顾客沟通，含门店实习两周。",
    certificate: {
      kind: "vocational_qualification",
      name: "保健按摩师",
      level: "四级/中级工",
      issuer: "贵州省残疾人职业技能鉴定站",
    },
  },
  {
    title: "盲人保健按摩培训班（凯里）",
    kind: "blind_health_massage",
    provider: "凯里市特殊教育学校",
    region: "522601",
    startsOn: "2026-03-16",
    endsOn: "2026-06-30",
    capacity: 20,
    subsidy: 3000,
    trainees: 10,
    arrangements: [
      "braille_large_print",
      "guide_service",
      "accessible_toilets",
    ],
    description: "保健按摩基础与实操，学校提供住宿和定向行走辅导。",
    certificate: {
      kind: "training_completion",
      name: "盲人保健按摩培训结业证书",
      issuer: "凯里市特殊教育学校",
    },
  },
  {
    title: "盲人保健按摩培训班（毕节）",
    kind: "blind_health_massage",
    provider: "金沙县康乐盲人按摩店",
    region: "520523",
    startsOn: "2026-04-13",
    endsOn: "2026-06-30",
    capacity: 8,
    subsidy: 2800,
    trainees: 3,
    arrangements: ["braille_large_print", "guide_service"],
    description: "小班教学，在按摩店内边学边练。",
  },
  {
    title: "盲人医疗按摩提高班",
    kind: "blind_medical_massage",
    provider: "思南县中医医院",
    region: "520624",
    startsOn: "2026-05-11",
    endsOn: "2026-09-30",
    capacity: 10,
    subsidy: 5000,
    trainees: 3,
    arrangements: [
      "braille_large_print",
      "guide_service",
      "step_free_venue",
      "accessible_toilets",
    ],
    description:
      "中医基础、常见病推拿治疗与临床见习，为参加盲人医疗按摩人员考试做准备。学员可来自全省。",
    certificate: {
      kind: "training_completion",
      name: "盲人医疗按摩培训结业证书",
      issuer: "思南县中医医院",
    },
  },
  {
    title: "盲人医疗按摩培训（遵义）",
    kind: "blind_medical_massage",
    provider: "遵义市红花岗区盲人按摩中心",
    region: "520302",
    startsOn: "2026-08-03",
    endsOn: "2026-10-30",
    capacity: 8,
    subsidy: 4500,
    trainees: 3,
    arrangements: ["braille_large_print", "guide_service"],
    description: "医疗按摩理论与临床实践，与遵义市中医院合作见习。",
  },
  {
    title: "电商客服技能培训（线上）",
    kind: "online_remote",
    provider: "六盘水凉都电商产业园运营有限公司",
    region: "520204",
    startsOn: "2026-03-09",
    endsOn: "2026-04-17",
    online: true,
    capacity: 40,
    subsidy: 1200,
    trainees: 12,
    arrangements: ["captions"],
    description:
      "网店客服话术、售后处理和客服系统操作，全程线上直播并提供字幕和回放，适合居家就业。",
    certificate: {
      kind: "training_completion",
      name: "电商客服技能培训结业证书",
      issuer: "六盘水凉都电商产业园运营有限公司",
    },
  },
  {
    title: "数据标注远程培训",
    kind: "online_remote",
    provider: "黔南数智云服务有限公司",
    region: "522730",
    startsOn: "2026-06-01",
    endsOn: "2026-07-15",
    online: true,
    capacity: 30,
    subsidy: 1500,
    trainees: 10,
    arrangements: ["captions"],
    description:
      "图像与语音数据标注规范、质检流程，结业后优先推荐到公司远程岗位。",
  },
  {
    title: "酒店服务技能培训",
    kind: "urban_vocational",
    provider: "兴义市万峰林酒店管理有限公司",
    region: "522301",
    startsOn: "2026-04-20",
    endsOn: "2026-05-29",
    capacity: 20,
    subsidy: 1800,
    trainees: 6,
    arrangements: [
      "sign_language_interpreters",
      "step_free_venue",
      "accessible_toilets",
    ],
    description: "客房服务、布草整理和前台接待，课堂配手语翻译。",
    certificate: {
      kind: "skill_level",
      name: "客房服务员",
      level: "五级/初级工",
      issuer: "黔西南州职业技能鉴定中心",
    },
  },
  {
    title: "蜡染与手工艺品制作培训",
    kind: "urban_vocational",
    provider: "安顺黔艺蜡染工艺品有限公司",
    region: "520402",
    startsOn: "2026-05-06",
    endsOn: "2026-06-26",
    capacity: 15,
    subsidy: 2000,
    trainees: 5,
    arrangements: ["step_free_venue", "quiet_room"],
    description: "传统蜡染工艺与文创产品设计，结业学员可在公司计件加工。",
  },
  {
    title: "中式面点制作培训",
    kind: "urban_vocational",
    provider: "清镇市职教城后勤服务有限公司",
    region: "520181",
    startsOn: "2026-06-08",
    endsOn: "2026-07-31",
    capacity: 20,
    subsidy: 2200,
    trainees: 10,
    arrangements: [
      "sign_language_interpreters",
      "step_free_venue",
      "accessible_toilets",
    ],
    description:
      "包子、馒头、米粉等面点制作与食品安全，结业后参加中式面点师（五级）鉴定。",
    certificate: {
      kind: "skill_level",
      name: "中式面点师",
      level: "五级/初级工",
      issuer: "贵阳市职业技能鉴定中心",
    },
  },
  {
    title: "茶叶种植与加工实用技术",
    kind: "rural_practical",
    provider: "铜仁梵韵茶业有限公司",
    region: "520602",
    startsOn: "2026-03-23",
    endsOn: "2026-04-24",
    capacity: 30,
    subsidy: 800,
    trainees: 10,
    arrangements: ["step_free_venue"],
    description: "茶园管护、采摘标准和初制加工，在公司茶园现场教学。",
  },
  {
    title: "高原特色种养实用技术",
    kind: "rural_practical",
    provider: "威宁县高原农业发展有限公司",
    region: "520526",
    startsOn: "2026-04-07",
    endsOn: "2026-05-15",
    capacity: 30,
    subsidy: 800,
    trainees: 8,
    arrangements: [],
    description: "马铃薯、蔬菜种植和生猪养殖技术，每人结业后可领取种苗。",
  },
  {
    title: "食用菌种植实用技术",
    kind: "rural_practical",
    provider: "毕节市残疾人辅助性就业服务中心",
    region: "520502",
    startsOn: "2026-09-07",
    endsOn: "2026-10-16",
    capacity: 25,
    subsidy: 800,
    trainees: 6,
    arrangements: ["step_free_venue", "accessible_toilets"],
    description: "香菇、木耳大棚种植管理，中心提供菌棒。",
  },
  {
    title: "稻田综合种养实用技术（黔东南）",
    kind: "rural_practical",
    provider: "凯里市特殊教育学校",
    region: "522633",
    startsOn: "2026-05-18",
    endsOn: "2026-06-19",
    capacity: 30,
    subsidy: 800,
    trainees: 12,
    arrangements: [],
    description: "稻鱼鸭共生种养技术，在从江县示范田现场教学。",
  },
  {
    title: "残疾人创业培训（SYB）",
    kind: "entrepreneurship",
    provider: "清镇市职教城后勤服务有限公司",
    region: "520181",
    startsOn: "2026-09-07",
    endsOn: "2026-09-25",
    capacity: 25,
    subsidy: 1500,
    trainees: 8,
    arrangements: ["sign_language_interpreters", "step_free_venue"],
    description:
      "创业意识、市场评估、创业计划书和小微企业经营，结业后可申请一次性创业补贴和创业担保贷款。",
    certificate: {
      kind: "training_completion",
      name: "创业培训（SYB）合格证书",
      issuer: "贵阳市人力资源和社会保障局",
    },
  },
  {
    title: "网店创业实训",
    kind: "entrepreneurship",
    provider: "六盘水凉都电商产业园运营有限公司",
    region: "520204",
    startsOn: "2026-07-06",
    endsOn: "2026-08-07",
    capacity: 20,
    subsidy: 1500,
    trainees: 5,
    arrangements: ["captions", "step_free_venue"],
    description: "开设网店、商品拍摄、直播带货，产业园提供免费孵化工位三个月。",
  },
  {
    title: "继续教育：办公软件进阶",
    kind: "continuing_education",
    provider: "凯里市特殊教育学校",
    region: "522601",
    startsOn: "2026-05-11",
    endsOn: "2026-06-12",
    capacity: 20,
    subsidy: 600,
    trainees: 8,
    arrangements: [
      "sign_language_interpreters",
      "captions",
      "braille_large_print",
    ],
    description: "文字处理、表格和演示文稿，晚间上课，便于在职学员参加。",
  },
  {
    title: "继续教育：财会实务（遵义）",
    kind: "continuing_education",
    provider: "遵义市红花岗区盲人按摩中心",
    region: "520302",
    startsOn: "2026-09-14",
    endsOn: "2026-10-23",
    capacity: 15,
    subsidy: 600,
    trainees: 4,
    arrangements: ["step_free_venue"],
    description: "小微商户记账和报税，适合个体经营者。",
  },
];

/** A course in December: places taken, a waitlist — for the seats and waitlist pages. */
const UPCOMING: CourseDef = {
  title: "2026 年冬季电商直播技能培训",
  kind: "urban_vocational",
  provider: "清镇市职教城后勤服务有限公司",
  region: "520115",
  startsOn: "2026-12-14",
  endsOn: "2027-01-15",
  capacity: 8,
  subsidy: 2000,
  trainees: 10,
  arrangements: [
    "sign_language_interpreters",
    "captions",
    "step_free_venue",
    "accessible_toilets",
  ],
  description: "直播选品、镜头表达和直播间运营，课堂配手语翻译和实时字幕。",
};

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "吴",
  "赵",
  "周",
  "罗",
  "龙",
  "杨",
  "田",
  "石",
  "吴",
  "潘",
  "韦",
];
const GIVEN = [
  "建国",
  "桂芳",
  "晓燕",
  "志强",
  "德明",
  "春梅",
  "永福",
  "丽娟",
  "国华",
  "秀英",
  "明亮",
  "海燕",
  "光荣",
  "金花",
  "正平",
  "玉兰",
];

const JUDGES: ReadonlyArray<{
  name: string;
  organization: string;
  specialities: string[];
  region: string;
}> = [
  {
    name: "周文华",
    organization: "贵州省残疾人职业技能鉴定站",
    specialities: ["保健按摩", "医疗按摩"],
    region: "520000",
  },
  {
    name: "梁红",
    organization: "贵州中医药大学",
    specialities: ["医疗按摩", "推拿"],
    region: "520000",
  },
  {
    name: "孙立新",
    organization: "贵州省电子商务协会",
    specialities: ["电子商务", "网店运营"],
    region: "520000",
  },
  {
    name: "何静",
    organization: "贵阳职业技术学院",
    specialities: ["电子商务", "客户服务"],
    region: "520100",
  },
  {
    name: "袁国庆",
    organization: "贵阳市盲人按摩指导中心",
    specialities: ["保健按摩"],
    region: "520100",
  },
];

export interface ProgrammesDemoResult {
  designations: number;
  courses: number;
  enrolments: number;
  completions: number;
  businesses: number;
  instructors: number;
  competition: number;
  targets: number;
  /** The blind seeker of the demo counselor's caseload kept without a course (for the e2e). */
  blindSeeker: string | null;
}

interface Seeker {
  id: string;
  phone: string;
  name: string;
  place: string;
  residence: "urban" | "rural" | null;
  category: string | null;
  /** On someone's caseload. */
  assigned: boolean;
}

/**
 * Seeds the programmes demo once (see the file's comment). Needs the demo data, the demo accounts and the plan demo
 * (for the self-employed and the blind workers' jobs) first.
 */
export async function seedProgrammesDemo(
  db: DB,
  log: (line: string) => void = () => {}
): Promise<ProgrammesDemoResult> {
  const started = Date.now();
  const result: ProgrammesDemoResult = {
    designations: 0,
    courses: 0,
    enrolments: 0,
    completions: 0,
    businesses: 0,
    instructors: 0,
    competition: 0,
    targets: 0,
    blindSeeker: null,
  };
  const staff = await db
    .selectFrom("app_user")
    .select(["id", "phone", "display_name", "region_code"])
    .where("phone", "in", Object.values(PLAN_DEMO_PHONES))
    .execute();
  const admin = staff.find((u) => u.phone === PLAN_DEMO_PHONES.admin);
  const demoOrgs = await db
    .selectFrom("organization")
    .select(["id", "name", "region_code", "status"])
    .where("uscc", "in", demoUsccs())
    .execute();
  if (!admin || demoOrgs.length < DEMO_ORGANIZATIONS.length) {
    log("seed: programmes demo skipped (no demo data or no demo admin)");
    return result;
  }
  if (
    await db
      .selectFrom("designation")
      .select("id")
      .where("decision_number", "=", PROGRAMMES_MARK)
      .executeTakeFirst()
  ) {
    log("seed: programmes demo already present");
  } else {
    await db.transaction().execute(async (trx) => {
      if (
        await trx
          .selectFrom("designation")
          .select("id")
          .where("decision_number", "=", PROGRAMMES_MARK)
          .executeTakeFirst()
      )
        return;
      await writeProgrammes(trx, result, { admin: admin.id, staff, demoOrgs });
    });
    log(
      `seed: programmes: ${result.designations} designations, ${result.courses} courses with ${result.enrolments} enrolments (${result.completions} completed), ` +
        `${result.businesses} businesses, ${result.instructors} instructor trainings, ${result.competition} competition`
    );
    if (result.blindSeeker)
      log(
        `seed: ${result.blindSeeker} (blind, no course) added to the demo counselor's caseload`
      );
  }
  const targets = await db
    .insertInto("plan_target")
    .values(
      PROGRAMME_PERIOD_TARGETS.map((t) => ({
        indicator: t.indicator,
        period_start: DEMO_PERIOD.start,
        period_end: DEMO_PERIOD.end,
        region_code: "520000",
        target_value: String(t.value),
        source: DEMO_PERIOD.source,
        set_by: admin.id,
      }))
    )
    .onConflict((oc) =>
      oc.columns(["indicator", "period_start", "region_code"]).doNothing()
    )
    .returning("id")
    .execute();
  result.targets = targets.length;
  log(
    `seed: ${result.targets} new programme targets; programmes demo done (${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s)`
  );
  return result;
}

async function writeProgrammes(
  db: DB,
  result: ProgrammesDemoResult,
  ctx: {
    admin: string;
    staff: {
      id: string;
      phone: string | null;
      display_name: string | null;
      region_code: string | null;
    }[];
    demoOrgs: {
      id: string;
      name: string;
      region_code: string;
      status: string;
    }[];
  }
): Promise<void> {
  const r = new Random(SEED);
  const orgByName = new Map(ctx.demoOrgs.map((o) => [o.name, o]));
  const org = (name: string) => {
    const o = orgByName.get(name);
    if (!o) throw new Error(`demo organization missing: ${name}`);
    return o;
  };
  const staffOf = (phone: string) => ctx.staff.find((u) => u.phone === phone);
  const zunyiAdmin = staffOf(PLAN_DEMO_PHONES.prefectureAdmin)?.id ?? ctx.admin;
  const designatorOf = (region: string) =>
    region.startsWith("5203") ? zunyiAdmin : ctx.admin;

  // --- Designations and support --------------------------------------------------------------------------------
  const designationRows = [];
  let n = 101;
  for (const [name, kinds] of DESIGNATIONS) {
    const o = org(name);
    const month = String(r.int(1, 6)).padStart(2, "0");
    const day = String(r.int(5, 25)).padStart(2, "0");
    const prefix = o.region_code.startsWith("5203") ? "遵残联函" : "黔残联函";
    for (const kind of kinds) {
      // Training bases were designated before the year's courses began; the others during the first half of 2026.
      const decided =
        kind === "training_base" ? `2025-12-${day}` : `2026-${month}-${day}`;
      designationRows.push({
        organization_id: o.id,
        kind,
        decision_number: `${prefix}〔2026〕${n++}号`,
        decision_date: decided,
        valid_from: decided,
        // Training bases and auxiliary institutions open-ended; the others for three years.
        valid_to:
          kind === "training_base" || kind === "auxiliary"
            ? null
            : "2028-12-31",
        designated_by: designatorOf(o.region_code),
      });
    }
  }
  // The mark is the first row's number (see PROGRAMMES_MARK): the 贵阳 blind massage centre's training base.
  designationRows[0]!.decision_number = PROGRAMMES_MARK;
  const designations = await db
    .insertInto("designation")
    .values(designationRows)
    .returning(["id", "kind", "valid_from", "organization_id"])
    .execute();
  result.designations = designations.length;
  const supportRows = [];
  for (const d of designations) {
    const kinds = SUPPORT_KINDS[d.kind] ?? [];
    for (const kind of kinds.slice(0, r.int(1, Math.max(1, kinds.length)))) {
      const amount =
        kind === "premises" || kind === "utilities"
          ? r.int(6, 40) * 1000
          : kind === "startup_funds"
          ? r.int(5, 20) * 10_000
          : r.int(10, 80) * 1000;
      supportRows.push({
        designation_id: d.id,
        kind,
        amount: String(amount),
        support_date: minDay(addDays(d.valid_from, r.int(20, 200)), TODAY),
        note: kind === "post_subsidy" ? "按安置残疾人人数核定的岗位补贴" : "",
        recorded_by: designatorOf(
          orgByName.get(
            ctx.demoOrgs.find((o) => o.id === d.organization_id)!.name
          )!.region_code
        ),
      });
    }
  }
  await db.insertInto("institution_support").values(supportRows).execute();

  // --- People ----------------------------------------------------------------------------------------------------
  const counselor = staffOf(PLAN_DEMO_PHONES.counselor);
  const reserved = new Set(
    counselor
      ? (
          await db
            .selectFrom("caseload_assignment")
            .select("seeker_id")
            .where("counselor_id", "=", counselor.id)
            .where("ended_at", "is", null)
            .execute()
        ).map((a) => a.seeker_id)
      : []
  );
  const everyone: Seeker[] = (
    await db
      .selectFrom("seeker_profile as p")
      .innerJoin("app_user as u", "u.id", "p.user_id")
      .leftJoin("caseload_assignment as a", (j) =>
        j.onRef("a.seeker_id", "=", "p.user_id").on("a.ended_at", "is", null)
      )
      .select([
        "p.user_id as id",
        "u.phone",
        "p.real_name",
        "p.current_region_code",
        "p.household_region_code",
        "p.residence",
        "p.disability_category",
        "a.id as assignment",
      ])
      .where("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`)
      .orderBy("u.phone")
      .execute()
  ).map((p) => ({
    id: p.id,
    phone: p.phone!,
    name: p.real_name ?? "",
    place: (p.current_region_code ?? p.household_region_code)!,
    residence: p.residence,
    category: p.disability_category,
    assigned: !!p.assignment,
  }));

  // A blind seeker of 贵阳 on the demo counselor's caseload with no course, for the e2e (added if there is none).
  if (counselor) {
    const onCaseload = everyone.filter(
      (p) => reserved.has(p.id) && p.category === "vision"
    );
    let blind = onCaseload[0];
    if (!blind) {
      blind = everyone.find(
        (p) =>
          p.category === "vision" && p.place.startsWith("5201") && !p.assigned
      );
      if (blind) {
        await db
          .insertInto("caseload_assignment")
          .values({
            seeker_id: blind.id,
            counselor_id: counselor.id,
            assigned_by: ctx.admin,
            started_at: new Date(DEMO_ANCHOR.getTime() - 20 * DAY),
          })
          .execute();
        reserved.add(blind.id);
      }
    }
    result.blindSeeker = blind ? `${blind.name} (${blind.phone})` : null;
  }
  const free = everyone.filter((p) => !reserved.has(p.id));
  const prefectureOf = (place: string) => `${place.slice(0, 4)}00`;

  // --- Courses, enrolments, completions ----------------------------------------------------------------------------
  const freeIds = new Set(free.map((p) => p.id));
  const jobs = (
    await db
      .selectFrom("employment as e")
      .innerJoin("app_user as u", "u.id", "e.seeker_id")
      .select(["e.seeker_id", "e.contract_start", "e.form", "e.employer_name"])
      .where("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`)
      .orderBy("e.contract_start")
      .orderBy("u.phone")
      .execute()
  ).filter((j) => freeIds.has(j.seeker_id!));
  const poor = new Set<string>();
  const enrolled = new Map<string, number>();
  // Rows are built with their ids here and written in one statement per table (the seed must stay fast on PGlite).
  const courseRows: Insertable<CourseTable>[] = [];
  const enrolmentRows: (Insertable<CourseEnrolmentTable> & { id: string })[] =
    [];
  const subsidyRows: Insertable<TrainingSubsidyTable>[] = [];
  const certificateRows: Insertable<TrainingCertificateTable>[] = [];
  for (const def of [...COURSES, UPCOMING]) {
    const provider = org(def.provider);
    const courseId = randomUUID();
    courseRows.push({
      id: courseId,
      provider_id: provider.id,
      kind: def.kind,
      title: def.title,
      description: def.description,
      starts_on: def.startsOn,
      ends_on: def.endsOn,
      online: !!def.online,
      venue: def.online ? null : `${provider.name}培训教室`,
      link: def.online ? "https://meeting.example.cn/qiancheng-training" : null,
      region_code: def.region,
      arrangements: def.arrangements,
      capacity: def.capacity,
      subsidy_per_trainee: String(def.subsidy),
      status: "published",
      created_by: designatorOf(def.region),
      created_at: at(`${addDays(def.startsOn, -30)}T10:00:00`),
    });
    const blindCourse =
      def.kind === "blind_health_massage" ||
      def.kind === "blind_medical_massage";
    const candidates = free.filter((p) => {
      if (
        !def.online &&
        !(
          def.kind === "blind_medical_massage" &&
          def.provider === "思南县中医医院"
        ) &&
        prefectureOf(p.place) !== prefectureOf(def.region)
      )
        return false;
      if (blindCourse) return p.category === "vision";
      if (def.kind === "rural_practical") return p.residence === "rural";
      return p.residence !== "rural" && p.category !== "vision";
    });
    // People who already took a course come last, so more people get one; blind health massage trainees whose job
    // started after the course come first (the newly-employed figure).
    const employedAfter = (p: Seeker) =>
      jobs.some((j) => j.seeker_id === p.id && j.contract_start > def.endsOn);
    const ordered = [...candidates].sort(
      (a, b) =>
        (def.kind === "blind_health_massage"
          ? Number(employedAfter(b)) - Number(employedAfter(a))
          : 0) ||
        (enrolled.get(a.id) ?? 0) - (enrolled.get(b.id) ?? 0) ||
        a.phone.localeCompare(b.phone)
    );
    const past = def.endsOn < TODAY;
    const days =
      Math.round((Date.parse(def.endsOn) - Date.parse(def.startsOn)) / DAY) + 1;
    let certified = 0;
    ordered.slice(0, def.trainees).forEach((p, i) => {
      enrolled.set(p.id, (enrolled.get(p.id) ?? 0) + 1);
      const status = !past
        ? i < def.capacity
          ? "enrolled"
          : "waitlisted"
        : r.chance(0.85) || employedAfter(p)
        ? "completed"
        : "not_completed";
      const id = randomUUID();
      enrolmentRows.push({
        id,
        course_id: courseId,
        seeker_id: p.id,
        status,
        access_requests:
          blindCourse && r.chance(0.7)
            ? ["braille_large_print"]
            : r.chance(0.15)
            ? ["companion"]
            : [],
        attended_days: past
          ? status === "completed"
            ? days - r.int(0, 3)
            : r.int(1, Math.max(1, Math.floor(days / 2)))
          : null,
        completed_on: status === "completed" ? def.endsOn : null,
        outcome_by: past ? designatorOf(def.region) : null,
        created_at: at(`${addDays(def.startsOn, -r.int(5, 25))}T09:00:00`),
      });
      if (status !== "completed") return;
      if (def.kind === "rural_practical" && r.chance(0.75)) poor.add(p.id);
      const paid = addDays(def.endsOn, 21);
      subsidyRows.push({
        enrolment_id: id,
        amount: String(def.subsidy),
        paid_on: paid <= TODAY ? paid : null,
        recorded_by: designatorOf(def.region),
      });
      const cert = def.certificate;
      if (cert && r.chance(0.7)) {
        certified++;
        certificateRows.push({
          seeker_id: p.id,
          enrolment_id: id,
          kind: cert.kind,
          name: cert.name,
          level: cert.level ?? null,
          number: `${def.region.slice(0, 4)}2026${String(
            courseRows.length
          ).padStart(2, "0")}${String(certified).padStart(3, "0")}`,
          issuer: cert.issuer,
          issued_on: minDay(addDays(def.endsOn, 14), TODAY),
          // Some choose to show it on their profile.
          show_on_profile: certified % 2 === 1,
          recorded_by: designatorOf(def.region),
        });
      }
    });
  }
  await db.insertInto("course").values(courseRows).execute();
  // In order: the enrolment's sequence (the waitlist's order) follows the rows.
  await db.insertInto("course_enrolment").values(enrolmentRows).execute();
  if (subsidyRows.length)
    await db.insertInto("training_subsidy").values(subsidyRows).execute();
  if (certificateRows.length)
    await db
      .insertInto("training_certificate")
      .values(certificateRows)
      .execute();
  result.courses = courseRows.length;
  result.enrolments = enrolmentRows.length;
  const completions = subsidyRows.length;
  result.completions = completions;
  if (poor.size) {
    await db
      .updateTable("seeker_profile")
      .set({
        poor_household: true,
        poor_household_consent_at: new Date(DEMO_ANCHOR.getTime() - 200 * DAY),
      })
      .where("user_id", "in", [...poor])
      .execute();
  }

  // --- Entrepreneurs ---------------------------------------------------------------------------------------------
  const ownJobs = jobs.filter(
    (j) => j.form === "self_employed" || j.form === "rural"
  );
  const seen = new Set<string>();
  const counties = await db
    .selectFrom("division")
    .select(["code", "name", "parent_code"])
    .where("level", "=", "county")
    .orderBy("code")
    .execute();
  const countyNames = new Map(counties.map((d) => [d.code, d.name]));
  const businessRows: (Insertable<BusinessTable> & { id: string })[] = [];
  const ownerRows: Insertable<BusinessOwnerTable>[] = [];
  const supportRowsB: Insertable<BusinessSupportTable>[] = [];
  const checkRows: Insertable<BusinessCheckTable>[] = [];
  for (const j of ownJobs) {
    if (!j.seeker_id || seen.has(j.seeker_id)) continue;
    seen.add(j.seeker_id);
    const p = free.find((x) => x.id === j.seeker_id)!;
    const surname = p.name.slice(0, 1) || "张";
    const rural = j.form === "rural";
    const kind = rural
      ? r.chance(0.3)
        ? "cooperative"
        : "family_workshop"
      : r.chance(0.35)
      ? "online_shop"
      : "individual_business";
    const name =
      kind === "cooperative"
        ? `${countyNames.get(p.place) ?? ""}${r.pick([
            "阳光种养殖专业合作社",
            "助残茶叶专业合作社",
            "同心养殖专业合作社",
          ])}`
        : kind === "family_workshop"
        ? `${surname}家${r.pick([
            "养殖场",
            "刺绣工坊",
            "竹编作坊",
            "茶叶作坊",
          ])}`
        : kind === "online_shop"
        ? `${surname}家${r.pick(["黔货特产网店", "手工艺品网店"])}`
        : `${surname}记${r.pick([
            "盲人按摩店",
            "便民超市",
            "修鞋铺",
            "裁缝店",
            "小吃店",
          ])}`;
    const id = randomUUID();
    const by = designatorOf(p.place);
    businessRows.push({
      id,
      name,
      kind,
      region_code: p.place,
      started_on: j.contract_start,
      description: j.employer_name ?? "",
      created_by: by,
      created_at: at(`${minDay(addDays(j.contract_start, 3), TODAY)}T10:00:00`),
    });
    ownerRows.push({ business_id: id, seeker_id: p.id });
    // A cooperative is run by two people of the same prefecture where there is someone free to join.
    if (kind === "cooperative") {
      const partner = free.find(
        (x) =>
          x.id !== p.id &&
          !seen.has(x.id) &&
          prefectureOf(x.place) === prefectureOf(p.place) &&
          x.residence === "rural"
      );
      if (partner) {
        ownerRows.push({ business_id: id, seeker_id: partner.id });
        seen.add(partner.id);
      }
    }
    const supportDay = minDay(addDays(j.contract_start, r.int(10, 60)), TODAY);
    supportRowsB.push({
      business_id: id,
      kind: "startup_subsidy",
      amount: "5000",
      support_date: supportDay,
      note: "一次性创业补贴",
      recorded_by: by,
    });
    if (r.chance(0.4)) {
      supportRowsB.push({
        business_id: id,
        kind: "guaranteed_loan",
        amount: String(r.int(3, 10) * 10_000),
        support_date: supportDay,
        note: "创业担保贷款，期限两年",
        recorded_by: by,
      });
      supportRowsB.push({
        business_id: id,
        kind: "loan_interest_subsidy",
        amount: String(r.int(8, 30) * 100),
        support_date: minDay(addDays(supportDay, 90), TODAY),
        note: "贷款贴息",
        recorded_by: by,
      });
    }
    if (kind === "online_shop")
      supportRowsB.push({
        business_id: id,
        kind: "incubation",
        amount: "0",
        support_date: supportDay,
        note: "电商产业园免费孵化工位",
        recorded_by: by,
      });
    if (j.contract_start < "2026-10-01") {
      checkRows.push({
        business_id: id,
        year: 2026,
        running: r.chance(0.9),
        employs_others: r.chance(0.3) ? r.int(1, 3) : 0,
        checked_on: addDays(TODAY, -r.int(3, 20)),
        checked_by: by,
        note: "",
      });
    }
  }
  if (businessRows.length) {
    await db.insertInto("business").values(businessRows).execute();
    await db.insertInto("business_owner").values(ownerRows).execute();
    await db.insertInto("business_support").values(supportRowsB).execute();
    if (checkRows.length)
      await db.insertInto("business_check").values(checkRows).execute();
  }
  const businesses = businessRows.length;
  result.businesses = businesses;

  // --- Staff training ----------------------------------------------------------------------------------------------
  const trainingRows = [];
  for (const pref of PROGRAMME_PREFECTURES) {
    const mine = counties.filter((c) => c.parent_code === pref);
    for (let i = 0; i < r.int(3, 5); i++) {
      const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
      const county = r.pick(mine).code;
      const first = `2026-0${r.int(3, 6)}-${String(r.int(10, 28)).padStart(
        2,
        "0"
      )}`;
      trainingRows.push({
        name,
        role: "community_instructor" as const,
        region_code: county,
        course: "社区残疾人就业指导员培训班",
        provider: "贵州省残疾人联合会",
        trained_on: first,
        hours: "24",
        recorded_by: designatorOf(county),
      });
      if (r.chance(0.3)) {
        trainingRows.push({
          name,
          role: "community_instructor" as const,
          region_code: county,
          course: "社区残疾人就业指导员进阶班（个案管理）",
          provider: "贵州省残疾人联合会",
          trained_on: addDays(first, 120),
          hours: "16",
          recorded_by: designatorOf(county),
        });
      }
    }
  }
  for (const phone of [
    PLAN_DEMO_PHONES.counselor,
    PLAN_DEMO_PHONES.prefectureCounselor,
  ]) {
    const c = staffOf(phone);
    if (c?.region_code) {
      trainingRows.push({
        user_id: c.id,
        name: (c.display_name ?? "就业指导员").replace(/（.*）$/, ""),
        role: "counselor" as const,
        region_code: c.region_code,
        course: "残疾人就业指导员职业能力提升培训",
        provider: "中国残疾人联合会就业服务指导中心（线上）",
        trained_on: "2026-09-15",
        hours: "32",
        recorded_by: ctx.admin,
      });
    }
  }
  await db.insertInto("staff_training").values(trainingRows).execute();
  result.instructors = trainingRows.filter(
    (t) => t.role === "community_instructor"
  ).length;

  // --- A skills competition ----------------------------------------------------------------------------------------
  const event = await db
    .insertInto("recruitment_event")
    .values({
      title: "2026 年贵州省残疾人职业技能竞赛（贵阳赛区）",
      kind: "competition",
      starts_at: at("2026-12-19T09:00:00"),
      ends_at: at("2026-12-19T17:00:00"),
      registration_deadline: at("2026-12-15T18:00:00"),
      region_code: "520115",
      venue:
        "贵州省残疾人职业技能培训中心（观山湖区，地铁 1 号线观山湖公园站，无障碍电梯）",
      arrangements: [
        "sign_language_interpreters",
        "step_free_venue",
        "accessible_toilets",
        "braille_large_print",
        "guide_service",
      ],
      capacity: 60,
      description:
        "设保健按摩和电子商务（网店运营）两个项目。按摩项目提供盲文和大字版赛题，电子商务项目提供读屏软件和手语翻译。",
      status: "published",
      published_at: at("2026-11-10T10:00:00"),
      created_by: ctx.admin,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const categories = await db
    .insertInto("competition_category")
    .values([
      {
        event_id: event.id,
        name: "保健按摩",
        description: "理论考试与现场实操，按手法、穴位准确和服务规范评分。",
      },
      {
        event_id: event.id,
        name: "电子商务（网店运营）",
        description: "在限定时间内完成商品上架、详情页和客服应答。",
      },
    ])
    .returning(["id", "name"])
    .execute();
  const judges = await db
    .insertInto("judge")
    .values(
      JUDGES.map((j) => ({
        name: j.name,
        organization: j.organization,
        specialities: j.specialities,
        region_code: j.region,
        created_by: ctx.admin,
      }))
    )
    .returning(["id", "name"])
    .execute();
  const judgeId = (name: string) => judges.find((j) => j.name === name)!.id;
  await db
    .insertInto("judge_assignment")
    .values([
      { category_id: categories[0]!.id, judge_id: judgeId("周文华") },
      { category_id: categories[0]!.id, judge_id: judgeId("梁红") },
      { category_id: categories[0]!.id, judge_id: judgeId("袁国庆") },
      { category_id: categories[1]!.id, judge_id: judgeId("孙立新") },
      { category_id: categories[1]!.id, judge_id: judgeId("何静") },
    ])
    .execute();
  const guiyang = free.filter((p) => p.place.startsWith("5201"));
  const massage = guiyang.filter((p) => p.category === "vision").slice(0, 4);
  const ecommerce = guiyang
    .filter((p) => p.category !== "vision" && p.residence !== "rural")
    .slice(0, 5);
  await db
    .insertInto("competition_entry")
    .values([
      ...massage.map((p, i) => ({
        category_id: categories[0]!.id,
        seeker_id: p.id,
        access_requests: i % 2 === 0 ? ["companion"] : [],
        created_at: at(`2026-11-${String(12 + i).padStart(2, "0")}T10:00:00`),
      })),
      ...ecommerce.map((p, i) => ({
        category_id: categories[1]!.id,
        seeker_id: p.id,
        access_requests: p.category === "hearing" ? ["interpreter"] : [],
        created_at: at(`2026-11-${String(14 + i).padStart(2, "0")}T15:00:00`),
      })),
    ])
    .execute();
  result.competition = 1;
}
