import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { exportWorkbook } from "~/domain/seekers/export-view.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";

/** Everything held about the signed-in account, as an XLSX workbook in the reader's language (PIPL art. 45). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:account", { ownerId: actor.id });
  const body = await exportWorkbook(await getDb(), actor, actor.id, context.locale, { ip: context.ip });
  const filename = `qiancheng-my-data-${todayInShanghai().replaceAll("-", "")}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
