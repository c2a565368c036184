import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { parseSubmission } from "~/http/forms.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { LatestAssessment } from "~/components/counseling/assessments";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, TextAreaField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { ACTION_OWNERS, actionSchema, actionStatusSchema, LINE_MAX, PLAN_STATUSES, planSchema, TEXT_MAX } from "~/domain/counseling/counseling.schema";
import { latestAssessment } from "~/domain/counseling/assessments.server";
import { addAction, getClientPlan, savePlan, setActionStatus } from "~/domain/counseling/plans.server";
import { formatCalendarDate, formatDay } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "client.planPage.title");
// A plan may name barriers that touch on disability: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

const SAVED = ["plan", "action", "status"] as const;
type Saved = (typeof SAVED)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The seeker's current counselor only: the domain call checks first and answers 404 otherwise.
  const db = await getDb();
  const plan = await getClientPlan(db, actor, params.seekerId ?? "", { ip: context.ip });
  const assessment = await latestAssessment(db, actor, params.seekerId ?? "", { ip: context.ip });
  const url = new URL(request.url);
  const saved = url.searchParams.get("saved");
  const changed = url.searchParams.get("action");
  return {
    plan,
    assessment,
    today: todayInShanghai(),
    saved: (SAVED as readonly string[]).includes(saved ?? "") ? (saved as Saved) : null,
    changed: changed ? (plan.actions.find((a) => a.id === changed) ?? null) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const db = await getDb();
  const base = `/clients/${seekerId}/plan`;
  if (intent === "plan") {
    const submission = parseSubmission(formData, { schema: planSchema });
    if (submission.status !== "success") return data({ intent: "plan" as const, reply: submission.reply() }, { status: 400 });
    const result = await savePlan(db, actor, seekerId, submission.value);
    if (!result.ok) {
      const { "": formErrors, ...fieldErrors } = result.fieldErrors;
      return data({ intent: "plan" as const, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
    }
    return redirect(`${base}?saved=plan`);
  }
  if (intent === "action") {
    const submission = parseSubmission(formData, { schema: actionSchema });
    if (submission.status !== "success") return data({ intent: "action" as const, reply: submission.reply() }, { status: 400 });
    const result = await addAction(db, actor, seekerId, submission.value);
    if (!result.ok) {
      const { "": formErrors, ...fieldErrors } = result.fieldErrors;
      return data({ intent: "action" as const, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
    }
    return redirect(`${base}?saved=action#actions-title`);
  }
  if (intent === "status") {
    const submission = parseSubmission(formData, { schema: actionStatusSchema });
    if (submission.status !== "success") return data({ intent: "status" as const, error: "counseling.err.choiceInvalid" }, { status: 400 });
    const { actionId, status } = submission.value;
    const result = await setActionStatus(db, actor, seekerId, actionId, status);
    if (!result.ok) return data({ intent: "status" as const, error: result.fieldErrors[""]?.[0] ?? "counseling.err.actionGone" }, { status: 400 });
    return redirect(`${base}?saved=status&action=${actionId}#actions-title`);
  }
  throw new Response("Bad Request", { status: 400 });
}

function PlanForm({ plan, lastResult }: { plan: ReturnType<typeof useLoaderData<typeof loader>>["plan"]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "plan",
    lastResult,
    defaultValue: { goals: plan.goals, barriers: plan.barriers, status: plan.status },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planSchema }),
  });
  return (
    <section aria-labelledby="plan-form-title" className="mt-8">
      <h2 id="plan-form-title" className="section-title">
        {t("client.planPage.planForm")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="plan" />
        <TextAreaField meta={fields.goals} label={t("client.plan.goals")} hint={t("client.planPage.goals.hint")} optional maxLength={TEXT_MAX} />
        <TextAreaField meta={fields.barriers} label={t("client.plan.barriers")} hint={t("client.planPage.barriers.hint")} optional maxLength={TEXT_MAX} />
        <RadioGroup
          meta={fields.status}
          legend={t("client.plan.status")}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`counseling.planStatus.${s}`) }))}
        />
        <button type="submit" className="button">
          {t("client.planPage.savePlan")}
        </button>
      </Form>
    </section>
  );
}

function AddActionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "add-action",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionSchema }),
  });
  return (
    <section aria-labelledby="action-form-title" className="mt-8">
      <h2 id="action-form-title" className="section-title">
        {t("client.planPage.actionForm")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="action" />
        <Field
          meta={fields.description}
          label={t("client.planPage.description")}
          hint={t("client.planPage.description.hint")}
          autoComplete="off"
          maxLength={LINE_MAX}
        />
        <RadioGroup
          meta={fields.owner}
          legend={t("client.planPage.owner")}
          options={ACTION_OWNERS.map((o) => ({ value: o, label: t(`counseling.owner.${o}`) }))}
        />
        <Field meta={fields.dueDate} label={t("client.planPage.due")} hint={t("client.dateHint")} type="date" autoComplete="off" />
        <button type="submit" className="button">
          {t("client.planPage.addAction")}
        </button>
      </Form>
    </section>
  );
}

