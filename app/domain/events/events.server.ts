/**
 * Special recruitment events (专场招聘会, issue 7): the organizer's events, employers taking part with booths and the
 * vacancies they bring, seekers' registrations with access requests, capacity with an ordered waitlist, interview
 * slots, check-in, and the applications and hires that came from an event.
 *
 * Concurrency: every change to an event's seats (register, cancel, capacity) locks the event row first, so the count
 * of registered seats and the waitlist's order are decided one change at a time on PostgreSQL as on PGlite. A slot is
 * booked by a conditional update of its one `registration_id` column (never twice); a seeker's bookings are serialized
 * by locking their registration row, so two overlapping slots cannot both be theirs.
 */
import { randomBytes } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { sql } from "kysely";
import QRCode from "qrcode";
import type { DB } from "../../../db/database";
import type { EventEmployerStatus, EventKind, EventStatus, RegistrationStatus } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { notFound, requireUuid, UUID_RE } from "../ids";
import { notify } from "../notifications/notifications.server";
import { withOrganizations } from "../organizations/membership.server";
import { can, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { placeName } from "../vacancies/vacancies.server";
import {
  EVENT_ATTRIBUTION_DAYS,
  EVENTS_PAGE_SIZE,
  graduateMayRegister,
  parseLocalDateTime,
  REGISTRATION_ACCESS_REQUESTS,
  type DecideInput,
  type EventInput,
  type ParticipateInput,
  type RegisterInput,
  type RegistrationAccessRequest,
  type SlotsInput,
} from "./events.schema";

function fail<T = never>(message: string, field = ""): Result<T> {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

// ---------------------------------------------------------------------------------------------------------------
// Events (the organizer)

export interface EventSummary {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  regionCode: string;
  place: string;
  venue: string;
  onlineUrl: string | null;
  arrangements: string[];
  capacity: number;
  registered: number;
  waitlisted: number;
}

function eventsQuery(db: DB) {
  return db
    .selectFrom("recruitment_event as e")
    .innerJoin("division as d", "d.code", "e.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select((eb) => [
      "e.id",
      "e.title",
      "e.kind",
      "e.status",
      "e.starts_at",
      "e.ends_at",
      "e.registration_deadline",
      "e.region_code",
      "e.venue",
      "e.online_url",
      "e.arrangements",
      "e.capacity",
      "e.description",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
      eb
        .selectFrom("event_registration as r")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "e.id")
        .where("r.status", "=", "registered")
        .as("registered"),
      eb
        .selectFrom("event_registration as r")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "e.id")
        .where("r.status", "=", "waitlisted")
        .as("waitlisted"),
    ]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>["executeTakeFirstOrThrow"]>>;

function summaryOf(r: EventRow): EventSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    registrationDeadline: r.registration_deadline,
    regionCode: r.region_code,
    place: placeName(r.county, r.county_level, r.prefecture),
    venue: r.venue,
    onlineUrl: r.online_url,
    arrangements: r.arrangements,
    capacity: r.capacity,
    registered: Number(r.registered ?? 0),
    waitlisted: Number(r.waitlisted ?? 0),
  };
}

function eventValues(input: EventInput) {
  return {
    title: input.title,
    kind: input.kind,
    starts_at: parseLocalDateTime(input.startsAt)!,
    ends_at: parseLocalDateTime(input.endsAt)!,
    registration_deadline: parseLocalDateTime(input.registrationDeadline)!,
    region_code: input.regionCode,
    venue: input.venue,
    online_url: input.onlineUrl || null,
    arrangements: [...new Set(input.arrangements)],
    capacity: input.capacity,
    description: input.description,
  };
}

export async function createEvent(db: DB, actor: Actor, input: EventInput): Promise<Result<{ eventId: string }>> {
  requirePermission(actor, "create:event", { regionCode: actor.regionCode });
  if (!can(actor, "create:event", { regionCode: input.regionCode })) return fail("events.err.regionOutside", "regionCode");
  const division = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!division) return fail("events.err.regionRequired", "regionCode");
  const row = await db
    .insertInto("recruitment_event")
    .values({ ...eventValues(input), created_by: actor.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, value: { eventId: row.id } };
}

