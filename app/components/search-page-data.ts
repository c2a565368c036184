/**
 * The search page's data in the compact form the page carries it in (issue 16: the data beside the HTML is sent with
 * every search page, so it is kept to what the page renders, without a key per field of every card and county).
 * The loader packs; both the full and the easy-read page read it unpacked, through useSearchPage().
 */
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { VacancyCardData } from "~/components/vacancy-card";
import type { EmploymentType } from "../../db/schema";
import type { RegionPrefecture } from "~/domain/divisions/regions";
import type { MatchReasons } from "~/domain/matching/matching";
import type { loader } from "~/routes/vacancies._index";

type PackedReasons = [
  needsMet: string[],
  preferredMet: string[],
  unmetNeeds: string[],
  conflictingDemands: string[],
  certificatesMissing: string[],
  skillsMatched: string[],
  skillsMissing: string[],
  place: MatchReasons["place"],
  payFits: boolean | null,
  educationFits: boolean,
];

export type PackedCard = [
  id: string,
  title: string,
  organizationName: string,
  place: string,
  remote: boolean,
  payMin: number,
  payMax: number,
  employmentType: EmploymentType,
  accommodations: string[],
  demands: string[],
  quotaEligible: boolean,
  match: [eligible: boolean, ...reasons: PackedReasons] | null,
];

/** A card's data: only what VacancyCard and EasyVacancyCard show (no score, region code or date). */
export interface SearchCard extends VacancyCardData {
  employmentType: EmploymentType;
}

export function packCard(v: SearchCard): PackedCard {
  const r = v.match?.reasons;
  return [
    v.id,
    v.title,
    v.organizationName,
    v.place,
    v.remote,
    v.payMin,
    v.payMax,
    v.employmentType,
    v.accommodations,
    v.demands,
    v.quotaEligible,
    v.match && r
      ? [
          v.match.eligible,
          r.needsMet,
          r.preferredMet,
          r.unmetNeeds,
          r.conflictingDemands,
          r.certificatesMissing ?? [],
          r.skillsMatched,
          r.skillsMissing,
          r.place,
          r.payFits,
          r.educationFits,
        ]
      : null,
  ];
}

export function unpackCard(p: PackedCard): SearchCard {
  const [id, title, organizationName, place, remote, payMin, payMax, employmentType, accommodations, demands, quotaEligible, m] = p;
  return {
    id,
    title,
    organizationName,
    place,
    remote,
    payMin,
    payMax,
    employmentType,
    accommodations,
    demands,
    quotaEligible,
    match: m
      ? {
          eligible: m[0],
          reasons: {
            needsMet: m[1],
            preferredMet: m[2],
            unmetNeeds: m[3],
            conflictingDemands: m[4],
            certificatesMissing: m[5],
            skillsMatched: m[6],
            skillsMissing: m[7],
            place: m[8],
            payFits: m[9],
            educationFits: m[10],
          },
        }
      : null,
  };
}

/**
 * Prefectures and their counties as one string: "520100贵阳市520102南明区…|520200六盘水市…", each place its 6-digit
 * code then its name, the prefecture first in its group.
 */
export function packRegions(prefectures: readonly RegionPrefecture[]): string {
  return prefectures.map((p) => [p, ...p.counties].map((d) => d.code + d.name).join("")).join("|");
}

export function unpackRegions(packed: string): RegionPrefecture[] {
  if (!packed) return [];
  return packed.split("|").map((group) => {
    const [prefecture, ...counties] = [...group.matchAll(/(\d{6})(\D+)/g)].map(([, code, name]) => ({ code: code!, name: name! }));
    return { ...prefecture!, counties };
  });
}

/** The search page's loader data, unpacked: what the full and the easy-read search render. */
export function useSearchPage() {
  const data = useLoaderData<typeof loader>();
  return useMemo(
    () => ({ ...data, regions: unpackRegions(data.regions), result: { ...data.result, items: data.result.items.map(unpackCard) } }),
    [data],
  );
}
