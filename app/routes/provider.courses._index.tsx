import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { listProviderCourses } from "~/domain/training/enrolments.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "training.provider.list.title");

// The courses of the training bases the employer belongs to (the domain answers 404 to other roles).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const page = Math.trunc(Number(new URL(request.url).searchParams.get("page"))) || 1;
  return await listProviderCourses(await getDb(), actor, { page });
}

export default function ProviderCourses() {
  const { t, locale } = useI18n();
  const { courses, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("training.provider.list.title")}</h1>
      <p className="lead max-w-3xl">{t("training.provider.list.lead")}</p>
      {total === 0 ? (
        <p className="notice">{t("training.provider.list.empty")}</p>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{t("training.provider.list.caption", { count: total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.col.title")}</th>
                  <th scope="col">{t("training.col.kind")}</th>
                  <th scope="col">{t("training.col.dates")}</th>
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
                      <Link to={`/provider/courses/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>{t(`realname.training.${c.kind}`)}</td>
                    <td>{t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}</td>
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