async function lockEvent(db: DB, eventId: string) {
  return db
    .selectFrom("recruitment_event")
    .select(["id", "title", "kind", "status", "capacity", "region_code", "starts_at", "ends_at", "registration_deadline"])
    .where("id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
}

/** Promotes waitlisted seekers, first come first served, while seats are free; tells each one. Caller holds the lock. */
async function promoteWaitlist(trx: DB, event: { id: string; title: string; capacity: number }): Promise<number> {
  const taken = await trx
    .selectFrom("event_registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", event.id)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  const free = event.capacity - Number(taken.n);
  if (free <= 0) return 0;
  const next = await trx
    .selectFrom("event_registration")
    .select(["id", "seeker_id"])
    .where("event_id", "=", event.id)
    .where("status", "=", "waitlisted")
    .orderBy("seq")
    .limit(free)
    .execute();
  for (const r of next) {
    await trx.updateTable("event_registration").set({ status: "registered", promoted_at: sql<Date>`now()` }).where("id", "=", r.id).execute();
    await notify(trx, r.seeker_id, "event.promoted", { event: event.title }, `/events/${event.id}`);
  }
  return next.length;
}

export async function updateEvent(db: DB, actor: Actor, eventId: string, input: EventInput): Promise<Result<{ promoted: number }>> {
  requireUuid(eventId);
  return db.transaction().execute(async (trx) => {
    const ev = await lockEvent(trx, eventId);
    if (!ev) notFound();
    requirePermission(actor, "update:event", { regionCode: ev.region_code });
    if (!can(actor, "update:event", { regionCode: input.regionCode })) return fail<{ promoted: number }>("events.err.regionOutside", "regionCode");
    await trx
      .updateTable("recruitment_event")
      .set({ ...eventValues(input), updated_at: sql<Date>`now()` })
      .where("id", "=", eventId)
      .execute();
    // More seats: the waitlist moves up at once. Fewer seats never unregisters anyone already in.
    const promoted = ev.status === "published" ? await promoteWaitlist(trx, { id: ev.id, title: input.title, capacity: input.capacity }) : 0;
    return { ok: true as const, value: { promoted } };
  });
}

export async function setEventStatus(db: DB, actor: Actor, eventId: string, status: "published" | "cancelled"): Promise<Result<null>> {
  requireUuid(eventId);
  return db.transaction().execute(async (trx) => {
    const ev = await lockEvent(trx, eventId);
    if (!ev) notFound();
    requirePermission(actor, "update:event", { regionCode: ev.region_code });
    if (status === "published" && ev.status !== "draft") return fail<null>("events.err.notDraft");
    if (status === "cancelled" && ev.status === "cancelled") return { ok: true as const, value: null };
    await trx
      .updateTable("recruitment_event")
      .set({ status, published_at: status === "published" ? sql<Date>`now()` : undefined, updated_at: sql<Date>`now()` })
      .where("id", "=", eventId)
      .execute();
    if (status === "cancelled") {
      const people = await trx.selectFrom("event_registration").select("seeker_id").where("event_id", "=", eventId).where("status", "!=", "cancelled").execute();
      // A competition's entrants (issue 14) are told as well, once each however many categories they entered.
      const entrants = await trx
        .selectFrom("competition_entry as x")
        .innerJoin("competition_category as c", "c.id", "x.category_id")
        .select("x.seeker_id")
        .distinct()
        .where("c.event_id", "=", eventId)
        .where("x.status", "=", "entered")
        .execute();
      for (const p of [...people, ...entrants]) await notify(trx, p.seeker_id, "event.cancelled", { event: ev.title }, `/events/${eventId}`);
    }
    return { ok: true as const, value: null };
  });
}

export async function listAdminEvents(db: DB, actor: Actor): Promise<EventSummary[]> {
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const rows = await eventsQuery(db)
    .where("e.region_code", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("e.starts_at", "desc")
    .limit(200)
    .execute();
  return rows.map(summaryOf);
}

/** One event for its organizer's edit form. */
export async function getEventForEdit(db: DB, actor: Actor, eventId: string): Promise<EventSummary & { description: string }> {
  requireUuid(eventId);
  const r = await eventsQuery(db).where("e.id", "=", eventId).executeTakeFirst();
  if (!r) notFound();
  requirePermission(actor, "update:event", { regionCode: r.region_code });
  return { ...summaryOf(r), description: r.description };
}

// ---------------------------------------------------------------------------------------------------------------
// The organizer's view of one event: participants, registrations for planning, the waitlist

export interface Participant {
  id: string;
  organizationId: string;
  organizationName: string;
  status: EventEmployerStatus;
  booth: string | null;
  note: string | null;
  vacancies: { id: string; title: string }[];
  slots: number;
  booked: number;
}

export interface RegistrationRow {
  id: string;
  seekerName: string;
  status: RegistrationStatus;
  accessRequests: string[];
  checkedInAt: Date | null;
  createdAt: Date;
  waitlistPosition: number | null;
}

export interface OrganizerView {
  event: EventSummary & { description: string };
  participants: Participant[];
  accessRequestCounts: { code: RegistrationAccessRequest; registered: number; waitlisted: number }[];
  checkedIn: number;
  /** One page of the registrations, in order of arrival. */
  registrations: RegistrationRow[];
  registrationTotal: number;
  page: number;
  pageCount: number;
}

/** Registrations shown per page of the organizer's list. */
export const REGISTRATIONS_PAGE_SIZE = 50;

async function participantsOf(db: DB, eventId: string, organizationIds?: string[]): Promise<Participant[]> {
  let q = db
    .selectFrom("event_employer as p")
    .innerJoin("organization as o", "o.id", "p.organization_id")
    .select((eb) => [
      "p.id",
      "p.organization_id",
      "o.name",
      "p.status",
      "p.booth",
      "p.note",
      eb.selectFrom("interview_slot as s").select(eb.fn.countAll<number>().as("n")).whereRef("s.event_employer_id", "=", "p.id").as("slots"),
      eb
        .selectFrom("interview_slot as s")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("s.event_employer_id", "=", "p.id")
        .where("s.registration_id", "is not", null)
        .as("booked"),
    ])
    .where("p.event_id", "=", eventId)
    .orderBy("p.created_at");
  if (organizationIds) q = q.where("p.organization_id", "in", organizationIds.length ? organizationIds : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.execute();
  const vacancies = rows.length
    ? await db
        .selectFrom("event_employer_vacancy as ev")
        .innerJoin("vacancy as v", "v.id", "ev.vacancy_id")
        .select(["ev.event_employer_id", "v.id", "v.title"])
        .where(
          "ev.event_employer_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("v.title")
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organizationName: r.name,
    status: r.status,
    booth: r.booth,
    note: r.note,
    vacancies: vacancies.filter((v) => v.event_employer_id === r.id).map((v) => ({ id: v.id, title: v.title })),
    slots: Number(r.slots ?? 0),
    booked: Number(r.booked ?? 0),
  }));
}

/**
 * The organizer's page of one event. The registrations name people with their access requests (which may reveal a
 * disability), so the page read is audited: one row per person on the page of registrations shown.
 */
export async function getOrganizerView(db: DB, actor: Actor, eventId: string, options: { page?: number; ip?: string | null } = {}): Promise<OrganizerView> {
  const event = await getEventForEdit(db, actor, eventId);
  const [participants, registrations] = await Promise.all([
    participantsOf(db, eventId),
    db
      .selectFrom("event_registration as r")
      .innerJoin("app_user as u", "u.id", "r.seeker_id")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["r.id", "r.seeker_id", "r.status", "r.access_requests", "r.checked_in_at", "r.created_at", "u.display_name", "p.real_name"])
      .where("r.event_id", "=", eventId)
      .where("r.status", "!=", "cancelled")
      .orderBy("r.seq")
      .execute(),
  ]);
  let position = 0;
  const rows: (RegistrationRow & { seekerId: string })[] = registrations.map((r) => ({
    seekerId: r.seeker_id,
    id: r.id,
    seekerName: r.real_name ?? r.display_name ?? "",
    status: r.status,
    accessRequests: r.access_requests,
    checkedInAt: r.checked_in_at,
    createdAt: r.created_at,
    waitlistPosition: r.status === "waitlisted" ? ++position : null,
  }));
  const pageCount = Math.max(1, Math.ceil(rows.length / REGISTRATIONS_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.trunc(options.page ?? 1) || 1));
  const shown = rows.slice((page - 1) * REGISTRATIONS_PAGE_SIZE, page * REGISTRATIONS_PAGE_SIZE);
  await recordListRead(db, { actorId: actor.id, subjectUserIds: shown.map((r) => r.seekerId), entity: "event_registrations", entityId: eventId, reason: "event organizer", ip: options.ip });
  return {
    event,
    participants,
    accessRequestCounts: REGISTRATION_ACCESS_REQUESTS.map((code) => ({
      code,
      registered: rows.filter((r) => r.status === "registered" && r.accessRequests.includes(code)).length,
      waitlisted: rows.filter((r) => r.status === "waitlisted" && r.accessRequests.includes(code)).length,
    })),
    checkedIn: rows.filter((r) => r.checkedInAt !== null).length,
    registrations: shown.map(({ seekerId: _, ...r }) => r),
    registrationTotal: rows.length,
    page,
    pageCount,
  };
}

