import { describe, expect, it } from "vitest";
import type { DB } from "../../../db/database";
import { createUser } from "../../../tests/fixtures/factories";
import { actorOf } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { formatParameterValue, formatYuanText, readDecimal, readParameterValue, ruleParameterSchema } from "./parameters.schema";
import { canChangeRuleParameters, DEMO_NOTE, DEMO_RULE_PARAMETERS, listRuleParameters, ruleParameters, seedRuleParameters, setRuleParameter } from "./parameters.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

/*
 * rule_parameter is one table for the whole site (unique by name and year), and on PostgreSQL the test files share a
 * database. Each test runs in a transaction that is rolled back, starting from an empty table.
 */
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

async function admin(db: DB): Promise<Actor> {
  return { ...actorOf(await createUser(db, { role: "admin", regionCode: "520000" })), regionCode: "520000" };
}

async function set(db: DB, actor: Actor, name: "ratio" | "local_average_wage" | "minimum_wage", year: number, value: string, note?: string) {
  const r = await setRuleParameter(db, actor, { name, year, value, note });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
}

describe("reading values typed by a person", () => {
  it("reads plain decimals exactly, ignoring separators, spaces and ¥", () => {
    expect(readDecimal("95000", 2)).toBe("95000");
    expect(readDecimal("95,000.50", 2)).toBe("95000.5");
    expect(readDecimal("￥1 890", 2)).toBe("1890");
    expect(readDecimal("1，890.00", 2)).toBe("1890");
    expect(readDecimal("0.0150", 4)).toBe("0.015");
  });

  it("refuses signs, exponents, fractions, text and too many decimals", () => {
    for (const bad of ["-1", "1e5", "1/2", "abc", "", ".5", "1.", "1.234"]) expect(readDecimal(bad, 2), bad).toBeNull();
  });

  it("takes the ratio as a decimal or a percentage, within 1.5%–10%", () => {
    expect(readParameterValue("ratio", "0.015")).toEqual({ ok: true, value: "0.015" });
    expect(readParameterValue("ratio", "1.5%")).toEqual({ ok: true, value: "0.015" });
    expect(readParameterValue("ratio", "1.75％")).toEqual({ ok: true, value: "0.0175" });
    expect(readParameterValue("ratio", "0.1")).toEqual({ ok: true, value: "0.1" });
    expect(readParameterValue("ratio", "0.0149")).toEqual({ ok: false, message: "quota.params.err.ratioRange" });
    expect(readParameterValue("ratio", "0.1001")).toEqual({ ok: false, message: "quota.params.err.ratioRange" });
    expect(readParameterValue("ratio", "1.5")).toEqual({ ok: false, message: "quota.params.err.ratioRange" });
    // numeric(14,4) would round a fifth decimal silently: refused instead.
    expect(readParameterValue("ratio", "0.01675")).toEqual({ ok: false, message: "quota.params.err.ratioFormat" });
    expect(readParameterValue("ratio", "")).toEqual({ ok: false, message: "quota.params.err.valueRequired" });
  });

  it("takes wages as positive yuan in a plausible range for their unit", () => {
    expect(readParameterValue("local_average_wage", "95000")).toEqual({ ok: true, value: "95000" });
    expect(readParameterValue("local_average_wage", "95000.456")).toEqual({ ok: false, message: "quota.params.err.wageFormat" });
    // A monthly figure typed as the annual local average wage.
    expect(readParameterValue("local_average_wage", "8000")).toEqual({ ok: false, message: "quota.params.err.localWageRange" });
    expect(readParameterValue("minimum_wage", "1890")).toEqual({ ok: true, value: "1890" });
    // An annual figure typed as the monthly minimum wage.
    expect(readParameterValue("minimum_wage", "22680")).toEqual({ ok: false, message: "quota.params.err.minimumWageRange" });
    expect(readParameterValue("minimum_wage", "0")).toEqual({ ok: false, message: "quota.params.err.minimumWageRange" });
  });

  it("the form's schema reports the year and the value together", () => {
    const r = ruleParameterSchema.safeParse({ name: "ratio", year: 2014, value: "2" });
    expect(r.success).toBe(false);
    const errors = r.success ? {} : r.error.flatten().fieldErrors;
    expect(errors).toEqual({ year: ["quota.params.err.year"], value: ["quota.params.err.ratioRange"] });
    expect(ruleParameterSchema.parse({ name: "minimum_wage", year: 2026, value: "2,010", note: " 黔府发 " })).toEqual({
      name: "minimum_wage",
      year: 2026,
      value: "2010",
      note: "黔府发",
    });
  });
});

