import type { Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, expectAccessibleWithoutScripts, test } from "./fixtures";
import { employerWithVerifiedOrganization, newPage, shanghaiToday, signInWithoutScripts } from "./steps";

/*
 * The plan's programmes (issue 14), the acceptance run — every page of the issue without JavaScript:
 * - the province admin creates and publishes a blind health massage course at 贵阳市南明区明目盲人按摩店 (a training
 *   base the seed designates), starting today so that it is both open for enrolment and recordable;
 * - the demo counselor 王芳 enrols 王秀珍, a blind seeker of her caseload, who asks for braille materials;
 * - the training base's member 李琴 records her attendance, completion and a 保健按摩师 certificate;
 * - 王秀珍 finds the certificate on her profile and chooses to show it;
 * - the admin's /statistics shows the blind health massage figure one higher;
 * - the admin picks an uncovered county from the coverage table, designates an auxiliary-employment institution
 *   there (an organization registered and verified for the run), and the table shows the county covered.
 *
 * The seed (db/seed-programmes.ts) designates the massage centre as a training base (open-ended, from December 2025),
 * with 李琴 (13700000003) its member, and keeps 王秀珍 (13600000010) on the demo counselor's caseload with no course.
 * Other specs share the database: figures are read before and after, never hard-coded.
 */

const TRAINING_BASE = "贵阳市南明区明目盲人按摩店";
const PROVIDER = "13700000003"; // 李琴, the massage centre's member
const SEEKER = { name: "王秀珍", phone: "13600000010" };
const FIGURE = "盲人保健按摩培训（人）";
const CERTIFICATE = { name: "保健按摩师", level: "五级/初级工", issuer: "贵州省人力资源和社会保障厅" };

/** "1,234" → 1234. */
function num(text: string): number {
  const n = Number(text.replace(/[,\s]/g, ""));
  expect(Number.isFinite(n), `a number in “${text}”`).toBe(true);
  return n;
}

/** The blind health massage figure of /statistics (the indicator table's actual, "—" when nothing is recorded). */
async function blindMassageTrained(page: Page): Promise<number> {
  const table = page.getByRole("region", { name: "各项指标", exact: true });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: FIGURE, exact: true }) });
  await expect(row).toHaveCount(1);
  const text = ((await row.getByRole("cell").nth(1).getByRole("link").first().textContent()) ?? "").trim();
  const figure = /^([\d,]+|—) 盲人保健按摩培训（查看名单）$/.exec(text);
  expect(figure, `the blind health massage figure in “${text}”`).not.toBeNull();
  return figure![1] === "—" ? 0 : num(figure![1]!);
}

/** The coverage page's summary: covered counties of all. */
async function coverageSummary(page: Page): Promise<{ covered: number; total: number }> {
  const summary = page.getByRole("status").filter({ hasText: /^已覆盖 \d+ 个县/ });
  const m = /^已覆盖 (\d+) 个县，共 (\d+) 个县（市、区）/.exec(((await summary.textContent()) ?? "").trim());
  expect(m, "the coverage summary").not.toBeNull();
  return { covered: Number(m![1]), total: Number(m![2]) };
}

/** A day as the pages write it: 2026年12月6日. */
function longDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

