import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { EasyVacancy } from "~/components/easy-read/easy-vacancy";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import { useDisplay } from "~/components/use-display";
import { MatchReasonsList, MatchSummary, QuotaNote } from "~/components/vacancy-card";
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
import { seekerVacancyView } from "~/domain/search/vacancy-fit.server";
import { getPublicVacancy } from "~/domain/vacancies/vacancies.server";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { publicPageHeaders } from "~/http/page-cache";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const t = translator(locale);
  if (!data) return [{ title: `${t("vacancies.list.title")} - ${t("site.titleSuffix")}` }];
  const v = data.vacancy;
  return [
    { title: `${v.title} - ${t("site.titleSuffix")}` },
    {
      name: "description",
      content: t("vacancies.view.metaDescription", { title: v.title, organization: v.organization.name, place: v.place, pay: formatPay(t, locale, v.payMin, v.payMax) }),
    },
  ];
};

// Public: visitors see open, filled and closed vacancies of verified organizations; members also see drafts.
// A signed-in seeker also gets their fit (the search's rules and words) and their application, if any.
// Public: a visitor without a session may be answered from the page cache (decision 017).
export const headers = publicPageHeaders;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const viewer = auth ? { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode } : null;
  const db = await getDb();
  const vacancy = await getPublicVacancy(db, viewer, params.id ?? "");
  const seeker = viewer?.role === "seeker" ? await seekerVacancyView(db, viewer, vacancy.id) : null;
  return { vacancy, viewerRole: auth?.user.role ?? null, match: seeker?.match ?? null, seeker };
}

