import type { LoaderFunctionArgs } from "@remix-run/node";
import { COLUMNS } from "~/domain/interop/columns";
import { mayImportPeople } from "~/domain/interop/upload.server";
import { notFound } from "~/domain/ids";
import { requireActor } from "~/http/guards.server";

/**
 * The import's template (issue 18): one row of the documented Chinese headers, UTF-8 with a BOM so that spreadsheet
 * programs open it as UTF-8. No example row: a sample person left in the file would be imported.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!mayImportPeople(actor)) notFound();
  return new Response(`\uFEFF${COLUMNS.map((c) => c.zh).join(",")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="real-name-import-template.csv"; filename*=UTF-8''${encodeURIComponent("实名数据导入模板.csv")}`,
      "Cache-Control": "private, no-store",
    },
  });
}
