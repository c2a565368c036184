import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { regionOverview } from "~/domain/counseling/caseload.server";
import { hasPermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "caseload.overview.title");

// Admins and counselors of a region; the region-scoped check is the domain call's first step (anyone else: 404).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const overview = await regionOverview(await getDb(), actor);
  return {
    overview,
    viewerId: actor.id,
    canAssign: hasPermission(actor, "assign:caseload"),
    canCreateStaff: hasPermission(actor, "create:staff_account"),
  };
}

export default function CaseloadsOverview() {
  const { t } = useI18n();
  const { overview, viewerId, canAssign, canCreateStaff } = useLoaderData<typeof loader>();
  const people = (count: number) => t("caseload.people", { count });
  return (
    <div>
      <h1 className="page-title">{t("caseload.overview.title")}</h1>
      <p className="lead max-w-3xl">{t("caseload.overview.lead")}</p>

      <p className="notice">
        {overview.unassigned > 0 ? t("caseload.overview.unassigned", { count: overview.unassigned }) : t("caseload.overview.noneUnassigned")}
        {canAssign && overview.unassigned > 0 && overview.counselors.length > 0 ? (
          <>
            {" "}
            <Link to="/caseloads/assign">{t("caseload.overview.assignLink")}</Link>
          </>
        ) : null}
      </p>

      <h2 className="section-title">{t("caseload.overview.counselors")}</h2>
      {overview.counselors.length === 0 ? (
        <>
          <p className="mb-3">{t("caseload.overview.empty")}</p>
          <p>
            {canCreateStaff ? (
              <Link to="/admin/staff" className="button">
                {t("caseload.overview.emptyAdmin")}
              </Link>
            ) : (
              t("caseload.overview.emptyOther")
            )}
          </p>
        </>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("caseload.overview.counselors")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("caseload.overview.col.name")}</th>
                <th scope="col">{t("caseload.overview.col.region")}</th>
                <th scope="col">{t("caseload.overview.col.size")}</th>
                <th scope="col">{t("caseload.overview.col.notEmployed")}</th>
                <th scope="col">{t("caseload.overview.col.overdue")}</th>
                <th scope="col">{t("caseload.overview.col.noContact")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.counselors.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/caseloads/${c.id}`}>{c.name}</Link>
                    {c.id === viewerId ? t("caseload.overview.you") : null}
                  </th>
                  <td>{c.regionName}</td>
                  <td>{people(c.caseloadSize)}</td>
                  <td>{people(c.notEmployed)}</td>
                  <td>{people(c.overdue)}</td>
                  <td>{people(c.noContact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
