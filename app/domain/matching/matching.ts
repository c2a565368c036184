/**
 * Accessibility-aware matching (design §5): one set of pure rules for both directions and both search engines.
 * Eligibility is a hard filter; the score only orders eligible results; reasons explain every result in words.
 * Disability category and grade are not inputs here, by design (rule 5).
 */
import { educationRank } from "../catalog";
import { regionPrefix } from "../permissions";

export interface MatchSeeker {
  currentRegionCode: string | null;
  placeScope: "county" | "prefecture" | "province";
  preferredRegionCodes: readonly string[];
  wantsRemote: boolean;
  needsRequired: readonly string[];
  needsPreferred: readonly string[];
  limits: readonly string[];
  skills: readonly string[];
  /**
   * Certificate names the seeker holds: those they typed on their profile and the training certificates they show
   * (issue 14). Left out, the seeker holds none.
   */
  certificates?: readonly string[];
  education: string | null;
  expectedPayMin: number | null;
}

export interface MatchVacancy {
  regionCode: string;
  remote: boolean;
  accommodations: readonly string[];
  demands: readonly string[];
  skills: readonly string[];
  educationRequired: string;
  payMin: number;
  payMax: number;
  publishedAt: Date | null;
  /** Certificate names the vacancy requires (issue 14); a seeker without one of them does not fit. */
  requiredCertificates?: readonly string[];
}

/**
 * A certificate name as compared: width-folded (NFKC), without spaces or the trailing 证/证书 people add or leave off,
 * lower case — so "保健按摩师证" and "保健按摩师" are the same certificate.
 */
export function normalizeCertificate(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/(证书|证)$/, "")
    .toLowerCase();
}

/** The vacancy's required certificates the seeker does not hold, as the vacancy names them. */
export function missingCertificates(seeker: Pick<MatchSeeker, "certificates">, vacancy: Pick<MatchVacancy, "requiredCertificates">): string[] {
  const required = vacancy.requiredCertificates ?? [];
  if (!required.length) return [];
  const held = new Set((seeker.certificates ?? []).map(normalizeCertificate));
  return required.filter((c) => !held.has(normalizeCertificate(c)));
}

/** How near the work is: the same county, prefecture or province, or remote work both want. */
export type Place = "county" | "prefecture" | "province" | "remote";
const PLACE_ORDER: Record<Place, number> = { remote: 0, county: 0, prefecture: 1, province: 2 };

function nearness(from: string, to: string): "county" | "prefecture" | "province" | null {
  if (from === to) return "county";
  if (from.slice(0, 4) === to.slice(0, 4)) return "prefecture";
  if (from.slice(0, 2) === to.slice(0, 2)) return "province";
  return null;
}

/** The place a vacancy is to the seeker, or null when it is further than they accept. */
export function placeFit(seeker: MatchSeeker, vacancy: MatchVacancy): Place | null {
  if (vacancy.remote && seeker.wantsRemote) return "remote";
  let best: Place | null = null;
  if (seeker.currentRegionCode) {
    const near = nearness(seeker.currentRegionCode, vacancy.regionCode);
    if (near && PLACE_ORDER[near] <= PLACE_ORDER[seeker.placeScope]) best = near;
  }
  // A region the seeker named as preferred is acceptable whatever the scope.
  for (const code of seeker.preferredRegionCodes) {
    if (vacancy.regionCode.startsWith(regionPrefix(code))) {
      const near = seeker.currentRegionCode ? nearness(seeker.currentRegionCode, vacancy.regionCode) ?? "province" : "province";
      if (!best || PLACE_ORDER[near] < PLACE_ORDER[best]) best = near;
    }
  }
  return best;
}

export interface Eligibility {
  eligible: boolean;
  unmetNeeds: string[];
  conflictingDemands: string[];
  /** Certificates the vacancy requires that the seeker lacks: like a demand they cannot meet, the vacancy does not fit. */
  certificatesMissing: string[];
  place: Place | null;
}

