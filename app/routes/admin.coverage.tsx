import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { coverageQuerySchema, parseQuery } from "~/domain/institutions/designations.schema";
import { coverageForAdmin } from "~/domain/institutions/designations.server";
import { requirePermission } from "~/domain/permissions";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institutions.coverage.title");

// Admins: every county of their region, covered by an auxiliary-employment institution today or not. No map: the
// project ships no boundary data with a clear licence (issue 14 allows a map only from such data).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:designation", { regionCode: actor.regionCode });
  const { uncovered } = parseQuery(coverageQuerySchema, new URL(request.url).searchParams);
  const coverage = await coverageForAdmin(await getDb(), actor);
  return { coverage, uncovered };
}

export default function CoveragePage() {
  const { t, locale } = useI18n();
  const { coverage, uncovered } = useLoaderData<typeof loader>();
  const rows = uncovered ? coverage.counties.filter((c) => !c.covered) : coverage.counties;
  const sep = locale === "en" ? ", " : "、";
  const paren = (text: string) => (locale === "en" ? ` (${text})` : `（${text}）`);
  return (
    <div>
      <h1 className="page-title">{t("institutions.coverage.title")}</h1>
      <p className="lead max-w-3xl">{t("institutions.coverage.lead")}</p>
      <p className="mb-4 text-xl font-bold" role="status">
        {t("institutions.coverage.summary", { covered: coverage.coveredCount, total: coverage.countyCount })}
        <span className="text-muted font-normal">{paren(formatCalendarDate(locale, coverage.on))}</span>
      </p>
      <p className="mb-6 text-muted">{t("institutions.coverage.noMap")}</p>

      <Form method="get" className="card mb-6 flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-3">
          <input type="checkbox" id="uncovered" name="uncovered" value="1" defaultChecked={uncovered} className="h-6 w-6" />
          <label htmlFor="uncovered">{t("institutions.coverage.uncoveredOnly")}</label>
        </div>
        <button type="submit" className="button button-secondary">
          {t("institutions.coverage.submit")}
        </button>
      </Form>

      {rows.length === 0 ? (
        <p className="notice">{t("institutions.coverage.allCovered")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="mb-2 text-left font-bold">{t(uncovered ? "institutions.coverage.captionUncovered" : "institutions.coverage.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("institutions.coverage.county")}</th>
                <th scope="col">{t("institutions.coverage.prefecture")}</th>
                <th scope="col">{t("institutions.coverage.covered")}</th>
                <th scope="col">{t("institutions.coverage.institutions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className="font-normal">
                    {c.name}
                  </th>
                  <td>{c.prefectureName}</td>
                  <td>{c.covered ? <strong>{t("institutions.coverage.yes")}</strong> : t("institutions.coverage.no")}</td>
                  <td>
                    {c.institutions.length > 0 ? (
                      <ul>
                        {c.institutions.map((i) => (
                          <li key={i.organizationId}>
                            <Link to={`/institutions/${i.organizationId}`}>{i.name}</Link>
                            {paren(i.kinds.map((k) => t(`institutions.kind.${k}`)).join(sep))}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <Link to="/admin/institutions/new">{t("institutions.coverage.designateHere", { county: c.name })}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