test.describe("the plan's programmes: training, certificates, figures and county coverage", () => {
  test("a blind massage course from creation to certificate moves the figure; a designation covers a county", async ({ browser }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    const today = shanghaiToday();
    const year = today.slice(0, 4);
    const title = `${year} 年南明区盲人保健按摩结业考核班 ${Date.now().toString(36)}`;

    // --- Before: the province admin's blind health massage figure, this year as of today --------------------------
    const admin = await signInWithoutScripts(browser, errors, DEMO.admin);
    const a = admin.page;
    await a.goto("/statistics");
    await expect(a.getByRole("heading", { level: 2, name: `贵州省（全省） · ${year} 年 · 截至 ${longDate(today)}` })).toBeVisible();
    const before = await blindMassageTrained(a);
    await expectAccessibleWithoutScripts(a);

    // --- The admin creates the course at the training base and publishes it ---------------------------------------
    await a.goto("/admin/courses/new");
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("新建培训课程");
    await expectAccessibleWithoutScripts(a);
    await a.getByLabel(/^课程名称/).fill(title);
    await a.getByRole("group", { name: /^培训类别/ }).getByLabel("盲人保健按摩培训", { exact: true }).check();
    const provider = a.getByLabel(/^培训机构（培训基地）/);
    const base = provider.locator("option").filter({ hasText: TRAINING_BASE });
    await expect(base, `${TRAINING_BASE} among the training bases`).toHaveCount(1);
    await provider.selectOption((await base.getAttribute("value"))!);
    await a.getByLabel(/^开班日期/).fill(today);
    await a.getByLabel(/^结业日期/).fill(today);
    await a.getByRole("group", { name: /^培训方式/ }).getByLabel("线下面授", { exact: true }).check();
    await a.getByLabel(/^所在地区/).selectOption({ label: "南明区" });
    await a.getByLabel(/^培训地点/).fill("南明区油榨街 12 号明目盲人按摩店二楼培训室");
    const arrangements = a.getByRole("group", { name: /^培训提供的无障碍安排/ });
    await arrangements.getByLabel("盲文或大字资料", { exact: true }).check();
    await arrangements.getByLabel("引导服务", { exact: true }).check();
    await a.getByLabel(/^名额/).fill("12");
    await a.getByLabel(/^每人培训补贴（元）/).fill("800");
    await a.getByLabel(/^课程介绍/).fill("保健按摩理论与实操结业考核，考核通过可申领保健按摩师（五级）证书。教材有盲文版和大字版。");
    await a.getByRole("button", { name: "保存草稿" }).click();
    await expect(a).toHaveURL(/\/admin\/courses\/[0-9a-f-]{36}\?done=created$/);
    const courseId = /\/admin\/courses\/([0-9a-f-]{36})/.exec(a.url())![1]!;
    await expect(a.getByRole("status")).toHaveText("课程已保存为草稿。检查无误后请发布。");
    await a.getByRole("button", { name: "发布", exact: true }).click();
    await expect(a).toHaveURL(new RegExp(`/admin/courses/${courseId}\\?done=published$`));
    await expect(a.getByRole("status")).toHaveText("课程已发布，求职者现在可以报名。");
    await expect(a.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(a.getByRole("link", { name: "查看公开页面" })).toBeVisible();
    await expectAccessibleWithoutScripts(a);

    // --- The counselor enrols 王秀珍, who asks for braille materials -------------------------------------------------
    const counselor = await signInWithoutScripts(browser, errors, DEMO.counselor);
    const c = counselor.page;
    await c.goto(`/training/${courseId}`);
    await expect(c.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(c.getByText("还剩 12 个名额（共 12 个）")).toBeVisible();
    await expectAccessibleWithoutScripts(c);
    await c.getByLabel(/^服务对象/).selectOption({ label: SEEKER.name });
    await c.getByRole("group", { name: /^他\/她需要的支持/ }).getByLabel("盲文或大字版教材", { exact: true }).check();
    await c.getByLabel(/^其他需要说明的/).fill("使用读屏软件，需要电子版教材。");
    await c.getByRole("button", { name: "报名", exact: true }).click();
    await expect(c).toHaveURL(new RegExp(`/training/${courseId}\\?done=referred$`));
    await expect(c.getByRole("status")).toHaveText("已为他/她报名并录取，同时记录了一次“培训推荐”服务。");
    await expect(c.getByText("还剩 11 个名额（共 12 个）")).toBeVisible();
    await expect(c.getByLabel(/^服务对象/).locator("option", { hasText: `${SEEKER.name}（已录取）` })).toHaveCount(1);
    await expectAccessibleWithoutScripts(c);

    // --- The training base's member records attendance, completion and the certificate ---------------------------
    const providerCtx = await signInWithoutScripts(browser, errors, PROVIDER);
    const p = providerCtx.page;
    await p.goto("/provider/courses");
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("本单位的培训课程");
    await p.getByRole("link", { name: title, exact: true }).click();
    await expect(p).toHaveURL(new RegExp(`/provider/courses/${courseId}$`));
    const planning = p.getByRole("table", { name: "各项支持的人数" });
    await expect(planning.getByRole("row").filter({ has: p.getByRole("rowheader", { name: "盲文或大字版教材", exact: true }) }).getByRole("cell").first()).toHaveText("1");
    const trainee = p.getByRole("table", { name: /^共 1 人/ }).getByRole("row").filter({ has: p.getByRole("rowheader", { name: new RegExp(`^${SEEKER.name}`) }) });
    await expect(trainee).toContainText("已录取");
    await expect(trainee).toContainText("盲文或大字版教材");
    // The link's name ends with the trainee's name (visually hidden; Chromium puts a space before it).
    await trainee.getByRole("link", { name: new RegExp(`^记录结业和证书\\s*：${SEEKER.name}$`) }).click();
    await expect(p).toHaveURL(new RegExp(`/provider/courses/${courseId}\\?enrolment=[0-9a-f-]{36}#outcome$`));
    await expect(p.getByRole("heading", { level: 2, name: `${SEEKER.name} 的出勤和结业` })).toBeVisible();
    await expect(p.getByText("需要的支持：盲文或大字版教材。")).toBeVisible();
    await expectAccessibleWithoutScripts(p);
    await p.getByLabel(/^出勤天数/).fill("1");
    await p.getByRole("group", { name: /^是否结业/ }).getByLabel("结业（完成培训）", { exact: true }).check();
    await p.getByLabel(/^结业日期/).fill(today);
    await p.getByRole("button", { name: "保存", exact: true }).click();
    await expect(p).toHaveURL(/\?done=outcome&enrolment=[0-9a-f-]{36}#outcome$/);
    await expect(p.getByRole("status")).toHaveText("出勤和结业情况已保存。");
    await expect(trainee).toContainText("已结业");
    await expect(trainee).toContainText("800 元");
    await p.getByLabel(/^证书类别/).selectOption({ label: "职业技能等级证书" });
    await p.getByLabel(/^证书名称/).fill(CERTIFICATE.name);
    await p.getByLabel(/^等级/).fill(CERTIFICATE.level);
    await p.getByLabel(/^证书编号/).fill(`S${Date.now().toString().slice(-9)}`);
    await p.getByLabel(/^发证机构/).fill(CERTIFICATE.issuer);
    await p.getByLabel(/^发证日期/).fill(today);
    await p.getByRole("button", { name: "保存证书" }).click();
    await expect(p).toHaveURL(/\?done=certificate&enrolment=[0-9a-f-]{36}#outcome$/);
    await expect(p.getByRole("status")).toHaveText("证书已保存。学员可以选择是否在求职档案中展示。");
    await expect(trainee).toContainText(`${CERTIFICATE.name} ${CERTIFICATE.level}`);
    await expect(p.getByRole("button", { name: "更新证书" })).toBeVisible();
    await expectAccessibleWithoutScripts(p);

    // --- 王秀珍 sees the certificate on her profile and chooses to show it -------------------------------------------
    const seeker = await signInWithoutScripts(browser, errors, SEEKER.phone, DEMO_PASSWORD);
    const s = seeker.page;
    await s.goto("/profile");
    const certificates = s.getByRole("region", { name: "培训证书" });
    const card = certificates.getByRole("listitem").filter({ hasText: CERTIFICATE.name });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(`职业技能等级证书、等级：${CERTIFICATE.level}`);
    await expect(card).toContainText(`${CERTIFICATE.issuer} · ${longDate(today)} 颁发`);
    await expect(card).toContainText("不展示");
    await expectAccessibleWithoutScripts(s);
    await certificates.getByRole("link", { name: "选择展示哪些证书" }).click();
    await expect(s).toHaveURL(/\/profile\/certificates$/);
    await expect(s.getByRole("heading", { level: 1 })).toHaveText("选择展示的培训证书");
    await expectAccessibleWithoutScripts(s);
    await s.getByRole("group", { name: /^在档案中展示的证书/ }).getByLabel(`${CERTIFICATE.name}（${CERTIFICATE.level}）`).check();
    await s.getByRole("button", { name: "保存", exact: true }).click();
    await expect(s).toHaveURL(/\/profile\?saved=certificates#certificates$/);
    await expect(s.getByRole("status")).toContainText("已保存展示的证书。");
    await expect(card).toContainText("在档案中展示");
    await expectAccessibleWithoutScripts(s);

    // --- After: the admin's figure is one higher -----------------------------------------------------------------
    await a.goto("/statistics");
    expect(await blindMassageTrained(a)).toBe(before + 1);

    // --- County coverage: an auxiliary-employment institution in an uncovered county -------------------------------
    await a.goto("/admin/coverage?uncovered=1");
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("县级辅助性就业机构覆盖");
    const coverageBefore = await coverageSummary(a);
    expect(coverageBefore.covered).toBeLessThan(coverageBefore.total);
    const uncoveredRows = a.getByRole("table", { name: "未覆盖的县" }).getByRole("row").filter({ hasText: "未覆盖" });
    const county = ((await uncoveredRows.first().getByRole("rowheader").textContent()) ?? "").trim();
    expect(county, "an uncovered county").not.toBe("");
    await expect(uncoveredRows.filter({ has: a.getByRole("rowheader", { name: county, exact: true }) }).getByRole("link", { name: `在${county}认定机构` })).toBeVisible();
    await expectAccessibleWithoutScripts(a);

    // An organization of that county, registered and verified for the run (another area's pages, with JavaScript).
    const employer = await newPage(browser, errors);
    const organization = await employerWithVerifiedOrganization(employer.page, browser, errors, { county, name: `${county}阳光家园辅助性就业中心` });
    await employer.context.close();

    await uncoveredRows.filter({ has: a.getByRole("rowheader", { name: county, exact: true }) }).getByRole("link", { name: `在${county}认定机构` }).click();
    await expect(a).toHaveURL(/\/admin\/institutions\/new$/);
    await a.getByLabel(/^单位名称（部分即可）/).fill(organization);
    await a.getByRole("button", { name: "查找" }).click();
    await expect(a).toHaveURL(/\/admin\/institutions\/new\?q=/);
    const choose = a.getByRole("group", { name: /^选择单位/ });
    await expect(choose.getByRole("radio")).toHaveCount(1);
    await choose.getByLabel(new RegExp(`^${organization} — ${county}, `)).check();
    await expectAccessibleWithoutScripts(a);
    await a.getByRole("group", { name: /^认定类别/ }).getByLabel("辅助性就业机构", { exact: true }).check();
    await a.getByLabel(/^认定文号/).fill(`黔残联函〔${year}〕${Date.now().toString().slice(-4)}号`);
    await a.getByLabel(/^认定日期/).fill(today);
    await a.getByLabel(/^有效期开始/).fill(today);
    await a.getByRole("button", { name: "认定", exact: true }).click();
    await expect(a).toHaveURL(/\/admin\/institutions\/[0-9a-f-]{36}\?done=created$/);
    await expect(a.getByRole("status").filter({ hasText: "已认定。" })).toBeVisible();
    await expect(a.getByRole("heading", { level: 1 })).toContainText(organization);

    await a.goto("/admin/coverage");
    expect(await coverageSummary(a)).toEqual({ covered: coverageBefore.covered + 1, total: coverageBefore.total });
    const covered = a.getByRole("table", { name: "各县覆盖情况" }).getByRole("row").filter({ has: a.getByRole("rowheader", { name: county, exact: true }) });
    await expect(covered).toHaveCount(1);
    await expect(covered.getByRole("cell").nth(1)).toHaveText("已覆盖");
    await expect(covered.getByRole("link", { name: organization, exact: true })).toBeVisible();
    await expect(covered).toContainText("辅助性就业机构");
    await expectAccessibleWithoutScripts(a);
    await a.goto("/admin/coverage?uncovered=1");
    await expect(a.getByRole("table", { name: "未覆盖的县" }).getByRole("rowheader", { name: county, exact: true })).toHaveCount(0);

    for (const ctx of [admin.context, counselor.context, providerCtx.context, seeker.context]) await ctx.close();
    expect(errors, "console errors in the other pages").toEqual([]);
  });
});
