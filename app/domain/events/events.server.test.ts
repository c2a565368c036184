import { describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Result } from "../accounts/accounts.server";
import { applyToVacancy, hireApplicant, moveApplication } from "../applications/applications.server";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { eventSchema, parseLocalDateTime, type EventInput, type RegistrationAccessRequest, type SlotsInput } from "./events.schema";
import {
  applyToParticipate,
  bookSlot,
  cancelBooking,
  cancelRegistration,
  checkIn,
  createEvent,
  decideParticipation,
  deleteSlot,
  eventReport,
  getEmployerEvent,
  getEventPage,
  getOrganizerView,
  publishSlots,
  registerForEvent,
  setEventStatus,
  updateEvent,
} from "./events.server";

const t = useTestDatabase();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The event day: ten days ahead in Beijing, so deadlines and ends are still to come by the clock. */
const EVENT_DAY = todayInShanghai(new Date(Date.now() + 10 * DAY));
const EVENT_YEAR = Number(EVENT_DAY.slice(0, 4));
const at = (hhmm: string) => `${EVENT_DAY}T${hhmm}`;

/** A word no other test uses, so rows found by it are this test's (the PostgreSQL test database is shared). */
function token() {
  return `zq${Math.random().toString(36).slice(2, 9)}`;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

const err = (message: string, field = "") => ({ ok: false, fieldErrors: { [field]: [message] } });

async function expect404(p: Promise<unknown>) {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
}

async function staff(role: Extract<Role, "admin" | "counselor">, regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

/** A seeker; with `profile` they get a seeker profile (graduation year, name) too. */
async function seeker(profile?: Parameters<typeof createSeekerProfile>[2]): Promise<Actor> {
  const u = await createUser(t.db, { role: "seeker" });
  if (profile) await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), ...profile });
  return { id: u.id, role: "seeker", regionCode: null };
}

/** The organizer's form for an in-person event on EVENT_DAY, 09:00–17:00, registration until 08:00 that day. */
function eventForm(overrides: Partial<Record<keyof EventInput, unknown>> = {}): EventInput {
  return eventSchema.parse({
    title: `残疾人专场招聘会 ${token()}`,
    kind: "general",
    startsAt: at("09:00"),
    endsAt: at("17:00"),
    registrationDeadline: at("08:00"),
    regionCode: "520102",
    venue: "南明区人力资源市场",
    arrangements: ["sign_language_interpreters", "step_free_venue"],
    capacity: 50,
    description: "",
    ...overrides,
  });
}

interface TestEvent {
  id: string;
  form: EventInput;
  startsAt: Date;
  endsAt: Date;
  deadline: Date;
}

async function draftEvent(organizer: Actor, overrides: Partial<Record<keyof EventInput, unknown>> = {}): Promise<TestEvent> {
  const form = eventForm(overrides);
  const { eventId } = ok(await createEvent(t.db, organizer, form));
  return { id: eventId, form, startsAt: parseLocalDateTime(form.startsAt)!, endsAt: parseLocalDateTime(form.endsAt)!, deadline: parseLocalDateTime(form.registrationDeadline)! };
}

async function publishedEvent(organizer: Actor, overrides: Partial<Record<keyof EventInput, unknown>> = {}): Promise<TestEvent> {
  const ev = await draftEvent(organizer, overrides);
  ok(await setEventStatus(t.db, organizer, ev.id, "published"));
  return ev;
}

async function register(ev: TestEvent, s: Actor, accessRequests: RegistrationAccessRequest[] = []) {
  return ok(await registerForEvent(t.db, s, ev.id, { accessRequests }));
}

/** An employer of a verified organization taking part, approved, with open vacancies and (if asked) slots. */
async function approvedEmployer(ev: TestEvent, organizer: Actor, slots?: SlotsInput, booth = "A1") {
  const e = await employerWithOrganization(t.db);
  const vacancy = await createVacancy(t.db, e.organization.id, { openings: 3 });
  const { participationId } = ok(await applyToParticipate(t.db, e.actor, ev.id, { vacancyIds: [vacancy.id], note: "" }));
  ok(await decideParticipation(t.db, organizer, ev.id, { participationId, decision: "approved", booth }));
  if (slots) ok(await publishSlots(t.db, e.actor, ev.id, slots));
  return { ...e, vacancy, participationId, slots: await slotsOf(participationId) };
}

async function slotsOf(participationId: string) {
  return t.db
    .selectFrom("interview_slot")
    .select(["id", "starts_at", "ends_at", "registration_id", "access_requests", "booked_at"])
    .where("event_employer_id", "=", participationId)
    .orderBy("starts_at")
    .execute();
}

async function registrationsOf(eventId: string) {
  return t.db
    .selectFrom("event_registration")
    .select(["id", "seq", "seeker_id", "status", "promoted_at", "cancelled_at", "access_requests", "check_in_code", "checked_in_at"])
    .where("event_id", "=", eventId)
    .orderBy("seq")
    .execute();
}

async function registrationOf(eventId: string, seekerId: string) {
  return t.db
    .selectFrom("event_registration")
    .select(["id", "status", "access_requests", "check_in_code", "checked_in_at", "promoted_at"])
    .where("event_id", "=", eventId)
    .where("seeker_id", "=", seekerId)
    .executeTakeFirstOrThrow();
}

async function notificationsOf(userId: string) {
  return t.db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute();
}

function countBy<T extends string>(items: T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
}

const seekerActor = (id: string): Actor => ({ id, role: "seeker", regionCode: null });

// ---------------------------------------------------------------------------------------------------------------

