import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Result } from "../accounts/accounts.server";
import { eventSchema, parseLocalDateTime, type EventInput } from "../events/events.schema";
import { createEvent, getEventPage, registerForEvent, setEventStatus } from "../events/events.server";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { judgeSchema, maskedName, resultSchema } from "./competitions.schema";
import {
  assignJudge,
  enterCategory,
  getCompetitionPage,
  getOrganizerCompetition,
  listJudges,
  recordResult,
  removeCategory,
  saveCategory,
  saveJudge,
  setJudgeActive,
  setResultsPublished,
  unassignJudge,
  withdrawEntry,
} from "./competitions.server";

const t = useTestDatabase();

const DAY = 24 * 3_600_000;
const EVENT_DAY = todayInShanghai(new Date(Date.now() + 10 * DAY));
const at = (hhmm: string) => `${EVENT_DAY}T${hhmm}`;

function token() {
  return `zc${Math.random().toString(36).slice(2, 9)}`;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

const err = (message: string, field = "") => ({ ok: false, fieldErrors: { [field]: [message] } });

async function expect404(p: Promise<unknown>) {
  await expect(p).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
}

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

async function seeker(realName?: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "seeker" });
  if (realName) await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), realName });
  return { id: u.id, role: "seeker", regionCode: null };
}

async function competition(organizer: Actor, overrides: Partial<Record<keyof EventInput, unknown>> = {}, publish = true) {
  const form = eventSchema.parse({
    title: `残疾人职业技能竞赛 ${token()}`,
    kind: "competition",
    startsAt: at("09:00"),
    endsAt: at("17:00"),
    registrationDeadline: at("08:00"),
    regionCode: "520102",
    venue: "贵阳市职业技能实训基地",
    capacity: 50,
    ...overrides,
  });
  const { eventId } = ok(await createEvent(t.db, organizer, form));
  if (publish) ok(await setEventStatus(t.db, organizer, eventId, "published"));
  return { id: eventId, startsAt: parseLocalDateTime(form.startsAt)!, deadline: parseLocalDateTime(form.registrationDeadline)! };
}

async function category(organizer: Actor, eventId: string, name = `电脑操作 ${token()}`) {
  return ok(await saveCategory(t.db, organizer, eventId, { name, description: "" })).categoryId;
}

async function judge(actor: Actor, regionCode: string, name = `裁判${token()}`) {
  return ok(await saveJudge(t.db, actor, judgeSchema.parse({ name, organization: "贵州省残疾人职业技能鉴定中心", specialities: "盲人按摩、电脑操作", regionCode }))).judgeId;
}

async function auditRows(entityId: string) {
  return t.db.selectFrom("audit_event").select(["actor_id", "subject_user_id", "action", "entity"]).where("entity_id", "=", entityId).orderBy("at").execute();
}

describe("a competition is an event kind", () => {
  it("is created by the events' form and takes no whole-event registration; its page has categories instead", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const s = await seeker();
    expect(await registerForEvent(t.db, s, ev.id, { accessRequests: [] })).toEqual(err("competitions.err.enterByCategory"));
    const page = await getEventPage(t.db, s, ev.id);
    expect(page.event.kind).toBe("competition");
    expect(await getCompetitionPage(t.db, s, ev.id)).toMatchObject({ categories: [], entryOpen: true, mine: [] });
  });

  it("is not a competition page for another kind of event", async () => {
    const organizer = await admin("520100");
    const general = eventSchema.parse({
      title: `招聘会 ${token()}`,
      kind: "general",
      startsAt: at("09:00"),
      endsAt: at("17:00"),
      registrationDeadline: at("08:00"),
      regionCode: "520102",
      venue: "南明区",
      capacity: 5,
    });
    const { eventId } = ok(await createEvent(t.db, organizer, general));
    expect(await getCompetitionPage(t.db, null, eventId)).toBeNull();
    await expect404(getOrganizerCompetition(t.db, organizer, eventId));
    await expect404(saveCategory(t.db, organizer, eventId, { name: "x", description: "" }));
  });
});

