/** The JSON API's shapes (docs/api.md). */
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

/**
 * Resource routes answer with real Responses: with single fetch, a `data()` return from a resource route loses its
 * status and headers.
 */
export function apiJson(body: unknown, init: { status?: number; cacheControl: string }) {
  return Response.json(body, { status: init.status ?? 200, headers: { "Cache-Control": init.cacheControl } });
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}) {
  return apiJson({ error, ...extra }, { status, cacheControl: "no-store" });
}

/** An API request with a parameter it cannot read is refused (the page ignores such values; a program should know). */
export function invalidParameters(ignored: SearchParamName[]) {
  return apiError(400, "invalid_parameters", { parameters: ignored });
}

/** Runs a use-case; a 404 thrown for a page past the end becomes a JSON 404. */
export async function orNotFound(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response && error.status === 404) return apiError(404, "page_not_found");
    throw error;
  }
}
