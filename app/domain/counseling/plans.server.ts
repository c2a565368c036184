/**
 * The individual plan (一生一策), its actions, service records and the one timeline per seeker (issue 6). The
 * assigned counselor writes; the seeker reads their own plan.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { ApplicationSource, ApplicationStatus, EmploymentForm, EmploymentOrigin, PlanActionOwner, PlanActionStatus, PlanStatus, ReferralStatus, ServiceType } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { UUID_RE } from "../ids";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { notify } from "../notifications/notifications.server";
import { requirePermission, type Actor } from "../permissions";
import { currentCounselorOf, requireAssigned, type CurrentCounselor } from "./access.server";
import type { ActionInput, PlanInput, ServiceInput } from "./counseling.schema";

export interface PlanAction {
  id: string;
  description: string;
  owner: PlanActionOwner;
  dueDate: string;
  status: PlanActionStatus;
  completedAt: Date | null;
}

export interface PlanView {
  seekerId: string;
  seekerName: string;
  exists: boolean;
  goals: string;
  barriers: string;
  status: PlanStatus;
  updatedAt: Date | null;
  updatedByName: string | null;
  actions: PlanAction[];
  counselor: CurrentCounselor | null;
}

/** The plan without an access check: callers check first. */
export async function loadPlan(db: DB, seekerId: string): Promise<PlanView> {
  const [person, plan, actions, counselor] = await Promise.all([
    db
      .selectFrom("app_user as u")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["u.display_name", "p.real_name"])
      .where("u.id", "=", seekerId)
      .executeTakeFirst(),
    db
      .selectFrom("individual_plan as pl")
      .leftJoin("app_user as w", "w.id", "pl.updated_by")
      .select(["pl.goals", "pl.barriers", "pl.status", "pl.updated_at", "w.display_name as updated_by_name"])
      .where("pl.seeker_id", "=", seekerId)
      .executeTakeFirst(),
    db
      .selectFrom("plan_action")
      .select(["id", "description", "owner", sql<string>`due_date::text`.as("due_date"), "status", "completed_at"])
      .where("seeker_id", "=", seekerId)
      .orderBy(sql`status = 'open'`, "desc")
      .orderBy("due_date")
      .orderBy("created_at")
      .execute(),
    currentCounselorOf(db, seekerId),
  ]);
  return {
    seekerId,
    seekerName: person?.real_name ?? person?.display_name ?? "",
    exists: !!plan,
    goals: plan?.goals ?? "",
    barriers: plan?.barriers ?? "",
    status: plan?.status ?? "active",
    updatedAt: plan?.updated_at ?? null,
    updatedByName: plan?.updated_by_name ?? null,
    actions: actions.map((a) => ({ id: a.id, description: a.description, owner: a.owner, dueDate: a.due_date, status: a.status, completedAt: a.completed_at })),
    counselor,
  };
}

/** The seeker's name, for the pages about one seeker of a caseload (their counselor only). */
export async function clientName(db: DB, actor: Actor, seekerId: string): Promise<string> {
  await requireAssigned(db, actor, seekerId);
  const person = await db
    .selectFrom("app_user as u")
    .leftJoin("seeker_profile as p", "p.user_id", "u.id")
    .select(["u.display_name", "p.real_name"])
    .where("u.id", "=", seekerId)
    .executeTakeFirst();
  return person?.real_name ?? person?.display_name ?? "";
}

/** The plan as the assigned counselor sees it (audited: a plan may name barriers that touch on disability). */
export async function getClientPlan(db: DB, actor: Actor, seekerId: string, options: { ip?: string } = {}): Promise<PlanView> {
  await requireAssigned(db, actor, seekerId);
  await recordAudit(db, { actorId: actor.id, subjectUserId: seekerId, action: "read", entity: "individual_plan", entityId: seekerId, reason: "caseload", ip: options.ip });
  return loadPlan(db, seekerId);
}

/** The seeker's own plan. */
export async function getMyPlan(db: DB, actor: Actor): Promise<PlanView> {
  requirePermission(actor, "read:caseload", { ownerId: actor.id });
  return loadPlan(db, actor.id);
}

