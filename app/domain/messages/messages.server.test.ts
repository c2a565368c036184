import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { messageSchema, MESSAGE_BURST, MESSAGE_MAX } from "./messages.schema";
import { clientThread, seekerThread, sendMessage } from "./messages.server";

const t = useTestDatabase();

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

async function staff(role: "counselor" | "admin", regionCode: string, displayName?: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode, displayName });
  return { id: u.id, role, regionCode };
}

async function seeker(): Promise<Actor> {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { regionCode: "520102" });
  return { id: u.id, role: "seeker", regionCode: null };
}

async function assign(seekerId: string, counselor: Actor) {
  await t.db.insertInto("caseload_assignment").values({ seeker_id: seekerId, counselor_id: counselor.id }).execute();
}

const notificationsOf = (userId: string) =>
  t.db.selectFrom("notification").select(["kind", "params", "link", "read_at"]).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute();
const messagesOf = (seekerId: string) => t.db.selectFrom("message").select(["sender_id", "body", "read_at"]).where("seeker_id", "=", seekerId).orderBy("created_at").execute();

describe("messages between a seeker and their counselor", () => {
  it("a seeker without a counselor cannot write, and is told so; the thread is empty", async () => {
    const s = await seeker();
    const thread = await seekerThread(t.db, s);
    expect(thread).toMatchObject({ counselor: null, messages: [], total: 0 });
    expect(await sendMessage(t.db, s, s.id, { body: "有人吗？" })).toEqual({ ok: false, fieldErrors: { "": ["conversation.err.noCounselor"] } });
    expect(await messagesOf(s.id)).toHaveLength(0);
    // Nor in another seeker's thread, whatever they send.
    const other = await seeker();
    const counselor = await staff("counselor", "520100");
    await assign(other.id, counselor);
    expect(await outcome(sendMessage(t.db, s, other.id, { body: "冒充" }))).toBe(404);
    expect(await outcome(sendMessage(t.db, s, "not-a-uuid", { body: "冒充" }))).toBe(404);
    expect(await messagesOf(other.id)).toHaveLength(0);
  });

  it("only the seeker's current counselor reads and writes the thread: other counselors, admins, employers and other seekers get 404", async () => {
    const s = await seeker();
    const counselor = await staff("counselor", "520100", "王芳");
    await assign(s.id, counselor);
    const colleague = await staff("counselor", "520100"); // same region, not on their caseload
    const zunyi = await staff("counselor", "520300"); // another region
    const admin = await staff("admin", "520000"); // the province: admins read caseloads, not what people say
    const employerUser = await createUser(t.db, { role: "employer" });
    const employer: Actor = { id: employerUser.id, role: "employer", regionCode: null, organizationIds: [] };
    const otherSeeker = await seeker();
    expect((await sendMessage(t.db, s, s.id, { body: "王老师您好，我下周二有面试。" })).ok).toBe(true);

    for (const who of [colleague, zunyi, admin, employer, otherSeeker]) {
      expect(await outcome(clientThread(t.db, who, s.id))).toBe(404);
      expect(await outcome(sendMessage(t.db, who, s.id, { body: "不该送达" }))).toBe(404);
    }
    expect((await messagesOf(s.id)).map((m) => m.body)).toEqual(["王老师您好，我下周二有面试。"]);
    // Another seeker's own thread shows none of it.
    expect((await seekerThread(t.db, otherSeeker)).messages).toEqual([]);

    // Once the seeker moves to another counselor, the former one is turned away and the new one reads what was said.
    await t.db.updateTable("caseload_assignment").set({ ended_at: new Date() }).where("seeker_id", "=", s.id).execute();
    await assign(s.id, colleague);
    expect(await outcome(clientThread(t.db, counselor, s.id))).toBe(404);
    expect(await outcome(sendMessage(t.db, counselor, s.id, { body: "还在吗" }))).toBe(404);
    expect((await clientThread(t.db, colleague, s.id)).messages.map((m) => m.body)).toEqual(["王老师您好，我下周二有面试。"]);
  });

  it("each message notifies the other side; reading marks the other side's messages (and those notifications) read; the counselor's reads and writes are audited", async () => {
    const s = await seeker();
    const counselor = await staff("counselor", "520100", "王芳");
    await assign(s.id, counselor);

    const first = await sendMessage(t.db, s, s.id, { body: "我想找一份可以坐着做的工作。" });
    expect(first.ok).toBe(true);
    expect(await notificationsOf(counselor.id)).toEqual([{ kind: "message.fromSeeker", params: {}, link: `/clients/${s.id}#messages`, read_at: null }]);
    // The seeker's own message is not new to the seeker.
    expect((await seekerThread(t.db, s)).messages.map((m) => [m.fromSeeker, m.isNew])).toEqual([[true, false]]);
    expect((await messagesOf(s.id))[0]!.read_at).toBeNull();

    // The counselor opens the thread: the seeker's message is new to them, then read; the notification too.
    const seen = await clientThread(t.db, counselor, s.id, { ip: "203.0.113.9" });
    expect(seen.messages.map((m) => [m.body, m.fromSeeker, m.isNew])).toEqual([["我想找一份可以坐着做的工作。", true, true]]);
    expect((await messagesOf(s.id))[0]!.read_at).not.toBeNull();
    expect((await notificationsOf(counselor.id))[0]!.read_at).not.toBeNull();
    expect((await clientThread(t.db, counselor, s.id)).messages[0]!.isNew).toBe(false);

    const reply = await sendMessage(t.db, counselor, s.id, { body: "好的，我帮您看看客服类岗位。" }, { ip: "203.0.113.9" });
    expect(reply.ok).toBe(true);
    expect(await notificationsOf(s.id)).toEqual([{ kind: "message.fromCounselor", params: { counselor: "王芳" }, link: "/my-plan#messages", read_at: null }]);
    // The counselor's own reply is not marked read by the counselor reading the thread again.
    await clientThread(t.db, counselor, s.id);
    expect((await messagesOf(s.id))[1]!.read_at).toBeNull();

    const mine = await seekerThread(t.db, s);
    expect(mine.counselor).toMatchObject({ name: "王芳", regionName: "贵阳市" });
    expect(mine.messages.map((m) => [m.body, m.fromSeeker, m.isNew, m.senderName])).toEqual([
      ["我想找一份可以坐着做的工作。", true, false, expect.any(String)],
      ["好的，我帮您看看客服类岗位。", false, true, "王芳"],
    ]);
    expect((await messagesOf(s.id))[1]!.read_at).not.toBeNull();
    expect((await notificationsOf(s.id))[0]!.read_at).not.toBeNull();

    const audit = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "action", "entity", "entity_id", "reason", "ip"])
      .where("subject_user_id", "=", s.id)
      .where("entity", "in", ["message", "message_thread"])
      .orderBy("id")
      .execute();
    expect(audit.every((a) => a.actor_id === counselor.id && a.reason === "caseload")).toBe(true);
    expect(audit.filter((a) => a.entity === "message_thread" && a.action === "read")).toHaveLength(3);
    expect(audit.filter((a) => a.entity === "message" && a.action === "create")).toEqual([
      { actor_id: counselor.id, action: "create", entity: "message", entity_id: reply.ok ? reply.value.messageId : "", reason: "caseload", ip: "203.0.113.9" },
    ]);
    expect(audit[0]!.ip).toBe("203.0.113.9");
  });

  it("limits: the body's length and emptiness (schema), and MESSAGE_BURST messages an hour per sender and thread", async () => {
    expect(messageSchema.safeParse({ body: "   " }).success).toBe(false);
    expect(messageSchema.safeParse({ body: "字".repeat(MESSAGE_MAX + 1) }).success).toBe(false);
    expect(messageSchema.parse({ body: `  ${"字".repeat(MESSAGE_MAX)}  ` }).body).toHaveLength(MESSAGE_MAX);

    const s = await seeker();
    const counselor = await staff("counselor", "520100");
    await assign(s.id, counselor);
    for (let i = 0; i < MESSAGE_BURST; i += 1) expect((await sendMessage(t.db, s, s.id, { body: `第 ${i + 1} 条` })).ok).toBe(true);
    const refused = await sendMessage(t.db, s, s.id, { body: "再来一条" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors.body![0]).toMatch(/^conversation\.err\.tooMany\|/);
    expect(await messagesOf(s.id)).toHaveLength(MESSAGE_BURST);
    // The counselor's own allowance is separate, and an hour later the seeker may write again.
    expect((await sendMessage(t.db, counselor, s.id, { body: "收到，我一会儿回复您。" })).ok).toBe(true);
    expect((await sendMessage(t.db, s, s.id, { body: "一小时后" }, { now: new Date(Date.now() + 61 * 60_000) })).ok).toBe(true);
    expect((await notificationsOf(counselor.id)).length).toBe(MESSAGE_BURST + 1);
  });
});
