import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect, expectAccessibleWithoutScripts, test } from "./fixtures";
import { employerWithVerifiedOrganization, newPage, newPhone, PASSWORD, postVacancy, saveStep } from "./steps";

/*
 * Saved searches and alerts (issue 17), without JavaScript: a seeker saves a search with a daily digest, an employer
 * publishes a vacancy it finds and that suits the seeker, the digest goes out (the e2e server runs digests every few
 * seconds: ALERT_DIGEST_EVERY_SECONDS in scripts/e2e-server.mjs), its email — read from MAIL_DIR, where the server
 * writes emails without SMTP_URL — links to the vacancy, and the seeker follows the email's unsubscribe link for
 * alerts, then turns the search's alerts off.
 */

test.use({ javaScriptEnabled: false });

const MAIL_DIR = resolve(process.env.MAIL_DIR || "data/mail");

/** The newest email to `to` whose text contains `needle`, once the server has written it. */
async function findMail(to: string, needle: string): Promise<ParsedMail | null> {
  let files: string[];
  try {
    files = (await readdir(MAIL_DIR)).filter((f) => f.endsWith(".eml")).sort().reverse();
  } catch {
    return null;
  }
  for (const f of files) {
    const raw = await readFile(join(MAIL_DIR, f), "utf8");
    if (!raw.includes(to)) continue;
    const mail = await simpleParser(raw);
    const address = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    if (address.some((a) => a.address === to) && `${mail.text ?? ""}${mail.html || ""}`.includes(needle)) return mail;
  }
  return null;
}

test("a seeker saves a search with a daily digest; the digest email links to the new vacancy; unsubscribing and turning the alert off", async ({ page, browser, consoleErrors }) => {
  // Two accounts, an organization verified by an admin, a vacancy, and a digest to wait for.
  test.setTimeout(180_000);
  const word = `提醒测试${Date.now().toString(36)}`;
  const email = `alerts-${Date.now().toString(36)}@example.com`;

  // A seeker of 南明区 with an email address (the digest goes by email by default).
  await page.goto("/register");
  await page.getByLabel("求职者（残疾人、残疾人大中专毕业生）").check();
  await page.getByLabel(/^手机号/).fill(await newPhone(page));
  await page.getByLabel(/^电子邮箱/).fill(email);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/profile/region");
  await page.getByLabel("户籍所在地", { exact: true }).selectOption({ label: "南明区" });
  await page.getByLabel("现居住地", { exact: true }).selectOption({ label: "南明区" });
  await page.getByLabel("城镇").check();
  await saveStep(page, "户籍与居住地");

  // The search page offers to save the search.
  await page.goto(`/vacancies?q=${encodeURIComponent(word)}`);
  const save = page.getByRole("region", { name: "保存此搜索并接收提醒" });
  await expect(save.getByLabel("提醒频率")).toHaveValue("daily");
  await expectAccessibleWithoutScripts(page);
  await save.getByRole("button", { name: "保存此搜索" }).click();
  await expect(page).toHaveURL(/\/vacancies\?q=.*saved=1/);
  await expect(page.getByRole("status").filter({ hasText: "已保存此搜索。" })).toBeVisible();
  await expectAccessibleWithoutScripts(page);
  await page.getByRole("link", { name: "管理我保存的搜索和提醒" }).click();
  await expect(page).toHaveURL(/\/saved-searches$/);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `“${word}”` }) });
  await expect(item.getByLabel("提醒频率")).toHaveValue("daily");
  await expectAccessibleWithoutScripts(page);

  // An employer publishes a vacancy the search finds, in 南明区, that asks nothing the seeker cannot do.
  const employer = await newPage(browser, consoleErrors, { javaScriptEnabled: false });
  await employerWithVerifiedOrganization(employer.page, browser, consoleErrors);
  const title = `文字客服 ${word}`;
  const vacancyId = await postVacancy(employer.page, title, "打字");
  await employer.context.close();

  // The matching job, then the next digest: its email lists the vacancy.
  let mail: ParsedMail | null = null;
  await expect
    .poll(async () => (mail = await findMail(email, `/vacancies/${vacancyId}`)), { timeout: 45_000, message: `a digest email to ${email} in ${MAIL_DIR}` })
    .not.toBeNull();
  const digest = mail as unknown as ParsedMail;
  const text = digest.text ?? "";
  expect(text).toContain(title);
  const vacancyLink = new RegExp(`https?://[^\\s"<>]+/vacancies/${vacancyId}`).exec(text)?.[0];
  expect(vacancyLink).toBeTruthy();
  const listUnsubscribe = String(digest.headers.get("list-unsubscribe") ?? JSON.stringify(digest.headers.get("list")));
  const unsubscribeLink = /https?:\/\/[^\s<>"]+\/unsubscribe\/[^\s<>"]+/.exec(`${listUnsubscribe} ${text}`)?.[0];
  expect(unsubscribeLink).toBeTruthy();

  // The email's link opens the vacancy.
  await page.goto(new URL(vacancyLink!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The search's alerts off, on the page the digest links to.
  await page.goto("/saved-searches");
  const again = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `“${word}”` }) });
  await again.getByLabel("提醒频率").selectOption("off");
  await again.getByRole("button", { name: "保存提醒频率" }).click();
  await expect(page.getByRole("status")).toContainText("不提醒");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `“${word}”` }) }).getByLabel("提醒频率")).toHaveValue("off");
  await expectAccessibleWithoutScripts(page);

  // The email's unsubscribe link turns alert emails off (every search's), in a browser that is not signed in.
  const visitor = await newPage(browser, consoleErrors, { javaScriptEnabled: false });
  await visitor.page.goto(new URL(unsubscribeLink!).pathname);
  await expect(visitor.page.getByRole("heading", { level: 1, name: "退订邮件" })).toBeVisible();
  await expectAccessibleWithoutScripts(visitor.page);
  await visitor.page.getByRole("button", { name: "退订此类邮件" }).click();
  await expect(visitor.page.getByRole("heading", { level: 1, name: "已退订" })).toBeVisible();
  await expectAccessibleWithoutScripts(visitor.page);
  await visitor.context.close();
});
