import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { divisionName } from "~/domain/divisions/divisions.server";
import { label, ORGANIZATION_TYPES } from "~/domain/catalog";
import { parseReviewQuery } from "~/domain/organizations/organizations.schema";
import { listOrganizationsForReview } from "~/domain/organizations/organizations.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.review.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  const query = parseReviewQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const [list, regionName] = await Promise.all([listOrganizationsForReview(db, actor, query), divisionName(db, actor.regionCode)]);
  return { list, query, regionName: regionName ?? "" };
}

const STATUS_FILTERS = ["all", "pending", "verified", "rejected"] as const;

export default function OrganizationQueue() {
  const { t, locale } = useI18n();
  const { list, query, regionName } = useLoaderData<typeof loader>();
  const all = list.counts.pending + list.counts.verified + list.counts.rejected;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div>
      <h1 className="page-title">{t("organizations.review.title")}</h1>
      <p className="lead">{t("organizations.review.lead", { region: regionName })}</p>

      <Form method="get" className="card mb-6 max-w-3xl" aria-labelledby="queue-filter-title">
        <h2 id="queue-filter-title" className="mb-3 text-xl font-bold">
          {t("organizations.review.filter")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field">
            <label htmlFor="queue-status" className="field-label">
              {t("organizations.review.filter.status")}
            </label>
            <select id="queue-status" name="status" defaultValue={query.status} className="field-input">
              {STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`organizations.review.filter.${s}`, { count: s === "all" ? all : list.counts[s] })}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="queue-q" className="field-label">
              {t("organizations.review.filter.q")}
            </label>
            <p id="queue-q-hint" className="field-hint">
              {t("organizations.review.filter.q.hint")}
            </p>
            <input id="queue-q" name="q" type="search" defaultValue={query.q} aria-describedby="queue-q-hint" className="field-input" />
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("organizations.review.filter.submit")}
            </button>
          </div>
        </div>
      </Form>

      <h2 className="section-title">{t("organizations.review.list")}</h2>
      {list.items.length === 0 ? (
        <p>{t("organizations.review.empty")}</p>
      ) : (
        <>
          <p className="mb-3">{t("organizations.review.count", { total: list.total })}</p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("organizations.review.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("organizations.review.col.name")}</th>
                  <th scope="col">{t("organizations.review.col.status")}</th>
                  <th scope="col">{t("organizations.review.col.uscc")}</th>
                  <th scope="col">{t("organizations.review.col.type")}</th>
                  <th scope="col">{t("organizations.review.col.region")}</th>
                  <th scope="col">{t("organizations.review.col.submitted")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className="font-normal">
                      <Link to={`/admin/organizations/${o.id}`}>{o.name}</Link>
                    </th>
                    <td className={o.status === "pending" ? "font-bold" : undefined}>{t(`organizations.status.${o.status}`)}</td>
                    <td className="font-mono">{o.uscc}</td>
                    <td>{label(ORGANIZATION_TYPES, o.type, locale)}</td>
                    <td>{o.regionName}</td>
                    <td>{formatDateTime(locale, o.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pages page={list.page} pages={pages} />
    </div>
  );
}

/** 上一页 / 下一页 links that keep the filter; their accessible names say which page they lead to. */
function Pages({ page, pages }: { page: number; pages: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pages <= 1 && page <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p <= 1) params.delete("page");
    else params.set("page", String(p));
    const q = params.toString();
    return `${location.pathname}${q ? `?${q}` : ""}`;
  };
  return (
    <nav aria-label={t("organizations.pagination.label")} className="mt-6">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {page > 1 ? (
          <li>
            <Link to={href(Math.min(page - 1, pages))} rel="prev" aria-label={t("organizations.pagination.previousLabel", { page: Math.min(page - 1, pages) })}>
              {t("organizations.pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li>{t("organizations.pagination.position", { page, pages })}</li>
        {page < pages ? (
          <li>
            <Link to={href(page + 1)} rel="next" aria-label={t("organizations.pagination.nextLabel", { page: page + 1 })}>
              {t("organizations.pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
