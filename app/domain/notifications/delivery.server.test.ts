import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { installTestQueue, type TestQueue } from "../../../tests/helpers/job-queue";
import { createUser } from "../../../tests/fixtures/factories";
import { closeMailTransport } from "../../../mail/transport";
import { DELIVERY_JOB, deliveryJobs, runDelivery } from "./delivery.server";
import { notify } from "./notifications.server";
import { preferencesFor, savePreferences } from "./preferences.server";
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from "./unsubscribe.server";

const t = useTestDatabase();
let q: TestQueue;
let mailDir: string;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.APP_SECRET = "test-secret-of-the-delivery-tests";
  process.env.PUBLIC_URL = "https://qiancheng.example";
  mailDir = await mkdtemp(join(tmpdir(), "qiancheng-mail-"));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
  q = await installTestQueue(t.db, deliveryJobs, "delivery");
});
afterAll(async () => {
  await q?.close();
  closeMailTransport();
  await rm(mailDir, { recursive: true, force: true });
  for (const k of ["APP_SECRET", "PUBLIC_URL", "MAIL_DIR", "SMTP_URL"]) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});
beforeEach(() => {
  delete process.env.SMTP_URL;
});

let n = 0;
async function person(options: { email?: boolean; verifiedPhone?: boolean; locale?: "zh-CN" | "en" } = {}) {
  const u = await createUser(t.db);
  n += 1;
  await t.db
    .updateTable("app_user")
    .set({
      email: options.email === false ? null : `p${n}-${u.id.slice(0, 8)}@example.org`,
      phone_verified_at: options.verifiedPhone ? new Date() : null,
      locale: options.locale ?? "zh-CN",
    })
    .where("id", "=", u.id)
    .execute();
  return u.id;
}

const deliveriesOf = (userId: string) =>
  t.db.selectFrom("delivery").select(["id", "channel", "topic", "template", "status", "attempts", "last_error", "sent_at", "notification_id"]).where("user_id", "=", userId).orderBy("channel").execute();

const emlFiles = async () => (await readdir(mailDir)).filter((f) => f.endsWith(".eml"));

describe("notify routes each notification to the channels chosen for its topic", () => {
  it("defaults: email for every topic, SMS for invitations only to a verified phone; none for kinds without a topic", async () => {
    const a = await person({ verifiedPhone: true });
    await notify(t.db, a, "invitation.received", { vacancy: "文员", organization: "黔程示范" }, "/job-invitations");
    const rows = await deliveriesOf(a);
    expect(rows.map((r) => [r.channel, r.topic, r.template, r.status, r.attempts])).toEqual([
      ["email", "invitations", "invitation.received", "queued", 0],
      ["sms", "invitations", "invitation.received", "queued", 0],
    ]);
    // Linked to the in-site notification, which is kept.
    const note = await t.db.selectFrom("notification").select("id").where("user_id", "=", a).executeTakeFirstOrThrow();
    expect(rows.every((r) => String(r.notification_id) === String(note.id))).toBe(true);

    // Applications: email only by default.
    await notify(t.db, a, "application.status", { vacancy: "文员", status: "viewed" }, "/applications/x");
    expect((await deliveriesOf(a)).filter((r) => r.topic === "applications").map((r) => r.channel)).toEqual(["email"]);

    // A kind without a topic stays in the site.
    const before = (await deliveriesOf(a)).length;
    await notify(t.db, a, "plan.created", {}, "/my-plan");
    expect(await deliveriesOf(a)).toHaveLength(before);
    expect(await t.db.selectFrom("notification").select("id").where("user_id", "=", a).where("kind", "=", "plan.created").execute()).toHaveLength(1);
  });

  it("no address, no delivery: no email on the account, a phone not verified", async () => {
    const b = await person({ email: false, verifiedPhone: false });
    await notify(t.db, b, "invitation.received", { vacancy: "文员", organization: "黔程示范" }, "/job-invitations");
    expect(await deliveriesOf(b)).toEqual([]);
    expect(await t.db.selectFrom("notification").select("id").where("user_id", "=", b).execute()).toHaveLength(1);
  });

  it("follows the person's choices per topic", async () => {
    const c = await person({ verifiedPhone: true });
    await savePreferences(t.db, c, { invitations: { email: false, sms: true }, alerts: { email: true, sms: true } });
    await notify(t.db, c, "invitation.received", { vacancy: "文员", organization: "黔程示范" }, "/job-invitations");
    await notify(t.db, c, "alert.vacancy", { vacancy: "客服", organization: "黔程示范", search: "贵阳 客服" }, "/vacancies/x");
    await notify(t.db, c, "message.fromCounselor", { counselor: "王芳" }, "/my-plan");
    const rows = await deliveriesOf(c);
    expect(rows.map((r) => `${r.topic}:${r.channel}`).sort()).toEqual(["alerts:email", "alerts:sms", "invitations:sms", "messages:email"]);
  });

  it("a rolled-back transaction leaves neither the notification nor its deliveries", async () => {
    const d = await person();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, d, "invitation.received", { vacancy: "文员", organization: "黔程示范" }, "/job-invitations");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await deliveriesOf(d)).toEqual([]);
    expect(await t.db.selectFrom("notification").select("id").where("user_id", "=", d).execute()).toEqual([]);
  });
});

