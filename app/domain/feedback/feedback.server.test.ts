import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { feedbackSchema, handleFeedbackSchema, isReplyContact, pageFromRequest, type FeedbackInput } from "./feedback.schema";
import {
  FEEDBACK_LIMITS,
  feedbackReference,
  feedbackWaiting,
  getFeedback,
  handleFeedback,
  listFeedback,
  sentFeedback,
  submitFeedback,
  workingDaysSince,
} from "./feedback.server";

const t = useTestDatabase();

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

async function actor(role: "seeker" | "employer" | "counselor" | "admin", regionCode: string | null = null): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

/**
 * A moment of its own for each test: the PostgreSQL test database is shared and kept between runs, so limits and
 * day numbers are counted in a far-off hour no other run uses (no one else writes feedback there).
 */
function freshHour(): Date {
  const year = 2300 + Math.floor(Math.random() * 5000);
  const day = 1 + Math.floor(Math.random() * 27);
  return new Date(Date.UTC(year, Math.floor(Math.random() * 12), day, 2, Math.floor(Math.random() * 50), 0));
}

const barrier: FeedbackInput = { kind: "barrier", page: "/vacancies", message: "读屏软件读不出搜索按钮。", contact: "138 0000 0001" };

describe("the feedback form's schema", () => {
  const parse = (v: Record<string, unknown>) => feedbackSchema.safeParse(v);
  const errors = (v: Record<string, unknown>) => {
    const r = parse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("asks for a kind from the list and a message; page and contact are optional", () => {
    expect(errors({})).toEqual({ kind: "basics.err.kindRequired", message: "basics.err.messageRequired" });
    expect(errors({ kind: "complaint", message: "x" })).toEqual({ kind: "basics.err.kindRequired" });
    expect(errors({ kind: "other", message: "   " })).toEqual({ message: "basics.err.messageRequired" });
    expect(parse({ kind: "other", message: " 很好用 " })).toEqual({ success: true, data: { kind: "other", message: "很好用" } });
  });

  it("refuses a message over 2,000 characters, a page over 300, a contact over 100", () => {
    expect(errors({ kind: "other", message: "字".repeat(2000) })).toEqual({});
    expect(errors({ kind: "other", message: "字".repeat(2001) })).toEqual({ message: "basics.err.messageLong" });
    expect(errors({ kind: "other", message: "x", page: "/".padEnd(301, "a") })).toEqual({ page: "basics.err.pageLong" });
    expect(errors({ kind: "other", message: "x", contact: `${"a".repeat(96)}@b.cn` })).toEqual({ contact: "basics.err.contactLong" });
  });

  it("takes phone numbers and emails as people write them, and nothing that is neither", () => {
    for (const ok of ["13800000001", "138 0000 0001", "+86 138-0000-0001", "0851-8123 4567", "（0851）81234567", "name@example.com", "王@例子.中国"]) {
      expect(isReplyContact(ok), ok).toBe(true);
    }
    for (const bad of ["1234", "微信 wxid_123", "name@example", "138000000011380000000", "call me"]) {
      expect(isReplyContact(bad), bad).toBe(false);
    }
    expect(errors({ kind: "other", message: "x", contact: "微信号 abc" })).toEqual({ contact: "basics.err.contactFormat" });
  });

  it("the handling form needs an outcome (answered or closed, not new) and a note", () => {
    const id = "7b0e6f3c-5d1a-4c2e-9f7a-1b2c3d4e5f60";
    expect(handleFeedbackSchema.safeParse({ id, status: "answered", response: "已电话答复" }).success).toBe(true);
    const bad = handleFeedbackSchema.safeParse({ id, status: "new", response: " " });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message).sort()).toEqual(["basics.err.responseRequired", "basics.err.statusRequired"]);
  });
});

