import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { ACCOMMODATIONS, EMPLOYMENT_TYPES, label } from "~/domain/catalog";
import { formatPay } from "~/domain/vacancies/format";
import { pageParam } from "~/domain/vacancies/vacancies.schema";
import { listOpenVacancies } from "~/domain/vacancies/vacancies.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancies.list.title");

const SHOWN_ACCOMMODATIONS = 4;

// Public: visitors browse open vacancies without signing in (design §1).
export async function loader({ request }: LoaderFunctionArgs) {
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return listOpenVacancies(await getDb(), { page });
}

export default function Vacancies() {
  const { t, locale } = useI18n();
  const { items, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("vacancies.list.title")}</h1>
      <p className="lead max-w-3xl">{t("vacancies.list.lead")}</p>
      {items.length === 0 ? (
        <p className="notice">{t("vacancies.list.empty")}</p>
      ) : (
        <>
          <p className="mb-4">{t("vacancies.list.count", { count: total })}</p>
          <ul className="grid gap-4">
            {items.map((v) => {
              const shown = v.accommodations.slice(0, SHOWN_ACCOMMODATIONS);
              const more = v.accommodations.length - shown.length;
              return (
                <li key={v.id} className="card">
                  <h2 className="mb-2 text-xl font-bold">
                    <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                  </h2>
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
                      {shown.length === 0 ? (
                        t("vacancies.list.noAccommodations")
                      ) : (
                        <ul className="flex flex-wrap gap-2">
                          {shown.map((code) => {
                            const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
                            return (
                              <li key={code} className="inline-flex items-center gap-1 rounded border border-line px-2">
                                {icon ? <Icon name={icon} /> : null}
                                {label(ACCOMMODATIONS, code, locale)}
                              </li>
                            );
                          })}
                          {more > 0 ? <li className="px-1">{t("vacancies.list.moreAccommodations", { count: more })}</li> : null}
                        </ul>
                      )}
                    </dd>
                  </dl>
                  {v.quotaEligible ? (
                    <p className="mt-2 inline-flex items-center gap-1 text-ok">
                      <Icon name="check" />
                      {t("vacancies.quota.badge")}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
