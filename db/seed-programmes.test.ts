import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { useTestDatabase } from "../tests/helpers/db";
import type { DB } from "./database";
import { seed } from "./seed";
import { demoUsccs } from "./seed-demo";
import { PLAN_DEMO_PHONES, PREFECTURES } from "./seed-plan";
import { PROGRAMMES_MARK, seedProgrammesDemo } from "./seed-programmes";
import { TRAINING_KINDS } from "../app/domain/realname/verification.schema";
import { computeStatistics } from "../app/domain/statistics/statistics.server";

const t = useTestDatabase();
/** The demo's today (DEMO_ANCHOR in Shanghai). */
const TODAY = "2026-11-27";
const activeOn = (
  d: { valid_from: string; valid_to: string | null; revoked_on: string | null },
  day: string
) =>
  d.valid_from <= day &&
  (d.valid_to === null || d.valid_to >= day) &&
  (d.revoked_on === null || d.revoked_on > day);

async function tableCounts(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    "designation",
    "institution_support",
    "course",
    "course_enrolment",
    "training_subsidy",
    "training_certificate",
    "business",
    "business_owner",
    "business_support",
    "business_check",
    "staff_training",
    "recruitment_event",
    "competition_category",
    "competition_entry",
    "judge",
    "judge_assignment",
    "caseload_assignment",
    "plan_target",
  ]) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(r.rows[0]!.n);
  }
  return counts;
}

let seconds: number | null = null;

beforeAll(async () => {
  await seed(t.db, (line) => {
    const m = /programmes demo done \(([\d.]+) s\)/.exec(line);
    if (m) seconds = Number(m[1]);
  });
}, 240_000);

/** The demo organizations' designations (the PostgreSQL test database may hold other tests' too). */
async function demoDesignations() {
  return t.db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select([
      "d.id",
      "d.kind",
      "d.valid_from",
      "d.valid_to",
      "d.revoked_on",
      "o.id as organization_id",
      "o.region_code",
      "o.status",
    ])
    .where("o.uscc", "in", demoUsccs())
    .execute();
}

