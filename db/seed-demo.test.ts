import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { useTestDatabase } from "../tests/helpers/db";
import { createDatabase, type DB } from "./database";
import { migrateToLatest } from "./migrate";
import { seedDemoAccounts, seedDivisions } from "./seed";
import { DEMO_ANCHOR, DEMO_EMPLOYER_PHONE_PREFIX, DEMO_SEEKER_PHONE_PREFIX, demoUsccs, seedDemoData } from "./seed-demo";
import { checkCertificateNumber, checkUscc, parseIdNumber } from "../app/domain/identity";
import {
  ACCOMMODATIONS,
  codes,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  INDUSTRIES,
  JOB_CATEGORIES,
  ORGANIZATION_TYPES,
  TASK_DEMANDS,
} from "../app/domain/catalog";
import { APPLICATION_STATUSES, canMove } from "../app/domain/applications/status";
import { PROFILE_STEPS } from "../app/domain/seekers/seekers.schema";

const t = useTestDatabase();
const USCCS = demoUsccs();
const DAY = 86_400_000;

const accommodationCodes = new Set<string>(codes(ACCOMMODATIONS));
const demandCodes = new Set<string>(codes(TASK_DEMANDS));
const isSeekerPhone = (phone: string | null) => phone === "13800000001" || (phone ?? "").startsWith(DEMO_SEEKER_PHONE_PREFIX);

async function demoOrganizations(db: DB) {
  return db
    .selectFrom("organization as o")
    .innerJoin("division as d", "d.code", "o.region_code")
    .select(["o.id", "o.name", "o.uscc", "o.type", "o.region_code", "o.industry", "o.staff_count", "o.status", "o.reviewed_at", "o.reviewed_by", "o.contact_name", "o.contact_phone", "d.parent_code as prefecture"])
    .where("o.uscc", "in", USCCS)
    .execute();
}

async function demoVacancies(db: DB) {
  return db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select([
      "v.id",
      "v.title",
      "v.category",
      "v.employment_type",
      "v.openings",
      "v.region_code",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.education_required",
      "v.accommodations",
      "v.demands",
      "v.quota_eligible",
      "v.status",
      "v.closing_date",
      "v.published_at",
      "v.description",
      "o.region_code as org_region",
      "o.status as org_status",
    ])
    .where("o.uscc", "in", USCCS)
    .execute();
}

