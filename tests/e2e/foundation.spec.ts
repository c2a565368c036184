import { DEMO, DEMO_PASSWORD, expect, expectAccessible, expectAccessibleWithoutScripts, freshPhone, signIn, test } from "./fixtures";
import { headerMenu, mainNav } from "./steps";

test.describe("shell", () => {
  test("the home page is Chinese first, with landmarks and a skip link", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page).toHaveTitle(/黔程/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("残疾人就业，从这里出发");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expectAccessible(page);
  });

  test("the language switch is remembered and sets lang", async ({ page }) => {
    await page.goto("/register");
    await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");
    await expectAccessible(page);
    for (const path of ["/", "/login", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expectAccessible(page);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await (await headerMenu(page)).getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
    await expectAccessible(page);
  });

  test("display modes: large text and high contrast, remembered across pages", async ({ page }) => {
    await page.goto("/");
    const html = page.locator("html");
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    await (await headerMenu(page)).getByRole("button", { name: "大字模式" }).click();
    await expect(html).toHaveClass(/large-text/);
    await expect((await headerMenu(page)).getByRole("button", { name: "大字模式" })).toHaveAttribute("aria-pressed", "true");
    expect(await fontSize()).toBeGreaterThan(normal * 1.2);
    await (await headerMenu(page)).getByRole("button", { name: "高对比度" }).click();
    await expect(html).toHaveClass(/high-contrast/);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(0, 0, 0)");
    await page.goto("/login");
    await expect(html).toHaveClass(/large-text/);
    await expect(html).toHaveClass(/high-contrast/);
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "大字模式" }).click();
    await (await headerMenu(page)).getByRole("button", { name: "高对比度" }).click();
    await expect(html).not.toHaveClass(/large-text|high-contrast/);
  });

  test("unknown addresses get a localized 404", async ({ page }) => {
    const response = await page.goto("/nothing/here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
    await expect(page).toHaveTitle(/找不到这个页面/);
    await expectAccessible(page);
  });

  test("healthz reports the database, and responses carry security headers", async ({ request }) => {
    const health = await request.get("/healthz");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { kind: "pglite", ok: true } });
    const home = await request.get("/");
    const headers = home.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBeTruthy();
  });

  test("a POST from another origin is refused", async ({ request }) => {
    const r = await request.post("/login", {
      headers: { Origin: "https://evil.example" },
      form: { identifier: DEMO.seeker, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(r.status()).toBe(403);
  });
});

test.describe("accounts", () => {
  test("a seeker registers, signs out and signs in again", async ({ page }) => {
    await page.goto("/register");
    await expectAccessible(page);
    // Nothing filled in: every problem at its field and in a focused summary.
    await page.getByRole("button", { name: "注册", exact: true }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("请选择您是求职者还是用人单位");
    await expect(summary).toContainText("请填写手机号或电子邮箱");
    await expect(page.locator("#register-role-group-error")).toContainText("请选择您是求职者还是用人单位");
    await expectAccessible(page);

    const phone = freshPhone();
    await page.getByLabel("求职者（残疾人、残疾人大中专毕业生）").check();
    await page.getByLabel(/^手机号/).fill(phone);
    await page.getByLabel(/^密码/).fill("Guizhou-2026-job");
    await page.getByLabel("再次输入密码").fill("Guizhou-2026-job");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("status")).toHaveText("账户已创建，欢迎使用黔程。");
    await expect(page.getByText("您的身份：求职者")).toBeVisible();
    await expectAccessible(page);

    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("status")).toHaveText("您已退出登录。");
    await expectAccessible(page);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);

    await page.getByLabel("手机号或电子邮箱").fill(phone);
    await page.getByLabel(/^密码/).fill("Guizhou-2026-job");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("您的身份：求职者")).toBeVisible();
  });

  test("registration refuses a common password and a taken phone, keeping what was typed", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("用人单位招聘人员").check();
    await page.getByLabel(/^手机号/).fill(DEMO.seeker);
    await page.getByLabel(/^电子邮箱/).fill("someone@example.com");
    await page.getByLabel(/^密码/).fill("password123");
    await page.getByLabel("再次输入密码").fill("password123");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("这个密码太常见");
    await expect(page.locator("#register-password-error")).toContainText("这个密码太常见");
    await expect(page.getByLabel(/^电子邮箱/)).toHaveValue("someone@example.com");
    await expect(page.getByLabel("用人单位招聘人员")).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel(/^密码/).fill("Guizhou-2026-job");
    await page.getByLabel("再次输入密码").fill("Guizhou-2026-job");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.locator("#register-phone-error")).toContainText("这个手机号无法用于注册");
    await expect(page.getByLabel(/^手机号/)).toHaveValue(DEMO.seeker);
    await expect(page.getByLabel(/^手机号/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(/^手机号/)).toHaveAttribute("aria-describedby", /register-phone-error/);
  });

  test("a wrong password is refused with a message at the field and in the summary", async ({ page }) => {
    await signIn(page, DEMO.employer, "definitely-wrong");
    await expect(page.getByRole("alert")).toContainText("手机号/电子邮箱或密码不正确");
    await expect(page.locator("#login-password-error")).toContainText("手机号/电子邮箱或密码不正确");
    await expect(page.getByLabel("手机号或电子邮箱")).toHaveValue(DEMO.employer);
    await expectAccessible(page);
  });

  const roles = [
    { role: "seeker", label: "求职者", staffNav: false },
    { role: "employer", label: "用人单位", staffNav: false },
    { role: "counselor", label: "就业指导员", staffNav: false },
    { role: "admin", label: "残联管理员", staffNav: true },
  ] as const;
  for (const { role, label, staffNav } of roles) {
    test(`the demo ${role} signs in and sees their navigation`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page).toHaveURL(/\/dashboard/);
      await expect(page.getByText(`您的身份：${label}`)).toBeVisible();
      const nav = page.getByRole("navigation", { name: "主导航" });
      await expect(nav.getByRole("link", { name: "我的工作台" })).toHaveAttribute("aria-current", "page");
      await expect((await mainNav(page)).getByRole("link", { name: "工作人员账户" })).toHaveCount(staffNav ? 1 : 0);
      await expectAccessible(page);
      await (await headerMenu(page)).getByRole("link", { name: "账户与安全" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("账户与安全");
      await expectAccessible(page);
      await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account and security");
      await expectAccessible(page);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My dashboard" }).click();
      await expectAccessible(page);
      await (await headerMenu(page)).getByRole("button", { name: "中文" }).click();
    });
  }

  test("an admin creates a counselor account, who can then sign in", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await (await mainNav(page)).getByRole("link", { name: "工作人员账户" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作人员账户");
    await expectAccessible(page);
    await page.getByRole("button", { name: "创建账户", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("请选择账户类型");
    await expect(page.getByRole("alert")).toContainText("请填写姓名");
    await expectAccessible(page);
    const phone = freshPhone();
    await page.getByLabel("就业指导员").check();
    await page.getByLabel(/^姓名/).fill("赵老师");
    await page.getByLabel(/^服务区域/).selectOption({ label: "南明区" });
    await page.getByLabel(/^手机号/).fill(phone);
    await page.getByLabel(/^初始密码/).fill("Counselor-2026!");
    await page.getByRole("button", { name: "创建账户", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("已创建账户：赵老师（就业指导员）。");
    await expect(page.getByRole("table")).toContainText("赵老师");
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();
    await signIn(page, phone, "Counselor-2026!");
    await expect(page.getByText("您的身份：就业指导员")).toBeVisible();
    await expect(page.getByText("您负责的区域：南明区。")).toBeVisible();
  });

  test("changing the password: errors at the fields, then success", async ({ page }) => {
    const phone = freshPhone();
    await page.goto("/register");
    await page.getByLabel("求职者（残疾人、残疾人大中专毕业生）").check();
    await page.getByLabel(/^手机号/).fill(phone);
    await page.getByLabel(/^密码/).fill("First-pass-2026");
    await page.getByLabel("再次输入密码").fill("First-pass-2026");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/account");
    await page.getByLabel("当前密码").fill("wrong-current");
    await page.getByLabel(/^新密码/).fill("Second-pass-2026");
    await page.getByLabel("再次输入新密码").fill("Second-pass-2026");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.locator("#change-password-currentPassword-error")).toContainText("当前密码不正确");
    await expectAccessible(page);
    await page.getByLabel("当前密码").fill("First-pass-2026");
    await page.getByLabel(/^新密码/).fill("Second-pass-2026");
    await page.getByLabel("再次输入新密码").fill("Second-pass-2026");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByRole("status")).toContainText("密码已修改");
    await (await headerMenu(page)).getByRole("button", { name: "退出登录" }).click();
    await signIn(page, phone, "Second-pass-2026");
    await expect(page).toHaveURL(/\/dashboard/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("register, see errors, sign out and sign in with plain form posts", async ({ page }) => {
    await page.goto("/register");
    const phone = freshPhone();
    await page.getByLabel("求职者（残疾人、残疾人大中专毕业生）").check();
    await page.getByLabel(/^手机号/).fill("12345");
    await page.getByLabel(/^密码/).fill("short");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("手机号应为 11 位数字");
    await expect(page.getByRole("alert")).toContainText("密码至少需要 8 个字符");
    await expect(page.getByLabel(/^手机号/)).toHaveValue("12345");
    await expect(page.getByLabel("求职者（残疾人、残疾人大中专毕业生）")).toBeChecked();
    await expectAccessibleWithoutScripts(page);
    await page.getByLabel(/^手机号/).fill(phone);
    await page.getByLabel(/^密码/).fill("No-script-2026");
    await page.getByLabel("再次输入密码").fill("No-script-2026");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByText("您的身份：求职者")).toBeVisible();
    await (await headerMenu(page)).getByRole("button", { name: "大字模式" }).click();
    await expect(page.locator("html")).toHaveClass(/large-text/);
    await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await (await headerMenu(page)).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Mobile number or email address").fill(phone);
    await page.getByLabel(/^Password/).fill("No-script-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByText("Signed in as: Job seeker")).toBeVisible();
    await expectAccessibleWithoutScripts(page);
  });
});
