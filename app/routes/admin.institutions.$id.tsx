import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { editDesignationSchema, NOTE_MAX, revokeSchema, supportSchema, SUPPORT_KINDS } from "~/domain/institutions/designations.schema";
import { addSupport, getDesignationForAdmin, requireDesignator, revokeDesignation, updateDesignation, type AdminDesignationView } from "~/domain/institutions/designations.server";
import { requirePermission } from "~/domain/permissions";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institutions.admin.title");
// The page names the people employed at the institution: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

const DONE = ["created", "saved", "revoked", "support"] as const;
type Done = (typeof DONE)[number];

// Admins of the organization's region (404 for anyone else); the read of the people employed there is audited.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:designation", { regionCode: actor.regionCode });
  const view = await getDesignationForAdmin(await getDb(), actor, params.id ?? "", { ip: context.ip });
  const done = new URL(request.url).searchParams.get("done");
  return { view, done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null };
}

type Intent = "edit" | "revoke" | "support";

/** 400 with the submission's reply, tagged with the form it belongs to (the page has three). */
function reply<T>(intent: Intent, submission: Submission<T>, errors?: Record<string, string[]>) {
  if (!errors) return data({ intent, reply: submission.reply() }, { status: 400 });
  const { "": formErrors, ...fieldErrors } = errors;
  return data({ intent, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:designation", { regionCode: actor.regionCode });
  requireDesignator(actor);
  const id = params.id ?? "";
  const db = await getDb();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/admin/institutions/${id}`;
  if (intent === "revoke") {
    const submission = parseSubmission(formData, { schema: revokeSchema });
    if (submission.status !== "success") return reply("revoke", submission);
    const result = await revokeDesignation(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("revoke", submission, result.fieldErrors);
    return redirect(`${here}?done=revoked`);
  }
  if (intent === "support") {
    const submission = parseSubmission(formData, { schema: supportSchema });
    if (submission.status !== "success") return reply("support", submission);
    const result = await addSupport(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("support", submission, result.fieldErrors);
    return redirect(`${here}?done=support#support-title`);
  }
  const submission = parseSubmission(formData, { schema: editDesignationSchema });
  if (submission.status !== "success") return reply("edit", submission);
  const result = await updateDesignation(db, actor, id, submission.value, { ip: context.ip });
  if (!result.ok) return reply("edit", submission, result.fieldErrors);
  return redirect(`${here}?done=saved`);
}

type View = Omit<AdminDesignationView, "designation"> & { designation: Omit<AdminDesignationView["designation"], "createdAt"> & { createdAt: string | Date } };

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EditForm({ v, lastResult }: { v: View; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const d = v.designation;
  const [form, fields] = useForm({
    id: "edit",
    lastResult,
    defaultValue: { decisionNumber: d.decisionNumber, decisionDate: d.decisionDate, validFrom: d.validFrom, validTo: d.validTo ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editDesignationSchema }),
  });
  const dateHint = t("institutions.date.hint");
  return (
    <section aria-labelledby="edit-title" className="mt-8">
      <h2 id="edit-title" className="section-title">
        {t("institutions.edit.title")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="edit" />
        <Field meta={fields.decisionNumber} label={t("institutions.new.decisionNumber")} hint={t("institutions.new.decisionNumberHint")} autoComplete="off" />
        <Field meta={fields.decisionDate} label={t("institutions.new.decisionDate")} hint={dateHint} type="date" autoComplete="off" />
        <Field meta={fields.validFrom} label={t("institutions.new.validFrom")} hint={dateHint} type="date" autoComplete="off" />
        <Field meta={fields.validTo} label={t("institutions.new.validTo")} hint={t("institutions.new.validToHint")} type="date" autoComplete="off" optional />
        <button type="submit" className="button">
          {t("institutions.edit.submit")}
        </button>
      </Form>
    </section>
  );
}

function RevokeForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "revoke",
    lastResult,
    defaultValue: { revokedOn: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: revokeSchema }),
  });
  return (
    <section aria-labelledby="revoke-title" className="mt-8">
      <h2 id="revoke-title" className="section-title">
        {t("institutions.revoke.title")}
      </h2>
      <p className="mb-3">{t("institutions.revoke.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="revoke" />
        <Field meta={fields.revokedOn} label={t("institutions.revoke.revokedOn")} hint={t("institutions.date.hint")} type="date" autoComplete="off" />
        <button type="submit" className="button button-secondary">
          {t("institutions.revoke.submit")}
        </button>
      </Form>
    </section>
  );
}

function SupportSection({ v, lastResult }: { v: View; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t, locale } = useI18n();
  const [form, fields] = useForm({
    id: "support",
    lastResult,
    defaultValue: { supportDate: v.today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: supportSchema }),
  });
  return (
    <section aria-labelledby="support-title" className="mt-8">
      <h2 id="support-title" className="section-title">
        {t("institutions.support.title")}
      </h2>
      {v.support.length === 0 ? (
        <p>{t("institutions.support.empty")}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{t("institutions.support.totalsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("institutions.col.supportKind")}</th>
                  <th scope="col">{t("institutions.col.total")}</th>
                  <th scope="col">{t("institutions.col.count")}</th>
                </tr>
              </thead>
              <tbody>
                {v.supportTotals.map((s) => (
                  <tr key={s.kind}>
                    <th scope="row" className="font-normal">
                      {t(`institutions.support.${s.kind}`)}
                    </th>
                    <td>{t("institutions.amount", { amount: s.total })}</td>
                    <td>{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{t("institutions.support.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("institutions.col.date")}</th>
                  <th scope="col">{t("institutions.col.supportKind")}</th>
                  <th scope="col">{t("institutions.col.amount")}</th>
                  <th scope="col">{t("institutions.col.note")}</th>
                </tr>
              </thead>
              <tbody>
                {v.support.map((s) => (
                  <tr key={s.id}>
                    <td>{formatCalendarDate(locale, s.supportDate)}</td>
                    <td>{t(`institutions.support.${s.kind}`)}</td>
                    <td>{t("institutions.amount", { amount: s.amount })}</td>
                    <td className="whitespace-pre-line">{s.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3 className="mt-6 mb-2 text-lg font-bold">{t("institutions.support.add")}</h3>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="support" />
        <SelectField
          meta={fields.kind}
          label={t("institutions.support.kind")}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`institutions.support.${k}`) }))}
          placeholder={t("eventsAdmin.form.choose")}
        />
        <Field meta={fields.amount as never} label={t("institutions.support.amount")} hint={t("institutions.support.amountHint")} inputMode="decimal" autoComplete="off" />
        <Field meta={fields.supportDate} label={t("institutions.support.date")} hint={t("institutions.date.hint")} type="date" autoComplete="off" />
        <TextAreaField meta={fields.note} label={t("institutions.support.note")} optional rows={3} maxLength={NOTE_MAX} />
        <button type="submit" className="button">
          {t("institutions.support.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function AdminDesignationPage() {
  const { t, locale } = useI18n();
  const { view, done } = useLoaderData<typeof loader>();
  const v = view as View;
  const actionData = useActionData<typeof action>();
  const lastResult = (intent: Intent) => (actionData?.intent === intent ? actionData.reply : undefined);
  const d = v.designation;
  const day = (s: string) => formatCalendarDate(locale, s);
  const period = (x: { validFrom: string; validTo: string | null }) =>
    x.validTo ? t("institutions.period.range", { from: day(x.validFrom), to: day(x.validTo) }) : t("institutions.period.from", { from: day(x.validFrom) });
  const status = (x: { status: "active" | "upcoming" | "ended" | "revoked"; revokedOn: string | null }) =>
    x.status === "revoked" && x.revokedOn ? t("institutions.revokedOn", { date: day(x.revokedOn) }) : t(`institutions.status.${x.status}`);
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/admin/institutions">
          <span aria-hidden="true">← </span>
          {t("institutions.new.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("institutions.detail.title", { name: v.organization.name, kind: t(`institutions.kind.${d.kind}`) })}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`institutions.done.${done}`)}
        </p>
      ) : null}
      <p className="lead">
        {t("institutions.detail.region", { region: v.organization.regionName ?? v.organization.regionCode, uscc: v.organization.uscc })}{" "}
        <Link to={`/institutions/${v.organization.id}`}>{t("institutions.detail.publicPage")}</Link>
      </p>
      <div className="card">
        <Rows
          rows={[
            [t("institutions.detail.status"), <strong key="s">{status(d)}</strong>],
            [t("institutions.detail.decision"), d.decisionNumber],
            [t("institutions.detail.decisionDate"), day(d.decisionDate)],
            [t("institutions.detail.period"), period(d)],
            ...(d.designatedByName ? ([[t("institutions.detail.by"), d.designatedByName]] as [string, ReactNode][]) : []),
          ]}
        />
      </div>

      {v.siblings.length > 0 ? (
        <section aria-labelledby="siblings-title" className="mt-8">
          <h2 id="siblings-title" className="section-title">
            {t("institutions.siblings.title")}
          </h2>
          <ul className="list-disc pl-6">
            {v.siblings.map((s) => (
              <li key={s.id}>
                <Link to={`/admin/institutions/${s.id}`}>{t(`institutions.kind.${s.kind}`)}</Link>
                {locale === "en" ? ": " : "："}
                {[period(s), status(s)].join(locale === "en" ? ", " : "，")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="employed-title" className="mt-8">
        <h2 id="employed-title" className="section-title">
          {t("institutions.employed.title")}
        </h2>
        {v.employed.count === 0 ? (
          <p>{t("institutions.employed.none")}</p>
        ) : (
          <>
            <p className="mb-2">{t("institutions.employed.lead", { count: v.employed.count })}</p>
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("institutions.employed.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("institutions.col.name")}</th>
                    <th scope="col">{t("institutions.col.since")}</th>
                    <th scope="col">{t("institutions.col.form")}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.employed.people.map((p) => (
                    <tr key={p.seekerId}>
                      <th scope="row" className="font-normal">
                        {p.name}
                      </th>
                      <td>{day(p.since)}</td>
                      <td>{t(`employment.form.${p.form}` as "employment.form.auxiliary")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <SupportSection v={v} lastResult={lastResult("support")} />
      {d.status !== "revoked" && !d.revokedOn ? <EditForm key={`${d.validFrom}${d.validTo}${d.decisionNumber}`} v={v} lastResult={lastResult("edit")} /> : null}
      {!d.revokedOn ? <RevokeForm today={v.today} lastResult={lastResult("revoke")} /> : null}
    </div>
  );
}
