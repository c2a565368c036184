/**
 * The programmes' indicators (issue 14): training completions, blind massage, demonstration sites, auxiliary
 * institutions and county coverage, entrepreneurs, instructors — each moved by the right record, once, in the right
 * place, as of the day; and each actual equal to a count written out here from the raw rows.
 */
import { describe, expect, it } from "vitest";
import type { DesignationKind, TrainingKind } from "../../../db/schema";
import {
  createOrganization,
  createSeekerProfile,
  createUser,
  makeIdNumber,
} from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import type { IndicatorCode } from "./contract";
import { indicatorDefinition, INDICATORS } from "./indicators";
import {
  computeStatistics,
  indicatorList,
  type StatisticsResult,
} from "./statistics.server";

const t = useTestDatabase();

/** Every dated record lies in Y, a year of 2031–2060 (the statistics tests use 2065–2099); figures are compared as differences (the PostgreSQL test database is shared). */
const Y = 2031 + Math.floor(Math.random() * 30);
const PERIOD = { periodStart: Y, periodEnd: Y };
const AS_OF = `${Y}-06-30`;
const LATER = `${Y}-12-31`;
const GY = "520102"; // 南明区, 贵阳市
const ZY = "520302"; // 红花岗区, 遵义市

const token = () => Math.random().toString(36).slice(2, 9);
const stats = (regionCode: string, asOf = AS_OF) =>
  computeStatistics(t.db, { regionCode, ...PERIOD, asOf });

function value(s: StatisticsResult, code: IndicatorCode) {
  return s.indicators.find((i) => i.code === code)!;
}
/** What happened between two computations in one indicator: the actual (or numerator/denominator) and the breakdown. */
function diff(
  after: StatisticsResult,
  before: StatisticsResult,
  code: IndicatorCode
) {
  const a = value(after, code);
  const b = value(before, code);
  if (indicatorDefinition(code).kind === "rate")
    return {
      numerator: a.numerator! - b.numerator!,
      denominator: a.denominator! - b.denominator!,
    };
  const parts = Object.fromEntries(
    (a.breakdown ?? [])
      .map((x) => [
        x.key,
        x.value - (b.breakdown?.find((y) => y.key === x.key)?.value ?? 0),
      ])
      .filter(([, v]) => v !== 0)
  );
  return {
    actual: a.actual! - b.actual!,
    ...(a.breakdown ? { breakdown: parts } : {}),
  };
}
function subDiff(
  after: StatisticsResult,
  before: StatisticsResult,
  regionCode: string,
  code: IndicatorCode
) {
  return (
    (after.subRegions.find((r) => r.regionCode === regionCode)!.actuals[code] ??
      0) -
    (before.subRegions.find((r) => r.regionCode === regionCode)!.actuals[
      code
    ] ?? 0)
  );
}

let owner: { id: string } | undefined;
async function org(region: string) {
  owner ??= await createUser(t.db, { role: "employer" });
  return createOrganization(t.db, owner.id, {
    regionCode: region,
    name: `机构${token()}`,
    status: "verified",
  });
}

async function person(
  region: string,
  o: {
    residence?: "urban" | "rural" | null;
    poor?: boolean;
    name?: string;
  } = {}
) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, {
    idNumber: makeIdNumber(),
    regionCode: region,
    realName: o.name ?? `学员${token()}`,
  });
  await t.db
    .updateTable("seeker_profile")
    .set({
      residence: o.residence === undefined ? "urban" : o.residence,
      poor_household: !!o.poor,
      poor_household_consent_at: o.poor ? new Date() : null,
    })
    .where("user_id", "=", u.id)
    .execute();
  return u.id;
}

