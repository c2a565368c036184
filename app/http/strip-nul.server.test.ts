import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { stripNulBytes } from "./strip-nul.server";

/** Renders like app/entry.server.tsx does and returns the HTML as text, through `through`. */
function render(element: Parameters<typeof renderToPipeableStream>[0], through: () => NodeJS.ReadWriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const out = through();
        pipe(out as unknown as NodeJS.WritableStream);
        text(out as unknown as NodeJS.ReadableStream).then(resolve, reject);
      },
      onError: reject,
    });
  });
}

describe("stripNulBytes", () => {
  // Mostly Chinese text, shifted by a few ASCII bytes, so React's 2048-byte views end inside a character.
  const pages = Array.from({ length: 3 }, (_, pad) =>
    createElement("div", null, ...Array.from({ length: 40 }, (_, i) => createElement("input", { key: i, defaultValue: `${"x".repeat(pad)}${"杨光".repeat(10)}`, readOnly: true }))),
  );

  it("React's stream alone puts NUL characters into Chinese pages (the bug this works around)", async () => {
    const outputs = await Promise.all(pages.map((p) => render(p, () => new PassThrough())));
    expect(outputs.some((html) => html.includes("\u0000"))).toBe(true);
  });

  it("through it, no NUL is left and every character is intact", async () => {
    for (const page of pages) {
      const html = await render(page, stripNulBytes);
      expect(html).not.toContain("\u0000");
      expect(html).not.toContain("\uFFFD");
      expect(html.match(/杨光/g)).toHaveLength(400);
    }
  });
});
