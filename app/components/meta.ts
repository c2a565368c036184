import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, translator, type Locale, type MessageKey } from "~/i18n/i18n";

interface MatchLike {
  id: string;
  data?: unknown;
}

export function localeFromMatches(matches: readonly MatchLike[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return root?.locale ?? DEFAULT_LOCALE;
}

/**
 * `<title>` and meta description for a page: "页面 - 黔程", in the visitor's language. The description is the page's
 * own where it has one (public pages found from search engines), else the site's.
 */
export function pageTitle(matches: readonly MatchLike[], key: MessageKey, description?: MessageKey): MetaDescriptor[] {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t(key)} - ${t("site.titleSuffix")}` }, { name: "description", content: t(description ?? "site.description") }];
}
