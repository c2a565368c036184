import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { EMPLOYMENT_FORMS, EMPLOYMENT_ORIGINS, parseListQuery } from "~/domain/employment/employment.schema";
import { listRegionEmployment } from "~/domain/employment/employment.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "employment.list.title");
// The list names people with their jobs: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// Counselors and admins, for the seekers of their region (the domain answers 404 to anyone else).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const list = await listRegionEmployment(await getDb(), actor, { ...query, ip: context.ip });
  return { list };
}

export default function EmploymentRecords() {
  const { t, locale } = useI18n();
  const { list } = useLoaderData<typeof loader>();
  const region = list.regionName ?? list.regionCode;
  const filtered = list.form !== null || list.origin !== null;
  return (
    <div>
      <h1 className="page-title">{t("employment.list.title")}</h1>
      <p className="lead max-w-3xl">{t("employment.list.lead", { region })}</p>
      <p className="mb-6">
        <Link to="/employment-records/new" className="button">
          {t("employment.list.record")}
        </Link>
      </p>

      <Form method="get" className="card mb-8 max-w-3xl" aria-labelledby="employment-filter-title">
        <h2 id="employment-filter-title" className="mb-3 text-xl font-bold">
          {t("employment.list.filter")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field">
            <label htmlFor="employment-form" className="field-label">
              {t("employment.field.form")}
            </label>
            <select id="employment-form" name="form" defaultValue={list.form ?? ""} className="field-input">
              <option value="">{t("employment.list.allForms")}</option>
              {EMPLOYMENT_FORMS.map((f) => (
                <option key={f} value={f}>
                  {t(`employment.form.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="employment-origin" className="field-label">
              {t("employment.field.origin")}
            </label>
            <select id="employment-origin" name="origin" defaultValue={list.origin ?? ""} className="field-input">
              <option value="">{t("employment.list.allOrigins")}</option>
              {EMPLOYMENT_ORIGINS.map((o) => (
                <option key={o} value={o}>
                  {t(`employment.origin.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("employment.list.apply")}
            </button>
          </div>
        </div>
      </Form>

      <h2 className="section-title">{t("employment.list.heading")}</h2>
      {list.items.length === 0 ? (
        <p className="notice">{filtered ? t("employment.list.emptyFiltered") : t("employment.list.empty", { region })}</p>
      ) : (
        <>
          <p className="mb-3">{t("employment.list.count", { count: list.total })}</p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("employment.list.heading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("employment.col.name")}</th>
                  <th scope="col">{t("employment.field.form")}</th>
                  <th scope="col">{t("employment.col.employer")}</th>
                  <th scope="col">{t("employment.col.dates")}</th>
                  <th scope="col">{t("employment.field.origin")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" className="font-normal whitespace-nowrap">
                      <Link to={`/employment-records/${e.id}`}>
                        {e.seekerName || t("employment.unnamed")}
                        <span className="sr-only">{t("employment.list.open")}</span>
                      </Link>
                    </th>
                    <td>{t(`employment.form.${e.form}`)}</td>
                    <td>{e.employer}</td>
                    <td>
                      {e.contractEnd
                        ? t("employment.dates.range", { start: formatCalendarDate(locale, e.contractStart), end: formatCalendarDate(locale, e.contractEnd) })
                        : t("employment.dates.from", { start: formatCalendarDate(locale, e.contractStart) })}
                      {e.endedOn ? <span className="block font-bold">{t("employment.dates.ended", { date: formatCalendarDate(locale, e.endedOn) })}</span> : null}
                    </td>
                    <td>{t(`employment.origin.${e.origin}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
