/**
 * Vacancy alerts (issue 17): publishing a vacancy enqueues `alerts.match`, run here with the in-process queue's
 * runDue on the test database (PGlite, or PostgreSQL with DATABASE_URL). Every search looks for a keyword unique to
 * this run, so vacancies other test files left in a shared database never match.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser, createSeekerProfile, createVacancy } from "../../../tests/fixtures/factories";
import { actorOf, employerWithOrganization, vacancyInput } from "../../../tests/fixtures/vacancies";
import { InProcessQueue } from "../../../jobs/in-process";
import { setJobQueue } from "../../../jobs/runtime";
import { DAILY_ALERT_CAP } from "../notifications/channels";
import { changeVacancyStatus, createVacancyDraft } from "../vacancies/vacancies.server";
import { alertHooks, matchVacancyAlerts, nextDigestAt, sendDigests, shanghaiDayStart } from "./alerts.server";
import { DIGEST_JOB, MATCH_JOB } from "./jobs.server";
import { saveSearch } from "./saved-searches.server";
import type { Frequency } from "./saved-searches.schema";

const t = useTestDatabase();
let queue: InProcessQueue;
const run = randomBytes(3).toString("hex");
let n = 0;
/** A keyword no other vacancy has: "岗位" + a word made of this run's letters. */
const keyword = () => `kw${run}x${(n += 1)}`;

beforeAll(() => {
  queue = new InProcessQueue({
    db: () => t.db,
    definitions: async () => (await import("../../../jobs/definitions")).definitions,
    log: () => undefined,
  });
  setJobQueue(queue);
});

afterEach(() => {
  alertHooks.afterInsert = null;
});

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const user = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, user.id, { regionCode: "520102", ...overrides });
  return user;
}

async function saved(user: { id: string }, query: string, frequency: Frequency = "daily") {
  const r = await saveSearch(t.db, actorOf({ id: user.id, role: "seeker" }), { query, frequency }, { locale: "zh-CN" });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value.id;
}

/** A draft (sign language, flexible hours; demands public facing; 南明区) with the keyword in its title. */
async function draft(word: string, employer?: Awaited<ReturnType<typeof employerWithOrganization>>) {
  const e = employer ?? (await employerWithOrganization(t.db));
  const r = await createVacancyDraft(t.db, e.actor, vacancyInput(e.organization.id, { title: `客服专员 ${word}` }));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { ...e, vacancyId: r.value.id };
}

async function setStatus(v: { actor: ReturnType<typeof actorOf>; vacancyId: string }, action: "publish" | "close" | "reopen") {
  const r = await changeVacancyStatus(t.db, v.actor, v.vacancyId, action);
  expect(r.ok).toBe(true);
}

async function allAlertsOf(vacancyId: string) {
  return t.db.selectFrom("vacancy_alert").select(["user_id", "saved_search_id", "seeker_id", "sent_at"]).where("vacancy_id", "=", vacancyId).execute();
}

/** The saved searches' alerts (on a shared database, counselors other files left opted in get caseload rows too). */
async function alertsOf(vacancyId: string) {
  return (await allAlertsOf(vacancyId)).filter((r) => r.saved_search_id !== null);
}

async function notificationsOf(userId: string, kind: string) {
  return t.db.selectFrom("notification").select(["params", "link"]).where("user_id", "=", userId).where("kind", "=", kind).execute();
}

/** Runs the alert jobs due now (only this file's kinds: delivery jobs are the mail's tests'). */
const runMatches = () => queue.runDue([MATCH_JOB]);

