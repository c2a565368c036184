import type { Page } from "@playwright/test";
import { idCheckCharacter } from "../../app/domain/identity";
import { expect, expectAccessible, expectAccessibleWithoutScripts, freshPhone, test } from "./fixtures";
import { headerMenu } from "./steps";

const PASSWORD = "Guizhou-2026-job";

let serial = Math.floor(Math.random() * 500);
/** A valid ID number that no other test in this run uses: born on `birth`, in 南明区. */
function idNumber(birth: string): string {
  serial = (serial + 1) % 1000;
  const first = `520102${birth}${serial.toString().padStart(3, "0")}`;
  return first + idCheckCharacter(first);
}

function wrongCheck(id: string): string {
  const chars = "0123456789X";
  return id.slice(0, 17) + chars[(chars.indexOf(id[17]!) + 1) % chars.length];
}

const masked = (value: string) => `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;

async function registerSeeker(page: Page, check: (page: Page) => Promise<void>) {
  await page.goto("/register");
  await check(page);
  await page.getByLabel("求职者（残疾人、残疾人大中专毕业生）").check();
  await page.getByLabel(/^手机号/).fill(freshPhone());
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

async function save(page: Page, step: string) {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/profile\?saved=/);
  await expect(page.getByRole("status")).toContainText(`“${step}”已保存。`);
}

/** Opens a step from the overview by its link ("填写 个人信息" / "修改 个人信息"). */
async function openStep(page: Page, step: string) {
  await page.getByRole("link", { name: new RegExp(`^(填写|修改) ${step}$`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(step);
}

test.describe("seeker profile", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a new seeker builds the profile step by step, fixes a wrong certificate number and turns on discoverability", async ({ page }) => {
    await registerSeeker(page, expectAccessible);
    // The dashboard lists what is left to do; the profile is one of the seeker's primary items.
    await expect(page.getByRole("link", { name: /求职档案还有 \d+ 个部分没有填完/ })).toBeVisible();
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的求职档案" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的求职档案");
    await expect(page.getByText("已完成 0/9 部分。")).toBeVisible();
    await expect(page.getByText("未开启：用人单位搜索不到您的档案")).toBeVisible();
    await expectAccessible(page);

    // Personal details: nothing typed, then a wrong check digit, then right.
    await openStep(page, "个人信息");
    await expectAccessible(page);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("请填写真实姓名");
    await expect(summary).toContainText("请填写身份证号");
    await expectAccessible(page);
    const id = idNumber("19950615");
    await page.getByLabel(/^真实姓名/).fill("王小明");
    await expect(page.getByLabel(/^真实姓名/)).toHaveAttribute("autocomplete", "name");
    await page.getByLabel(/^身份证号/).fill(wrongCheck(id));
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.locator("#personal-idNumber-error")).toContainText("身份证号校验不通过");
    await expect(page.getByLabel(/^身份证号/)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await page.getByLabel(/^身份证号/).fill(id);
    await save(page, "个人信息");
    await expect(page.getByRole("status").getByRole("link", { name: "残疾信息", exact: true })).toBeVisible();
    await expectAccessible(page);

    // Disability: consent, then a certificate whose digits disagree — each mismatch says what it is.
    await openStep(page, "残疾信息");
    await expectAccessible(page);
    await page.getByLabel("肢体残疾").check();
    await page.getByLabel("二级").check();
    await page.getByLabel(/^残疾人证号/).fill(`${id}23`);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("保存残疾信息前，请勾选同意处理残疾信息");
    await expect(page.getByRole("alert")).toContainText("残疾人证号第 19 位是 2，表示听力残疾，但您选择的是肢体残疾");
    await expect(page.getByRole("alert")).toContainText("残疾人证号第 20 位是 3，表示三级，但您选择的是二级");
    await expectAccessible(page);
    await page.getByLabel("我同意黔程按上述用途处理我的残疾类别、等级和残疾人证号").check();
    const someoneElse = idNumber("19880101");
    await page.getByLabel(/^残疾人证号/).fill(`${someoneElse}42`);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    // Only the server knows the ID number on file.
    await expect(page.locator("#disability-certificateNumber-error")).toContainText("残疾人证号的前 18 位与您保存的身份证号不一致");
    await expect(page.getByLabel(/^残疾人证号/)).toHaveValue(`${someoneElse}42`);
    await expectAccessible(page);
    const certificate = `${id}42`;
    await page.getByLabel(/^残疾人证号/).fill(certificate);
    await save(page, "残疾信息");

    // Sensitive numbers are masked, with a reveal that works as a plain link.
    const disability = page.locator("#step-disability");
    await expect(disability).toContainText(masked(certificate));
    await expect(disability).not.toContainText(certificate);
    await expect(page.locator("#step-personal")).toContainText(masked(id));
    await disability.getByRole("link", { name: "显示 完整残疾人证号" }).click();
    await expect(page).toHaveURL(/reveal=certificate/);
    await expect(disability).toContainText(certificate);
    await expect(page.locator("#step-personal")).not.toContainText(id);
    await expectAccessible(page);
    await disability.getByRole("link", { name: "隐藏 完整残疾人证号" }).click();
    await expect(disability).not.toContainText(certificate);

    // The edit form does not put the saved number into the page unless asked.
    await openStep(page, "残疾信息");
    await expect(page.getByLabel(/^残疾人证号/)).toHaveValue("");
    await expect(page.getByText(`已保存：${certificate.slice(0, 4)}…${certificate.slice(-4)}`)).toBeVisible();
    await (await headerMenu(page)).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Disability");
    await expect(page.getByText(`Saved: ${certificate.slice(0, 4)}…${certificate.slice(-4)}`)).toBeVisible();
    await expectAccessible(page);
    await (await headerMenu(page)).getByRole("button", { name: "中文" }).click();
    await page.getByRole("link", { name: "返回求职档案" }).click();

    // Region: prefecture → county in one select with a group per prefecture.
    await openStep(page, "户籍与居住地");
    await expectAccessible(page);
    await expect(page.getByLabel("户籍所在地", { exact: true }).locator("optgroup")).toHaveCount(9);
    await page.getByLabel("户籍所在地", { exact: true }).selectOption({ label: "雷山县" });
    await page.getByLabel("现居住地", { exact: true }).selectOption({ label: "南明区" });
    await page.getByLabel("农村").check();
    await save(page, "户籍与居住地");
    await expect(page.locator("#step-region")).toContainText("黔东南苗族侗族自治州 雷山县");

    await openStep(page, "教育背景");
    await expectAccessible(page);
    await page.getByLabel("本科").check();
    await page.getByLabel(/^毕业学校/).fill("贵州大学");
    await page.getByLabel(/^专业/).fill("软件工程");
    await page.getByLabel(/^毕业年份/).fill("1900");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("毕业年份应在 1950 年至");
    await expectAccessible(page);
    await page.getByLabel(/^毕业年份/).fill("2026");
    await save(page, "教育背景");

    await openStep(page, "技能与证书");
    await expectAccessible(page);
    await page.getByLabel(/^技能/).fill("办公软件\n电商客服，办公软件");
    await page.getByLabel(/^职业资格证书/).fill("保健按摩师");
    await save(page, "技能与证书");
    await expect(page.locator("#step-skills")).toContainText("办公软件、电商客服");

    await openStep(page, "需要的工作便利");
    await expect(page.getByText("电脑装有读屏软件，工作系统可以用读屏软件操作。")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("group", { name: "读屏软件" }).getByLabel("需要（必须）").check();
    await page.getByRole("group", { name: "弹性工时" }).getByLabel("最好有（优先）").check();
    await save(page, "需要的工作便利");
    await expect(page.locator("#step-needs")).toContainText("读屏软件");

    await openStep(page, "无法胜任的工作要求");
    await expectAccessible(page);
    await page.getByLabel("驾驶车辆").check();
    await save(page, "无法胜任的工作要求");

    await openStep(page, "求职意向");
    await expectAccessible(page);
    await page.getByLabel("未就业").check();
    await page.getByLabel("全职").check();
    await page.getByLabel("现居住的市（州）内都可以").check();
    await page.getByLabel(/^期望月薪/).fill("-5");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("期望月薪不能小于 0");
    await page.getByLabel(/^期望月薪/).fill("3000");
    await save(page, "求职意向");

    await openStep(page, "家庭情况");
    await expect(page.getByText("家庭中所有在法定劳动年龄内、有劳动能力和就业意愿的成员都没有工作。")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("零就业家庭").check();
    await save(page, "家庭情况");
    await expect(page.getByRole("status")).toContainText("档案各部分都已完成。");
    await expect(page.getByText("已完成 9/9 部分。")).toBeVisible();
    await expectAccessible(page);

    // Discoverability: see exactly what employers will see, confirm, turn on.
    await page.getByRole("link", { name: "查看或修改 让用人单位找到我" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("让用人单位找到我");
    const seen = page.getByRole("region", { name: "用人单位能看到的信息" });
    for (const text of ["需要的工作便利", "读屏软件", "弹性工时", "办公软件", "本科", "南明区", "2026"]) await expect(seen).toContainText(text);
    for (const text of ["王小明", id, "肢体残疾", "二级"]) await expect(seen).not.toContainText(text);
    const hidden = page.getByRole("region", { name: "用人单位看不到的信息" });
    for (const text of ["姓名", "身份证号", "残疾人证号", "残疾类别", "残疾等级"]) await expect(hidden).toContainText(text);
    await expectAccessible(page);
    await page.getByRole("button", { name: "开启，让用人单位找到我" }).click();
    await expect(page.getByRole("alert")).toContainText("开启前，请勾选确认您已了解用人单位能看到哪些信息");
    await expectAccessible(page);
    await page.getByLabel("我已了解用人单位能看到上面列出的信息，同意开启").check();
    await page.getByRole("button", { name: "开启，让用人单位找到我" }).click();
    await expect(page).toHaveURL(/\/profile\?visibility=on/);
    await expect(page.getByRole("status")).toHaveText("已开启，用人单位现在可以搜索到您的匿名档案。");
    await expect(page.getByText("已开启：用人单位可以搜索到您的匿名档案。")).toBeVisible();
    await expectAccessible(page);

    // The data download: an attachment with everything, never the password hash.
    const exported = await page.request.get("/profile/export.json");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="qiancheng-my-data-\d{8}\.json"$/);
    const body = await exported.text();
    expect(body).not.toContain("password_hash");
    const data = JSON.parse(body);
    expect(data.profile).toMatchObject({ real_name: "王小明", id_number: id, certificate_number: certificate, discoverable: true, needs_required: ["screen_reader"] });
  });

  test("a seeker deletes the account after re-entering the password", async ({ page }) => {
    await registerSeeker(page, async () => {});
    await page.goto("/profile/personal");
    await page.getByLabel(/^真实姓名/).fill("李芳");
    await page.getByLabel(/^身份证号/).fill(idNumber("19990909"));
    await save(page, "个人信息");
    await page.getByRole("link", { name: "删除我的账户" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("删除账户");
    await expectAccessible(page);
    await page.getByLabel(/^输入密码确认/).fill("not-the-password");
    await page.getByRole("button", { name: "永久删除我的账户" }).click();
    await expect(page.getByRole("alert")).toContainText("密码不正确，账户没有删除");
    await expectAccessible(page);
    await page.getByLabel(/^输入密码确认/).fill(PASSWORD);
    await page.getByRole("button", { name: "永久删除我的账户" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("账户已删除");
    await expect(page.getByRole("status")).toContainText("您的账户和个人信息已删除，您已退出登录。");
    await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprofile/);
  });

  test("an employer has no seeker profile", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("用人单位招聘人员").check();
    await page.getByLabel(/^手机号/).fill(freshPhone());
    await page.getByLabel(/^密码/).fill(PASSWORD);
    await page.getByLabel("再次输入密码").fill(PASSWORD);
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    const response = await page.goto("/profile");
    expect(response?.status()).toBe(404);
  });
});

test.describe("seeker profile without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 120_000 });

  test("personal details, disability and region with plain form posts", async ({ page }) => {
    await registerSeeker(page, expectAccessibleWithoutScripts);
    await page.goto("/profile");
    await expectAccessibleWithoutScripts(page);

    await page.getByRole("link", { name: "填写 个人信息" }).click();
    await expectAccessibleWithoutScripts(page);
    const id = idNumber("19920229");
    await page.getByLabel(/^真实姓名/).fill("杨光");
    await page.getByLabel(/^身份证号/).fill(wrongCheck(id));
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("身份证号校验不通过");
    await expect(page.getByLabel(/^真实姓名/)).toHaveValue("杨光");
    await expectAccessibleWithoutScripts(page);
    await page.getByLabel(/^身份证号/).fill(id);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("“个人信息”已保存。");
    // Birth date and gender are read from the ID number, not asked.
    await expect(page.locator("#step-personal")).toContainText("1992年2月29日");
    await expect(page.locator("#step-personal")).toContainText("（取自身份证号）");
    await expect(page.locator("#step-personal")).toContainText(masked(id));
    await page.getByRole("link", { name: "显示 完整身份证号" }).click();
    await expect(page.locator("#step-personal")).toContainText(id);
    await expectAccessibleWithoutScripts(page);

    await page.getByRole("link", { name: "填写 残疾信息" }).click();
    await expectAccessibleWithoutScripts(page);
    await page.getByLabel("我同意黔程按上述用途处理我的残疾类别、等级和残疾人证号").check();
    await page.getByLabel("视力残疾").check();
    await page.getByLabel("一级").check();
    await page.getByLabel(/^残疾人证号/).fill(`${wrongCheck(id)}11`);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.locator("#disability-certificateNumber-error")).toContainText("残疾人证号的前 18 位不是有效的身份证号");
    await expect(page.getByLabel("视力残疾")).toBeChecked();
    await expectAccessibleWithoutScripts(page);
    await page.getByLabel(/^残疾人证号/).fill(`${id}11`);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("“残疾信息”已保存。");

    await page.getByRole("link", { name: "填写 户籍与居住地" }).click();
    await expectAccessibleWithoutScripts(page);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("请选择户籍所在地的县（市、区）");
    await expect(page.getByRole("alert")).toContainText("请选择户籍类型：城镇或农村");
    await expectAccessibleWithoutScripts(page);
    await page.getByLabel("户籍所在地", { exact: true }).selectOption({ label: "赤水市" });
    await page.getByLabel("现居住地", { exact: true }).selectOption({ label: "赤水市" });
    await page.getByLabel("城镇").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("“户籍与居住地”已保存。");
    await expect(page.locator("#step-region")).toContainText("遵义市 赤水市");
    await expect(page.getByText("已完成 3/9 部分。")).toBeVisible();
    await expectAccessibleWithoutScripts(page);
  });
});
