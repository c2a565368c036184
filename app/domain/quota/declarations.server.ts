/**
 * Annual declarations (按比例就业年审), their review by the federation, and the public disclosure (公示) with
 * objections (issue 5, design §6). Employers declare a levy year; admins of the organization's region review with
 * the checks listed in `reviewChecks`; approved declarations of a year are published with an objection window.
 *
 * Certificate numbers are sensitive (design §7): the employer who declared them and the reviewing admin see them;
 * every admin read is audited. The disclosure shows organizations' figures only, never a person.
 */
import { notFound, UUID_RE } from "../ids";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { DeclarationStatus, OrganizationType } from "../../../db/schema";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { checkCertificateNumber } from "../identity";
import { notify } from "../notifications/notifications.server";
import { membershipsOf } from "../organizations/membership.server";
import { can, isWithinRegion, PROVINCE_CODE, requirePermission, type Actor } from "../permissions";
import { isShorterThanOneYear, OBJECTIONS_PER_DAY, type DeclarationInput, type DeclaredEmployee } from "./declarations.schema";
import { computeLevy, formatCount, formatMoney, parseRational, rationalToText, staffCountFromMonthly, type LevyResult } from "./levy";
import { ruleParameters } from "./parameters.server";

function fail<T>(errors: FieldErrors): Result<T> {
  return { ok: false, fieldErrors: errors };
}

/** The levy year an employer declares now: the current year, declaring last year's data (quota-rules A8). */
export function currentLevyYear(now = new Date()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

function employerType(type: OrganizationType): "enterprise" | "public_institution" | "government" | "social_organization" {
  // 个体工商户 are businesses: the levy treats them as enterprises.
  return type === "individual_business" ? "enterprise" : type;
}

// ---------------------------------------------------------------------------------------------------------------
// Employers

export interface DeclarationSummary {
  id: string;
  organizationId: string;
  organizationName: string;
  levyYear: number;
  status: DeclarationStatus;
  returnReason: string | null;
  payable: string | null;
  submittedAt: Date | null;
}

async function verifiedMembership(db: DB, actor: Actor, organizationId: string) {
  if (!UUID_RE.test(organizationId)) notFound();
  const m = (await membershipsOf(db, actor.id)).find((x) => x.organizationId === organizationId);
  if (!m) notFound();
  requirePermission({ ...actor, organizationIds: [organizationId] }, "create:quota_declaration", { organizationId });
  return m;
}

export async function listMyDeclarations(db: DB, actor: Actor): Promise<{ organizations: { id: string; name: string; verified: boolean }[]; items: DeclarationSummary[] }> {
  const memberships = await membershipsOf(db, actor.id);
  const ids = memberships.map((m) => m.organizationId);
  requirePermission({ ...actor, organizationIds: ids }, "read:quota_declaration", { organizationId: ids[0] ?? null });
  const rows = ids.length
    ? await db
        .selectFrom("quota_declaration as d")
        .innerJoin("organization as o", "o.id", "d.organization_id")
        .select(["d.id", "d.organization_id", "o.name", "d.levy_year", "d.status", "d.return_reason", "d.result", "d.submitted_at"])
        .where("d.organization_id", "in", ids)
        .orderBy("d.levy_year", "desc")
        .orderBy("o.name")
        .execute()
    : [];
  return {
    organizations: memberships.map((m) => ({ id: m.organizationId, name: m.name, verified: m.status === "verified" })),
    items: rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.name,
      levyYear: r.levy_year,
      status: r.status,
      returnReason: r.return_reason,
      payable: (r.result as LevyResult | null)?.payable ?? null,
      submittedAt: r.submitted_at,
    })),
  };
}

export interface DeclarationForEdit {
  organization: { id: string; name: string; verified: boolean };
  levyYear: number;
  status: DeclarationStatus | null;
  returnReason: string | null;
  editable: boolean;
  values: { monthlyStaff: string[]; salaryTotal: string; employees: Record<string, string>[] };
  result: DeclarationLevy | null;
}

