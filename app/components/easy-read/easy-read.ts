/**
 * What the easy-read pages decide before they draw anything (pure, so it is unit-tested): which one main action a
 * page shows first. The full pages show every case in their own places; an easy-read page shows the one that
 * applies, at the top.
 */
import type { Translate } from "~/i18n/i18n";

export type VacancyAction = "apply" | "applied" | "signIn" | "otherRole" | "closed";

/**
 * The vacancy page's main action: a seeker who applied already sees their application (whatever the job's state
 * now); then a closed job says so; then apply (a seeker), sign in first (a visitor), or nothing for other roles.
 */
export function vacancyAction(accepting: boolean, viewerRole: string | null, applied = false): VacancyAction {
  if (applied) return "applied";
  if (!accepting) return "closed";
  if (viewerRole === null) return "signIn";
  return viewerRole === "seeker" ? "apply" : "otherRole";
}

export type EventAction =
  | "cancelled"
  | "ended"
  | "staff"
  | "employer"
  | "competition"
  | "registered"
  | "waitlisted"
  | "closed"
  | "signIn"
  | "notEligible"
  | "join"
  | "joinWaitlist";

export interface EventActionInput {
  status: string;
  ended: boolean;
  competition: boolean;
  registrationOpen: boolean;
  seatsLeft: number;
  viewer:
    | { role: "visitor" }
    | { role: "seeker"; eligible: boolean; registration: { status: string } | null }
    | { role: "employer" }
    | { role: "staff" };
}

/**
 * The event page's main action, in the order the full page decides it: staff and employers act on the full page, a
 * competition has its own section; a seeker's existing place comes before whether registration is still open (they
 * may still cancel); then cancelled, ended and closed events; then signing in, the graduate rule, and joining —
 * straight in while seats are left, otherwise onto the waiting list.
 */
export function eventAction(e: EventActionInput): EventAction {
  const v = e.viewer;
  if (v.role === "staff") return "staff";
  if (e.competition) return "competition";
  if (v.role === "employer") return "employer";
  if (v.role === "seeker" && v.registration) return v.registration.status === "waitlisted" ? "waitlisted" : "registered";
  if (e.status === "cancelled") return "cancelled";
  if (e.ended) return "ended";
  if (!e.registrationOpen) return "closed";
  if (v.role === "visitor") return "signIn";
  if (!v.eligible) return "notEligible";
  return e.seatsLeft > 0 ? "join" : "joinWaitlist";
}

/**
 * One sentence a line: a catalog text with two short sentences ("位子满了。您可以排队。") is shown as two lines.
 * Splits after 。！？ and after . ! ? followed by a space; never inside "name@example.com" or "12.5".
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Texts with a number that read differently for 1 ("1 place left", "1 job"): each has a ".one" twin in the catalog. */
export type Counted =
  | "easyRead.home.count"
  | "easyRead.search.count"
  | "easyRead.search.countEligible"
  | "easyRead.vacancy.helpMore"
  | "easyRead.vacancy.openings"
  | "easyRead.vacancy.askCount"
  | "easyRead.event.seats";

/** The text for a number: the ".one" twin for 1, else the text with the number in `{name}`. */
export function counted(t: Translate, key: Counted, n: number, name = "count"): string {
  return n === 1 ? t(`${key}.one`) : t(key, { [name]: n });
}
