/**
 * Staff training (issue 14): admins record the training of counselors (accounts of their region) and community
 * employment instructors (社区就业指导员, described by name). The plan's "300 community employment instructors
 * trained" counts distinct community instructors only: counselors' training is recorded and listed, but the plan
 * names community instructors, so counselors do not count towards it.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { regionPrefix } from "../permissions";

export interface InstructorsTrainedQuery {
  regionCode: string;
  /** First and last day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** Only training held by this day counts. */
  asOf: string;
}

/**
 * Distinct community instructors trained within [from, to] and not after `asOf`, in the region: a person is their
 * account when they have one, else their name within the record's division (trained twice, counted once).
 */
export async function instructorsTrained(db: DB, q: InstructorsTrainedQuery): Promise<number> {
  const last = q.asOf < q.to ? q.asOf : q.to;
  const person = sql<string>`coalesce('u:' || t.user_id::text, 'n:' || t.region_code || ':' || t.name)`;
  const row = await db
    .selectFrom("staff_training as t")
    .select(sql<string>`count(distinct ${person})`.as("n"))
    .where("t.role", "=", "community_instructor")
    .where("t.region_code", "like", `${regionPrefix(q.regionCode)}%`)
    .where("t.trained_on", ">=", q.from)
    .where("t.trained_on", "<=", last)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