export async function savePlan(db: DB, actor: Actor, seekerId: string, input: PlanInput): Promise<Result<{ created: boolean }>> {
  await requireAssigned(db, actor, seekerId);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("individual_plan").select("seeker_id").where("seeker_id", "=", seekerId).executeTakeFirst();
    await trx
      .insertInto("individual_plan")
      .values({ seeker_id: seekerId, goals: input.goals, barriers: input.barriers, status: input.status, updated_by: actor.id })
      .onConflict((oc) =>
        oc.column("seeker_id").doUpdateSet({ goals: input.goals, barriers: input.barriers, status: input.status, updated_by: actor.id, updated_at: sql<Date>`now()` }),
      )
      .execute();
    if (!existing) await notify(trx, seekerId, "plan.created", {}, "/my-plan");
    return { ok: true as const, value: { created: !existing } };
  });
}

export async function addAction(db: DB, actor: Actor, seekerId: string, input: ActionInput): Promise<Result<{ actionId: string }>> {
  await requireAssigned(db, actor, seekerId);
  return db.transaction().execute(async (trx) => {
    // An action belongs to a plan: adding the first action starts an empty plan.
    const started = await trx
      .insertInto("individual_plan")
      .values({ seeker_id: seekerId, updated_by: actor.id })
      .onConflict((oc) => oc.column("seeker_id").doNothing())
      .returning("seeker_id")
      .executeTakeFirst();
    if (started) await notify(trx, seekerId, "plan.created", {}, "/my-plan");
    const row = await trx
      .insertInto("plan_action")
      .values({ seeker_id: seekerId, description: input.description, owner: input.owner, due_date: input.dueDate, created_by: actor.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("individual_plan").set({ updated_by: actor.id, updated_at: sql<Date>`now()` }).where("seeker_id", "=", seekerId).execute();
    return { ok: true as const, value: { actionId: row.id } };
  });
}

export async function setActionStatus(db: DB, actor: Actor, seekerId: string, actionId: string, status: PlanActionStatus): Promise<Result<null>> {
  await requireAssigned(db, actor, seekerId);
  if (!UUID_RE.test(actionId)) return { ok: false, fieldErrors: { "": ["counseling.err.actionGone"] } };
  const done = await db
    .updateTable("plan_action")
    .set({ status, completed_at: status === "open" ? null : sql<Date>`now()` })
    .where("id", "=", actionId)
    .where("seeker_id", "=", seekerId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { ok: false, fieldErrors: { "": ["counseling.err.actionGone"] } };
  return { ok: true, value: null };
}

export async function addService(db: DB, actor: Actor, seekerId: string, input: ServiceInput, now = new Date()): Promise<Result<{ serviceId: string }>> {
  await requireAssigned(db, actor, seekerId);
  // A record says what happened: a service cannot have happened after today.
  if (input.serviceDate > todayInShanghai(now)) return { ok: false, fieldErrors: { serviceDate: ["counseling.err.serviceDateFuture"] } };
  const row = await db
    .insertInto("service_record")
    .values({ seeker_id: seekerId, counselor_id: actor.id, type: input.type, service_date: input.serviceDate, notes: input.notes, outcome: input.outcome })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, value: { serviceId: row.id } };
}

// ---------------------------------------------------------------------------------------------------------------
// One timeline per seeker: assignments, services, referrals, applications and their moves, hires, checkpoints

export type TimelineItem = { at: Date; key: string } & (
  | { kind: "assigned"; counselorName: string; ended: boolean }
  | { kind: "service"; type: ServiceType; notes: string; outcome: string; counselorName: string | null }
  | { kind: "referral"; vacancyTitle: string; organizationName: string; status: ReferralStatus }
  | { kind: "application"; vacancyTitle: string; organizationName: string; status: ApplicationStatus; source: ApplicationSource }
  | { kind: "hire"; vacancyTitle: string | null; organizationName: string; contractStart: string; contractEnd: string | null; origin: EmploymentOrigin; form: EmploymentForm }
  | { kind: "checkpoint"; month: number; stillEmployed: boolean; contractYearOrMore: boolean; organizationName: string }
);

/** A calendar day as the instant it begins in Asia/Shanghai, to sort dated records among timestamped ones. */
function dayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

const TIMELINE_LIMIT = 200;

export async function clientTimeline(db: DB, actor: Actor, seekerId: string): Promise<TimelineItem[]> {
  await requireAssigned(db, actor, seekerId);
  return timelineOf(db, seekerId);
}

/** The timeline without an access check: callers check first. */
export async function timelineOf(db: DB, seekerId: string): Promise<TimelineItem[]> {
  const [assignments, services, referrals, moves, hires, checkpoints] = await Promise.all([
    db
      .selectFrom("caseload_assignment as a")
      .innerJoin("app_user as c", "c.id", "a.counselor_id")
      .select(["a.id", "a.started_at", "a.ended_at", "c.display_name"])
      .where("a.seeker_id", "=", seekerId)
      .execute(),
    db
      .selectFrom("service_record as s")
      .leftJoin("app_user as c", "c.id", "s.counselor_id")
      .select(["s.id", "s.type", sql<string>`s.service_date::text`.as("service_date"), "s.notes", "s.outcome", "c.display_name", "s.created_at"])
      .where("s.seeker_id", "=", seekerId)
      .orderBy("s.service_date", "desc")
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom("referral as r")
      .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["r.id", "r.created_at", "r.status", "v.title", "o.name"])
      .where("r.seeker_id", "=", seekerId)
      .execute(),
    db
      .selectFrom("application_event as ev")
      .innerJoin("application as ap", "ap.id", "ev.application_id")
      .innerJoin("vacancy as v", "v.id", "ap.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["ev.id", "ev.at", "ev.to_status", "ap.source", "v.title", "o.name"])
      .where("ap.seeker_id", "=", seekerId)
      .where("ev.to_status", "!=", "hired")
      .orderBy("ev.at", "desc")
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom("employment as e")
      // A job off the platform may have no organization here (issue 13): its employer's name stands for it.
      .leftJoin("organization as o", "o.id", "e.organization_id")
      .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
      .select([
        "e.id",
        "e.created_at",
        sql<string>`e.contract_start::text`.as("contract_start"),
        sql<string | null>`e.contract_end::text`.as("contract_end"),
        "v.title",
        sql<string>`coalesce(o.name, e.employer_name, '')`.as("name"),
        "e.origin",
        "e.form",
      ])
      .where("e.seeker_id", "=", seekerId)
      .execute(),
    db
      .selectFrom("employment_checkpoint as k")
      .innerJoin("employment as e", "e.id", "k.employment_id")
      .leftJoin("organization as o", "o.id", "e.organization_id")
      .select(["k.employment_id", "k.month", "k.still_employed", "k.contract_year_or_more", "k.recorded_at", sql<string>`coalesce(o.name, e.employer_name, '')`.as("name")])
      .where("e.seeker_id", "=", seekerId)
      .execute(),
  ]);
  const items: TimelineItem[] = [
    ...assignments.map((a) => ({ kind: "assigned" as const, at: a.started_at, key: `a${a.id}`, counselorName: a.display_name ?? "", ended: a.ended_at !== null })),
    ...services.map((s) => ({
      kind: "service" as const,
      at: dayStart(s.service_date),
      key: `s${s.id}`,
      type: s.type,
      notes: s.notes,
      outcome: s.outcome,
      counselorName: s.display_name,
    })),
    ...referrals.map((r) => ({ kind: "referral" as const, at: r.created_at, key: `r${r.id}`, vacancyTitle: r.title, organizationName: r.name, status: r.status })),
    ...moves.map((m) => ({ kind: "application" as const, at: m.at, key: `m${m.id}`, vacancyTitle: m.title, organizationName: m.name, status: m.to_status, source: m.source })),
    ...hires.map((h) => ({
      kind: "hire" as const,
      at: h.created_at,
      key: `h${h.id}`,
      vacancyTitle: h.title,
      organizationName: h.name,
      contractStart: h.contract_start,
      contractEnd: h.contract_end,
      origin: h.origin,
      form: h.form,
    })),
    ...checkpoints.map((k) => ({
      kind: "checkpoint" as const,
      at: k.recorded_at,
      key: `k${k.employment_id}-${k.month}`,
      month: k.month,
      stillEmployed: k.still_employed,
      contractYearOrMore: k.contract_year_or_more,
      organizationName: k.name,
    })),
  ];
  items.sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
  return items.slice(0, TIMELINE_LIMIT);
}
