import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { FREQUENCIES, NAME_MAX, saveSearchSchema, savedSearchActionSchema, summaryText } from "~/domain/alerts/saved-searches.schema";
import { changeSavedSearch, listSavedSearches, saveSearch, type SavedSearchItem } from "~/domain/alerts/saved-searches.server";
import { UUID_RE } from "~/domain/ids";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "alerts.page.title");

// A seeker's own saved searches (issue 17); anyone else signed in gets 404, a visitor the sign-in page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const url = new URL(request.url);
  const items = await listSavedSearches(await getDb(), actor);
  const confirmId = url.searchParams.get("delete");
  // "?delete=<id>": the page asks before deleting (works without JavaScript); not one of the person's: 404.
  const confirm = confirmId ? items.find((i) => i.id === confirmId) : undefined;
  if (confirmId && !confirm) throw new Response("Not Found", { status: 404 });
  const doneRaw = url.searchParams.get("done");
  const done = doneRaw === "frequency" || doneRaw === "rename" || doneRaw === "delete" ? doneRaw : null;
  const doneId = url.searchParams.get("id");
  return { items, confirm: confirm ?? null, done, doneItem: done && doneId && UUID_RE.test(doneId) ? (items.find((i) => i.id === doneId) ?? null) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "save") {
    const submission = parseSubmission(formData, { schema: saveSearchSchema });
    if (submission.status !== "success") return data({ id: "save", reply: submission.reply() }, { status: 400 });
    const result = await saveSearch(db, actor, submission.value, { locale: context.locale });
    if (!result.ok) {
      const { "": formErrors, ...fieldErrors } = result.fieldErrors;
      return data({ id: "save", reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
    }
    const query = new URLSearchParams(submission.value.query.replace(/^\?/, ""));
    query.delete("page");
    query.set("saved", "1");
    return redirect(`/vacancies?${query.toString()}#save-search-title`);
  }
  const submission = parseSubmission(formData, { schema: savedSearchActionSchema });
  const id = String(formData.get("id") ?? "");
  if (submission.status !== "success") return data({ id, reply: submission.reply() }, { status: 400 });
  await changeSavedSearch(db, actor, submission.value);
  const intent = submission.value.intent;
  return redirect(intent === "delete" ? "/saved-searches?done=delete" : `/saved-searches?done=${intent}&id=${submission.value.id}`);
}

export default function SavedSearches() {
  const { t, locale } = useI18n();
  const { items, confirm, done, doneItem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A save posted from the search page that failed (the limit, a tampered field) is answered here.
  const [saveForm] = useForm({ id: "save-search", lastResult: actionData?.id === "save" ? (actionData.reply as SubmissionResult<string[]>) : undefined });
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("alerts.page.title")}</h1>
      <p className="lead">{t("alerts.page.lead")}</p>
      <ErrorSummary form={saveForm} />
      {done ? (
        <p className="notice" role="status">
          {done === "delete"
            ? t("alerts.page.done.delete")
            : done === "rename"
              ? t("alerts.page.done.rename", { name: doneItem?.name ?? "" })
              : t("alerts.page.done.frequency", { name: doneItem?.name ?? "", frequency: doneItem ? t(`alerts.frequency.${doneItem.frequency}`) : "" })}
        </p>
      ) : null}
      {confirm ? (
        <section aria-labelledby="confirm-title" className="card mb-8">
          <h2 id="confirm-title" className="section-title">
            {t("alerts.page.confirmTitle", { name: confirm.name })}
          </h2>
          <p>{t("alerts.page.confirmText")}</p>
          <Form method="post" action="/saved-searches" className="flex flex-wrap items-center gap-4">
            <input type="hidden" name="id" value={confirm.id} />
            <button type="submit" name="intent" value="delete" className="button button-danger">
              {t("alerts.page.confirmSubmit")}
            </button>
            <Link to="/saved-searches">{t("alerts.page.cancel")}</Link>
          </Form>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p>
          {t("alerts.page.empty")} <Link to="/vacancies">{t("alerts.page.emptyLink")}</Link>
        </p>
      ) : (
        <>
          <p>{t("alerts.page.count", { count: items.length })}</p>
          <ul aria-label={t("alerts.page.listLabel")} className="grid gap-4">
            {items.map((item) => (
              <li key={item.id} className="card">
                <SavedSearchRow item={item} summary={summaryText(t, locale, item.summary)} lastResult={actionData?.id === item.id ? (actionData.reply as SubmissionResult<string[]>) : undefined} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SavedSearchRow({ item, summary, lastResult }: { item: SavedSearchItem; summary: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const short = item.id.slice(0, 8);
  const [frequencyForm, frequencyFields] = useForm<{ id: string; intent: string; frequency: string }>({
    id: `f${short}`,
    lastResult: lastResult && (lastResult.initialValue?.intent === "frequency" ? lastResult : undefined),
    defaultValue: { frequency: item.frequency },
  });
  const [renameForm, renameFields] = useForm<{ id: string; intent: string; name: string }>({
    id: `n${short}`,
    lastResult: lastResult && (lastResult.initialValue?.intent === "rename" ? lastResult : undefined),
    defaultValue: { name: item.name },
  });
  const headingId = `h${short}`;
  const renameErrors = Object.keys(renameForm.allErrors).length > 0;
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="text-xl font-bold">
        {item.name}
      </h2>
      <p>
        {t("alerts.page.conditions")}
        {summary}
        {t("alerts.summary.separator")}
        {item.summary.suitsMe ? t("alerts.summary.suitsMe") : t("alerts.summary.all")}
      </p>
      <p>
        <Link to={item.query ? `/vacancies?${item.query}` : "/vacancies"}>
          {t("alerts.page.results")}
          <span className="sr-only">{t("alerts.page.ofName", { name: item.name })}</span>
        </Link>
      </p>
      <ErrorSummary form={frequencyForm} />
      <Form method="post" action="/saved-searches" {...getFormProps(frequencyForm)} className="flex flex-wrap items-end gap-4">
        <input type="hidden" name="id" value={item.id} />
        <SelectField meta={frequencyFields.frequency} label={t("alerts.save.frequency")} options={FREQUENCIES.map((f) => ({ value: f, label: t(`alerts.frequency.${f}`) }))} />
        <button type="submit" name="intent" value="frequency" className="button button-secondary mb-6">
          {t("alerts.page.saveFrequency")}
        </button>
      </Form>
      <details open={renameErrors || undefined}>
        <summary className="cursor-pointer py-2">{t("alerts.page.renameSubmit")}</summary>
        <ErrorSummary form={renameForm} />
        <Form method="post" action="/saved-searches" {...getFormProps(renameForm)}>
          <input type="hidden" name="id" value={item.id} />
          <Field meta={renameFields.name} label={t("alerts.page.rename")} maxLength={NAME_MAX} />
          <button type="submit" name="intent" value="rename" className="button button-secondary">
            {t("alerts.page.renameSubmit")}
          </button>
        </Form>
      </details>
      <p className="mt-4">
        <Link to={`/saved-searches?delete=${item.id}#confirm-title`}>
          {t("alerts.page.delete")}
          <span className="sr-only">{t("alerts.page.ofName", { name: item.name })}</span>
        </Link>
      </p>
    </article>
  );
}
