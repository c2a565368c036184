import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { requireAssigned } from "~/domain/counseling/access.server";
import { EMPLOYMENT_FORMS } from "~/domain/statistics/contract";
import { NOTE_MAX, SERVICE_NEEDS, TRAINING_KINDS, VERIFIED_STATUSES, verifySchema } from "~/domain/realname/verification.schema";
import { verificationForm, verify } from "~/domain/realname/verification.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "realname.verify.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The seeker's current counselor only: the domain call checks first and answers 404 to anyone else.
  const form = await verificationForm(await getDb(), actor, params.seekerId ?? "", { ip: context.ip });
  return { form };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const db = await getDb();
  await requireAssigned(db, actor, seekerId, "create:verification");
  const submission = parseSubmission(await request.formData(), { schema: verifySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await verify(db, actor, seekerId, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/verification?done=${result.value.verificationId}`);
}

export default function VerifyPage() {
  const { t, locale } = useI18n();
  const { form: data } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const last = data.last;
  const [form, fields] = useForm({
    id: "verify",
    lastResult,
    // Needs usually last: start from the last check's; the status is asked afresh every time.
    defaultValue: { trainingNeeds: last?.trainingNeeds ?? [], serviceNeeds: last?.serviceNeeds ?? [] },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verifySchema }),
  });
  const name = data.seekerName || t("client.unnamed");
  const overview = `/clients/${data.seekerId}`;
  const checkedThisQuarter = !!last && last.verifiedOn >= data.quarter.start;
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={overview}>
          <span aria-hidden="true">← </span>
          {t("client.back.overview", { name })}
        </Link>
      </p>
      <h1 className="page-title">{t("realname.verify.heading", { name })}</h1>
      <p className="lead">{t("realname.verify.lead")}</p>
      <div className="card mb-6">
        {last ? (
          <>
            <p className="m-0">
              {last.verifiedByName
                ? t("realname.verify.last", { date: formatCalendarDate(locale, last.verifiedOn), name: last.verifiedByName })
                : t("realname.verify.lastNoBy", { date: formatCalendarDate(locale, last.verifiedOn) })}
            </p>
            <p className="m-0">{t("realname.verify.lastStatus", { status: t(`realname.status.${last.employmentStatus}`) })}</p>
          </>
        ) : (
          <p className="m-0">{t("realname.verify.never")}</p>
        )}
        {!data.hasOpenEmployment ? <p className="m-0 mt-2">{t("realname.verify.noOpenRecord", { name })}</p> : null}
      </div>
      {checkedThisQuarter ? <p className="notice">{t("realname.verify.doneThisQuarter")}</p> : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <RadioGroup
          meta={fields.employmentStatus}
          legend={t("realname.verify.status")}
          options={VERIFIED_STATUSES.map((s) => ({ value: s, label: t(`realname.status.${s}`) }))}
        />
        <SelectField
          meta={fields.employmentForm}
          label={t("realname.verify.form")}
          hint={t("realname.verify.form.hint")}
          placeholder={t("realname.verify.form.placeholder")}
          options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: t(`realname.form.${f}`) }))}
        />
        <CheckboxGroup
          meta={fields.trainingNeeds}
          legend={t("realname.verify.training")}
          hint={t("realname.verify.training.hint")}
          options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`realname.training.${k}`) }))}
        />
        <CheckboxGroup
          meta={fields.serviceNeeds}
          legend={t("realname.verify.services")}
          hint={t("realname.verify.services.hint")}
          options={SERVICE_NEEDS.map((s) => ({ value: s, label: t(`counseling.serviceType.${s}`) }))}
        />
        <TextAreaField meta={fields.note} label={t("realname.verify.note")} hint={t("realname.verify.note.hint")} optional rows={3} maxLength={NOTE_MAX} />
        <p className="mb-4">{t("realname.verify.profileNote")}</p>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("realname.verify.submit")}
          </button>
          <Link to="/verification">{t("realname.queue.title")}</Link>
        </div>
      </Form>
    </div>
  );
}
