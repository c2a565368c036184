import { getFormProps, useForm, type FieldMetadata, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { OwnerLookup } from "~/components/entrepreneurship/owner-lookup";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { lookupSchema } from "~/domain/employment/employment.schema";
import { checkSchema, NOTE_MAX, ownerSchema, SUPPORT_KINDS, supportSchema } from "~/domain/entrepreneurship/entrepreneurship.schema";
import { addOwner, addSupport, caseloadChoices, findOwner, getBusiness, recordCheck, requireBusinessStaff } from "~/domain/entrepreneurship/entrepreneurship.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrepreneurship.detail.title");
// The page names the people who run the business: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

const DONE = ["created", "owner", "ownerAlready", "support", "check", "checkReplaced"] as const;
type Done = (typeof DONE)[number];

// Staff of the business's region (404 for anyone else); naming the owners is audited by the domain.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const db = await getDb();
  const business = await getBusiness(db, actor, params.id ?? "", { ip: context.ip });
  const caseload = business.mayUpdate ? await caseloadChoices(db, actor, { ip: context.ip }) : [];
  const done = new URL(request.url).searchParams.get("done");
  return {
    business,
    caseload: caseload.filter((c) => !business.owners.some((o) => o.id === c.id)),
    isCounselor: actor.role === "counselor",
    today: todayInShanghai(),
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null,
  };
}

type Intent = "owner" | "lookup" | "support" | "check";

