import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/domain/permissions";

/** A local path to return to after signing in; anything else (other sites, `//host`) becomes `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would leave the site.
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  return to;
}

/** The signed-in user as a permission actor, or a redirect to sign in (coming back here afterwards). */
export function requireActor(context: AppLoadContext, request: Request): Actor & { sessionId: string } {
  const auth = context.auth;
  if (!auth) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode, sessionId: auth.sessionId };
}
