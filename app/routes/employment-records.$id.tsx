import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { EvidenceFields, FormChoice, MonthsField, RecordFields } from "~/components/employment/record-fields";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { classifySchema, employmentSchema, endSchema } from "~/domain/employment/employment.schema";
import { classifyEmployment, endEmployment, getEmployment, requireMayUpdate, updateEmployment, type EmploymentView } from "~/domain/employment/employment.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "employment.record.title");
// The page names a person with their job and pay: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

const DONE = ["recorded", "saved", "unchanged", "ended"] as const;
type Done = (typeof DONE)[number];

// Staff of the seeker's region (404 for anyone else); the read is audited by the domain.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const record = await getEmployment(await getDb(), actor, params.id ?? "", { ip: context.ip });
  const done = new URL(request.url).searchParams.get("done");
  return { record, today: todayInShanghai(), done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null };
}

type Intent = "edit" | "classify" | "end";

/** 400 with the submission's reply, tagged with the form it belongs to (the page has two). */
function reply<T>(intent: Intent, submission: Submission<T>, errors?: Record<string, string[]>) {
  if (!errors) return data({ intent, reply: submission.reply() }, { status: 400 });
  const { "": formErrors, ...fieldErrors } = errors;
  return data({ intent, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const id = params.id ?? "";
  const db = await getDb();
  // Staff of the seeker's region only, before the form is read (404 otherwise).
  await requireMayUpdate(db, actor, id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/employment-records/${id}`;
  if (intent === "end") {
    const submission = parseSubmission(formData, { schema: endSchema });
    if (submission.status !== "success") return reply("end", submission);
    const result = await endEmployment(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("end", submission, result.fieldErrors);
    return redirect(`${here}?done=ended`);
  }
  if (intent === "classify") {
    const submission = parseSubmission(formData, { schema: classifySchema });
    if (submission.status !== "success") return reply("classify", submission);
    const result = await classifyEmployment(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("classify", submission, result.fieldErrors);
    return redirect(`${here}?done=${result.value.changed ? "saved" : "unchanged"}`);
  }
  const submission = parseSubmission(formData, { schema: employmentSchema });
  if (submission.status !== "success") return reply("edit", submission);
  const result = await updateEmployment(db, actor, id, submission.value, { ip: context.ip });
  if (!result.ok) return reply("edit", submission, result.fieldErrors);
  return redirect(`${here}?done=${result.value.changed ? "saved" : "unchanged"}`);
}

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type RecordData = Omit<EmploymentView, "createdAt" | "updatedAt"> & { createdAt: string | Date; updatedAt: string | Date };

function Details({ r }: { r: RecordData }) {
  const { t, locale } = useI18n();
  const none = <span className="text-muted">{t("employment.notGiven")}</span>;
  const rows: [string, ReactNode][] = [
    [t("employment.field.form"), <strong key="f">{t(`employment.form.${r.form}`)}</strong>],
    [t("employment.field.origin"), t(`employment.origin.${r.origin}`)],
    [t("employment.col.employer"), r.employer || none],
    ...(r.organization && r.employerName ? ([[t("employment.field.employerName"), r.employerName]] as [string, ReactNode][]) : []),
    ...(r.vacancyTitle ? ([[t("employment.record.vacancy"), r.vacancyTitle]] as [string, ReactNode][]) : []),
    [t("employment.field.contractStart"), formatCalendarDate(locale, r.contractStart)],
    [t("employment.field.contractEnd"), r.contractEnd ? formatCalendarDate(locale, r.contractEnd) : t("employment.record.openEnded")],
    [t("employment.field.contractMonths"), r.contractMonths === null ? none : t("employment.record.months", { count: r.contractMonths })],
    [t("employment.field.monthlyPay"), t("employment.record.pay", { pay: r.monthlyPay })],
    [t("employment.field.socialInsurance"), t(r.socialInsurance ? "employment.yes" : "employment.no")],
    [t("employment.field.evidence"), r.evidence ? t(`employment.evidence.${r.evidence}`) : none],
    [t("employment.field.evidenceNote"), r.evidenceNote ? <span className="whitespace-pre-line">{r.evidenceNote}</span> : none],
    [t("employment.record.endedOn"), r.endedOn ? <strong key="e">{formatCalendarDate(locale, r.endedOn)}</strong> : t("employment.record.notEnded")],
    [t("employment.record.created"), r.createdByName ? t("employment.record.by", { date: formatDateTime(locale, r.createdAt), name: r.createdByName }) : formatDateTime(locale, r.createdAt)],
    [t("employment.record.updated"), r.updatedByName ? t("employment.record.by", { date: formatDateTime(locale, r.updatedAt), name: r.updatedByName }) : formatDateTime(locale, r.updatedAt)],
  ];
  return (
    <div className="card">
      <Rows rows={rows} />
    </div>
  );
}

function EditForm({ r, lastResult }: { r: RecordData; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "edit",
    lastResult,
    defaultValue: {
      form: r.form,
      employerName: r.employerName ?? "",
      organizationCode: r.organizationCode ?? "",
      contractStart: r.contractStart,
      contractEnd: r.contractEnd ?? "",
      contractMonths: r.contractMonths === null ? "" : String(r.contractMonths),
      monthlyPay: String(r.monthlyPay),
      socialInsurance: r.socialInsurance ? "yes" : "no",
      evidence: r.evidence ?? "",
      evidenceNote: r.evidenceNote ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: employmentSchema }),
  });
  return (
    <section aria-labelledby="edit-title" className="mt-8">
      <h2 id="edit-title" className="section-title">
        {t("employment.edit.title")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="edit" />
        <RecordFields fields={fields} />
        <button type="submit" className="button">
          {t("employment.edit.submit")}
        </button>
      </Form>
    </section>
  );
}

function ClassifyForm({ r, lastResult }: { r: RecordData; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "classify",
    lastResult,
    defaultValue: {
      form: r.form,
      contractMonths: r.contractMonths === null ? "" : String(r.contractMonths),
      evidence: r.evidence ?? "",
      evidenceNote: r.evidenceNote ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: classifySchema }),
  });
  return (
    <section aria-labelledby="classify-title" className="mt-8">
      <h2 id="classify-title" className="section-title">
        {t("employment.classify.title")}
      </h2>
      <p className="mb-3">{t("employment.classify.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="classify" />
        <FormChoice meta={fields.form} />
        <MonthsField meta={fields.contractMonths as never} />
        <EvidenceFields evidence={fields.evidence} evidenceNote={fields.evidenceNote} />
        <button type="submit" className="button">
          {t("employment.edit.submit")}
        </button>
      </Form>
    </section>
  );
}

function EndForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "end",
    lastResult,
    defaultValue: { endedOn: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: endSchema }),
  });
  return (
    <section aria-labelledby="end-title" className="mt-8">
      <h2 id="end-title" className="section-title">
        {t("employment.end.title")}
      </h2>
      <p className="mb-3">{t("employment.end.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="end" />
        <Field meta={fields.endedOn} label={t("employment.end.endedOn")} hint={t("employment.field.date.hint")} type="date" autoComplete="off" />
        <button type="submit" className="button button-secondary">
          {t("employment.end.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function EmploymentRecordPage() {
  const { t } = useI18n();
  const { record: r, today, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = r.seeker.name || t("employment.unnamed");
  const lastResult = (intent: Intent) => (actionData?.intent === intent ? actionData.reply : undefined);
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/employment-records">
          <span aria-hidden="true">← </span>
          {t("employment.back.list")}
        </Link>
      </p>
      <h1 className="page-title">{t("employment.record.heading", { name })}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`employment.done.${done}`)}
        </p>
      ) : null}
      <p className="lead">{r.seeker.regionName ? t("employment.record.lead", { region: r.seeker.regionName }) : null}</p>
      <Details r={r} />
      {r.editable === "full" ? <EditForm key={String(r.updatedAt)} r={r} lastResult={lastResult("edit")} /> : null}
      {r.editable === "classify" ? <ClassifyForm key={String(r.updatedAt)} r={r} lastResult={lastResult("classify")} /> : null}
      {r.editable && !r.endedOn ? <EndForm today={today} lastResult={lastResult("end")} /> : null}
    </div>
  );
}
