import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser, makeIdNumber } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import { COLUMNS } from "../interop/columns";
import type { Actor } from "../permissions";
import { AUDIT_ENTITY, nationalExport, recentExports } from "./national-export.server";

const t = useTestDatabase();

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

async function registryPerson(regionCode: string, name: string) {
  const id = makeIdNumber(undefined, regionCode);
  await t.db
    .insertInto("registry_person")
    .values({
      certificate_number: `${id}41`,
      id_number: id,
      real_name: name,
      gender: null,
      disability_category: "physical",
      disability_grade: 1,
      region_code: regionCode,
      employment_status: "employed",
      employment_form: "flexible",
      employer_name: "某某餐馆",
      needs: [],
      row_hash: "x",
    })
    .execute();
  return `${id}41`;
}

async function text(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

describe("the export for the national reporting", () => {
  it("exports a region's registry people and consented seekers in the documented columns, audited", async () => {
    const zunyi = await admin("520300");
    const cert = await registryPerson("520302", "遵义导出测试甲");
    const other = await registryPerson("520102", "贵阳导出测试乙");
    const seeker = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, seeker.id, { regionCode: "520303", realName: "遵义求职者丙" });

    const csv = await nationalExport(t.db, zunyi, { regionCode: "520300", format: "csv" });
    const body = (await text(csv.body)).toString("utf8");
    const lines = body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(COLUMNS.map((c) => c.zh).join(","));
    expect(body).toContain(cert);
    expect(body).toContain("遵义导出测试甲");
    expect(body).toContain("灵活就业");
    expect(body).toContain("遵义求职者丙");
    expect(body).not.toContain(other);
    expect(csv.counts.registry).toBeGreaterThanOrEqual(1);

    const audit = await t.db.selectFrom("audit_event").selectAll().where("actor_id", "=", zunyi.id).where("entity", "=", AUDIT_ENTITY).execute();
    const exp = audit.find((a) => a.action === "export")!;
    expect(exp.entity_id).toBe("520300");
    expect(JSON.parse(exp.reason!)).toMatchObject({ format: "csv", people: csv.counts.registry + csv.counts.seekers });
    // The registered seeker's own access log shows the export.
    expect(audit.some((a) => a.action === "read" && a.subject_user_id === seeker.id)).toBe(true);
    const recent = await recentExports(t.db, zunyi);
    expect(recent[0]).toMatchObject({ regionCode: "520300", format: "csv" });
  });

  it("writes an XLSX with a sheet per kind, the people sheet in the documented headers", async () => {
    const a = await admin("520300");
    const cert = await registryPerson("520302", "遵义导出测试丁");
    const x = await nationalExport(t.db, a, { regionCode: "520302", format: "xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await text(x.body)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["人员 People", "就业记录 Employment", "培训 Training", "服务 Services"]);
    const people = book.getWorksheet("人员 People")!;
    expect((people.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.zh));
    const certs: unknown[] = [];
    people.eachRow((r, n) => n > 1 && certs.push(r.getCell(2).value));
    expect(certs).toContain(cert);
  });

  it("refuses a region outside the admin's own: a 遵义 admin cannot export 贵阳", async () => {
    const zunyi = await admin("520300");
    await expect(nationalExport(t.db, zunyi, { regionCode: "520100", format: "csv" })).rejects.toMatchObject({ status: 404 });
    await expect(nationalExport(t.db, zunyi, { regionCode: "520000", format: "xlsx" })).rejects.toMatchObject({ status: 404 });
    const counselor = await createUser(t.db, { role: "counselor", regionCode: "520300" });
    await expect(nationalExport(t.db, { id: counselor.id, role: "counselor", regionCode: "520300" }, { regionCode: "520300", format: "csv" })).rejects.toMatchObject({ status: 404 });
    const audit = await t.db.selectFrom("audit_event").select("id").where("actor_id", "=", zunyi.id).where("entity", "=", AUDIT_ENTITY).execute();
    expect(audit).toHaveLength(0);
  });
});