function employeeValues(e: {
  full_name: string;
  kind: string;
  certificate_number: string;
  grade: number;
  contract_start: string;
  contract_end: string | null;
  insurance_months: number;
  monthly_pay: number;
}): Record<string, string> {
  return {
    fullName: e.full_name,
    kind: e.kind,
    certificateNumber: e.certificate_number,
    grade: String(e.grade),
    contractStart: e.contract_start,
    contractEnd: e.contract_end ?? "",
    insuranceMonths: String(e.insurance_months),
    monthlyPay: String(e.monthly_pay),
  };
}

export async function getDeclarationForEdit(db: DB, actor: Actor, organizationId: string, levyYear: number): Promise<DeclarationForEdit> {
  const m = await verifiedMembership(db, actor, organizationId);
  if (!Number.isInteger(levyYear) || levyYear < 2015 || levyYear > 2100) notFound();
  const d = await db
    .selectFrom("quota_declaration")
    .select(["id", "status", "return_reason", "monthly_staff", "salary_total", "result"])
    .where("organization_id", "=", organizationId)
    .where("levy_year", "=", levyYear)
    .executeTakeFirst();
  const employees = d
    ? await db.selectFrom("quota_declaration_employee").selectAll().where("declaration_id", "=", d.id).orderBy("full_name").orderBy("id").execute()
    : [];
  return {
    organization: { id: organizationId, name: m.name, verified: m.status === "verified" },
    levyYear,
    status: d?.status ?? null,
    returnReason: d?.return_reason ?? null,
    editable: m.status === "verified" && (!d || d.status === "draft" || d.status === "returned"),
    values: {
      monthlyStaff: d ? d.monthly_staff.map(String) : [],
      salaryTotal: d ? String(d.salary_total) : "",
      employees: employees.map(employeeValues),
    },
    result: (d?.result as DeclarationLevy | null) ?? null,
  };
}

/** A levy result as stored with a declaration: with the staff average and average salary it was computed from. */
export type DeclarationLevy = LevyResult & { staffCount: string; averageSalary: string };

/** The levy for a declaration's figures, with the federation's parameters for the data year. */
export async function levyForDeclaration(
  db: DB,
  input: { levyYear: number; organizationType: OrganizationType; monthlyStaff: readonly number[]; salaryTotal: string | number; employees: readonly Pick<DeclaredEmployee, "kind" | "grade" | "insuranceMonths">[] },
): Promise<Result<DeclarationLevy>> {
  const params = await ruleParameters(db, input.levyYear - 1);
  if (!params.localAverageWage) return fail({ "": [`declarations.err.noLocalWage|${JSON.stringify({ year: input.levyYear - 1 })}`] });
  const staff = staffCountFromMonthly(input.monthlyStaff);
  const average = staff.equals(0) ? parseRational(0) : parseRational(String(input.salaryTotal)).div(staff);
  const result = computeLevy({
      levyYear: input.levyYear,
      employerType: employerType(input.organizationType),
      staffCount: rationalToText(staff),
      averageSalary: rationalToText(average),
      localAverageSalary: params.localAverageWage,
      ratio: params.ratio,
      disabledEmployees: input.employees.map((e) => ({ kind: e.kind, grade: e.grade, monthsEmployed: e.insuranceMonths })),
  });
  return { ok: true, value: { ...result, staffCount: formatCount(staff), averageSalary: formatMoney(average) } };
}

