import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { getPartnerVacancy } from "~/domain/api/partner.server";
import { vacancySchema } from "~/domain/api/schemas";
import { parseQuery, partnerEndpoint, partnerJson } from "~/http/partner-api.server";
import { z } from "zod";

const noParameters = z.object({}).strict();

// GET /api/v1/vacancies/{id} — one published vacancy (bearer token, scope vacancies:read; docs/api.md).
export function loader({ request, params }: LoaderFunctionArgs) {
  return partnerEndpoint(request, "vacancies:read", async () => {
    const query = parseQuery(request, noParameters);
    if (!query.ok) return query.response;
    return partnerJson(vacancySchema, await getPartnerVacancy(await getDb(), params.id ?? ""));
  });
}
