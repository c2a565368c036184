import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import {
  ACCOMMODATIONS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  explain,
  JOB_CATEGORIES,
  label,
  ORGANIZATION_TYPES,
  TASK_DEMANDS,
} from "~/domain/catalog";
import { formatCalendarDate, formatDay, formatPay } from "~/domain/vacancies/format";
import { getPublicVacancy } from "~/domain/vacancies/vacancies.server";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data?.vacancy.title ?? t("vacancies.list.title")} - ${t("site.titleSuffix")}` }];
};

// Public: visitors see open, filled and closed vacancies of verified organizations; members also see drafts.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const viewer = auth ? { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode } : null;
  const vacancy = await getPublicVacancy(await getDb(), viewer, params.id ?? "");
  return { vacancy, viewerRole: auth?.user.role ?? null };
}

export default function VacancyPage() {
  const { t, locale } = useI18n();
  const { vacancy: v, viewerRole } = useLoaderData<typeof loader>();
  const applyPath = `/vacancies/${v.id}/apply`;
  const statusLabel = v.expired ? t("vacancies.status.expired") : t(`vacancies.status.${v.status}`);
  const paragraphs = v.description.split(/\n+/).filter((p) => p.trim());
  const details: [string, string][] = [
    [t("vacancies.view.pay"), formatPay(t, locale, v.payMin, v.payMax)],
    [t("vacancies.view.place"), [v.place, v.address].filter(Boolean).join(" ")],
    [t("vacancies.view.remote"), v.remote ? t("vacancies.remote") : t("vacancies.onSite")],
    [t("vacancies.view.employmentType"), label(EMPLOYMENT_TYPES, v.employmentType, locale)],
    [t("vacancies.view.category"), label(JOB_CATEGORIES, v.category, locale)],
    [t("vacancies.view.education"), label(EDUCATION_LEVELS, v.educationRequired, locale)],
    [t("vacancies.view.hours"), v.hours || t("vacancies.view.notStated")],
    [t("vacancies.view.openings"), t("vacancies.openingsValue", { count: v.openings })],
    [t("vacancies.view.skills"), v.skills.length ? v.skills.join(locale === "en" ? ", " : "、") : t("vacancies.view.notStated")],
    [
      t("trainingProfile.vacancy.certificates"),
      v.requiredCertificates.length ? v.requiredCertificates.join(locale === "en" ? ", " : "、") : t("trainingProfile.vacancy.certificatesNone"),
    ],
    [t("vacancies.view.closingDate"), v.closingDate ? formatCalendarDate(locale, v.closingDate) : t("vacancies.view.noClosingDate")],
    ...(v.publishedAt ? ([[t("vacancies.view.published"), formatDay(locale, v.publishedAt)]] as [string, string][]) : []),
  ];

  return (
    <article className="max-w-3xl">
      <p className="mb-4">
        <Link to="/vacancies">{t("vacancies.view.backToList")}</Link>
      </p>
      {v.isMember && v.status === "draft" ? <p className="notice">{t("vacancies.view.draftNotice")}</p> : null}
      {v.isMember && v.status !== "draft" && !v.isPublic ? (
        <p className="notice">{t("vacancies.view.hiddenNotice")}</p>
      ) : null}
      <h1 className="page-title">{v.title}</h1>
      <p className="lead">
        {v.organization.name} · {v.place}
      </p>
      <p className="mb-4">
        <span className="inline-block rounded border-2 border-fg px-2 font-bold">{statusLabel}</span>
      </p>
      {v.quotaEligible ? (
        <div className="notice">
          <p className="flex items-center gap-2 font-bold">
            <Icon name="check" />
            {t("vacancies.quota.badge")}
          </p>
          <p>{t("vacancies.quota.explain")}</p>
        </div>
      ) : null}
      {v.isMember ? (
        <nav aria-label={t("vacancies.view.manage")} className="card mb-6">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link to={`/employer/vacancies/${v.id}/edit`}>{t("vacancies.view.edit")}</Link>
            </li>
            <li>
              <Link to={`/employer/vacancies/${v.id}/applicants`}>{t("vacancies.view.applicants")}</Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="section-title">
          {t("vacancies.view.details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {details.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="accommodations-title">
        <h2 id="accommodations-title" className="section-title">
          {t("vacancies.view.accommodations")}
        </h2>
        {v.accommodations.length === 0 ? (
          <p>{t("vacancies.view.accommodations.none")}</p>
        ) : (
          <ul className="grid gap-3">
            {v.accommodations.map((code) => {
              const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
              return (
                <li key={code} className="flex items-start gap-3">
                  {icon ? <Icon name={icon} className="mt-0.5 h-7 w-7 shrink-0" /> : null}
                  <div>
                    <p className="font-bold">{label(ACCOMMODATIONS, code, locale)}</p>
                    <p className="text-muted">{explain(ACCOMMODATIONS, code, locale)}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="demands-title">
        <h2 id="demands-title" className="section-title">
          {t("vacancies.view.demands")}
        </h2>
        {v.demands.length === 0 ? (
          <p>{t("vacancies.view.demands.none")}</p>
        ) : (
          <>
            <p>{t("vacancies.view.demands.intro")}</p>
            <ul className="list-disc pl-6">
              {v.demands.map((code) => (
                <li key={code}>{label(TASK_DEMANDS, code, locale)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="description-title">
        <h2 id="description-title" className="section-title">
          {t("vacancies.view.description")}
        </h2>
        {paragraphs.map((p, i) => (
          <p key={i} className="mb-3">
            {p}
          </p>
        ))}
      </section>

      <section aria-labelledby="organization-title">
        <h2 id="organization-title" className="section-title">
          {t("vacancies.view.organization")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("vacancies.view.organization")}</dt>
          <dd>{v.organization.name}</dd>
          <dt className="font-bold">{t("vacancies.view.orgType")}</dt>
          <dd>{label(ORGANIZATION_TYPES, v.organization.type, locale)}</dd>
          <dt className="font-bold">{t("vacancies.view.orgPlace")}</dt>
          <dd>{v.organization.place}</dd>
        </dl>
      </section>

      <section aria-labelledby="apply-title" className="card mt-8">
        <h2 id="apply-title" className="section-title mt-0">
          {t("vacancies.view.apply")}
        </h2>
        {!v.accepting ? (
          <p>{t("vacancies.view.apply.closed")}</p>
        ) : viewerRole === "seeker" ? (
          <>
            <p className="mb-3">{t("vacancies.view.apply.seeker")}</p>
            <p>
              <Link to={applyPath} className="button">
                {t("vacancies.view.apply.button")}
              </Link>
            </p>
          </>
        ) : viewerRole === null ? (
          <>
            <p className="mb-3">{t("vacancies.view.apply.visitor")}</p>
            <p className="flex flex-wrap gap-4">
              <Link to={`/login?redirectTo=${encodeURIComponent(applyPath)}`} className="button">
                {t("vacancies.view.apply.signIn")}
              </Link>
              <Link to="/register" className="button button-secondary">
                {t("vacancies.view.apply.register")}
              </Link>
            </p>
          </>
        ) : (
          <p>{t("vacancies.view.apply.otherRole")}</p>
        )}
      </section>
    </article>
  );
}
