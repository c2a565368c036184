/**
 * The engine's documents as flat Meilisearch documents — pure functions, unit-tested without a server.
 *
 * Attribute names are snake_case, as in the Postgres engine's tables, and every one is listed in settings.ts. The
 * seeker document carries exactly what design §5 rule 4 lets an employer see plus what matching needs: the builder
 * below names each field, so nothing else (no region code, name, ID, certificate, category or grade) can slip in.
 */
import type { SeekerDocument, VacancyDocument } from "../engine";
import { NO_CLOSING_DAY, dayNumber } from "./filters";

export interface MeiliVacancy {
  id: string;
  organization_id: string;
  title: string;
  keywords: string;
  organization: string;
  description: string;
  county: string;
  prefecture: string;
  province: string;
  accommodations: string[];
  demands: string[];
  employment_type: string;
  education_rank: number;
  remote: boolean;
  quota_eligible: boolean;
  pay_min: number;
  pay_max: number;
  /** YYYYMMDD; NO_CLOSING_DAY when the vacancy has no closing date, so `closing_day >= today` keeps it. */
  closing_day: number;
  /**
   * Epoch milliseconds; 0 when never published, so it sorts last under `published_at:desc` as `nulls last` does in
   * SQL (and no document depends on how a Meilisearch version places null sort values).
   */
  published_at: number;
}

export interface MeiliSeeker {
  id: string;
  reach: string[];
  wants_remote: boolean;
  needs: string[];
  needs_preferred: string[];
  limits: string[];
  skills: string[];
  education: string | null;
  education_rank: number;
  major: string | null;
  graduation_year: number | null;
  /** Epoch milliseconds. */
  updated_at: number;
}

export function toMeiliVacancy(d: VacancyDocument): MeiliVacancy {
  return {
    id: d.id,
    organization_id: d.organizationId,
    title: d.title,
    keywords: d.keywords,
    organization: d.organization,
    description: d.description,
    county: d.county,
    prefecture: d.prefecture,
    province: d.province,
    accommodations: [...d.accommodations],
    demands: [...d.demands],
    employment_type: d.employmentType,
    education_rank: d.educationRank,
    remote: d.remote,
    quota_eligible: d.quotaEligible,
    pay_min: d.payMin,
    pay_max: d.payMax,
    closing_day: d.closingDate == null ? NO_CLOSING_DAY : dayNumber(d.closingDate),
    published_at: d.publishedAt ? d.publishedAt.getTime() : 0,
  };
}

export function toMeiliSeeker(d: SeekerDocument): MeiliSeeker {
  return {
    id: d.id,
    reach: [...d.reach],
    wants_remote: d.wantsRemote,
    needs: [...d.needs],
    needs_preferred: [...d.needsPreferred],
    limits: [...d.limits],
    skills: [...d.skills],
    education: d.education,
    education_rank: d.educationRank,
    major: d.major,
    graduation_year: d.graduationYear,
    updated_at: d.updatedAt.getTime(),
  };
}
