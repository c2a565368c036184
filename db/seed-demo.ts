/**
 * The demo dataset (issue 3): verified organizations in all nine prefectures of Guizhou, their vacancies, seekers
 * with complete profiles, and applications in every status with their timelines, hires and notifications.
 *
 * Deterministic: every choice comes from a seeded PRNG (mulberry32) and every date from a fixed anchor, so two fresh
 * databases get the same rows (only the generated ids differ). Idempotent: when any demo organization (by its
 * 统一社会信用代码) exists, nothing is written. Everything is written in one transaction, in batches.
 *
 * The demo accounts (db/seed.ts) must exist first: the demo seeker gets a profile and two applications, the demo
 * employer owns 贵阳黔程示范科技有限公司, the demo admin verified the organizations, the demo counselor made referrals.
 */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { DB } from "./database";
import type {
  ApplicationEventTable,
  ApplicationSource,
  ApplicationStatus,
  ApplicationTable,
  AppUserTable,
  DisabilityCategory,
  EmploymentTable,
  EmploymentType,
  NotificationTable,
  OrganizationMemberTable,
  OrganizationTable,
  OrganizationType,
  SeekerProfileTable,
  VacancyStatus,
  VacancyTable,
} from "./schema";
import { hashPassword } from "../app/domain/accounts/password.server";
import { applicantReference } from "../app/domain/applications/applications.server";
import {
  ACCOMMODATIONS,
  CATEGORY_BY_DIGIT,
  type AccommodationCode,
  type EducationCode,
  type IndustryCode,
  type JobCategoryCode,
  type TaskDemandCode,
} from "../app/domain/catalog";
import { idCheckCharacter, usccCheckCharacter } from "../app/domain/identity";
import { eligibility, type MatchSeeker, type MatchVacancy } from "../app/domain/matching/matching";

/** The demo password (README); the same as db/seed.ts DEMO_PASSWORD, repeated here to keep the imports acyclic. */
const DEMO_PASSWORD = "Qiancheng#2026";
const DEMO_PHONES = { seeker: "13800000001", employer: "13800000002", counselor: "13800000003", admin: "13800000004" } as const;

/** Phone ranges reserved for generated demo users: 1370000xxxx employers, 1360000xxxx seekers. */
export const DEMO_EMPLOYER_PHONE_PREFIX = "1370000";
export const DEMO_SEEKER_PHONE_PREFIX = "1360000";

const SEED = 20261129;
/** "Now" for the demo: every timestamp lies before it, every open vacancy closes in 2027. */
export const DEMO_ANCHOR = new Date("2026-11-27T10:00:00+08:00");
const ANCHOR = DEMO_ANCHOR.getTime();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BATCH = 100;

/** Every step of the profile (the dashboard's PROFILE_STEPS; not imported, to keep the seed's imports small). */
const PROFILE_STEPS_ALL = ["personal", "disability", "region", "education", "skills", "needs", "limits", "preferences", "family"];

/**
 * Codes for organization.special_statuses (design §4: 集中就业单位, 示范点, 辅助性就业机构, 盲人按摩机构). The catalog has
 * no list for them yet; these are the codes the demo uses.
 */
export const SPECIAL_STATUSES = {
  concentrated: "concentrated_employment",
  demonstration: "demonstration_site",
  auxiliary: "auxiliary_employment",
  blindMassage: "blind_massage",
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
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
  /** k distinct elements, in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

const round100 = (n: number) => Math.round(n / 100) * 100;
const unique = <T>(list: readonly T[]) => [...new Set(list)];

/** The calendar date in Asia/Shanghai, "YYYY-MM-DD". */
function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}

function addYears(date: string, years: number, days = 0): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = Date.UTC(y + years, m - 1, d) + days * DAY;
  return new Date(t).toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28))).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Identifiers

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a 9-character organization code (GB 11714), the part of a USCC after the region. */
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Registration authority and type per GB 32100: 91 enterprise, 92 individual business, 11 机关, 12 事业单位, 52 民办非企业. */
const USCC_PREFIX: Record<OrganizationType, string> = {
  enterprise: "91",
  individual_business: "92",
  government: "11",
  public_institution: "12",
  social_organization: "52",
};

function makeDemoUscc(rng: Random, type: OrganizationType, regionCode: string): string {
  let body8: string;
  if (type === "enterprise" || type === "individual_business") {
    // Codes issued since 2015 begin with MA.
    body8 = "MA";
    for (let i = 0; i < 6; i++) body8 += rng.pick([...USCC_CHARS]);
  } else {
    body8 = type === "government" ? "0" : type === "public_institution" ? "4" : "5";
    for (let i = 0; i < 7; i++) body8 += String(rng.int(0, 9));
  }
  const first17 = `${USCC_PREFIX[type]}${regionCode}${body8}${orgCodeCheck(body8)}`;
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`bad USCC body ${first17}`);
  return first17 + check;
}

function makeIdNumber(region: string, birth: string, serial3: string): string {
  const first17 = `${region}${birth.replaceAll("-", "")}${serial3}`;
  return first17 + idCheckCharacter(first17);
}

// ---------------------------------------------------------------------------------------------------------------
// Vacancy templates

export type JobKey =
  | "massage"
  | "csText"
  | "csPhone"
  | "annotation"
  | "ecommerce"
  | "warehouse"
  | "handicraft"
  | "office"
  | "software"
  | "design"
  | "finance"
  | "production"
  | "catering"
  | "cleaning"
  | "retail"
  | "agriculture"
  | "teaching"
  | "publicWelfare"
  | "auxiliary"
  | "health"
  | "hospitality";

export interface JobTitle {
  title: string;
  /** The first sentence of the description: what the work is. */
  duty: string;
  skills: readonly string[];
  /** When it differs from the template's. */
  category?: JobCategoryCode;
}

export interface JobTemplate {
  category: JobCategoryCode;
  titles: readonly JobTitle[];
  types: ReadonlyArray<readonly [EmploymentType, number]>;
  pay: readonly [number, number];
  education: readonly EducationCode[];
  hours: readonly string[];
  /** Always offered. */
  core: readonly AccommodationCode[];
  optional: readonly AccommodationCode[];
  /** Always demanded. */
  fixedDemands?: readonly TaskDemandCode[];
  demands: readonly TaskDemandCode[];
  remote?: boolean;
}

const job = (title: string, duty: string, skills: readonly string[], category?: JobCategoryCode): JobTitle => ({ title, duty, skills, category });