export default function VacancyPage() {
  const { t, locale } = useI18n();
  const { vacancy: v, viewerRole, seeker } = useLoaderData<typeof loader>();
  const display = useDisplay();
  if (display.easyRead) return <EasyVacancy />;
  const applyPath = `/vacancies/${v.id}/apply`;
  const statusLabel = v.expired ? t("vacancies.status.expired") : t(`vacancies.status.${v.status}`);
  const paragraphs = v.description.split(/\n+/).filter((p) => p.trim());
  const lang = (text: string | null | undefined) => contentLang(locale, text);
  const sep = locale === "en" ? ", " : "、";
  // The whole record; pay and place are also at the top, where one decides.
  const details: [string, string, boolean][] = [
    [t("vacancies.view.pay"), formatPay(t, locale, v.payMin, v.payMax), false],
    [t("vacancies.view.employmentType"), label(EMPLOYMENT_TYPES, v.employmentType, locale), false],
    [t("vacancies.view.place"), [v.place, v.address].filter(Boolean).join(" "), true],
    [t("vacancies.view.remote"), v.remote ? t("vacancies.remote") : t("vacancies.onSite"), false],
    [t("vacancies.view.category"), label(JOB_CATEGORIES, v.category, locale), false],
    [t("vacancies.view.education"), label(EDUCATION_LEVELS, v.educationRequired, locale), false],
    [t("vacancies.view.hours"), v.hours || t("vacancies.view.notStated"), !!v.hours],
    [t("vacancies.view.openings"), t("vacancies.openingsValue", { count: v.openings }), false],
    [t("vacancies.view.skills"), v.skills.length ? v.skills.join(sep) : t("vacancies.view.notStated"), v.skills.length > 0],
    [
      t("trainingProfile.vacancy.certificates"),
      v.requiredCertificates.length ? v.requiredCertificates.join(sep) : t("trainingProfile.vacancy.certificatesNone"),
      v.requiredCertificates.length > 0,
    ],
    ...(v.publishedAt ? ([[t("vacancies.view.published"), formatDay(locale, v.publishedAt), false]] as [string, string, boolean][]) : []),
  ];
  const application = seeker?.application ?? null;

  return (
    <article className="max-w-3xl">
      <p className="mb-2">
        <Link to="/vacancies">{t("vacancies.view.backToList")}</Link>
      </p>
      {v.isMember && v.status === "draft" ? <p className="notice">{t("vacancies.view.draftNotice")}</p> : null}
      {v.isMember && v.status !== "draft" && !v.isPublic ? (
        <p className="notice">{t("vacancies.view.hiddenNotice")}</p>
      ) : null}
      <h1 className="page-title mb-2" lang={lang(v.title)}>
        {v.title}
      </h1>
      <p className="lead mb-3">
        <span lang={lang(v.organization.name)}>{v.organization.name}</span> · <span lang={lang(v.place)}>{v.place}</span>
        {v.remote ? t("vacancies.remoteSuffix") : ""}
      </p>

      {/* What one decides on and the one thing to do, in the first screen (issue 15). */}
      <section aria-labelledby="apply-title" className="card mb-6">
        <dl className="mb-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("vacancies.view.pay")}</dt>
          <dd>
            {formatPay(t, locale, v.payMin, v.payMax)} · {label(EMPLOYMENT_TYPES, v.employmentType, locale)}
          </dd>
          <dt className="font-bold">{t("vacancies.view.status")}</dt>
          <dd>
            <strong>{statusLabel}</strong>
            {" · "}
            {v.closingDate ? t("vacancies.view.closesOn", { date: formatCalendarDate(locale, v.closingDate) }) : t("vacancies.view.noClosingDate")}
          </dd>
        </dl>
        <h2 id="apply-title" className="mb-2 text-lg font-bold">
          {t("vacancies.view.apply")}
        </h2>
        {application ? (
          <>
            <p className="mb-3">{t("vacancies.view.apply.applied", { status: t(`applications.status.${application.status}`) })}</p>
            <p>
              <Link to={`/applications/${application.id}`} className="button">
                {t("vacancies.view.apply.viewApplication")}
              </Link>
            </p>
          </>
        ) : !v.accepting ? (
          <p>{t("vacancies.view.apply.closed")}</p>
        ) : viewerRole === "seeker" ? (
          <>
            <p className="mb-3">
              <Link to={applyPath} className="button">
                {t("vacancies.view.apply.button")}
              </Link>
            </p>
            <p>{t("vacancies.view.apply.seeker")}</p>
          </>
        ) : viewerRole === null ? (
          <>
            <p className="mb-3 flex flex-wrap gap-4">
              <Link to={`/login?redirectTo=${encodeURIComponent(applyPath)}`} className="button">
                {t("vacancies.view.apply.signIn")}
              </Link>
              <Link to="/register" className="button button-secondary">
                {t("vacancies.view.apply.register")}
              </Link>
            </p>
            <p>{t("vacancies.view.apply.visitor")}</p>
          </>
        ) : (
          <p>{t("vacancies.view.apply.otherRole")}</p>
        )}
      </section>

      {seeker ? (
        <section aria-labelledby="fit-title" className="mb-6">
          <h2 id="fit-title" className="section-title">
            {t("vacancies.view.fit")}
          </h2>
          {seeker.match ? (
            <>
              <MatchSummary match={seeker.match} className="mb-2 text-lg" />
              <MatchReasonsList match={seeker.match} />
              <p className="mt-2">
                <Link to="/profile/needs">{t("vacancies.view.fit.editNeeds")}</Link>
              </p>
            </>
          ) : !seeker.hasProfile ? (
            <p>
              {t("vacancies.view.fit.noProfile")} <Link to="/profile">{t("vacancies.view.fit.profileLink")}</Link>
            </p>
          ) : !seeker.placeKnown ? (
            <p>
              {t("search.placeUnknown")} <Link to="/profile/region">{t("search.placeUnknownLink")}</Link>
            </p>
          ) : (
            <p>{t("vacancies.view.fit.notOpen")}</p>
          )}
        </section>
      ) : null}

      {v.quotaEligible ? (
        <div className="notice">
          <QuotaNote className="font-bold" />
          <p>{viewerRole === null || viewerRole === "seeker" ? t("vacancies.quota.seekerExplain") : t("vacancies.quota.explain")}</p>
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

      <section aria-labelledby="description-title">
        <h2 id="description-title" className="section-title">
          {t("vacancies.view.description")}
        </h2>
        {paragraphs.map((p, i) => (
          <p key={i} className="mb-3" lang={lang(p)}>
            {p}
          </p>
        ))}
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

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="section-title">
          {t("vacancies.view.details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {details.map(([term, value, typed]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd lang={typed ? lang(value) : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="organization-title">
        <h2 id="organization-title" className="section-title">
          {t("vacancies.view.organization")}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("vacancies.view.organization")}</dt>
          <dd lang={lang(v.organization.name)}>{v.organization.name}</dd>
          <dt className="font-bold">{t("vacancies.view.orgType")}</dt>
          <dd>{label(ORGANIZATION_TYPES, v.organization.type, locale)}</dd>
          <dt className="font-bold">{t("vacancies.view.orgPlace")}</dt>
          <dd lang={lang(v.organization.place)}>{v.organization.place}</dd>
        </dl>
      </section>
    </article>
  );
}
