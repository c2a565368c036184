import type { Browser, Locator, Page } from "@playwright/test";
import { idCheckCharacter } from "../../app/domain/identity";
import { makeIdNumber, makeUscc } from "../fixtures/factories";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";
import { headerMenu } from "./steps";

/*
 * Annual declarations (按比例就业年审), their review, and the public disclosure (公示) with an objection — issue 5's
 * acceptance, one journey in order:
 *
 *   1. two new employers register organizations; the demo admin verifies both;
 *   2. employer A files a declaration without JavaScript (two employees: the second row added by a form post);
 *   3. employer B files one with JavaScript, declaring the same certificate as A;
 *   4. the admin sees A's flags (the duplicate naming B, a short contract, pay below the minimum wage, a certificate
 *      number failing its check), returns A with a reason, and approves B;
 *   5. A sees the declaration returned, with the reason, and can correct it;
 *   6. the admin publishes the year's disclosure (objection window: the default 7 days);
 *   7. a signed-in seeker objects to B's entry; the admin resolves it without JavaScript; the entry has no open
 *      objection left, and the CSV and XLSX exports carry B and no personal data.
 *
 * A disclosure is unique per levy year in the whole database, and the e2e database is shared by every spec of a run:
 * this spec owns levy year LEVY_YEAR (the oldest year the declaration form offers; no other spec declares it). Its
 * data year has the seed's demo local average wage and minimum wage (DEMO_RULE_PARAMETERS), so nothing needs setting
 * on /admin/rule-parameters.
 */

const PASSWORD = "Quota-2026-declare";
const LEVY_YEAR = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) - 2;
const DATA_YEAR = LEVY_YEAR - 1;
/** The demo minimum wage of the data year (DEMO_RULE_PARAMETERS); the short-contract employee is paid below it. */
const MINIMUM_WAGE = "1890";

let counter = 0;
/** A valid mobile number no other spec uses: its own prefix, the time and a counter. */
function phone(): string {
  counter += 1;
  return `134${String(Date.now() + counter).slice(-8)}`;
}

