import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField, TextAreaField } from "~/components/form/field";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { assignmentSchema, categoryRefSchema, categorySchema, resultSchema } from "~/domain/competitions/competitions.schema";
import {
  assignJudge,
  getOrganizerCompetition,
  recordResult,
  removeCategory,
  saveCategory,
  setResultsPublished,
  unassignJudge,
  type EntrantRow,
  type OrganizerCategory,
} from "~/domain/competitions/competitions.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isMessageKey, translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "competitions.admin.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data.view.event.title} - ${t("competitions.admin.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = {
  categoryAdded: "competitions.admin.done.categoryAdded",
  categoryUpdated: "competitions.admin.done.categoryUpdated",
  categoryRemoved: "competitions.admin.done.categoryRemoved",
  assigned: "competitions.admin.done.assigned",
  unassigned: "competitions.admin.done.unassigned",
  result: "competitions.admin.done.result",
  published: "competitions.admin.done.published",
  unpublished: "competitions.admin.done.unpublished",
} as const satisfies Record<string, MessageKey>;

// The organizer's page of a competition: admins whose region holds the event. The entrants' list (names with access
// requests) is an audited read, done by the domain.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const view = await getOrganizerCompetition(await getDb(), actor, params.id ?? "", { ip: context.ip });
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const remove = url.searchParams.get("remove");
  return {
    view,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
    confirmRemove: remove && view.categories.some((c) => c.id === remove) ? remove : null,
  };
}

