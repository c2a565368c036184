import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { MARK, VacancyForm, withTyped } from "~/components/vacancies/vacancy-form";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { regionTree } from "~/domain/divisions/regions";
import { hasPermission } from "~/domain/permissions";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { isStatusAction, todayInShanghai, vacancySchema, type StatusAction } from "~/domain/vacancies/vacancies.schema";
import { changeVacancyStatus, getVacancyForEdit, updateVacancy } from "~/domain/vacancies/vacancies.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { currentDataYear, savingPerHireForVacancy } from "~/domain/quota/position.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancies.edit.title");

const DONE = {
  created: "vacancies.done.created",
  saved: "vacancies.done.saved",
  published: "vacancies.done.published",
  closed: "vacancies.done.closed",
  reopened: "vacancies.done.reopened",
} as const;
const DONE_BY_ACTION: Record<StatusAction, keyof typeof DONE> = { publish: "published", close: "closed", reopen: "reopened" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const db = await getDb();
  const vacancy = await getVacancyForEdit(db, actor, params.id ?? "");
  const prefectures = regionTree(await listDivisionsWithin(db, "520000"));
  // For a quota-eligible vacancy: what one more hire would save the organization this year (issue 5).
  const savingPerHire = vacancy.values.quotaEligible ? await savingPerHireForVacancy(db, vacancy.organization.id, currentDataYear()) : null;
  const done = new URL(request.url).searchParams.get("done");
  return {
    vacancy,
    prefectures,
    savingPerHire,
    today: todayInShanghai(),
    notice: done && done in DONE ? DONE[done as keyof typeof DONE] : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "update:vacancy")) throw new Response("Not Found", { status: 404 });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (isStatusAction(intent)) {
    const result = await changeVacancyStatus(db, actor, id, intent);
    if (!result.ok) return data({ statusError: result.fieldErrors[""]?.[0] ?? "" }, { status: 400 });
    return redirect(`/employer/vacancies/${id}/edit?done=${DONE_BY_ACTION[intent]}`);
  }
  // The domain knows the saved closing date (which may be kept even once passed) and checks it.
  const submission = parseSubmission(formData, { schema: vacancySchema({ pastCheckedByDomain: true }) });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await updateVacancy(db, actor, id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  // A draft goes on to its preview, where it is published (issue 15); a published vacancy stays here.
  if (result.value.status === "draft") return redirect(`/employer/vacancies/${id}/preview?done=saved`);
  return redirect(`/employer/vacancies/${id}/edit?done=saved`);
}

function StatusError({ message }: { message: string }) {
  const { t, te } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="status-error-title" tabIndex={-1}>
      <h3 id="status-error-title" className="error-summary-title">
        {t("vacancies.edit.statusError")}
      </h3>
      <p className="font-bold text-danger">{te(message)}</p>
    </div>
  );
}

export default function EditVacancy() {
  const { t, locale } = useI18n();
  const { vacancy, prefectures, notice, today, savingPerHire } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const statusError = actionData && "statusError" in actionData ? actionData.statusError : null;
  const lastResult = actionData && !("statusError" in actionData) ? actionData : undefined;
  const { status, organization, values } = vacancy;
  const verified = organization.status === "verified";
  // The title and the organization's name are Chinese as typed: marked so on an English page (WCAG 3.1.2).
  const zh = locale === "en" ? "zh-CN" : undefined;
  const expired = status === "open" && vacancy.closingDate !== null && vacancy.closingDate < today;
  const statusButton = (intent: StatusAction, label: string, secondary = false) => (
    <Form method="post">
      <button type="submit" name="intent" value={intent} className={secondary ? "button button-secondary" : "button"}>
        {label}
      </button>
    </Form>
  );

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/employer/vacancies">{t("vacancies.edit.back")}</Link>
      </p>
      <h1 className="page-title">{withTyped(t("vacancies.edit.heading", { title: MARK }), values.title, zh)}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}

      {savingPerHire && Number(savingPerHire) > 0 ? (
        <p className="notice">
          {t("vacancies.edit.savingPerHire", { amount: savingPerHire })} <Link to="/employer/quota">{t("nav.employerQuota")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="vacancy-status-title" className="card mb-8">
        <h2 id="vacancy-status-title" className="section-title mt-0">
          {t("vacancies.edit.status")}
        </h2>
        <p className="font-bold">{t("vacancies.edit.currentStatus", { status: t(`vacancies.status.${status}`) })}</p>
        <p className="mb-3">
          {status === "filled"
            ? t("vacancies.edit.explain.filled", { openings: vacancy.openings, hired: vacancy.hired })
            : t(`vacancies.edit.explain.${status}`)}
        </p>
        {expired && vacancy.closingDate ? (
          <p className="mb-3">
            {t("vacancies.labelled", { label: t("vacancies.view.closingDate"), value: formatCalendarDate(locale, vacancy.closingDate) })}{" "}
            {t("vacancies.edit.explain.expired")}
          </p>
        ) : null}
        {statusError ? <StatusError message={statusError} /> : null}
        {!verified && (status === "draft" || status === "closed" || status === "filled") ? (
          <p className="notice">{withTyped(t("vacancies.edit.cannotPublish", { name: MARK }), organization.name, zh)}</p>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          {status === "draft" ? (
            <Link to={`/employer/vacancies/${vacancy.id}/preview`} className="button">
              {t("vacancyForm.edit.preview")}
            </Link>
          ) : null}
          {status === "open" ? statusButton("close", t("vacancies.edit.close"), true) : null}
          {(status === "closed" || status === "filled") && verified ? statusButton("reopen", t("vacancies.edit.reopen")) : null}
          <Link to={`/vacancies/${vacancy.id}`}>{t("vacancies.edit.viewPage")}</Link>
          <Link to={`/employer/vacancies/${vacancy.id}/applicants`}>{t("vacancies.edit.applicants")}</Link>
          {status === "open" ? <Link to={`/employer/vacancies/${vacancy.id}/candidates`}>{t("candidates.link")}</Link> : null}
        </div>
      </section>

      <VacancyForm
        key={location.key}
        id="vacancy"
        lastResult={lastResult}
        defaultValue={values}
        ruleOptions={{ keepClosingDate: vacancy.closingDate }}
        prefectures={prefectures}
        organizations={[{ organizationId: organization.id, name: organization.name }]}
        submitLabel={t(status === "draft" ? "vacancyForm.saveAndPreview" : "vacancies.form.save")}
      />
    </div>
  );
}
