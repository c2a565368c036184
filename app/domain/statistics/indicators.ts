/**
 * The catalogue of the plan's indicators (issue 13; design §2): what each figure means and how its actual is computed,
 * in words a federation officer can check against the records. The codes are fixed by ./contract.ts; the computation
 * is ./statistics.server.ts, which must do what `computedZh`/`computedEn` say. Client-safe (no database).
 */
import { RECORDED_INDICATORS, UNRECORDED_INDICATORS, type IndicatorCode, type IndicatorUnit } from "./contract";

export interface IndicatorDefinition {
  code: IndicatorCode;
  nameZh: string;
  nameEn: string;
  unit: IndicatorUnit;
  /** count: a number of things in the period (a target over several years is spread over them); rate: a share (0–1). */
  kind: "count" | "rate";
  definitionZh: string;
  definitionEn: string;
  /** How the actual is computed from the records, in plain words. */
  computedZh: string;
  computedEn: string;
  /** Whether anything on the platform records it (false: the catalogue holds the target, the actual is empty). Every indicator since issue 14. */
  recorded: boolean;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "new_jobs",
    nameZh: "新增残疾人就业",
    nameEn: "New jobs for disabled people",
    unit: "people",
    kind: "count",
    definitionZh: "期间内新开始的残疾人就业，包括按比例就业、集中就业、个体就业/自主创业、农村种养加、公益性岗位、辅助性就业和灵活就业，按就业形式分列。",
    definitionEn:
      "Employment of disabled people that began in the period, of every form (quota employment, concentrated employment, self-employment, rural farming and processing, public-welfare posts, auxiliary employment, flexible employment), broken down by form.",
    computedZh:
      "统计合同开始日期在期间内且不晚于统计日的全部就业记录（平台录用、单位申报和工作人员登记的都算）。地区按本人的现居住地（没有则按户籍地）确定；记录没有对应求职者时按用人单位所在地。每条记录计 1 人次。",
    computedEn:
      "Every employment record (platform hires, employer declarations and records made by staff) whose contract start lies in the period and not after the as-of day. The place is the person's current region, else their household region; a record with no seeker uses the employer's region. Each record counts once.",
    recorded: true,
  },
  {
    code: "graduate_employment_rate",
    nameZh: "残疾人大中专毕业生当年就业率",
    nameEn: "Disabled graduates employed in their graduation year",
    unit: "rate",
    kind: "rate",
    definitionZh: "期间各年毕业的残疾人大中专毕业生中，在毕业当年实现就业的比例（目标不低于 60%）。",
    definitionEn: "Of the disabled graduates (college and secondary vocational) of each year of the period, the share employed within their graduation year (target at least 60%).",
    computedZh:
      "对期间内截至统计日所在年份的每一年：分母是该年毕业、现居住地（没有则户籍地）在本地区、且在统计日前已在平台登记的求职者；分子是其中有一条任何形式的就业记录、合同开始日期在毕业当年且不晚于统计日的人。各年分子、分母分别相加后相除。本人自报的状态不计入。",
    computedEn:
      "For each year of the period up to the as-of day's year: the denominator is the seekers of that graduation year whose place (current region, else household region) lies in the region and who had registered by the as-of day; the numerator is those of them with an employment record of any form starting in the graduation year, not after the as-of day. Numerators and denominators are summed over the years, then divided. Self-reported status does not count.",
    recorded: true,
  },
  {
    code: "zero_employment_households_cleared",
    nameZh: "零就业家庭实现至少一人就业",
    nameEn: "Zero-employment families with someone employed",
    unit: "rate",
    kind: "rate",
    definitionZh: "登记的有残疾人的家庭中，劳动年龄成员至少有一人就业的家庭所占比例（目标：每个零就业家庭至少一人就业）。",
    definitionEn: "Of the recorded families of disabled people, the share in which at least one working-age member is employed (target: every zero-employment family has someone employed).",
    computedZh:
      "由实名制家庭记录计算：本地区在统计日前登记、有劳动年龄成员（男 16–59 岁、女 16–54 岁）的家庭中，统计日至少有一名劳动年龄成员就业的家庭数，除以这些家庭的总数（没有劳动年龄成员的家庭不计入）。成员有平台账户的按其就业记录判断，其他成员按指导员登记的情况判断。",
    computedEn:
      "From the real-name household records: of the households of the region recorded by the as-of day that have a working-age member (men 16–59, women 16–54), those with a working-age member employed on that day, divided by all of them (households with no working-age member are left out). A member with an account here is employed by their employment records; others as the counselor recorded.",
    recorded: true,
  },
  {
    code: "provincial_bodies_employing",
    nameZh: "省级党政机关和残工委成员单位安排残疾人就业",
    nameEn: "Provincial bodies employing at least one disabled person",
    unit: "rate",
    kind: "rate",
    definitionZh: "标记为省级党政机关或残工委成员单位的单位中，至少安排一名残疾人就业的单位所占比例（目标 100%）。",
    definitionEn: "Of the organizations flagged as provincial party and government bodies or members of the disability working committee, the share employing at least one disabled person (target 100%).",
    computedZh:
      "本地区被标记的单位中，在统计年度（期间最后一年，统计日更早时为统计日所在年）提交或通过的按比例就业申报列有残疾职工，或有该年度在职的就业记录的单位数，除以被标记的单位总数。",
    computedEn:
      "Among the flagged organizations of the region, those whose quota declaration for the year (the period's last year, or the as-of day's year if earlier), submitted or approved, lists a disabled employee, or that hold an employment record running in that year, divided by all flagged organizations.",
    recorded: true,
  },
  {
    code: "quota_declarations",
    nameZh: "按比例就业年审申报",
    nameEn: "Quota employment declarations",
    unit: "declarations",
    kind: "count",
    definitionZh: "用人单位为期间内各审核年度提交的按比例安排残疾人就业年审申报，按审核状态分列。",
    definitionEn: "The annual quota employment declarations employers filed for the levy years of the period, broken down by review status.",
    computedZh:
      "审核年度在期间内、单位所在地在本地区、在统计日前已提交的申报份数（草稿不计）。状态按统计日的情况：统计日前已审核的按审核结果（通过或退回），否则为待审核。",
    computedEn:
      "Declarations for levy years in the period by organizations in the region, submitted by the as-of day (drafts do not count). The status is as of that day: approved or returned if reviewed by then, otherwise awaiting review.",
    recorded: true,
  },
  {
    code: "quota_disclosure",
    nameZh: "按比例就业公示单位",
    nameEn: "Employers in the quota disclosure",
    unit: "organizations",
    kind: "count",
    definitionZh: "期间内各年度已发布的按比例就业情况公示中列出的本地区用人单位，按是否达标分列。",
    definitionEn: "The employers of the region listed in the published quota disclosures of the levy years in the period, broken down by whether they met their quota.",
    computedZh: "审核年度在期间内、在统计日前已发布的公示中，所在地在本地区的公示条目数（一个单位在几个年度公示，按几条计）。",
    computedEn:
      "Entries of the disclosures for levy years in the period published by the as-of day whose place lies in the region (an employer disclosed in several years counts once per year).",
    recorded: true,
  },
  {
    code: "working_age_employment_rate",
    nameZh: "劳动年龄持证残疾人就业率",
    nameEn: "Employment rate of working-age certificate holders",
    unit: "rate",
    kind: "rate",
    definitionZh: "在本平台登记、持有残疾人证、处于劳动年龄的残疾人中，统计日处于就业状态的比例。",
    definitionEn: "Of the disabled people registered here who hold a disability certificate and are of working age, the share employed on the as-of day.",
    computedZh:
      "分母：统计日前已登记、填写了残疾人证号、统计日处于劳动年龄（男 16–59 岁、女 16–54 岁）、现居住地（没有则户籍地）在本地区的求职者。分子：其中统计日有任何形式的就业记录在职（已开始、未终止、未过合同期）的人。",
    computedEn:
      "Denominator: seekers registered by the as-of day with a disability certificate number, of working age on that day (men 16–59, women 16–54), whose place (current region, else household region) lies in the region. Numerator: those of them employed on that day by an employment record of any form (started, not ended, not past its contract end).",
    recorded: true,
  },
  {
    code: "real_name_verified",
    nameZh: "实名制信息本季度核实",
    nameEn: "Real-name records verified this quarter",
    unit: "rate",
    kind: "rate",
    definitionZh: "劳动年龄持证残疾人中，实名制信息在统计日所在季度内已核实更新的比例（要求按季度更新）。",
    definitionEn: "Of the working-age certificate holders, the share whose real-name record was verified in the as-of day's quarter (records are to be updated quarterly).",
    computedZh: "分母与劳动年龄持证残疾人就业率相同；分子是其中在统计日所在季度内、不晚于统计日有一次实名核实记录的人。",
    computedEn:
      "The same people as the working-age employment rate's denominator; the numerator is those of them with a real-name verification dated within the as-of day's quarter and not after that day.",
    recorded: true,
  },
  {
    code: "events_held",
    nameZh: "残疾人专场招聘会",
    nameEn: "Recruitment events held",
    unit: "events",
    kind: "count",
    definitionZh: "期间内在本地区举办的残疾人专场招聘会场次。",
    definitionEn: "Special recruitment events for disabled people held in the region in the period.",
    computedZh: "已发布、未取消、举办地在本地区、结束时间在期间内且不晚于统计日的招聘会场数（技能竞赛不是招聘会，不计入）。",
    computedEn: "Events published and not cancelled, held in the region, whose end lies in the period and not after the as-of day (skills competitions are not recruitment events and do not count).",
    recorded: true,
  },
  {
    code: "event_hires",
    nameZh: "招聘会促成就业",
    nameEn: "Hires from recruitment events",
    unit: "people",
    kind: "count",
    definitionZh: "上述招聘会带来的录用人数。",
    definitionEn: "People hired through those events.",
    computedZh:
      "按招聘会的成果归属规则（决策 008：参加招聘会后 30 天内向参会单位带到会上的岗位提出的申请归属该招聘会），归属于上述招聘会、在统计日前已被录用的申请数。",
    computedEn:
      "Applications credited to those events by the events' attribution rule (decision 008: applied to a vacancy an employer brought to the event, from its start until 30 days after it, by someone who took part) that were hired by the as-of day.",
    recorded: true,
  },
  {
    code: "services_given",
    nameZh: "就业服务人次",
    nameEn: "Employment services given",
    unit: "services",
    kind: "count",
    definitionZh: "就业指导员为本地区残疾人提供的就业服务人次，按服务类型（职业介绍、职业指导、培训推荐、创业服务、职业能力评估、跟踪回访）分列。",
    definitionEn:
      "Employment services counselors gave to disabled people of the region, by type (job introduction, career guidance, training referral, entrepreneurship, vocational assessment, follow-up visit).",
    computedZh: "服务日期在期间内且不晚于统计日、服务对象现居住地（没有则户籍地）在本地区的服务记录条数。",
    computedEn: "Service records dated in the period and not after the as-of day, for seekers whose place (current region, else household region) lies in the region.",
    recorded: true,
  },
  {
    code: "training_urban",
    nameZh: "城镇残疾人职业技能培训",
    nameEn: "Urban disabled people trained in vocational skills",
    unit: "people",
    kind: "count",
    definitionZh: "期间内完成职业技能培训的城镇残疾人人数，按培训类别分列。",
    definitionEn: "Urban disabled people who completed vocational skills training in the period, broken down by kind of course.",
    computedZh:
      "课程类别为城镇职业技能、网络远程、继续教育或创业培训，报名状态为已结业、结业日期在期间内且不晚于统计日的人；本人的城乡属性须为城镇（没有填写城乡属性的人既不算城镇也不算农村）。地区按本人的现居住地（没有则户籍地），不按课程举办地。一人结业几次、几门课程都只计 1 人；分类按各类别分别计人，学过两类的人在两类中各计一次。农村实用技术和盲人按摩培训不计入本项，各有自己的指标。",
    computedEn:
      "People whose enrolment in a course of kind urban vocational skills, online/remote, continuing education or entrepreneurship is completed with a completion day in the period and not after the as-of day, and whose residence is urban (people with no residence recorded count as neither urban nor rural). The place is the person's current region, else their household region, not where the course was held. A person counts once however many courses they completed; in the breakdown each kind counts its people, so someone who completed two kinds appears in both. Rural practical techniques and blind massage courses do not count here: they have their own indicators.",
    recorded: true,
  },
  {
    code: "training_rural",
    nameZh: "农村贫困残疾人实用技术培训",
    nameEn: "Rural poor disabled people trained in practical techniques",
    unit: "people",
    kind: "count",
    definitionZh: "期间内完成实用技术培训的农村贫困残疾人人数。",
    definitionEn: "Rural poor disabled people who completed training in practical (farming and processing) techniques in the period.",
    computedZh:
      "课程类别为农村实用技术、报名状态为已结业、结业日期在期间内且不晚于统计日的人中，城乡属性为农村、并经本人同意在资料中登记为贫困户的人数。地区按本人的现居住地（没有则户籍地）。一人只计 1 次。没有登记为贫困户或不是农村的人不计入本项，也不计入城镇职业技能培训。",
    computedEn:
      "Of the people whose enrolment in a rural practical techniques course is completed with a completion day in the period and not after the as-of day, those whose residence is rural and whose profile records a poor household (with their consent). The place is the person's current region, else their household region. Each person counts once. Others who completed such a course count neither here nor in urban vocational training.",
    recorded: true,
  },
  {
    code: "blind_massage_trained",
    nameZh: "盲人保健按摩培训",
    nameEn: "Blind people trained in health massage",
    unit: "people",
    kind: "count",
    definitionZh: "期间内完成保健按摩培训的盲人人数。",
    definitionEn: "Blind people who completed health massage training in the period.",
    computedZh:
      "课程类别为盲人保健按摩、报名状态为已结业、结业日期在期间内且不晚于统计日的人数，地区按本人的现居住地（没有则户籍地）。这类课程面向盲人和低视力者，统计时不读取本人的残疾类别。一人只计 1 次。",
    computedEn:
      "People whose enrolment in a blind health massage course is completed with a completion day in the period and not after the as-of day; the place is the person's current region, else their household region. These courses are for blind and low-vision people; the count does not read anyone's disability record. Each person counts once.",
    recorded: true,
  },
  {
    code: "blind_massage_employed",
    nameZh: "盲人保健按摩新增就业",
    nameEn: "Blind massage workers newly employed",
    unit: "people",
    kind: "count",
    definitionZh: "期间内新实现就业的盲人保健按摩培训结业人员人数。",
    definitionEn: "People trained in blind health massage who became employed in the period.",
    computedZh:
      "完成过盲人保健按摩培训（已结业，结业日期不限于期间内）的人中，有一条任何形式的就业记录、合同开始日期不早于结业日期、在期间内且不晚于统计日的人数。地区按本人的现居住地（没有则户籍地）。一人只计 1 次。",
    computedEn:
      "Of the people who completed a blind health massage course (at any time), those with an employment record of any form starting on or after their completion day, in the period and not after the as-of day. The place is the person's current region, else their household region. Each person counts once.",
    recorded: true,
  },
  {
    code: "blind_medical_massage_trained",
    nameZh: "盲人医疗按摩培训",
    nameEn: "Blind people trained in medical massage",
    unit: "people",
    kind: "count",
    definitionZh: "期间内完成医疗按摩培训的盲人人数。",
    definitionEn: "Blind people who completed medical massage training in the period.",
    computedZh:
      "课程类别为盲人医疗按摩、报名状态为已结业、结业日期在期间内且不晚于统计日的人数，地区按本人的现居住地（没有则户籍地）。统计时不读取本人的残疾类别。一人只计 1 次。",
    computedEn:
      "People whose enrolment in a blind medical massage course is completed with a completion day in the period and not after the as-of day; the place is the person's current region, else their household region. The count does not read anyone's disability record. Each person counts once.",
    recorded: true,
  },
  {
    code: "demonstration_sites",
    nameZh: "残疾人就业创业示范点",
    nameEn: "Employment and entrepreneurship demonstration sites",
    unit: "organizations",
    kind: "count",
    definitionZh: "认定的残疾人集中就业示范点和扶贫/创业基地数，按认定类别分列。",
    definitionEn: "Organizations designated as concentrated-employment demonstration sites or poverty-alleviation/start-up bases, broken down by kind.",
    computedZh:
      "统计日（期间已结束时为期间最后一天）持有有效认定（已生效、未到期、未撤销）的集中就业示范点或扶贫/创业基地的单位数，地区按单位所在地。一个单位同时有两种认定只计 1 个；分类按各类别分别计数。",
    computedEn:
      "Organizations holding a designation as a concentrated-employment demonstration site or a poverty-alleviation/start-up base that is in force on the as-of day (the period's last day if it is over by then: begun, not expired, not revoked), by the organization's place. An organization with both counts once; the breakdown counts each kind.",
    recorded: true,
  },
  {
    code: "entrepreneur_households",
    nameZh: "扶持残疾人创业户",
    nameEn: "Entrepreneur households supported",
    unit: "households",
    kind: "count",
    definitionZh: "期间内获得扶持的残疾人自主创业户（个体工商户、合作社、网店、家庭作坊等）数。",
    definitionEn: "Disabled people's businesses (individual businesses, cooperatives, online shops, family workshops…) supported in the period.",
    computedZh:
      "登记所在地在本地区、在期间内且不晚于统计日至少有一条扶持记录（一次性创业补贴、创业担保贷款、贷款贴息、孵化场地）的创业实体数。扶持几次都只计 1 户。",
    computedEn:
      "Businesses registered in the region with at least one support record (one-off start-up subsidy, guaranteed loan, loan interest subsidy, incubation place) dated in the period and not after the as-of day. A business supported several times counts once.",
    recorded: true,
  },
  {
    code: "auxiliary_demonstration_institutions",
    nameZh: "辅助性就业示范机构",
    nameEn: "Auxiliary-employment demonstration institutions",
    unit: "organizations",
    kind: "count",
    definitionZh: "认定的辅助性就业示范机构数。",
    definitionEn: "Organizations designated as auxiliary-employment demonstration institutions.",
    computedZh: "统计日（期间已结束时为期间最后一天）持有有效的辅助性就业示范机构认定的单位数，地区按单位所在地。",
    computedEn:
      "Organizations holding a designation as an auxiliary-employment demonstration institution in force on the as-of day (the period's last day if it is over by then), by the organization's place.",
    recorded: true,
  },
  {
    code: "auxiliary_county_coverage",
    nameZh: "县（市、区）辅助性就业机构覆盖率",
    nameEn: "Counties with an auxiliary-employment institution",
    unit: "counties",
    kind: "rate",
    definitionZh: "设有至少一个辅助性就业机构的县（市、区）所占比例（目标：每个县至少一个）。",
    definitionEn: "The share of counties with at least one auxiliary-employment institution (target: one in every county).",
    computedZh:
      "本地区的县（市、区）中，统计日（期间已结束时为期间最后一天）至少有一个所在地在该县、持有有效的辅助性就业机构或辅助性就业示范机构认定的单位的县数，除以县的总数。所在地只登记到市（州）的单位不覆盖任何县。",
    computedEn:
      "Of the counties of the region, those where at least one organization located in the county holds an auxiliary-employment institution or auxiliary-employment demonstration designation in force on the as-of day (the period's last day if it is over by then), divided by the number of counties. An organization whose place is only a prefecture covers no county.",
    recorded: true,
  },
  {
    code: "instructors_trained",
    nameZh: "社区残疾人就业指导员培训",
    nameEn: "Community employment instructors trained",
    unit: "people",
    kind: "count",
    definitionZh: "期间内培训的社区残疾人就业指导员人数。",
    definitionEn: "Community employment instructors for disabled people trained in the period.",
    computedZh:
      "培训日期在期间内且不晚于统计日、登记地区在本地区的社区就业指导员培训记录所涉及的人数：有平台账户的按账户，其他按姓名和登记地区区分，培训几次都只计 1 人。就业指导员（残联工作人员）的培训记录不计入。",
    computedEn:
      "The people in the community instructors' training records dated in the period and not after the as-of day, recorded in the region: a person with an account here is that account, anyone else is their name within the record's division; trained several times, counted once. Counselors' (federation staff's) training is not counted.",
    recorded: true,
  },
];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function indicatorDefinition(code: IndicatorCode): IndicatorDefinition {
  const d = BY_CODE.get(code);
  if (!d) throw new Error(`unknown indicator ${code}`);
  return d;
}

