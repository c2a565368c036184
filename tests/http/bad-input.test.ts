/**
 * The bad-input suite (issue 12, "Standing suites"; items 1 and 7): every action and API of the app, generated from
 * the route files so that a new action cannot escape it, is sent each class of bad input against the real production
 * build (tests/http/harness.ts). For every request: never a 5xx, and no console.error. Where the edge refuses
 * (server/input-limits.ts), the exact status. For what reaches the route: a refusal changes nothing.
 *
 * How it is generated:
 * - Route files: app/routes/* whose text exports `action`, plus every app/routes/api.*. ROUTES below says, for each,
 *   who signs in, which real ids fill its `$params` (set up from the seeded demo in `setup`), and valid values for
 *   the fields a person types; a file without an entry fails the first test.
 * - Forms: the page (GET, as that identity) is read and every POST form aimed at the route is taken with the values
 *   the page filled in (tests/http/html-forms.ts), plus ROUTES' fill — so a new field is covered without touching
 *   this file, and each probe below has one thing wrong while the rest would pass.
 * - Bad inputs built from each form (document path): each text field in turn 10,000 characters long (numbers and
 *   dates 10,000 digits), each choice in turn (select, radio, checkbox group, intent) set to a value not offered, each
 *   field in turn sent twice (a bad value first, then the page's: `formData.get` and conform both meet it), the
 *   empty form, and all text fields / all choices / all fields doubled at once (cross-field rules meet two bad
 *   values). The route's `$params` replaced by malformed and impossible values (non-UUIDs, the nil UUID, year
 *   0000/9999, month 13…), POSTed with the page's form and also read by GET.
 *   Edge classes on the same URLs: a body over 1 MB (413), `x[99999999]=1` (400), 2,001 fields (400), a NUL byte in
 *   each field's value, in a field name and in the query string (400), a 201-character name (400), JSON,
 *   text/plain and no content type (415), broken multipart (400).
 * - Remix single fetch: the edge classes and the all-at-once classes, the empty form and the bad params again on
 *   `<path>.data` (the action is the same code, only the answer's encoding differs), and
 *   `GET <path>.data?x[99999999]=1` (400).
 * - APIs: POST /api/levy/estimate with JSON's own bad bodies; the GET APIs with bad query strings.
 *
 * "Nothing changed", looked at twice:
 * - Each write, pinned to the probe that made it: a row trigger on every table logs inserts, updates and deletes in
 *   the writing transaction (installed in the test's own database; `installWriteLog`), and the probes that reach a
 *   route run one at a time. A probe answered 4xx wrote nothing; a probe with a malformed path parameter wrote
 *   nothing; a probe that did write was accepted — its bad part was something the route does not read (an intent
 *   that selects the form's default action, a redirectTo it falls back from, an all-checkbox form sent empty) — and
 *   stored no part of the bad value. Accepted probes are listed in the summary printed at the end, to be read.
 * - A checksum of every table (row count and md5 of the rows' text, sorted) before and after each route's requests,
 *   the search outbox drained first: a table whose checksum moved must have been written by an accepted probe of
 *   that route. Once per route rather than per request: the write log already pins each write to its request, and
 *   the checksum is the independent second look (it would see a table the triggers miss). Tables left out or
 *   narrowed, with the reason, are in CHECKSUM_EXCEPTIONS.
 * Edge refusals and GETs cannot write: they run a few at a time, and must leave the write log empty.
 *
 * BAD_INPUT_SHOW_FORMS=1 prints each form's starting values; BAD_INPUT_TRACE=1 (or =rows) each probe and its writes.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation } from "../../app/domain/organizations/organizations.server";
import { judgeSchema } from "../../app/domain/competitions/competitions.schema";
import { assignJudge, enterCategory, saveCategory, saveJudge } from "../../app/domain/competitions/competitions.server";
import { eventSchema } from "../../app/domain/events/events.schema";
import { createEvent, setEventStatus } from "../../app/domain/events/events.server";
import { approveDeclaration, fileObjection, publishDisclosure, saveDeclaration } from "../../app/domain/quota/declarations.server";
import { lastEndedQuarter, quarterKey } from "../../app/domain/statistics/quarters";
import { addDays } from "../../app/domain/counseling/counseling.schema";
import { courseSchema } from "../../app/domain/training/courses.schema";
import { createCourse, setCourseStatus } from "../../app/domain/training/courses.server";
import { applyForCourse, recordOutcome } from "../../app/domain/training/enrolments.server";
import { todayInShanghai } from "../../app/domain/vacancies/vacancies.schema";
import type { Actor } from "../../app/domain/permissions";
import { kickDrain } from "../../search/runtime";
import { unsubscribeToken } from "../../app/domain/notifications/unsubscribe.server";
import { certificateFor, freshIdNumber } from "../fixtures/seekers";
import { createUser, makeUscc } from "../fixtures/factories";
import { fillPattern, moduleMethods, paramNames as patternParams, routeFiles, urlPattern } from "./routes";
import { startTestServer, type TestServer } from "./harness";
import { postForms, type FormField, type PageForm } from "./html-forms";

/** The demo accounts' password (README). */
const DEMO_PASSWORD = "Qiancheng#2026";
// ---------------------------------------------------------------------------------------------------------------
// The route files and their URLs (tests/http/routes.ts, shared with the authorization matrix)

/** Route files that export an action, and the JSON APIs. */
function actionRouteFiles(): string[] {
  return routeFiles().filter((f) => f.startsWith("api.") || moduleMethods(f).action);
}

/** A route file's address with its parameters filled; `index` for an index route (its actions want `?index`). */
function routePath(file: string, params: Record<string, string> = {}): { path: string; index: boolean } {
  return { path: fillPattern(urlPattern(file), params), index: /(^|\.)_index\.[jt]sx?$/.test(file) };
}

function paramNames(file: string): string[] {
  return patternParams(urlPattern(file));
}

// ---------------------------------------------------------------------------------------------------------------
// Who acts where

type Who = "anonymous" | "seeker" | "accountSeeker" | "employer" | "newEmployer" | "counselor" | "admin";

interface Ids {
  seeker: string;
  accountSeeker: string;
  accountSeekerPhone: string;
  employer: string;
  counselor: string;
  admin: string;
  newEmployer: string;
  organization: string;
  vacancy: string;
  applicationOfSeeker: string;
  applicationToEmployer: string;
  vacancyToApply: string;
  event: string;
  graduatesEvent: string;
  pendingOrganization: string;
  employment: string;
  /** The employer's organization's 统一社会信用代码, and a designation of it (issue 14). */
  organizationCode: string;
  designation: string;
  declarationForReview: string;
  disclosedYear: string;
  draftYear: string;
  invitationToken: string;
  /** A one-click unsubscribe link's token (issue 17). */
  unsubscribeToken: string;
  course: string;
  courseEnrolment: string;
  /** A published skills competition (issue 14) with a category the account seeker entered and a judge assigned. */
  competition: string;
  /** A business of 南明区 run by 李明 (issue 14). */
  business: string;
  /** A feedback waiting for an answer (issue 15), for the admin's handling form. */
  feedback: string;
  /** A dead job (issue 17), for the retry form of /admin/jobs. */
  deadJob: string;
}

interface Case {
  as: Who;
  params?: (ids: Ids) => Record<string, string>;
  /** The page whose forms are read, when it is not the route's own (forms in the layout). */
  page?: (ids: Ids) => string;
  /** Fields to use when the page shows no form for this route (an API, or a state where the form is not shown). */
  forms?: (ids: Ids) => { fields: [string, string][]; buttons?: [string, string][] }[];
  /** Valid values for the fields a person types (by name; FIRST for the first option offered). */
  fill?: (ids: Ids) => Record<string, string | string[]>;
  /** A page whose form's values fill this one (a "new" form filled like the edit form of an existing object). */
  fillFrom?: (ids: Ids) => string;
  /** A JSON API (its own body classes) or a GET-only API (query-string classes). */
  api?: "json" | "get";
  why?: string;
}

