import type { Page } from "@playwright/test";
import { makeIdNumber } from "../fixtures/factories";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, freshPhone, signIn, test } from "./fixtures";
import { employerWithVerifiedOrganization, newPage, postVacancy, registerAccount, saveStep } from "./steps";

/*
 * Counseling (issue 6), the acceptance run: an admin creates a counselor and assigns a new graduate to them; the
 * counselor — without JavaScript — filters the caseload to unemployed graduates, writes a plan, records a service and
 * refers a vacancy from the seeker's matches; the seeker accepts by applying; the employer hires; the counselor sees
 * the referral's outcome, the graduate cohort's employed count and rate go up by this graduate, and the 1-month
 * checkpoint is in the due list. axe runs on every counselor and seeker page.
 *
 * Other specs and the demo data share the database, so figures are read before and after, never hard-coded.
 */

const COUNSELOR_PASSWORD = "Counselor-2026-case";

/** Today in Asia/Shanghai as YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A Chinese name no other run uses: 毕 + three characters picked at random. */
function uniqueName(): string {
  const chars = "安白柏春丹德东芳菲刚光海涵浩红华佳建杰静娟军凯兰磊丽林玲龙梅敏娜宁鹏平琴清秋荣瑞珊胜涛婷伟文霞祥欣秀雪言艳洋毅颖勇宇玉元云哲振志";
  let name = "毕";
  for (let i = 0; i < 3; i++) name += chars[Math.floor(Math.random() * chars.length)];
  return name;
}

/** The figure behind a cohort link ("3 人，查看名单"). */
async function cohortFigure(page: Page, list: "graduates" | "employed"): Promise<number> {
  const text = (await page.locator(`dd a[href*="list=${list}"]`).textContent()) ?? "";
  const n = /(\d+)/.exec(text);
  expect(n, `a count in “${text}”`).not.toBeNull();
  return Number(n![1]);
}

