import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, RadioGroup } from "~/components/form/field";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { categoryRefSchema, ENTRY_ACCESS_REQUESTS, entrySchema } from "~/domain/competitions/competitions.schema";
import { enterCategory, getEntryForm, withdrawEntry } from "~/domain/competitions/competitions.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isMessageKey, translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "competitions.enter.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t("competitions.enter.title")}: ${data.event.title} - ${t("site.titleSuffix")}` }];
};

const NOTICES = {
  entered: "competitions.enter.done.entered",
  updated: "competitions.enter.done.updated",
  withdrawn: "competitions.enter.done.withdrawn",
} as const satisfies Record<string, MessageKey>;

// A seeker enters a category of a published competition (or changes their requests, or withdraws). Other roles: 404.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:competition_entry", { ownerId: actor.id });
  const { event, page } = await getEntryForm(await getDb(), actor, params.id ?? "");
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const chosen = url.searchParams.get("category");
  return {
    event,
    page,
    chosen: chosen && page.categories.some((c) => c.id === chosen) ? chosen : null,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:competition_entry", { ownerId: actor.id });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  switch (formData.get("intent")) {
    case "enter": {
      const submission = parseSubmission(formData, { schema: entrySchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await enterCategory(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/events/${id}/enter?done=${result.value.created ? "entered" : "updated"}#mine-title`);
    }
    case "withdraw": {
      const submission = parseSubmission(formData, { schema: categoryRefSchema });
      if (submission.status !== "success") return data({ failure: "competitions.err.notEntered" }, { status: 409 });
      const result = await withdrawEntry(db, actor, id, submission.value);
      if (!result.ok) return data({ failure: Object.values(result.fieldErrors).flat()[0] ?? "competitions.err.notEntered" }, { status: 409 });
      return redirect(`/events/${id}/enter?done=withdrawn#mine-title`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function EnterCompetition() {
  const { t, te, locale } = useI18n();
  const { event, page, chosen, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "failure" in actionData ? actionData.failure : null;
  const lastResult = actionData && !("failure" in actionData) ? actionData : undefined;
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  const [form, fields] = useForm({
    id: "enter",
    lastResult,
    defaultValue: chosen ? { categoryId: chosen, accessRequests: page.mine?.find((m) => m.categoryId === chosen && m.status === "entered")?.accessRequests ?? [] } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entrySchema }),
  });
  const separator = t("competitions.separator");
  const mine = page.mine ?? [];
  const entered = mine.filter((m) => m.status === "entered");
  const canEnter = page.entryOpen && page.categories.length > 0 && (!page.full || entered.length > 0);

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`/events/${event.id}`}>{t("competitions.enter.back", { title: event.title })}</Link>
      </p>
      <h1 className="page-title">{t("competitions.enter.heading", { title: event.title })}</h1>
      <p className="lead">{t("competitions.enter.lead", { deadline: formatDateTime(locale, event.registrationDeadline) })}</p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {failure ? (
        <div ref={failureRef} className="error-summary" role="alert" aria-labelledby="enter-error-title" tabIndex={-1}>
          <h2 id="enter-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{isMessageKey(failure) ? te(failure) : failure}</p>
        </div>
      ) : null}

      <section aria-labelledby="mine-title" className="card mb-8 border-2">
        <h2 id="mine-title" className="section-title mt-0">
          {t("competitions.mine.title")}
        </h2>
        {mine.length === 0 ? (
          <p>{t("competitions.mine.none")}</p>
        ) : (
          <ul className="grid gap-3">
            {mine.map((m) => (
              <li key={m.categoryId} className="border-b border-line pb-3">
                <p className="font-bold">{m.categoryName}</p>
                <p>{t(`competitions.entry.${m.status}`)}</p>
                {m.status === "entered" ? (
                  <p>
                    {m.accessRequests.length
                      ? t("competitions.mine.requests", { requests: m.accessRequests.map((c) => t(`events.request.${c}` as MessageKey)).join(separator) })
                      : t("competitions.mine.requestsNone")}
                  </p>
                ) : null}
                {m.status === "entered" && page.withdrawOpen ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="categoryId" value={m.categoryId} />
                    <p id={`withdraw-${m.categoryId}-hint`} className="mb-2 text-muted">
                      {page.entryOpen ? t("competitions.mine.withdrawHint") : t("competitions.mine.withdrawHintClosed")}
                    </p>
                    <button type="submit" className="button button-secondary button-small" aria-describedby={`withdraw-${m.categoryId}-hint`}>
                      {t("competitions.mine.withdraw")}
                      <span className="sr-only">{t("competitions.forName", { name: m.categoryName })}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="enter-title">
        <h2 id="enter-title" className="section-title">
          {t("competitions.enter.formTitle")}
        </h2>
        {event.status === "cancelled" ? (
          <p>{t("competitions.err.eventCancelled")}</p>
        ) : !page.entryOpen ? (
          <p>{t("competitions.err.entryClosed")}</p>
        ) : page.categories.length === 0 ? (
          <p>{t("competitions.public.noCategories")}</p>
        ) : !canEnter ? (
          <p>{t("competitions.err.full")}</p>
        ) : (
          <>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="enter" />
              <RadioGroup
                meta={fields.categoryId}
                legend={t("competitions.enter.category")}
                hint={t("competitions.enter.category.hint")}
                options={page.categories.map((c) => ({
                  value: c.id,
                  label: entered.some((m) => m.categoryId === c.id) ? t("competitions.enter.categoryEntered", { name: c.name }) : c.name,
                }))}
              />
              <CheckboxGroup
                meta={fields.accessRequests}
                legend={t("competitions.enter.access")}
                hint={t("competitions.enter.access.hint")}
                options={ENTRY_ACCESS_REQUESTS.map((code) => ({ value: code, label: t(`events.request.${code}`) }))}
              />
              <button type="submit" className="button">
                {t("competitions.enter.submit")}
              </button>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
