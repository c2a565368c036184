import { describe, expect, it } from "vitest";
import { createOrganization, createUser } from "../../../tests/fixtures/factories";
import { certificateFor, freshIdNumber } from "../../../tests/fixtures/seekers";
import { actorOf, employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { DeclarationInput } from "./declarations.schema";
import { isShorterThanOneYear, OBJECTIONS_PER_DAY } from "./declarations.schema";
import {
  approveDeclaration,
  canPublishDisclosure,
  fileObjection,
  getDeclarationForReview,
  getDisclosure,
  listForReview,
  publishDisclosure,
  resolveObjection,
  returnDeclaration,
  saveDeclaration,
} from "./declarations.server";
import { disclosureCsv, disclosureXlsx } from "./disclosure-export.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };
// A levy year no other test uses (the PostgreSQL test database is shared), on data of the year before.
const YEAR = 2031;

async function parameters() {
  for (const [name, value] of [
    ["local_average_wage", "90000"],
    ["minimum_wage", "1890"],
  ] as const) {
    await t.db
      .insertInto("rule_parameter")
      .values({ name, year: YEAR - 1, value })
      .onConflict((oc) => oc.columns(["name", "year"]).doUpdateSet({ value }))
      .execute();
  }
}

function cert(grade = 3) {
  return certificateFor(freshIdNumber(), "physical", grade);
}

function input(overrides: Partial<DeclarationInput> = {}): DeclarationInput {
  return {
    monthlyStaff: Array.from({ length: 12 }, () => 201),
    salaryTotal: 201 * 80000,
    employees: [
      { fullName: "张三", kind: "disabled", certificateNumber: cert(2), grade: 2, contractStart: `${YEAR - 2}-01-01`, insuranceMonths: 12, monthlyPay: 5000 },
    ],
    ...overrides,
  };
}

async function admin() {
  const user = await createUser(t.db, { role: "admin", regionCode: "520000" });
  return { id: user.id, role: "admin" as const, regionCode: "520000" };
}

describe("contract length", () => {
  it("a year from the first to the day before is a full year; a day less is short; open-ended is not short", () => {
    expect(isShorterThanOneYear("2025-01-01", "2025-12-31")).toBe(false);
    expect(isShorterThanOneYear("2025-01-01", "2025-12-30")).toBe(true);
    expect(isShorterThanOneYear("2024-03-01", "2025-02-28")).toBe(false);
    expect(isShorterThanOneYear("2025-01-15", "2026-01-13")).toBe(true);
    expect(isShorterThanOneYear("2025-01-15", null)).toBe(false);
  });
});

describe("annual declarations", () => {
  it("an employer submits; the levy is computed exactly with the federation's parameters and stored", async () => {
    await parameters();
    const e = await employerWithOrganization(t.db);
    const r = await saveDeclaration(t.db, e.actor, e.organization.id, YEAR, input(), { submit: true });
    expect(r).toMatchObject({ ok: true, value: { status: "submitted" } });
    const row = await t.db.selectFrom("quota_declaration").select(["status", "result"]).where("organization_id", "=", e.organization.id).executeTakeFirstOrThrow();
    // 201 × 1.5% = 3.015 required; grade 2 counts double → 2; shortfall 1.015 × 80000 = 81200. Levy year 2031 is
    // after the last known relief (2023–2027), so the full levy is payable.
    expect(row.result).toMatchObject({ requiredCount: "3.015", countedDisabled: "2", fullLevy: "81200.00", tierFactor: 1, payable: "81200.00", staffCount: "201" });
    // Submitted: no more changes until the federation returns it.
    expect(await saveDeclaration(t.db, e.actor, e.organization.id, YEAR, input(), { submit: false })).toEqual({ ok: false, fieldErrors: { "": ["declarations.err.locked"] } });
  });

  it("another organization's member cannot read or write it", async () => {
    const e = await employerWithOrganization(t.db);
    const other = await employerWithOrganization(t.db);
    await expect(saveDeclaration(t.db, other.actor, e.organization.id, YEAR, input(), { submit: false })).rejects.toMatchObject(NOT_FOUND);
  });

  it("the reviewer sees each check; approving and returning notify the organization", async () => {
    await parameters();
    const shared = cert(3);
    const a = await employerWithOrganization(t.db);
    const b = await employerWithOrganization(t.db);
    await saveDeclaration(
      t.db,
      a.actor,
      a.organization.id,
      YEAR,
      input({
        employees: [
          { fullName: "李四", kind: "disabled", certificateNumber: shared, grade: 3, contractStart: `${YEAR - 1}-03-01`, contractEnd: `${YEAR - 1}-12-31`, insuranceMonths: 10, monthlyPay: 1500 },
          { fullName: "王五", kind: "disabled", certificateNumber: "52010219900101123X99", grade: 3, contractStart: `${YEAR - 3}-01-01`, insuranceMonths: 12, monthlyPay: 4000 },
        ],
      }),
      { submit: true },
    );
    await saveDeclaration(
      t.db,
      b.actor,
      b.organization.id,
      YEAR,
      input({ employees: [{ fullName: "李四", kind: "disabled", certificateNumber: shared, grade: 3, contractStart: `${YEAR - 3}-01-01`, insuranceMonths: 12, monthlyPay: 4000 }] }),
      { submit: true },
    );
    const reviewer = await admin();
    const queue = await listForReview(t.db, reviewer, { levyYear: YEAR, status: "submitted" });
    const idA = queue.find((q) => q.organizationName === a.organization.name)!.id;
    const idB = queue.find((q) => q.organizationName === b.organization.name)!.id;

    const view = await getDeclarationForReview(t.db, reviewer, idA, { ip: "test" });
    const kinds = view.checks.map((c) => `${c.employee}:${c.kind}`).sort();
    expect(kinds).toEqual(["0:belowMinimumWage", "0:duplicateCertificate", "0:shortContract", "1:certificateInvalid"]);
    expect(view.checks.find((c) => c.kind === "duplicateCertificate")!.params).toEqual({ organization: b.organization.name });
    // The certificate numbers were read by someone other than the employer: audited.
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("actor_id", "=", reviewer.id).execute();
    expect(audit).toEqual([{ action: "read", entity: "quota_declaration_employees" }]);

    expect(await returnDeclaration(t.db, reviewer, idA, "工资低于最低工资标准，请核实")).toEqual({ ok: true, value: { status: "returned" } });
    expect(await approveDeclaration(t.db, reviewer, idB)).toEqual({ ok: true, value: { status: "approved" } });
    expect(await approveDeclaration(t.db, reviewer, idB)).toEqual({ ok: false, fieldErrors: { "": ["declarations.err.notWaiting"] } });
    const notes = await t.db.selectFrom("notification").select("kind").where("user_id", "in", [a.user.id, b.user.id]).orderBy("kind").execute();
    expect(notes.map((n) => n.kind)).toEqual(["declaration.approved", "declaration.returned"]);
    // Returned: the employer may correct and submit again.
    expect((await saveDeclaration(t.db, a.actor, a.organization.id, YEAR, input(), { submit: true })).ok).toBe(true);

    // A reviewer of another prefecture does not see it at all.
    const far = { ...(await admin()), regionCode: "520300" };
    await expect(getDeclarationForReview(t.db, far, idB)).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("certificate numbers in the review (issue 12 item 10)", () => {
  it("flags a 残疾人证号 whose ID part has an impossible birth date (month 13, born 1897) or no province code", async () => {
    await parameters();
    const e = await employerWithOrganization(t.db);
    // Right check characters, category and grade: only the birth date or the province code is wrong.
    const month13 = certificateFor(freshIdNumber({ birth: "19901301" }), "physical", 3);
    const born1897 = certificateFor(freshIdNumber({ birth: "18970315" }), "physical", 3);
    const noProvince = certificateFor(freshIdNumber({ region: "990102" }), "physical", 3);
    const row = (fullName: string, certificateNumber: string) =>
      ({ fullName, kind: "disabled", certificateNumber, grade: 3, contractStart: `${YEAR - 3}-01-01`, insuranceMonths: 12, monthlyPay: 4000 }) as const;
    const saved = await saveDeclaration(
      t.db,
      e.actor,
      e.organization.id,
      YEAR,
      input({ employees: [row("甲", month13), row("乙", born1897), row("丙", noProvince), row("丁", cert(3))] }),
      { submit: true },
    );
    expect(saved.ok).toBe(true);
    const reviewer = await admin();
    const queue = await listForReview(t.db, reviewer, { levyYear: YEAR, status: "submitted" });
    const view = await getDeclarationForReview(t.db, reviewer, queue.find((q) => q.organizationName === e.organization.name)!.id);
    // Employees are listed by name; the checks point at them by position.
    const flagged = view.checks.filter((c) => c.kind === "certificateInvalid").map((c) => [view.employees[c.employee]!.fullName, c.params.problem]);
    expect(Object.fromEntries(flagged)).toEqual({ 甲: "idBirthDate", 乙: "idBirthTooEarly", 丙: "idProvince" });
  });
});

describe("disclosure and objections", () => {
  it("publishes approved declarations, takes objections in the window, resolves them, and exports", async () => {
    await parameters();
    const year = YEAR + 1;
    // Only this test uses this year; a PostgreSQL database kept from an earlier run may still hold its disclosure.
    await t.db.deleteFrom("quota_disclosure").where("levy_year", "=", year).execute();
    await t.db.deleteFrom("quota_declaration").where("levy_year", "=", year).execute();
    for (const [name, value] of [["local_average_wage", "95000"]] as const) {
      await t.db.insertInto("rule_parameter").values({ name, year: year - 1, value }).onConflict((oc) => oc.columns(["name", "year"]).doUpdateSet({ value })).execute();
    }
    const e = await employerWithOrganization(t.db);
    await saveDeclaration(t.db, e.actor, e.organization.id, year, input({ monthlyStaff: Array.from({ length: 12 }, () => 100) , salaryTotal: 100 * 60000 }), { submit: true });
    const reviewer = await admin();
    const [item] = await listForReview(t.db, reviewer, { levyYear: year });
    await approveDeclaration(t.db, reviewer, item!.id);
    const now = new Date("2032-03-01T00:00:00Z");
    const published = await publishDisclosure(t.db, reviewer, year, 7, now);
    expect(published).toMatchObject({ ok: true, value: { entries: 1 } });
    expect(await publishDisclosure(t.db, reviewer, year, 7, now)).toEqual({ ok: false, fieldErrors: { levyYear: ["declarations.err.alreadyPublished"] } });

    const d = await getDisclosure(t.db, year, now);
    // 100 staff: required 1.5; one grade-2 employee counts 2 → met.
    expect(d.entries).toEqual([expect.objectContaining({ organizationName: e.organization.name, staffCount: "100", requiredCount: "1.5", countedDisabled: "2", met: true })]);
    expect(JSON.stringify(d)).not.toContain("张三");

    const citizen = actorOf(await createUser(t.db, { role: "seeker" }));
    const filed = await fileObjection(t.db, citizen, d.entries[0]!.id, "这家单位实际没有残疾职工在岗", new Date(now.getTime() + 86_400_000));
    expect(filed.ok).toBe(true);
    expect(await fileObjection(t.db, citizen, d.entries[0]!.id, "异议期结束后再提", new Date(now.getTime() + 8 * 86_400_000))).toEqual({
      ok: false,
      fieldErrors: { "": ["declarations.err.windowClosed"] },
    });
    expect((await getDisclosure(t.db, year, now)).entries[0]!.openObjections).toBe(1);
    if (!filed.ok) throw new Error("objection");
    expect(await resolveObjection(t.db, reviewer, filed.value.id, "dismissed", "已核实社保缴纳记录，情况属实")).toEqual({ ok: true, value: null });
    expect((await getDisclosure(t.db, year, now)).entries[0]!.openObjections).toBe(0);
    const note = await t.db.selectFrom("notification").select("kind").where("user_id", "=", citizen.id).execute();
    expect(note).toEqual([{ kind: "objection.dismissed" }]);

    const csv = await disclosureCsv(t.db, year);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(e.organization.name);
    expect(csv.split("\n").length).toBeGreaterThanOrEqual(2);
    const xlsx = await disclosureXlsx(t.db, year);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("one disclosure a year for the whole province (decision 010)", () => {
  /** A year of its own, cleared first (a PostgreSQL database kept from an earlier run may hold its rows). */
  async function freshYear(year: number) {
    await t.db.deleteFrom("quota_disclosure").where("levy_year", "=", year).execute();
    await t.db.deleteFrom("quota_declaration").where("levy_year", "=", year).execute();
    await t.db
      .insertInto("rule_parameter")
      .values({ name: "local_average_wage", year: year - 1, value: "90000" })
      .onConflict((oc) => oc.columns(["name", "year"]).doUpdateSet({ value: "90000" }))
      .execute();
  }

  async function adminOf(regionCode: string) {
    const user = await createUser(t.db, { role: "admin", regionCode });
    return { id: user.id, role: "admin" as const, regionCode };
  }

  /** An employer in `regionCode` whose declaration for `year` is submitted. */
  async function declared(year: number, regionCode: string) {
    const user = await createUser(t.db, { role: "employer" });
    const organization = await createOrganization(t.db, user.id, { regionCode });
    const r = await saveDeclaration(t.db, actorOf(user), organization.id, year, input(), { submit: true });
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    return { organization, declarationId: r.value.id };
  }

  /** A published disclosure of `year` with `count` entries, alternately in 贵阳 and 遵义. */
  async function published(year: number, now: Date, count = 2) {
    await freshYear(year);
    const province = await adminOf("520000");
    for (let i = 0; i < count; i++) {
      const d = await declared(year, i % 2 ? "520302" : "520102");
      expect((await approveDeclaration(t.db, province, d.declarationId)).ok).toBe(true);
    }
    expect(await publishDisclosure(t.db, province, year, 7, now)).toMatchObject({ ok: true, value: { entries: count } });
    const entries = (await getDisclosure(t.db, year, now)).entries.map((e) => e.id);
    return { province, entries, first: entries[0]!, second: entries[1]! };
  }

  it("a prefecture admin reviews their region but cannot publish; the province's publish then holds every region", async () => {
    const year = YEAR + 2;
    await freshYear(year);
    const guiyang = await declared(year, "520102");
    const zunyi = await declared(year, "520302");
    const prefecture = await adminOf("520100");
    const province = await adminOf("520000");
    const now = new Date(`${year}-03-01T00:00:00Z`);

    // The prefecture's admin sees and approves their region's declaration only.
    expect((await listForReview(t.db, prefecture, { levyYear: year })).map((d) => d.organizationName)).toEqual([guiyang.organization.name]);
    expect(await approveDeclaration(t.db, prefecture, guiyang.declarationId)).toEqual({ ok: true, value: { status: "approved" } });
    await expect(approveDeclaration(t.db, prefecture, zunyi.declarationId)).rejects.toMatchObject(NOT_FOUND);
    expect((await approveDeclaration(t.db, province, zunyi.declarationId)).ok).toBe(true);

    // Publishing is the province's: refused first, and nothing is created.
    expect(canPublishDisclosure(prefecture)).toBe(false);
    expect(canPublishDisclosure(await adminOf("520102"))).toBe(false);
    expect(canPublishDisclosure(province)).toBe(true);
    expect(await publishDisclosure(t.db, prefecture, year, 7, now)).toEqual({ ok: false, fieldErrors: { "": ["declarations.err.provinceOnly"] } });
    expect(await publishDisclosure(t.db, await adminOf("520102"), year, 7, now)).toEqual({ ok: false, fieldErrors: { "": ["declarations.err.provinceOnly"] } });
    // Anyone who does not review declarations at all finds nothing there.
    const employer = await employerWithOrganization(t.db);
    await expect(publishDisclosure(t.db, employer.actor, year, 7, now)).rejects.toMatchObject(NOT_FOUND);
    expect(await t.db.selectFrom("quota_disclosure").select("id").where("levy_year", "=", year).execute()).toEqual([]);

    // The province publishes once, with both prefectures' organizations.
    expect(await publishDisclosure(t.db, province, year, 7, now)).toMatchObject({ ok: true, value: { entries: 2 } });
    const d = await getDisclosure(t.db, year, now);
    expect(d.entries.map((e) => [e.organizationName, e.regionCode]).sort()).toEqual(
      [
        [guiyang.organization.name, "520102"],
        [zunyi.organization.name, "520302"],
      ].sort(),
    );
    expect(await publishDisclosure(t.db, province, year, 7, now)).toEqual({ ok: false, fieldErrors: { levyYear: ["declarations.err.alreadyPublished"] } });
  });

  it("two publishes at once make one disclosure", async () => {
    const year = YEAR + 3;
    await freshYear(year);
    const d = await declared(year, "520102");
    const province = await adminOf("520000");
    await approveDeclaration(t.db, province, d.declarationId);
    const now = new Date(`${year}-03-01T00:00:00Z`);
    const results = await Promise.all([publishDisclosure(t.db, province, year, 7, now), publishDisclosure(t.db, province, year, 7, now)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { levyYear: ["declarations.err.alreadyPublished"] } });
    const rows = await t.db
      .selectFrom("quota_disclosure as q")
      .innerJoin("quota_disclosure_entry as e", "e.disclosure_id", "q.id")
      .select("e.id")
      .where("q.levy_year", "=", year)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("one open objection per person and entry, also when sent twice at once; again once it is resolved", async () => {
    const year = YEAR + 4;
    const publishedAt = new Date(`${year}-03-01T00:00:00Z`);
    const { province, first, second } = await published(year, publishedAt);
    const later = (hours: number) => new Date(publishedAt.getTime() + hours * 3_600_000);
    const citizen = actorOf(await createUser(t.db, { role: "seeker" }));

    const filed = await fileObjection(t.db, citizen, first, "这家单位的残疾职工早已离职", later(1));
    expect(filed.ok).toBe(true);
    expect(await fileObjection(t.db, citizen, first, "再提一次同样的异议", later(2))).toEqual({ ok: false, fieldErrors: { entryId: ["declarations.err.objectionOpen"] } });
    // Another entry, or another person, is another objection.
    expect((await fileObjection(t.db, citizen, second, "这家单位的人数不对", later(2))).ok).toBe(true);
    expect((await fileObjection(t.db, actorOf(await createUser(t.db, { role: "seeker" })), first, "我也有异议", later(2))).ok).toBe(true);

    // Twice at once: one is kept.
    const hurried = actorOf(await createUser(t.db, { role: "employer" }));
    const both = await Promise.all([fileObjection(t.db, hurried, first, "双击提交的异议", later(3)), fileObjection(t.db, hurried, first, "双击提交的异议", later(3))]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { entryId: ["declarations.err.objectionOpen"] } });
    // The database holds the rule by itself (a partial unique index), whatever the code in front of it does.
    await expect(t.db.insertInto("quota_objection").values({ entry_id: first, user_id: hurried.id, reason: "绕过检查" }).execute()).rejects.toThrow();
    const open = await t.db.selectFrom("quota_objection").select("id").where("user_id", "=", hurried.id).where("status", "=", "open").execute();
    expect(open).toHaveLength(1);

    // Once resolved, the same person may object to the entry again.
    if (!filed.ok) throw new Error("objection");
    expect(await resolveObjection(t.db, province, filed.value.id, "dismissed", "已核实")).toEqual({ ok: true, value: null });
    expect((await fileObjection(t.db, citizen, first, "补充新的情况", later(4))).ok).toBe(true);
  });

  it("at most ten objections a person in 24 hours, counted in the database, also when sent at once", async () => {
    const year = YEAR + 5;
    const publishedAt = new Date(`${year}-03-01T00:00:00Z`);
    const { entries, first, second } = await published(year, publishedAt, OBJECTIONS_PER_DAY + 2);
    const at = (hours: number) => new Date(publishedAt.getTime() + hours * 3_600_000);
    expect(OBJECTIONS_PER_DAY).toBe(10);

    /** A person with `n` objections (already resolved) filed at `when`. */
    async function objector(n: number, when: Date) {
      const actor = actorOf(await createUser(t.db, { role: "seeker" }));
      if (!n) return actor;
      await t.db
        .insertInto("quota_objection")
        .values(Array.from({ length: n }, () => ({ entry_id: first, user_id: actor.id, reason: "以前的异议", status: "dismissed" as const, created_at: when })))
        .execute();
      return actor;
    }
    const limit = { ok: false, fieldErrors: { "": [`declarations.err.objectionLimit|${JSON.stringify({ limit: 10 })}`] } };

    const busy = await objector(9, at(1));
    expect((await fileObjection(t.db, busy, first, "第十条异议", at(2))).ok).toBe(true);
    expect(await fileObjection(t.db, busy, second, "第十一条异议", at(3))).toEqual(limit);
    // A day after the first nine, they no longer count.
    expect((await fileObjection(t.db, busy, second, "第二天的异议", at(25))).ok).toBe(true);

    // Twelve at once, each to another entry: ten are kept, two refused.
    const racing = await objector(0, at(1));
    const all = await Promise.all(entries.map((entry, i) => fileObjection(t.db, racing, entry, `同时提交的第 ${i + 1} 条异议`, at(2))));
    expect(all.filter((r) => r.ok)).toHaveLength(10);
    expect(all.filter((r) => !r.ok)).toEqual([limit, limit]);
    const count = await t.db.selectFrom("quota_objection").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", racing.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10);
  });
});