describe("cancelling a competition", () => {
  it("tells each entrant once, however many categories they entered; withdrawn entrants are not told", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const [a, b] = [await category(organizer, ev.id), await category(organizer, ev.id)];
    const [s1, s2] = [await seeker(), await seeker()];
    ok(await enterCategory(t.db, s1, ev.id, { categoryId: a, accessRequests: [] }));
    ok(await enterCategory(t.db, s1, ev.id, { categoryId: b, accessRequests: [] }));
    ok(await enterCategory(t.db, s2, ev.id, { categoryId: a, accessRequests: [] }));
    ok(await withdrawEntry(t.db, s2, ev.id, { categoryId: a }));
    ok(await setEventStatus(t.db, organizer, ev.id, "cancelled"));
    const told = await t.db.selectFrom("notification").select(["user_id", "kind"]).where("user_id", "in", [s1.id, s2.id]).execute();
    expect(told).toEqual([{ user_id: s1.id, kind: "event.cancelled" }]);
    expect(await enterCategory(t.db, s2, ev.id, { categoryId: a, accessRequests: [] })).toEqual(err("competitions.err.eventCancelled"));
  });
});

describe("categories", () => {
  it("are added, renamed and removed by the organizer, each write audited; a name is used once per competition", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const first = await category(organizer, ev.id, "盲人按摩");
    const second = await category(organizer, ev.id, "电脑操作");
    expect(await saveCategory(t.db, organizer, ev.id, { name: "盲人按摩", description: "" })).toEqual(err("competitions.err.categoryNameTaken", "name"));
    ok(await saveCategory(t.db, organizer, ev.id, { categoryId: second, name: "计算机文字录入", description: "限时 30 分钟" }));
    ok(await removeCategory(t.db, organizer, ev.id, { categoryId: first }));

    const view = await getOrganizerCompetition(t.db, organizer, ev.id);
    expect(view.categories.map((c) => [c.name, c.description])).toEqual([["计算机文字录入", "限时 30 分钟"]]);
    expect((await auditRows(first)).map((r) => [r.action, r.entity, r.actor_id])).toEqual([
      ["create", "competition_category", organizer.id],
      ["delete", "competition_category", organizer.id],
    ]);
    expect((await auditRows(second)).map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("a category someone has entered cannot be removed", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id);
    const s = await seeker();
    ok(await enterCategory(t.db, s, ev.id, { categoryId: c, accessRequests: [] }));
    expect(await removeCategory(t.db, organizer, ev.id, { categoryId: c })).toEqual(err("competitions.err.categoryHasEntries"));
    ok(await withdrawEntry(t.db, s, ev.id, { categoryId: c }));
    ok(await removeCategory(t.db, organizer, ev.id, { categoryId: c }));
  });

  it("an admin of another prefecture gets 404 for categories, judges' assignments, results and the entrants' list", async () => {
    const organizer = await admin("520100");
    const zunyi = await admin("520300");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id);
    const s = await seeker("王小明");
    const { entryId } = ok(await enterCategory(t.db, s, ev.id, { categoryId: c, accessRequests: ["interpreter"] }));
    const zunyiJudge = await judge(zunyi, "520302");

    await expect404(saveCategory(t.db, zunyi, ev.id, { name: "遵义加的项目", description: "" }));
    await expect404(saveCategory(t.db, zunyi, ev.id, { categoryId: c, name: "改名", description: "" }));
    await expect404(removeCategory(t.db, zunyi, ev.id, { categoryId: c }));
    await expect404(assignJudge(t.db, zunyi, ev.id, { categoryId: c, judgeId: zunyiJudge }));
    await expect404(recordResult(t.db, zunyi, ev.id, { entryId, rank: 1, award: "一等奖" } as never));
    await expect404(setResultsPublished(t.db, zunyi, ev.id, { categoryId: c }, true));
    await expect404(getOrganizerCompetition(t.db, zunyi, ev.id));
    // Nothing changed, and the refused list read wrote no audit row naming the entrant.
    expect((await getOrganizerCompetition(t.db, organizer, ev.id)).categories).toMatchObject([{ id: c, judges: [], entrants: [{ rank: null }] }]);
    const reads = await t.db.selectFrom("audit_event").select("actor_id").where("entity", "=", "competition_entries").where("entity_id", "=", ev.id).execute();
    expect(reads.map((r) => r.actor_id)).toEqual([organizer.id]);
  });
});

