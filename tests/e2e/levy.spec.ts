import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, expectAccessibleWithoutScripts, test } from "./fixtures";
import { headerMenu } from "./steps";

/*
 * The public levy calculator (/levy) and POST /api/levy/estimate (issue 5). The figures are worked by hand from
 * shared/docs/quota-rules.md §4 (and agree with the engine's unit tests):
 *
 *   levy year 2025, an enterprise, 201 staff, average salary 80000, local average 90000, one grade-2 disabled
 *   employee for 12 months → counted 2 × 12/12 = 2; required 201 × 1.5% = 3.015 (not rounded); shortfall 1.015;
 *   basis 80000 (not above 2 × 90000); full levy 1.015 × 80000 = 81200.00; 2 × 100 = 200 < 201, so below 1% →
 *   90% → payable 73080.00.
 *   One more full-year grade-3 hire: staff 202, counted 3, required 3.03, shortfall 0.03, full 2400, 300 ≥ 202 →
 *   50% → 1200.00, a saving of 71880.00; two more: counted 4 ≥ 3.045, quota met, a saving of 73080.00.
 */

const CASE = {
  levyYear: 2025,
  employerType: "enterprise",
  staffCount: 201,
  averageSalary: 80000,
  localAverageSalary: 90000,
  disabledEmployees: [{ kind: "disabled", grade: 2, monthsEmployed: 12 }],
};

/** Pages opened outside the `page` fixture get the same console-error watch. */
function watchErrors(page: Page, errors: string[]) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
}

async function pageWithoutScripts(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", javaScriptEnabled: false });
  const page = await context.newPage();
  watchErrors(page, errors);
  return { context, page };
}

const row = (page: Page, n: number) => page.getByRole("group", { name: `残疾职工 ${n}`, exact: true });

/** Fills the calculator with CASE, the staff count as given. */
async function fillCase(page: Page, staffCount = "201") {
  await page.getByLabel("征收年度", { exact: true }).fill("2025");
  await page.getByLabel("企业", { exact: true }).check();
  await page.getByLabel("在职职工人数", { exact: true }).fill(staffCount);
  await page.getByLabel("本单位在职职工年平均工资（元）", { exact: true }).fill("80000");
  await page.getByLabel("当地社会平均工资（元/年）", { exact: true }).fill("90000");
  await row(page, 1).getByLabel("证件").selectOption({ label: "残疾人证" });
  await row(page, 1).getByLabel("等级").selectOption({ label: "2 级" });
  await row(page, 1).getByLabel("工作月数（1—12）").fill("12");
}

