import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "~/components/meta";
import { DISCLOSURE_COLUMNS, INDICATOR_COLUMNS, INDICATOR_YEARS, LICENCE_URL, type Column } from "~/domain/opendata/datasets";
import { useI18n } from "~/i18n/use-i18n";

// Open data (issue 18): public, no sign-in. The datasets, their columns, the licence (CC BY 4.0), the suppression
// rule and the file formats; the files are app/routes/open-data.*.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "opendata.title", "opendata.description");

function Columns({ id, columns }: { id: string; columns: readonly Column[] }) {
  const { t, locale } = useI18n();
  return (
    <details className="mt-3">
      <summary id={`${id}-columns`}>{t("opendata.columns")}</summary>
      <table className="data-table mt-2" aria-labelledby={`${id}-columns`}>
        <thead>
          <tr>
            <th scope="col">{t("opendata.column.key")}</th>
            <th scope="col">{t("opendata.column.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <code>{c.key}</code>
              </th>
              <td>{locale === "en" ? c.en : c.zh}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Downloads({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <p className="mt-2">
      {t("opendata.download")}{" "}
      <a href={`/open-data/${name}.csv`} download>
        {t("opendata.csv")}
        <span className="sr-only">: {label}</span>
      </a>
      {" · "}
      <a href={`/open-data/${name}.json`}>
        {t("opendata.json")}
        <span className="sr-only">: {label}</span>
      </a>
    </p>
  );
}

export default function OpenData() {
  const { t } = useI18n();
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("opendata.title")}</h1>
      <p className="lead">{t("opendata.lead")}</p>

      <h2 className="mt-6 text-xl font-bold">{t("opendata.datasets")}</h2>
      <section className="card mt-3" aria-labelledby="indicators-title">
        <h3 id="indicators-title" className="text-lg font-bold">
          {t("opendata.indicators.title")}
        </h3>
        <p>{t("opendata.indicators.text", { years: INDICATOR_YEARS })}</p>
        <Downloads name="indicators" label={t("opendata.indicators.title")} />
        <Columns id="indicators" columns={INDICATOR_COLUMNS} />
      </section>
      <section className="card mt-3" aria-labelledby="disclosure-title">
        <h3 id="disclosure-title" className="text-lg font-bold">
          {t("opendata.disclosure.title")}
        </h3>
        <p>
          {t("opendata.disclosure.text")} <Link to="/disclosures">{t("opendata.disclosure.link")}</Link>
          {t("levy.sentenceEnd")}
        </p>
        <Downloads name="quota-disclosure" label={t("opendata.disclosure.title")} />
        <Columns id="disclosure" columns={DISCLOSURE_COLUMNS} />
      </section>

      <h2 className="mt-6 text-xl font-bold">{t("opendata.licence.title")}</h2>
      <p>{t("opendata.licence.text")}</p>
      <p>
        <a href={LICENCE_URL} hrefLang="en">
          {t("opendata.licence.link")}
        </a>
      </p>

      <h2 className="mt-6 text-xl font-bold">{t("opendata.suppression.title")}</h2>
      <ul className="list-disc pl-6">
        <li>{t("opendata.suppression.small")}</li>
        <li>{t("opendata.suppression.secondary")}</li>
        <li>{t("opendata.suppression.rates")}</li>
      </ul>

      <h2 className="mt-6 text-xl font-bold">{t("opendata.format.title")}</h2>
      <p>{t("opendata.format.csv")}</p>
      <p>{t("opendata.format.json")}</p>
      <p>{t("opendata.format.refresh")}</p>
    </div>
  );
}
