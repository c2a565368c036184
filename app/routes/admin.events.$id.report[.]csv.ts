import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { eventReportCsv } from "~/domain/events/report-export.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";

/**
 * The download's name: the event's title for browsers that read RFC 5987 `filename*`, and an ASCII name for
 * those that do not. Characters that file systems refuse become "_".
 */
function attachment(title: string, id: string, ext: string): string {
  const name = `${title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_").trim() || "event"}-报告.${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="event-${id.slice(0, 8)}-report.${ext}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const { title, body } = await eventReportCsv(await getDb(), actor, id);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(title, id, "csv"),
      "Cache-Control": "no-store",
    },
  });
}