describe("ruleParameters", () => {
  it("falls back to Guizhou's 1.5% and no wages when nothing is set", async () => {
    await isolated(async (db) => {
      expect(await ruleParameters(db, 2026)).toEqual({
        ratio: "0.015",
        localAverageWage: null,
        minimumWage: null,
        years: { ratio: null, localAverageWage: null, minimumWage: null },
      });
    });
  });

  it("takes, for each name, the value of the greatest year not after the year asked", async () => {
    await isolated(async (db) => {
      const a = await admin(db);
      await set(db, a, "ratio", 2018, "0.016");
      await set(db, a, "local_average_wage", 2023, "89000");
      await set(db, a, "local_average_wage", 2025, "95000.5");
      await set(db, a, "local_average_wage", 2027, "99000");
      await set(db, a, "minimum_wage", 2024, "1890");
      expect(await ruleParameters(db, 2026)).toEqual({
        ratio: "0.016",
        localAverageWage: "95000.5",
        minimumWage: "1890",
        years: { ratio: 2018, localAverageWage: 2025, minimumWage: 2024 },
      });
      expect(await ruleParameters(db, 2025)).toMatchObject({ localAverageWage: "95000.5", years: { localAverageWage: 2025 } });
      expect(await ruleParameters(db, 2024)).toMatchObject({ localAverageWage: "89000", years: { localAverageWage: 2023 } });
      expect(await ruleParameters(db, 2022)).toEqual({
        ratio: "0.016",
        localAverageWage: null,
        minimumWage: null,
        years: { ratio: 2018, localAverageWage: null, minimumWage: null },
      });
      expect(await ruleParameters(db, 2017)).toMatchObject({ ratio: "0.015", years: { ratio: null } });
    });
  });
});

