import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { BUSINESS_KINDS, parseBusinessQuery } from "~/domain/entrepreneurship/entrepreneurship.schema";
import { listBusinesses } from "~/domain/entrepreneurship/entrepreneurship.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrepreneurship.list.title");
// The list names the people who run the businesses: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// Counselors and admins, for the businesses of their region (the domain answers 404 to anyone else).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const query = parseBusinessQuery(new URL(request.url).searchParams);
  const list = await listBusinesses(await getDb(), actor, { ...query, ip: context.ip });
  return { list };
}

export default function Businesses() {
  const { t } = useI18n();
  const { list } = useLoaderData<typeof loader>();
  const region = list.regionName ?? list.regionCode;
  const filtered = list.kind !== null || list.unchecked;
  return (
    <div>
      <h1 className="page-title">{t("entrepreneurship.list.title")}</h1>
      <p className="lead max-w-3xl">{t("entrepreneurship.list.lead", { region })}</p>
      <p className="mb-6">
        <Link to="/businesses/new" className="button">
          {t("entrepreneurship.list.record")}
        </Link>
      </p>

      <Form method="get" className="card mb-8 max-w-3xl" aria-labelledby="business-filter-title">
        <h2 id="business-filter-title" className="mb-3 text-xl font-bold">
          {t("entrepreneurship.list.filter")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field">
            <label htmlFor="business-kind" className="field-label">
              {t("entrepreneurship.col.kind")}
            </label>
            <select id="business-kind" name="kind" defaultValue={list.kind ?? ""} className="field-input">
              <option value="">{t("entrepreneurship.list.allKinds")}</option>
              {BUSINESS_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`entrepreneurship.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field flex items-center gap-3">
            <input type="checkbox" id="business-unchecked" name="unchecked" value="1" defaultChecked={list.unchecked} className="h-6 w-6 shrink-0" />
            <label htmlFor="business-unchecked">{t("entrepreneurship.list.unchecked", { year: list.year })}</label>
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("entrepreneurship.list.apply")}
            </button>
          </div>
        </div>
      </Form>

      <h2 className="section-title">{t("entrepreneurship.list.heading")}</h2>
      {list.items.length === 0 ? (
        <p className="notice">{filtered ? t("entrepreneurship.list.emptyFiltered") : t("entrepreneurship.list.empty", { region })}</p>
      ) : (
        <>
          <p className="mb-3">{t("entrepreneurship.list.count", { count: list.total })}</p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("entrepreneurship.list.heading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("entrepreneurship.col.name")}</th>
                  <th scope="col">{t("entrepreneurship.col.owners")}</th>
                  <th scope="col">{t("entrepreneurship.col.kind")}</th>
                  <th scope="col">{t("entrepreneurship.col.region")}</th>
                  <th scope="col">{t("entrepreneurship.col.support")}</th>
                  <th scope="col">{t("entrepreneurship.col.lastCheck")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row" className="font-normal">
                      <Link to={`/businesses/${b.id}`}>
                        {b.name}
                        <span className="sr-only">{t("entrepreneurship.list.open")}</span>
                      </Link>
                    </th>
                    <td>{b.owners.map((o) => o || t("entrepreneurship.unnamed")).join("、")}</td>
                    <td>{t(`entrepreneurship.kind.${b.kind}`)}</td>
                    <td>{b.regionName}</td>
                    <td>
                      {b.supportCount
                        ? t("entrepreneurship.support.count", { total: t("entrepreneurship.yuan", { amount: b.supportTotal }), count: b.supportCount })
                        : t("entrepreneurship.support.none")}
                    </td>
                    <td>
                      {b.lastCheck
                        ? b.lastCheck.running
                          ? t("entrepreneurship.check.summaryRunning", { year: b.lastCheck.year, count: b.lastCheck.employsOthers })
                          : t("entrepreneurship.check.summaryClosed", { year: b.lastCheck.year })
                        : t("entrepreneurship.check.none")}
                    </td>
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
