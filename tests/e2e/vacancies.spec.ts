import type { Browser, BrowserContext, Page } from "@playwright/test";
import { makeUscc } from "../fixtures/factories";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";
import { tickAccommodation } from "./steps";
import { headerMenu } from "./steps";

/*
 * Vacancies: an employer with a verified organization posts, publishes, closes and reopens a vacancy; visitors,
 * seekers and other employers see what they should. The setup steps drive other areas' pages (account registration,
 * organization registration, verification by an admin); they live in the helpers right below, so if those pages
 * change their labels only the helpers need to follow.
 */

const PASSWORD = "Guizhou-2026-jobs";
let phoneCounter = 0;
/** A mobile number no other registration in this run uses. */
function uniquePhone(): string {
  phoneCounter += 1;
  return `136${String(Date.now() % 1_000_000).padStart(6, "0")}${String(phoneCounter % 100).padStart(2, "0")}`;
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

/**
 * Setup through other areas' pages: `page` registers a new employer account and its organization
 * (/employer/register), and the demo admin verifies it (/admin/organizations/:id). Returns the organization's name.
 */
async function newEmployerWithVerifiedOrganization(page: Page, browser: Browser, errors: string[]): Promise<string> {
  await page.goto("/register");
  await page.getByLabel("用人单位招聘人员").check();
  await page.getByLabel(/^手机号/).fill(uniquePhone());
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  const name = `黔程无障碍科技有限公司${Date.now().toString(36)}`;
  await page.goto("/employer/register");
  await page.getByLabel(/^单位名称/).fill(name);
  await page.getByLabel(/^统一社会信用代码/).fill(makeUscc("520102"));
  await page.getByRole("group", { name: /^单位类型/ }).getByLabel("企业", { exact: true }).check();
  await page.getByLabel(/^所在区县|^所在地区/).selectOption({ label: "南明区" });
  await page.getByLabel(/^详细地址/).fill("南明区花果园大街 1 号 3 楼");
  await page.getByLabel(/^所属行业/).selectOption({ label: "信息传输、软件和信息技术服务业" });
  await page.getByLabel(/^在职职工人数/).fill("120");
  await page.getByLabel(/^联系人姓名|^联系人$/).fill("周经理");
  await page.getByLabel(/^联系电话/).fill(uniquePhone());
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(/\/employer\?done=registered/);

  const admin = await newPage(browser, errors);
  await signIn(admin.page, DEMO.admin);
  await expect(admin.page).toHaveURL(/\/dashboard/);
  await admin.page.goto(`/admin/organizations?q=${encodeURIComponent(name)}`);
  await admin.page.getByRole("link", { name }).click();
  await expect(admin.page).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}/);
  await admin.page.getByRole("button", { name: /^通过审核$|^审核通过$/ }).click();
  await expect(admin.page.getByRole("status")).toContainText(name);
  await admin.context.close();
  return name;
}

/** Fills the vacancy form with valid values except what `pay` and `openings` say. */
async function fillVacancy(page: Page, title: string, values: { payMin: string; payMax: string; openings: string }) {
  await page.getByLabel(/^岗位名称/).fill(title);
  await page.getByLabel(/^岗位描述/).fill("通过文字回复顾客的咨询，处理订单问题。\n工作环境安静，电脑装有读屏软件。");
  await page.getByLabel(/^岗位类别/).selectOption({ label: "客服" });
  await page.getByRole("group", { name: "用工形式" }).getByLabel("全职", { exact: true }).check();
  await page.getByLabel(/^招聘人数/).fill(values.openings);
  await page.getByLabel(/^工作地点/).selectOption({ label: "南明区" });
  await page.getByLabel(/^详细地址/).fill("花果园大街 1 号 3 楼");
  await page.getByLabel(/^最低月薪/).fill(values.payMin);
  await page.getByLabel(/^最高月薪/).fill(values.payMax);
  await page.getByLabel(/^学历要求/).selectOption({ label: "高中" });
  await page.getByLabel(/^工作时间/).fill("周一至周五 9:00–17:30");
  await page.getByLabel(/^技能要求/).fill("打字、普通话");
}

