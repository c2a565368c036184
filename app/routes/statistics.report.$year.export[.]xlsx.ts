import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { annualReport, reportWorkbook } from "~/domain/statistics/report.server";
import { requireActor } from "~/http/guards.server";

// The annual inspection report as a workbook: the same report (and figures) as /statistics/report/:year.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const year = params.year ?? "";
  if (!/^\d{4}$/.test(year)) throw new Response("Not Found", { status: 404 });
  const region = new URL(request.url).searchParams.get("region");
  const report = await annualReport(await getDb(), actor, { regionCode: region && /^\d{6}$/.test(region) ? region : null, year: Number(year) });
  const body = await reportWorkbook(report, context.locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="inspection-${report.regionCode}-${year}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
