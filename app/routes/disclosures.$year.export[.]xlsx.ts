import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { disclosureXlsx } from "~/domain/quota/disclosure-export.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const year = params.year ?? "";
  if (!/^\d{4}$/.test(year)) throw new Response("Not Found", { status: 404 });
  const body = await disclosureXlsx(await getDb(), Number(year));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="quota-disclosure-${year}.xlsx"`,
    },
  });
}
