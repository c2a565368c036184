import { hasCatalog, registerCatalog, type Locale } from "./i18n";

/** Loads one locale's catalog in the browser, as its own chunk (the other locale's strings are never sent). */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (hasCatalog(locale)) return;
  if (locale === "en") registerCatalog("en", (await import("./en")).en);
  else registerCatalog("zh-CN", (await import("./zh-CN")).zhCN);
}