describe("seats and the waitlist (the issue's acceptance)", () => {
  it("200 seekers at once for 50 seats: the first 50 to arrive are in, 150 wait in order of arrival, and seats pass down that order", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 50 });
    const seekers = await Promise.all(Array.from({ length: 200 }, () => seeker()));

    const results = await Promise.all(seekers.map((s) => registerForEvent(t.db, s, ev.id, { accessRequests: [] })));
    const told = results.map((r) => ok(r));
    expect(told.every((r) => r.created)).toBe(true);
    expect(countBy(told.map((r) => r.status))).toEqual({ registered: 50, waitlisted: 150 });

    const rows = await registrationsOf(ev.id);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.seeker_id)).size).toBe(200);
    expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(200);
    // In order of arrival: the 50 lowest seq hold the seats, the 150 highest wait.
    expect(rows.map((r) => r.status)).toEqual([...Array(50).fill("registered"), ...Array(150).fill("waitlisted")]);
    // What each caller was told is what was stored.
    const rowBySeeker = new Map(rows.map((r) => [r.seeker_id, r]));
    seekers.forEach((s, i) => expect(rowBySeeker.get(s.id)).toMatchObject({ id: told[i]!.registrationId, status: told[i]!.status }));

    // The organizer's list numbers the waitlist in that order; a waitlisted seeker sees their place.
    const view = await getOrganizerView(t.db, organizer, ev.id);
    expect(view.event).toMatchObject({ capacity: 50, registered: 50, waitlisted: 150 });
    expect(view).toMatchObject({ registrationTotal: 200, page: 1, pageCount: 4 });
    const listed = [...view.registrations];
    for (const page of [2, 3, 4]) listed.push(...(await getOrganizerView(t.db, organizer, ev.id, { page })).registrations);
    expect(listed.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(listed.map((r) => r.waitlistPosition)).toEqual([...Array(50).fill(null), ...Array.from({ length: 150 }, (_, i) => i + 1)]);
    const page = await getEventPage(t.db, seekerActor(rows[60]!.seeker_id), ev.id);
    expect(page.seatsLeft).toBe(0);
    expect(page.viewer).toMatchObject({ role: "seeker", registration: { status: "waitlisted", waitlistPosition: 11, qr: null } });

    const registered = rows.slice(0, 50);
    const waitlisted = rows.slice(50);
    const statusNow = async () => new Map((await registrationsOf(ev.id)).map((r) => [r.id, r]));

    // Cancelling one at a time: each freed seat goes to the first still waiting.
    for (const [i, leaver] of [registered[0]!, registered[17]!, registered[49]!].entries()) {
      expect(await cancelRegistration(t.db, seekerActor(leaver.seeker_id), ev.id)).toEqual({ ok: true, value: { promoted: 1 } });
      const now = await statusNow();
      expect(now.get(leaver.id)).toMatchObject({ status: "cancelled" });
      expect(now.get(leaver.id)!.cancelled_at).toBeInstanceOf(Date);
      expect(now.get(waitlisted[i]!.id)).toMatchObject({ status: "registered" });
      expect(now.get(waitlisted[i]!.id)!.promoted_at).toBeInstanceOf(Date);
      expect(now.get(waitlisted[i + 1]!.id)).toMatchObject({ status: "waitlisted", promoted_at: null });
      expect([...now.values()].filter((r) => r.status === "registered")).toHaveLength(50);
    }

    // Four cancelling at once: the next four by arrival are promoted, one each, and nobody else.
    const batch = registered.slice(1, 5);
    const cancels = await Promise.all(batch.map((r) => cancelRegistration(t.db, seekerActor(r.seeker_id), ev.id)));
    expect(cancels).toEqual(Array(4).fill({ ok: true, value: { promoted: 1 } }));
    let now = await statusNow();
    expect(waitlisted.slice(0, 7).map((r) => now.get(r.id)!.status)).toEqual(Array(7).fill("registered"));
    expect(waitlisted.slice(7).map((r) => now.get(r.id)!.status)).toEqual(Array(143).fill("waitlisted"));
    expect(countBy([...now.values()].map((r) => r.status))).toEqual({ registered: 50, waitlisted: 143, cancelled: 7 });

    // Each promoted seeker is told once; those still waiting are not.
    for (const w of waitlisted.slice(0, 7)) {
      expect(await notificationsOf(w.seeker_id)).toEqual([{ kind: "event.promoted", params: { event: ev.form.title }, link: `/events/${ev.id}` }]);
    }
    expect(await notificationsOf(waitlisted[7]!.seeker_id)).toEqual([]);

    // A waitlisted seeker leaving frees no seat; the queue closes up behind them.
    expect(await cancelRegistration(t.db, seekerActor(waitlisted[7]!.seeker_id), ev.id)).toEqual({ ok: true, value: { promoted: 0 } });
    expect(await cancelRegistration(t.db, seekerActor(waitlisted[7]!.seeker_id), ev.id)).toEqual(err("events.err.notRegistered"));

    // Three more seats: the next three still waiting, in order, skipping the one who left.
    expect(await updateEvent(t.db, organizer, ev.id, { ...ev.form, capacity: 53 })).toEqual({ ok: true, value: { promoted: 3 } });
    now = await statusNow();
    expect(waitlisted.slice(7, 12).map((r) => now.get(r.id)!.status)).toEqual(["cancelled", "registered", "registered", "registered", "waitlisted"]);
    for (const w of waitlisted.slice(8, 11)) expect((await notificationsOf(w.seeker_id)).map((n) => n.kind)).toEqual(["event.promoted"]);
    expect(countBy([...now.values()].map((r) => r.status))).toEqual({ registered: 53, waitlisted: 139, cancelled: 8 });

    // Fewer seats unregister nobody, and a seat freed above the new capacity goes to nobody.
    expect(await updateEvent(t.db, organizer, ev.id, { ...ev.form, capacity: 40 })).toEqual({ ok: true, value: { promoted: 0 } });
    expect(await cancelRegistration(t.db, seekerActor(registered[5]!.seeker_id), ev.id)).toEqual({ ok: true, value: { promoted: 0 } });
    now = await statusNow();
    expect(countBy([...now.values()].map((r) => r.status))).toEqual({ registered: 52, waitlisted: 139, cancelled: 9 });

    // Registering again after cancelling joins at the back of the queue.
    const back = await register(ev, seekerActor(registered[0]!.seeker_id));
    expect(back).toMatchObject({ status: "waitlisted", created: true });
    const after = await registrationsOf(ev.id);
    expect(after.at(-1)).toMatchObject({ id: back.registrationId, seeker_id: registered[0]!.seeker_id, status: "waitlisted" });
    expect(after.filter((r) => r.seeker_id === registered[0]!.seeker_id)).toHaveLength(1);
    const mine = await getEventPage(t.db, seekerActor(registered[0]!.seeker_id), ev.id);
    expect(mine.viewer).toMatchObject({ registration: { status: "waitlisted", waitlistPosition: 140 } });
  });

  it("one seeker registering five times at once holds one place", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 1 });
    for (const expected of ["registered", "waitlisted"] as const) {
      const s = await seeker();
      const results = (await Promise.all(Array.from({ length: 5 }, () => registerForEvent(t.db, s, ev.id, { accessRequests: ["captions"] })))).map(ok);
      expect(new Set(results.map((r) => r.registrationId)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results.every((r) => r.status === expected)).toBe(true);
      const rows = (await registrationsOf(ev.id)).filter((r) => r.seeker_id === s.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: results[0]!.registrationId, status: expected, access_requests: ["captions"] });
    }
  });
});