/** Every action and API route file → who may use it and the ids that fill its params. */
const ROUTES: Record<string, Case[]> = {
  "account.tsx": [
    {
      as: "accountSeeker",
      fill: () => ({ currentPassword: DEMO_PASSWORD, newPassword: "Qc-Another#2027-pass", confirmNewPassword: "Qc-Another#2027-pass" }),
      why: "its own seeker: sign-out-everywhere would end the other routes' sessions",
    },
  ],
  "account_.phone.tsx": [{ as: "seeker", fill: () => ({ code: "123456" }) }],
  "account_.notifications.tsx": [{ as: "seeker" }],
  "admin.events.$id._index.tsx": [{ as: "admin", params: (i) => ({ id: i.event }), fill: () => ({ code: "QC7K2M9P" }) }],
  "admin.feedback.tsx": [{ as: "admin", page: (i) => `/admin/feedback?id=${i.feedback}`, fill: () => ({ status: FIRST, response: "已电话答复" }) }],
  "admin.jobs.tsx": [{ as: "admin" }],
  "admin.imports._index.tsx": [{ as: "admin", why: "the upload's one field is a file: a form that is not a multipart upload of a CSV or XLSX file is refused at it (400)" }],
  "admin.imports.$id.tsx": [
    {
      as: "admin",
      params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
      forms: () => [{ fields: [] }],
      why: "the seed has no import run: the start button's empty form, against a run that does not exist (404)",
    },
  ],
  "admin.events.$id.competition.tsx": [
    { as: "admin", params: (i) => ({ id: i.competition }), fill: () => ({ name: "测试计算机操作项目", judgeId: FIRST, score: "90.5", rank: "1", award: "一等奖" }) },
  ],
  "admin.events.$id.edit.tsx": [{ as: "admin", params: (i) => ({ id: i.event }) }],
  "admin.courses.$id.tsx": [
    {
      as: "admin",
      params: (i) => ({ id: i.course }),
      page: (i) => `/admin/courses/${i.course}?enrolment=${i.courseEnrolment}`,
      fill: () => ({ kind: FIRST, name: "保健按摩师", issuer: "贵州省人力资源和社会保障厅" }),
      why: "with a trainee picked, the outcome and certificate forms show beside the course's edit form",
    },
  ],
  "admin.courses.new.tsx": [{ as: "admin", fillFrom: (i) => `/admin/courses/${i.course}` }],
  "admin.events.new.tsx": [{ as: "admin", fillFrom: (i) => `/admin/events/${i.event}/edit` }],
  "admin.institutions.$id.tsx": [{ as: "admin", params: (i) => ({ id: i.designation }), fill: () => ({ kind: FIRST, amount: "12000", note: "场地租金减免一年" }) }],
  "admin.institutions.new.tsx": [
    { as: "admin", fill: (i) => ({ organizationCode: i.organizationCode, kinds: FIRST, decisionNumber: "黔残联发〔2026〕12号", decisionDate: "2026-12-01", validFrom: "2026-12-01" }) },
  ],
  "admin.judges.tsx": [{ as: "admin", fill: () => ({ name: "测试裁判", organization: "测试鉴定中心", specialities: "盲人按摩、电脑操作", regionCode: FIRST }) }],
  "admin.organizations.$id.tsx": [{ as: "admin", params: (i) => ({ id: i.pendingOrganization }), fill: () => ({ reason: "材料不全，请补充营业执照" }) }],
  "admin.provincial-bodies.tsx": [{ as: "admin", page: () => `/admin/provincial-bodies?q=${encodeURIComponent("黔程示范")}` }],
  "admin.quota.$id.tsx": [{ as: "admin", params: (i) => ({ id: i.declarationForReview }), fill: () => ({ reason: "请核实第 1 行的证号" }) }],
  "admin.quota._index.tsx": [{ as: "admin" }],
  "admin.quota.objections.$year.tsx": [{ as: "admin", params: (i) => ({ year: i.disclosedYear }), fill: () => ({ resolution: "已核实，予以更正" }) }],
  "admin.rule-parameters.tsx": [{ as: "admin", fill: () => ({ name: "local_average_wage", year: "2024", value: "88000", note: "测试" }) }],
  "admin.staff-training.tsx": [{ as: "admin", fill: () => ({ role: FIRST, name: "测试社区指导员", regionCode: FIRST, userId: FIRST, course: "残疾人就业指导实务", provider: "省残联", hours: "16" }) }],
  "admin.api-tokens.tsx": [{ as: "admin", fill: () => ({ name: "测试合作系统", scopes: FIRST, regionCode: FIRST, rateLimit: "60" }) }],
  "admin.staff.tsx": [{ as: "admin", fill: () => ({ displayName: "测试指导员", phone: "13912340001", password: "Qc-Staff#2027-pass" }) }],
  "api.levy.estimate.ts": [{ as: "anonymous", api: "json" }],
  "api.match.vacancies.ts": [{ as: "seeker", api: "get" }],
  "api.statistics.indicators.ts": [{ as: "admin", api: "get" }],
  "api.vacancies.ts": [{ as: "anonymous", api: "get" }],
  // The partner API answers 401 to these probes (no bearer token; tests/http/api.test.ts sends bad queries with one).
  "api.openapi[.]json.ts": [{ as: "anonymous", api: "get" }],
  "api.v1.events.ts": [{ as: "anonymous", api: "get" }],
  "api.v1.statistics.indicators.ts": [{ as: "anonymous", api: "get" }],
  "api.v1.vacancies._index.ts": [{ as: "anonymous", api: "get" }],
  "api.v1.vacancies.$id.ts": [{ as: "anonymous", api: "get", params: (i) => ({ id: i.vacancy }) }],
  "applications.$id.tsx": [{ as: "seeker", params: (i) => ({ id: i.applicationOfSeeker }), page: (i) => `/applications/${i.applicationOfSeeker}?confirm=withdraw` }],
  "caseloads.assign.tsx": [{ as: "counselor" }],
  "clients.$seekerId.checkpoints.$employmentId.$month.tsx": [
    { as: "counselor", params: (i) => ({ seekerId: i.seeker, employmentId: i.employment, month: "1" }), fill: () => ({ note: "回访正常" }) },
  ],
  "clients.$seekerId.household.tsx": [
    {
      as: "counselor",
      params: (i) => ({ seekerId: i.seeker }),
      fill: () => ({ consentNote: "户主同意记录家庭成员就业情况", consentOn: "2026-12-01", identifier: "13800000001", name: "李父", birthDate: "1960-05-01" }),
    },
  ],
  "clients.$seekerId.matches.tsx": [{ as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ message: "这个岗位适合您" }) }],
  "clients.$seekerId.plan.tsx": [{ as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ description: "整理简历", dueDate: "2027-01-15" }) }],
  "clients.$seekerId.assessments.new.tsx": [
    { as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ method: "工作样本评估", result: "能胜任简单装配", recommendations: "推荐手工编织培训" }) },
  ],
  "clients.$seekerId._index.tsx": [{ as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ body: "明天上午十点在残联见面，请带上残疾人证。" }) }],
  "clients.$seekerId.services.new.tsx": [{ as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ notes: "电话回访", outcome: "继续跟进" }) }],
  "clients.$seekerId.verify.tsx": [{ as: "counselor", params: (i) => ({ seekerId: i.seeker }), fill: () => ({ note: "电话核实，仍在找工作" }) }],
  "disclosures.$year._index.tsx": [{ as: "seeker", params: (i) => ({ year: i.disclosedYear }), fill: () => ({ reason: "人数与实际不符，请核实" }) }],
  "employer.applications.$id.tsx": [{ as: "employer", params: (i) => ({ id: i.applicationToEmployer }), fill: () => ({ contractStart: "2026-12-10", monthlyPay: "4000" }) }],
  "employer.events.$id.tsx": [{ as: "employer", params: (i) => ({ id: i.event }) }],
  "employer.members.tsx": [{ as: "employer", fill: () => ({ phone: "13912340002" }) }],
  "employer.quota._index.tsx": [{ as: "employer", fill: () => ({ staffCount: "120", averageSalary: "80000", contractStart: "2026-01-01" }) }],
  "employer.quota.declarations.$organizationId.$year.tsx": [{ as: "employer", params: (i) => ({ organizationId: i.organization, year: i.draftYear }) }],
  "employer.register.tsx": [
    {
      as: "newEmployer",
      fill: () => ({ name: "贵州测试科技有限公司", uscc: makeUscc(), address: "贵阳市南明区", staffCount: "50", contactName: "张三", contactPhone: "13912340003" }),
      why: "an employer without an organization sees the registration form",
    },
  ],
  "employer.vacancies.$id.candidates.tsx": [{ as: "employer", params: (i) => ({ id: i.vacancy }) }],
  "employer.vacancies.$id.edit.tsx": [{ as: "employer", params: (i) => ({ id: i.vacancy }) }],
  // The fixture's vacancy is open, so its preview shows no publish button: the button's form, refused (not a draft).
  "employer.vacancies.$id.preview.tsx": [{ as: "employer", params: (i) => ({ id: i.vacancy }), forms: () => [{ fields: [], buttons: [["intent", "publish"]] }] }],
  "employer.vacancies.new.tsx": [{ as: "employer", fillFrom: (i) => `/employer/vacancies/${i.vacancy}/edit` }],
  "businesses.$id.tsx": [
    {
      as: "counselor",
      params: (i) => ({ id: i.business }),
      fill: () => ({ who: "13800000001", seekerId: FIRST, kind: FIRST, amount: "5000", running: "yes", employsOthers: "1", note: "入户核查" }),
    },
  ],
  "businesses.new.tsx": [
    { as: "counselor", fill: () => ({ who: "13800000001" }), why: "without ?owner the page offers the caseload (a GET form) and the lookup" },
    {
      as: "counselor",
      page: (i) => `/businesses/new?owner=${i.seeker}`,
      fill: () => ({ name: "测试网店", kind: FIRST, startedOn: "2026-01-05", registrationNumber: "", description: "手工竹编网上销售" }),
    },
  ],
  "employment-records.$id.tsx": [{ as: "counselor", params: (i) => ({ id: i.employment }), fill: () => ({ evidenceNote: "劳动合同编号 2026-001" }) }],
  "employment-records.new.tsx": [
    { as: "counselor", fill: () => ({ who: "13800000001" }), why: "without ?seeker the page offers the lookup by certificate or phone number" },
    {
      as: "counselor",
      page: (i) => `/employment-records/new?seeker=${i.seeker}`,
      fill: () => ({
        form: "flexible",
        employerName: "社区居家手工编织",
        contractStart: "2026-05-01",
        monthlyPay: "1800",
        socialInsurance: "no",
        evidence: "visit",
      }),
      why: "with ?seeker the record form for that seeker",
    },
  ],
  "feedback.tsx": [
    {
      as: "anonymous",
      page: () => "/feedback?page=%2Fvacancies",
      fill: () => ({ kind: FIRST, message: "读屏软件读不出搜索按钮", contact: "13912340005" }),
      why: "anyone may send feedback; the page field comes prefilled from ?page=",
    },
  ],
  "events.$id.tsx": [
    { as: "seeker", params: (i) => ({ id: i.event }) },
    { as: "employer", params: (i) => ({ id: i.graduatesEvent }), fill: () => ({ vacancyIds: FIRST }), why: "the demo employer already takes part in the other event" },
  ],
  "events.$id_.enter.tsx": [{ as: "accountSeeker", params: (i) => ({ id: i.competition }), fill: () => ({ categoryId: FIRST }), why: "entered already: the withdraw form shows too" }],
  "invitations.$token.tsx": [
    {
      as: "employer",
      params: (i) => ({ token: i.invitationToken }),
      forms: () => [{ fields: [] }],
      why: "a real open invitation, for another phone: every POST is refused (accepting takes no fields at all)",
    },
  ],
  "job-invitations.tsx": [{ as: "seeker" }],
  // Saving a search is posted from the search page's "保存此搜索" form (issue 17); the page itself lists the seeker's.
  "saved-searches.tsx": [{ as: "seeker", page: () => "/vacancies?q=%E5%AE%A2%E6%9C%8D", fill: () => ({ name: "客服岗位" }), why: "the save form sits on the search page" }],
  "unsubscribe.$token.tsx": [
    {
      as: "anonymous",
      params: (i) => ({ token: i.unsubscribeToken }),
      why: "the signed link authorizes anyone holding it: every POST with it turns the seeker's alert emails off (the body is not read)",
    },
  ],
  "login.tsx": [{ as: "anonymous", fill: (i) => ({ identifier: i.accountSeekerPhone, password: DEMO_PASSWORD }) }],
  "logout.tsx": [
    {
      as: "anonymous",
      page: () => "/",
      forms: () => [{ fields: [] }],
      why: "signed in, every POST is a sign-out (the session table is narrowed, see CHECKSUM_EXCEPTIONS); anonymous it changes nothing",
    },
  ],
  "my-plan.tsx": [{ as: "seeker", fill: () => ({ body: "王老师您好，我想问一下下周面试的事。" }) }],
  "notifications.tsx": [{ as: "seeker" }],
  "preferences.tsx": [{ as: "seeker", page: () => "/" }],
  // No password filled in: a probe the route reads past would delete the demo seeker that later routes act as.
  // The demo seeker holds no training certificate, so the page shows no form: the form it shows to one who does.
  "profile.certificates.tsx": [{ as: "seeker", forms: () => [{ fields: [["shown", "00000000-0000-4000-8000-000000000000"]] }] }],
  "profile.delete.tsx": [{ as: "seeker" }],
  "profile.disability.tsx": [{ as: "seeker" }],
  "profile.education.tsx": [{ as: "seeker" }],
  "profile.family.tsx": [{ as: "seeker" }],
  "profile.limits.tsx": [{ as: "seeker" }],
  "profile.needs.tsx": [{ as: "seeker" }],
  "profile.personal.tsx": [{ as: "seeker" }],
  "profile.preferences.tsx": [{ as: "seeker" }],
  "profile.region.tsx": [{ as: "seeker" }],
  "profile.skills.tsx": [{ as: "seeker" }],
  "profile.visibility.tsx": [{ as: "seeker" }],
  "provider.courses.$id.tsx": [
    {
      as: "employer",
      params: (i) => ({ id: i.course }),
      page: (i) => `/provider/courses/${i.course}?enrolment=${i.courseEnrolment}`,
      fill: () => ({ kind: FIRST, name: "保健按摩师", issuer: "贵州省人力资源和社会保障厅" }),
    },
  ],
  "referrals.tsx": [{ as: "seeker" }],
  "register.tsx": [{ as: "anonymous", fill: () => ({ phone: "13912340004", password: "Qc-Register#2027", confirmPassword: "Qc-Register#2027" }) }],
  "statistics.evaluation.$period._index.tsx": [{ as: "admin", params: () => ({ period: "2016-2020" }), fill: () => ({ notes: "中期目标基本完成，培训记录待补。" }) }],
  "statistics.report.$year._index.tsx": [{ as: "admin", params: () => ({ year: "2026" }), fill: () => ({ notes: "已督促 3 家单位补足按比例就业。" }) }],
  "statistics.snapshots.tsx": [
    {
      as: "admin",
      forms: () => [{ fields: [["quarter", quarterKey(lastEndedQuarter(todayInShanghai()))]] }],
      why: "the demo seed keeps the last ended quarter's snapshot, so the page offers no button; taking it again changes nothing",
    },
  ],
  "statistics.targets.tsx": [{ as: "admin", fill: () => ({ periodStart: "2031", periodEnd: "2035", value: "1000", source: "测试依据" }) }],
  "statistics.national-export_.download.ts": [{ as: "admin", page: () => "/statistics/national-export", why: "a valid export is a download, audited (the audit row is its write)" }],
  "training.$id.tsx": [
    { as: "seeker", params: (i) => ({ id: i.course }), fill: () => ({ accessNote: "需要盲文教材" }) },
    { as: "counselor", params: (i) => ({ id: i.course }), fill: () => ({ seekerId: FIRST, accessNote: "需要盲文教材" }), why: "a counselor enrols someone of their caseload" },
  ],
  "vacancies.$id.apply.tsx": [{ as: "seeker", params: (i) => ({ id: i.vacancyToApply }) }],
};

