import type { Browser, BrowserContext, Page } from "@playwright/test";
import { makeIdNumber, makeUscc } from "../fixtures/factories";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";
import { tickAccommodation } from "./steps";
import { headerMenu } from "./steps";

/*
 * Applications through to hire. The setup helpers below drive other areas' pages (account registration,
 * organization registration and verification, posting a vacancy, the seeker's personal details); if those
 * pages change their labels, only these helpers need to follow.
 */

const PASSWORD = "Guizhou-2026-apply";
let phoneCounter = 0;
/** A mobile number no other registration in this run uses. */
function uniquePhone(): string {
  phoneCounter += 1;
  return `137${String(Date.now() % 1_000_000).padStart(6, "0")}${String(phoneCounter % 100).padStart(2, "0")}`;
}

/** Pages opened outside the `page` fixture get the same console-error watch. */
function watchErrors(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
}

async function newPage(browser: Browser, errors: string[], options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options });
  const page = await context.newPage();
  watchErrors(page, errors);
  return { context, page };
}

async function registerAccount(page: Page, role: "seeker" | "employer"): Promise<string> {
  const phone = uniquePhone();
  await page.goto("/register");
  await page.getByLabel(role === "seeker" ? "求职者（残疾人、残疾人大中专毕业生）" : "用人单位招聘人员").check();
  await page.getByLabel(/^手机号/).fill(phone);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return phone;
}

/** A new employer registers an organization; returns its name. */
async function registerOrganization(page: Page): Promise<string> {
  const name = `黔程测试科技有限公司${Date.now().toString(36)}`;
  await page.goto("/employer/register");
  await page.getByLabel(/^单位名称/).fill(name);
  await page.getByLabel(/^统一社会信用代码/).fill(makeUscc("520102"));
  await page.getByLabel("企业", { exact: true }).check();
  await page.getByLabel(/^所在区县/).selectOption({ label: "南明区" });
  await page.getByLabel(/^详细地址/).fill("南明区花果园大街 1 号 3 楼");
  await page.getByLabel(/^所属行业/).selectOption({ label: "信息传输、软件和信息技术服务业" });
  await page.getByLabel(/^在职职工人数/).fill("120");
  await page.getByLabel(/^联系人姓名/).fill("周经理");
  await page.getByLabel(/^联系电话/).fill(uniquePhone());
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(/\/employer\?done=registered/);
  return name;
}

