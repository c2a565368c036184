import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { DEFAULT_LOCALE, formatTime, hasCatalog, isMessageKey, translator, type Locale, type Translate } from "./i18n";
import { loadCatalog } from "./load-catalog";

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Translates a validation message (a message key, optionally with `|{json values}`). */
  te: (message: string) => string;
}

export function makeI18n(locale: Locale): I18n {
  const t = translator(locale);
  const te = (message: string) => {
    const bar = message.indexOf("|");
    const key = bar === -1 ? message : message.slice(0, bar);
    if (!isMessageKey(key)) return message;
    if (bar === -1) return t(key);
    const vars = JSON.parse(message.slice(bar + 1)) as Record<string, string | number>;
    // Times travel as ISO strings and are shown in Asia/Shanghai.
    if (typeof vars.time === "string" && !Number.isNaN(Date.parse(vars.time))) vars.time = formatTime(locale, vars.time);
    return t(key, vars);
  };
  return { locale, t, te };
}

export function useI18n(): I18n {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // The locale changed without a page load (signing in to an account in the other language): fetch its catalog and
  // render again (t reads the catalogs when called, so the new strings show).
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!hasCatalog(locale)) void loadCatalog(locale).then(() => setLoaded((n) => n + 1));
  }, [locale]);
  return useMemo(() => makeI18n(locale), [locale]);
}
