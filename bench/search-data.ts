/**
 * Word lists for the search benchmark (bench/search.ts), borrowed from the demo seed (db/seed-demo.ts, whose lists
 * are not exported): vacancy templates with realistic Chinese titles, duties, skills, accommodations and demands.
 */
import type { EmploymentType } from "../db/schema";
import type { AccommodationCode, EducationCode, JobCategoryCode, TaskDemandCode } from "../app/domain/catalog";

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
