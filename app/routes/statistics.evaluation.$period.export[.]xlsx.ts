import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { EVALUATION_KINDS } from "~/domain/statistics/report.schema";
import { evaluationReport, reportWorkbook } from "~/domain/statistics/report.server";
import { requireActor } from "~/http/guards.server";

// The mid-term or final evaluation as a workbook: the same report as /statistics/evaluation/:period.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") ?? "final";
  if (!(EVALUATION_KINDS as readonly string[]).includes(kind)) throw new Response("Not Found", { status: 404 });
  const region = url.searchParams.get("region");
  const report = await evaluationReport(await getDb(), actor, {
    regionCode: region && /^\d{6}$/.test(region) ? region : null,
    period: params.period ?? "",
    kind: kind as (typeof EVALUATION_KINDS)[number],
  });
  const body = await reportWorkbook(report, context.locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="evaluation-${kind}-${report.regionCode}-${report.period}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
