import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { listDisclosures } from "~/domain/quota/declarations.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "disclosure.list.title");

// Public (design §1: the federation publishes employers' quota status).
export async function loader(_: LoaderFunctionArgs) {
  return { items: await listDisclosures(await getDb()) };
}

export default function Disclosures() {
  const { t, locale } = useI18n();
  const { items } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("disclosure.list.title")}</h1>
      <p className="lead max-w-3xl">{t("disclosure.list.lead")}</p>
      <p className="mb-6">
        <Link to="/levy">{t("disclosure.calculatorLink")}</Link>
      </p>
      {items.length === 0 ? (
        <p className="notice">{t("disclosure.list.empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {items.map((q) => (
            <li key={q.levyYear} className="card">
              <h2 className="text-xl font-bold">
                <Link to={`/disclosures/${q.levyYear}`}>{t("disclosure.yearTitle", { year: q.levyYear })}</Link>
              </h2>
              <p>{t("disclosure.list.item", { count: q.entries, published: formatDateTime(locale, q.publishedAt), until: formatDateTime(locale, q.objectionsUntil) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
