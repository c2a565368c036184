import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { recentExports } from "~/domain/reporting/national-export.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

// The export for the national reporting (issue 18): admins of a region, for their region or one within it. The form
// posts as a plain document request to the resource route statistics.national-export_.download.ts, so the answer is
// the file itself, with or without JavaScript; a refused form comes back here with ?invalid=region|format.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nationalExport.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const db = await getDb();
  const divisions = await listDivisionsWithin(db, actor.regionCode!);
  const invalid = new URL(request.url).searchParams.get("invalid");
  return {
    divisions: divisions.map((d) => ({ code: d.code, name: d.name })),
    recent: await recentExports(db, actor),
    regionCode: actor.regionCode!,
    invalid: invalid === "region" || invalid === "format" ? invalid : null,
  };
}

export default function NationalExport() {
  const { t, locale } = useI18n();
  const { divisions, recent, regionCode, invalid } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="mb-4">
        <Link to="/statistics">{t("nationalExport.back")}</Link>
      </p>
      <h1 className="page-title">{t("nationalExport.title")}</h1>
      <p className="lead max-w-3xl">{t("nationalExport.lead")}</p>
      <p className="notice max-w-3xl">{t("nationalExport.sensitive")}</p>

      <section aria-labelledby="export-title" className="card mb-8 max-w-3xl">
        <h2 id="export-title" className="section-title">
          {t("nationalExport.form.title")}
        </h2>
        {invalid ? (
          <p className="notice" role="alert">
            {t(invalid === "format" ? "nationalExport.err.format" : "nationalExport.err.region")}
          </p>
        ) : null}
        <form method="post" action="/statistics/national-export/download">
          <div className="field">
            <label htmlFor="export-region" className="field-label">
              {t("nationalExport.region")}
            </label>
            <p id="export-region-hint" className="field-hint">
              {t("nationalExport.regionHint")}
            </p>
            <select id="export-region" name="regionCode" defaultValue={regionCode} className="field-input" aria-describedby="export-region-hint" aria-invalid={invalid === "region" || undefined}>
              {divisions.map((d) => (
                <option key={d.code} value={d.code}>{`${d.name} ${d.code}`}</option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend className="field-label">{t("nationalExport.format")}</legend>
            {(["xlsx", "csv"] as const).map((f) => (
              <label key={f} className="block">
                <input type="radio" name="format" value={f} defaultChecked={f === "xlsx"} /> {t(`nationalExport.format.${f}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("nationalExport.submit")}
          </button>
        </form>
      </section>

      <section aria-labelledby="recent-title" className="mb-8">
        <h2 id="recent-title" className="section-title">
          {t("nationalExport.recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="notice">{t("nationalExport.recent.none")}</p>
        ) : (
          <table className="data-table max-w-3xl">
            <caption className="sr-only">{t("nationalExport.recent")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("nationalExport.col.at")}</th>
                <th scope="col">{t("nationalExport.col.who")}</th>
                <th scope="col">{t("nationalExport.col.region")}</th>
                <th scope="col">{t("nationalExport.col.format")}</th>
                <th scope="col">{t("nationalExport.col.people")}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r, i) => (
                <tr key={i}>
                  <td>{formatDateTime(locale, r.at)}</td>
                  <td>{r.actorName ?? ""}</td>
                  <td>{`${r.regionName ?? ""} ${r.regionCode}`}</td>
                  <td>{r.format.toUpperCase()}</td>
                  <td>{r.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