describe("setting parameters", () => {
  it("only admins may list or set them", async () => {
    await isolated(async (db) => {
      for (const role of ["seeker", "employer", "counselor"] as const) {
        const actor = actorOf(await createUser(db, { role, regionCode: role === "counselor" ? "520100" : null }));
        await expect(listRuleParameters(db, actor)).rejects.toMatchObject(NOT_FOUND);
        await expect(setRuleParameter(db, actor, { name: "ratio", year: 2026, value: "0.02" })).rejects.toMatchObject(NOT_FOUND);
      }
      expect(await db.selectFrom("rule_parameter").select("id").execute()).toHaveLength(0);
    });
  });

  it("are province-wide: a prefecture or county admin reads them but only the province's admin changes them", async () => {
    await isolated(async (db) => {
      const province = await admin(db);
      await set(db, province, "local_average_wage", 2025, "95000");
      expect(canChangeRuleParameters(province)).toBe(true);
      for (const regionCode of ["520100", "520102"]) {
        const local: Actor = { ...actorOf(await createUser(db, { role: "admin", regionCode })), regionCode };
        expect(canChangeRuleParameters(local)).toBe(false);
        expect((await listRuleParameters(db, local)).map((p) => p.value)).toEqual(["95000"]);
        // Refused before anything is read or written: neither a new year nor a replaced value, and nothing audited.
        for (const input of [
          { name: "local_average_wage" as const, year: 2025, value: "50000" },
          { name: "ratio" as const, year: 2026, value: "0.02" },
        ]) {
          expect(await setRuleParameter(db, local, input)).toEqual({ ok: false, fieldErrors: { "": ["quota.params.err.provinceOnly"] } });
        }
        expect(await db.selectFrom("audit_event").select("id").where("actor_id", "=", local.id).execute()).toEqual([]);
      }
      expect((await db.selectFrom("rule_parameter").select(["name", "year", "value"]).execute()).map((r) => `${r.name} ${r.year} ${Number(r.value)}`)).toEqual([
        "local_average_wage 2025 95000",
      ]);
    });
  });

  it("sets, then replaces, a value, auditing both with the old and new figures", async () => {
    await isolated(async (db) => {
      const a = await admin(db);
      const first = await set(db, a, "local_average_wage", 2025, "95,000", "统计公报");
      expect(first).toMatchObject({ name: "local_average_wage", year: 2025, value: "95000", replaced: false });
      const second = await setRuleParameter(db, a, { name: "local_average_wage", year: 2025, value: "96000.5" }, { ip: "203.0.113.9" });
      expect(second).toEqual({ ok: true, value: { id: first.id, name: "local_average_wage", year: 2025, value: "96000.5", replaced: true } });

      const rows = await listRuleParameters(db, a);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: "local_average_wage", year: 2025, value: "96000.5", note: null, setByName: expect.any(String) });

      const audit = await db
        .selectFrom("audit_event")
        .select(["action", "entity", "entity_id", "reason", "ip", "subject_user_id"])
        .where("actor_id", "=", a.id)
        .orderBy("at")
        .orderBy("id")
        .execute();
      expect(audit).toEqual([
        { action: "create", entity: "rule_parameter", entity_id: first.id, reason: "local_average_wage 2025: — → 95000", ip: null, subject_user_id: null },
        { action: "update", entity: "rule_parameter", entity_id: first.id, reason: "local_average_wage 2025: 95000 → 96000.5", ip: "203.0.113.9", subject_user_id: null },
      ]);
    });
  });

  it("checks the value again in the domain, whatever the form let through", async () => {
    await isolated(async (db) => {
      const a = await admin(db);
      expect(await setRuleParameter(db, a, { name: "ratio", year: 2026, value: "0.2" })).toEqual({
        ok: false,
        fieldErrors: { value: ["quota.params.err.ratioRange"] },
      });
      expect(await setRuleParameter(db, a, { name: "minimum_wage", year: 2014, value: "1890" })).toEqual({
        ok: false,
        fieldErrors: { year: ["quota.params.err.year"] },
      });
      expect(await setRuleParameter(db, a, { name: "bonus" as never, year: 2026, value: "1" })).toEqual({
        ok: false,
        fieldErrors: { name: ["quota.params.err.name"] },
      });
      expect(await db.selectFrom("rule_parameter").select("id").execute()).toHaveLength(0);
    });
  });

  it("lists by name (ratio, local average wage, minimum wage), latest year first", async () => {
    await isolated(async (db) => {
      const a = await admin(db);
      await set(db, a, "minimum_wage", 2024, "1890");
      await set(db, a, "local_average_wage", 2024, "92000");
      await set(db, a, "local_average_wage", 2025, "95000");
      await set(db, a, "ratio", 2015, "1.5%");
      const rows = await listRuleParameters(db, a);
      expect(rows.map((r) => `${r.name} ${r.year} ${r.value}`)).toEqual([
        "ratio 2015 0.015",
        "local_average_wage 2025 95000",
        "local_average_wage 2024 92000",
        "minimum_wage 2024 1890",
      ]);
    });
  });
});

describe("demo figures", () => {
  it("are seeded once, marked for the federation to check, and never overwrite a value an admin set", async () => {
    await isolated(async (db) => {
      const a = await admin(db);
      await set(db, a, "local_average_wage", 2025, "101000");
      expect(await seedRuleParameters(db)).toBe(DEMO_RULE_PARAMETERS.length - 1);
      expect(await seedRuleParameters(db)).toBe(0);
      const rows = await db.selectFrom("rule_parameter").select(["name", "year", "value", "note", "set_by"]).execute();
      expect(rows).toHaveLength(DEMO_RULE_PARAMETERS.length);
      const kept = rows.find((r) => r.name === "local_average_wage" && r.year === 2025)!;
      expect(kept).toMatchObject({ note: null, set_by: a.id });
      expect(Number(kept.value)).toBe(101000);
      for (const r of rows.filter((x) => x !== kept)) expect(r).toMatchObject({ note: DEMO_NOTE, set_by: null });
      expect(await ruleParameters(db, 2026)).toMatchObject({ ratio: "0.015", localAverageWage: "101000", years: { localAverageWage: 2025 } });
    });
  });
});

describe("showing values", () => {
  it("shows the ratio as a percentage and wages as grouped yuan", () => {
    expect(formatParameterValue("ratio", "0.015")).toBe("1.5%");
    expect(formatParameterValue("ratio", "0.0175")).toBe("1.75%");
    expect(formatParameterValue("local_average_wage", "95000")).toBe("¥95,000.00");
    expect(formatParameterValue("minimum_wage", "1890.5")).toBe("¥1,890.50");
    expect(formatYuanText("1234567.891")).toBe("¥1,234,567.89");
    expect(formatYuanText("0")).toBe("¥0.00");
  });
});
