import { Link } from "@remix-run/react";
import type { AssessmentView } from "~/domain/counseling/assessments.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { useI18n } from "~/i18n/use-i18n";

function AssessmentBody({ a }: { a: AssessmentView }) {
  const { t } = useI18n();
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      <dt className="font-bold">{t("assessment.method")}</dt>
      <dd>{a.method}</dd>
      <dt className="font-bold">{t("assessment.result")}</dt>
      <dd className="whitespace-pre-line">{a.result}</dd>
      <dt className="font-bold">{t("assessment.recommendations")}</dt>
      <dd className="whitespace-pre-line">{a.recommendations || t("assessment.none")}</dd>
    </dl>
  );
}

/** The client page's list of vocational capability assessments, newest first. */
export function AssessmentsSection({ seekerId, assessments }: { seekerId: string; assessments: AssessmentView[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="assessments-title" className="mt-8">
      <h2 id="assessments-title" className="section-title">
        {t("assessment.section.title")}
      </h2>
      {assessments.length === 0 ? <p className="mb-3">{t("assessment.section.empty")}</p> : null}
      <ul className="grid gap-4">
        {assessments.map((a) => (
          <li key={a.id} className="card">
            <h3 className="mb-2 font-bold">{t("assessment.by", { date: formatCalendarDate(locale, a.assessedOn), name: a.counselorName ?? "" })}</h3>
            <AssessmentBody a={a} />
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link to={`/clients/${seekerId}/assessments/new`}>{t("assessment.section.add")}</Link>
      </p>
    </section>
  );
}

/** The individual plan's "latest assessment", so the plan is made with it in view. */
export function LatestAssessment({ seekerId, assessment }: { seekerId: string; assessment: AssessmentView | null }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="latest-assessment-title" className="card mt-6">
      <h2 id="latest-assessment-title" className="mb-2 text-xl font-bold">
        {t("assessment.latest.title")}
      </h2>
      {assessment ? (
        <>
          <p className="mb-2 text-muted">{t("assessment.by", { date: formatCalendarDate(locale, assessment.assessedOn), name: assessment.counselorName ?? "" })}</p>
          <AssessmentBody a={assessment} />
        </>
      ) : (
        <p>{t("assessment.latest.empty")}</p>
      )}
      <p className="mt-3">
        <Link to={`/clients/${seekerId}/assessments/new`}>{t("assessment.latest.record")}</Link>
      </p>
    </section>
  );
}