describe("the delivery.send job", () => {
  // The deliveries queued above go first (their SMS wait for the sms adapter's outcome), so counts below are this block's.
  beforeAll(async () => {
    await q.queue.runDue([DELIVERY_JOB]);
  });
  it("sends the email once (an .eml without SMTP_URL), marks it sent, and sends nothing when it runs again", async () => {
    const e = await person();
    await notify(t.db, e, "invitation.received", { vacancy: "仓库管理员", organization: "黔程示范" }, "/job-invitations");
    const before = new Set(await emlFiles());
    expect(await q.queue.runDue([DELIVERY_JOB])).toBe(1);
    const [row] = await deliveriesOf(e);
    expect(row).toMatchObject({ channel: "email", status: "sent", attempts: 1, last_error: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
    const added = (await emlFiles()).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(row!.id);
    // Header lines unfolded, CRLF as LF.
    const eml = (await readFile(join(mailDir, added[0]!), "utf8")).replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/qiancheng\.example\/unsubscribe\/[^>]+>$/m);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    // The job again (a worker that crashed after sending and reran it): nothing sent twice, attempts unchanged.
    await runDelivery({ deliveryId: row!.id }, { db: t.db, jobId: "rerun", retryCount: 0, lastAttempt: false });
    expect((await emlFiles()).filter((f) => !before.has(f))).toHaveLength(1);
    expect((await deliveriesOf(e))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("skips an email whose topic the person turned off after it was queued", async () => {
    const f = await person();
    await notify(t.db, f, "alert.vacancy", { vacancy: "客服", organization: "黔程示范", search: "客服" }, "/vacancies/x");
    await savePreferences(t.db, f, { alerts: { email: false, sms: false } });
    const before = (await emlFiles()).length;
    await q.queue.runDue([DELIVERY_JOB]);
    expect((await deliveriesOf(f))[0]).toMatchObject({ status: "skipped", sent_at: null });
    expect((await emlFiles()).length).toBe(before);
  });

  it("a failing transport: the delivery is retried with its error recorded, failed after the last retry; the in-site notification stays", async () => {
    // A port nothing listens on: the SMTP connection is refused.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const g = await person();
    await t.db.transaction().execute((trx) => notify(trx, g, "event.promoted", { event: "春风行动专场" }, "/events/x"));
    await q.queue.runDue([DELIVERY_JOB]);
    let [row] = await deliveriesOf(g);
    expect(row).toMatchObject({ status: "queued", attempts: 1, sent_at: null });
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    const retryLimit = deliveryJobs[0]!.retryLimit;
    for (let i = 0; i < retryLimit; i++) {
      await q.retriesDue();
      await q.queue.runDue([DELIVERY_JOB]);
    }
    [row] = await deliveriesOf(g);
    expect(row).toMatchObject({ status: "failed", attempts: retryLimit + 1, sent_at: null });
    expect((await q.queue.deadJobs(10)).some((j) => j.name === DELIVERY_JOB && j.data.deliveryId === row!.id)).toBe(true);
    const notes = await t.db.selectFrom("notification").select(["kind", "read_at"]).where("user_id", "=", g).execute();
    expect(notes).toEqual([{ kind: "event.promoted", read_at: null }]);
  });
});

describe("unsubscribe by link", () => {
  it("turns email off for the link's topic only, and an altered link does nothing", async () => {
    const h = await person({ verifiedPhone: true });
    await savePreferences(t.db, h, { alerts: { email: true, sms: true } });
    const token = unsubscribeToken(h, "alerts");
    expect(readUnsubscribeToken(token)).toEqual({ userId: h, topic: "alerts" });

    // Altered: another topic under the same signature, another person, a changed signature.
    const other = await person();
    const [, , sig] = token.split(".");
    for (const bad of [`${h}.invitations.${sig}`, `${other}.alerts.${sig}`, token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"), "", "x".repeat(200)]) {
      expect(readUnsubscribeToken(bad)).toBeNull();
      expect(await unsubscribe(t.db, bad)).toBeNull();
    }
    expect((await preferencesFor(t.db, h)).alerts).toEqual({ email: true, sms: true });

    expect(await unsubscribe(t.db, token)).toEqual({ topic: "alerts" });
    const prefs = await preferencesFor(t.db, h);
    expect(prefs.alerts).toEqual({ email: false, sms: true });
    expect(prefs.invitations).toEqual({ email: true, sms: true });
    expect(prefs.applications).toEqual({ email: true, sms: false });

    await notify(t.db, h, "alert.vacancy", { vacancy: "客服", organization: "黔程示范", search: "客服" }, "/vacancies/x");
    await notify(t.db, h, "invitation.received", { vacancy: "文员", organization: "黔程示范" }, "/job-invitations");
    const rows = await deliveriesOf(h);
    expect(rows.map((r) => `${r.topic}:${r.channel}`).sort()).toEqual(["alerts:sms", "invitations:email", "invitations:sms"]);
    // Twice is harmless.
    expect(await unsubscribe(t.db, token)).toEqual({ topic: "alerts" });
  });
});
