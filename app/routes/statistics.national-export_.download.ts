import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { isWithinRegion, requirePermission } from "~/domain/permissions";
import { nationalExportSchema } from "~/domain/reporting/national-export.schema";
import { nationalExport } from "~/domain/reporting/national-export.server";
import { requireActor } from "~/http/guards.server";

// The national reporting export's file (issue 18): the form of /statistics/national-export posts here, a resource
// route, so the answer is the file itself (a page's action answer would be rendered as the page). A form that does
// not parse, or names a region outside the admin's, goes back to the page with the reason.
/** A GET here (a bookmarked or reloaded download) goes to the page: the file is made by the form's POST only. */
export function loader() {
  return redirect("/statistics/national-export");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const form = await request.formData();
  const parsed = nationalExportSchema.safeParse({ regionCode: form.get("regionCode") ?? undefined, format: form.get("format") ?? undefined });
  if (!parsed.success) return redirect(`/statistics/national-export?invalid=${parsed.error.issues[0]?.path[0] === "format" ? "format" : "region"}`, 303);
  const db = await getDb();
  const { regionCode, format } = parsed.data;
  const known = await db.selectFrom("division").select("code").where("code", "=", regionCode).executeTakeFirst();
  if (!known || !isWithinRegion(actor.regionCode, regionCode)) return redirect("/statistics/national-export?invalid=region", 303);
  const file = await nationalExport(db, actor, { regionCode, format, ip: context.ip });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
