import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { pageTitle } from "~/components/meta";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * The privacy notice (issue 15; PIPL). It says what the code does — consent and visibility (app/domain/seekers),
 * disclosure per application and the grade at hire (app/domain/applications), account deletion and export, the
 * audit of reads by others — and says plainly where no rule exists yet (retention of logs and feedback).
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "basics.privacy.title", "basics.privacy.description");

const UPDATED_ON = "2026-12-06";

const SECTIONS = [
  { id: "controller", title: "basics.privacy.controller.title" },
  { id: "collect", title: "basics.privacy.collect.title" },
  { id: "why", title: "basics.privacy.why.title" },
  { id: "basis", title: "basics.privacy.basis.title" },
  { id: "who", title: "basics.privacy.who.title" },
  { id: "keep", title: "basics.privacy.keep.title" },
  { id: "rights", title: "basics.privacy.rights.title" },
  { id: "complain", title: "basics.privacy.complain.title" },
  { id: "security", title: "basics.privacy.security.title" },
  { id: "changes", title: "basics.privacy.changes.title" },
] as const satisfies readonly { id: string; title: MessageKey }[];
type SectionId = (typeof SECTIONS)[number]["id"];

const COLLECTED = ["account", "profile", "disability", "applications", "services", "employers", "security", "feedback", "cookies"] as const;
const WHY: MessageKey[] = [
  "basics.privacy.why.matching",
  "basics.privacy.why.certificates",
  "basics.privacy.why.quota",
  "basics.privacy.why.services",
  "basics.privacy.why.security",
  "basics.privacy.why.feedback",
];
const BASIS: MessageKey[] = [
  "basics.privacy.basis.consent",
  "basics.privacy.basis.sensitive",
  "basics.privacy.basis.discoverable",
  "basics.privacy.basis.perApplication",
  "basics.privacy.basis.staff",
];
const KEEP: MessageKey[] = [
  "basics.privacy.keep.account",
  "basics.privacy.keep.deletion",
  "basics.privacy.keep.otherAccounts",
  "basics.privacy.keep.sessions",
  "basics.privacy.keep.noLimit",
];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const { t } = useI18n();
  const s = SECTIONS.find((x) => x.id === id)!;
  return (
    <section>
      <h2 id={`privacy-${id}`} className="section-title">
        {t(s.title)}
      </h2>
      {children}
    </section>
  );
}

/** A sentence followed by the pages where it is done. */
function WithLinks({ text, links }: { text: string; links: { to: string; label: string }[] }) {
  return (
    <>
      {text}
      <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default function PrivacyNotice() {
  const { t, locale } = useI18n();
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("basics.privacy.title")}</h1>
      <p className="lead mb-2">{t("basics.privacy.lead")}</p>
      <p className="mb-6 text-muted">{t("basics.privacy.updated", { date: formatDate(locale, UPDATED_ON) })}</p>

      <nav aria-labelledby="privacy-toc" className="card mb-6">
        <h2 id="privacy-toc" className="mb-2 text-lg font-bold">
          {t("basics.toc")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#privacy-${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="controller">
        <p>
          {t("basics.privacy.controller.text")} <Link to="/contact">{t("basics.privacy.controller.contact")}</Link>
        </p>
      </Section>

      <Section id="collect">
        <dl className="space-y-3">
          {COLLECTED.map((c) => (
            <div key={c}>
              <dt className="font-bold">{t(`basics.privacy.collect.${c}`)}</dt>
              <dd>{t(`basics.privacy.collect.${c}.text`)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="why">
        <ul className="list-disc space-y-2 pl-6">
          {WHY.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </Section>

      <Section id="basis">
        <ul className="list-disc space-y-2 pl-6">
          {BASIS.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </Section>

      <Section id="who">
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("basics.privacy.who.you")}</li>
          <li>
            {t("basics.privacy.who.employers")}
            <ul className="mt-1 list-[circle] space-y-2 pl-6">
              <li>{t("basics.privacy.who.employers.discoverable")}</li>
              <li>{t("basics.privacy.who.employers.apply")}</li>
              <li>{t("basics.privacy.who.employers.hire")}</li>
            </ul>
          </li>
          <li>{t("basics.privacy.who.counselors")}</li>
          <li>{t("basics.privacy.who.admins")}</li>
          <li>{t("basics.privacy.who.feedback")}</li>
          <li>{t("basics.privacy.who.audit")}</li>
        </ul>
        <p className="mt-3">{t("basics.privacy.who.noSale")}</p>
      </Section>

      <Section id="keep">
        <ul className="list-disc space-y-2 pl-6">
          {KEEP.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </Section>

      <Section id="rights">
        <p className="mb-3">{t("basics.privacy.rights.signIn")}</p>
        <ul className="list-disc space-y-3 pl-6">
          <li>
            <WithLinks
              text={t("basics.privacy.rights.access")}
              links={[
                { to: "/profile", label: t("basics.privacy.rights.access.profile") },
                { to: "/profile/export", label: t("basics.privacy.rights.access.export") },
              ]}
            />
          </li>
          <li>
            <WithLinks text={t("basics.privacy.rights.correct")} links={[{ to: "/profile", label: t("basics.privacy.rights.access.profile") }]} />
          </li>
          <li>
            <WithLinks text={t("basics.privacy.rights.delete")} links={[{ to: "/profile/delete", label: t("basics.privacy.rights.delete.link") }]} />
          </li>
          <li>
            <WithLinks
              text={t("basics.privacy.rights.withdraw")}
              links={[
                { to: "/profile/disability", label: t("basics.privacy.rights.withdraw.disability") },
                { to: "/profile/visibility", label: t("basics.privacy.rights.withdraw.visibility") },
              ]}
            />
          </li>
          <li>{t("basics.privacy.rights.explain")}</li>
        </ul>
      </Section>

      <Section id="complain">
        <p>
          {t("basics.privacy.complain.text")} <Link to="/feedback">{t("basics.privacy.complain.link")}</Link>
        </p>
      </Section>

      <Section id="security">
        <p>{t("basics.privacy.security.text")}</p>
      </Section>

      <Section id="changes">
        <p>{t("basics.privacy.changes.text")}</p>
      </Section>
    </div>
  );
}