export async function decideParticipation(db: DB, actor: Actor, eventId: string, input: DecideInput): Promise<Result<null>> {
  const event = await getEventForEdit(db, actor, eventId);
  requirePermission(actor, "review:event_participation", { regionCode: event.regionCode });
  return db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom("event_employer as p")
      .innerJoin("recruitment_event as e", "e.id", "p.event_id")
      .select(["p.id", "p.organization_id", "p.status", "e.title"])
      .where("p.id", "=", input.participationId)
      .where("p.event_id", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!p || p.status === "withdrawn") return fail<null>("events.err.participationGone");
    await trx
      .updateTable("event_employer")
      .set({ status: input.decision, booth: input.decision === "approved" ? input.booth || null : null, decided_by: actor.id, decided_at: sql<Date>`now()` })
      .where("id", "=", p.id)
      .execute();
    // Not (or no longer) taking part: its slots cannot be booked, and bookings already made are released.
    if (input.decision === "rejected") {
      const released = await trx
        .updateTable("interview_slot as s")
        .set({ registration_id: null, access_requests: [], booked_at: null })
        .from("event_registration as r")
        .whereRef("r.id", "=", "s.registration_id")
        .where("s.event_employer_id", "=", p.id)
        .returning("r.seeker_id")
        .execute();
      for (const seeker of new Set(released.map((r) => r.seeker_id))) {
        await notify(trx, seeker, "event.bookingReleased", { event: p.title }, `/events/${eventId}`);
      }
    }
    const members = await trx.selectFrom("organization_member").select("user_id").where("organization_id", "=", p.organization_id).execute();
    const kind = input.decision === "rejected" ? "event.participationRejected" : input.booth ? "event.participationApproved" : "event.participationApprovedNoBooth";
    for (const m of members) await notify(trx, m.user_id, kind, { event: p.title, booth: input.booth }, `/employer/events/${eventId}`);
    return { ok: true as const, value: null };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Public list and page

export interface EventListPage {
  upcoming: EventSummary[];
  past: EventSummary[];
}

export async function listPublicEvents(db: DB, now = new Date()): Promise<EventListPage> {
  const base = () => eventsQuery(db).where("e.status", "=", "published");
  const [upcoming, past] = await Promise.all([
    base().where("e.ends_at", ">=", now).orderBy("e.starts_at").limit(100).execute(),
    base().where("e.ends_at", "<", now).orderBy("e.starts_at", "desc").limit(EVENTS_PAGE_SIZE).execute(),
  ]);
  return { upcoming: upcoming.map(summaryOf), past: past.map(summaryOf) };
}

export interface SlotView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  free: boolean;
  mine: boolean;
}

