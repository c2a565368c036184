import { Link, useRouteLoaderData } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { ACCOMMODATIONS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
import { explainMatch, type Tone } from "~/domain/matching/explain";
import type { MatchInfo } from "~/domain/search/search.server";

/** What a page needs of a match to say it in words (the score only orders results: it is not sent). */
export type CardMatch = Pick<MatchInfo, "eligible" | "reasons">;
import { formatPay } from "~/domain/vacancies/format";
import type { Locale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export interface VacancyCardData {
  id: string;
  title: string;
  organizationName: string;
  place: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  employmentType: string;
  accommodations: string[];
  demands: string[];
  quotaEligible: boolean;
  match: CardMatch | null;
}

function list(codes: readonly string[], terms: typeof ACCOMMODATIONS | typeof TASK_DEMANDS, locale: Locale, sep: string) {
  return codes.map((c) => label(terms, c, locale)).join(sep);
}

/*
 * Lines that start with an icon: "icon-lead i-NAME" on the element (or "i-NAME" on an item of an "icon-list") draws
 * the icon before its words (app/styles/icons.css), at the first line when they wrap; the element holds only its
 * words (one child at most: it is a flex row).
 */
const TONE_ICON: Record<Tone, "i-check" | "i-info" | "i-cross"> = { fits: "i-check", ask: "i-info", not: "i-cross" };
const TONE_CLASS: Record<Tone, string> = { fits: "text-ok", ask: "", not: "text-danger" };

/** The match's verdict in one line: "符合您填写的需要", "大部分符合，有 1 项需要确认" or "有 2 项不符合您填写的需要". */
export function MatchSummary({ match, className = "" }: { match: CardMatch; className?: string }) {
  const { t, locale } = useI18n();
  const e = explainMatch(t, locale, match);
  const tone: Tone = e.verdict === "fits" ? "fits" : e.verdict === "mostly" ? "ask" : "not";
  return <p className={[`icon-lead ${TONE_ICON[tone]} font-bold`, TONE_CLASS[tone], className].filter(Boolean).join(" ")}>{e.summary}</p>;
}

/** A reason's words, the typed names in it (skills, certificates) marked with their language on an English page. */
function LineText({ text, typed }: { text: string; typed?: string }) {
  const { locale } = useI18n();
  const lang = contentLang(locale, typed);
  const at = typed && lang ? text.indexOf(typed) : -1;
  if (at < 0) return text;
  return (
    <span>
      {text.slice(0, at)}
      <span lang={lang}>{typed}</span>
      {text.slice(at + typed!.length)}
    </span>
  );
}

/**
 * Why a vacancy suits (or does not suit) the seeker, in words (design §5 rule 3): what does not fit first, then what
 * to check with the employer, then what fits. The same wording everywhere (app/domain/matching/explain.ts); `compact`
 * (a card in a list) says what fits in one line.
 */
export function MatchReasonsList({ match, compact = false, className = "" }: { match: CardMatch; compact?: boolean; className?: string }) {
  const { t, locale } = useI18n();
  const { lines } = explainMatch(t, locale, match, { compact });
  return (
    <ul className={`icon-list grid gap-1 *:gap-2 ${className}`}>
      {lines.map((l) => (
        <li key={`${l.tone}-${l.key}`} className={TONE_ICON[l.tone]}>
          <LineText text={l.text} typed={l.typed} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A quota-eligible vacancy. For the seeker (and visitors) it says what it means for them — a contract of a year or
 * more, social insurance, at least the minimum wage (quota-rules.md §1.2 第七条); employers and staff read the
 * compliance term they work with. `short` for cards, where it repeats down a list.
 */
export function QuotaNote({ className = "", short = false }: { className?: string; short?: boolean }) {
  const { t } = useI18n();
  const root = useRouteLoaderData<{ user: { role: string } | null }>("root");
  const role = root?.user?.role;
  const forSeeker = !role || role === "seeker";
  return (
    <p className={`icon-lead i-check text-ok ${className}`}>
      {forSeeker ? t(short ? "vacancies.quota.seekerShort" : "vacancies.quota.seeker") : t("vacancies.quota.badge")}
    </p>
  );
}

/**
 * One vacancy in a list: the facts a seeker decides on, and for a seeker, whether and why it suits them. `n`, the
 * card's place in a list of them, makes its heading's id short ("v3"); without it the id is the vacancy's.
 */
export function VacancyCard({ v, headingLevel = 3, n }: { v: VacancyCardData; headingLevel?: 2 | 3; n?: number }) {
  const { t, locale } = useI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sep = t("search.listSeparator");
  const headingId = n == null ? `vacancy-${v.id}` : `v${n}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <Heading id={headingId} className="mb-2 text-xl font-bold">
        <Link to={`/vacancies/${v.id}`} lang={contentLang(locale, v.title)}>
          {v.title}
        </Link>
      </Heading>
      {v.match ? <MatchSummary match={v.match} className="mb-2" /> : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr] [&>dt]:font-bold">
        <dt>{t("vacancies.list.organization")}</dt>
        <dd lang={contentLang(locale, v.organizationName)}>{v.organizationName}</dd>
        <dt>{t("vacancies.list.place")}</dt>
        <dd>
          <span lang={contentLang(locale, v.place)}>{v.place}</span>
          {v.remote ? t("vacancies.remoteSuffix") : ""}
        </dd>
        <dt>{t("vacancies.list.pay")}</dt>
        <dd>{`${formatPay(t, locale, v.payMin, v.payMax)} · ${label(EMPLOYMENT_TYPES, v.employmentType, locale)}`}</dd>
        <dt>{t("vacancies.list.accommodations")}</dt>
        <dd>
          {v.accommodations.length === 0 ? (
            t("vacancies.list.noAccommodations")
          ) : (
            <ul className="icon-list flex flex-wrap gap-x-3 gap-y-1">
              {v.accommodations.map((code) => {
                const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
                return (
                  <li key={code} className={icon && `i-${icon}`}>
                    {label(ACCOMMODATIONS, code, locale)}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        {v.demands.length ? (
          <>
            <dt>{t("search.demands")}</dt>
            <dd>{list(v.demands, TASK_DEMANDS, locale, sep)}</dd>
          </>
        ) : null}
      </dl>
      {/* Short on a card (it repeats down the list); the vacancy page says it in full. */}
      {v.quotaEligible ? <QuotaNote className="mt-2" short /> : null}
      {/* The reasons belong to this card's heading; not a landmark of its own (20 cards would make 20 alike). */}
      {v.match ? <MatchReasonsList match={v.match} compact className="mt-3 border-t border-line pt-2" /> : null}
    </article>
  );
}
