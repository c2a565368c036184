import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { AnonymousProfileList } from "~/components/applications/anonymous-profile";
import { StatusTimeline } from "~/components/applications/timeline";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { hireSchema, MESSAGE_MAX, moveSchema } from "~/domain/applications/applications.schema";
import { hireApplicant, markApplicationViewed, moveApplication, openApplicantForEmployer } from "~/domain/applications/applications.server";
import { isApplicationStatus } from "~/domain/applications/status";
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, INTERVIEW_ACCESS_REQUESTS, label } from "~/domain/catalog";
import { hasPermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.review.title");

function requireEmployerActor(context: LoaderFunctionArgs["context"], request: Request) {
  const actor = requireActor(context, request);
  // The organization-scoped checks (member of the vacancy's organization) are each domain call's first step.
  if (!hasPermission(actor, "update:application")) throw new Response("Not Found", { status: 404 });
  return actor;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireEmployerActor(context, request);
  const detail = await openApplicantForEmployer(await getDb(), actor, params.id ?? "", { ip: context.ip });
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const status = url.searchParams.get("status");
  return {
    detail,
    done:
      done === "moved" && isApplicationStatus(status)
        ? ({ kind: "moved", status } as const)
        : done === "hired" || done === "hired-filled"
          ? ({ kind: done } as const)
          : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireEmployerActor(context, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  // Opening the page (GET) only reads; marking it viewed is this explicit step, which notifies the applicant.
  if (formData.get("intent") === "viewed") {
    const result = await markApplicationViewed(db, actor, id);
    return redirect(result.ok && result.value.changed ? `/employer/applications/${id}?done=moved&status=viewed` : `/employer/applications/${id}`);
  }
  if (formData.get("intent") === "hire") {
    const submission = parseSubmission(formData, { schema: hireSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const result = await hireApplicant(db, actor, id, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return redirect(`/employer/applications/${id}?done=${result.value.vacancyFilled ? "hired-filled" : "hired"}`);
  }
  const submission = parseSubmission(formData, { schema: moveSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await moveApplication(db, actor, id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/employer/applications/${id}?done=moved&status=${result.value.status}`);
}

export default function ReviewApplication() {
  const { t, locale } = useI18n();
  const { detail: a, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent;
  const [moveForm, moveFields] = useForm({
    id: "move",
    lastResult: intent === "move" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveSchema }),
  });
  const [hireForm, hireFields] = useForm({
    id: "hire",
    lastResult: intent === "hire" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hireSchema }),
  });
  const none = t("applications.detail.none");
  const sep = t("applications.apply.missing.separator");
  const notGiven = <span className="text-muted">{t("applications.review.notGiven")}</span>;
  const shown = new Set(a.disclosure);
  const d = a.disclosed;
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("applications.review.heading", { reference: a.reference })}</h1>
      <p className="lead">{t("applications.review.vacancy", { title: a.vacancy.title })}</p>
      {done && !lastResult ? (
        <p className="notice" role="status">
          {done.kind === "moved"
            ? t("applications.move.done", { status: t(`applications.status.${done.status}`) })
            : t(done.kind === "hired-filled" ? "applications.hire.doneFilled" : "applications.hire.done")}
        </p>
      ) : null}

      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("applications.review.status")}</dt>
        <dd>
          <strong>{t(`applications.status.${a.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("applications.review.applied")}</dt>
        <dd>{formatDateTime(locale, a.appliedAt)}</dd>
        <dt className="font-bold">{t("applications.review.source")}</dt>
        <dd>{t(`applications.source.${a.source}`)}</dd>
      </dl>

      {a.canMarkViewed ? (
        <Form method="post" className="mb-6">
          <input type="hidden" name="intent" value="viewed" />
          <p id="mark-viewed-hint" className="mb-2">
            {t("applications.viewed.hint")}
          </p>
          <button type="submit" className="button button-secondary" aria-describedby="mark-viewed-hint">
            {t("applications.viewed.submit")}
          </button>
        </Form>
      ) : null}

      {a.seekerGone ? <p className="notice">{t("applications.review.gone")}</p> : null}

      <h2 className="section-title">{t("applications.review.anonymous")}</h2>
      {a.profile ? <AnonymousProfileList profile={a.profile} /> : <p>{t("applications.review.noProfile")}</p>}

      {!a.seekerGone ? (
        <section aria-labelledby="disclosed-title">
          <h2 id="disclosed-title" className="section-title">
            {t("applications.review.disclosed")}
          </h2>
          {shown.size === 0 ? (
            <p>{t("applications.review.disclosed.none")}</p>
          ) : (
            <>
              <p className="mb-2 text-muted">{t("applications.review.disclosed.audit")}</p>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                {shown.has("name") ? (
                  <>
                    <dt className="font-bold">{t("applications.review.name")}</dt>
                    <dd>{d.name || notGiven}</dd>
                  </>
                ) : null}
                {shown.has("contact") ? (
                  <>
                    <dt className="font-bold">{t("applications.review.phone")}</dt>
                    <dd>{d.phone || notGiven}</dd>
                    <dt className="font-bold">{t("applications.review.email")}</dt>
                    <dd>{d.email || notGiven}</dd>
                  </>
                ) : null}
                {shown.has("disability") ? (
                  <>
                    <dt className="font-bold">{t("applications.review.disability")}</dt>
                    <dd>
                      {d.disabilityCategory && d.disabilityGrade
                        ? `${label(DISABILITY_CATEGORIES, d.disabilityCategory, locale)} ${label(DISABILITY_GRADES, String(d.disabilityGrade), locale)}`
                        : notGiven}
                    </dd>
                  </>
                ) : null}
                {shown.has("certificate") ? (
                  <>
                    <dt className="font-bold">{t("applications.review.certificate")}</dt>
                    <dd>{d.certificateNumber || notGiven}</dd>
                  </>
                ) : null}
              </dl>
            </>
          )}
        </section>
      ) : null}

      <h2 className="section-title">{t("applications.review.application")}</h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("applications.review.note")}</dt>
        <dd className="whitespace-pre-line">{a.note ?? none}</dd>
        <dt className="font-bold">{t("applications.review.accessRequests")}</dt>
        <dd>{a.accessRequests.length ? a.accessRequests.map((c) => label(INTERVIEW_ACCESS_REQUESTS, c, locale)).join(sep) : none}</dd>
      </dl>

      <h2 className="section-title">{t("applications.review.timeline")}</h2>
      <StatusTimeline events={a.events} viewer="employer" />

      {a.employment ? (
        <section aria-labelledby="employment-title">
          <h2 id="employment-title" className="section-title">
            {t("applications.employment.title")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t("applications.employment.start")}</dt>
            <dd>{a.employment.contractStart}</dd>
            <dt className="font-bold">{t("applications.employment.end")}</dt>
            <dd>{a.employment.contractEnd ?? t("applications.employment.openEnded")}</dd>
            <dt className="font-bold">{t("applications.employment.insurance")}</dt>
            <dd>{t(a.employment.socialInsurance ? "applications.employment.insurance.yes" : "applications.employment.insurance.no")}</dd>
            <dt className="font-bold">{t("applications.employment.pay")}</dt>
            <dd>{t("applications.employment.payValue", { pay: a.employment.monthlyPay })}</dd>
          </dl>
        </section>
      ) : null}

      {a.moves.length === 0 && !a.canHire ? (
        <p className="mt-6">{t("applications.review.final", { status: t(`applications.status.${a.status}`) })}</p>
      ) : null}

      {a.moves.length > 0 ? (
        <section aria-labelledby="move-title">
          <h2 id="move-title" className="section-title">
            {t("applications.move.title")}
          </h2>
          <ErrorSummary form={moveForm} />
          <Form method="post" {...getFormProps(moveForm)}>
            <input type="hidden" name="intent" value="move" />
            <RadioGroup
              meta={moveFields.to}
              legend={t("applications.move.to")}
              hint={a.canHire ? t("applications.move.to.hint") : undefined}
              options={a.moves.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
            />
            <TextAreaField
              meta={moveFields.message}
              label={t("applications.move.message")}
              hint={t("applications.move.message.hint")}
              optional
              rows={4}
              maxLength={MESSAGE_MAX}
            />
            <button type="submit" className="button">
              {t("applications.move.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {a.canHire ? (
        <section aria-labelledby="hire-title">
          <h2 id="hire-title" className="section-title">
            {t("applications.hire.title")}
          </h2>
          <p className="mb-4">{t("applications.hire.lead")}</p>
          <ErrorSummary form={hireForm} />
          <Form method="post" {...getFormProps(hireForm)}>
            <input type="hidden" name="intent" value="hire" />
            <Field
              meta={hireFields.contractStart}
              label={t("applications.hire.contractStart")}
              hint={t("applications.hire.contractStart.hint")}
              autoComplete="off"
              spellCheck={false}
            />
            <Field
              meta={hireFields.contractEnd}
              label={t("applications.hire.contractEnd")}
              hint={t("applications.hire.contractEnd.hint")}
              autoComplete="off"
              spellCheck={false}
              optional
            />
            <RadioGroup
              meta={hireFields.socialInsurance}
              legend={t("applications.hire.insurance")}
              options={[
                { value: "yes", label: t("applications.hire.insurance.yes") },
                { value: "no", label: t("applications.hire.insurance.no") },
              ]}
            />
            <Field
              meta={hireFields.monthlyPay as unknown as FieldMetadata<string | undefined>}
              label={t("applications.hire.pay")}
              hint={t("applications.hire.pay.hint")}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextAreaField
              meta={hireFields.message}
              label={t("applications.hire.message")}
              hint={t("applications.hire.message.hint")}
              optional
              rows={3}
              maxLength={MESSAGE_MAX}
            />
            <button type="submit" className="button">
              {t("applications.hire.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <p className="mt-8">
        <Link to={`/employer/vacancies/${a.vacancy.id}/applicants`}>{t("applications.review.back")}</Link>
      </p>
    </div>
  );
}
