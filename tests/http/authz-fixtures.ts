/**
 * The people and objects of the authorization matrix (tests/http/authz.test.ts), made on top of the seeded demo:
 * nine identities, objects that belong to the first seeker, the first employer's organization, the first
 * counselor's caseload and 贵阳市 (so the "other" identities — a second seeker, an employer and a counselor and a
 * prefecture admin of 遵义市 — are outsiders to them), and the sensitive values design.md §5 rule 4 and §7 protect,
 * read from the database, with who may see each.
 */
import { sql } from "kysely";
import type { DB } from "../../db/database";
import { createStaffAccount } from "../../app/domain/accounts/accounts.server";
import { createInvitation } from "../../app/domain/organizations/organizations.server";
import { bookSlot, createEvent, registerForEvent, setEventStatus } from "../../app/domain/events/events.server";
import { judgeSchema } from "../../app/domain/competitions/competitions.schema";
import { assignJudge, enterCategory, saveCategory, saveJudge } from "../../app/domain/competitions/competitions.server";
import { eventSchema } from "../../app/domain/events/events.schema";
import { addDays } from "../../app/domain/counseling/counseling.schema";
import { courseSchema } from "../../app/domain/training/courses.schema";
import { createCourse, setCourseStatus } from "../../app/domain/training/courses.server";
import { enrolFromCaseload } from "../../app/domain/training/enrolments.server";
import { todayInShanghai } from "../../app/domain/vacancies/vacancies.schema";
import { approveDeclaration, fileObjection, publishDisclosure, saveDeclaration } from "../../app/domain/quota/declarations.server";
import { isWithinRegion, type Actor } from "../../app/domain/permissions";
import type { TestServer } from "./harness";

export const IDENTITIES = ["anon", "seeker", "seeker2", "employer", "employer2", "counselor", "counselor2", "prefAdmin", "provAdmin"] as const;
export type Identity = (typeof IDENTITIES)[number];

export const DESCRIBE: Record<Identity, string> = {
  anon: "anonymous",
  seeker: "seeker 李明 (13800000001)",
  seeker2: "another seeker (demo, 遵义市)",
  employer: "employer 13800000002 (贵阳黔程示范科技有限公司)",
  employer2: "employer of another organization (demo, 遵义市)",
  counselor: "counselor 13800000003 (贵阳市)",
  counselor2: "counselor of 遵义市 (created here)",
  prefAdmin: "prefecture admin of 遵义市 (created here)",
  provAdmin: "province admin 13800000004",
};

/** The levy year of the declaration, disclosure and objection made here (data year 2025 has seeded parameters). */
export const LEVY_YEAR = 2026;
const OTHER_REGION = "520300"; // 遵义市
const STAFF_PASSWORD = "Authz#Matrix-2026!";

/** Strings that only some identities may see (checked in every body like the sensitive values). */
export interface Marker {
  label: string;
  value: string;
  allowed: readonly Identity[];
}

export interface SeekerFacts {
  id: string;
  phone: string | null;
  email: string | null;
  name: string | null;
  idNumber: string | null;
  certificate: string | null;
  /** coalesce(current, household) region, as the caseload and cohort queries read it. */
  region: string | null;
}

export interface Allowed {
  names: Set<string>;
  /** Phone numbers and email addresses. */
  contacts: Set<string>;
  ids: Set<string>;
  certificates: Set<string>;
}

