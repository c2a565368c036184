/**
 * The counseling demo (issue 6) and the plan's targets. Targets are data (design §2): the seed writes the one the
 * graduate cohort page compares with; a new plan period is a new row, not code.
 *
 * The demo caseload: the demo counselor (王芳, 贵阳市) holds the demo seeker 李明 and a dozen seekers of 贵阳市, some of
 * them this year's graduates, with a plan for 李明, service records and an overdue action — so the caseload, the due
 * list and the seeker's own plan page have something to show. Idempotent: nothing is written once the counselor has
 * ever held a caseload.
 */
import { sql } from "kysely";
import type { DB } from "./database";
import { DEMO_ANCHOR } from "./seed-demo";

const DAY = 86_400_000;
const day = (daysBefore: number) => new Date(DEMO_ANCHOR.getTime() - daysBefore * DAY).toISOString().slice(0, 10);

export async function seedPlanTargets(db: DB): Promise<number> {
  const rows = await db
    .insertInto("plan_target")
    .values([
      {
        indicator: "graduate_employment_rate",
        period_start: 2016,
        period_end: 2020,
        region_code: "520000",
        target_value: "0.6",
        source: "黔残联发〔2017〕23号",
      },
    ])
    .onConflict((oc) => oc.columns(["indicator", "period_start", "region_code"]).doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

export async function seedDemoCaseload(db: DB, phones: { seeker: string; counselor: string; admin: string }): Promise<number> {
  const [counselor, admin, seeker] = await Promise.all(
    [phones.counselor, phones.admin, phones.seeker].map((phone) => db.selectFrom("app_user").select("id").where("phone", "=", phone).executeTakeFirst()),
  );
  if (!counselor || !admin || !seeker) return 0;
  const held = await db.selectFrom("caseload_assignment").select("id").where("counselor_id", "=", counselor.id).limit(1).executeTakeFirst();
  if (held) return 0;
  const others = await db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .leftJoin("caseload_assignment as a", (j) => j.onRef("a.seeker_id", "=", "p.user_id").on("a.ended_at", "is", null))
    .select("p.user_id")
    .where("u.role", "=", "seeker")
    .where("a.id", "is", null)
    .where("p.user_id", "!=", seeker.id)
    .where("p.current_region_code", "like", "5201%")
    .orderBy(sql`p.graduation_year is null`)
    .orderBy("p.graduation_year", "desc")
    .orderBy("u.phone")
    .limit(12)
    .execute();
  const ids = [seeker.id, ...others.map((o) => o.user_id)];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("caseload_assignment")
      .values(ids.map((id, i) => ({ seeker_id: id, counselor_id: counselor.id, assigned_by: admin.id, started_at: new Date(DEMO_ANCHOR.getTime() - (60 - i) * DAY) })))
      .execute();
    await trx
      .insertInto("individual_plan")
      .values({
        seeker_id: seeker.id,
        goals: "半年内在贵阳市找到一份可远程或弹性工时的文职或电商客服工作，月薪 3000 元以上。",
        barriers: "长时间站立和搬重物有困难；需要无障碍通道；最近一年没有正式工作经历。",
        updated_by: counselor.id,
      })
      .execute();
    await trx
      .insertInto("plan_action")
      .values([
        { seeker_id: seeker.id, description: "参加电商客服技能培训（线上）", owner: "seeker", due_date: day(-20), created_by: counselor.id },
        { seeker_id: seeker.id, description: "联系两家提供无障碍通道的用人单位", owner: "counselor", due_date: day(5), created_by: counselor.id },
        { seeker_id: seeker.id, description: "完成职业能力评估", owner: "counselor", due_date: day(30), status: "done", completed_at: new Date(DEMO_ANCHOR.getTime() - 28 * DAY), created_by: counselor.id },
      ])
      .execute();
    await trx
      .insertInto("service_record")
      .values([
        { seeker_id: seeker.id, counselor_id: counselor.id, type: "vocational_assessment", service_date: day(28), notes: "评估办公软件与打字能力。", outcome: "适合文职、数据录入和电商客服岗位。" },
        { seeker_id: seeker.id, counselor_id: counselor.id, type: "career_guidance", service_date: day(12), notes: "讨论求职方向和面试准备。", outcome: "同意先申请远程客服岗位。" },
        ...ids.slice(1, 6).map((id, i) => ({ seeker_id: id, counselor_id: counselor.id, type: "job_introduction" as const, service_date: day(5 + i * 9), notes: "电话了解求职意向。", outcome: "" })),
      ])
      .execute();
  });
  return ids.length;
}
