import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { toLocalDateTime } from "~/domain/events/events.schema";
import { listAdminEvents } from "~/domain/events/events.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, formatTime, type Locale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventsAdmin.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  return { events: await listAdminEvents(await getDb(), actor) };
}

/** "2026/12/05 09:30–12:00", or both ends in full when the event spans days (Beijing time). */
function span(locale: Locale, starts: Date | string, ends: Date | string): string {
  const sameDay = toLocalDateTime(new Date(starts)).slice(0, 10) === toLocalDateTime(new Date(ends)).slice(0, 10);
  return `${formatDateTime(locale, starts)}–${sameDay ? formatTime(locale, ends) : formatDateTime(locale, ends)}`;
}

export default function AdminEvents() {
  const { t, locale } = useI18n();
  const { events } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("eventsAdmin.list.title")}</h1>
      <p className="lead max-w-3xl">{t("eventsAdmin.list.lead")}</p>
      <p className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2">
        <Link to="/admin/events/new" className="button">
          {t("eventsAdmin.list.new")}
        </Link>
        <Link to="/admin/judges">{t("competitions.judges.title")}</Link>
      </p>
      {events.length === 0 ? (
        <p className="notice">{t("eventsAdmin.list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="mb-2 text-left font-bold">{t("eventsAdmin.list.caption", { count: events.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("eventsAdmin.col.title")}</th>
                <th scope="col">{t("eventsAdmin.col.kind")}</th>
                <th scope="col">{t("eventsAdmin.col.time")}</th>
                <th scope="col">{t("eventsAdmin.col.place")}</th>
                <th scope="col">{t("eventsAdmin.col.status")}</th>
                <th scope="col">{t("eventsAdmin.col.registered")}</th>
                <th scope="col">{t("eventsAdmin.col.waitlisted")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`/admin/events/${e.id}`}>{e.title}</Link>
                  </th>
                  <td>{t(`events.kind.${e.kind}`)}</td>
                  <td>{span(locale, e.startsAt, e.endsAt)}</td>
                  <td>{e.kind === "online" ? t("eventsAdmin.place.online", { place: e.place }) : `${e.place} ${e.venue}`.trim()}</td>
                  <td>{t(`events.status.${e.status}`)}</td>
                  <td>{t("eventsAdmin.ofCapacity", { registered: e.registered, capacity: e.capacity })}</td>
                  <td>{e.waitlisted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
