import type { Browser, Page } from "@playwright/test";
import { usccCheckCharacter } from "../../app/domain/identity";
import { DEMO, expect, expectAccessible, expectAccessibleWithoutScripts, signIn, test } from "./fixtures";
import { headerMenu } from "./steps";

/*
 * Employers' organizations: registration with USCC checks, verification by an admin from the queue, inviting a
 * recruiter and removing them. Every test registers new employer accounts of its own (other specs may register an
 * organization for the demo employer).
 */

const PASSWORD = "Employer-2026-ok";
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

let counter = 0;
/** A valid mobile number no other spec uses: its own prefix, the time and a counter. */
function phone(prefix: "135" | "136" | "137"): string {
  counter += 1;
  return `${prefix}${String(Date.now() + counter).slice(-8)}`;
}

/** The first 17 characters of a random 统一社会信用代码 in 南明区; the 18th is the check character. */
function usccBody(): string {
  let body = "91520102";
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  return body;
}

function withWrongCheck(body: string): string {
  const right = usccCheckCharacter(body)!;
  return body + (right === "0" ? "1" : "0");
}

async function registerEmployer(page: Page, mobile: string) {
  await page.goto("/register");
  await page.getByLabel("用人单位招聘人员").check();
  await page.getByLabel(/^手机号/).fill(mobile);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

async function fillOrganization(page: Page, values: { name: string; uscc: string; contactPhone: string }) {
  await page.getByLabel(/^单位名称/).fill(values.name);
  await page.getByLabel(/^统一社会信用代码/).fill(values.uscc);
  await page.getByRole("radio", { name: "企业", exact: true }).check();
  await page.getByLabel(/^所在区县/).selectOption({ label: "南明区" });
  await page.getByLabel(/^详细地址/).fill("南明区花果园大街 8 号 12 楼");
  await page.getByLabel(/^所属行业/).selectOption({ label: "信息传输、软件和信息技术服务业" });
  await page.getByLabel(/^在职职工人数/).fill("85");
  await page.getByLabel(/^联系人姓名/).fill("陈经理");
  await page.getByLabel(/^联系电话/).fill(values.contactPhone);
}

/** A second browser for another person, failing the test on console errors as the main page does. */
async function otherBrowser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

test.describe("organizations", () => {
  test("an employer registers an organization, an admin verifies it, a recruiter joins and is removed", async ({ page, browser, baseURL }) => {
    // A long journey through three people's browsers, with axe on every page.
    test.setTimeout(240_000);
    const ownerPhone = phone("135");
    const recruiterPhone = phone("136");
    const name = `黔程测试科技有限公司${Date.now().toString(36)}`;
    const body = usccBody();

    // A new employer has no organization yet and is offered registration.
    await registerEmployer(page, ownerPhone);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的单位" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的单位");
    await expect(page.getByText("您还没有登记用人单位")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "登记用人单位" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登记用人单位");
    await expectAccessible(page);

    // Nothing filled in: every problem in a focused summary.
    await page.getByRole("button", { name: "提交审核" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("请填写统一社会信用代码");
    await expect(summary).toContainText("请选择单位类型");
    await expect(summary).toContainText("请填写联系电话或联系邮箱");
    await expectAccessible(page);

    // A code with a wrong check character gets its own message, at the field and in the summary.
    await fillOrganization(page, { name, uscc: withWrongCheck(body), contactPhone: ownerPhone });
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.locator("#organization-uscc-error")).toContainText("校验码");
    await expect(page.getByLabel(/^统一社会信用代码/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert")).toContainText("最后一位（校验码）与前 17 位不符");
    await expectAccessible(page);

    await page.getByLabel(/^统一社会信用代码/).fill(body + usccCheckCharacter(body));
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page).toHaveURL(/\/employer\?done=registered$/);
    await expect(page.getByRole("status")).toHaveText("单位信息已提交，请等待残联审核。");
    await expect(page.getByRole("heading", { name: "审核状态：审核中" })).toBeVisible();
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();

    // The admin finds it in the queue and verifies it.
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "单位审核" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("单位审核");
    await expectAccessible(page);
    await page.getByLabel(/^审核状态/).selectOption("pending");
    await page.getByLabel(/^单位名称或统一社会信用代码/).fill(name);
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/status=pending/);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("审核中");
    await expect(row).toContainText(body + usccCheckCharacter(body));
    await expectAccessible(page);
    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText(body + usccCheckCharacter(body))).toBeVisible();
    await expectAccessible(page);
    // Rejecting needs a reason.
    await page.getByRole("button", { name: "不予通过", exact: true }).click();
    await expect(page.locator("#reject-reason-error")).toContainText("请填写未通过的原因");
    await expectAccessible(page);
    await page.getByRole("button", { name: "通过审核", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(`已通过“${name}”的审核，并已通知单位。`);
    await expect(page.getByText("这家单位已经审核过了")).toBeVisible();
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();

    // The employer sees it verified.
    await signIn(page, ownerPhone, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/employer");
    await expect(page.getByRole("heading", { name: "审核状态：已通过" })).toBeVisible();
    await expect(page.getByText("您在单位中的身份：负责人")).toBeVisible();
    await expectAccessible(page);

    // The owner invites a recruiter by phone and passes the link on.
    await page.getByRole("link", { name: "成员管理（1 人）" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("成员管理");
    await expect(page.getByText("没有待接受的邀请。")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(/^手机号/).fill(recruiterPhone);
    await page.getByRole("button", { name: "生成邀请链接" }).click();
    await expect(page.getByRole("status")).toContainText("邀请链接已生成");
    const link = await page.getByLabel("邀请链接").inputValue();
    expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/);
    await expect(page.getByRole("table", { name: "待接受的邀请" })).toContainText(recruiterPhone);
    await expectAccessible(page);

    // The recruiter opens the link in their own browser: not signed in, they are asked to sign in or register.
    const recruiter = await otherBrowser(browser, baseURL);
    try {
      const r = recruiter.page;
      await r.goto(link);
      await expect(r.getByRole("heading", { level: 1 })).toHaveText("加入用人单位");
      await expect(r.getByText(`“${name}”邀请您加入`)).toBeVisible();
      await expect(r.getByText(`${recruiterPhone.slice(0, 3)}****${recruiterPhone.slice(-4)}`).first()).toBeVisible();
      await expectAccessible(r);
      await expect(r.getByRole("link", { name: "登录后接受邀请" })).toHaveAttribute("href", /\/login\?redirectTo=%2Finvitations%2F/);
      await r.getByRole("link", { name: "注册账户" }).click();
      await expect(r).toHaveURL(/\/register$/);
      await registerEmployer(r, recruiterPhone);
      await r.goto(link);
      await expectAccessible(r);
      await r.getByRole("button", { name: "接受邀请" }).click();
      await expect(r).toHaveURL(/\/employer\?done=joined$/);
      await expect(r.getByRole("status")).toHaveText("您已加入这家单位，成为招聘人员。");
      await expect(r.getByText("您在单位中的身份：招聘人员")).toBeVisible();
      await expect(r.getByRole("heading", { name: "审核状态：已通过" })).toBeVisible();
      await expectAccessible(r);

      // The owner sees the new member and removes them; the recruiter's sessions end.
      await page.goto("/employer/members");
      const member = page.getByRole("row", { name: new RegExp(recruiterPhone) });
      await expect(member).toContainText("招聘人员");
      await expect(page.getByText("没有待接受的邀请。")).toBeVisible();
      await expect(page.getByText("您是单位唯一的负责人，不能移除自己。")).toBeVisible();
      await expectAccessible(page);
      await member.getByRole("button", { name: `移除成员：${recruiterPhone}` }).click();
      await expect(page.getByRole("status")).toHaveText("已移除成员。对方在所有设备上的登录都已退出。");
      await expect(page.getByRole("row", { name: new RegExp(recruiterPhone) })).toHaveCount(0);
      await expectAccessible(page);

      await r.goto("/employer");
      await expect(r).toHaveURL(/\/login\?redirectTo=%2Femployer/);
      // The link was used once and cannot be used again.
      const again = await r.goto(link);
      expect(again?.status()).toBe(410);
      await expect(r.getByText("这份邀请已经被接受过了")).toBeVisible();
      await expectAccessible(r);
      expect(recruiter.errors, "console errors in the recruiter's browser").toEqual([]);
    } finally {
      await recruiter.context.close();
    }
  });

  test("an unknown invitation link says so", async ({ page }) => {
    const response = await page.goto(`/invitations/${"a".repeat(32)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("这个邀请链接无效")).toBeVisible();
    await expectAccessible(page);
  });

  test("the queue is for admins: an employer gets 404", async ({ page }) => {
    await registerEmployer(page, phone("137"));
    const response = await page.goto("/admin/organizations");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
  });
});

test.describe("organizations without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("registering an organization and verifying it work with form posts alone", async ({ page }) => {
    test.setTimeout(180_000);
    const ownerPhone = phone("137");
    const name = `无脚本测试单位${Date.now().toString(36)}`;
    const body = usccBody();
    await registerEmployer(page, ownerPhone);
    await page.goto("/employer/register");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登记用人单位");
    await expectAccessibleWithoutScripts(page);

    // The server checks the USCC: first its shape, then its check character, each with its own message.
    await fillOrganization(page, { name, uscc: "91520102ABC", contactPhone: ownerPhone });
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.locator("#organization-uscc-error")).toContainText("统一社会信用代码应为 18 位");
    await expect(page.getByRole("alert")).toContainText("统一社会信用代码应为 18 位");
    await expect(page.getByLabel(/^单位名称/)).toHaveValue(name);
    await expect(page.getByLabel(/^所在区县/)).toHaveValue("520102");
    await expect(page.getByRole("radio", { name: "企业", exact: true })).toBeChecked();
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel(/^统一社会信用代码/).fill(withWrongCheck(body));
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.locator("#organization-uscc-error")).toContainText("最后一位（校验码）与前 17 位不符");
    await expectAccessibleWithoutScripts(page);

    await page.getByLabel(/^统一社会信用代码/).fill(body + usccCheckCharacter(body));
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page).toHaveURL(/\/employer\?done=registered$/);
    await expect(page.getByRole("status")).toHaveText("单位信息已提交，请等待残联审核。");
    await expect(page.getByRole("heading", { name: "审核状态：审核中" })).toBeVisible();
    await expectAccessibleWithoutScripts(page);

    // The admin, also without scripts, finds it, is asked for a reason to reject, then verifies it.
    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/admin/organizations");
    await page.getByLabel(/^单位名称或统一社会信用代码/).fill(name);
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await page.getByRole("row", { name: new RegExp(name) }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page.getByRole("button", { name: "不予通过", exact: true }).click();
    await expect(page.locator("#reject-reason-error")).toContainText("请填写未通过的原因");
    await expectAccessibleWithoutScripts(page);
    await page.getByRole("button", { name: "通过审核", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(`已通过“${name}”的审核，并已通知单位。`);
    await expectAccessibleWithoutScripts(page);
  });
});