async function demoSeekers(db: DB) {
  const rows = await db
    .selectFrom("seeker_profile as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .selectAll("s")
    .select(["u.phone", "u.role"])
    .where((eb) => eb.or([eb("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`), eb("u.phone", "=", "13800000001")]))
    .execute();
  return rows;
}

async function demoApplications(db: DB) {
  return db
    .selectFrom("application as a")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select(["a.id", "a.vacancy_id", "a.seeker_id", "a.status", "a.source", "a.created_at", "a.updated_at", "v.published_at", "v.status as vacancy_status"])
    .where("o.uscc", "in", USCCS)
    .execute();
}

/** A digest of the demo data that ignores generated ids: the same for two databases seeded alike. */
async function digest(db: DB): Promise<string> {
  const orgs = await db
    .selectFrom("organization")
    .select(["uscc", "name", "type", "region_code", "address", "industry", "staff_count", "contact_name", "contact_phone", "status", "special_statuses", "created_at"])
    .where("uscc", "in", USCCS)
    .orderBy("uscc")
    .execute();
  const vacancies = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select(["o.uscc", "v.title", "v.description", "v.status", "v.openings", "v.pay_min", "v.pay_max", "v.region_code", "v.accommodations", "v.demands", "v.published_at", "v.closing_date"])
    .where("o.uscc", "in", USCCS)
    .orderBy("o.uscc")
    .orderBy("v.title")
    .execute();
  const seekers = await db
    .selectFrom("seeker_profile as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select(["u.phone", "s.real_name", "s.id_number", "s.certificate_number", "s.current_region_code", "s.skills", "s.needs_required", "s.needs_preferred", "s.limits", "s.discoverable", "s.employment_status"])
    .where((eb) => eb.or([eb("u.phone", "like", `${DEMO_SEEKER_PHONE_PREFIX}%`), eb("u.phone", "=", "13800000001")]))
    .orderBy("u.phone")
    .execute();
  const applications = await db
    .selectFrom("application as a")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .select(["o.uscc", "v.title", "u.phone", "a.status", "a.source", "a.created_at", "a.disclosure", "a.access_requests"])
    .where("o.uscc", "in", USCCS)
    .orderBy("o.uscc")
    .orderBy("v.title")
    .orderBy("u.phone")
    .execute();
  const events = await db
    .selectFrom("application_event as e")
    .innerJoin("application as a", "a.id", "e.application_id")
    .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .select(["o.uscc", "v.title", "u.phone", "e.to_status", "e.at", "e.message"])
    .where("o.uscc", "in", USCCS)
    .orderBy("o.uscc")
    .orderBy("v.title")
    .orderBy("u.phone")
    .orderBy("e.at")
    .execute();
  const employments = await db
    .selectFrom("employment as e")
    .innerJoin("organization as o", "o.id", "e.organization_id")
    .innerJoin("app_user as u", "u.id", "e.seeker_id")
    .select(["o.uscc", "u.phone", "e.contract_start", "e.contract_end", "e.social_insurance", "e.monthly_pay", "e.disability_grade"])
    .where("o.uscc", "in", USCCS)
    .orderBy("o.uscc")
    .orderBy("u.phone")
    .execute();
  const json = JSON.stringify({ orgs, vacancies, seekers, applications, events, employments }, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v));
  return createHash("sha256").update(json).digest("hex");
}

async function tableCounts(db: DB): Promise<Record<string, number>> {
  const tables = ["app_user", "organization", "organization_member", "seeker_profile", "vacancy", "application", "application_event", "employment", "notification"] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(r.rows[0]!.n);
  }
  return counts;
}

async function freshDemoDatabase() {
  const handle = await createDatabase({ pgliteDir: "memory" });
  await migrateToLatest(handle.db);
  await seedDivisions(handle.db);
  await seedDemoAccounts(handle.db);
  await seedDemoData(handle.db);
  return handle;
}

let inserted: Awaited<ReturnType<typeof seedDemoData>>;
let seconds = 0;

beforeAll(async () => {
  await seedDemoAccounts(t.db);
  const started = Date.now();
  inserted = await seedDemoData(t.db);
  seconds = (Date.now() - started) / 1000;
});

describe("the demo data", () => {
  it("seeds in one go, in reasonable time", () => {
    // On PostgreSQL the shared test database may hold it from an earlier run: then nothing is inserted.
    if (inserted.organizations > 0) {
      expect(inserted.organizations).toBeGreaterThanOrEqual(32);
      expect(inserted.vacancies).toBeGreaterThanOrEqual(200);
      expect(inserted.seekers).toBeGreaterThanOrEqual(300);
      expect(inserted.applications).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(60);
    }
  });

  it("has ≥ 30 verified organizations of every type, with valid USCCs, across all nine prefectures", async () => {
    const orgs = await demoOrganizations(t.db);
    expect(orgs).toHaveLength(USCCS.length);
    const verified = orgs.filter((o) => o.status === "verified");
    expect(verified.length).toBeGreaterThanOrEqual(30);
    expect(orgs.filter((o) => o.status === "pending")).toHaveLength(2);
    expect(new Set(verified.map((o) => o.prefecture)).size).toBe(9);
    expect(new Set(orgs.map((o) => o.type))).toEqual(new Set(codes(ORGANIZATION_TYPES)));
    for (const o of orgs) {
      expect(checkUscc(o.uscc), o.uscc).toBeNull();
      expect(o.uscc.slice(2, 8)).toBe(o.region_code);
      expect(codes(INDUSTRIES)).toContain(o.industry);
      expect(o.staff_count).toBeGreaterThanOrEqual(8);
      expect(o.staff_count).toBeLessThanOrEqual(2000);
      expect(o.contact_name).not.toBe("");
      expect(o.contact_phone).toMatch(/^1[3-9]\d{9}$/);
      if (o.status === "verified") expect(o.reviewed_at).not.toBeNull();
    }
    const staff = orgs.map((o) => o.staff_count);
    expect(Math.min(...staff)).toBe(8);
    expect(Math.max(...staff)).toBeGreaterThanOrEqual(1900);

    const owners = await t.db
      .selectFrom("organization_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .innerJoin("organization as o", "o.id", "m.organization_id")
      .select(["o.uscc", "u.role", "u.phone", "m.role as member_role"])
      .where("o.uscc", "in", USCCS)
      .execute();
    expect(new Set(owners.filter((m) => m.member_role === "owner").map((m) => m.uscc)).size).toBe(USCCS.length);
    for (const m of owners) {
      expect(m.role).toBe("employer");
      expect(m.phone === "13800000002" || m.phone!.startsWith(DEMO_EMPLOYER_PHONE_PREFIX)).toBe(true);
    }
  });

  it("has ≥ 200 vacancies with sensible fields from the catalogs", async () => {
    const vacancies = await demoVacancies(t.db);
    expect(vacancies.length).toBeGreaterThanOrEqual(200);
    const anchor = DEMO_ANCHOR.getTime();
    for (const v of vacancies) {
      expect(v.org_status).toBe("verified");
      expect(v.region_code.slice(0, 4)).toBe(v.org_region.slice(0, 4));
      expect(v.pay_min).toBeGreaterThanOrEqual(1900);
      expect(v.pay_max).toBeLessThanOrEqual(9000);
      expect(v.pay_min).toBeLessThanOrEqual(v.pay_max);
      expect(v.openings).toBeGreaterThanOrEqual(1);
      expect(v.openings).toBeLessThanOrEqual(10);
      expect(v.accommodations.length).toBeGreaterThanOrEqual(1);
      expect(v.accommodations.length).toBeLessThanOrEqual(6);
      expect(v.demands.length).toBeLessThanOrEqual(3);
      for (const c of v.accommodations) expect(accommodationCodes.has(c), c).toBe(true);
      for (const c of v.demands) expect(demandCodes.has(c), c).toBe(true);
      expect(codes(JOB_CATEGORIES)).toContain(v.category);
      expect(codes(EMPLOYMENT_TYPES)).toContain(v.employment_type);
      expect(codes(EDUCATION_LEVELS)).toContain(v.education_required);
      expect(v.description.split("。").filter(Boolean).length).toBeGreaterThanOrEqual(2);
      if (v.remote) expect(v.accommodations).toContain("remote_work");
      if (v.status === "draft") expect(v.published_at).toBeNull();
      else {
        const at = v.published_at!.getTime();
        expect(at).toBeLessThanOrEqual(anchor);
        expect(at).toBeGreaterThan(anchor - 91 * DAY);
      }
      if (v.status === "open") expect(v.closing_date! >= "2027-01-01").toBe(true);
    }
    const statuses = new Set(vacancies.map((v) => v.status));
    expect(statuses).toEqual(new Set(["open", "draft", "closed", "filled"]));
    expect(vacancies.filter((v) => v.status === "open").length).toBeGreaterThan(vacancies.length / 2);
    expect(vacancies.filter((v) => v.quota_eligible).length).toBeGreaterThan(vacancies.length / 2);
    expect(vacancies.some((v) => v.remote)).toBe(true);
    expect(new Set(vacancies.map((v) => v.employment_type))).toEqual(new Set(codes(EMPLOYMENT_TYPES)));
    expect(new Set(vacancies.map((v) => v.category)).size).toBeGreaterThanOrEqual(12);
    // Massage work offers what blind masseurs need.
    for (const v of vacancies.filter((x) => x.category === "massage" && x.title.includes("盲人"))) {
      expect(v.accommodations.some((c) => c === "braille" || c === "screen_reader")).toBe(true);
    }
  });

  it("has ≥ 300 seekers whose ID and certificate numbers agree with their profiles", async () => {
    const seekers = await demoSeekers(t.db);
    expect(seekers.length).toBeGreaterThanOrEqual(301);
    const prefectures = new Set<string>();
    for (const s of seekers) {
      expect(s.role).toBe("seeker");
      const id = parseIdNumber(s.id_number!);
      expect(id.ok, s.id_number!).toBe(true);
      if (!id.ok) continue;
      expect(id.value.birthDate).toBe(s.birth_date);
      expect(id.value.regionCode).toBe(s.household_region_code);
      expect(id.value.gender).toBe(s.gender);
      expect(checkCertificateNumber(s.certificate_number!, { idNumber: s.id_number, category: s.disability_category, grade: s.disability_grade })).toEqual([]);
      const year = Number(s.birth_date!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1970);
      expect(year).toBeLessThanOrEqual(2005);
      expect(s.sensitive_consent_at).not.toBeNull();
      expect([...s.completed_steps].sort()).toEqual([...PROFILE_STEPS].sort());
      expect(codes(EDUCATION_LEVELS)).toContain(s.education);
      expect(s.work_types.length).toBeGreaterThan(0);
      for (const w of s.work_types) expect(codes(EMPLOYMENT_TYPES)).toContain(w);
      for (const c of [...s.needs_required, ...s.needs_preferred]) expect(accommodationCodes.has(c), c).toBe(true);
      for (const c of s.limits) expect(demandCodes.has(c), c).toBe(true);
      expect(s.needs_required.filter((c) => s.needs_preferred.includes(c))).toEqual([]);
      expect(s.skills.length).toBeGreaterThan(0);
      expect(s.real_name).toMatch(/^\p{Script=Han}{2,3}$/u);
      prefectures.add(s.current_region_code!.slice(0, 4));
      if (s.graduation_year !== null) {
        expect(s.graduation_year).toBeGreaterThanOrEqual(2024);
        expect(s.graduation_year).toBeLessThanOrEqual(2026);
        expect(s.graduate_school).toBeTruthy();
        expect(s.graduate_major).toBeTruthy();
      }
    }
    expect(prefectures.size).toBe(9);
    const share = (f: (s: (typeof seekers)[number]) => boolean) => seekers.filter(f).length / seekers.length;
    expect(share((s) => s.graduation_year !== null)).toBeGreaterThan(0.15);
    expect(share((s) => s.graduation_year !== null)).toBeLessThan(0.35);
    expect(share((s) => s.discoverable)).toBeGreaterThan(0.3);
    expect(share((s) => s.discoverable)).toBeLessThan(0.5);
    expect(share((s) => s.residence === "rural")).toBeGreaterThan(0.1);
    expect(seekers.some((s) => s.zero_employment_family)).toBe(true);
    expect(seekers.some((s) => s.low_income_family)).toBe(true);
    expect(seekers.some((s) => s.certificates.some((c) => c.startsWith("保健按摩师")))).toBe(true);
    expect(new Set(seekers.map((s) => s.disability_category)).size).toBe(7);
    expect(new Set(seekers.map((s) => s.disability_grade))).toEqual(new Set([1, 2, 3, 4]));
    // Needs fit the category: deaf people ask for signing or text, wheelchair users for step-free access.
    for (const s of seekers.filter((x) => x.disability_category === "hearing" && x.disability_grade! <= 2)) {
      expect(s.needs_required.some((c) => c === "sign_language" || c === "text_communication")).toBe(true);
    }
    for (const s of seekers.filter((x) => x.disability_category === "vision" && x.disability_grade! <= 2)) {
      expect(s.needs_required).toContain("screen_reader");
    }
  });

  it("has applications in every status, each with a consistent timeline", async () => {
    const applications = await demoApplications(t.db);
    expect(new Set(applications.map((a) => a.status))).toEqual(new Set(APPLICATION_STATUSES));
    const sources = applications.map((a) => a.source);
    expect(new Set(sources)).toEqual(new Set(["self", "referral", "invitation"]));
    expect(sources.filter((s) => s === "self").length).toBeGreaterThan(applications.length / 2);
    expect(applications.every((a) => a.vacancy_status !== "draft")).toBe(true);

    const events = await t.db
      .selectFrom("application_event")
      .select(["application_id", "from_status", "to_status", "at", "actor_id"])
      .where("application_id", "in", applications.map((a) => a.id))
      .orderBy("application_id")
      .orderBy("at")
      .execute();
    const byApplication = new Map<string, typeof events>();
    for (const e of events) byApplication.set(e.application_id, [...(byApplication.get(e.application_id) ?? []), e]);
    const anchor = DEMO_ANCHOR.getTime();
    for (const a of applications) {
      const timeline = byApplication.get(a.id) ?? [];
      expect(timeline.length, a.id).toBeGreaterThan(0);
      expect(timeline[0]!.from_status).toBeNull();
      expect(timeline[0]!.to_status).toBe("submitted");
      expect(timeline[0]!.at.getTime()).toBe(a.created_at.getTime());
      expect(timeline[0]!.at.getTime()).toBeGreaterThan(a.published_at!.getTime());
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.from_status).toBe(timeline[i - 1]!.to_status);
        expect(canMove(timeline[i]!.from_status!, timeline[i]!.to_status), `${timeline[i]!.from_status} → ${timeline[i]!.to_status}`).toBe(true);
        expect(timeline[i]!.at.getTime()).toBeGreaterThan(timeline[i - 1]!.at.getTime());
      }
      const last = timeline[timeline.length - 1]!;
      expect(last.to_status).toBe(a.status);
      expect(last.at.getTime()).toBe(a.updated_at.getTime());
      expect(last.at.getTime()).toBeLessThanOrEqual(anchor);
      for (const e of timeline) expect(e.actor_id).not.toBeNull();
    }
    // Unique per vacancy and seeker (the constraint holds it; the demo must not rely on luck).
    expect(new Set(applications.map((a) => `${a.vacancy_id}:${a.seeker_id}`)).size).toBe(applications.length);
  });

  it("records every hire as employment, and fills the vacancies whose openings are taken", async () => {
    const applications = await demoApplications(t.db);
    const hired = applications.filter((a) => a.status === "hired");
    expect(hired.length).toBeGreaterThan(10);
    const employments = await t.db
      .selectFrom("employment as e")
      .innerJoin("vacancy as v", "v.id", "e.vacancy_id")
      .innerJoin("seeker_profile as s", "s.user_id", "e.seeker_id")
      .innerJoin("application as a", "a.id", "e.application_id")
      .select(["e.application_id", "e.organization_id", "v.organization_id as vacancy_org", "e.contract_start", "e.contract_end", "e.social_insurance", "e.monthly_pay", "e.disability_grade", "v.pay_min", "v.pay_max", "s.disability_grade as seeker_grade", "s.employment_status", "a.status"])
      .where("e.application_id", "in", hired.map((a) => a.id))
      .execute();
    expect(new Set(employments.map((e) => e.application_id))).toEqual(new Set(hired.map((a) => a.id)));
    let longContracts = 0;
    for (const e of employments) {
      expect(e.organization_id).toBe(e.vacancy_org);
      expect(e.monthly_pay).toBeGreaterThanOrEqual(e.pay_min);
      expect(e.monthly_pay).toBeLessThanOrEqual(e.pay_max);
      expect(e.disability_grade).toBe(e.seeker_grade);
      expect(e.employment_status).toBe("employed");
      if (e.contract_end === null) longContracts++;
      else {
        expect(e.contract_end >= e.contract_start).toBe(true);
        const [y, m, d] = e.contract_start.split("-").map(Number) as [number, number, number];
        if (new Date(e.contract_end).getTime() >= Date.UTC(y + 1, m - 1, d) - DAY) longContracts++;
      }
    }
    expect(longContracts).toBeGreaterThan(employments.length * 0.7);
    expect(employments.filter((e) => e.social_insurance).length).toBeGreaterThan(employments.length * 0.7);

    const vacancies = await demoVacancies(t.db);
    const hires = new Map<string, number>();
    for (const a of hired) hires.set(a.vacancy_id, (hires.get(a.vacancy_id) ?? 0) + 1);
    for (const v of vacancies) {
      const n = hires.get(v.id) ?? 0;
      if (n >= v.openings) expect(v.status, v.title).toBe("filled");
      if (v.status === "filled") expect(n).toBeGreaterThanOrEqual(v.openings);
    }
    // A person is hired once.
    expect(new Set(hired.map((a) => a.seeker_id)).size).toBe(hired.length);
  });

  it("gives the demo seeker a complete profile, two applications and notifications", async () => {
    const seeker = await t.db.selectFrom("app_user").select("id").where("phone", "=", "13800000001").executeTakeFirstOrThrow();
    const profile = await t.db.selectFrom("seeker_profile").selectAll().where("user_id", "=", seeker.id).executeTakeFirstOrThrow();
    expect(profile.real_name).toBe("李明");
    expect(profile.current_region_code).toBe("520102");
    expect(profile.disability_category).toBe("physical");
    expect(profile.disability_grade).toBe(3);
    expect(profile.needs_required).toEqual(["step_free_access"]);
    expect(profile.needs_preferred).toEqual(["flexible_hours"]);
    const applications = await t.db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select(["a.id", "a.status", "v.title", "v.accommodations", "o.name"])
      .where("a.seeker_id", "=", seeker.id)
      .where("o.uscc", "in", USCCS)
      .execute();
    expect(applications).toHaveLength(2);
    expect(applications.find((a) => a.name === "贵阳黔程示范科技有限公司")?.status).toBe("interview");
    for (const a of applications) expect(a.accommodations).toContain("step_free_access");
    const notifications = await t.db
      .selectFrom("notification")
      .select(["kind", "params", "link", "read_at"])
      .where("user_id", "=", seeker.id)
      .where("link", "in", applications.map((a) => `/applications/${a.id}`))
      .execute();
    expect(notifications.length).toBeGreaterThanOrEqual(3);
    for (const n of notifications) {
      expect(n.kind).toBe("application.status");
      const params = n.params as { vacancy: string; status: string };
      expect(applications.map((a) => a.title)).toContain(params.vacancy);
      expect(APPLICATION_STATUSES).toContain(params.status);
    }
    expect(notifications.some((n) => n.read_at === null)).toBe(true);
  });

  it("makes the demo employer the owner of a verified organization with vacancies and applicants", async () => {
    const employer = await t.db.selectFrom("app_user").select("id").where("phone", "=", "13800000002").executeTakeFirstOrThrow();
    const org = await t.db
      .selectFrom("organization as o")
      .innerJoin("organization_member as m", "m.organization_id", "o.id")
      .select(["o.id", "o.status", "o.region_code", "m.role"])
      .where("m.user_id", "=", employer.id)
      .where("o.name", "=", "贵阳黔程示范科技有限公司")
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ status: "verified", region_code: "520115", role: "owner" });
    const vacancies = await t.db
      .selectFrom("vacancy as v")
      .leftJoin("application as a", "a.vacancy_id", "v.id")
      .select(["v.title", "v.status", (eb) => eb.fn.count<number>("a.id").as("applicants")])
      .where("v.organization_id", "=", org.id)
      .groupBy(["v.id", "v.title", "v.status"])
      .execute();
    expect(vacancies.length).toBeGreaterThanOrEqual(3);
    for (const v of vacancies.filter((x) => x.status === "open")) expect(Number(v.applicants), v.title).toBeGreaterThanOrEqual(3);
  });

  it("does nothing when run again", async () => {
    const before = await tableCounts(t.db);
    const again = await seedDemoData(t.db);
    expect(again).toEqual({ organizations: 0, vacancies: 0, seekers: 0, applications: 0 });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("gives a fresh database the same data", { timeout: 240_000 }, async () => {
    const other = await freshDemoDatabase();
    // When this run inserted the data, compare against it; otherwise (an earlier run's data on PostgreSQL) two fresh ones.
    const reference = inserted.organizations > 0 ? null : await freshDemoDatabase();
    try {
      expect(await digest(other.db)).toBe(await digest(reference ? reference.db : t.db));
    } finally {
      await other.close();
      if (reference) await reference.close();
    }
  });
});
