import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser } from "../../../tests/fixtures/factories";
import { InProcessQueue } from "../../../jobs/in-process";
import { setJobQueue } from "../../../jobs/runtime";
import { setSmsSender } from "../../../sms/configured";
import { LogSmsSender } from "../../../sms/log-sender";
import { deliveryJobs } from "./delivery.server";
import { CODE_TTL_MS, sendCode, verifyCode } from "./phone.server";

const t = useTestDatabase();
const sender = new LogSmsSender(join(mkdtempSync(join(tmpdir(), "phone-code-")), "sms.log"));
let queue: InProcessQueue;

beforeAll(() => {
  queue = new InProcessQueue({ db: () => t.db, definitions: deliveryJobs });
  setJobQueue(queue);
  setSmsSender(sender);
});
afterAll(async () => {
  setSmsSender(null);
  // On the shared PostgreSQL test database another file's runDue must not find this file's code jobs.
  const mine = await t.db.selectFrom("delivery").select("id").where("template", "=", "phone.code").where("topic", "=", "phone").execute();
  if (mine.length) await t.db.deleteFrom("job").where(sql<string>`data->>'deliveryId'`, "in", mine.map((d) => d.id)).execute();
});

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

/** The newest code enqueued for a number, read from its delivery before the job sends it (and forgets it). */
async function enqueuedCode(phone: string): Promise<string> {
  const rows = await t.db.selectFrom("delivery").select(["params", "created_at"]).where("template", "=", "phone.code").where("user_id", "is not", null).execute();
  const mine = rows.filter((r) => (r.params as { phone?: string }).phone === phone && (r.params as { code?: string }).code);
  mine.sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  return (mine[0]!.params as { code: string }).code;
}

describe("phone codes", () => {
  it("sends a 6-digit code by SMS through the job queue, stores only its hash, and verifies the account's number", async () => {
    const u = await createUser(t.db);
    const phone = u.phone!;
    const sent = await sendCode(t.db, { phone, purpose: "phone", userId: u.id });
    expect(sent.ok).toBe(true);
    // Nothing is sent in the request: the job sends it.
    expect(sender.lastTo(phone)).toBeUndefined();
    await queue.runDue(["delivery.send"]);
    const sms = sender.lastTo(phone)!;
    const code = /(\d{6})/.exec(sms.text)![1]!;
    expect(sms.text.startsWith("【黔程】验证码 ")).toBe(true);

    const row = await t.db.selectFrom("phone_verification").selectAll().where("phone", "=", phone).executeTakeFirstOrThrow();
    expect(row.code_hash).toBe(sha256(code));
    expect(JSON.stringify(row)).not.toContain(code);
    const deliveries = await t.db.selectFrom("delivery").select(["params", "status"]).where("user_id", "=", u.id).execute();
    expect(deliveries).toEqual([{ params: { phone }, status: "sent" }]);

    expect(await verifyCode(t.db, { phone, code, purpose: "phone", userId: u.id })).toEqual({ ok: true });
    const user = await t.db.selectFrom("app_user").select("phone_verified_at").where("id", "=", u.id).executeTakeFirstOrThrow();
    expect(user.phone_verified_at).toBeInstanceOf(Date);
    // A code serves once.
    expect(await verifyCode(t.db, { phone, code, purpose: "phone", userId: u.id })).toEqual({ ok: false, reason: "expired" });
  });

  it("sends at most one code a minute and five an hour per number", async () => {
    const u = await createUser(t.db);
    const phone = u.phone!;
    const t0 = new Date(Date.now() - 30 * 60_000);
    expect((await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: t0 })).ok).toBe(true);
    expect(await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: at(t0, 59) })).toEqual({ ok: false, reason: "wait", retryAt: at(t0, 60) });
    for (const s of [60, 120, 180, 240]) expect((await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: at(t0, s) })).ok).toBe(true);
    expect(await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: at(t0, 600) })).toEqual({ ok: false, reason: "wait", retryAt: at(t0, 3600) });
    expect((await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: at(t0, 3601) })).ok).toBe(true);
    // Another number is not held up.
    const other = await createUser(t.db);
    expect((await sendCode(t.db, { phone: other.phone!, purpose: "phone", userId: other.id }, { now: at(t0, 59) })).ok).toBe(true);
  });

  it("refuses a number that is not a mainland mobile number", async () => {
    const u = await createUser(t.db);
    expect(await sendCode(t.db, { phone: "12345", purpose: "phone", userId: u.id })).toEqual({ ok: false, reason: "phone_format" });
  });

  it("accepts a code for 10 minutes only", async () => {
    const u = await createUser(t.db);
    const phone = u.phone!;
    const t0 = new Date(Date.now() - 60 * 60_000);
    await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: t0 });
    const code = await enqueuedCode(phone);
    expect(await verifyCode(t.db, { phone, code, purpose: "phone" }, { now: at(t0, CODE_TTL_MS / 1000) })).toEqual({ ok: false, reason: "expired" });
    expect(await verifyCode(t.db, { phone, code, purpose: "phone" }, { now: at(t0, CODE_TTL_MS / 1000 - 1) })).toEqual({ ok: true });
  });

  it("allows five tries of a code, then only a new code", async () => {
    const u = await createUser(t.db);
    const phone = u.phone!;
    const t0 = new Date(Date.now() - 2 * 60_000);
    await sendCode(t.db, { phone, purpose: "phone", userId: u.id }, { now: t0 });
    const code = await enqueuedCode(phone);
    const wrong = code === "000000" ? "000001" : "000000";
    for (const left of [4, 3, 2, 1, 0]) {
      expect(await verifyCode(t.db, { phone, code: wrong, purpose: "phone", userId: u.id })).toEqual({ ok: false, reason: "wrong", attemptsLeft: left });
    }
    expect(await verifyCode(t.db, { phone, code, purpose: "phone", userId: u.id })).toEqual({ ok: false, reason: "wrong", attemptsLeft: 0 });
    const user = await t.db.selectFrom("app_user").select("phone_verified_at").where("id", "=", u.id).executeTakeFirstOrThrow();
    expect(user.phone_verified_at).toBeNull();
    // A new code (a minute later) works.
    await sendCode(t.db, { phone, purpose: "phone", userId: u.id });
    expect(await verifyCode(t.db, { phone, code: await enqueuedCode(phone), purpose: "phone", userId: u.id })).toEqual({ ok: true });
  });

  it("keeps purposes and accounts apart", async () => {
    const u = await createUser(t.db);
    const phone = u.phone!;
    await sendCode(t.db, { phone, purpose: "register", userId: u.id });
    const code = await enqueuedCode(phone);
    expect(await verifyCode(t.db, { phone, code, purpose: "phone", userId: u.id })).toEqual({ ok: false, reason: "expired" });
    const other = await createUser(t.db);
    expect(await verifyCode(t.db, { phone, code, purpose: "register", userId: other.id })).toEqual({ ok: false, reason: "expired" });
    expect(await verifyCode(t.db, { phone: ` +86 ${phone.slice(0, 3)}-${phone.slice(3)}`, code, purpose: "register", userId: u.id })).toEqual({ ok: true });
    const user = await t.db.selectFrom("app_user").select("phone_verified_at").where("id", "=", u.id).executeTakeFirstOrThrow();
    expect(user.phone_verified_at).toBeInstanceOf(Date);
  });
});