/** What the tests share, in the order they fill it in. */
const run = {
  suffix: Date.now().toString(36),
  a: { phone: "", name: "", declarationPath: "" },
  b: { phone: "", name: "", declarationPath: "" },
  /** A 残疾人证号 (physical, grade 3) both organizations declare. */
  shared: `${makeIdNumber("19880517", "520102")}43`,
  /** A 残疾人证号 whose ID part has a wrong check character (intellectual, grade 4). */
  broken: (() => {
    const first17 = `52010319920304${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
    const wrong = idCheckCharacter(first17) === "0" ? "1" : "0";
    return `${first17}${wrong}54`;
  })(),
  returnReason: "第 2 名职工的残疾人证号码有误，劳动合同也请补充续签材料。",
  objection: "据我了解，这家单位申报的残疾职工已于年中离职，请核实。",
  resolution: "经核实，该职工年中离职，已要求单位说明情况并更正。",
};

/** Pages opened outside the `page` fixture get the same console-error watch. */
function watchErrors(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
}

async function registerEmployer(page: Page): Promise<string> {
  const mobile = phone();
  await page.goto("/register");
  await page.getByLabel("用人单位招聘人员").check();
  await page.getByLabel(/^手机号/).fill(mobile);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return mobile;
}

/** `page` (signed in as a new employer) registers an organization in 南明区; answers with nothing (the admin verifies). */
async function registerOrganization(page: Page, name: string, staff: number) {
  await page.goto("/employer/register");
  await page.getByLabel(/^单位名称/).fill(name);
  await page.getByLabel(/^统一社会信用代码/).fill(makeUscc("520102"));
  await page.getByRole("group", { name: /^单位类型/ }).getByLabel("企业", { exact: true }).check();
  await page.getByLabel(/^所在区县|^所在地区/).selectOption({ label: "南明区" });
  await page.getByLabel(/^详细地址/).fill("南明区遵义路 18 号 6 楼");
  await page.getByLabel(/^所属行业/).selectOption({ label: "信息传输、软件和信息技术服务业" });
  await page.getByLabel(/^在职职工人数/).fill(String(staff));
  await page.getByLabel(/^联系人姓名|^联系人$/).fill("杨经理");
  await page.getByLabel(/^联系电话/).fill(phone());
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(/\/employer\?done=registered/);
}

async function verifyOrganization(browser: Browser, name: string, errors: string[]) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const admin = await context.newPage();
  watchErrors(admin, errors);
  await signIn(admin, DEMO.admin);
  await expect(admin).toHaveURL(/\/dashboard/);
  await admin.goto(`/admin/organizations?q=${encodeURIComponent(name)}`);
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "通过审核" }).click();
  await expect(admin.getByRole("status")).toContainText(name);
  await context.close();
}

async function signOut(page: Page) {
  await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeVisible();
}

/** Opens the declaration of LEVY_YEAR from the employer's list (the GET form that picks a year). */
async function openDeclaration(page: Page) {
  await page.goto("/employer/quota/declarations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("按比例就业年审");
  await page.getByLabel("年度", { exact: true }).selectOption({ label: `${LEVY_YEAR} 年度（${DATA_YEAR} 年数据）` });
  await page.getByRole("button", { name: "填写或查看申报" }).click();
  await expect(page).toHaveURL(new RegExp(`/employer/quota/declarations/[0-9a-f-]{36}/${LEVY_YEAR}$`));
}

async function fillMonths(page: Page, staff: number[]) {
  const months = page.getByRole("group", { name: `${DATA_YEAR} 年各月在职职工人数` });
  for (let i = 0; i < 12; i++) await months.getByLabel(`${i + 1} 月`, { exact: true }).fill(String(staff[i]));
}

interface Employee {
  fullName: string;
  certificate: string;
  grade: string;
  start: string;
  end?: string;
  months: string;
  pay: string;
}

const employeeRow = (page: Page, n: number) => page.getByRole("group", { name: `残疾职工 ${n}`, exact: true });

async function fillEmployee(row: Locator, e: Employee) {
  await row.getByLabel("姓名", { exact: true }).fill(e.fullName);
  await row.getByLabel("证件类型", { exact: true }).selectOption({ label: "残疾人证" });
  await row.getByLabel("证件号码", { exact: true }).fill(e.certificate);
  await row.getByLabel("残疾等级", { exact: true }).fill(e.grade);
  await row.getByLabel("合同开始日期", { exact: true }).fill(e.start);
  await row.getByLabel(/^合同结束日期/).fill(e.end ?? "");
  await row.getByLabel(`${DATA_YEAR} 年缴纳社保月数`, { exact: true }).fill(e.months);
  await row.getByLabel("月工资（元）", { exact: true }).fill(e.pay);
}

/** A row of a table by its row header (an organization's or a person's name), exactly. */
function rowOf(scope: Page | Locator, name: string): Locator {
  // `has` is relative to the row: it is built from the page, not from the scope.
  const page = "goto" in scope ? scope : scope.page();
  return scope.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

const A_EMPLOYEES: Employee[] = [
  { fullName: "王芳", certificate: run.shared, grade: "3", start: `${DATA_YEAR - 2}-01-01`, months: "12", pay: "3600" },
  // A contract of ten months, paid below the minimum wage, with a certificate number that fails its check.
  { fullName: "刘强", certificate: run.broken, grade: "4", start: `${DATA_YEAR}-03-01`, end: `${DATA_YEAR}-12-31`, months: "10", pay: "1500" },
];

// ---------------------------------------------------------------------------------------------------------------

test.describe.serial("annual declarations, review and disclosure", () => {
  test.describe.configure({ timeout: 180_000 });

  test("two employers register organizations and the admin verifies them", async ({ page, browser }) => {
    const errors: string[] = [];
    for (const [key, staff] of [
      ["a", 100],
      ["b", 60],
    ] as const) {
      run[key].phone = await registerEmployer(page);
      run[key].name = `黔程年审测试${key.toUpperCase()}科技有限公司${run.suffix}`;
      await registerOrganization(page, run[key].name, staff);
      // Not verified yet: the declarations page says so and offers no form.
      await page.goto("/employer/quota/declarations");
      await expect(page.getByText("单位通过残联审核后才能申报。")).toBeVisible();
      await expect(page.getByRole("button", { name: "填写或查看申报" })).toHaveCount(0);
      await verifyOrganization(browser, run[key].name, errors);
      await signOut(page);
    }
    expect(errors).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("employer A files a declaration: a second employee row by a form post, an error, then submitted", async ({ page }) => {
      await signIn(page, run.a.phone, PASSWORD);
      await expect(page).toHaveURL(/\/dashboard/);
      await page.goto("/employer/quota/declarations");
      await expect(page.getByText("还没有年审申报。")).toBeVisible();
      await expect(page.getByLabel("年度", { exact: true }).locator("option")).toHaveText(
        [0, 1, 2].map((i) => `${LEVY_YEAR + 2 - i} 年度（${LEVY_YEAR + 1 - i} 年数据）`),
      );
      await expectAccessibleWithoutScripts(page);

      await openDeclaration(page);
      run.a.declarationPath = new URL(page.url()).pathname;
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${LEVY_YEAR} 年度按比例就业年审：${run.a.name}`);
      await expect(page.getByText("状态：未填写")).toBeVisible();
      await expect(employeeRow(page, 1)).toBeVisible();
      await expect(employeeRow(page, 2)).toHaveCount(0);
      await expectAccessibleWithoutScripts(page);

      // Twelve months, and the first employee; then a second row, added by the server.
      await fillMonths(page, [98, 98, 99, 100, 100, 100, 101, 101, 101, 102, 100, 100]);
      await fillEmployee(employeeRow(page, 1), A_EMPLOYEES[0]!);
      await page.getByRole("button", { name: "添加一名残疾职工" }).click();
      await expect(employeeRow(page, 2)).toBeVisible();
      // What was typed is still there.
      await expect(page.getByLabel("1 月", { exact: true })).toHaveValue("98");
      await expect(page.getByLabel("12 月", { exact: true })).toHaveValue("100");
      await expect(employeeRow(page, 1).getByLabel("姓名", { exact: true })).toHaveValue("王芳");
      await expect(employeeRow(page, 1).getByLabel("证件号码", { exact: true })).toHaveValue(run.shared);
      await expect(employeeRow(page, 1).getByLabel("合同开始日期", { exact: true })).toHaveValue(A_EMPLOYEES[0]!.start);
      await expect(employeeRow(page, 2).getByLabel("姓名", { exact: true })).toHaveValue("");
      await expect(employeeRow(page, 2).getByLabel(`${DATA_YEAR} 年缴纳社保月数`, { exact: true })).toHaveValue("12");
      await expectAccessibleWithoutScripts(page);

      // Submitted without the salary total: the server says so at the field and in the summary.
      await fillEmployee(employeeRow(page, 2), A_EMPLOYEES[1]!);
      await page.getByRole("button", { name: "提交审核" }).click();
      const salary = page.getByLabel(`${DATA_YEAR} 年在职职工工资总额（元）`, { exact: true });
      await expect(page.getByRole("alert")).toContainText("请填写上年在职职工工资总额");
      await expect(salary).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("alert").getByRole("link", { name: "请填写上年在职职工工资总额" })).toHaveAttribute("href", `#${await salary.getAttribute("id")}`);
      await expect(employeeRow(page, 2).getByLabel("证件号码", { exact: true })).toHaveValue(run.broken);
      await expect(employeeRow(page, 2).getByLabel(/^合同结束日期/)).toHaveValue(A_EMPLOYEES[1]!.end!);
      await expectAccessibleWithoutScripts(page);

      await salary.fill("8650000");
      await page.getByRole("button", { name: "提交审核" }).click();
      await expect(page).toHaveURL(new RegExp(`${run.a.declarationPath}\\?saved=submitted$`));
      await expect(page.getByRole("status")).toHaveText("申报已提交，等待残联审核。");
      await expect(page.getByText("状态：待审核")).toBeVisible();
      await expect(page.getByText("这份申报已提交或已审核通过，不能再修改。")).toBeVisible();
      await expect(page.getByRole("button", { name: "提交审核" })).toHaveCount(0);
      const levy = page.getByRole("region", { name: "保障金计算结果" });
      await expect(levy).toContainText("应缴保障金");
      await expect(levy.getByRole("listitem").first()).toBeVisible();
      await expectAccessibleWithoutScripts(page);

      await page.goto("/employer/quota/declarations");
      await expect(rowOf(page, `${LEVY_YEAR} 年度`)).toContainText(run.a.name);
      await expect(rowOf(page, `${LEVY_YEAR} 年度`)).toContainText("待审核");
    });
  });

  test("employer B, with JavaScript, declares the same certificate", async ({ page }) => {
    await signIn(page, run.b.phone, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard/);
    await openDeclaration(page);
    run.b.declarationPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${LEVY_YEAR} 年度按比例就业年审：${run.b.name}`);
    await expectAccessible(page);

    // A draft first: saved, and shown again as it was saved.
    await fillMonths(page, Array.from({ length: 12 }, () => 60));
    await page.getByLabel(`${DATA_YEAR} 年在职职工工资总额（元）`, { exact: true }).fill("4680000");
    await fillEmployee(employeeRow(page, 1), { fullName: "赵敏", certificate: run.shared, grade: "3", start: `${DATA_YEAR}-01-01`, end: `${DATA_YEAR + 2}-12-31`, months: "12", pay: "6500" });
    // A row added and removed again in the browser.
    await page.getByRole("button", { name: "添加一名残疾职工" }).click();
    await expect(employeeRow(page, 2)).toBeVisible();
    await page.getByRole("button", { name: "删除残疾职工 2" }).click();
    await expect(employeeRow(page, 2)).toHaveCount(0);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status")).toHaveText("草稿已保存。");
    await expect(page.getByText("状态：草稿")).toBeVisible();
    await expect(employeeRow(page, 1).getByLabel("证件号码", { exact: true })).toHaveValue(run.shared);
    await expect(page.getByLabel("6 月", { exact: true })).toHaveValue("60");
    await expectAccessible(page);

    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByRole("status")).toHaveText("申报已提交，等待残联审核。");
    await expect(page.getByText("状态：待审核")).toBeVisible();
    // 60 staff × 1.5% = 0.9 required; one grade-3 employee for 12 months counts 1: the quota is met.
    const levy = page.getByRole("region", { name: "保障金计算结果" });
    await expect(levy).toContainText("¥0.00");
    await expectAccessible(page);
  });

  test("the admin sees A's flags, returns A with a reason and approves B", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "按比例就业年审" }).click();
    await expect(page).toHaveURL(/\/admin\/quota$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("按比例就业年审");
    for (const name of [run.a.name, run.b.name]) {
      await expect(rowOf(page, name)).toContainText(String(LEVY_YEAR));
      await expect(rowOf(page, name)).toContainText("待审核");
    }
    await expectAccessible(page);

    // Declaration A: four things to verify.
    await rowOf(page, run.a.name).getByRole("link", { name: run.a.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${run.a.name}：${LEVY_YEAR} 年度申报`);
    const checks = page.getByRole("region", { name: /^需要核实的问题/ });
    await expect(checks.getByRole("heading")).toHaveText("需要核实的问题（4 项）");
    const items = checks.getByRole("listitem");
    await expect(items).toHaveCount(4);
    await expect(items.filter({ hasText: "王芳：" })).toHaveText([new RegExp(`^第 \\d 名职工 王芳：同一证件在本年度也由「${run.b.name}」申报。$`)]);
    const liu = items.filter({ hasText: "刘强：" });
    await expect(liu).toHaveCount(3);
    await expect(liu.filter({ hasText: "劳动合同不满一年" })).toHaveText(new RegExp(`劳动合同不满一年（${DATA_YEAR}-03-01 至 ${DATA_YEAR}-12-31）。$`));
    await expect(liu.filter({ hasText: "最低工资" })).toHaveText(new RegExp(`月工资 ¥1500 低于当地最低工资标准 ¥${MINIMUM_WAGE}。$`));
    // The problem with the number is said in words, not as a code.
    await expect(liu.filter({ hasText: "残疾人证号码" })).toHaveText(/残疾人证号码未通过校验（[^A-Za-z]+）。$/);
    await expect(page.getByText(`${DATA_YEAR} 年当地最低工资标准：¥${MINIMUM_WAGE} 元/月`)).toBeVisible();
    const employees = page.getByRole("table", { name: "安排就业的残疾人" });
    await expect(rowOf(employees, "王芳")).toContainText(run.shared);
    await expect(rowOf(employees, "王芳")).toContainText("1 项需核实");
    await expect(rowOf(employees, "刘强")).toContainText("3 项需核实");
    await expect(rowOf(employees, "刘强")).toContainText(`${DATA_YEAR}年3月1日 – ${DATA_YEAR}年12月31日`);
    await expectAccessible(page);

    // Returning needs a reason.
    await page.getByRole("button", { name: "退回修改" }).click();
    await expect(page.getByRole("alert")).toContainText("请写明退回的原因，单位会看到");
    await expect(page.getByLabel("退回原因")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await page.getByLabel("退回原因").fill(run.returnReason);
    await page.getByRole("button", { name: "退回修改" }).click();
    await expect(page).toHaveURL(/\?done=returned$/);
    await expect(page.getByRole("status")).toHaveText("已退回。单位会收到通知和退回原因。");
    await expect(page.getByText("状态：已退回")).toBeVisible();
    await expect(page.getByText(`已退回，原因：${run.returnReason}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "审核通过" })).toHaveCount(0);
    await expectAccessible(page);

    // Declaration B: with A returned, its certificate is no longer counted elsewhere; B is approved.
    await page.getByRole("link", { name: "返回年审列表" }).click();
    await expect(rowOf(page, run.a.name)).toContainText("已退回");
    await rowOf(page, run.b.name).getByRole("link", { name: run.b.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${run.b.name}：${LEVY_YEAR} 年度申报`);
    await expect(page.getByRole("region", { name: /^需要核实的问题/ })).toContainText("没有发现需要核实的问题。");
    await page.getByRole("button", { name: "审核通过" }).click();
    await expect(page).toHaveURL(/\?done=approved$/);
    await expect(page.getByRole("status")).toHaveText("已审核通过。单位会收到通知。");
    await expect(page.getByText("状态：审核通过")).toBeVisible();
    await expect(page.getByRole("button", { name: "审核通过" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/admin/quota?year=${LEVY_YEAR}&status=approved`);
    await expect(rowOf(page, run.b.name)).toContainText("审核通过");
    await expect(rowOf(page, run.a.name)).toHaveCount(0);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("employer A sees the declaration returned, with the reason, and can correct it", async ({ page }) => {
      await signIn(page, run.a.phone, PASSWORD);
      await expect(page).toHaveURL(/\/dashboard/);
      await page.goto("/notifications");
      await expect(page.getByRole("main")).toContainText(`您单位 ${LEVY_YEAR} 年度按比例就业年审申报被退回，请查看原因并修改`);
      await page.goto("/employer/quota/declarations");
      await expect(rowOf(page, `${LEVY_YEAR} 年度`)).toContainText("已退回");
      await rowOf(page, `${LEVY_YEAR} 年度`).getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`${run.a.declarationPath}$`));
      await expect(page.getByText("状态：已退回")).toBeVisible();
      await expect(page.getByText("残联退回了这份申报，原因：")).toBeVisible();
      await expect(page.getByText(run.returnReason)).toBeVisible();
      // The form is open again, with what was declared.
      await expect(employeeRow(page, 2)).toBeVisible();
      await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(2);
      await expect(page.getByLabel("4 月", { exact: true })).toHaveValue("100");
      await expect(page.getByRole("button", { name: "提交审核" })).toBeVisible();
      await expectAccessibleWithoutScripts(page);
    });
  });

  test("the admin publishes the year's disclosure with the default objection period", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/admin/quota");
    const publish = page.getByRole("region", { name: "发布年度公示" });
    await expect(publish.getByLabel(/^异议期（天）/)).toHaveValue("7");
    await publish.getByLabel("年度", { exact: true }).fill(String(LEVY_YEAR));
    await publish.getByRole("button", { name: "发布公示" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/quota\\?published=${LEVY_YEAR}$`));
    await expect(page.getByRole("status")).toContainText(`${LEVY_YEAR} 年度公示已发布。`);
    const published = page.getByRole("region", { name: "已发布的公示" });
    await expect(published.getByRole("link", { name: new RegExp(`^${LEVY_YEAR} 年度公示（\\d+ 家单位）$`) })).toBeVisible();
    await expect(published.getByRole("link", { name: `${LEVY_YEAR} 年度异议` })).toHaveAttribute("href", `/admin/quota/objections/${LEVY_YEAR}`);
    await expectAccessible(page);

    // A year is published once.
    await publish.getByLabel("年度", { exact: true }).fill(String(LEVY_YEAR));
    await publish.getByRole("button", { name: "发布公示" }).click();
    await expect(page.getByRole("alert")).toContainText("这一年度的公示已经发布过了。");
    await expect(publish.getByLabel("年度", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await page.getByRole("status").getByRole("link", { name: "查看公示" }).click();
    await expect(page).toHaveURL(new RegExp(`/disclosures/${LEVY_YEAR}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${LEVY_YEAR} 年度按比例就业公示`);
    // The window closes seven days after publishing.
    const until = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(new Date(Date.now() + 7 * 86_400_000));
    await expect(page.getByText(/^公示期内可以提出异议，截止 /)).toContainText(until);
    const table = page.getByRole("table", { name: `${LEVY_YEAR} 年度按比例就业公示` });
    // Only the approved declaration is published: organization, place, staff, required, counted, met, open objections.
    await expect(rowOf(table, run.b.name).getByRole("cell")).toHaveText(["贵阳市南明区", "60", "0.9", "1", "达标", "0"]);
    await expect(rowOf(table, run.a.name)).toHaveCount(0);
    // No person is named.
    await expect(page.getByRole("main")).not.toContainText("赵敏");
    await expect(page.getByRole("main")).not.toContainText(run.shared);
    await expectAccessible(page);
  });

  test("a signed-in seeker objects to B's entry", async ({ page }) => {
    await page.goto("/disclosures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("按比例就业公示");
    await expectAccessible(page);
    await page.getByRole("link", { name: `${LEVY_YEAR} 年度按比例就业公示` }).click();
    await expect(page).toHaveURL(new RegExp(`/disclosures/${LEVY_YEAR}$`));
    // Signed out: asked to sign in, and brought back.
    const objection = page.getByRole("region", { name: "提出异议" });
    await expect(objection).toContainText("登录后可以提出异议。");
    await expectAccessible(page);
    await objection.getByRole("link", { name: "登录" }).click();
    await page.getByLabel(/手机号或电子邮箱/).fill(DEMO.seeker);
    await page.getByLabel(/^密码/).fill("Qiancheng#2026");
    await page.getByRole("button", { name: /^登录$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/disclosures/${LEVY_YEAR}$`));

    // Nothing chosen: both fields say what is missing, in Chinese.
    await objection.getByRole("button", { name: "提交异议" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("请选择要提出异议的单位");
    await expect(summary).toContainText("请写明异议的理由");
    await expect(objection.getByLabel("对哪家单位有异议")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await objection.getByLabel("对哪家单位有异议").selectOption({ label: run.b.name });
    await objection.getByLabel("异议理由").fill(run.objection);
    await objection.getByRole("button", { name: "提交异议" }).click();
    await expect(page).toHaveURL(new RegExp(`/disclosures/${LEVY_YEAR}\\?objected=1$`));
    await expect(page.getByRole("status")).toHaveText("异议已提交。残联处理后会通知您。");
    const table = page.getByRole("table", { name: `${LEVY_YEAR} 年度按比例就业公示` });
    await expect(rowOf(table, run.b.name).getByRole("cell").last()).toHaveText("1");
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the admin resolves the objection", async ({ page }) => {
      await signIn(page, DEMO.admin);
      await expect(page).toHaveURL(/\/dashboard/);
      await page.goto("/admin/quota");
      await page.getByRole("link", { name: `${LEVY_YEAR} 年度异议` }).click();
      await expect(page).toHaveURL(new RegExp(`/admin/quota/objections/${LEVY_YEAR}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${LEVY_YEAR} 年度公示的异议`);
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: run.b.name, exact: true }) }).filter({ hasText: run.objection });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText("待处理");
      await expectAccessibleWithoutScripts(page);

      // A resolution needs an explanation.
      await card.getByRole("button", { name: "保存处理结果" }).click();
      await expect(card.getByText("请写明处理说明")).toBeVisible();
      await expect(card.getByLabel("处理说明")).toHaveAttribute("aria-invalid", "true");
      await expectAccessibleWithoutScripts(page);

      await card.getByRole("group", { name: "处理结果" }).getByLabel("异议成立").check();
      await card.getByLabel("处理说明").fill(run.resolution);
      await card.getByRole("button", { name: "保存处理结果" }).click();
      await expect(page).toHaveURL(new RegExp(`/admin/quota/objections/${LEVY_YEAR}\\?resolved=1$`));
      await expect(page.getByRole("status")).toHaveText("异议已处理，提出人会收到通知。");
      await expect(card).toContainText("异议成立");
      await expect(card).toContainText(`处理说明：${run.resolution}`);
      await expect(card.getByRole("button")).toHaveCount(0);
      await expectAccessibleWithoutScripts(page);
    });
  });

  test("the disclosure shows no open objection, the seeker is told, and the exports carry the entry", async ({ page }) => {
    await page.goto(`/disclosures/${LEVY_YEAR}`);
    const table = page.getByRole("table", { name: `${LEVY_YEAR} 年度按比例就业公示` });
    await expect(rowOf(table, run.b.name).getByRole("cell").last()).toHaveText("0");
    await expect(page.getByRole("link", { name: "下载 CSV" })).toHaveAttribute("href", `/disclosures/${LEVY_YEAR}/export.csv`);
    await expect(page.getByRole("link", { name: "下载 Excel（XLSX）" })).toHaveAttribute("href", `/disclosures/${LEVY_YEAR}/export.xlsx`);
    await expectAccessible(page);

    const csv = await page.request.get(`/disclosures/${LEVY_YEAR}/export.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain(run.b.name);
    expect(text).not.toContain(run.a.name);
    expect(text).not.toContain(run.shared);
    expect(text).not.toContain("赵敏");

    const xlsx = await page.request.get(`/disclosures/${LEVY_YEAR}/export.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // An XLSX file is a ZIP archive.
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    await signIn(page, DEMO.seeker);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/notifications");
    await expect(page.getByRole("main")).toContainText(`您对「${run.b.name}」公示情况的异议经核实成立`);
  });
});
