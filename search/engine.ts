/**
 * The search engine interface (design §3). Two implementations: the Postgres engine (default, and the fallback)
 * and the Meilisearch engine. Engines hold derived copies only; PostgreSQL is the source of truth, so every engine
 * answers with ids (and a text score) and the caller loads what a page shows from the database.
 *
 * Eligibility (design §5 rule 1) is a filter every engine applies; ranking beyond text relevance is done by one
 * TypeScript scorer over the engine's candidate set (app/domain/matching), so both engines rank and explain alike.
 */
import type { SearchIndexName } from "../db/schema";

export type { SearchIndexName };

/** What the vacancy index holds for an open vacancy of a verified organization. */
export interface VacancyDocument {
  id: string;
  organizationId: string;
  /** Searchable text, by weight: the title, then skills and category, then organization, then the description. */
  title: string;
  keywords: string;
  organization: string;
  description: string;
  county: string;
  prefecture: string;
  province: string;
  accommodations: string[];
  demands: string[];
  employmentType: string;
  educationRank: number;
  remote: boolean;
  quotaEligible: boolean;
  payMin: number;
  payMax: number;
  /** "YYYY-MM-DD", or null when the vacancy has no closing date. */
  closingDate: string | null;
  publishedAt: Date | null;
}

/**
 * What the seeker index holds for a discoverable seeker — only what design §5 rule 4 lets an employer see (needs,
 * skills, education, region, graduation year) and the place and limits the matching rules need. Never the name,
 * ID number, certificate number, disability category or grade: the builder's type has no room for them, and a test
 * checks the built documents.
 */
export interface SeekerDocument {
  id: string;
  regionCode: string | null;
  /** Division codes whose vacancies the seeker accepts (their scope around where they live, and preferred regions). */
  reach: string[];
  wantsRemote: boolean;
  needs: string[];
  needsPreferred: string[];
  limits: string[];
  skills: string[];
  education: string | null;
  educationRank: number;
  major: string | null;
  graduationYear: number | null;
  updatedAt: Date;
}

export interface DocumentFor {
  vacancies: VacancyDocument;
  seekers: SeekerDocument;
}

/** A seeker's matching profile as a filter: design §5 rule 1. */
export interface EligibleFor {
  needsRequired: readonly string[];
  limits: readonly string[];
  /** Division codes the seeker accepts (see SeekerDocument.reach). */
  reach: readonly string[];
  wantsRemote: boolean;
}

export interface VacancyQuery {
  text?: string;
  /** A division code: county, prefecture or the province. */
  region?: string | null;
  /** Every one of these must be offered. */
  accommodations?: readonly string[];
  remote?: boolean;
  employmentType?: string | null;
  payMin?: number | null;
  quotaEligible?: boolean;
  /** Vacancies requiring more education than this rank are left out. */
  educationRankMax?: number | null;
  /** Only vacancies open on this day ("YYYY-MM-DD"): no closing date, or one not yet passed. */
  openOn: string;
  eligibleFor?: EligibleFor | null;
  /** Left out (used to list "the others" without repeating the eligible ones). */
  excludeEligibleFor?: EligibleFor | null;
  sort: "relevance" | "newest" | "pay";
  offset: number;
  limit: number;
  facets?: boolean;
  /** False when the caller has no use for `total` (recommendations): an engine may then skip counting. */
  count?: boolean;
}

/** The reverse direction: discoverable seekers a vacancy suits (design §5 rule 4). */
export interface SeekerQuery {
  text?: string;
  candidatesOf: {
    county: string;
    remote: boolean;
    accommodations: readonly string[];
    demands: readonly string[];
  };
  offset: number;
  limit: number;
  /** False when the caller has no use for `total`: an engine may then skip counting. */
  count?: boolean;
  /**
   * Enough is known once this many are counted: an engine may stop there and answer `total: countUpTo` with
   * `capped: true` (a common vacancy's candidates are most of the index; counting them all was most of the page's time).
   */
  countUpTo?: number;
}

export interface Hit {
  id: string;
  /** Text relevance in [0, 1]; 0 without a text query. */
  textScore: number;
}

export interface VacancyFacets {
  accommodations: Record<string, number>;
  employmentType: Record<string, number>;
  prefecture: Record<string, number>;
  remote: number;
  quotaEligible: number;
}

export interface SearchResult {
  total: number;
  /** True when counting stopped at the query's `countUpTo`: more than `total` match. */
  capped?: boolean;
  hits: Hit[];
  facets?: VacancyFacets;
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Creates or updates the indexes' settings; safe to repeat. */
  configure(): Promise<void>;
  upsert<I extends SearchIndexName>(index: I, documents: DocumentFor[I][]): Promise<void>;
  delete(index: SearchIndexName, ids: string[]): Promise<void>;
  searchVacancies(query: VacancyQuery): Promise<SearchResult>;
  searchSeekers(query: SeekerQuery): Promise<SearchResult>;
  /** Empties an index (the reindex command refills it). */
  reset(index: SearchIndexName): Promise<void>;
}

/** The division codes a seeker's place preferences accept (design §5 rule 1: same county, prefecture or province). */
export function reachOf(currentRegionCode: string | null, placeScope: "county" | "prefecture" | "province", preferred: readonly string[]): string[] {
  const codes = new Set<string>();
  if (currentRegionCode) {
    const c = currentRegionCode;
    codes.add(placeScope === "county" ? c : placeScope === "prefecture" ? `${c.slice(0, 4)}00` : `${c.slice(0, 2)}0000`);
  }
  for (const p of preferred) codes.add(p);
  return [...codes].sort();
}

/** A county code with the prefecture and province it lies in. */
export function regionsOf(county: string): { county: string; prefecture: string; province: string } {
  return { county, prefecture: `${county.slice(0, 4)}00`, province: `${county.slice(0, 2)}0000` };
}