describe("entries", () => {
  it("a seeker enters a category with access requests, once per category; the organizer's list names them with their requests, audited", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const massage = await category(organizer, ev.id, "保健按摩");
    const computer = await category(organizer, ev.id, "电脑操作");
    const s = await seeker("李明");

    const first = ok(await enterCategory(t.db, s, ev.id, { categoryId: massage, accessRequests: ["interpreter", "companion", "interpreter"] }));
    expect(first.created).toBe(true);
    // Entering the same category again changes the requests of the one entry there is.
    const again = ok(await enterCategory(t.db, s, ev.id, { categoryId: massage, accessRequests: ["captions"] }));
    expect(again).toEqual({ entryId: first.entryId, created: false });
    // In parallel too: one row per category and seeker.
    const parallel = await Promise.all(Array.from({ length: 5 }, () => enterCategory(t.db, s, ev.id, { categoryId: computer, accessRequests: [] })));
    expect(parallel.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    const rows = await t.db.selectFrom("competition_entry").select(["category_id", "access_requests", "status"]).where("seeker_id", "=", s.id).orderBy("created_at").execute();
    expect(rows).toEqual([
      { category_id: massage, access_requests: ["captions"], status: "entered" },
      { category_id: computer, access_requests: [], status: "entered" },
    ]);

    const view = await getOrganizerCompetition(t.db, organizer, ev.id, { ip: "203.0.113.9" });
    expect(view.people).toBe(1);
    expect(view.categories[0]!.entrants).toEqual([expect.objectContaining({ name: "李明", status: "entered", accessRequests: ["captions"] })]);
    // No disability detail travels with the list.
    expect(JSON.stringify(view)).not.toMatch(/disability|category_code|grade/i);
    const reads = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "subject_user_id", "reason", "ip"])
      .where("entity", "=", "competition_entries")
      .where("entity_id", "=", ev.id)
      .execute();
    expect(reads).toEqual([{ actor_id: organizer.id, subject_user_id: s.id, reason: "competition organizer", ip: "203.0.113.9" }]);
    expect((await auditRows(first.entryId)).map((r) => [r.action, r.subject_user_id])).toEqual([
      ["create", s.id],
      ["update", s.id],
    ]);

    const page = await getCompetitionPage(t.db, s, ev.id);
    expect(page!.mine).toEqual([
      { categoryId: massage, categoryName: "保健按摩", status: "entered", accessRequests: ["captions"], result: null },
      { categoryId: computer, categoryName: "电脑操作", status: "entered", accessRequests: [], result: null },
    ]);
    expect(page!.categories.map((c) => c.entrants)).toEqual([1, 1]);
  });

  it("after the registration deadline an entry is refused; before the start it may be withdrawn, after it not", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id);
    const s = await seeker();
    const late = new Date(ev.deadline.getTime() + 60_000);
    expect(await enterCategory(t.db, s, ev.id, { categoryId: c, accessRequests: [] }, late)).toEqual(err("competitions.err.entryClosed"));
    expect(await t.db.selectFrom("competition_entry").select("id").where("seeker_id", "=", s.id).execute()).toHaveLength(0);

    ok(await enterCategory(t.db, s, ev.id, { categoryId: c, accessRequests: [] }));
    expect(await withdrawEntry(t.db, s, ev.id, { categoryId: c }, new Date(ev.startsAt.getTime() + 1))).toEqual(err("competitions.err.withdrawStarted"));
    ok(await withdrawEntry(t.db, s, ev.id, { categoryId: c }));
    expect(await withdrawEntry(t.db, s, ev.id, { categoryId: c })).toEqual(err("competitions.err.notEntered"));
    // Taking it up again before the deadline reuses the one row.
    expect(ok(await enterCategory(t.db, s, ev.id, { categoryId: c, accessRequests: ["quiet_space"] })).created).toBe(true);
    expect(await t.db.selectFrom("competition_entry").select(["status", "access_requests"]).where("seeker_id", "=", s.id).execute()).toEqual([
      { status: "entered", access_requests: ["quiet_space"] },
    ]);
  });

  it("the capacity counts people over all categories; a draft or another event's category is not entered", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer, { capacity: 2 });
    const [a, b] = [await category(organizer, ev.id), await category(organizer, ev.id)];
    const [s1, s2, s3] = [await seeker(), await seeker(), await seeker()];
    ok(await enterCategory(t.db, s1, ev.id, { categoryId: a, accessRequests: [] }));
    ok(await enterCategory(t.db, s1, ev.id, { categoryId: b, accessRequests: [] }));
    ok(await enterCategory(t.db, s2, ev.id, { categoryId: a, accessRequests: [] }));
    expect(await enterCategory(t.db, s3, ev.id, { categoryId: b, accessRequests: [] })).toEqual(err("competitions.err.full"));
    expect((await getCompetitionPage(t.db, s3, ev.id))!.full).toBe(true);

    const other = await competition(organizer);
    expect(await enterCategory(t.db, s3, other.id, { categoryId: a, accessRequests: [] })).toEqual(err("competitions.err.categoryRequired", "categoryId"));
    const draft = await competition(organizer, {}, false);
    const draftCategory = await category(organizer, draft.id);
    await expect404(enterCategory(t.db, s3, draft.id, { categoryId: draftCategory, accessRequests: [] }));
    await expect404(getCompetitionPage(t.db, s3, draft.id));
    // Staff may not enter.
    await expect404(enterCategory(t.db, organizer, ev.id, { categoryId: a, accessRequests: [] }));
  });
});

