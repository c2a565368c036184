import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { LIMITS } from "~/domain/accounts/rate-limit.server";
import { COLLISION_LIST_DAYS, listIdentifierCollisions } from "~/domain/audit/collisions.server";
import { divisionName } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "security.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:audit_event", { regionCode: actor.regionCode });
  const db = await getDb();
  const [events, regionName] = await Promise.all([listIdentifierCollisions(db, actor), divisionName(db, actor.regionCode)]);
  return {
    events,
    regionName: regionName ?? "",
    days: COLLISION_LIST_DAYS,
    limits: { perAccount: LIMITS.identifierCollisionPerAccount.max, perIp: LIMITS.identifierCollisionPerIp.max },
  };
}

export default function SecurityEvents() {
  const { t, locale } = useI18n();
  const { events, regionName, limits, days } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("security.title")}</h1>
      <p className="lead">{t("security.lead", { days, region: regionName })}</p>
      <p className="mb-2">{t("security.limits", limits)}</p>
      <p className="mb-6 text-muted">{t("security.audited")}</p>

      <h2 className="section-title">{t("security.list")}</h2>
      {events.length === 0 ? (
        <p>{t("security.empty", { days })}</p>
      ) : (
        <>
          <p className="mb-3">{t("security.count", { total: events.length })}</p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("security.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("security.col.at")}</th>
                  <th scope="col">{t("security.col.account")}</th>
                  <th scope="col">{t("security.col.field")}</th>
                  <th scope="col">{t("security.col.number")}</th>
                  <th scope="col">{t("security.col.region")}</th>
                  <th scope="col">{t("security.col.ip")}</th>
                  <th scope="col">{t("security.col.tries", { days })}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <th scope="row" className="font-normal">
                      {formatDateTime(locale, e.at)}
                    </th>
                    <td>
                      {e.account ? (
                        <>
                          {e.account.name ?? t("security.account.noName")}
                          {e.account.contact ? (
                            <>
                              <br />
                              <span className="font-mono">{e.account.contact}</span>
                            </>
                          ) : null}
                        </>
                      ) : (
                        t("security.account.deleted")
                      )}
                    </td>
                    <td>{t(`security.field.${e.field}`)}</td>
                    <td className="font-mono">{e.maskedNumber}</td>
                    <td>{e.account?.regionName ?? t("security.none")}</td>
                    <td className="font-mono">{e.ip ?? t("security.none")}</td>
                    <td className={e.accountTries > 1 ? "font-bold" : undefined}>{e.accountTries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