describe("matching a published vacancy", () => {
  it("alerts each seeker whose search finds it and whom it suits exactly once — also after closing and reopening", async () => {
    const word = keyword();
    const [a, b, wrongWord, unsuited, off, needy] = await Promise.all([seeker(), seeker(), seeker(), seeker({ limits: ["public_facing"] }), seeker(), seeker({ needsRequired: ["braille"] })]);
    const searchA = await saved(a, `q=${word}`);
    // With a place and an accommodation the vacancy offers, and showing everything: still found and suited.
    const searchB = await saved(b, `q=${word}&region=520100&acc=sign_language&show=all&page=3`);
    await saved(wrongWord, `q=${keyword()}`);
    await saved(unsuited, `q=${word}`);
    await saved(off, `q=${word}`, "off");
    await saved(needy, `q=${word}`);

    const v = await draft(word);
    await runMatches();
    expect(await alertsOf(v.vacancyId)).toEqual([]); // a draft alerts nobody

    await setStatus(v, "publish");
    expect(await runMatches()).toBeGreaterThanOrEqual(1);
    const first = await alertsOf(v.vacancyId);
    expect(first.map((r) => r.saved_search_id).sort()).toEqual([searchA, searchB].sort());
    expect(first.every((r) => r.sent_at === null)).toBe(true); // daily: waiting for the digest

    await setStatus(v, "close");
    await setStatus(v, "reopen");
    await runMatches();
    const again = await alertsOf(v.vacancyId);
    expect(again).toHaveLength(2);
    const jobs = await t.db.selectFrom("job").select("state").where("name", "=", MATCH_JOB).where(sql<boolean>`data->>'vacancyId' = ${v.vacancyId}`).execute();
    expect(jobs.map((j) => j.state)).toEqual(["completed", "completed"]); // it did run twice
  });

  it("a job that crashes after its first alert and runs again alerts each seeker once", async () => {
    const word = keyword();
    const [a, b] = await Promise.all([seeker(), seeker()]);
    await saved(a, `q=${word}`, "immediate");
    await saved(b, `q=${word}`, "immediate");
    const v = await draft(word);
    let inserts = 0;
    alertHooks.afterInsert = () => {
      inserts += 1;
      if (inserts === 1) throw new Error("worker crashed");
    };
    await setStatus(v, "publish");
    await runMatches();
    // The first search's transaction was rolled back with its notification; the job waits for its retry.
    const job = await t.db.selectFrom("job").select(["id", "state"]).where("name", "=", MATCH_JOB).where(sql<boolean>`data->>'vacancyId' = ${v.vacancyId}`).executeTakeFirstOrThrow();
    expect(job.state).toBe("retry");
    await t.db.updateTable("job").set({ start_after: new Date(Date.now() - 1000) }).where("id", "=", job.id).execute();
    await runMatches();
    expect(await alertsOf(v.vacancyId)).toHaveLength(2);
    for (const user of [a, b]) expect(await notificationsOf(user.id, "alert.vacancy")).toHaveLength(1);

    // A crash after a committed alert: that one is kept, the rerun adds only the other.
    const word2 = keyword();
    const [c, d] = await Promise.all([seeker(), seeker()]);
    await saved(c, `q=${word2}`, "immediate");
    await saved(d, `q=${word2}`, "immediate");
    const w = await draft(word2);
    await t.db.updateTable("vacancy").set({ status: "open", published_at: new Date() }).where("id", "=", w.vacancyId).execute();
    let calls = 0;
    alertHooks.afterInsert = () => {
      calls += 1;
      if (calls === 2) throw new Error("worker crashed");
    };
    await expect(matchVacancyAlerts(t.db, w.vacancyId)).rejects.toThrow("worker crashed");
    expect(await alertsOf(w.vacancyId)).toHaveLength(1);
    alertHooks.afterInsert = null;
    const rerun = await matchVacancyAlerts(t.db, w.vacancyId);
    expect(rerun.searchAlerts).toBe(1);
    expect(await alertsOf(w.vacancyId)).toHaveLength(2);
    for (const user of [c, d]) {
      const sent = await notificationsOf(user.id, "alert.vacancy");
      expect(sent).toHaveLength(1);
      expect(sent[0]!.link).toBe(`/vacancies/${w.vacancyId}`);
      expect(sent[0]!.params).toMatchObject({ vacancy: `客服专员 ${word2}`, search: `“${word2}”` });
    }
    expect((await matchVacancyAlerts(t.db, w.vacancyId)).searchAlerts).toBe(0);
  });

  it("finds by the search's filters: a place, an accommodation or a pay the vacancy does not have finds nothing", async () => {
    const word = keyword();
    const users = await Promise.all([seeker(), seeker(), seeker(), seeker(), seeker()]);
    const [otherPlace, otherAcc, tooMuchPay, remoteOnly, fits] = users;
    await saved(otherPlace!, `q=${word}&region=520300`);
    await saved(otherAcc!, `q=${word}&acc=braille`);
    await saved(tooMuchPay!, `q=${word}&payMin=5000`);
    await saved(remoteOnly!, `q=${word}&remote=1`);
    const fitting = await saved(fits!, `region=520102&acc=flexible_hours&payMin=4000&type=full_time&q=${word}`);
    const v = await draft(word);
    await setStatus(v, "publish");
    await runMatches();
    expect((await alertsOf(v.vacancyId)).map((r) => r.saved_search_id)).toEqual([fitting]);
  });
});

