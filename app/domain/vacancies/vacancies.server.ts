/**
 * Vacancies: employers create, edit, publish, close and reopen them; everyone reads the open ones (design §4).
 * Every use-case checks permission first (an object one may not act on is a 404), then does its writes in one
 * transaction.
 */
import { notFound, requireUuid, UUID_RE } from "../ids";
import type { DB } from "../../../db/database";
import type { EmploymentType, OrganizationType, VacancyStatus } from "../../../db/schema";
import { errorMessage } from "../../i18n/i18n";
import type { FieldErrors, Result } from "../accounts/accounts.server";
import { enqueueVacancyMatch } from "../alerts/jobs.server";
import { membershipsOf, withOrganizations, type Membership } from "../organizations/membership.server";
import { can, hasPermission, requirePermission, type Actor } from "../permissions";
import {
  APPLICATION_STATUSES,
  PAGE_SIZE,
  todayInShanghai,
  TRANSITIONS,
  vacancyRuleErrors,
  type StatusAction,
  type VacancyInput,
} from "./vacancies.schema";

export type ApplicationStatusCounts = Record<(typeof APPLICATION_STATUSES)[number], number>;

/** "贵阳市南明区" for a county, "贵阳市" for a prefecture (the province is left out: the whole site is Guizhou). */
export function placeName(name: string | null, level: string | null, parentName: string | null): string {
  if (!name) return "";
  return level === "county" && parentName ? `${parentName}${name}` : name;
}

function hasErrors(errors: FieldErrors) {
  return Object.keys(errors).length > 0;
}

async function regionErrors(db: DB, regionCode: string): Promise<FieldErrors> {
  const row = await db.selectFrom("division").select("level").where("code", "=", regionCode).executeTakeFirst();
  return row?.level === "county" ? {} : { regionCode: ["vacancies.err.regionRequired"] };
}