export interface PublicParticipant {
  id: string;
  organizationName: string;
  booth: string | null;
  vacancies: { id: string; title: string }[];
  slots: SlotView[];
}

export interface MyRegistration {
  id: string;
  status: RegistrationStatus;
  accessRequests: string[];
  checkInCode: string;
  /** Null unless the seeker holds a place. */
  qr: QrImage | null;
  checkedInAt: Date | null;
  waitlistPosition: number | null;
}

export interface EventPage {
  event: EventSummary & { description: string };
  registrationOpen: boolean;
  seatsLeft: number;
  participants: PublicParticipant[];
  viewer:
    | { role: "visitor" }
    | { role: "seeker"; eligible: boolean; graduationYear: number | null; registration: MyRegistration | null }
    | { role: "employer"; participation: Participant | null; vacancies: { id: string; title: string }[] }
    | { role: "staff"; canManage: boolean };
}

/** A QR symbol as data the page draws itself: its size in modules and one SVG path over the dark modules. */
export interface QrImage {
  size: number;
  path: string;
}

/**
 * The check-in code's QR symbol, encoded by the qrcode library. The page renders the path as React SVG, so no
 * markup is ever injected as HTML.
 */
export function qrImage(code: string): QrImage {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
  }
  return { size: modules.size, path };
}

async function myRegistration(db: DB, eventId: string, seekerId: string): Promise<MyRegistration | null> {
  const r = await db
    .selectFrom("event_registration")
    .select(["id", "status", "access_requests", "check_in_code", "checked_in_at", "seq"])
    .where("event_id", "=", eventId)
    .where("seeker_id", "=", seekerId)
    .where("status", "!=", "cancelled")
    .executeTakeFirst();
  if (!r) return null;
  let waitlistPosition: number | null = null;
  if (r.status === "waitlisted") {
    const ahead = await db
      .selectFrom("event_registration")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("event_id", "=", eventId)
      .where("status", "=", "waitlisted")
      .where("seq", "<", r.seq)
      .executeTakeFirstOrThrow();
    waitlistPosition = Number(ahead.n) + 1;
  }
  return {
    id: r.id,
    status: r.status,
    accessRequests: r.access_requests,
    checkInCode: r.check_in_code,
    qr: r.status === "registered" ? qrImage(r.check_in_code) : null,
    checkedInAt: r.checked_in_at,
    waitlistPosition,
  };
}

export async function getEventPage(db: DB, actor: Actor | null, eventId: string, now = new Date()): Promise<EventPage> {
  requireUuid(eventId);
  const r = await eventsQuery(db).where("e.id", "=", eventId).executeTakeFirst();
  const staffMayManage = !!actor && !!r && can(actor, "update:event", { regionCode: r.region_code });
  if (!r || (r.status === "draft" && !staffMayManage)) notFound();
  const event = { ...summaryOf(r), description: r.description };
  const participants = await participantsOf(db, eventId);
  const approved = participants.filter((p) => p.status === "approved");
  const slots = approved.length
    ? await db
        .selectFrom("interview_slot")
        .select(["id", "event_employer_id", "starts_at", "ends_at", "registration_id"])
        .where(
          "event_employer_id",
          "in",
          approved.map((p) => p.id),
        )
        .orderBy("starts_at")
        .execute()
    : [];
  let viewer: EventPage["viewer"] = { role: "visitor" };
  let mine: string | null = null;
  if (actor?.role === "seeker") {
    const profile = await db.selectFrom("seeker_profile").select("graduation_year").where("user_id", "=", actor.id).executeTakeFirst();
    const registration = await myRegistration(db, eventId, actor.id);
    mine = registration?.id ?? null;
    const graduationYear = profile?.graduation_year ?? null;
    viewer = {
      role: "seeker",
      graduationYear,
      eligible: r.kind !== "graduates" || graduateMayRegister(graduationYear, Number(todayInShanghai(r.starts_at).slice(0, 4))),
      registration,
    };
  } else if (actor?.role === "employer") {
    // The organization the employer takes part for: their first verified one (as applyToParticipate acts).
    const organizationId = await verifiedOrganizationOf(db, actor);
    const participation = participants.find((p) => p.organizationId === organizationId);
    const vacancies = organizationId
      ? await db.selectFrom("vacancy").select(["id", "title"]).where("organization_id", "=", organizationId).where("status", "=", "open").orderBy("title").execute()
      : [];
    viewer = { role: "employer", participation: participation ?? null, vacancies };
  } else if (actor) {
    viewer = { role: "staff", canManage: staffMayManage };
  }
  return {
    event,
    registrationOpen: r.status === "published" && now <= r.registration_deadline,
    seatsLeft: Math.max(0, event.capacity - event.registered),
    participants: approved.map((p) => ({
      id: p.id,
      organizationName: p.organizationName,
      booth: p.booth,
      vacancies: p.vacancies,
      slots: slots
        .filter((s) => s.event_employer_id === p.id)
        .map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, free: s.registration_id === null, mine: mine !== null && s.registration_id === mine })),
    })),
    viewer,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Employers take part

async function requireOrgMember(db: DB, actor: Actor, organizationId: string, base: "create:event_participation" | "update:event_participation") {
  const orgActor = await withOrganizations(db, actor);
  requirePermission(orgActor, base, { organizationId });
}

