import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { invalidateSession } from "~/domain/accounts/session.server";
import { clearSessionCookie } from "~/http/context.server";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession(await getDb(), context.auth.sessionId);
  return redirect("/login?done=signed-out", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
}
