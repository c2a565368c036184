import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { requirePermission } from "~/domain/permissions";
import { listAdminCourses } from "~/domain/training/courses.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "training.admin.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:course", { regionCode: actor.regionCode });
  const page = Math.trunc(Number(new URL(request.url).searchParams.get("page"))) || 1;
  return await listAdminCourses(await getDb(), actor, { page });
}

export default function AdminCourses() {
  const { t, locale } = useI18n();
  const { courses, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("training.admin.list.title")}</h1>
      <p className="lead max-w-3xl">{t("training.admin.list.lead")}</p>
      <p className="mb-6">
        <Link to="/admin/courses/new" className="button">
          {t("training.admin.list.new")}
        </Link>
      </p>
      {total === 0 ? (
        <p className="notice">{t("training.admin.list.empty")}</p>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{t("training.admin.list.caption", { count: total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.col.title")}</th>
                  <th scope="col">{t("training.col.kind")}</th>
                  <th scope="col">{t("training.col.dates")}</th>
                  <th scope="col">{t("training.col.provider")}</th>
                  <th scope="col">{t("training.col.place")}</th>
                  <th scope="col">{t("training.col.status")}</th>
                  <th scope="col">{t("training.col.enrolled")}</th>
                  <th scope="col">{t("training.col.waitlisted")}</th>
                </tr>
              </thead>
              <tbody>
                {courses.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="font-normal">
                      <Link to={`/admin/courses/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>{t(`realname.training.${c.kind}`)}</td>
                    <td>{t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}</td>
                    <td>{c.providerName}</td>
                    <td>{c.online ? t("training.place.online", { place: c.place }) : c.place}</td>
                    <td>{t(`training.courseStatus.${c.status}`)}</td>
                    <td>{t("training.ofCapacity", { enrolled: c.enrolled, capacity: c.capacity })}</td>
                    <td>{c.waitlisted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
