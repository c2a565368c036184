import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../tests/helpers/db";
import { createUser } from "../tests/fixtures/factories";
import { InProcessQueue } from "../jobs/in-process";
import type { JobContext } from "../jobs/queue";
import { deliveryJobs } from "../app/domain/notifications/delivery.server";
import { savePreferences } from "../app/domain/notifications/preferences.server";
import { setSmsSender } from "./configured";
import { deliverSms } from "./deliver";
import { LogSmsSender } from "./log-sender";

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), "sms-deliver-"));
const sender = new LogSmsSender(join(dir, "sms.log"));
let queue: InProcessQueue;

beforeAll(() => {
  queue = new InProcessQueue({ db: () => t.db, definitions: deliveryJobs });
  setSmsSender(sender);
});
const created: string[] = [];
afterAll(async () => {
  setSmsSender(null);
  // On the shared PostgreSQL test database another file's runDue must not find this file's held jobs.
  if (created.length) await t.db.deleteFrom("job").where(sql<string>`data->>'deliveryId'`, "in", created).execute();
});

const sh = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const context = (): JobContext => ({ db: t.db, jobId: "00000000-0000-0000-0000-000000000000", retryCount: 0, lastAttempt: false });

async function verifiedSeeker() {
  const u = await createUser(t.db);
  await t.db.updateTable("app_user").set({ phone_verified_at: new Date() }).where("id", "=", u.id).execute();
  return u as typeof u & { phone: string };
}

async function delivery(userId: string, values: { template: string; topic: string; params: Record<string, unknown> }) {
  const row = await t.db
    .insertInto("delivery")
    .values({ user_id: userId, channel: "sms", topic: values.topic, template: values.template, params: JSON.stringify(values.params) })
    .returningAll()
    .executeTakeFirstOrThrow();
  created.push(row.id);
  return row;
}

describe("deliverSms", () => {
  it("holds an SMS in the quiet hours until 08:00 Shanghai, then sends it", async () => {
    const u = await verifiedSeeker();
    const d = await delivery(u.id, { template: "invitation.received", topic: "invitations", params: { vacancy: "数据标注员", organization: "贵阳云图科技" } });

    expect(await deliverSms(context(), d, { now: sh("2026-12-06T23:10:00"), queue })).toBe("held");
    const held = await t.db.selectFrom("delivery").select(["status"]).where("id", "=", d.id).executeTakeFirstOrThrow();
    expect(held.status).toBe("held");
    const jobs = await t.db.selectFrom("job").select(["name", "data", "start_after"]).where("name", "=", "delivery.send").execute();
    const job = jobs.find((j) => (j.data as { deliveryId?: string }).deliveryId === d.id);
    expect(job?.start_after).toEqual(sh("2026-12-07T08:00:00"));
    expect(sender.lastTo(u.phone)).toBeUndefined();

    expect(await deliverSms(context(), d, { now: sh("2026-12-07T08:00:00"), queue })).toBe("sent");
    const sent = sender.lastTo(u.phone)!;
    expect(sent.text).toBe("【黔程】贵阳云图科技 邀请您申请“数据标注员”，请登录查看。");
    expect(sent).toMatchObject({ template: "invitation.received", params: ["贵阳云图科技", "数据标注员"] });
    const line = (await readFile(sender.file, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { phone: string; text: string }).find((l) => l.phone === u.phone);
    expect(line?.text).toBe(sent.text);
  });

  it("sends in the person's language", async () => {
    const u = await verifiedSeeker();
    await t.db.updateTable("app_user").set({ locale: "en" }).where("id", "=", u.id).execute();
    const d = await delivery(u.id, { template: "event.cancelled", topic: "interviews", params: { event: "Spring job fair" } });
    expect(await deliverSms(context(), d, { now: sh("2026-12-07T12:00:00"), queue })).toBe("sent");
    expect(sender.lastTo(u.phone)!.text).toBe('[Qiancheng] The job fair "Spring job fair" is cancelled.');
  });

  it("sends a phone code at once, even at night, and then forgets the code", async () => {
    const u = await createUser(t.db);
    const d = await delivery(u.id, { template: "phone.code", topic: "phone", params: { code: "048213", phone: u.phone } });
    expect(await deliverSms(context(), d, { now: sh("2026-12-06T23:30:00"), queue })).toBe("sent");
    expect(sender.lastTo(u.phone!)!.text).toContain("048213");
    const row = await t.db.selectFrom("delivery").select(["params"]).where("id", "=", d.id).executeTakeFirstOrThrow();
    expect(row.params).toEqual({ phone: u.phone });
  });

  it("skips a number not verified, and a topic whose SMS the person turned off", async () => {
    const unverified = await createUser(t.db);
    const d1 = await delivery(unverified.id, { template: "event.cancelled", topic: "interviews", params: { event: "招聘会" } });
    expect(await deliverSms(context(), d1, { now: sh("2026-12-07T12:00:00"), queue })).toBe("skipped");

    const u = await verifiedSeeker();
    await savePreferences(t.db, u.id, { interviews: { email: true, sms: false } });
    const d2 = await delivery(u.id, { template: "event.cancelled", topic: "interviews", params: { event: "招聘会" } });
    expect(await deliverSms(context(), d2, { now: sh("2026-12-07T12:00:00"), queue })).toBe("skipped");
    const rows = await t.db.selectFrom("delivery").select(["status", "last_error"]).where("id", "in", [d1.id, d2.id]).execute();
    expect(rows.map((r) => r.status)).toEqual(["skipped", "skipped"]);
    expect(sender.lastTo(unverified.phone!)).toBeUndefined();
    expect(sender.lastTo(u.phone)).toBeUndefined();
  });
});
