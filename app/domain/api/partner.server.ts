/**
 * The partner API's reads (issue 18): what `/api/v1/…` answers, in the shapes of ./schemas.ts. Only what the public
 * pages show leaves here — vacancies of verified employers, published events, aggregate statistics — never a person.
 * The token (scopes, region) is checked by the caller (app/http/partner-api.server.ts) before these run.
 */
import { sql, type SqlBool } from "kysely";
import type { DB } from "../../../db/database";
import { notFound } from "../ids";
import { regionPrefix, isWithinRegion } from "../permissions";
import { indicatorDefinition } from "../statistics/indicators";
import { computeStatistics } from "../statistics/statistics.server";
import { placeName } from "../vacancies/vacancies.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import type { ApiTokenPrincipal } from "./tokens.server";
import type { EventJson, StatisticsJson, VacancyJson, VacancySummaryJson } from "./schemas";

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

interface Paging {
  page: number;
  pageSize: number;
}

function pageOf<T>(total: number, paging: Paging, results: T[]) {
  const pageCount = Math.ceil(total / paging.pageSize);
  return { total, page: paging.page, pageSize: paging.pageSize, pageCount, results };
}

function vacancyBase(db: DB) {
  return db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .innerJoin("division as d", "d.code", "v.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .where("v.status", "!=", "draft")
    .where("o.status", "=", "verified");
}

const SUMMARY_COLUMNS = [
  "v.id",
  "v.title",
  "v.region_code",
  "v.remote",
  "v.employment_type",
  "v.openings",
  "v.pay_min",
  "v.pay_max",
  "v.accommodations",
  "v.demands",
  "v.quota_eligible",
  "v.status",
  "v.closing_date",
  "v.published_at",
  "v.updated_at",
  "o.name as organization_name",
  "o.type as organization_type",
  "d.name as county",
  "d.level as county_level",
  "dp.name as prefecture",
] as const;

type SummaryRow = {
  id: string;
  title: string;
  region_code: string;
  remote: boolean;
  employment_type: VacancySummaryJson["employmentType"];
  openings: number;
  pay_min: number;
  pay_max: number;
  accommodations: string[];
  demands: string[];
  quota_eligible: boolean;
  status: string;
  closing_date: string | null;
  published_at: Date | null;
  updated_at: Date;
  organization_name: string;
  organization_type: string;
  county: string;
  county_level: string;
  prefecture: string | null;
};

function summaryOf(r: SummaryRow): VacancySummaryJson {
  return {
    id: r.id,
    title: r.title,
    organization: { name: r.organization_name, type: r.organization_type },
    region: { code: r.region_code, name: r.county },
    place: placeName(r.county, r.county_level, r.prefecture),
    remote: r.remote,
    employmentType: r.employment_type,
    openings: r.openings,
    payMin: Number(r.pay_min),
    payMax: Number(r.pay_max),
    accommodations: r.accommodations,
    demands: r.demands,
    quotaEligible: r.quota_eligible,
    status: r.status as VacancySummaryJson["status"],
    closingDate: r.closing_date,
    publishedAt: isoOrNull(r.published_at),
    updatedAt: iso(r.updated_at),
    url: `/vacancies/${r.id}`,
  };
}

/** Open vacancies (verified employer, closing date not passed), most recently changed first. */
export async function listPartnerVacancies(
  db: DB,
  q: Paging & { region?: string; accommodations?: string[]; updatedSince?: Date },
  now = new Date(),
) {
  const today = todayInShanghai(now);
  let base = vacancyBase(db)
    .where("v.status", "=", "open")
    .where((eb) => eb.or([eb("v.closing_date", "is", null), eb("v.closing_date", ">=", today)]));
  if (q.region) base = base.where("v.region_code", "like", `${regionPrefix(q.region)}%`);
  if (q.accommodations?.length) base = base.where(sql<SqlBool>`v.accommodations @> ${[...q.accommodations]}::text[]`);
  if (q.updatedSince) base = base.where("v.updated_at", ">=", q.updatedSince);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  if (q.page > 1 && (q.page - 1) * q.pageSize >= total) notFound();
  const rows = await base
    .select([...SUMMARY_COLUMNS])
    .orderBy("v.updated_at", "desc")
    .orderBy("v.id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return pageOf(total, q, rows.map((r) => summaryOf(r as SummaryRow)));
}

/** A published vacancy of a verified employer (open, closed or filled); 404 otherwise. */
export async function getPartnerVacancy(db: DB, id: string): Promise<VacancyJson> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFound();
  const row = await vacancyBase(db)
    .select([...SUMMARY_COLUMNS, "v.description", "v.category", "v.address", "v.hours", "v.education_required", "v.skills", "v.required_certificates"])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) notFound();
  return {
    ...summaryOf(row as SummaryRow),
    description: row.description,
    category: row.category,
    address: row.address,
    hours: row.hours,
    educationRequired: row.education_required,
    skills: row.skills,
    requiredCertificates: row.required_certificates,
  };
}

