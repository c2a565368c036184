import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import { instructorsTrained } from "./staff-training.server";

const t = useTestDatabase();

function freshYear(): number {
  return 2200 + Math.floor(Math.random() * 700);
}

describe("instructorsTrained (the 300 community instructors indicator)", () => {
  it("counts distinct community instructors trained in the period by the as-of day; counselors do not count", async () => {
    const y = freshYear();
    const tag = Math.random().toString(36).slice(2, 8);
    const counselor = await createUser(t.db, { role: "counselor", regionCode: "520102" });
    const row = (name: string, region: string, day: string, extra: { user_id?: string; role?: "counselor" | "community_instructor" } = {}) =>
      t.db
        .insertInto("staff_training")
        .values({ name, region_code: region, course: "就业指导", trained_on: day, hours: "8", role: "community_instructor", ...extra })
        .execute();
    await row(`张${tag}`, "520102", `${y}-03-01`);
    await row(`张${tag}`, "520102", `${y}-05-01`); // the same person again
    await row(`张${tag}`, "520103", `${y}-05-01`); // a namesake in another county: another person
    await row(`李${tag}`, "520102", `${y}-08-01`); // after the as-of day
    await row(`王${tag}`, "520302", `${y}-02-01`); // another prefecture
    await row("counselor", "520102", `${y}-02-01`, { user_id: counselor.id, role: "counselor" });
    const q = { from: `${y}-01-01`, to: `${y}-12-31`, asOf: `${y}-06-30` };
    expect(await instructorsTrained(t.db, { regionCode: "520100", ...q })).toBe(2);
    expect(await instructorsTrained(t.db, { regionCode: "520100", ...q, asOf: `${y}-12-31` })).toBe(3);
    expect(await instructorsTrained(t.db, { regionCode: "520000", ...q, asOf: `${y}-12-31` })).toBe(4);
  });
});
