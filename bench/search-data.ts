/**
 * Word lists for the search benchmark (bench/search.ts): the demo seed's vacancy templates (db/seed-demo.ts) with
 * realistic Chinese titles, duties, skills, accommodations and demands, and the benchmark's own lists of employers,
 * needs and names.
 */
import type { EmploymentType } from "../db/schema";
import type { AccommodationCode, EducationCode, JobCategoryCode, TaskDemandCode } from "../app/domain/catalog";

// The vacancy templates are the demo seed's own.
export { JOBS, type JobKey, type JobTemplate, type JobTitle } from "../db/seed-demo";
import type { JobKey } from "../db/seed-demo";

// ---------------------------------------------------------------------------------------------------------------
// Employers: kinds of organization, each with the job templates it posts (after DEMO_ORGANIZATIONS in the seed).

export interface Sector {
  type: "enterprise" | "public_institution" | "government" | "social_organization" | "individual_business";
  industry: string;
  /** `{place}` is the county's short name, `{brand}` a word from BRANDS. */
  name: string;
  jobs: readonly JobKey[];
  /** Relative frequency among organizations. */
  weight: number;
  staff: readonly [number, number];
  specials?: readonly string[];
}

export const SECTORS: readonly Sector[] = [
  { type: "enterprise", industry: "it", name: "贵州{brand}科技有限公司", jobs: ["software", "annotation", "csText", "design", "office"], weight: 10, staff: [40, 800] },
  { type: "enterprise", industry: "it", name: "{place}{brand}数据标注有限公司", jobs: ["annotation", "csText", "office"], weight: 6, staff: [60, 600], specials: ["concentrated_employment"] },
  { type: "enterprise", industry: "finance", name: "贵州{brand}服务外包有限公司", jobs: ["csPhone", "csText", "finance", "annotation"], weight: 5, staff: [200, 1500] },
  { type: "individual_business", industry: "services", name: "{place}{brand}盲人按摩店", jobs: ["massage"], weight: 8, staff: [4, 20], specials: ["blind_massage"] },
  { type: "social_organization", industry: "health", name: "{place}阳光家园辅助性就业中心", jobs: ["auxiliary", "handicraft"], weight: 4, staff: [10, 40], specials: ["auxiliary_employment"] },
  { type: "enterprise", industry: "manufacturing", name: "贵州{brand}食品有限公司", jobs: ["production", "warehouse", "ecommerce", "office"], weight: 9, staff: [80, 2000] },
  { type: "enterprise", industry: "manufacturing", name: "{place}{brand}电子有限公司", jobs: ["production", "office", "warehouse"], weight: 5, staff: [100, 1200] },
  { type: "enterprise", industry: "logistics", name: "{place}{brand}物流有限公司", jobs: ["warehouse", "csPhone", "office"], weight: 6, staff: [50, 900] },
  { type: "government", industry: "public_admin", name: "{place}人力资源和社会保障局", jobs: ["publicWelfare", "office"], weight: 2, staff: [30, 120] },
  { type: "public_institution", industry: "public_admin", name: "{place}{brand}街道社区服务中心", jobs: ["publicWelfare", "cleaning"], weight: 3, staff: [15, 60] },
  { type: "enterprise", industry: "services", name: "{place}{brand}物业服务有限公司", jobs: ["cleaning", "office", "retail", "catering"], weight: 6, staff: [60, 500] },
  { type: "enterprise", industry: "agriculture", name: "{place}{brand}茶业有限公司", jobs: ["agriculture", "ecommerce", "production"], weight: 6, staff: [30, 400] },
  { type: "enterprise", industry: "agriculture", name: "{place}{brand}生态农业有限公司", jobs: ["agriculture", "warehouse"], weight: 4, staff: [20, 300] },
  { type: "public_institution", industry: "health", name: "{place}{brand}医院", jobs: ["health", "massage", "office", "cleaning"], weight: 3, staff: [100, 900] },
  { type: "enterprise", industry: "culture", name: "{place}{brand}民族工艺品有限公司", jobs: ["handicraft", "retail", "ecommerce", "design"], weight: 6, staff: [8, 200], specials: ["demonstration_site"] },
  { type: "enterprise", industry: "tourism", name: "{place}{brand}旅游服务有限公司", jobs: ["retail", "hospitality", "csText", "cleaning"], weight: 5, staff: [30, 400] },
  { type: "enterprise", industry: "hospitality", name: "{place}{brand}酒店管理有限公司", jobs: ["hospitality", "catering", "cleaning", "csText"], weight: 4, staff: [30, 300] },
  { type: "public_institution", industry: "education", name: "{place}特殊教育学校", jobs: ["teaching", "cleaning", "office"], weight: 2, staff: [30, 120] },
  { type: "enterprise", industry: "retail", name: "{place}{brand}电商产业园运营有限公司", jobs: ["ecommerce", "warehouse", "design", "csText"], weight: 5, staff: [20, 300] },
  { type: "individual_business", industry: "culture", name: "{place}{brand}刺绣工坊", jobs: ["handicraft"], weight: 3, staff: [3, 15] },
];