/** Malformed and impossible values for each kind of path parameter. */
function badParamValues(name: string): string[] {
  if (name === "year") return ["0000", "9999", "-1", "20261", "2026abc", "1e3", "２０２６", "99999999999999999999"];
  if (name === "month") return ["0", "2", "13", "-1", "1.5", "abc", "99999999999999999999", "1e3"];
  if (name === "token") return ["x", "a".repeat(200), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"];
  return ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "' or '1'='1", "00000000-0000-0000-0000-0000000000000", "a".repeat(300)];
}

// ---------------------------------------------------------------------------------------------------------------
// The database's checksum

/** Tables left out of the checksum, or narrowed, and why. Every other table in the public schema is compared whole. */
const CHECKSUM_EXCEPTIONS: Record<string, { columns?: string[]; reason: string }> = {
  audit_event: { reason: "reads are audited: the page read before the probes and the loaders that re-render a refused form write here by design" },
  login_attempt: { reason: "every sign-in and registration attempt is counted before it is checked (issue 12 items 4, 5), refused ones too" },
  user_session: { columns: ["id", "user_id", "created_at"], reason: "a request renews its session's expires_at; which sessions exist must not change" },
};

type Checksum = Map<string, string>;

async function checksum(s: TestServer): Promise<Checksum> {
  const db = s.handle.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rule = CHECKSUM_EXCEPTIONS[name];
    if ((rule && !rule.columns) || name === "qc_probe_write") continue;
    const from = rule?.columns ? `(select ${rule.columns.map((c) => `"${c}"`).join(", ")} from "${name}") t` : `"${name}" t`;
    parts.push(`select '${name}' as name, count(*)::text || ' rows ' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as sum from ${from}`);
  }
  const r = await sql<{ name: string; sum: string }>`${sql.raw(parts.join(" union all "))}`.execute(db);
  return new Map(r.rows.map((row) => [row.name, row.sum]));
}

function changedTables(before: Checksum, after: Checksum): string[] {
  const out: string[] = [];
  for (const [name, sum] of after) if (before.get(name) !== sum) out.push(`${name}: ${before.get(name) ?? "(absent)"} → ${sum}`);
  for (const name of before.keys()) if (!after.has(name)) out.push(`${name}: gone`);
  return out;
}

async function settled(s: TestServer): Promise<Checksum> {
  await kickDrain().catch(() => undefined);
  return checksum(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  ms: number;
}

let s: TestServer;

/** One request over a new connection; the answer even when the server stops reading the body (413). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(path, s.url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { method, host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { connection: "close", ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    // The server may answer and close before the whole body is written (a body over the limit): not an error.
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ECONNRESET") return;
      reject(e);
    });
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

const FORM = "application/x-www-form-urlencoded";

function encode(entries: [string, string][]): string {
  return new URLSearchParams(entries).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Probes

type Expect = number | "reach";

interface Probe {
  label: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  expect: Expect;
  /** A malformed or impossible path parameter: may never write. */
  param?: boolean;
}

