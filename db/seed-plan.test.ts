import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { useIsolatedTestDatabase } from "../tests/helpers/db";
import { createDatabase, type DB } from "./database";
import { migrateToLatest } from "./migrate";
import { seed } from "./seed";
import { DEMO_SEEKER_PHONE_PREFIX } from "./seed-demo";
import { ANCHOR_DAY, DEMO_PERIOD, PLAN_DEMO_PHONES, PREFECTURES, provincialBodyUsccs, SNAPSHOT_REGIONS } from "./seed-plan";
import { PLAN_2016_2020_TARGETS } from "../app/domain/statistics/indicators";
import { RECORDED_INDICATORS } from "../app/domain/statistics/contract";
import { SERVICE_TYPES } from "../app/domain/counseling/counseling.schema";

// Its own database on PostgreSQL: it reads the plan demo whole, and other files write plan targets and caseloads.
const t = useIsolatedTestDatabase();
const BODY_USCCS = provincialBodyUsccs();
const THIS_QUARTER = "2026-10-01";

/** Whether a staff member's region (a division code) holds a place. */
const covers = (region: string | null, place: string) => !!region && place.startsWith(region.replace(/(00)+$/, ""));
const prefectureOf = (place: string) => `${place.slice(0, 4)}00`;
/** Men 16–59, women 16–54, in whole years on `day` (written out here, not taken from the code under test). */
function workingAge(gender: string | null, birth: string | null, day: string): boolean {
  if (!gender || !birth) return false;
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 16 && age <= (gender === "male" ? 59 : 54);
}

interface Person {
  id: string;
  phone: string;
  place: string;
  certificate: boolean;
  graduation_year: number | null;
  employment_status: string;
  zero_employment_family: boolean;
}
interface Job {
  id: string;
  seeker_id: string | null;
  organization_id: string | null;
  employer_name: string | null;
  form: string;
  origin: string;
  contract_start: string;
  contract_end: string | null;
  ended_on: string | null;
  created_by: string | null;
  employment_type: string | null;
  special_statuses: string[] | null;
}