/** Published events ending on or after `from` (a day, Asia/Shanghai), soonest first. */
export async function listPartnerEvents(db: DB, q: Paging & { region?: string; from?: string }, now = new Date()) {
  const from = new Date(`${q.from ?? todayInShanghai(now)}T00:00:00+08:00`);
  let base = db
    .selectFrom("recruitment_event as e")
    .innerJoin("division as d", "d.code", "e.region_code")
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .where("e.status", "=", "published")
    .where("e.ends_at", ">=", from);
  if (q.region) base = base.where("e.region_code", "like", `${regionPrefix(q.region)}%`);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  if (q.page > 1 && (q.page - 1) * q.pageSize >= total) notFound();
  const rows = await base
    .select([
      "e.id",
      "e.title",
      "e.kind",
      "e.starts_at",
      "e.ends_at",
      "e.registration_deadline",
      "e.region_code",
      "e.venue",
      "e.online_url",
      "e.arrangements",
      "e.capacity",
      "e.description",
      "e.published_at",
      "e.updated_at",
      "d.name as county",
      "d.level as county_level",
      "dp.name as prefecture",
    ])
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const results: EventJson[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    registrationDeadline: iso(r.registration_deadline),
    region: { code: r.region_code, name: r.county },
    place: placeName(r.county, r.county_level, r.prefecture),
    venue: r.venue,
    onlineUrl: r.online_url,
    arrangements: r.arrangements,
    capacity: r.capacity,
    description: r.description,
    publishedAt: isoOrNull(r.published_at),
    updatedAt: iso(r.updated_at),
    url: `/events/${r.id}`,
  }));
  return pageOf(total, q, results);
}

export type StatisticsOutcome = { ok: true; value: StatisticsJson } | { ok: false; reason: "region_not_allowed" | "unknown_region" };

/**
 * The plan's indicators for a region within the token's region, for one calendar year: as of today for this year,
 * as of 31 December for a past year, and as of 1 January for a year to come (nothing counted yet).
 */
export async function partnerStatistics(db: DB, token: ApiTokenPrincipal, q: { region?: string; year?: number }, now = new Date()): Promise<StatisticsOutcome> {
  const regionCode = q.region ?? token.regionCode;
  if (!isWithinRegion(token.regionCode, regionCode)) return { ok: false, reason: "region_not_allowed" };
  const today = todayInShanghai(now);
  const thisYear = Number(today.slice(0, 4));
  const year = q.year ?? thisYear;
  const asOf = year === thisYear ? today : year < thisYear ? `${year}-12-31` : `${year}-01-01`;
  let stats;
  try {
    stats = await computeStatistics(db, { regionCode, periodStart: year, periodEnd: year, asOf });
  } catch (error) {
    if (error instanceof Response && error.status === 404) return { ok: false, reason: "unknown_region" };
    throw error;
  }
  return {
    ok: true,
    value: {
      region: { code: stats.regionCode, name: stats.regionName },
      year,
      asOf: stats.asOf,
      indicators: stats.indicators.map((i) => {
        const d = indicatorDefinition(i.code);
        return {
          code: i.code,
          name: d.nameZh,
          nameEn: d.nameEn,
          unit: i.unit,
          kind: d.kind,
          target: i.target,
          actual: i.actual,
          ...(i.numerator !== undefined ? { numerator: i.numerator, denominator: i.denominator } : {}),
          expectedByNow: i.expectedByNow,
          shareDone: i.shareDone,
          status: i.status,
          ...(i.breakdown ? { breakdown: i.breakdown.map((b) => ({ key: b.key, value: b.value })) } : {}),
        };
      }),
      subRegions: stats.subRegions.map((r) => ({
        region: { code: r.regionCode, name: r.regionName },
        actuals: Object.fromEntries(Object.entries(r.actuals).map(([k, v]) => [k, v ?? null])),
      })),
    },
  };
}
