/**
 * Document builders: read the rows again from PostgreSQL (the source of truth) and turn them into what the indexes
 * hold. An id that is no longer searchable (closed, deleted, organization not verified, seeker not discoverable)
 * comes back in `remove`, so the drain deletes it from the engines.
 */
import type { DB } from "../db/database";
import { educationRank, JOB_CATEGORIES } from "../app/domain/catalog";
import { reachOf, regionsOf, type SeekerDocument, type VacancyDocument } from "./engine";

export interface Built<D> {
  upsert: D[];
  remove: string[];
}

export async function buildVacancyDocuments(db: DB, ids: readonly string[]): Promise<Built<VacancyDocument>> {
  if (!ids.length) return { upsert: [], remove: [] };
  const rows = await db
    .selectFrom("vacancy as v")
    .innerJoin("organization as o", "o.id", "v.organization_id")
    .select([
      "v.id",
      "v.organization_id",
      "v.title",
      "v.description",
      "v.category",
      "v.skills",
      "v.required_certificates",
      "v.employment_type",
      "v.region_code",
      "v.remote",
      "v.pay_min",
      "v.pay_max",
      "v.education_required",
      "v.accommodations",
      "v.demands",
      "v.quota_eligible",
      "v.closing_date",
      "v.published_at",
      "o.name as organization_name",
    ])
    .where("v.id", "in", [...ids])
    .where("v.status", "=", "open")
    .where("o.status", "=", "verified")
    .execute();
  const upsert = rows.map((r): VacancyDocument => {
    const category = JOB_CATEGORIES.find((c) => c.code === r.category);
    return {
      id: r.id,
      organizationId: r.organization_id,
      title: r.title,
      // A certificate the vacancy requires is searchable like a skill (issue 14); whether a seeker holds it is the scorer's.
      keywords: [...r.skills, ...r.required_certificates, category?.zh ?? "", category?.en ?? ""].join(" "),
      organization: r.organization_name,
      description: r.description,
      ...regionsOf(r.region_code),
      accommodations: [...r.accommodations].sort(),
      demands: [...r.demands].sort(),
      employmentType: r.employment_type,
      educationRank: educationRank(r.education_required),
      remote: r.remote,
      quotaEligible: r.quota_eligible,
      payMin: r.pay_min,
      payMax: r.pay_max,
      closingDate: r.closing_date,
      publishedAt: r.published_at,
    };
  });
  const found = new Set(upsert.map((d) => d.id));
  return { upsert, remove: ids.filter((id) => !found.has(id)) };
}

export async function buildSeekerDocuments(db: DB, ids: readonly string[]): Promise<Built<SeekerDocument>> {
  if (!ids.length) return { upsert: [], remove: [] };
  // Only the columns rule 4 allows are selected: a document cannot carry what was never read.
  const rows = await db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .select([
      "p.user_id",
      "p.current_region_code",
      "p.place_scope",
      "p.preferred_region_codes",
      "p.wants_remote",
      "p.needs_required",
      "p.needs_preferred",
      "p.limits",
      "p.skills",
      "p.education",
      "p.graduate_major",
      "p.graduation_year",
      "p.updated_at",
    ])
    .where("p.user_id", "in", [...ids])
    .where("p.discoverable", "=", true)
    .where("u.role", "=", "seeker")
    .execute();
  const upsert = rows.map(
    (r): SeekerDocument => ({
      id: r.user_id,
      regionCode: r.current_region_code,
      reach: reachOf(r.current_region_code, r.place_scope, r.preferred_region_codes),
      wantsRemote: r.wants_remote,
      needs: [...r.needs_required].sort(),
      needsPreferred: [...r.needs_preferred].sort(),
      limits: [...r.limits].sort(),
      skills: r.skills,
      education: r.education,
      educationRank: educationRank(r.education),
      major: r.graduate_major,
      graduationYear: r.graduation_year,
      updatedAt: r.updated_at,
    }),
  );
  const found = new Set(upsert.map((d) => d.id));
  return { upsert, remove: ids.filter((id) => !found.has(id)) };
}

export function buildDocuments(db: DB, index: "vacancies" | "seekers", ids: readonly string[]) {
  return index === "vacancies" ? buildVacancyDocuments(db, ids) : buildSeekerDocuments(db, ids);
}
