import { makeIdNumber } from "../fixtures/factories";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";
import { employerWithVerifiedOrganization, newPage, postVacancy, registerAccount, saveStep } from "./steps";

/*
 * Special recruitment events (issue 7), the acceptance run: an admin creates and publishes a graduates' event without
 * JavaScript; an employer joins with two vacancies, is approved with a booth and publishes interview slots; a graduate
 * registers without JavaScript asking for an interpreter, books a slot, is checked in by code, applies, is offered
 * and hired; the report (and its CSV) shows it. axe runs on every page visited.
 *
 * The event is under way while the test runs (it started an hour ago), so checking in and applying "at the event"
 * happen now. Other specs share the database: everything is found by names made unique for this run.
 */

/** A moment as the value of a datetime-local input, in Beijing time. */
function beijing(offsetMinutes: number): string {
  const t = new Date(Date.now() + offsetMinutes * 60_000);
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** The current year in Beijing. */
function thisYear(): string {
  return beijing(0).slice(0, 4);
}

test.describe("recruitment events", () => {
  test("graduates' event: create, join with two vacancies, register with an interpreter, book, check in, hire; the report shows it", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    const run = Date.now().toString(36);
    const title = `南明区残疾人大中专毕业生专场招聘会${run}`;

    // --- The admin creates the event without JavaScript: errors first, then a valid one; then publishes it ------
    const admin = await newPage(browser, errors, { javaScriptEnabled: false });
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await expect(a).toHaveURL(/\/dashboard/);
    await a.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "专场招聘会" }).click();
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("专场招聘会");
    await expectAccessibleWithoutScripts(a);
    await a.getByRole("link", { name: "新建招聘会" }).click();
    await a.getByRole("button", { name: "保存为草稿" }).click();
    await expect(a.getByRole("alert")).toContainText("请填写招聘会名称");
    await expectAccessibleWithoutScripts(a);
    await a.getByLabel(/^招聘会名称/).fill(title);
    await a.getByRole("group", { name: /^招聘会类型/ }).getByLabel("大中专毕业生专场").check();
    await a.getByLabel(/^开始时间/).fill(beijing(-60));
    await a.getByLabel(/^结束时间/).fill(beijing(6 * 60));
    await a.getByLabel(/^报名截止时间/).fill(beijing(5 * 60));
    await a.getByLabel(/^举办地区/).selectOption({ label: "南明区" });
    await a.getByLabel(/^举办地点/).fill("贵阳市南明区残疾人综合服务中心一楼大厅");
    const arrangements = a.getByRole("group", { name: /^现场提供的无障碍安排/ });
    await arrangements.getByLabel("手语翻译").check();
    await arrangements.getByLabel("无障碍场地（无台阶）").check();
    await a.getByLabel(/^求职者名额/).fill("80");
    await a.getByRole("button", { name: "保存为草稿" }).click();
    await expect(a).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?done=created/);
    const eventId = /\/admin\/events\/([0-9a-f-]{36})/.exec(a.url())![1]!;
    await expectAccessibleWithoutScripts(a);
    await a.getByRole("button", { name: "发布", exact: true }).click();
    await expect(a.getByRole("status").filter({ hasText: "招聘会已发布" })).toBeVisible();
    // The edit form opens with what was saved.
    await a.getByRole("link", { name: "编辑招聘会信息" }).click();
    await expect(a.getByLabel(/^招聘会名称/)).toHaveValue(title);
    await expectAccessibleWithoutScripts(a);
    await a.goto(`/admin/events/${eventId}`);

    // The demo seeker (no graduation year) is told why they cannot register.
    const demo = await newPage(browser, errors);
    await signIn(demo.page, DEMO.seeker);
    await expect(demo.page).toHaveURL(/\/dashboard/);
    await demo.page.goto(`/events/${eventId}`);
    await expect(demo.page.getByText("这是大中专毕业生专场，只有今年和近两年毕业的求职者可以报名。")).toBeVisible();
    await expect(demo.page.getByRole("button", { name: "报名", exact: true })).toHaveCount(0);
    await expectAccessible(demo.page);
    await demo.context.close();

    // --- An employer joins with two vacancies ------------------------------------------------------------------
    const employer = await newPage(browser, errors);
    const e = employer.page;
    const organization = await employerWithVerifiedOrganization(e, browser, errors);
    const skill = `招聘会客服${run}`;
    const first = `招聘会岗位一${run}`;
    const second = `招聘会岗位二${run}`;
    const firstId = await postVacancy(e, first, skill);
    await postVacancy(e, second, skill);
    await e.goto(`/events/${eventId}`);
    await expect(e.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(e);
    const bring = e.getByRole("group", { name: /^带到招聘会的岗位/ });
    await bring.getByLabel(first).check();
    await bring.getByLabel(second).check();
    await e.getByRole("button", { name: "申请参会" }).click();
    await expect(e.getByText("参会申请已提交，请等待主办方审核。")).toBeVisible();
    await expectAccessible(e);

    // The organizer approves with a booth.
    await a.goto(`/admin/events/${eventId}`);
    await a.getByLabel(`${organization}的展位`).fill("A12");
    await a.getByRole("button", { name: new RegExp(`^通过.*${organization}|^通过$`) }).first().click();
    await expect(a.getByText("已保存对参会单位的审核结果")).toBeVisible();
    await expect(a.getByRole("table").filter({ hasText: organization }).first()).toContainText(first);
    await expectAccessibleWithoutScripts(a);

    // The employer publishes two interview slots of 30 minutes, starting in an hour.
    await e.goto(`/employer/events/${eventId}`);
    await expectAccessible(e);
    await e.getByLabel(/^第一个时段的开始时间/).fill(beijing(60));
    await e.getByLabel(/^每个时段的分钟数/).fill("30");
    await e.getByLabel(/^连续发布的时段个数/).fill("2");
    await e.getByRole("button", { name: "发布时段" }).click();
    await expect(e.getByText("已发布 2 个面试时段。")).toBeVisible();
    await expectAccessible(e);

    // --- A graduate of this year registers without JavaScript, asking for an interpreter -----------------------
    const seekerName = `毕业生${["甲", "乙", "丙", "丁"][Date.now() % 4]}`;
    await registerAccount(page, "seeker");
    await page.goto("/profile/personal");
    await page.getByLabel(/^真实姓名/).fill(seekerName);
    await page.getByLabel(/^身份证号/).fill(makeIdNumber("20030815", "520102"));
    await saveStep(page, "个人信息");
    await page.goto("/profile/education");
    await page.getByLabel("大专").check();
    await page.getByLabel(/^毕业年份/).fill(thisYear());
    await saveStep(page, "教育背景");
    const seekerCookies = await page.context().cookies();
    const seeker = await newPage(browser, errors, { javaScriptEnabled: false });
    await seeker.context.addCookies(seekerCookies);
    const s = seeker.page;
    await s.goto("/events");
    await expectAccessibleWithoutScripts(s);
    await s.getByRole("link", { name: title }).click();
    await expect(s.getByText("手语翻译").first()).toBeVisible();
    await expectAccessibleWithoutScripts(s);
    await s.getByRole("group", { name: /^需要的无障碍支持/ }).getByLabel("手语翻译").check();
    await s.getByRole("button", { name: "报名", exact: true }).click();
    await expect(s.getByRole("status").filter({ hasText: "报名成功。请记下您的签到码" })).toBeVisible();
    const qr = s.getByRole("img", { name: /^签到二维码/ });
    await expect(qr).toBeVisible();
    const code = ((await qr.getAttribute("aria-label")) ?? "").replace(/^.*签到码\s*/, "").replace(/\s/g, "");
    expect(code).toMatch(/^[A-Z2-7]{8}$/);
    await expectAccessibleWithoutScripts(s);

    // Books the first slot; the interpreter request travels with the booking.
    await s.getByRole("button", { name: new RegExp(`^预约${organization}`) }).first().click();
    await expect(s.getByText(new RegExp(`已预约${organization}`))).toBeVisible();
    await expectAccessibleWithoutScripts(s);
    await e.goto(`/employer/events/${eventId}`);
    const booked = e.getByRole("row").filter({ hasText: "手语翻译" });
    await expect(booked).toHaveCount(1);
    await expect(booked).toContainText("求职者");

    // --- Check-in by code ---------------------------------------------------------------------------------------
    await a.goto(`/admin/events/${eventId}`);
    await a.getByLabel(/^签到码/).fill("ZZZZZZZZ");
    await a.getByRole("button", { name: "签到", exact: true }).click();
    await expect(a.getByText("没有找到签到码 ZZZZZZZZ")).toBeVisible();
    await a.getByLabel(/^签到码/).fill(code.toLowerCase());
    await a.getByRole("button", { name: "签到", exact: true }).click();
    await expect(a.getByText(`签到成功：${seekerName}`)).toBeVisible();
    await expect(a.getByText("需要安排：手语翻译")).toBeVisible();
    await expectAccessibleWithoutScripts(a);

    // --- At the event the graduate applies; the employer offers, then hires -----------------------------------
    await s.goto(`/vacancies/${firstId}/apply`);
    await s.getByRole("button", { name: "提交申请" }).click();
    await expect(s).toHaveURL(/\/applications\/[0-9a-f-]{36}\?done=applied/);
    await e.goto(`/employer/vacancies/${firstId}/applicants`);
    await e.getByRole("link", { name: /^求职者 \d{2,}$/ }).click();
    await e.getByLabel("拟录用").check();
    await e.getByRole("button", { name: "确认更改" }).click();
    await expect(e.getByRole("status")).toContainText("拟录用");
    await e.getByLabel(/^劳动合同开始日期/).fill(beijing(0).slice(0, 10));
    await e.getByLabel(/^劳动合同结束日期/).fill(`${Number(thisYear()) + 2}-12-31`);
    await e.getByLabel("是，缴纳社会保险").check();
    await e.getByLabel(/^月工资/).fill("3300");
    await e.getByRole("button", { name: "确认录用" }).click();
    await expect(e.getByRole("heading", { name: "就业记录" })).toBeVisible();

    // --- The report shows it, on the page and in the CSV ------------------------------------------------------
    await a.goto(`/admin/events/${eventId}`);
    const report = a.getByRole("table", { name: /各参会单位的招聘成效/ });
    const row = report.getByRole("row").filter({ hasText: organization });
    // The employer heads the row; then booth, registrations, attendance, interviews, applications, offers, hires.
    await expect(row.getByRole("rowheader")).toHaveText(organization);
    await expect(row.getByRole("cell")).toHaveText(["A12", "1", "1", "1", "1", "1", "1"]);
    await expectAccessibleWithoutScripts(a);
    const csv = await a.request.get(`/admin/events/${eventId}/report.csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`${organization},A12,1,1,1,1,1,1`);

    for (const ctx of [admin.context, employer.context, seeker.context]) await ctx.close();
    expect(errors, "console errors in the other pages").toEqual([]);
  });
});
