import { Transform } from "node:stream";

/**
 * A pass-through for the HTML stream that drops NUL bytes.
 *
 * React 18.3's `renderToPipeableStream` encodes into 2048-byte views; when a multi-byte character does not fit at the
 * end of a view it flushes the whole view, unused zero bytes included (react#24985, react#31134). Chinese text puts a
 * stray "\u0000" into the page wherever a character happens to straddle that boundary — into an input's value, for
 * one. A NUL byte is never part of a UTF-8 multi-byte sequence and never belongs in our HTML, so dropping every one
 * restores the intended bytes exactly.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      callback(null, bytes.includes(0) ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes);
    },
  });
}