describe("interview slots", () => {
  it("many booking one slot at once: exactly one wins, and the slot holds their registration and access requests", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 20 });
    const a = await approvedEmployer(ev, organizer, { startsAt: at("09:00"), minutes: 30, count: 2 });
    const requests: RegistrationAccessRequest[][] = [["interpreter"], ["captions"], ["wheelchair_seating", "companion"], ["quiet_space"], [], ["interpreter", "captions"], ["companion"], ["wheelchair_seating"]];
    const seekers = await Promise.all(requests.map(() => seeker()));
    const regs = [];
    for (const [i, s] of seekers.entries()) regs.push(await register(ev, s, requests[i]));

    const slot = a.slots[0]!;
    const results = await Promise.all(seekers.map((s) => bookSlot(t.db, s, ev.id, slot.id)));
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const [i, r] of results.entries()) if (i !== winners[0]) expect(r).toEqual(err("events.err.slotTaken"));
    const w = winners[0]!;
    const [booked, other] = await slotsOf(a.participationId);
    expect(booked).toMatchObject({ id: slot.id, registration_id: regs[w]!.registrationId, access_requests: requests[w] });
    expect(booked!.booked_at).toBeInstanceOf(Date);
    expect(other).toMatchObject({ registration_id: null, booked_at: null });

    // Booking one's own slot again changes nothing; a loser can take the other slot.
    expect(await bookSlot(t.db, seekers[w]!, ev.id, slot.id)).toEqual({ ok: true, value: null });
    const loser = (w + 1) % seekers.length;
    expect(await bookSlot(t.db, seekers[loser]!, ev.id, other!.id)).toEqual({ ok: true, value: null });
    // The employer sees a reference and the access requests, never a name.
    const view = await getEmployerEvent(t.db, a.actor, ev.id);
    expect(view.slots.map((s) => s.accessRequests)).toEqual([requests[w], requests[loser]]);
    // The booker's number among the event's registrations (registered one after the other above), as "求职者 07".
    const number = (i: number) => String(i + 1).padStart(2, "0");
    expect(view.slots.map((s) => s.reference)).toEqual([number(w), number(loser)]);

    // Giving a booking back frees the slot for someone else.
    expect(await cancelBooking(t.db, seekers[w]!, ev.id, slot.id)).toEqual({ ok: true, value: null });
    expect(await cancelBooking(t.db, seekers[w]!, ev.id, slot.id)).toEqual(err("events.err.slotGone"));
    expect((await slotsOf(a.participationId))[0]).toMatchObject({ registration_id: null, access_requests: [], booked_at: null });
    const third = (w + 2) % seekers.length;
    expect(await bookSlot(t.db, seekers[third]!, ev.id, slot.id)).toEqual({ ok: true, value: null });
  });

  it("a seeker cannot hold two overlapping slots, even booking both at once; touching or apart is fine", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 20 });
    // A: 09:00 09:30 10:00 10:30 (30 min); B: 09:15 09:45 10:15 10:45 (30 min); C: 11:15 11:45 (30 min).
    const a = await approvedEmployer(ev, organizer, { startsAt: at("09:00"), minutes: 30, count: 4 });
    const b = await approvedEmployer(ev, organizer, { startsAt: at("09:15"), minutes: 30, count: 4 });
    const c = await approvedEmployer(ev, organizer, { startsAt: at("11:15"), minutes: 30, count: 2 });
    const [s1, s2, s3] = [await seeker(), await seeker(), await seeker()];
    for (const s of [s1, s2, s3]) await register(ev, s);

    const mySlots = async (s: Actor) => {
      const reg = await registrationOf(ev.id, s.id);
      return t.db.selectFrom("interview_slot").select("id").where("registration_id", "=", reg.id).execute();
    };

    for (const [s, x, y] of [
      [s1, a.slots[0]!, b.slots[0]!],
      [s2, a.slots[2]!, b.slots[2]!],
    ] as const) {
      const results = await Promise.all([bookSlot(t.db, s, ev.id, x.id), bookSlot(t.db, s, ev.id, y.id)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([err("events.err.slotOverlapsMine")]);
      expect(await mySlots(s)).toHaveLength(1);
    }
    // Booked one after the other, too.
    expect(await bookSlot(t.db, s3, ev.id, a.slots[1]!.id)).toEqual({ ok: true, value: null });
    expect(await bookSlot(t.db, s3, ev.id, b.slots[1]!.id)).toEqual(err("events.err.slotOverlapsMine"));

    // Touching (10:45–11:15 and 11:15–11:45) at once: both; apart (09:30–10:00 held, 11:45–12:15): fine.
    const apart = await Promise.all([bookSlot(t.db, s3, ev.id, b.slots[3]!.id), bookSlot(t.db, s3, ev.id, c.slots[0]!.id)]);
    expect(apart).toEqual([
      { ok: true, value: null },
      { ok: true, value: null },
    ]);
    expect(await bookSlot(t.db, s3, ev.id, c.slots[1]!.id)).toEqual({ ok: true, value: null });
    expect((await mySlots(s3)).map((r) => r.id).sort()).toEqual([a.slots[1]!.id, b.slots[3]!.id, c.slots[0]!.id, c.slots[1]!.id].sort());
  });

  it("the waitlisted and the unregistered cannot book; cancelling a registration frees its slots", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 1 });
    const a = await approvedEmployer(ev, organizer, { startsAt: at("09:00"), minutes: 20, count: 3 });
    const [s1, s2, s3] = [await seeker(), await seeker(), await seeker()];
    await register(ev, s1, ["interpreter"]);
    expect((await register(ev, s2, ["captions"])).status).toBe("waitlisted");

    expect(await bookSlot(t.db, s2, ev.id, a.slots[0]!.id)).toEqual(err("events.err.waitlistedCannotBook"));
    expect(await bookSlot(t.db, s3, ev.id, a.slots[0]!.id)).toEqual(err("events.err.notRegistered"));
    expect(await bookSlot(t.db, s1, ev.id, "not-a-slot")).toEqual(err("events.err.slotGone"));
    expect(await bookSlot(t.db, s1, ev.id, crypto.randomUUID())).toEqual(err("events.err.slotGone"));
    expect(await slotsOf(a.participationId)).toMatchObject([{ registration_id: null }, { registration_id: null }, { registration_id: null }]);

    ok(await bookSlot(t.db, s1, ev.id, a.slots[0]!.id));
    ok(await bookSlot(t.db, s1, ev.id, a.slots[1]!.id));
    expect((await slotsOf(a.participationId)).map((s) => s.access_requests)).toEqual([["interpreter"], ["interpreter"], []]);

    expect(await cancelRegistration(t.db, s1, ev.id)).toEqual({ ok: true, value: { promoted: 1 } });
    expect(await slotsOf(a.participationId)).toMatchObject([
      { registration_id: null, access_requests: [], booked_at: null },
      { registration_id: null, access_requests: [], booked_at: null },
      { registration_id: null, access_requests: [], booked_at: null },
    ]);
    // The promoted seeker may now book, and sees the slot as theirs.
    ok(await bookSlot(t.db, s2, ev.id, a.slots[0]!.id));
    const page = await getEventPage(t.db, s2, ev.id);
    expect(page.participants).toHaveLength(1);
    expect(page.participants[0]!.slots.map((s) => [s.free, s.mine])).toEqual([
      [false, true],
      [true, false],
      [true, false],
    ]);
    expect(await bookSlot(t.db, s1, ev.id, a.slots[1]!.id)).toEqual(err("events.err.notRegistered"));
  });
});

