import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { coursesForCaseload } from "~/domain/training-profile/caseload-courses.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "trainingProfile.courses.title");
// The page names people with what they want to learn: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// A counselor's own caseload only; the domain call answers 404 to anyone else and audits the read.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const people = await coursesForCaseload(await getDb(), actor, { ip: context.ip });
  return { people };
}

export default function CaseloadCourses() {
  const { t, locale } = useI18n();
  const { people } = useLoaderData<typeof loader>();
  const sep = t("seekers.separator");
  return (
    <div>
      <p className="mb-2">
        <Link to="/caseload">{t("caseload.back")}</Link>
      </p>
      <h1 className="page-title">{t("trainingProfile.courses.title")}</h1>
      <p className="lead">{t("trainingProfile.courses.lead")}</p>
      {people.length === 0 ? (
        <p className="notice">{t("trainingProfile.courses.empty")}</p>
      ) : (
        <ul className="grid gap-6">
          {people.map((p) => {
            const headingId = `person-${p.seekerId}`;
            return (
              <li key={p.seekerId}>
                <section aria-labelledby={headingId} className="card">
                  <h2 id={headingId} className="mb-1 text-xl font-bold">
                    <Link to={`/clients/${p.seekerId}`}>{p.name}</Link>
                  </h2>
                  <p>{t("trainingProfile.courses.needs", { list: p.needs.map((k) => t(`trainingProfile.kindShort.${k}`)).join(sep) })}</p>
                  <p className="mb-3">{p.place ? t("trainingProfile.courses.place", { place: p.place }) : t("trainingProfile.courses.placeUnknown")}</p>
                  {p.courses.length === 0 ? (
                    <p className="text-muted">{t("trainingProfile.courses.none")}</p>
                  ) : (
                    <ul className="grid gap-2">
                      {p.courses.map((c) => (
                        <li key={c.id}>
                          <Link to={`/training/${c.id}`} className="font-bold">
                            {c.title}
                          </Link>
                          <span className="block">
                            {t(`trainingProfile.kindShort.${c.kind}`)}
                            {sep}
                            {c.online ? t("trainingProfile.courses.online") : c.place}
                            {sep}
                            {t("trainingProfile.courses.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
