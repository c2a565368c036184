/** English strings of security.ts: every key of the Chinese catalog (the type checker enforces it). A file of its own so the browser loads one language. */
import type { zh } from "../security";

export const en: Record<keyof typeof zh, string> = {
  "nav.security": "Security events",

  "security.title": "Security events",
  "security.lead":
    "Tries in the last {days} days to save an ID or disability certificate number that belongs to another account, in {region} (where the account that tried, or the account the number belongs to, lives). Someone may be checking whether a person is registered here, or someone's documents may have been used by another. Please check and follow up.",
  "security.limits":
    "The person who tried is only told that the number cannot be saved, not that or by whom it is registered. An account may try at most {perAccount} times a day, and a network address at most {perIp} times; after that no new ID or certificate number can be saved for a while.",
  "security.audited": "Your viewing of this page is recorded in the audit log.",
  "security.list": "Identifier collisions",
  "security.count": "{total} in all, newest first.",
  "security.empty": "None in the last {days} days.",
  "security.col.at": "When",
  "security.col.account": "Account that tried",
  "security.col.field": "Document",
  "security.col.number": "Number (first 4 and last 4 characters only)",
  "security.col.region": "Account's current residence",
  "security.col.ip": "Network address",
  "security.col.tries": "Tries by this account in {days} days",
  "security.field.id_number": "ID number",
  "security.field.certificate_number": "Disability certificate number",
  "security.account.deleted": "Account deleted",
  "security.account.noName": "No name given",
  "security.none": "Not given",
};
