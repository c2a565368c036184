import { Link } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { Fact } from "~/components/easy-read/easy-page";
import { counted } from "~/components/easy-read/easy-read";
import { ACCOMMODATIONS, label, TASK_DEMANDS } from "~/domain/catalog";
import type { CardMatch } from "~/components/vacancy-card";
import { formatYuan } from "~/domain/vacancies/format";
import type { Locale, Translate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { verdictOf } from "~/domain/matching/explain";

/** Pay said simply: "每个月 3000 到 4500 元". */
export function easyPay(t: Translate, locale: Locale, min: number, max: number): string {
  return min === max
    ? t("easyRead.pay.single", { amount: formatYuan(locale, min) })
    : t("easyRead.pay.range", { min: formatYuan(locale, min), max: formatYuan(locale, max) });
}

/**
 * Whether a job suits the seeker, in easy words: the verdict on one line with a picture, then what rules it out and,
 * with `details`, what to ask the employer (the same reasons as the full page, from the one matching wording).
 */
export function MatchLines({ match, details }: { match: CardMatch; details?: boolean }) {
  const { t, locale } = useI18n();
  const sep = t("search.listSeparator");
  const r = match.reasons;
  const { verdict, askCount } = verdictOf(match);
  const not: string[] = [];
  if (r.unmetNeeds.length) not.push(t("easyRead.vacancy.reason.unmet", { list: r.unmetNeeds.map((c) => label(ACCOMMODATIONS, c, locale)).join(sep) }));
  if (r.conflictingDemands.length) not.push(t("easyRead.vacancy.reason.conflicts", { list: r.conflictingDemands.map((c) => label(TASK_DEMANDS, c, locale)).join(sep) }));
  if (r.certificatesMissing?.length) not.push(t("easyRead.vacancy.reason.certificates", { list: r.certificatesMissing.join(sep) }));
  if (r.place === null) not.push(t("easyRead.vacancy.reason.place"));
  const ask: string[] = [];
  if (r.skillsMissing.length) ask.push(t("easyRead.vacancy.ask.skills", { list: r.skillsMissing.join(sep) }));
  if (r.payFits === false) ask.push(t("easyRead.vacancy.ask.pay"));
  if (!r.educationFits) ask.push(t("easyRead.vacancy.ask.education"));
  return (
    <div className="easy-match">
      <Fact icon={verdict === "not" ? "cross" : "check"} tone={verdict === "not" ? "not" : "ok"}>
        <strong>{t(verdict === "fits" ? "easyRead.vacancy.fits" : verdict === "mostly" ? "easyRead.vacancy.mostly" : "easyRead.vacancy.notFits")}</strong>
      </Fact>
      {not.length ? (
        <ul className="easy-lines">
          {not.map((line) => (
            <li key={line} className="easy-fact text-danger">
              <EasyIcon name="cross" />
              <span>{line}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {verdict === "mostly" && !details ? <Fact icon="info">{counted(t, "easyRead.vacancy.askCount", askCount)}</Fact> : null}
      {details && ask.length ? (
        <ul className="easy-lines">
          {ask.map((line) => (
            <li key={line} className="easy-fact">
              <EasyIcon name="info" />
              <span>{line}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface EasyCardVacancy {
  id: string;
  title: string;
  organizationName: string;
  place: string;
  remote: boolean;
  payMin: number;
  payMax: number;
  accommodations: string[];
  match: CardMatch | null;
}

/** How many kinds of help a card names before "and N more": the page itself lists them all. */
const HELP_SHOWN = 4;

/** One job in the easy-read list: its name as the one link, then where, pay and employer, each on its own line. */
export function EasyVacancyCard({ v }: { v: EasyCardVacancy }) {
  const { t, locale } = useI18n();
  const shown = v.accommodations.slice(0, HELP_SHOWN);
  return (
    <article className="easy-card" aria-labelledby={`vacancy-${v.id}`}>
      <h3 id={`vacancy-${v.id}`} className="easy-card-title">
        <Link to={`/vacancies/${v.id}`} lang={contentLang(locale, v.title)}>
          {v.title}
        </Link>
      </h3>
      {v.match ? <MatchLines match={v.match} /> : null}
      <Fact icon="place" label={t("easyRead.vacancy.place")}>
        <span lang={contentLang(locale, v.place)}>{v.place}</span>
      </Fact>
      {v.remote ? <Fact icon="home">{t("easyRead.vacancy.remote")}</Fact> : null}
      <Fact icon="money" label={t("easyRead.vacancy.pay")}>
        {easyPay(t, locale, v.payMin, v.payMax)}
      </Fact>
      <Fact icon="building" label={t("easyRead.vacancy.employer")}>
        <span lang={contentLang(locale, v.organizationName)}>{v.organizationName}</span>
      </Fact>
      {shown.length ? (
        <>
          <p className="mt-2 font-bold">{t("easyRead.vacancy.help")}</p>
          <ul className="easy-help-list">
            {shown.map((code) => (
              <li key={code}>
                <EasyIcon name={ACCOMMODATIONS.find((a) => a.code === code)?.icon ?? "check"} />
                <span>{label(ACCOMMODATIONS, code, locale)}</span>
              </li>
            ))}
          </ul>
          {v.accommodations.length > HELP_SHOWN ? <p>{counted(t, "easyRead.vacancy.helpMore", v.accommodations.length - HELP_SHOWN)}</p> : null}
        </>
      ) : null}
    </article>
  );
}