describe("counselors' caseload alerts", () => {
  it("tells a counselor who opted in once per vacancy, with how many people on the caseload it suits", async () => {
    const word = keyword();
    const [counselor, quiet] = await Promise.all([
      createUser(t.db, { role: "counselor", regionCode: "520102" }),
      createUser(t.db, { role: "counselor", regionCode: "520102" }),
    ]);
    await t.db.updateTable("app_user").set({ caseload_alerts: true }).where("id", "=", counselor.id).execute();
    const [p1, p2, p3] = await Promise.all([seeker(), seeker(), seeker({ limits: ["public_facing"] })]);
    await t.db
      .insertInto("caseload_assignment")
      .values([
        { seeker_id: p1.id, counselor_id: counselor.id },
        { seeker_id: p2.id, counselor_id: counselor.id },
        { seeker_id: p3.id, counselor_id: counselor.id },
        { seeker_id: p1.id, counselor_id: quiet.id, ended_at: new Date() },
      ])
      .execute();
    const v = await draft(word);
    // Caseload alerts do not need a saved search: every open vacancy is matched against opted-in caseloads.
    await setStatus(v, "publish");
    await runMatches();
    const rows = (await allAlertsOf(v.vacancyId)).filter((r) => r.user_id === counselor.id);
    expect(rows.map((r) => r.seeker_id).sort()).toEqual([p1.id, p2.id].sort());
    let told = await notificationsOf(counselor.id, "alert.caseload");
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ count: 2 });
    expect(await notificationsOf(quiet.id, "alert.caseload")).toHaveLength(0);

    await setStatus(v, "close");
    await setStatus(v, "reopen");
    await runMatches();
    told = await notificationsOf(counselor.id, "alert.caseload");
    expect(told).toHaveLength(1);
    expect((await allAlertsOf(v.vacancyId)).filter((r) => r.user_id === counselor.id)).toHaveLength(2);
    // Not left opted in: on a shared database the next run's vacancies would suit this caseload too.
    await t.db.updateTable("app_user").set({ caseload_alerts: false }).where("id", "=", counselor.id).execute();
  });
});