/** The verified organization the employer acts for at events (their first), if any. */
async function verifiedOrganizationOf(db: DB, actor: Actor): Promise<string | null> {
  const orgActor = await withOrganizations(db, actor);
  for (const id of orgActor.organizationIds) {
    const o = await db.selectFrom("organization").select("status").where("id", "=", id).executeTakeFirst();
    if (o?.status === "verified") return id;
  }
  return null;
}

/** The verified organization the employer acts for, or 404. */
async function employerOrganization(db: DB, actor: Actor): Promise<string> {
  return (await verifiedOrganizationOf(db, actor)) ?? notFound();
}

export async function applyToParticipate(db: DB, actor: Actor, eventId: string, input: ParticipateInput): Promise<Result<{ participationId: string }>> {
  requireUuid(eventId);
  const organizationId = await employerOrganization(db, actor);
  await requireOrgMember(db, actor, organizationId, "create:event_participation");
  return db.transaction().execute(async (trx) => {
    // The event row is locked so two first submissions of one organization do not both insert.
    const ev = await trx.selectFrom("recruitment_event").select(["id", "status", "ends_at", "title", "region_code", "kind"]).where("id", "=", eventId).forUpdate().executeTakeFirst();
    if (!ev || ev.status !== "published") notFound();
    if (ev.ends_at < new Date()) return fail<{ participationId: string }>("events.err.eventOver");
    // Employers have no booths at a skills competition.
    if (ev.kind === "competition") return fail<{ participationId: string }>("competitions.err.noEmployers");
    const vacancies = await trx
      .selectFrom("vacancy")
      .select("id")
      .where("organization_id", "=", organizationId)
      .where("status", "=", "open")
      .where("id", "in", input.vacancyIds)
      .execute();
    if (vacancies.length !== new Set(input.vacancyIds).size) return fail<{ participationId: string }>("events.err.vacancyNotOpen", "vacancyIds");
    const existing = await trx.selectFrom("event_employer").select(["id", "status"]).where("event_id", "=", eventId).where("organization_id", "=", organizationId).forUpdate().executeTakeFirst();
    let participationId: string;
    if (existing) {
      if (existing.status === "approved") return fail<{ participationId: string }>("events.err.alreadyApproved");
      participationId = existing.id;
      await trx.updateTable("event_employer").set({ status: "pending", note: input.note || null, applied_by: actor.id, decided_by: null, decided_at: null }).where("id", "=", existing.id).execute();
      await trx.deleteFrom("event_employer_vacancy").where("event_employer_id", "=", existing.id).execute();
    } else {
      const row = await trx
        .insertInto("event_employer")
        .values({ event_id: eventId, organization_id: organizationId, note: input.note || null, applied_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      participationId = row.id;
    }
    await trx
      .insertInto("event_employer_vacancy")
      .values(vacancies.map((v) => ({ event_employer_id: participationId, vacancy_id: v.id })))
      .execute();
    return { ok: true as const, value: { participationId } };
  });
}

export interface BookedSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /**
   * Who booked, as a reference the employer can say aloud ("求职者 07": the person's number among the event's
   * registrations, in order of registering); the name stays private (design §5 rule 4).
   */
  reference: string | null;
  accessRequests: string[];
  checkedIn: boolean;
}

export interface EmployerEventView {
  event: EventSummary;
  participation: Participant;
  slots: BookedSlot[];
  report: EmployerReportRow;
}

/** A registration's number within its event, two digits at least (issue 15: numbers, not hex codes). */
export function registrationReference(number: number | string): string {
  return String(number).padStart(2, "0");
}

async function participationFor(db: DB, actor: Actor, eventId: string) {
  requireUuid(eventId);
  const orgActor = await withOrganizations(db, actor);
  const [participation] = await participantsOf(db, eventId, orgActor.organizationIds);
  if (!participation) notFound();
  requirePermission(orgActor, "read:event_participation", { organizationId: participation.organizationId });
  return participation;
}

export async function getEmployerEvent(db: DB, actor: Actor, eventId: string): Promise<EmployerEventView> {
  const participation = await participationFor(db, actor, eventId);
  const r = await eventsQuery(db).where("e.id", "=", eventId).executeTakeFirstOrThrow();
  const slots = await db
    .selectFrom("interview_slot as s")
    .leftJoin("event_registration as r", "r.id", "s.registration_id")
    .select((eb) => [
      "s.id",
      "s.starts_at",
      "s.ends_at",
      "s.registration_id",
      "s.access_requests",
      "r.checked_in_at",
      // The booker's place in the event's order of registering (seq grows with every registration).
      eb
        .selectFrom("event_registration as r2")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r2.event_id", "=", "r.event_id")
        .whereRef("r2.seq", "<=", "r.seq")
        .as("registration_number"),
    ])
    .where("s.event_employer_id", "=", participation.id)
    .orderBy("s.starts_at")
    .execute();
  const report = (await reportRows(db, eventId)).find((row) => row.participationId === participation.id);
  return {
    event: summaryOf(r),
    participation,
    slots: slots.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      reference: s.registration_id ? registrationReference(Number(s.registration_number)) : null,
      accessRequests: s.registration_id ? s.access_requests : [],
      checkedIn: s.checked_in_at !== null,
    })),
    report: report ?? emptyReportRow(participation),
  };
}

