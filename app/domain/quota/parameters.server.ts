/**
 * Rule parameters (issue 5, design §6): the federation's figures by year — the quota ratio, the local social average
 * wage (annual) and the minimum wage (monthly). Admins list and set them; every levy computation reads them through
 * `ruleParameters`. A parameter's year is the data year (see parameters.schema.ts).
 */
import type { DB } from "../../../db/database";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { notFound } from "../ids";
import { can, hasPermission, PROVINCE_CODE, requirePermission, type Actor } from "../permissions";
import { GUIZHOU_RATIO } from "./levy";
import {
  normalizeStored,
  PARAMETER_FIRST_YEAR,
  PARAMETER_LAST_YEAR,
  readParameterValue,
  RULE_PARAMETER_NAMES,
  type RuleParameterInput,
  type RuleParameterName,
} from "./parameters.schema";

/** Runs `fn` in a transaction, or in the caller's when `db` already is one (tests run use-cases inside a rollback). */
export function inTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export interface RuleParameters {
  /** The quota ratio as exact text; Guizhou's 1.5% ("0.015") when the federation has set none. */
  ratio: string;
  /** 当地社会平均工资, annual, yuan; null when none is set for this year or any earlier one. */
  localAverageWage: string | null;
  /** 最低工资标准, monthly, yuan (Guizhou's 一类 area figure); null when none is set. */
  minimumWage: string | null;
  /** The year each value was set for (the greatest year ≤ the year asked); null = not set (ratio: the default). */
  years: { ratio: number | null; localAverageWage: number | null; minimumWage: number | null };
}

/**
 * The parameters that apply to the data year `year`: for each name, the value set for the greatest year ≤ `year`.
 * The levy of levy year Y is computed on data year Y − 1, so pass Y − 1 for it. No permission check: these figures
 * are public.
 */
export async function ruleParameters(db: DB, year: number): Promise<RuleParameters> {
  const rows = await db
    .selectFrom("rule_parameter")
    .distinctOn("name")
    .select(["name", "year", "value"])
    .where("year", "<=", year)
    .orderBy("name")
    .orderBy("year", "desc")
    .execute();
  const by = new Map(rows.map((r) => [r.name, r]));
  const ratio = by.get("ratio");
  const wage = by.get("local_average_wage");
  const minimum = by.get("minimum_wage");
  return {
    ratio: ratio ? normalizeStored(ratio.value) : GUIZHOU_RATIO,
    localAverageWage: wage ? normalizeStored(wage.value) : null,
    minimumWage: minimum ? normalizeStored(minimum.value) : null,
    years: { ratio: ratio?.year ?? null, localAverageWage: wage?.year ?? null, minimumWage: minimum?.year ?? null },
  };
}

export interface RuleParameterRow {
  id: string;
  name: RuleParameterName;
  year: number;
  value: string;
  note: string | null;
  setAt: string;
  setByName: string | null;
}

/**
 * Whether the actor changes the levy parameters. They hold for the whole province (one value per name and year; no
 * regional parameters exist), so only the province federation changes them (decision 010).
 */
export function canChangeRuleParameters(actor: Actor | null | undefined): boolean {
  return can(actor, "update:rule_parameter", { regionCode: PROVINCE_CODE });
}

/** Every parameter the federation has set, by name and then by year, latest first (admins only). */
export async function listRuleParameters(db: DB, actor: Actor): Promise<RuleParameterRow[]> {
  requirePermission(actor, "read:rule_parameter");
  const rows = await db
    .selectFrom("rule_parameter as p")
    .leftJoin("app_user as u", "u.id", "p.set_by")
    .select(["p.id", "p.name", "p.year", "p.value", "p.note", "p.set_at", "u.display_name"])
    .orderBy("p.year", "desc")
    .execute();
  const order = new Map(RULE_PARAMETER_NAMES.map((n, i) => [n, i]));
  return rows
    .sort((a, b) => order.get(a.name)! - order.get(b.name)! || b.year - a.year)
    .map((r) => ({
      id: r.id,
      name: r.name,
      year: r.year,
      value: normalizeStored(r.value),
      note: r.note,
      setAt: new Date(r.set_at).toISOString(),
      setByName: r.display_name,
    }));
}

