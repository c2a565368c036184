import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/components/meta";
import { pageParam } from "~/domain/applications/applications.schema";
import { listMyApplications } from "~/domain/applications/applications.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.mine.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:application", { ownerId: actor.id });
  return listMyApplications(await getDb(), actor, pageParam(new URL(request.url)));
}

export default function MyApplications() {
  const { t, locale } = useI18n();
  const { items, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("applications.mine.title")}</h1>
      <p className="lead">{t("applications.mine.lead")}</p>
      {total === 0 ? (
        <>
          <p className="mb-3">{t("applications.mine.empty")}</p>
          <p>
            <Link to="/vacancies" className="button">
              {t("applications.mine.findWork")}
            </Link>
          </p>
        </>
      ) : items.length === 0 ? (
        <p>{t("applications.mine.pageEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("applications.mine.caption", { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.col.vacancy")}</th>
                <th scope="col">{t("applications.col.organization")}</th>
                <th scope="col">{t("applications.col.status")}</th>
                <th scope="col">{t("applications.col.applied")}</th>
                <th scope="col">{t("applications.col.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/applications/${a.id}`}>{a.vacancyTitle}</Link>
                  </td>
                  <td>{a.organizationName}</td>
                  <td>{t(`applications.status.${a.status}`)}</td>
                  <td>{formatDateTime(locale, a.appliedAt)}</td>
                  <td>{formatDateTime(locale, a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={Math.ceil(total / pageSize)} />
    </div>
  );
}
