import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createOrganization, createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { annualAsOf, annualReport, evaluationAsOf, evaluationReport, reportWorkbook, saveInspectionNotes } from "./report.server";
import { computeStatistics } from "./statistics.server";

const t = useTestDatabase();

// A county of 黔南州 the other domain tests leave alone, and a levy year of this run only (a disclosure is unique per
// levy year; on PostgreSQL the database is shared between files and runs).
const COUNTY = "522702";
const PREFECTURE = "522700";
const YEAR = 2040 + Math.floor(Math.random() * 55);
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);
const notFound = expect.objectContaining({ status: 404 });

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

/** Two employers of the county in the year's disclosure (one met, one not, paying 1234.50), one declaration waiting, one open objection. */
async function disclosure() {
  await t.db.deleteFrom("quota_disclosure").where("levy_year", "=", YEAR).execute();
  const owner = await createUser(t.db, { role: "employer" });
  const declare = async (status: "approved" | "submitted", payable: string) => {
    const org = await createOrganization(t.db, owner.id, { regionCode: COUNTY });
    const d = await t.db
      .insertInto("quota_declaration")
      .values({
        organization_id: org.id,
        levy_year: YEAR,
        monthly_staff: Array.from({ length: 12 }, () => 100),
        salary_total: "9000000",
        status,
        result: JSON.stringify({ payable }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { org, declarationId: d.id };
  };
  const notMet = await declare("approved", "1234.50");
  const met = await declare("approved", "0.00");
  await declare("submitted", "99.00");
  const q = await t.db
    .insertInto("quota_disclosure")
    .values({ levy_year: YEAR, published_by: null, objections_until: at(`${YEAR}-12-31`) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const entry = async (x: typeof met, isMet: boolean) =>
    (
      await t.db
        .insertInto("quota_disclosure_entry")
        .values({
          disclosure_id: q.id,
          declaration_id: x.declarationId,
          organization_id: x.org.id,
          organization_name: x.org.name,
          region_code: COUNTY,
          staff_count: "100",
          required_count: "1.5",
          counted_disabled: isMet ? "2" : "0",
          met: isMet,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const notMetEntry = await entry(notMet, false);
  await entry(met, true);
  const objector = await createUser(t.db, { role: "seeker" });
  await t.db.insertInto("quota_objection").values({ entry_id: notMetEntry, user_id: objector.id, reason: "人数不符" }).execute();
}

async function sheetRows(body: Buffer, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as never);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe("the annual inspection report", () => {
  it("has the indicator table, the sub-region table and the disclosure summary; the workbook's figures equal computeStatistics's", async () => {
    await disclosure();
    const seeker = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, seeker.id, { regionCode: COUNTY });
    await t.db
      .insertInto("employment")
      .values({ seeker_id: seeker.id, organization_id: null, employer_name: "灵活就业", form: "flexible", origin: "recorded", contract_start: `${YEAR}-03-01`, social_insurance: false, monthly_pay: 1800 })
      .execute();
    const a = await admin(PREFECTURE);
    const now = at(`${YEAR}-12-15`);
    const report = await annualReport(t.db, a, { regionCode: null, year: YEAR }, now);
    expect(report).toMatchObject({ kind: "annual", period: String(YEAR), regionCode: PREFECTURE });
    const live = await computeStatistics(t.db, { regionCode: PREFECTURE, periodStart: YEAR, periodEnd: YEAR, asOf: `${YEAR}-12-15` });
    expect(report.statistics).toEqual(live);
    expect(report.statistics.subRegions.map((r) => r.regionCode)).toContain(COUNTY);
    expect(report.disclosure).toEqual([
      { levyYear: YEAR, published: true, listed: 2, met: 1, notMet: 1, levyPayable: "1234.50", openObjections: 1, declarations: { submitted: 1, approved: 2, returned: 0 } },
    ]);

    const body = await reportWorkbook(report, "zh-CN");
    const indicators = await sheetRows(body, "指标");
    const header = indicators.findIndex((r) => r[0] === "代码");
    expect(header).toBeGreaterThan(-1);
    const byCode = new Map(indicators.slice(header + 1).map((r) => [r[0], r]));
    expect(byCode.size).toBe(live.indicators.length);
    for (const i of live.indicators) {
      const row = byCode.get(i.code)!;
      expect(row[3] ?? null).toBe(i.target);
      expect(row[4] ?? null).toBe(i.actual);
      expect(row[6] ?? null).toBe(i.shareDone);
    }
    expect(byCode.get("new_jobs")![4]).toBeGreaterThanOrEqual(1);
    expect(byCode.get("new_jobs")![1]).toBe("新增残疾人就业");

    const regions = await sheetRows(body, "下级地区");
    const county = regions.find((r) => r[0] === COUNTY)!;
    const names = regions[0]!;
    const liveCounty = live.subRegions.find((r) => r.regionCode === COUNTY)!;
    const recorded = live.indicators.filter((i) => i.actual !== null);
    recorded.forEach((i, n) => {
      expect(names[n + 2]).toBeTypeOf("string");
      expect(county[n + 2] ?? null).toBe(liveCounty.actuals[i.code] ?? null);
    });

    const quota = await sheetRows(body, "按比例就业公示");
    expect(quota[1]).toEqual([YEAR, "是", 2, 1, 1, 1234.5, 1, 1, 2, 0]);
  });

  it("a past year reads as of its last day; a year not yet begun is not found", async () => {
    const a = await admin(PREFECTURE);
    expect(annualAsOf(2025, "2026-12-06")).toBe("2025-12-31");
    expect(annualAsOf(2026, "2026-12-06")).toBe("2026-12-06");
    const report = await annualReport(t.db, a, { year: YEAR - 1 }, at(`${YEAR}-02-01`));
    expect(report.statistics.asOf).toBe(`${YEAR - 1}-12-31`);
    await expect(annualReport(t.db, a, { year: YEAR + 1 }, at(`${YEAR}-02-01`))).rejects.toEqual(notFound);
  });

  it("notes: saved, shown in the report and the workbook (never as a formula), audited; another region's admin may neither read nor write", async () => {
    const a = await admin(PREFECTURE);
    const now = at(`${YEAR}-12-15`);
    const text = "=HYPERLINK(\"http://example.com\")\n第二行：已督促 3 家单位补足。";
    expect(await saveInspectionNotes(t.db, a, { regionCode: COUNTY, kind: "annual", period: String(YEAR), notes: text }, now)).toEqual({ ok: true, value: null });
    const report = await annualReport(t.db, a, { regionCode: COUNTY, year: YEAR }, now);
    expect(report.notes).toMatchObject({ text, updatedBy: expect.any(String) });
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity", "entity_id"]).where("actor_id", "=", a.id).execute();
    expect(audit).toEqual([{ action: "update", entity: "inspection_note", entity_id: `${COUNTY}/annual/${YEAR}` }]);

    // Saving again replaces the text (one note per region, kind and period).
    await saveInspectionNotes(t.db, a, { regionCode: COUNTY, kind: "annual", period: String(YEAR), notes: "改过的意见" }, now);
    expect((await annualReport(t.db, a, { regionCode: COUNTY, year: YEAR }, now)).notes.text).toBe("改过的意见");
    await saveInspectionNotes(t.db, a, { regionCode: COUNTY, kind: "annual", period: String(YEAR), notes: text }, now);

    const body = await reportWorkbook(await annualReport(t.db, a, { regionCode: COUNTY, year: YEAR }, now), "en");
    const notes = await sheetRows(body, "备注");
    expect(notes[1]![0]).toBe(`'${text}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as never);
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      ),
    );

    const other = await admin("520300");
    await expect(annualReport(t.db, other, { regionCode: COUNTY, year: YEAR }, now)).rejects.toEqual(notFound);
    await expect(saveInspectionNotes(t.db, other, { regionCode: COUNTY, kind: "annual", period: String(YEAR), notes: "越权" }, now)).rejects.toEqual(notFound);
    const county = await admin(COUNTY);
    await expect(annualReport(t.db, county, { regionCode: PREFECTURE, year: YEAR }, now)).rejects.toEqual(notFound);
    await expect(saveInspectionNotes(t.db, county, { regionCode: PREFECTURE, kind: "annual", period: String(YEAR), notes: "越权" }, now)).rejects.toEqual(notFound);
    // A year not begun names nothing: nothing is written for it.
    await expect(saveInspectionNotes(t.db, a, { regionCode: COUNTY, kind: "annual", period: String(YEAR + 1), notes: "未来" }, now)).rejects.toEqual(notFound);
    expect((await annualReport(t.db, a, { regionCode: COUNTY, year: YEAR }, now)).notes.text).toBe(text);
    const stray = await t.db.selectFrom("inspection_note").select("notes").where("region_code", "in", [COUNTY, PREFECTURE]).where("notes", "in", ["越权", "未来"]).execute();
    expect(stray).toEqual([]);
  });
});

describe("the mid-term and final evaluations", () => {
  it("read the whole period's targets as of the end of its middle year (mid-term) or its end (final), never after today", async () => {
    expect(evaluationAsOf("midterm", 2016, 2020, "2026-12-06")).toBe("2018-12-31");
    expect(evaluationAsOf("final", 2016, 2020, "2026-12-06")).toBe("2020-12-31");
    expect(evaluationAsOf("midterm", 2021, 2024, "2026-12-06")).toBe("2022-12-31");
    expect(evaluationAsOf("final", 2026, 2030, "2026-12-06")).toBe("2026-12-06");

    const a = await admin(PREFECTURE);
    const now = at(`${YEAR}-12-15`);
    const period = `${YEAR - 4}-${YEAR}`;
    const mid = await evaluationReport(t.db, a, { period, kind: "midterm" }, now);
    expect(mid.statistics).toMatchObject({ periodStart: YEAR - 4, periodEnd: YEAR, asOf: `${YEAR - 2}-12-31` });
    expect(mid.disclosure.map((d) => d.levyYear)).toEqual([YEAR - 4, YEAR - 3, YEAR - 2]);
    const fin = await evaluationReport(t.db, a, { period, kind: "final" }, now);
    expect(fin.statistics.asOf).toBe(`${YEAR}-12-15`);
    expect(fin.statistics).toEqual(await computeStatistics(t.db, { regionCode: PREFECTURE, periodStart: YEAR - 4, periodEnd: YEAR, asOf: `${YEAR}-12-15` }));
    expect(fin.disclosure).toHaveLength(5);

    // Notes are kept per kind: the mid-term's do not show in the final.
    await saveInspectionNotes(t.db, a, { regionCode: PREFECTURE, kind: "midterm", period, notes: "中期意见" }, now);
    expect((await evaluationReport(t.db, a, { period, kind: "midterm" }, now)).notes.text).toBe("中期意见");
    expect((await evaluationReport(t.db, a, { period, kind: "final" }, now)).notes.text).toBe("");

    for (const bad of ["2020-2016", "2016", "1999-2003", "2016-2030", `${YEAR + 1}-${YEAR + 5}`]) {
      await expect(evaluationReport(t.db, a, { period: bad, kind: "final" }, now)).rejects.toEqual(notFound);
    }
    const other = await admin("520300");
    await expect(evaluationReport(t.db, other, { regionCode: PREFECTURE, period, kind: "final" }, now)).rejects.toEqual(notFound);
  });
});