test.describe("counseling: from caseload to placement", () => {
  test("assign, filter, plan, service, refer; the seeker accepts, is hired; cohort and due list follow", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    const year = today().slice(0, 4);

    // --- Set-up: a counselor for 南明区, created by the admin ---------------------------------------------------
    const admin = await newPage(browser, errors);
    await signIn(admin.page, DEMO.admin);
    await expect(admin.page).toHaveURL(/\/dashboard/);
    const counselorName = `${uniqueName().replace("毕", "赵")}老师`;
    const counselorPhone = freshPhone();
    await admin.page.goto("/admin/staff");
    await admin.page.getByLabel("就业指导员").check();
    await admin.page.getByLabel(/^姓名/).fill(counselorName);
    await admin.page.getByLabel(/^服务区域/).selectOption({ label: "南明区" });
    await admin.page.getByLabel(/^手机号/).fill(counselorPhone);
    await admin.page.getByLabel(/^初始密码/).fill(COUNSELOR_PASSWORD);
    await admin.page.getByRole("button", { name: "创建账户", exact: true }).click();
    await expect(admin.page.getByRole("status")).toContainText(counselorName);

    // --- A graduate of this year in 南明区 who must have sign language ------------------------------------------
    const seekerName = uniqueName();
    const skill = `手语客服${Date.now().toString(36)}`;
    const seekerPhone = await registerAccount(page, "seeker");
    await page.goto("/profile/personal");
    await page.getByLabel(/^真实姓名/).fill(seekerName);
    await page.getByLabel(/^身份证号/).fill(makeIdNumber("20030412", "520102"));
    await saveStep(page, "个人信息");
    await page.goto("/profile/region");
    await page.getByLabel("户籍所在地", { exact: true }).selectOption({ label: "南明区" });
    await page.getByLabel("现居住地", { exact: true }).selectOption({ label: "南明区" });
    await page.getByLabel("城镇").check();
    await saveStep(page, "户籍与居住地");
    await page.goto("/profile/education");
    await page.getByLabel("大专").check();
    await page.getByLabel(/^毕业学校/).fill("贵州盛华职业学院");
    await page.getByLabel(/^专业/).fill("电子商务");
    await page.getByLabel(/^毕业年份/).fill(year);
    await saveStep(page, "教育背景");
    await page.goto("/profile/skills");
    await page.getByLabel(/^技能/).fill(skill);
    await saveStep(page, "技能与证书");
    await page.goto("/profile/needs");
    await page.getByRole("group", { name: "手语沟通" }).getByLabel("需要（必须）").check();
    await saveStep(page, "需要的工作便利");

    // --- An employer with an open vacancy in 南明区 that offers sign language ----------------------------------
    const employer = await newPage(browser, errors);
    await employerWithVerifiedOrganization(employer.page, browser, errors);
    const vacancyTitle = `残疾人就业指导推荐岗位${Date.now().toString(36)}`;
    const vacancyId = await postVacancy(employer.page, vacancyTitle, skill);

    // --- The admin assigns the graduate to the new counselor (the suggestion is a 南明区 counselor) ------------
    await admin.page.goto(`/caseloads/assign?q=${encodeURIComponent(seekerName)}`);
    await expect(admin.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(admin.page);
    const select = admin.page.getByLabel(`为 ${seekerName} 选择指导员`);
    await select.selectOption({ label: (await select.locator("option", { hasText: counselorName }).textContent())!.trim() });
    await admin.page.getByRole("button", { name: `把 ${seekerName} 分配给所选指导员` }).click();
    await expect(admin.page.getByText(`已将 ${seekerName} 分配给 ${counselorName}`)).toBeVisible();
    await expectAccessible(admin.page);
    // The region's overview lists the new counselor with one seeker on the caseload.
    await admin.page.goto("/caseloads");
    await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText("就业服务概览");
    await expect(admin.page.getByRole("row").filter({ hasText: counselorName })).toBeVisible();
    await expectAccessible(admin.page);

    // --- The counselor, without JavaScript -------------------------------------------------------------------
    const counselor = await newPage(browser, errors, { javaScriptEnabled: false });
    const c = counselor.page;
    await signIn(c, counselorPhone, COUNSELOR_PASSWORD);
    await expect(c).toHaveURL(/\/dashboard/);
    await expect(c.getByText("您的服务对象 1 人，其中未就业 1 人。")).toBeVisible();

    // The cohort before the hire.
    await c.goto(`/graduates?year=${year}&region=520102`);
    await expectAccessibleWithoutScripts(c);
    const graduatesBefore = await cohortFigure(c, "graduates");
    const employedBefore = await cohortFigure(c, "employed");
    expect(graduatesBefore).toBeGreaterThanOrEqual(1);

    // The caseload, filtered to this year's graduates who are not employed.
    await c.goto("/caseload");
    await expect(c).toHaveURL(/\/caseloads\/[0-9a-f-]{36}$/);
    await expect(c.getByRole("heading", { level: 1 })).toHaveText("我的服务对象");
    await expectAccessibleWithoutScripts(c);
    await c.getByLabel("毕业年份").selectOption(year);
    await c.getByLabel("未就业", { exact: true }).check();
    await c.getByRole("button", { name: "筛选" }).click();
    await expect(c).toHaveURL(new RegExp(`graduationYear=${year}.*filter=notEmployed`));
    await expect(c.getByRole("table")).toContainText(seekerName);
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("link", { name: seekerName }).click();
    await expect(c).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
    const clientUrl = new URL(c.url()).pathname;
    await expect(c.getByRole("heading", { level: 1 })).toContainText(seekerName);
    await expectAccessibleWithoutScripts(c);

    // The plan: an empty action is refused at its fields; then goals, barriers and one action.
    await c.goto(`${clientUrl}/plan`);
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("button", { name: "添加行动" }).click();
    await expect(c.getByRole("alert")).toContainText("请填写要做的事");
    await expectAccessibleWithoutScripts(c);
    await c.getByLabel(/^就业目标/).fill("三个月内在南明区找到一份有手语沟通的客服工作。");
    await c.getByLabel(/^就业障碍/).fill("听力障碍，需要手语沟通；没有正式工作经历。");
    await c.getByRole("button", { name: "保存就业计划" }).click();
    await expect(c.getByRole("status")).toContainText("就业计划已保存");
    await c.getByLabel(/^要做的事/).fill("准备一份电子商务方向的简历");
    await c.getByRole("group", { name: /^由谁负责/ }).getByLabel("求职者本人").check();
    await c.getByLabel(/^完成期限/).fill(addDays(today(), 14));
    await c.getByRole("button", { name: "添加行动" }).click();
    await expect(c.getByRole("status")).toContainText("行动已添加");
    await expect(c.getByText("准备一份电子商务方向的简历").first()).toBeVisible();
    await expectAccessibleWithoutScripts(c);
    // The one-page printable view of the plan.
    await c.goto(`${clientUrl}/plan/print`);
    await expect(c.getByText("三个月内在南明区找到一份有手语沟通的客服工作。")).toBeVisible();
    await expectAccessibleWithoutScripts(c);

    // A service record.
    await c.goto(`${clientUrl}/services/new`);
    await c.getByLabel("职业指导").check();
    await c.getByLabel(/^服务内容/).fill("面谈求职方向，讲解面试中如何提出手语翻译需求。");
    await c.getByLabel(/^服务结果/).fill("同意申请客服岗位。");
    await c.getByRole("button", { name: "保存服务记录" }).click();
    await expect(c).toHaveURL(new RegExp(`${clientUrl}\\?done=service`));
    await expect(c.getByRole("status")).toContainText("服务记录已保存");
    await expect(c.getByText("面谈求职方向").first()).toBeVisible();
    await expectAccessibleWithoutScripts(c);

    // One-to-one matching: the vacancy is among the matches with its reasons; the counselor refers it.
    await c.goto(`${clientUrl}/matches`);
    await expectAccessibleWithoutScripts(c);
    const card = c.getByRole("article").filter({ hasText: vacancyTitle });
    await expect(card).toContainText("手语沟通");
    await c.getByRole("textbox", { name: new RegExp(`推荐“${vacancyTitle}”`) }).fill("这个岗位同事会手语，适合你。");
    await c.getByRole("button", { name: new RegExp(`^推荐这个岗位.*${vacancyTitle}`) }).click();
    await expect(c.getByRole("status")).toContainText(`已将“${vacancyTitle}”推荐给${seekerName}`);
    await expectAccessibleWithoutScripts(c);

    // --- The seeker accepts by applying --------------------------------------------------------------------------
    await page.goto("/referrals");
    await expect(page.getByText(vacancyTitle)).toBeVisible();
    await expect(page.getByText("这个岗位同事会手语，适合你。")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: `接受并申请：${vacancyTitle}` }).click();
    await expect(page).toHaveURL(new RegExp(`/vacancies/${vacancyId}/apply`));
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\?done=applied/);
    await page.goto("/referrals");
    await expect(page.getByText("已接受并申请")).toBeVisible();
    await page.goto("/my-plan");
    await expect(page.getByText("三个月内在南明区找到一份有手语沟通的客服工作。")).toBeVisible();
    await expect(page.getByText("准备一份电子商务方向的简历")).toBeVisible();
    await expectAccessible(page);

    // --- The employer hires, the contract starting today --------------------------------------------------------
    const emp = employer.page;
    await emp.goto(`/employer/vacancies/${vacancyId}/applicants`);
    await emp.getByRole("link", { name: /^求职者 \d{2,}$/ }).click();
    await emp.getByLabel(/^劳动合同开始日期/).fill(today());
    await emp.getByLabel(/^劳动合同结束日期/).fill(addDays(today(), 365 * 2));
    await emp.getByLabel("是，缴纳社会保险").check();
    await emp.getByLabel(/^月工资/).fill("3600");
    await emp.getByRole("button", { name: "确认录用" }).click();
    await expect(emp.getByRole("heading", { name: "就业记录" })).toBeVisible();

    // --- The counselor sees the outcome, the cohort and the due list -------------------------------------------
    await c.goto(clientUrl);
    const referrals = c.getByRole("table").filter({ hasText: vacancyTitle }).first();
    await expect(referrals).toContainText("已接受并申请");
    await expect(referrals).toContainText("已录用");
    await expectAccessibleWithoutScripts(c);

    await c.goto(`/graduates?year=${year}&region=520102`);
    expect(await cohortFigure(c, "graduates")).toBe(graduatesBefore);
    expect(await cohortFigure(c, "employed")).toBe(employedBefore + 1);
    await c.locator('dd a[href*="list=employed"]').click();
    await expect(c.getByRole("table", { name: /名单/ })).toContainText(seekerName);
    await expectAccessibleWithoutScripts(c);

    await c.goto("/follow-up");
    const due = c.getByRole("row").filter({ hasText: seekerName }).filter({ hasText: "入职 1 个月回访" });
    await expect(due).toHaveCount(1);
    await expect(due).toContainText("还有");
    await expectAccessibleWithoutScripts(c);

    // Recording the checkpoint: unanswered is refused; "still employed" keeps the job, the item leaves the list.
    await due.getByRole("link", { name: /入职 1 个月回访/ }).click();
    await expect(c).toHaveURL(/\/checkpoints\/[0-9a-f-]{36}\/1$/);
    await expect(c.getByRole("group", { name: /^劳动合同是否一年及以上/ }).getByLabel("是，一年及以上")).toBeChecked();
    await c.getByRole("button", { name: "保存回访记录" }).click();
    await expect(c.getByRole("alert")).toContainText("请选择是否仍在岗");
    await expectAccessibleWithoutScripts(c);
    await c.getByLabel("是，仍在岗").check();
    await c.getByLabel(/^回访记录/).fill("适应良好，单位安排了会手语的同事带教。");
    await c.getByRole("button", { name: "保存回访记录" }).click();
    await expect(c).toHaveURL(new RegExp(`${clientUrl}\\?done=checkpoint`));
    await expect(c.getByRole("status")).toContainText("回访结果已保存");
    await c.goto("/follow-up");
    await expect(c.getByRole("row").filter({ hasText: seekerName }).filter({ hasText: "入职 1 个月回访" })).toHaveCount(0);

    // Another counselor of the region (the demo one) cannot open this seeker: 404.
    const other = await newPage(browser, errors, { javaScriptEnabled: false });
    await signIn(other.page, DEMO.counselor);
    await expect(other.page).toHaveURL(/\/dashboard/);
    const response = await other.page.goto(clientUrl);
    expect(response?.status()).toBe(404);

    for (const ctx of [admin.context, employer.context, counselor.context, other.context]) await ctx.close();
    expect(errors, "console errors in the other pages").toEqual([]);
    void seekerPhone;
  });
});