export const BRANDS = [
  "黔灵", "筑城", "云上", "黔味源", "苗岭", "梵净", "乌江", "百灵", "夜郎", "红枫", "凉都", "酱韵", "翠芽", "黔艺", "山水",
  "织锦", "万峰", "樟江", "荷城", "阳明", "甲秀", "花溪", "观山", "赤水", "雷公山", "月亮山", "黄果树", "娄山", "清水江",
  "都柳江", "舞阳", "北盘江", "南明", "云岩", "金阳", "数智", "黔银", "康泰", "好花红", "瀑乡", "黔南", "高原", "锦江",
];

export const STREETS = ["人民路", "中山路", "解放路", "建设路", "新华路", "环城路", "文化路", "育才路", "民族路", "和平路", "团结路", "迎宾大道"];

// ---------------------------------------------------------------------------------------------------------------
// Seekers: needs and limits by kind of disability (after needsFor in the seed). Each optional code is taken with
// probability ½; the category is stored but, by design (§5 rule 5), never filters or ranks.

export interface NeedProfile {
  category: "vision" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple";
  grades: readonly [number, number];
  weight: number;
  required: readonly AccommodationCode[];
  requiredMaybe: readonly AccommodationCode[];
  preferredMaybe: readonly AccommodationCode[];
  limits: readonly TaskDemandCode[];
  limitsMaybe: readonly TaskDemandCode[];
}

export const NEED_PROFILES: readonly NeedProfile[] = [
  { category: "vision", grades: [1, 2], weight: 7, required: ["screen_reader"], requiredMaybe: ["braille"], preferredMaybe: ["accessible_transport", "flexible_hours"], limits: ["reading_print", "driving"], limitsMaybe: ["working_at_height"] },
  { category: "vision", grades: [3, 4], weight: 8, required: [], requiredMaybe: ["screen_magnifier"], preferredMaybe: ["screen_reader", "accessible_transport", "flexible_hours"], limits: ["driving"], limitsMaybe: ["reading_print"] },
  { category: "hearing", grades: [1, 2], weight: 6, required: ["sign_language"], requiredMaybe: [], preferredMaybe: ["captions", "text_communication"], limits: ["phone_calls", "hearing_alarms"], limitsMaybe: [] },
  { category: "hearing", grades: [1, 2], weight: 4, required: ["text_communication"], requiredMaybe: [], preferredMaybe: ["captions"], limits: ["phone_calls", "hearing_alarms"], limitsMaybe: [] },
  { category: "hearing", grades: [3, 4], weight: 8, required: [], requiredMaybe: ["text_communication"], preferredMaybe: ["hearing_loop", "captions"], limits: [], limitsMaybe: ["phone_calls"] },
  { category: "speech", grades: [1, 4], weight: 5, required: ["text_communication"], requiredMaybe: [], preferredMaybe: ["quiet_workspace", "flexible_hours"], limits: ["phone_calls"], limitsMaybe: ["public_facing"] },
  { category: "physical", grades: [1, 2], weight: 12, required: ["step_free_access", "accessible_toilet"], requiredMaybe: ["elevator"], preferredMaybe: ["accessible_parking", "accessible_transport", "ergonomic_equipment", "remote_work", "flexible_hours"], limits: ["prolonged_standing", "walking_long", "heavy_lifting"], limitsMaybe: ["working_at_height"] },
  { category: "physical", grades: [3, 4], weight: 5, required: ["ergonomic_equipment"], requiredMaybe: [], preferredMaybe: ["flexible_hours", "rest_breaks"], limits: ["fine_motor", "heavy_lifting"], limitsMaybe: [] },
  { category: "physical", grades: [3, 4], weight: 21, required: [], requiredMaybe: ["step_free_access"], preferredMaybe: ["elevator", "rest_breaks", "flexible_hours", "ergonomic_equipment"], limits: ["heavy_lifting"], limitsMaybe: ["prolonged_standing", "walking_long", "working_at_height"] },
  { category: "intellectual", grades: [2, 4], weight: 11, required: ["simple_instructions"], requiredMaybe: ["job_coach"], preferredMaybe: ["accessible_transport", "rest_breaks", "quiet_workspace"], limits: ["driving"], limitsMaybe: ["fast_paced_line", "reading_print", "night_shift"] },
  { category: "mental", grades: [2, 4], weight: 8, required: [], requiredMaybe: ["flexible_hours", "quiet_workspace"], preferredMaybe: ["rest_breaks", "part_time", "job_coach"], limits: ["night_shift"], limitsMaybe: ["fast_paced_line", "public_facing"] },
  { category: "multiple", grades: [1, 3], weight: 5, required: ["step_free_access"], requiredMaybe: ["simple_instructions"], preferredMaybe: ["job_coach", "accessible_transport", "rest_breaks"], limits: ["heavy_lifting", "phone_calls"], limitsMaybe: ["walking_long"] },
];

