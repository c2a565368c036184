/** The JSON API's shapes (docs/api.md). */
import { data } from "@remix-run/node";
import type { SearchParamName } from "~/domain/search/search.schema";
import type { VacancyCard } from "~/domain/search/search.server";

export function apiVacancy(v: VacancyCard) {
  return {
    id: v.id,
    title: v.title,
    organization: v.organizationName,
    region: v.regionCode,
    place: v.place,
    remote: v.remote,
    employmentType: v.employmentType,
    accommodations: v.accommodations,
    demands: v.demands,
    quotaEligible: v.quotaEligible,
    payMin: v.payMin,
    payMax: v.payMax,
    publishedAt: v.publishedAt,
  };
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return data({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/** An API request with a parameter it cannot read is refused (the page ignores such values; a program should know). */
export function invalidParameters(ignored: SearchParamName[]) {
  return apiError(400, "invalid_parameters", { parameters: ignored });
}

/** Runs a use-case; a 404 thrown for a page past the end becomes a JSON 404. */
export async function orNotFound<T>(run: () => Promise<T>): Promise<T | ReturnType<typeof apiError>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response && error.status === 404) return apiError(404, "page_not_found");
    throw error;
  }
}
