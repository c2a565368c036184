/**
 * Provincial bodies (issue 13): organizations an admin flags as 省级党政机关 or 残工委成员单位, each shown with whether
 * it employs at least one disabled person in a year — from its quota declaration for the year (submitted or
 * approved, listing at least one disabled employee: quota_declaration_employee.kind = 'disabled') or from an
 * employment record (organization_id = it, started by the end of the year, and neither ended nor past its contract
 * end before the year began). The statistics take these as of a day: declarations submitted and jobs started by then. Every person on the platform's seeker side is a certificate holder, so any such record
 * is a disabled employee.
 *
 * Flags are the province's: only a province admin (verify:organization asked for PROVINCE_CODE) sets them; a
 * prefecture or county admin sees the list of their region and a sentence that the province sets the flags.
 */
import { sql, type SqlBool } from "kysely";
import type { DB } from "../../../db/database";
import type { ProvincialBodyKind } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { UUID_RE } from "../ids";
import { can, PROVINCE_CODE, regionPrefix, requirePermission, type Actor } from "../permissions";
import { PROVINCIAL_BODY_KINDS, type EmployingSource, type ProvincialBodyInput } from "./provincial-bodies.schema";

function fail(message: string, field = ""): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

/** Whether the actor sets the flags: the province's admins only. */
export function canFlagProvincialBodies(actor: Actor | null | undefined): boolean {
  return can(actor, "verify:organization", { regionCode: PROVINCE_CODE });
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Response("Not Found", { status: 404 });
}

/** The last day counted for `year` as of `asOf` (a Shanghai day; the year's end when absent or later). */
function lastDayOf(year: number, asOf?: string): string {
  const end = `${year}-12-31`;
  return asOf && asOf < end ? asOf : end;
}

/** The first instant after a Shanghai calendar day, for timestamps. */
function instantAfter(day: string): Date {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The employing facts of organizations in column `o.id` for a year as of a day, as SQL expressions: a declaration for
 * the year submitted by then (and not returned by then), or an employment record started by then (and by the year's
 * end) and neither ended nor past its contract end before the year began. Without a day: jobs started by the year's
 * end, and the declarations as they stand now (one for the year submitted after it still shows who was employed).
 */
function employingFacts(year: number, asOf?: string) {
  const start = `${year}-01-01`;
  const last = lastDayOf(year, asOf);
  const next = instantAfter(last);
  const declared = asOf
    ? sql`qd.status in ('submitted', 'approved', 'returned') and qd.submitted_at < ${next} and not (qd.status = 'returned' and qd.reviewed_at < ${next})`
    : sql`qd.status in ('submitted', 'approved')`;
  return {
    byDeclaration: sql<SqlBool>`exists (
      select 1 from quota_declaration qd
      join quota_declaration_employee qe on qe.declaration_id = qd.id
      where qd.organization_id = o.id and qd.levy_year = ${year} and ${declared} and qe.kind = 'disabled')`,
    byRecords: sql<SqlBool>`exists (
      select 1 from employment pe
      where pe.organization_id = o.id and pe.contract_start <= ${last}::date
        and (pe.ended_on is null or pe.ended_on >= ${start}::date)
        and (pe.contract_end is null or pe.contract_end >= ${start}::date))`,
  };
}

function employingSelections(year: number, asOf?: string) {
  const f = employingFacts(year, asOf);
  return [f.byDeclaration.as("by_declaration"), f.byRecords.as("by_records")] as const;
}

/**
 * Whether the organization in column `o.id` employs at least one disabled person in `year` as of `asOf` (see
 * employingFacts) — the rule of the figure, for lists that must agree with it.
 */
export function provincialBodyEmployingSql(year: number, asOf?: string) {
  requireYear(year);
  const f = employingFacts(year, asOf);
  return sql<SqlBool>`(${f.byDeclaration} or ${f.byRecords})`;
}

function sourceOf(byDeclaration: boolean, byRecords: boolean): EmployingSource | null {
  return byDeclaration && byRecords ? "both" : byDeclaration ? "declaration" : byRecords ? "records" : null;
}

export interface ProvincialBody {
  id: string;
  name: string;
  regionName: string;
  kinds: ProvincialBodyKind[];
  employing: boolean;
  source: EmployingSource | null;
}

export interface ProvincialBodiesList {
  year: number;
  canFlag: boolean;
  bodies: ProvincialBody[];
  /** Counts over all flagged bodies of the region, whatever the filter. */
  total: number;
  employing: number;
}

/**
 * The flagged organizations of the actor's region, each with whether it employs at least one disabled person in
 * `year` and from what. Admins only (404 otherwise). Nobody is named: nothing to audit.
 */
export async function listProvincialBodies(
  db: DB,
  actor: Actor,
  options: { year: number; notEmployingOnly?: boolean },
): Promise<ProvincialBodiesList> {
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  requireYear(options.year);
  const rows = await db
    .selectFrom("organization as o")
    .innerJoin("division as d", "d.code", "o.region_code")
    .select(["o.id", "o.name", "d.name as region_name", "o.provincial_body_kinds", ...employingSelections(options.year)])
    .where(sql<boolean>`cardinality(o.provincial_body_kinds) > 0`)
    .where("o.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("o.name")
    .orderBy("o.id")
    .execute();
  const all: ProvincialBody[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionName: r.region_name,
    kinds: PROVINCIAL_BODY_KINDS.filter((k) => r.provincial_body_kinds.includes(k)),
    employing: !!r.by_declaration || !!r.by_records,
    source: sourceOf(!!r.by_declaration, !!r.by_records),
  }));
  return {
    year: options.year,
    canFlag: canFlagProvincialBodies(actor),
    bodies: options.notEmployingOnly ? all.filter((b) => !b.employing) : all,
    total: all.length,
    employing: all.filter((b) => b.employing).length,
  };
}

