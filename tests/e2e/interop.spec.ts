import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { certificateFor, freshIdNumber } from "../fixtures/seekers";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * Real-name data import (issue 18), the acceptance run: the province admin uploads a small CSV of 遵义市 people made
 * here (three good rows, two bad ones), reads the dry-run report naming the bad rows, imports the valid rows and sees
 * the import complete; the 遵义 counselor (13800000006) then sees the imported people on the assignment page, marked
 * not to be contacted, with masked certificate numbers. axe once on each page state.
 */

const ADMIN = "13800000004";
const ZUNYI_COUNSELOR = "13800000006";

/** A name no other run uses: Chinese characters only (the import accepts no digits in names). */
function uniqueName(prefix: string): string {
  const pool = "安柏春丹冬枫歌海涵浩嘉锦俊澜朗岚蕾琳璐萌楠琪清瑞珊舒婷薇霞欣雪妍瑶逸雨悦芸哲臻";
  let s = prefix;
  for (let i = 0; i < 4; i++) s += pool[Math.floor(Math.random() * pool.length)];
  return s;
}

interface Row {
  name: string;
  certificate: string;
  id: string;
  category: string;
  grade: string;
}

function good(): Row {
  const id = freshIdNumber({ region: "520302", birth: "19900315" });
  return { name: uniqueName("导"), certificate: certificateFor(id, "physical", 3), id, category: "肢体", grade: "三级" };
}

test.setTimeout(180_000);

test("an admin imports real-name data; the region's counselor sees the people, not to be contacted", async ({ page }) => {
  const rows = [good(), good(), good()];
  // Bad: a certificate whose check character is wrong, and a category nobody knows.
  const badCheck = good();
  const wrongDigit = badCheck.id[16] === "1" ? "2" : "1";
  badCheck.id = `${badCheck.id.slice(0, 16)}${wrongDigit}${badCheck.id[17]}`;
  badCheck.certificate = `${badCheck.id}43`;
  const badCategory = { ...good(), category: "未知类" };
  const all = [...rows, badCheck, badCategory];
  const csv =
    "\uFEFF姓名,残疾人证号,身份证号,残疾类别,残疾等级,行政区划代码,城乡类别,就业状况,就业需求\r\n" +
    all.map((r) => [r.name, r.certificate, r.id, r.category, r.grade, "520302", "农村", "未就业", "无障碍通道；弹性工时"].join(",")).join("\r\n") +
    "\r\n";
  const dir = await mkdtemp(path.join(tmpdir(), "qc-e2e-import-"));
  const file = path.join(dir, "遵义实名数据.csv");
  const wrong = path.join(dir, "名单.txt");
  await writeFile(file, csv, "utf8");
  await writeFile(wrong, "not a spreadsheet", "utf8");

  try {
    // The province admin: the import page from the navigation's "more" menu is /admin/imports.
    await signIn(page, ADMIN);
    await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
    await page.goto("/admin/imports");
    await expect(page.getByRole("heading", { level: 1, name: "实名数据导入" })).toBeVisible();
    await expect(page.getByRole("table", { name: "实名数据导入的列" }).getByRole("rowheader", { name: "残疾人证号", exact: true })).toBeVisible();
    await expectAccessible(page);

    // A file of the wrong type is refused at the form.
    await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles(wrong);
    await page.getByRole("button", { name: "上传并检查" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("只能上传 CSV（.csv）或 XLSX（.xlsx）文件");
    await expect(page.getByLabel("选择文件（CSV 或 XLSX）")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    // The real file: checked, then its report.
    await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles(file);
    await page.getByRole("button", { name: "上传并检查" }).click();
    await expect(page).toHaveURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("遵义实名数据.csv");
    const facts = page.locator("dl").first();
    await expect(facts).toContainText("数据行5");
    await expect(facts).toContainText("有效的行3");
    await expect(facts).toContainText("有问题的行（不会导入）2");
    const problems = page.getByRole("table", { name: /问题清单/ });
    // Rows 5 and 6 of the sheet (row 1 holds the headers) are named, with their columns.
    await expect(problems.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "5", exact: true }) }).first()).toContainText(/身份证号|残疾人证号/);
    await expect(problems.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "6", exact: true }) }).first()).toContainText("残疾类别");
    // No ID or certificate number is echoed in full.
    const body = await page.content();
    for (const r of all) {
      expect(body).not.toContain(r.certificate);
      expect(body).not.toContain(r.id);
    }
    await expectAccessible(page);

    // Import: the progress, then the outcome (the page revalidates every 2 s).
    await page.getByRole("button", { name: "导入 3 条有效记录" }).click();
    await expect(page.getByRole("heading", { name: "导入完成" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/新增 3 人/)).toBeVisible();
    await expectAccessible(page);

    // The 遵义 counselor sees them on the assignment page.
    await page.context().clearCookies();
    await signIn(page, ZUNYI_COUNSELOR);
    await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
    await page.goto("/caseloads/assign");
    const section = page.getByRole("region", { name: "已导入、尚未注册的人员" });
    await expect(section.getByText("未注册，尚未同意 — 不可联系").first()).toBeVisible();
    await section.getByLabel("县（区）", { exact: true }).selectOption("520302");
    await section.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/county=520302/);
    const table = page.getByRole("region", { name: "已导入、尚未注册的人员" }).getByRole("table");
    for (const r of rows) {
      const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: r.name, exact: true }) });
      await expect(row).toBeVisible();
      await expect(row).toContainText(`${r.certificate.slice(0, 4)}**********${r.certificate.slice(14, 18)}**`);
      await expect(row).toContainText("未注册，尚未同意 — 不可联系");
      // Nothing to do with them: no button or form in their row.
      await expect(row.getByRole("button")).toHaveCount(0);
      await expect(row.getByRole("combobox")).toHaveCount(0);
    }
    for (const r of [badCheck, badCategory]) await expect(table.getByRole("rowheader", { name: r.name, exact: true })).toHaveCount(0);
    const text = await page.content();
    expect(text).not.toContain("肢体");
    for (const r of rows) expect(text).not.toContain(r.certificate);
    await expectAccessible(page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
