/**
 * Follow-up until employed and after (不就业、不脱钩; issue 6): the counselor's due list — open plan actions that
 * are overdue or due soon, and post-placement checkpoints 1, 3, 6 and 12 months after each hire — and the recording
 * of a checkpoint. A checkpoint that finds the job ended ends the employment record, so the seeker counts as not
 * employed again and the caseload shows it; nobody leaves a caseload because they were hired.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { EmploymentForm, EmploymentOrigin, PlanActionOwner } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound, requireUuid } from "../ids";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { requireAssigned } from "./access.server";
import { addDays, addMonths, CHECKPOINT_MONTHS, contractRunsOneYear, DUE_HORIZON_DAYS, type CheckpointInput, type CheckpointMonth } from "./counseling.schema";

export type DueItem = { seekerId: string; seekerName: string; due: string; overdue: boolean } & (
  | { kind: "action"; actionId: string; description: string; owner: PlanActionOwner }
  | { kind: "checkpoint"; employmentId: string; month: CheckpointMonth; organizationName: string; vacancyTitle: string | null }
);

export interface EmploymentFollowUp {
  employmentId: string;
  /** The organization's name, else the employer's name or self-employment description (issue 13). */
  organizationName: string;
  form: EmploymentForm;
  origin: EmploymentOrigin;
  vacancyTitle: string | null;
  contractStart: string;
  contractEnd: string | null;
  endedOn: string | null;
  contractYearOrMore: boolean;
  checkpoints: {
    month: CheckpointMonth;
    due: string;
    recorded: { stillEmployed: boolean; contractYearOrMore: boolean; note: string; recordedAt: Date } | null;
    /** Not due any more: the job ended before it. */
    moot: boolean;
  }[];
}

interface EmploymentRow {
  id: string;
  seeker_id: string | null;
  form: EmploymentForm;
  origin: EmploymentOrigin;
  contract_start: string;
  contract_end: string | null;
  ended_on: string | null;
  organization_name: string;
  vacancy_title: string | null;
}

function employmentsQuery(db: DB) {
  return db
    .selectFrom("employment as e")
    // A job off the platform may have no organization here: the employer's name or self-employment stands for it.
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
    .select([
      "e.id",
      "e.seeker_id",
      "e.form",
      "e.origin",
      sql<string>`e.contract_start::text`.as("contract_start"),
      sql<string | null>`e.contract_end::text`.as("contract_end"),
      sql<string | null>`e.ended_on::text`.as("ended_on"),
      sql<string>`coalesce(o.name, e.employer_name, '')`.as("organization_name"),
      "v.title as vacancy_title",
    ])
    .orderBy("e.contract_start", "desc");
}

async function checkpointsOf(db: DB, employmentIds: string[]) {
  if (!employmentIds.length) return new Map<string, EmploymentFollowUp["checkpoints"][number]["recorded"]>();
  const rows = await db
    .selectFrom("employment_checkpoint")
    .select(["employment_id", "month", "still_employed", "contract_year_or_more", "note", "recorded_at"])
    .where("employment_id", "in", employmentIds)
    .execute();
  return new Map(
    rows.map((r) => [`${r.employment_id}:${r.month}`, { stillEmployed: r.still_employed, contractYearOrMore: r.contract_year_or_more, note: r.note, recordedAt: r.recorded_at }]),
  );
}

function followUpOf(e: EmploymentRow, recorded: Awaited<ReturnType<typeof checkpointsOf>>): EmploymentFollowUp {
  // Only a recorded end makes later checkpoints moot: a contract's end date is not the job's (contracts are renewed,
  // and a one-year contract ends the day before its 12-month checkpoint), so the counselor still asks.
  const lastDay = e.ended_on;
  return {
    employmentId: e.id,
    organizationName: e.organization_name,
    form: e.form,
    origin: e.origin,
    vacancyTitle: e.vacancy_title,
    contractStart: e.contract_start,
    contractEnd: e.contract_end,
    endedOn: e.ended_on,
    contractYearOrMore: contractRunsOneYear(e.contract_start, e.contract_end),
    checkpoints: CHECKPOINT_MONTHS.map((month) => {
      const due = addMonths(e.contract_start, month);
      const rec = recorded.get(`${e.id}:${month}`) ?? null;
      return { month, due, recorded: rec, moot: !rec && lastDay !== null && lastDay < due };
    }),
  };
}

/** Every hire of one seeker with its checkpoints (for the client page). */
export async function clientFollowUps(db: DB, actor: Actor, seekerId: string): Promise<EmploymentFollowUp[]> {
  await requireAssigned(db, actor, seekerId);
  return followUpsOf(db, seekerId);
}

/** The follow-ups without an access check: callers check first. */
export async function followUpsOf(db: DB, seekerId: string): Promise<EmploymentFollowUp[]> {
  const rows = await employmentsQuery(db).where("e.seeker_id", "=", seekerId).execute();
  const recorded = await checkpointsOf(db, rows.map((r) => r.id));
  return rows.map((r) => followUpOf(r, recorded));
}

export interface DueList {
  today: string;
  horizon: string;
  items: DueItem[];
}

/**
 * The signed-in counselor's due list: overdue items first (oldest first), then what falls due within the horizon. It
 * names people with their plan actions and jobs, so the read is audited: one row per person listed.
 */
export async function dueList(db: DB, actor: Actor, now = new Date(), options: { ip?: string | null } = {}): Promise<DueList> {
  const list = await dueItems(db, actor, now);
  await recordListRead(db, { actorId: actor.id, subjectUserIds: list.items.map((i) => i.seekerId), entity: "due_list", entityId: actor.id, reason: "caseload", ip: options.ip });
  return list;
}

