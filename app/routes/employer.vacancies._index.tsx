import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { APPLICATION_STATUSES, pageParam } from "~/domain/vacancies/vacancies.schema";
import { listEmployerVacancies } from "~/domain/vacancies/vacancies.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancies.employer.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return listEmployerVacancies(await getDb(), actor, { page });
}

export default function EmployerVacancies() {
  const { t, locale } = useI18n();
  const { memberships, items, total, page, pageCount } = useLoaderData<typeof loader>();
  const several = memberships.length > 1;
  return (
    <div>
      <h1 className="page-title">{t("vacancies.employer.title")}</h1>
      {memberships.length === 0 ? (
        <p className="notice">
          {t("vacancies.employer.noOrganization")} <Link to="/employer/register">{t("vacancies.employer.registerOrganization")}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t("vacancies.employer.lead")}</p>
          {memberships
            .filter((m) => m.status !== "verified")
            .map((m) => (
              <p key={m.organizationId} className="notice">
                {t(m.status === "pending" ? "vacancies.employer.pending" : "vacancies.employer.rejected", { name: m.name })}{" "}
                <Link to="/employer">{t("vacancies.employer.organizationLink")}</Link>
              </p>
            ))}
          <p className="mb-6">
            <Link to="/employer/vacancies/new" className="button">
              {t("vacancies.employer.new")}
            </Link>
          </p>
          {items.length === 0 ? (
            <p>{t("vacancies.employer.empty")}</p>
          ) : (
            <>
              <p className="mb-3">{t("vacancies.employer.count", { count: total })}</p>
              <div className="overflow-x-auto">
                <table className="data-table">
                  <caption className="sr-only">{t("vacancies.employer.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("vacancies.employer.col.title")}</th>
                      {several ? <th scope="col">{t("vacancies.employer.col.organization")}</th> : null}
                      <th scope="col">{t("vacancies.employer.col.status")}</th>
                      <th scope="col">{t("vacancies.employer.col.applicants")}</th>
                      <th scope="col">{t("vacancies.employer.col.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((v) => (
                      <tr key={v.id}>
                        <th scope="row" className="font-bold">
                          <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                          {v.closingDate ? (
                            <span className="block font-normal text-muted">
                              {t("vacancies.labelled", { label: t("vacancies.view.closingDate"), value: formatCalendarDate(locale, v.closingDate) })}
                            </span>
                          ) : null}
                        </th>
                        {several ? <td>{v.organizationName}</td> : null}
                        <td>{t(`vacancies.status.${v.status}`)}</td>
                        <td>
                          {v.total === 0 ? (
                            t("vacancies.employer.noApplicants")
                          ) : (
                            <>
                              <span className="font-bold">{t("vacancies.employer.applicantsTotal", { count: v.total })}</span>
                              <ul>
                                {APPLICATION_STATUSES.filter((s) => v.counts[s] > 0).map((s) => (
                                  <li key={s}>
                                    {t("vacancies.labelled", { label: t(`vacancies.appStatus.${s}`), value: v.counts[s] })}
                                  </li>
                                ))}
                              </ul>
                            </>
                          )}
                        </td>
                        <td>
                          <ul className="grid gap-1">
                            <li>
                              <Link to={`/employer/vacancies/${v.id}/edit`}>
                                {t("vacancies.employer.edit")}
                                <span className="sr-only">{t("vacancies.employer.whichVacancy", { title: v.title })}</span>
                              </Link>
                            </li>
                            <li>
                              <Link to={`/employer/vacancies/${v.id}/applicants`}>
                                {t("vacancies.employer.viewApplicants")}
                                <span className="sr-only">{t("vacancies.employer.whichVacancy", { title: v.title })}</span>
                              </Link>
                            </li>
                            {v.status === "open" ? (
                              <li>
                                <Link to={`/employer/vacancies/${v.id}/candidates`}>
                                  {t("candidates.link")}
                                  <span className="sr-only">{t("vacancies.employer.whichVacancy", { title: v.title })}</span>
                                </Link>
                              </li>
                            ) : null}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={page} pageCount={pageCount} />
            </>
          )}
        </>
      )}
    </div>
  );
}
