import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Qiancheng#2026";
export const DEMO = {
  seeker: "13800000001",
  employer: "13800000002",
  counselor: "13800000003",
  admin: "13800000004",
} as const;

// WCAG A/AA and axe's best-practice rules (landmark-unique, heading-order, region, page-has-heading-one…): issue 15.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Runs axe on the page as it is now; any violation fails the test with a readable list. Then checks 320 px. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectNoSidewaysScroll(page);
}

/**
 * Reflow (WCAG 1.4.10): at 320 CSS px the page does not scroll sideways; wide tables scroll inside their own
 * region. The viewport is put back afterwards.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const before = page.viewportSize();
  if (before && before.width !== 320) await page.setViewportSize({ width: 320, height: 640 });
  try {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest("[data-scrolls], .overflow-x-auto, [role=region][tabindex]"))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")}`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide };
    });
    expect(overflow.scrollWidth, `sideways scroll at 320 px on ${page.url()}: ${overflow.wide.join(", ")}`).toBeLessThanOrEqual(overflow.width);
  } finally {
    if (before && before.width !== 320) await page.setViewportSize(before);
  }
}

/**
 * axe for a page in a context without JavaScript: the same HTML (scripts removed), checked in a context with
 * JavaScript, with its stylesheets loaded from the server as usual.
 */
export async function expectAccessibleWithoutScripts(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, "");
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const clone = await context.newPage();
    await clone.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
    await clone.goto(url);
    const results = await new AxeBuilder({ page: clone }).withTags(AXE_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
    expect(summary, `axe violations on ${url} (without JavaScript)`).toEqual([]);
  } finally {
    await context.close();
  }
}

/**
 * Every test fails on a console error or a page error — a CSP violation shows up as one, so this also proves
 * the pages satisfy their Content-Security-Policy.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A 400 answer to a form post or a 404 page logs this; failed subresources are caught below.
        if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
      });
      page.on("response", (r) => {
        const type = r.request().resourceType();
        if (r.status() >= 400 && type !== "document" && type !== "fetch") errors.push(`${r.status()} ${r.url()}`);
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/手机号或电子邮箱|Mobile number or email/).fill(identifier);
  await page.getByLabel(/^密码|^Password/).fill(password);
  await page.getByRole("button", { name: /^登录$|^Sign in$/ }).click();
}

/** A fresh, valid mainland mobile number for each registration. */
export function freshPhone(): string {
  return `139${String(Date.now()).slice(-8)}`;
}
