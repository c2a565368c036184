/**
 * The employer's live quota position (issue 5, design §6): the staff count and average salary the employer enters,
 * the disabled employees counted from the platform's employment records and from the employer's own list, and the
 * levy the engine computes from them with the federation's parameters.
 *
 * Readings (the choices a newcomer might question):
 * - **Data year.** The live position is for the current calendar year (Asia/Shanghai) as the data year D. Its levy is
 *   declared and paid in levy year D + 1 (quota-rules A8), so the engine runs with levyYear D + 1 and the parameters
 *   of year D (`ruleParameters(db, D)`, which falls back to the latest earlier year).
 * - **Months.** An employee counts for a calendar month of D when they were employed on the 15th of that month
 *   (from contract start to the earlier of contract end and the day they left). A partial month thus counts when
 *   about half of it or more was worked. Months still ahead in D are included: the position is the year projected
 *   on the contracts as they stand.
 * - **Who counts** (72号 第七条): a contract of at least one year (or open-ended), social insurance paid, and pay not
 *   below the minimum wage (checked when the federation has set one). Others are listed with the reason.
 * - **Undisclosed grade.** A hire whose grade was not disclosed (employment.disability_grade null) counts as one
 *   person — never double — and the page says so (the engine is given grade 4 for them).
 * - **Declared by hand.** Employees not hired on the platform are kept in quota_position_employee with kind, grade and
 *   contract dates only (the annual declaration carries names and certificate numbers). The form refuses contracts
 *   under a year; the employer vouches for insurance and pay.
 * - An individual business (个体工商户) is estimated as an enterprise (the engine knows four employer types).
 */
