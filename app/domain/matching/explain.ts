/**
 * How a match is explained in words (design §5 rule 3), one wording wherever a match is shown: search results,
 * recommendations, a counselor's matches, the vacancy page and the employer's candidates. The rules stay in
 * matching.ts; this only says what they found, so that a card never claims more than its reasons show:
 *
 * - "fits"   — eligible and nothing left to ask: "符合您填写的需要";
 * - "mostly" — eligible, but something the seeker should check with the employer (a skill the vacancy asks for that
 *              the profile does not list, pay below their expectation, a higher education asked): "大部分符合，有 N 项需要确认";
 * - "not"    — not eligible (a needed accommodation not offered, a task they said they cannot do, a certificate
 *              they lack, or a place further than they accept): "有 N 项不符合您填写的需要".
 *
 * The score is not part of the wording: it only orders results, and a number out of 100 claims a precision the
 * rules do not have.
 *
 * `compact` (cards in a list): what does not fit and what to ask stay named line by line, as in the full form; what
 * fits is one short line ("符合：您需要的无障碍通道；可以远程办公；月薪期望"), the vacancy page says it in full.
 */
import { ACCOMMODATIONS, label, TASK_DEMANDS } from "../catalog";
import type { Locale, MessageKey, Translate } from "~/i18n/i18n";
import type { MatchReasons } from "./matching";

export type Verdict = "fits" | "mostly" | "not";
/** A line's tone: what fits, what to check with the employer, what does not fit. */
export type Tone = "fits" | "ask" | "not";

export interface ExplainedLine {
  key: string;
  tone: Tone;
  text: string;
  /** The part of `text` people typed (skill and certificate names), for a page to mark with its language. */
  typed?: string;
}

export interface Explanation {
  verdict: Verdict;
  /** The one-line verdict, e.g. "大部分符合，有 1 项需要确认". */
  summary: string;
  /** Not fitting first, then what to ask, then what fits. */
  lines: ExplainedLine[];
  /** How many things to check with the employer, and how many do not fit. */
  askCount: number;
  notCount: number;
}

/** The verdict alone, for code that needs no words (filters, counts). */
export function verdictOf(match: { eligible: boolean; reasons: MatchReasons }): { verdict: Verdict; askCount: number; notCount: number } {
  const r = match.reasons;
  const notCount = r.unmetNeeds.length + r.conflictingDemands.length + (r.certificatesMissing?.length ?? 0) + (r.place === null ? 1 : 0);
  const askCount = r.skillsMissing.length + (r.payFits === false ? 1 : 0) + (r.educationFits ? 0 : 1);
  // Ineligible without a named reason cannot happen (eligibility is exactly these reasons); counted as one if it did.
  if (!match.eligible || notCount > 0) return { verdict: "not", askCount, notCount: Math.max(1, notCount) };
  return { verdict: askCount > 0 ? "mostly" : "fits", askCount, notCount: 0 };
}

function plural(count: number, one: MessageKey, other: MessageKey): MessageKey {
  return count === 1 ? one : other;
}

/** The match in words for the seeker ("您" is the seeker; a counselor's page says so above the cards). */
export function explainMatch(
  t: Translate,
  locale: Locale,
  match: { eligible: boolean; reasons: MatchReasons },
  { compact = false }: { compact?: boolean } = {},
): Explanation {
  const r = match.reasons;
  const sep = t("search.listSeparator");
  const acc = (codes: readonly string[]) => codes.map((c) => label(ACCOMMODATIONS, c, locale)).join(sep);
  const dem = (codes: readonly string[]) => codes.map((c) => label(TASK_DEMANDS, c, locale)).join(sep);
  const { verdict, askCount, notCount } = verdictOf(match);

  const not: ExplainedLine[] = [];
  if (r.unmetNeeds.length) not.push({ key: "unmet", tone: "not", text: t("search.reason.unmet", { list: acc(r.unmetNeeds) }) });
  if (r.conflictingDemands.length) not.push({ key: "conflicts", tone: "not", text: t("search.reason.conflicts", { list: dem(r.conflictingDemands) }) });
  if (r.certificatesMissing?.length) {
    const typed = r.certificatesMissing.join(sep);
    not.push({ key: "certificates", tone: "not", text: t("trainingProfile.reason.certificatesMissing", { list: typed }), typed });
  }
  if (r.place === null) not.push({ key: "place", tone: "not", text: t("search.reason.place.none") });

  const ask: ExplainedLine[] = [];
  if (r.skillsMissing.length) {
    const typed = r.skillsMissing.join(sep);
    ask.push({ key: "skills-missing", tone: "ask", text: t("search.reason.skillsMissing", { list: typed }), typed });
  }
  if (r.payFits === false) ask.push({ key: "pay", tone: "ask", text: t("search.reason.payLow") });
  if (!r.educationFits) ask.push({ key: "education", tone: "ask", text: t("search.reason.educationLow") });

  const fits: ExplainedLine[] = [];
  if (compact) {
    const parts: string[] = [];
    if (r.needsMet.length) parts.push(t("search.fits.needs", { list: acc(r.needsMet) }));
    if (r.preferredMet.length) parts.push(t("search.fits.preferred", { list: acc(r.preferredMet) }));
    if (r.place) parts.push(t(`search.fits.place.${r.place}`));
    if (r.skillsMatched.length) parts.push(t("search.fits.skills"));
    if (r.payFits === true) parts.push(t("search.fits.pay"));
    if (parts.length) fits.push({ key: "fits", tone: "fits", text: t("search.fits", { list: parts.join(t("search.fits.separator")) }) });
  } else {
    if (r.needsMet.length) fits.push({ key: "needs", tone: "fits", text: t("search.reason.needsMet", { list: acc(r.needsMet) }) });
    if (r.preferredMet.length) fits.push({ key: "preferred", tone: "fits", text: t("search.reason.preferredMet", { list: acc(r.preferredMet) }) });
    if (r.place) fits.push({ key: "place", tone: "fits", text: t(`search.reason.place.${r.place}`) });
    if (r.skillsMatched.length) {
      const typed = r.skillsMatched.join(sep);
      fits.push({ key: "skills", tone: "fits", text: t("search.reason.skillsMatched", { list: typed }), typed });
    }
    if (r.payFits === true) fits.push({ key: "pay", tone: "fits", text: t("search.reason.payFits") });
  }

  const summary =
    verdict === "fits"
      ? t("search.verdict.fits")
      : verdict === "mostly"
        ? t(plural(askCount, "search.verdict.mostly.one", "search.verdict.mostly.other"), { count: askCount })
        : askCount
          ? t(plural(notCount, "search.verdict.notAndAsk.one", "search.verdict.notAndAsk.other"), { count: notCount, ask: askCount })
          : t(plural(notCount, "search.verdict.not.one", "search.verdict.not.other"), { count: notCount });
  return { verdict, summary, lines: [...not, ...ask, ...fits], askCount, notCount };
}