export const CATEGORY_SKILLS: Record<NeedProfile["category"], readonly string[]> = {
  vision: ["保健按摩", "推拿", "经络穴位", "读屏软件操作", "盲文", "普通话", "电话客服", "中文打字"],
  hearing: ["手语", "中文打字", "数据标注", "平面设计", "Photoshop", "手工编织", "缝纫", "电商客服", "产品质检"],
  speech: ["中文打字", "数据录入", "手工编织", "办公软件", "电商客服", "包装"],
  physical: ["办公软件", "Excel", "中文打字", "电商客服", "数据标注", "会计核算", "手工编织", "刺绣", "短视频剪辑", "软件测试", "平面设计", "Python", "SQL"],
  intellectual: ["保洁", "包装", "手工串珠", "洗车", "烘焙", "货物分拣"],
  mental: ["数据录入", "手工编织", "保洁", "包装", "图书整理", "烘焙", "绿化养护"],
  multiple: ["手工编织", "包装", "保洁", "手工串珠", "中文打字"],
};

/** Education of seekers, by weight. */
export const SEEKER_EDUCATION: ReadonlyArray<readonly [EducationCode, number]> = [
  ["primary", 8], ["junior", 25], ["senior", 18], ["vocational", 16], ["college", 18], ["bachelor", 12], ["master", 3],
];

export const MAJORS = [
  "计算机应用", "电子商务", "会计事务", "中餐烹饪", "软件技术", "大数据技术", "会计", "市场营销", "物流管理", "旅游管理",
  "计算机科学与技术", "汉语言文学", "社会工作", "行政管理", "会计学", "英语", "法学", "学前教育", "针灸推拿", "中医康复技术",
  "视觉传达设计", "美术学", "动漫制作技术", "服装与服饰设计", "计算机应用技术",
];

export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "吴", "赵", "周", "罗", "龙", "石", "田", "潘", "韦", "蒙", "安", "陆", "雷",
  "冉", "邓", "徐", "何", "胡", "谢", "袁", "付", "向", "肖", "彭", "余", "杜", "熊", "姚", "任", "谭", "唐", "许", "宋",
];

export const GIVEN_NAMES = [
  "建国", "志强", "德明", "永福", "明", "军", "伟", "强", "勇", "斌", "华", "平", "刚", "林", "文华", "海波", "涛", "杰",
  "超", "磊", "鹏", "俊", "飞", "浩", "小龙", "云飞", "金贵", "志远", "浩然", "子豪", "宇航", "俊杰", "天宇", "博文",
  "秀英", "桂芬", "玉兰", "春燕", "玉梅", "红", "芳", "丽", "敏", "萍", "琴", "静", "燕", "霞", "娟", "艳", "玲", "婷",
  "雪", "梅", "丽娟", "晓雪", "小红", "春梅", "雨欣", "欣怡", "梓涵", "诗雨", "佳怡", "思琪", "雨桐", "可欣", "心怡", "梦瑶",
];