/** 400 with the submission's reply, tagged with the form it belongs to (the page has several). */
function reply<T>(intent: Intent, submission: Submission<T>, errors?: Record<string, string[]>) {
  if (!errors) return data({ intent, reply: submission.reply() }, { status: 400 });
  const { "": formErrors, ...fieldErrors } = errors;
  return data({ intent, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requireBusinessStaff(actor);
  const id = params.id ?? "";
  const db = await getDb();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/businesses/${id}`;
  if (intent === "lookup") {
    const submission = parseSubmission(formData, { schema: lookupSchema });
    if (submission.status !== "success") return reply("lookup", submission);
    const found = await findOwner(db, actor, submission.value, { ip: context.ip });
    if (!found.ok) return reply("lookup", submission, found.fieldErrors);
    const result = await addOwner(db, actor, id, { seekerId: found.value.seekerId }, { ip: context.ip });
    if (!result.ok) return reply("lookup", submission, { who: result.fieldErrors.seekerId ?? [] });
    return redirect(`${here}?done=${result.value.added ? "owner" : "ownerAlready"}`);
  }
  if (intent === "owner") {
    const submission = parseSubmission(formData, { schema: ownerSchema });
    if (submission.status !== "success") return reply("owner", submission);
    const result = await addOwner(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("owner", submission, result.fieldErrors);
    return redirect(`${here}?done=${result.value.added ? "owner" : "ownerAlready"}`);
  }
  if (intent === "check") {
    const submission = parseSubmission(formData, { schema: checkSchema });
    if (submission.status !== "success") return reply("check", submission);
    const result = await recordCheck(db, actor, id, submission.value, { ip: context.ip });
    if (!result.ok) return reply("check", submission, result.fieldErrors);
    return redirect(`${here}?done=${result.value.replaced ? "checkReplaced" : "check"}`);
  }
  const submission = parseSubmission(formData, { schema: supportSchema });
  if (submission.status !== "success") return reply("support", submission);
  const result = await addSupport(db, actor, id, submission.value, { ip: context.ip });
  if (!result.ok) return reply("support", submission, result.fieldErrors);
  return redirect(`${here}?done=support`);
}

/** Number fields are text inputs: conform reads them as text and zod coerces. */
type TextMeta = FieldMetadata<string | undefined>;

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

function CaseloadOwnerForm({ caseload, lastResult }: { caseload: { id: string; name: string }[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "owner",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ownerSchema }),
  });
  return (
    <section aria-labelledby="owner-caseload-title" className="mt-4">
      <h3 id="owner-caseload-title" className="mb-2 text-lg font-bold">
        {t("entrepreneurship.caseload.title")}
      </h3>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="owner" />
        <SelectField
          meta={fields.seekerId}
          label={t("entrepreneurship.caseload.field")}
          placeholder={t("entrepreneurship.caseload.choose")}
          options={caseload.map((c) => ({ value: c.id, label: c.name || t("entrepreneurship.unnamed") }))}
        />
        <button type="submit" className="button">
          {t("entrepreneurship.owners.addSubmit")}
        </button>
      </Form>
    </section>
  );
}

function SupportForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "support",
    lastResult,
    defaultValue: { supportDate: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: supportSchema }),
  });
  return (
    <section aria-labelledby="support-form-title" className="mt-6">
      <h3 id="support-form-title" className="mb-2 text-lg font-bold">
        {t("entrepreneurship.supportSection.add")}
      </h3>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="support" />
        <RadioGroup meta={fields.kind} legend={t("entrepreneurship.field.supportKind")} options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`entrepreneurship.support.${k}`) }))} />
        <Field meta={fields.amount} label={t("entrepreneurship.field.amount")} hint={t("entrepreneurship.field.amount.hint")} inputMode="decimal" autoComplete="off" maxLength={16} />
        <Field meta={fields.supportDate} label={t("entrepreneurship.field.supportDate")} hint={t("entrepreneurship.field.supportDate.hint")} type="date" autoComplete="off" />
        <TextAreaField meta={fields.note} label={t("entrepreneurship.field.note")} optional maxLength={NOTE_MAX} rows={2} />
        <button type="submit" className="button">
          {t("entrepreneurship.supportSection.submit")}
        </button>
      </Form>
    </section>
  );
}

function CheckForm({ today, lastResult }: { today: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "check",
    lastResult,
    defaultValue: { year: today.slice(0, 4), checkedOn: today, employsOthers: "0" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkSchema }),
  });
  return (
    <section aria-labelledby="check-form-title" className="mt-6">
      <h3 id="check-form-title" className="mb-2 text-lg font-bold">
        {t("entrepreneurship.checks.add")}
      </h3>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="check" />
        <Field meta={fields.year as unknown as TextMeta} label={t("entrepreneurship.field.year")} inputMode="numeric" autoComplete="off" maxLength={4} className="field-input w-32" />
        <RadioGroup
          meta={fields.running}
          legend={t("entrepreneurship.field.running")}
          options={[
            { value: "yes", label: t("entrepreneurship.running.yes") },
            { value: "no", label: t("entrepreneurship.running.no") },
          ]}
        />
        <Field
          meta={fields.employsOthers as unknown as TextMeta}
          label={t("entrepreneurship.field.employsOthers")}
          hint={t("entrepreneurship.field.employsOthers.hint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          className="field-input w-32"
        />
        <Field meta={fields.checkedOn} label={t("entrepreneurship.field.checkedOn")} hint={t("entrepreneurship.field.checkedOn.hint")} type="date" autoComplete="off" />
        <TextAreaField meta={fields.note} label={t("entrepreneurship.field.note")} optional maxLength={NOTE_MAX} rows={2} />
        <button type="submit" className="button">
          {t("entrepreneurship.checks.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function Business() {
  const { t, locale } = useI18n();
  const { business: b, caseload, isCounselor, today, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const last = (intent: Intent) => (actionData?.intent === intent ? actionData.reply : undefined);
  const yuan = (amount: string) => t("entrepreneurship.yuan", { amount });
  const none = <span className="text-muted">{t("entrepreneurship.detail.notGiven")}</span>;
  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link to="/businesses">
          <span aria-hidden="true">← </span>
          {t("entrepreneurship.back.list")}
        </Link>
      </p>
      <h1 className="page-title">{b.name}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`entrepreneurship.done.${done}`)}
        </p>
      ) : null}
      <div className="card">
        <Rows
          rows={[
            [t("entrepreneurship.col.kind"), t(`entrepreneurship.kind.${b.kind}`)],
            [t("entrepreneurship.col.region"), b.regionName ?? b.regionCode],
            [t("entrepreneurship.detail.started"), formatCalendarDate(locale, b.startedOn)],
            [t("entrepreneurship.detail.registration"), b.registrationNumber || none],
            [t("entrepreneurship.detail.description"), b.description ? <span className="whitespace-pre-line">{b.description}</span> : none],
          ]}
        />
      </div>

      <section aria-labelledby="owners-title" className="mt-8">
        <h2 id="owners-title" className="section-title">
          {t("entrepreneurship.owners.title")}
        </h2>
        <p className="mb-3 max-w-3xl">{t("entrepreneurship.owners.why")}</p>
        <ul className="space-y-2">
          {b.owners.map((o) => {
            const name = o.name || t("entrepreneurship.unnamed");
            return (
              <li key={o.id}>
                <strong>{name}</strong>
                {"："}
                {o.selfEmployed ? (
                  t("entrepreneurship.owners.selfEmployed")
                ) : (
                  <>
                    {t("entrepreneurship.owners.noSelfEmployment")} <Link to={`/employment-records/new?seeker=${o.id}`}>{t("entrepreneurship.owners.recordSelfEmployment", { name })}</Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {b.mayUpdate ? (
          <details className="mt-4" open={actionData?.intent === "owner" || actionData?.intent === "lookup" ? true : undefined}>
            <summary className="cursor-pointer font-bold">{t("entrepreneurship.owners.add")}</summary>
            {isCounselor && caseload.length ? <CaseloadOwnerForm caseload={caseload} lastResult={last("owner")} /> : null}
            <OwnerLookup lastResult={last("lookup")} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="support-title" className="mt-8">
        <h2 id="support-title" className="section-title">
          {t("entrepreneurship.supportSection.title")}
        </h2>
        {b.support.length === 0 ? (
          <p className="notice">{t("entrepreneurship.supportSection.empty")}</p>
        ) : (
          <>
            <p className="mb-3">{t("entrepreneurship.supportSection.total", { total: yuan(b.supportTotal) })}</p>
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("entrepreneurship.supportSection.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("entrepreneurship.col.date")}</th>
                    <th scope="col">{t("entrepreneurship.col.supportKind")}</th>
                    <th scope="col">{t("entrepreneurship.col.amount")}</th>
                    <th scope="col">{t("entrepreneurship.col.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.support.map((s) => (
                    <tr key={s.id}>
                      <td className="whitespace-nowrap">{formatCalendarDate(locale, s.supportDate)}</td>
                      <td>{t(`entrepreneurship.support.${s.kind}`)}</td>
                      <td className="whitespace-nowrap">{yuan(s.amount)}</td>
                      <td>{s.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {b.mayUpdate ? <SupportForm today={today} lastResult={last("support")} /> : null}
      </section>

      <section aria-labelledby="checks-title" className="mt-8">
        <h2 id="checks-title" className="section-title">
          {t("entrepreneurship.checks.title")}
        </h2>
        <p className="mb-3 max-w-3xl">{t("entrepreneurship.checks.lead")}</p>
        {b.checks.length === 0 ? (
          <p className="notice">{t("entrepreneurship.checks.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("entrepreneurship.checks.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("entrepreneurship.col.year")}</th>
                  <th scope="col">{t("entrepreneurship.col.running")}</th>
                  <th scope="col">{t("entrepreneurship.col.employs")}</th>
                  <th scope="col">{t("entrepreneurship.col.checkedOn")}</th>
                  <th scope="col">{t("entrepreneurship.col.note")}</th>
                </tr>
              </thead>
              <tbody>
                {b.checks.map((c) => (
                  <tr key={c.year}>
                    <th scope="row">{c.year}</th>
                    <td>{t(c.running ? "entrepreneurship.running.yes" : "entrepreneurship.running.no")}</td>
                    <td>{t("entrepreneurship.employs", { count: c.employsOthers })}</td>
                    <td className="whitespace-nowrap">
                      {formatCalendarDate(locale, c.checkedOn)}
                      {c.checkedBy ? `（${c.checkedBy}）` : null}
                    </td>
                    <td>{c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {b.mayUpdate ? <CheckForm today={today} lastResult={last("check")} /> : null}
      </section>
    </div>
  );
}
