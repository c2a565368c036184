import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ACCOMMODATIONS, label } from "~/domain/catalog";
import { publicInstitution } from "~/domain/institutions/designations.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { useI18n } from "~/i18n/use-i18n";
import { localeFromMatches } from "~/components/meta";
import { translator } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data?.institution.name ?? t("institutions.register.title")} - ${t("site.titleSuffix")}` }];
};

// Public: an organization's designations, support totals (aggregate) and what it offers; 404 if never designated.
export async function loader({ params }: LoaderFunctionArgs) {
  return { institution: await publicInstitution(await getDb(), params.id ?? "") };
}

export default function InstitutionPage() {
  const { t, locale } = useI18n();
  const { institution: i } = useLoaderData<typeof loader>();
  const sep = locale === "en" ? ", " : "、";
  const day = (d: string) => formatCalendarDate(locale, d);
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/institutions">
          <span aria-hidden="true">← </span>
          {t("institutions.page.back")}
        </Link>
      </p>
      <h1 className="page-title">{i.name}</h1>
      <p className="lead">{[i.prefectureName, i.regionName, i.address].filter(Boolean).join(" ")}</p>

      <section aria-labelledby="designations-title">
        <h2 id="designations-title" className="section-title">
          {t("institutions.page.designations")}
        </h2>
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("institutions.page.designationsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("institutions.col.kind")}</th>
                <th scope="col">{t("institutions.col.period")}</th>
                <th scope="col">{t("institutions.col.decision")}</th>
                <th scope="col">{t("institutions.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {i.designations.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="font-normal">
                    {t(`institutions.kind.${d.kind}`)}
                  </th>
                  <td>{d.validTo ? t("institutions.period.range", { from: day(d.validFrom), to: day(d.validTo) }) : t("institutions.period.from", { from: day(d.validFrom) })}</td>
                  <td>{t("institutions.decision", { number: d.decisionNumber, date: day(d.decisionDate) })}</td>
                  <td>{d.status === "revoked" && d.revokedOn ? t("institutions.revokedOn", { date: day(d.revokedOn) }) : t(`institutions.status.${d.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="offers-title" className="mt-8">
        <h2 id="offers-title" className="section-title">
          {t("institutions.page.offers")}
        </h2>
        {i.vacancies.length > 0 ? (
          <>
            <p>{t("institutions.register.vacancies", { count: i.openVacancies })}</p>
            <ul className="list-disc pl-6">
              {i.vacancies.map((v) => (
                <li key={v.id}>
                  <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("institutions.register.noVacancies")}</p>
        )}
        {i.openCourses > 0 ? <p className="mt-2">{t("institutions.page.coursesOffered", { count: i.openCourses })}</p> : null}
        <h3 className="mt-4 font-bold">{t("institutions.register.accessibility")}</h3>
        <p>
          {i.accommodations.length > 0
            ? t("institutions.register.accessibilityFromVacancies", { list: i.accommodations.map((a) => label(ACCOMMODATIONS, a, locale)).join(sep) })
            : t("institutions.register.accessibilityUnknown")}
        </p>
      </section>

      <section aria-labelledby="support-title" className="mt-8">
        <h2 id="support-title" className="section-title">
          {t("institutions.page.support")}
        </h2>
        {i.supportTotals.length === 0 ? (
          <p>{t("institutions.page.noSupport")}</p>
        ) : (
          <>
            <p className="mb-2">{t("institutions.page.supportLead")}</p>
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("institutions.page.supportCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("institutions.col.supportKind")}</th>
                    <th scope="col">{t("institutions.col.total")}</th>
                    <th scope="col">{t("institutions.col.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {i.supportTotals.map((s) => (
                    <tr key={s.kind}>
                      <th scope="row" className="font-normal">
                        {t(`institutions.support.${s.kind}`)}
                      </th>
                      <td>{t("institutions.amount", { amount: s.total })}</td>
                      <td>{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