/** The demo admin verifies the organization from the review queue. */
async function verifyOrganization(browser: Browser, errors: string[], organizationName: string) {
  const { context, page } = await newPage(browser, errors);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/admin/organizations?q=${encodeURIComponent(organizationName)}`);
  await page.getByRole("link", { name: organizationName }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}/);
  await page.getByRole("button", { name: "通过审核" }).click();
  await expect(page.getByRole("status")).toContainText(organizationName);
  await context.close();
}

/** Posts and publishes a vacancy offering sign language; returns its id. */
async function postVacancy(page: Page, title: string, openings: number): Promise<string> {
  await page.goto("/employer/vacancies/new");
  await page.getByLabel(/^岗位名称/).fill(title);
  await page.getByLabel(/^岗位描述/).fill("负责客户的文字咨询，使用电脑工作，环境安静。");
  await page.getByLabel(/^岗位类别/).selectOption({ label: "客服" });
  await page.getByLabel("全职", { exact: true }).check();
  await page.getByLabel(/^招聘人数/).fill(String(openings));
  await page.getByLabel(/^工作地点/).selectOption({ label: "南明区" });
  await page.getByLabel(/^最低月薪/).fill("3000");
  await page.getByLabel(/^最高月薪/).fill("4000");
  await page.getByLabel(/^学历要求/).selectOption({ label: "不限" });
  await tickAccommodation(page, "沟通", /^手语沟通/);
  await page.getByRole("button", { name: "保存并预览" }).click();
  await expect(page).toHaveURL(/\/employer\/vacancies\/[0-9a-f-]{36}\/preview/);
  const id = /\/employer\/vacancies\/([0-9a-f-]{36})\/preview/.exec(page.url())![1]!;
  await page.getByRole("button", { name: "发布岗位" }).click();
  await expect(page.getByRole("status")).toContainText("岗位已发布");
  return id;
}

/** An employer with a verified organization and one published vacancy. */
async function employerWithVacancy(browser: Browser, errors: string[], openings: number) {
  const employer = await newPage(browser, errors);
  const phone = await registerAccount(employer.page, "employer");
  const organizationName = await registerOrganization(employer.page);
  await verifyOrganization(browser, errors, organizationName);
  const title = `文字客服专员${Date.now().toString(36)}`;
  const vacancyId = await postVacancy(employer.page, title, openings);
  return { ...employer, phone, organizationName, title, vacancyId };
}

/** The seeker fills in the profile's personal details (the only part this spec needs: the name to disclose). */
async function enterSeekerName(page: Page, name: string) {
  const birth = new Date(Date.UTC(1975, 0, 1) + Math.floor(Math.random() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/profile/personal");
  await page.getByLabel(/^真实姓名/).fill(name);
  await page.getByLabel(/^身份证号/).fill(makeIdNumber(birth.replace(/-/g, ""), "520102"));
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("“个人信息”已保存。");
}

// ---------------------------------------------------------------------------------------------------------------

test.describe("applications through to hire", () => {
  // Each test first registers an employer and an organization, has it verified and posts a vacancy.
  test.describe.configure({ timeout: 240_000 });

  test("a seeker applies, the employer reviews, interviews and hires, and the seeker follows it all", async ({ page, browser }) => {
    const errors: string[] = [];
    const employer = await employerWithVacancy(browser, errors, 1);
    const emp = employer.page;

    // The seeker: a new account without a profile apart from a name.
    await registerAccount(page, "seeker");
    await enterSeekerName(page, "王小明");
    await page.goto("/applications");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的申请");
    await expect(page.getByText("您还没有申请过岗位。")).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/vacancies/${employer.vacancyId}/apply`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`申请：${employer.title}`);
    // The profile lacks basics: the page says which, with a way to complete it.
    await expect(page.getByText("您的求职档案还缺少")).toBeVisible();
    await expect(page.getByRole("link", { name: "去完善求职档案" })).toHaveAttribute("href", "/profile");
    await expect(page.getByText("用人单位都能看到您的匿名档案")).toBeVisible();
    await expectAccessible(page);
    // Too long a note: the error at the field and in the summary, what was ticked kept.
    await page.getByLabel(/^给用人单位的话/).evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel(/^给用人单位的话/).fill("我".repeat(1001));
    await page.getByLabel("手语翻译").check();
    await page.getByLabel(/^姓名/).check();
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page.getByRole("alert")).toContainText("给用人单位的话不能超过 1000 字");
    await expect(page.getByLabel(/^给用人单位的话/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("手语翻译")).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel(/^给用人单位的话/).fill("我是听障人士，熟练使用办公软件，打字速度每分钟 80 字。");
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\?done=applied/);
    const applicationUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("status")).toContainText("申请已提交");
    await expect(page.getByText("手语翻译")).toBeVisible();
    await expectAccessible(page);

    // Applying again finds the same application.
    await page.goto(`/vacancies/${employer.vacancyId}/apply`);
    await expect(page.getByText("您已经申请过这个岗位")).toBeVisible();
    await page.getByRole("link", { name: "查看我的申请" }).click();
    await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
    await expectAccessible(page);
    // The vacancy page says so at the top, with the way to the application.
    await page.goto(`/vacancies/${employer.vacancyId}`);
    await page.getByRole("region", { name: "如何申请" }).getByRole("link", { name: "已申请 — 查看申请" }).click();
    await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));

    // The employer sees the applicant anonymously in the list, then opens the application.
    await emp.goto(`/employer/vacancies/${employer.vacancyId}/applicants`);
    await expect(emp.getByRole("heading", { level: 1 })).toHaveText(`申请人：${employer.title}`);
    await expect(emp.getByRole("table")).toContainText("已提交");
    await expect(emp.getByRole("table")).not.toContainText("王小明");
    await expectAccessible(emp);
    // The vacancy's first applicant, numbered for the employer (issue 15): said aloud, not a hex code.
    await emp.getByRole("link", { name: "求职者 01" }).click();
    await expect(emp).toHaveURL(/\/employer\/applications\/[0-9a-f-]{36}$/);
    await expect(emp.getByRole("heading", { level: 1 })).toHaveText("求职者 01");
    // Opening it only reads: still "submitted", and the seeker is told nothing.
    await expect(emp.getByText("已提交").first()).toBeVisible();
    await expect(emp.getByText("用人单位已查看")).toHaveCount(0);
    await expect(emp.getByText("王小明")).toBeVisible();
    await expect(emp.getByText("残疾人证号")).toHaveCount(0);
    await expect(emp.getByText("手语翻译")).toBeVisible();
    await expect(emp.getByText("打字速度每分钟 80 字")).toBeVisible();
    await expectAccessible(emp);
    await page.goto(applicationUrl);
    await expect(page.getByRole("banner")).not.toContainText("条未读");
    await expect(page.getByText("用人单位已查看")).toHaveCount(0);

    // Marking it viewed is a step of its own, and tells the seeker.
    await emp.getByRole("button", { name: "标记为已查看" }).click();
    await expect(emp.getByRole("status")).toHaveText("状态已改为“用人单位已查看”，申请人已收到通知。");
    await expect(emp.getByText("用人单位已查看").first()).toBeVisible();
    await expect(emp.getByRole("button", { name: "标记为已查看" })).toHaveCount(0);
    await expectAccessible(emp);

    // Move to interview, with a message.
    await emp.getByLabel("邀请面试").check();
    await emp.getByLabel(/^给申请人的留言/).first().fill("请于 12 月 1 日上午 10 点到公司面试，现场有手语翻译。");
    await emp.getByRole("button", { name: "确认更改" }).click();
    await expect(emp.getByRole("status")).toHaveText("状态已改为“邀请面试”，申请人已收到通知。");
    await expectAccessible(emp);

    // Hire: a contract ending before it starts is refused, with every problem listed.
    await emp.getByLabel(/^劳动合同开始日期/).fill("2026-12-01");
    await emp.getByLabel(/^劳动合同结束日期/).fill("2026-11-01");
    await emp.getByRole("button", { name: "确认录用" }).click();
    const summary = emp.getByRole("alert");
    await expect(summary).toContainText("合同结束日期不能早于开始日期");
    await expect(summary).toContainText("请选择单位是否缴纳社会保险");
    await expect(summary).toContainText("请填写月工资");
    await expect(emp.getByLabel(/^劳动合同开始日期/)).toHaveValue("2026-12-01");
    await expectAccessible(emp);
    await emp.getByLabel(/^劳动合同结束日期/).fill("2027-11-30");
    await emp.getByLabel("是，缴纳社会保险").check();
    await emp.getByLabel(/^月工资/).fill("3500");
    await emp.getByRole("button", { name: "确认录用" }).click();
    await expect(emp.getByRole("status")).toContainText("岗位已标为“已招满”");
    await expect(emp.getByRole("heading", { name: "就业记录" })).toBeVisible();
    await expect(emp.getByText("3500 元")).toBeVisible();
    await expect(emp.getByRole("button", { name: "确认录用" })).toHaveCount(0);
    await expectAccessible(emp);
    await emp.goto(`/employer/vacancies/${employer.vacancyId}/applicants?status=hired`);
    await expect(emp.getByRole("table")).toContainText("已录用");
    await expectAccessible(emp);

    // The seeker sees both changes: in the timeline, in the list, and in the notification centre.
    await page.goto(applicationUrl);
    await expect(page.getByText("已录用").first()).toBeVisible();
    await expect(page.getByText("用人单位留言：请于 12 月 1 日上午 10 点到公司面试")).toBeVisible();
    await expect(page.getByRole("link", { name: "撤回申请" })).toHaveCount(0);
    await expect(page.getByRole("banner")).toContainText("3 条未读");
    await expectAccessible(page);
    await page.goto("/applications");
    await expect(page.getByRole("table")).toContainText(employer.title);
    await expect(page.getByRole("table")).toContainText("已录用");
    await expectAccessible(page);

    await (await headerMenu(page)).getByRole("link", { name: /通知/ }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知");
    await expect(page.getByText("共 3 条通知，其中 3 条未读。")).toBeVisible();
    const items = page.getByRole("list", { name: "通知列表" }).getByRole("listitem");
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText("未读");
    await expect(items.nth(0)).toContainText(`您申请的“${employer.title}”有新进展：已录用。`);
    await expect(items.nth(1)).toContainText("邀请面试");
    await expect(items.nth(2)).toContainText("用人单位已查看");
    await expectAccessible(page);
    await items.nth(1).getByRole("button", { name: /^查看/ }).click();
    await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`));
    await expect(page.getByRole("banner")).toContainText("2 条未读");
    await page.goto("/notifications");
    await expect(page.getByRole("list", { name: "通知列表" }).getByRole("listitem").nth(1)).toContainText("已读");
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await expect(page.getByRole("status")).toHaveText("已将全部通知标为已读。");
    await expect(page.getByRole("banner")).not.toContainText("条未读");
    await expectAccessible(page);

    // In English too.
    await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
    await expect(page.getByRole("list", { name: "Notifications" })).toContainText("has moved on: Hired.");
    await expectAccessible(page);
    await page.goto(applicationUrl);
    await expect(page.getByText("Message from the employer:")).toBeVisible();
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "中文" }).click();

    // Another seeker cannot open this application; the employer cannot use the seeker's page.
    const other = await newPage(browser, errors);
    await registerAccount(other.page, "seeker");
    expect((await other.page.goto(applicationUrl))?.status()).toBe(404);
    await expectAccessible(other.page);
    expect((await emp.goto(applicationUrl))?.status()).toBe(404);
    await other.context.close();
    await employer.context.close();
    expect(errors).toEqual([]);
  });

  test("without JavaScript: apply, the employer moves the applicant, the seeker withdraws after confirming", async ({ browser }) => {
    const errors: string[] = [];
    const setup = await employerWithVacancy(browser, errors, 2);
    await setup.context.close();

    // The seeker, without scripts.
    const seeker = await newPage(browser, errors, { javaScriptEnabled: false });
    const sp = seeker.page;
    await registerAccount(sp, "seeker");
    await sp.goto(`/vacancies/${setup.vacancyId}/apply`);
    await expect(sp.getByText("您还没有填写求职档案")).toBeVisible();
    await expectAccessibleWithoutScripts(sp);
    await sp.getByLabel("远程面试").check();
    await sp.getByLabel(/^联系方式/).check();
    await sp.getByRole("button", { name: "提交申请" }).click();
    await expect(sp).toHaveURL(/\/applications\/[0-9a-f-]{36}\?done=applied/);
    const applicationUrl = new URL(sp.url()).pathname;
    await expect(sp.getByRole("status")).toContainText("申请已提交");
    await expectAccessibleWithoutScripts(sp);

    // The employer, without scripts: a status filter, the applicant, a move with a bad then good submission.
    const employer2 = await newPage(browser, errors, { javaScriptEnabled: false });
    const ep2 = employer2.page;
    await signIn(ep2, setup.phone, PASSWORD);
    await expect(ep2).toHaveURL(/\/dashboard/);
    await ep2.goto(`/employer/vacancies/${setup.vacancyId}/applicants`);
    await ep2.getByLabel("按状态筛选").selectOption({ label: "已提交（1）" });
    await ep2.getByRole("button", { name: "筛选" }).click();
    await expect(ep2).toHaveURL(/status=submitted/);
    await expectAccessibleWithoutScripts(ep2);
    await ep2.getByRole("link", { name: /^求职者 \d{2,}$/ }).click();
    await expect(ep2.getByText("远程面试")).toBeVisible();
    await expect(ep2.getByText("手机号")).toBeVisible();
    await expectAccessibleWithoutScripts(ep2);
    // Marked viewed with a plain form post (opening the page did not).
    await ep2.getByRole("button", { name: "标记为已查看" }).click();
    await expect(ep2.getByRole("status")).toHaveText("状态已改为“用人单位已查看”，申请人已收到通知。");
    await expectAccessibleWithoutScripts(ep2);
    await ep2.getByRole("button", { name: "确认更改" }).click();
    await expect(ep2.getByRole("alert")).toContainText("请选择新的状态");
    await expectAccessibleWithoutScripts(ep2);
    await ep2.getByLabel("邀请面试").check();
    await ep2.getByLabel(/^给申请人的留言/).first().fill("请于周一通过视频面试，链接稍后短信发送。");
    await ep2.getByRole("button", { name: "确认更改" }).click();
    await expect(ep2.getByRole("status")).toHaveText("状态已改为“邀请面试”，申请人已收到通知。");
    await expectAccessibleWithoutScripts(ep2);

    // The seeker sees it and withdraws, confirming first.
    await sp.goto(applicationUrl);
    await expect(sp.getByText("用人单位留言：请于周一通过视频面试")).toBeVisible();
    await sp.getByRole("link", { name: "撤回申请" }).click();
    await expect(sp.getByRole("heading", { name: "确定要撤回这份申请吗？" })).toBeVisible();
    await expectAccessibleWithoutScripts(sp);
    await sp.getByRole("button", { name: "确认撤回" }).click();
    await expect(sp.getByRole("status")).toHaveText("您已撤回这份申请。");
    await expect(sp.getByText("已撤回").first()).toBeVisible();
    await expectAccessibleWithoutScripts(sp);
    await sp.goto("/notifications");
    await expect(sp.getByText("共 2 条通知，其中 2 条未读。")).toBeVisible();
    await expectAccessibleWithoutScripts(sp);
    await sp.getByRole("button", { name: "全部标为已读" }).click();
    await expect(sp.getByRole("status")).toHaveText("已将全部通知标为已读。");

    // The employer sees the withdrawal and can no longer move the application.
    await ep2.reload();
    await expect(ep2.getByText("这份申请已结束（已撤回）")).toBeVisible();
    await expect(ep2.getByRole("button", { name: "确认更改" })).toHaveCount(0);
    await expectAccessibleWithoutScripts(ep2);

    // A second seeker applies; the employer hires them, all with plain form posts; the seeker sees it.
    const second = await newPage(browser, errors, { javaScriptEnabled: false });
    const s2 = second.page;
    await registerAccount(s2, "seeker");
    await s2.goto(`/vacancies/${setup.vacancyId}/apply`);
    await s2.getByRole("button", { name: "提交申请" }).click();
    await expect(s2).toHaveURL(/\/applications\/[0-9a-f-]{36}\?done=applied/);
    const secondUrl = new URL(s2.url()).pathname;
    const secondId = secondUrl.split("/").pop()!;
    await ep2.goto(`/employer/applications/${secondId}`);
    await ep2.getByLabel(/^劳动合同开始日期/).fill("2026-12-01");
    await ep2.getByRole("button", { name: "确认录用" }).click();
    await expect(ep2.getByRole("alert")).toContainText("请填写月工资");
    await expect(ep2.getByLabel(/^劳动合同开始日期/)).toHaveValue("2026-12-01");
    await expectAccessibleWithoutScripts(ep2);
    await ep2.getByLabel(/^劳动合同结束日期/).fill("2027-11-30");
    await ep2.getByLabel("是，缴纳社会保险").check();
    await ep2.getByLabel(/^月工资/).fill("3200");
    await ep2.getByRole("button", { name: "确认录用" }).click();
    await expect(ep2.getByRole("heading", { name: "就业记录" })).toBeVisible();
    await expect(ep2.getByText("3200 元")).toBeVisible();
    await expectAccessibleWithoutScripts(ep2);
    await s2.goto(secondUrl);
    await expect(s2.getByText("已录用").first()).toBeVisible();
    await expectAccessibleWithoutScripts(s2);
    await second.context.close();
    await seeker.context.close();
    await employer2.context.close();
    expect(errors).toEqual([]);
  });
});
