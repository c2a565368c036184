/**
 * Stable vocabularies with zh/en labels (design §5). Codes are stored in the database and in search indexes:
 * never rename one; add new codes instead. `catalog.test.ts` pins them.
 */
import type { Locale } from "~/i18n/i18n";

export interface Term<C extends string = string> {
  code: C;
  zh: string;
  en: string;
  /** A plain explanation, shown to people choosing it. */
  explainZh?: string;
  explainEn?: string;
  /** Name of the icon shown beside the words (app/components/icon.tsx). */
  icon?: IconName;
}

export type IconName =
  | "access"
  | "toilet"
  | "elevator"
  | "parking"
  | "transport"
  | "screen"
  | "magnifier"
  | "braille"
  | "sign"
  | "captions"
  | "chat"
  | "hearing"
  | "clock"
  | "halfDay"
  | "home"
  | "rest"
  | "quiet"
  | "tools"
  | "coach"
  | "simple"
  | "bed";

function terms<const C extends string>(list: readonly Term<C>[]) {
  return list;
}

export const ACCOMMODATIONS = terms([
  { code: "step_free_access", zh: "无障碍通道", en: "Step-free access", icon: "access", explainZh: "从门口到工位没有台阶，或有坡道、扶手，轮椅可以通行。", explainEn: "No steps from the entrance to the workplace, or ramps and handrails a wheelchair can use." },
  { code: "accessible_toilet", zh: "无障碍卫生间", en: "Accessible toilet", icon: "toilet", explainZh: "有轮椅可进入、带扶手的卫生间。", explainEn: "A toilet a wheelchair user can enter, with grab rails." },
  { code: "elevator", zh: "电梯", en: "Elevator", icon: "elevator", explainZh: "工作场所不在一楼时有电梯可用。", explainEn: "A lift to the workplace when it is not on the ground floor." },
  { code: "accessible_parking", zh: "无障碍停车位", en: "Accessible parking", icon: "parking", explainZh: "靠近入口、加宽的残疾人专用停车位。", explainEn: "A wider parking space for disabled drivers near the entrance." },
  { code: "accessible_transport", zh: "通勤接送", en: "Commuting transport", icon: "transport", explainZh: "单位提供上下班接送或交通补助。", explainEn: "The employer provides transport to and from work, or pays for it." },
  { code: "screen_reader", zh: "读屏软件", en: "Screen reader", icon: "screen", explainZh: "电脑装有读屏软件，工作系统可以用读屏软件操作。", explainEn: "Computers have a screen reader and the work systems can be used with it." },
  { code: "screen_magnifier", zh: "屏幕放大", en: "Screen magnifier", icon: "magnifier", explainZh: "提供放大软件或大屏显示器，适合低视力人员。", explainEn: "Magnification software or large monitors for people with low vision." },
  { code: "braille", zh: "盲文资料", en: "Braille materials", icon: "braille", explainZh: "规章、培训等书面材料可提供盲文版本。", explainEn: "Written material such as rules and training is available in braille." },
  { code: "sign_language", zh: "手语沟通", en: "Sign language", icon: "sign", explainZh: "有会手语的同事，或在会议、培训时安排手语翻译。", explainEn: "Colleagues who sign, or an interpreter at meetings and training." },
  { code: "captions", zh: "字幕/文字转写", en: "Captions / transcription", icon: "captions", explainZh: "会议和培训提供字幕或实时文字转写。", explainEn: "Meetings and training have captions or live transcription." },
  { code: "text_communication", zh: "文字沟通", en: "Text communication", icon: "chat", explainZh: "工作安排可以通过文字（微信、短信、邮件）沟通，不必打电话。", explainEn: "Work can be arranged in writing (chat, text, email) instead of by phone." },
  { code: "hearing_loop", zh: "助听环路", en: "Hearing loop", icon: "hearing", explainZh: "会议室装有助听环路，佩戴助听器可以听得更清楚。", explainEn: "Meeting rooms have an induction loop for hearing aids." },
  { code: "flexible_hours", zh: "弹性工时", en: "Flexible hours", icon: "clock", explainZh: "上下班时间可以调整，方便就医、康复或避开高峰。", explainEn: "Start and finish times can be adjusted for treatment, therapy or quieter travel." },
  { code: "part_time", zh: "非全日制", en: "Part-time", icon: "halfDay", explainZh: "每天工作时间较短，或每周工作天数较少。", explainEn: "Shorter days or fewer days a week." },
  { code: "remote_work", zh: "远程办公", en: "Remote work", icon: "home", explainZh: "可以在家或其他地点工作。", explainEn: "Work can be done from home or elsewhere." },
  { code: "rest_breaks", zh: "工间休息", en: "Rest breaks", icon: "rest", explainZh: "工作中可以根据身体情况多休息。", explainEn: "Extra breaks during work as health requires." },
  { code: "quiet_workspace", zh: "安静工作区", en: "Quiet workspace", icon: "quiet", explainZh: "有安静、少干扰的工作位置。", explainEn: "A calm place to work with few distractions." },
  { code: "ergonomic_equipment", zh: "辅助器具/人体工学设备", en: "Assistive or ergonomic equipment", icon: "tools", explainZh: "提供可调节桌椅、特殊键盘鼠标等辅助器具。", explainEn: "Adjustable desks and chairs, special keyboards and other aids." },
  { code: "job_coach", zh: "就业辅导员(支持性就业)", en: "Job coach (supported employment)", icon: "coach", explainZh: "入职初期有就业辅导员在岗指导。", explainEn: "A job coach supports the person at work at the start." },
  { code: "simple_instructions", zh: "简明指令/易读材料", en: "Simple instructions / easy read", icon: "simple", explainZh: "工作说明简短清楚，配有图片，一次只讲一件事。", explainEn: "Short, clear instructions with pictures, one step at a time." },
  { code: "accessible_dormitory", zh: "无障碍宿舍", en: "Accessible dormitory", icon: "bed", explainZh: "单位宿舍有无障碍设施。", explainEn: "Staff housing with accessible facilities." },
] as const);