describe("who may register", () => {
  it("graduate events take those graduating in the event's year or the two before it", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { kind: "graduates" });
    for (const year of [EVENT_YEAR, EVENT_YEAR - 1, EVENT_YEAR - 2]) {
      const s = await seeker({ graduationYear: year });
      expect(await registerForEvent(t.db, s, ev.id, { accessRequests: [] }), String(year)).toMatchObject({ ok: true, value: { status: "registered" } });
      expect((await getEventPage(t.db, s, ev.id)).viewer).toMatchObject({ role: "seeker", eligible: true, graduationYear: year });
    }
    for (const profile of [{ graduationYear: EVENT_YEAR - 3 }, { graduationYear: EVENT_YEAR + 1 }, { graduationYear: null }, undefined]) {
      const s = await seeker(profile);
      expect(await registerForEvent(t.db, s, ev.id, { accessRequests: [] }), JSON.stringify(profile)).toEqual(err("events.err.notGraduate"));
      expect((await getEventPage(t.db, s, ev.id)).viewer).toMatchObject({ role: "seeker", eligible: false, registration: null });
      expect((await registrationsOf(ev.id)).filter((r) => r.seeker_id === s.id)).toEqual([]);
    }
    // A general event takes anyone.
    const general = await publishedEvent(organizer);
    expect((await register(general, await seeker({ graduationYear: EVENT_YEAR - 10 }))).status).toBe("registered");
  });

  it("closes at the deadline; drafts do not exist to seekers; a cancelled event takes nobody and tells those registered", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer);
    const early = await seeker();
    expect(await registerForEvent(t.db, await seeker(), ev.id, { accessRequests: [] }, new Date(ev.deadline.getTime() + MINUTE))).toEqual(err("events.err.registrationClosed"));
    expect((await registerForEvent(t.db, early, ev.id, { accessRequests: [] }, ev.deadline)).ok).toBe(true);
    expect((await getEventPage(t.db, early, ev.id, new Date(ev.deadline.getTime() + MINUTE))).registrationOpen).toBe(false);
    expect((await getEventPage(t.db, early, ev.id, ev.deadline)).registrationOpen).toBe(true);

    const draft = await draftEvent(organizer);
    const s = await seeker();
    await expect404(registerForEvent(t.db, s, draft.id, { accessRequests: [] }));
    await expect404(getEventPage(t.db, s, draft.id));
    await expect404(getEventPage(t.db, null, draft.id));
    await expect404(getEventPage(t.db, await staff("admin", "520300"), draft.id));
    expect((await getEventPage(t.db, organizer, draft.id)).viewer).toEqual({ role: "staff", canManage: true });
    expect(await registrationsOf(draft.id)).toEqual([]);
    await expect404(registerForEvent(t.db, s, "not-an-id", { accessRequests: [] }));
    await expect404(registerForEvent(t.db, s, crypto.randomUUID(), { accessRequests: [] }));
    // Only seekers register.
    await expect404(registerForEvent(t.db, organizer, ev.id, { accessRequests: [] }));

    ok(await setEventStatus(t.db, organizer, ev.id, "cancelled"));
    expect(await registerForEvent(t.db, s, ev.id, { accessRequests: [] })).toEqual(err("events.err.eventCancelled"));
    expect((await notificationsOf(early.id)).map((n) => n.kind)).toEqual(["event.cancelled"]);
  });
});