export interface Fixtures {
  users: Record<Exclude<Identity, "anon">, string>;
  actors: Record<Exclude<Identity, "anon">, Actor>;
  organizationA: string;
  organizationB: string;
  /** 李明's application to organization A (disclosed: name and contact). */
  application: string;
  applicationDisclosure: string[];
  /** Organization A's open vacancy that application is for. */
  vacancy: string;
  /** Organization A's draft vacancy. */
  draftVacancy: string;
  /** Another open vacancy (for referrals). */
  otherOpenVacancy: string;
  /** The seeded general event in 贵阳市 where organization A has a booth. */
  event: string;
  /** A draft event of 遵义市, made by the 遵义 admin. */
  draftEvent: string;
  /** Organization A's free interview slot, and the one the other seeker booked. */
  slot: string;
  bookedSlot: string;
  declaration: string;
  disclosureEntry: string;
  objection: string;
  /** An employment of a seeker on the 贵阳 counselor's caseload. */
  employment: { id: string; seekerId: string };
  /** A business of 贵阳市 (南明区) run by 李明 (issue 14). */
  business: string;
  /** A published course in 贵阳市 of organization A (a training base), starting today; 李明 enrolled by his counselor. */
  course: string;
  courseEnrolment: string;
  /** A draft course of 遵义市, made by the 遵义 admin. */
  draftCourse: string;
  /** Organization A's designation (a cultural-creative base, by the province): the admin page of one designation. */
  designation: string;
  planAction: string;
  notification: string;
  notificationReadAt: number | null;
  jobInvitation: string;
  referral: string;
  invitationToken: string;
  checkInCode: string;
  /** A published skills competition of 贵阳市 (by the province) with one category, which 李明 entered (asking for an interpreter). */
  competition: string;
  competitionCategory: string;
  seekers: SeekerFacts[];
  /** Names that also occur in public text (place, organization, vacancy and staff names, the UI catalog): not checked. */
  ambiguousNames: Set<string>;
  allowed: Record<Identity, Allowed>;
  markers: Marker[];
}

async function one<T>(p: Promise<T | undefined>, what: string): Promise<T> {
  const v = await p;
  if (v === undefined) throw new Error(`fixture missing: ${what}`);
  return v;
}

