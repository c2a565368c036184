/**
 * The zh-CN catalog: the source of every string the site shows. English (en.ts) must have every key,
 * which the type checker enforces. `{name}` marks a value filled in at render time.
 */
import * as applications from "./messages/applications";
import * as organizations from "./messages/organizations";
import * as counseling from "./messages/counseling";
import * as counselingCaseload from "./messages/counseling-caseload";
import * as counselingClient from "./messages/counseling-client";
import * as counselingFollowup from "./messages/counseling-followup";
import * as declarations from "./messages/declarations";
import * as edge from "./messages/edge";
import * as events from "./messages/events";
import * as eventsAdmin from "./messages/events-admin";
import * as eventsPublic from "./messages/events-public";
import * as levy from "./messages/levy";
import * as quota from "./messages/quota";
import * as search from "./messages/search";
import * as security from "./messages/security";
import * as employmentRecords from "./messages/employment-records";
import * as realname from "./messages/realname";
import * as statistics from "./messages/statistics";
import * as training from "./messages/training";
import * as trainingProfile from "./messages/training-profile";
import * as institutions from "./messages/institutions";
import * as entrepreneurship from "./messages/entrepreneurship";
import * as staffProgrammes from "./messages/staff-programmes";
import * as competitions from "./messages/competitions";
import * as shell from "./messages/shell";
import * as statisticsReports from "./messages/statistics-reports";
import * as conversation from "./messages/conversation";
import * as seekers from "./messages/seekers";
import * as accountUx from "./messages/account-ux";
import * as reach from "./messages/reach";
import * as vacancies from "./messages/vacancies";
import * as home from "./messages/home";
import * as dashboard from "./messages/dashboard";
import * as vacancyForm from "./messages/vacancy-form";
import * as easyRead from "./messages/easy-read";
import * as alerts from "./messages/alerts";
import * as basics from "./messages/basics";
import * as apiTokens from "./messages/api-tokens";
import * as interop from "./messages/interop";
import * as interopAdmin from "./messages/interop-admin";
import * as unsubscribe from "./messages/unsubscribe";
import * as jobsAdmin from "./messages/jobs-admin";
import * as opendata from "./messages/opendata";