describe("the judges' pool", () => {
  it("an admin keeps their region's judges; another prefecture's admin neither adds there nor edits them", async () => {
    const guiyang = await admin("520100");
    const zunyi = await admin("520300");
    const j = await judge(guiyang, "520102", `张${token()}`);
    const row = await t.db.selectFrom("judge").select(["specialities", "region_code", "active", "created_by"]).where("id", "=", j).executeTakeFirstOrThrow();
    expect(row).toEqual({ specialities: ["盲人按摩", "电脑操作"], region_code: "520102", active: true, created_by: guiyang.id });

    expect(await saveJudge(t.db, zunyi, judgeSchema.parse({ name: "越界", organization: "", specialities: "刺绣", regionCode: "520102" }))).toEqual(
      err("competitions.err.regionOutside", "regionCode"),
    );
    await expect404(saveJudge(t.db, zunyi, judgeSchema.parse({ judgeId: j, name: "改名", organization: "", specialities: "刺绣", regionCode: "520302" })));
    await expect404(setJudgeActive(t.db, zunyi, { judgeId: j, active: false }));
    expect((await listJudges(t.db, zunyi)).map((x) => x.id)).not.toContain(j);
    expect((await listJudges(t.db, guiyang)).map((x) => x.id)).toContain(j);
    const province = await admin("520000");
    expect((await listJudges(t.db, province)).map((x) => x.id)).toContain(j);
    // Seekers and counselors have no pool.
    await expect404(listJudges(t.db, await seeker()));

    ok(await setJudgeActive(t.db, guiyang, { judgeId: j, active: false }));
    expect((await auditRows(j)).map((r) => [r.action, r.entity, r.subject_user_id])).toEqual([
      ["create", "judge", null],
      ["deactivate", "judge", null],
    ]);
  });

  it("a judge of the region is assigned to a category once; inactive judges and other prefectures' are not assignable", async () => {
    const organizer = await admin("520100");
    const province = await admin("520000");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id);
    const local = await judge(organizer, "520103");
    const provincial = await judge(province, "520000");
    const zunyi = await judge(province, "520302");
    const retired = await judge(organizer, "520102");
    ok(await setJudgeActive(t.db, organizer, { judgeId: retired, active: false }));

    ok(await assignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: local }));
    expect(await assignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: local })).toEqual(err("competitions.err.judgeAlreadyAssigned", "judgeId"));
    const twice = await Promise.all([1, 2, 3].map(() => assignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: provincial })));
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(await assignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: zunyi })).toEqual(err("competitions.err.judgeNotAssignable", "judgeId"));
    expect(await assignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: retired })).toEqual(err("competitions.err.judgeNotAssignable", "judgeId"));

    const view = await getOrganizerCompetition(t.db, organizer, ev.id);
    expect(view.categories[0]!.judges.map((j) => j.id).sort()).toEqual([local, provincial].sort());
    const assignable = view.assignable.map((j) => j.id);
    expect(assignable).toEqual(expect.arrayContaining([local, provincial]));
    expect(assignable).not.toContain(zunyi);
    expect(assignable).not.toContain(retired);

    ok(await unassignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: local }));
    expect(await unassignJudge(t.db, organizer, ev.id, { categoryId: c, judgeId: local })).toEqual(err("competitions.err.judgeNotAssigned"));
    expect((await auditRows(`${c}:${local}`)).map((r) => r.action)).toEqual(["assign", "unassign"]);
  });
});

