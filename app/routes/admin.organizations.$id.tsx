import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextAreaField } from "~/components/form/field";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { INDUSTRIES, label, ORGANIZATION_TYPES } from "~/domain/catalog";
import { rejectSchema } from "~/domain/organizations/organizations.schema";
import { organizationForReview, rejectOrganization, verifyOrganization } from "~/domain/organizations/organizations.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = translator(localeFromMatches(matches));
  if (!data) return pageTitle(matches, "organizations.review.title");
  return [{ title: `${data.review.organization.name} - ${t("organizations.review.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = { verified: "organizations.done.verified", rejected: "organizations.done.rejected" } as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  const review = await organizationForReview(await getDb(), actor, params.id ?? "");
  const done = new URL(request.url).searchParams.get("done");
  return { review, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "verify:organization", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "verify") {
    const result = await verifyOrganization(db, actor, id, { ip: context.ip });
    if (!result.ok) return data({ verifyError: result.fieldErrors[""]?.[0] ?? "organizations.err.notPending" }, { status: 400 });
    return redirect(`/admin/organizations/${id}?done=verified`);
  }
  const submission = parseSubmission(formData, { schema: rejectSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await rejectOrganization(db, actor, id, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/organizations/${id}?done=rejected`);
}


export default function ReviewOrganization() {
  const { t, te, locale } = useI18n();
  const { review, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const verifyError = actionData && "verifyError" in actionData ? actionData.verifyError : null;
  const lastResult = actionData && !("verifyError" in actionData) ? actionData : undefined;
  const [form, fields] = useForm({
    id: "reject",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rejectSchema }),
  });
  const o = review.organization;
  const none = t("organizations.detail.none");
  const by = review.registeredBy;
  const rows: [string, ReactNode][] = [
    [t("organizations.detail.status"), t(`organizations.status.${o.status}`)],
    [t("organizations.field.uscc"), <span className="font-mono">{o.uscc}</span>],
    [t("organizations.field.type"), label(ORGANIZATION_TYPES, o.type, locale)],
    [t("organizations.detail.region"), t("organizations.detail.regionValue", { prefecture: o.prefectureName ?? "", county: o.regionName ?? "" })],
    [t("organizations.field.address"), o.address ?? none],
    [t("organizations.field.industry"), label(INDUSTRIES, o.industry, locale)],
    [t("organizations.field.staffCount"), String(o.staffCount)],
    [t("organizations.field.contactName"), o.contactName],
    [t("organizations.detail.contactPhone"), o.contactPhone ?? none],
    [t("organizations.field.contactEmail"), o.contactEmail ?? none],
    [t("organizations.detail.registeredBy"), by ? [by.name, by.phone, by.email].filter(Boolean).join(" / ") : none],
    [t("organizations.detail.submittedAt"), formatDateTime(locale, o.createdAt)],
  ];
  if (o.reviewedAt) rows.push([t("organizations.detail.reviewedAt"), formatDateTime(locale, o.reviewedAt)]);
  if (o.status === "rejected" && o.rejectionReason) rows.push([t("organizations.detail.reason"), o.rejectionReason]);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/admin/organizations">{t("organizations.reviewPage.back")}</Link>
      </p>
      <h1 className="page-title">{o.name}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice, { name: o.name })}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="mb-2 break-all sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="section-title">{t("organizations.reviewPage.decision")}</h2>
      {o.status !== "pending" ? (
        <p>{t("organizations.reviewPage.decided")}</p>
      ) : !review.canDecide ? (
        <p>{t("organizations.reviewPage.noPermission")}</p>
      ) : (
        <>
          <p className="mb-4">{t("organizations.reviewPage.check")}</p>
          {verifyError ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <p className="error-summary-title">{t("form.errorSummary")}</p>
              <p>{te(verifyError)}</p>
            </div>
          ) : null}
          <section aria-labelledby="verify-title" className="card mb-6">
            <h3 id="verify-title" className="text-lg font-bold">
              {t("organizations.reviewPage.verify.title")}
            </h3>
            <p className="mb-3">{t("organizations.reviewPage.verify.text")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="verify" className="button">
                {t("organizations.reviewPage.verify.submit")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="reject-title" className="card">
            <h3 id="reject-title" className="text-lg font-bold">
              {t("organizations.reviewPage.reject.title")}
            </h3>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="reject" />
              <TextAreaField rows={4} meta={fields.reason} label={t("organizations.reviewPage.reject.reason")} hint={t("organizations.reviewPage.reject.reason.hint")} />
              <button type="submit" className="button button-secondary">
                {t("organizations.reviewPage.reject.submit")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
