import { describe, expect, it } from "vitest";
import type { DB } from "../../../db/database";
import { createOrganization, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { actorOf } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { setRuleParameter } from "./parameters.server";
import { contractRunsOneYear, declaredEmployeeSchema, quotaInputsSchema } from "./position.schema";
import {
  addDeclaredEmployee,
  currentDataYear,
  lastDayEmployed,
  levyEmployerType,
  monthsInYear,
  quotaPosition,
  removeDeclaredEmployee,
  savingPerHireForVacancy,
  saveQuotaInputs,
} from "./position.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };
/** Mid-2026 in Guizhou: the live position is for data year 2026, levy year 2027. */
const NOW = new Date("2026-06-01T10:00:00+08:00");

/* Rule parameters are site-wide: each test runs in a rolled-back transaction that starts without any. */
const ROLLBACK = Symbol("rollback");
async function isolated(fn: (db: DB) => Promise<void>) {
  try {
    await t.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("rule_parameter").execute();
      await fn(trx);
      throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
}

async function setParameters(db: DB, values: { localAverageWage?: string; minimumWage?: string; year?: number }) {
  const admin: Actor = { ...actorOf(await createUser(db, { role: "admin", regionCode: "520000" })), regionCode: "520000" };
  const year = values.year ?? 2025;
  if (values.localAverageWage) await setRuleParameter(db, admin, { name: "local_average_wage", year, value: values.localAverageWage });
  if (values.minimumWage) await setRuleParameter(db, admin, { name: "minimum_wage", year, value: values.minimumWage });
}

async function employer(db: DB, type: "enterprise" | "public_institution" | "individual_business" = "enterprise") {
  const user = await createUser(db, { role: "employer" });
  const organization = await createOrganization(db, user.id, { type, staffCount: 201 });
  return { user, actor: actorOf(user), organization };
}

async function hire(
  db: DB,
  organizationId: string,
  e: { start: string; end?: string | null; endedOn?: string | null; grade: number | null; insurance?: boolean; pay?: number; title?: string },
) {
  const vacancy = await createVacancy(db, organizationId, { title: e.title ?? "客服专员" });
  const seeker = await createUser(db, { role: "seeker" });
  return db
    .insertInto("employment")
    .values({
      organization_id: organizationId,
      seeker_id: seeker.id,
      vacancy_id: vacancy.id,
      contract_start: e.start,
      contract_end: e.end ?? null,
      ended_on: e.endedOn ?? null,
      social_insurance: e.insurance ?? true,
      monthly_pay: e.pay ?? 4000,
      disability_grade: e.grade,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

async function saveInputs(db: DB, actor: Actor, organizationId: string, staffCount: string, averageSalary: string) {
  const r = await saveQuotaInputs(db, actor, { organizationId, staffCount, averageSalary });
  expect(r.ok).toBe(true);
}

describe("months of the data year (the 15th rule)", () => {
  it("counts a month when the employee was employed on its 15th", () => {
    expect(monthsInYear("2026-01-01", null, 2026)).toBe(12);
    expect(monthsInYear("2025-03-01", null, 2026)).toBe(12);
    expect(monthsInYear("2026-10-01", null, 2026)).toBe(3); // "hired in October: 3 months" (quota-rules §3)
    expect(monthsInYear("2026-10-15", null, 2026)).toBe(3);
    expect(monthsInYear("2026-10-16", null, 2026)).toBe(2);
    expect(monthsInYear("2026-12-16", null, 2026)).toBe(0);
    expect(monthsInYear("2025-06-01", "2026-03-14", 2026)).toBe(2);
    expect(monthsInYear("2025-06-01", "2026-03-15", 2026)).toBe(3);
    expect(monthsInYear("2026-05-20", "2026-05-31", 2026)).toBe(0);
    expect(monthsInYear("2026-05-10", "2026-05-20", 2026)).toBe(1);
    expect(monthsInYear("2027-01-01", null, 2026)).toBe(0);
    expect(monthsInYear("2020-01-01", "2025-12-31", 2026)).toBe(0);
  });

  it("ends employment at the earlier of contract end and the day they left", () => {
    expect(lastDayEmployed(null, null)).toBeNull();
    expect(lastDayEmployed("2027-02-28", null)).toBe("2027-02-28");
    expect(lastDayEmployed(null, "2026-08-01")).toBe("2026-08-01");
    expect(lastDayEmployed("2027-02-28", "2026-08-01")).toBe("2026-08-01");
    expect(lastDayEmployed("2026-07-01", "2026-08-01")).toBe("2026-07-01");
  });

  it("a contract of one year (inclusive) or open-ended counts; a shorter one does not", () => {
    expect(contractRunsOneYear("2026-03-01", null)).toBe(true);
    expect(contractRunsOneYear("2026-03-01", "2027-02-28")).toBe(true);
    expect(contractRunsOneYear("2026-03-01", "2027-02-27")).toBe(false);
    expect(contractRunsOneYear("2026-01-01", "2026-12-31")).toBe(true);
    expect(contractRunsOneYear("2026-01-01", "2026-12-30")).toBe(false);
    expect(contractRunsOneYear("2024-02-29", "2025-02-28")).toBe(true);
    expect(contractRunsOneYear("2024-02-29", "2025-02-27")).toBe(false);
  });

  it("the data year is the calendar year in Shanghai", () => {
    expect(currentDataYear(new Date("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(currentDataYear(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });

  it("an individual business is estimated as an enterprise", () => {
    expect(levyEmployerType("individual_business")).toBe("enterprise");
    expect(levyEmployerType("public_institution")).toBe("public_institution");
  });
});

describe("the forms' schemas", () => {
  it("staff count may be an average with decimals; salary is yuan and fen; both positive", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(quotaInputsSchema.parse({ organizationId: id, staffCount: "86.25", averageSalary: "80,000.50" })).toEqual({
      organizationId: id,
      staffCount: "86.25",
      averageSalary: "80000.5",
    });
    const r = quotaInputsSchema.safeParse({ organizationId: id, staffCount: "0", averageSalary: "1.234" });
    expect(r.success ? {} : r.error.flatten().fieldErrors).toEqual({ staffCount: ["quota.position.err.staff"], averageSalary: ["quota.position.err.salary"] });
  });

  it("a declared employee needs a grade in range for the kind and a contract of at least a year", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const base = { organizationId: id, kind: "disabled", grade: 2, contractStart: "2026-03-01" };
    expect(declaredEmployeeSchema.safeParse(base).success).toBe(true);
    expect(declaredEmployeeSchema.safeParse({ ...base, kind: "veteran", grade: 8 }).success).toBe(true);
    const r = declaredEmployeeSchema.safeParse({ ...base, grade: 5, contractEnd: "2026-09-01" });
    expect(r.success ? {} : r.error.flatten().fieldErrors).toEqual({ grade: ["quota.position.err.disabledGrade"], contractEnd: ["quota.position.err.shortContract"] });
    const order = declaredEmployeeSchema.safeParse({ ...base, contractEnd: "2026-02-01" });
    expect(order.success ? {} : order.error.flatten().fieldErrors).toEqual({ contractEnd: ["quota.position.err.endBeforeStart"] });
  });
});

describe("who may see and change the position", () => {
  it("only members of the organization; others get a 404", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      const other = await employer(db);
      await expect(quotaPosition(db, other.actor, { organizationId: a.organization.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(quotaPosition(db, a.actor, { organizationId: "not-a-uuid" })).rejects.toMatchObject(NOT_FOUND);
      await expect(saveQuotaInputs(db, other.actor, { organizationId: a.organization.id, staffCount: "10", averageSalary: "1" })).rejects.toMatchObject(NOT_FOUND);
      await expect(
        addDeclaredEmployee(db, other.actor, { organizationId: a.organization.id, kind: "disabled", grade: 1, contractStart: "2026-01-01" }),
      ).rejects.toMatchObject(NOT_FOUND);
      const admin = { ...actorOf(await createUser(db, { role: "admin", regionCode: "520000" })), regionCode: "520000" };
      await expect(quotaPosition(db, admin)).rejects.toMatchObject(NOT_FOUND);
      const seeker = actorOf(await createUser(db, { role: "seeker" }));
      await expect(quotaPosition(db, seeker)).rejects.toMatchObject(NOT_FOUND);
      expect(await db.selectFrom("quota_position_input").select("organization_id").where("organization_id", "=", a.organization.id).execute()).toHaveLength(0);
    });
  });

  it("an employer without an organization gets the empty state", async () => {
    await isolated(async (db) => {
      const user = await createUser(db, { role: "employer" });
      expect(await quotaPosition(db, actorOf(user))).toEqual({ organizations: [], position: null });
    });
  });

  it("a member of several organizations chooses one; the first is the default", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      const second = await createOrganization(db, a.user.id, { name: "第二家单位" });
      const first = await quotaPosition(db, a.actor, { now: NOW });
      expect(first.organizations.map((o) => o.id)).toEqual([a.organization.id, second.id]);
      expect(first.position?.organization.id).toBe(a.organization.id);
      const chosen = await quotaPosition(db, a.actor, { organizationId: second.id, now: NOW });
      expect(chosen.position?.organization).toMatchObject({ id: second.id, name: "第二家单位" });
    });
  });
});

describe("the live position", () => {
  it("before anything is entered: the hires are listed and counted, no levy yet", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      await hire(db, a.organization.id, { start: "2025-05-01", grade: 3 });
      const { position } = await quotaPosition(db, a.actor, { now: NOW });
      expect(position).toMatchObject({ dataYear: 2026, levyYear: 2027, inputs: null, levy: null, savingPerHire: null, countedTotal: "1", explanation: [] });
      expect(position!.employees).toHaveLength(1);
    });
  });

  it("counts each hire by weight and months, leaves out who does not qualify, and computes the levy", async () => {
    await isolated(async (db) => {
      await setParameters(db, { localAverageWage: "90000", minimumWage: "1890", year: 2025 });
      const a = await employer(db);
      const org = a.organization.id;
      await hire(db, org, { start: "2025-03-01", grade: 1, title: "软件测试工程师" }); // 2 × 12/12
      await hire(db, org, { start: "2026-07-01", end: "2027-06-30", grade: null }); // undisclosed: 1 × 6/12
      await hire(db, org, { start: "2026-01-05", grade: 3, insurance: false }); // no social insurance
      await hire(db, org, { start: "2026-02-01", end: "2026-07-31", grade: 2 }); // six-month contract
      await hire(db, org, { start: "2026-01-01", grade: 4, pay: 1500 }); // below the minimum wage
      await hire(db, org, { start: "2026-12-20", grade: 2 }); // no month of 2026 yet
      await hire(db, org, { start: "2024-01-01", end: "2025-12-31", grade: 1 }); // ended before 2026: not listed
      await hire(db, org, { start: "2025-01-01", grade: 3, endedOn: "2026-03-20" }); // left in March: 1 × 3/12
      await saveInputs(db, a.actor, org, "201", "80000");

      const { position } = await quotaPosition(db, a.actor, { now: NOW });
      const p = position!;
      expect(p.parameters).toMatchObject({ localAverageWage: "90000", minimumWage: "1890", years: { localAverageWage: 2025, minimumWage: 2025 } });
      expect(p.inputs).toMatchObject({ staffCount: "201", averageSalary: "80000" });
      expect(p.employees.map((e) => [e.label, e.weight, e.gradeDisclosed, e.months, e.counts, e.notCounted])).toEqual([
        ["客服专员", 1, true, 3, "0.25", null],
        ["软件测试工程师", 2, true, 12, "2", null],
        ["客服专员", 1, true, 12, "0", "below_minimum_wage"],
        ["客服专员", 1, true, 12, "0", "no_insurance"],
        ["客服专员", 2, true, 6, "0", "short_contract"],
        ["客服专员", 1, false, 6, "0.5", null],
        ["客服专员", 2, true, 0, "0", "no_months"],
      ]);
      expect(p.employees[0]).not.toHaveProperty("grade");
      expect(p.countedTotal).toBe("2.75");
      expect(p.undisclosed).toBe(1);
      // required 201 × 1.5% = 3.015; shortfall 0.265; 2.75 ÷ 201 ≥ 1% → 50% (2023–2027 tiers, levy year 2027).
      expect(p.levy).toMatchObject({
        levyYear: 2027,
        requiredCount: "3.015",
        countedDisabled: "2.75",
        shortfall: "0.265",
        salaryBasis: "80000.00",
        fullLevy: "21200.00",
        tierFactor: 0.5,
        payable: "10600.00",
        exemptReason: null,
        ruleSet: { id: "cn-2023-tiers" },
      });
      expect(p.explanation).toEqual(p.levy!.explanation);
      // One more hire: staff 202, counted 3.75 ≥ 3.03, nothing payable.
      expect(p.savingPerHire).toBe("10600.00");
      expect(await savingPerHireForVacancy(db, org, 2026)).toBe("10600.00");
    });
  });

  it("without the federation's local average wage: counts and an upper bound, no saving", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      await hire(db, a.organization.id, { start: "2025-03-01", grade: 3 });
      await saveInputs(db, a.actor, a.organization.id, "201", "300000");
      const { position } = await quotaPosition(db, a.actor, { now: NOW });
      const p = position!;
      expect(p.localWageMissing).toBe(true);
      expect(p.parameters).toMatchObject({ ratio: "0.015", localAverageWage: null, minimumWage: null });
      // Uncapped: 2.015 × 300000 × 90%: the real figure can only be lower once the wage cap applies.
      expect(p.levy).toMatchObject({ requiredCount: "3.015", countedDisabled: "1", shortfall: "2.015", payable: "544050.00" });
      expect(p.savingPerHire).toBeNull();
      expect(p.explanation.length).toBeLessThan(p.levy!.explanation.length);
      expect(p.explanation.map((s) => s.zh).join("")).not.toContain("社会平均工资");
      expect(p.explanation.at(-1)!.zh).toContain("差额人数");
      expect(await savingPerHireForVacancy(db, a.organization.id, 2026)).toBeNull();
    });
  });

  it("a small enterprise is exempt; a public institution of the same size is not", async () => {
    await isolated(async (db) => {
      await setParameters(db, { localAverageWage: "90000" });
      const firm = await employer(db);
      const institution = await employer(db, "public_institution");
      for (const e of [firm, institution]) await saveInputs(db, e.actor, e.organization.id, "30", "60000");
      const f = (await quotaPosition(db, firm.actor, { now: NOW })).position!;
      expect(f.levy).toMatchObject({ exemptReason: "enterprise_staff_le_30", payable: "0.00", fullLevy: "27000.00" });
      expect(f.savingPerHire).toBe("0.00");
      const i = (await quotaPosition(db, institution.actor, { now: NOW })).position!;
      expect(i.levy).toMatchObject({ exemptReason: null, payable: "24300.00" });
      expect(i.savingPerHire).toBe("24300.00");
    });
  });

  it("saving the inputs again replaces them", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      await saveInputs(db, a.actor, a.organization.id, "100", "50000");
      await saveInputs(db, a.actor, a.organization.id, "120.5", "52000.25");
      const { position } = await quotaPosition(db, a.actor, { now: NOW });
      expect(position!.inputs).toMatchObject({ staffCount: "120.5", averageSalary: "52000.25" });
      const rows = await db.selectFrom("quota_position_input").select(["updated_by"]).where("organization_id", "=", a.organization.id).execute();
      expect(rows).toEqual([{ updated_by: a.user.id }]);
    });
  });
});