describe("employers taking part", () => {
  it("apply with open vacancies of their own, are approved with a booth, then publish slots within the event's hours", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer);
    const e = await employerWithOrganization(t.db);
    const recruiter = await createUser(t.db, { role: "employer" });
    await t.db.insertInto("organization_member").values({ organization_id: e.organization.id, user_id: recruiter.id, role: "recruiter" }).execute();
    const [v1, v2] = [await createVacancy(t.db, e.organization.id, { title: "A 电商客服" }), await createVacancy(t.db, e.organization.id, { title: "B 数据录入" })];
    const closed = await createVacancy(t.db, e.organization.id, { status: "closed" });
    const draftVacancy = await createVacancy(t.db, e.organization.id, { status: "draft" });
    const elsewhere = await employerWithOrganization(t.db);
    const theirs = await createVacancy(t.db, elsewhere.organization.id);

    for (const vacancyIds of [[v1.id, closed.id], [v1.id, draftVacancy.id], [v1.id, theirs.id]]) {
      expect(await applyToParticipate(t.db, e.actor, ev.id, { vacancyIds, note: "" })).toEqual(err("events.err.vacancyNotOpen", "vacancyIds"));
    }
    expect(await t.db.selectFrom("event_employer").select("id").where("event_id", "=", ev.id).execute()).toEqual([]);
    // An employer whose organization is not verified does not get that far.
    await expect404(applyToParticipate(t.db, (await employerWithOrganization(t.db, "pending")).actor, ev.id, { vacancyIds: [v1.id], note: "" }));
    await expect404(applyToParticipate(t.db, e.actor, (await draftEvent(organizer)).id, { vacancyIds: [v1.id], note: "" }));
    const past = todayInShanghai(new Date(Date.now() - 2 * DAY));
    const over = await publishedEvent(organizer, { startsAt: `${past}T09:00`, endsAt: `${past}T17:00`, registrationDeadline: `${past}T08:00` });
    expect(await applyToParticipate(t.db, e.actor, over.id, { vacancyIds: [v1.id], note: "" })).toEqual(err("events.err.eventOver"));

    const { participationId } = ok(await applyToParticipate(t.db, e.actor, ev.id, { vacancyIds: [v2.id, v1.id, v1.id], note: "需要两张桌子" }));
    const pending = (await getOrganizerView(t.db, organizer, ev.id)).participants;
    expect(pending).toEqual([
      expect.objectContaining({ id: participationId, organizationId: e.organization.id, status: "pending", booth: null, note: "需要两张桌子", vacancies: [{ id: v1.id, title: v1.title }, { id: v2.id, title: v2.title }] }),
    ]);
    expect(await publishSlots(t.db, e.actor, ev.id, { startsAt: at("09:00"), minutes: 30, count: 2 })).toEqual(err("events.err.notApproved"));
    // Pending employers are not shown to the public.
    expect((await getEventPage(t.db, null, ev.id)).participants).toEqual([]);

    // Only an organizer for the event's region decides.
    await expect404(decideParticipation(t.db, await staff("admin", "520300"), ev.id, { participationId, decision: "approved", booth: "Z9" }));
    await expect404(decideParticipation(t.db, e.actor, ev.id, { participationId, decision: "approved", booth: "Z9" }));
    expect(await notificationsOf(e.user.id)).toEqual([]);
    ok(await decideParticipation(t.db, organizer, ev.id, { participationId, decision: "approved", booth: "A-12" }));
    for (const member of [e.user.id, recruiter.id]) {
      expect(await notificationsOf(member)).toEqual([
        { kind: "event.participationApproved", params: { event: ev.form.title, booth: "A-12" }, link: `/employer/events/${ev.id}` },
      ]);
    }
    expect(await notificationsOf(elsewhere.user.id)).toEqual([]);
    expect(await applyToParticipate(t.db, e.actor, ev.id, { vacancyIds: [v1.id], note: "" })).toEqual(err("events.err.alreadyApproved"));
    expect((await getEventPage(t.db, null, ev.id)).participants).toMatchObject([{ id: participationId, booth: "A-12", vacancies: [{ id: v1.id }, { id: v2.id }] }]);

    // Slots: within 09:00–17:00, never over another of theirs.
    const slots = (input: SlotsInput) => publishSlots(t.db, e.actor, ev.id, input);
    expect(await slots({ startsAt: at("08:30"), minutes: 30, count: 2 })).toEqual(err("events.err.slotsOutsideEvent", "startsAt"));
    expect(await slots({ startsAt: at("16:30"), minutes: 30, count: 2 })).toEqual(err("events.err.slotsOutsideEvent", "startsAt"));
    expect(await slots({ startsAt: at("16:00"), minutes: 30, count: 2 })).toEqual({ ok: true, value: { created: 2 } });
    expect(await slots({ startsAt: at("09:00"), minutes: 30, count: 4 })).toEqual({ ok: true, value: { created: 4 } });
    expect(await slots({ startsAt: at("10:45"), minutes: 30, count: 1 })).toEqual(err("events.err.slotsOverlap", "startsAt"));
    expect(await slots({ startsAt: at("08:00"), minutes: 30, count: 1 })).toEqual(err("events.err.slotsOutsideEvent", "startsAt"));
    expect(await slots({ startsAt: at("11:00"), minutes: 60, count: 1 })).toEqual({ ok: true, value: { created: 1 } });
    const rows = await slotsOf(participationId);
    expect(rows.map((r) => [r.starts_at.toISOString(), r.ends_at.toISOString()])).toEqual(
      [
        ["09:00", "09:30"],
        ["09:30", "10:00"],
        ["10:00", "10:30"],
        ["10:30", "11:00"],
        ["11:00", "12:00"],
        ["16:00", "16:30"],
        ["16:30", "17:00"],
      ].map(([from, to]) => [parseLocalDateTime(at(from!))!.toISOString(), parseLocalDateTime(at(to!))!.toISOString()]),
    );
    // Another organization's employer has no participation to add slots to.
    await expect404(publishSlots(t.db, elsewhere.actor, ev.id, { startsAt: at("13:00"), minutes: 30, count: 1 }));

    // A booked slot stays; a free one can go.
    const s = await seeker();
    await register(ev, s);
    ok(await bookSlot(t.db, s, ev.id, rows[0]!.id));
    expect(await deleteSlot(t.db, e.actor, ev.id, rows[0]!.id)).toEqual(err("events.err.slotBooked"));
    await expect404(deleteSlot(t.db, elsewhere.actor, ev.id, rows[1]!.id));
    expect(await deleteSlot(t.db, e.actor, ev.id, rows[1]!.id)).toEqual({ ok: true, value: null });
    expect(await deleteSlot(t.db, e.actor, ev.id, "nope")).toEqual(err("events.err.slotGone"));
    expect((await slotsOf(participationId)).map((r) => r.id)).toEqual([rows[0]!.id, ...rows.slice(2).map((r) => r.id)]);
  });

  it("applying to take part twice at once makes one participation, and both submissions succeed", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer);
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id);
    const results = await Promise.all(Array.from({ length: 3 }, () => applyToParticipate(t.db, e.actor, ev.id, { vacancyIds: [v.id], note: "" })));
    const ids = results.map((r) => ok(r).participationId);
    expect(new Set(ids).size).toBe(1);
    expect(await t.db.selectFrom("event_employer").select("id").where("event_id", "=", ev.id).execute()).toEqual([{ id: ids[0] }]);
  });

  it("publishing the same slots twice at once (a double submit) makes them once", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer);
    const a = await approvedEmployer(ev, organizer);
    const results = await Promise.all(Array.from({ length: 5 }, () => publishSlots(t.db, a.actor, ev.id, { startsAt: at("09:00"), minutes: 30, count: 4 })));
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, value: { created: 4 } }]);
    expect(results.filter((r) => !r.ok)).toEqual(Array(4).fill(err("events.err.slotsOverlap", "startsAt")));
    expect(await slotsOf(a.participationId)).toHaveLength(4);
  });

  it("a rejected employer is told, shown nowhere and cannot publish slots", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer);
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id);
    const { participationId } = ok(await applyToParticipate(t.db, e.actor, ev.id, { vacancyIds: [v.id], note: "" }));
    ok(await decideParticipation(t.db, organizer, ev.id, { participationId, decision: "rejected", booth: "B1" }));
    expect((await notificationsOf(e.user.id)).map((n) => n.kind)).toEqual(["event.participationRejected"]);
    expect(await publishSlots(t.db, e.actor, ev.id, { startsAt: at("09:00"), minutes: 30, count: 1 })).toEqual(err("events.err.notApproved"));
    expect((await getEventPage(t.db, null, ev.id)).participants).toEqual([]);
    expect((await eventReport(t.db, organizer, ev.id)).rows).toEqual([]);
  });
});