export const TASK_DEMANDS = terms([
  { code: "prolonged_standing", zh: "长时间站立", en: "Standing for long periods" },
  { code: "walking_long", zh: "长距离行走", en: "Walking long distances" },
  { code: "heavy_lifting", zh: "搬运重物", en: "Heavy lifting" },
  { code: "fine_motor", zh: "精细手部操作", en: "Fine hand work" },
  { code: "driving", zh: "驾驶车辆", en: "Driving" },
  { code: "phone_calls", zh: "接打电话", en: "Phone calls" },
  { code: "reading_print", zh: "阅读纸质材料", en: "Reading printed material" },
  { code: "hearing_alarms", zh: "需听到警报声", en: "Hearing alarms" },
  { code: "night_shift", zh: "夜班", en: "Night shifts" },
  { code: "working_at_height", zh: "高处作业", en: "Working at height" },
  { code: "fast_paced_line", zh: "快节奏流水线", en: "Fast-paced line work" },
  { code: "public_facing", zh: "直接面对顾客", en: "Serving the public" },
] as const);

export const DISABILITY_CATEGORIES = terms([
  { code: "vision", zh: "视力残疾", en: "Visual" },
  { code: "hearing", zh: "听力残疾", en: "Hearing" },
  { code: "speech", zh: "言语残疾", en: "Speech" },
  { code: "physical", zh: "肢体残疾", en: "Physical" },
  { code: "intellectual", zh: "智力残疾", en: "Intellectual" },
  { code: "mental", zh: "精神残疾", en: "Psychosocial" },
  { code: "multiple", zh: "多重残疾", en: "Multiple" },
] as const);

/** The category digit (position 19) of a 残疾人证 number, 1–7, in this order. */
export const CATEGORY_BY_DIGIT = ["vision", "hearing", "speech", "physical", "intellectual", "mental", "multiple"] as const;

export const DISABILITY_GRADES = terms([
  { code: "1", zh: "一级", en: "Grade 1" },
  { code: "2", zh: "二级", en: "Grade 2" },
  { code: "3", zh: "三级", en: "Grade 3" },
  { code: "4", zh: "四级", en: "Grade 4" },
] as const);

export const EDUCATION_LEVELS = terms([
  { code: "none", zh: "不限", en: "Any" },
  { code: "primary", zh: "小学", en: "Primary school" },
  { code: "junior", zh: "初中", en: "Junior secondary" },
  { code: "senior", zh: "高中", en: "Senior secondary" },
  { code: "vocational", zh: "中专/技校", en: "Vocational secondary" },
  { code: "college", zh: "大专", en: "Junior college" },
  { code: "bachelor", zh: "本科", en: "Bachelor's degree" },
  { code: "master", zh: "硕士", en: "Master's degree" },
  { code: "doctorate", zh: "博士", en: "Doctorate" },
] as const);

export const EMPLOYMENT_TYPES = terms([
  { code: "full_time", zh: "全职", en: "Full-time" },
  { code: "part_time", zh: "兼职", en: "Part-time" },
  { code: "flexible", zh: "灵活就业", en: "Flexible work" },
  { code: "auxiliary", zh: "辅助性就业", en: "Auxiliary (sheltered) employment" },
  { code: "public_welfare", zh: "公益性岗位", en: "Public-welfare post" },
] as const);

export const ORGANIZATION_TYPES = terms([
  { code: "enterprise", zh: "企业", en: "Enterprise" },
  { code: "public_institution", zh: "事业单位", en: "Public institution" },
  { code: "government", zh: "党政机关", en: "Government body" },
  { code: "social_organization", zh: "社会组织", en: "Social organization" },
  { code: "individual_business", zh: "个体工商户", en: "Individual business" },
] as const);

