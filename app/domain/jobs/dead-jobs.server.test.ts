import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { InProcessQueue } from "../../../jobs/in-process";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import { PROVINCE_CODE, type Actor } from "../permissions";
import { canManageJobs, listDeadJobs, retryDeadJob, shownJobData } from "./dead-jobs.server";

const database = useTestDatabase();
const name = `t${randomBytes(4).toString("hex")}_dead`;

describe("a dead job's data as admins see it", () => {
  it("shows ids, numbers, dates and technical words; hides people's details and free text", () => {
    const shown = shownJobData({
      deliveryId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
      channel: "email",
      attempt: 3,
      day: "2026-12-07",
      phone: "13800000001",
      to: "someone@example.com",
      recipientPhone: "13800000001",
      displayName: "李明",
      text: "您好",
      mobileLike: "13900000000",
      other: "李明的电话 13800000001",
      userIds: ["6f1c2a4e-8b1d-4c3e-9f00-1234567890ab"],
      params: { vacancyId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab", title: "按摩师" },
    });
    expect(Object.fromEntries(shown.map((d) => [d.key, d.value]))).toEqual({
      deliveryId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
      channel: "email",
      attempt: "3",
      day: "2026-12-07",
      phone: null,
      to: null,
      recipientPhone: null,
      displayName: null,
      text: null,
      mobileLike: null,
      other: null,
      userIds: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
      "params.vacancyId": "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab",
      "params.title": null,
    });
  });
});

describe("dead jobs for admins", () => {
  const province: Actor = { id: "00000000-0000-4000-8000-000000000001", role: "admin", regionCode: PROVINCE_CODE };
  const prefecture: Actor = { id: "00000000-0000-4000-8000-000000000002", role: "admin", regionCode: "520300" };
  const counselor: Actor = { id: "00000000-0000-4000-8000-000000000003", role: "counselor", regionCode: PROVINCE_CODE };
  let queue: InProcessQueue;
  afterAll(async () => {
    await database.db.deleteFrom("job").where("name", "=", name).execute();
  });

  it("are the province admins' only", () => {
    expect(canManageJobs(province)).toBe(true);
    expect(canManageJobs(prefecture)).toBe(false);
    expect(canManageJobs(counselor)).toBe(false);
    expect(canManageJobs(null)).toBe(false);
  });

  it("are listed with a count, retried once, and the retry is audited", async () => {
    province.id = (await createUser(database.db, { role: "admin", regionCode: PROVINCE_CODE })).id;
    queue = new InProcessQueue({
      db: () => database.db,
      definitions: [{ name, retryLimit: 0, retryDelay: 0, retryBackoff: false, handler: async () => Promise.reject(new Error("SMTP 550 refused")) }],
      log: () => undefined,
    });
    await queue.send(database.db, name, { deliveryId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab", email: "x@example.com" });
    expect(await queue.runDue([name])).toBe(1);
    const list = await listDeadJobs(queue, 500);
    const item = list.items.find((i) => i.name === name)!;
    expect(list.kind).toBe("in-process");
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(item).toMatchObject({ runs: 1, error: "SMTP 550 refused" });
    // (jsonb keeps keys in its own order)
    expect(Object.fromEntries(item.data.map((d) => [d.key, d.value]))).toEqual({ deliveryId: "6f1c2a4e-8b1d-4c3e-9f00-1234567890ab", email: null });

    expect(await retryDeadJob(database.db, queue, prefecture, item.id)).toBe(false);
    expect(await retryDeadJob(database.db, queue, province, "not-an-id")).toBe(false);
    expect(await retryDeadJob(database.db, queue, province, item.id)).toBe(true);
    expect(await retryDeadJob(database.db, queue, province, item.id)).toBe(false);
    const audit = await database.db.selectFrom("audit_event").selectAll().where("entity", "=", "job").where("entity_id", "=", item.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: province.id, action: "retry" });
  });
});
