import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import type { StaffTrainingInput } from "./staff-training.schema";
import { counselorChoices, instructorsTrained, listStaffTraining, recordStaffTraining } from "./staff-training.server";

const t = useTestDatabase();

/** A year no training record uses yet: the PostgreSQL test database is shared and persists. */
async function freshYear(): Promise<number> {
  const used = new Set((await t.db.selectFrom("staff_training").select((eb) => eb.fn<number>("date_part", [eb.val("year"), "trained_on"]).as("y")).distinct().execute()).map((r) => Number(r.y)));
  for (;;) {
    const y = 2200 + Math.floor(Math.random() * 700);
    if (!used.has(y)) return y;
  }
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

async function staff(role: "counselor" | "admin", regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

const course = { course: "残疾人就业指导实务", provider: "省残联", trainedOn: "2026-06-30", hours: 16 };

describe("instructorsTrained (the 300 community instructors indicator)", () => {
  it("counts distinct community instructors trained in the period by the as-of day; counselors do not count", async () => {
    const y = await freshYear();
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
    expect(await instructorsTrained(t.db, { regionCode: "520100", ...q, from: `${y}-04-01`, asOf: `${y}-12-31` })).toBe(3);
  });
});

describe("recording staff training", () => {
  it("admins record counselors of their region and community instructors by name; totals count people once; audited", async () => {
    const admin = await staff("admin", "520300");
    const counselor = await staff("counselor", "520302");
    const elsewhere = await staff("counselor", "520102");
    const name = `赵${Math.random().toString(36).slice(2, 8)}`;
    const instructor: StaffTrainingInput = { role: "community_instructor", name, regionCode: "520302", ...course };
    expect((await recordStaffTraining(t.db, admin, instructor)).ok).toBe(true);
    expect((await recordStaffTraining(t.db, admin, { ...instructor, name: ` ${name} `.trim(), trainedOn: "2026-07-01", hours: 7.5 })).ok).toBe(true);
    expect((await recordStaffTraining(t.db, admin, { role: "counselor", userId: counselor.id, ...course })).ok).toBe(true);

    // Outside the admin's region: refused as a field error, nothing written.
    expect(await recordStaffTraining(t.db, admin, { role: "counselor", userId: elsewhere.id, ...course })).toEqual({ ok: false, fieldErrors: { userId: ["staffTraining.err.counselorRequired"] } });
    expect(await recordStaffTraining(t.db, admin, { ...instructor, regionCode: "520102" })).toEqual({ ok: false, fieldErrors: { regionCode: ["staffTraining.err.regionRequired"] } });
    expect(await recordStaffTraining(t.db, admin, { ...instructor, trainedOn: "2999-01-01" })).toEqual({ ok: false, fieldErrors: { trainedOn: ["staffTraining.err.dateFuture"] } });

    const stored = await t.db.selectFrom("staff_training").select(["user_id", "name", "region_code", "hours"]).where("recorded_by", "=", admin.id).orderBy("created_at").execute();
    expect(stored).toHaveLength(3);
    expect(stored[2]).toMatchObject({ user_id: counselor.id, region_code: "520302" });

    const list = await listStaffTraining(t.db, admin, { year: 2026 });
    const mine = list.rows.filter((r) => r.name === name);
    expect(mine.map((r) => r.hours).sort()).toEqual([16, 7.5].sort());
    expect(list.totals.instructors).toBeGreaterThanOrEqual(1);
    const onlyCounselors = await listStaffTraining(t.db, admin, { role: "counselor" });
    expect(onlyCounselors.rows.every((r) => r.role === "counselor")).toBe(true);
    expect((await counselorChoices(t.db, admin)).map((c) => c.id)).toContain(counselor.id);
    expect((await counselorChoices(t.db, admin)).map((c) => c.id)).not.toContain(elsewhere.id);

    const audit = await t.db.selectFrom("audit_event").select(["action", "subject_user_id"]).where("actor_id", "=", admin.id).where("entity", "=", "staff_training").execute();
    expect(audit).toHaveLength(3);
    expect(audit.filter((a) => a.subject_user_id === counselor.id)).toHaveLength(1);
  });

  it("is for admins only: counselors, seekers and employers get 404", async () => {
    const counselor = await staff("counselor", "520100");
    const seeker = await createUser(t.db, { role: "seeker" });
    for (const who of [counselor, { id: seeker.id, role: "seeker", regionCode: null } satisfies Actor]) {
      expect(await outcome(listStaffTraining(t.db, who))).toBe(404);
      expect(await outcome(recordStaffTraining(t.db, who, { role: "community_instructor", name: "x", regionCode: "520102", ...course }))).toBe(404);
    }
  });
});