async function course(kind: TrainingKind, region: string) {
  const provider = await org(region);
  const row = await t.db
    .insertInto("course")
    .values({
      provider_id: provider.id,
      kind,
      title: `课程${token()}`,
      starts_on: `${Y}-01-05`,
      ends_on: `${Y}-12-20`,
      region_code: region,
      capacity: 30,
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function complete(
  courseId: string,
  seekerId: string,
  on: string | null,
  status: "completed" | "enrolled" | "not_completed" = "completed"
) {
  await t.db
    .insertInto("course_enrolment")
    .values({
      course_id: courseId,
      seeker_id: seekerId,
      status,
      completed_on: status === "completed" ? on : null,
    })
    .execute();
}

async function job(seekerId: string, start: string) {
  await t.db
    .insertInto("employment")
    .values({
      seeker_id: seekerId,
      organization_id: null,
      employer_name: "盲人按摩店",
      contract_start: start,
      social_insurance: false,
      monthly_pay: 2500,
      form: "self_employed",
      origin: "recorded",
    })
    .execute();
}

async function designate(
  organizationId: string,
  kind: DesignationKind,
  o: { from?: string; to?: string | null; revoked?: string | null } = {}
) {
  await t.db
    .insertInto("designation")
    .values({
      organization_id: organizationId,
      kind,
      decision_number: `黔残联〔${Y}〕${
        Math.floor(Math.random() * 900) + 100
      }号`,
      decision_date: o.from ?? `${Y}-01-01`,
      valid_from: o.from ?? `${Y}-01-01`,
      valid_to: o.to === undefined ? `${Y}-12-31` : o.to,
      revoked_on: o.revoked ?? null,
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Independent counts from the raw rows (not the code under test's queries)

const inRegion = (region: string, place: string | null) =>
  !!place && place.startsWith(region.replace(/(00)+$/, ""));

async function completions() {
  return t.db
    .selectFrom("course_enrolment as ce")
    .innerJoin("course as c", "c.id", "ce.course_id")
    .innerJoin("seeker_profile as p", "p.user_id", "ce.seeker_id")
    .select([
      "ce.seeker_id",
      "ce.status",
      "ce.completed_on",
      "c.kind",
      "p.residence",
      "p.poor_household",
      "p.current_region_code",
      "p.household_region_code",
    ])
    .execute();
}

async function countTrained(
  region: string,
  asOf: string,
  kinds: TrainingKind[],
  who: (r: { residence: string | null; poor_household: boolean }) => boolean
) {
  const rows = await completions();
  const people = new Set(
    rows
      .filter(
        (r) =>
          r.status === "completed" &&
          r.completed_on &&
          r.completed_on >= `${Y}-01-01` &&
          r.completed_on <= asOf &&
          kinds.includes(r.kind) &&
          who(r)
      )
      .filter((r) =>
        inRegion(region, r.current_region_code ?? r.household_region_code)
      )
      .map((r) => r.seeker_id)
  );
  return people.size;
}

async function countActiveOrgs(
  region: string,
  day: string,
  kinds: DesignationKind[]
) {
  const rows = await t.db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select([
      "d.organization_id",
      "d.kind",
      "d.valid_from",
      "d.valid_to",
      "d.revoked_on",
      "o.region_code",
    ])
    .execute();
  const active = rows.filter(
    (d) =>
      kinds.includes(d.kind) &&
      d.valid_from <= day &&
      (!d.valid_to || d.valid_to >= day) &&
      (!d.revoked_on || d.revoked_on > day)
  );
  return new Set(
    active
      .filter((d) => inRegion(region, d.region_code))
      .map((d) => d.organization_id)
  ).size;
}

async function countCoverage(region: string, day: string) {
  const counties = await t.db
    .selectFrom("division")
    .select("code")
    .where("level", "=", "county")
    .execute();
  const mine = counties.map((c) => c.code).filter((c) => inRegion(region, c));
  const rows = await t.db
    .selectFrom("designation as d")
    .innerJoin("organization as o", "o.id", "d.organization_id")
    .select([
      "d.kind",
      "d.valid_from",
      "d.valid_to",
      "d.revoked_on",
      "o.region_code",
    ])
    .execute();
  const covered = new Set(
    rows
      .filter(
        (d) =>
          (d.kind === "auxiliary" || d.kind === "auxiliary_demo") &&
          d.valid_from <= day &&
          (!d.valid_to || d.valid_to >= day) &&
          (!d.revoked_on || d.revoked_on > day)
      )
      .map((d) => d.region_code)
  );
  return {
    numerator: mine.filter((c) => covered.has(c)).length,
    denominator: mine.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe("the programmes' indicators", () => {
  it("a completion moves the right training figure — kind, urban or rural, place — once, as of the day", async () => {
    const before = await stats("520000");
    const beforeGY = await stats("520100");
    const beforeLater = await stats("520000", LATER);

    const urbanGY = await course("urban_vocational", GY);
    const urbanGY2 = await course("urban_vocational", GY);
    const online = await course("online_remote", ZY);
    const rural = await course("rural_practical", GY);
    const massage = await course("blind_health_massage", ZY);
    const medical = await course("blind_medical_massage", ZY);

    // An urban person of 贵阳: two urban vocational courses and an online course (held in 遵义): one person.
    const a = await person(GY, { name: `甲${token()}` });
    await complete(urbanGY, a, `${Y}-03-10`);
    await complete(urbanGY2, a, `${Y}-04-10`);
    await complete(online, a, `${Y}-05-10`);
    // A rural poor person of 贵阳: rural practical techniques — the rural figure, not the urban one.
    const b = await person(GY, { residence: "rural", poor: true });
    await complete(rural, b, `${Y}-03-01`);
    // Rural but not a poor household, and unknown residence: neither figure.
    await complete(
      rural,
      await person(GY, { residence: "rural" }),
      `${Y}-03-01`
    );
    await complete(
      urbanGY,
      await person(GY, { residence: null }),
      `${Y}-03-01`
    );
    // Enrolled or not completed: nothing.
    await complete(urbanGY2, await person(GY), null, "enrolled");
    await complete(online, await person(GY), null, "not_completed");
    // Completed after the as-of day: only later.
    await complete(online, await person(GY), `${Y}-08-01`);
    // Blind health massage in 遵义: trained; one later employed (counts), one employed before completing (does not).
    const c = await person(ZY);
    await complete(massage, c, `${Y}-02-01`);
    await job(c, `${Y}-03-01`);
    const d = await person(ZY);
    await complete(massage, d, `${Y}-02-01`);
    await job(d, `${Y}-01-10`);
    await complete(medical, await person(ZY), `${Y}-04-01`);

    const after = await stats("520000");
    const afterGY = await stats("520100");
    const afterLater = await stats("520000", LATER);

    expect(diff(after, before, "training_urban")).toEqual({
      actual: 1,
      breakdown: { urban_vocational: 1, online_remote: 1 },
    });
    expect(diff(after, before, "training_rural")).toEqual({ actual: 1 });
    expect(diff(after, before, "blind_massage_trained")).toEqual({ actual: 2 });
    expect(diff(after, before, "blind_massage_employed")).toEqual({
      actual: 1,
    });
    expect(diff(after, before, "blind_medical_massage_trained")).toEqual({
      actual: 1,
    });
    // The place is the person's: 贵阳's urban figure moved though the online course was held in 遵义; 遵义's did not.
    expect(diff(afterGY, beforeGY, "training_urban")).toMatchObject({
      actual: 1,
    });
    expect(diff(afterGY, beforeGY, "blind_massage_trained")).toMatchObject({
      actual: 0,
    });
    expect(subDiff(after, before, "520100", "training_urban")).toBe(1);
    expect(subDiff(after, before, "520300", "training_urban")).toBe(0);
    expect(subDiff(after, before, "520300", "blind_massage_trained")).toBe(2);
    expect(subDiff(after, before, "520300", "blind_massage_employed")).toBe(1);
    expect(
      afterGY.subRegions.find((r) => r.regionCode === GY)!.actuals
        .training_rural! -
        beforeGY.subRegions.find((r) => r.regionCode === GY)!.actuals
          .training_rural!
    ).toBe(1);
    // Later in the year the late completion comes in.
    expect(diff(afterLater, beforeLater, "training_urban")).toEqual({
      actual: 2,
      breakdown: { urban_vocational: 1, online_remote: 2 },
    });

    // Each actual equals a count from the raw rows.
    const urban = (r: { residence: string | null }) => r.residence === "urban";
    expect(value(after, "training_urban").actual).toBe(
      await countTrained(
        "520000",
        AS_OF,
        [
          "urban_vocational",
          "online_remote",
          "continuing_education",
          "entrepreneurship",
        ],
        urban
      )
    );
    expect(value(afterGY, "training_urban").actual).toBe(
      await countTrained(
        "520100",
        AS_OF,
        [
          "urban_vocational",
          "online_remote",
          "continuing_education",
          "entrepreneurship",
        ],
        urban
      )
    );
    expect(value(after, "training_rural").actual).toBe(
      await countTrained(
        "520000",
        AS_OF,
        ["rural_practical"],
        (r) => r.residence === "rural" && r.poor_household
      )
    );
    expect(value(after, "blind_massage_trained").actual).toBe(
      await countTrained("520000", AS_OF, ["blind_health_massage"], () => true)
    );
    expect(value(afterLater, "blind_medical_massage_trained").actual).toBe(
      await countTrained("520000", LATER, ["blind_medical_massage"], () => true)
    );

    // The list behind 贵阳's urban figure names the person once, with both courses, and the read is audited.
    const admin: Actor = {
      id: (await createUser(t.db, { role: "admin", regionCode: "520100" })).id,
      role: "admin",
      regionCode: "520100",
    };
    const list = await indicatorList(t.db, admin, {
      code: "training_urban",
      regionCode: "520100",
      ...PERIOD,
      asOf: AS_OF,
    });
    expect(list.total).toBe(value(afterGY, "training_urban").actual);
    const name = (
      await t.db
        .selectFrom("seeker_profile")
        .select("real_name")
        .where("user_id", "=", a)
        .executeTakeFirstOrThrow()
    ).real_name!;
    const mine = await indicatorList(t.db, admin, {
      code: "training_urban",
      regionCode: GY,
      ...PERIOD,
      asOf: AS_OF,
      key: "online_remote",
    });
    const row = mine.rows.find(
      (r) => r[0]!.kind === "text" && r[0]!.value === name
    );
    expect(row).toBeDefined();
    expect(
      mine.rows.filter((r) => r[0]!.kind === "text" && r[0]!.value === name)
    ).toHaveLength(1);
    const audited = await t.db
      .selectFrom("audit_event")
      .select("entity_id")
      .where("actor_id", "=", admin.id)
      .where("subject_user_id", "=", a)
      .execute();
    expect(audited.map((x) => x.entity_id)).toContain(
      `training_urban:${GY}:${Y}:${AS_OF}:online_remote`
    );
    // The rural poor person is not in the urban list.
    const ruralName = (
      await t.db
        .selectFrom("seeker_profile")
        .select("real_name")
        .where("user_id", "=", b)
        .executeTakeFirstOrThrow()
    ).real_name!;
    expect(
      mine.rows.some((r) => r[0]!.kind === "text" && r[0]!.value === ruralName)
    ).toBe(false);
    const employed = await indicatorList(
      t.db,
      { id: admin.id, role: "admin", regionCode: "520000" },
      { code: "blind_massage_employed", regionCode: ZY, ...PERIOD, asOf: AS_OF }
    );
    expect(employed.total).toBe(
      value(await stats(ZY), "blind_massage_employed").actual
    );
  });

  it("counts designated organizations once, as of the day, by their place; coverage counts counties", async () => {
    const before = await stats("520000");
    const beforeZY = await stats("520300");
    // A county of 遵义 nobody covers on the day (other tests may have covered some): it must show as uncovered first.
    const coverageBefore = await indicatorList(
      t.db,
      {
        id: (
          await createUser(t.db, { role: "admin", regionCode: "520000" })
        ).id,
        role: "admin",
        regionCode: "520000",
      },
      {
        code: "auxiliary_county_coverage",
        regionCode: "520300",
        ...PERIOD,
        asOf: AS_OF,
        key: "uncovered",
      }
    );
    const uncovered = (
      await t.db
        .selectFrom("division")
        .select(["code", "name"])
        .where("parent_code", "=", "520300")
        .execute()
    ).find((c) =>
      coverageBefore.rows.some(
        (r) => r[0]!.kind === "text" && r[0]!.value === c.name
      )
    );
    expect(uncovered).toBeDefined();

    const both = await org(ZY);
    await designate(both.id, "concentrated_demo");
    await designate(both.id, "poverty_startup_base");
    await designate((await org(ZY)).id, "concentrated_demo", {
      revoked: `${Y}-03-01`,
    });
    await designate((await org(GY)).id, "poverty_startup_base", {
      from: `${Y}-09-01`,
    });
    await designate((await org(uncovered!.code)).id, "auxiliary_demo");
    // A second auxiliary institution in the same county covers it once.
    await designate((await org(uncovered!.code)).id, "auxiliary");

    const after = await stats("520000");
    const afterZY = await stats("520300");
    expect(diff(after, before, "demonstration_sites")).toEqual({
      actual: 1,
      breakdown: { concentrated_demo: 1, poverty_startup_base: 1 },
    });
    expect(diff(after, before, "auxiliary_demonstration_institutions")).toEqual(
      { actual: 1 }
    );
    expect(diff(after, before, "auxiliary_county_coverage")).toEqual({
      numerator: 1,
      denominator: 0,
    });
    expect(diff(afterZY, beforeZY, "auxiliary_county_coverage")).toEqual({
      numerator: 1,
      denominator: 0,
    });
    expect(subDiff(after, before, "520300", "demonstration_sites")).toBe(1);
    expect(subDiff(after, before, "520100", "demonstration_sites")).toBe(0);
    expect(
      subDiff(afterZY, beforeZY, uncovered!.code, "auxiliary_county_coverage")
    ).toBe(1);
    expect(value(after, "auxiliary_county_coverage").denominator).toBe(88);

    // Equal to counts from the raw rows.
    expect(value(after, "demonstration_sites").actual).toBe(
      await countActiveOrgs("520000", AS_OF, [
        "concentrated_demo",
        "poverty_startup_base",
      ])
    );
    expect(value(afterZY, "auxiliary_demonstration_institutions").actual).toBe(
      await countActiveOrgs("520300", AS_OF, ["auxiliary_demo"])
    );
    expect(value(after, "auxiliary_county_coverage")).toMatchObject(
      await countCoverage("520000", AS_OF)
    );
    expect(value(afterZY, "auxiliary_county_coverage")).toMatchObject(
      await countCoverage("520300", AS_OF)
    );
    // The 贵阳 base designated from September counts later in the year.
    expect(
      value(await stats("520100", LATER), "demonstration_sites").actual
    ).toBe(
      await countActiveOrgs("520100", LATER, [
        "concentrated_demo",
        "poverty_startup_base",
      ])
    );

    // The list: the county is no longer among the uncovered, and is among the covered with the institution's name.
    const admin: Actor = {
      id: (await createUser(t.db, { role: "admin", regionCode: "520300" })).id,
      role: "admin",
      regionCode: "520300",
    };
    const list = (key: string) =>
      indicatorList(t.db, admin, {
        code: "auxiliary_county_coverage",
        regionCode: "520300",
        ...PERIOD,
        asOf: AS_OF,
        key,
      });
    expect(
      (await list("uncovered")).rows.some(
        (r) => r[0]!.kind === "text" && r[0]!.value === uncovered!.name
      )
    ).toBe(false);
    expect(
      (await list("covered")).rows.some(
        (r) => r[0]!.kind === "text" && r[0]!.value === uncovered!.name
      )
    ).toBe(true);
    const sites = await indicatorList(t.db, admin, {
      code: "demonstration_sites",
      regionCode: "520300",
      ...PERIOD,
      asOf: AS_OF,
    });
    expect(sites.total).toBe(value(afterZY, "demonstration_sites").actual);
    expect(
      sites.rows.filter(
        (r) => r[0]!.kind === "text" && r[0]!.value === both.name
      )
    ).toHaveLength(1);
  });

  it("counts supported businesses once and community instructors once, in the period, not counselors", async () => {
    const before = await stats("520000");
    const b = await t.db
      .insertInto("business")
      .values({
        name: `创业户${token()}`,
        kind: "family_workshop",
        region_code: GY,
        started_on: `${Y}-01-01`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ownerId = await person(GY);
    await t.db
      .insertInto("business_owner")
      .values({ business_id: b.id, seeker_id: ownerId })
      .execute();
    await t.db
      .insertInto("business_support")
      .values({
        business_id: b.id,
        kind: "startup_subsidy",
        amount: "5000",
        support_date: `${Y}-02-01`,
      })
      .execute();
    await t.db
      .insertInto("business_support")
      .values({
        business_id: b.id,
        kind: "incubation",
        amount: "0",
        support_date: `${Y}-03-01`,
      })
      .execute();
    const late = await t.db
      .insertInto("business")
      .values({
        name: `创业户${token()}`,
        kind: "online_shop",
        region_code: ZY,
        started_on: `${Y}-01-01`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("business_support")
      .values({
        business_id: late.id,
        kind: "guaranteed_loan",
        amount: "50000",
        support_date: `${Y}-09-01`,
      })
      .execute();

    const instructor = `指导员${token()}`;
    for (const on of [`${Y}-02-01`, `${Y}-05-01`]) {
      await t.db
        .insertInto("staff_training")
        .values({
          name: instructor,
          role: "community_instructor",
          region_code: ZY,
          course: "社区就业指导",
          trained_on: on,
          hours: "16",
        })
        .execute();
    }
    await t.db
      .insertInto("staff_training")
      .values({
        name: `王${token()}`,
        role: "counselor",
        region_code: ZY,
        course: "就业指导员培训",
        trained_on: `${Y}-02-01`,
        hours: "8",
      })
      .execute();

    const after = await stats("520000");
    expect(diff(after, before, "entrepreneur_households")).toEqual({
      actual: 1,
    });
    expect(subDiff(after, before, "520100", "entrepreneur_households")).toBe(1);
    expect(diff(after, before, "instructors_trained")).toEqual({ actual: 1 });
    expect(subDiff(after, before, "520300", "instructors_trained")).toBe(1);
    expect(subDiff(after, before, "520100", "instructors_trained")).toBe(0);
    expect(
      diff(await stats("520000", LATER), before, "entrepreneur_households")
    ).toMatchObject({ actual: 2 });

    const admin: Actor = {
      id: (await createUser(t.db, { role: "admin", regionCode: "520000" })).id,
      role: "admin",
      regionCode: "520000",
    };
    const businesses = await indicatorList(t.db, admin, {
      code: "entrepreneur_households",
      regionCode: GY,
      ...PERIOD,
      asOf: AS_OF,
    });
    expect(businesses.total).toBe(
      value(await stats(GY), "entrepreneur_households").actual
    );
    const audited = await t.db
      .selectFrom("audit_event")
      .select("entity_id")
      .where("actor_id", "=", admin.id)
      .where("subject_user_id", "=", ownerId)
      .execute();
    expect(audited).toHaveLength(1);
    const instructors = await indicatorList(t.db, admin, {
      code: "instructors_trained",
      regionCode: ZY,
      ...PERIOD,
      asOf: AS_OF,
    });
    expect(
      instructors.rows.filter(
        (r) => r[0]!.kind === "text" && r[0]!.value === instructor
      )
    ).toHaveLength(1);
    expect(instructors.total).toBe(
      value(await stats(ZY), "instructors_trained").actual
    );
  });

  it("says how each programme figure is computed, and none says nothing records it", () => {
    for (const d of INDICATORS) {
      expect(d.recorded, d.code).toBe(true);
      expect(d.computedZh).not.toMatch(/尚未记录/);
      expect(d.computedEn).not.toMatch(/Nothing on the platform records/);
    }
  });
});
