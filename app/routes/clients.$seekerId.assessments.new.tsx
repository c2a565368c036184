import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { ASSESSMENT_TEXT_MAX, assessmentSchema, METHOD_MAX } from "~/domain/counseling/assessments.schema";
import { assessmentSubjectName, recordAssessment } from "~/domain/counseling/assessments.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assessment.new.title");
// The page names a person of the caseload: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  // The seeker's current counselor only (404 otherwise); the name for the heading, nothing else leaves here.
  const seekerName = await assessmentSubjectName(await getDb(), actor, seekerId);
  return { seekerId, seekerName, today: todayInShanghai() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const db = await getDb();
  // The seeker's current counselor only, before the form is read (404 otherwise).
  await assessmentSubjectName(db, actor, seekerId);
  const submission = parseSubmission(await request.formData(), { schema: assessmentSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await recordAssessment(db, actor, seekerId, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/clients/${seekerId}?done=assessment`);
}

export default function NewAssessment() {
  const { t } = useI18n();
  const { seekerId, seekerName, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "assessment",
    lastResult,
    defaultValue: { assessedOn: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assessmentSchema }),
  });
  const name = seekerName || t("client.unnamed");
  const overview = `/clients/${seekerId}`;
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={overview}>
          <span aria-hidden="true">← </span>
          {t("client.back.overview", { name })}
        </Link>
      </p>
      <h1 className="page-title">{t("assessment.new.heading", { name })}</h1>
      <p className="lead">{t("assessment.new.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <Field meta={fields.assessedOn} label={t("assessment.field.assessedOn")} hint={t("assessment.field.assessedOn.hint")} type="date" autoComplete="off" />
        <Field meta={fields.method} label={t("assessment.field.method")} hint={t("assessment.field.method.hint")} autoComplete="off" maxLength={METHOD_MAX} />
        <TextAreaField meta={fields.result} label={t("assessment.field.result")} hint={t("assessment.field.result.hint")} maxLength={ASSESSMENT_TEXT_MAX} />
        <TextAreaField
          meta={fields.recommendations}
          label={t("assessment.field.recommendations")}
          hint={t("assessment.field.recommendations.hint")}
          optional
          maxLength={ASSESSMENT_TEXT_MAX}
        />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("assessment.new.submit")}
          </button>
          <Link to={overview}>{t("client.back.overview", { name })}</Link>
        </div>
      </Form>
    </div>
  );
}
