/**
 * Entrepreneurship support (issue 14): businesses run by disabled entrepreneurs (个体工商户, 合作社, 网店, 家庭作坊…),
 * linked to the seeker(s) who run them, with their support (一次性创业补贴, 创业担保贷款, 贷款贴息, 孵化场地) and a
 * yearly status check. The plan's "≥ 5,000 entrepreneur households supported" counts businesses here.
 *
 * Self-employment itself is an employment record of form `self_employed` (decision 012: one employment table; the
 * new-jobs figure counts it from there): nothing here writes employment.
 */
import { sql, type SqlBool } from "kysely";
import type { DB } from "../../../db/database";
import { regionPrefix } from "../permissions";

export interface SupportedBusinessesQuery {
  /** A division code: the businesses of that division and below. */
  regionCode: string;
  /** First and last day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** Only support given by this day counts (YYYY-MM-DD). */
  asOf: string;
}

function supportedWithin(q: SupportedBusinessesQuery) {
  const last = q.asOf < q.to ? q.asOf : q.to;
  return sql<SqlBool>`exists (select 1 from business_support s where s.business_id = b.id
    and s.support_date >= ${q.from}::date and s.support_date <= ${last}::date)`;
}

/**
 * Businesses of the region with at least one support record dated within [from, to] and not after `asOf`: the
 * entrepreneur-households indicator. A business supported twice counts once.
 */
export async function supportedBusinesses(db: DB, q: SupportedBusinessesQuery): Promise<number> {
  const row = await db
    .selectFrom("business as b")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("b.region_code", "like", `${regionPrefix(q.regionCode)}%`)
    .where(supportedWithin(q))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same count by the business's own division (county), for a table of sub-regions. */
export async function supportedBusinessesByPlace(db: DB, q: SupportedBusinessesQuery): Promise<{ regionCode: string; count: number }[]> {
  const rows = await db
    .selectFrom("business as b")
    .select(["b.region_code", (eb) => eb.fn.countAll<string>().as("n")])
    .where("b.region_code", "like", `${regionPrefix(q.regionCode)}%`)
    .where(supportedWithin(q))
    .groupBy("b.region_code")
    .orderBy("b.region_code")
    .execute();
  return rows.map((r) => ({ regionCode: r.region_code, count: Number(r.n) }));
}
