/**
 * Issue 18: a province admin creates a partner API token (shown once), sees it listed, and revokes it after
 * confirming; every state of the page is checked with axe.
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("partner API tokens", () => {
  test("an admin creates a token, copies it once, and revokes it", async ({ page, request }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/, { timeout: 20_000 });
    await page.goto("/admin/api-tokens");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("接口令牌");
    await expectAccessible(page);

    // Nothing filled in: the error summary first, errors at their fields.
    await page.getByRole("button", { name: "创建令牌" }).click();
    await expect(page.getByRole("alert").first()).toContainText("请填写名称");
    await expect(page.getByLabel("名称")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    const name = `人社厅就业系统 ${Date.now()}`;
    await page.getByLabel("名称").fill(name);
    await page.getByLabel("岗位（公开招聘的岗位）").check();
    await page.getByLabel("统计数据的地区").selectOption("520100");
    await page.getByRole("button", { name: "创建令牌" }).click();
    await expect(page.getByRole("heading", { name: `令牌“${name}”已创建` })).toBeVisible();
    const token = await page.getByLabel("令牌", { exact: true }).inputValue();
    expect(token).toMatch(/^qc_[a-z2-7]{52}$/);
    await expectAccessible(page);
    expect((await request.get("/api/v1/vacancies?pageSize=1", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("有效");
    await row.getByRole("button", { name: /撤销/ }).click();
    await expect(page.getByRole("heading", { name: `确定撤销令牌“${name}”吗？` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "确定撤销" }).click();
    await expect(page.getByRole("status")).toContainText(`令牌“${name}”已撤销。`);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("已撤销");
    await expectAccessible(page);
    expect((await request.get("/api/v1/vacancies?pageSize=1", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  });
});
