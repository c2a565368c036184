/**
 * A public page's routes export `headers = publicPageHeaders`: the server may then keep the page as a visitor without
 * a session sees it for this many seconds, emptied on every write (server/page-cache.ts; decision 017). Pages that
 * show anything particular to a visitor beyond the address, the language and the display modes must not use it.
 */
export const PUBLIC_PAGE_SECONDS = 10;

export const publicPageHeaders = () => ({ "X-Page-Cache": String(PUBLIC_PAGE_SECONDS) });