const LONG_TEXT = "黔".repeat(10_000);
const LONG_NUMBER = "9".repeat(10_000);
const BAD_CHOICE = "zz-not-a-choice";

function withQuery(path: string, query: string): string {
  return path + (path.includes("?") ? "&" : "?") + query;
}

/** The single-fetch address of a document address: `/a/b?index` → `/a/b.data?index`. */
function dataPath(path: string): string {
  const [p, q] = path.split("?");
  return `${p === "/" ? "/_root" : p!.replace(/\/$/, "")}.data${q ? `?${q}` : ""}`;
}

interface Submission {
  /** The fields as the page would submit them, in order. */
  base: [string, string][];
  form: { fields: FormField[]; buttons: [string, string][] };
}

/** A fill value that means "the first option the page offers" (a list of ids, say). */
const FIRST = "\u0000first";

/**
 * The fields as the page would submit them — with `fill` (a valid value for each field the person must type, so
 * that each probe has one thing wrong and the rest would pass), and an unchosen radio group or select set to its
 * first offered value.
 */
function submission(form: { fields: FormField[]; buttons: [string, string][] }, fill: Record<string, string | string[]> = {}): Submission {
  const base: [string, string][] = [];
  for (const f of form.fields) {
    let values = f.values;
    const given = fill[f.name];
    const firstOffered = f.options.find((o) => o !== "");
    if (given !== undefined) values = (Array.isArray(given) ? given : [given]).map((v) => (v === FIRST ? (firstOffered ?? "") : v));
    else if (f.kind === "radio" && !values.length && firstOffered) values = [firstOffered];
    else if (f.kind === "select" && !values.some((v) => v !== "") && firstOffered) values = [firstOffered];
    for (const v of values) base.push([f.name, v]);
  }
  if (form.buttons.length) base.push(form.buttons[0]!);
  return { base, form };
}

function replace(base: [string, string][], name: string, values: string[]): [string, string][] {
  const out: [string, string][] = [];
  let done = false;
  for (const [n, v] of base) {
    if (n !== name) out.push([n, v]);
    else if (!done) {
      for (const x of values) out.push([n, x]);
      done = true;
    }
  }
  if (!done) for (const x of values) out.push([name, x]);
  return out;
}

const isText = (f: FormField) => f.kind === "text" || f.kind === "textarea" || f.kind === "password" || f.kind === "number" || (f.kind === "hidden" && f.name !== "intent" && !f.name.startsWith("__"));
const isChoice = (f: FormField) => f.kind === "select" || f.kind === "radio" || f.kind === "checkbox";

function post(label: string, path: string, entries: [string, string][], expect: Expect, headers: Record<string, string> = {}): Probe {
  return { label, method: "POST", path, headers: { "content-type": FORM, ...headers }, body: encode(entries), expect };
}

/** The edge's refusals on one address (the document's or the single fetch's). */
function edgeProbes(path: string, sub: Submission, tag: string): Probe[] {
  const { base, form } = sub;
  const probes: Probe[] = [
    { label: `${tag} body over 1 MB`, method: "POST", path, headers: { "content-type": FORM }, body: `x=${"a".repeat(1024 * 1024)}`, expect: 413 },
    post(`${tag} x[99999999]=1`, path, [...base, ["x[99999999]", "1"]], 400),
    post(`${tag} 2001 fields`, path, Array.from({ length: 2001 }, (_, i) => [`f${i}`, "1"] as [string, string]), 400),
    post(`${tag} NUL in a field name`, path, [...base, ["a\u0000b", "1"]], 400),
    post(`${tag} 201-character field name`, path, [...base, ["n".repeat(201), "1"]], 400),
    post(`${tag} NUL in the query string (value)`, withQuery(path, "x=%00"), base, 400),
    post(`${tag} NUL in the query string (name)`, withQuery(path, "a%00b=1"), base, 400),
    post(`${tag} NUL in an unnamed field's value`, path, [...base, ["zz", "a\u0000b"]], 400),
    { label: `${tag} JSON body`, method: "POST", path, headers: { "content-type": "application/json" }, body: JSON.stringify(Object.fromEntries(base)), expect: 415 },
    { label: `${tag} text/plain body`, method: "POST", path, headers: { "content-type": "text/plain" }, body: encode(base), expect: 415 },
    { label: `${tag} no content type`, method: "POST", path, body: encode(base), expect: 415 },
    {
      label: `${tag} broken multipart`,
      method: "POST",
      path,
      headers: { "content-type": "multipart/form-data; boundary=qcBOUNDARY" },
      body: '--qcBOUNDARY\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
      expect: 400,
    },
    { label: `${tag} multipart without a boundary`, method: "POST", path, headers: { "content-type": "multipart/form-data" }, body: "a=1", expect: 400 },
  ];
  for (const f of form.fields) {
    if (f.kind === "file") continue;
    probes.push(post(`${tag} NUL in ${f.name}`, path, replace(base, f.name, [`${f.values[0] ?? ""}\u0000`]), 400));
  }
  return probes;
}