/** Publishes `count` consecutive slots of `minutes` from `startsAt`, all within the event's hours. */
export async function publishSlots(db: DB, actor: Actor, eventId: string, input: SlotsInput): Promise<Result<{ created: number }>> {
  const participation = await participationFor(db, actor, eventId);
  const orgActor = await withOrganizations(db, actor);
  requirePermission(orgActor, "update:event_participation", { organizationId: participation.organizationId });
  if (participation.status !== "approved") return fail("events.err.notApproved");
  const start = parseLocalDateTime(input.startsAt)!;
  const step = input.minutes * 60_000;
  const end = new Date(start.getTime() + step * input.count);
  type R = { created: number };
  return db.transaction().execute(async (trx) => {
    // The participation row is locked so a double submit cannot insert the same slots twice.
    await trx.selectFrom("event_employer").select("id").where("id", "=", participation.id).forUpdate().executeTakeFirstOrThrow();
    const ev = await trx.selectFrom("recruitment_event").select(["starts_at", "ends_at", "status"]).where("id", "=", eventId).executeTakeFirstOrThrow();
    if (ev.status !== "published") return fail<R>("events.err.eventCancelled");
    if (start < ev.starts_at || end > ev.ends_at) return fail<R>("events.err.slotsOutsideEvent", "startsAt");
    const existing = await trx.selectFrom("interview_slot").select(["starts_at", "ends_at"]).where("event_employer_id", "=", participation.id).execute();
    if (existing.some((s) => s.starts_at < end && s.ends_at > start)) return fail<R>("events.err.slotsOverlap", "startsAt");
    await trx
      .insertInto("interview_slot")
      .values(
        Array.from({ length: input.count }, (_, i) => ({
          event_employer_id: participation.id,
          starts_at: new Date(start.getTime() + step * i),
          ends_at: new Date(start.getTime() + step * (i + 1)),
        })),
      )
      .execute();
    return { ok: true as const, value: { created: input.count } };
  });
}

export async function deleteSlot(db: DB, actor: Actor, eventId: string, slotId: string): Promise<Result<null>> {
  const participation = await participationFor(db, actor, eventId);
  const orgActor = await withOrganizations(db, actor);
  requirePermission(orgActor, "update:event_participation", { organizationId: participation.organizationId });
  if (!UUID_RE.test(slotId)) return fail("events.err.slotGone");
  const done = await db
    .deleteFrom("interview_slot")
    .where("id", "=", slotId)
    .where("event_employer_id", "=", participation.id)
    .where("registration_id", "is", null)
    .executeTakeFirst();
  return Number(done.numDeletedRows) > 0 ? { ok: true, value: null } : fail("events.err.slotBooked");
}

// ---------------------------------------------------------------------------------------------------------------
// Seekers register, cancel and book

function newCheckInCode(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(5));
}

/**
 * Registers the seeker: a seat while seats are free, else the end of the waitlist. Registering again returns the
 * registration one has. The event row is locked first, so concurrent registrations take seats one at a time.
 */
export async function registerForEvent(
  db: DB,
  actor: Actor,
  eventId: string,
  input: RegisterInput,
  now = new Date(),
): Promise<Result<{ registrationId: string; status: RegistrationStatus; created: boolean }>> {
  requireUuid(eventId);
  requirePermission(actor, "create:event_registration", { ownerId: actor.id });
  type R = { registrationId: string; status: RegistrationStatus; created: boolean };
  return db.transaction().execute(async (trx) => {
    const ev = await lockEvent(trx, eventId);
    if (!ev || ev.status === "draft") notFound();
    const existing = await trx
      .selectFrom("event_registration")
      .select(["id", "status"])
      .where("event_id", "=", eventId)
      .where("seeker_id", "=", actor.id)
      .executeTakeFirst();
    if (existing && existing.status !== "cancelled") return { ok: true as const, value: { registrationId: existing.id, status: existing.status, created: false } };
    if (ev.status !== "published") return fail<R>("events.err.eventCancelled");
    // A competition is entered by category (app/domain/competitions), not registered for as a whole.
    if (ev.kind === "competition") return fail<R>("competitions.err.enterByCategory");
    if (now > ev.registration_deadline) return fail<R>("events.err.registrationClosed");
    if (ev.kind === "graduates") {
      const p = await trx.selectFrom("seeker_profile").select("graduation_year").where("user_id", "=", actor.id).executeTakeFirst();
      if (!graduateMayRegister(p?.graduation_year ?? null, Number(todayInShanghai(ev.starts_at).slice(0, 4)))) return fail<R>("events.err.notGraduate");
    }
    const taken = await trx
      .selectFrom("event_registration")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("event_id", "=", eventId)
      .where("status", "=", "registered")
      .executeTakeFirstOrThrow();
    const status: RegistrationStatus = Number(taken.n) < ev.capacity ? "registered" : "waitlisted";
    // Registering again after cancelling joins at the back: a new row takes a new place in the order of arrival.
    if (existing) await trx.deleteFrom("event_registration").where("id", "=", existing.id).execute();
    const row = await trx
      .insertInto("event_registration")
      .values({ event_id: eventId, seeker_id: actor.id, status, access_requests: [...new Set(input.accessRequests)], check_in_code: newCheckInCode() })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true as const, value: { registrationId: row.id, status, created: true } };
  });
}

