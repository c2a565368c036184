/**
 * Issue 12: a number someone else holds is answered without saying so, counted and shown to the federation; the
 * edge refuses hostile input with a page in the visitor's language.
 */
import { idCheckCharacter } from "../../app/domain/identity";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { newPage, registerAccount } from "./steps";

function idNumber(birth: string): string {
  const first = `520102${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  return first + idCheckCharacter(first);
}

test.describe("security", () => {
  test("a taken ID number is refused neutrally and listed for the federation", async ({ page, browser, consoleErrors }) => {
    const id = idNumber("19870704");
    // The holder saves the number first.
    const holder = await newPage(browser, consoleErrors);
    await registerAccount(holder.page, "seeker");
    await holder.page.goto("/profile/personal");
    await holder.page.getByLabel(/^真实姓名/).fill("罗敏");
    await holder.page.getByLabel(/^身份证号/).fill(id);
    await holder.page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(holder.page).toHaveURL(/\/profile\?saved=/);
    await holder.context.close();

    // Someone else types it: the answer does not say that an account holds it.
    await registerAccount(page, "seeker");
    await page.goto("/profile/personal");
    await page.getByLabel(/^真实姓名/).fill("试探者");
    await page.getByLabel(/^身份证号/).fill(id);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("这个身份证号无法保存");
    await expect(page.getByRole("alert")).not.toContainText("已注册");
    await expect(page.getByRole("alert")).not.toContainText("已被");
    await expectAccessible(page);

    // The federation sees the attempt, with the number masked.
    await page.context().clearCookies();
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/admin/security");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("安全事件");
    const masked = `${id.slice(0, 4)}${"*".repeat(10)}${id.slice(-4)}`;
    await expect(page.getByRole("table")).toContainText(masked);
    await expect(page.getByRole("table")).not.toContainText(id);
    await expectAccessible(page);
  });

  test("hostile input gets a page in the visitor's language, and the server keeps serving", async ({ page }) => {
    const huge = await page.goto("/levy?employees%5B0%5D.grade%5B100000000%5D=1");
    expect(huge?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交的列表太长");
    await expectAccessible(page);
    const nul = await page.goto("/vacancies?q=%00");
    expect(nul?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("提交的内容含有无效字符");
    expect((await page.goto("/vacancies"))?.status()).toBe(200);
  });
});