export const INDUSTRIES = terms([
  { code: "manufacturing", zh: "制造业", en: "Manufacturing" },
  { code: "retail", zh: "批发和零售业", en: "Wholesale and retail" },
  { code: "hospitality", zh: "住宿和餐饮业", en: "Hotels and catering" },
  { code: "it", zh: "信息传输、软件和信息技术服务业", en: "IT and software" },
  { code: "finance", zh: "金融业", en: "Finance" },
  { code: "logistics", zh: "交通运输、仓储和邮政业", en: "Transport and logistics" },
  { code: "agriculture", zh: "农、林、牧、渔业", en: "Agriculture" },
  { code: "health", zh: "卫生和社会工作", en: "Health and social work" },
  { code: "education", zh: "教育", en: "Education" },
  { code: "public_admin", zh: "公共管理和社会组织", en: "Public administration" },
  { code: "services", zh: "居民服务、修理和其他服务业", en: "Personal and other services" },
  { code: "construction", zh: "建筑业", en: "Construction" },
  { code: "culture", zh: "文化、体育和娱乐业", en: "Culture and recreation" },
  { code: "tourism", zh: "旅游业", en: "Tourism" },
] as const);

export const JOB_CATEGORIES = terms([
  { code: "office", zh: "行政文员", en: "Office and administration" },
  { code: "customer_service", zh: "客服", en: "Customer service" },
  { code: "it", zh: "IT/软件", en: "IT and software" },
  { code: "massage", zh: "按摩推拿", en: "Massage" },
  { code: "manufacturing", zh: "生产制造", en: "Production" },
  { code: "retail", zh: "零售销售", en: "Retail and sales" },
  { code: "logistics", zh: "仓储物流", en: "Warehouse and logistics" },
  { code: "catering", zh: "餐饮服务", en: "Catering" },
  { code: "handicraft", zh: "手工艺", en: "Handicrafts" },
  { code: "agriculture", zh: "种植养殖", en: "Farming" },
  { code: "design", zh: "设计", en: "Design" },
  { code: "finance", zh: "财务会计", en: "Accounting" },
  { code: "education", zh: "教育培训", en: "Teaching and training" },
  { code: "cleaning", zh: "保洁绿化", en: "Cleaning and gardening" },
  { code: "ecommerce", zh: "电商运营", en: "E-commerce" },
  { code: "other", zh: "其他", en: "Other" },
] as const);

export const INTERVIEW_ACCESS_REQUESTS = terms([
  { code: "sign_interpreter", zh: "手语翻译", en: "Sign-language interpreter" },
  { code: "captions", zh: "字幕/文字转写", en: "Captions" },
  { code: "step_free_venue", zh: "无障碍场地", en: "Step-free venue" },
  { code: "companion", zh: "允许陪同人员", en: "A companion" },
  { code: "extra_time", zh: "延长时间", en: "Extra time" },
  { code: "remote_interview", zh: "远程面试", en: "Remote interview" },
] as const);

/** What a seeker may disclose to an employer beyond the anonymous profile (design §5 rule 4). */
export const DISCLOSURES = terms([
  { code: "name", zh: "姓名", en: "Name" },
  { code: "contact", zh: "联系方式（手机号、邮箱）", en: "Contact details (phone, email)" },
  { code: "disability", zh: "残疾类别和等级", en: "Disability category and grade" },
  { code: "certificate", zh: "残疾人证号（用于按比例就业认定）", en: "Disability certificate number (for the quota)" },
] as const);

export type AccommodationCode = (typeof ACCOMMODATIONS)[number]["code"];
export type TaskDemandCode = (typeof TASK_DEMANDS)[number]["code"];
export type EducationCode = (typeof EDUCATION_LEVELS)[number]["code"];
export type JobCategoryCode = (typeof JOB_CATEGORIES)[number]["code"];
export type IndustryCode = (typeof INDUSTRIES)[number]["code"];
export type InterviewAccessCode = (typeof INTERVIEW_ACCESS_REQUESTS)[number]["code"];
export type DisclosureCode = (typeof DISCLOSURES)[number]["code"];

export function codes<C extends string>(list: readonly Term<C>[]): [C, ...C[]] {
  return list.map((t) => t.code) as [C, ...C[]];
}

export function label(list: readonly Term[], code: string, locale: Locale): string {
  const term = list.find((t) => t.code === code);
  if (!term) return code;
  return locale === "en" ? term.en : term.zh;
}

export function explain(list: readonly Term[], code: string, locale: Locale): string | undefined {
  const term = list.find((t) => t.code === code);
  return locale === "en" ? term?.explainEn : term?.explainZh;
}

/** Education levels in order, for "meets the requirement" comparisons. */
export function educationRank(code: string | null | undefined): number {
  const i = EDUCATION_LEVELS.findIndex((e) => e.code === code);
  return i < 0 ? 0 : i;
}
