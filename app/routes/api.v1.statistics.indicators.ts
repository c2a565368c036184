import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { partnerStatistics } from "~/domain/api/partner.server";
import { statisticsQuerySchema, statisticsSchema } from "~/domain/api/schemas";
import { parseQuery, partnerEndpoint, partnerJson, problem } from "~/http/partner-api.server";

// GET /api/v1/statistics/indicators?region=&year= — the plan's indicators for a region within the token's
// (bearer token, scope statistics:read; docs/api.md).
export function loader({ request }: LoaderFunctionArgs) {
  return partnerEndpoint(request, "statistics:read", async (token) => {
    const query = parseQuery(request, statisticsQuerySchema);
    if (!query.ok) return query.response;
    const result = await partnerStatistics(await getDb(), token, query.value);
    if (result.ok) return partnerJson(statisticsSchema, result.value);
    if (result.reason === "region_not_allowed") return problem(403, "region_not_allowed", `This token reads statistics of ${token.regionCode} and the regions under it only.`);
    return problem(400, "invalid_parameters", "No region has this code.", { parameters: ["region"] });
  });
}
