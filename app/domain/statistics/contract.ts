/**
 * The contract between the parts of issue 13 (the federation's plan), fixed first so they could be built side by
 * side: the indicator codes, the shape of computed statistics, and the employment forms. The catalogue with names and
 * definitions lives in ./indicators.ts; the computation in ./statistics.server.ts; snapshots and reports in
 * ./snapshots.server.ts and ./report.server.ts.
 */
import type { EmploymentForm } from "../../../db/schema";

export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = [
  "proportional",
  "concentrated",
  "self_employed",
  "rural",
  "public_welfare",
  "auxiliary",
  "flexible",
];

/** Indicators computed from records kept here (the last ten from the programmes' records, issue 14). */
export const RECORDED_INDICATORS = [
  "new_jobs",
  "graduate_employment_rate",
  "zero_employment_households_cleared",
  "provincial_bodies_employing",
  "quota_declarations",
  "quota_disclosure",
  "working_age_employment_rate",
  "real_name_verified",
  "events_held",
  "event_hires",
  "services_given",
  "training_urban",
  "training_rural",
  "blind_massage_trained",
  "blind_massage_employed",
  "blind_medical_massage_trained",
  "demonstration_sites",
  "entrepreneur_households",
  "auxiliary_demonstration_institutions",
  "auxiliary_county_coverage",
  "instructors_trained",
] as const;

/**
 * Indicators of the plan with no records behind them: in the catalogue with their targets, no actual. Empty since
 * issue 14 recorded the programmes; kept so a later plan's indicator can wait here for its records.
 */
export const UNRECORDED_INDICATORS = [] as const;

export type IndicatorCode = (typeof RECORDED_INDICATORS)[number];
export type IndicatorUnit = "people" | "rate" | "households" | "organizations" | "declarations" | "events" | "services" | "counties";

/** on_track / behind compare the actual with where the target should be by `asOf` (linear over the period). */
export type IndicatorStatus = "done" | "on_track" | "behind" | "no_target" | "not_recorded";

export interface BreakdownEntry {
  /** e.g. an employment form, a service type, a declaration status. */
  key: string;
  value: number;
}

export interface IndicatorValue {
  code: IndicatorCode;
  unit: IndicatorUnit;
  /** Null when no target is set for the region and period. Rates are fractions (0.6 = 60%). */
  target: number | null;
  /** Null when nothing records it yet. */
  actual: number | null;
  /** For a rate: numerator and denominator behind it. */
  numerator?: number;
  denominator?: number;
  /** Where the actual should be by `asOf`: the target for rates, the share of the period elapsed for counts. */
  expectedByNow: number | null;
  /** actual / target (may exceed 1). */
  shareDone: number | null;
  status: IndicatorStatus;
  breakdown?: BreakdownEntry[];
}

export interface SubRegionRow {
  regionCode: string;
  regionName: string;
  /** Actual per indicator code (null where not recorded). */
  actuals: Partial<Record<IndicatorCode, number | null>>;
}

export interface Statistics {
  regionCode: string;
  regionName: string;
  /** A period of whole calendar years, e.g. 2016–2020, or 2026–2026 for one year. */
  periodStart: number;
  periodEnd: number;
  /** The day the figures are as of (YYYY-MM-DD, Asia/Shanghai): today, or the quarter's end for a snapshot. */
  asOf: string;
  indicators: IndicatorValue[];
  subRegions: SubRegionRow[];
}

/** What to compute: a region (division code), a period of whole years, and the day the figures are as of. */
export interface StatisticsQuery {
  regionCode: string;
  periodStart: number;
  periodEnd: number;
  /** YYYY-MM-DD. Only records that existed (started, were verified, held…) by this day count, so a past quarter end reproduces that quarter's figures. */
  asOf: string;
}
