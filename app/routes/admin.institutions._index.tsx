import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { adminListQuerySchema, DESIGNATION_KINDS, parseQuery } from "~/domain/institutions/designations.schema";
import { listRegionDesignations } from "~/domain/institutions/designations.server";
import { requirePermission } from "~/domain/permissions";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institutions.admin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:designation", { regionCode: actor.regionCode });
  const query = parseQuery(adminListQuerySchema, new URL(request.url).searchParams);
  const db = await getDb();
  const [list, divisions] = await Promise.all([listRegionDesignations(db, actor, query), listDivisionsWithin(db, actor.regionCode!)]);
  return { list, divisions, query };
}

const STATUSES = ["active", "ended", "revoked"] as const;

export default function AdminInstitutions() {
  const { t, locale } = useI18n();
  const { list, divisions, query } = useLoaderData<typeof loader>();
  const day = (d: string) => formatCalendarDate(locale, d);
  return (
    <div>
      <h1 className="page-title">{t("institutions.admin.title")}</h1>
      <p className="lead max-w-3xl">{t("institutions.admin.lead")}</p>
      <p className="mb-6 flex flex-wrap gap-4">
        <Link to="/admin/institutions/new" className="button">
          {t("institutions.admin.new")}
        </Link>
        <Link to="/admin/coverage" className="self-center">
          {t("institutions.admin.coverageLink")}
        </Link>
      </p>

      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4" aria-labelledby="admin-filter">
        <h2 id="admin-filter" className="sr-only">
          {t("institutions.register.filter")}
        </h2>
        <div className="field mb-0">
          <label htmlFor="filter-q" className="field-label">
            {t("institutions.admin.q")}
          </label>
          <input id="filter-q" name="q" defaultValue={query.q} className="field-input" autoComplete="off" />
        </div>
        <div className="field mb-0">
          <label htmlFor="filter-kind" className="field-label">
            {t("institutions.register.kind")}
          </label>
          <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""} className="field-input">
            <option value="">{t("institutions.register.kindAll")}</option>
            {DESIGNATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`institutions.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field mb-0">
          <label htmlFor="filter-region" className="field-label">
            {t("institutions.register.region")}
          </label>
          <select id="filter-region" name="region" defaultValue={query.region ?? ""} className="field-input">
            {divisions.map((d) => (
              <option key={d.code} value={d.level === divisions[0]?.level ? "" : d.code}>
                {d.level === "county" ? `— ${d.name}` : d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field mb-0">
          <label htmlFor="filter-status" className="field-label">
            {t("institutions.admin.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={query.status === "all" ? "" : query.status} className="field-input">
            <option value="">{t("institutions.admin.statusAll")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`institutions.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("institutions.register.submit")}
        </button>
      </Form>

      {list.items.length === 0 ? (
        <p className="notice">{t("institutions.admin.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="mb-2 text-left font-bold">{t("institutions.admin.caption", { count: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("institutions.col.organization")}</th>
                <th scope="col">{t("institutions.col.kind")}</th>
                <th scope="col">{t("institutions.col.region")}</th>
                <th scope="col">{t("institutions.col.period")}</th>
                <th scope="col">{t("institutions.col.decision")}</th>
                <th scope="col">{t("institutions.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`/admin/institutions/${d.id}`}>{d.organizationName}</Link>
                  </th>
                  <td>{t(`institutions.kind.${d.kind}`)}</td>
                  <td>{d.regionName ?? d.regionCode}</td>
                  <td>{d.validTo ? t("institutions.period.range", { from: day(d.validFrom), to: day(d.validTo) }) : t("institutions.period.from", { from: day(d.validFrom) })}</td>
                  <td>{t("institutions.decision", { number: d.decisionNumber, date: day(d.decisionDate) })}</td>
                  <td>{d.status === "revoked" && d.revokedOn ? t("institutions.revokedOn", { date: day(d.revokedOn) }) : t(`institutions.status.${d.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
