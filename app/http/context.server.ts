import { parse, serialize } from "cookie";
import { getDb } from "../../db/database";
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from "../domain/accounts/session.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/i18n";

export const LANG_COOKIE = "qc_lang";
export const DISPLAY_COOKIE = "qc_display";
const YEAR_S = 365 * 24 * 60 * 60;

export interface Display {
  largeText: boolean;
  highContrast: boolean;
  /** 易读: short sentences, one idea per line, icons with words, the main action first (issue 15). */
  easyRead: boolean;
}

// A type alias (not an interface) so it fits AppLoadContext's index signature.
export type RequestContext = {
  /** CSP nonce for this response's inline scripts. */
  nonce: string;
  ip: string;
  /** Whether cookies get the Secure attribute (production over HTTPS, or COOKIE_SECURE=true). */
  secureCookies: boolean;
  auth: { user: SessionUser; sessionId: string } | null;
  locale: Locale;
  display: Display;
  /** Set while the request runs (entry.server's handleError): the server answers 503 instead of Remix's page. */
  failure: { databaseUnavailable: boolean };
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}

export function parseDisplayCookie(value: string | undefined): Display | null {
  if (value === undefined) return null;
  const parts = new Set(value.split("."));
  return { largeText: parts.has("large"), highContrast: parts.has("contrast"), easyRead: parts.has("easy") };
}

export function serializeDisplayCookie(display: Display, secure: boolean): string {
  const value = [display.largeText ? "large" : "", display.highContrast ? "contrast" : "", display.easyRead ? "easy" : ""].filter(Boolean).join(".") || "none";
  return serialize(DISPLAY_COOKIE, value, { path: "/", maxAge: YEAR_S, sameSite: "lax", secure, httpOnly: true });
}

export function serializeLangCookie(locale: Locale, secure: boolean): string {
  return serialize(LANG_COOKIE, locale, { path: "/", maxAge: YEAR_S, sameSite: "lax", secure, httpOnly: true });
}

export function serializeSessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { path: "/", expires: expiresAt, sameSite: "lax", secure, httpOnly: true });
}

export function clearSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, "", { path: "/", maxAge: 0, sameSite: "lax", secure, httpOnly: true });
}

/**
 * Reads the session and the visitor's preferences once per request. Returns the context and any cookies
 * to send back (a renewed session, or clearing a dead one).
 */
export async function buildRequestContext(input: {
  cookieHeader: string | undefined;
  ip: string;
  nonce: string;
  secureCookies: boolean;
}): Promise<{ context: RequestContext; setCookies: string[] }> {
  const cookies = parse(input.cookieHeader ?? "");
  const setCookies: string[] = [];
  let auth: RequestContext["auth"] = null;
  const token = cookies[SESSION_COOKIE];
  if (token) {
    const db = await getDb();
    const validated = await validateSessionToken(db, token);
    if (validated) {
      auth = { user: validated.user, sessionId: validated.session.id };
      if (validated.renewed) setCookies.push(serializeSessionCookie(token, validated.session.expiresAt, input.secureCookies));
    } else {
      setCookies.push(clearSessionCookie(input.secureCookies));
    }
  }
  const cookieLocale = cookies[LANG_COOKIE];
  const locale: Locale = isLocale(cookieLocale) ? cookieLocale : (auth?.user.locale ?? DEFAULT_LOCALE);
  const display = parseDisplayCookie(cookies[DISPLAY_COOKIE]) ?? {
    largeText: auth?.user.largeText ?? false,
    highContrast: auth?.user.highContrast ?? false,
    easyRead: auth?.user.easyRead ?? false,
  };
  return {
    context: {
      nonce: input.nonce,
      ip: input.ip,
      secureCookies: input.secureCookies,
      auth,
      locale,
      display,
      failure: { databaseUnavailable: false },
    },
    setCookies,
  };
}