describe("check-in", () => {
  it("checks a registered seeker in once, names the waitlisted, knows no other code, and is the region's organizers' alone", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 1 });
    const s1 = await seeker({ realName: "王小明" });
    const s2 = await seeker({ realName: "李小红" });
    await register(ev, s1, ["interpreter", "quiet_space"]);
    await register(ev, s2);
    const page = await getEventPage(t.db, s1, ev.id);
    if (page.viewer.role !== "seeker" || !page.viewer.registration) throw new Error("no registration");
    const code = page.viewer.registration.checkInCode;
    expect(code).toMatch(/^[A-Z2-7]{8}$/);
    // The QR symbol of the code: at least version 1 (21 modules a side), drawn as one path over its dark modules.
    expect(page.viewer.registration.qr).toMatchObject({ size: expect.any(Number), path: expect.stringMatching(/^(M\d+ \d+h1v1h-1z)+$/) });
    expect(page.viewer.registration.qr!.size).toBeGreaterThanOrEqual(21);
    const waitlistedCode = (await registrationOf(ev.id, s2.id)).check_in_code;

    // Another prefecture's organizer, an employer and a seeker get nothing, and nothing is recorded.
    await expect404(checkIn(t.db, await staff("admin", "520300"), ev.id, code));
    await expect404(checkIn(t.db, s1, ev.id, code));
    expect((await registrationOf(ev.id, s1.id)).checked_in_at).toBeNull();

    const first = await checkIn(t.db, organizer, ev.id, code);
    expect(first).toMatchObject({ outcome: "checkedIn", seekerName: "王小明", accessRequests: ["interpreter", "quiet_space"] });
    if (first.outcome !== "checkedIn") throw new Error("not checked in");
    expect((await registrationOf(ev.id, s1.id)).checked_in_at).toEqual(first.at);
    // The county's organizer may check in too.
    const county = await staff("admin", "520102");
    expect(await checkIn(t.db, county, ev.id, code)).toEqual({ outcome: "already", seekerName: "王小明", accessRequests: ["interpreter", "quiet_space"], at: first.at });
    expect(await checkIn(t.db, organizer, ev.id, waitlistedCode)).toEqual({ outcome: "waitlisted", seekerName: "李小红" });
    expect((await registrationOf(ev.id, s2.id)).checked_in_at).toBeNull();
    expect(await checkIn(t.db, organizer, ev.id, "ZZZZZZZZ")).toEqual({ outcome: "unknown" });

    // A code is good only at its own event, and not once cancelled.
    const other = await publishedEvent(organizer);
    expect(await checkIn(t.db, organizer, other.id, code)).toEqual({ outcome: "unknown" });
    ok(await cancelRegistration(t.db, s2, ev.id));
    expect(await checkIn(t.db, organizer, ev.id, waitlistedCode)).toEqual({ outcome: "unknown" });

    // Each answer named someone (and their access requests): in that person's access log. Refusals and unknown codes
    // named nobody and recorded nothing.
    const reads = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "subject_user_id", "action", "reason"])
      .where("entity", "=", "event_registration")
      .where("subject_user_id", "in", [s1.id, s2.id])
      .orderBy("id")
      .execute();
    expect(reads).toEqual([
      { actor_id: organizer.id, subject_user_id: s1.id, action: "read", reason: "check-in" },
      { actor_id: county.id, subject_user_id: s1.id, action: "read", reason: "check-in" },
      { actor_id: organizer.id, subject_user_id: s2.id, action: "read", reason: "check-in" },
    ]);
    expect((await getOrganizerView(t.db, organizer, ev.id)).checkedIn).toBe(1);
  });
});