/** How many items are due and overdue (the dashboard's figures: no one is named, so nothing is audited). */
export async function dueCounts(db: DB, actor: Actor, now = new Date()): Promise<{ due: number; overdue: number }> {
  const { items } = await dueItems(db, actor, now);
  return { due: items.length, overdue: items.filter((i) => i.overdue).length };
}

async function dueItems(db: DB, actor: Actor, now: Date): Promise<DueList> {
  if (actor.role !== "counselor") notFound();
  const today = todayInShanghai(now);
  const horizon = addDays(today, DUE_HORIZON_DAYS);
  const caseload = db.selectFrom("caseload_assignment").select("seeker_id").where("counselor_id", "=", actor.id).where("ended_at", "is", null);
  const [people, actions, employments] = await Promise.all([
    db
      .selectFrom("app_user as u")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["u.id", "u.display_name", "p.real_name"])
      .where("u.id", "in", caseload)
      .execute(),
    db
      .selectFrom("plan_action")
      .select(["id", "seeker_id", "description", "owner", sql<string>`due_date::text`.as("due_date")])
      .where("seeker_id", "in", caseload)
      .where("status", "=", "open")
      .where("due_date", "<=", horizon)
      .execute(),
    employmentsQuery(db).where("e.seeker_id", "in", caseload).execute(),
  ]);
  const names = new Map(people.map((p) => [p.id, p.real_name ?? p.display_name ?? ""]));
  const recorded = await checkpointsOf(db, employments.map((e) => e.id));
  const items: DueItem[] = actions.map((a) => ({
    kind: "action",
    seekerId: a.seeker_id,
    seekerName: names.get(a.seeker_id) ?? "",
    due: a.due_date,
    overdue: a.due_date < today,
    actionId: a.id,
    description: a.description,
    owner: a.owner,
  }));
  for (const e of employments) {
    for (const c of followUpOf(e, recorded).checkpoints) {
      if (c.recorded || c.moot || c.due > horizon) continue;
      items.push({
        kind: "checkpoint",
        seekerId: e.seeker_id!,
        seekerName: names.get(e.seeker_id!) ?? "",
        due: c.due,
        overdue: c.due < today,
        employmentId: e.id,
        month: c.month,
        organizationName: e.organization_name,
        vacancyTitle: e.vacancy_title,
      });
    }
  }
  items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.seekerName.localeCompare(b.seekerName, "zh-CN")));
  return { today, horizon, items };
}

export interface CheckpointForm {
  seekerId: string;
  seekerName: string;
  employment: EmploymentFollowUp;
  checkpoint: EmploymentFollowUp["checkpoints"][number];
}

async function loadCheckpoint(db: DB, seekerId: string, employmentId: string, month: number): Promise<CheckpointForm> {
  requireUuid(employmentId);
  if (!(CHECKPOINT_MONTHS as readonly number[]).includes(month)) notFound();
  const e = await employmentsQuery(db).where("e.id", "=", employmentId).where("e.seeker_id", "=", seekerId).executeTakeFirst();
  if (!e) notFound();
  const person = await db
    .selectFrom("app_user as u")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.display_name", "p.real_name"])
    .where("u.id", "=", seekerId)
    .executeTakeFirstOrThrow();
  const employment = followUpOf(e, await checkpointsOf(db, [e.id]));
  return { seekerId, seekerName: person.real_name ?? person.display_name ?? "", employment, checkpoint: employment.checkpoints.find((c) => c.month === month)! };
}

/** The checkpoint form for the seeker's counselor: their job, pay period and earlier findings (the read is audited). */
export async function getCheckpointForm(
  db: DB,
  actor: Actor,
  seekerId: string,
  employmentId: string,
  month: number,
  options: { ip?: string | null } = {},
): Promise<CheckpointForm> {
  await requireAssigned(db, actor, seekerId);
  const form = await loadCheckpoint(db, seekerId, employmentId, month);
  await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "employment_checkpoint", entityId: `${employmentId}:${month}`, reason: "caseload", ip: options.ip });
  return form;
}

/**
 * Records (or corrects) a checkpoint. "No longer employed" ends the employment record today unless it already
 * ended, so the seeker is back among the not employed of the caseload.
 */
export async function recordCheckpoint(
  db: DB,
  actor: Actor,
  seekerId: string,
  employmentId: string,
  month: number,
  input: CheckpointInput,
  now = new Date(),
): Promise<Result<{ employmentEnded: boolean }>> {
  await requireAssigned(db, actor, seekerId);
  await loadCheckpoint(db, seekerId, employmentId, month);
  const today = todayInShanghai(now);
  const values = {
    still_employed: input.stillEmployed === "yes",
    contract_year_or_more: input.contractYearOrMore === "yes",
    note: input.note,
    recorded_by: actor.id,
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("employment_checkpoint")
      .values({ employment_id: employmentId, month, ...values })
      .onConflict((oc) => oc.columns(["employment_id", "month"]).doUpdateSet({ ...values, recorded_at: sql<Date>`now()` }))
      .execute();
    let employmentEnded = false;
    if (input.stillEmployed === "no") {
      const ended = await trx
        .updateTable("employment")
        .set({ ended_on: sql<string>`greatest(contract_start, ${today}::date)` })
        .where("id", "=", employmentId)
        .where("ended_on", "is", null)
        .executeTakeFirst();
      employmentEnded = Number(ended.numUpdatedRows) > 0;
    }
    return { ok: true as const, value: { employmentEnded } };
  });
}
