import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { listPartnerEvents } from "~/domain/api/partner.server";
import { eventListSchema, eventQuerySchema } from "~/domain/api/schemas";
import { parseQuery, partnerEndpoint, partnerJson } from "~/http/partner-api.server";

// GET /api/v1/events — published recruitment events (bearer token, scope events:read; docs/api.md).
export function loader({ request }: LoaderFunctionArgs) {
  return partnerEndpoint(request, "events:read", async () => {
    const query = parseQuery(request, eventQuerySchema);
    if (!query.ok) return query.response;
    return partnerJson(eventListSchema, await listPartnerEvents(await getDb(), query.value));
  });
}
