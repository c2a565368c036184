import { Link, useRouteLoaderData } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { Icon } from "~/components/icon";
import { ACCOMMODATIONS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
import { explainMatch, type Tone } from "~/domain/matching/explain";
import type { MatchInfo } from "~/domain/search/search.server";
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
  match: MatchInfo | null;
}

function list(codes: readonly string[], terms: typeof ACCOMMODATIONS | typeof TASK_DEMANDS, locale: Locale, sep: string) {
  return codes.map((c) => label(terms, c, locale)).join(sep);
}

/** An icon at the first line of text that may wrap. */
const LINE_ICON = "inline-block h-[1.25em] w-[1.25em] shrink-0 mt-[0.2em]";
const TONE_ICON: Record<Tone, "check" | "info" | "cross"> = { fits: "check", ask: "info", not: "cross" };
const TONE_CLASS: Record<Tone, string> = { fits: "text-ok", ask: "", not: "text-danger" };

/** The match's verdict in one line: "符合您填写的需要", "大部分符合，有 1 项需要确认" or "有 2 项不符合您填写的需要". */
export function MatchSummary({ match, className = "" }: { match: MatchInfo; className?: string }) {
  const { t, locale } = useI18n();
  const e = explainMatch(t, locale, match);
  const tone: Tone = e.verdict === "fits" ? "fits" : e.verdict === "mostly" ? "ask" : "not";
  return (
    <p className={`flex items-start gap-1 font-bold ${TONE_CLASS[tone]} ${className}`}>
      <Icon name={TONE_ICON[tone]} className={LINE_ICON} />
      <span>{e.summary}</span>
    </p>
  );
}

/** A reason's words, the typed names in it (skills, certificates) marked with their language on an English page. */
function LineText({ text, typed }: { text: string; typed?: string }) {
  const { locale } = useI18n();
  const lang = contentLang(locale, typed);
  const at = typed && lang ? text.indexOf(typed) : -1;
  if (at < 0) return <span>{text}</span>;
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
 * to check with the employer, then what fits. The same wording everywhere (app/domain/matching/explain.ts).
 */
export function MatchReasonsList({ match }: { match: MatchInfo }) {
  const { t, locale } = useI18n();
  const { lines } = explainMatch(t, locale, match);
  return (
    <ul className="grid gap-1">
      {lines.map((l) => (
        <li key={`${l.tone}-${l.key}`} className="flex items-start gap-2">
          <Icon name={TONE_ICON[l.tone]} className={LINE_ICON} />
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
    <p className={`flex items-start gap-1 text-ok ${className}`}>
      <Icon name="check" className={LINE_ICON} />
      <span>{forSeeker ? t(short ? "vacancies.quota.seekerShort" : "vacancies.quota.seeker") : t("vacancies.quota.badge")}</span>
    </p>
  );
}

/** One vacancy in a list: the facts a seeker decides on, and for a seeker, whether and why it suits them. */
export function VacancyCard({ v, headingLevel = 3 }: { v: VacancyCardData; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sep = t("search.listSeparator");
  return (
    <article className="card" aria-labelledby={`vacancy-${v.id}`}>
      <Heading id={`vacancy-${v.id}`} className="mb-2 text-xl font-bold">
        <Link to={`/vacancies/${v.id}`} lang={contentLang(locale, v.title)}>
          {v.title}
        </Link>
      </Heading>
      {v.match ? <MatchSummary match={v.match} className="mb-2" /> : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("vacancies.list.organization")}</dt>
        <dd lang={contentLang(locale, v.organizationName)}>{v.organizationName}</dd>
        <dt className="font-bold">{t("vacancies.list.place")}</dt>
        <dd>
          <span lang={contentLang(locale, v.place)}>{v.place}</span>
          {v.remote ? t("vacancies.remoteSuffix") : ""}
        </dd>
        <dt className="font-bold">{t("vacancies.list.pay")}</dt>
        <dd>
          {formatPay(t, locale, v.payMin, v.payMax)} · {label(EMPLOYMENT_TYPES, v.employmentType, locale)}
        </dd>
        <dt className="font-bold">{t("vacancies.list.accommodations")}</dt>
        <dd>
          {v.accommodations.length === 0 ? (
            t("vacancies.list.noAccommodations")
          ) : (
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {v.accommodations.map((code) => {
                const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
                return (
                  <li key={code} className="inline-flex items-center gap-1">
                    {icon ? <Icon name={icon} /> : null}
                    {label(ACCOMMODATIONS, code, locale)}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        {v.demands.length ? (
          <>
            <dt className="font-bold">{t("search.demands")}</dt>
            <dd>{list(v.demands, TASK_DEMANDS, locale, sep)}</dd>
          </>
        ) : null}
      </dl>
      {/* Short on a card (it repeats down the list); the vacancy page says it in full. */}
      {v.quotaEligible ? <QuotaNote className="mt-2" short /> : null}
      {/* The reasons belong to this card's heading; not a landmark of its own (20 cards would make 20 alike). */}
      {v.match ? (
        <div className="mt-3 border-t border-line pt-2">
          <MatchReasonsList match={v.match} />
        </div>
      ) : null}
    </article>
  );
}
