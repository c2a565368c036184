import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale } from "./i18n/i18n";
import { loadCatalog } from "./i18n/load-catalog";

/**
 * With single fetch, `RemixBrowser` suspends at the top of the tree until the page's data stream is decoded. A key
 * press or click in that window makes React hydrate synchronously, and a synchronous render that meets a suspension
 * with no boundary above it ends in React error #345 ("Root did not complete") and a page left unhydrated (seen in
 * CI on a Tab pressed right after load, about one load in twenty). So the decoding is started and awaited before
 * hydrating: called outside React, `RemixBrowser` throws the decoding promise before it touches any hook, and once
 * that settles its first render inside React does not suspend.
 */
async function stateDecoded(): Promise<void> {
  const context = (window as unknown as { __remixContext?: { future?: { v3_singleFetch?: boolean }; stream?: unknown } }).__remixContext;
  if (!context?.future?.v3_singleFetch || !context.stream) return;
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (thrown) {
    if (thrown && typeof (thrown as PromiseLike<unknown>).then === "function") await thrown;
  }
}

// Only the page's language is fetched, before hydrating, so the first render matches the server's HTML.
const lang = document.documentElement.lang;
void Promise.all([loadCatalog(isLocale(lang) ? lang : DEFAULT_LOCALE), stateDecoded()]).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
