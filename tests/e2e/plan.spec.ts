import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessibleWithoutScripts, test } from "./fixtures";
import { shanghaiToday, signInWithoutScripts } from "./steps";

/*
 * The federation's plan (issue 13), the acceptance run — every page without JavaScript: the demo counselor 王芳 (贵阳市)
 * records a 灵活就业 for 许一诺, a graduate of this year on her caseload with no employment record, and verifies
 * 罗一鸣 (real-name check); the province admin's /statistics shows one more new job (and one more of the form 灵活就业)
 * and the graduate rate's numerator one higher; the list behind the figure names her; the admin keeps the last ended
 * quarter's snapshot and downloads the annual report's workbook, whose figures equal the page's for the same as-of day.
 *
 * The seed keeps 许一诺 and 罗一鸣 for this run (db/seed-plan.ts: the first two of this year's graduates on the demo
 * counselor's caseload with no employment record get no job, no check and no household). Other specs share the
 * database, so figures are read before and after, never hard-coded.
 */

const RECORDED = "许一诺";
const VERIFIED = "罗一鸣";
const EMPLOYER = "居家电商客服（网店在线客服，居家办公）";

/** "1,234" → 1234. */
function num(text: string): number {
  const n = Number(text.replace(/[,\s]/g, ""));
  expect(Number.isFinite(n), `a number in “${text}”`).toBe(true);
  return n;
}

interface Figures {
  newJobs: number;
  flexible: number;
  graduatesEmployed: number;
  graduates: number;
  graduateRate: string;
}

/** The figures of the indicator table of /statistics as the page shows them. */
async function readFigures(page: Page): Promise<Figures> {
  const table = page.getByRole("region", { name: "各项指标", exact: true });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

  const jobs = row("新增残疾人就业（人）");
  await expect(jobs).toHaveCount(1);
  const total = /^([\d,]+) 新增残疾人就业（查看名单）$/.exec(((await jobs.getByRole("link").first().textContent()) ?? "").trim());
  expect(total, "the new jobs' figure").not.toBeNull();
  const flexible = /^灵活就业 ([\d,]+)$/.exec(((await jobs.getByRole("link", { name: /^灵活就业 / }).textContent()) ?? "").trim());
  expect(flexible, "the new jobs of the form 灵活就业").not.toBeNull();

  const graduates = row("残疾人大中专毕业生当年就业率");
  await expect(graduates).toHaveCount(1);
  const actual = graduates.getByRole("cell").nth(1);
  const rate = /^([\d.]+%)/.exec(((await actual.getByRole("link").textContent()) ?? "").trim());
  expect(rate, "the graduate rate").not.toBeNull();
  const ofTotal = /([\d,]+) \/ ([\d,]+)/.exec((await actual.textContent()) ?? "");
  expect(ofTotal, "the graduate rate's numerator and denominator").not.toBeNull();

  return {
    newJobs: num(total![1]!),
    flexible: num(flexible![1]!),
    graduatesEmployed: num(ofTotal![1]!),
    graduates: num(ofTotal![2]!),
    graduateRate: rate![1]!,
  };
}

