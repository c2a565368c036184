/**
 * The events demo (issue 7): two published special recruitment events in 贵阳市 — a general one in December and a
 * graduates' one in spring — with accessible arrangements; the demo employer takes part in the first with a booth,
 * two vacancies and interview slots. Idempotent: nothing is written once any event exists.
 */
import type { DB } from "./database";

export async function seedDemoEvents(db: DB, phones: { employer: string; admin: string }): Promise<number> {
  if (await db.selectFrom("recruitment_event").select("id").limit(1).executeTakeFirst()) return 0;
  const admin = await db.selectFrom("app_user").select("id").where("phone", "=", phones.admin).executeTakeFirst();
  const employer = await db
    .selectFrom("app_user as u")
    .innerJoin("organization_member as m", "m.user_id", "u.id")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select(["u.id", "o.id as organization_id"])
    .where("u.phone", "=", phones.employer)
    .where("o.status", "=", "verified")
    .executeTakeFirst();
  if (!admin) return 0;
  const at = (s: string) => new Date(`${s}+08:00`);
  return db.transaction().execute(async (trx) => {
    const events = await trx
      .insertInto("recruitment_event")
      .values([
        {
          title: "2026 年贵阳市残疾人就业援助月专场招聘会",
          kind: "general",
          starts_at: at("2026-12-18T09:00:00"),
          ends_at: at("2026-12-18T16:00:00"),
          registration_deadline: at("2026-12-16T18:00:00"),
          region_code: "520102",
          venue: "贵阳市南明区残疾人综合服务中心一楼大厅（公交 2 路、地铁 1 号线河滨公园站，有无障碍电梯）",
          arrangements: ["sign_language_interpreters", "captions", "step_free_venue", "accessible_toilets", "accessible_parking", "guide_service", "quiet_room"],
          capacity: 200,
          description: "就业援助月期间举办的综合专场。现场有手语翻译和文字转写，入口到展区全程无台阶，设安静休息室。报名时请告诉我们您需要的支持。",
          status: "published",
          published_at: at("2026-11-20T10:00:00"),
          created_by: admin.id,
        },
        {
          title: "2027 年贵州省残疾人大中专毕业生专场招聘会",
          kind: "graduates",
          starts_at: at("2027-04-15T09:30:00"),
          ends_at: at("2027-04-15T15:30:00"),
          registration_deadline: at("2027-04-12T18:00:00"),
          region_code: "520100",
          venue: "贵州大学花溪校区体育馆（无障碍通道在东门）",
          arrangements: ["sign_language_interpreters", "step_free_venue", "accessible_toilets", "braille_large_print", "guide_service"],
          capacity: 300,
          description: "面向 2025–2027 年毕业的残疾人大中专毕业生。可提供盲文和大字版岗位信息。",
          status: "published",
          published_at: at("2026-11-25T10:00:00"),
          created_by: admin.id,
        },
      ])
      .returning("id")
      .execute();
    if (employer) {
      const vacancies = await trx
        .selectFrom("vacancy")
        .select("id")
        .where("organization_id", "=", employer.organization_id)
        .where("status", "=", "open")
        .orderBy("title")
        .limit(2)
        .execute();
      if (vacancies.length) {
        const p = await trx
          .insertInto("event_employer")
          .values({ event_id: events[0]!.id, organization_id: employer.organization_id, status: "approved", booth: "A01", applied_by: employer.id, decided_by: admin.id, decided_at: at("2026-11-22T10:00:00") })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("event_employer_vacancy").values(vacancies.map((v) => ({ event_employer_id: p.id, vacancy_id: v.id }))).execute();
        await trx
          .insertInto("interview_slot")
          .values(Array.from({ length: 6 }, (_, i) => ({ event_employer_id: p.id, starts_at: at(`2026-12-18T${String(10 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}:00`), ends_at: at(`2026-12-18T${String(10 + Math.floor((i + 1) / 2)).padStart(2, "0")}:${(i + 1) % 2 ? "30" : "00"}:00`) })))
          .execute();
      }
    }
    return events.length;
  });
}
