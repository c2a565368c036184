import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/components/meta";
import { applicantFilterSchema } from "~/domain/applications/applications.schema";
import { listApplicants } from "~/domain/applications/applications.server";
import { APPLICATION_STATUSES } from "~/domain/applications/status";
import { EDUCATION_LEVELS, label } from "~/domain/catalog";
import { hasPermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.applicants.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The organization-scoped check (a member of the vacancy's organization) is the domain call's first step.
  if (!hasPermission(actor, "read:application")) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const filter = applicantFilterSchema.parse(Object.fromEntries(url.searchParams));
  return listApplicants(await getDb(), actor, params.id ?? "", filter);
}

export default function Applicants() {
  const { t, locale } = useI18n();
  const list = useLoaderData<typeof loader>();
  const { vacancy, counts, status, items, total, page, pageSize } = list;
  const all = Object.values(counts).reduce((s, n) => s + (n ?? 0), 0);
  return (
    <div>
      <h1 className="page-title">{t("applications.applicants.heading", { title: vacancy.title })}</h1>
      <p className="lead">{t("applications.applicants.lead")}</p>
      <p className="mb-4">
        {t("applications.applicants.facts", {
          status: t(`vacancies.status.${vacancy.status as "draft" | "open" | "closed" | "filled"}`),
          openings: vacancy.openings,
          hired: counts.hired ?? 0,
        })}
      </p>

      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="applicants-status" className="field-label">
            {t("applications.applicants.filter")}
          </label>
          <select id="applicants-status" name="status" defaultValue={status ?? ""} className="field-input">
            <option value="">{t("applications.applicants.filter.all", { count: all })}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t("applications.applicants.filter.option", { status: t(`applications.status.${s}`), count: counts[s] ?? 0 })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("applications.applicants.filter.submit")}
        </button>
      </Form>

      {items.length === 0 ? (
        <p>
          {status
            ? t("applications.applicants.emptyFiltered", { status: t(`applications.status.${status}`) })
            : t("applications.applicants.empty")}
        </p>
      ) : (
        /* A table where there is room for it, a card per applicant where there is not (a phone, large text): a
           container query, so the choice follows the space in text sizes. The hidden one is display:none. */
        <div className="@container">
          <ul aria-label={t("applications.applicants.caption", { page })} className="m-0 grid list-none gap-3 p-0 @min-[40rem]:hidden">
            {items.map((a) => (
              <li key={a.id} className="card">
                <h2 className="m-0 text-lg font-bold">
                  <Link to={`/employer/applications/${a.id}`}>{t("applications.applicants.reference", { reference: a.reference })}</Link>
                </h2>
                <ul className="m-0 mb-2 list-none p-0">
                  <li>
                    <strong>{t("applications.profile.item", { label: t("applications.col.status"), value: t(`applications.status.${a.status}`) })}</strong>
                  </li>
                  <li>{t("applications.profile.item", { label: t("applications.col.applied"), value: formatDateTime(locale, a.appliedAt) })}</li>
                  <li>{t("applications.profile.item", { label: t("applications.col.source"), value: t(`applications.source.${a.source}`) })}</li>
                </ul>
                <Summary a={a} />
              </li>
            ))}
          </ul>
          <table className="data-table hidden @min-[40rem]:table">
            <caption className="sr-only">{t("applications.applicants.caption", { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.col.applicant")}</th>
                <th scope="col">{t("applications.col.status")}</th>
                <th scope="col">{t("applications.col.applied")}</th>
                <th scope="col">{t("applications.col.source")}</th>
                <th scope="col">{t("applications.col.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td className="whitespace-nowrap">
                    <Link to={`/employer/applications/${a.id}`}>{t("applications.applicants.reference", { reference: a.reference })}</Link>
                  </td>
                  <td>{t(`applications.status.${a.status}`)}</td>
                  <td>{formatDateTime(locale, a.appliedAt)}</td>
                  <td>{t(`applications.source.${a.source}`)}</td>
                  <td>
                    <Summary a={a} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={Math.ceil(total / pageSize)} />
      <p className="mt-8">
        <Link to="/employer/vacancies">{t("applications.applicants.back")}</Link>
      </p>
    </div>
  );
}

type Applicant = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

/** What the anonymous profile says, in short: needs met, skills, education, place, graduation year. */
function Summary({ a }: { a: Applicant }) {
  const { t, locale } = useI18n();
  const sep = t("applications.apply.missing.separator");
  if (!a.profile) return <>{t(a.seekerGone ? "applications.applicants.gone" : "applications.applicants.noProfile")}</>;
  const met = a.profile.requiredMet.filter((n) => n.offered).length;
  return (
    <ul className="m-0 list-none p-0">
      <li>{a.profile.needsRequired.length ? t("applications.applicants.needsMet", { met, total: a.profile.needsRequired.length }) : t("applications.applicants.noNeeds")}</li>
      <li>{t("applications.profile.item", { label: t("applications.profile.skills"), value: a.profile.skills.length ? a.profile.skills.join(sep) : t("applications.profile.notGiven") })}</li>
      <li>
        {t("applications.profile.item", {
          label: t("applications.profile.education"),
          value: a.profile.education ? label(EDUCATION_LEVELS, a.profile.education, locale) : t("applications.profile.notGiven"),
        })}
      </li>
      <li>{t("applications.profile.item", { label: t("applications.profile.region"), value: a.profile.regionName ?? t("applications.profile.notGiven") })}</li>
      <li>{t("applications.profile.item", { label: t("applications.profile.graduationYear"), value: a.profile.graduationYear ?? t("applications.profile.notGiven") })}</li>
    </ul>
  );
}
