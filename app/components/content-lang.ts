import type { Locale } from "~/i18n/i18n";

const HAN = /\p{Script=Han}/u;

/**
 * The `lang` for text people typed (vacancy titles, employer names, places, event names, descriptions) shown on a page
 * in another language (WCAG 3.1.2): on an English page, text with Chinese characters is marked zh-CN so screen
 * readers switch voice; on a Chinese page nothing is needed. Use as `<span lang={contentLang(locale, text)}>`.
 */
export function contentLang(locale: Locale, text: string | null | undefined): "zh-CN" | undefined {
  return locale !== "zh-CN" && text && HAN.test(text) ? "zh-CN" : undefined;
}
