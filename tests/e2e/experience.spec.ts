import type { BrowserContext, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * Issue 15: a service people want to use. The header in every display mode and language at 320×640, focus after a
 * client-side navigation, the employer's dashboard saying what to do, the vacancy page's action in the first screen,
 * and the footer's links. axe (with its best-practice rules) and the 320 px reflow check run in expectAccessible.
 */

const MODES = [
  { name: "default", cookie: "none" },
  { name: "large text", cookie: "large" },
  { name: "high contrast", cookie: "contrast" },
  { name: "easy read", cookie: "easy" },
] as const;

async function useModes(context: BrowserContext, baseURL: string, lang: "zh-CN" | "en", display: string) {
  await context.addCookies([
    { name: "qc_lang", value: lang, url: baseURL },
    { name: "qc_display", value: display, url: baseURL },
  ]);
}

/** The header's height and its primary navigation items. */
async function header(page: Page) {
  return page.evaluate(() => ({
    height: document.querySelector("header")!.getBoundingClientRect().height,
    primary: document.querySelectorAll("header nav .nav-primary > li").length,
  }));
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`home in every display mode (${lang}): accessible, a compact header at 320×640, at most five primary items`, async ({ page, context, baseURL }) => {
    for (const mode of MODES) {
      await useModes(context, baseURL!, lang, mode.cookie);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const h = await header(page);
      expect(h.height, `header height at 320×640, ${mode.name}`).toBeLessThanOrEqual(160);
      expect(h.primary, `primary items, ${mode.name}`).toBeLessThanOrEqual(5);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expectAccessible(page);
    }
  });
}

test("signed in, every role's header stays compact at 320×640 in large text, with at most five primary items", async ({ page, context, baseURL }) => {
  for (const who of [DEMO.seeker, DEMO.employer, DEMO.counselor, DEMO.admin]) {
    await context.clearCookies();
    await useModes(context, baseURL!, "zh-CN", "large");
    await signIn(page, who);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.setViewportSize({ width: 320, height: 640 });
    const h = await header(page);
    expect(h.height, `header of ${who}`).toBeLessThanOrEqual(160);
    expect(h.primary).toBeLessThanOrEqual(5);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test("after a client-side navigation focus is on the new page's h1 and its title is announced", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "招聘会" }).first().click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.locator("h1")).toBeFocused();
  const title = await page.title();
  await expect(page.locator("[aria-live=polite]").filter({ hasText: title })).toHaveCount(1);
});

test("the employer's dashboard lists the new applications with a count and a link, and offers to post a vacancy", async ({ page }) => {
  await signIn(page, DEMO.employer);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("link", { name: /发布新岗位/ })).toBeVisible();
  // The task names the count; below it, each vacancy with new applications, linking to its applicants.
  await expect(page.getByRole("link", { name: /\d+\s*份新申请/ }).first()).toBeVisible();
  const fresh = page.locator("main a[href^='/employer/vacancies/'][href*='/applicants']").first();
  await expect(fresh).toBeVisible();
  await expect(fresh).toContainText(/\d/);
  await expectAccessible(page);
  await fresh.click();
  await expect(page.locator("h1")).toBeVisible();
  await expect(page).toHaveURL(/\/applicants/);
});

test("the vacancy page's primary action is in the first screen at 1280×800", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/vacancies");
  await page.locator("#results a[href^='/vacancies/']").first().click();
  await expect(page).toHaveURL(/\/vacancies\/[0-9a-f-]{36}$/);
  const action = page.getByRole("link", { name: "登录后申请" }).first();
  const box = await action.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(800);
});

test("every footer link resolves to a page with a heading", async ({ page, request }) => {
  await page.goto("/");
  const hrefs = await page.locator("footer a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs).toEqual(expect.arrayContaining(["/accessibility", "/privacy", "/contact", "/feedback"]));
  await expect(page.locator("footer a[href='tel:12385']")).toBeVisible();
  for (const href of new Set(hrefs)) {
    const r = await request.get(href);
    expect(r.status(), href).toBe(200);
    expect(await r.text(), href).toMatch(/<h1[\s>]/);
  }
});