describe("results", () => {
  it("a rank is held once within a category (also in parallel); results show to the public masked, and only once published", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id, "盲人保健按摩");
    const other = await category(organizer, ev.id, "电脑操作");
    const [s1, s2, s3] = [await seeker("王芳"), await seeker("陈建国"), await seeker("刘洋")];
    const e1 = ok(await enterCategory(t.db, s1, ev.id, { categoryId: c, accessRequests: [] })).entryId;
    const e2 = ok(await enterCategory(t.db, s2, ev.id, { categoryId: c, accessRequests: [] })).entryId;
    const e3 = ok(await enterCategory(t.db, s3, ev.id, { categoryId: other, accessRequests: [] })).entryId;

    const result = (entryId: string, rank: string, award: string, score = "") => resultSchema.parse({ entryId, rank, award, score });
    ok(await recordResult(t.db, organizer, ev.id, result(e1, "1", "一等奖", "95.5")));
    expect(await recordResult(t.db, organizer, ev.id, result(e2, "1", "一等奖"))).toEqual(err("competitions.err.rankTaken", "rank"));
    // Rank 1 of another category is another rank.
    ok(await recordResult(t.db, organizer, ev.id, result(e3, "1", "一等奖")));
    // Two results claiming rank 2 at once: one is kept.
    const both = await Promise.all([recordResult(t.db, organizer, ev.id, result(e1, "2", "二等奖")), recordResult(t.db, organizer, ev.id, result(e2, "2", "二等奖"))]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    ok(await recordResult(t.db, organizer, ev.id, result(e1, "1", "一等奖", "95.5")));
    ok(await recordResult(t.db, organizer, ev.id, result(e2, "2", "二等奖", "88")));
    const stored = await t.db.selectFrom("competition_entry").select(["id", "score", "rank", "award"]).where("category_id", "=", c).orderBy("rank").execute();
    expect(stored.map((r) => [r.id, Number(r.score), r.rank, r.award])).toEqual([
      [e1, 95.5, 1, "一等奖"],
      [e2, 88, 2, "二等奖"],
    ]);
    expect((await auditRows(e1)).filter((r) => r.entity === "competition_result").map((r) => [r.actor_id, r.subject_user_id])).toContainEqual([organizer.id, s1.id]);

    // Not published: nobody sees results, not even the entrant's own.
    let page = await getCompetitionPage(t.db, null, ev.id);
    expect(page!.categories.map((x) => x.results)).toEqual([null, null]);
    expect((await getCompetitionPage(t.db, s1, ev.id))!.mine![0]!.result).toBeNull();

    expect(await setResultsPublished(t.db, organizer, ev.id, { categoryId: other }, true)).toMatchObject({ ok: true });
    ok(await setResultsPublished(t.db, organizer, ev.id, { categoryId: c }, true));
    page = await getCompetitionPage(t.db, null, ev.id);
    expect(page!.categories[0]!.results).toEqual([
      { rank: 1, award: "一等奖", name: "王＊" },
      { rank: 2, award: "二等奖", name: "陈＊" },
    ]);
    expect(JSON.stringify(page)).not.toContain("王芳");
    expect((await getCompetitionPage(t.db, s1, ev.id))!.mine![0]!.result).toEqual({ score: "95.50", rank: 1, award: "一等奖" });
    expect((await auditRows(c)).map((r) => r.action)).toContain("publish");

    // A withdrawn entry takes no result.
    const s4 = await seeker();
    const e4 = ok(await enterCategory(t.db, s4, ev.id, { categoryId: c, accessRequests: [] })).entryId;
    ok(await withdrawEntry(t.db, s4, ev.id, { categoryId: c }));
    expect(await recordResult(t.db, organizer, ev.id, result(e4, "3", "优秀奖"))).toEqual(err("competitions.err.entryWithdrawn"));
  });

  it("results of a category with none recorded are not published; the schema refuses odd ranks and scores", async () => {
    const organizer = await admin("520100");
    const ev = await competition(organizer);
    const c = await category(organizer, ev.id);
    expect(await setResultsPublished(t.db, organizer, ev.id, { categoryId: c }, true)).toEqual(err("competitions.err.noResults"));
    const id = "00000000-0000-4000-8000-000000000000";
    expect(resultSchema.safeParse({ entryId: id, rank: "0" }).success).toBe(false);
    expect(resultSchema.safeParse({ entryId: id, rank: "1.5" }).success).toBe(false);
    expect(resultSchema.safeParse({ entryId: id, score: "10.555" }).success).toBe(false);
    expect(resultSchema.safeParse({ entryId: id, score: "-1" }).success).toBe(false);
    expect(resultSchema.parse({ entryId: id, score: "", rank: "", award: "" })).toEqual({ entryId: id, score: undefined, rank: undefined, award: "" });
    expect(maskedName("欧阳娜娜")).toBe("欧＊");
    expect(maskedName("")).toBe("＊");
  });
});
