/** English strings of edge.ts: every key of the Chinese catalog (the type checker enforces it). A file of its own so the browser loads one language. */
import type { zh } from "../edge";

export const en: Record<keyof typeof zh, string> = {
  "edge.backHome": "Back to the home page",
  "edge.goBack": "Please go back, check what you entered and send it again.",
  "edge.status": "Error code: {status}",
  "edge.body_too_large.title": "What you sent is too large",
  "edge.body_too_large.text": "This submission is larger than the site accepts. Nothing was saved.",
  "edge.unsupported_media_type.title": "What you sent cannot be read",
  "edge.unsupported_media_type.text": "This address only accepts what a web form sends. Nothing was saved.",
  "edge.malformed_body.title": "What you sent is incomplete",
  "edge.malformed_body.text": "The form could not be read; it may have been cut off on the way. Nothing was saved.",
  "edge.too_many_fields.title": "Too many fields",
  "edge.too_many_fields.text": "This submission has more fields than the site accepts. Nothing was saved.",
  "edge.index_too_large.title": "A list is too long",
  "edge.index_too_large.text": "A list in the form has more than 1,000 rows. Nothing was saved.",
  "edge.name_too_long.title": "A field name is too long",
  "edge.name_too_long.text": "A field in the form has a name longer than 200 characters. Nothing was saved.",
  "edge.nul_byte.title": "What you sent contains an invalid character",
  "edge.nul_byte.text": "The text or the address contains a null character (NUL), which the site cannot store. Remove it and send again.",
  "edge.bad_path.title": "Invalid address",
  "edge.bad_path.text": "This address contains characters that cannot be read. Check the address, or go back to the home page.",
  "edge.unavailable.title": "The service is unavailable for a moment",
  "edge.unavailable.text": "The site cannot reach its database right now, so what you did was not completed or saved. Please wait a moment and reload the page.",
  "edge.unavailable.help": "If it goes on, call the disability services helpline 12385.",
};