describe("the organizer's list of registrations is audited (issue 12 item 9)", () => {
  it("one row per person on the page shown, naming the event; other pages, the report and refusals record nobody", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 60 });
    const people: Actor[] = [];
    for (let i = 0; i < 55; i++) {
      const s = await seeker();
      await register(ev, s, i % 5 === 0 ? ["interpreter"] : []);
      people.push(s);
    }
    const reads = () =>
      t.db
        .selectFrom("audit_event")
        .select(["subject_user_id", "action", "entity", "entity_id", "reason", "ip"])
        .where("actor_id", "=", organizer.id)
        .orderBy("id")
        .execute();

    // Another prefecture's organizer is refused, and nothing is recorded.
    const far = await staff("admin", "520300");
    await expect404(getOrganizerView(t.db, far, ev.id));
    expect(await t.db.selectFrom("audit_event").select("id").where("actor_id", "=", far.id).execute()).toEqual([]);

    const first = await getOrganizerView(t.db, organizer, ev.id, { ip: "198.51.100.7" });
    expect(first).toMatchObject({ registrationTotal: 55, page: 1, pageCount: 2 });
    expect(first.registrations).toHaveLength(50);
    const afterFirst = await reads();
    expect(afterFirst).toHaveLength(50);
    expect(new Set(afterFirst.map((r) => r.subject_user_id))).toEqual(new Set(people.slice(0, 50).map((p) => p.id)));
    expect(new Set(afterFirst.map((r) => JSON.stringify({ ...r, subject_user_id: null })))).toEqual(
      new Set([JSON.stringify({ subject_user_id: null, action: "read", entity: "event_registrations", entity_id: ev.id, reason: "event organizer", ip: "198.51.100.7" })]),
    );

    // The second page: its five people only.
    const second = await getOrganizerView(t.db, organizer, ev.id, { page: 2 });
    expect(second.registrations).toHaveLength(5);
    expect(new Set((await reads()).slice(50).map((r) => r.subject_user_id))).toEqual(new Set(people.slice(50).map((p) => p.id)));

    // The report counts per employer and names nobody: nothing more is recorded.
    await eventReport(t.db, organizer, ev.id);
    expect(await reads()).toHaveLength(55);
  });
});

