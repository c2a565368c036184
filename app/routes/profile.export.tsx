import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { requirePermission } from "~/domain/permissions";
import { exportAccountData } from "~/domain/seekers/seekers.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";

/** Everything held about the signed-in account, as a JSON download (PIPL art. 45). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:account", { ownerId: actor.id });
  const data = await exportAccountData(await getDb(), actor, actor.id, { ip: context.ip });
  const filename = `qiancheng-my-data-${todayInShanghai().replaceAll("-", "")}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
