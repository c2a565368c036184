import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { hasPermission } from "~/domain/permissions";
import { publishSchema } from "~/domain/quota/declarations.schema";
import { canPublishDisclosure, currentLevyYear, listDisclosures, listForReview, publishDisclosure } from "~/domain/quota/declarations.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "declarations.review.title");

const STATUSES = ["submitted", "returned", "approved"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const yearRaw = url.searchParams.get("year");
  const statusRaw = url.searchParams.get("status");
  const year = yearRaw && /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : null;
  const status = (STATUSES as readonly string[]).includes(statusRaw ?? "") ? (statusRaw as (typeof STATUSES)[number]) : null;
  const db = await getDb();
  const [items, disclosures] = await Promise.all([listForReview(db, actor, { levyYear: year, status }), listDisclosures(db)]);
  return { items, disclosures, year, status, currentYear: currentLevyYear(), published: url.searchParams.get("published"), canPublish: canPublishDisclosure(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const submission = parseSubmission(await request.formData(), { schema: publishSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  // Only the province federation publishes (decision 010): publishDisclosure refuses anyone else first.
  const result = await publishDisclosure(await getDb(), actor, submission.value.levyYear, submission.value.objectionDays);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/quota?published=${submission.value.levyYear}`);
}

export default function QuotaReview() {
  const { t, locale } = useI18n();
  const { items, disclosures, year, status, currentYear, published, canPublish } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ levyYear: string; objectionDays: string }, z.infer<typeof publishSchema>>({
    id: "publish",
    lastResult,
    defaultValue: { levyYear: String(currentYear), objectionDays: "7" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }),
  });
  return (
    <div>
      <h1 className="page-title">{t("declarations.review.title")}</h1>
      <p className="lead max-w-3xl">{t("declarations.review.lead")}</p>
      {published ? (
        <p className="notice" role="status">
          {t("declarations.published", { year: published })} <Link to={`/disclosures/${published}`}>{t("declarations.viewDisclosure")}</Link>
        </p>
      ) : null}

      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <div className="field">
          <label htmlFor="filter-year" className="field-label">
            {t("declarations.list.year")}
          </label>
          <input id="filter-year" name="year" inputMode="numeric" defaultValue={year ?? ""} className="field-input" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="filter-status" className="field-label">
            {t("declarations.list.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className="field-input">
            <option value="">{t("declarations.review.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`declarations.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary mb-6">
          {t("declarations.review.filter")}
        </button>
      </Form>

      {items.length === 0 ? (
        <p className="notice">{t("declarations.review.empty")}</p>
      ) : (
        <table className="data-table mb-8">
          <caption className="sr-only">{t("declarations.review.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("declarations.list.organization")}</th>
              <th scope="col">{t("declarations.list.year")}</th>
              <th scope="col">{t("declarations.list.status")}</th>
              <th scope="col">{t("declarations.result.payable")}</th>
              <th scope="col">{t("declarations.list.submittedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/admin/quota/${d.id}`}>{d.organizationName}</Link>
                </th>
                <td>{d.levyYear}</td>
                <td>{t(`declarations.status.${d.status}`)}</td>
                <td>{d.payable ? `¥${d.payable}` : "—"}</td>
                <td>{d.submittedAt ? formatDateTime(locale, d.submittedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="publish-title" className="card mb-8 max-w-2xl">
        <h2 id="publish-title" className="section-title">
          {t("declarations.publish.title")}
        </h2>
        <p className="mb-4">{t("declarations.publish.lead")}</p>
        {canPublish ? (
          <>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              <Field meta={fields.levyYear} label={t("declarations.list.year")} inputMode="numeric" autoComplete="off" />
              <Field meta={fields.objectionDays} label={t("declarations.publish.days")} hint={t("declarations.publish.daysHint")} inputMode="numeric" autoComplete="off" />
              <button type="submit" className="button">
                {t("declarations.publish.submit")}
              </button>
            </Form>
          </>
        ) : (
          <p className="notice">{t("declarations.publish.provinceOnly")}</p>
        )}
      </section>

      <section aria-labelledby="disclosures-title">
        <h2 id="disclosures-title" className="section-title">
          {t("declarations.disclosures.title")}
        </h2>
        {disclosures.length === 0 ? (
          <p>{t("declarations.disclosures.empty")}</p>
        ) : (
          <ul className="grid gap-2">
            {disclosures.map((q) => (
              <li key={q.levyYear}>
                <Link to={`/disclosures/${q.levyYear}`}>{t("declarations.disclosures.item", { year: q.levyYear, count: q.entries })}</Link>
                {" · "}
                <Link to={`/admin/quota/objections/${q.levyYear}`}>{t("declarations.objections.link", { year: q.levyYear })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