/** A refusal of a one-button form (remove, unassign, publish), shown at the top of the page. */
function refused(fieldErrors: Record<string, string[]>) {
  return data({ failure: Object.values(fieldErrors).flat()[0] ?? "competitions.err.categoryGone" }, { status: 409 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  const back = (done: keyof typeof NOTICES, anchor = "") => redirect(`/admin/events/${id}/competition?done=${done}${anchor}`);
  // Each domain call checks that the actor organizes this competition first (404 otherwise).
  switch (formData.get("intent")) {
    case "category": {
      const submission = parseSubmission(formData, { schema: categorySchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await saveCategory(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back(result.value.created ? "categoryAdded" : "categoryUpdated", `#category-${result.value.categoryId}`);
    }
    case "removeCategory": {
      const submission = parseSubmission(formData, { schema: categoryRefSchema });
      if (submission.status !== "success") return refused({ "": ["competitions.err.categoryGone"] });
      const result = await removeCategory(db, actor, id, submission.value);
      if (!result.ok) return refused(result.fieldErrors);
      return back("categoryRemoved");
    }
    case "assign": {
      const submission = parseSubmission(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await assignJudge(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back("assigned", `#category-${submission.value.categoryId}`);
    }
    case "unassign": {
      const submission = parseSubmission(formData, { schema: assignmentSchema });
      if (submission.status !== "success") return refused({ "": ["competitions.err.judgeNotAssigned"] });
      const result = await unassignJudge(db, actor, id, submission.value);
      if (!result.ok) return refused(result.fieldErrors);
      return back("unassigned", `#category-${submission.value.categoryId}`);
    }
    case "result": {
      const submission = parseSubmission(formData, { schema: resultSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await recordResult(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back("result", `#entry-${submission.value.entryId}`);
    }
    case "publish":
    case "unpublish": {
      const publish = formData.get("intent") === "publish";
      const submission = parseSubmission(formData, { schema: categoryRefSchema });
      if (submission.status !== "success") return refused({ "": ["competitions.err.categoryGone"] });
      const result = await setResultsPublished(db, actor, id, submission.value, publish);
      if (!result.ok) return refused(result.fieldErrors);
      return back(publish ? "published" : "unpublished", `#category-${submission.value.categoryId}`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** Which form an answer belongs to: conform's reply carries the submitted values, the hidden intent among them. */
function replyFor(actionData: ActionData, intent: string, key?: [string, string]): SubmissionResult<string[]> | undefined {
  if (!actionData || "failure" in actionData) return undefined;
  const values = actionData.initialValue as Record<string, unknown> | null | undefined;
  if (values?.intent !== intent) return undefined;
  if (key && values[key[0]] !== key[1]) return undefined;
  if (!key && intent === "category" && values.categoryId) return undefined;
  return actionData;
}

function CategoryForm({ category, lastResult }: { category?: OrganizerCategory; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: category ? `category-form-${category.id}` : "category-new",
    lastResult,
    defaultValue: category ? { name: category.name, description: category.description } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="category" />
        {category ? <input type="hidden" name="categoryId" value={category.id} /> : null}
        <Field meta={fields.name} label={t("competitions.admin.category.name")} hint={t("competitions.admin.category.name.hint")} autoComplete="off" maxLength={60} />
        <TextAreaField meta={fields.description} label={t("competitions.admin.category.description")} hint={t("competitions.admin.category.description.hint")} rows={3} maxLength={1000} optional />
        <button type="submit" className="button">
          {category ? t("competitions.admin.category.update") : t("competitions.admin.category.add")}
        </button>
      </Form>
    </>
  );
}

function AssignForm({ category, options, lastResult }: { category: OrganizerCategory; options: { value: string; label: string }[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `assign-${category.id}`,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="categoryId" value={category.id} />
        <SelectField
          meta={fields.judgeId}
          label={t("competitions.admin.judges.choose", { category: category.name })}
          hint={t("competitions.admin.judges.choose.hint")}
          options={options}
          placeholder={t("competitions.choose")}
        />
        <button type="submit" className="button button-small">
          {t("competitions.admin.judges.assign")}
        </button>
      </Form>
    </>
  );
}

/** A number is typed in as text; the shared text input serves it (the schema parses the number). */
function asText(meta: unknown) {
  return meta as FieldMetadata<string | undefined>;
}

function ResultForm({ entry, lastResult }: { entry: EntrantRow; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `result-${entry.id}`,
    lastResult,
    defaultValue: { score: entry.score ?? "", rank: entry.rank === null ? "" : String(entry.rank), award: entry.award ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resultSchema }),
  });
  const name = entry.name;
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="grid gap-x-4 sm:grid-cols-3">
        <input type="hidden" name="intent" value="result" />
        <input type="hidden" name="entryId" value={entry.id} />
        <Field meta={asText(fields.score)} label={t("competitions.admin.results.score", { name })} inputMode="decimal" autoComplete="off" className="field-input w-28" optional />
        <Field meta={asText(fields.rank)} label={t("competitions.admin.results.rank", { name })} inputMode="numeric" autoComplete="off" className="field-input w-24" optional />
        <Field meta={fields.award} label={t("competitions.admin.results.award", { name })} hint={t("competitions.admin.results.award.hint")} autoComplete="off" maxLength={40} optional />
        <div className="sm:col-span-3">
          <button type="submit" className="button button-small">
            {t("competitions.admin.results.save")}
            <span className="sr-only">{t("competitions.forName", { name })}</span>
          </button>
        </div>
      </Form>
    </>
  );
}

export default function AdminCompetition() {
  const { t, te, locale } = useI18n();
  const { view, notice, confirmRemove } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "failure" in actionData ? actionData.failure : null;
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  const { event, categories, assignable } = view;
  const separator = t("competitions.separator");
  const none = t("competitions.none");
  const requests = (codes: string[]) => (codes.length ? codes.map((c) => t(`events.request.${c}` as MessageKey)).join(separator) : none);
  const base = `/admin/events/${event.id}/competition`;

  return (
    <div>
      <p className="mb-4">
        <Link to={`/admin/events/${event.id}`}>{t("competitions.admin.back")}</Link>
      </p>
      <h1 className="page-title">{t("competitions.admin.heading", { title: event.title })}</h1>
      <p className="lead max-w-3xl">
        {t("competitions.admin.lead", { people: view.people, capacity: event.capacity, deadline: formatDateTime(locale, event.registrationDeadline) })}
      </p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {failure ? (
        <div ref={failureRef} className="error-summary" role="alert" aria-labelledby="competition-error-title" tabIndex={-1}>
          <h2 id="competition-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{isMessageKey(failure) ? te(failure) : failure}</p>
        </div>
      ) : null}

      {categories.length ? (
        <nav aria-label={t("competitions.admin.contents")} className="mb-6">
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {categories.map((c) => (
              <li key={c.id}>
                <a href={`#category-${c.id}`}>{c.name}</a>
              </li>
            ))}
            <li>
              <a href="#new-category">{t("competitions.admin.category.newTitle")}</a>
            </li>
          </ul>
        </nav>
      ) : (
        <p className="notice max-w-3xl">{t("competitions.admin.empty")}</p>
      )}

      {categories.map((c) => {
        const assignedIds = new Set(c.judges.map((j) => j.id));
        const options = assignable.filter((j) => !assignedIds.has(j.id)).map((j) => ({ value: j.id, label: `${j.name}（${j.specialities.join(separator)}${j.organization ? `；${j.organization}` : ""}）` }));
        const entered = c.entrants.filter((e) => e.status === "entered");
        return (
          <section key={c.id} id={`category-${c.id}`} aria-labelledby={`category-${c.id}-title`} className="mb-12 border-t-2 border-line pt-4">
            <h2 id={`category-${c.id}-title`} className="section-title mt-0">
              {c.name}
            </h2>
            {c.description ? <p className="mb-3 max-w-3xl whitespace-pre-line">{c.description}</p> : null}

            {confirmRemove === c.id ? (
              <div className="card mb-4 max-w-3xl border-2" role="group" aria-labelledby={`remove-${c.id}-title`}>
                <h3 id={`remove-${c.id}-title`} className="text-lg font-bold">
                  {t("competitions.admin.remove.confirmTitle", { name: c.name })}
                </h3>
                <p className="mb-3">{t("competitions.admin.remove.confirmText")}</p>
                <div className="flex flex-wrap items-center gap-4">
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeCategory" />
                    <input type="hidden" name="categoryId" value={c.id} />
                    <button type="submit" className="button">
                      {t("competitions.admin.remove.yes")}
                    </button>
                  </Form>
                  <Link to={`${base}#category-${c.id}`}>{t("competitions.admin.remove.no")}</Link>
                </div>
              </div>
            ) : null}

            <details className="mb-6 max-w-3xl" open={!!replyFor(actionData, "category", ["categoryId", c.id])}>
              <summary className="cursor-pointer font-bold">{t("competitions.admin.category.editTitle", { name: c.name })}</summary>
              <div className="card mt-2">
                <CategoryForm category={c} lastResult={replyFor(actionData, "category", ["categoryId", c.id])} />
                {entered.length === 0 && confirmRemove !== c.id ? (
                  <p className="mt-4">
                    <Link to={`${base}?remove=${c.id}#category-${c.id}`}>{t("competitions.admin.remove.link", { name: c.name })}</Link>
                  </p>
                ) : null}
              </div>
            </details>

            <h3 className="mb-2 text-lg font-bold">{t("competitions.admin.judges.title")}</h3>
            {c.judges.length === 0 ? (
              <p className="mb-3">{t("competitions.admin.judges.none")}</p>
            ) : (
              <ul className="mb-4 grid max-w-3xl gap-2">
                {c.judges.map((j) => (
                  <li key={j.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line pb-2">
                    <span>
                      <strong>{j.name}</strong>
                      {j.organization ? `，${j.organization}` : ""}（{j.specialities.join(separator)}）
                      {j.active ? null : <strong>{` ${t("competitions.judges.inactive")}`}</strong>}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="unassign" />
                      <input type="hidden" name="categoryId" value={c.id} />
                      <input type="hidden" name="judgeId" value={j.id} />
                      <button type="submit" className="button button-secondary button-small">
                        {t("competitions.admin.judges.unassign")}
                        <span className="sr-only">{t("competitions.forName", { name: j.name })}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            {options.length ? (
              <div className="mb-8 max-w-3xl">
                <AssignForm category={c} options={options} lastResult={replyFor(actionData, "assign", ["categoryId", c.id])} />
              </div>
            ) : (
              <p className="mb-8">
                {t("competitions.admin.judges.noneAssignable")} <Link to="/admin/judges">{t("competitions.admin.judges.poolLink")}</Link>
              </p>
            )}

            <h3 className="mb-2 text-lg font-bold">{t("competitions.admin.entrants.title")}</h3>
            {c.entrants.length === 0 ? (
              <p className="mb-6">{t("competitions.admin.entrants.none")}</p>
            ) : (
              <div className="relative mb-6 overflow-x-auto">
                <table className="data-table">
                  <caption className="mb-2 text-left font-bold">{t("competitions.admin.entrants.caption", { category: c.name, count: entered.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("competitions.admin.entrants.col.name")}</th>
                      <th scope="col">{t("competitions.admin.entrants.col.status")}</th>
                      <th scope="col">{t("competitions.admin.entrants.col.requests")}</th>
                      <th scope="col">{t("competitions.admin.entrants.col.result")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.entrants.map((e) => (
                      <tr key={e.id} id={`entry-${e.id}`}>
                        <th scope="row" className="font-normal">
                          {e.name}
                        </th>
                        <td>{t(`competitions.entry.${e.status}`)}</td>
                        <td>{requests(e.accessRequests)}</td>
                        <td className="min-w-72">
                          {e.status === "entered" ? (
                            <ResultForm entry={e} lastResult={replyFor(actionData, "result", ["entryId", e.id])} />
                          ) : (
                            none
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <h3 className="mb-2 text-lg font-bold">{t("competitions.admin.publish.title")}</h3>
            {c.resultsPublishedAt ? (
              <>
                <p className="mb-3">{t("competitions.admin.publish.published", { time: formatDateTime(locale, c.resultsPublishedAt) })}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="unpublish" />
                  <input type="hidden" name="categoryId" value={c.id} />
                  <button type="submit" className="button button-secondary button-small">
                    {t("competitions.admin.publish.unpublish")}
                    <span className="sr-only">{t("competitions.forName", { name: c.name })}</span>
                  </button>
                </Form>
              </>
            ) : (
              <>
                <p id={`publish-${c.id}-explain`} className="mb-3 max-w-3xl">
                  {t("competitions.admin.publish.explain")}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="categoryId" value={c.id} />
                  <button type="submit" className="button button-small" aria-describedby={`publish-${c.id}-explain`}>
                    {t("competitions.admin.publish.submit")}
                    <span className="sr-only">{t("competitions.forName", { name: c.name })}</span>
                  </button>
                </Form>
              </>
            )}
          </section>
        );
      })}

      <section id="new-category" aria-labelledby="new-category-title" className="card max-w-3xl">
        <h2 id="new-category-title" className="section-title mt-0">
          {t("competitions.admin.category.newTitle")}
        </h2>
        <CategoryForm lastResult={replyFor(actionData, "category")} />
      </section>
    </div>
  );
}
