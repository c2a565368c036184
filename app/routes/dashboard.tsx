import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { VacancyCard } from "~/components/vacancy-card";
import { dashboardSummary, type AdminFigures } from "~/domain/dashboard/dashboard.server";
import { recommendationsFor } from "~/domain/search/search.server";
import { divisionName } from "~/domain/divisions/divisions.server";
import { requireActor } from "~/http/guards.server";
import { indicatorName } from "~/domain/statistics/indicators";
import { formatFigure, isRateIndicator } from "~/domain/statistics/report-format";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

const NOTICES = { created: "dashboard.createdNotice", "signed-in": "dashboard.signedInNotice" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const user = context.auth!.user;
  const db = await getDb();
  const done = new URL(request.url).searchParams.get("done");
  return {
    name: user.displayName ?? user.phone ?? user.email ?? "",
    regionName: await divisionName(db, actor.regionCode),
    summary: await dashboardSummary(db, actor),
    recommendations: actor.role === "seeker" ? await recommendationsFor(db, actor) : null,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

export default function Dashboard() {
  const { t } = useI18n();
  const { name, regionName, summary, notice, recommendations } = useLoaderData<typeof loader>();
  const region = regionName ?? "";
  return (
    <div>
      <h1 className="page-title">{t("dashboard.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="text-lg">{t("dashboard.welcome", { name })}</p>
      <p className="mb-4">{t("dashboard.role", { role: t(`role.${summary.role}`) })}</p>
      <div className="card grid gap-3">
        {summary.role === "seeker" ? (
          <>
            <p>
              {t("dashboard.seeker.steps", { done: summary.stepsDone, total: summary.stepsTotal })}{" "}
              <Link to="/profile">{t(summary.stepsDone < summary.stepsTotal ? "dashboard.seeker.completeProfile" : "dashboard.seeker.viewProfile")}</Link>
            </p>
            <p>{t(summary.discoverable ? "dashboard.seeker.discoverableOn" : "dashboard.seeker.discoverableOff")}</p>
            <p>
              {t("dashboard.seeker.applications", { active: summary.activeApplications, all: summary.applications })}{" "}
              <Link to="/applications">{t("nav.applications")}</Link>
            </p>
            <p>
              <Link to="/vacancies" className="button">
                {t("nav.vacancies")}
              </Link>
            </p>
          </>
        ) : null}
        {summary.role === "employer" ? (
          summary.organization === null ? (
            <p>
              {t("dashboard.employer.next")} <Link to="/employer/register">{t("dashboard.employer.register")}</Link>
            </p>
          ) : (
            <>
              <p>
                {t(`dashboard.employer.status.${summary.organization.status}`, { name: summary.organization.name })}{" "}
                <Link to="/employer">{t("nav.organization")}</Link>
              </p>
              {summary.organization.status === "verified" ? (
                <p>
                  {t("dashboard.employer.counts", { open: summary.openVacancies, fresh: summary.newApplications })}{" "}
                  <Link to="/employer/vacancies">{t("nav.employerVacancies")}</Link>
                </p>
              ) : null}
            </>
          )
        ) : null}
        {summary.role === "counselor" ? (
          <>
            <p>{t("dashboard.counselor.next", { region })}</p>
            <p>
              {t("dashboard.counselor.caseload", { count: summary.caseload, notEmployed: summary.notEmployed })}{" "}
              <Link to="/caseload">{t("nav.caseload")}</Link>
            </p>
            <p>
              {t("dashboard.counselor.due", { count: summary.dueItems, overdue: summary.overdueItems })} <Link to="/follow-up">{t("nav.followUp")}</Link>
            </p>
          </>
        ) : null}
        {summary.role === "admin" ? (
          <>
            <p>{t("dashboard.admin.next", { region })}</p>
            <p>
              <Link to="/admin/staff">{t("nav.staff")}</Link>
            </p>
            <p>
              <Link to="/caseloads">{t("nav.caseloads")}</Link> · <Link to="/graduates">{t("nav.graduates")}</Link>
            </p>
          </>
        ) : null}
      </div>
      {summary.role === "admin" ? <AdminPlan summary={summary} /> : null}
      {recommendations ? (
        <section aria-labelledby="recommend-title" className="mt-8">
          <h2 id="recommend-title" className="section-title">
            {t("recommend.title")}
          </h2>
          <p className="mb-4">{t("recommend.lead")}</p>
          {!recommendations.placeKnown ? (
            <p className="notice">
              {t("recommend.placeUnknown")} <Link to="/profile/region">{t("search.placeUnknownLink")}</Link>
            </p>
          ) : recommendations.items.length === 0 ? (
            <p className="notice">{t("recommend.empty")}</p>
          ) : (
            <ol className="grid gap-4">
              {recommendations.items.map((v) => (
                <li key={v.id}>
                  <VacancyCard v={v} />
                </li>
              ))}
            </ol>
          )}
          <p className="mt-4">
            <Link to="/vacancies">{t("recommend.searchLink")}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

/** The admin's region's headline figures for the year, and what waits for action (counts, each with its page). */
function AdminPlan({ summary }: { summary: AdminFigures & { pendingOrganizations: number } }) {
  const { t, locale } = useI18n();
  const actions: { key: MessageKey; count: number; to: string; link: MessageKey }[] = [
    ...(summary.verificationBacklog !== null
      ? [{ key: "statsReport.dashboard.backlog" as const, count: summary.verificationBacklog, to: "/statistics", link: "statsReport.dashboard.backlogLink" as const }]
      : []),
    { key: "statsReport.dashboard.declarations", count: summary.declarationsWaiting, to: "/admin/quota?status=submitted", link: "statsReport.dashboard.declarationsLink" },
    {
      key: "statsReport.dashboard.objections",
      count: summary.objectionsOpen,
      to: summary.objectionsYear ? `/admin/quota/objections/${summary.objectionsYear}` : "/admin/quota",
      link: "statsReport.dashboard.objectionsLink",
    },
    { key: "statsReport.dashboard.organizations", count: summary.pendingOrganizations, to: "/admin/organizations", link: "statsReport.dashboard.organizationsLink" },
  ];
  return (
    <>
      {summary.year !== null ? (
      <section aria-labelledby="plan-title" className="mt-8">
        <h2 id="plan-title" className="section-title">
          {t("statsReport.dashboard.title", { year: summary.year ?? "" })}
        </h2>
        <dl className="mb-4 grid gap-4 sm:grid-cols-2">
          {summary.headlines.map((h) => {
            const rate = isRateIndicator(h.code);
            return (
              <div key={h.code} className="card">
                <dt className="font-bold">{indicatorName(h.code, locale)}</dt>
                <dd className="text-2xl">{h.actual === null ? t("statsReport.notRecorded") : formatFigure(locale, h.actual, rate)}</dd>
                {rate && h.denominator !== undefined ? (
                  <dd>{t("statsReport.dashboard.ofPeople", { numerator: h.numerator ?? 0, denominator: h.denominator })}</dd>
                ) : null}
                <dd>{h.target === null ? t("statsReport.dashboard.noTarget") : t("statsReport.dashboard.target", { target: formatFigure(locale, h.target, rate) })}</dd>
                {h.breakdown?.length ? (
                  <dd>
                    <ul className="mt-2 list-disc pl-5">
                      {h.breakdown.map((b) => (
                        <li key={b.key}>
                          {t("statsReport.dashboard.byForm", { form: t(`employment.form.${b.key}` as MessageKey), count: b.value })}
                        </li>
                      ))}
                    </ul>
                  </dd>
                ) : null}
              </div>
            );
          })}
        </dl>
        <p className="flex flex-wrap gap-4">
          <Link to="/statistics">{t("statsReport.dashboard.statisticsLink")}</Link>
          <Link to="/statistics/snapshots">{t("statsReport.snapshots.title")}</Link>
          <Link to={`/statistics/report/${summary.year}`}>{t("statsReport.annual.title")}</Link>
        </p>
      </section>
      ) : null}
      <section aria-labelledby="actions-title" className="mt-8">
        <h2 id="actions-title" className="section-title">
          {t("statsReport.dashboard.actions")}
        </h2>
        <ul className="card grid gap-2">
          {actions.map((a) => (
            <li key={a.key}>
              {t(a.key, { count: a.count })} {a.count > 0 ? <Link to={a.to}>{t(a.link)}</Link> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
