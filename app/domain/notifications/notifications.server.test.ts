import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser } from "../../../tests/fixtures/factories";
import { listNotifications, markRead, notify, unreadCount } from "./notifications.server";

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
