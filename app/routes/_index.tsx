import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { localeFromMatches } from "~/components/meta";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t("site.name")} - ${t("site.tagline")}` }, { name: "description", content: t("home.lead") }];
};

export default function Home() {
  const { t } = useI18n();
  const root = useRouteLoaderData<{ user: unknown }>("root");
  const cards = [
    { title: t("home.forSeekers"), text: t("home.forSeekers.text") },
    { title: t("home.forEmployers"), text: t("home.forEmployers.text") },
    { title: t("home.forStaff"), text: t("home.forStaff.text") },
  ];
  return (
    <div>
      <h1 className="page-title text-4xl">{t("home.title")}</h1>
      <p className="lead max-w-3xl">{t("home.lead")}</p>
      {root?.user ? null : (
        <p className="mb-8 flex flex-wrap gap-4">
          <Link to="/register" className="button">
            {t("home.cta.register")}
          </Link>
          <Link to="/login" className="button button-secondary">
            {t("home.cta.signIn")}
          </Link>
        </p>
      )}
      <ul className="grid gap-4 md:grid-cols-3">
        {cards.map((c) => (
          <li key={c.title} className="card">
            <h2 className="mb-2 text-xl font-bold">{c.title}</h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
