/**
 * Staff training (issue 14): admins record the training of counselors (accounts of their region) and community
 * employment instructors (社区就业指导员, described by name). The plan's "300 community employment instructors
 * trained" counts distinct community instructors only: counselors' training is recorded and listed, but the plan
 * names community instructors, so counselors do not count towards it.
 *
 * Access: admins of the region (`create/read:staff_training:region`); anyone else gets 404. A record names staff,
 * not seekers: recording is audited, reading the list is not.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { divisionName, listDivisionsWithin } from "../divisions/divisions.server";
import { notFound } from "../ids";
import { can, hasPermission, regionPrefix, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { STAFF_TRAINING_PAGE_SIZE, type StaffRole, type StaffTrainingInput } from "./staff-training.schema";

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

/** The page's first check: admins with a region; 404 for anyone else. */
export function requireStaffTrainingAdmin(actor: Actor): void {
  if (!hasPermission(actor, "read:staff_training") || !actor.regionCode) notFound();
}

export interface CounselorChoice {
  id: string;
  name: string;
  regionName: string | null;
}

/** The counselor accounts of the admin's region, to choose whose training is recorded. */
export async function counselorChoices(db: DB, actor: Actor): Promise<CounselorChoice[]> {
  requireStaffTrainingAdmin(actor);
  const rows = await db
    .selectFrom("app_user as u")
    .leftJoin("division as d", "d.code", "u.region_code")
    .select(["u.id", "u.display_name", "d.name as region_name"])
    .where("u.role", "=", "counselor")
    .where("u.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("u.region_code")
    .orderBy("u.display_name")
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name ?? "", regionName: r.region_name }));
}

/** The divisions a community instructor of the admin's region may belong to. */
export async function instructorRegions(db: DB, actor: Actor): Promise<{ code: string; name: string }[]> {
  requireStaffTrainingAdmin(actor);
  return (await listDivisionsWithin(db, actor.regionCode!)).map((d) => ({ code: d.code, name: d.name }));
}

/**
 * Records one training: a counselor account of the admin's region (its name and region are taken from the account)
 * or a community instructor by name in a division of the region. Not dated in the future. Audited.
 */
export async function recordStaffTraining(db: DB, actor: Actor, input: StaffTrainingInput, options: { ip?: string | null } = {}): Promise<Result<{ id: string }>> {
  requireStaffTrainingAdmin(actor);
  if (input.trainedOn > todayInShanghai()) return { ok: false, fieldErrors: { trainedOn: ["staffTraining.err.dateFuture"] } };
  let person: { userId: string | null; name: string; regionCode: string };
  if (input.role === "counselor") {
    const u = await db.selectFrom("app_user").select(["id", "display_name", "region_code"]).where("id", "=", input.userId!).where("role", "=", "counselor").executeTakeFirst();
    if (!u || !u.region_code || !can(actor, "create:staff_training", { regionCode: u.region_code })) return { ok: false, fieldErrors: { userId: ["staffTraining.err.counselorRequired"] } };
    person = { userId: u.id, name: u.display_name ?? "", regionCode: u.region_code };
  } else {
    const d = await db.selectFrom("division").select("code").where("code", "=", input.regionCode!).executeTakeFirst();
    if (!d || !can(actor, "create:staff_training", { regionCode: d.code })) return { ok: false, fieldErrors: { regionCode: ["staffTraining.err.regionRequired"] } };
    person = { userId: null, name: input.name!.replace(/\s+/g, " "), regionCode: d.code };
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("staff_training")
      .values({
        user_id: person.userId,
        name: person.name,
        role: input.role,
        region_code: person.regionCode,
        course: input.course,
        provider: input.provider ?? "",
        trained_on: input.trainedOn,
        hours: input.hours.toFixed(1),
        recorded_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: person.userId, action: "create", entity: "staff_training", entityId: row.id, reason: `${input.role}: ${input.course}`, ip: options.ip });
    return { ok: true as const, value: { id: row.id } };
  });
}

export interface StaffTrainingRow {
  id: string;
  name: string;
  role: StaffRole;
  regionName: string | null;
  course: string;
  provider: string;
  trainedOn: string;
  hours: number;
}

export interface StaffTrainingList {
  regionCode: string;
  regionName: string | null;
  role: StaffRole | null;
  year: number | null;
  rows: StaffTrainingRow[];
  /** Of all rows matching the filters, not only those shown. */
  totals: { records: number; people: number; instructors: number; counselors: number; hours: number };
  /** Rows beyond the page size are not shown (the totals count them). */
  truncated: boolean;
}

/** The region's training records, newest first, with totals (filtered by role and year). */
export async function listStaffTraining(db: DB, actor: Actor, options: { role?: StaffRole | null; year?: number | null } = {}): Promise<StaffTrainingList> {
  requireStaffTrainingAdmin(actor);
  const regionCode = actor.regionCode!;
  let base = db.selectFrom("staff_training as t").where("t.region_code", "like", `${regionPrefix(regionCode)}%`);
  if (options.role) base = base.where("t.role", "=", options.role);
  if (options.year) base = base.where("t.trained_on", ">=", `${options.year}-01-01`).where("t.trained_on", "<=", `${options.year}-12-31`);
  const person = sql<string>`coalesce('u:' || t.user_id::text, 'n:' || t.region_code || ':' || t.name)`;
  const totals = await base
    .select([
      sql<string>`count(*)`.as("records"),
      sql<string>`count(distinct ${person})`.as("people"),
      sql<string>`count(distinct ${person}) filter (where t.role = 'community_instructor')`.as("instructors"),
      sql<string>`count(distinct ${person}) filter (where t.role = 'counselor')`.as("counselors"),
      sql<string>`coalesce(sum(t.hours), 0)::text`.as("hours"),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("division as d", "d.code", "t.region_code")
    .select(["t.id", "t.name", "t.role", "d.name as region_name", "t.course", "t.provider", "t.trained_on", sql<string>`t.hours::text`.as("hours")])
    .orderBy("t.trained_on", "desc")
    .orderBy("t.created_at", "desc")
    .limit(STAFF_TRAINING_PAGE_SIZE + 1)
    .execute();
  return {
    regionCode,
    regionName: await divisionName(db, regionCode),
    role: options.role ?? null,
    year: options.year ?? null,
    rows: rows.slice(0, STAFF_TRAINING_PAGE_SIZE).map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      regionName: r.region_name,
      course: r.course,
      provider: r.provider,
      trainedOn: r.trained_on,
      hours: Number(r.hours),
    })),
    totals: {
      records: Number(totals.records),
      people: Number(totals.people),
      instructors: Number(totals.instructors),
      counselors: Number(totals.counselors),
      hours: Number(totals.hours),
    },
    truncated: rows.length > STAFF_TRAINING_PAGE_SIZE,
  };
}
