import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { parseSearchParams } from "~/domain/search/search.schema";
import { searchVacancies } from "~/domain/search/search.server";
import { apiError, apiJson, apiVacancy, invalidParameters, orNotFound } from "~/http/api.server";

// GET /api/match/vacancies — the vacancies that suit the signed-in seeker, with score and reasons (docs/api.md).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  if (!auth) return apiError(401, "sign_in_required");
  if (auth.user.role !== "seeker") return apiError(403, "seekers_only");
  const { params, ignored } = parseSearchParams(new URL(request.url).searchParams);
  if (ignored.length) return invalidParameters(ignored);
  const viewer = { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode };
  return orNotFound(async () => {
    const page = await searchVacancies(await getDb(), viewer, { ...params, show: "eligible" }, { facets: false, eligibleOnly: true });
    return apiJson(
      {
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
        placeKnown: page.placeKnown,
        results: page.items.map((v) => ({ ...apiVacancy(v), score: v.match?.score ?? 0, reasons: v.match?.reasons ?? null })),
      },
      { cacheControl: "private, no-store" },
    );
  });
}
