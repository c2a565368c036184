import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { listPartnerVacancies } from "~/domain/api/partner.server";
import { vacancyListSchema, vacancyQuerySchema } from "~/domain/api/schemas";
import { parseQuery, partnerEndpoint, partnerJson } from "~/http/partner-api.server";

// GET /api/v1/vacancies — open vacancies for partners (bearer token, scope vacancies:read; docs/api.md).
export function loader({ request }: LoaderFunctionArgs) {
  return partnerEndpoint(request, "vacancies:read", async () => {
    const query = parseQuery(request, vacancyQuerySchema);
    if (!query.ok) return query.response;
    const { region, accommodations, updatedSince, page, pageSize } = query.value;
    const result = await listPartnerVacancies(await getDb(), {
      region,
      accommodations: accommodations?.split(","),
      updatedSince: updatedSince ? new Date(updatedSince) : undefined,
      page,
      pageSize,
    });
    return partnerJson(vacancyListSchema, result);
  });
}
