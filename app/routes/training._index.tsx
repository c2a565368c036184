import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { PROVINCE_CODE } from "~/domain/permissions";
import { COURSE_ARRANGEMENTS, TRAINING_KINDS, type CourseArrangement, type TrainingKind } from "~/domain/training/courses.schema";
import { publicCoursePage } from "~/domain/training/courses.server";
import { formatCalendarDate, formatYuan } from "~/domain/vacancies/format";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "training.public.list.title");

// Public, signed in or not: published courses still running, filtered by kind and place.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind") ?? "";
  const kind = (TRAINING_KINDS as readonly string[]).includes(kindParam) ? (kindParam as TrainingKind) : null;
  const regionParam = url.searchParams.get("region") ?? "";
  const db = await getDb();
  // The place filter offers the province and its prefectures (a prefecture's courses include its counties').
  const places = (await listDivisionsWithin(db, PROVINCE_CODE)).filter((d) => d.level !== "county");
  const region = places.some((p) => p.code === regionParam) ? regionParam : null;
  const page = Math.trunc(Number(url.searchParams.get("page"))) || 1;
  const list = await publicCoursePage(db, { kind, regionCode: region, page });
  return { ...list, kind, region, places };
}

export default function TrainingList() {
  const { t, locale } = useI18n();
  const { courses, total, page, pageCount, kind, region, places } = useLoaderData<typeof loader>();
  const filtered = kind !== null || region !== null;
  return (
    <div>
      <h1 className="page-title">{t("training.public.list.title")}</h1>
      <p className="lead max-w-3xl">{t("training.public.list.lead")}</p>

      <Form method="get" className="card mb-6 max-w-3xl" aria-labelledby="filter-title">
        <h2 id="filter-title" className="section-title mt-0">
          {t("training.public.filter.title")}
        </h2>
        <div className="field">
          <label htmlFor="filter-kind" className="field-label">
            {t("training.public.filter.kind")}
          </label>
          <select id="filter-kind" name="kind" defaultValue={kind ?? ""} className="field-input">
            <option value="">{t("training.public.filter.allKinds")}</option>
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`realname.training.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-region" className="field-label">
            {t("training.public.filter.region")}
          </label>
          <select id="filter-region" name="region" defaultValue={region ?? ""} className="field-input">
            <option value="">{t("training.public.filter.allPlaces")}</option>
            {places.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("training.public.filter.submit")}
          </button>
          {filtered ? <Link to="/training">{t("training.public.filter.clear")}</Link> : null}
        </div>
      </Form>

      <h2 className="section-title" id="results-title">
        {t("training.public.results", { count: total })}
      </h2>
      {total === 0 ? (
        <p className="notice">{filtered ? t("training.public.emptyFiltered") : t("training.public.empty")}</p>
      ) : (
        <>
          <ul className="grid gap-4" aria-labelledby="results-title">
            {courses.map((c) => {
              const titleId = `course-${c.id}`;
              return (
                <li key={c.id}>
                  <article className="card" aria-labelledby={titleId}>
                    <h3 id={titleId} className="mb-1 text-xl font-bold">
                      <Link to={`/training/${c.id}`}>{c.title}</Link>
                    </h3>
                    <p className="mb-2">
                      <span className="tag tag-info">{t(`realname.training.${c.kind}`)}</span>
                    </p>
                    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                      <dt className="font-bold">
                        <Icon name="calendar" /> {t("training.fact.dates")}
                      </dt>
                      <dd>{t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}</dd>
                      <dt className="font-bold">
                        <Icon name="place" /> {t("training.fact.place")}
                      </dt>
                      <dd>{c.online ? t("training.place.online", { place: c.place }) : `${c.place} ${c.venue ?? ""}`.trim()}</dd>
                      <dt className="font-bold">{t("training.fact.provider")}</dt>
                      <dd>{c.providerName}</dd>
                      <dt className="font-bold">{t("training.fact.arrangements")}</dt>
                      <dd>
                        {c.arrangements.length ? (
                          <ul className="flex flex-wrap gap-x-4 gap-y-1">
                            {c.arrangements
                              .filter((a): a is CourseArrangement => (COURSE_ARRANGEMENTS as readonly string[]).includes(a))
                              .map((a) => (
                                <li key={a} className="flex items-center gap-1">
                                  <Icon name="check" />
                                  {t(`events.arrangement.${a}`)}
                                </li>
                              ))}
                          </ul>
                        ) : (
                          t("training.public.arrangementsNone")
                        )}
                      </dd>
                      <dt className="font-bold">{t("training.fact.seats")}</dt>
                      <dd>
                        {c.seatsLeft > 0
                          ? t("training.seatsLeft", { left: c.seatsLeft, capacity: c.capacity })
                          : t("training.seatsFull", { capacity: c.capacity, waitlisted: c.waitlisted })}
                      </dd>
                      {Number(c.subsidyPerTrainee) > 0 ? (
                        <>
                          <dt className="font-bold">{t("training.fact.subsidy")}</dt>
                          <dd>{t("training.yuanPerTrainee", { amount: formatYuan(locale, Number(c.subsidyPerTrainee)) })}</dd>
                        </>
                      ) : null}
                    </dl>
                  </article>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