/** Cancels the seeker's registration; a freed seat goes to the first on the waitlist, who is told. */
export async function cancelRegistration(db: DB, actor: Actor, eventId: string): Promise<Result<{ promoted: number }>> {
  requireUuid(eventId);
  requirePermission(actor, "update:event_registration", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const ev = await lockEvent(trx, eventId);
    if (!ev) notFound();
    const r = await trx
      .selectFrom("event_registration")
      .select(["id", "status"])
      .where("event_id", "=", eventId)
      .where("seeker_id", "=", actor.id)
      .where("status", "!=", "cancelled")
      .executeTakeFirst();
    if (!r) return fail<{ promoted: number }>("events.err.notRegistered");
    await trx.updateTable("event_registration").set({ status: "cancelled", cancelled_at: sql<Date>`now()` }).where("id", "=", r.id).execute();
    await trx.updateTable("interview_slot").set({ registration_id: null, access_requests: [], booked_at: null }).where("registration_id", "=", r.id).execute();
    // After the event nobody is promoted: a seat that frees up then is of no use to anyone.
    const promoted = r.status === "registered" && ev.status === "published" && ev.ends_at >= new Date() ? await promoteWaitlist(trx, ev) : 0;
    return { ok: true as const, value: { promoted } };
  });
}

/**
 * Books a slot for the seeker: registered (not waitlisted), the slot free, and no slot of theirs overlapping it. The
 * seeker's access requests travel with the booking.
 */
