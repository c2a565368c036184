import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { statisticsXlsx } from "~/domain/statistics/statistics-export.server";
import { formatPeriod, parseStatisticsParams } from "~/domain/statistics/statistics.schema";
import { readStatistics } from "~/domain/statistics/statistics.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";

// The /statistics tables as an XLSX workbook (an indicator sheet and a sub-region sheet); admins of the region only.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const { query } = parseStatisticsParams(new URL(request.url).searchParams, { regionCode: actor.regionCode!, today: todayInShanghai() });
  const stats = await readStatistics(await getDb(), actor, query);
  const body = await statisticsXlsx(stats);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="statistics-${stats.regionCode}-${formatPeriod(stats)}-${stats.asOf}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
