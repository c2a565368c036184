import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { RecordFields } from "~/components/employment/record-fields";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { lookupSchema, recordSchema } from "~/domain/employment/employment.schema";
import { lookupSeeker, recordEmployment, requireRecorder, seekerToRecordFor } from "~/domain/employment/employment.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "employment.new.title");
// The page names the person recorded for: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// Counselors and admins (404 for anyone else). ?seeker=<id> names the person when they are of the actor's region;
// otherwise — an id of nobody, or of someone outside it — the page says "not found" alike and offers the lookup.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requireRecorder(actor);
  const seekerParam = new URL(request.url).searchParams.get("seeker");
  const seeker = seekerParam ? await seekerToRecordFor(await getDb(), actor, seekerParam, { ip: context.ip }) : null;
  return { seeker, notFound: !!seekerParam && !seeker, today: todayInShanghai() };
}

/** 400 with the submission's reply, tagged with the form it belongs to (the page has two). */
function reply<T>(intent: "lookup" | "record", submission: Submission<T>, errors?: Record<string, string[]>) {
  if (!errors) return data({ intent, reply: submission.reply() }, { status: 400 });
  const { "": formErrors, ...fieldErrors } = errors;
  return data({ intent, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requireRecorder(actor);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const db = await getDb();
  if (intent === "lookup") {
    const submission = parseSubmission(formData, { schema: lookupSchema });
    if (submission.status !== "success") return reply("lookup", submission);
    const result = await lookupSeeker(db, actor, submission.value, { ip: context.ip });
    if (!result.ok) return reply("lookup", submission, result.fieldErrors);
    return redirect(`/employment-records/new?seeker=${result.value.seekerId}`);
  }
  const submission = parseSubmission(formData, { schema: recordSchema });
  if (submission.status !== "success") return reply("record", submission);
  const result = await recordEmployment(db, actor, submission.value, { ip: context.ip });
  if (!result.ok) return reply("record", submission, result.fieldErrors);
  return redirect(`/employment-records/${result.value.employmentId}?done=recorded`);
}

function LookupForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "lookup",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lookupSchema }),
  });
  return (
    <section aria-labelledby="lookup-title" className="mt-6">
      <h2 id="lookup-title" className="section-title">
        {t("employment.lookup.title")}
      </h2>
      <p className="mb-3 max-w-3xl">{t("employment.lookup.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="lookup" />
        <Field meta={fields.who} label={t("employment.lookup.who")} hint={t("employment.lookup.who.hint")} autoComplete="off" spellCheck={false} maxLength={40} />
        <button type="submit" className="button">
          {t("employment.lookup.submit")}
        </button>
      </Form>
    </section>
  );
}

function RecordForm({ seekerId, today, lastResult }: { seekerId: string; today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "record",
    lastResult,
    defaultValue: { seekerId, contractStart: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recordSchema }),
  });
  return (
    <section aria-labelledby="record-title" className="mt-6">
      <h2 id="record-title" className="section-title">
        {t("employment.new.formTitle")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name={fields.seekerId.name} value={seekerId} />
        <RecordFields fields={fields} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("employment.new.submit")}
          </button>
          <Link to="/employment-records">{t("employment.back.list")}</Link>
        </div>
      </Form>
    </section>
  );
}

export default function NewEmploymentRecord() {
  const { t } = useI18n();
  const { seeker, notFound, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = seeker ? seeker.name || t("employment.unnamed") : "";
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/employment-records">
          <span aria-hidden="true">← </span>
          {t("employment.back.list")}
        </Link>
      </p>
      <h1 className="page-title">{seeker ? t("employment.new.headingFor", { name }) : t("employment.new.title")}</h1>
      <p className="lead">{t("employment.new.lead")}</p>
      {notFound ? (
        <p className="notice" role="status">
          {t("employment.err.lookupNotFound")}
        </p>
      ) : null}
      {seeker ? (
        <>
          <p className="mb-2">{seeker.regionName ? t("employment.new.seekerPlace", { name, region: seeker.regionName }) : null}</p>
          <p className="mb-2">
            <Link to="/employment-records/new">{t("employment.new.someoneElse")}</Link>
          </p>
          <RecordForm seekerId={seeker.id} today={today} lastResult={actionData?.intent === "record" ? actionData.reply : undefined} />
        </>
      ) : (
        <LookupForm lastResult={actionData?.intent === "lookup" ? actionData.reply : undefined} />
      )}
    </div>
  );
}
