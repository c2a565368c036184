import { describe, expect, it } from "vitest";
import type { EmploymentForm, EmploymentOrigin, ServiceType } from "../../../db/schema";
import { createApplication } from "../../../tests/fixtures/applications";
import { createOrganization, createSeekerProfile, createUser, createVacancy, makeIdNumber } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { RECORDED_INDICATORS, UNRECORDED_INDICATORS, type IndicatorCode } from "./contract";
import { INDICATORS, PLAN_2016_2020_TARGETS, indicatorDefinition } from "./indicators";
import { provincialBodiesSummary } from "../realname/provincial-bodies.server";
import { computeStatistics, elapsedShare, indicatorList, judge, listTargets, readStatistics, setTarget, type StatisticsResult } from "./statistics.server";

const t = useTestDatabase();

/**
 * Every dated record here lies in the years around Y, which no other test uses, and every figure is compared as the
 * difference made by this test's records (the PostgreSQL test database is shared and kept between runs). People
 * born in the years before Y are of working age in Y; the factories' people (born 1960–2005) are not.
 */
const Y = 2066 + Math.floor(Math.random() * 33);
const PERIOD = { periodStart: Y - 1, periodEnd: Y + 1 };
const AS_OF = `${Y}-06-30`;
const LATER = `${Y + 1}-12-31`;
const GY = "520102"; // 南明区, 贵阳市 520100
const ZY = "520302"; // 红花岗区, 遵义市 520300

function token() {
  return `st${Math.random().toString(36).slice(2, 9)}`;
}

async function staff(role: "admin" | "counselor", regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

/** A seeker with a certificate, in `region`; `birth` and `gender` as given (working age needs a birth near Y). */
async function person(o: { region: string; birth?: string; gender?: "male" | "female"; graduationYear?: number; certificate?: boolean; name?: string }) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { idNumber: makeIdNumber(), regionCode: o.region, graduationYear: o.graduationYear ?? null, realName: o.name ?? `统计${token()}` });
  const set: Record<string, unknown> = {};
  if (o.birth) set.birth_date = o.birth;
  if (o.gender) set.gender = o.gender;
  if (o.certificate === false) set.certificate_number = null;
  if (Object.keys(set).length) await t.db.updateTable("seeker_profile").set(set).where("user_id", "=", u.id).execute();
  return u.id;
}

let employer: { id: string } | undefined;
async function org(region: string, name = `单位${token()}`) {
  employer ??= await createUser(t.db, { role: "employer" });
  return createOrganization(t.db, employer.id, { regionCode: region, name });
}