/** Saves a draft, or submits it for review (`submit`). Approved and waiting declarations cannot be changed. */
export async function saveDeclaration(
  db: DB,
  actor: Actor,
  organizationId: string,
  levyYear: number,
  input: DeclarationInput,
  options: { submit: boolean; now?: Date },
): Promise<Result<{ id: string; status: DeclarationStatus }>> {
  const m = await verifiedMembership(db, actor, organizationId);
  if (m.status !== "verified") return fail({ "": ["declarations.err.notVerified"] });
  if (!Number.isInteger(levyYear) || levyYear < 2015 || levyYear > 2100) notFound();
  const now = options.now ?? new Date();
  const org = await db.selectFrom("organization").select(["type"]).where("id", "=", organizationId).executeTakeFirstOrThrow();
  let result: DeclarationLevy | null = null;
  if (options.submit) {
    const levy = await levyForDeclaration(db, {
      levyYear,
      organizationType: org.type,
      monthlyStaff: input.monthlyStaff,
      salaryTotal: input.salaryTotal,
      employees: input.employees,
    });
    if (!levy.ok) return levy;
    result = levy.value;
  }
  const status: DeclarationStatus = options.submit ? "submitted" : "draft";
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("quota_declaration")
      .select(["id", "status"])
      .where("organization_id", "=", organizationId)
      .where("levy_year", "=", levyYear)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.status !== "draft" && existing.status !== "returned") return fail<{ id: string; status: DeclarationStatus }>({ "": ["declarations.err.locked"] });
    const values = {
      monthly_staff: input.monthlyStaff,
      salary_total: input.salaryTotal.toFixed(2),
      status,
      result: result ? JSON.stringify(result) : null,
      submitted_at: options.submit ? now : null,
      updated_at: now,
    };
    const id = existing
      ? (await trx.updateTable("quota_declaration").set(values).where("id", "=", existing.id).returning("id").executeTakeFirstOrThrow()).id
      : (
          await trx
            .insertInto("quota_declaration")
            .values({ ...values, organization_id: organizationId, levy_year: levyYear, created_by: actor.id })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
    await trx.deleteFrom("quota_declaration_employee").where("declaration_id", "=", id).execute();
    if (input.employees.length) {
      await trx
        .insertInto("quota_declaration_employee")
        .values(
          input.employees.map((e) => ({
            declaration_id: id,
            full_name: e.fullName,
            kind: e.kind,
            certificate_number: e.certificateNumber,
            grade: e.grade,
            contract_start: e.contractStart,
            contract_end: e.contractEnd || null,
            insurance_months: e.insuranceMonths,
            monthly_pay: e.monthlyPay,
          })),
        )
        .execute();
    }
    return { ok: true as const, value: { id, status } };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Review by the federation

export type CheckKind = "duplicateCertificate" | "repeatedCertificate" | "shortContract" | "belowMinimumWage" | "certificateInvalid";

export interface ReviewCheck {
  kind: CheckKind;
  /** The employee row it concerns (index in the list shown), and the facts to show. */
  employee: number;
  params: Record<string, string | number>;
}

export interface ReviewItem {
  id: string;
  organizationName: string;
  regionCode: string;
  levyYear: number;
  status: DeclarationStatus;
  submittedAt: Date | null;
  payable: string | null;
}

function reviewerCovers(actor: Actor, regionCode: string) {
  return can(actor, "review:quota_declaration", { regionCode });
}

export async function listForReview(
  db: DB,
  actor: Actor,
  filter: { levyYear?: number | null; status?: DeclarationStatus | null } = {},
): Promise<ReviewItem[]> {
  requirePermission(actor, "review:quota_declaration", { regionCode: actor.regionCode });
  let q = db
    .selectFrom("quota_declaration as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select(["d.id", "o.name", "o.region_code", "d.levy_year", "d.status", "d.submitted_at", "d.result"])
    .where("d.status", "!=", "draft")
    .orderBy(sql`case d.status when 'submitted' then 0 when 'returned' then 1 else 2 end`)
    .orderBy("d.submitted_at", "desc")
    .limit(500);
  if (filter.levyYear) q = q.where("d.levy_year", "=", filter.levyYear);
  if (filter.status) q = q.where("d.status", "=", filter.status);
  const rows = await q.execute();
  return rows
    .filter((r) => isWithinRegion(actor.regionCode, r.region_code))
    .map((r) => ({
      id: r.id,
      organizationName: r.name,
      regionCode: r.region_code,
      levyYear: r.levy_year,
      status: r.status,
      submittedAt: r.submitted_at,
      payable: (r.result as LevyResult | null)?.payable ?? null,
    }));
}

export interface DeclarationForReview {
  id: string;
  organization: { id: string; name: string; uscc: string; type: OrganizationType; regionCode: string };
  levyYear: number;
  status: DeclarationStatus;
  returnReason: string | null;
  monthlyStaff: number[];
  salaryTotal: string;
  employees: {
    fullName: string;
    kind: "disabled" | "veteran";
    certificateNumber: string;
    grade: number;
    contractStart: string;
    contractEnd: string | null;
    insuranceMonths: number;
    monthlyPay: number;
  }[];
  checks: ReviewCheck[];
  result: DeclarationLevy | null;
  minimumWage: string | null;
}

/** The checks a reviewer sees (issue 5): duplicates across organizations, short contracts, low pay, bad numbers. */
export async function reviewChecks(
  db: DB,
  declaration: { id: string; levyYear: number; organizationId: string },
  employees: DeclarationForReview["employees"],
  minimumWage: string | null,
): Promise<ReviewCheck[]> {
  const checks: ReviewCheck[] = [];
  const certificates = [...new Set(employees.map((e) => e.certificateNumber))];
  const elsewhere = certificates.length
    ? await db
        .selectFrom("quota_declaration_employee as e")
        .innerJoin("quota_declaration as d", "d.id", "e.declaration_id")
        .innerJoin("organization as o", "o.id", "d.organization_id")
        .select(["e.certificate_number", "o.name"])
        .where("e.certificate_number", "in", certificates)
        .where("d.levy_year", "=", declaration.levyYear)
        .where("d.organization_id", "!=", declaration.organizationId)
        .where("d.status", "in", ["submitted", "approved"])
        .execute()
    : [];
  employees.forEach((e, i) => {
    for (const other of elsewhere.filter((x) => x.certificate_number === e.certificateNumber)) {
      checks.push({ kind: "duplicateCertificate", employee: i, params: { organization: other.name } });
    }
    if (isShorterThanOneYear(e.contractStart, e.contractEnd)) checks.push({ kind: "shortContract", employee: i, params: { start: e.contractStart, end: e.contractEnd ?? "" } });
    if (minimumWage && parseRational(e.monthlyPay).lt(parseRational(minimumWage))) {
      checks.push({ kind: "belowMinimumWage", employee: i, params: { pay: e.monthlyPay, minimum: minimumWage } });
    }
    // 残疾人证 numbers have a check digit (the ID part) and state category and grade; 残疾军人证 numbers differ.
    if (e.kind === "disabled") {
      const errors = checkCertificateNumber(e.certificateNumber, { grade: e.grade });
      if (errors.length) checks.push({ kind: "certificateInvalid", employee: i, params: { problem: errors[0]! } });
    }
  });
  // The same certificate twice in one declaration counts one person twice.
  employees.forEach((e, i) => {
    const first = employees.findIndex((x) => x.certificateNumber === e.certificateNumber);
    if (first !== i) checks.push({ kind: "repeatedCertificate", employee: i, params: {} });
  });
  return checks;
}

export async function getDeclarationForReview(db: DB, actor: Actor, id: string, request: { ip?: string } = {}): Promise<DeclarationForReview> {
  if (!UUID_RE.test(id)) notFound();
  const d = await db
    .selectFrom("quota_declaration as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select([
      "d.id",
      "d.organization_id",
      "d.levy_year",
      "d.status",
      "d.return_reason",
      "d.monthly_staff",
      "d.salary_total",
      "d.result",
      "o.name",
      "o.uscc",
      "o.type",
      "o.region_code",
    ])
    .where("d.id", "=", id)
    .where("d.status", "!=", "draft")
    .executeTakeFirst();
  if (!d || !reviewerCovers(actor, d.region_code)) notFound();
  const rows = await db.selectFrom("quota_declaration_employee").selectAll().where("declaration_id", "=", id).orderBy("full_name").orderBy("id").execute();
  const employees = rows.map((e) => ({
    fullName: e.full_name,
    kind: e.kind,
    certificateNumber: e.certificate_number,
    grade: e.grade,
    contractStart: e.contract_start,
    contractEnd: e.contract_end,
    insuranceMonths: e.insurance_months,
    monthlyPay: e.monthly_pay,
  }));
  // Certificate numbers are sensitive: the reviewer's read is recorded.
  if (employees.length) {
    await recordAudit(db, { actorId: actor.id, subjectUserId: null, action: "read", entity: "quota_declaration_employees", entityId: id, ip: request.ip ?? null });
  }
  const params = await ruleParameters(db, d.levy_year - 1);
  return {
    id: d.id,
    organization: { id: d.organization_id, name: d.name, uscc: d.uscc, type: d.type, regionCode: d.region_code },
    levyYear: d.levy_year,
    status: d.status,
    returnReason: d.return_reason,
    monthlyStaff: d.monthly_staff,
    salaryTotal: String(d.salary_total),
    employees,
    checks: await reviewChecks(db, { id: d.id, levyYear: d.levy_year, organizationId: d.organization_id }, employees, params.minimumWage),
    result: (d.result as DeclarationLevy | null) ?? null,
    minimumWage: params.minimumWage,
  };
}

async function decide(db: DB, actor: Actor, id: string, decision: { status: "approved" } | { status: "returned"; reason: string }, now = new Date()) {
  if (!UUID_RE.test(id)) notFound();
  return db.transaction().execute(async (trx) => {
    const d = await trx
      .selectFrom("quota_declaration as d")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .select(["d.id", "d.status", "d.levy_year", "d.organization_id", "o.region_code", "o.name"])
      .where("d.id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || d.status === "draft" || !reviewerCovers(actor, d.region_code)) notFound();
    if (d.status !== "submitted") return fail<{ status: DeclarationStatus }>({ "": ["declarations.err.notWaiting"] });
    await trx
      .updateTable("quota_declaration")
      .set({
        status: decision.status,
        return_reason: decision.status === "returned" ? decision.reason : null,
        reviewed_by: actor.id,
        reviewed_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    const members = await trx.selectFrom("organization_member").select("user_id").where("organization_id", "=", d.organization_id).execute();
    for (const m of members) {
      await notify(trx, m.user_id, `declaration.${decision.status}`, { year: d.levy_year }, `/employer/quota/declarations/${d.organization_id}/${d.levy_year}`);
    }
    return { ok: true as const, value: { status: decision.status as DeclarationStatus } };
  });
}

export function approveDeclaration(db: DB, actor: Actor, id: string, now?: Date) {
  return decide(db, actor, id, { status: "approved" }, now);
}

export function returnDeclaration(db: DB, actor: Actor, id: string, reason: string, now?: Date) {
  return decide(db, actor, id, { status: "returned", reason }, now);
}

// ---------------------------------------------------------------------------------------------------------------
// Public disclosure (公示) and objections

export interface DisclosureEntry {
  id: string;
  organizationName: string;
  regionCode: string;
  place: string;
  staffCount: string;
  requiredCount: string;
  countedDisabled: string;
  met: boolean;
  openObjections: number;
}

export interface Disclosure {
  id: string;
  levyYear: number;
  publishedAt: Date;
  objectionsUntil: Date;
  open: boolean;
  entries: DisclosureEntry[];
}

/**
 * Whether the actor publishes the year's disclosure: one disclosure a year for the whole province, published by the
 * province federation (decision 010). Prefecture and county admins review their region's declarations only.
 */
export function canPublishDisclosure(actor: Actor | null | undefined): boolean {
  return can(actor, "publish:quota_declaration", { regionCode: PROVINCE_CODE });
}

export async function publishDisclosure(
  db: DB,
  actor: Actor,
  levyYear: number,
  objectionDays: number,
  now = new Date(),
): Promise<Result<{ id: string; entries: number }>> {
  requirePermission(actor, "review:quota_declaration", { regionCode: actor.regionCode });
  // A reviewer who is not the province's sees the page, so the refusal says who publishes rather than "not found".
  if (!canPublishDisclosure(actor)) return fail({ "": ["declarations.err.provinceOnly"] });
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("quota_disclosure").select("id").where("levy_year", "=", levyYear).executeTakeFirst();
    if (exists) return fail<{ id: string; entries: number }>({ levyYear: ["declarations.err.alreadyPublished"] });
    // Every region's approved declarations: the disclosure is the province's.
    const approved = await trx
      .selectFrom("quota_declaration as d")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .select(["d.id", "d.organization_id", "d.result", "o.name", "o.region_code"])
      .where("d.levy_year", "=", levyYear)
      .where("d.status", "=", "approved")
      .orderBy("o.name")
      .execute();
    if (!approved.length) return fail<{ id: string; entries: number }>({ levyYear: ["declarations.err.nothingApproved"] });
    // Two publishes at once: the year's unique key keeps one, the other is told it is published.
    const disclosure = await trx
      .insertInto("quota_disclosure")
      .values({ levy_year: levyYear, published_by: actor.id, published_at: now, objections_until: new Date(now.getTime() + objectionDays * 86_400_000) })
      .onConflict((oc) => oc.column("levy_year").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!disclosure) return fail<{ id: string; entries: number }>({ levyYear: ["declarations.err.alreadyPublished"] });
    await trx
      .insertInto("quota_disclosure_entry")
      .values(
        approved.map((r) => {
          const result = r.result as DeclarationLevy;
          return {
            disclosure_id: disclosure.id,
            declaration_id: r.id,
            organization_id: r.organization_id,
            organization_name: r.name,
            region_code: r.region_code,
            staff_count: staffFromExplanation(result),
            required_count: result.requiredCount,
            counted_disabled: result.countedDisabled,
            met: result.exemptReason === "quota_met",
          };
        }),
      )
      .execute();
    return { ok: true as const, value: { id: disclosure.id, entries: approved.length } };
  });
}

/** The staff average stored with the result (required ÷ ratio would reintroduce rounding). */
function staffFromExplanation(result: Partial<DeclarationLevy>): string {
  return result.staffCount ?? "";
}

export async function listDisclosures(db: DB): Promise<{ levyYear: number; publishedAt: Date; objectionsUntil: Date; entries: number }[]> {
  const rows = await db
    .selectFrom("quota_disclosure as q")
    .leftJoin("quota_disclosure_entry as e", "e.disclosure_id", "q.id")
    .select(["q.levy_year", "q.published_at", "q.objections_until", (eb) => eb.fn.count<number>("e.id").as("n")])
    .groupBy(["q.levy_year", "q.published_at", "q.objections_until"])
    .orderBy("q.levy_year", "desc")
    .execute();
  return rows.map((r) => ({ levyYear: r.levy_year, publishedAt: r.published_at, objectionsUntil: r.objections_until, entries: Number(r.n) }));
}

export async function getDisclosure(db: DB, levyYear: number, now = new Date()): Promise<Disclosure> {
  if (!Number.isInteger(levyYear)) notFound();
  const q = await db.selectFrom("quota_disclosure").selectAll().where("levy_year", "=", levyYear).executeTakeFirst();
  if (!q) notFound();
  const rows = await db
    .selectFrom("quota_disclosure_entry as e")
    .innerJoin("division as d", "d.code", "e.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select([
      "e.id",
      "e.organization_name",
      "e.region_code",
      "e.staff_count",
      "e.required_count",
      "e.counted_disabled",
      "e.met",
      "d.name as county",
      "dp.name as prefecture",
      (eb) =>
        eb
          .selectFrom("quota_objection as x")
          .select((x) => x.fn.countAll<number>().as("n"))
          .whereRef("x.entry_id", "=", "e.id")
          .where("x.status", "=", "open")
          .as("open_objections"),
    ])
    .where("e.disclosure_id", "=", q.id)
    .orderBy("e.organization_name")
    .execute();
  return {
    id: q.id,
    levyYear: q.levy_year,
    publishedAt: q.published_at,
    objectionsUntil: q.objections_until,
    open: now < q.objections_until,
    entries: rows.map((r) => ({
      id: r.id,
      organizationName: r.organization_name,
      regionCode: r.region_code,
      place: `${r.prefecture ?? ""}${r.county}`,
      staffCount: r.staff_count,
      requiredCount: r.required_count,
      countedDisabled: r.counted_disabled,
      met: r.met,
      openObjections: Number(r.open_objections ?? 0),
    })),
  };
}

/**
 * Any signed-in user may object to an entry while the window is open: one open objection per person and entry (a
 * partial unique index holds it under concurrency), and at most OBJECTIONS_PER_DAY in 24 hours. One person's
 * objections are filed one at a time (their user row is locked), so parallel submissions cannot pass the count together.
 */
export async function fileObjection(db: DB, actor: Actor, entryId: string, reason: string, now = new Date()): Promise<Result<{ id: string }>> {
  if (!UUID_RE.test(entryId)) return fail({ entryId: ["declarations.err.entryGone"] });
  const entry = await db
    .selectFrom("quota_disclosure_entry as e")
    .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
    .select(["e.id", "q.objections_until"])
    .where("e.id", "=", entryId)
    .executeTakeFirst();
  if (!entry) return fail({ entryId: ["declarations.err.entryGone"] });
  if (now >= entry.objections_until) return fail({ "": ["declarations.err.windowClosed"] });
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("app_user").select("id").where("id", "=", actor.id).forNoKeyUpdate().executeTakeFirst();
    const recent = await trx
      .selectFrom("quota_objection")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", actor.id)
      .where("created_at", ">", new Date(now.getTime() - 86_400_000))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= OBJECTIONS_PER_DAY) {
      return fail<{ id: string }>({ "": [`declarations.err.objectionLimit|${JSON.stringify({ limit: OBJECTIONS_PER_DAY })}`] });
    }
    const row = await trx
      .insertInto("quota_objection")
      .values({ entry_id: entryId, user_id: actor.id, reason, created_at: now })
      // The index's predicate as a literal: a parameter would not let PostgreSQL infer the partial index.
      .onConflict((oc) => oc.columns(["entry_id", "user_id"]).where("status", "=", sql.lit("open")).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail<{ id: string }>({ entryId: ["declarations.err.objectionOpen"] });
    return { ok: true as const, value: { id: row.id } };
  });
}