const core = {
  "site.name": "黔程",
  "site.tagline": "贵州残疾人就业服务平台",
  "site.description": "黔程是贵州残疾人就业服务平台：查找写明无障碍便利的岗位并申请，参加残联专场招聘会和职业培训，由就业服务人员一对一帮助。",
  "site.skipLink": "跳到主要内容",
  "site.footer.about": "黔程是面向贵州残疾人的开源就业服务平台，由残联、用人单位和就业服务机构共同使用。",
  "site.footer.source": "开源项目",
  "site.titleSuffix": "黔程",
  "site.errorTitlePrefix": "错误：",

  "nav.label": "主导航",
  "nav.home": "首页",
  "nav.dashboard": "我的工作台",
  "nav.account": "账户与安全",
  "nav.staff": "工作人员账户",
  "nav.signIn": "登录",
  "nav.register": "注册",
  "nav.signOut": "退出登录",
  "nav.signedInAs": "已登录：{name}",
  "nav.vacancies": "找工作",
  "nav.profile": "我的求职档案",
  "nav.applications": "我的申请",
  "nav.organization": "我的单位",
  "nav.employerVacancies": "岗位管理",
  "nav.verification": "单位审核",
  "nav.notifications": "通知",
  "nav.disclosures": "按比例就业公示",
  "nav.employerQuota": "按比例就业",
  "nav.quotaReview": "按比例就业年审",
  "nav.ruleParameters": "规则参数",
  "nav.unread": "{count} 条未读",

  "role.seeker": "求职者",
  "role.employer": "用人单位",
  "role.counselor": "就业指导员",
  "role.admin": "残联管理员",

  "prefs.language": "语言",
  "prefs.switchTo": "English",
  "prefs.switchToLang": "en",
  "prefs.display": "无障碍浏览",
  "prefs.largeText": "大字模式",
  "prefs.highContrast": "高对比度",
  "prefs.on": "已开启",
  "prefs.off": "已关闭",
  "prefs.saved": "显示设置已保存。",
  "prefs.languageSaved": "语言已切换为中文。",

  "home.title": "残疾人就业，从这里出发",
  "home.lead": "黔程帮助贵州的残疾人和残疾人大中专毕业生找到提供合适便利的工作，帮助用人单位按比例安排残疾人就业。",
  "home.forSeekers": "我是求职者",
  "home.forSeekers.text": "登记您的技能和需要的工作便利，找到愿意提供这些便利的岗位，在线申请并随时查看进度。",
  "home.forEmployers": "我是用人单位",
  "home.forEmployers.text": "发布岗位并写明提供的无障碍便利，查看申请人，了解本单位按比例就业的情况。",
  "home.forStaff": "就业服务与残联",
  "home.forStaff.text": "就业指导员管理服务对象、制定一人一策；残联组织专场招聘会、公示按比例就业情况。",
  "home.cta.register": "免费注册",
  "home.cta.signIn": "已有账户？登录",


  "register.title": "注册账户",
  "register.lead": "求职者和用人单位可以在这里注册。就业指导员和管理员的账户由残联管理员创建。",
  "register.role": "您是",
  "register.role.seeker": "求职者（残疾人、残疾人大中专毕业生）",
  "register.role.employer": "用人单位招聘人员",
  "register.contact": "手机号或电子邮箱（至少填一项）",
  "register.contact.hint": "两项中至少填写一项，也可以都填。登录时用其中任何一项都可以。",
  "register.phone": "手机号",
  "register.phone.hint": "11 位中国大陆手机号，例如 13812345678。",
  "register.email": "电子邮箱",
  "register.email.hint": "例如 name@example.com。",
  "register.password": "密码",
  "register.password.hint": "至少 8 个字符。请不要使用常见密码，例如 12345678。",
  "register.confirmPassword": "再次输入密码",
  "register.submit": "注册",
  "register.haveAccount": "已有账户？",
  "register.signInLink": "去登录",

  "login.title": "登录",
  "login.identifier": "手机号或电子邮箱",
  "login.password": "密码",
  "login.submit": "登录",
  "login.noAccount": "还没有账户？",
  "login.registerLink": "注册",
  "login.signedOut": "您已退出登录。",
  "login.passwordChanged": "密码已修改，请用新密码登录。",

  "account.title": "账户与安全",
  "account.details": "账户信息",
  "account.phone": "手机号",
  "account.email": "电子邮箱",
  "account.role": "身份",
  "account.none": "未填写",
  "account.changePassword": "修改密码",
  "account.currentPassword": "当前密码",
  "account.newPassword": "新密码",
  "account.newPassword.hint": "至少 8 个字符，不能是常见密码。修改后，您在其他设备上的登录会全部退出。",
  "account.confirmNewPassword": "再次输入新密码",
  "account.changePassword.submit": "修改密码",
  "account.passwordChanged": "密码已修改。您在其他设备上的登录已退出。",
  "account.sessions": "登录设备",
  "account.sessions.text": "您当前有 {count} 处登录。如果您怀疑账户被他人使用，可以退出所有设备上的登录。",
  "account.signOutEverywhere": "退出所有设备",

  "staff.title": "工作人员账户",
  "staff.lead": "为就业指导员和残联管理员创建账户。您只能为自己管理的区域（{region}）及其下级区域创建账户。",
  "staff.create": "创建账户",
  "staff.role": "账户类型",
  "staff.name": "姓名",
  "staff.name.hint": "工作人员的真实姓名，会显示给服务对象。",
  "staff.region": "服务区域",
  "staff.region.hint": "账户只能查看和管理这个区域及其下级区域的事务。",
  "staff.initialPassword": "初始密码",
  "staff.initialPassword.hint": "至少 8 个字符。请通过安全的方式告知本人，并提醒其登录后修改。",
  "staff.submit": "创建账户",
  "staff.created": "已创建账户：{name}（{role}）。",
  "staff.list": "已有的工作人员账户",
  "staff.list.empty": "还没有工作人员账户。",
  "staff.col.name": "姓名",
  "staff.col.role": "类型",
  "staff.col.region": "区域",
  "staff.col.contact": "联系方式",
  "staff.col.created": "创建时间",

  "form.errorSummary": "提交的信息有问题，请修改后再提交",
  "form.errorPrefix": "错误：",
  "form.optional": "（选填）",
  "form.required": "（必填）",

  "err.required": "请填写此项",
  "err.roleRequired": "请选择您是求职者还是用人单位",
  "err.contactRequired": "请填写手机号或电子邮箱，至少填一项",
  "err.phoneFormat": "手机号应为 11 位数字，以 13 至 19 开头，例如 13812345678",
  "err.emailFormat": "电子邮箱格式不正确，例如 name@example.com",
  "err.phoneTaken": "这个手机号已经注册过了，请直接登录",
  "err.emailTaken": "这个电子邮箱已经注册过了，请直接登录",
  // Registration says no more than that the contact cannot be used (docs/decisions/009-what-registration-reveals.md).
  "err.phoneUnavailable": "这个手机号无法用于注册。如果您已有账户，请直接登录；如果忘记了密码，请联系当地残联或您的就业指导员。",
  "err.emailUnavailable": "这个电子邮箱无法用于注册。如果您已有账户，请直接登录；如果忘记了密码，请联系当地残联或您的就业指导员。",
  "err.passwordRequired": "请输入密码",
  "err.passwordShort": "密码至少需要 8 个字符",
  "err.passwordLong": "密码不能超过 128 个字符",
  "err.passwordCommon": "这个密码太常见，容易被猜到，请换一个",
  "err.passwordMismatch": "两次输入的密码不一致",
  "err.confirmRequired": "请再次输入密码",
  "err.identifierRequired": "请输入手机号或电子邮箱",
  "err.credentials": "手机号/电子邮箱或密码不正确",
  "err.tooManyAttempts": "登录失败次数过多。为保护账户安全，请在 {time}（约 {minutes} 分钟后）再试。",
  "err.tooManyRegistrations": "注册过于频繁，请在 {time}（约 {minutes} 分钟后）再试。",
  "err.currentPasswordWrong": "当前密码不正确",
  "err.newPasswordSame": "新密码不能与当前密码相同",
  "err.nameRequired": "请填写姓名",
  "err.nameLong": "姓名不能超过 50 个字符",
  "err.staffRoleRequired": "请选择账户类型",
  "err.regionRequired": "请选择服务区域",
  "err.regionOutside": "您只能为自己管理的区域及其下级区域创建账户",

  "error.notFound.title": "找不到这个页面",
  "error.notFound.text": "您要找的页面不存在，或者您没有查看它的权限。请检查网址，或返回首页。",
  "error.forbidden.title": "没有权限",
  "error.general.title": "出错了",
  "error.general.text": "服务器处理请求时出错了。您填写的内容没有保存。请稍后再试；如果问题一直存在，请联系当地残联。",
  "error.backHome": "返回首页",
  "error.status": "错误代码：{status}",

  "division.province": "全省",
} as const;

