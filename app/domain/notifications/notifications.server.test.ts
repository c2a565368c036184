import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser } from "../../../tests/fixtures/factories";
import { listNotifications, markRead, notificationCentre, notify, openNotification, unreadCount } from "./notifications.server";

const t = useTestDatabase();

describe("notifications", () => {
  it("counts unread, lists newest first, and marks only the owner's as read", async () => {
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    await notify(t.db, a.id, "application.status", { vacancy: "文员", status: "viewed" }, "/applications");
    await notify(t.db, a.id, "application.status", { vacancy: "文员", status: "interview" }, "/applications");
    await notify(t.db, b.id, "application.status", { vacancy: "客服", status: "viewed" });
    expect(await unreadCount(t.db, a.id)).toBe(2);
    const list = await listNotifications(t.db, a.id, { page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    expect(list.items[0]!.params).toEqual({ vacancy: "文员", status: "interview" });
    // b cannot mark a's notification read.
    expect(await markRead(t.db, b.id, list.items[0]!.id)).toBe(0);
    expect(await markRead(t.db, a.id, list.items[0]!.id)).toBe(1);
    expect(await unreadCount(t.db, a.id)).toBe(1);
    expect(await markRead(t.db, a.id)).toBe(1);
    expect(await unreadCount(t.db, a.id)).toBe(0);
    expect(await unreadCount(t.db, b.id)).toBe(1);
  });
});

describe("the notification centre", () => {
  it("opens only the user's own notification, marking it read and giving its link", async () => {
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    await notify(t.db, a.id, "application.status", { vacancy: "文员", status: "hired" }, "/applications/x");
    await notify(t.db, a.id, "application.status", { vacancy: "文员", status: "offered" });
    const centre = await notificationCentre(t.db, a.id, { page: 1, pageSize: 20 });
    expect(centre).toMatchObject({ total: 2, unread: 2 });
    const linked = centre.items.find((n) => n.link)!;
    expect(await openNotification(t.db, b.id, linked.id)).toBeNull();
    expect(await openNotification(t.db, a.id, "1 or 1=1")).toBeNull();
    expect(await openNotification(t.db, a.id, linked.id)).toEqual({ link: "/applications/x" });
    expect(await unreadCount(t.db, a.id)).toBe(1);
    // Opening again is harmless.
    expect(await openNotification(t.db, a.id, linked.id)).toEqual({ link: "/applications/x" });
    const after = await notificationCentre(t.db, a.id, { page: 1, pageSize: 1 });
    expect(after).toMatchObject({ total: 2, unread: 1 });
    expect(after.items).toHaveLength(1);
  });
});