describe("digests and the daily cap", () => {
  it("the daily digest collects the waiting alerts of open vacancies, marks them sent, and a rerun sends nothing", async () => {
    const word = keyword();
    const [a, weekly] = await Promise.all([seeker(), seeker()]);
    await saved(a, `q=${word}`);
    await saved(a, `q=${word}&acc=sign_language`); // the same vacancy twice: listed once
    await saved(weekly, `q=${word}`, "weekly");
    const e = await employerWithOrganization(t.db);
    const v1 = await draft(`${word} 一`, e);
    const v2 = await draft(`${word} 二`, e);
    const v3 = await draft(`${word} 三`, e);
    for (const v of [v1, v2, v3]) await setStatus(v, "publish");
    await runMatches();
    await setStatus(v3, "close"); // closed before the digest: left out of it

    await queue.send(t.db, DIGEST_JOB, { frequency: "daily" });
    await queue.runDue([DIGEST_JOB]);
    const digests = await notificationsOf(a.id, "alert.digest");
    expect(digests).toHaveLength(1);
    const params = digests[0]!.params as { count: number; frequency: string; items: { title: string; link: string }[] };
    expect(params.count).toBe(2);
    expect(params.frequency).toBe("daily");
    expect(params.items.map((i) => i.link).sort()).toEqual([`/vacancies/${v1.vacancyId}`, `/vacancies/${v2.vacancyId}`].sort());
    expect(digests[0]!.link).toBe("/saved-searches");
    const mine = await t.db.selectFrom("vacancy_alert").select(["vacancy_id", "sent_at"]).where("user_id", "=", a.id).execute();
    expect(mine.filter((r) => r.sent_at !== null)).toHaveLength(4);
    expect(mine.filter((r) => r.sent_at === null).map((r) => r.vacancy_id)).toEqual([v3.vacancyId, v3.vacancyId]);
    // The weekly search waits for Monday's.
    expect(await notificationsOf(weekly.id, "alert.digest")).toHaveLength(0);

    await queue.send(t.db, DIGEST_JOB, { frequency: "daily" });
    await queue.runDue([DIGEST_JOB]);
    expect(await notificationsOf(a.id, "alert.digest")).toHaveLength(1);

    // The run scheduled the next one at 08:30 Shanghai, once.
    const next = await t.db
      .selectFrom("job")
      .select(["start_after", "singleton_key"])
      .where("name", "=", DIGEST_JOB)
      .where("state", "=", "created")
      .where(sql<boolean>`data->>'frequency' = 'daily'`)
      .execute();
    expect(next).toHaveLength(1);
    expect(next[0]!.start_after.getTime()).toBe(nextDigestAt("daily", new Date()).getTime());

    const weeklyRun = await sendDigests(t.db, "weekly");
    expect(weeklyRun.people).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(weekly.id, "alert.digest")).toHaveLength(1);
  });

  it("nobody is sent more than the daily cap: immediate alerts over it wait for the next day's digest", async () => {
    const word = keyword();
    const a = await seeker();
    const search = await saved(a, `q=${word}`, "immediate");
    const e = await employerWithOrganization(t.db);
    // DAILY_ALERT_CAP alerts already sent today (for vacancies of the same organization).
    const earlier = [];
    for (let i = 0; i < DAILY_ALERT_CAP; i++) earlier.push(await createVacancy(t.db, e.organization.id, { title: `旧岗位 ${word} ${i}` }));
    const now = new Date();
    await t.db
      .insertInto("vacancy_alert")
      .values(earlier.map((v) => ({ user_id: a.id, saved_search_id: search, vacancy_id: v.id, sent_at: now })))
      .execute();
    // Sent yesterday: does not count.
    await t.db
      .updateTable("vacancy_alert")
      .set({ sent_at: new Date(shanghaiDayStart(now).getTime() - 1000) })
      .where("vacancy_id", "=", earlier[0]!.id)
      .execute();

    const v1 = await draft(`${word} 一`, e);
    await setStatus(v1, "publish");
    await runMatches();
    expect(await notificationsOf(a.id, "alert.vacancy")).toHaveLength(1); // 19 sent today: room for one

    const v2 = await draft(`${word} 二`, e);
    await setStatus(v2, "publish");
    await runMatches();
    expect(await notificationsOf(a.id, "alert.vacancy")).toHaveLength(1);
    const held = (await alertsOf(v2.vacancyId)).filter((r) => r.user_id === a.id);
    expect(held).toHaveLength(1);
    expect(held[0]!.sent_at).toBeNull();

    // Today's digest has no room left; tomorrow's carries it.
    expect((await sendDigests(t.db, "daily", { now })).people).toBe(0);
    const tomorrow = new Date(shanghaiDayStart(now).getTime() + 86_400_000 + 8.5 * 3_600_000);
    await sendDigests(t.db, "daily", { now: tomorrow });
    const digests = await notificationsOf(a.id, "alert.digest");
    expect(digests).toHaveLength(1);
    expect((digests[0]!.params as { items: { link: string }[] }).items.map((i) => i.link)).toContain(`/vacancies/${v2.vacancyId}`);
  });

  it("the next digest is 08:30 Shanghai the next morning, and on a Monday for the weekly one", () => {
    // Sunday 6 December 2026, 20:00 UTC = Monday 04:00 in Shanghai.
    const now = new Date("2026-12-06T20:00:00Z");
    expect(nextDigestAt("daily", now).toISOString()).toBe("2026-12-07T00:30:00.000Z");
    expect(nextDigestAt("weekly", now).toISOString()).toBe("2026-12-07T00:30:00.000Z");
    const after = new Date("2026-12-07T00:30:00Z");
    expect(nextDigestAt("daily", after).toISOString()).toBe("2026-12-08T00:30:00.000Z");
    expect(nextDigestAt("weekly", after).toISOString()).toBe("2026-12-14T00:30:00.000Z");
  });
});