function ok<T>(r: { ok: true; value: T } | { ok: false; fieldErrors: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

export async function makeFixtures(s: TestServer, catalogText: string): Promise<Fixtures> {
  const db: DB = s.handle.db;
  const id = (phone: string) => s.userId(phone);

  const seeker = await id("13800000001");
  const employer = await id("13800000002");
  const counselor = await id("13800000003");
  const provAdmin = await id("13800000004");
  const provActor: Actor = { id: provAdmin, role: "admin", regionCode: "520000" };

  const organizationA = (
    await one(db.selectFrom("organization_member").select("organization_id").where("user_id", "=", employer).executeTakeFirst(), "organization A")
  ).organization_id;

  // An owner of a verified organization of 遵义市, and a seeker of 遵义市 who never applied to organization A and is on nobody's caseload.
  const other = await one(
    db
      .selectFrom("app_user as u")
      .innerJoin("organization_member as m", "m.user_id", "u.id")
      .innerJoin("organization as o", "o.id", "m.organization_id")
      .select(["u.id", "o.id as organization_id"])
      .where("u.phone", "like", "1370000%")
      .where("m.role", "=", "owner")
      .where("o.status", "=", "verified")
      .where("o.region_code", "like", "5203%")
      .orderBy("u.phone")
      .executeTakeFirst(),
    "an employer of 遵义市",
  );
  const seeker2 = (
    await one(
      db
        .selectFrom("app_user as u")
        .innerJoin("seeker_profile as p", "p.user_id", "u.id")
        .select("u.id")
        .where("u.phone", "like", "1360000%")
        .where("p.current_region_code", "like", "5203%")
        .where("p.id_number", "is not", null)
        .where("p.certificate_number", "is not", null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("application as a")
                .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
                .select("a.id")
                .whereRef("a.seeker_id", "=", "u.id")
                .where("v.organization_id", "in", [organizationA, other.organization_id]),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom("caseload_assignment as c").select("c.id").whereRef("c.seeker_id", "=", "u.id"))),
        )
        .orderBy("u.phone")
        .executeTakeFirst(),
      "a seeker of 遵义市",
    )
  ).id;

  const staff = async (role: "counselor" | "admin", phone: string, displayName: string) =>
    ok(
      await createStaffAccount(db, provActor, { role, displayName, regionCode: OTHER_REGION, password: STAFF_PASSWORD, phone }),
      `creating ${displayName}`,
    ).userId;
  const counselor2 = await staff("counselor", "13900000301", "遵义市就业指导员（权限矩阵）");
  const prefAdmin = await staff("admin", "13900000302", "遵义市残联管理员（权限矩阵）");
  // The 遵义 counselor holds the 遵义 seeker: their caseload names someone, the 贵阳 one must not see.
  await db.insertInto("caseload_assignment").values({ seeker_id: seeker2, counselor_id: counselor2, assigned_by: provAdmin }).execute();

  const users = { seeker, seeker2, employer, employer2: other.id, counselor, counselor2, prefAdmin, provAdmin };
  const roles = {
    seeker: "seeker",
    seeker2: "seeker",
    employer: "employer",
    employer2: "employer",
    counselor: "counselor",
    counselor2: "counselor",
    prefAdmin: "admin",
    provAdmin: "admin",
  } as const;
  const regions = {
    seeker: null,
    seeker2: null,
    employer: null,
    employer2: null,
    counselor: "520100",
    counselor2: OTHER_REGION,
    prefAdmin: OTHER_REGION,
    provAdmin: "520000",
  };
  const actors = Object.fromEntries(
    (Object.keys(users) as (keyof typeof users)[]).map((k) => [k, { id: users[k], role: roles[k], regionCode: regions[k] } satisfies Actor]),
  ) as Fixtures["actors"];

  // 李明's application to organization A, and organization A's vacancies.
  const app = await one(
    db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select(["a.id", "a.vacancy_id", "a.disclosure"])
      .where("a.seeker_id", "=", seeker)
      .where("v.organization_id", "=", organizationA)
      .executeTakeFirst(),
    "李明's application to organization A",
  );
  const draftVacancy = (
    await one(
      db.selectFrom("vacancy").select("id").where("organization_id", "=", organizationA).where("status", "=", "draft").executeTakeFirst(),
      "a draft",
    )
  ).id;
  const secondOpen = (
    await one(
      db
        .selectFrom("vacancy")
        .select("id")
        .where("organization_id", "=", organizationA)
        .where("status", "=", "open")
        .where("id", "!=", app.vacancy_id)
        .orderBy("title")
        .executeTakeFirst(),
      "another open vacancy of organization A",
    )
  ).id;
  const otherOpenVacancy = (
    await one(
      db
        .selectFrom("vacancy")
        .select("id")
        .where("organization_id", "=", other.organization_id)
        .where("status", "=", "open")
        .orderBy("title")
        .executeTakeFirst(),
      "an open vacancy of the 遵义 organization",
    )
  ).id;

  // The general event in 贵阳市 (organization A has a booth): 李明 registers; the 遵义 seeker registers and books a slot.
  const event = (await one(db.selectFrom("recruitment_event").select("id").where("kind", "=", "general").executeTakeFirst(), "the general event")).id;
  const beforeDeadline = new Date("2026-12-01T10:00:00+08:00");
  const reg = ok(await registerForEvent(db, actors.seeker, event, { accessRequests: ["interpreter"] }, beforeDeadline), "registering 李明");
  ok(await registerForEvent(db, actors.seeker2, event, { accessRequests: ["wheelchair_seating"] }, beforeDeadline), "registering the other seeker");
  const slots = await db
    .selectFrom("interview_slot as s")
    .innerJoin("event_employer as ee", "ee.id", "s.event_employer_id")
    .select("s.id")
    .where("ee.event_id", "=", event)
    .where("ee.organization_id", "=", organizationA)
    .orderBy("s.starts_at")
    .execute();
  if (slots.length < 2) throw new Error("fixture missing: interview slots");
  ok(await bookSlot(db, actors.seeker2, event, slots[0]!.id), "booking a slot");
  const draftInput = eventSchema.parse({
    title: "遵义市权限矩阵草稿招聘会",
    kind: "general",
    startsAt: "2027-03-10T09:00",
    endsAt: "2027-03-10T16:00",
    registrationDeadline: "2027-03-08T18:00",
    regionCode: "520302",
    venue: "遵义市红花岗区",
    capacity: 50,
    description: "草稿",
  });
  const draftEvent = ok(await createEvent(db, actors.prefAdmin, draftInput), "a draft event of 遵义市").eventId;
  const checkInCode = (
    await db.selectFrom("event_registration").select("check_in_code").where("id", "=", reg.registrationId).executeTakeFirstOrThrow()
  ).check_in_code;

  // A skills competition of 贵阳市 (issue 14), entries open until far ahead: one category with a provincial judge
  // assigned, 李明 entered; a judge of 贵阳市 in the pool (the 遵义 admin's pool must not list them).
  const competitionInput = eventSchema.parse({
    title: "权限矩阵职业技能竞赛",
    kind: "competition",
    startsAt: "2099-05-10T09:00",
    endsAt: "2099-05-10T17:00",
    registrationDeadline: "2099-05-01T18:00",
    regionCode: "520102",
    venue: "权限矩阵实训基地",
    capacity: 50,
  });
  const competition = ok(await createEvent(db, provActor, competitionInput), "a competition of 贵阳市").eventId;
  ok(await setEventStatus(db, provActor, competition, "published"), "publishing the competition");
  const competitionCategory = ok(await saveCategory(db, provActor, competition, { name: "权限矩阵盲人按摩项目", description: "" }), "a category").categoryId;
  const provincialJudge = ok(await saveJudge(db, provActor, judgeSchema.parse({ name: "权限矩阵省级裁判", specialities: "盲人按摩", regionCode: "520000" })), "a judge").judgeId;
  ok(await saveJudge(db, provActor, judgeSchema.parse({ name: "权限矩阵贵阳裁判", specialities: "电脑操作", regionCode: "520102" })), "a judge of 贵阳市");
  ok(await assignJudge(db, provActor, competition, { categoryId: competitionCategory, judgeId: provincialJudge }), "assigning the judge");
  ok(await enterCategory(db, actors.seeker, competition, { categoryId: competitionCategory, accessRequests: ["interpreter"] }), "李明 enters");

  // Organization A declares its hires for the levy year; the province approves and publishes; 李明 objects.
  const hires = await db
    .selectFrom("employment as e")
    .innerJoin("seeker_profile as p", "p.user_id", "e.seeker_id")
    .select(["p.real_name", "p.certificate_number", "p.disability_grade", "e.contract_start", "e.contract_end", "e.monthly_pay"])
    .where("e.organization_id", "=", organizationA)
    .where("p.certificate_number", "is not", null)
    .orderBy("e.contract_start")
    .execute();
  const decl = ok(
    await saveDeclaration(
      db,
      actors.employer,
      organizationA,
      LEVY_YEAR,
      {
        monthlyStaff: Array.from({ length: 12 }, () => 120),
        salaryTotal: 120 * 90000,
        employees: hires.map((h) => ({
          fullName: h.real_name!,
          kind: "disabled" as const,
          certificateNumber: h.certificate_number!,
          grade: h.disability_grade ?? 3,
          contractStart: h.contract_start,
          contractEnd: h.contract_end ?? undefined,
          insuranceMonths: 1,
          monthlyPay: h.monthly_pay,
        })),
      } as never,
      { submit: true },
    ),
    "the declaration",
  );
  ok(await approveDeclaration(db, provActor, decl.id), "approving the declaration");
  ok(await publishDisclosure(db, provActor, LEVY_YEAR, 30), "publishing the disclosure");
  const disclosureEntry = (
    await one(db.selectFrom("quota_disclosure_entry").select("id").where("declaration_id", "=", decl.id).executeTakeFirst(), "the disclosure entry")
  ).id;
  const OBJECTION = "权限矩阵异议-仅省残联可见-7Q2";
  const objection = ok(await fileObjection(db, actors.seeker, disclosureEntry, OBJECTION), "the objection").id;

  // An employment of someone on the 贵阳 counselor's caseload (for the checkpoint form).
  const employment = await one(
    db
      .selectFrom("employment as e")
      .innerJoin("caseload_assignment as c", (j) => j.onRef("c.seeker_id", "=", "e.seeker_id").on("c.ended_at", "is", null))
      .select(["e.id", "e.seeker_id"])
      .where("c.counselor_id", "=", counselor)
      .orderBy("e.contract_start")
      .executeTakeFirst(),
    "an employment on the caseload",
  );
  const planAction = (await one(db.selectFrom("plan_action").select("id").where("seeker_id", "=", seeker).executeTakeFirst(), "a plan action")).id;
  const note0 = await one(
    db.selectFrom("notification").select(["id", "read_at"]).where("user_id", "=", seeker).orderBy("id").executeTakeFirst(),
    "a notification of 李明",
  );
  const notification = String(note0.id);
  const jobInvitation = (
    await db
      .insertInto("vacancy_invitation")
      .values({ vacancy_id: secondOpen, seeker_id: seeker, invited_by: employer, message: "欢迎申请" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const referral = (
    await db
      .insertInto("referral")
      .values({ vacancy_id: otherOpenVacancy, seeker_id: seeker, counselor_id: counselor, message: "推荐给您" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const invitationToken = ok(
    await createInvitation(db, actors.employer, organizationA, { phone: "13999999999" } as never),
    "an organization invitation",
  ).token;

  // ---------------------------------------------------------------------------------------------------------------
  // What is sensitive, and who may see it.
  const seekers: SeekerFacts[] = (
    await db
      .selectFrom("app_user as u")
      .innerJoin("seeker_profile as p", "p.user_id", "u.id")
      .select([
        "u.id",
        "u.phone",
        "u.email",
        "p.real_name",
        "p.id_number",
        "p.certificate_number",
        sql<string | null>`coalesce(p.current_region_code, p.household_region_code)`.as("region"),
      ])
      .where("u.role", "=", "seeker")
      .execute()
  ).map((r) => ({
    id: r.id,
    phone: r.phone,
    email: r.email,
    name: r.real_name,
    idNumber: r.id_number,
    certificate: r.certificate_number,
    region: r.region,
  }));
  const byId = new Map(seekers.map((x) => [x.id, x]));

  const publicText = [
    catalogText,
    ...(await db.selectFrom("division").select("name").execute()).map((r) => r.name),
    ...(await db.selectFrom("organization").select(["name", "contact_name", "address", "industry"]).execute()).flatMap((r) => [
      r.name,
      r.contact_name,
      r.address ?? "",
      r.industry,
    ]),
    ...(await db.selectFrom("vacancy").select(["title", "description", "address", "hours", "category"]).execute()).flatMap((r) => [
      r.title,
      r.description,
      r.address,
      r.hours,
      r.category,
    ]),
    ...(await db.selectFrom("recruitment_event").select(["title", "venue", "description"]).execute()).flatMap((r) => [
      r.title,
      r.venue,
      r.description,
    ]),
    ...(await db.selectFrom("app_user").select("display_name").where("role", "!=", "seeker").execute()).map((r) => r.display_name ?? ""),
    ...(await db.selectFrom("application_event").select("message").where("message", "is not", null).execute()).map((r) => r.message ?? ""),
  ].join("\n");
  const ambiguousNames = new Set(seekers.map((x) => x.name).filter((n): n is string => !!n && publicText.includes(n)));

  const empty = (): Allowed => ({ names: new Set(), contacts: new Set(), ids: new Set(), certificates: new Set() });
  const allowed = Object.fromEntries(IDENTITIES.map((i) => [i, empty()])) as Record<Identity, Allowed>;
  const grantAll = (a: Allowed, x: SeekerFacts | undefined, parts: { name?: boolean; phone?: boolean; id?: boolean; certificate?: boolean }) => {
    if (!x) return;
    if (parts.name && x.name) a.names.add(x.name);
    if (parts.phone && x.phone) a.contacts.add(x.phone);
    if (parts.phone && x.email) a.contacts.add(x.email);
    if (parts.id && x.idNumber) a.ids.add(x.idNumber);
    if (parts.certificate && x.certificate) a.certificates.add(x.certificate);
  };
  // The owner sees everything of their own (the data export holds it all).
  grantAll(allowed.seeker, byId.get(seeker), { name: true, phone: true, id: true, certificate: true });
  grantAll(allowed.seeker2, byId.get(seeker2), { name: true, phone: true, id: true, certificate: true });
  // An employer: what applicants to the organization chose to disclose (not after withdrawing), and its own declarations.
  for (const [who, org] of [
    ["employer", organizationA],
    ["employer2", other.organization_id],
  ] as const) {
    const apps = await db
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .select(["a.seeker_id", "a.disclosure", "a.status"])
      .where("v.organization_id", "=", org)
      .execute();
    for (const a of apps) {
      if (!a.seeker_id || a.status === "withdrawn") continue;
      grantAll(allowed[who], byId.get(a.seeker_id), {
        name: a.disclosure.includes("name"),
        phone: a.disclosure.includes("contact"),
        certificate: a.disclosure.includes("certificate"),
      });
    }
    const declared = await db
      .selectFrom("quota_declaration_employee as e")
      .innerJoin("quota_declaration as d", "d.id", "e.declaration_id")
      .select(["e.full_name", "e.certificate_number"])
      .where("d.organization_id", "=", org)
      .execute();
    for (const e of declared) {
      allowed[who].names.add(e.full_name);
      allowed[who].certificates.add(e.certificate_number);
    }
  }
  // Counselors and admins: names and contact of the seekers of their region (assignment, cohorts, caseloads, registrants).
  for (const [who, region] of [
    ["counselor", "520100"],
    ["counselor2", OTHER_REGION],
    ["prefAdmin", OTHER_REGION],
    ["provAdmin", "520000"],
  ] as const) {
    for (const x of seekers) if (isWithinRegion(region, x.region)) grantAll(allowed[who], x, { name: true, phone: true });
  }
  // Admins: the declarations of their region's organizations (names and certificate numbers, for the review).
  for (const who of ["prefAdmin", "provAdmin"] as const) {
    const declared = await db
      .selectFrom("quota_declaration_employee as e")
      .innerJoin("quota_declaration as d", "d.id", "e.declaration_id")
      .innerJoin("organization as o", "o.id", "d.organization_id")
      .select(["e.full_name", "e.certificate_number", "o.region_code"])
      .execute();
    for (const e of declared) {
      if (!isWithinRegion(who === "provAdmin" ? "520000" : OTHER_REGION, e.region_code)) continue;
      allowed[who].names.add(e.full_name);
      allowed[who].certificates.add(e.certificate_number);
    }
  }

  const business = (
    await db
      .insertInto("business")
      .values({ name: "权限矩阵竹编工作室", kind: "family_workshop", region_code: "520102", started_on: "2025-03-01", created_by: provAdmin })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto("business_owner").values({ business_id: business, seeker_id: seeker }).execute();

  const plan = await db.selectFrom("individual_plan").select("goals").where("seeker_id", "=", seeker).executeTakeFirstOrThrow();
  const service = await db
    .selectFrom("service_record")
    .select("notes")
    .where("seeker_id", "=", seeker)
    .orderBy("service_date")
    .executeTakeFirstOrThrow();
  const note = await db.selectFrom("application").select("note").where("id", "=", app.id).executeTakeFirstOrThrow();
  const markers: Marker[] = [
    { label: "李明's plan goals", value: plan.goals, allowed: ["seeker", "counselor"] },
    { label: "a service record's notes about 李明", value: service.notes, allowed: ["seeker", "counselor"] },
    { label: "the objection's reason", value: OBJECTION, allowed: ["seeker", "provAdmin"] },
    { label: "李明's check-in code", value: checkInCode, allowed: ["seeker", "provAdmin"] },
  ];
  const orgA = await db
    .selectFrom("organization")
    .select(["contact_phone", "contact_email"])
    .where("id", "=", organizationA)
    .executeTakeFirstOrThrow();
  // Organization A's contact (a person's phone): its members and the admins of its region. (Here it is also the
  // employer's own login phone, shown on their account page.)
  if (orgA.contact_phone) markers.push({ label: "organization A's contact phone", value: orgA.contact_phone, allowed: ["employer", "provAdmin"] });
  // Staff accounts of 贵阳市 are listed to the admins over them, not to 遵义's.
  markers.push({ label: "the 贵阳 counselor's phone", value: "13800000003", allowed: ["counselor", "provAdmin"] });
  // The invited recruiter's phone: the invitation page shows it masked; the owner who invited sees it.
  markers.push({ label: "the invited recruiter's phone", value: "13999999999", allowed: ["employer"] });
  if (note.note) markers.push({ label: "李明's note to organization A", value: note.note, allowed: ["seeker", "employer", "counselor"] });

  // Organization A (贵阳市) designated by the province, inserted directly (no rule to meet): /admin/institutions/$id.
  const designation = (
    await db
      .insertInto("designation")
      .values({ organization_id: organizationA, kind: "cultural_creative", decision_number: "权限矩阵〔2026〕1号", decision_date: "2026-01-05", valid_from: "2026-01-05", designated_by: provAdmin })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

  // Training (issue 14): organization A designated as a training base (by the province); a published course of 贵阳市
  // starting today, 李明 enrolled by his counselor (a 培训推荐 service); a draft course of 遵义市 by its admin.
  await db
    .insertInto("designation")
    .values({ organization_id: organizationA, kind: "training_base", decision_number: "权限矩阵〔2026〕培训1号", decision_date: "2026-01-05", valid_from: "2026-01-05", designated_by: provAdmin })
    .execute();
  const today = todayInShanghai();
  const courseForm = (title: string, regionCode: string, startsOn: string) =>
    courseSchema.parse({ title, kind: "blind_health_massage", providerId: organizationA, startsOn, endsOn: addDays(startsOn, 30), mode: "in_person", regionCode, venue: "权限矩阵培训中心", capacity: 20, subsidyPerTrainee: 1000 });
  const course = ok(await createCourse(db, provActor, courseForm("权限矩阵盲人保健按摩培训班", "520102", today)), "a course of 贵阳市").courseId;
  ok(await setCourseStatus(db, provActor, course, "published"), "publishing the course");
  const courseEnrolment = ok(
    await enrolFromCaseload(db, actors.counselor, course, { seekerId: seeker, accessRequests: ["braille_large_print"], accessNote: "" }),
    "enrolling 李明",
  ).enrolmentId;
  const draftCourse = ok(await createCourse(db, actors.prefAdmin, courseForm("遵义市权限矩阵草稿培训班", "520302", addDays(today, 60))), "a draft course of 遵义市").courseId;

  return {
    users,
    actors,
    organizationA,
    organizationB: other.organization_id,
    application: app.id,
    applicationDisclosure: app.disclosure,
    vacancy: app.vacancy_id,
    draftVacancy,
    otherOpenVacancy,
    event,
    draftEvent,
    slot: slots[1]!.id,
    bookedSlot: slots[0]!.id,
    declaration: decl.id,
    disclosureEntry,
    objection,
    employment: { id: employment.id, seekerId: employment.seeker_id! },
    business,
    course,
    courseEnrolment,
    draftCourse,
    designation,
    planAction,
    notification,
    notificationReadAt: note0.read_at ? new Date(note0.read_at).getTime() : null,
    jobInvitation,
    referral,
    invitationToken,
    checkInCode,
    competition,
    competitionCategory,
    seekers,
    ambiguousNames,
    allowed,
    markers,
  };
}
