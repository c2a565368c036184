import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { assessmentsOf, assessmentSubjectName, latestAssessment, recordAssessment } from "./assessments.server";

const t = useTestDatabase();

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

async function actor(role: "counselor" | "admin" | "seeker", regionCode: string | null = "520100"): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

const INPUT = { assessedOn: "2026-11-20", method: "工作样本评估", result: "能胜任简单装配，需要固定工位", recommendations: "推荐参加手工编织培训" };

describe("vocational capability assessments", () => {
  it("only the seeker's current counselor records and reads them (others 404); audited; the latest comes first", async () => {
    const counselor = await actor("counselor");
    const colleague = await actor("counselor");
    const admin = await actor("admin");
    const s = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, s.id, { idNumber: freshIdNumber(), realName: "评估对象" });
    const self: Actor = { id: s.id, role: "seeker", regionCode: null };
    await t.db.insertInto("caseload_assignment").values({ seeker_id: s.id, counselor_id: counselor.id }).execute();

    for (const other of [colleague, admin, self]) {
      expect(await outcome(recordAssessment(t.db, other, s.id, INPUT))).toBe(404);
      expect(await outcome(assessmentsOf(t.db, other, s.id))).toBe(404);
      expect(await outcome(assessmentSubjectName(t.db, other, s.id))).toBe(404);
    }
    expect(await outcome(recordAssessment(t.db, counselor, "not-a-uuid", INPUT))).toBe(404);
    expect(await t.db.selectFrom("capability_assessment").select("id").where("seeker_id", "=", s.id).execute()).toHaveLength(0);

    expect(await latestAssessment(t.db, counselor, s.id)).toBeNull();
    expect(await assessmentSubjectName(t.db, counselor, s.id)).toBe("评估对象");
    const first = await recordAssessment(t.db, counselor, s.id, INPUT);
    const second = await recordAssessment(t.db, counselor, s.id, { ...INPUT, assessedOn: "2026-12-01", method: "情境评估", recommendations: undefined });
    expect(first.ok && second.ok).toBe(true);
    expect(await recordAssessment(t.db, counselor, s.id, { ...INPUT, assessedOn: "2999-01-01" })).toEqual({ ok: false, fieldErrors: { assessedOn: ["assessment.err.dateFuture"] } });

    const list = await assessmentsOf(t.db, counselor, s.id);
    expect(list.map((a) => a.method)).toEqual(["情境评估", "工作样本评估"]);
    expect(list[0]).toMatchObject({ recommendations: "" });
    expect(await latestAssessment(t.db, counselor, s.id)).toMatchObject({ method: "情境评估", assessedOn: "2026-12-01" });

    const rows = await t.db.selectFrom("audit_event").select(["action", "actor_id"]).where("subject_user_id", "=", s.id).where("entity", "=", "capability_assessment").execute();
    expect(rows.filter((r) => r.action === "create")).toHaveLength(2);
    expect(rows.filter((r) => r.action === "read").length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.actor_id === counselor.id)).toBe(true);

    // When the seeker moves to another counselor, the former one is turned away.
    await t.db.updateTable("caseload_assignment").set({ ended_at: new Date() }).where("seeker_id", "=", s.id).execute();
    await t.db.insertInto("caseload_assignment").values({ seeker_id: s.id, counselor_id: colleague.id }).execute();
    expect(await outcome(assessmentsOf(t.db, counselor, s.id))).toBe(404);
    expect((await assessmentsOf(t.db, colleague, s.id)).length).toBe(2);
  });
});