function toRow(input: VacancyInput) {
  return {
    title: input.title.trim(),
    description: input.description.trim(),
    category: input.category,
    employment_type: input.employmentType as EmploymentType,
    openings: input.openings,
    region_code: input.regionCode,
    address: input.address?.trim() ?? "",
    remote: input.remote ?? false,
    pay_min: input.payMin,
    pay_max: input.payMax,
    education_required: input.educationRequired,
    skills: [...input.skills],
    hours: input.hours?.trim() ?? "",
    required_certificates: [...(input.requiredCertificates ?? [])],
    accommodations: [...new Set(input.accommodations)],
    demands: [...new Set(input.demands)],
    quota_eligible: input.quotaEligible ?? false,
    closing_date: input.closingDate || null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Employers: create, edit, change status

/** The organizations the employer belongs to, with their verification status (for the pages' notices). */
export async function employerMemberships(db: DB, actor: Actor): Promise<Membership[]> {
  if (!hasPermission(actor, "create:vacancy")) notFound();
  return membershipsOf(db, actor.id);
}

/** Saves a new vacancy as a draft of one of the actor's organizations. Publishing is a separate step. */
export async function createVacancyDraft(
  db: DB,
  actor: Actor,
  input: VacancyInput,
  options: { now?: Date } = {},
): Promise<Result<{ id: string }>> {
  const who = await withOrganizations(db, actor);
  requirePermission(who, "create:vacancy", { organizationId: input.organizationId });
  const errors = { ...vacancyRuleErrors(input, { today: todayInShanghai(options.now) }), ...(await regionErrors(db, input.regionCode)) };
  if (hasErrors(errors)) return { ok: false, fieldErrors: errors };
  const now = options.now ?? new Date();
  const row = await db.transaction().execute((trx) =>
    trx
      .insertInto("vacancy")
      .values({ ...toRow(input), organization_id: input.organizationId, status: "draft", created_by: actor.id, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return { ok: true, value: { id: row.id } };
}

/**
 * Saves changes to a vacancy in any status; the vacancy stays in its organization whatever the form says. Answers
 * with the status, so the page can send a draft on to its preview.
 */
export async function updateVacancy(
  db: DB,
  actor: Actor,
  id: string,
  input: VacancyInput,
  options: { now?: Date } = {},
): Promise<Result<{ id: string; status: VacancyStatus }>> {
  requireUuid(id);
  const who = await withOrganizations(db, actor);
  const current = await db.selectFrom("vacancy").select(["organization_id", "closing_date", "status"]).where("id", "=", id).executeTakeFirst();
  if (!current) notFound();
  requirePermission(who, "update:vacancy", { organizationId: current.organization_id });
  const errors = {
    ...vacancyRuleErrors(input, { today: todayInShanghai(options.now), keepClosingDate: current.closing_date }),
    ...(await regionErrors(db, input.regionCode)),
  };
  if (hasErrors(errors)) return { ok: false, fieldErrors: errors };
  await db.transaction().execute((trx) =>
    trx
      .updateTable("vacancy")
      .set({ ...toRow(input), updated_at: options.now ?? new Date() })
      .where("id", "=", id)
      .execute(),
  );
  return { ok: true, value: { id, status: current.status } };
}

const REFUSED_FROM: Record<StatusAction, Parameters<typeof errorMessage>[0]> = {
  publish: "vacancies.err.publishNotDraft",
  close: "vacancies.err.closeNotOpen",
  reopen: "vacancies.err.reopenNotClosed",
};

async function hiredCount(db: DB, vacancyId: string): Promise<number> {
  const r = await db
    .selectFrom("application")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("vacancy_id", "=", vacancyId)
    .where("status", "=", "hired")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Moves a vacancy along the state machine (TRANSITIONS): publish (draft → open), close (open → closed),
 * reopen (closed or filled → open). Opening needs a verified organization and a closing date not yet passed;
 * reopening a filled vacancy needs more openings than hires. The first publish sets published_at.
 */
export async function changeVacancyStatus(
  db: DB,
  actor: Actor,
  id: string,
  action: StatusAction,
  options: { now?: Date } = {},
): Promise<Result<{ status: VacancyStatus }>> {
  requireUuid(id);
  const who = await withOrganizations(db, actor);
  const ref = await db.selectFrom("vacancy").select("organization_id").where("id", "=", id).executeTakeFirst();
  if (!ref) notFound();
  const transition = TRANSITIONS[action];
  requirePermission(who, transition.to === "open" ? "publish:vacancy" : "update:vacancy", { organizationId: ref.organization_id });
  const now = options.now ?? new Date();
  const today = todayInShanghai(now);

  return db.transaction().execute(async (trx): Promise<Result<{ status: VacancyStatus }>> => {
    // The row lock makes two clicks (or two recruiters) take turns; the second sees the first one's status.
    const v = await trx
      .selectFrom("vacancy")
      .select(["status", "openings", "closing_date", "organization_id"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const refuse = (message: string): Result<{ status: VacancyStatus }> => ({ ok: false, fieldErrors: { "": [message] } });
    if (!transition.from.includes(v.status)) return refuse(REFUSED_FROM[action]);
    if (transition.to === "open") {
      const org = await trx.selectFrom("organization").select("status").where("id", "=", v.organization_id).executeTakeFirstOrThrow();
      if (org.status !== "verified") return refuse("vacancies.err.notVerified");
      if (v.closing_date && v.closing_date < today) return refuse("vacancies.err.closingDatePassed");
      if (v.status === "filled") {
        const hired = await hiredCount(trx, id);
        if (v.openings <= hired) return refuse(errorMessage("vacancies.err.filledNeedsOpenings", { hired, openings: v.openings }));
      }
    }
    await trx
      .updateTable("vacancy")
      .set((eb) => ({
        status: transition.to,
        updated_at: now,
        ...(transition.to === "open" ? { published_at: eb.fn.coalesce("published_at", eb.val(now)) } : {}),
      }))
      .where("id", "=", id)
      .execute();
    // Published or reopened: saved searches and caseloads are matched by a job, enqueued only if this commits.
    if (transition.to === "open") await enqueueVacancyMatch(trx, id);
    return { ok: true, value: { status: transition.to } };
  });
}

export interface VacancyFormValues {
  organizationId: string;
  title: string;
  description: string;
  category: string;
  employmentType: string;
  openings: number;
  regionCode: string;
  address: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  educationRequired: string;
  skills: string;
  hours: string;
  /** Certificate names the vacancy requires, as typed ("保健按摩师、…"). */
  requiredCertificates: string;
  accommodations: string[];
  demands: string[];
  quotaEligible: boolean;
  closingDate: string;
}

export interface VacancyForEdit {
  id: string;
  status: VacancyStatus;
  publishedAt: Date | null;
  closingDate: string | null;
  openings: number;
  hired: number;
  organization: { id: string; name: string; status: "pending" | "verified" | "rejected" };
  values: VacancyFormValues;
}

/** A vacancy as its edit form shows it, for members of its organization only. */
export async function getVacancyForEdit(db: DB, actor: Actor, id: string): Promise<VacancyForEdit> {
  requireUuid(id);
  const who = await withOrganizations(db, actor);
  const row = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select([
      "v.id",
      "v.organization_id",
      "v.title",
      "v.description",
      "v.category",
      "v.employment_type",
      "v.openings",
      "v.region_code",
      "v.address",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.education_required",
      "v.skills",
      "v.hours",
      "v.required_certificates",
      "v.accommodations",
      "v.demands",
      "v.quota_eligible",
      "v.status",
      "v.closing_date",
      "v.published_at",
      "o.name as organization_name",
      "o.status as organization_status",
    ])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) notFound();
  requirePermission(who, "update:vacancy", { organizationId: row.organization_id });
  return {
    id: row.id,
    status: row.status,
    publishedAt: row.published_at,
    closingDate: row.closing_date,
    openings: row.openings,
    hired: await hiredCount(db, row.id),
    organization: { id: row.organization_id, name: row.organization_name, status: row.organization_status },
    values: {
      organizationId: row.organization_id,
      title: row.title,
      description: row.description,
      category: row.category,
      employmentType: row.employment_type,
      openings: row.openings,
      regionCode: row.region_code,
      address: row.address,
      remote: row.remote,
      payMin: row.pay_min,
      payMax: row.pay_max,
      educationRequired: row.education_required,
      skills: row.skills.join("、"),
      hours: row.hours,
      requiredCertificates: row.required_certificates.join("、"),
      accommodations: row.accommodations,
      demands: row.demands,
      quotaEligible: row.quota_eligible,
      closingDate: row.closing_date ?? "",
    },
  };
}

export interface VacancyPreview {
  status: VacancyStatus;
  organization: VacancyForEdit["organization"];
  /** The vacancy as its public page and search card show it. */
  view: PublicVacancy;
}

/**
 * A vacancy as job seekers will see it, for members of its organization only (issue 15: the preview before
 * publishing). Anyone else gets a 404, drafts included.
 */
export async function getVacancyPreview(db: DB, actor: Actor, id: string, options: { now?: Date } = {}): Promise<VacancyPreview> {
  const edit = await getVacancyForEdit(db, actor, id);
  const view = await getPublicVacancy(db, actor, id, options);
  return { status: edit.status, organization: edit.organization, view };
}

export interface EmployerVacancyItem {
  id: string;
  title: string;
  status: VacancyStatus;
  organizationName: string;
  openings: number;
  closingDate: string | null;
  publishedAt: Date | null;
  counts: ApplicationStatusCounts;
  total: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

function emptyCounts(): ApplicationStatusCounts {
  return Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as ApplicationStatusCounts;
}

/**
 * The vacancies of the employer's organizations, newest first, with applicant counts per status. The counts come
 * from one grouped query over the page's vacancies, not one query per vacancy.
 */
export async function listEmployerVacancies(
  db: DB,
  actor: Actor,
  options: { page: number },
): Promise<{ memberships: Membership[] } & Page<EmployerVacancyItem>> {
  const memberships = await employerMemberships(db, actor);
  const organizationIds = memberships.map((m) => m.organizationId);
  if (!organizationIds.length) return { memberships, items: [], total: 0, page: 1, pageCount: 0 };
  const base = db.selectFrom("vacancy as v").where("v.organization_id", "in", organizationIds);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  const pageCount = Math.ceil(total / PAGE_SIZE);
  if (options.page > Math.max(1, pageCount)) notFound();
  const rows = await base
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select(["v.id", "v.title", "v.status", "v.openings", "v.closing_date", "v.published_at", "o.name as organization_name"])
    .orderBy("v.created_at", "desc")
    .orderBy("v.id", "desc")
    .limit(PAGE_SIZE)
    .offset((options.page - 1) * PAGE_SIZE)
    .execute();
  const counts = new Map<string, ApplicationStatusCounts>(rows.map((r) => [r.id, emptyCounts()]));
  if (rows.length) {
    const grouped = await db
      .selectFrom("application")
      .select((eb) => ["vacancy_id", "status", eb.fn.countAll<number>().as("n")])
      .where(
        "vacancy_id",
        "in",
        rows.map((r) => r.id),
      )
      .groupBy(["vacancy_id", "status"])
      .execute();
    for (const g of grouped) counts.get(g.vacancy_id)![g.status] = Number(g.n);
  }
  return {
    memberships,
    total,
    page: options.page,
    pageCount,
    items: rows.map((r) => {
      const c = counts.get(r.id)!;
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        organizationName: r.organization_name,
        openings: r.openings,
        closingDate: r.closing_date,
        publishedAt: r.published_at,
        counts: c,
        total: Object.values(c).reduce((a, b) => a + b, 0),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Everyone: the public page and the list of open vacancies

export interface PublicVacancy {
  id: string;
  title: string;
  description: string;
  category: string;
  employmentType: EmploymentType;
  openings: number;
  place: string;
  address: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  educationRequired: string;
  skills: string[];
  hours: string;
  /** Certificates the vacancy requires (issue 14). */
  requiredCertificates: string[];
  accommodations: string[];
  demands: string[];
  quotaEligible: boolean;
  status: VacancyStatus;
  closingDate: string | null;
  publishedAt: Date | null;
  /** Seen by everyone: not a draft, and its organization is verified. */
  isPublic: boolean;
  /** Open, public, and its closing date not passed. */
  accepting: boolean;
  /** The closing date has passed while the vacancy is still marked open. */
  expired: boolean;
  organization: { name: string; type: OrganizationType; place: string };
  /** The viewer is a member of the vacancy's organization (they may see drafts and manage it). */
  isMember: boolean;
}

/**
 * A vacancy's public page. Visitors and every role see open, filled and closed vacancies of verified organizations;
 * members of the organization also see its drafts. Anything else is a 404.
 */
export async function getPublicVacancy(db: DB, viewer: Actor | null, id: string, options: { now?: Date } = {}): Promise<PublicVacancy> {
  requireUuid(id);
  const row = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .innerJoin("division as od", "od.code", "o.region_code")
    .leftJoin("division as odp", "odp.code", "od.parent_code")
    .select([
      "v.id",
      "v.organization_id",
      "v.title",
      "v.description",
      "v.category",
      "v.employment_type",
      "v.openings",
      "v.address",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.education_required",
      "v.skills",
      "v.hours",
      "v.required_certificates",
      "v.accommodations",
      "v.demands",
      "v.quota_eligible",
      "v.status",
      "v.closing_date",
      "v.published_at",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
      "o.name as organization_name",
      "o.type as organization_type",
      "o.status as organization_status",
      "od.name as org_region",
      "od.level as org_region_level",
      "odp.name as org_region_parent",
    ])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) notFound();
  const isPublic = row.status !== "draft" && row.organization_status === "verified";
  const isMember = viewer?.role === "employer" && can(await withOrganizations(db, viewer), "update:vacancy", { organizationId: row.organization_id });
  if (!isPublic && !isMember) notFound();
  const expired = row.status === "open" && row.closing_date !== null && row.closing_date < todayInShanghai(options.now);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    employmentType: row.employment_type,
    openings: row.openings,
    place: placeName(row.county, row.county_level, row.prefecture),
    address: row.address,
    remote: row.remote,
    payMin: row.pay_min,
    payMax: row.pay_max,
    educationRequired: row.education_required,
    skills: row.skills,
    hours: row.hours,
    requiredCertificates: row.required_certificates,
    accommodations: row.accommodations,
    demands: row.demands,
    quotaEligible: row.quota_eligible,
    status: row.status,
    closingDate: row.closing_date,
    publishedAt: row.published_at,
    isPublic,
    accepting: isPublic && row.status === "open" && !expired,
    expired,
    organization: {
      name: row.organization_name,
      type: row.organization_type,
      place: placeName(row.org_region, row.org_region_level, row.org_region_parent),
    },
    isMember,
  };
}

export interface OpenVacancyItem {
  id: string;
  title: string;
  organizationName: string;
  place: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  employmentType: EmploymentType;
  accommodations: string[];
  quotaEligible: boolean;
  publishedAt: Date | null;
}

/** Open vacancies of verified organizations whose closing date has not passed, newest first, 20 a page. */
export async function listOpenVacancies(db: DB, options: { page: number; now?: Date }): Promise<Page<OpenVacancyItem>> {
  const today = todayInShanghai(options.now);
  const base = db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .where("v.status", "=", "open")
    .where("o.status", "=", "verified")
    .where((eb) => eb.or([eb("v.closing_date", "is", null), eb("v.closing_date", ">=", today)]));
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  const pageCount = Math.ceil(total / PAGE_SIZE);
  if (options.page > Math.max(1, pageCount)) notFound();
  const rows = await base
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select([
      "v.id",
      "v.title",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.employment_type",
      "v.accommodations",
      "v.quota_eligible",
      "v.published_at",
      "o.name as organization_name",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
    ])
    .orderBy("v.published_at", "desc")
    .orderBy("v.id", "desc")
    .limit(PAGE_SIZE)
    .offset((options.page - 1) * PAGE_SIZE)
    .execute();
  return {
    total,
    page: options.page,
    pageCount,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      organizationName: r.organization_name,
      place: placeName(r.county, r.county_level, r.prefecture),
      remote: r.remote,
      payMin: r.pay_min,
      payMax: r.pay_max,
      employmentType: r.employment_type,
      accommodations: r.accommodations,
      quotaEligible: r.quota_eligible,
      publishedAt: r.published_at,
    })),
  };
}