/**
 * For the statistics: flagged bodies of a region (the division and below) and how many employ ≥ 1 disabled person in
 * `year` as of `asOf` (a Shanghai day): only jobs started and declarations submitted by then. Without it, jobs started
 * by the year's end and the declarations as they stand (employingFacts).
 */
export async function provincialBodiesSummary(db: DB, regionCode: string, year: number, asOf?: string): Promise<{ bodies: number; employing: number }> {
  requireYear(year);
  const [byDeclaration, byRecords] = employingSelections(year, asOf);
  const row = await db
    .selectFrom(
      db
        .selectFrom("organization as o")
        .select(["o.id", byDeclaration, byRecords])
        .where(sql<boolean>`cardinality(o.provincial_body_kinds) > 0`)
        .where("o.region_code", "like", `${regionPrefix(regionCode)}%`)
        .as("b"),
    )
    .select([sql<number>`count(*)`.as("bodies"), sql<number>`count(*) filter (where b.by_declaration or b.by_records)`.as("employing")])
    .executeTakeFirstOrThrow();
  return { bodies: Number(row.bodies), employing: Number(row.employing) };
}

export interface FlagCandidate {
  id: string;
  name: string;
  regionName: string;
  kinds: ProvincialBodyKind[];
}

/** Organizations of the actor's region whose name (or 统一社会信用代码) contains `q`, to flag: the province's admins only. */
export async function findOrganizationsToFlag(db: DB, actor: Actor, q: string): Promise<FlagCandidate[]> {
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  const term = q.trim().slice(0, 50);
  if (!term || !canFlagProvincialBodies(actor)) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom("organization as o")
    .innerJoin("division as d", "d.code", "o.region_code")
    .select(["o.id", "o.name", "d.name as region_name", "o.provincial_body_kinds"])
    .where((eb) => eb.or([eb("o.name", "ilike", like), eb("o.uscc", "=", term.toUpperCase())]))
    .where("o.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("o.name")
    .orderBy("o.id")
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionName: r.region_name,
    kinds: PROVINCIAL_BODY_KINDS.filter((k) => r.provincial_body_kinds.includes(k)),
  }));
}

/**
 * Sets an organization's provincial-body flags (none unsets them). Admins who may not flag at all get 404; a
 * prefecture or county admin is refused with a sentence before anything is read. Audited when something changes.
 */
export async function setProvincialBodyKinds(
  db: DB,
  actor: Actor,
  input: ProvincialBodyInput,
  options: { ip?: string | null } = {},
): Promise<Result<{ name: string; kinds: ProvincialBodyKind[] }>> {
  requirePermission(actor, "verify:organization", { regionCode: actor.regionCode });
  if (!canFlagProvincialBodies(actor)) return fail("realname.err.provinceOnly");
  const kinds = PROVINCIAL_BODY_KINDS.filter((k) => input.kinds.includes(k));
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom("organization")
      .select(["id", "name", "provincial_body_kinds"])
      .where("id", "=", input.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!org) return fail("realname.err.organizationGone");
    const before = PROVINCIAL_BODY_KINDS.filter((k) => org.provincial_body_kinds.includes(k));
    if (before.join(",") !== kinds.join(",")) {
      await trx.updateTable("organization").set({ provincial_body_kinds: kinds }).where("id", "=", org.id).execute();
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: null,
        action: "update",
        entity: "organization.provincial_body_kinds",
        entityId: org.id,
        reason: `${before.join(",") || "-"} → ${kinds.join(",") || "-"}`,
        ip: options.ip,
      });
    }
    return { ok: true as const, value: { name: org.name, kinds } };
  });
}

/** An organization's name and flags, for the confirmation after saving them (null when it is not in the actor's region). */
export async function organizationFlags(db: DB, actor: Actor, organizationId: string): Promise<{ name: string; kinds: ProvincialBodyKind[] } | null> {
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  if (!UUID_RE.test(organizationId)) return null;
  const row = await db
    .selectFrom("organization")
    .select(["name", "provincial_body_kinds"])
    .where("id", "=", organizationId)
    .where("region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .executeTakeFirst();
  return row ? { name: row.name, kinds: PROVINCIAL_BODY_KINDS.filter((k) => row.provincial_body_kinds.includes(k)) } : null;
}
