import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { can } from "~/domain/permissions";
import { indicatorDefinition } from "~/domain/statistics/indicators";
import { formatPeriod, parseStatisticsParams } from "~/domain/statistics/statistics.schema";
import { readStatistics } from "~/domain/statistics/statistics.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { apiError, apiJson } from "~/http/api.server";

const PARAMETERS = new Set(["region", "period", "asOf"]);

// GET /api/statistics/indicators?period=2016-2020&region=520000[&asOf=YYYY-MM-DD] — the plan's indicators for a
// region the signed-in admin holds (docs/api.md). 401 signed out, 403 for anyone else, 400 for what cannot be read.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  if (!auth) return apiError(401, "sign_in_required");
  const actor = { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode };
  if (!can(actor, "read:statistics", { regionCode: actor.regionCode })) return apiError(403, "admins_only");
  const params = new URL(request.url).searchParams;
  const unknown = [...new Set(params.keys())].filter((k) => !PARAMETERS.has(k));
  const { query, invalid } = parseStatisticsParams(params, { regionCode: actor.regionCode!, today: todayInShanghai() });
  if (invalid.length || unknown.length) return apiError(400, "invalid_parameters", { parameters: [...invalid, ...unknown] });
  if (!can(actor, "read:statistics", { regionCode: query.regionCode })) return apiError(403, "region_not_yours");
  let stats;
  try {
    stats = await readStatistics(await getDb(), actor, query);
  } catch (error) {
    // The permission holds, so a 404 here is a code that names no division.
    if (error instanceof Response && error.status === 404) return apiError(400, "invalid_parameters", { parameters: ["region"] });
    throw error;
  }
  return apiJson(
    {
      region: stats.regionCode,
      regionName: stats.regionName,
      period: formatPeriod(stats),
      periodStart: stats.periodStart,
      periodEnd: stats.periodEnd,
      asOf: stats.asOf,
      indicators: stats.indicators.map((i) => {
        const d = indicatorDefinition(i.code);
        return {
          code: i.code,
          name: d.nameZh,
          nameEn: d.nameEn,
          unit: i.unit,
          kind: d.kind,
          recorded: d.recorded,
          target: i.target,
          actual: i.actual,
          ...(i.numerator !== undefined ? { numerator: i.numerator, denominator: i.denominator } : {}),
          expectedByNow: i.expectedByNow,
          shareDone: i.shareDone,
          status: i.status,
          ...(i.breakdown ? { breakdown: i.breakdown } : {}),
          ...(i.targetOrigin ? { targetFrom: i.targetOrigin } : {}),
        };
      }),
      subRegions: stats.subRegions.map((r) => ({ region: r.regionCode, name: r.regionName, actuals: r.actuals })),
    },
    { cacheControl: "private, no-store" },
  );
}
