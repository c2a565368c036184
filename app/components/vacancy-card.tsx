import { Link } from "@remix-run/react";
import { Icon } from "~/components/icon";
import { ACCOMMODATIONS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
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

/** Why a vacancy suits (or does not suit) the seeker, in words (design §5 rule 3). */
export function MatchReasonsList({ match }: { match: MatchInfo }) {
  const { t, locale } = useI18n();
  const sep = t("search.listSeparator");
  const r = match.reasons;
  const lines: { key: string; text: string; ok: boolean }[] = [];
  if (r.unmetNeeds.length) lines.push({ key: "unmet", text: t("search.reason.unmet", { list: list(r.unmetNeeds, ACCOMMODATIONS, locale, sep) }), ok: false });
  if (r.conflictingDemands.length) lines.push({ key: "conflicts", text: t("search.reason.conflicts", { list: list(r.conflictingDemands, TASK_DEMANDS, locale, sep) }), ok: false });
  if (r.certificatesMissing?.length) lines.push({ key: "certificates", text: t("trainingProfile.reason.certificatesMissing", { list: r.certificatesMissing.join(sep) }), ok: false });
  if (r.place === null) lines.push({ key: "place", text: t("search.reason.place.none"), ok: false });
  if (r.needsMet.length) lines.push({ key: "needs", text: t("search.reason.needsMet", { list: list(r.needsMet, ACCOMMODATIONS, locale, sep) }), ok: true });
  if (r.preferredMet.length) lines.push({ key: "preferred", text: t("search.reason.preferredMet", { list: list(r.preferredMet, ACCOMMODATIONS, locale, sep) }), ok: true });
  if (r.place) lines.push({ key: "place", text: t(`search.reason.place.${r.place}`), ok: true });
  if (r.skillsMatched.length) lines.push({ key: "skills", text: t("search.reason.skillsMatched", { list: r.skillsMatched.join(sep) }), ok: true });
  if (r.skillsMissing.length) lines.push({ key: "missing", text: t("search.reason.skillsMissing", { list: r.skillsMissing.join(sep) }), ok: false });
  if (r.payFits === true) lines.push({ key: "pay", text: t("search.reason.payFits"), ok: true });
  if (r.payFits === false) lines.push({ key: "pay", text: t("search.reason.payLow"), ok: false });
  if (!r.educationFits) lines.push({ key: "edu", text: t("search.reason.educationLow"), ok: false });
  return (
    <ul className="grid gap-1">
      {lines.map((l) => (
        <li key={l.key} className="flex items-start gap-2">
          <Icon name={l.ok ? "check" : "cross"} />
          <span>{l.text}</span>
        </li>
      ))}
    </ul>
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
        <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
      </Heading>
      {v.match ? (
        <p className={`mb-2 inline-flex items-center gap-1 font-bold ${v.match.eligible ? "text-ok" : "text-danger"}`}>
          <Icon name={v.match.eligible ? "check" : "cross"} />
          {v.match.eligible ? t("search.fits") : t("search.notFits")}
          <span className="font-normal">· {t("search.score", { score: Math.round(v.match.score) })}</span>
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("vacancies.list.organization")}</dt>
        <dd>{v.organizationName}</dd>
        <dt className="font-bold">{t("vacancies.list.place")}</dt>
        <dd>
          {v.place}
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
            <ul className="flex flex-wrap gap-2">
              {v.accommodations.map((code) => {
                const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
                return (
                  <li key={code} className="inline-flex items-center gap-1 rounded border border-line px-2">
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
      {v.quotaEligible ? (
        <p className="mt-2 inline-flex items-center gap-1 text-ok">
          <Icon name="check" />
          {t("vacancies.quota.badge")}
        </p>
      ) : null}
      {v.match ? (
        <section className="mt-3 border-t border-line pt-2" aria-label={t("search.reasons")}>
          <MatchReasonsList match={v.match} />
        </section>
      ) : null}
    </article>
  );
}