export default function ClientPlanPage() {
  const { t, te, locale } = useI18n();
  const { plan, assessment, today, saved, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const statusError = actionData?.intent === "status" ? actionData.error : null;
  const statusErrorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (statusError) statusErrorRef.current?.focus();
  }, [statusError]);
  const name = plan.seekerName || t("client.unnamed");
  const overview = `/clients/${plan.seekerId}`;
  let notice: string | null = null;
  if (saved === "plan") notice = t("client.planPage.saved.plan");
  if (saved === "action") notice = t("client.planPage.saved.action");
  if (saved === "status" && changed) {
    notice = t("client.planPage.saved.status", { description: changed.description, status: t(`counseling.actionStatus.${changed.status}`) });
  }
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to={overview}>
          <span aria-hidden="true">← </span>
          {t("client.back.overview", { name })}
        </Link>
      </p>
      <h1 className="page-title">{t("client.planPage.heading", { name })}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p className="lead">{t("client.planPage.lead")}</p>
      {plan.updatedAt ? (
        <p className="text-muted">
          {plan.updatedByName
            ? t("client.plan.updatedBy", { date: formatDateTime(locale, plan.updatedAt), name: plan.updatedByName })
            : t("client.plan.updated", { date: formatDateTime(locale, plan.updatedAt) })}
        </p>
      ) : null}

      <LatestAssessment seekerId={plan.seekerId} assessment={assessment} />

      <PlanForm plan={plan} lastResult={actionData?.intent === "plan" ? actionData.reply : undefined} />

      <section aria-labelledby="actions-title" className="mt-8">
        <h2 id="actions-title" className="section-title">
          {t("client.planPage.actions")}
        </h2>
        {statusError ? (
          <div ref={statusErrorRef} className="error-summary" role="alert" aria-labelledby="status-error-title" tabIndex={-1}>
            <h3 id="status-error-title" className="error-summary-title">
              {t("form.errorSummary")}
            </h3>
            <p>{te(statusError)}</p>
          </div>
        ) : null}
        {plan.actions.length === 0 ? (
          <p>{t("client.planPage.actions.none")}</p>
        ) : (
          <>
            <p className="mb-3">{t("client.planPage.actions.lead")}</p>
            <ul className="grid gap-3">
              {plan.actions.map((a) => {
                const status = t(`counseling.actionStatus.${a.status}`);
                const sr = <span className="sr-only">{t("client.which", { name: a.description })}</span>;
                return (
                  <li key={a.id} className="card">
                    <p className="m-0 font-bold">{a.description}</p>
                    <p className="m-0">
                      {t("client.action.due", { date: formatCalendarDate(locale, a.dueDate) })}
                      {a.status === "open" && a.dueDate < today ? (
                        <strong className="ml-2 inline-flex items-center gap-1 text-danger">
                          <Icon name="cross" />
                          {t("client.overdue")}
                        </strong>
                      ) : a.status === "open" && a.dueDate === today ? (
                        <strong className="ml-2">{t("client.dueToday")}</strong>
                      ) : null}
                    </p>
                    <p className="m-0">{t("client.action.owner", { owner: t(`counseling.owner.${a.owner}`) })}</p>
                    <p className="m-0">
                      {t("client.planPage.action.status", {
                        status: a.completedAt ? t("client.planPage.action.closedOn", { status, date: formatDay(locale, a.completedAt) }) : status,
                      })}
                    </p>
                    <Form method="post" className="mt-2 flex flex-wrap gap-3">
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="actionId" value={a.id} />
                      {a.status === "open" ? (
                        <>
                          <button type="submit" name="status" value="done" className="button button-small">
                            {t("client.planPage.markDone")}
                            {sr}
                          </button>
                          <button type="submit" name="status" value="dropped" className="button button-small button-secondary">
                            {t("client.planPage.markDropped")}
                            {sr}
                          </button>
                        </>
                      ) : (
                        <button type="submit" name="status" value="open" className="button button-small button-secondary">
                          {t("client.planPage.reopen")}
                          {sr}
                        </button>
                      )}
                    </Form>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {/* Keyed by the number of actions: after one is added the form starts empty again. */}
      <AddActionForm key={plan.actions.length} lastResult={actionData?.intent === "action" ? actionData.reply : undefined} />

      <p className="mt-8">
        <Link to={overview}>{t("client.back.overview", { name })}</Link>
      </p>
    </div>
  );
}
