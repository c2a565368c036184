import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { statisticsCsv } from "~/domain/statistics/statistics-export.server";
import { formatPeriod, parseStatisticsParams } from "~/domain/statistics/statistics.schema";
import { readStatistics } from "~/domain/statistics/statistics.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";

// The /statistics tables as CSV, for the same region, period and as-of day (admins of the region; 404 otherwise).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const { query } = parseStatisticsParams(new URL(request.url).searchParams, { regionCode: actor.regionCode!, today: todayInShanghai() });
  const stats = await readStatistics(await getDb(), actor, query);
  return new Response(statisticsCsv(stats), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="statistics-${stats.regionCode}-${formatPeriod(stats)}-${stats.asOf}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
