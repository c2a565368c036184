import { useEffect, useState } from "react";
import type { PlanView } from "~/domain/counseling/plans.server";
import { formatCalendarDate, formatDay } from "~/domain/vacancies/format";
import { useI18n } from "~/i18n/use-i18n";

/**
 * An individual plan (一生一策) as a one-page document: what the seeker reads as their plan and what the counselor
 * prints to hand over. Under `@media print` (app/tailwind.css) the site's header, navigation and footer and anything
 * marked `print-hidden` drop out, so the document prints alone.
 */
export function PlanDocument({ plan, headingLevel = 2 }: { plan: PlanView; headingLevel?: 1 | 2 }) {
  const { t, locale } = useI18n();
  const Title = headingLevel === 1 ? "h1" : "h2";
  const Section = headingLevel === 1 ? "h2" : "h3";
  const titleId = "plan-document-title";
  const updated = plan.updatedAt
    ? plan.updatedByName
      ? t("myPlan.doc.updatedBy", { date: formatDay(locale, plan.updatedAt), name: plan.updatedByName })
      : formatDay(locale, plan.updatedAt)
    : t("myPlan.doc.notUpdated");
  const facts: [string, string][] = [
    [t("myPlan.doc.seeker"), plan.seekerName || t("myPlan.doc.unnamed")],
    [t("myPlan.doc.counselor"), plan.counselor ? plan.counselor.name || t("myPlan.doc.unnamed") : t("myPlan.doc.noCounselor")],
    [t("myPlan.doc.status"), t(`counseling.planStatus.${plan.status}`)],
    [t("myPlan.doc.updated"), updated],
  ];
  return (
    <article className="plan-document max-w-3xl" aria-labelledby={titleId}>
      <Title id={titleId} className={headingLevel === 1 ? "page-title" : "section-title mt-0"}>
        {t("myPlan.doc.title")}
      </Title>
      <PrintControls />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>

      <Section className="section-title">{t("myPlan.doc.goals")}</Section>
      <p className="whitespace-pre-line">{plan.goals || t("myPlan.doc.blank")}</p>

      <Section className="section-title">{t("myPlan.doc.barriers")}</Section>
      <p className="whitespace-pre-line">{plan.barriers || t("myPlan.doc.blank")}</p>

      <Section className="section-title">{t("myPlan.doc.actions")}</Section>
      {plan.actions.length === 0 ? (
        <p>{t("myPlan.doc.noActions")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("myPlan.doc.actions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("myPlan.doc.col.description")}</th>
                <th scope="col">{t("myPlan.doc.col.owner")}</th>
                <th scope="col">{t("myPlan.doc.col.due")}</th>
                <th scope="col">{t("myPlan.doc.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.description}</td>
                  <td>{t(`counseling.owner.${a.owner}`)}</td>
                  <td className="whitespace-nowrap">{formatCalendarDate(locale, a.dueDate)}</td>
                  <td>{t(`counseling.actionStatus.${a.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

/** The print button needs JavaScript, so it appears only once the page is hydrated; the hint names the browser's own command. */
function PrintControls() {
  const { t } = useI18n();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="print-hidden mb-6 flex flex-wrap items-center gap-4">
      {hydrated ? (
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("myPlan.doc.print")}
        </button>
      ) : null}
      <p className="m-0 text-muted">{t("myPlan.doc.printHint")}</p>
    </div>
  );
}
