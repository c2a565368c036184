import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { OBJECTIONS_PER_DAY, objectionSchema } from "~/domain/quota/declarations.schema";
import { fileObjection, getDisclosure } from "~/domain/quota/declarations.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "disclosure.list.title");

function yearParam(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const disclosure = await getDisclosure(await getDb(), yearParam(params.year));
  return { disclosure, signedIn: !!context.auth, objected: new URL(request.url).searchParams.get("objected") === "1" };
}

// Any signed-in user may object while the window is open.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const year = yearParam(params.year);
  const submission = parseSubmission(await request.formData(), { schema: objectionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const db = await getDb();
  // The entry must be in this year's disclosure (none for the year: not found), as the page offers it.
  const disclosure = await getDisclosure(db, year);
  if (!disclosure.entries.some((e) => e.id === submission.value.entryId)) return replyWithErrors(submission, { entryId: ["declarations.err.entryGone"] });
  const result = await fileObjection(db, actor, submission.value.entryId, submission.value.reason);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/disclosures/${year}?objected=1`);
}

export default function DisclosureYear() {
  const { t, locale } = useI18n();
  const { disclosure: q, signedIn, objected } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ entryId: string; reason: string }>({
    id: "objection",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: objectionSchema }),
  });
  const met = q.entries.filter((e) => e.met).length;
  return (
    <div>
      <p className="mb-4">
        <Link to="/disclosures">{t("disclosure.back")}</Link>
      </p>
      <h1 className="page-title">{t("disclosure.yearTitle", { year: q.levyYear })}</h1>
      <p className="lead max-w-3xl">
        {t(q.open ? "disclosure.windowOpen" : "disclosure.windowClosed", { until: formatDateTime(locale, q.objectionsUntil) })}
      </p>
      {objected ? (
        <p className="notice" role="status">
          {t("disclosure.objected")}
        </p>
      ) : null}
      <p className="mb-4">{t("disclosure.summary", { count: q.entries.length, met })}</p>
      <p className="mb-4 flex flex-wrap gap-4">
        <a href={`/disclosures/${q.levyYear}/export.csv`} download>
          {t("disclosure.exportCsv")}
        </a>
        <a href={`/disclosures/${q.levyYear}/export.xlsx`} download>
          {t("disclosure.exportXlsx")}
        </a>
      </p>
      <table className="data-table mb-8">
        <caption className="sr-only">{t("disclosure.yearTitle", { year: q.levyYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("disclosure.col.organization")}</th>
            <th scope="col">{t("disclosure.col.place")}</th>
            <th scope="col">{t("disclosure.col.staff")}</th>
            <th scope="col">{t("disclosure.col.required")}</th>
            <th scope="col">{t("disclosure.col.counted")}</th>
            <th scope="col">{t("disclosure.col.met")}</th>
            <th scope="col">{t("disclosure.col.objections")}</th>
          </tr>
        </thead>
        <tbody>
          {q.entries.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.organizationName}</th>
              <td>{e.place}</td>
              <td>{e.staffCount}</td>
              <td>{e.requiredCount}</td>
              <td>{e.countedDisabled}</td>
              <td>{t(e.met ? "disclosure.met" : "disclosure.notMet")}</td>
              <td>{e.openObjections}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {q.open ? (
        <section aria-labelledby="objection-title" className="card max-w-2xl">
          <h2 id="objection-title" className="section-title">
            {t("disclosure.object.title")}
          </h2>
          {signedIn ? (
            <>
              <p className="mb-2">{t("disclosure.object.lead")}</p>
              <p className="mb-4">{t("disclosure.object.rules", { limit: OBJECTIONS_PER_DAY })}</p>
              <ErrorSummary form={form} />
              <Form method="post" {...getFormProps(form)}>
                <SelectField
                  meta={fields.entryId}
                  label={t("disclosure.object.entry")}
                  placeholder={t("disclosure.object.choose")}
                  options={q.entries.map((e) => ({ value: e.id, label: e.organizationName }))}
                />
                <TextAreaField meta={fields.reason} label={t("disclosure.object.reason")} hint={t("disclosure.object.reasonHint")} rows={4} />
                <button type="submit" className="button">
                  {t("disclosure.object.submit")}
                </button>
              </Form>
            </>
          ) : (
            <p>
              {t("disclosure.object.signIn")} <Link to={`/login?redirectTo=${encodeURIComponent(`/disclosures/${q.levyYear}`)}`}>{t("nav.signIn")}</Link>
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
