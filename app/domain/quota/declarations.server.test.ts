import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { certificateFor, freshIdNumber } from "../../../tests/fixtures/seekers";
import { actorOf, employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { DeclarationInput } from "./declarations.schema";
import { isShorterThanOneYear } from "./declarations.schema";
import {
  approveDeclaration,
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