/** What reaches the route: per field on the document address, all fields at once on the single-fetch address. */
function reachingProbes(path: string, sub: Submission, tag: string, perField: boolean): Probe[] {
  const { base, form } = sub;
  const probes: Probe[] = [post(`${tag} empty form`, path, [], "reach")];
  const texts = form.fields.filter(isText);
  const choices = form.fields.filter(isChoice);
  // The action's switch: the first named submit button, or a hidden field named intent.
  const intents = [...new Set([...(form.buttons.length ? [form.buttons[0]![0]] : []), ...form.fields.filter((f) => f.kind === "hidden" && f.name === "intent").map((f) => f.name)])];
  if (perField) {
    for (const f of texts) probes.push(post(`${tag} ${f.name} 10,000 chars`, path, replace(base, f.name, [f.kind === "number" ? LONG_NUMBER : LONG_TEXT]), "reach"));
    for (const f of choices) probes.push(post(`${tag} ${f.name} not a choice`, path, replace(base, f.name, [BAD_CHOICE]), "reach"));
    for (const name of intents) probes.push(post(`${tag} ${name} not an intent`, path, replace(base, name, [BAD_CHOICE]), "reach"));
    for (const f of new Set([...form.fields.filter((f) => f.kind !== "file").map((f) => f.name), ...intents])) {
      const first = base.find(([n]) => n === f)?.[1] ?? "";
      probes.push(post(`${tag} ${f} sent twice`, path, replace(base, f, [BAD_CHOICE, first]), "reach"));
    }
  }
  {
    // All fields at once as well (cross-field rules run on two bad values; per field, the other is still good).
    let long = base;
    for (const f of texts) long = replace(long, f.name, [f.kind === "number" ? LONG_NUMBER : LONG_TEXT]);
    if (texts.length > (perField ? 1 : 0)) probes.push(post(`${tag} every text field 10,000 chars`, path, long, "reach"));
    let bad = base;
    for (const f of choices) bad = replace(bad, f.name, [BAD_CHOICE]);
    for (const name of intents) bad = replace(bad, name, [BAD_CHOICE]);
    if (choices.length + intents.length > (perField ? 1 : 0)) probes.push(post(`${tag} every choice not offered`, path, bad, "reach"));
    const twice: [string, string][] = [];
    for (const [n, v] of base) twice.push([n, BAD_CHOICE], [n, v]);
    if (base.length > (perField ? 1 : 0)) probes.push(post(`${tag} every field sent twice`, path, twice, "reach"));
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: the seeded demo, plus the objects the quota pages need

const cookies = new Map<Who, Record<string, string>>();
let ids: Ids;

async function setup(): Promise<Ids> {
  const db = s.handle.db;
  const seeker = await s.userId("13800000001");
  const employer = await s.userId("13800000002");
  const counselor = await s.userId("13800000003");
  const admin = await s.userId("13800000004");
  const { id: accountSeeker, phone: accountSeekerPhone } = await db
    .selectFrom("app_user")
    .select(["id", "phone"])
    .where("phone", "like", "1360000%")
    .where("role", "=", "seeker")
    .orderBy("phone")
    .executeTakeFirstOrThrow();
  const newEmployer = (await createUser(db, { role: "employer" })).id;
  const organization = (
    await db
      .selectFrom("organization_member as m")
      .innerJoin("organization as o", "o.id", "m.organization_id")
      .select("o.id")
      .where("m.user_id", "=", employer)
      .where("o.status", "=", "verified")
      .executeTakeFirstOrThrow()
  ).id;
  const organizationCode = (await db.selectFrom("organization").select("uscc").where("id", "=", organization).executeTakeFirstOrThrow()).uscc;
  const designation = (
    await db
      .insertInto("designation")
      .values({ organization_id: organization, kind: "cultural_creative", decision_number: "坏输入〔2026〕1号", decision_date: "2026-01-05", valid_from: "2026-01-05", designated_by: admin })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const vacancy = (await db.selectFrom("vacancy").select("id").where("organization_id", "=", organization).where("status", "=", "open").orderBy("title").executeTakeFirstOrThrow()).id;
  const applicationOfSeeker = (
    await db.selectFrom("application").select("id").where("seeker_id", "=", seeker).where("status", "in", ["submitted", "viewed", "interview"]).orderBy("id").executeTakeFirstOrThrow()
  ).id;
  const applicationToEmployer = (
    await db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select("a.id")
      .where("v.organization_id", "=", organization)
      .where("a.status", "=", "submitted")
      .orderBy("a.id")
      .executeTakeFirstOrThrow()
  ).id;
  const applied = db.selectFrom("application").select("vacancy_id").where("seeker_id", "=", seeker);
  const [vacancyToApply, otherVacancy] = (
    await db
      .selectFrom("vacancy as v")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select("v.id")
      .where("v.status", "=", "open")
      .where("o.status", "=", "verified")
      .where("v.id", "not in", applied)
      .orderBy("v.id")
      .limit(2)
      .execute()
  ).map((r) => r.id);
  const event = (await db.selectFrom("recruitment_event").select("id").where("kind", "=", "general").where("status", "=", "published").executeTakeFirstOrThrow()).id;
  const graduatesEvent = (await db.selectFrom("recruitment_event").select("id").where("kind", "=", "graduates").where("status", "=", "published").executeTakeFirstOrThrow()).id;
  const pendingOrganization = (await db.selectFrom("organization").select("id").where("status", "=", "pending").orderBy("id").executeTakeFirstOrThrow()).id;

  // A job invitation and a counselor's referral waiting for the seeker (the pages' decline forms).
  await db.insertInto("vacancy_invitation").values({ vacancy_id: otherVacancy!, seeker_id: seeker, invited_by: employer }).onConflict((oc) => oc.doNothing()).execute();
  await db.insertInto("referral").values({ vacancy_id: otherVacancy!, seeker_id: seeker, counselor_id: counselor }).onConflict((oc) => oc.doNothing()).execute();

  // A hire of one of the counselor's clients, for the post-placement checkpoint form.
  const client = await db
    .selectFrom("employment as e")
    .innerJoin("caseload_assignment as c", "c.seeker_id", "e.seeker_id")
    .select(["e.id"])
    .where("c.counselor_id", "=", counselor)
    .where("c.ended_at", "is", null)
    .where("e.seeker_id", "=", seeker)
    .executeTakeFirst();
  const employment =
    client?.id ??
    (
      await db
        .insertInto("employment")
        .values({ organization_id: organization, seeker_id: seeker, vacancy_id: vacancy, contract_start: new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10), social_insurance: true, monthly_pay: 4000, created_by: employer })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  // Quota: rule parameters, a disclosed year with an open objection, a declaration waiting for review, a draft.
  for (const [name, value] of [
    ["local_average_wage", "90000"],
    ["minimum_wage", "1890"],
  ] as const) {
    await db.insertInto("rule_parameter").values({ name, year: 2025, value }).onConflict((oc) => oc.columns(["name", "year"]).doNothing()).execute();
  }
  const employerActor: Actor = { id: employer, role: "employer", regionCode: null, organizationIds: [organization] };
  const adminActor: Actor = { id: admin, role: "admin", regionCode: "520000" };
  const input = (year: number) => ({
    monthlyStaff: Array.from({ length: 12 }, () => 120),
    salaryTotal: 120 * 80000,
    employees: [{ fullName: "张三", kind: "disabled" as const, certificateNumber: certificateFor(freshIdNumber(), "physical", 2), grade: 2, contractStart: `${year - 2}-01-01`, insuranceMonths: 12, monthlyPay: 5000 }],
  });
  const disclosedYear = 2029;
  const disclosed = await saveDeclaration(db, employerActor, organization, disclosedYear, input(disclosedYear), { submit: true });
  if (!disclosed.ok) throw new Error(`setup: declaration ${JSON.stringify(disclosed)}`);
  const approved = await approveDeclaration(db, adminActor, disclosed.value.id);
  if (!approved.ok) throw new Error(`setup: approve ${JSON.stringify(approved)}`);
  const published = await publishDisclosure(db, adminActor, disclosedYear, 30);
  if (!published.ok) throw new Error(`setup: publish ${JSON.stringify(published)}`);
  const entry = (await db.selectFrom("quota_disclosure_entry").select("id").where("disclosure_id", "=", published.value.id).executeTakeFirstOrThrow()).id;
  const objection = await fileObjection(db, { id: accountSeeker, role: "seeker", regionCode: null }, entry, "人数与实际不符，请核实");
  if (!objection.ok) throw new Error(`setup: objection ${JSON.stringify(objection)}`);
  const review = await saveDeclaration(db, employerActor, organization, 2028, input(2028), { submit: true });
  if (!review.ok) throw new Error(`setup: declaration ${JSON.stringify(review)}`);
  const draftYear = 2027;
  const draft = await saveDeclaration(db, employerActor, organization, draftYear, input(draftYear), { submit: false });
  if (!draft.ok) throw new Error(`setup: draft ${JSON.stringify(draft)}`);

  // Training (issue 14): the organization is a training base; a published course starting today, the account seeker
  // enrolled and through it (so the outcome and certificate forms show), 李明 not enrolled (the apply form shows).
  await db
    .insertInto("designation")
    .values({ organization_id: organization, kind: "training_base", decision_number: "测试〔2026〕培训1号", decision_date: "2026-01-05", valid_from: "2026-01-05", designated_by: admin })
    .execute();
  const today = todayInShanghai();
  const created = await createCourse(
    db,
    adminActor,
    courseSchema.parse({ title: "测试盲人保健按摩培训班", kind: "blind_health_massage", providerId: organization, startsOn: today, endsOn: addDays(today, 30), mode: "in_person", regionCode: "520102", venue: "南明区", capacity: 20, subsidyPerTrainee: 1000 }),
  );
  if (!created.ok) throw new Error(`setup: course ${JSON.stringify(created)}`);
  const course = created.value.courseId;
  const shown = await setCourseStatus(db, adminActor, course, "published");
  if (!shown.ok) throw new Error(`setup: publish course ${JSON.stringify(shown)}`);
  const enrolled = await applyForCourse(db, { id: accountSeeker, role: "seeker", regionCode: null }, course, { accessRequests: ["braille_large_print"], accessNote: "" });
  if (!enrolled.ok) throw new Error(`setup: enrolment ${JSON.stringify(enrolled)}`);
  const through = await recordOutcome(db, adminActor, course, { enrolmentId: enrolled.value.enrolmentId, outcome: "completed", attendedDays: 1, completedOn: today });
  if (!through.ok) throw new Error(`setup: outcome ${JSON.stringify(through)}`);

  // A skills competition (issue 14), entries open: a category with a provincial judge assigned (and another judge
  // free to assign), the account seeker entered.
  const competitionMade = await createEvent(
    db,
    adminActor,
    eventSchema.parse({ title: "测试职业技能竞赛", kind: "competition", startsAt: "2099-05-10T09:00", endsAt: "2099-05-10T17:00", registrationDeadline: "2099-05-01T18:00", regionCode: "520102", venue: "南明区", capacity: 50 }),
  );
  if (!competitionMade.ok) throw new Error(`setup: competition ${JSON.stringify(competitionMade)}`);
  const competition = competitionMade.value.eventId;
  const competitionShown = await setEventStatus(db, adminActor, competition, "published");
  if (!competitionShown.ok) throw new Error(`setup: publish competition ${JSON.stringify(competitionShown)}`);
  const competitionCategory = await saveCategory(db, adminActor, competition, { name: "测试盲人按摩项目", description: "" });
  if (!competitionCategory.ok) throw new Error(`setup: category ${JSON.stringify(competitionCategory)}`);
  const judges = await Promise.all(["测试裁判甲", "测试裁判乙"].map((name) => saveJudge(db, adminActor, judgeSchema.parse({ name, specialities: "盲人按摩", regionCode: "520000" }))));
  if (!judges[0]!.ok || !judges[1]!.ok) throw new Error(`setup: judges ${JSON.stringify(judges)}`);
  const assigned = await assignJudge(db, adminActor, competition, { categoryId: competitionCategory.value.categoryId, judgeId: judges[0]!.value.judgeId });
  if (!assigned.ok) throw new Error(`setup: assign ${JSON.stringify(assigned)}`);
  const entered = await enterCategory(db, { id: accountSeeker, role: "seeker", regionCode: null }, competition, { categoryId: competitionCategory.value.categoryId, accessRequests: ["interpreter"] });
  if (!entered.ok) throw new Error(`setup: entry ${JSON.stringify(entered)}`);

  // A business run by 李明 (issue 14), for its support, owner and check forms.
  const business = (
    await db
      .insertInto("business")
      .values({ name: "测试竹编工作室", kind: "family_workshop", region_code: "520102", started_on: "2025-03-01", created_by: admin })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto("business_owner").values({ business_id: business, seeker_id: seeker }).execute();

  // An open invitation to the employer's organization, for another phone.
  const invitation = await createInvitation(db, employerActor, organization, { phone: "13912345678", email: undefined } as never);
  if (!invitation.ok) throw new Error(`setup: invitation ${JSON.stringify(invitation)}`);

  // Feedback from a visitor (issue 15), for the province admin's handling form.
  const feedbackRow = (await db.insertInto("feedback").values({ kind: "barrier", page: "/vacancies", message: "坏输入测试：读屏软件读不出按钮", contact: "13912340006" }).returning("id").executeTakeFirstOrThrow()).id;

  // A job that failed after its last retry (the harness's in-process queue), for the retry form of /admin/jobs.
  const deadJob = (
    await db
      .insertInto("job")
      .values({ name: "bad-input.example", data: JSON.stringify({ deliveryId: feedbackRow }), state: "failed", retry_count: 2, retry_limit: 2, output: JSON.stringify({ message: "SMTP refused" }), completed_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

  return {
    seeker,
    accountSeeker,
    accountSeekerPhone: accountSeekerPhone!,
    employer,
    counselor,
    admin,
    newEmployer,
    organization,
    vacancy,
    applicationOfSeeker,
    applicationToEmployer,
    vacancyToApply: vacancyToApply!,
    event,
    graduatesEvent,
    pendingOrganization,
    employment,
    organizationCode,
    designation,
    declarationForReview: review.value.id,
    disclosedYear: String(disclosedYear),
    draftYear: String(draftYear),
    invitationToken: invitation.value.token,
    unsubscribeToken: unsubscribeToken(seeker, "alerts"),
    course,
    courseEnrolment: enrolled.value.enrolmentId,
    competition,
    business,
    feedback: feedbackRow,
    deadJob,
  };
}

async function headersFor(who: Who): Promise<Record<string, string>> {
  const headers: Record<string, string> = { origin: s.origin };
  if (who !== "anonymous") {
    const id = { seeker: ids.seeker, accountSeeker: ids.accountSeeker, employer: ids.employer, newEmployer: ids.newEmployer, counselor: ids.counselor, admin: ids.admin }[who];
    headers.cookie = await s.cookieFor(id);
  }
  return headers;
}

beforeAll(async () => {
  const t0 = Date.now();
  s = await startTestServer();
  ids = await setup();
  await installWriteLog();
  for (const who of ["anonymous", "seeker", "accountSeeker", "employer", "newEmployer", "counselor", "admin"] as Who[]) cookies.set(who, await headersFor(who));
  console.log(`bad-input: server started and set up in ${Date.now() - t0} ms (${s.databaseUrl ? "PostgreSQL" : "PGlite"})`);
}, 300_000);

afterAll(async () => {
  await s?.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Running probes, and what each one wrote

/**
 * Which probe wrote what: a row trigger on every table (but those CHECKSUM_EXCEPTIONS leave out) logs each insert,
 * update and delete with the row, in the writing transaction — so a write that is rolled back leaves no trace, and a
 * write is pinned to the probe that made it (route-reaching probes run one at a time). Installed in the test's own
 * database only. The checksums before and after each route are the independent second look.
 */
async function installWriteLog(): Promise<void> {
  const db = s.handle.db;
  await sql`create table qc_probe_write (id bigserial primary key, tbl text not null, op text not null, row_text text)`.execute(db);
  await sql.raw(`create function qc_probe_log() returns trigger language plpgsql as $$
    begin
      insert into qc_probe_write (tbl, op, row_text)
      values (tg_table_name, tg_op, case when tg_op = 'DELETE' then to_jsonb(old)::text else to_jsonb(new)::text end);
      return null;
    end $$`).execute(db);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of tables.rows) {
    if (name === "qc_probe_write" || name.startsWith("kysely_migration")) continue;
    const rule = CHECKSUM_EXCEPTIONS[name];
    if (rule && !rule.columns) continue;
    if (rule?.columns) {
      // Narrowed: inserts and deletes count, and updates of the compared columns only.
      await sql.raw(`create trigger qc_probe_log_a after insert or delete on "${name}" for each row execute function qc_probe_log()`).execute(db);
      const differs = rule.columns.map((c) => `old."${c}" is distinct from new."${c}"`).join(" or ");
      await sql.raw(`create trigger qc_probe_log_b after update on "${name}" for each row when (${differs}) execute function qc_probe_log()`).execute(db);
    } else {
      await sql.raw(`create trigger qc_probe_log after insert or update or delete on "${name}" for each row execute function qc_probe_log()`).execute(db);
    }
  }
}

interface Write {
  id: number;
  tbl: string;
  op: string;
  row: string;
}

let writeMark = 0;

/** What was written since the last call (the search outbox drained first: its work belongs to the write before). */
async function writesSince(): Promise<Write[]> {
  await kickDrain().catch(() => undefined);
  const r = await sql<{ id: string; tbl: string; op: string; row_text: string | null }>`
    select w.id::text as id, w.tbl, w.op, w.row_text from qc_probe_write w where w.id > ${writeMark} order by w.id`.execute(s.handle.db);
  for (const row of r.rows) writeMark = Math.max(writeMark, Number(row.id));
  return r.rows.map((w) => ({ id: Number(w.id), tbl: w.tbl, op: w.op, row: w.row_text ?? "" }));
}

/** console.error while probes run: a server error is logged there (and is a failure); React's dev warnings apart. */
let consoleLines: string[] = [];
function captureConsole(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    consoleLines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" ").slice(0, 400));
  };
  return () => {
    console.error = original;
  };
}
function takeConsole(): string[] {
  const lines = consoleLines;
  consoleLines = [];
  return lines;
}
/**
 * Lines that are reported in the summary rather than failing a route: neither is an error of ours answered to the
 * client, and each is listed with the route and probe so it can be fixed where it belongs.
 */
const NOTES: [RegExp, string][] = [
  // React (development build) on re-rendering a form whose select was posted twice: conform's reply carries an array.
  [/^Warning: /, "React development warning"],
  // entry.server.tsx handleError logs Remix's own 405 for a POST to a route without an action (any page, anyone).
  [/"status":405.*did not provide an `action`/, "Remix 405 logged"],
];
const isNote = (line: string) => NOTES.some(([re]) => re.test(line));

const CHUNK = 6;

interface Outcome {
  probe: Probe;
  answer: Answer | null;
  error?: string;
  writes?: Write[];
  logged?: string[];
}

async function sendProbe(probe: Probe, headers: Record<string, string>): Promise<Outcome> {
  try {
    const answer = await send(probe.method, probe.path, { headers: { ...headers, ...probe.headers }, body: probe.body });
    return { probe, answer };
  } catch (e) {
    return { probe, answer: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Probes that cannot write (edge refusals, GETs): a few at a time; then nothing may have been written. */
async function runConcurrently(probes: Probe[], headers: Record<string, string>): Promise<{ outcomes: Outcome[]; writes: Write[]; logged: string[] }> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < probes.length; i += CHUNK) outcomes.push(...(await Promise.all(probes.slice(i, i + CHUNK).map((p) => sendProbe(p, headers)))));
  return { outcomes, writes: await writesSince(), logged: takeConsole() };
}

/** Probes that reach a route: one at a time, each with what it wrote and logged. */
async function runOneByOne(probes: Probe[], headers: Record<string, string>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const probe of probes) {
    const outcome = await sendProbe(probe, headers);
    outcome.writes = await writesSince();
    outcome.logged = takeConsole();
    // BAD_INPUT_TRACE=1 prints each route-reaching probe with its answer and what it wrote.
    if (process.env.BAD_INPUT_TRACE) console.log(`${where(probe)} → ${outcome.answer?.status} ${outcome.writes.map((w) => `${w.tbl} ${w.op}${process.env.BAD_INPUT_TRACE === "rows" ? ` ${w.row.slice(0, 300)}` : ""}`).join(", ")}`);
    outcomes.push(outcome);
  }
  return outcomes;
}

function where(probe: Probe): string {
  return `${probe.method} ${probe.path.length > 110 ? `${probe.path.slice(0, 110)}…` : probe.path} [${probe.label}]`;
}

const storesBadValue = (w: Write) => w.row.includes(BAD_CHOICE) || w.row.includes("黔".repeat(200)) || w.row.includes("9".repeat(1000));

/**
 * What is wrong with the answers. Status: never 5xx (nor no answer); the edge's exact refusals. Writes: a probe
 * answered 4xx wrote nothing; a probe with a malformed path parameter wrote nothing; a probe that was accepted (it
 * wrote: the bad part was a field the route does not read, a doubled field read as its second value…) stored no
 * part of the bad value. Any console.error but React's development warnings.
 */
function problems(outcomes: Outcome[]): string[] {
  const out: string[] = [];
  for (const { probe, answer, error, writes = [], logged = [] } of outcomes) {
    const w = where(probe);
    const tables = [...new Set(writes.map((x) => `${x.tbl} ${x.op.toLowerCase()}`))].join(", ");
    if (!answer) out.push(`${w}: no answer (${error})`);
    else if (answer.status >= 500) out.push(`${w}: ${answer.status}`);
    else if (typeof probe.expect === "number" && answer.status !== probe.expect) out.push(`${w}: ${answer.status}, expected ${probe.expect}`);
    if (writes.length && answer && answer.status >= 400) out.push(`${w}: refused with ${answer.status} but wrote ${tables}`);
    else if (writes.length && probe.param) out.push(`${w}: a malformed path parameter, yet ${answer?.status ?? "?"} and wrote ${tables}`);
    else if (writes.some(storesBadValue)) out.push(`${w}: ${answer?.status ?? "?"}, stored the bad value (${tables})`);
    for (const line of logged.filter((l) => !isNote(l))) out.push(`${w}: console.error ${line}`);
  }
  return out;
}

/** The class a probe belongs to, for the summary. */
function classOf(probe: Probe): string {
  const l = probe.label;
  if (/^GET \$/.test(l)) return "GET, malformed path parameter";
  if (/^(\.data )?\$/.test(l)) return "POST, malformed path parameter";
  if (typeof probe.expect === "number") return `refused at the edge (${probe.expect})`;
  if (/sent twice/.test(l)) return "field sent twice";
  if (/10,000/.test(l)) return "10,000 characters";
  if (/not a choice|not an intent|not offered|enum/.test(l)) return "value not offered";
  if (/empty form/.test(l)) return "empty form";
  return "API, other";
}
const classTally = new Map<string, number>();

interface RouteReport {
  forms: number;
  requests: number;
  statuses: Map<number, number>;
  accepted: string[];
  warnings: Set<string>;
}
const reports = new Map<string, RouteReport>();

function report(file: string, outcomes: Outcome[]): RouteReport {
  const r = reports.get(file) ?? { forms: 0, requests: 0, statuses: new Map<number, number>(), accepted: [], warnings: new Set<string>() };
  for (const o of outcomes) {
    r.requests += 1;
    classTally.set(classOf(o.probe), (classTally.get(classOf(o.probe)) ?? 0) + 1);
    if (o.answer) r.statuses.set(o.answer.status, (r.statuses.get(o.answer.status) ?? 0) + 1);
    if (o.writes?.length) r.accepted.push(`${o.probe.label} → ${o.answer?.status} wrote ${[...new Set(o.writes.map((x) => x.tbl))].join(", ")}`);
    for (const line of o.logged ?? []) if (isNote(line)) r.warnings.add(`${o.probe.label}: ${line.slice(0, 110)}`);
  }
  reports.set(file, r);
  return r;
}

function statusLine(r: RouteReport): string {
  return [...r.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(" ");
}

/** The POST forms on the page that are aimed at `path` (a form without an action posts to its own page). */
function formsFor(html: string, page: string, target: string): PageForm[] {
  const targetPath = target.split("?")[0];
  const pagePath = page.split("?")[0];
  const seen = new Set<string>();
  const out: PageForm[] = [];
  for (const f of postForms(html)) {
    const action = f.action ? new URL(f.action, s.url + page).pathname : pagePath;
    if (action !== targetPath) continue;
    // One form of each shape (a list renders the same form per row).
    const shape = JSON.stringify([f.fields.map((x) => `${x.name}:${x.kind}`), f.buttons.map(([n, v]) => `${n}=${v}`)]);
    if (seen.has(shape)) continue;
    seen.add(shape);
    out.push(f);
  }
  return out;
}

function fromEntries(fields: [string, string][], buttons: [string, string][] = []): { fields: FormField[]; buttons: [string, string][] } {
  const byName = new Map<string, FormField>();
  for (const [name, value] of fields) {
    const f = byName.get(name) ?? { name, kind: "text" as const, values: [], options: [] };
    f.values.push(value);
    byName.set(name, f);
  }
  return { fields: [...byName.values()], buttons };
}

// ---------------------------------------------------------------------------------------------------------------
// The tests

const FILES = actionRouteFiles();

it("every action and API route file has an entry in ROUTES (who signs in, which ids)", () => {
  const missing = FILES.filter((f) => !ROUTES[f]);
  const stale = Object.keys(ROUTES).filter((f) => !FILES.includes(f));
  expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  expect(FILES.length).toBeGreaterThan(40);
});

it("the two nets see a real change: a valid POST shows in the write log and in the checksum", async () => {
  await writesSince();
  const before = await settled(s);
  const r = await send("POST", "/preferences", { headers: { ...cookies.get("seeker")!, "content-type": FORM }, body: "toggle=highContrast&redirectTo=/" });
  expect(r.status).toBe(302);
  expect((await writesSince()).map((w) => w.tbl)).toContain("app_user");
  expect(changedTables(before, await settled(s)).map((line) => line.split(":")[0])).toEqual(["app_user"]);
  await send("POST", "/preferences", { headers: { ...cookies.get("seeker")!, "content-type": FORM }, body: "toggle=highContrast&redirectTo=/" });
  await writesSince();
});

describe("every action and API: bad input is refused, never a 5xx, nothing changed", () => {
  for (const file of FILES) {
    it(file, async () => {
      const cases = ROUTES[file];
      if (!cases) throw new Error(`${file} has no entry in ROUTES`);
      const restore = captureConsole();
      const issues: string[] = [];
      let outcomes: Outcome[] = [];
      const routeNotes: string[] = [];
      let formCount = 0;
      let before: Checksum;
      try {
        await writesSince();
        takeConsole();
        before = await settled(s);
        for (const c of cases) {
          const headers = cookies.get(c.as)!;
          const params = c.params?.(ids) ?? {};
          const { path, index } = routePath(file, params);
          const target = index ? `${path}?index` : path;
          const quick: Probe[] = [];
          const reaching: Probe[] = [];
          if (c.api === "get") quick.push(...getApiProbes(path));
          else if (c.api === "json") quick.push(...jsonApiProbes(path));
          else {
            const page = c.page?.(ids) ?? path;
            const got = await send("GET", page, { headers });
            if (got.status >= 500) issues.push(`GET ${page}: ${got.status}`);
            let forms: { fields: FormField[]; buttons: [string, string][] }[] = formsFor(got.body, page, target);
            if (!forms.length && c.forms) forms = c.forms(ids).map((f) => fromEntries(f.fields, f.buttons));
            if (!forms.length) {
              issues.push(`GET ${page} as ${c.as} (${got.status}) shows no POST form for ${target}: give the fields in ROUTES`);
              continue;
            }
            const fill = c.fill?.(ids) ?? {};
            if (c.fillFrom) {
              const from = await send("GET", c.fillFrom(ids), { headers });
              const source = postForms(from.body).find((f) => f.fields.length > 2);
              if (!source) issues.push(`GET ${c.fillFrom(ids)}: no form to fill from`);
              for (const f of source?.fields ?? []) if (!(f.name in fill) && f.kind !== "hidden") fill[f.name] = f.values;
            }
            formCount += forms.length;
            for (const form of forms) {
              const sub = submission(form, fill);
              // BAD_INPUT_SHOW_FORMS=1 prints what was read from each page (to see what the probes start from).
              if (process.env.BAD_INPUT_SHOW_FORMS) console.log(`${file} as ${c.as}: ${sub.base.map(([n, v]) => `${n}=${v.slice(0, 24)}`).join("&")} | ${form.fields.map((f) => `${f.name}:${f.kind}${f.options.length ? `(${f.options.slice(0, 3).join("|")})` : ""}`).join(" ")}`);
              const name = form.buttons[0] ? `${form.buttons[0][0]}=${form.buttons[0][1]}` : `form(${form.fields.map((f) => f.name).slice(0, 3).join(",")})`;
              quick.push(...edgeProbes(target, sub, name), ...edgeProbes(dataPath(target), sub, `.data ${name}`));
              reaching.push(...reachingProbes(target, sub, name, true), ...reachingProbes(dataPath(target), sub, `.data ${name}`, false));
            }
            // The route's params, malformed or impossible, with the page's first form.
            const sub = submission(forms[0]!, fill);
            for (const p of paramNames(file)) {
              for (const bad of badParamValues(p)) {
                const { path: badPath } = routePath(file, { ...params, [p]: bad });
                const badTarget = index ? `${badPath}?index` : badPath;
                reaching.push({ ...post(`$${p}=${bad.slice(0, 40)}`, badTarget, sub.base, "reach"), param: true });
                reaching.push({ ...post(`.data $${p}=${bad.slice(0, 40)}`, dataPath(badTarget), sub.base, "reach"), param: true });
                quick.push({ label: `GET $${p}=${bad.slice(0, 40)}`, method: "GET", path: badPath, expect: "reach" });
              }
            }
            quick.push({ label: "GET .data with x[99999999]", method: "GET", path: withQuery(dataPath(path), "x%5B99999999%5D=1"), expect: 400 });
            quick.push({ label: "GET with NUL in the query", method: "GET", path: withQuery(path, "q=%00"), expect: 400 });
          }
          const fast = await runConcurrently(quick, headers);
          const result = [...fast.outcomes, ...(await runOneByOne(reaching, headers))];
          outcomes = outcomes.concat(result);
          issues.push(...problems(result).map((p) => `as ${c.as}: ${p}`));
          if (fast.writes.length) issues.push(`as ${c.as}: edge refusals and GETs wrote ${[...new Set(fast.writes.map((w) => w.tbl))].join(", ")}`);
          for (const line of fast.logged.filter((l) => !isNote(l))) issues.push(`as ${c.as}: during edge refusals and GETs: console.error ${line}`);
          for (const line of fast.logged.filter(isNote)) routeNotes.push(`edge refusals and GETs: ${line.slice(0, 110)}`);
        }
      } finally {
        restore();
      }
      const r = report(file, outcomes);
      r.forms = formCount;
      for (const n of routeNotes) r.warnings.add(n);
      // The second look: a table whose checksum moved was written by an accepted probe of this route.
      const after = await settled(s);
      const written = new Set(outcomes.flatMap((o) => o.writes ?? []).map((w) => w.tbl));
      const changed = changedTables(before!, after).filter((line) => !written.has(line.split(":")[0]!));
      expect({ file, problems: issues, changed, ...(issues.length || changed.length ? { statuses: statusLine(r), accepted: r.accepted } : {}) }).toEqual({ file, problems: [], changed: [] });
    }, 240_000);
  }
});

/** A JSON API (POST /api/levy/estimate): its own body classes besides the edge's. */
function jsonApiProbes(path: string): Probe[] {
  const json = (label: string, body: string, expect: Expect, type = "application/json"): Probe => ({ label, method: "POST", path, headers: { "content-type": type }, body, expect });
  const valid = { employerType: "enterprise", staffCount: 100, averageSalary: 80000, localAverageSalary: 90000, disabledEmployees: [{ kind: "disabled", grade: 2, monthsEmployed: 12 }] };
  return [
    json("body over 2 MB", `{"a":"${"x".repeat(2 * 1024 * 1024)}"}`, 413),
    json("text/plain", JSON.stringify(valid), 415, "text/plain"),
    json("NUL escaped in a string", JSON.stringify({ ...valid, employerType: "enter\u0000prise" }), 400),
    json("NUL raw", `{"employerType":"a\u0000"}`, 400),
    post("form body x[99999999]", path, [["x[99999999]", "1"]], 400),
    post("form body 2001 fields", path, Array.from({ length: 2001 }, (_, i) => [`f${i}`, "1"] as [string, string]), 400),
    { label: "broken multipart", method: "POST", path, headers: { "content-type": "multipart/form-data; boundary=qc" }, body: "--qc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", expect: 400 },
    { label: "NUL in the query", method: "POST", path: withQuery(path, "x=%00"), headers: { "content-type": "application/json" }, body: JSON.stringify(valid), expect: 400 },
    json("not JSON", "{employerType:", 400),
    json("empty body", "", 400),
    json("no content type (read as JSON)", "{", 400, ""),
    json("a JSON array", "[]", 400),
    json("a JSON string", '"x"', 400),
    json("null", "null", 400),
    json("every string 10,000 chars", JSON.stringify({ ...valid, employerType: LONG_TEXT, staffCount: LONG_NUMBER }), 400),
    json("a 10,000-digit number", `{"employerType":"enterprise","staffCount":${LONG_NUMBER},"averageSalary":80000,"localAverageSalary":90000}`, "reach"),
    json("wrong enum values", JSON.stringify({ ...valid, employerType: BAD_CHOICE, disabledEmployees: [{ kind: BAD_CHOICE, grade: 9, monthsEmployed: 13 }] }), 400),
    json("a key sent twice", `{"employerType":"enterprise","employerType":"${BAD_CHOICE}","staffCount":100,"averageSalary":80000,"localAverageSalary":90000}`, 400),
    json("an unknown field", JSON.stringify({ ...valid, ratio2: 1 }), 400),
    json("20,000 employees", JSON.stringify({ ...valid, disabledEmployees: Array.from({ length: 20_000 }, () => ({ kind: "disabled", grade: 2, monthsEmployed: 12 })) }), "reach"),
    json("an array index 99999999", `{"disabledEmployees":{"99999999":{"kind":"disabled"}}}`, 400),
    json("nested 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, 400),
    json("negative and fractional numbers", JSON.stringify({ ...valid, staffCount: -1, averageSalary: 1.5e308, localAverageSalary: "NaN" }), 400),
    { label: "GET", method: "GET", path, expect: "reach" },
  ];
}

/** A GET API (/api/vacancies, /api/match/vacancies): its query string. */
function getApiProbes(path: string): Probe[] {
  const get = (label: string, query: string, expect: Expect): Probe => ({ label, method: "GET", path: withQuery(path, query), expect });
  return [
    get("x[99999999]", "x%5B99999999%5D=1", 400),
    // One name repeated: 2,001 distinct names would pass Node's 16 KB header limit first (431).
    get("2001 parameters", Array.from({ length: 2001 }, () => "a=1").join("&"), 400),
    get("NUL in q", "q=%00", 400),
    get("NUL in a name", "a%00b=1", 400),
    get("q 10,000 chars", `q=${"a".repeat(10_000)}`, "reach"),
    get("q 1,000 Chinese chars", `q=${encodeURIComponent(LONG_TEXT.slice(0, 1000))}`, "reach"),
    get("payMin 10,000 digits", `payMin=${LONG_NUMBER}`, "reach"),
    get("page 10,000 digits", `page=${LONG_NUMBER}`, "reach"),
    get("page 0, -1, 1e9", "page=0", "reach"),
    get("page -1", "page=-1", "reach"),
    get("page 1e9", "page=1000000000", "reach"),
    get("wrong enums", `type=${BAD_CHOICE}&sort=${BAD_CHOICE}&education=${BAD_CHOICE}&accommodations=${BAD_CHOICE}&region=999999&remote=2&quota=x`, "reach"),
    get("q sent twice", "q=a&q=b", "reach"),
    get("region sent twice", "region=520100&region=520300", "reach"),
    get("accommodations 500 codes", `accommodations=${Array.from({ length: 500 }, () => "sign_language").join(",")}`, "reach"),
    get("an undecodable escape", "q=%E4%ZZ", "reach"),
    { label: "POST form", method: "POST", path, headers: { "content-type": FORM }, body: "q=a", expect: "reach" },
    { label: "POST JSON", method: "POST", path, headers: { "content-type": "application/json" }, body: "{}", expect: 415 },
    { label: "POST over 1 MB", method: "POST", path, headers: { "content-type": FORM }, body: `x=${"a".repeat(1024 * 1024)}`, expect: 413 },
    { label: "GET .data x[99999999]", method: "GET", path: withQuery(dataPath(path), "x%5B99999999%5D=1"), expect: 400 },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The two requests that used to end the process (issue 12 item 1)

const LEVY_CRASH = "/levy?employees%5B0%5D.grade%5B100000000%5D=1";
const LOGIN_CRASH = "identifier=a&password=b&x[99999999]=1";

describe("the crash requests of issue 12", () => {
  it("GET /levy?employees[0].grade[100000000]=1 and POST /login with x[99999999]=1: 4xx, fast, RSS grows < 50 MB", async () => {
    const rss = process.memoryUsage().rss;
    const levy = await send("GET", LEVY_CRASH);
    const login = await send("POST", "/login", { headers: { origin: s.origin, "content-type": FORM }, body: LOGIN_CRASH });
    const grown = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.log(`crash requests: /levy ${levy.status} in ${levy.ms.toFixed(0)} ms, /login ${login.status} in ${login.ms.toFixed(0)} ms, RSS +${grown.toFixed(1)} MB`);
    expect(levy.status).toBe(400);
    expect(login.status).toBe(400);
    expect(levy.ms).toBeLessThan(1000);
    expect(login.ms).toBeLessThan(1000);
    expect(grown).toBeLessThan(50);
  });

  it("/healthz answers 200, fast, while ten of them run in parallel", async () => {
    const before = await settled(s);
    const crashes = Array.from({ length: 10 }, (_, i) =>
      i % 2 ? send("GET", LEVY_CRASH) : send("POST", "/login", { headers: { origin: s.origin, "content-type": FORM }, body: LOGIN_CRASH }),
    );
    const health = await send("GET", "/healthz");
    const answers = await Promise.all(crashes);
    console.log(`/healthz ${health.status} in ${health.ms.toFixed(0)} ms beside ten crash requests (${answers.map((a) => a.status).join(",")})`);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    expect(answers.every((a) => a.status === 400)).toBe(true);
    expect(changedTables(before, await settled(s))).toEqual([]);
  });
});

afterAll(() => {
  const lines: string[] = [];
  let total = 0;
  for (const [file, r] of reports) {
    total += r.requests;
    lines.push(`  ${file}: ${r.forms ? `${r.forms} form(s), ` : ""}${r.requests} requests, ${statusLine(r)}`);
    for (const a of r.accepted) lines.push(`      accepted (wrote): ${a}`);
    for (const w of r.warnings) lines.push(`      note: ${w}`);
  }
  console.log(
    `bad-input: ${total} requests over ${reports.size} route files; answers by status, probes that were accepted, notes (non-fatal log lines):\n${lines.join("\n")}\n` +
      `by class:\n${[...classTally.entries()].sort().map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n` +
      `checksum exceptions:\n${Object.entries(CHECKSUM_EXCEPTIONS).map(([t, r]) => `  ${t}${r.columns ? ` (only ${r.columns.join(", ")})` : " (left out)"}: ${r.reason}`).join("\n")}`,
  );
});
