import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { disclosureCsv } from "~/domain/quota/disclosure-export.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const year = params.year ?? "";
  if (!/^\d{4}$/.test(year)) throw new Response("Not Found", { status: 404 });
  const body = await disclosureCsv(await getDb(), Number(year));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="quota-disclosure-${year}.csv"`,
    },
  });
}