export const JOBS: Record<JobKey, JobTemplate> = {
  massage: {
    category: "massage",
    titles: [
      job("盲人按摩师", "为顾客提供保健按摩和推拿服务，根据顾客情况调整手法和力度。", ["保健按摩", "推拿", "经络穴位"]),
      job("保健按摩师", "在店内为顾客提供颈肩腰腿保健推拿，做好服务记录和老顾客回访。", ["保健按摩", "推拿", "普通话"]),
      job("推拿师（盲人医疗按摩）", "在医师指导下为患者提供推拿治疗，参加每月的手法交流和技能培训。", ["推拿", "经络穴位", "中医推拿"]),
      job("足部保健按摩师", "为顾客提供足部保健按摩，按流程做好消毒和服务记录。", ["足部按摩", "保健按摩"]),
    ],
    types: [["full_time", 70], ["flexible", 30]],
    pay: [2500, 7000],
    education: ["none", "vocational"],
    hours: ["10:00–22:00，两班轮换，每周休一天", "11:00–21:00，每月休四天"],
    core: ["braille", "screen_reader", "accessible_transport"],
    optional: ["flexible_hours", "rest_breaks", "accessible_dormitory", "step_free_access"],
    demands: ["prolonged_standing", "public_facing", "night_shift"],
  },
  csText: {
    category: "customer_service",
    titles: [
      job("客服专员（文字客服）", "通过在线聊天和工单系统解答客户咨询，记录并跟进问题直至解决。", ["中文打字", "办公软件", "沟通表达"]),
      job("在线客服专员", "负责文字渠道的售前售后咨询，处理订单查询、退换货等问题。", ["中文打字", "电商平台操作", "沟通表达"]),
      job("售后客服（文字）", "通过在线消息处理售后问题，协调退换货和补发，回访处理结果。", ["中文打字", "电商客服", "办公软件"]),
      job("客服质检专员", "抽查客服聊天记录并评分，整理常见问题和改进建议。", ["办公软件", "Excel", "中文打字"]),
    ],
    types: [["full_time", 70], ["part_time", 20], ["flexible", 10]],
    pay: [2600, 5000],
    education: ["senior", "vocational", "college"],
    hours: ["9:00–18:00，做五休二", "早班8:00–16:00、晚班16:00–24:00轮换", "每天4–6小时，时间可商量"],
    core: ["text_communication"],
    optional: ["screen_reader", "screen_magnifier", "flexible_hours", "step_free_access", "elevator", "accessible_toilet", "ergonomic_equipment", "captions", "sign_language", "quiet_workspace"],
    demands: ["night_shift", "fast_paced_line"],
    remote: true,
  },
  csPhone: {
    category: "customer_service",
    titles: [
      job("电话客服专员", "接听客户来电，解答业务咨询并登记工单。", ["普通话", "沟通表达", "读屏软件操作"]),
      job("热线接线员", "接听服务热线，记录群众诉求并转交相关部门办理。", ["普通话", "中文打字", "办公软件"]),
      job("电话回访专员", "对已办理业务的客户进行电话回访，记录满意度和意见建议。", ["普通话", "沟通表达", "办公软件"]),
    ],
    types: [["full_time", 80], ["part_time", 20]],
    pay: [2800, 5000],
    education: ["senior", "vocational", "college"],
    hours: ["9:00–17:30，做五休二", "8:00–20:00 排班，每天8小时"],
    core: ["screen_reader"],
    optional: ["screen_magnifier", "step_free_access", "elevator", "accessible_toilet", "ergonomic_equipment", "flexible_hours", "rest_breaks", "accessible_transport"],
    fixedDemands: ["phone_calls"],
    demands: ["night_shift"],
    remote: true,
  },
  annotation: {
    category: "it",
    titles: [
      job("数据标注员", "使用标注平台对图片、文本进行分类和框选，保证标注准确率。", ["数据标注", "电脑操作", "细心耐心"]),
      job("图像标注员", "对道路、商品等图片中的目标进行框选和标记，按规范完成每日任务。", ["数据标注", "电脑操作"]),
      job("文本数据标注员", "对中文文本进行分类、纠错和情感标注，参与标注规范讨论。", ["数据标注", "中文打字", "办公软件"]),
      job("数据标注质检员", "抽检标注结果，统计准确率并反馈问题，协助培训新人。", ["数据标注", "Excel", "细心耐心"]),
      job("内容审核员", "审核平台上的图文内容，识别违规信息并按规则处理。", ["内容审核", "电脑操作", "中文打字"]),
    ],
    types: [["full_time", 60], ["part_time", 25], ["flexible", 15]],
    pay: [2600, 4800],
    education: ["senior", "vocational", "college"],
    hours: ["9:00–18:00，做五休二", "每天6小时，可选上午或下午班", "按任务量弹性安排"],
    core: ["text_communication", "quiet_workspace"],
    optional: ["screen_magnifier", "flexible_hours", "step_free_access", "elevator", "accessible_toilet", "ergonomic_equipment", "sign_language", "captions", "rest_breaks"],
    demands: ["fine_motor", "night_shift"],
    remote: true,
  },
  ecommerce: {
    category: "ecommerce",
    titles: [
      job("电商客服", "在网店后台回复买家咨询，处理订单、物流和售后问题。", ["电商客服", "电商平台操作", "中文打字"]),
      job("电商运营助理", "负责网店日常上架、活动报名和销售数据整理。", ["电商平台操作", "Excel", "办公软件"]),
      job("直播运营助理", "协助策划直播内容，准备样品和话术，直播时负责后台操作。", ["直播运营", "电商平台操作"]),
      job("网店美工", "制作商品主图和详情页，配合促销活动更新店铺页面。", ["Photoshop", "平面设计"], "design"),
      job("短视频运营专员", "拍摄剪辑农产品和手工艺品短视频，运营店铺短视频账号。", ["短视频剪辑", "直播运营"]),
    ],
    types: [["full_time", 65], ["part_time", 15], ["flexible", 20]],
    pay: [2600, 6000],
    education: ["senior", "vocational", "college"],
    hours: ["9:00–18:00，做五休二", "13:00–22:00（直播时段）", "每天4–6小时，时间可商量"],
    core: ["text_communication"],
    optional: ["flexible_hours", "step_free_access", "elevator", "accessible_toilet", "screen_magnifier", "sign_language", "ergonomic_equipment"],
    demands: ["night_shift", "fast_paced_line"],
    remote: true,
  },
  warehouse: {
    category: "logistics",
    titles: [
      job("仓库分拣员", "按照订单拣选、核对和打包货物，保持库位整洁。", ["货物分拣", "包装", "扫码设备操作"]),
      job("快递分拣员", "负责包裹扫码分拣和装车，按区域分类投放。", ["货物分拣", "扫码设备操作"]),
      job("理货员", "负责货物上架、补货和库位整理，配合完成月度盘点。", ["仓储管理", "货物分拣"]),
      job("仓库管理员", "管理库存台账，安排出入库作业，定期盘点并上报差异。", ["仓储管理", "Excel", "办公软件"]),
      job("出入库登记员", "登记货物出入库信息，核对单据并录入仓储系统。", ["办公软件", "中文打字", "仓储管理"], "office"),
    ],
    types: [["full_time", 75], ["part_time", 15], ["flexible", 10]],
    pay: [2300, 4500],
    education: ["none", "junior", "senior"],
    hours: ["8:30–17:30，做六休一", "白班8:00–20:00，做二休二", "18:00–次日2:00（有夜班补贴）"],
    core: ["step_free_access"],
    optional: ["simple_instructions", "job_coach", "sign_language", "text_communication", "rest_breaks", "accessible_transport", "accessible_dormitory", "accessible_toilet"],
    demands: ["prolonged_standing", "heavy_lifting", "walking_long", "fast_paced_line", "night_shift"],
  },
  handicraft: {
    category: "handicraft",
    titles: [
      job("手工编织工", "按照样品完成手工编织产品，计件工资加保底工资。", ["手工编织"]),
      job("蜡染手工艺人", "在工坊完成蜡染的点蜡、染色和脱蜡，按订单交付产品。", ["蜡染", "手绘"]),
      job("苗绣绣娘", "按照图样完成苗绣绣片，可领取材料居家刺绣，定期交货验收。", ["刺绣", "缝纫"]),
      job("银饰加工学徒", "跟随师傅学习银饰錾刻和拉丝，完成简单工序。", ["银饰加工"]),
      job("竹编手工艺人", "编织竹篮、竹灯罩等竹编产品，按样品控制尺寸和质量。", ["竹编", "手工编织"]),
      job("布依族刺绣工", "完成布依族传统刺绣和拼布，参与新品打样。", ["刺绣", "缝纫"]),
    ],
    types: [["full_time", 40], ["flexible", 40], ["part_time", 20]],
    pay: [1900, 4200],
    education: ["none", "primary", "junior"],
    hours: ["9:00–17:00，工坊或居家均可", "计件制，时间自主安排", "每天约6小时，周末休息"],
    core: ["flexible_hours"],
    optional: ["quiet_workspace", "simple_instructions", "rest_breaks", "ergonomic_equipment", "step_free_access", "sign_language", "accessible_toilet", "part_time"],
    fixedDemands: ["fine_motor"],
    demands: [],
    remote: true,
  },
  office: {
    category: "office",
    titles: [
      job("行政文员", "负责文件收发、会议记录和办公用品管理等日常行政工作。", ["办公软件", "公文写作"]),
      job("档案管理员", "整理、扫描和归档各类档案，维护档案管理系统。", ["档案管理", "办公软件"]),
      job("数据录入员", "将纸质资料录入信息系统并核对，保证数据准确完整。", ["中文打字", "Excel", "办公软件"]),
      job("人事专员助理", "协助办理员工入职手续、考勤统计和社保增减员。", ["办公软件", "Excel"]),
      job("前台文员", "接待来访人员，登记信息并转接，整理前台文件。", ["办公软件", "普通话", "沟通表达"]),
    ],
    types: [["full_time", 85], ["part_time", 15]],
    pay: [2500, 4800],
    education: ["senior", "vocational", "college", "bachelor"],
    hours: ["9:00–17:30，做五休二", "8:30–17:00，午休一个半小时"],
    core: ["step_free_access"],
    optional: ["elevator", "accessible_toilet", "screen_reader", "screen_magnifier", "text_communication", "flexible_hours", "ergonomic_equipment", "accessible_parking"],
    demands: ["reading_print", "phone_calls", "public_facing"],
  },
  software: {
    category: "it",
    titles: [
      job("软件测试工程师", "编写测试用例并执行功能测试，提交和跟踪缺陷直至关闭。", ["软件测试", "SQL", "Python"]),
      job("Java开发工程师", "参与政务服务平台的后端开发和维护，按需求完成功能模块。", ["Java", "SQL", "Linux"]),
      job("前端开发工程师", "开发网页和小程序页面，按无障碍规范实现交互。", ["JavaScript", "HTML/CSS"]),
      job("网站无障碍测试员", "使用读屏软件等辅助技术检查网站和App的无障碍问题，出具测试报告。", ["读屏软件操作", "软件测试"]),
      job("运维工程师", "维护服务器和网络设备，处理监控告警，编写运维文档。", ["Linux", "Python"]),
      job("Python数据分析师", "清洗和分析业务数据，制作报表和可视化看板。", ["Python", "SQL", "Excel"]),
    ],
    types: [["full_time", 90], ["flexible", 10]],
    pay: [4500, 9000],
    education: ["college", "bachelor"],
    hours: ["9:00–18:00，做五休二，可弹性打卡", "10:00–19:00，每周可居家办公两天"],
    core: ["flexible_hours"],
    optional: ["screen_reader", "screen_magnifier", "text_communication", "ergonomic_equipment", "step_free_access", "elevator", "accessible_toilet", "quiet_workspace", "accessible_parking", "captions"],
    demands: ["night_shift"],
    remote: true,
  },
  design: {
    category: "design",
    titles: [
      job("平面设计师", "根据需求完成海报、画册和宣传物料的设计。", ["Photoshop", "Illustrator", "平面设计"]),
      job("UI设计师", "负责App和小程序界面设计，配合开发完成切图和走查。", ["Figma", "Photoshop"]),
      job("短视频剪辑师", "剪辑产品宣传和非遗技艺短视频，添加字幕和特效。", ["短视频剪辑"]),
      job("包装设计师", "设计产品包装和标签，跟进打样和印刷。", ["Illustrator", "平面设计"]),
      job("插画师", "绘制产品插画和文创图案，参与民族纹样的数字化整理。", ["手绘", "Photoshop"]),
    ],
    types: [["full_time", 75], ["flexible", 25]],
    pay: [3500, 7500],
    education: ["vocational", "college", "bachelor"],
    hours: ["9:00–18:00，做五休二", "按项目弹性安排，每周到岗两天"],
    core: ["text_communication"],
    optional: ["sign_language", "captions", "flexible_hours", "quiet_workspace", "step_free_access", "elevator", "ergonomic_equipment", "accessible_toilet"],
    demands: ["fine_motor"],
    remote: true,
  },
  finance: {
    category: "finance",
    titles: [
      job("会计", "负责凭证录入、账务核对和月末报表编制。", ["会计核算", "财务软件", "税务申报"]),
      job("出纳", "办理日常收付款、银行对账和票据管理。", ["出纳", "Excel"]),
      job("财务助理", "整理报销单据，协助完成账务处理和档案归档。", ["会计核算", "Excel", "办公软件"]),
      job("统计员", "按时填报统计报表，核对生产和销售数据。", ["Excel", "办公软件"]),
    ],
    types: [["full_time", 100]],
    pay: [3000, 6500],
    education: ["vocational", "college", "bachelor"],
    hours: ["9:00–17:30，做五休二"],
    core: ["step_free_access"],
    optional: ["elevator", "accessible_toilet", "text_communication", "screen_magnifier", "ergonomic_equipment", "flexible_hours", "quiet_workspace", "accessible_parking"],
    demands: ["reading_print"],
  },
  production: {
    category: "manufacturing",
    titles: [
      job("电子装配工", "在生产线上完成电子元件的插件、装配和测试。", ["流水线操作", "设备操作"]),
      job("质检员", "对产品外观和规格进行抽检，记录并隔离不合格品。", ["产品质检", "Excel"]),
      job("食品包装工", "负责产品称重、装袋、封口和装箱，保持工位整洁。", ["包装", "流水线操作"]),
      job("缝纫工", "操作平缝机完成服装部件缝制，按工艺单控制质量。", ["缝纫", "设备操作"]),
      job("茶叶分拣工", "挑拣茶叶中的黄片和茶梗，按等级分装。", ["茶叶分拣", "包装"]),
      job("酒瓶包装工", "负责酒瓶贴标、装盒和封箱，检查包装外观。", ["包装", "产品质检"]),
      job("普工（流水线）", "按岗位作业指导书完成流水线工序，服从班组安排。", ["流水线操作", "包装"]),
    ],
    types: [["full_time", 85], ["part_time", 10], ["flexible", 5]],
    pay: [2300, 4800],
    education: ["none", "junior", "senior", "vocational"],
    hours: ["8:00–17:00，做六休一", "两班倒（8:00–20:00 / 20:00–8:00）", "8:30–17:30，做五休二"],
    core: ["step_free_access"],
    optional: ["sign_language", "text_communication", "simple_instructions", "job_coach", "rest_breaks", "accessible_transport", "accessible_dormitory", "accessible_toilet", "ergonomic_equipment"],
    demands: ["fine_motor", "prolonged_standing", "fast_paced_line", "hearing_alarms", "night_shift", "heavy_lifting"],
  },
  catering: {
    category: "catering",
    titles: [
      job("面点师助理", "协助面点师和面、制馅和成型，按配方称量原料。", ["面点制作", "食品安全知识"]),
      job("后厨帮工", "协助厨师完成备料、切配和出餐，保持后厨卫生。", ["烹饪", "食品安全知识"]),
      job("洗碗工", "负责餐具清洗和消毒，整理餐具存放区。", ["食品安全知识"]),
      job("咖啡师", "负责咖啡和饮品制作，接待到店顾客。", ["咖啡制作", "收银"]),
      job("烘焙师助理", "按配方制作面包和糕点，负责烤箱操作和产品包装。", ["烘焙", "食品安全知识"]),
      job("食堂帮厨", "协助食堂准备每日餐食，负责打菜和餐后清洁。", ["烹饪", "食品安全知识"]),
    ],
    types: [["full_time", 70], ["part_time", 30]],
    pay: [2200, 4200],
    education: ["none", "junior", "vocational"],
    hours: ["6:30–14:30（早班）", "10:00–20:00，中间休息两小时", "每天4小时（午餐时段）"],
    core: ["rest_breaks"],
    optional: ["sign_language", "text_communication", "simple_instructions", "job_coach", "accessible_dormitory", "accessible_transport", "step_free_access"],
    demands: ["prolonged_standing", "fast_paced_line", "public_facing", "heavy_lifting"],
  },
  cleaning: {
    category: "cleaning",
    titles: [
      job("保洁员", "负责办公区域和公共区域的日常清洁，按表格完成巡查。", ["保洁"]),
      job("绿化养护工", "修剪花木、浇水施肥，维护园区绿化。", ["绿化养护"]),
      job("洗衣房工人", "负责布草清洗、熨烫、折叠和分发。", ["洗衣熨烫"]),
      job("洗车工", "负责车辆外观清洗和内饰清洁，按流程检查车况。", ["洗车"]),
      job("物业保洁领班", "安排保洁人员班次，检查清洁质量并做好记录。", ["保洁", "沟通表达"]),
    ],
    types: [["full_time", 70], ["part_time", 30]],
    pay: [1900, 3500],
    education: ["none", "primary", "junior"],
    hours: ["7:00–15:00，做六休一", "每天4小时（上午）", "8:00–17:00，月休四天"],
    core: ["simple_instructions"],
    optional: ["job_coach", "rest_breaks", "accessible_transport", "sign_language", "flexible_hours", "accessible_dormitory", "step_free_access"],
    demands: ["walking_long", "prolonged_standing", "heavy_lifting"],
  },
  retail: {
    category: "retail",
    titles: [
      job("收银员", "负责商品收银、扫码和票据整理。", ["收银", "沟通表达"]),
      job("导购员", "向顾客介绍商品，整理货架和陈列。", ["商品陈列", "普通话", "沟通表达"]),
      job("超市理货员", "负责商品上架、补货和临期商品检查。", ["商品陈列", "货物分拣"]),
      job("景区售票员", "在售票窗口售票并解答游客咨询。", ["收银", "普通话"]),
      job("手工艺品店店员", "向游客介绍苗绣、蜡染等手工艺品，负责收银和库存登记。", ["收银", "沟通表达", "刺绣"]),
      job("便利店店员", "负责收银、理货和店面清洁，配合完成盘点。", ["收银", "商品陈列"]),
    ],
    types: [["full_time", 70], ["part_time", 30]],
    pay: [2200, 4000],
    education: ["junior", "senior", "vocational"],
    hours: ["9:00–21:00 两班轮换", "8:30–17:30，旺季周末加班"],
    core: ["rest_breaks"],
    optional: ["step_free_access", "accessible_toilet", "ergonomic_equipment", "text_communication", "sign_language", "flexible_hours", "accessible_transport"],
    demands: ["public_facing", "prolonged_standing"],
  },
  agriculture: {
    category: "agriculture",
    titles: [
      job("茶园管护工", "负责茶园除草、施肥和采摘，按农时安排工作。", ["茶叶采摘", "种植"]),
      job("食用菌种植工", "负责大棚食用菌的接种、管护和采收。", ["种植"]),
      job("养殖饲养员", "负责生态养殖场的喂料、清圈和防疫记录。", ["养殖"]),
      job("农产品分拣员", "对农产品进行分级、称重和包装，按订单发货。", ["农产品分拣", "包装"]),
      job("猕猴桃分拣包装工", "按果径和外观分拣猕猴桃，装箱贴标。", ["农产品分拣", "包装"]),
      job("中药材种植工", "负责中药材育苗、移栽和田间管理。", ["种植"]),
    ],
    types: [["full_time", 50], ["flexible", 40], ["part_time", 10]],
    pay: [1900, 3800],
    education: ["none", "primary", "junior"],
    hours: ["7:30–16:30，农忙时调整", "按季节用工，每天约7小时"],
    core: ["accessible_transport"],
    optional: ["accessible_dormitory", "simple_instructions", "job_coach", "rest_breaks", "flexible_hours", "sign_language"],
    demands: ["walking_long", "heavy_lifting", "prolonged_standing"],
  },
  teaching: {
    category: "education",
    titles: [
      job("手语教师", "为听障学生教授手语和沟通课程，参与教研活动。", ["手语", "特殊教育"]),
      job("特殊教育生活老师", "照料在校学生的日常生活，协助开展康复训练。", ["特殊教育", "康复训练"]),
      job("盲文校对员", "校对盲文教材和考试试卷，保证盲文转写准确。", ["盲文", "读屏软件操作"]),
      job("职业技能培训助理", "协助开展残疾人职业技能培训，整理学员档案。", ["办公软件", "沟通表达"]),
      job("康复训练助理", "在康复师指导下带领学生完成训练，记录训练情况。", ["康复训练"]),
    ],
    types: [["full_time", 85], ["part_time", 15]],
    pay: [3000, 6000],
    education: ["college", "bachelor"],
    hours: ["8:00–17:00，寒暑假轮休", "周一至周五8:30–16:30"],
    core: ["step_free_access"],
    optional: ["sign_language", "braille", "screen_reader", "accessible_toilet", "elevator", "flexible_hours", "captions"],
    demands: ["public_facing", "prolonged_standing"],
  },
  publicWelfare: {
    category: "other",
    titles: [
      job("社区就业服务协理员", "协助社区开展残疾人就业登记、政策宣传和入户走访。", ["政策宣传", "沟通表达"]),
      job("残疾人专职委员助理", "协助专职委员做好残疾人基本信息动态更新和服务记录。", ["信息录入", "办公软件"]),
      job("社区网格信息员", "录入和更新社区居民信息，整理台账资料。", ["信息录入", "办公软件"], "office"),
      job("图书馆图书整理员", "负责图书上架、整理和借还登记。", ["图书整理"]),
      job("公共服务窗口引导员", "在服务大厅引导群众取号办事，解答简单咨询。", ["沟通表达", "普通话"]),
      job("停车场管理员", "负责停车场车辆引导和收费登记，巡查设施。", ["收银", "沟通表达"]),
    ],
    types: [["public_welfare", 100]],
    pay: [1900, 2800],
    education: ["junior", "senior", "vocational", "college"],
    hours: ["周一至周五9:00–17:00", "每天6小时，可调整"],
    core: ["step_free_access", "accessible_toilet"],
    optional: ["flexible_hours", "rest_breaks", "text_communication", "simple_instructions", "elevator", "accessible_parking"],
    demands: ["walking_long", "public_facing"],
  },
  auxiliary: {
    category: "handicraft",
    titles: [
      job("辅助性就业学员（手工串珠）", "在就业辅导员指导下完成串珠饰品，按件计酬。", ["手工串珠"]),
      job("辅助性就业学员（纸盒折叠）", "按图示步骤折叠包装纸盒，参加每日工作和康复训练。", ["折纸盒", "包装"], "manufacturing"),
      job("洗车辅助员", "在带教老师指导下完成车辆冲洗和擦干。", ["洗车"], "cleaning"),
      job("烘焙辅助员", "在爱心烘焙坊协助制作饼干和面包，负责包装。", ["烘焙", "包装"], "catering"),
      job("环保袋缝制学员", "学习缝制环保布袋，逐步提高独立工作能力。", ["缝纫"]),
      job("农产品包装辅助员", "按示范完成农产品装袋和贴标。", ["包装"], "agriculture"),
    ],
    types: [["auxiliary", 100]],
    pay: [1900, 2500],
    education: ["none"],
    hours: ["周一至周五9:30–15:30", "每天4小时，上午班"],
    core: ["job_coach", "simple_instructions"],
    optional: ["accessible_transport", "rest_breaks", "quiet_workspace", "flexible_hours", "sign_language", "step_free_access"],
    demands: ["fine_motor"],
  },
  health: {
    category: "other",
    titles: [
      job("康复治疗助理", "协助康复治疗师为患者开展训练，做好训练记录。", ["康复训练"]),
      job("病案整理员", "整理病案资料，扫描归档并录入系统。", ["档案管理", "办公软件"], "office"),
      job("医疗推拿师", "遵医嘱为患者提供中医推拿治疗，记录治疗情况。", ["中医推拿", "推拿", "经络穴位"], "massage"),
      job("导诊员", "在门诊大厅引导患者挂号就诊，解答就医流程咨询。", ["沟通表达", "普通话"]),
      job("药房辅助员", "协助药师完成药品上架、效期检查和发药准备。", ["细心耐心", "办公软件"]),
    ],
    types: [["full_time", 90], ["part_time", 10]],
    pay: [2800, 5500],
    education: ["vocational", "college", "bachelor"],
    hours: ["8:00–12:00、14:30–17:30", "排班制，每周五天"],
    core: ["step_free_access"],
    optional: ["elevator", "accessible_toilet", "braille", "screen_reader", "flexible_hours", "rest_breaks", "text_communication"],
    demands: ["prolonged_standing", "public_facing", "reading_print"],
  },
  hospitality: {
    category: "cleaning",
    titles: [
      job("客房服务员", "负责客房清扫、布草更换和物品补充。", ["客房清扫", "酒店服务"]),
      job("酒店预订专员", "通过网络平台处理客房预订和客人留言。", ["电脑操作", "中文打字", "酒店服务"], "customer_service"),
      job("布草房整理员", "清点、整理和分发布草，登记送洗数量。", ["洗衣熨烫"]),
      job("餐厅服务员", "为客人点餐上菜，保持餐区整洁。", ["酒店服务", "普通话"], "catering"),
    ],
    types: [["full_time", 80], ["part_time", 20]],
    pay: [2300, 4200],
    education: ["none", "junior", "senior"],
    hours: ["8:00–16:00 / 14:00–22:00 两班", "9:00–18:00，月休六天"],
    core: ["accessible_dormitory"],
    optional: ["sign_language", "text_communication", "simple_instructions", "rest_breaks", "step_free_access", "accessible_toilet", "elevator"],
    demands: ["prolonged_standing", "walking_long", "public_facing"],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Organizations

interface OrgDef {
  name: string;
  type: OrganizationType;
  industry: IndustryCode;
  county: string;
  staff: number;
  jobs: readonly JobKey[];
  street: string;
  specials?: readonly string[];
  pending?: boolean;
  /** Owned by the demo employer account. */
  demo?: boolean;
}

const S = SPECIAL_STATUSES;

/** The demo organizations; the first is the demo employer's. Order matters for determinism: append only. */
export const DEMO_ORGANIZATIONS: readonly OrgDef[] = [
  { name: "贵阳黔程示范科技有限公司", type: "enterprise", industry: "it", county: "520115", staff: 86, jobs: [], street: "林城西路", specials: [S.demonstration], demo: true },
  // 贵阳市
  { name: "贵阳黔灵科技有限公司", type: "enterprise", industry: "it", county: "520103", staff: 260, jobs: ["software", "annotation", "csText", "design"], street: "黔灵西路" },
  { name: "贵州云上数据标注有限公司", type: "enterprise", industry: "it", county: "520115", staff: 540, jobs: ["annotation", "csText", "office"], street: "诚信北路", specials: [S.concentrated] },
  { name: "贵阳市南明区明目盲人按摩店", type: "individual_business", industry: "services", county: "520102", staff: 12, jobs: ["massage"], street: "花果园大街", specials: [S.blindMassage] },
  { name: "贵阳市云岩区阳光家园辅助性就业中心", type: "social_organization", industry: "health", county: "520103", staff: 24, jobs: ["auxiliary", "handicraft"], street: "宝山北路", specials: [S.auxiliary] },
  { name: "贵州黔味源食品有限公司", type: "enterprise", industry: "manufacturing", county: "520111", staff: 1260, jobs: ["production", "warehouse", "ecommerce", "office"], street: "花溪大道", specials: [S.concentrated] },
  { name: "贵阳筑城物流有限公司", type: "enterprise", industry: "logistics", county: "520113", staff: 830, jobs: ["warehouse", "csPhone", "office"], street: "白金大道" },
  { name: "贵阳市乌当区人力资源和社会保障局", type: "government", industry: "public_admin", county: "520112", staff: 68, jobs: ["publicWelfare", "office"], street: "新添大道" },
  { name: "贵州黔银金融服务外包有限公司", type: "enterprise", industry: "finance", county: "520115", staff: 1500, jobs: ["csPhone", "csText", "finance", "annotation"], street: "长岭北路" },
  { name: "清镇市职教城后勤服务有限公司", type: "enterprise", industry: "services", county: "520181", staff: 320, jobs: ["cleaning", "catering", "retail"], street: "职教东路" },
  // 遵义市
  { name: "遵义市红花岗区盲人按摩中心", type: "social_organization", industry: "services", county: "520302", staff: 18, jobs: ["massage"], street: "中华北路", specials: [S.blindMassage] },
  { name: "仁怀市酱韵酒业有限公司", type: "enterprise", industry: "manufacturing", county: "520382", staff: 1980, jobs: ["production", "warehouse", "ecommerce", "finance"], street: "酒都大道" },
  { name: "遵义汇川精密电子有限公司", type: "enterprise", industry: "manufacturing", county: "520303", staff: 680, jobs: ["production", "office", "warehouse"], street: "上海路" },
  { name: "湄潭县翠芽茶业有限公司", type: "enterprise", industry: "agriculture", county: "520328", staff: 210, jobs: ["agriculture", "ecommerce", "production"], street: "茶城大道" },
  { name: "遵义市播州区残疾人康复中心", type: "public_institution", industry: "health", county: "520304", staff: 45, jobs: ["health", "teaching", "cleaning"], street: "播州大道" },
  // 六盘水市
  { name: "六盘水市钟山区荷城街道社区服务中心", type: "public_institution", industry: "public_admin", county: "520201", staff: 26, jobs: ["publicWelfare", "cleaning"], street: "人民中路" },
  { name: "盘州市宏盛物业服务有限公司", type: "enterprise", industry: "services", county: "520281", staff: 420, jobs: ["cleaning", "office", "retail"], street: "胜境大道" },
  { name: "六盘水凉都电商产业园运营有限公司", type: "enterprise", industry: "retail", county: "520204", staff: 150, jobs: ["ecommerce", "agriculture", "warehouse", "design"], street: "双水大道" },
  // 安顺市
  { name: "安顺黔艺蜡染工艺品有限公司", type: "enterprise", industry: "culture", county: "520402", staff: 95, jobs: ["handicraft", "retail", "ecommerce", "design"], street: "塔山东路", specials: [S.demonstration] },
  { name: "安顺市平坝区阳光家园辅助性就业中心", type: "social_organization", industry: "health", county: "520403", staff: 22, jobs: ["auxiliary"], street: "安平大道", specials: [S.auxiliary] },
  { name: "镇宁瀑乡旅游服务有限公司", type: "enterprise", industry: "tourism", county: "520423", staff: 360, jobs: ["retail", "hospitality", "csText", "cleaning"], street: "环城东路" },
  // 毕节市
  { name: "毕节市残疾人辅助性就业服务中心", type: "public_institution", industry: "health", county: "520502", staff: 40, jobs: ["auxiliary", "handicraft", "agriculture"], street: "洪山路", specials: [S.auxiliary] },
  { name: "威宁县高原农业发展有限公司", type: "enterprise", industry: "agriculture", county: "520526", staff: 300, jobs: ["agriculture", "warehouse", "ecommerce"], street: "建设东路" },
  { name: "金沙县康乐盲人按摩店", type: "individual_business", industry: "services", county: "520523", staff: 9, jobs: ["massage"], street: "鼓场街", specials: [S.blindMassage] },
  { name: "黔西市织锦服饰有限公司", type: "enterprise", industry: "manufacturing", county: "520581", staff: 760, jobs: ["production", "handicraft", "office"], street: "莲城大道", specials: [S.concentrated] },
  // 铜仁市
  { name: "铜仁梵韵茶业有限公司", type: "enterprise", industry: "agriculture", county: "520602", staff: 180, jobs: ["agriculture", "production", "ecommerce"], street: "锦江北路" },
  { name: "铜仁万山数字经济服务有限公司", type: "enterprise", industry: "it", county: "520603", staff: 480, jobs: ["annotation", "csText", "software", "csPhone"], street: "谢桥大道", specials: [S.concentrated] },
  { name: "松桃苗绣文化发展有限公司", type: "enterprise", industry: "culture", county: "520628", staff: 64, jobs: ["handicraft", "ecommerce", "design"], street: "蓼皋大道", specials: [S.demonstration] },
  { name: "思南县中医医院", type: "public_institution", industry: "health", county: "520624", staff: 620, jobs: ["health", "massage", "office", "cleaning"], street: "城北大道" },
  // 黔西南州
  { name: "兴义市万峰林酒店管理有限公司", type: "enterprise", industry: "hospitality", county: "522301", staff: 230, jobs: ["hospitality", "catering", "cleaning", "csText"], street: "桔山大道" },
  { name: "兴仁市薏品食品有限公司", type: "enterprise", industry: "manufacturing", county: "522302", staff: 390, jobs: ["production", "warehouse", "ecommerce"], street: "东湖大道" },
  { name: "安龙县人力资源和社会保障局", type: "government", industry: "public_admin", county: "522328", staff: 52, jobs: ["publicWelfare", "office"], street: "招堤大道" },
  // 黔东南州
  { name: "凯里市苗韵银饰工艺品有限公司", type: "enterprise", industry: "manufacturing", county: "522601", staff: 120, jobs: ["handicraft", "retail", "ecommerce"], street: "韶山南路" },
  { name: "雷山县苗岭旅游文化有限公司", type: "enterprise", industry: "tourism", county: "522634", staff: 200, jobs: ["retail", "hospitality", "handicraft", "csText"], street: "丹江大道" },
  { name: "凯里市特殊教育学校", type: "public_institution", industry: "education", county: "522601", staff: 85, jobs: ["teaching", "cleaning", "office"], street: "开元大道" },
  { name: "从江县月亮山生态农业有限公司", type: "enterprise", industry: "agriculture", county: "522633", staff: 140, jobs: ["agriculture", "warehouse"], street: "丙妹大道" },
  // 黔南州
  { name: "都匀市云雾茶业有限公司", type: "enterprise", industry: "manufacturing", county: "522701", staff: 260, jobs: ["production", "agriculture", "ecommerce"], street: "剑江中路" },
  { name: "黔南数智云服务有限公司", type: "enterprise", industry: "it", county: "522730", staff: 610, jobs: ["annotation", "software", "csText", "csPhone"], street: "冠山大道", specials: [S.concentrated] },
  { name: "福泉市阳光家园辅助性就业中心", type: "social_organization", industry: "health", county: "522702", staff: 16, jobs: ["auxiliary"], street: "金山大道", specials: [S.auxiliary] },
  { name: "荔波县樟江旅游服务有限公司", type: "enterprise", industry: "tourism", county: "522722", staff: 170, jobs: ["retail", "hospitality", "cleaning"], street: "樟江中路" },
  { name: "惠水县好花红刺绣工坊", type: "individual_business", industry: "culture", county: "522731", staff: 8, jobs: ["handicraft"], street: "和平路" },
  // Waiting in the admin's verification queue.
  { name: "贵阳康泰辅具科技有限公司", type: "enterprise", industry: "manufacturing", county: "520112", staff: 45, jobs: [], street: "高新路", pending: true },
  { name: "六枝特区巧手编织工艺品店", type: "individual_business", industry: "culture", county: "520203", staff: 8, jobs: [], street: "人民路", pending: true },
];

/** The USCCs of the demo organizations, in DEMO_ORGANIZATIONS order (the idempotency key). */
export function demoUsccs(): string[] {
  return DEMO_ORGANIZATIONS.map((o, i) => makeDemoUscc(new Random(SEED + 1000 + i), o.type, o.county));
}

// ---------------------------------------------------------------------------------------------------------------
// People

const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "吴", "赵", "周", "罗", "龙", "王", "李", "张", "杨", "吴", "陈",
  "石", "田", "潘", "韦", "蒙", "安", "陆", "雷", "冉", "邓", "徐", "何", "胡", "谢", "袁", "付", "向", "肖", "彭",
  "余", "杜", "熊", "姚", "任", "谭", "唐", "许", "宋", "杨", "龙", "吴", "罗",
];
const GIVEN = {
  male: {
    older: ["建国", "国庆", "志强", "德明", "永福", "昌富", "正权", "明", "军", "伟", "强", "勇", "斌", "华", "平", "刚", "林", "光荣", "文华", "海波"],
    middle: ["涛", "杰", "超", "磊", "鹏", "波", "峰", "俊", "飞", "浩", "勇", "小龙", "云飞", "金贵", "明亮", "志远", "文俊", "德华", "江", "阳"],
    younger: ["浩然", "子豪", "宇航", "俊杰", "天宇", "家豪", "明轩", "博文", "思远", "一鸣", "子涵", "宇", "晨", "睿", "鑫", "昊", "文博", "梓轩", "佳乐", "俊熙"],
  },
  female: {
    older: ["秀英", "桂芬", "玉兰", "春燕", "秀珍", "玉梅", "淑芬", "红", "芳", "丽", "敏", "英", "萍", "琴", "兰", "翠", "秀兰", "金花", "桂香", "小琴"],
    middle: ["静", "燕", "霞", "娟", "艳", "玲", "婷", "雪", "梅", "丽娟", "晓雪", "小红", "春梅", "丹", "倩", "琳", "莉", "慧", "晓燕", "丽萍"],
    younger: ["雨欣", "欣怡", "梓涵", "诗雨", "佳怡", "婉清", "思琪", "雨桐", "可欣", "心怡", "一诺", "悦", "佳琪", "紫涵", "语嫣", "若曦", "欣妍", "依诺", "晨曦", "梦瑶"],
  },
};

function personName(rng: Random, gender: "male" | "female", birthYear: number): string {
  const pools = GIVEN[gender];
  const pool = birthYear < 1982 ? pools.older : birthYear < 1995 ? (rng.chance(0.7) ? pools.middle : pools.older) : rng.chance(0.8) ? pools.younger : pools.middle;
  return rng.pick(SURNAMES) + rng.pick(pool);
}

interface Division {
  code: string;
  name: string;
  parent_code: string | null;
  level: "province" | "prefecture" | "county";
}

class Regions {
  readonly prefectures: Division[];
  readonly counties: Division[];
  private readonly byCode = new Map<string, Division>();
  private readonly countiesByPrefecture = new Map<string, Division[]>();

  constructor(divisions: readonly Division[]) {
    const sorted = [...divisions].sort((a, b) => a.code.localeCompare(b.code));
    for (const d of sorted) this.byCode.set(d.code, d);
    this.prefectures = sorted.filter((d) => d.level === "prefecture");
    this.counties = sorted.filter((d) => d.level === "county");
    for (const p of this.prefectures) this.countiesByPrefecture.set(p.code, this.counties.filter((c) => c.parent_code === p.code));
    if (this.prefectures.length !== 9 || this.counties.length === 0) {
      throw new Error(`the division table is not seeded (found ${this.prefectures.length} prefectures, ${this.counties.length} counties)`);
    }
  }
  county(code: string): Division {
    const d = this.byCode.get(code);
    if (!d || d.level !== "county") throw new Error(`unknown county ${code}`);
    return d;
  }
  prefectureOf(countyCode: string): Division {
    return this.byCode.get(this.county(countyCode).parent_code!)!;
  }
  countiesOf(prefectureCode: string): Division[] {
    return this.countiesByPrefecture.get(prefectureCode) ?? [];
  }
  /** "贵阳市观山湖区". */
  place(countyCode: string): string {
    return this.prefectureOf(countyCode).name + this.county(countyCode).name;
  }
}

const STREETS = ["人民路", "中山路", "解放路", "建设路", "新华路", "环城路", "文化路", "育才路", "民族路", "和平路", "团结路", "迎宾大道"];

// Seekers -------------------------------------------------------------------------------------------------------

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [DisabilityCategory, number]> = [
  ["physical", 38],
  ["hearing", 18],
  ["vision", 15],
  ["intellectual", 11],
  ["mental", 8],
  ["speech", 5],
  ["multiple", 5],
];

const CATEGORY_SKILLS: Record<DisabilityCategory, readonly string[]> = {
  vision: ["保健按摩", "推拿", "经络穴位", "读屏软件操作", "盲文", "普通话", "电话客服", "中文打字"],
  hearing: ["手语", "中文打字", "数据标注", "平面设计", "Photoshop", "手工编织", "缝纫", "电商客服", "产品质检"],
  speech: ["中文打字", "数据录入", "手工编织", "办公软件", "电商客服", "包装"],
  physical: ["办公软件", "Excel", "中文打字", "电商客服", "数据标注", "会计核算", "手工编织", "刺绣", "短视频剪辑", "软件测试", "平面设计"],
  intellectual: ["保洁", "包装", "手工串珠", "洗车", "烘焙", "货物分拣"],
  mental: ["数据录入", "手工编织", "保洁", "包装", "图书整理", "烘焙", "绿化养护"],
  multiple: ["手工编织", "包装", "保洁", "手工串珠", "中文打字"],
};

const SCHOOLS = {
  master: ["贵州大学", "贵州师范大学", "贵州财经大学"],
  bachelor: ["贵州大学", "贵州师范大学", "贵州财经大学", "贵州民族大学", "贵州医科大学", "遵义医科大学", "贵州理工学院", "贵阳学院", "凯里学院", "铜仁学院", "六盘水师范学院", "安顺学院", "黔南民族师范学院", "兴义民族师范学院"],
  bachelorSpecial: ["长春大学特殊教育学院", "北京联合大学特殊教育学院", "贵州师范大学"],
  college: ["贵州城市职业学院", "贵州轻工职业技术学院", "贵州电子信息职业技术学院", "贵州交通职业技术学院", "贵阳职业技术学院", "遵义职业技术学院", "毕节职业技术学院", "铜仁职业技术学院", "黔东南民族职业技术学院", "黔南民族职业技术学院", "六盘水职业技术学院", "安顺职业技术学院"],
  vocational: ["贵州省电子信息高级技工学校", "贵阳市女子职业学校", "贵州省旅游学校", "贵州省机械工业学校"],
  vocationalSpecial: ["贵州省盲聋哑学校"],
} as const;

const MAJORS: Record<"vision" | "hearing" | "general", Record<"vocational" | "college" | "bachelor" | "master", readonly string[]>> = {
  vision: {
    vocational: ["中医康复保健"],
    college: ["针灸推拿", "中医康复技术"],
    bachelor: ["针灸推拿学", "音乐学"],
    master: ["康复医学与理疗学"],
  },
  hearing: {
    vocational: ["服装设计与工艺", "计算机应用"],
    college: ["计算机应用技术", "动漫制作技术", "服装与服饰设计"],
    bachelor: ["视觉传达设计", "美术学", "计算机科学与技术"],
    master: ["设计学"],
  },
  general: {
    vocational: ["计算机应用", "电子商务", "会计事务", "中餐烹饪"],
    college: ["软件技术", "电子商务", "大数据技术", "会计", "市场营销", "物流管理", "旅游管理"],
    bachelor: ["计算机科学与技术", "汉语言文学", "社会工作", "行政管理", "会计学", "英语", "法学", "学前教育"],
    master: ["社会工作", "计算机技术", "公共管理"],
  },
};

const MAJOR_SKILLS: Record<string, readonly string[]> = {
  针灸推拿: ["推拿", "经络穴位"],
  针灸推拿学: ["推拿", "经络穴位"],
  中医康复保健: ["保健按摩", "推拿"],
  中医康复技术: ["推拿", "康复训练"],
  视觉传达设计: ["平面设计", "Photoshop", "Illustrator"],
  美术学: ["手绘", "平面设计"],
  动漫制作技术: ["Photoshop", "短视频剪辑"],
  服装设计与工艺: ["缝纫", "手绘"],
  服装与服饰设计: ["缝纫", "手绘"],
  计算机应用: ["办公软件", "电脑操作"],
  计算机应用技术: ["办公软件", "JavaScript"],
  计算机科学与技术: ["Java", "Python", "SQL"],
  计算机技术: ["Python", "SQL", "Linux"],
  软件技术: ["软件测试", "Java", "SQL"],
  大数据技术: ["Python", "SQL"],
  电子商务: ["电商平台操作", "直播运营"],
  会计: ["会计核算", "Excel"],
  会计学: ["会计核算", "税务申报"],
  会计事务: ["出纳", "Excel"],
  市场营销: ["沟通表达", "电商平台操作"],
  物流管理: ["仓储管理", "Excel"],
  旅游管理: ["普通话", "沟通表达"],
  汉语言文学: ["公文写作", "办公软件"],
  社会工作: ["政策宣传", "沟通表达"],
  行政管理: ["公文写作", "档案管理"],
  公共管理: ["公文写作", "政策宣传"],
  英语: ["英语", "办公软件"],
  法学: ["公文写作", "办公软件"],
  学前教育: ["普通话", "手绘"],
  中餐烹饪: ["烹饪", "面点制作"],
  音乐学: ["普通话", "读屏软件操作"],
  康复医学与理疗学: ["康复训练", "推拿"],
  设计学: ["平面设计", "Figma"],
};

interface Needs {
  required: AccommodationCode[];
  preferred: AccommodationCode[];
  limits: TaskDemandCode[];
}

/** Needs and limits that fit the category and grade (design §5); category itself never filters anyone. */
function needsFor(rng: Random, category: DisabilityCategory, grade: number): Needs {
  const req: AccommodationCode[] = [];
  const pref: AccommodationCode[] = [];
  const lim: TaskDemandCode[] = [];
  const maybe = <T>(list: T[], p: number, ...codes: T[]) => {
    for (const c of codes) if (rng.chance(p)) list.push(c);
  };
  const severe = grade <= 2;
  switch (category) {
    case "vision":
      if (severe) {
        req.push("screen_reader");
        maybe(req, 0.4, "braille");
        maybe(pref, 0.5, "accessible_transport", "flexible_hours");
        lim.push("reading_print", "driving");
        maybe(lim, 0.4, "working_at_height");
      } else {
        if (rng.chance(0.7)) req.push("screen_magnifier");
        maybe(pref, 0.4, "screen_reader", "accessible_transport", "flexible_hours");
        lim.push("driving");
        maybe(lim, 0.6, "reading_print");
      }
      break;
    case "hearing":
      if (severe) {
        req.push(rng.chance(0.6) ? "sign_language" : "text_communication");
        maybe(pref, 0.6, "captions", "text_communication");
        lim.push("phone_calls", "hearing_alarms");
      } else {
        if (rng.chance(0.5)) req.push("text_communication");
        maybe(pref, 0.5, "hearing_loop", "captions");
        maybe(lim, 0.6, "phone_calls");
      }
      break;
    case "speech":
      req.push("text_communication");
      maybe(pref, 0.4, "quiet_workspace", "flexible_hours");
      lim.push("phone_calls");
      maybe(lim, 0.5, "public_facing");
      break;
    case "physical":
      if (severe) {
        req.push("step_free_access", "accessible_toilet");
        maybe(req, 0.6, "elevator");
        maybe(pref, 0.4, "accessible_parking", "accessible_transport", "ergonomic_equipment", "remote_work", "flexible_hours");
        lim.push("prolonged_standing", "walking_long", "heavy_lifting");
        maybe(lim, 0.5, "working_at_height");
      } else if (rng.chance(0.2)) {
        // An upper-limb disability.
        req.push("ergonomic_equipment");
        maybe(pref, 0.5, "flexible_hours", "rest_breaks");
        lim.push("fine_motor", "heavy_lifting");
      } else {
        if (rng.chance(0.6)) req.push("step_free_access");
        maybe(pref, 0.4, "elevator", "rest_breaks", "flexible_hours", "ergonomic_equipment");
        lim.push("heavy_lifting");
        maybe(lim, 0.6, "prolonged_standing");
        maybe(lim, 0.4, "walking_long", "working_at_height");
      }
      break;
    case "intellectual":
      req.push("simple_instructions");
      if (grade <= 3 && rng.chance(0.5)) req.push("job_coach");
      maybe(pref, 0.5, "accessible_transport", "rest_breaks", "quiet_workspace");
      lim.push("driving");
      maybe(lim, 0.6, "fast_paced_line");
      maybe(lim, 0.4, "reading_print");
      maybe(lim, 0.3, "night_shift");
      break;
    case "mental":
      {
        const r = rng.float();
        if (r < 0.5) req.push("flexible_hours");
        else if (r < 0.8) req.push("quiet_workspace");
      }
      maybe(pref, 0.5, "rest_breaks", "quiet_workspace", "part_time");
      maybe(pref, 0.2, "job_coach");
      lim.push("night_shift");
      maybe(lim, 0.5, "fast_paced_line");
      maybe(lim, 0.4, "public_facing");
      break;
    case "multiple":
      req.push("step_free_access");
      maybe(req, 0.4, "simple_instructions");
      maybe(pref, 0.5, "job_coach", "accessible_transport", "rest_breaks");
      lim.push("heavy_lifting", "phone_calls");
      maybe(lim, 0.5, "walking_long");
      break;
  }
  const required = unique(req);
  return { required, preferred: unique(pref).filter((c) => !required.includes(c)), limits: unique(lim) };
}

// ---------------------------------------------------------------------------------------------------------------
// The plan: every row, built in memory

export interface DemoAccounts {
  seekerId: string;
  employerId: string;
  counselorId: string | null;
  adminId: string | null;
}

export interface DemoRows {
  users: Insertable<AppUserTable>[];
  organizations: Insertable<OrganizationTable>[];
  members: Insertable<OrganizationMemberTable>[];
  profiles: Insertable<SeekerProfileTable>[];
  vacancies: Insertable<VacancyTable>[];
  applications: Insertable<ApplicationTable>[];
  events: Insertable<ApplicationEventTable>[];
  employments: Insertable<EmploymentTable>[];
  notifications: Insertable<NotificationTable>[];
}

interface OrgPlan {
  id: string;
  def: OrgDef;
  uscc: string;
  ownerId: string;
  createdAt: number;
}

interface VacancyPlan {
  id: string;
  org: OrgPlan;
  row: Insertable<VacancyTable> & { title: string; pay_min: number; pay_max: number; openings: number; region_code: string };
  status: VacancyStatus;
  publishedAt: number | null;
  /** Last moment an application may arrive (closing date or now). */
  acceptUntil: number;
  match: MatchVacancy;
  /** Chosen to be filled: its hires will take all openings. */
  toFill: boolean;
}

interface SeekerPlan {
  id: string;
  name: string;
  category: DisabilityCategory;
  grade: number;
  createdAt: number;
  discoverable: boolean;
  match: MatchSeeker;
  profile: Insertable<SeekerProfileTable>;
}

interface ApplicationPlan {
  id: string;
  vacancy: VacancyPlan;
  seeker: SeekerPlan;
  source: ApplicationSource;
  status: ApplicationStatus;
  /** A fixed timeline (the demo seeker's), else generated. */
  fixed?: ReadonlyArray<readonly [ApplicationStatus, number, string | null]>;
}

function vacancyDescription(duty: string, rng: Random, accommodations: readonly string[], type: EmploymentType, quota: boolean): string {
  const offered = ACCOMMODATIONS.filter((a) => accommodations.includes(a.code)).map((a) => a.zh);
  const parts = [duty, `单位提供${offered.join("、")}。`];
  if (quota) parts.push(rng.pick(["签订一年以上劳动合同，按时缴纳社会保险。", "试用期后签订劳动合同，缴纳五险，节假日有福利。"]));
  else if (type === "auxiliary") parts.push("不要求工作经验，入职前有一周适应期。");
  else if (type === "part_time" || type === "flexible") parts.push("时间灵活，适合需要兼顾康复或照顾家庭的求职者。");
  return parts.join("");
}

/**
 * Builds every demo row in memory. Pure apart from `newId`: the same divisions and accounts give the same rows.
 */
export function buildDemoRows(
  divisions: readonly Division[],
  accounts: DemoAccounts,
  passwordHash: string,
  newId: () => string = randomUUID,
): DemoRows {
  const regions = new Regions(divisions);
  const rows: DemoRows = { users: [], organizations: [], members: [], profiles: [], vacancies: [], applications: [], events: [], employments: [], notifications: [] };
  const usccs = demoUsccs();

  // Organizations and their owners ----------------------------------------------------------------------------
  const orgRng = new Random(SEED + 1);
  const orgs: OrgPlan[] = [];
  DEMO_ORGANIZATIONS.forEach((def, i) => {
    regions.county(def.county); // throws on a code the division table lacks
    const createdAt = def.pending ? ANCHOR - orgRng.int(20, 60) * HOUR : ANCHOR - orgRng.int(150, 600) * DAY + orgRng.int(9, 17) * HOUR;
    const contactGender = orgRng.chance(0.5) ? "male" : "female";
    const contactName = personName(orgRng, contactGender, orgRng.int(1972, 1996));
    let ownerId: string;
    let phone: string;
    if (def.demo) {
      ownerId = accounts.employerId;
      phone = DEMO_PHONES.employer;
    } else {
      ownerId = newId();
      phone = `${DEMO_EMPLOYER_PHONE_PREFIX}${String(i).padStart(4, "0")}`;
      rows.users.push({
        id: ownerId,
        role: "employer",
        phone,
        display_name: contactName,
        password_hash: passwordHash,
        created_at: new Date(createdAt - 15 * 60_000),
        password_changed_at: new Date(createdAt - 15 * 60_000),
      });
    }
    const id = newId();
    const reviewedAt = def.pending ? null : new Date(createdAt + orgRng.int(20, 96) * HOUR);
    rows.organizations.push({
      id,
      name: def.name,
      uscc: usccs[i]!,
      type: def.type,
      region_code: def.county,
      address: `${regions.place(def.county)}${def.street}${orgRng.int(1, 320)}号`,
      industry: def.industry,
      staff_count: def.staff,
      contact_name: def.demo ? "张华" : contactName,
      contact_phone: phone,
      contact_email: null,
      special_statuses: [...(def.specials ?? [])],
      status: def.pending ? "pending" : "verified",
      reviewed_by: def.pending ? null : accounts.adminId,
      reviewed_at: reviewedAt,
      created_by: ownerId,
      created_at: new Date(createdAt),
      updated_at: reviewedAt ?? new Date(createdAt),
    });
    rows.members.push({ organization_id: id, user_id: ownerId, role: "owner", created_at: new Date(createdAt) });
    orgs.push({ id, def, uscc: usccs[i]!, ownerId, createdAt });
  });

  // Vacancies ---------------------------------------------------------------------------------------------------
  const vacRng = new Random(SEED + 2);
  const vacancies: VacancyPlan[] = [];
  const addVacancy = (org: OrgPlan, spec: {
    template: JobTemplate;
    /** A title of the template, or a title of its own. */
    job: JobTitle | string;
    status: VacancyStatus;
    toFill?: boolean;
    openings?: number;
    region?: string;
    remote?: boolean;
    type?: EmploymentType;
    pay?: readonly [number, number];
    accommodations?: AccommodationCode[];
    demands?: TaskDemandCode[];
    publishedDaysAgo?: number;
  }) => {
    const t = spec.template;
    const def = org.def;
    const jt = typeof spec.job === "string" ? t.titles.find((x) => x.title === spec.job) : spec.job;
    if (!jt) throw new Error(`no title ${String(spec.job)} in its template`);
    let type: EmploymentType = spec.type ?? vacRng.weighted(t.types);
    if (!spec.type && (def.type === "government" || def.type === "public_institution") && t !== JOBS.teaching && t !== JOBS.health && vacRng.chance(0.5)) {
      type = "public_welfare";
    }
    const openings =
      spec.openings ??
      (spec.toFill
        ? vacRng.weighted([[1, 50], [2, 35], [3, 15]] as const)
        : vacRng.weighted([[1, 26], [2, 24], [3, 16], [4, 9], [5, 9], [6, 5], [8, 5], [10, 6]] as const));
    const region =
      spec.region ?? (vacRng.chance(0.75) ? def.county : vacRng.pick(regions.countiesOf(regions.prefectureOf(def.county).code)).code);
    const remote = spec.remote ?? (t.remote === true && vacRng.chance(0.45));
    let payMin: number;
    let payMax: number;
    if (spec.pay) [payMin, payMax] = spec.pay;
    else {
      const [lo, hi] = t.pay;
      payMin = Math.max(1900, round100(lo + vacRng.float() * (hi - lo) * 0.55));
      payMax = Math.min(9000, hi, payMin + round100(300 + vacRng.float() * 2200));
      if (payMax < payMin) payMax = payMin;
    }
    let accommodations: AccommodationCode[];
    if (spec.accommodations) accommodations = spec.accommodations;
    else {
      const extra: AccommodationCode[] = [];
      if (remote) extra.push("remote_work");
      if (type === "part_time") extra.push("part_time");
      const base = unique([...t.core, ...extra]);
      const room = Math.max(0, 6 - base.length);
      const want = Math.min(room, vacRng.int(base.length >= 2 ? 0 : 1, 4));
      accommodations = unique([...base, ...vacRng.sample(t.optional.filter((c) => !base.includes(c)), want)]).slice(0, 6);
    }
    const demands: TaskDemandCode[] =
      spec.demands ?? unique([...(t.fixedDemands ?? []), ...vacRng.sample(t.demands, vacRng.weighted([[0, 30], [1, 40], [2, 22], [3, 8]] as const))]).slice(0, 3);
    const quota =
      type === "full_time" ? vacRng.chance(0.88) : type === "public_welfare" ? vacRng.chance(0.6) : type === "auxiliary" ? false : vacRng.chance(0.1);
    const status = spec.status;
    const publishedDaysAgo =
      spec.publishedDaysAgo ?? (spec.toFill ? vacRng.int(32, 88) : status === "closed" ? vacRng.int(45, 89) : vacRng.int(1, 89));
    const publishedAt = status === "draft" ? null : ANCHOR - publishedDaysAgo * DAY - vacRng.int(0, 8) * HOUR;
    const createdAt = publishedAt !== null ? publishedAt - vacRng.int(1, 72) * HOUR : ANCHOR - vacRng.int(1, 20) * DAY;
    let closingDate: string | null;
    let acceptUntil = ANCHOR - HOUR;
    if (status === "closed") {
      closingDate = shanghaiDate(publishedAt! + vacRng.int(25, 40) * DAY);
      acceptUntil = Math.min(acceptUntil, Date.parse(`${closingDate}T18:00:00+08:00`));
    } else if (status === "draft" && vacRng.chance(0.5)) {
      closingDate = null;
    } else {
      closingDate = `2027-0${vacRng.int(1, 6)}-${String(vacRng.int(1, 28)).padStart(2, "0")}`;
    }
    const skills = [...jt.skills];
    const hours =
      type === "part_time"
        ? vacRng.pick(["每天4小时，上午或下午班", "每周三到四天，每天5小时", "每天4–6小时，时间可商量"])
        : type === "flexible"
          ? vacRng.pick(["按任务量安排，时间自主", "计件制，可居家完成"])
          : vacRng.pick(t.hours);
    const address = region === def.county ? rows.organizations.find((o) => o.id === org.id)!.address! : `${regions.place(region)}${vacRng.pick(STREETS)}${vacRng.int(1, 200)}号`;
    const education = vacRng.pick(t.education);
    const id = newId();
    const row = {
      id,
      organization_id: org.id,
      title: jt.title,
      description: vacancyDescription(jt.duty, vacRng, accommodations, type, quota),
      category: jt.category ?? t.category,
      employment_type: type,
      openings,
      region_code: region,
      address,
      remote,
      pay_min: payMin,
      pay_max: payMax,
      education_required: education,
      skills,
      hours,
      accommodations,
      demands,
      quota_eligible: quota,
      status,
      closing_date: closingDate,
      published_at: publishedAt === null ? null : new Date(publishedAt),
      created_by: org.ownerId,
      created_at: new Date(createdAt),
      updated_at: new Date(publishedAt ?? createdAt),
    };
    const plan: VacancyPlan = {
      id,
      org,
      row,
      status,
      publishedAt,
      acceptUntil,
      toFill: spec.toFill ?? false,
      match: {
        regionCode: region,
        remote,
        accommodations,
        demands,
        skills,
        educationRequired: education,
        payMin,
        payMax,
        publishedAt: publishedAt === null ? null : new Date(publishedAt),
      },
    };
    vacancies.push(plan);
    return plan;
  };

  // The demo employer's organization: a fixed set, so the README walkthrough has something to show.
  const demoOrg = orgs[0]!;
  const demoVacancies = {
    textService: addVacancy(demoOrg, {
      template: JOBS.csText,
      job: "客服专员（文字客服）",
      status: "open",
      openings: 3,
      region: "520115",
      remote: true,
      type: "full_time",
      pay: [3200, 4500],
      accommodations: ["step_free_access", "elevator", "accessible_toilet", "text_communication", "remote_work", "flexible_hours"],
      demands: [],
      publishedDaysAgo: 12,
    }),
    tester: addVacancy(demoOrg, {
      template: JOBS.software,
      job: "软件测试工程师",
      status: "open",
      openings: 2,
      region: "520115",
      remote: true,
      type: "full_time",
      pay: [5500, 8500],
      accommodations: ["screen_reader", "remote_work", "flexible_hours", "step_free_access", "elevator", "ergonomic_equipment"],
      demands: [],
      publishedDaysAgo: 20,
    }),
    annotation: addVacancy(demoOrg, {
      template: JOBS.annotation,
      job: "数据标注员",
      status: "open",
      openings: 5,
      region: "520102",
      remote: true,
      type: "part_time",
      pay: [2800, 4000],
      accommodations: ["remote_work", "text_communication", "screen_magnifier", "quiet_workspace", "step_free_access", "part_time"],
      demands: ["fine_motor"],
      publishedDaysAgo: 35,
    }),
    a11yTester: addVacancy(demoOrg, {
      template: JOBS.software,
      job: "网站无障碍测试员",
      status: "open",
      toFill: true,
      openings: 1,
      region: "520115",
      remote: true,
      type: "full_time",
      pay: [4500, 6500],
      accommodations: ["screen_reader", "screen_magnifier", "remote_work", "flexible_hours", "text_communication"],
      demands: [],
      publishedDaysAgo: 60,
    }),
    clerk: addVacancy(demoOrg, {
      template: JOBS.office,
      job: "行政文员",
      status: "draft",
      openings: 1,
      region: "520115",
      remote: false,
      type: "full_time",
      pay: [3000, 4000],
      accommodations: ["step_free_access", "elevator", "accessible_toilet", "flexible_hours"],
      demands: ["reading_print"],
    }),
  };
  for (const v of Object.values(demoVacancies)) v.row.quota_eligible = v.row.employment_type === "full_time";

  // Everyone else: a few vacancies each, more for larger organizations.
  for (const org of orgs) {
    const def = org.def;
    if (def.demo || def.pending || def.jobs.length === 0) continue;
    const base = def.type === "individual_business" ? 3 : 4;
    const extra = def.staff >= 1000 ? 4 : def.staff >= 400 ? 3 : def.staff >= 150 ? 2 : def.staff >= 50 ? 1 : 0;
    const count = base + extra + (vacRng.chance(0.25) ? 1 : 0);
    const used = new Set<string>();
    const keys = vacRng.sample(def.jobs, def.jobs.length);
    for (let slot = 0; slot < count; slot++) {
      let chosen: { t: JobTemplate; job: JobTitle } | null = null;
      for (let k = 0; k < keys.length && !chosen; k++) {
        const t = JOBS[keys[(slot + k) % keys.length]!];
        const free = t.titles.filter((x) => !used.has(x.title));
        if (free.length > 0) chosen = { t, job: vacRng.pick(free) };
      }
      if (!chosen) break;
      used.add(chosen.job.title);
      const r = vacRng.float();
      const status: VacancyStatus = r < 0.74 ? "open" : r < 0.85 ? "closed" : r < 0.92 ? "draft" : "open";
      const toFill = r >= 0.92;
      addVacancy(org, { template: chosen.t, job: chosen.job, status, toFill });
    }
  }

  // Seekers -----------------------------------------------------------------------------------------------------
  const seekRng = new Random(SEED + 3);
  const seekers: SeekerPlan[] = [];
  const idNumbers = new Set<string>();
  const usedNames = new Set<string>();
  const countyWeights = regions.counties.map((c) => {
    const capital = c.parent_code === "520100";
    const seat = regions.countiesOf(c.parent_code!)[0]?.code === c.code;
    return [c, capital ? 3 : seat ? 2 : 1] as const;
  });

  const makeSeeker = (spec: {
    id: string;
    phone: string | null;
    name?: string;
    gender?: "male" | "female";
    birthDate?: string;
    category?: DisabilityCategory;
    grade?: number;
    household?: string;
    current?: string;
    residence?: "urban" | "rural";
    education?: EducationCode;
    graduate?: boolean;
    needs?: Needs;
    skills?: string[];
    certificates?: string[];
    workTypes?: EmploymentType[];
    wantsRemote?: boolean;
    placeScope?: "county" | "prefecture" | "province";
    expectedPayMin?: number | null;
    discoverable?: boolean;
    createdDaysAgo?: number;
  }): SeekerPlan => {
    const r = seekRng;
    const gender = spec.gender ?? (r.chance(0.58) ? "male" : "female");
    const category = spec.category ?? r.weighted(CATEGORY_WEIGHTS);
    const grade =
      spec.grade ??
      (category === "intellectual" || category === "mental"
        ? r.weighted([[1, 5], [2, 30], [3, 35], [4, 30]] as const)
        : r.weighted([[1, 12], [2, 23], [3, 32], [4, 33]] as const));
    const graduate = spec.graduate ?? (category !== "intellectual" && r.chance(0.3));
    let education: EducationCode;
    let graduationYear: number | null = null;
    let school: string | null = null;
    let major: string | null = null;
    if (spec.education) education = spec.education;
    else if (graduate) education = r.weighted([["vocational", 15], ["college", 40], ["bachelor", 40], ["master", 5]] as const);
    else if (category === "intellectual") education = r.weighted([["primary", 35], ["junior", 45], ["vocational", 20]] as const);
    else education = r.weighted([["primary", 12], ["junior", 30], ["senior", 20], ["vocational", 18], ["college", 12], ["bachelor", 8]] as const);
    let birthYear: number;
    if (graduate) {
      graduationYear = r.weighted([[2024, 25], [2025, 35], [2026, 40]] as const);
      const age = { vocational: 20, college: 21, bachelor: 22, master: 25 }[education as "vocational" | "college" | "bachelor" | "master"] ?? 22;
      // The demo's seekers are born 1970–2005.
      birthYear = Math.min(2005, graduationYear - age - r.int(0, 1));
      const track = category === "vision" ? "vision" : category === "hearing" ? "hearing" : "general";
      const level = education as "vocational" | "college" | "bachelor" | "master";
      major = r.pick(MAJORS[track][level]);
      school =
        level === "vocational"
          ? r.pick(track === "general" ? SCHOOLS.vocational : SCHOOLS.vocationalSpecial)
          : level === "bachelor" && track !== "general" && r.chance(0.6)
            ? r.pick(SCHOOLS.bachelorSpecial)
            : r.pick(SCHOOLS[level]);
    } else {
      birthYear = r.weighted([[r.int(1970, 1979), 20], [r.int(1980, 1989), 32], [r.int(1990, 1999), 35], [r.int(2000, 2003), 13]] as const);
    }
    const birthDate = spec.birthDate ?? `${birthYear}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    let name = spec.name ?? personName(r, gender, Number(birthDate.slice(0, 4)));
    for (let tries = 0; !spec.name && usedNames.has(name) && tries < 8; tries++) name = personName(r, gender, Number(birthDate.slice(0, 4)));
    usedNames.add(name);
    const household = spec.household ?? r.weighted(countyWeights).code;
    const prefecture = regions.prefectureOf(household).code;
    const current =
      spec.current ??
      (r.chance(0.75) ? household : r.chance(0.6) ? regions.countiesOf(prefecture)[0]!.code : r.pick(regions.countiesOf("520100")).code);
    const isDistrict = /区$|市$|特区$/.test(regions.county(household).name);
    const residence = spec.residence ?? (r.chance(isDistrict ? 0.25 : 0.65) ? "rural" : "urban");
    let idNumber = "";
    for (let tries = 0; tries < 50; tries++) {
      const serial = r.int(0, 99) * 10 + (gender === "male" ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
      idNumber = makeIdNumber(household, birthDate, String(serial).padStart(3, "0"));
      if (!idNumbers.has(idNumber)) break;
    }
    if (idNumbers.has(idNumber)) throw new Error("could not find a free demo ID number");
    idNumbers.add(idNumber);
    const certificate = `${idNumber}${CATEGORY_BY_DIGIT.indexOf(category) + 1}${grade}`;
    const needs = spec.needs ?? needsFor(r, category, grade);
    let skills = spec.skills;
    if (!skills) {
      const pool = [...CATEGORY_SKILLS[category]];
      if (["college", "bachelor", "master"].includes(education)) pool.push("办公软件", "Excel", "公文写作");
      if (residence === "rural") pool.push("种植", "养殖", "茶叶采摘");
      skills = unique([...(major ? (MAJOR_SKILLS[major] ?? []) : []), ...r.sample(pool, r.int(2, 4))]).slice(0, 6);
    }
    let certificates = spec.certificates;
    if (!certificates) {
      certificates = [];
      if (skills.some((s) => s === "推拿" || s === "保健按摩")) {
        if (r.chance(0.7)) certificates.push(r.pick(["保健按摩师（初级）", "保健按摩师（中级）", "保健按摩师（高级）"]));
        if (category === "vision" && r.chance(0.25)) certificates.push("盲人医疗按摩人员资格证");
      }
      if (["college", "bachelor", "master"].includes(education) && r.chance(0.35)) certificates.push("全国计算机等级考试二级");
      if (skills.includes("会计核算") && r.chance(0.6)) certificates.push("初级会计专业技术资格");
      if (skills.includes("手语") && r.chance(0.4)) certificates.push("国家通用手语等级证书");
      if (skills.includes("面点制作") && r.chance(0.5)) certificates.push("中式面点师（初级）");
      if (skills.includes("电商平台操作") && r.chance(0.3)) certificates.push("电子商务师（四级）");
    }
    const workTypes: EmploymentType[] =
      spec.workTypes ??
      (() => {
        const w: EmploymentType[] = [];
        if (r.chance(0.85)) w.push("full_time");
        if (r.chance(0.35)) w.push("part_time");
        if (r.chance(0.3)) w.push("flexible");
        if ((category === "intellectual" || category === "mental" || category === "multiple") && r.chance(0.6)) w.push("auxiliary");
        if (r.chance(0.2)) w.push("public_welfare");
        return w.length ? w : ["full_time"];
      })();
    const wantsRemote =
      spec.wantsRemote ?? r.chance(category === "physical" && grade <= 2 ? 0.6 : category === "vision" ? 0.3 : category === "hearing" ? 0.25 : 0.15);
    const placeScope = spec.placeScope ?? r.weighted(graduate ? ([["county", 15], ["prefecture", 45], ["province", 40]] as const) : ([["county", 30], ["prefecture", 55], ["province", 15]] as const));
    const preferred = current.startsWith("5201") || !r.chance(0.2) ? [] : ["520100"];
    const payByEducation: Record<string, readonly [number, number]> = {
      primary: [1900, 2600],
      junior: [2000, 3000],
      senior: [2200, 3500],
      vocational: [2300, 3800],
      college: [2800, 4500],
      bachelor: [3200, 6000],
      master: [4500, 7500],
    };
    const band = payByEducation[education] ?? [2000, 3000];
    const expectedPayMin = spec.expectedPayMin !== undefined ? spec.expectedPayMin : r.chance(0.1) ? null : round100(band[0] + r.float() * (band[1] - band[0]));
    const discoverable = spec.discoverable ?? r.chance(0.4);
    const createdAt = ANCHOR - (spec.createdDaysAgo ?? (r.chance(0.1) ? r.int(3, 30) : r.int(95, 500))) * DAY - r.int(0, 12) * HOUR;
    const profile: Insertable<SeekerProfileTable> = {
      user_id: spec.id,
      real_name: name,
      gender,
      birth_date: birthDate,
      id_number: idNumber,
      certificate_number: certificate,
      disability_category: category,
      disability_grade: grade,
      sensitive_consent_at: new Date(createdAt + r.int(5, 40) * 60_000),
      household_region_code: household,
      current_region_code: current,
      residence,
      education,
      graduate_school: school,
      graduate_major: major,
      graduation_year: graduationYear,
      employment_status: "unemployed",
      skills,
      certificates,
      needs_required: needs.required,
      needs_preferred: needs.preferred,
      limits: needs.limits,
      work_types: workTypes,
      wants_remote: wantsRemote,
      place_scope: placeScope,
      preferred_region_codes: preferred,
      expected_pay_min: expectedPayMin,
      zero_employment_family: r.chance(0.05),
      low_income_family: r.chance(0.1),
      discoverable,
      completed_steps: [...PROFILE_STEPS_ALL],
      created_at: new Date(createdAt + 60_000),
      updated_at: new Date(createdAt + r.int(1, 72) * HOUR),
    };
    if (spec.phone) {
      rows.users.push({
        id: spec.id,
        role: "seeker",
        phone: spec.phone,
        display_name: name,
        password_hash: passwordHash,
        created_at: new Date(createdAt),
        password_changed_at: new Date(createdAt),
      });
    }
    const plan: SeekerPlan = {
      id: spec.id,
      name,
      category,
      grade,
      createdAt,
      discoverable,
      profile,
      match: {
        currentRegionCode: current,
        placeScope,
        preferredRegionCodes: preferred,
        wantsRemote,
        needsRequired: needs.required,
        needsPreferred: needs.preferred,
        limits: needs.limits,
        skills,
        education,
        expectedPayMin,
      },
    };
    seekers.push(plan);
    return plan;
  };

  // The README's demo seeker: 李明 of 南明区, a physical disability of grade 3.
  const demoSeeker = makeSeeker({
    id: accounts.seekerId,
    phone: null,
    name: "李明",
    gender: "male",
    birthDate: "1996-03-12",
    category: "physical",
    grade: 3,
    household: "520102",
    current: "520102",
    residence: "urban",
    education: "college",
    graduate: false,
    needs: { required: ["step_free_access"], preferred: ["flexible_hours"], limits: ["heavy_lifting", "prolonged_standing"] },
    skills: ["办公软件", "中文打字", "数据录入", "电商客服"],
    certificates: ["全国计算机等级考试一级"],
    workTypes: ["full_time", "part_time"],
    wantsRemote: true,
    placeScope: "prefecture",
    expectedPayMin: 3000,
    discoverable: true,
    createdDaysAgo: 200,
  });
  for (let i = 1; i <= 320; i++) makeSeeker({ id: newId(), phone: `${DEMO_SEEKER_PHONE_PREFIX}${String(i).padStart(4, "0")}` });

  // Applications ------------------------------------------------------------------------------------------------
  const appRng = new Random(SEED + 4);
  const applications: ApplicationPlan[] = [];
  const applied = new Set<string>();
  const hiresByVacancy = new Map<string, number>();
  const hiredSeekers = new Set<string>();
  const published = vacancies.filter((v) => v.status !== "draft");
  const apply = (seeker: SeekerPlan, vacancy: VacancyPlan, status: ApplicationStatus, source: ApplicationSource = "self", fixed?: ApplicationPlan["fixed"]) => {
    const key = `${vacancy.id}:${seeker.id}`;
    if (applied.has(key)) return null;
    applied.add(key);
    const a: ApplicationPlan = { id: newId(), vacancy, seeker, source, status, fixed };
    applications.push(a);
    if (status === "hired") {
      hiresByVacancy.set(vacancy.id, (hiresByVacancy.get(vacancy.id) ?? 0) + 1);
      hiredSeekers.add(seeker.id);
    }
    return a;
  };

  // The demo seeker's two: an interview at the demo employer, and one viewed elsewhere in 贵阳.
  const demoInterview = apply(demoSeeker, demoVacancies.textService, "interview", "self", [
    ["submitted", ANCHOR - 6 * DAY - 2 * HOUR - 17 * MINUTE, null],
    ["viewed", ANCHOR - 5 * DAY - 5 * HOUR - 42 * MINUTE, null],
    ["interview", ANCHOR - 3 * DAY - 4 * HOUR - 8 * MINUTE, "您好，请于12月2日（周三）上午10:00到观山湖区林城西路办公室面试。办公室在二楼，有电梯和无障碍通道；如需远程面试，请在站内回复。"],
  ]);
  const secondChoice = published
    .filter((v) => v.status === "open" && !v.org.def.demo && v.row.region_code.startsWith("5201") && !v.toFill && eligibility(demoSeeker.match, v.match).eligible)
    .sort((a, b) => b.publishedAt! - a.publishedAt! || a.row.title.localeCompare(b.row.title))[0];
  if (secondChoice) {
    apply(demoSeeker, secondChoice, "viewed", "self", [
      ["submitted", Math.max(secondChoice.publishedAt! + 3 * HOUR, ANCHOR - 2 * DAY - 3 * HOUR - 26 * MINUTE), null],
      ["viewed", ANCHOR - 20 * HOUR - 51 * MINUTE, null],
    ]);
  }

  const eligibleFor = (s: SeekerPlan) => published.filter((v) => eligibility(s.match, v.match).eligible && v.acceptUntil > s.createdAt + DAY);
  const statusFor = (v: VacancyPlan): ApplicationStatus => {
    const age = (ANCHOR - v.publishedAt!) / DAY;
    if (v.status === "closed") return appRng.weighted([["hired", 14], ["rejected", 46], ["withdrawn", 20], ["offered", 6], ["interview", 8], ["viewed", 6]] as const);
    if (age < 5) return appRng.weighted([["submitted", 60], ["viewed", 28], ["rejected", 6], ["withdrawn", 6]] as const);
    if (age < 15) return appRng.weighted([["submitted", 30], ["viewed", 25], ["interview", 20], ["rejected", 15], ["withdrawn", 10]] as const);
    return appRng.weighted([["submitted", 18], ["viewed", 18], ["interview", 15], ["offered", 7], ["hired", 10], ["rejected", 20], ["withdrawn", 12]] as const);
  };

  for (const seeker of seekers) {
    if (seeker === demoSeeker) continue;
    const n = appRng.weighted([[0, 14], [1, 24], [2, 25], [3, 18], [4, 11], [5, 8]] as const);
    const candidates = eligibleFor(seeker);
    const weightOf = (v: VacancyPlan) => (v.toFill ? 4 : v.status === "open" ? 3 : 1);
    const pool = [...candidates];
    for (let k = 0; k < n && pool.length > 0; k++) {
      const v = appRng.weighted(pool.map((x) => [x, weightOf(x)] as const));
      pool.splice(pool.indexOf(v), 1);
      let status = statusFor(v);
      if (status === "hired" && ((hiresByVacancy.get(v.id) ?? 0) >= v.row.openings - (v.toFill ? 0 : 1) || hiredSeekers.has(seeker.id))) {
        status = v.status === "open" ? "offered" : "rejected";
      }
      if (hiredSeekers.has(seeker.id) && (status === "offered" || status === "interview")) status = "withdrawn";
      const source: ApplicationSource = seeker.discoverable && appRng.chance(0.12) ? "invitation" : appRng.chance(0.12) ? "referral" : "self";
      apply(seeker, v, status, source);
    }
  }

  // The demo employer's open vacancies each get a few applicants to work with.
  for (const v of [demoVacancies.textService, demoVacancies.tester, demoVacancies.annotation]) {
    const current = applications.filter((a) => a.vacancy === v).length;
    const extra = seekers.filter((s) => s !== demoSeeker && !applied.has(`${v.id}:${s.id}`) && eligibility(s.match, v.match).eligible && s.createdAt < v.publishedAt!);
    for (const s of extra.slice(0, Math.max(0, 4 - current))) apply(s, v, appRng.pick(["submitted", "viewed"] as const));
  }

  // Vacancies chosen to be filled: promote applicants until the openings are taken.
  const promoteOrder: ApplicationStatus[] = ["offered", "interview", "viewed", "submitted"];
  for (const v of vacancies.filter((x) => x.toFill)) {
    const apps = applications.filter((a) => a.vacancy === v && !a.fixed);
    let hires = apps.filter((a) => a.status === "hired").length;
    for (const from of promoteOrder) {
      for (const a of apps) {
        if (hires >= v.row.openings) break;
        if (a.status === from && !hiredSeekers.has(a.seeker.id)) {
          a.status = "hired";
          hiredSeekers.add(a.seeker.id);
          hires++;
        }
      }
    }
    if (hires === 0) {
      v.toFill = false; // nobody suitable applied: it stays open
      continue;
    }
    v.row.openings = hires;
    hiresByVacancy.set(v.id, hires);
  }
  // Whatever has all its openings taken is filled; the others who applied there hear no.
  for (const v of vacancies) {
    const hires = applications.filter((a) => a.vacancy === v && a.status === "hired").length;
    hiresByVacancy.set(v.id, hires);
    if (hires >= v.row.openings && hires > 0) {
      v.status = "filled";
      v.row.status = "filled";
      for (const a of applications) {
        if (a.vacancy === v && ["submitted", "viewed", "interview", "offered"].includes(a.status)) a.status = "rejected";
      }
    }
  }
  for (const a of applications) {
    if (a.status === "hired" || !hiredSeekers.has(a.seeker.id)) continue;
    if (a.status === "offered" || a.status === "interview") a.status = "withdrawn";
  }

  // Timelines, hires and notifications ---------------------------------------------------------------------------
  const tlRng = new Random(SEED + 5);
  const GAP_HOURS: Record<ApplicationStatus, readonly [number, number]> = {
    submitted: [0, 0],
    viewed: [3, 72],
    interview: [24, 120],
    offered: [24, 96],
    hired: [24, 120],
    rejected: [24, 168],
    withdrawn: [24, 240],
  };
  const MESSAGES: Partial<Record<ApplicationStatus, readonly string[]>> = {
    interview: [
      "请于下周二上午10:00到公司面试，面试地点在一楼，有无障碍通道。",
      "我们安排了视频面试，时间另行电话或短信确认，可提供文字沟通。",
      "面试时可安排手语翻译，如有其他需要请提前告知。",
    ],
    offered: ["很高兴通知您通过面试，薪资和入职时间请查看站内消息。", "恭喜您通过考核，我们希望您尽快入职。"],
    hired: ["欢迎加入！请于入职当天携带身份证和残疾人证办理手续。", "入职手续已办理，欢迎成为我们的一员。"],
    rejected: ["感谢您的投递，本岗位暂不匹配，期待今后合作。", "该岗位已招满，感谢您的关注。", "经综合评估，暂不安排面试，您的简历我们会保留。"],
  };
  const pathFor = (status: ApplicationStatus): ApplicationStatus[] => {
    switch (status) {
      case "submitted":
        return ["submitted"];
      case "viewed":
        return ["submitted", "viewed"];
      case "interview":
        return ["submitted", "viewed", "interview"];
      case "offered":
        return tlRng.chance(0.2) ? ["submitted", "viewed", "offered"] : ["submitted", "viewed", "interview", "offered"];
      case "hired":
        return tlRng.chance(0.3) ? ["submitted", "viewed", "interview", "hired"] : ["submitted", "viewed", "interview", "offered", "hired"];
      case "rejected":
      case "withdrawn": {
        const depth = tlRng.weighted([[0, 35], [1, 40], [2, 25]] as const);
        return [...(["submitted", "viewed", "interview"] as const).slice(0, depth + 1), status];
      }
    }
  };
  const NOTES: Record<DisabilityCategory, readonly string[]> = {
    vision: ["我是视力残疾人，熟练使用读屏软件，做过两年推拿。", "持有保健按摩师证，希望能长期稳定工作。"],
    hearing: ["我是听障人士，可以用文字和手语沟通，工作认真细心。", "面试时希望能用文字交流，谢谢。"],
    speech: ["我说话不太流利，但打字很快，希望通过文字沟通。"],
    physical: ["我使用轮椅，希望了解办公地点是否有无障碍通道。", "我有三年客服经验，可以远程办公。", "腿脚不太方便，但电脑操作熟练。"],
    intellectual: ["由家人陪同投递，孩子做事认真，能按步骤完成工作。"],
    mental: ["病情稳定多年，希望工作环境安静一些。", "希望先从非全日制做起。"],
    multiple: ["希望有就业辅导员带一段时间，谢谢。"],
  };
  const ACCESS: Record<DisabilityCategory, readonly string[]> = {
    vision: ["companion", "remote_interview"],
    hearing: ["sign_interpreter", "captions"],
    speech: ["extra_time", "remote_interview"],
    physical: ["step_free_venue", "remote_interview"],
    intellectual: ["companion", "extra_time"],
    mental: ["extra_time", "remote_interview"],
    multiple: ["companion", "step_free_venue"],
  };

  for (const a of applications) {
    const v = a.vacancy;
    const seeker = a.seeker;
    let timeline: Array<readonly [ApplicationStatus, number, string | null]>;
    if (a.fixed) timeline = [...a.fixed];
    else {
      const path = pathFor(a.status);
      const gaps = path.map((s) => (s === "submitted" ? 0 : tlRng.int(...GAP_HOURS[s]) * HOUR + tlRng.int(0, 59) * 60_000));
      const total = gaps.reduce((x, y) => x + y, 0);
      const start = Math.max(v.publishedAt! + 2 * HOUR, seeker.createdAt + DAY);
      const end = ANCHOR - HOUR;
      const scale = total > 0 && total > (end - start) * 0.85 ? ((end - start) * 0.85) / total : 1;
      // Applications arrive before the vacancy stops accepting them; the employer's moves may come later.
      const latestSubmit = Math.min(v.acceptUntil, end - total * scale);
      let t = start + Math.floor(tlRng.float() * Math.max(0, latestSubmit - start));
      timeline = path.map((s, i) => {
        t += Math.max(i === 0 ? 0 : 60_000, Math.floor(gaps[i]! * scale));
        const messages = MESSAGES[s];
        const message = messages && tlRng.chance(s === "rejected" && v.status === "filled" ? 1 : 0.55) ? (s === "rejected" && v.status === "filled" ? messages[1]! : tlRng.pick(messages)) : null;
        return [s, t, message] as const;
      });
    }
    const last = timeline[timeline.length - 1]!;
    if (last[0] !== a.status) throw new Error(`timeline of ${a.id} ends in ${last[0]}, not ${a.status}`);
    const hired = a.status === "hired";
    const disclosure = hired
      ? ["name", "contact", "disability", "certificate"]
      : tlRng.chance(0.75)
        ? ["name", "contact", ...(tlRng.chance(0.35) ? ["disability"] : []), ...(tlRng.chance(0.2) ? ["certificate"] : [])]
        : [];
    rows.applications.push({
      id: a.id,
      vacancy_id: v.id,
      seeker_id: seeker.id,
      source: a.source,
      status: a.status,
      note: a.fixed ? "我有三年电商客服经验，打字速度每分钟80字，可以远程办公。" : tlRng.chance(0.3) ? tlRng.pick(NOTES[seeker.category]) : null,
      access_requests: tlRng.chance(0.45) ? tlRng.sample(ACCESS[seeker.category], tlRng.int(1, 2)) : [],
      disclosure,
      created_at: new Date(timeline[0]![1]),
      updated_at: new Date(last[1]),
    });
    let from: ApplicationStatus | null = null;
    for (const [to, at, message] of timeline) {
      const bySeeker = to === "withdrawn" || (to === "submitted" && a.source !== "referral");
      const actor = to === "submitted" && a.source === "referral" ? accounts.counselorId ?? seeker.id : bySeeker ? seeker.id : v.org.ownerId;
      rows.events.push({ application_id: a.id, from_status: from, to_status: to, message, actor_id: actor, at: new Date(at) });
      // What the app sends at each move (applications.server.ts): new and withdrawn to the members, the rest to the seeker.
      const isDemoSeeker = seeker === demoSeeker;
      const readAt = (recipientIsDemo: boolean) =>
        recipientIsDemo ? (at < ANCHOR - 4 * DAY ? new Date(at + 3 * HOUR) : null) : at < ANCHOR - 2 * DAY ? new Date(Math.min(at + tlRng.int(1, 36) * HOUR, ANCHOR - HOUR)) : null;
      if (to === "submitted" || to === "withdrawn") {
        rows.notifications.push({
          user_id: v.org.ownerId,
          kind: to === "submitted" ? "application.new" : "application.withdrawn",
          params: JSON.stringify({ vacancy: v.row.title }),
          link: `/employer/applications/${a.id}`,
          read_at: readAt(v.org.def.demo === true),
          created_at: new Date(at),
        });
      } else {
        rows.notifications.push({
          user_id: seeker.id,
          kind: "application.status",
          params: JSON.stringify({ vacancy: v.row.title, status: to }),
          link: `/applications/${a.id}`,
          read_at: readAt(isDemoSeeker),
          created_at: new Date(at),
        });
      }
      from = to;
    }
    if (hired) {
      const start = shanghaiDate(last[1] + tlRng.int(3, 14) * DAY);
      const kind = tlRng.weighted([["oneYear", 68], ["threeYears", 17], ["openEnded", 8], ["sixMonths", 7]] as const);
      const end = kind === "oneYear" ? addYears(start, 1, -1) : kind === "threeYears" ? addYears(start, 3, -1) : kind === "sixMonths" ? addMonths(start, 6) : null;
      rows.employments.push({
        organization_id: v.org.id,
        seeker_id: seeker.id,
        application_id: a.id,
        vacancy_id: v.id,
        contract_start: start,
        contract_end: end,
        social_insurance: v.row.employment_type === "auxiliary" ? tlRng.chance(0.3) : tlRng.chance(0.9),
        monthly_pay: Math.min(v.row.pay_max, Math.max(v.row.pay_min, v.row.pay_min + round100(tlRng.float() * (v.row.pay_max - v.row.pay_min)))),
        disability_grade: seeker.grade,
        created_by: v.org.ownerId,
        created_at: new Date(last[1]),
      });
      seeker.profile.employment_status = "employed";
      if (v.status === "filled") v.row.updated_at = new Date(Math.max(+(v.row.updated_at as Date), last[1]));
    }
  }
  if (demoInterview === null) throw new Error("the demo seeker's application was not planned");

  rows.profiles = seekers.map((s) => s.profile);
  rows.vacancies = vacancies.map((v) => v.row);
  numberApplicants(rows);
  return rows;
}

/**
 * Applicants are numbered within their vacancy in order of application (application.number, issue 15): the trigger
 * would number them in insertion order, which here is not the order of their dates, so the seed numbers them itself;
 * the employers' notifications name the number as the app's do (applications.server.ts).
 */
function numberApplicants(rows: DemoRows): void {
  const byVacancy = new Map<string, Insertable<ApplicationTable>[]>();
  for (const a of rows.applications) byVacancy.set(a.vacancy_id, [...(byVacancy.get(a.vacancy_id) ?? []), a]);
  const numbers = new Map<string, number>();
  for (const list of byVacancy.values()) {
    list.sort((x, y) => +(x.created_at as Date) - +(y.created_at as Date) || String(x.id).localeCompare(String(y.id)));
    list.forEach((a, i) => {
      a.number = i + 1;
      numbers.set(String(a.id), i + 1);
    });
  }
  const kinds: Record<string, string> = { "application.new": "application.newApplicant", "application.withdrawn": "application.applicantWithdrew" };
  for (const n of rows.notifications) {
    const kind = kinds[n.kind];
    const number = numbers.get(String(n.link).split("/").pop() ?? "");
    if (!kind || number === undefined) continue;
    n.kind = kind;
    n.params = JSON.stringify({ ...JSON.parse(String(n.params)), reference: applicantReference(number) });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function insertBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * Seeds the demo dataset once. Call after the divisions and the demo accounts exist. Returns what it inserted
 * (all zero when the demo data was already there).
 */
export async function seedDemoData(
  db: DB,
  log: (line: string) => void = () => {},
): Promise<{ organizations: number; vacancies: number; seekers: number; applications: number }> {
  const started = Date.now();
  const none = { organizations: 0, vacancies: 0, seekers: 0, applications: 0 };
  const usccs = demoUsccs();
  const present = await db.selectFrom("organization").select("id").where("uscc", "in", usccs).limit(1).executeTakeFirst();
  if (present) {
    log("seed: demo data already present");
    return none;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction, in case two seeds raced.
    const again = await trx.selectFrom("organization").select("id").where("uscc", "in", usccs).limit(1).executeTakeFirst();
    if (again) return none;
    const divisions = await trx.selectFrom("division").select(["code", "name", "parent_code", "level"]).orderBy("code").execute();
    const demo = await trx.selectFrom("app_user").select(["id", "phone"]).where("phone", "in", Object.values(DEMO_PHONES)).execute();
    const idOf = (phone: string) => demo.find((u) => u.phone === phone)?.id ?? null;
    const seekerId = idOf(DEMO_PHONES.seeker);
    const employerId = idOf(DEMO_PHONES.employer);
    if (!seekerId || !employerId) throw new Error("seedDemoData: the demo seeker and employer accounts must exist first (seedDemoAccounts)");
    const rows = buildDemoRows(divisions, { seekerId, employerId, counselorId: idOf(DEMO_PHONES.counselor), adminId: idOf(DEMO_PHONES.admin) }, passwordHash);

    await insertBatches(rows.users, (b) => trx.insertInto("app_user").values(b).execute());
    await insertBatches(rows.organizations, (b) => trx.insertInto("organization").values(b).execute());
    await insertBatches(rows.members, (b) => trx.insertInto("organization_member").values(b).execute());
    // The demo seeker may have filled in a profile already: theirs is kept.
    let seekersAdded = 0;
    await insertBatches(rows.profiles, async (b) => {
      const r = await trx.insertInto("seeker_profile").values(b).onConflict((oc) => oc.column("user_id").doNothing()).executeTakeFirst();
      seekersAdded += Number(r.numInsertedOrUpdatedRows ?? 0n);
    });
    await insertBatches(rows.vacancies, (b) => trx.insertInto("vacancy").values(b).execute());
    await insertBatches(rows.applications, (b) => trx.insertInto("application").values(b).execute());
    await insertBatches(rows.events, (b) => trx.insertInto("application_event").values(b).execute());
    await insertBatches(rows.employments, (b) => trx.insertInto("employment").values(b).execute());
    await insertBatches(rows.notifications, (b) => trx.insertInto("notification").values(b).execute());

    const result = {
      organizations: rows.organizations.length,
      vacancies: rows.vacancies.length,
      seekers: seekersAdded,
      applications: rows.applications.length,
    };
    log(
      `seed: demo data: ${result.organizations} organizations, ${result.vacancies} vacancies, ${result.seekers} seekers, ` +
        `${result.applications} applications, ${rows.employments.length} hires (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return result;
  });
}