/** The page's rounding of a rate: one decimal, as a percentage. */
function percent(value: number): string {
  return new Intl.NumberFormat("zh-CN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A day as the pages write it: 2026年12月6日. */
function longDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** The quarter that ended last before `today`, as the snapshot page names it. */
function lastEndedQuarter(today: string): { year: number; quarter: number; label: string; previous: string } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const q = current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
  const p = q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
  return { ...q, label: `${q.year} 年第 ${q.quarter} 季度`, previous: `${p.year} 年第 ${p.quarter} 季度` };
}

test.describe("the federation's plan: records, live figures, snapshot and report", () => {
  test("a counselor records a 灵活就业 and verifies someone; the admin's figures, snapshot and workbook follow", async ({ browser }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    const today = shanghaiToday();
    const year = today.slice(0, 4);

    // --- Before: the province admin's figures for this year, as of today (the page's defaults) -------------------
    const admin = await signInWithoutScripts(browser, errors, DEMO.admin);
    const a = admin.page;
    await a.goto("/statistics");
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("残疾人就业规划指标");
    await expect(a.getByRole("heading", { level: 2, name: `贵州省（全省） · ${year} 年 · 截至 ${longDate(today)}` })).toBeVisible();
    const before = await readFigures(a);
    expect(before.graduates).toBeGreaterThan(0);

    // --- The counselor, without JavaScript: a 灵活就业 for 许一诺 -------------------------------------------------
    const counselor = await signInWithoutScripts(browser, errors, DEMO.counselor);
    const c = counselor.page;
    await c.goto("/caseload");
    await expect(c).toHaveURL(/\/caseloads\/[0-9a-f-]{36}$/);
    await expect(c.getByRole("heading", { level: 1 })).toHaveText("我的服务对象");
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("link", { name: RECORDED, exact: true }).click();
    await expect(c).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
    await expect(c.getByRole("heading", { level: 1 })).toContainText(RECORDED);
    await expectAccessibleWithoutScripts(c);

    await c.getByRole("link", { name: "记录就业", exact: true }).click();
    await expect(c).toHaveURL(/\/employment-records\/new\?seeker=[0-9a-f-]{36}$/);
    await expect(c.getByRole("heading", { level: 1 })).toHaveText(`为${RECORDED}记录就业`);
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("group", { name: /^就业形式/ }).getByLabel(/^灵活就业：/).check();
    await c.getByLabel(/^用人单位名称或自主就业说明/).fill(EMPLOYER);
    await c.getByLabel(/^开始日期/).fill(today);
    await c.getByLabel(/^合同期限（月）/).fill("12");
    await c.getByLabel(/^月收入（元）/).fill("2800");
    await c.getByRole("group", { name: /^是否缴纳社会保险/ }).getByLabel("否", { exact: true }).check();
    await c.getByRole("group", { name: /^核实依据/ }).getByLabel("走访核实", { exact: true }).check();
    await c.getByLabel(/^依据说明/).fill("指导员上门走访，查看了网店后台的客服排班记录。");
    await c.getByRole("button", { name: "保存就业记录" }).click();
    await expect(c).toHaveURL(/\/employment-records\/[0-9a-f-]{36}\?done=recorded$/);
    await expect(c.getByRole("status")).toHaveText("就业记录已保存。");
    await expect(c.getByRole("heading", { level: 1 })).toHaveText(`${RECORDED}的就业记录`);
    await expect(c.getByText(EMPLOYER).first()).toBeVisible();
    await expect(c.getByText("灵活就业").first()).toBeVisible();
    await expectAccessibleWithoutScripts(c);

    // --- The counselor verifies 罗一鸣 (实名核查) ------------------------------------------------------------------
    await c.goto("/verification");
    await expect(c.getByRole("heading", { level: 1 })).toHaveText("实名核查");
    const counts = c.getByText(/^\d{4} 年第 \d 季度：已核查 \d+ 人，共 \d+ 人。$/);
    const countsBefore = /已核查 (\d+) 人，共 (\d+) 人/.exec((await counts.textContent()) ?? "")!;
    const queued = c.getByRole("table").getByRole("rowheader", { name: VERIFIED, exact: true });
    await expect(queued).toHaveCount(1);
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("link", { name: `核查 ${VERIFIED}`, exact: true }).click();
    await expect(c).toHaveURL(/\/clients\/[0-9a-f-]{36}\/verify$/);
    await expect(c.getByRole("heading", { level: 1 })).toHaveText(`${VERIFIED}的实名核查`);
    await expect(c.getByText("还没有核查记录。")).toBeVisible();
    await expectAccessibleWithoutScripts(c);
    await c.getByRole("group", { name: /^现在的就业状况/ }).getByLabel("未就业", { exact: true }).check();
    await c.getByRole("group", { name: /^培训需求/ }).getByLabel("网络就业、远程办公培训", { exact: true }).check();
    await c.getByRole("group", { name: /^服务需求/ }).getByLabel("职业指导", { exact: true }).check();
    await c.getByLabel(/^备注/).fill("电话联系本人，正在找可以居家完成的工作。");
    await c.getByRole("button", { name: "记录核查结果" }).click();
    await expect(c).toHaveURL(/\/verification\?done=[0-9a-f-]{36}$/);
    const done = c.getByRole("status");
    await expect(done).toContainText(`已记录${VERIFIED}的实名核查`);
    await expect(done).toContainText("核查结果：未就业。");
    await expect(counts).toHaveText(new RegExp(`已核查 ${Number(countsBefore[1]) + 1} 人，共 ${countsBefore[2]} 人。$`));
    await expect(queued).toHaveCount(0);
    await expectAccessibleWithoutScripts(c);

    // --- After: the admin's /statistics -----------------------------------------------------------------------
    await a.reload();
    const after = await readFigures(a);
    expect(after.newJobs).toBe(before.newJobs + 1);
    expect(after.flexible).toBe(before.flexible + 1);
    expect(after.graduates).toBe(before.graduates);
    expect(after.graduatesEmployed).toBe(before.graduatesEmployed + 1);
    expect(after.graduateRate).toBe(percent(after.graduatesEmployed / after.graduates));
    // One person more is at least 0.1% of up to 1,000 graduates: the rate as written (one decimal) moves too.
    if (after.graduates <= 1000) expect(after.graduateRate).not.toBe(before.graduateRate);
    await expectAccessibleWithoutScripts(a);

    // The list behind the 灵活就业 figure names her (newest start first).
    await a.getByRole("region", { name: "各项指标", exact: true }).getByRole("link", { name: /^灵活就业 / }).click();
    await expect(a).toHaveURL(/\/statistics\/list\?.*code=new_jobs.*key=flexible/);
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("新增残疾人就业：记录名单");
    await expect(a.getByText(`共 ${new Intl.NumberFormat("zh-CN").format(after.flexible)} 条`)).toBeVisible();
    const listed = a.getByRole("row").filter({ has: a.getByRole("rowheader", { name: RECORDED, exact: true }) });
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(EMPLOYER);
    await expectAccessibleWithoutScripts(a);

    // --- The last ended quarter's snapshot -------------------------------------------------------------------------
    const q = lastEndedQuarter(today);
    await a.goto("/statistics/snapshots");
    await expect(a.getByRole("heading", { level: 1 })).toHaveText("贵州省季度快照");
    const take = a.getByRole("button", { name: `保存${q.label}的快照` });
    await expect(take).toBeVisible();
    await expectAccessibleWithoutScripts(a);
    await take.click();
    await expect(a).toHaveURL(new RegExp(`/statistics/snapshots\\?quarter=${q.year}-Q${q.quarter}&taken=new$`));
    await expect(a.getByRole("status")).toHaveText(`已保存${q.label}的快照。`);
    await expect(a.getByRole("button", { name: `保存${q.label}的快照` })).toHaveCount(0);
    await expect(a.getByRole("heading", { name: `${q.label}与上季度、上年同期对比` })).toBeVisible();
    const comparison = a.getByRole("table", { name: `${q.label}与上季度、上年同期对比` });
    await expect(comparison.getByRole("columnheader", { name: q.label, exact: true })).toBeVisible();
    await expect(comparison.getByRole("columnheader", { name: q.previous, exact: true })).toBeVisible();
    // The new jobs' row: this quarter's and the previous quarter's running totals and the change between them.
    const jobsRow = comparison.getByRole("row").filter({ has: a.getByRole("rowheader", { name: "新增残疾人就业", exact: true }) });
    const [current, previous, change] = await Promise.all([0, 1, 2].map(async (n) => ((await jobsRow.getByRole("cell").nth(n).textContent()) ?? "").trim()));
    expect(num(current!)).toBeGreaterThanOrEqual(num(previous!));
    expect(change).toBe(new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(num(current!) - num(previous!)));
    await expectAccessibleWithoutScripts(a);

    // --- The annual report and its workbook ---------------------------------------------------------------------
    await a.goto(`/statistics/report/${year}`);
    await expect(a.getByRole("heading", { level: 1 })).toHaveText(`贵州省 ${year} 年度检查评估报告`);
    await expectAccessibleWithoutScripts(a);
    const back = a.getByRole("link", { name: "返回统计数据" });
    const backHref = (await back.getAttribute("href")) ?? "";
    const asOf = new URLSearchParams(backHref.split("?")[1] ?? "").get("asOf");
    expect(asOf, "the report's as-of day in its link to /statistics").toBe(today);
    const [download] = await Promise.all([a.waitForEvent("download"), a.getByRole("link", { name: "下载报告（XLSX）" }).click()]);
    expect(download.suggestedFilename()).toBe(`inspection-520000-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.getWorksheet("指标");
    expect(sheet, "the indicator sheet").toBeDefined();
    const actualOf = (code: string): number => {
      let value: unknown;
      sheet!.eachRow((row) => {
        if (row.getCell(1).value === code) value = row.getCell(5).value;
      });
      expect(typeof value, `${code}'s actual in the workbook`).toBe("number");
      return value as number;
    };

    // The page the report links to: the same region, year and as-of day.
    await back.click();
    await expect(a).toHaveURL(new RegExp(`/statistics\\?.*asOf=${today}`));
    const page = await readFigures(a);
    expect(page).toEqual(after);
    expect(actualOf("new_jobs")).toBe(page.newJobs);
    expect(actualOf("graduate_employment_rate")).toBeCloseTo(page.graduatesEmployed / page.graduates, 10);
    expect(percent(actualOf("graduate_employment_rate"))).toBe(page.graduateRate);

    for (const ctx of [admin.context, counselor.context]) await ctx.close();
    expect(errors, "console errors in the other pages").toEqual([]);
  });
});