describe("prefilling the page from where the form was opened", () => {
  const form = (query = "") => new URL(`https://qiancheng.example/feedback${query}`);

  it("takes ?page= when it is a path on this site, else a Referer from this site", () => {
    expect(pageFromRequest(form("?page=%2Fvacancies%2F12"), "https://qiancheng.example/events")).toBe("/vacancies/12");
    expect(pageFromRequest(form(), "https://qiancheng.example/vacancies?q=%E6%89%93%E5%AD%97")).toBe("/vacancies?q=%E6%89%93%E5%AD%97");
  });

  it("never another site's address, a protocol-relative one, or the form itself", () => {
    expect(pageFromRequest(form("?page=https://evil.example/x"), null)).toBeUndefined();
    expect(pageFromRequest(form("?page=//evil.example/x"), null)).toBeUndefined();
    expect(pageFromRequest(form(), "https://evil.example/vacancies")).toBeUndefined();
    expect(pageFromRequest(form(), "http://qiancheng.example/vacancies")).toBeUndefined();
    expect(pageFromRequest(form(), "https://qiancheng.example/feedback?kind=barrier")).toBeUndefined();
    expect(pageFromRequest(form(), "not a url")).toBeUndefined();
  });
});

describe("references and working days", () => {
  it("a reference is the day in Shanghai and the number that day", () => {
    // 2026-12-06 17:30 UTC is already 7 December in Shanghai.
    expect(feedbackReference(new Date("2026-12-06T17:30:00Z"), 7)).toBe("20261207-007");
    expect(feedbackReference(new Date("2026-12-06T15:59:59Z"), 123)).toBe("20261206-123");
  });

  it("counts Monday to Friday days after the day sent, in Shanghai", () => {
    const friday = new Date("2026-12-04T02:00:00Z"); // Friday 4 December, 10:00 in Shanghai
    expect(workingDaysSince(friday, new Date("2026-12-04T15:00:00Z"))).toBe(0);
    expect(workingDaysSince(friday, new Date("2026-12-06T10:00:00Z"))).toBe(0); // Sunday
    expect(workingDaysSince(friday, new Date("2026-12-07T01:00:00Z"))).toBe(1); // Monday
    expect(workingDaysSince(friday, new Date("2026-12-11T10:00:00Z"))).toBe(5); // the next Friday: due today
    expect(workingDaysSince(friday, new Date("2026-12-13T10:00:00Z"))).toBe(5);
    expect(workingDaysSince(friday, new Date("2026-12-13T16:30:00Z"))).toBe(6); // Monday 14th in Shanghai: late
  });
});

