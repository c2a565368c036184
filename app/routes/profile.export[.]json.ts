import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { exportJson } from "~/domain/seekers/export-view.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";

/** Everything held about the signed-in account, as a JSON download for other programs (PIPL art. 45). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:account", { ownerId: actor.id });
  const body = await exportJson(await getDb(), actor, actor.id, { ip: context.ip });
  const filename = `qiancheng-my-data-${todayInShanghai().replaceAll("-", "")}.json`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