async function job(
  seekerId: string | null,
  o: { start: string; form: EmploymentForm; origin?: EmploymentOrigin; organizationId?: string | null; end?: string | null; endedOn?: string | null },
) {
  const row = await t.db
    .insertInto("employment")
    .values({
      seeker_id: seekerId,
      organization_id: o.organizationId ?? null,
      employer_name: o.organizationId ? null : "社区居家服务",
      contract_start: o.start,
      contract_end: o.end ?? null,
      ended_on: o.endedOn ?? null,
      social_insurance: false,
      monthly_pay: 2000,
      form: o.form,
      origin: o.origin ?? "recorded",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function verify(seekerId: string, on: string) {
  await t.db.insertInto("real_name_verification").values({ seeker_id: seekerId, verified_on: on, employment_status: "unemployed" }).execute();
}

async function service(seekerId: string, type: ServiceType, on: string) {
  await t.db.insertInto("service_record").values({ seeker_id: seekerId, type, service_date: on }).execute();
}

async function event(region: string, status: "draft" | "published" | "cancelled", endsOn: string) {
  const ends = new Date(`${endsOn}T17:00:00+08:00`);
  const row = await t.db
    .insertInto("recruitment_event")
    .values({
      title: `专场${token()}`,
      kind: "general",
      starts_at: new Date(ends.getTime() - 8 * 3600_000),
      ends_at: ends,
      region_code: region,
      capacity: 100,
      registration_deadline: new Date(ends.getTime() - 24 * 3600_000),
      status,
      published_at: status === "draft" ? null : new Date(ends.getTime() - 30 * 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function declaration(region: string, o: { levyYear: number; status: "draft" | "submitted" | "approved" | "returned"; submitted?: string; reviewed?: string; disabledEmployee?: boolean }) {
  const organization = await org(region);
  const d = await t.db
    .insertInto("quota_declaration")
    .values({
      organization_id: organization.id,
      levy_year: o.levyYear,
      monthly_staff: Array(12).fill(100),
      salary_total: 1_000_000,
      status: o.status,
      submitted_at: o.submitted ? new Date(`${o.submitted}T10:00:00+08:00`) : null,
      reviewed_at: o.reviewed ? new Date(`${o.reviewed}T10:00:00+08:00`) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (o.disabledEmployee) {
    await t.db
      .insertInto("quota_declaration_employee")
      .values({ declaration_id: d.id, full_name: "申报职工", kind: "disabled", certificate_number: `${makeIdNumber()}43`, grade: 3, contract_start: `${o.levyYear - 1}-01-01`, insurance_months: 12, monthly_pay: 3000 })
      .execute();
  }
  return { declarationId: d.id, organizationId: organization.id };
}

async function disclosure(levyYear: number, published: string, entries: { region: string; met: boolean }[]) {
  const q = await t.db
    .insertInto("quota_disclosure")
    .values({ levy_year: levyYear, published_at: new Date(`${published}T10:00:00+08:00`), objections_until: new Date(`${published}T10:00:00+08:00`) })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const e of entries) {
    await t.db
      .insertInto("quota_disclosure_entry")
      .values({ disclosure_id: q.id, organization_name: `公示单位${token()}`, region_code: e.region, staff_count: "100", required_count: "1.5", counted_disabled: e.met ? "2" : "0", met: e.met })
      .execute();
  }
}

async function household(region: string, members: ({ seekerId: string } | { birth: string; gender: "male" | "female"; employed: boolean })[]) {
  const h = await t.db.insertInto("household").values({ region_code: region, consent_note: "家属同意", consent_on: "2026-01-01" }).returning("id").executeTakeFirstOrThrow();
  for (const m of members) {
    await t.db
      .insertInto("household_member")
      .values(
        "seekerId" in m
          ? { household_id: h.id, seeker_id: m.seekerId, relation: "self" }
          : { household_id: h.id, name: `成员${token()}`, gender: m.gender, birth_date: m.birth, employed: m.employed, relation: "parent" },
      )
      .execute();
  }
}

/** What this test's records changed in one indicator between two computations, for the region or a sub-region. */
function diff(after: StatisticsResult, before: StatisticsResult, code: IndicatorCode) {
  const a = after.indicators.find((i) => i.code === code)!;
  const b = before.indicators.find((i) => i.code === code)!;
  if (indicatorDefinition(code).kind === "rate") return { numerator: a.numerator! - b.numerator!, denominator: a.denominator! - b.denominator! };
  const breakdown = Object.fromEntries((a.breakdown ?? []).map((x) => [x.key, x.value - (b.breakdown?.find((y) => y.key === x.key)?.value ?? 0)]));
  return { actual: a.actual! - b.actual!, ...(a.breakdown ? { breakdown: Object.fromEntries(Object.entries(breakdown).filter(([, v]) => v !== 0)) } : {}) };
}

function subDiff(after: StatisticsResult, before: StatisticsResult, regionCode: string, code: IndicatorCode) {
  const a = after.subRegions.find((r) => r.regionCode === regionCode)!.actuals[code];
  const b = before.subRegions.find((r) => r.regionCode === regionCode)!.actuals[code];
  return (a ?? 0) - (b ?? 0);
}

function stats(regionCode: string, asOf = AS_OF, period = PERIOD) {
  return computeStatistics(t.db, { regionCode, ...period, asOf });
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe("the catalogue", () => {
  it("defines every indicator of the contract once, with words for both languages, and the 2016–2020 targets", () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...RECORDED_INDICATORS, ...UNRECORDED_INDICATORS].sort());
    for (const i of INDICATORS) {
      expect(i.recorded).toBe((RECORDED_INDICATORS as readonly string[]).includes(i.code));
      for (const text of [i.nameZh, i.nameEn, i.definitionZh, i.definitionEn, i.computedZh, i.computedEn]) expect(text.length).toBeGreaterThan(3);
      expect(i.kind === "rate").toBe(i.unit === "rate" || i.code === "auxiliary_county_coverage");
    }
    const targets = Object.fromEntries(PLAN_2016_2020_TARGETS.map((x) => [x.indicator, x.value]));
    expect(targets).toEqual({
      new_jobs: 50_000,
      graduate_employment_rate: 0.6,
      zero_employment_households_cleared: 1,
      provincial_bodies_employing: 1,
      training_urban: 20_000,
      training_rural: 32_000,
      blind_massage_trained: 2_000,
      blind_massage_employed: 1_500,
      blind_medical_massage_trained: 180,
      demonstration_sites: 500,
      entrepreneur_households: 5_000,
      auxiliary_demonstration_institutions: 10,
      auxiliary_county_coverage: 1,
      instructors_trained: 300,
      real_name_verified: 1,
    });
    // Rates are fractions.
    for (const x of PLAN_2016_2020_TARGETS) if (indicatorDefinition(x.indicator).kind === "rate") expect(x.value).toBeLessThanOrEqual(1);
  });
});

describe("status arithmetic", () => {
  it("expected by now is the rate target, or the count target times the share of the period elapsed", () => {
    expect(elapsedShare({ periodStart: 2021, periodEnd: 2021, asOf: "2020-12-31" })).toBe(0);
    expect(elapsedShare({ periodStart: 2021, periodEnd: 2021, asOf: "2021-12-31" })).toBe(1);
    expect(elapsedShare({ periodStart: 2021, periodEnd: 2021, asOf: "2030-01-01" })).toBe(1);
    expect(elapsedShare({ periodStart: 2021, periodEnd: 2021, asOf: "2021-07-02" })).toBeCloseTo(183 / 365, 10);
    expect(elapsedShare({ periodStart: 2016, periodEnd: 2020, asOf: "2018-12-31" })).toBeCloseTo((366 + 365 + 365) / (366 + 365 + 365 + 365 + 366), 10);

    // A count: 1,000 over the period, half of it gone.
    expect(judge("count", 1000, 1000, 0.5)).toEqual({ expectedByNow: 500, shareDone: 1, status: "done" });
    expect(judge("count", 1000, 500, 0.5)).toEqual({ expectedByNow: 500, shareDone: 0.5, status: "on_track" });
    expect(judge("count", 1000, 499, 0.5)).toEqual({ expectedByNow: 500, shareDone: 0.499, status: "behind" });
    // A rate: where it should be is the target itself, whatever the time.
    expect(judge("rate", 0.6, 0.6, 0.1)).toEqual({ expectedByNow: 0.6, shareDone: 1, status: "done" });
    expect(judge("rate", 0.6, 0.59, 0.99)).toMatchObject({ expectedByNow: 0.6, status: "behind" });
    expect(judge("count", null, 12, 0.5)).toEqual({ expectedByNow: null, shareDone: null, status: "no_target" });
    expect(judge("count", 300, null, 0.5)).toEqual({ expectedByNow: 150, shareDone: null, status: "not_recorded" });
  });
});

describe("actuals (the issue's acceptance): each equals a count of the records made here", () => {
  it("counts every indicator by region and sub-region, only what existed by the as-of day", async () => {
    // A run of this file before with the same year left its disclosures; the year is unique, so they go first.
    await t.db.deleteFrom("quota_disclosure").where("levy_year", "in", [Y, Y + 1]).execute();
    const before = await stats("520000");
    const beforeGY = await stats("520100");
    const beforeLater = await stats("520000", LATER);

    // People of working age on AS_OF (born Y-30), and some who are not.
    const born30 = `${Y - 30}-01-01`;
    const a1 = await person({ region: GY, birth: born30, gender: "male" });
    const a2 = await person({ region: GY, birth: born30, gender: "female" });
    const a3 = await person({ region: GY, birth: born30, gender: "male" });
    const b1 = await person({ region: ZY, birth: born30, gender: "female" });
    const w1 = await person({ region: GY, birth: `${Y - 56}-01-01`, gender: "female" }); // a woman of 56: not of working age
    const w2 = await person({ region: GY, birth: `${Y - 56}-01-01`, gender: "male" }); // a man of 56: of working age
    await person({ region: GY, birth: `${Y - 15}-01-01`, gender: "male" }); // 15: not yet
    await person({ region: GY, birth: born30, gender: "male", certificate: false }); // no certificate: not counted

    // Employment of several forms and origins.
    const home = await org(GY);
    const vacancy = await createVacancy(t.db, home.id, { regionCode: GY, openings: 10 });
    const ev1 = await event(GY, "published", `${Y}-01-10`);
    const hire = await createApplication(t.db, { vacancyId: vacancy.id, seekerId: a1, status: "hired", appliedAt: new Date(`${Y}-01-20T10:00:00+08:00`), employment: { contractStart: `${Y}-02-01` } });
    await t.db.updateTable("application").set({ event_id: ev1, source: "event" }).where("id", "=", hire.id).execute();
    await job(a2, { start: `${Y - 1}-05-01`, form: "flexible", endedOn: `${Y}-03-01` });
    await job(a3, { start: AS_OF, form: "self_employed" });
    await job(b1, { start: `${Y}-01-15`, form: "concentrated", end: `${Y}-05-31` });
    const bodyWithRecord = await org(GY);
    await job(null, { start: `${Y}-03-01`, form: "proportional", origin: "declared", organizationId: bodyWithRecord.id }); // no seeker: the employer's place
    await job(w1, { start: `${Y}-02-01`, form: "public_welfare", organizationId: home.id, origin: "recorded" }); // counts as a job; w1 is not of working age
    // Not in the window: after the as-of day, before the period.
    await job(a1, { start: `${Y}-07-01`, form: "flexible" });
    await job(a2, { start: `${Y - 2}-12-31`, form: "rural", endedOn: `${Y - 1}-03-01` });

    // Graduates: years Y-1 and Y count (Y+1 lies after the as-of day's year).
    const g1 = await person({ region: GY, graduationYear: Y });
    await job(g1, { start: `${Y}-03-01`, form: "public_welfare" });
    await person({ region: GY, graduationYear: Y });
    const g3 = await person({ region: ZY, graduationYear: Y - 1 });
    await job(g3, { start: `${Y - 1}-11-01`, form: "rural" });
    const g4 = await person({ region: GY, graduationYear: Y });
    await job(g4, { start: `${Y - 1}-12-01`, form: "auxiliary" }); // the year before graduating
    await person({ region: GY, graduationYear: Y + 1 });
    const g6 = await person({ region: GY, graduationYear: Y });
    await job(g6, { start: `${Y}-08-01`, form: "flexible" }); // after the as-of day

    // Real-name checks: this quarter (Q2) by the as-of day.
    await verify(a1, `${Y}-04-10`);
    await verify(a2, `${Y}-03-20`);
    await verify(a3, `${Y}-07-05`);
    await verify(b1, AS_OF);
    await verify(w1, `${Y}-05-01`);

    // Events and the hires credited to them.
    await event(GY, "cancelled", `${Y}-02-01`);
    await event(GY, "draft", `${Y}-02-01`);
    const ev4 = await event(GY, "published", `${Y}-08-01`);
    await event(ZY, "published", `${Y - 1}-09-01`);
    await event(GY, "published", `${Y - 2}-12-31`);
    const lateSeeker = await person({ region: GY });
    const late = await createApplication(t.db, { vacancyId: vacancy.id, seekerId: lateSeeker, status: "hired", appliedAt: new Date(`${Y}-06-28T10:00:00+08:00`), employment: { contractStart: `${Y}-07-10` } });
    await t.db.updateTable("application").set({ event_id: ev1 }).where("id", "=", late.id).execute();
    const offered = await createApplication(t.db, { vacancyId: vacancy.id, seekerId: await person({ region: GY }), status: "offered", appliedAt: new Date(`${Y}-01-21T10:00:00+08:00`) });
    await t.db.updateTable("application").set({ event_id: ev1 }).where("id", "=", offered.id).execute();
    const atEv4 = await createApplication(t.db, { vacancyId: vacancy.id, seekerId: await person({ region: GY }), status: "hired", appliedAt: new Date(`${Y}-08-02T10:00:00+08:00`), employment: { contractStart: `${Y + 2}-01-01` } });
    await t.db.updateTable("application").set({ event_id: ev4 }).where("id", "=", atEv4.id).execute();

    // Declarations: the status as of the day; drafts and later submissions do not count.
    await declaration(GY, { levyYear: Y, status: "approved", submitted: `${Y}-02-01`, reviewed: `${Y}-03-01` });
    await declaration(GY, { levyYear: Y, status: "approved", submitted: `${Y}-02-01`, reviewed: `${Y}-07-01` });
    await declaration(GY, { levyYear: Y - 1, status: "returned", submitted: `${Y - 1}-03-01`, reviewed: `${Y - 1}-04-01` });
    await declaration(GY, { levyYear: Y, status: "draft" });
    await declaration(GY, { levyYear: Y, status: "submitted", submitted: `${Y}-07-02` });
    await declaration(GY, { levyYear: Y - 2, status: "submitted", submitted: `${Y - 2}-03-01` });
    await declaration(ZY, { levyYear: Y + 1, status: "submitted", submitted: `${Y}-05-01` });
    const zyBody = await declaration(ZY, { levyYear: Y, status: "approved", submitted: `${Y}-05-01`, reviewed: `${Y}-05-10`, disabledEmployee: true });

    // Disclosures published by the day.
    await disclosure(Y, `${Y}-04-01`, [
      { region: GY, met: true },
      { region: GY, met: false },
      { region: ZY, met: true },
    ]);
    await disclosure(Y + 1, `${Y}-07-01`, [{ region: GY, met: true }]);

    // Services.
    await service(a1, "career_guidance", `${Y}-02-02`);
    await service(a1, "job_introduction", `${Y - 1}-06-01`);
    await service(b1, "follow_up_visit", `${Y}-05-05`);
    await service(a2, "career_guidance", `${Y}-07-01`);
    await service(a2, "entrepreneurship", `${Y - 2}-06-01`);

    // Households: someone of working age employed (a1); zero-employment (w2 unemployed, an employed member of 70);
    // zero-employment in 遵义; one with no working-age member (neither).
    await household(GY, [{ seekerId: a1 }]);
    await household(GY, [{ seekerId: w2 }, { birth: `${Y - 70}-01-01`, gender: "male", employed: true }]);
    await household(ZY, [{ birth: `${Y - 40}-01-01`, gender: "male", employed: false }]);
    await household(ZY, [{ birth: `${Y - 70}-01-01`, gender: "female", employed: true }]);

    // Provincial bodies: one employing by its records, one by its declaration, one not at all.
    const flag = (id: string) => t.db.updateTable("organization").set({ provincial_body_kinds: ["party_government"] }).where("id", "=", id).execute();
    await flag(bodyWithRecord.id);
    await flag(zyBody.organizationId);
    await flag((await org(GY)).id);

    const after = await stats("520000");
    const afterGY = await stats("520100");

    expect(diff(after, before, "new_jobs")).toEqual({
      actual: 9,
      breakdown: { proportional: 2, concentrated: 1, self_employed: 1, rural: 1, public_welfare: 2, auxiliary: 1, flexible: 1 },
    });
    expect(diff(after, before, "graduate_employment_rate")).toEqual({ numerator: 2, denominator: 5 });
    expect(diff(after, before, "working_age_employment_rate")).toEqual({ numerator: 2, denominator: 5 });
    expect(diff(after, before, "real_name_verified")).toEqual({ numerator: 2, denominator: 5 });
    expect(diff(after, before, "events_held")).toEqual({ actual: 2 });
    expect(diff(after, before, "event_hires")).toEqual({ actual: 1 });
    expect(diff(after, before, "quota_declarations")).toEqual({ actual: 5, breakdown: { submitted: 2, approved: 2, returned: 1 } });
    expect(diff(after, before, "quota_disclosure")).toEqual({ actual: 3, breakdown: { met: 2, not_met: 1 } });
    expect(diff(after, before, "services_given")).toEqual({ actual: 3, breakdown: { career_guidance: 1, job_introduction: 1, follow_up_visit: 1 } });
    expect(diff(after, before, "zero_employment_households_cleared")).toEqual({ numerator: 1, denominator: 3 });
    expect(diff(after, before, "provincial_bodies_employing")).toEqual({ numerator: 2, denominator: 3 });

    // The prefecture's own figures and the province's sub-region rows agree.
    expect(diff(afterGY, beforeGY, "new_jobs")).toMatchObject({ actual: 7 });
    expect(subDiff(after, before, "520100", "new_jobs")).toBe(7);
    expect(subDiff(after, before, "520300", "new_jobs")).toBe(2);
    expect(diff(afterGY, beforeGY, "working_age_employment_rate")).toEqual({ numerator: 2, denominator: 4 });
    expect(diff(afterGY, beforeGY, "graduate_employment_rate")).toEqual({ numerator: 1, denominator: 4 });
    expect(diff(afterGY, beforeGY, "zero_employment_households_cleared")).toEqual({ numerator: 1, denominator: 2 });
    expect(diff(afterGY, beforeGY, "provincial_bodies_employing")).toEqual({ numerator: 1, denominator: 2 });
    expect(subDiff(after, before, "520300", "events_held")).toBe(1);
    expect(subDiff(after, before, "520300", "quota_declarations")).toBe(2);
    expect(subDiff(after, before, "520100", "quota_disclosure")).toBe(2);
    expect(subDiff(after, before, "520300", "services_given")).toBe(1);
    expect(after.subRegions.map((r) => r.regionCode)).toEqual(expect.arrayContaining(["520100", "520300"]));
    expect(after.subRegions.every((r) => r.regionCode.endsWith("00") && r.regionCode !== "520000")).toBe(true);
    expect(afterGY.subRegions.map((r) => r.regionCode)).toContain(GY);
    // The programmes' figures (issue 14) are counts or a rate now, not "not recorded" (programmes.server.test.ts checks them).
    for (const code of ["training_urban", "demonstration_sites", "entrepreneur_households", "instructors_trained"] as const) {
      expect(typeof after.indicators.find((i) => i.code === code)!.actual).toBe("number");
    }
    expect(after.indicators.find((i) => i.code === "auxiliary_county_coverage")!.denominator).toBeGreaterThanOrEqual(88);

    // Later: what happened after the as-of day comes in.
    const later = await stats("520000", LATER);
    expect(diff(later, beforeLater, "new_jobs")).toEqual({
      actual: 12,
      breakdown: { proportional: 3, concentrated: 1, self_employed: 1, rural: 1, public_welfare: 2, auxiliary: 1, flexible: 3 },
    });
    expect(diff(later, beforeLater, "events_held")).toEqual({ actual: 3 });
    expect(diff(later, beforeLater, "event_hires")).toEqual({ actual: 3 });
    expect(diff(later, beforeLater, "quota_declarations")).toEqual({ actual: 6, breakdown: { submitted: 2, approved: 3, returned: 1 } });
    expect(diff(later, beforeLater, "quota_disclosure")).toEqual({ actual: 4, breakdown: { met: 3, not_met: 1 } });
    expect(diff(later, beforeLater, "services_given")).toEqual({ actual: 4, breakdown: { career_guidance: 2, job_introduction: 1, follow_up_visit: 1 } });

    // The list behind a figure names the people counted, audited one row per person shown; no numbers of theirs.
    const admin = await staff("admin", "520100");
    const list = await indicatorList(t.db, admin, { code: "new_jobs", regionCode: GY, ...PERIOD, asOf: AS_OF, key: "flexible", page: 1, ip: "127.0.0.1" });
    const a2Name = (await t.db.selectFrom("seeker_profile").select(["real_name", "id_number", "certificate_number"]).where("user_id", "=", a2).executeTakeFirstOrThrow());
    expect(list.rows.some((r) => r[0]!.kind === "text" && r[0]!.value === a2Name.real_name)).toBe(true);
    expect(list.rows.every((r) => r[1]!.kind === "label" && r[1]!.key === "statistics.form.flexible")).toBe(true);
    const body = JSON.stringify(list);
    expect(body).not.toContain(a2Name.id_number!);
    expect(body).not.toContain(a2Name.certificate_number!);
    const audited = await t.db.selectFrom("audit_event").select("subject_user_id").where("actor_id", "=", admin.id).where("entity", "=", "statistics_list").execute();
    expect(audited.map((r) => r.subject_user_id)).toContain(a2);
    expect(audited.length).toBe(new Set(audited.map((r) => r.subject_user_id)).size);

    // The list of a rate narrows to one side; the counts agree with the figure.
    const grads = await indicatorList(t.db, admin, { code: "graduate_employment_rate", regionCode: GY, ...PERIOD, asOf: AS_OF, key: "employed", page: 1 });
    expect(grads.rows.map((r) => r[0])).toContainEqual({ kind: "text", value: (await t.db.selectFrom("seeker_profile").select("real_name").where("user_id", "=", g1).executeTakeFirstOrThrow()).real_name });
    const gyRate = afterGY.indicators.find((i) => i.code === "graduate_employment_rate")!;
    const gyEmployed = await indicatorList(t.db, admin, { code: "graduate_employment_rate", regionCode: "520100", ...PERIOD, asOf: AS_OF, key: "employed", page: 1 });
    const gyAll = await indicatorList(t.db, admin, { code: "graduate_employment_rate", regionCode: "520100", ...PERIOD, asOf: AS_OF, page: 1 });
    expect([gyEmployed.total, gyAll.total]).toEqual([gyRate.numerator, gyRate.denominator]);
    for (const code of RECORDED_INDICATORS) {
      const l = await indicatorList(t.db, admin, { code, regionCode: "520100", ...PERIOD, asOf: AS_OF, page: 1 });
      const v = afterGY.indicators.find((i) => i.code === code)!;
      expect([code, l.total]).toEqual([code, indicatorDefinition(code).kind === "rate" ? v.denominator : v.actual]);
    }
  });

  it("provincial bodies are counted as of the day: a job starting later or a declaration submitted later does not count yet", async () => {
    const year = { periodStart: Y, periodEnd: Y };
    const spring = `${Y}-03-31`;
    const end = `${Y}-12-31`;
    const flag = (id: string) => t.db.updateTable("organization").set({ provincial_body_kinds: ["committee_member"] }).where("id", "=", id).execute();
    const [beforeSpring, beforeEnd, summaryBefore] = [await stats("520300", spring, year), await stats("520300", end, year), await provincialBodiesSummary(t.db, "520300", Y)];

    const early = await org(ZY, `早单位${token()}`);
    await job(await person({ region: ZY }), { start: `${Y}-02-01`, form: "proportional", organizationId: early.id });
    const december = await org(ZY, `冬单位${token()}`);
    await job(await person({ region: ZY }), { start: `${Y}-12-01`, form: "proportional", organizationId: december.id });
    const declared = await declaration(ZY, { levyYear: Y, status: "approved", submitted: `${Y}-06-01`, reviewed: `${Y}-06-10`, disabledEmployee: true });
    for (const id of [early.id, december.id, declared.organizationId]) await flag(id);

    const [afterSpring, afterEnd] = [await stats("520300", spring, year), await stats("520300", end, year)];
    expect(diff(afterSpring, beforeSpring, "provincial_bodies_employing")).toEqual({ numerator: 1, denominator: 3 });
    expect(diff(afterEnd, beforeEnd, "provincial_bodies_employing")).toEqual({ numerator: 3, denominator: 3 });
    // Without a day, the year's end (the real-name page's call).
    const summaryAfter = await provincialBodiesSummary(t.db, "520300", Y);
    expect([summaryAfter.bodies - summaryBefore.bodies, summaryAfter.employing - summaryBefore.employing]).toEqual([3, 3]);

    // The list behind the figure follows the same rule.
    const admin = await staff("admin", "520300");
    const list = (asOf: string, key: string) => indicatorList(t.db, admin, { code: "provincial_bodies_employing", regionCode: "520300", ...year, asOf, key, page: 1 });
    const names = async (asOf: string) => (await list(asOf, "employing")).rows.map((r) => (r[0]!.kind === "text" ? r[0]!.value : ""));
    const employingSpring = await names(spring);
    expect(employingSpring).toContain(early.name);
    expect(employingSpring).not.toContain(december.name);
    expect(await names(end)).toEqual(expect.arrayContaining([early.name, december.name]));
    const figure = afterSpring.indicators.find((i) => i.code === "provincial_bodies_employing")!;
    expect([(await list(spring, "employing")).total, (await list(spring, "not_employing")).total]).toEqual([figure.numerator, figure.denominator! - figure.numerator!]);
  });

  it("an employment recorded off the platform moves new jobs by one in its form and the graduate rate", async () => {
    const g = await person({ region: GY, graduationYear: Y });
    const counselorRecord = async () => job(g, { start: `${Y}-04-01`, form: "flexible", origin: "recorded" });
    const before = await stats(GY);
    await counselorRecord();
    const after = await stats(GY);
    expect(diff(after, before, "new_jobs")).toEqual({ actual: 1, breakdown: { flexible: 1 } });
    // The graduate was in the cohort before; now they count as employed in their graduation year.
    expect(diff(after, before, "graduate_employment_rate")).toEqual({ numerator: 1, denominator: 0 });
  });
});

describe("who reads the figures", () => {
  it("a prefecture admin of 遵义 reads 遵义 and its counties, not 贵阳 nor the province (404), figures or lists", async () => {
    const zunyi = await staff("admin", "520300");
    const q = (regionCode: string) => ({ regionCode, ...PERIOD, asOf: AS_OF });
    expect(await outcome(readStatistics(t.db, zunyi, q("520300")))).toBe("ok");
    expect(await outcome(readStatistics(t.db, zunyi, q(ZY)))).toBe("ok");
    expect(await outcome(readStatistics(t.db, zunyi, q("520100")))).toBe(404);
    expect(await outcome(readStatistics(t.db, zunyi, q(GY)))).toBe(404);
    expect(await outcome(readStatistics(t.db, zunyi, q("520000")))).toBe(404);
    expect(await outcome(indicatorList(t.db, zunyi, { ...q("520100"), code: "new_jobs", page: 1 }))).toBe(404);
    expect(await outcome(indicatorList(t.db, zunyi, { ...q("520000"), code: "services_given", page: 1 }))).toBe(404);
    expect(await outcome(indicatorList(t.db, zunyi, { ...q("520300"), code: "services_given", page: 1 }))).toBe("ok");
    const counselor = await staff("counselor", "520300");
    expect(await outcome(readStatistics(t.db, counselor, q("520300")))).toBe(404);
    expect(await outcome(listTargets(t.db, counselor, "520300"))).toBe(404);
  });
});

describe("targets", () => {
  it("a prefecture admin sets a county's target, not their own nor the province's; the province adds later periods; audited", async () => {
    const province = await staff("admin", "520000");
    const zunyi = await staff("admin", "520300");
    const county = await staff("admin", ZY);
    const counselor = await staff("counselor", "520300");
    const input = (regionCode: string, value = 120) => ({ indicator: "new_jobs" as const, regionCode, periodStart: Y + 2, periodEnd: Y + 6, value, source: "测试" });

    expect(await setTarget(t.db, zunyi, input(ZY))).toMatchObject({ ok: true });
    expect(await setTarget(t.db, zunyi, input("520300"))).toEqual({ ok: false, fieldErrors: { regionCode: ["statistics.err.regionNotYours"] } });
    expect(await setTarget(t.db, zunyi, input("520000"))).toEqual({ ok: false, fieldErrors: { regionCode: ["statistics.err.regionNotYours"] } });
    expect(await setTarget(t.db, zunyi, input(GY))).toEqual({ ok: false, fieldErrors: { regionCode: ["statistics.err.regionNotYours"] } });
    expect(await setTarget(t.db, county, input(ZY))).toEqual({ ok: false, fieldErrors: { regionCode: ["statistics.err.regionNotYours"] } });
    expect(await outcome(setTarget(t.db, counselor, input(ZY)))).toBe(404);
    expect(await setTarget(t.db, province, input("520000", 60_000))).toMatchObject({ ok: true });
    // The same indicator, first year and region again: the row is updated, not doubled.
    expect(await setTarget(t.db, zunyi, input(ZY, 150))).toMatchObject({ ok: true, value: { created: false } });

    const rows = await t.db.selectFrom("plan_target").select(["region_code", "target_value", "set_by"]).where("indicator", "=", "new_jobs").where("period_start", "=", Y + 2).orderBy("region_code").execute();
    expect(rows.map((r) => [r.region_code, Number(r.target_value), r.set_by])).toEqual([
      ["520000", 60_000, province.id],
      [ZY, 150, zunyi.id],
    ]);
    const audits = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("actor_id", "=", zunyi.id).where("entity", "=", "plan_target").execute();
    expect(audits).toHaveLength(2);

    // The prefecture admin's list shows the province's target (read only) and the county's (theirs to change).
    const listed = await listTargets(t.db, zunyi);
    const mine = listed.targets.filter((x) => x.periodStart === Y + 2);
    expect(mine.map((x) => [x.regionCode, x.editable])).toEqual([
      ["520000", false],
      [ZY, true],
    ]);
    expect(listed.targets.some((x) => x.regionCode.startsWith("5201"))).toBe(false);
  });

  it("a target of another period starting in the same year is not replaced; the same period is updated", async () => {
    const province = await staff("admin", "520000");
    const plan = { indicator: "new_jobs" as const, regionCode: "520000", periodStart: Y + 3, periodEnd: Y + 7, source: "测试" };
    // The PostgreSQL test database is kept between runs and Y may repeat: start from no row, and leave none.
    const clear = () => t.db.deleteFrom("plan_target").where("indicator", "=", "new_jobs").where("region_code", "=", "520000").where("period_start", "=", Y + 3).execute();
    await clear();
    expect(await setTarget(t.db, province, { ...plan, value: 50_000 })).toMatchObject({ ok: true, value: { created: true } });
    // A one-year target from the same first year would overwrite the plan's: refused at the period.
    expect(await setTarget(t.db, province, { ...plan, periodEnd: Y + 3, value: 9_000 })).toEqual({ ok: false, fieldErrors: { periodEnd: ["statistics.err.periodTaken"] } });
    expect(await setTarget(t.db, province, { ...plan, value: 55_000 })).toMatchObject({ ok: true, value: { created: false } });
    const rows = await t.db.selectFrom("plan_target").select(["period_end", "target_value"]).where("indicator", "=", "new_jobs").where("region_code", "=", "520000").where("period_start", "=", Y + 3).execute();
    expect(rows.map((r) => [r.period_end, Number(r.target_value)])).toEqual([[Y + 7, 55_000]]);
    await clear();
  });

  it("a target applies to the period holding the query: a count of a longer period is spread over its years, a rate holds throughout; status follows", async () => {
    const province = await staff("admin", "520000");
    const guiyang = await staff("admin", "520100");
    // A county's count target for the three years, and the prefecture's rate target.
    expect(await setTarget(t.db, guiyang, { indicator: "services_given", regionCode: GY, periodStart: Y - 1, periodEnd: Y + 1, value: 3_000_000, source: "测试" })).toMatchObject({ ok: true });
    expect(await setTarget(t.db, province, { indicator: "working_age_employment_rate", regionCode: "520100", periodStart: Y - 1, periodEnd: Y + 1, value: 0.01, source: "测试" })).toMatchObject({ ok: true });

    const whole = await stats(GY);
    const services = whole.indicators.find((i) => i.code === "services_given")!;
    const elapsed = elapsedShare({ ...PERIOD, asOf: AS_OF });
    expect(services.target).toBe(3_000_000);
    expect(services.expectedByNow).toBeCloseTo(3_000_000 * elapsed, 6);
    expect(services.targetOrigin).toMatchObject({ regionCode: GY, prorated: false });
    expect(services.status).toBe(services.actual! >= 3_000_000 * elapsed ? "on_track" : "behind");
    expect(services.shareDone).toBeCloseTo(services.actual! / 3_000_000, 10);

    const oneYear = await stats(GY, AS_OF, { periodStart: Y, periodEnd: Y });
    const s1 = oneYear.indicators.find((i) => i.code === "services_given")!;
    expect(s1.target).toBe(1_000_000);
    expect(s1.targetOrigin).toMatchObject({ value: 3_000_000, prorated: true, periodStart: Y - 1, periodEnd: Y + 1 });
    expect(s1.expectedByNow).toBeCloseTo(1_000_000 * elapsedShare({ periodStart: Y, periodEnd: Y, asOf: AS_OF }), 6);

    // The prefecture's rate holds in its county, for a year of the period too; done when reached.
    const rate = oneYear.indicators.find((i) => i.code === "working_age_employment_rate")!;
    expect(rate.target).toBe(0.01);
    expect(rate.expectedByNow).toBe(0.01);
    expect(rate.status).toBe(rate.actual === null ? "not_recorded" : rate.actual >= 0.01 ? "done" : "behind");
    // A count target of the county is not the prefecture's, nor does the province's count reach the county.
    const prefecture = await stats("520100");
    expect(prefecture.indicators.find((i) => i.code === "services_given")).toMatchObject({ target: null, status: "no_target" });
  });
});

describe("exports", () => {
  it("CSV (with a byte-order mark) and XLSX hold the page's figures; no cell starts a formula", async () => {
    const { statisticsCsv, statisticsXlsx } = await import("./statistics-export.server");
    const ExcelJS = (await import("exceljs")).default;
    const s = await stats("520000");
    // A region's name that a spreadsheet would run, as a sub-region row shows it.
    s.subRegions[0] = { ...s.subRegions[0]!, regionName: "=HYPERLINK(\"http://x\")" };
    const csv = statisticsCsv(s);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("'=HYPERLINK");
    const jobs = s.indicators.find((i) => i.code === "new_jobs")!;
    const line = csv.split("\n").find((l) => l.startsWith("new_jobs,"))!;
    expect(line.split(",")[4]).toBe(String(jobs.actual));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await statisticsXlsx(s)) as never);
    const sheet = book.getWorksheet("指标 Indicators")!;
    const values = new Map<string, unknown[]>();
    sheet.eachRow((row) => values.set(String(row.getCell(1).value), [row.getCell(4).value, row.getCell(5).value]));
    expect(values.get("new_jobs")).toEqual([jobs.target ?? "", jobs.actual]);
    const rate = s.indicators.find((i) => i.code === "working_age_employment_rate")!;
    expect(values.get("working_age_employment_rate")![1]).toBe(rate.actual === null ? "" : Math.round(rate.actual * 10_000) / 100);
    expect(book.getWorksheet("所辖地区 Sub-regions")!.getRow(4).getCell(2).value).toBe("'=HYPERLINK(\"http://x\")");
  });
});
