// Screenshots of the main pages, as each kind of user first sees them, at 1280×800 and 320×640 (issue 15).
// Usage: start a server (npm start, or the built app), then
//   node scripts/screenshots.mjs [--base http://localhost:3000] [--out docs/screenshots/after]
// Drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH). Each image is the first screen of the page.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://localhost:3000" }, out: { type: "string", default: "docs/screenshots/after" } } });
const BASE = values.base.replace(/\/$/, "");
const OUT = values.out;
const PASSWORD = "Qiancheng#2026";
mkdirSync(OUT, { recursive: true });

/** [file name, role's phone or null, path (or a function finding it), display modes] */
const SHOTS = [
  ["home", null, "/"],
  ["search", null, "/vacancies"],
  ["vacancy", null, async (page) => firstLink(page, "/vacancies", /^\/vacancies\/[0-9a-f-]{36}$/)],
  ["register", null, "/register"],
  ["events", null, "/events"],
  ["seeker-dashboard", "13800000001", "/dashboard"],
  ["seeker-search", "13800000001", "/vacancies"],
  ["seeker-vacancy", "13800000001", async (page) => firstLink(page, "/vacancies", /^\/vacancies\/[0-9a-f-]{36}$/)],
  ["seeker-profile", "13800000001", "/profile"],
  ["seeker-plan", "13600000010", "/my-plan"],
  ["employer-dashboard", "13800000002", "/dashboard"],
  ["employer-vacancy-form", "13800000002", "/employer/vacancies/new"],
  ["counselor-dashboard", "13800000003", "/dashboard"],
  ["counselor-caseload", "13800000003", "/caseload"],
  ["admin-dashboard", "13800000004", "/dashboard"],
];
const VIEWPORTS = [
  ["1280", { width: 1280, height: 800 }],
  ["320", { width: 320, height: 640 }],
];

async function firstLink(page, from, pattern) {
  await page.goto(BASE + from);
  const hrefs = await page.$$eval("main a[href]", (as) => as.map((a) => a.getAttribute("href")));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link like ${pattern} on ${from}`);
  return href;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const contexts = new Map();
  async function contextFor(phone, viewport) {
    const key = `${phone}:${viewport.width}`;
    if (contexts.has(key)) return contexts.get(key);
    const context = await browser.newContext({ viewport, locale: "zh-CN" });
    if (phone) {
      const page = await context.newPage();
      await page.goto(BASE + "/login");
      await page.fill("input[name=identifier]", phone);
      await page.fill("input[name=password]", PASSWORD);
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.locator("main form button[type=submit]").first().click()]);
      await page.close();
    }
    contexts.set(key, context);
    return context;
  }
  for (const [name, phone, target] of SHOTS) {
    for (const [label, viewport] of VIEWPORTS) {
      const context = await contextFor(phone, viewport);
      const page = await context.newPage();
      const path = typeof target === "function" ? await target(page) : target;
      await page.goto(BASE + path);
      const file = join(OUT, `${name}-${label}.jpg`);
      await page.screenshot({ path: file, type: "jpeg", quality: 70 });
      const height = await page.evaluate(() => document.querySelector("header")?.getBoundingClientRect().height ?? 0);
      console.log(`${file}  ${path}  header ${Math.round(height)} px`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