test.describe("the levy calculator", () => {
  test("works without JavaScript: fill, calculate, read the payable and the steps; the address is the result", async ({ browser }) => {
    const errors: string[] = [];
    const { context, page } = await pageWithoutScripts(browser, errors);
    await page.goto("/levy");
    await expect(page).toHaveTitle("残疾人就业保障金计算器 - 黔程");
    // The current levy year (declared and paid this year, on last year's figures) is the default.
    const thisYear = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
    await expect(page.getByLabel("征收年度", { exact: true })).toHaveValue(thisYear);
    await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(5);
    await expect(page.getByRole("link", { name: "按比例就业公示" }).first()).toHaveAttribute("href", "/disclosures");
    await expectAccessibleWithoutScripts(page);

    await fillCase(page);
    await page.getByRole("button", { name: "计算保障金" }).click();
    await expect(page).toHaveURL(/staffCount=201/);

    const result = page.getByRole("region", { name: "计算结果" });
    await expect(result.locator("#levy-payable")).toHaveText("¥73,080.00");
    const figure = (label: string) => result.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect(figure("减免前应缴额")).toHaveText("¥81,200.00");
    await expect(figure("缴纳比例")).toHaveText("应缴额的 90%");
    await expect(figure("免缴原因")).toHaveText("无");
    await expect(figure("适用规则")).toHaveText("2023—2027 年延续分档减缴（财政部公告2023年第8号）");
    await expect(figure("应安排残疾人数")).toHaveText("3.015");
    await expect(figure("实际安排残疾人数")).toHaveText("2");
    await expect(figure("差额人数")).toHaveText("1.015");

    const steps = result.locator("ol > li");
    await expect(steps).toHaveCount(9);
    await expect(steps.nth(1)).toHaveText(
      "应安排残疾人数 = 在职职工人数 201 × 安排比例 1.5%（贵州省比例） = 3.015 人（以公式结果为准，不取整）。"
    );
    await expect(steps.nth(3)).toHaveText("差额人数 = 应安排 3.015 − 实际安排 2 = 1.015 人（可以不是整数）。");
    await expect(steps.nth(8)).toHaveText("应缴保障金 = ¥81200.00 × 90% = ¥73080.00（全程按精确分数计算，只在最后一步四舍五入到分）。");
    await expect(result.locator("ul > li")).toHaveText([
      "再安排 1 名残疾人就业可节省 ¥71,880.00",
      "再安排 2 名残疾人就业可节省 ¥73,080.00",
      "再安排 3 名残疾人就业可节省 ¥73,080.00",
    ]);

    // The form still holds what was entered.
    await expect(page.getByLabel("在职职工人数", { exact: true })).toHaveValue("201");
    await expect(page.getByLabel("企业", { exact: true })).toBeChecked();
    await expect(row(page, 1).getByLabel("等级")).toHaveValue("2");
    await expectAccessibleWithoutScripts(page);

    // Bookmarkable: the same address gives the same result.
    const again = await context.newPage();
    watchErrors(again, errors);
    await again.goto(page.url());
    await expect(again.locator("#levy-payable")).toHaveText("¥73,080.00");
    await context.close();
    expect(errors).toEqual([]);
  });

  test("an invalid staff count shows its error with the field contract and keeps every other value", async ({ browser }) => {
    const errors: string[] = [];
    const { context, page } = await pageWithoutScripts(browser, errors);
    await page.goto("/levy");
    await fillCase(page, "两百");
    // And a disability certificate of grade 6 in the second row (they go up to 4).
    await row(page, 2).getByLabel("证件").selectOption({ label: "残疾人证" });
    await row(page, 2).getByLabel("等级").selectOption({ label: "6 级" });
    await page.getByRole("button", { name: "计算保障金" }).click();

    await expect(page).toHaveTitle(/^错误：残疾人就业保障金计算器/);
    await expect(page.getByRole("region", { name: "计算结果" })).toHaveCount(0);
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("heading")).toHaveText("提交的信息有问题，请修改后再提交");
    const staffMessage = "请填写在职职工人数：0 到 10000000 之间的数字，可以有小数";
    await expect(summary.getByRole("link")).toHaveText([staffMessage, "残疾职工 2：残疾人证的等级应为 1 到 4 级"]);
    await expect(summary.getByRole("link", { name: staffMessage })).toHaveAttribute("href", "#levy-staffCount");

    const staff = page.getByLabel("在职职工人数", { exact: true });
    await expect(staff).toHaveValue("两百");
    await expect(staff).toHaveAttribute("aria-invalid", "true");
    await expect(staff).toHaveAttribute("aria-describedby", "levy-staffCount-hint levy-staffCount-error");
    await expect(page.locator("#levy-staffCount-error")).toHaveText(`错误：${staffMessage}`);
    await expect(row(page, 2).getByLabel("等级")).toHaveAttribute("aria-invalid", "true");

    // Nothing typed is lost.
    await expect(page.getByLabel("征收年度", { exact: true })).toHaveValue("2025");
    await expect(page.getByLabel("企业", { exact: true })).toBeChecked();
    await expect(page.getByLabel("本单位在职职工年平均工资（元）", { exact: true })).toHaveValue("80000");
    await expect(page.getByLabel("当地社会平均工资（元/年）", { exact: true })).toHaveValue("90000");
    await expect(row(page, 1).getByLabel("证件")).toHaveValue("disabled");
    await expect(row(page, 1).getByLabel("等级")).toHaveValue("2");
    await expect(row(page, 1).getByLabel("工作月数（1—12）")).toHaveValue("12");
    await expect(row(page, 2).getByLabel("等级")).toHaveValue("6");
    await expectAccessibleWithoutScripts(page);

    // Corrected, it calculates.
    await page.getByLabel("在职职工人数", { exact: true }).fill("201");
    await row(page, 2).getByLabel("证件").selectOption({ label: "请选择" });
    await row(page, 2).getByLabel("等级").selectOption({ label: "请选择" });
    await page.getByRole("button", { name: "计算保障金" }).click();
    await expect(page.locator("#levy-payable")).toHaveText("¥73,080.00");
    await context.close();
    expect(errors).toEqual([]);
  });

  test("more rows for disabled employees, without JavaScript, keep what was entered", async ({ browser }) => {
    const errors: string[] = [];
    const { context, page } = await pageWithoutScripts(browser, errors);
    await page.goto("/levy");
    await page.getByLabel("在职职工人数", { exact: true }).fill("201");
    await row(page, 5).getByLabel("证件").selectOption({ label: "残疾军人证" });
    await row(page, 5).getByLabel("等级").selectOption({ label: "3 级" });
    await row(page, 5).getByLabel("工作月数（1—12）").fill("6");
    await page.getByRole("button", { name: "再加 5 位残疾职工" }).click();

    await expect(page).toHaveURL(/[?&]rows=10(&|#|$)/);
    // The new page opens at the first row added.
    expect(new URL(page.url()).hash).toBe("#levy-row-6");
    await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(10);
    // Not a calculation yet, so no errors for the fields still empty.
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByLabel("在职职工人数", { exact: true })).toHaveValue("201");
    await expect(row(page, 5).getByLabel("证件")).toHaveValue("veteran");
    await expect(row(page, 5).getByLabel("等级")).toHaveValue("3");
    await expect(row(page, 5).getByLabel("工作月数（1—12）")).toHaveValue("6");
    await expectAccessibleWithoutScripts(page);

    // A veteran of grade 3 counts double: 2 × 6/12 = 1 in row 9 and row 5 → 2.
    await row(page, 9).getByLabel("证件").selectOption({ label: "残疾军人证" });
    await row(page, 9).getByLabel("等级").selectOption({ label: "3 级" });
    await row(page, 9).getByLabel("工作月数（1—12）").fill("6");
    await page.getByLabel("征收年度", { exact: true }).fill("2025");
    await page.getByLabel("企业", { exact: true }).check();
    await page.getByLabel("本单位在职职工年平均工资（元）", { exact: true }).fill("80000");
    await page.getByLabel("当地社会平均工资（元/年）", { exact: true }).fill("90000");
    await page.getByRole("button", { name: "计算保障金" }).click();
    await expect(page.locator("#levy-payable")).toHaveText("¥73,080.00");
    // The rows shown are those up to the last one filled in (at least five).
    await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(9);
    await context.close();
    expect(errors).toEqual([]);
  });

  test("with JavaScript, more rows keep the values and the keyboard continues at the first new row", async ({ page }) => {
    await page.goto("/levy");
    await page.getByLabel("在职职工人数", { exact: true }).fill("88");
    await page.getByRole("button", { name: "再加 5 位残疾职工" }).click();
    await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(10);
    await expect(row(page, 6).getByLabel("证件")).toBeFocused();
    await expect(page.getByLabel("在职职工人数", { exact: true })).toHaveValue("88");
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an address with more rows than the page offers is refused with one error, quickly", async ({ page }) => {
    const address = (row: number) =>
      `/levy?levyYear=2025&employerType=enterprise&staffCount=201&averageSalary=80000&localAverageSalary=90000&${encodeURIComponent(
        `employees[${row}].kind`
      )}=disabled`;
    // Far beyond any list the site has: refused at the edge before the page parses it (issue 12).
    const huge = await page.goto(address(99999999));
    expect(huge?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交的列表太长");
    // Beyond the page's 50 rows but a plausible list: the page says how many it takes.
    await page.goto(address(60));
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link")).toHaveText(["最多可填 50 位残疾职工"]);
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#levy-employees");
    await expect(page.getByRole("group", { name: /^残疾职工 \d+$/ })).toHaveCount(5);
    await expectAccessible(page);
  });

  test("an exempt small enterprise: the full levy before relief, nothing payable, and nothing to save", async ({ page }) => {
    await page.goto("/levy?levyYear=2026&employerType=enterprise&staffCount=30&averageSalary=60000&localAverageSalary=70000");
    const result = page.getByRole("region", { name: "计算结果" });
    await expect(result.locator("#levy-payable")).toHaveText("¥0.00");
    const figure = (label: string) => result.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect(figure("减免前应缴额")).toHaveText("¥27,000.00");
    await expect(figure("缴纳比例")).toHaveText("不适用（无需缴纳）");
    await expect(figure("免缴原因")).toHaveText("在职职工 30 人（含）以下的企业免征");
    await expect(result).toContainText("目前无需缴纳保障金，再安排残疾人就业不会减少应缴金额。");
    await expectAccessible(page);
  });

  test("with JavaScript, in Chinese and English, axe finds nothing on the form, the result and the errors", async ({ page }) => {
    await page.goto("/levy");
    await expectAccessible(page);
    await fillCase(page);
    await page.getByRole("button", { name: "计算保障金" }).click();
    await expect(page.locator("#levy-payable")).toHaveText("¥73,080.00");
    await expect(page.getByRole("status").filter({ hasText: "计算完成" })).toHaveText("计算完成：应缴保障金 ¥73,080.00");
    await expectAccessible(page);

    await page.getByLabel("在职职工人数", { exact: true }).fill("-5");
    await page.getByRole("button", { name: "计算保障金" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText(["请填写在职职工人数：0 到 10000000 之间的数字，可以有小数"]);
    await expect(page.getByLabel("本单位在职职工年平均工资（元）", { exact: true })).toHaveValue("80000");
    await expectAccessible(page);

    // English: the same figures, the steps in English.
    await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(
      `/levy?${new URLSearchParams({
        levyYear: "2025",
        employerType: "enterprise",
        staffCount: "201",
        averageSalary: "80000",
        localAverageSalary: "90000",
        "employees[0].kind": "disabled",
        "employees[0].grade": "2",
      })}`
    );
    await expect(page).toHaveTitle("Disability employment levy calculator - Qiancheng");
    const result = page.getByRole("region", { name: "Result" });
    await expect(result.locator("#levy-payable")).toHaveText("¥73,080.00");
    await expect(result.locator("ol > li").nth(8)).toHaveText(
      "Levy payable = ¥81200.00 × 90% = ¥73080.00 (exact fractions throughout, rounded half-up to the fen once, at the end)."
    );
    await expect(result.locator("ul > li").first()).toHaveText("Employing 1 more disabled person saves ¥71,880.00");
    await expect(page.getByRole("link", { name: "the quota employment disclosures" })).toHaveAttribute("href", "/disclosures");
    await expectAccessible(page);
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel("Number of staff", { exact: true }).fill("");
    await page.getByRole("button", { name: "Calculate the levy" }).click();
    await expect(page.getByRole("alert").getByRole("link")).toHaveText([
      "Enter the number of staff: a number from 0 to 10000000, decimals allowed",
    ]);
    await expectAccessible(page);
  });
});

test.describe("POST /api/levy/estimate", () => {
  test("answers the figures of the hand-worked case exactly", async ({ request, baseURL }) => {
    const response = await request.post("/api/levy/estimate", { data: CASE, headers: { Origin: baseURL! } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      levyYear: 2025,
      employerType: "enterprise",
      requiredCount: 3.015,
      countedDisabled: 2,
      shortfall: 1.015,
      salaryBasis: 80000,
      salaryCapApplied: false,
      fullLevy: 81200,
      tierFactor: 0.9,
      payable: 73080,
      exemptReason: null,
      ruleSet: { id: "cn-2023-tiers", fromYear: 2023, toYear: 2027, noLaterRuleKnown: false },
    });
    expect(body.ruleSet.name.zh).toBe("2023—2027 年延续分档减缴（财政部公告2023年第8号）");
    expect(body.explanation).toHaveLength(9);
    expect(body.explanation[8]).toEqual({
      zh: "应缴保障金 = ¥81200.00 × 90% = ¥73080.00（全程按精确分数计算，只在最后一步四舍五入到分）。",
      en: "Levy payable = ¥81200.00 × 90% = ¥73080.00 (exact fractions throughout, rounded half-up to the fen once, at the end).",
    });
  });

  test("the boundaries: exactly 1% pays half, exactly over 2× is capped, an exempt enterprise still shows its full levy", async ({
    request,
    baseURL,
  }) => {
    const post = async (data: object) => {
      const response = await request.post("/api/levy/estimate", { data, headers: { Origin: baseURL! } });
      expect(response.status()).toBe(200);
      return response.json();
    };
    // 2021, a public institution of 200 with one grade-1 employee: counted 2, 2 × 100 = 200 ≥ 200 → 50%; required 3,
    // shortfall 1; the average 80000 is above 2 × 30000, so the basis is 60000 → 60000 × 50% = 30000.00.
    expect(
      await post({
        levyYear: 2021,
        employerType: "public_institution",
        staffCount: "200",
        averageSalary: 80000,
        localAverageSalary: 30000,
        ratio: 0.015,
        disabledEmployees: [{ kind: "disabled", grade: 1, monthsEmployed: 12 }],
      })
    ).toMatchObject({
      requiredCount: 3,
      countedDisabled: 2,
      shortfall: 1,
      salaryBasis: 60000,
      salaryCapApplied: true,
      fullLevy: 60000,
      tierFactor: 0.5,
      payable: 30000,
      exemptReason: null,
      ruleSet: { id: "cn-2020-tiers" },
    });
    // 2026, an enterprise of 30 with no disabled staff: required 0.45; full levy 0.45 × 60000 = 27000.00, exempt.
    expect(
      await post({ levyYear: 2026, employerType: "enterprise", staffCount: 30, averageSalary: 60000, localAverageSalary: 70000 })
    ).toMatchObject({
      requiredCount: 0.45,
      shortfall: 0.45,
      fullLevy: 27000,
      tierFactor: null,
      payable: 0,
      exemptReason: "enterprise_staff_le_30",
    });
    // 2019 had no tiers: the same 201-staff enterprise pays the full 81200.00.
    expect(await post({ ...CASE, levyYear: 2019 })).toMatchObject({
      fullLevy: 81200,
      tierFactor: 1,
      payable: 81200,
      ruleSet: { id: "cn-2018-cap-2x" },
    });
  });

  test("bad input answers 400 with a message per field", async ({ request, baseURL }) => {
    const headers = { Origin: baseURL! };
    const invalid = await request.post("/api/levy/estimate", {
      headers,
      data: {
        ...CASE,
        staffCount: "two hundred",
        disabledEmployees: [
          { kind: "disabled", grade: 2, monthsEmployed: 12 },
          { kind: "disabled", grade: 5, monthsEmployed: 13 },
        ],
        quotaRatio: 0.02,
      },
    });
    expect(invalid.status()).toBe(400);
    expect(invalid.headers()["content-language"]).toBe("zh-CN");
    expect(await invalid.json()).toEqual({
      error: "invalid_input",
      fields: {
        quotaRatio: "无法识别的字段",
        staffCount: "请填写在职职工人数：0 到 10000000 之间的数字，可以有小数",
        "disabledEmployees.1.grade": "残疾人证的等级应为 1 到 4 级",
        "disabledEmployees.1.monthsEmployed": "工作月数应为 1 到 12 之间的整数",
      },
    });

    // Missing fields, in English when the client prefers it.
    const missing = await request.post("/api/levy/estimate", {
      headers: { ...headers, "Accept-Language": "en-GB,en;q=0.9,zh;q=0.5" },
      data: { levyYear: 1999, employerType: "company" },
    });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({
      error: "invalid_input",
      fields: {
        levyYear: "Enter the levy year: a year from 2015 to 2100",
        employerType: "Choose the type of employer",
        staffCount: "Enter the number of staff: a number from 0 to 10000000, decimals allowed",
        averageSalary: "Enter your staff's average annual salary: a number from 0 to 100000000 yuan",
        localAverageSalary: "Enter the local social average wage: a number from 0 to 100000000 yuan",
      },
    });

    for (const body of ["{not json", "[1, 2]", "null"]) {
      const response = await request.post("/api/levy/estimate", {
        headers: { ...headers, "Content-Type": "application/json" },
        data: body,
      });
      expect(response.status(), body).toBe(400);
      expect((await response.json()).error, body).toBe("invalid_json");
    }
  });

  test("GET is 405; a program or another site may POST (no cookie is read, nothing changes)", async ({ request, baseURL }) => {
    const get = await request.get("/api/levy/estimate");
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
    expect(await get.json()).toEqual({ error: "method_not_allowed" });
    const put = await request.put("/api/levy/estimate", { data: CASE, headers: { Origin: baseURL! } });
    expect(put.status()).toBe(405);
    // Exempt from the server's cross-site check (server.ts, docs/api.md): stateless and cookie-free.
    const foreign = await request.post("/api/levy/estimate", { data: CASE, headers: { Origin: "https://elsewhere.example" } });
    expect(foreign.status()).toBe(200);
    const bare = await request.post("/api/levy/estimate", { data: CASE });
    expect(bare.status()).toBe(200);
    // Everything else still refuses another site's POST.
    const login = await request.post("/login", { form: { identifier: "x", password: "y" }, headers: { Origin: "https://elsewhere.example" } });
    expect(login.status()).toBe(403);
  });
});