describe("employees declared by hand", () => {
  it("count with their own weight and months, and can be removed by members only", async () => {
    await isolated(async (db) => {
      await setParameters(db, { localAverageWage: "90000" });
      const a = await employer(db);
      const org = a.organization.id;
      const veteran = await addDeclaredEmployee(db, a.actor, { organizationId: org, kind: "veteran", grade: 3, contractStart: "2025-01-01", note: "工号 A013" });
      const late = await addDeclaredEmployee(db, a.actor, { organizationId: org, kind: "disabled", grade: 4, contractStart: "2026-10-01", contractEnd: "2027-09-30" });
      expect(veteran.ok && late.ok).toBe(true);
      await saveInputs(db, a.actor, org, "100", "60000");
      const p = (await quotaPosition(db, a.actor, { now: NOW })).position!;
      expect(p.employees.map((e) => [e.source, e.kind, e.label, e.weight, e.months, e.counts])).toEqual([
        ["declared", "veteran", "工号 A013", 2, 12, "2"],
        ["declared", "disabled", "", 1, 3, "0.25"],
      ]);
      expect(p.levy).toMatchObject({ requiredCount: "1.5", countedDisabled: "2.25", payable: "0.00", exemptReason: "quota_met" });

      const other = await employer(db);
      const id = veteran.ok ? veteran.value.id : "";
      await expect(removeDeclaredEmployee(db, other.actor, { organizationId: org, employeeId: id })).rejects.toMatchObject(NOT_FOUND);
      // Another organization's row, asked for under the actor's own organization: not theirs to remove.
      expect(await removeDeclaredEmployee(db, other.actor, { organizationId: other.organization.id, employeeId: id })).toEqual({
        ok: false,
        fieldErrors: { "": ["quota.position.err.employeeGone"] },
      });
      expect(await removeDeclaredEmployee(db, a.actor, { organizationId: org, employeeId: id })).toEqual({ ok: true, value: { id } });
      const after = (await quotaPosition(db, a.actor, { now: NOW })).position!;
      expect(after.employees).toHaveLength(1);
    });
  });

  it("the domain refuses a grade out of range for the kind and a contract under a year", async () => {
    await isolated(async (db) => {
      const a = await employer(db);
      const org = a.organization.id;
      expect(await addDeclaredEmployee(db, a.actor, { organizationId: org, kind: "disabled", grade: 6, contractStart: "2026-01-01" })).toEqual({
        ok: false,
        fieldErrors: { grade: ["quota.position.err.disabledGrade"] },
      });
      expect(
        await addDeclaredEmployee(db, a.actor, { organizationId: org, kind: "disabled", grade: 2, contractStart: "2026-01-01", contractEnd: "2026-06-30" }),
      ).toEqual({ ok: false, fieldErrors: { contractEnd: ["quota.position.err.shortContract"] } });
      expect(await db.selectFrom("quota_position_employee").select("id").where("organization_id", "=", org).execute()).toHaveLength(0);
    });
  });
});
