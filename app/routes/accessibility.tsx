import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "~/components/meta";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * The accessibility statement (issue 15): what the site aims for, how it is tested (only what the project really
 * does: tests/e2e, README), the display modes, known problems and how to report a barrier. Public, static.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "basics.a11y.title", "basics.a11y.description");

/** When the statement was last checked against the site. */
const REVIEWED_ON = "2026-12-06";

const SECTIONS = [
  { id: "standard", title: "basics.a11y.standard.title" },
  { id: "use", title: "basics.a11y.use.title" },
  { id: "modes", title: "basics.a11y.modes.title" },
  { id: "testing", title: "basics.a11y.testing.title" },
  { id: "known", title: "basics.a11y.known.title" },
  { id: "report", title: "basics.a11y.report.title" },
  { id: "about", title: "basics.a11y.about.title" },
] as const satisfies readonly { id: string; title: MessageKey }[];

const USE: MessageKey[] = [
  "basics.a11y.use.keyboard",
  "basics.a11y.use.screenReader",
  "basics.a11y.use.noScript",
  "basics.a11y.use.zoom",
  "basics.a11y.use.time",
  "basics.a11y.use.language",
];
const MODES = ["largeText", "highContrast", "easyRead"] as const;
const TESTING: MessageKey[] = ["basics.a11y.testing.automated", "basics.a11y.testing.noScript", "basics.a11y.testing.keyboard", "basics.a11y.testing.manual"];
const KNOWN: MessageKey[] = [
  "basics.a11y.known.screenReaders",
  "basics.a11y.known.charts",
  "basics.a11y.known.userContent",
  "basics.a11y.known.downloads",
  "basics.a11y.known.signLanguage",
  "basics.a11y.known.easyRead",
];

export default function AccessibilityStatement() {
  const { t, locale } = useI18n();
  const heading = (id: (typeof SECTIONS)[number]["id"]) => {
    const s = SECTIONS.find((x) => x.id === id)!;
    return (
      <h2 id={`a11y-${id}`} className="section-title">
        {t(s.title)}
      </h2>
    );
  };
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("basics.a11y.title")}</h1>
      <p className="lead">{t("basics.a11y.lead")}</p>

      <nav aria-labelledby="a11y-toc" className="card mb-6">
        <h2 id="a11y-toc" className="mb-2 text-lg font-bold">
          {t("basics.toc")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#a11y-${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section>
        {heading("standard")}
        <p className="mb-3">{t("basics.a11y.standard.text")}</p>
        <p>{t("basics.a11y.standard.status")}</p>
      </section>

      <section>
        {heading("use")}
        <ul className="list-disc space-y-2 pl-6">
          {USE.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>

      <section>
        {heading("modes")}
        <p className="mb-3">{t("basics.a11y.modes.text")}</p>
        <dl className="space-y-3">
          {MODES.map((m) => (
            <div key={m}>
              <dt className="font-bold">{t(`basics.a11y.modes.${m}`)}</dt>
              <dd>{t(`basics.a11y.modes.${m}.text`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section>
        {heading("testing")}
        <ul className="list-disc space-y-2 pl-6">
          {TESTING.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>

      <section>
        {heading("known")}
        <ul className="list-disc space-y-2 pl-6">
          {KNOWN.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>

      <section>
        {heading("report")}
        <p className="mb-4">{t("basics.a11y.report.text")}</p>
        <p className="mb-4">
          <Link to="/feedback?kind=barrier" className="button">
            {t("basics.a11y.report.link")}
          </Link>
        </p>
        <p className="mb-3">
          {t("basics.a11y.report.phone")} <a href="tel:12385" className="font-bold">{t("basics.helpline")}</a>
          {locale === "en" ? "." : "。"}
        </p>
        <p>{t("basics.a11y.report.response")}</p>
      </section>

      <section>
        {heading("about")}
        <p>{t("basics.a11y.about.reviewed", { date: formatDate(locale, REVIEWED_ON) })}</p>
      </section>
    </div>
  );
}