export async function bookSlot(db: DB, actor: Actor, eventId: string, slotId: string): Promise<Result<null>> {
  requireUuid(eventId);
  requirePermission(actor, "update:event_registration", { ownerId: actor.id });
  if (!UUID_RE.test(slotId)) return fail("events.err.slotGone");
  return db.transaction().execute(async (trx) => {
    const reg = await trx
      .selectFrom("event_registration")
      .select(["id", "status", "access_requests"])
      .where("event_id", "=", eventId)
      .where("seeker_id", "=", actor.id)
      .where("status", "!=", "cancelled")
      .forUpdate()
      .executeTakeFirst();
    if (!reg) return fail<null>("events.err.notRegistered");
    if (reg.status !== "registered") return fail<null>("events.err.waitlistedCannotBook");
    const slot = await trx
      .selectFrom("interview_slot as s")
      .innerJoin("event_employer as p", "p.id", "s.event_employer_id")
      .innerJoin("recruitment_event as e", "e.id", "p.event_id")
      .select(["s.id", "s.starts_at", "s.ends_at", "s.registration_id", "p.status", "e.status as event_status", "e.ends_at as event_ends_at"])
      .where("s.id", "=", slotId)
      .where("p.event_id", "=", eventId)
      .executeTakeFirst();
    if (!slot || slot.status !== "approved") return fail<null>("events.err.slotGone");
    if (slot.event_status !== "published") return fail<null>("events.err.eventCancelled");
    if (slot.event_ends_at < new Date()) return fail<null>("events.err.eventOver");
    if (slot.registration_id === reg.id) return { ok: true as const, value: null };
    const clash = await trx
      .selectFrom("interview_slot")
      .select("id")
      .where("registration_id", "=", reg.id)
      .where("starts_at", "<", slot.ends_at)
      .where("ends_at", ">", slot.starts_at)
      .executeTakeFirst();
    if (clash) return fail<null>("events.err.slotOverlapsMine");
    const taken = await trx
      .updateTable("interview_slot")
      .set({ registration_id: reg.id, access_requests: reg.access_requests, booked_at: sql<Date>`now()` })
      .where("id", "=", slotId)
      .where("registration_id", "is", null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return fail<null>("events.err.slotTaken");
    return { ok: true as const, value: null };
  });
}

export async function cancelBooking(db: DB, actor: Actor, eventId: string, slotId: string): Promise<Result<null>> {
  requireUuid(eventId);
  requirePermission(actor, "update:event_registration", { ownerId: actor.id });
  if (!UUID_RE.test(slotId)) return fail("events.err.slotGone");
  const reg = await db.selectFrom("event_registration").select("id").where("event_id", "=", eventId).where("seeker_id", "=", actor.id).where("status", "!=", "cancelled").executeTakeFirst();
  if (!reg) return fail("events.err.notRegistered");
  const done = await db
    .updateTable("interview_slot")
    .set({ registration_id: null, access_requests: [], booked_at: null })
    .where("id", "=", slotId)
    .where("registration_id", "=", reg.id)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0 ? { ok: true, value: null } : fail("events.err.slotGone");
}

// ---------------------------------------------------------------------------------------------------------------
// Check-in

export type CheckInResult =
  | { outcome: "checkedIn" | "already"; seekerName: string; accessRequests: string[]; at: Date }
  | { outcome: "waitlisted"; seekerName: string }
  | { outcome: "unknown" };

export async function checkIn(db: DB, actor: Actor, eventId: string, code: string, options: { ip?: string | null } = {}): Promise<CheckInResult> {
  const ev = await getEventForEdit(db, actor, eventId);
  requirePermission(actor, "update:event_registration", { regionCode: ev.regionCode });
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("event_registration as r")
      .innerJoin("app_user as u", "u.id", "r.seeker_id")
      .leftJoin("seeker_profile as p", "p.user_id", "u.id")
      .select(["r.id", "r.seeker_id", "r.status", "r.access_requests", "r.checked_in_at", "u.display_name", "p.real_name"])
      .where("r.event_id", "=", eventId)
      .where("r.check_in_code", "=", code)
      .where("r.status", "!=", "cancelled")
      .forUpdate("r")
      .executeTakeFirst();
    if (!r) return { outcome: "unknown" as const };
    // The answer names the person and their access requests: the organizer's read is audited.
    await recordAudit(trx, { actorId: actor.id, subjectUserId: r.seeker_id, action: "read", entity: "event_registration", entityId: r.id, reason: "check-in", ip: options.ip });
    const seekerName = r.real_name ?? r.display_name ?? "";
    if (r.status === "waitlisted") return { outcome: "waitlisted" as const, seekerName };
    if (r.checked_in_at) return { outcome: "already" as const, seekerName, accessRequests: r.access_requests, at: r.checked_in_at };
    const at = new Date();
    await trx.updateTable("event_registration").set({ checked_in_at: at }).where("id", "=", r.id).execute();
    return { outcome: "checkedIn" as const, seekerName, accessRequests: r.access_requests, at };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes

/**
 * The event an application comes from: the seeker took part in an event (checked in; registered, for an online one)
 * that this vacancy is brought to by an approved employer, and the application is made at or after the event's start
 * and within EVENT_ATTRIBUTION_DAYS of its end. The most recent such event wins.
 */
export async function eventOfApplication(db: DB, seekerId: string, vacancyId: string, now = new Date()): Promise<string | null> {
  const row = await db
    .selectFrom("event_registration as r")
    .innerJoin("recruitment_event as e", "e.id", "r.event_id")
    .innerJoin("event_employer as p", (j) => j.onRef("p.event_id", "=", "e.id").on("p.status", "=", "approved"))
    .innerJoin("event_employer_vacancy as ev", "ev.event_employer_id", "p.id")
    .select("e.id")
    .where("r.seeker_id", "=", seekerId)
    .where("r.status", "=", "registered")
    // They came: checked in at the venue (an online event has no door, so registering is taking part).
    .where((eb) => eb.or([eb("r.checked_in_at", "is not", null), eb("e.kind", "=", "online")]))
    .where("ev.vacancy_id", "=", vacancyId)
    .where("e.status", "=", "published")
    .where("e.starts_at", "<=", now)
    .where(sql<boolean>`e.ends_at + make_interval(days => ${EVENT_ATTRIBUTION_DAYS}) >= ${now}`)
    .orderBy("e.starts_at", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface EmployerReportRow {
  participationId: string;
  organizationName: string;
  booth: string | null;
  /** Seekers who booked at least one interview slot with the employer. */
  registrations: number;
  /** Of those, checked in at the event. */
  attendance: number;
  /** Booked slots whose seeker checked in: interviews held. */
  interviews: number;
  applications: number;
  offers: number;
  hires: number;
}

function emptyReportRow(p: Participant): EmployerReportRow {
  return { participationId: p.id, organizationName: p.organizationName, booth: p.booth, registrations: 0, attendance: 0, interviews: 0, applications: 0, offers: 0, hires: 0 };
}

async function reportRows(db: DB, eventId: string): Promise<EmployerReportRow[]> {
  const participants = (await participantsOf(db, eventId)).filter((p) => p.status === "approved");
  if (!participants.length) return [];
  const [bookings, applications] = await Promise.all([
    db
      .selectFrom("interview_slot as s")
      .innerJoin("event_registration as r", "r.id", "s.registration_id")
      .select(["s.event_employer_id", "r.id as registration_id", "r.checked_in_at"])
      .where(
        "s.event_employer_id",
        "in",
        participants.map((p) => p.id),
      )
      .execute(),
    db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select((eb) => [
        "v.organization_id",
        "a.status",
        eb
          .exists(eb.selectFrom("application_event as ae").select("ae.id").whereRef("ae.application_id", "=", "a.id").where("ae.to_status", "=", "offered"))
          .as("was_offered"),
      ])
      .where("a.event_id", "=", eventId)
      .execute(),
  ]);
  return participants.map((p) => {
    const mine = bookings.filter((b) => b.event_employer_id === p.id);
    const people = new Map(mine.map((b) => [b.registration_id, b.checked_in_at !== null]));
    const apps = applications.filter((a) => a.organization_id === p.organizationId);
    return {
      participationId: p.id,
      organizationName: p.organizationName,
      booth: p.booth,
      registrations: people.size,
      attendance: [...people.values()].filter(Boolean).length,
      interviews: mine.filter((b) => b.checked_in_at !== null).length,
      applications: apps.length,
      offers: apps.filter((a) => a.status === "offered" || a.status === "hired" || !!a.was_offered).length,
      hires: apps.filter((a) => a.status === "hired").length,
    };
  });
}

export interface EventReport {
  event: EventSummary;
  checkedIn: number;
  rows: EmployerReportRow[];
}

export async function eventReport(db: DB, actor: Actor, eventId: string): Promise<EventReport> {
  const event = await getEventForEdit(db, actor, eventId);
  const checkedIn = await db
    .selectFrom("event_registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "registered")
    .where("checked_in_at", "is not", null)
    .executeTakeFirstOrThrow();
  return { event, checkedIn: Number(checkedIn.n), rows: await reportRows(db, eventId) };
}
