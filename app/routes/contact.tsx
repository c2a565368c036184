import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { pageTitle } from "~/components/meta";
import { currentCounselorOf } from "~/domain/counseling/access.server";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Contact and helpline (issue 15). Public. Only 12385 is given as a number: the federation's own numbers and
 * addresses are not held by the platform, so the page does not invent them. A signed-in seeker with a counselor is
 * pointed to the message thread on their plan.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "basics.contact.title", "basics.contact.description");

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth?.user;
  if (user?.role !== "seeker") return { seeker: null };
  // The seeker's own counselor: their name is shown to them on /my-plan as well.
  const counselor = await currentCounselorOf(await getDb(), user.id);
  return { seeker: { counselor: counselor ? { name: counselor.name } : null } };
}

/** "Your employment counselor is 王芳.": the name as typed, marked zh-CN on an English page (WCAG 3.1.2). */
function CounselorNamed({ name }: { name: string }) {
  const { t, locale } = useI18n();
  const [before, after] = t("basics.contact.counselor.named").split("{name}");
  return (
    <>
      {before}
      <span lang={contentLang(locale, name)}>{name}</span>
      {after}
    </>
  );
}

export default function Contact() {
  const { t, locale } = useI18n();
  const { seeker } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("basics.contact.title")}</h1>
      <p className="lead">{t("basics.contact.lead")}</p>

      <section className="card mb-6">
        <h2 className="mb-2 text-xl font-bold">{t("basics.contact.phone.title")}</h2>
        <p className="font-bold">{t("basics.contact.phone.name")}</p>
        <p className="mb-3 text-4xl font-bold tracking-wide">
          <a href="tel:12385">{t("basics.helpline")}</a>
        </p>
        <p>{t("basics.contact.phone.text")}</p>
      </section>

      <section className="mb-6">
        <h2 className="section-title">{t("basics.contact.online.title")}</h2>
        <p className="mb-4">{t("basics.contact.online.text")}</p>
        <p>
          <Link to="/feedback" className="button">
            {t("basics.contact.online.link")}
          </Link>
        </p>
      </section>

      {seeker ? (
        <section className="mb-6">
          <h2 className="section-title">{t("basics.contact.counselor.title")}</h2>
          {seeker.counselor ? (
            <>
              <p className="mb-3">{seeker.counselor.name ? <CounselorNamed name={seeker.counselor.name} /> : t("basics.contact.counselor.unnamed")}</p>
              <p>
                <Link to="/my-plan#messages">{t("basics.contact.counselor.link")}</Link>
              </p>
            </>
          ) : (
            <p>{t("basics.contact.counselor.none")}</p>
          )}
        </section>
      ) : null}

      <section className="mb-6">
        <h2 className="section-title">{t("basics.contact.inPerson.title")}</h2>
        <p className="mb-3">{t("basics.contact.inPerson.text")}</p>
        <p>
          {t("basics.contact.inPerson.institutions")} <Link to="/institutions">{t("basics.contact.inPerson.institutionsLink")}</Link>
          {locale === "en" ? "." : "。"}
        </p>
      </section>
    </div>
  );
}
