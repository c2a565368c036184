import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "../../db/database";
import { savePreferences } from "~/domain/accounts/accounts.server";
import { serializeDisplayCookie, serializeLangCookie } from "~/http/context.server";
import { safeRedirect } from "~/http/guards.server";
import { isLocale } from "~/i18n/i18n";

export async function loader() {
  return redirect("/");
}

/** Language and display mode: a cookie for everyone, saved to the account as well when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const headers = new Headers();
  const locale = form.get("locale");
  const toggle = form.get("toggle");
  const db = await getDb();
  if (isLocale(locale)) {
    headers.append("Set-Cookie", serializeLangCookie(locale, context.secureCookies));
    if (context.auth) await savePreferences(db, context.auth.user.id, { locale });
  }
  if (toggle === "largeText" || toggle === "highContrast" || toggle === "easyRead") {
    const display = { ...context.display, [toggle]: !context.display[toggle] };
    headers.append("Set-Cookie", serializeDisplayCookie(display, context.secureCookies));
    if (context.auth) await savePreferences(db, context.auth.user.id, display);
  }
  return redirect(safeRedirect(form.get("redirectTo"), "/"), { headers });
}
