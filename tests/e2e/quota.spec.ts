import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";

/*
 * Quota (issue 5): the federation sets a rule parameter; the demo employer (贵阳黔程示范科技有限公司, with hires in the
 * demo data) enters its staff count and average salary and sees its live position and the saving per extra hire —
 * once with JavaScript and once without.
 */

/** Pages opened outside the `page` fixture get the same console-error watch. */
function watchErrors(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
}

test("an admin sets the local social average wage for a year", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/admin/rule-parameters");
  await expect(page.getByRole("heading", { level: 1, name: "规则参数" })).toBeVisible();
  // The demo figures are listed, marked for the federation to check.
  const wages = page.getByRole("table", { name: "当地社会平均工资（年），按年度" });
  await expect(wages.getByRole("row", { name: /2025 年/ })).toContainText("¥95,000.00");
  await expect(wages.getByRole("row", { name: /2025 年/ })).toContainText("演示数据，请残联核实后修改");
  await expectAccessible(page);

  // A monthly figure typed as the annual wage is refused, with the error summary first.
  await page.getByLabel(/^参数/).selectOption({ label: "当地社会平均工资（年）" });
  await page.getByLabel(/^年度/).fill("2026");
  await page.getByLabel(/^数值/).fill("8000");
  await page.getByRole("button", { name: "保存参数" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("当地社会平均工资是年工资");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel(/^数值/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel(/^数值/).fill("98,000");
  await page.getByLabel(/^备注/).fill("2026 年统计公报（测试）");
  await page.getByRole("button", { name: "保存参数" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存：2026 年当地社会平均工资（年）为 ¥98,000.00。");
  await expect(wages.getByRole("row", { name: /2026 年/ })).toContainText("2026 年统计公报（测试）");
  await expectAccessible(page);

  // Setting the same year again replaces the value.
  await page.getByLabel(/^参数/).selectOption({ label: "当地社会平均工资（年）" });
  await page.getByLabel(/^年度/).fill("2026");
  await page.getByLabel(/^数值/).fill("99000");
  await page.getByRole("button", { name: "保存参数" }).click();
  await expect(page.getByRole("status")).toHaveText("已修改：2026 年当地社会平均工资（年）现在为 ¥99,000.00。");
  await expect(wages.getByRole("row", { name: /2026 年/ })).toContainText("¥99,000.00");
});

test("other roles do not find the rule parameters page", async ({ page }) => {
  await signIn(page, DEMO.employer);
  await expect(page).toHaveURL(/\/dashboard/);
  const response = await page.goto("/admin/rule-parameters");
  expect(response?.status()).toBe(404);
});

test("the demo employer enters staff and salary and sees its position and the saving per hire", async ({ page }) => {
  await signIn(page, DEMO.employer);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "按比例就业", exact: true }).click();
  await expect(page).toHaveURL(/\/employer\/quota$/);
  await expect(page.getByRole("heading", { level: 1, name: "按比例安排残疾人就业" })).toBeVisible();
  await expect(page.getByText("贵阳黔程示范科技有限公司")).toBeVisible();
  // The demo hires are listed with their weight and months.
  const table = page.getByRole("table", { name: /计入的残疾职工/ });
  await expect(table).toContainText("平台录用");
  await expect(page.getByRole("link", { name: /残疾人就业保障金计算器/ })).toHaveAttribute("href", "/levy");
  await expect(page.getByRole("link", { name: /年度申报/ })).toHaveAttribute("href", "/employer/quota/declarations");
  await expectAccessible(page);

  // A bad figure: the error summary first, focused, the field marked.
  await page.getByLabel(/^在职职工人数/).fill("八十六");
  await page.getByLabel(/^在职职工年平均工资/).fill("96000");
  await page.getByRole("button", { name: "保存并计算" }).click();
  await expect(page.getByRole("alert")).toContainText("在职职工人数应为大于 0 的数字");
  await expect(page.getByRole("alert")).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel(/^在职职工人数/).fill("86");
  await page.getByRole("button", { name: "保存并计算" }).click();
  await expect(page.getByRole("status")).toContainText("已保存职工人数和平均工资");
  const position = page.getByRole("region", { name: /年情况/ });
  // 86 × 1.5% = 1.29, not rounded.
  await expect(position.getByRole("definition").filter({ hasText: /^1\.29$/ })).toBeVisible();
  await expect(position.getByRole("listitem").filter({ hasText: "应安排残疾人数 = 在职职工人数 86 × 安排比例 1.5%" })).toBeVisible();
  await expect(page.getByLabel(/^在职职工人数/)).toHaveValue("86");
  const saving = page.getByRole("region", { name: "多安排一名残疾职工可以少缴多少" });
  await expect(saving).toContainText(/可少缴 ¥[\d,]+\.\d\d|应缴保障金为 0/);
  await expectAccessible(page);

  // An employee not hired on the platform, added by hand and removed again.
  await page.getByRole("group", { name: "证件类型" }).getByLabel("残疾军人证").check();
  await page.getByLabel(/^残疾等级/).selectOption({ label: "3 级" });
  await page.getByLabel(/^合同开始日期/).fill("2025-01-01");
  await page.getByLabel(/^备注/).fill("工号 A013");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已添加这名残疾职工。");
  const added = table.getByRole("row").filter({ hasText: "工号 A013" });
  await expect(added).toContainText("自行填写");
  await expect(added).toContainText("按 2 人计算");
  await expectAccessible(page);
  await added.getByRole("button", { name: /^删除/ }).click();
  await expect(page.getByRole("status")).toHaveText("已删除这名残疾职工。");
  await expect(table.getByRole("row").filter({ hasText: "工号 A013" })).toHaveCount(0);
});

test("the quota page works without JavaScript", async ({ browser }) => {
  const errors: string[] = [];
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", javaScriptEnabled: false });
  const page = await context.newPage();
  watchErrors(page, errors);
  try {
    await signIn(page, DEMO.employer);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/employer/quota");
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel(/^在职职工人数/).fill("");
    await page.getByRole("button", { name: "保存并计算" }).click();
    await expect(page.getByRole("alert")).toContainText("请填写在职职工人数");
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel(/^在职职工人数/).fill("120.5");
    await page.getByLabel(/^在职职工年平均工资/).fill("88,000");
    await page.getByRole("button", { name: "保存并计算" }).click();
    await expect(page.getByRole("status")).toContainText("已保存职工人数和平均工资");
    const position = page.getByRole("region", { name: /年情况/ });
    // 120.5 × 1.5% = 1.8075.
    await expect(position.getByRole("definition").filter({ hasText: /^1\.8075$/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "多安排一名残疾职工可以少缴多少" })).toContainText(/可少缴 ¥[\d,]+\.\d\d|应缴保障金为 0/);
    await expectAccessibleWithoutScripts(page);

    // The declared-employee form validates on the server too.
    await page.getByLabel(/^合同开始日期/).fill("2026-01-01");
    await page.getByLabel(/^合同结束日期/).fill("2026-06-30");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("请选择证件类型");
    await expect(alert).toContainText("合同期限不满 1 年的不计入");
    await expectAccessibleWithoutScripts(page);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});
