import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { RadioGroup, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { checkpointSchema, TEXT_MAX } from "~/domain/counseling/counseling.schema";
import { getCheckpointForm, recordCheckpoint } from "~/domain/counseling/follow-up.server";
import { formatCalendarDate, formatDay } from "~/domain/vacancies/format";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkpoint.pageTitle");

// Only the seeker's current counselor gets past the domain's first step; anyone else sees 404.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { form: await getCheckpointForm(await getDb(), actor, params.seekerId ?? "", params.employmentId ?? "", Number(params.month), { ip: context.ip }) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const submission = parseSubmission(await request.formData(), { schema: checkpointSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await recordCheckpoint(await getDb(), actor, seekerId, params.employmentId ?? "", Number(params.month), submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/clients/${seekerId}?done=checkpoint`);
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

export default function Checkpoint() {
  const { t, locale } = useI18n();
  const { form: f } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const e = f.employment;
  const recorded = f.checkpoint.recorded;
  const [form, fields] = useForm({
    id: "checkpoint",
    lastResult,
    defaultValue: {
      stillEmployed: recorded ? yesNo(recorded.stillEmployed) : undefined,
      contractYearOrMore: yesNo(recorded ? recorded.contractYearOrMore : e.contractYearOrMore),
      note: recorded?.note ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkpointSchema }),
  });
  const name = f.seekerName || t("followUp.unnamed");
  const rows: [string, string][] = [
    [t("checkpoint.organization"), e.organizationName],
    [t("checkpoint.vacancy"), e.vacancyTitle ?? t("checkpoint.noVacancy")],
    [
      t("checkpoint.contract"),
      e.contractEnd
        ? t("checkpoint.contract.range", { start: formatCalendarDate(locale, e.contractStart), end: formatCalendarDate(locale, e.contractEnd) })
        : t("checkpoint.contract.open", { start: formatCalendarDate(locale, e.contractStart) }),
    ],
    [t("checkpoint.due"), formatCalendarDate(locale, f.checkpoint.due)],
  ];
  return (
    <div>
      <p className="mb-4">
        <Link to={`/clients/${f.seekerId}`}>{t("checkpoint.back", { name })}</Link>
      </p>
      <h1 className="page-title">{t("checkpoint.title", { name, month: f.checkpoint.month })}</h1>
      <p className="lead max-w-3xl">{t("checkpoint.lead")}</p>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {e.endedOn ? <p className="mb-4 font-bold">{t("checkpoint.ended", { date: formatCalendarDate(locale, e.endedOn) })}</p> : null}
      {f.checkpoint.moot ? <p className="mb-4">{t("checkpoint.moot")}</p> : null}
      {recorded ? <p className="notice">{t("checkpoint.recorded", { date: formatDay(locale, recorded.recordedAt) })}</p> : null}

      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <RadioGroup
          meta={fields.stillEmployed}
          legend={t("checkpoint.stillEmployed")}
          hint={t("checkpoint.explain")}
          options={[
            { value: "yes", label: t("checkpoint.stillEmployed.yes") },
            { value: "no", label: t("checkpoint.stillEmployed.no") },
          ]}
        />
        <RadioGroup
          meta={fields.contractYearOrMore}
          legend={t("checkpoint.contractYear")}
          hint={t("checkpoint.contractYear.hint")}
          options={[
            { value: "yes", label: t("checkpoint.contractYear.yes") },
            { value: "no", label: t("checkpoint.contractYear.no") },
          ]}
        />
        <TextAreaField meta={fields.note} label={t("checkpoint.note")} hint={t("checkpoint.note.hint")} optional maxLength={TEXT_MAX} />
        <button type="submit" className="button">
          {t("checkpoint.submit")}
        </button>
      </Form>
    </div>
  );
}