import { notFound } from "../ids";
import type { DB } from "../../../db/database";
import type { OrganizationType } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { membershipsOf } from "../organizations/membership.server";
import { hasPermission, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { computeLevy, formatCount, parseRational, savingForHires, weightOf, type Bilingual, type EmployerType, type LevyInput, type LevyResult } from "./levy";
import { normalizeStored } from "./parameters.schema";
import { inTransaction, ruleParameters, type RuleParameters } from "./parameters.server";
import { contractRunsOneYear, type DeclaredEmployeeInput, type QuotaInputs, type RemoveDeclaredInput } from "./position.schema";

/** The data year of the live position: the current calendar year in Asia/Shanghai. */
export function currentDataYear(now: Date = new Date()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

/** The last day someone was (or will be) employed: the earlier of contract end and the day they left; null = open. */
export function lastDayEmployed(contractEnd: string | null, endedOn: string | null): string | null {
  if (contractEnd && endedOn) return contractEnd < endedOn ? contractEnd : endedOn;
  return contractEnd ?? endedOn;
}

/** Months of `year` counted for an employment from `start` to `lastDay` (inclusive; null = open): the 15th rule. */
export function monthsInYear(start: string, lastDay: string | null, year: number): number {
  let months = 0;
  for (let m = 1; m <= 12; m++) {
    const mid = `${year}-${String(m).padStart(2, "0")}-15`;
    if (start <= mid && (lastDay === null || mid <= lastDay)) months++;
  }
  return months;
}

/** The engine's employer types; an individual business (个体工商户) is estimated as an enterprise. */
export function levyEmployerType(type: OrganizationType): EmployerType {
  return type === "individual_business" ? "enterprise" : type;
}

/** Why a listed employee does not count this year (72号 第七条, or no month of the year worked). */
export type NotCountedReason = "no_insurance" | "short_contract" | "below_minimum_wage" | "no_months";

export interface PositionEmployee {
  id: string;
  source: "platform" | "declared";
  /** The vacancy they were hired for (platform) or the employer's note (declared); may be empty. */
  label: string;
  kind: "disabled" | "veteran";
  /** 2 for disabled grade 1–2 and veteran grade 1–3, else 1; 1 when the grade was not disclosed. */
  weight: 1 | 2;
  gradeDisclosed: boolean;
  contractStart: string;
  contractEnd: string | null;
  endedOn: string | null;
  /** Months of the data year counted (0–12). */
  months: number;
  /** weight × months ÷ 12, up to four decimals; "0" when not counted. */
  counts: string;
  notCounted: NotCountedReason | null;
}

export interface QuotaPosition {
  organization: { id: string; name: string; type: OrganizationType; registeredStaff: number };
  dataYear: number;
  levyYear: number;
  inputs: { staffCount: string; averageSalary: string; updatedAt: string } | null;
  parameters: RuleParameters;
  employees: PositionEmployee[];
  /** Σ counts of the employees who count, up to four decimals. */
  countedTotal: string;
  /** Employees who count with their grade undisclosed (counted as one each). */
  undisclosed: number;
  /** The engine's result; null until the staff count and average salary are saved. */
  levy: LevyResult | null;
  /**
   * True when the federation has set no local social average wage for the data year or earlier: the salary basis
   * cannot be capped, so `levy` is computed on the employer's own average salary and its payable is an upper bound.
   */
  localWageMissing: boolean;
  /** The steps to show: the engine's, cut before the salary basis when the local wage is missing. */
  explanation: Bilingual[];
  /** What one more quota-eligible hire (full year, counted once) would save, yuan; null when it cannot be computed. */
  savingPerHire: string | null;
}

export interface QuotaPage {
  organizations: { id: string; name: string }[];
  /** Null when the employer belongs to no organization yet. */
  position: QuotaPosition | null;
}

interface OrganizationRow {
  id: string;
  name: string;
  type: OrganizationType;
  staff_count: number;
}

/** A listed employee with the grade the engine needs (null = undisclosed); the grade itself never leaves the domain. */
type Listed = PositionEmployee & { grade: number | null };

async function employeesOf(db: DB, organizationId: string, year: number, minimumWage: string | null): Promise<Listed[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [hires, declared] = await Promise.all([
    db
      .selectFrom("employment as e")
      .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
      .select(["e.id", "e.contract_start", "e.contract_end", "e.ended_on", "e.social_insurance", "e.monthly_pay", "e.disability_grade", "v.title"])
      .where("e.organization_id", "=", organizationId)
      // Only what the employer made or declared: a job staff recorded from other evidence (decision 012) is the
      // federation's count, not the employer's claim, and may duplicate a line of the employer's own list.
      .where("e.origin", "in", ["platform", "declared"])
      .where("e.contract_start", "<=", to)
      .where((eb) => eb.or([eb("e.contract_end", "is", null), eb("e.contract_end", ">=", from)]))
      .where((eb) => eb.or([eb("e.ended_on", "is", null), eb("e.ended_on", ">=", from)]))
      .orderBy("e.contract_start")
      .orderBy("e.id")
      .execute(),
    db
      .selectFrom("quota_position_employee")
      .select(["id", "kind", "grade", "contract_start", "contract_end", "note"])
      .where("organization_id", "=", organizationId)
      .orderBy("contract_start")
      .orderBy("id")
      .execute(),
  ]);
  const minimum = minimumWage ? parseRational(minimumWage) : null;
  const finish = (e: Omit<Listed, "counts">): Listed => ({
    ...e,
    counts: e.notCounted ? "0" : formatCount(parseRational(`${e.weight * e.months}/12`)),
  });
  const fromPlatform = hires.map((h) => {
    const months = monthsInYear(h.contract_start, lastDayEmployed(h.contract_end, h.ended_on), year);
    const notCounted: NotCountedReason | null = !h.social_insurance
      ? "no_insurance"
      : !contractRunsOneYear(h.contract_start, h.contract_end)
        ? "short_contract"
        : minimum && parseRational(h.monthly_pay).lt(minimum)
          ? "below_minimum_wage"
          : months === 0
            ? "no_months"
            : null;
    return finish({
      id: h.id,
      source: "platform",
      label: h.title ?? "",
      kind: "disabled",
      grade: h.disability_grade,
      weight: h.disability_grade === null ? 1 : weightOf("disabled", h.disability_grade),
      gradeDisclosed: h.disability_grade !== null,
      contractStart: h.contract_start,
      contractEnd: h.contract_end,
      endedOn: h.ended_on,
      months,
      notCounted,
    });
  });
  const byHand = declared.map((d) => {
    const months = monthsInYear(d.contract_start, d.contract_end, year);
    return finish({
      id: d.id,
      source: "declared",
      label: d.note,
      kind: d.kind,
      grade: d.grade,
      weight: weightOf(d.kind, d.grade),
      gradeDisclosed: true,
      contractStart: d.contract_start,
      contractEnd: d.contract_end,
      endedOn: null,
      months,
      notCounted: months === 0 ? "no_months" : null,
    });
  });
  return [...fromPlatform, ...byHand];
}

/** The engine's input for the counted employees; an undisclosed grade is passed as grade 4 (counted once). */
function levyInput(org: OrganizationRow, year: number, inputs: { staffCount: string; averageSalary: string }, params: RuleParameters, employees: Listed[]): LevyInput {
  return {
    levyYear: year + 1,
    employerType: levyEmployerType(org.type),
    staffCount: inputs.staffCount,
    averageSalary: inputs.averageSalary,
    // Without the federation's figure the basis stays the employer's own average (the cap can only lower it).
    localAverageSalary: params.localAverageWage ?? inputs.averageSalary,
    ratio: params.ratio,
    disabledEmployees: employees
      .filter((e) => e.notCounted === null)
      .map((e) => ({ kind: e.kind, grade: e.grade ?? 4, monthsEmployed: e.months })),
  };
}

async function computePosition(db: DB, org: OrganizationRow, year: number): Promise<QuotaPosition> {
  const [parameters, saved] = await Promise.all([
    ruleParameters(db, year),
    db
      .selectFrom("quota_position_input")
      .select(["staff_count", "average_salary", "updated_at"])
      .where("organization_id", "=", org.id)
      .executeTakeFirst(),
  ]);
  const employees = await employeesOf(db, org.id, year, parameters.minimumWage);
  const counting = employees.filter((e) => e.notCounted === null);
  const twelfths = counting.reduce((sum, e) => sum + e.weight * e.months, 0);
  const inputs =
    saved?.staff_count != null && saved.average_salary != null
      ? {
          staffCount: normalizeStored(saved.staff_count),
          averageSalary: normalizeStored(saved.average_salary),
          updatedAt: new Date(saved.updated_at).toISOString(),
        }
      : null;
  const localWageMissing = parameters.localAverageWage === null;
  let levy: LevyResult | null = null;
  let explanation: Bilingual[] = [];
  let savingPerHire: string | null = null;
  if (inputs) {
    const input = levyInput(org, year, inputs, parameters, employees);
    levy = computeLevy(input);
    explanation = levy.explanation;
    if (localWageMissing) {
      // Keep the rule set, its notes, the required count, the counted and the shortfall; the steps from the salary
      // basis on would compare with a local wage nobody has set.
      explanation = levy.explanation.slice(0, 1 + levy.ruleSet.notes.length + 3);
    } else {
      savingPerHire = savingForHires(input, 1);
    }
  }
  return {
    organization: { id: org.id, name: org.name, type: org.type, registeredStaff: org.staff_count },
    dataYear: year,
    levyYear: year + 1,
    inputs,
    parameters,
    employees: employees.map(({ grade: _grade, ...e }) => e),
    countedTotal: formatCount(parseRational(`${twelfths}/12`)),
    undisclosed: counting.filter((e) => !e.gradeDisclosed).length,
    levy,
    localWageMissing,
    explanation,
    savingPerHire,
  };
}

async function organizationRow(db: DB, organizationId: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organization").select(["id", "name", "type", "staff_count"]).where("id", "=", organizationId).executeTakeFirst();
}

/** The actor's organization to work on: the one asked for (they must be a member), else their first. */
async function chooseOrganization(db: DB, actor: Actor, organizationId: string | null | undefined) {
  if (!hasPermission(actor, "create:quota_declaration")) notFound();
  const memberships = await membershipsOf(db, actor.id);
  const chosen = organizationId ? memberships.find((m) => m.organizationId === organizationId) : memberships[0];
  if (organizationId && !chosen) notFound();
  const who = { ...actor, organizationIds: memberships.map((m) => m.organizationId) };
  return { memberships, chosen, who };
}

/**
 * The quota page for an employer: their organizations, and the live position of the one chosen (`organizationId`,
 * default the first). The actor must be a member of it; anyone else gets a 404.
 */
export async function quotaPosition(db: DB, actor: Actor, options: { organizationId?: string | null; now?: Date } = {}): Promise<QuotaPage> {
  const { memberships, chosen, who } = await chooseOrganization(db, actor, options.organizationId);
  const organizations = memberships.map((m) => ({ id: m.organizationId, name: m.name }));
  if (!chosen) return { organizations, position: null };
  requirePermission(who, "read:quota_declaration", { organizationId: chosen.organizationId });
  requirePermission(who, "read:employment", { organizationId: chosen.organizationId });
  const org = await organizationRow(db, chosen.organizationId);
  if (!org) notFound();
  return { organizations, position: await computePosition(db, org, currentDataYear(options.now)) };
}

/**
 * What one more quota-eligible hire would save the organization on the levy of data year `year` (levy year
 * `year` + 1), in yuan ("12345.67"), or null when it cannot be computed (no staff count and salary saved, or no
 * local social average wage set). No permission check: call it only for an actor who may read the organization's
 * quota position (a member: `read:quota_declaration` with scope org).
 */
export async function savingPerHireForVacancy(db: DB, organizationId: string, year: number): Promise<string | null> {
  const org = await organizationRow(db, organizationId);
  if (!org) return null;
  return (await computePosition(db, org, year)).savingPerHire;
}

/** Saves the staff count and average salary of the organization's data year (members only). */
export async function saveQuotaInputs(db: DB, actor: Actor, input: QuotaInputs, options: { now?: Date } = {}): Promise<Result<{ organizationId: string }>> {
  const { who } = await chooseOrganization(db, actor, input.organizationId);
  requirePermission(who, "create:quota_declaration", { organizationId: input.organizationId });
  const now = options.now ?? new Date();
  const values = { staff_count: input.staffCount, average_salary: input.averageSalary, updated_by: actor.id, updated_at: now };
  await inTransaction(db, (trx) =>
    trx
      .insertInto("quota_position_input")
      .values({ organization_id: input.organizationId, ...values })
      .onConflict((oc) => oc.column("organization_id").doUpdateSet(values))
      .execute(),
  );
  return { ok: true, value: { organizationId: input.organizationId } };
}

/** Adds a disabled employee the employer declares by hand (members only). */
export async function addDeclaredEmployee(db: DB, actor: Actor, input: DeclaredEmployeeInput): Promise<Result<{ id: string }>> {
  const { who } = await chooseOrganization(db, actor, input.organizationId);
  requirePermission(who, "create:quota_declaration", { organizationId: input.organizationId });
  if (input.kind === "disabled" && input.grade > 4) return { ok: false, fieldErrors: { grade: ["quota.position.err.disabledGrade"] } };
  if (input.contractEnd && !contractRunsOneYear(input.contractStart, input.contractEnd)) {
    return { ok: false, fieldErrors: { contractEnd: [input.contractEnd < input.contractStart ? "quota.position.err.endBeforeStart" : "quota.position.err.shortContract"] } };
  }
  const row = await inTransaction(db, (trx) =>
    trx
      .insertInto("quota_position_employee")
      .values({
        organization_id: input.organizationId,
        kind: input.kind,
        grade: input.grade,
        contract_start: input.contractStart,
        contract_end: input.contractEnd || null,
        note: input.note?.trim() ?? "",
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return { ok: true, value: { id: row.id } };
}

/** Removes one of the organization's hand-declared employees (members only; another organization's row is a 404). */
export async function removeDeclaredEmployee(db: DB, actor: Actor, input: RemoveDeclaredInput): Promise<Result<{ id: string }>> {
  const { who } = await chooseOrganization(db, actor, input.organizationId);
  requirePermission(who, "create:quota_declaration", { organizationId: input.organizationId });
  const r = await inTransaction(db, (trx) =>
    trx
      .deleteFrom("quota_position_employee")
      .where("id", "=", input.employeeId)
      .where("organization_id", "=", input.organizationId)
      .executeTakeFirst(),
  );
  if (Number(r.numDeletedRows) === 0) return { ok: false, fieldErrors: { "": ["quota.position.err.employeeGone"] } };
  return { ok: true, value: { id: input.employeeId } };
}
