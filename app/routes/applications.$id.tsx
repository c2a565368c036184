import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { StatusTimeline } from "~/components/applications/timeline";
import { pageTitle } from "~/components/meta";
import { getMyApplication, withdrawApplication } from "~/domain/applications/applications.server";
import { DISCLOSURES, INTERVIEW_ACCESS_REQUESTS, label } from "~/domain/catalog";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isMessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.detail.title");

const DONE = ["applied", "existing", "withdrawn"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The permission needs the application's owner: the domain call checks it first and answers 404 otherwise.
  const application = await getMyApplication(await getDb(), actor, params.id ?? "");
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    application,
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null,
    confirmWithdraw: url.searchParams.get("confirm") === "withdraw" && application.canWithdraw,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  if (formData.get("intent") !== "withdraw") throw new Response("Bad Request", { status: 400 });
  const result = await withdrawApplication(await getDb(), actor, params.id ?? "");
  if (!result.ok) return data({ error: result.fieldErrors[""]?.[0] ?? "applications.err.cannotWithdraw" }, { status: 409 });
  return redirect(`/applications/${params.id}?done=withdrawn`);
}

const DONE_TEXT = {
  applied: "applications.apply.created",
  existing: "applications.apply.existing",
  withdrawn: "applications.withdraw.done",
} as const;

export default function MyApplication() {
  const { t, locale } = useI18n();
  const { application: a, done, confirmWithdraw } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (actionData?.error) errorRef.current?.focus();
  }, [actionData]);
  useEffect(() => {
    if (confirmWithdraw) confirmRef.current?.focus();
  }, [confirmWithdraw]);
  const none = t("applications.detail.none");
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("applications.detail.heading", { title: a.vacancy.title })}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(DONE_TEXT[done])}
        </p>
      ) : null}
      {actionData?.error ? (
        <div ref={errorRef} className="error-summary" role="alert" aria-labelledby="withdraw-error-title" tabIndex={-1}>
          <h2 id="withdraw-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{isMessageKey(actionData.error) ? t(actionData.error) : actionData.error}</p>
        </div>
      ) : null}

      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("applications.detail.organization")}</dt>
        <dd>{a.vacancy.organizationName}</dd>
        <dt className="font-bold">{t("applications.detail.status")}</dt>
        <dd>
          <strong>{t(`applications.status.${a.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("applications.detail.applied")}</dt>
        <dd>{formatDateTime(locale, a.appliedAt)}</dd>
      </dl>
      <p className="mb-6">
        <Link to={`/vacancies/${a.vacancy.id}`}>{t("applications.detail.vacancyLink")}</Link>
      </p>

      <h2 className="section-title">{t("applications.detail.timeline")}</h2>
      <StatusTimeline events={a.events} viewer="seeker" />

      <h2 className="section-title">{t("applications.detail.yourApplication")}</h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("applications.detail.note")}</dt>
        <dd className="whitespace-pre-line">{a.note ?? none}</dd>
        <dt className="font-bold">{t("applications.detail.accessRequests")}</dt>
        <dd>{a.accessRequests.length ? a.accessRequests.map((c) => label(INTERVIEW_ACCESS_REQUESTS, c, locale)).join(t("applications.apply.missing.separator")) : none}</dd>
        <dt className="font-bold">{t("applications.detail.disclosure")}</dt>
        <dd>
          {a.disclosure.length
            ? a.disclosure.map((c) => label(DISCLOSURES, c, locale)).join(t("applications.apply.missing.separator"))
            : t("applications.detail.disclosure.none")}
        </dd>
      </dl>

      {a.canWithdraw ? (
        <section aria-labelledby="withdraw-title" className="mt-8">
          <h2 id="withdraw-title" className="section-title">
            {t("applications.withdraw.title")}
          </h2>
          {confirmWithdraw ? (
            <div className="card">
              <h3 ref={confirmRef} tabIndex={-1} className="mb-2 text-lg font-bold">
                {t("applications.withdraw.confirmTitle")}
              </h3>
              <p className="mb-4">{t("applications.withdraw.confirmText")}</p>
              <div className="flex flex-wrap items-center gap-4">
                <Form method="post">
                  <button type="submit" name="intent" value="withdraw" className="button">
                    {t("applications.withdraw.confirm")}
                  </button>
                </Form>
                <Link to={`/applications/${a.id}`}>{t("applications.withdraw.cancel")}</Link>
              </div>
            </div>
          ) : (
            <>
              <p className="mb-3">{t("applications.withdraw.text")}</p>
              <Link to={`/applications/${a.id}?confirm=withdraw#withdraw-title`} className="button button-secondary">
                {t("applications.withdraw.start")}
              </Link>
            </>
          )}
        </section>
      ) : null}

      <p className="mt-8">
        <Link to="/applications">{t("applications.detail.back")}</Link>
      </p>
    </div>
  );
}