describe("applications from an event", () => {
  it("are recorded from the event's start until 30 days after its end, for those who came and the vacancies brought", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 7 });
    const a = await approvedEmployer(ev, organizer);
    const notBrought = await createVacancy(t.db, a.organization.id);
    const seekers = await Promise.all(Array.from({ length: 8 }, () => seeker()));
    for (const s of seekers) await register(ev, s);
    const [during, before, lateInWindow, afterWindow, invited, other, absent, waitlisted] = seekers as [Actor, Actor, Actor, Actor, Actor, Actor, Actor, Actor];
    expect((await registrationOf(ev.id, waitlisted.id)).status).toBe("waitlisted");
    // Everyone registered came, except `absent`.
    await t.db
      .updateTable("event_registration")
      .set({ checked_in_at: ev.startsAt })
      .where("event_id", "=", ev.id)
      .where("status", "=", "registered")
      .where("seeker_id", "!=", absent.id)
      .execute();

    const apply = async (s: Actor, now: Date, vacancyId = a.vacancy.id) => {
      const { applicationId } = ok(await applyToVacancy(t.db, s, vacancyId, { note: "", accessRequests: [], disclosure: [] }, now));
      return t.db.selectFrom("application").select(["source", "event_id"]).where("id", "=", applicationId).executeTakeFirstOrThrow();
    };
    expect(await apply(during, new Date(ev.startsAt.getTime() + HOUR))).toEqual({ source: "event", event_id: ev.id });
    expect(await apply(before, new Date(ev.startsAt.getTime() - MINUTE))).toEqual({ source: "self", event_id: null });
    expect(await apply(lateInWindow, new Date(ev.endsAt.getTime() + 30 * DAY))).toEqual({ source: "event", event_id: ev.id });
    expect(await apply(afterWindow, new Date(ev.endsAt.getTime() + 30 * DAY + MINUTE))).toEqual({ source: "self", event_id: null });
    expect(await apply(other, new Date(ev.startsAt.getTime() + HOUR), notBrought.id)).toEqual({ source: "self", event_id: null });
    expect(await apply(waitlisted, new Date(ev.startsAt.getTime() + HOUR))).toEqual({ source: "self", event_id: null });
    expect(await apply(absent, new Date(ev.startsAt.getTime() + HOUR))).toEqual({ source: "self", event_id: null });

    // An employer's invitation names the source; the event is recorded all the same (what the code does).
    await t.db.insertInto("vacancy_invitation").values({ vacancy_id: a.vacancy.id, seeker_id: invited.id, invited_by: a.user.id, message: null }).execute();
    expect(await apply(invited, new Date(ev.startsAt.getTime() + HOUR))).toEqual({ source: "invitation", event_id: ev.id });
  });

  it("the report counts bookings, attendance, interviews, applications, offers and hires per approved employer", async () => {
    const organizer = await staff("admin", "520100");
    const ev = await publishedEvent(organizer, { capacity: 10 });
    const a = await approvedEmployer(ev, organizer, { startsAt: at("09:00"), minutes: 30, count: 2 }, "A1");
    const b = await approvedEmployer(ev, organizer, { startsAt: at("09:00"), minutes: 30, count: 2 }, "B2");
    // A third employer still pending is not in the report.
    const c = await employerWithOrganization(t.db);
    ok(await applyToParticipate(t.db, c.actor, ev.id, { vacancyIds: [(await createVacancy(t.db, c.organization.id)).id], note: "" }));

    const [s1, s2, s3, s4] = [await seeker(), await seeker(), await seeker(), await seeker()];
    for (const s of [s1, s2, s3, s4]) await register(ev, s);
    ok(await bookSlot(t.db, s1, ev.id, a.slots[0]!.id));
    ok(await bookSlot(t.db, s1, ev.id, b.slots[1]!.id));
    ok(await bookSlot(t.db, s2, ev.id, a.slots[1]!.id));
    // Checked in: set directly, so the report's counting is tested apart from check-in (tested above).
    await t.db
      .updateTable("event_registration")
      .set({ checked_in_at: ev.startsAt })
      .where("event_id", "=", ev.id)
      .where("seeker_id", "in", [s1.id, s3.id, s4.id])
      .execute();

    const apply = async (s: Actor, vacancyId: string, now: Date) => ok(await applyToVacancy(t.db, s, vacancyId, { note: "", accessRequests: [], disclosure: [] }, now)).applicationId;
    const during = new Date(ev.startsAt.getTime() + 2 * HOUR);
    const hiredId = await apply(s1, a.vacancy.id, during);
    await apply(s2, b.vacancy.id, new Date(ev.startsAt.getTime() - HOUR)); // before the event: not the event's
    const rejectedId = await apply(s3, b.vacancy.id, during);
    const offeredId = await apply(s4, a.vacancy.id, during);
    expect(await moveApplication(t.db, a.actor, hiredId, { to: "offered" })).toEqual({ ok: true, value: { status: "offered" } });
    expect(await hireApplicant(t.db, a.actor, hiredId, { contractStart: EVENT_DAY, contractEnd: undefined, socialInsurance: "yes", monthlyPay: 3200 })).toMatchObject({ ok: true });
    expect(await moveApplication(t.db, b.actor, rejectedId, { to: "rejected" })).toEqual({ ok: true, value: { status: "rejected" } });
    // Offered and then turned down still counts as an offer.
    ok(await moveApplication(t.db, a.actor, offeredId, { to: "offered" }));
    ok(await moveApplication(t.db, a.actor, offeredId, { to: "rejected" }));

    const report = await eventReport(t.db, organizer, ev.id);
    expect(report.event).toMatchObject({ id: ev.id, registered: 4, waitlisted: 0 });
    expect(report.checkedIn).toBe(3);
    expect(report.rows).toEqual([
      { participationId: a.participationId, organizationName: a.organization.name, booth: "A1", registrations: 2, attendance: 1, interviews: 1, applications: 2, offers: 2, hires: 1 },
      { participationId: b.participationId, organizationName: b.organization.name, booth: "B2", registrations: 1, attendance: 1, interviews: 1, applications: 1, offers: 0, hires: 0 },
    ]);
    // Each employer sees its own row.
    expect((await getEmployerEvent(t.db, a.actor, ev.id)).report).toEqual(report.rows[0]);
    expect((await getEmployerEvent(t.db, b.actor, ev.id)).report).toEqual(report.rows[1]);

    // The report is the region's organizers' alone.
    await expect404(eventReport(t.db, await staff("admin", "520300"), ev.id));
    await expect404(eventReport(t.db, a.actor, ev.id));
    await expect404(eventReport(t.db, s1, ev.id));
  });
});

describe("the organizer's event", () => {
  it("is created and changed only within the organizer's region", async () => {
    const organizer = await staff("admin", "520100");
    expect(await createEvent(t.db, organizer, eventForm({ regionCode: "520302" }))).toEqual(err("events.err.regionOutside", "regionCode"));
    await expect404(createEvent(t.db, await staff("counselor", "520100"), eventForm()));
    const ev = await publishedEvent(organizer);
    await expect404(updateEvent(t.db, await staff("admin", "520300"), ev.id, ev.form));
    expect(await updateEvent(t.db, organizer, ev.id, { ...ev.form, regionCode: "520302" })).toEqual(err("events.err.regionOutside", "regionCode"));
    expect(await setEventStatus(t.db, organizer, ev.id, "published")).toEqual(err("events.err.notDraft"));
    const stored = await t.db.selectFrom("recruitment_event").select(["region_code", "starts_at", "ends_at", "registration_deadline"]).where("id", "=", ev.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ region_code: "520102", starts_at: ev.startsAt, ends_at: ev.endsAt, registration_deadline: ev.deadline });
  });
});