async function demoPeople(db: DB): Promise<Person[]> {
  const rows = await db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .select(["p.user_id as id", "u.phone", "p.current_region_code", "p.household_region_code", "p.certificate_number", "p.graduation_year", "p.employment_status", "p.zero_employment_family"])
    .where((eb) => eb.or([eb("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`), eb("u.phone", "=", PLAN_DEMO_PHONES.seeker)]))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    phone: r.phone!,
    place: (r.current_region_code ?? r.household_region_code)!,
    certificate: !!r.certificate_number,
    graduation_year: r.graduation_year,
    employment_status: r.employment_status,
    zero_employment_family: r.zero_employment_family,
  }));
}

async function jobs(db: DB, seekerIds: string[]): Promise<Job[]> {
  return db
    .selectFrom("employment as e")
    .leftJoin("vacancy as v", "v.id", "e.vacancy_id")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select(["e.id", "e.seeker_id", "e.organization_id", "e.employer_name", "e.form", "e.origin", "e.contract_start", "e.contract_end", "e.ended_on", "e.created_by", "v.employment_type", "o.special_statuses"])
    .where("e.seeker_id", "in", seekerIds)
    .execute();
}

const holds = (j: Job, day: string) => j.contract_start <= day && (j.contract_end === null || j.contract_end >= day) && (j.ended_on === null || j.ended_on > day);

async function staffRegions(db: DB): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom("app_user").select(["id", "region_code"]).where("role", "in", ["counselor", "admin"]).execute();
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

async function tableCounts(db: DB): Promise<Record<string, number>> {
  const tables = [
    "app_user",
    "organization",
    "employment",
    "real_name_verification",
    "household",
    "household_member",
    "caseload_assignment",
    "service_record",
    "quota_declaration",
    "plan_target",
    "stats_snapshot",
    "seeker_profile",
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(r.rows[0]!.n);
  }
  return counts;
}

/** The plan demo without generated ids: the same for two databases seeded alike. */
async function digest(db: DB): Promise<string> {
  const phone = sql<string>`(select phone from app_user where id = e.seeker_id)`;
  // Demo people only: on PostgreSQL the shared database also holds other tests' records.
  const demo = sql<boolean>`(${phone} like ${`${DEMO_SEEKER_PHONE_PREFIX}%`} or ${phone} = ${PLAN_DEMO_PHONES.seeker})`;
  const employment = await db
    .selectFrom("employment as e")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select([phone.as("phone"), "o.uscc", "e.employer_name", "e.form", "e.origin", "e.contract_start", "e.contract_end", "e.contract_months", "e.monthly_pay", "e.evidence"])
    .where(demo)
    .orderBy(phone)
    .orderBy("e.contract_start")
    .execute();
  const checks = await db
    .selectFrom("real_name_verification as e")
    .select([phone.as("phone"), "e.verified_on", "e.employment_status", "e.employment_form", "e.training_needs", "e.service_needs", "e.note"])
    .where(demo)
    .orderBy(phone)
    .orderBy("e.verified_on")
    .execute();
  const members = await db
    .selectFrom("household_member as m")
    .innerJoin("household as h", "h.id", "m.household_id")
    .select([
      sql<string>`(select u.phone from household_member s join app_user u on u.id = s.seeker_id where s.household_id = h.id)`.as("household"),
      "h.region_code",
      "h.consent_note",
      "h.consent_on",
      sql<string | null>`(select phone from app_user where id = m.seeker_id)`.as("phone"),
      "m.name",
      "m.birth_date",
      "m.employed",
      "m.relation",
    ])
    .where("h.id", "in", (eb) =>
      eb
        .selectFrom("household_member as s")
        .innerJoin("app_user as u", "u.id", "s.seeker_id")
        .select("s.household_id")
        .where((w) => w.or([w("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`), w("u.phone", "=", PLAN_DEMO_PHONES.seeker)])),
    )
    .orderBy("household")
    .orderBy("m.relation")
    .orderBy("m.name")
    .execute();
  const bodies = await db.selectFrom("organization").select(["uscc", "name", "provincial_body_kinds"]).where("uscc", "in", BODY_USCCS).orderBy("uscc").execute();
  const json = JSON.stringify({ employment, checks, members, bodies });
  return createHash("sha256").update(json).digest("hex");
}

async function freshSeeded() {
  const handle = await createDatabase({ pgliteDir: "memory" });
  await migrateToLatest(handle.db);
  await seed(handle.db);
  return handle;
}

let insertedHere = false;
let people: Person[] = [];
let all: Job[] = [];

beforeAll(async () => {
  insertedHere = !(await t.db.selectFrom("organization").select("id").where("uscc", "in", BODY_USCCS).limit(1).executeTakeFirst());
  await seed(t.db);
  people = await demoPeople(t.db);
  all = await jobs(t.db, people.map((p) => p.id));
});

describe("the plan demo", () => {
  it("records jobs found off the platform in at least three forms in every prefecture, by staff of the region", async () => {
    const regions = await staffRegions(t.db);
    const placeOf = new Map(people.map((p) => [p.id, p]));
    const recorded = all.filter((j) => j.origin === "recorded");
    const forms = new Map<string, Set<string>>();
    let in2026 = 0;
    for (const j of recorded) {
      const p = placeOf.get(j.seeker_id!)!;
      const pref = prefectureOf(p.place);
      forms.set(pref, (forms.get(pref) ?? new Set()).add(j.form));
      expect(j.organization_id !== null || !!j.employer_name, j.id).toBe(true);
      expect(covers(regions.get(j.created_by!) ?? null, p.place), `recorded by staff of ${p.place}`).toBe(true);
      expect(j.contract_start <= ANCHOR_DAY).toBe(true);
      if (j.contract_start >= "2026-01-01") in2026++;
      if (p.graduation_year === 2026) expect(j.contract_start >= "2026-07-01").toBe(true);
    }
    for (const pref of PREFECTURES) expect(forms.get(pref)?.size ?? 0, pref).toBeGreaterThanOrEqual(3);
    expect(new Set(recorded.map((j) => j.form)).size).toBe(7);
    expect(in2026).toBeGreaterThan(recorded.length * 0.7);
    expect(in2026).toBeLessThan(recorded.length);
    expect(recorded.some((j) => j.organization_id === null)).toBe(true);
    expect(recorded.some((j) => j.organization_id !== null)).toBe(true);
    // This year's graduates among them: the graduate rate has something to count.
    expect(recorded.filter((j) => placeOf.get(j.seeker_id!)!.graduation_year === 2026).length).toBeGreaterThanOrEqual(5);
    // Someone holding such a job today says so in their profile.
    for (const j of recorded.filter((x) => holds(x, ANCHOR_DAY))) expect(placeOf.get(j.seeker_id!)!.employment_status).toBe("employed");
  });

  it("gives the platform's hires the form of their vacancy and organization", () => {
    const hires = all.filter((j) => j.origin === "platform");
    expect(hires.length).toBeGreaterThan(10);
    for (const j of hires) {
      const specials = j.special_statuses ?? [];
      if (j.employment_type === "auxiliary") expect(j.form).toBe("auxiliary");
      else if (j.employment_type === "public_welfare") expect(j.form).toBe("public_welfare");
      else if (specials.includes("concentrated_employment") || specials.includes("blind_massage")) expect(j.form).toBe("concentrated");
    }
    expect(new Set(hires.map((j) => j.form)).size).toBeGreaterThanOrEqual(3);
  });

  it("checks real names in every prefecture: most in an earlier quarter, 40–70% this quarter, finding what the records say", async () => {
    const regions = await staffRegions(t.db);
    const checks = await t.db
      .selectFrom("real_name_verification")
      .select(["seeker_id", "verified_on", "verified_by", "employment_status", "employment_form", "service_needs"])
      .where("seeker_id", "in", people.map((p) => p.id))
      .execute();
    const byPerson = new Map<string, typeof checks>();
    for (const c of checks) byPerson.set(c.seeker_id, [...(byPerson.get(c.seeker_id) ?? []), c]);
    const personOf = new Map(people.map((p) => [p.id, p]));
    for (const c of checks) {
      const p = personOf.get(c.seeker_id)!;
      expect(c.verified_on >= "2026-01-01" && c.verified_on <= ANCHOR_DAY, c.verified_on).toBe(true);
      expect(covers(regions.get(c.verified_by!) ?? null, p.place)).toBe(true);
      for (const need of c.service_needs) expect(SERVICE_TYPES).toContain(need);
      const held = all.filter((j) => j.seeker_id === c.seeker_id && holds(j, c.verified_on));
      if (held.length) {
        expect(c.employment_status).toBe("employed");
        expect(held.map((j) => j.form)).toContain(c.employment_form);
      } else {
        expect(c.employment_status).not.toBe("employed");
        expect(c.employment_form).toBeNull();
        if (c.employment_status === "student") expect(p.graduation_year !== null && c.verified_on < `${p.graduation_year}-07-01`).toBe(true);
      }
    }
    for (const pref of PREFECTURES) {
      const holders = people.filter((p) => p.certificate && prefectureOf(p.place) === pref);
      const now = holders.filter((p) => (byPerson.get(p.id) ?? []).some((c) => c.verified_on >= THIS_QUARTER));
      const earlier = holders.filter((p) => (byPerson.get(p.id) ?? []).some((c) => c.verified_on < THIS_QUARTER));
      expect(now.length / holders.length, pref).toBeGreaterThanOrEqual(0.35);
      expect(now.length / holders.length, pref).toBeLessThanOrEqual(0.75);
      expect(earlier.length / holders.length, pref).toBeGreaterThanOrEqual(0.6);
      expect(holders.length - now.length, `${pref}: people not verified this quarter`).toBeGreaterThan(0);
    }
    expect(new Set(checks.map((c) => c.employment_status))).toEqual(new Set(["employed", "unemployed", "student", "unable"]));
  });

  it("records households in every prefecture with consent, some zero-employment and some with someone at work", async () => {
    const rows = await t.db
      .selectFrom("household as h")
      .innerJoin("household_member as m", "m.household_id", "h.id")
      .select(["h.id", "h.region_code", "h.consent_note", "h.consent_on", "h.created_by", "m.seeker_id", "m.gender", "m.birth_date", "m.employed", "m.relation"])
      .where("h.id", "in", (eb) => eb.selectFrom("household_member").select("household_id").where("seeker_id", "in", people.map((p) => p.id)))
      .execute();
    const regions = await staffRegions(t.db);
    const households = new Map<string, typeof rows>();
    for (const r of rows) households.set(r.id, [...(households.get(r.id) ?? []), r]);
    const zero = new Map<string, number>();
    const working = new Map<string, number>();
    const personOf = new Map(people.map((p) => [p.id, p]));
    for (const members of households.values()) {
      const h = members[0]!;
      expect(h.consent_note.length).toBeGreaterThan(10);
      expect(h.consent_on <= ANCHOR_DAY).toBe(true);
      expect(covers(regions.get(h.created_by!) ?? null, h.region_code)).toBe(true);
      const self = members.filter((m) => m.seeker_id);
      expect(self).toHaveLength(1);
      expect(self[0]!.relation).toBe("self");
      expect(members.length).toBeGreaterThanOrEqual(3);
      const someoneWorks = members.some((m) =>
        m.seeker_id ? all.some((j) => j.seeker_id === m.seeker_id && holds(j, ANCHOR_DAY)) : m.employed === true && workingAge(m.gender, m.birth_date, ANCHOR_DAY),
      );
      const pref = prefectureOf(h.region_code);
      (someoneWorks ? working : zero).set(pref, ((someoneWorks ? working : zero).get(pref) ?? 0) + 1);
      if (!someoneWorks) expect(personOf.get(self[0]!.seeker_id!)!.zero_employment_family).toBe(true);
    }
    for (const pref of PREFECTURES) {
      expect(zero.get(pref) ?? 0, `${pref} zero-employment households`).toBeGreaterThanOrEqual(1);
      expect(working.get(pref) ?? 0, `${pref} households with someone at work`).toBeGreaterThanOrEqual(1);
    }
  });

  it("flags provincial bodies, most of which employ a disabled person and two of which do not", async () => {
    const bodies = await t.db.selectFrom("organization").select(["id", "name", "provincial_body_kinds", "status"]).where("uscc", "in", BODY_USCCS).execute();
    expect(bodies).toHaveLength(BODY_USCCS.length);
    let employing = 0;
    for (const b of bodies) {
      expect(b.status).toBe("verified");
      expect(b.provincial_body_kinds.length).toBeGreaterThan(0);
      for (const k of b.provincial_body_kinds) expect(["party_government", "committee_member"]).toContain(k);
      const record = await t.db
        .selectFrom("employment")
        .select("id")
        .where("organization_id", "=", b.id)
        .where("contract_start", "<=", "2026-12-31")
        .where((eb) => eb.or([eb("contract_end", "is", null), eb("contract_end", ">=", "2026-01-01")]))
        .executeTakeFirst();
      const declared = await t.db
        .selectFrom("quota_declaration as d")
        .innerJoin("quota_declaration_employee as x", "x.declaration_id", "d.id")
        .select("d.id")
        .where("d.organization_id", "=", b.id)
        .where("d.status", "=", "approved")
        .where("x.kind", "=", "disabled")
        .executeTakeFirst();
      if (record || declared) employing++;
    }
    expect(employing).toBe(bodies.length - 2);
    expect(bodies.some((b) => b.provincial_body_kinds.includes("party_government"))).toBe(true);
    expect(bodies.some((b) => b.provincial_body_kinds.length === 1 && b.provincial_body_kinds[0] === "committee_member")).toBe(true);
  });

  it("keeps, on the demo counselor's caseload, a graduate of 2026 with no employment record and people not verified this quarter", async () => {
    const counselor = await t.db.selectFrom("app_user").select("id").where("phone", "=", PLAN_DEMO_PHONES.counselor).executeTakeFirstOrThrow();
    const caseload = await t.db
      .selectFrom("caseload_assignment as a")
      .innerJoin("seeker_profile as p", "p.user_id", "a.seeker_id")
      .select([
        "p.user_id",
        "p.graduation_year",
        (eb) => eb.exists(eb.selectFrom("employment as e").select("e.id").whereRef("e.seeker_id", "=", "p.user_id")).as("has_job"),
        (eb) =>
          eb
            .exists(eb.selectFrom("real_name_verification as v").select("v.id").whereRef("v.seeker_id", "=", "p.user_id").where("v.verified_on", ">=", THIS_QUARTER))
            .as("checked_now"),
      ])
      .where("a.counselor_id", "=", counselor.id)
      .where("a.ended_at", "is", null)
      .execute();
    const untouchedGraduates = caseload.filter((c) => c.graduation_year === 2026 && !c.has_job && !c.checked_now);
    expect(untouchedGraduates.length).toBeGreaterThanOrEqual(2);
    expect(caseload.filter((c) => !c.checked_now).length).toBeGreaterThanOrEqual(3);
    // The caseload also has people checked this quarter and someone whose job was recorded by the counselor.
    expect(caseload.some((c) => c.checked_now)).toBe(true);
    expect(
      all.some((j) => j.origin === "recorded" && j.created_by === counselor.id && caseload.some((c) => c.user_id === j.seeker_id)),
    ).toBe(true);
  });

  it("gives 遵义市 a prefecture admin and a counselor holding 遵义 seekers", async () => {
    const accounts = await t.db
      .selectFrom("app_user")
      .select(["id", "phone", "role", "region_code"])
      .where("phone", "in", [PLAN_DEMO_PHONES.prefectureAdmin, PLAN_DEMO_PHONES.prefectureCounselor])
      .orderBy("phone")
      .execute();
    expect(accounts.map((a) => [a.phone, a.role, a.region_code])).toEqual([
      ["13800000005", "admin", "520300"],
      ["13800000006", "counselor", "520300"],
    ]);
    const caseload = await t.db
      .selectFrom("caseload_assignment as a")
      .innerJoin("seeker_profile as p", "p.user_id", "a.seeker_id")
      .select(["p.current_region_code", "a.assigned_by"])
      .where("a.counselor_id", "=", accounts[1]!.id)
      .where("a.ended_at", "is", null)
      .execute();
    expect(caseload.length).toBeGreaterThanOrEqual(5);
    for (const c of caseload) {
      expect(c.current_region_code!.startsWith("5203")).toBe(true);
      expect(c.assigned_by).toBe(accounts[0]!.id);
    }
  });

  it("sets the 2016–2020 plan's targets and a demo period with prefecture shares of new jobs", async () => {
    const targets = await t.db.selectFrom("plan_target").select(["indicator", "period_start", "period_end", "region_code", "target_value", "source"]).execute();
    for (const p of PLAN_2016_2020_TARGETS) {
      const row = targets.find((x) => x.indicator === p.indicator && x.period_start === 2016 && x.region_code === "520000");
      expect(row, p.indicator).toBeDefined();
      expect(Number(row!.target_value)).toBe(p.value);
      expect(row!.period_end).toBe(2020);
    }
    const demo = targets.filter((x) => x.period_start === DEMO_PERIOD.start);
    for (const code of RECORDED_INDICATORS) {
      expect(demo.some((x) => x.indicator === code && x.region_code === "520000"), code).toBe(true);
    }
    for (const x of demo) expect([x.period_end, x.source]).toEqual([DEMO_PERIOD.end, DEMO_PERIOD.source]);
    const province = Number(demo.find((x) => x.indicator === "new_jobs" && x.region_code === "520000")!.target_value);
    const shares = demo.filter((x) => x.indicator === "new_jobs" && x.region_code !== "520000");
    expect(shares.map((x) => x.region_code).sort()).toEqual([...PREFECTURES].sort());
    expect(shares.reduce((s, x) => s + Number(x.target_value), 0)).toBe(province);
    // Population-weighted: 毕节 and 遵义 get more than 安顺.
    const share = (code: string) => Number(shares.find((x) => x.region_code === code)!.target_value);
    expect(share("520500")).toBeGreaterThan(share("520400") * 2);
    expect(share("520300")).toBeGreaterThan(share("520400") * 2);
  });

  it("takes the 2026 Q1 and Q2 snapshots of the province and the prefectures, leaving Q3 for an admin", async () => {
    const rows = await t.db.selectFrom("stats_snapshot").select(["region_code", "quarter", "as_of"]).where("year", "=", 2026).execute();
    for (const region of SNAPSHOT_REGIONS) {
      expect(rows.find((r) => r.region_code === region && r.quarter === 1)?.as_of, region).toBe("2026-03-31");
      expect(rows.find((r) => r.region_code === region && r.quarter === 2)?.as_of, region).toBe("2026-06-30");
      expect(rows.find((r) => r.region_code === region && r.quarter === 3), region).toBeUndefined();
    }
  });

  it("adds nothing when run again", async () => {
    const before = await tableCounts(t.db);
    await seed(t.db);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("gives a fresh database the same plan data", { timeout: 240_000 }, async () => {
    const other = await freshSeeded();
    // When this run seeded the plan demo, compare with it; otherwise (an earlier run's data on PostgreSQL) two fresh ones.
    const reference = insertedHere ? null : await freshSeeded();
    try {
      expect(await digest(other.db)).toBe(await digest(reference ? reference.db : t.db));
    } finally {
      await other.close();
      if (reference) await reference.close();
    }
  });
});