export function isIndicatorCode(value: string): value is IndicatorCode {
  return BY_CODE.has(value as IndicatorCode);
}

export function indicatorName(code: IndicatorCode, locale: string): string {
  const d = indicatorDefinition(code);
  return locale === "en" ? d.nameEn : d.nameZh;
}

/** The codes in catalogue order: recorded ones first, then those whose records come later. */
export const INDICATOR_CODES: readonly IndicatorCode[] = [...RECORDED_INDICATORS, ...UNRECORDED_INDICATORS];

export const PLAN_2016_2020_SOURCE = "黔残联发〔2017〕23号";

/**
 * The province's targets for 2016–2020 from 《贵州省残疾人就业工作"十三五"实施方案》(黔残联发〔2017〕23号), design §2.
 * Rates are fractions. The seed inserts them as `plan_target` rows for 520000 with this source.
 */
export const PLAN_2016_2020_TARGETS: readonly { indicator: IndicatorCode; value: number }[] = [
  { indicator: "new_jobs", value: 50_000 },
  { indicator: "graduate_employment_rate", value: 0.6 },
  // "Every zero-employment family has at least one member employed."
  { indicator: "zero_employment_households_cleared", value: 1 },
  // "Every provincial body employs at least one disabled person."
  { indicator: "provincial_bodies_employing", value: 1 },
  { indicator: "training_urban", value: 20_000 },
  { indicator: "training_rural", value: 32_000 },
  { indicator: "blind_massage_trained", value: 2_000 },
  { indicator: "blind_massage_employed", value: 1_500 },
  { indicator: "blind_medical_massage_trained", value: 180 },
  { indicator: "demonstration_sites", value: 500 },
  { indicator: "entrepreneur_households", value: 5_000 },
  { indicator: "auxiliary_demonstration_institutions", value: 10 },
  // "One auxiliary-employment institution in every county."
  { indicator: "auxiliary_county_coverage", value: 1 },
  { indicator: "instructors_trained", value: 300 },
  // Real-name records updated every quarter: every certificate holder verified in the quarter.
  { indicator: "real_name_verified", value: 1 },
];
