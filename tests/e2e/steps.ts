import type { Browser, BrowserContext, Page } from "@playwright/test";
import { makeUscc } from "../fixtures/factories";
import { DEMO, expect, freshPhone, signIn } from "./fixtures";

/*
 * Set-up steps shared by the specs: they drive other areas' pages (registration, profile steps, organization
 * registration and verification, posting a vacancy), so when those pages change their labels only these follow.
 */

/** The password of every account these steps register. */
export const PASSWORD = "Guizhou-2026-search";

/** Pages opened outside the `page` fixture get the same console-error watch. */
export function watchErrors(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
}

export async function newPage(browser: Browser, errors: string[], options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options });
  const page = await context.newPage();
  watchErrors(page, errors);
  return { context, page };
}

/** A new context without JavaScript, signed in (demo password by default) and on the dashboard. */
export async function signInWithoutScripts(browser: Browser, errors: string[], identifier: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, errors, { javaScriptEnabled: false });
  await signIn(opened.page, identifier, password);
  await expect(opened.page).toHaveURL(/\/dashboard/);
  return opened;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (the app's calendar). */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A mobile number for a new account; waits a moment so two calls never share freshPhone()'s millisecond. */
export async function newPhone(page: Page): Promise<string> {
  await page.waitForTimeout(5);
  return freshPhone();
}

export async function registerAccount(page: Page, role: "seeker" | "employer"): Promise<string> {
  const phone = await newPhone(page);
  await page.goto("/register");
  await page.getByLabel(role === "seeker" ? "求职者（残疾人、残疾人大中专毕业生）" : "用人单位招聘人员").check();
  await page.getByLabel(/^手机号/).fill(phone);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return phone;
}

export async function saveStep(page: Page, step: string) {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`“${step}”已保存。`);
}

/**
 * `page` registers a new employer and its organization (in `county`, 南明区 unless told, named after `name` and a
 * unique suffix); the demo admin verifies it. Returns the organization's name.
 */
export async function employerWithVerifiedOrganization(
  page: Page,
  browser: Browser,
  errors: string[],
  options: { county?: string; name?: string } = {},
): Promise<string> {
  const county = options.county ?? "南明区";
  await registerAccount(page, "employer");
  const name = `${options.name ?? "黔程匹配测试科技有限公司"}${Date.now().toString(36)}`;
  await page.goto("/employer/register");
  await page.getByLabel(/^单位名称/).fill(name);
  await page.getByLabel(/^统一社会信用代码/).fill(makeUscc("520102"));
  await page.getByRole("group", { name: /^单位类型/ }).getByLabel("企业", { exact: true }).check();
  await page.getByLabel(/^所在区县|^所在地区/).selectOption({ label: county });
  await page.getByLabel(/^详细地址/).fill(county === "南明区" ? "南明区花果园大街 8 号 2 楼" : `${county}人民路 8 号 2 楼`);
  await page.getByLabel(/^所属行业/).selectOption({ label: "信息传输、软件和信息技术服务业" });
  await page.getByLabel(/^在职职工人数/).fill("60");
  await page.getByLabel(/^联系人姓名|^联系人$/).fill("罗经理");
  await page.getByLabel(/^联系电话/).fill(await newPhone(page));
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(/\/employer\?done=registered/);

  const admin = await newPage(browser, errors);
  await signIn(admin.page, DEMO.admin);
  await expect(admin.page).toHaveURL(/\/dashboard/);
  await admin.page.goto(`/admin/organizations?q=${encodeURIComponent(name)}`);
  await admin.page.getByRole("link", { name }).click();
  await admin.page.getByRole("button", { name: "通过审核" }).click();
  await expect(admin.page.getByRole("status")).toContainText(name);
  await admin.context.close();
  return name;
}

/** The vacancy form groups accommodations by need, each group folded: opens `group` (行动, 沟通, 时间和地点 …) and ticks `box`. */
export async function tickAccommodation(page: Page, group: string, box: RegExp) {
  const details = page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^${group}`) }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  await details.getByLabel(box).check();
}

/** Posts and publishes a vacancy in 南明区 offering sign language and asking for `skill`; returns its id. */
export async function postVacancy(page: Page, title: string, skill: string): Promise<string> {
  await page.goto("/employer/vacancies/new");
  await page.getByLabel(/^岗位名称/).fill(title);
  await page.getByLabel(/^岗位描述/).fill("通过文字回复客户咨询，使用电脑工作，同事会手语。");
  await page.getByLabel(/^岗位类别/).selectOption({ label: "客服" });
  await page.getByLabel("全职", { exact: true }).check();
  await page.getByLabel(/^招聘人数/).fill("2");
  await page.getByLabel(/^工作地点/).selectOption({ label: "南明区" });
  await page.getByLabel(/^最低月薪/).fill("3000");
  await page.getByLabel(/^最高月薪/).fill("4200");
  await page.getByLabel(/^学历要求/).selectOption({ label: "不限" });
  await page.getByLabel(/^技能要求/).fill(skill);
  await tickAccommodation(page, "沟通", /^手语沟通/);
  // Saving leads to the preview, where the vacancy is published.
  await page.getByRole("button", { name: "保存并预览" }).click();
  await expect(page).toHaveURL(/\/employer\/vacancies\/[0-9a-f-]{36}\/preview/);
  const id = /\/employer\/vacancies\/([0-9a-f-]{36})\/preview/.exec(page.url())![1]!;
  await page.getByRole("button", { name: "发布岗位" }).click();
  await expect(page.getByRole("status")).toContainText("岗位已发布");
  return id;
}

/**
 * The header's account menu (signed in: notifications, account, language, display modes, sign out) or, signed out,
 * its language-and-display menu: a <details>, opened if it is closed. Find the menu's links and buttons in it.
 */
export async function headerMenu(page: Page) {
  const menu = page.getByRole("banner").locator('details[data-menu="account"]');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
  return menu;
}

/** The main navigation with its 更多 menu open: the pages beyond the five primary links. */
export async function mainNav(page: Page, name = "主导航") {
  const nav = page.getByRole("navigation", { name });
  const more = nav.locator('details[data-menu="nav"]');
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator("summary").click();
  return nav;
}
