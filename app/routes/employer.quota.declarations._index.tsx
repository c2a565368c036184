import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { hasPermission } from "~/domain/permissions";
import { currentLevyYear, listMyDeclarations } from "~/domain/quota/declarations.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "declarations.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "read:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const list = await listMyDeclarations(await getDb(), actor);
  // The "start a declaration" form is a GET: it only chooses where to go.
  const organizationId = url.searchParams.get("organizationId");
  const year = url.searchParams.get("year");
  if (organizationId && year && /^\d{4}$/.test(year) && list.organizations.some((o) => o.id === organizationId)) {
    throw redirect(`/employer/quota/declarations/${organizationId}/${year}`);
  }
  return { ...list, currentYear: currentLevyYear() };
}

export default function Declarations() {
  const { t, locale } = useI18n();
  const { organizations, items, currentYear } = useLoaderData<typeof loader>();
  const verified = organizations.filter((o) => o.verified);
  const years = [currentYear, currentYear - 1, currentYear - 2];
  return (
    <div>
      <p className="mb-4">
        <Link to="/employer/quota">{t("declarations.backToQuota")}</Link>
      </p>
      <h1 className="page-title">{t("declarations.list.title")}</h1>
      <p className="lead max-w-3xl">{t("declarations.list.lead")}</p>
      {verified.length === 0 ? (
        <p className="notice">{t("declarations.notVerified")}</p>
      ) : (
        <Form method="get" className="card mb-8 flex flex-wrap items-end gap-4">
          {verified.length > 1 ? (
            <div className="field">
              <label htmlFor="start-organization" className="field-label">
                {t("declarations.list.organization")}
              </label>
              <select id="start-organization" name="organizationId" className="field-input">
                {verified.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="organizationId" value={verified[0]!.id} />
          )}
          <div className="field">
            <label htmlFor="start-year" className="field-label">
              {t("declarations.list.year")}
            </label>
            <p id="start-year-hint" className="field-hint">
              {t("declarations.list.yearHint")}
            </p>
            <select id="start-year" name="year" className="field-input" aria-describedby="start-year-hint" defaultValue={String(currentYear)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {t("declarations.list.yearOption", { year: y, dataYear: y - 1 })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button mb-6">
            {t("declarations.list.open")}
          </button>
        </Form>
      )}
      {items.length === 0 ? (
        <p className="notice">{t("declarations.list.empty")}</p>
      ) : (
        <table className="data-table">
          <caption className="sr-only">{t("declarations.list.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("declarations.list.year")}</th>
              <th scope="col">{t("declarations.list.organization")}</th>
              <th scope="col">{t("declarations.list.status")}</th>
              <th scope="col">{t("declarations.result.payable")}</th>
              <th scope="col">{t("declarations.list.submittedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/employer/quota/declarations/${d.organizationId}/${d.levyYear}`}>{t("declarations.list.yearLink", { year: d.levyYear })}</Link>
                </th>
                <td>{d.organizationName}</td>
                <td>{t(`declarations.status.${d.status}`)}</td>
                <td>{d.payable ? `¥${d.payable}` : "—"}</td>
                <td>{d.submittedAt ? formatDateTime(locale, d.submittedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