/** Each area keeps its strings in messages/<area>.ts; they are merged here. */
export const zhCN = { ...core, ...shell.zh, ...seekers.zh, ...accountUx.zh, ...reach.zh, ...organizations.zh, ...vacancies.zh, ...home.zh, ...vacancyForm.zh, ...applications.zh, ...search.zh, ...levy.zh, ...quota.zh, ...declarations.zh, ...counseling.zh, ...counselingCaseload.zh, ...counselingClient.zh, ...counselingFollowup.zh, ...events.zh, ...eventsAdmin.zh, ...eventsPublic.zh, ...edge.zh, ...security.zh, ...employmentRecords.zh, ...realname.zh, ...statistics.zh, ...training.zh, ...trainingProfile.zh, ...institutions.zh, ...entrepreneurship.zh, ...staffProgrammes.zh, ...competitions.zh, ...statisticsReports.zh, ...dashboard.zh, ...easyRead.zh, ...conversation.zh, ...alerts.zh, ...basics.zh, ...unsubscribe.zh, ...interopAdmin.zh, ...interop.zh, ...apiTokens.zh, ...jobsAdmin.zh, ...opendata.zh, ...opendata.nationalZh } as const;

export type MessageKey = keyof typeof zhCN;
export type CoreMessageKey = keyof typeof core;