describe("sending feedback", () => {
  it("stores a visitor's feedback without an account, with the language and a reference numbered within the day", async () => {
    const now = freshHour();
    const first = await submitFeedback(t.db, barrier, { actor: null, locale: "en", now });
    const second = await submitFeedback(t.db, { kind: "suggestion", message: "希望增加手语视频" }, { actor: null, locale: "zh-CN", now: new Date(now.getTime() + 1000) });
    if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
    const day = feedbackReference(now, 1).slice(0, 8);
    expect(first.value.reference).toBe(`${day}-001`);
    expect(second.value.reference).toBe(`${day}-002`);
    const row = await t.db.selectFrom("feedback").selectAll().where("id", "=", first.value.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: "barrier", page: "/vacancies", message: "读屏软件读不出搜索按钮。", contact: "138 0000 0001", locale: "en", user_id: null, status: "new" });
    const bare = await t.db.selectFrom("feedback").select(["page", "contact"]).where("id", "=", second.value.id).executeTakeFirstOrThrow();
    expect(bare).toEqual({ page: null, contact: null });
  });

  it("keeps the signed-in sender's account", async () => {
    const seeker = await actor("seeker");
    const sent = await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: freshHour() });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect((await t.db.selectFrom("feedback").select("user_id").where("id", "=", sent.value.id).executeTakeFirstOrThrow()).user_id).toBe(seeker.id);
  });

  it("the confirmation tells the reference, whether a reply will come and the page — nothing of the message or contact", async () => {
    const now = freshHour();
    const withContact = await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now });
    const without = await submitFeedback(t.db, { kind: "other", message: "谢谢" }, { actor: null, locale: "zh-CN", now: new Date(now.getTime() + 1) });
    if (!withContact.ok || !without.ok) throw new Error("not stored");
    expect(await sentFeedback(t.db, withContact.value.id)).toEqual({ reference: withContact.value.reference, replyExpected: true, page: "/vacancies" });
    expect(await sentFeedback(t.db, without.value.id)).toEqual({ reference: without.value.reference, replyExpected: false, page: null });
    expect(await sentFeedback(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("an account may send 10 an hour; the next is refused with when to try again, and nothing is stored", async () => {
    const seeker = await actor("seeker");
    const now = freshHour();
    for (let i = 0; i < FEEDBACK_LIMITS.perAccount.max; i++) {
      const r = await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: new Date(now.getTime() + i * 60_000) });
      expect(r.ok).toBe(true);
    }
    const later = new Date(now.getTime() + 30 * 60_000);
    const refused = await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: later });
    expect(refused.ok).toBe(false);
    const message = refused.ok ? "" : refused.fieldErrors[""]![0]!;
    expect(message.startsWith("basics.err.tooManyFromAccount|")).toBe(true);
    // The oldest of the ten leaves the hour at now + 60 minutes: 30 minutes after the refused try.
    expect(JSON.parse(message.slice(message.indexOf("|") + 1))).toEqual({ time: new Date(now.getTime() + 3600_000).toISOString(), minutes: 30 });
    const count = await t.db.selectFrom("feedback").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", seeker.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(FEEDBACK_LIMITS.perAccount.max);
    // Another account, and visitors, are not held up by it; an hour later the account may send again.
    expect((await submitFeedback(t.db, barrier, { actor: await actor("employer"), locale: "zh-CN", now: later })).ok).toBe(true);
    expect((await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now: later })).ok).toBe(true);
    expect((await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: new Date(now.getTime() + 3600_000 + 1) })).ok).toBe(true);
  });

  it("visitors together may send a number an hour; then visitors wait, signed-in people do not", async () => {
    const now = freshHour();
    const max = FEEDBACK_LIMITS.anonymous.max;
    await t.db
      .insertInto("feedback")
      .values(Array.from({ length: max }, (_, i) => ({ kind: "other" as const, message: `flood ${i}`, created_at: new Date(now.getTime() + i * 1000) })))
      .execute();
    const at = new Date(now.getTime() + 10 * 60_000);
    const refused = await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now: at });
    expect(refused.ok ? "stored" : refused.fieldErrors[""]![0]!.split("|")[0]).toBe("basics.err.tooManyAnonymous");
    expect((await submitFeedback(t.db, barrier, { actor: await actor("seeker"), locale: "zh-CN", now: at })).ok).toBe(true);
  });

  it("parallel sends are counted one after another: no more than the limit gets through, each with its own reference", async () => {
    const seeker = await actor("seeker");
    // The time is taken inside the lock, as it is for real sends, so the day's numbers follow the order of writing.
    const results = await Promise.all(
      Array.from({ length: FEEDBACK_LIMITS.perAccount.max + 5 }, () => submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(FEEDBACK_LIMITS.perAccount.max);
    const refs = results.flatMap((r) => (r.ok ? [r.value.reference] : []));
    expect(new Set(refs).size).toBe(refs.length);
  });
});

