import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import "./i18n/catalogs.server";
import { NonceProvider } from "./components/nonce";
import { stripNulBytes } from "./http/strip-nul.server";
import { isDatabaseUnavailable, markDatabaseDown } from "../db/health";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  // The page is rendered whole (onAllReady: no route defers data) and sent in one write with its length: fewer
  // syscalls and one compression pass instead of one per 2 KB chunk (issue 16, decision 017). Bots got this before.
  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = stripNulBytes();
          const chunks: Buffer[] = [];
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            clearTimeout(timer);
            const html = Buffer.concat(chunks);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(html.length));
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
          });
          body.on("error", reject);
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    // A render still waiting after this long is cut short; the timer is cleared when the page is done, so it holds
    // no finished render in memory.
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  // A lost database connection is one logged line (db/health.ts), not a stack per request; the server answers 503.
  if (isDatabaseUnavailable(error)) {
    if (context.failure) context.failure.databaseUnavailable = true;
    markDatabaseDown(error);
    return;
  }
  // A 404 or 405 (a POST to a page without an action) is the visitor's mistake, answered as such: logging each would
  // let anyone fill the log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}