export interface ObjectionItem {
  id: string;
  levyYear: number;
  organizationName: string;
  reason: string;
  status: "open" | "upheld" | "dismissed";
  resolution: string | null;
  createdAt: Date;
}

export async function listObjections(db: DB, actor: Actor, levyYear: number): Promise<ObjectionItem[]> {
  requirePermission(actor, "review:quota_declaration", { regionCode: actor.regionCode });
  const rows = await db
    .selectFrom("quota_objection as x")
    .innerJoin("quota_disclosure_entry as e", "e.id", "x.entry_id")
    .innerJoin("quota_disclosure as q", "q.id", "e.disclosure_id")
    .select(["x.id", "q.levy_year", "e.organization_name", "e.region_code", "x.reason", "x.status", "x.resolution", "x.created_at"])
    .where("q.levy_year", "=", levyYear)
    .orderBy(sql`case x.status when 'open' then 0 else 1 end`)
    .orderBy("x.created_at")
    .execute();
  return rows
    .filter((r) => isWithinRegion(actor.regionCode, r.region_code))
    .map((r) => ({
      id: r.id,
      levyYear: r.levy_year,
      organizationName: r.organization_name,
      reason: r.reason,
      status: r.status,
      resolution: r.resolution,
      createdAt: r.created_at,
    }));
}

export async function resolveObjection(
  db: DB,
  actor: Actor,
  objectionId: string,
  outcome: "upheld" | "dismissed",
  resolution: string,
  now = new Date(),
): Promise<Result<null>> {
  if (!UUID_RE.test(objectionId)) notFound();
  const x = await db
    .selectFrom("quota_objection as x")
    .innerJoin("quota_disclosure_entry as e", "e.id", "x.entry_id")
    .select(["x.id", "x.status", "x.user_id", "e.region_code", "e.organization_name"])
    .where("x.id", "=", objectionId)
    .executeTakeFirst();
  if (!x || !reviewerCovers(actor, x.region_code)) notFound();
  if (x.status !== "open") return fail({ "": ["declarations.err.alreadyResolved"] });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("quota_objection")
      .set({ status: outcome, resolution, resolved_by: actor.id, resolved_at: now })
      .where("id", "=", objectionId)
      .execute();
    if (x.user_id) await notify(trx, x.user_id, `objection.${outcome}`, { organization: x.organization_name }, null);
  });
  return { ok: true, value: null };
}
