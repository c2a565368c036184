import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { parseSearchParams } from "~/domain/search/search.schema";
import { searchVacancies } from "~/domain/search/search.server";
import { apiJson, apiVacancy, invalidParameters, orNotFound } from "~/http/api.server";

// GET /api/vacancies — open vacancies, public (docs/api.md).
export async function loader({ request }: LoaderFunctionArgs) {
  const { params, ignored } = parseSearchParams(new URL(request.url).searchParams);
  if (ignored.length) return invalidParameters(ignored);
  return orNotFound(async () => {
    const page = await searchVacancies(await getDb(), null, params, { facets: false });
    return apiJson(
      { total: page.total, page: page.page, pageSize: page.pageSize, results: page.items.map(apiVacancy) },
      { cacheControl: "public, max-age=30" },
    );
  });
}