const vacancyIdFrom = (url: string) => /\/employer\/vacancies\/([0-9a-f-]{36})\/(?:edit|preview)/.exec(url)![1]!;

// ---------------------------------------------------------------------------------------------------------------

test.describe("vacancies", () => {
  test("an employer posts, publishes, closes and reopens a vacancy; visitors and seekers read it", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    const organizationName = await newEmployerWithVerifiedOrganization(page, browser, errors);

    // The employer's list starts empty, with the way to post.
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "岗位管理" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("岗位管理");
    await expect(page.getByText("还没有岗位")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "发布新岗位" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("发布新岗位");
    await expectAccessible(page);

    // Bad input first: pay out of order and no openings, each at its field and in the summary; nothing lost.
    const title = `文字客服专员${Date.now().toString(36)}`;
    await fillVacancy(page, title, { payMin: "5000", payMax: "3000", openings: "0" });
    await tickAccommodation(page, "沟通", /^手语沟通/);
    await page.getByRole("button", { name: "保存并预览" }).click();
    // (With JavaScript the fields were already checked as they lost focus, so the summary is up before the submit.)
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("最高月薪不能低于最低月薪");
    await expect(summary).toContainText("招聘人数至少为 1 人");
    await expect(page.locator("#vacancy-payMax-error")).toContainText("最高月薪不能低于最低月薪");
    await expect(page.locator("#vacancy-openings-error")).toContainText("招聘人数至少为 1 人");
    await expect(page.getByLabel(/^最高月薪/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(/^最高月薪/)).toHaveAttribute("aria-describedby", /vacancy-payMax-error/);
    await expect(page.getByLabel(/^岗位名称/)).toHaveValue(title);
    await expect(page.getByLabel(/^手语沟通/)).toBeChecked();
    await expectAccessible(page);
    await summary.getByRole("link", { name: "最高月薪不能低于最低月薪" }).click();
    await expect(page.getByLabel(/^最高月薪/)).toBeFocused();

    // Fixed, with two accommodations: saved as a draft.
    await page.getByLabel(/^最低月薪/).fill("2500");
    await page.getByLabel(/^最高月薪/).fill("4000");
    await page.getByLabel(/^招聘人数/).fill("2");
    await tickAccommodation(page, "时间和地点", /^弹性工时/);
    await page.getByLabel(/^这个岗位计入按比例安排残疾人就业/).check();
    await page.getByRole("button", { name: "保存并预览" }).click();
    // The draft's preview: the card seekers will see, every part with a way back to it, and the publish button.
    await expect(page).toHaveURL(/\/employer\/vacancies\/[0-9a-f-]{36}\/preview\?done=created/);
    const id = vacancyIdFrom(page.url());
    await expect(page.getByRole("status")).toHaveText("岗位草稿已保存。检查无误后，可以在下面发布。");
    await expect(page.getByText("当前状态：草稿")).toBeVisible();
    await expect(page.getByRole("article", { name: title })).toContainText("弹性工时");
    await expect(page.getByRole("link", { name: /^修改\s*工作便利$/ })).toHaveAttribute("href", `/employer/vacancies/${id}/edit#vacancy-part-access`);
    await expectAccessible(page);

    // A draft does not exist for visitors, nor for another employer.
    const visitor = await newPage(browser, errors);
    const draftResponse = await visitor.page.goto(`/vacancies/${id}`);
    expect(draftResponse?.status()).toBe(404);
    await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
    await expectAccessible(visitor.page);
    await signIn(visitor.page, DEMO.employer);
    await expect(visitor.page).toHaveURL(/\/dashboard/);
    expect((await visitor.page.goto(`/employer/vacancies/${id}/edit`))?.status()).toBe(404);
    await expectAccessible(visitor.page);
    await visitor.context.close();

    // Publish.
    await page.getByRole("button", { name: "发布岗位" }).click();
    await expect(page.getByRole("status")).toHaveText("岗位已发布，求职者现在可以看到并申请。");
    await expect(page.getByText("当前状态：招聘中")).toBeVisible();
    await expectAccessible(page);

    // A visitor reads the facts in words, each accommodation with its icon, and is asked to sign in to apply.
    const reader = await newPage(browser, errors);
    await reader.page.goto("/vacancies");
    await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText("找工作");
    const card = reader.page.getByRole("listitem").filter({ has: reader.page.getByRole("link", { name: title }) });
    await expect(card).toContainText(organizationName);
    await expect(card).toContainText("贵阳市南明区");
    await expect(card).toContainText("¥2,500–4,000 元/月");
    // On a card the icon is drawn before the item's words (app/styles/icons.css), from its i-NAME class.
    const signItem = card.getByRole("listitem").filter({ hasText: "手语沟通" });
    expect(await signItem.evaluate((li) => getComputedStyle(li, "::before").maskImage || getComputedStyle(li, "::before").webkitMaskImage)).toMatch(/^url\("data:image\/svg\+xml/);
    await expectAccessible(reader.page);
    await card.getByRole("link", { name: title }).click();
    await expect(reader.page).toHaveURL(new RegExp(`/vacancies/${id}$`));
    await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(reader.page).toHaveTitle(new RegExp(title));
    const offered = reader.page.getByRole("region", { name: "单位提供的工作便利" });
    for (const [words, explanation] of <[string, string][]>[
      ["手语沟通", "有会手语的同事"],
      ["弹性工时", "上下班时间可以调整"],
    ]) {
      const item = offered.getByRole("listitem").filter({ hasText: words });
      await expect(item).toContainText(explanation);
      await expect(item.locator(".icon[aria-hidden='true']")).toHaveCount(1);
    }
    await expect(reader.page.getByRole("region", { name: "岗位信息" })).toContainText("¥2,500–4,000 元/月");
    await expect(reader.page.getByRole("region", { name: "岗位信息" })).toContainText("贵阳市南明区 花果园大街 1 号 3 楼");
    await expect(reader.page.getByRole("region", { name: "用人单位" })).toContainText(organizationName);
    // A visitor reads what a quota-eligible job means for them, not the employer's compliance term.
    await expect(reader.page.getByText("签 1 年以上劳动合同，缴社保，工资不低于当地最低工资", { exact: true })).toBeVisible();
    await expect(reader.page.getByText(/足额缴纳社会保险/)).toBeVisible();
    const apply = reader.page.getByRole("region", { name: "如何申请" });
    await expect(apply.getByRole("link", { name: "登录后申请" })).toHaveAttribute("href", `/login?redirectTo=${encodeURIComponent(`/vacancies/${id}/apply`)}`);
    await expect(apply.getByRole("link", { name: "注册求职者账户" })).toBeVisible();
    await expectAccessible(reader.page);
    // The same page in English.
    await (await headerMenu(reader.page)).getByRole("button", { name: "English" }).click();
    await expect(reader.page.getByRole("region", { name: "Accommodations the employer offers" })).toContainText("Sign language");
    await expect(reader.page.getByRole("region", { name: "About the job" })).toContainText("¥2,500–4,000 a month");
    await expectAccessible(reader.page);
    await (await headerMenu(reader.page)).getByRole("button", { name: "中文" }).click();
    // A signed-in seeker gets the way to apply.
    await signIn(reader.page, DEMO.seeker);
    await expect(reader.page).toHaveURL(/\/dashboard/);
    await reader.page.goto(`/vacancies/${id}`);
    const applyLink = reader.page.getByRole("region", { name: "如何申请" }).getByRole("link", { name: "申请这个岗位" });
    await expect(applyLink).toHaveAttribute("href", `/vacancies/${id}/apply`);
    // The primary action is in the first screen at 1280×800 (issue 15).
    await reader.page.setViewportSize({ width: 1280, height: 800 });
    const applyBox = (await applyLink.boundingBox())!;
    expect(applyBox.y + applyBox.height).toBeLessThanOrEqual(800);
    await expectAccessible(reader.page);

    // The employer's list: status and applicants, links to edit and to the applicants.
    await page.goto("/employer/vacancies");
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("招聘中");
    await expect(row).toContainText("还没有申请人");
    await expect(row.getByRole("link", { name: `编辑 （${title}）` })).toHaveAttribute("href", `/employer/vacancies/${id}/edit`);
    await expect(row.getByRole("link", { name: `查看申请人 （${title}）` })).toHaveAttribute("href", `/employer/vacancies/${id}/applicants`);
    await expectAccessible(page);

    // Close: still readable, no applications; then reopen.
    await row.getByRole("link", { name: `编辑 （${title}）` }).click();
    await page.getByRole("button", { name: "停止招聘" }).click();
    await expect(page.getByRole("status")).toHaveText("岗位已停止招聘。");
    await expect(page.getByText("当前状态：已停止招聘")).toBeVisible();
    await expectAccessible(page);
    await reader.page.reload();
    await expect(reader.page.getByText("已停止招聘", { exact: true })).toBeVisible();
    await expect(reader.page.getByRole("region", { name: "如何申请" })).toContainText("这个岗位目前不接受申请。");
    await expectAccessible(reader.page);
    // The reader is now a signed-in seeker, whose search shows only the vacancies that suit them unless asked for all.
    await reader.page.goto("/vacancies?show=all&sort=newest");
    await expect(reader.page.getByRole("link", { name: title })).toHaveCount(0);
    await expectAccessible(reader.page);
    await page.getByRole("button", { name: "重新开放招聘" }).click();
    await expect(page.getByRole("status")).toHaveText("岗位已重新开放招聘。");
    await expect(page.getByText("当前状态：招聘中")).toBeVisible();
    await expectAccessible(page);
    await reader.page.goto("/vacancies?show=all&sort=newest");
    await expect(reader.page.getByRole("link", { name: title })).toBeVisible();
    // Pagination appears once there are more than 20 open vacancies (the demo data may have them).
    const pagination = reader.page.getByRole("navigation", { name: "分页" });
    if (await pagination.count()) {
      await expect(pagination).toContainText(/第 1 页，共 \d+ 页/);
      // Following the link itself is covered by search.spec.ts; here the second page answers with its own links.
      await reader.page.goto("/vacancies?show=all&sort=newest&page=2");
      await expect(reader.page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "上一页，第 1 页" })).toBeVisible();
      await expectAccessible(reader.page);
    }
    await reader.context.close();

    // Editing keeps the status; the change is saved.
    await page.getByLabel(/^招聘人数/).fill("3");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByRole("status")).toHaveText("修改已保存。");
    await expect(page.getByLabel(/^招聘人数/)).toHaveValue("3");
    await expect(page.getByText("当前状态：招聘中")).toBeVisible();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  test("a pending organization saves drafts and is told why it cannot publish", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/register");
    await page.getByLabel("用人单位招聘人员").check();
    await page.getByLabel(/^手机号/).fill(uniquePhone());
    await page.getByLabel(/^密码/).fill(PASSWORD);
    await page.getByLabel("再次输入密码").fill(PASSWORD);
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    // Without an organization: a clear message and the way to register one.
    await page.goto("/employer/vacancies");
    await expect(page.getByText("您还没有登记用人单位")).toBeVisible();
    await expect(page.getByRole("link", { name: "登记用人单位" })).toHaveAttribute("href", "/employer/register");
    await expectAccessible(page);

    const name = `待审核单位${Date.now().toString(36)}`;
    await page.goto("/employer/register");
    await page.getByLabel(/^单位名称/).fill(name);
    await page.getByLabel(/^统一社会信用代码/).fill(makeUscc("520102"));
    await page.getByRole("group", { name: /^单位类型/ }).getByLabel("企业", { exact: true }).check();
    await page.getByLabel(/^所在区县|^所在地区/).selectOption({ label: "南明区" });
    await page.getByLabel(/^详细地址/).fill("南明区花果园大街 2 号");
    await page.getByLabel(/^所属行业/).selectOption({ label: "制造业" });
    await page.getByLabel(/^在职职工人数/).fill("80");
    await page.getByLabel(/^联系人姓名|^联系人$/).fill("吴经理");
    await page.getByLabel(/^联系电话/).fill(uniquePhone());
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page).toHaveURL(/\/employer\?done=registered/);

    await page.goto("/employer/vacancies");
    await expect(page.getByText(`单位“${name}”正在等待残联审核`)).toBeVisible();
    await page.getByRole("link", { name: "发布新岗位" }).click();
    await fillVacancy(page, "包装工", { payMin: "2200", payMax: "2600", openings: "5" });
    await page.getByRole("button", { name: "保存并预览" }).click();
    await expect(page.getByRole("status")).toContainText("岗位草稿已保存");
    await expect(page.getByText(`单位“${name}”还没有通过残联审核，暂时不能发布。`)).toBeVisible();
    await expect(page.getByRole("button", { name: "发布岗位" })).toHaveCount(0);
    await expectAccessible(page);
    // The draft preview is there for the member.
    await page.getByRole("link", { name: "查看岗位页面" }).click();
    await expect(page.getByText("这是草稿，只有本单位成员能看到。")).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("vacancies without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("create with errors, fix, save and publish with plain form posts", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    await newEmployerWithVerifiedOrganization(page, browser, errors);
    await page.goto("/employer/vacancies/new");
    const title = `盲人按摩师${Date.now().toString(36)}`;
    await fillVacancy(page, title, { payMin: "4000", payMax: "3000", openings: "0" });
    await tickAccommodation(page, "行动", /^无障碍通道/);
    await page.getByRole("button", { name: "保存并预览" }).click();
    await expect(page.getByRole("alert")).toContainText("最高月薪不能低于最低月薪");
    await expect(page.getByRole("alert")).toContainText("招聘人数至少为 1 人");
    await expect(page.getByLabel(/^最低月薪/)).toHaveValue("4000");
    await expect(page.getByLabel(/^无障碍通道/)).toBeChecked();
    await expect(page.getByLabel(/^工作地点/)).toHaveValue("520102");
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel(/^最低月薪/).fill("3000");
    await page.getByLabel(/^最高月薪/).fill("3000");
    await page.getByLabel(/^招聘人数/).fill("1");
    await tickAccommodation(page, "沟通", /^手语沟通/);
    await tickAccommodation(page, "时间和地点", /^弹性工时/);
    await page.getByLabel(/^可以远程办公/).check();
    await page.getByRole("button", { name: "保存并预览" }).click();
    await expect(page).toHaveURL(/\/preview\?done=created/);
    await expect(page.getByRole("status")).toContainText("岗位草稿已保存");
    await expectAccessibleWithoutScripts(page);
    await page.getByRole("button", { name: "发布岗位" }).click();
    await expect(page.getByRole("status")).toHaveText("岗位已发布，求职者现在可以看到并申请。");
    await expectAccessibleWithoutScripts(page);

    await page.getByRole("link", { name: "查看岗位页面" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("region", { name: "单位提供的工作便利" })).toContainText("无障碍通道");
    await expect(page.getByRole("region", { name: "单位提供的工作便利" })).toContainText("手语沟通");
    await expect(page.getByRole("region", { name: "岗位信息" })).toContainText("¥3,000 元/月");
    await expect(page.getByRole("region", { name: "岗位信息" })).toContainText("可以远程办公");
    await expectAccessibleWithoutScripts(page);
    await page.goto("/vacancies");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectAccessibleWithoutScripts(page);
    expect(errors).toEqual([]);
  });
});