describe("handling feedback", () => {
  it("only province admins list, open and handle it; everyone else gets 404 before anything is read", async () => {
    const sent = await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now: freshHour() });
    if (!sent.ok) throw new Error("not stored");
    const province = await actor("admin", "520000");
    const others = [await actor("admin", "520300"), await actor("admin", "520102"), await actor("counselor", "520100"), await actor("employer"), await actor("seeker")];
    expect(await outcome(listFeedback(t.db, province, { status: "all", page: 1 }))).toBe("ok");
    for (const who of others) {
      expect(await outcome(listFeedback(t.db, who, { status: "all", page: 1 })), who.role + who.regionCode).toBe(404);
      expect(await outcome(getFeedback(t.db, who, sent.value.id)), who.role + who.regionCode).toBe(404);
      expect(await outcome(handleFeedback(t.db, who, { id: sent.value.id, status: "closed", response: "x" })), who.role + who.regionCode).toBe(404);
      expect(await feedbackWaiting(t.db, who)).toBeNull();
    }
    const row = await t.db.selectFrom("feedback").select(["status", "handled_by"]).where("id", "=", sent.value.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "new", handled_by: null });
    expect(await outcome(getFeedback(t.db, province, "not-a-uuid"))).toBe(404);
    expect(await outcome(getFeedback(t.db, province, "00000000-0000-4000-8000-000000000000"))).toBe(404);
  });

  it("lists newest first, by status, 20 a page, with counts; no contact details in the list", async () => {
    const province = await actor("admin", "520000");
    // After every row there is, so these are the newest of the (possibly shared) table.
    const latest = await t.db.selectFrom("feedback").select((eb) => eb.fn.max("created_at").as("at")).executeTakeFirst();
    const base = new Date(Math.max(Date.now(), latest?.at ? new Date(latest.at).getTime() : 0) + 86_400_000);
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await submitFeedback(t.db, { kind: "problem", message: `第 ${i} 条：${"很长的内容".repeat(30)}`, contact: "name@example.com" }, { actor: null, locale: "zh-CN", now: new Date(base.getTime() + i * 1000) });
      if (!r.ok) throw new Error("not stored");
      ids.push(r.value.id);
    }
    const before = await listFeedback(t.db, province, { status: "all", page: 1 });
    const first = await listFeedback(t.db, province, { status: "new", page: 1 }, base);
    expect(first.items.map((i) => i.id).slice(0, 20)).toEqual(ids.slice(2).reverse());
    expect(first.pageSize).toBe(20);
    const second = await listFeedback(t.db, province, { status: "new", page: 2 }, base);
    expect(second.items.slice(0, 2).map((i) => i.id)).toEqual(ids.slice(0, 2).reverse());
    const item = first.items[0]!;
    expect(item).toMatchObject({ kind: "problem", status: "new", hasContact: true, overdue: false, reference: feedbackReference(base, 22) });
    expect(item.excerpt.length).toBeLessThanOrEqual(81);
    expect(JSON.stringify(first)).not.toContain("name@example.com");

    // Answered: it leaves "new" and joins "answered".
    expect(await handleFeedback(t.db, province, { id: ids[21]!, status: "answered", response: "已回邮件" })).toEqual({ ok: true, value: null });
    const after = await listFeedback(t.db, province, { status: "answered", page: 1 });
    expect(after.items.map((i) => i.id)).toContain(ids[21]);
    expect(after.counts.answered).toBe(before.counts.answered + 1);
    expect(after.counts.new).toBe(before.counts.new - 1);
    expect((await listFeedback(t.db, province, { status: "new", page: 1 }, base)).items[0]!.id).toBe(ids[20]);
  });

  it("marks new feedback late after 5 working days; the dashboard count says how many wait and are late", async () => {
    const province = await actor("admin", "520000");
    const sentAt = new Date("2026-12-04T02:00:00Z");
    const waitingBefore = await feedbackWaiting(t.db, province, new Date("2026-12-14T02:00:00Z"));
    const r = await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now: sentAt });
    if (!r.ok) throw new Error("not stored");
    expect((await getFeedback(t.db, province, r.value.id, { now: new Date("2026-12-11T10:00:00Z") })).overdue).toBe(false);
    expect((await getFeedback(t.db, province, r.value.id, { now: new Date("2026-12-14T02:00:00Z") })).overdue).toBe(true);
    const waiting = await feedbackWaiting(t.db, province, new Date("2026-12-14T02:00:00Z"));
    expect(waiting).toEqual({ waiting: waitingBefore!.waiting + 1, overdue: waitingBefore!.overdue + 1 });
    await handleFeedback(t.db, province, { id: r.value.id, status: "closed", response: "重复" });
    expect(await feedbackWaiting(t.db, province, new Date("2026-12-14T02:00:00Z"))).toEqual(waitingBefore);
  });

  it("opening one shows the contact and the sender's role, and is audited with the sender as subject", async () => {
    const province = await actor("admin", "520000");
    const seeker = await actor("seeker");
    const r = await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: freshHour() });
    if (!r.ok) throw new Error("not stored");
    const item = await getFeedback(t.db, province, r.value.id, { ip: "203.0.113.9" });
    expect(item).toMatchObject({ contact: "138 0000 0001", senderRole: "seeker", message: barrier.message, page: "/vacancies", locale: "zh-CN", handledBy: null, response: null });
    const audit = await t.db.selectFrom("audit_event").select(["actor_id", "subject_user_id", "action", "ip"]).where("entity", "=", "feedback").where("entity_id", "=", r.value.id).execute();
    expect(audit).toEqual([{ actor_id: province.id, subject_user_id: seeker.id, action: "read", ip: "203.0.113.9" }]);

    const anonymous = await submitFeedback(t.db, { kind: "other", message: "匿名" }, { actor: null, locale: "en", now: freshHour() });
    if (!anonymous.ok) throw new Error("not stored");
    expect((await getFeedback(t.db, province, anonymous.value.id)).senderRole).toBeNull();
  });

  it("answering records the note, who and when, and audits the change; it can be closed afterwards", async () => {
    const province = await createUser(t.db, { role: "admin", regionCode: "520000", displayName: "省残联张三" });
    const admin: Actor = { id: province.id, role: "admin", regionCode: "520000" };
    const r = await submitFeedback(t.db, barrier, { actor: null, locale: "zh-CN", now: freshHour() });
    if (!r.ok) throw new Error("not stored");
    const at = new Date("2026-12-08T03:00:00Z");
    await handleFeedback(t.db, admin, { id: r.value.id, status: "answered", response: "已电话答复，搜索按钮已修复。" }, { now: at, ip: "203.0.113.10" });
    const item = await getFeedback(t.db, admin, r.value.id);
    expect(item).toMatchObject({ status: "answered", response: "已电话答复，搜索按钮已修复。", handledBy: "省残联张三", handledAt: at });
    await handleFeedback(t.db, admin, { id: r.value.id, status: "closed", response: "已确认修复。" });
    const changes = await t.db
      .selectFrom("audit_event")
      .select(["action", "reason", "actor_id"])
      .where("entity", "=", "feedback")
      .where("entity_id", "=", r.value.id)
      .where("action", "=", "update")
      .orderBy("at")
      .orderBy("id")
      .execute();
    expect(changes).toEqual([
      { action: "update", reason: "new → answered", actor_id: admin.id },
      { action: "update", reason: "answered → closed", actor_id: admin.id },
    ]);
    expect(await outcome(handleFeedback(t.db, admin, { id: "00000000-0000-4000-8000-000000000000", status: "closed", response: "x" }))).toBe(404);
  });

  it("feedback outlives its sender's account, no longer linked to it", async () => {
    const seeker = await actor("seeker");
    const r = await submitFeedback(t.db, barrier, { actor: seeker, locale: "zh-CN", now: freshHour() });
    if (!r.ok) throw new Error("not stored");
    await t.db.deleteFrom("app_user").where("id", "=", seeker.id).execute();
    expect(await t.db.selectFrom("feedback").select(["user_id", "message"]).where("id", "=", r.value.id).executeTakeFirst()).toEqual({ user_id: null, message: barrier.message });
  });
});
