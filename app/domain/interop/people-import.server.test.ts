import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { HEADER, idNumberOf, rowsOf, validPerson, writeCsv, writeXlsx } from "../../../tests/fixtures/registry-files";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { COLUMN_BY_KEY, PROBLEM_CODES, type ColumnKey, type ProblemCode, type RegistryPersonValues } from "./columns";
import { checkFile, importRun, listImportRuns, runImport, startImport, SYSTEM_ACTOR } from "./people-import.server";
import { readRows } from "./reader.server";
import { InProcessQueue } from "../../../jobs/in-process";
import { setJobQueue } from "../../../jobs/runtime";
import { interopJobs } from "./jobs.server";

const t = useTestDatabase();
const TODAY = "2026-12-06";
const SEED = Math.floor(Math.random() * 1000);
let dir = "";
let n = 0;
const file = (ext: string) => join(dir, `f${++n}.${ext}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qiancheng-import-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  // The shared PostgreSQL test database keeps rows between runs: this file's people go.
  const ids = [...made];
  for (let k = 0; k < ids.length; k += 1000) await t.db.deleteFrom("registry_person").where("id_number", "in", ids.slice(k, k + 1000)).execute();
});

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

const col = (k: ColumnKey) => COLUMN_BY_KEY[k].zh;
/** Person i of this file's seed (people 0–4999 of the seed's birth days are this test file's own). */
const made = new Set<string>();
const person = (i: number, o: Partial<RegistryPersonValues> = {}) => {
  const p = validPerson(i, SEED, o);
  made.add(p.id_number);
  return p;
};

async function fullReport(runId: string) {
  return (await importRun(t.db, SYSTEM_ACTOR, runId, { problemsShown: 10_000 })).problems;
}

async function registryRows(certs: string[]) {
  return t.db.selectFrom("registry_person").selectAll().where("certificate_number", "in", certs).orderBy("certificate_number").execute();
}

describe("the dry run's report", () => {
  it("names every kind of bad row with its row and column", async () => {
    const guiyang = await admin("520100");
    // Records already kept, for the conflicts.
    const kept = person(900);
    const keptOtherCert = person(901);
    await t.db
      .insertInto("registry_person")
      .values([kept, keptOtherCert].map((p) => ({ ...p, needs: [...p.needs], row_hash: "x" })))
      .execute();
    const profilePerson = person(902);
    const seeker = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, seeker.id, { idNumber: profilePerson.id_number, category: profilePerson.disability_category, grade: profilePerson.disability_grade });
    await t.db
      .updateTable("seeker_profile")
      .set({ certificate_number: profilePerson.certificate_number, id_number: person(903).id_number })
      .where("user_id", "=", seeker.id)
      .execute();

    const good = person(0);
    const other = person(1);
    const long = (k: number) => "长".repeat(k);
    // Each case: the row's values (from a valid person), the code and column expected.
    type Case = [ProblemCode, ColumnKey | null, (i: number) => string[]];
    const row = (i: number, o: Partial<RegistryPersonValues>, edit?: (cells: string[]) => void) => {
      const cells = rowsOf([person(i, o)])[0]!;
      edit?.(cells);
      return cells;
    };
    const at = (k: ColumnKey) => HEADER.indexOf(col(k));
    const set = (k: ColumnKey, v: string) => (cells: string[]) => void (cells[at(k)] = v);
    const p = (i: number) => person(i);
    const badId = (i: number) => p(i).id_number.slice(0, 17) + (p(i).id_number[17] === "0" ? "1" : "0");
    const cases: Case[] = [
      ["missing_required", "real_name", (i) => row(i, {}, set("real_name", ""))],
      ["invalid_certificate", "certificate_number", (i) => row(i, {}, set("certificate_number", "5201021990"))],
      ["certificate_check_digit", "certificate_number", (i) => row(i, {}, set("certificate_number", badId(i) + p(i).certificate_number.slice(18)))],
      ["certificate_id_mismatch", "certificate_number", (i) => row(i, {}, set("certificate_number", p(i + 1000).certificate_number))],
      ["invalid_id_number", "id_number", (i) => row(i, {}, set("id_number", "52010219"))],
      ["id_check_digit", "id_number", (i) => row(i, {}, set("id_number", badId(i)))],
      ["id_birth_date_invalid", "id_number", (i) => row(i, {}, set("id_number", idNumberOf("520102", "1990-13-01", 11)))],
      ["id_province_invalid", "id_number", (i) => row(i, {}, set("id_number", idNumberOf("990102", "1990-01-01", 11)))],
      ["invalid_sex", "gender", (i) => row(i, {}, set("gender", "未知"))],
      ["sex_mismatch_id", "gender", (i) => row(i, {}, set("gender", p(i).gender === "male" ? "女" : "男"))],
      ["birth_date_invalid", "birth_date", (i) => row(i, {}, set("birth_date", "1990-02-30"))],
      ["birth_date_mismatch_id", "birth_date", (i) => row(i, {}, set("birth_date", "1970-01-01"))],
      ["birth_date_future", "birth_date", (i) => row(i, {}, set("birth_date", "2030-01-01"))],
      [
        "age_out_of_range",
        "id_number",
        () => {
          const id = idNumberOf("520102", "2015-06-01", 21);
          return row(0, { id_number: id, certificate_number: `${id}41`, disability_category: "physical", disability_grade: 1, birth_date: null, gender: "male" });
        },
      ],
      ["unknown_category", "disability_category", (i) => row(i, {}, set("disability_category", "聋哑"))],
      ["category_mismatch_certificate", "disability_category", (i) => row(i, { disability_category: p(i).disability_category === "vision" ? "hearing" : "vision" })],
      ["unknown_grade", "disability_grade", (i) => row(i, {}, set("disability_grade", "五级"))],
      ["grade_mismatch_certificate", "disability_grade", (i) => row(i, { disability_grade: (p(i).disability_grade % 4) + 1 })],
      ["unknown_region", "region_code", (i) => row(i, { region_code: "110101" })],
      ["region_too_broad", "region_code", (i) => row(i, { region_code: "520000" })],
      ["region_outside_scope", "region_code", (i) => row(i, { region_code: "520302" })],
      ["unknown_residence", "residence", (i) => row(i, {}, set("residence", "郊区"))],
      ["unknown_education", "education", (i) => row(i, {}, set("education", "幼儿园"))],
      ["unknown_employment_status", "employment_status", (i) => row(i, {}, set("employment_status", "半就业"))],
      ["unknown_employment_form", "employment_form", (i) => row(i, { employment_status: "employed", employer_name: "某单位" }, set("employment_form", "网约车"))],
      ["form_required", "employment_form", (i) => row(i, { employment_status: "employed", employment_form: null })],
      ["form_without_employment", "employment_form", (i) => row(i, { employment_status: "unemployed", employment_form: "flexible", employer_name: null })],
      ["employer_without_employment", "employer_name", (i) => row(i, { employment_status: "student", employment_form: null, employer_name: "某单位" })],
      ["employer_too_long", "employer_name", (i) => row(i, { employment_status: "employed", employment_form: "proportional", employer_name: long(201) })],
      ["unknown_need", "needs", (i) => row(i, {}, set("needs", "无障碍通道；飞行器"))],
      ["name_too_long", "real_name", (i) => row(i, { real_name: long(51) })],
      ["name_invalid_chars", "real_name", (i) => row(i, { real_name: "张三3" })],
      ["phone_invalid", "phone", (i) => row(i, { phone: "12345" })],
      ["training_too_long", "training", (i) => row(i, { training: long(501) })],
      ["duplicate_in_file", "certificate_number", () => rowsOf([good])[0]!],
      [
        "duplicate_id_in_file",
        "id_number",
        () => {
          const cat = other.disability_category === "vision" ? "hearing" : "vision";
          return row(1, { certificate_number: `${other.id_number}${cat === "vision" ? 1 : 2}${other.disability_grade}`, disability_category: cat });
        },
      ],
      ["conflict_existing_name", "real_name", () => rowsOf([{ ...kept, real_name: "改名字" }])[0]!],
      [
        "conflict_existing_certificate",
        "certificate_number",
        () => {
          const cat = keptOtherCert.disability_category === "vision" ? "hearing" : "vision";
          return rowsOf([{ ...keptOtherCert, disability_category: cat, certificate_number: `${keptOtherCert.id_number}${cat === "vision" ? 1 : 2}${keptOtherCert.disability_grade}` }])[0]!;
        },
      ],
      ["conflict_existing_id", "id_number", () => rowsOf([{ ...profilePerson, real_name: "" }])[0]!.map((c, k) => (k === at("real_name") ? profilePerson.real_name : c))],
      ["too_many_columns", null, (i) => [...row(i, {}), "", "多出来的值"]],
    ];
    // Row 2: good, row 3: the other person (for duplicate_id_in_file), then one bad row each, an empty row, a good row.
    const rows: string[][] = [rowsOf([good])[0]!, rowsOf([other])[0]!];
    const expected: { row: number; code: ProblemCode; column: string | null; value?: string }[] = [];
    cases.forEach(([code, key, make], k) => {
      rows.push(make(10 + k));
      expected.push({ row: rows.length + 1, code, column: key ? col(key) : null });
    });
    rows.push([]);
    expected.push({ row: rows.length + 1, code: "empty_row", column: null });
    rows.push(rowsOf([person(99)])[0]!);
    // Trailing blank rows are not rows.
    rows.push([], []);
    const path = file("csv");
    await writeCsv(path, HEADER, rows);

    const { runId } = await checkFile(t.db, guiyang, { path, fileName: "bad.csv" }, { today: TODAY });
    const run = await importRun(t.db, guiyang, runId, { problemsShown: 10_000 });
    expect(run.status).toBe("checked");
    expect(run.totalRows).toBe(rows.length - 2);
    expect(run.blocked).toBe(false);
    for (const e of expected) {
      expect(run.problems, `${e.code} in row ${e.row}`).toContainEqual(expect.objectContaining({ row: e.row, code: e.code, column: e.column }));
    }
    // The duplicate names the earlier row.
    expect(run.problems).toContainEqual(expect.objectContaining({ code: "duplicate_in_file", value: "2" }));
    expect(run.problems).toContainEqual(expect.objectContaining({ code: "duplicate_id_in_file", value: "3" }));
    // Good rows have none; every bad row has one.
    const rowsWithProblems = new Set(run.problems.map((q) => q.row));
    expect(rowsWithProblems.has(2)).toBe(false);
    expect(rowsWithProblems.has(3)).toBe(false);
    expect(rowsWithProblems.has(rows.length - 1)).toBe(false);
    expect(run.rowsWithProblems).toBe(expected.length);
    expect(run.rejectedCount).toBe(expected.length);
    // ID and certificate numbers in the report are masked.
    const idProblem = run.problems.find((q) => q.code === "id_check_digit")!;
    expect(idProblem.value).toMatch(/^\d{4}\*{10}/);
    const codes = new Set(run.problems.map((q) => q.code));
    expect(codes.size).toBeGreaterThanOrEqual(40);
    for (const c of codes) expect(PROBLEM_CODES).toContain(c);

    // Importing it takes the good rows only.
    const result = await runImport(t.db, runId, { today: TODAY, batchSize: 7 });
    expect(result).toMatchObject({ doneRows: rows.length - 2, created: 3, updated: 0, unchanged: 0, rejected: expected.length });
  });

  it("reports the header's problems, and a missing or doubled required column blocks the import", async () => {
    const header = [...HEADER.filter((h) => h !== col("id_number")), "备注", "证号"];
    const rows = rowsOf([person(200)]).map((r) => [...r.filter((_, k) => HEADER[k] !== col("id_number")), "x", "y"]);
    const path = file("csv");
    await writeCsv(path, header, rows);
    const { runId } = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "header.csv" }, { today: TODAY });
    const run = await importRun(t.db, SYSTEM_ACTOR, runId);
    expect(run.problems).toContainEqual({ row: 1, column: "备注", code: "unknown_header", value: "备注" });
    expect(run.problems).toContainEqual({ row: 1, column: "证号", code: "duplicate_header", value: "证号" });
    expect(run.problems).toContainEqual({ row: 1, column: col("id_number"), code: "missing_header" });
    expect(run.blocked).toBe(true);
    expect(await startImport(t.db, SYSTEM_ACTOR, runId, { background: "promise" })).toEqual({ ok: false, error: "blocked" });

    const empty = file("csv");
    await writeCsv(empty, HEADER, []);
    const e = await importRun(t.db, SYSTEM_ACTOR, (await checkFile(t.db, SYSTEM_ACTOR, { path: empty, fileName: "empty.csv" })).runId);
    expect(e.problems).toEqual([{ row: 1, column: null, code: "no_data_rows" }]);
    expect(e.blocked).toBe(true);

    const broken = file("xlsx");
    await writeFile(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const b = await importRun(t.db, SYSTEM_ACTOR, (await checkFile(t.db, SYSTEM_ACTOR, { path: broken, fileName: "broken.xlsx" })).runId);
    expect(b.status).toBe("failed");
    expect(b.problems).toEqual([{ row: 1, column: null, code: "file_unreadable" }]);
  });

  it("accepts the headers common tools export: aliases, full-width spaces and brackets", async () => {
    const header = HEADER.map((h) => (h === col("certificate_number") ? "残疾证号" : h === col("id_number") ? "　公民身份号码（18位）" : h === col("region_code") ? "区划代码" : h));
    const path = file("csv");
    await writeCsv(path, header, rowsOf([person(210)]));
    const run = await importRun(t.db, SYSTEM_ACTOR, (await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "alias.csv" }, { today: TODAY })).runId);
    expect(run.problems).toEqual([]);
  });
});

describe("the import", () => {
  it("imports a good file; the same file again changes nothing; a changed row is updated", async () => {
    const people = Array.from({ length: 250 }, (_, i) => person(1000 + i));
    const path = file("xlsx");
    await writeXlsx(path, HEADER, rowsOf(people));
    const users = await t.db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();

    const first = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "good.xlsx" }, { today: TODAY });
    expect((await importRun(t.db, SYSTEM_ACTOR, first.runId)).problems).toEqual([]);
    const r1 = await runImport(t.db, first.runId, { batchSize: 100, today: TODAY });
    expect(r1).toEqual({ doneRows: 250, totalRows: 250, created: 250, updated: 0, unchanged: 0, rejected: 0 });
    const certs = people.map((p) => p.certificate_number);
    const before = await registryRows(certs);
    expect(before).toHaveLength(250);
    const p0 = before.find((r) => r.certificate_number === people[0]!.certificate_number)!;
    expect(p0).toMatchObject({ real_name: people[0]!.real_name, id_number: people[0]!.id_number, region_code: people[0]!.region_code, user_id: null, import_run_id: first.runId });
    expect(p0.needs).toEqual([...people[0]!.needs].sort());

    const second = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "good.xlsx" }, { today: TODAY });
    const r2 = await runImport(t.db, second.runId, { batchSize: 100, today: TODAY });
    expect(r2).toEqual({ doneRows: 250, totalRows: 250, created: 0, updated: 0, unchanged: 250, rejected: 0 });
    expect(await registryRows(certs)).toEqual(before);

    const changed = people.map((p, i) => (i === 8 ? { ...p, employment_status: "unemployed" as const, employment_form: null, employer_name: null } : p));
    const path3 = file("csv");
    await writeCsv(path3, HEADER, rowsOf(changed));
    const third = await checkFile(t.db, SYSTEM_ACTOR, { path: path3, fileName: "changed.csv" }, { today: TODAY });
    expect(await runImport(t.db, third.runId, { batchSize: 100, today: TODAY })).toMatchObject({ created: 0, updated: 1, unchanged: 249 });
    const after = await registryRows([people[8]!.certificate_number]);
    expect(after[0]).toMatchObject({ employment_status: "unemployed", employment_form: null, employer_name: null, import_run_id: third.runId });

    // No accounts made, nobody notified.
    expect((await t.db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n).toEqual(users.n);
    expect((await importRun(t.db, SYSTEM_ACTOR, third.runId)).status).toBe("completed");
  });

  it("an interrupted import resumes after its last committed batch to the same final state", async () => {
    const people = Array.from({ length: 330 }, (_, i) => person(2000 + i));
    const rows = rowsOf(people);
    rows[5]![HEADER.indexOf(col("phone"))] = "123"; // rejected in the first batch
    rows[250]![HEADER.indexOf(col("phone"))] = "456"; // and in the third
    const path = file("csv");
    await writeCsv(path, HEADER, rows, "utf-8-bom");
    const { runId } = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "resume.csv" }, { today: TODAY });
    const seen: number[] = [];
    await expect(
      runImport(t.db, runId, {
        batchSize: 100,
        today: TODAY,
        onProgress: (p) => seen.push(p.doneRows),
        afterBatch: (b) => {
          if (b === 2) throw new Error("power cut");
        },
      }),
    ).rejects.toThrow("power cut");
    const failed = await importRun(t.db, SYSTEM_ACTOR, runId);
    expect(failed).toMatchObject({ status: "failed", error: "power cut", doneRows: 200, createdCount: 199, rejectedCount: 1 });
    expect(seen).toEqual([0, 100, 200]);
    expect(await registryRows(people.map((p) => p.certificate_number))).toHaveLength(199);

    const resumed = await runImport(t.db, runId, { batchSize: 100, today: TODAY });
    expect(resumed).toEqual({ doneRows: 330, totalRows: 330, created: 328, updated: 0, unchanged: 0, rejected: 2 });
    const stored = await registryRows(people.map((p) => p.certificate_number));
    expect(stored.map((r) => r.certificate_number)).toEqual(people.filter((_, i) => i !== 5 && i !== 250).map((p) => p.certificate_number).sort());
    expect(new Set(stored.map((r) => r.import_run_id))).toEqual(new Set([runId]));
    expect((await importRun(t.db, SYSTEM_ACTOR, runId)).status).toBe("completed");
  });

  it("startImport runs the import in the background and refuses a run not ready", async () => {
    const guiyang = await admin("520100");
    const people = Array.from({ length: 20 }, (_, i) => person(2500 + i));
    const path = file("csv");
    await writeCsv(path, HEADER, rowsOf(people), "gbk");
    const { runId } = await checkFile(t.db, guiyang, { path, fileName: "bg.csv" });
    expect(await startImport(t.db, guiyang, runId, { background: "promise" })).toEqual({ ok: true });
    for (let i = 0; i < 200 && (await importRun(t.db, guiyang, runId)).status !== "completed"; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await importRun(t.db, guiyang, runId)).toMatchObject({ status: "completed", createdCount: 20 });
    expect(await startImport(t.db, guiyang, runId, { background: "promise" })).toEqual({ ok: false, error: "notReady" });

    // A file changed after its check is not imported.
    const path2 = file("csv");
    await writeCsv(path2, HEADER, rowsOf([person(2600)]));
    const second = await checkFile(t.db, guiyang, { path: path2, fileName: "changed.csv" });
    await writeCsv(path2, HEADER, rowsOf([person(2601)]));
    expect(await startImport(t.db, guiyang, second.runId, { background: "promise" })).toEqual({ ok: false, error: "fileChanged" });
  });
  it("startImport hands the run to the job queue's interop.import, which imports it", async () => {
    const queue = new InProcessQueue({ db: () => t.db, definitions: interopJobs as never, log: () => undefined });
    setJobQueue(queue);
    const people = Array.from({ length: 12 }, (_, i) => person(2700 + i));
    const path = file("xlsx");
    await writeXlsx(path, HEADER, rowsOf(people));
    const { runId } = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "queued.xlsx" });
    expect(await startImport(t.db, SYSTEM_ACTOR, runId)).toEqual({ ok: true });
    expect((await importRun(t.db, SYSTEM_ACTOR, runId)).status).toBe("importing");
    expect(await queue.runDue(["interop.import"])).toBe(1);
    expect(await importRun(t.db, SYSTEM_ACTOR, runId)).toMatchObject({ status: "completed", createdCount: 12, doneRows: 12 });
  });
});

describe("reading files", () => {
  const tricky = () => {
    const rows = rowsOf([person(3000), person(3001, { real_name: "阿依古丽·买买提", employment_status: "employed", employment_form: "auxiliary", employer_name: "贵州“黔程”服务中心, 第二分部", training: "盲人按摩\n第二期" })]);
    rows.push(rowsOf([person(3002)])[0]!.map((c, k) => (k === HEADER.indexOf(col("disability_category")) ? "龍" : c)));
    return rows;
  };

  it("a junk file with NUL characters is reported, not refused (PostgreSQL text cannot hold NUL)", async () => {
    const path = file("csv");
    await writeFile(path, `姓名\u0000,x\u0000y\n\u0000,\u0000\n`);
    const out: string[][] = [];
    for await (const r of readRows(path, "csv")) out.push(r.cells);
    expect(out).toEqual([["姓名", "xy"], ["", ""]]);
    const { runId } = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "junk.csv" }, { today: TODAY });
    const report = await fullReport(runId);
    expect(report.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain("\\u0000");
  });

  it("GBK and UTF-8 (with and without BOM) CSV files read alike", async () => {
    const rows = tricky();
    const read = async (encoding: "utf-8" | "utf-8-bom" | "gbk") => {
      const path = file("csv");
      await writeCsv(path, HEADER, rows, encoding);
      const out: string[][] = [];
      for await (const r of readRows(path, "csv")) out.push(r.cells);
      const { runId } = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "enc.csv" }, { today: TODAY });
      return { cells: out, problems: await fullReport(runId) };
    };
    const utf8 = await read("utf-8");
    expect(utf8.cells).toEqual([HEADER, ...rows]);
    expect(utf8.problems).toEqual([{ row: 4, column: col("disability_category"), code: "unknown_category", value: "龍" }]);
    expect(await read("utf-8-bom")).toEqual(utf8);
    expect(await read("gbk")).toEqual(utf8);
  });

  it("XLSX and CSV files read alike", async () => {
    const rows = tricky();
    const csv = file("csv");
    const xlsx = file("xlsx");
    await writeCsv(csv, HEADER, rows);
    await writeXlsx(xlsx, HEADER, rows);
    const cellsOf = async (path: string, format: "csv" | "xlsx") => {
      const out: { row: number; cells: string[] }[] = [];
      for await (const r of readRows(path, format)) out.push(r);
      return out;
    };
    expect(await cellsOf(xlsx, "xlsx")).toEqual(await cellsOf(csv, "csv"));
    const a = await fullReport((await checkFile(t.db, SYSTEM_ACTOR, { path: csv, fileName: "a.csv" }, { today: TODAY })).runId);
    const b = await fullReport((await checkFile(t.db, SYSTEM_ACTOR, { path: xlsx, fileName: "a.xlsx" }, { today: TODAY })).runId);
    expect(b).toEqual(a);
  });
  it("Chinese text split across the XLSX archive's chunks reads whole (exceljs patched: patches/exceljs+4.4.0.patch)", async () => {
    const people = Array.from({ length: 400 }, (_, i) => person(3200 + i, { training: `盲人按摩与职业技能培训第${i}期，`.repeat(12) }));
    const path = file("xlsx");
    await writeXlsx(path, HEADER, rowsOf(people));
    let cells = 0;
    for await (const r of readRows(path, "xlsx")) {
      for (const c of r.cells) expect(c).not.toContain("\uFFFD");
      if (r.row > 1) expect(r.cells).toEqual(rowsOf([people[r.row - 2]!])[0]);
      cells += r.cells.length;
    }
    expect(cells).toBe(401 * HEADER.length);
  });
});

describe("who may import", () => {
  it("admins only; a prefecture admin sees the runs of their region, not the province's", async () => {
    const province = await admin("520000");
    const guiyang = await admin("520100");
    const zunyi = await admin("520300");
    const counselorUser = await createUser(t.db, { role: "counselor", regionCode: "520100" });
    const counselor: Actor = { id: counselorUser.id, role: "counselor", regionCode: "520100" };
    const path = file("csv");
    await writeCsv(path, HEADER, rowsOf([person(3100)]));
    await expect(checkFile(t.db, counselor, { path, fileName: "x.csv" })).rejects.toMatchObject({ status: 404 });
    const mine = await checkFile(t.db, guiyang, { path, fileName: "guiyang.csv" });
    const system = await checkFile(t.db, SYSTEM_ACTOR, { path, fileName: "system.csv" });
    await expect(importRun(t.db, zunyi, mine.runId)).rejects.toMatchObject({ status: 404 });
    await expect(importRun(t.db, guiyang, system.runId)).rejects.toMatchObject({ status: 404 });
    await expect(importRun(t.db, counselor, mine.runId)).rejects.toMatchObject({ status: 404 });
    expect((await importRun(t.db, province, mine.runId)).fileName).toBe("guiyang.csv");
    const listed = await listImportRuns(t.db, guiyang, 1);
    expect(listed.runs.map((r) => r.id)).toContain(mine.runId);
    expect(listed.runs.map((r) => r.id)).not.toContain(system.runId);
    expect((await listImportRuns(t.db, zunyi, 1)).runs.map((r) => r.id)).not.toContain(mine.runId);
    const all = await listImportRuns(t.db, province, 1);
    expect(all.total).toBeGreaterThanOrEqual(2);
  });
});