describe("the programmes demo", () => {
  it("seeds quickly", () => {
    expect(seconds).not.toBeNull();
    // About 1 s on PGlite; a loaded machine gets some slack.
    expect(seconds!).toBeLessThan(3);
  });

  it("designates verified organizations in every prefecture, with support records", async () => {
    const rows = await demoDesignations();
    expect(rows.some((d) => d.kind === "training_base")).toBe(true);
    for (const pref of PREFECTURES) {
      const mine = rows.filter(
        (d) => d.region_code.startsWith(pref.slice(0, 4)) && activeOn(d, TODAY)
      );
      expect(mine.length, pref).toBeGreaterThan(0);
    }
    for (const d of rows) expect(d.status).toBe("verified");
    for (const kind of [
      "concentrated_demo",
      "poverty_startup_base",
      "auxiliary",
      "auxiliary_demo",
      "blind_massage_health",
      "blind_massage_medical",
      "cultural_creative",
    ]) {
      expect(
        rows.some((d) => d.kind === kind && activeOn(d, TODAY)),
        kind
      ).toBe(true);
    }
    const supported = await t.db
      .selectFrom("institution_support")
      .select("designation_id")
      .where(
        "designation_id",
        "in",
        rows.map((d) => d.id)
      )
      .execute();
    expect(
      new Set(supported.map((s) => s.designation_id)).size
    ).toBeGreaterThanOrEqual(20);
  });

  it("leaves some counties uncovered by auxiliary institutions, in 贵阳市 too", async () => {
    const rows = (await demoDesignations()).filter(
      (d) =>
        (d.kind === "auxiliary" || d.kind === "auxiliary_demo") &&
        activeOn(d, TODAY)
    );
    const covered = new Set(rows.map((d) => d.region_code));
    const counties = await t.db
      .selectFrom("division")
      .select(["code", "parent_code"])
      .where("level", "=", "county")
      .execute();
    expect(
      counties.filter((c) => covered.has(c.code)).length
    ).toBeGreaterThanOrEqual(5);
    const guiyang = counties.filter((c) => c.parent_code === "520100");
    expect(guiyang.some((c) => covered.has(c.code))).toBe(true);
    expect(
      guiyang.filter((c) => !covered.has(c.code)).length
    ).toBeGreaterThanOrEqual(5);
    // The figure agrees: covered counties below all of them.
    const s = await computeStatistics(t.db, {
      regionCode: "520000",
      periodStart: 2026,
      periodEnd: 2026,
      asOf: TODAY,
    });
    const coverage = s.indicators.find(
      (i) => i.code === "auxiliary_county_coverage"
    )!;
    expect(coverage.denominator).toBe(88);
    expect(coverage.numerator).toBeGreaterThanOrEqual(5);
    expect(coverage.numerator).toBeLessThan(88);
  });

  it("has courses of every kind by designated training bases, with completions, subsidies and certificates", async () => {
    const courses = await t.db
      .selectFrom("course as c")
      .innerJoin("organization as o", "o.id", "c.provider_id")
      .select([
        "c.id",
        "c.kind",
        "c.provider_id",
        "c.starts_on",
        "c.ends_on",
        "c.status",
        "c.region_code",
      ])
      .where("o.uscc", "in", demoUsccs())
      .execute();
    expect(new Set(courses.map((c) => c.kind))).toEqual(
      new Set(TRAINING_KINDS)
    );
    expect(
      new Set(courses.map((c) => c.region_code.slice(0, 4))).size
    ).toBeGreaterThanOrEqual(7);
    const bases = (await demoDesignations()).filter(
      (d) => d.kind === "training_base"
    );
    for (const c of courses)
      expect(
        bases.some(
          (b) =>
            b.organization_id === c.provider_id &&
            activeOn(b, c.starts_on) &&
            activeOn(b, c.ends_on)
        ),
        c.id
      ).toBe(true);

    const enrolments = await t.db
      .selectFrom("course_enrolment as e")
      .leftJoin("training_subsidy as s", "s.enrolment_id", "e.id")
      .select([
        "e.id",
        "e.course_id",
        "e.status",
        "e.completed_on",
        "s.id as subsidy",
      ])
      .where(
        "e.course_id",
        "in",
        courses.map((c) => c.id)
      )
      .execute();
    const completed = enrolments.filter((e) => e.status === "completed");
    expect(completed.length).toBeGreaterThanOrEqual(50);
    for (const kind of TRAINING_KINDS) {
      expect(
        completed.some(
          (e) => courses.find((c) => c.id === e.course_id)!.kind === kind
        ),
        kind
      ).toBe(true);
    }
    for (const e of completed) {
      const c = courses.find((x) => x.id === e.course_id)!;
      expect(e.completed_on).toBe(c.ends_on);
      expect(e.completed_on! <= TODAY).toBe(true);
      expect(e.subsidy).not.toBeNull();
    }
    expect(
      enrolments
        .filter((e) => e.status !== "completed")
        .every((e) => e.subsidy === null)
    ).toBe(true);
    expect(enrolments.some((e) => e.status === "not_completed")).toBe(true);
    expect(enrolments.some((e) => e.status === "waitlisted")).toBe(true);
    const certificates = await t.db
      .selectFrom("training_certificate")
      .select(["show_on_profile", "enrolment_id"])
      .where(
        "enrolment_id",
        "in",
        completed.map((e) => e.id)
      )
      .execute();
    expect(certificates.some((c) => c.show_on_profile)).toBe(true);
    expect(certificates.some((c) => !c.show_on_profile)).toBe(true);
  });

  it("keeps the demo counselor's caseload out of it, with a blind seeker there and no course for them", async () => {
    const counselor = await t.db
      .selectFrom("app_user")
      .select("id")
      .where("phone", "=", PLAN_DEMO_PHONES.counselor)
      .executeTakeFirstOrThrow();
    const caseload = await t.db
      .selectFrom("caseload_assignment as a")
      .innerJoin("seeker_profile as p", "p.user_id", "a.seeker_id")
      .select(["p.user_id", "p.disability_category", "p.current_region_code"])
      .where("a.counselor_id", "=", counselor.id)
      .where("a.ended_at", "is", null)
      .execute();
    const ids = caseload.map((c) => c.user_id);
    const blind = caseload.filter((c) => c.disability_category === "vision");
    expect(blind.length).toBeGreaterThanOrEqual(1);
    expect(blind[0]!.current_region_code!.startsWith("5201")).toBe(true);
    const enrolled = await t.db
      .selectFrom("course_enrolment")
      .select("seeker_id")
      .where("seeker_id", "in", ids)
      .execute();
    expect(enrolled).toEqual([]);
    expect(
      await t.db
        .selectFrom("competition_entry")
        .select("id")
        .where("seeker_id", "in", ids)
        .execute()
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom("business_owner")
        .select("business_id")
        .where("seeker_id", "in", ids)
        .execute()
    ).toEqual([]);
  });

  it("has supported entrepreneurs, trained instructors in every prefecture and a competition in 贵阳", async () => {
    const s = await computeStatistics(t.db, {
      regionCode: "520000",
      periodStart: 2026,
      periodEnd: 2026,
      asOf: TODAY,
    });
    for (const code of [
      "training_urban",
      "training_rural",
      "blind_massage_trained",
      "blind_massage_employed",
      "blind_medical_massage_trained",
      "demonstration_sites",
      "entrepreneur_households",
      "auxiliary_demonstration_institutions",
      "instructors_trained",
    ] as const) {
      expect(
        s.indicators.find((i) => i.code === code)!.actual,
        code
      ).toBeGreaterThan(0);
    }
    for (const pref of PREFECTURES)
      expect(
        s.subRegions.find((r) => r.regionCode === pref)!.actuals
          .instructors_trained,
        pref
      ).toBeGreaterThan(0);

    const businesses = await t.db
      .selectFrom("business as b")
      .innerJoin("business_owner as o", "o.business_id", "b.id")
      .innerJoin("app_user as u", "u.id", "o.seeker_id")
      .select([
        "b.id",
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom("business_support as s")
                .select("s.id")
                .whereRef("s.business_id", "=", "b.id")
            )
            .as("supported"),
      ])
      .where("u.phone", "like", "1360000%")
      .execute();
    expect(businesses.length).toBeGreaterThanOrEqual(10);
    expect(businesses.every((b) => b.supported)).toBe(true);

    const competition = await t.db
      .selectFrom("recruitment_event as e")
      .select(["e.id", "e.status", "e.region_code"])
      .where("e.kind", "=", "competition")
      .where("e.title", "=", "2026 年贵州省残疾人职业技能竞赛（贵阳赛区）")
      .executeTakeFirstOrThrow();
    expect(competition.status).toBe("published");
    expect(competition.region_code.startsWith("5201")).toBe(true);
    const categories = await t.db
      .selectFrom("competition_category")
      .select("id")
      .where("event_id", "=", competition.id)
      .execute();
    expect(categories).toHaveLength(2);
    for (const c of categories) {
      expect(
        (
          await t.db
            .selectFrom("judge_assignment")
            .select("judge_id")
            .where("category_id", "=", c.id)
            .execute()
        ).length
      ).toBeGreaterThanOrEqual(2);
      expect(
        (
          await t.db
            .selectFrom("competition_entry")
            .select("id")
            .where("category_id", "=", c.id)
            .execute()
        ).length
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it("adds nothing when run again", async () => {
    expect(
      await t.db
        .selectFrom("designation")
        .select("id")
        .where("decision_number", "=", PROGRAMMES_MARK)
        .execute()
    ).toHaveLength(1);
    const before = await tableCounts(t.db);
    await seedProgrammesDemo(t.db);
    await seed(t.db);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
