import type { MessageKey } from "./zh-CN";

export type { MessageKey };
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/**
 * The catalogs this process holds. The server registers both (catalogs.server.ts); the browser loads only the
 * active locale's, as its own chunk, before hydrating (entry.client.tsx, load-catalog.ts), so a page does not carry
 * the other language's strings (issue 15).
 */
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = {};
let version = 0;
const listeners = new Set<() => void>();

export function registerCatalog(locale: Locale, catalog: Record<MessageKey, string>): void {
  catalogs[locale] = catalog;
  version += 1;
  for (const listener of listeners) listener();
}

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** For useSyncExternalStore: re-render when a catalog arrives. */
export function subscribeCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function catalogVersion(): number {
  return version;
}

export function isLocale(value: unknown): value is Locale {
  return value === "zh-CN" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  for (const catalog of Object.values(catalogs)) if (Object.hasOwn(catalog, value)) return true;
  return false;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    // Until a newly chosen locale's catalog has arrived in the browser, the other one stands in.
    const text = catalogs[locale]?.[key] ?? catalogs[DEFAULT_LOCALE]?.[key] ?? catalogs.en?.[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** Encodes a message key with values for transport inside a validation error (see makeI18n's `te`). */
export function errorMessage(key: MessageKey, vars?: Record<string, string | number>): string {
  return vars ? `${key}|${JSON.stringify(vars)}` : key;
}

// Dates and times have one format per language, made in dates.ts; re-exported here for existing imports.
export { formatDate, formatDateTime, formatTime, formatMonth, formatDateRange } from "./dates";