export function eligibility(seeker: MatchSeeker, vacancy: MatchVacancy): Eligibility {
  const offered = new Set(vacancy.accommodations);
  const limits = new Set(seeker.limits);
  const unmetNeeds = seeker.needsRequired.filter((n) => !offered.has(n));
  const conflictingDemands = vacancy.demands.filter((d) => limits.has(d));
  const certificatesMissing = missingCertificates(seeker, vacancy);
  const place = placeFit(seeker, vacancy);
  return {
    eligible: unmetNeeds.length === 0 && conflictingDemands.length === 0 && certificatesMissing.length === 0 && place !== null,
    unmetNeeds,
    conflictingDemands,
    certificatesMissing,
    place,
  };
}

function normalizeSkill(s: string) {
  return s.trim().toLowerCase();
}

export interface MatchReasons {
  needsMet: string[];
  preferredMet: string[];
  unmetNeeds: string[];
  conflictingDemands: string[];
  certificatesMissing: string[];
  skillsMatched: string[];
  skillsMissing: string[];
  place: Place | null;
  payFits: boolean | null;
  educationFits: boolean;
}

export interface MatchResult {
  eligible: boolean;
  score: number;
  reasons: MatchReasons;
}

const DAY = 86_400_000;

/**
 * Scores a pair. Weights: skills 30, text 20 (given by the engine, 0–1), preferred needs 15, place 15, pay 10,
 * education 5, recency 5 — 100 at most. Quota eligibility is shown, never scored (rule 2).
 */
export function match(seeker: MatchSeeker, vacancy: MatchVacancy, options: { textScore?: number; now?: Date } = {}): MatchResult {
  const e = eligibility(seeker, vacancy);
  const offered = new Set(vacancy.accommodations);
  const seekerSkills = new Set(seeker.skills.map(normalizeSkill));
  const skillsMatched = vacancy.skills.filter((s) => seekerSkills.has(normalizeSkill(s)));
  const skillsMissing = vacancy.skills.filter((s) => !seekerSkills.has(normalizeSkill(s)));
  const preferredMet = seeker.needsPreferred.filter((n) => offered.has(n));
  const payFits = seeker.expectedPayMin == null ? null : vacancy.payMax >= seeker.expectedPayMin;
  const educationFits = educationRank(seeker.education) >= educationRank(vacancy.educationRequired);

  const skillPart = vacancy.skills.length ? skillsMatched.length / vacancy.skills.length : 0.5;
  const preferredPart = seeker.needsPreferred.length ? preferredMet.length / seeker.needsPreferred.length : 0.5;
  const placePart = e.place === null ? 0 : e.place === "remote" || e.place === "county" ? 1 : e.place === "prefecture" ? 0.6 : 0.3;
  const payPart = payFits === null ? 0.5 : payFits ? 1 : 0;
  const ageDays = vacancy.publishedAt ? ((options.now ?? new Date()).getTime() - vacancy.publishedAt.getTime()) / DAY : 90;
  const recencyPart = Math.max(0, 1 - Math.max(0, ageDays) / 90);
  const score =
    30 * skillPart +
    20 * Math.min(1, Math.max(0, options.textScore ?? 0)) +
    15 * preferredPart +
    15 * placePart +
    10 * payPart +
    5 * (educationFits ? 1 : 0) +
    5 * recencyPart;
  return {
    eligible: e.eligible,
    score: Math.round(score * 100) / 100,
    reasons: {
      needsMet: seeker.needsRequired.filter((n) => offered.has(n)),
      preferredMet,
      unmetNeeds: e.unmetNeeds,
      conflictingDemands: e.conflictingDemands,
      certificatesMissing: e.certificatesMissing,
      skillsMatched,
      skillsMissing,
      place: e.place,
      payFits,
      educationFits,
    },
  };
}