/**
 * Sets (or replaces) the value of one parameter for one year. Admins only; the value is checked again here, and the
 * change is audited with the old and new value.
 */
export async function setRuleParameter(
  db: DB,
  actor: Actor,
  input: RuleParameterInput,
  options: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ id: string; name: RuleParameterName; year: number; value: string; replaced: boolean }>> {
  // Staff who may not change them at all get 404; a prefecture or county admin, who sees the page, is told who may.
  if (!hasPermission(actor, "update:rule_parameter")) notFound();
  if (!canChangeRuleParameters(actor)) return { ok: false, fieldErrors: { "": ["quota.params.err.provinceOnly"] } };
  const errors: FieldErrors = {};
  const read = RULE_PARAMETER_NAMES.includes(input.name) ? readParameterValue(input.name, input.value) : null;
  if (!read) errors.name = ["quota.params.err.name"];
  else if (!read.ok) errors.value = [read.message];
  if (!Number.isInteger(input.year) || input.year < PARAMETER_FIRST_YEAR || input.year > PARAMETER_LAST_YEAR) errors.year = ["quota.params.err.year"];
  if (!read?.ok || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  const value = read.value;
  const note = input.note?.trim() || null;
  const now = options.now ?? new Date();

  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("rule_parameter")
      .select(["value"])
      .where("name", "=", input.name)
      .where("year", "=", input.year)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .insertInto("rule_parameter")
      .values({ name: input.name, year: input.year, value, note, set_by: actor.id, set_at: now })
      .onConflict((oc) => oc.columns(["name", "year"]).doUpdateSet({ value, note, set_by: actor.id, set_at: now }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: before ? "update" : "create",
      entity: "rule_parameter",
      entityId: row.id,
      reason: `${input.name} ${input.year}: ${before ? normalizeStored(before.value) : "—"} → ${value}`,
      ip: options.ip ?? null,
    });
    return { ok: true, value: { id: row.id, name: input.name, year: input.year, value, replaced: !!before } };
  });
}

/** The note on every demo figure: the federation must check and replace it. */
export const DEMO_NOTE = "演示数据，请残联核实后修改";

/**
 * Demo figures for recent years, so the levy pages have something to compute with on a fresh install. They are NOT
 * official statistics: each row carries DEMO_NOTE, and the federation replaces them on /admin/rule-parameters.
 * Rows already there (set by an admin, or by an earlier seed) are kept.
 */
export const DEMO_RULE_PARAMETERS: ReadonlyArray<{ name: RuleParameterName; year: number; value: string }> = [
  { name: "ratio", year: 2015, value: "0.015" },
  { name: "local_average_wage", year: 2022, value: "86000" },
  { name: "local_average_wage", year: 2023, value: "89000" },
  { name: "local_average_wage", year: 2024, value: "92000" },
  { name: "local_average_wage", year: 2025, value: "95000" },
  { name: "minimum_wage", year: 2022, value: "1790" },
  { name: "minimum_wage", year: 2023, value: "1890" },
  { name: "minimum_wage", year: 2024, value: "1890" },
  { name: "minimum_wage", year: 2025, value: "1890" },
];

/** Seeds DEMO_RULE_PARAMETERS (idempotent: existing rows win). Answers how many rows were added. */
export async function seedRuleParameters(db: DB): Promise<number> {
  const r = await db
    .insertInto("rule_parameter")
    .values(DEMO_RULE_PARAMETERS.map((p) => ({ ...p, note: DEMO_NOTE, set_by: null })))
    .onConflict((oc) => oc.columns(["name", "year"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n);
}
