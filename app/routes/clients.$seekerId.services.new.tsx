import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { SERVICE_TYPES, serviceSchema, TEXT_MAX } from "~/domain/counseling/counseling.schema";
import { addService, clientName } from "~/domain/counseling/plans.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "client.service.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const db = await getDb();
  // The seeker's current counselor only (404 otherwise); the name for the heading, nothing else leaves here.
  const seekerName = await clientName(db, actor, seekerId);
  return { seekerId, seekerName, today: todayInShanghai() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const submission = parseSubmission(await request.formData(), { schema: serviceSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await addService(await getDb(), actor, seekerId, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/clients/${seekerId}?done=service`);
}

export default function NewServiceRecord() {
  const { t } = useI18n();
  const { seekerId, seekerName, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "service",
    lastResult,
    defaultValue: { serviceDate: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: serviceSchema }),
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
      <h1 className="page-title">{t("client.service.heading", { name })}</h1>
      <p className="lead">{t("client.service.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <RadioGroup
          meta={fields.type}
          legend={t("client.service.type")}
          options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`counseling.serviceType.${s}`) }))}
        />
        <Field meta={fields.serviceDate} label={t("client.service.date")} hint={t("client.service.date.hint")} type="date" autoComplete="off" />
        <TextAreaField meta={fields.notes} label={t("client.service.notes")} hint={t("client.service.notes.hint")} optional maxLength={TEXT_MAX} />
        <TextAreaField meta={fields.outcome} label={t("client.service.outcome")} hint={t("client.service.outcome.hint")} optional maxLength={TEXT_MAX} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("client.service.submit")}
          </button>
          <Link to={overview}>{t("client.back.overview", { name })}</Link>
        </div>
      </Form>
    </div>
  );
}
