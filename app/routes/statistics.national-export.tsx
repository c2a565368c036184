import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { isWithinRegion, requirePermission } from "~/domain/permissions";
import { nationalExportSchema } from "~/domain/reporting/national-export.schema";
import { nationalExport, recentExports } from "~/domain/reporting/national-export.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

// The export for the national reporting (issue 18): admins of a region, for their region or one within it. The form
// posts as a plain document request (reloadDocument), so the answer is the file itself, with or without JavaScript.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nationalExport.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const db = await getDb();
  const divisions = await listDivisionsWithin(db, actor.regionCode!);
  return { divisions: divisions.map((d) => ({ code: d.code, name: d.name })), recent: await recentExports(db, actor), regionCode: actor.regionCode! };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: nationalExportSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const db = await getDb();
  const { regionCode, format } = submission.value;
  const known = await db.selectFrom("division").select("code").where("code", "=", regionCode).executeTakeFirst();
  if (!known || !isWithinRegion(actor.regionCode, regionCode)) return replyWithErrors(submission, { regionCode: ["nationalExport.err.region"] });
  const file = await nationalExport(db, actor, { regionCode, format, ip: context.ip });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export default function NationalExport() {
  const { t, locale } = useI18n();
  const { divisions, recent, regionCode } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "national-export",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { regionCode, format: "xlsx" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nationalExportSchema }),
  });
  return (
    <div>
      <p className="mb-4">
        <Link to="/statistics">{t("nationalExport.back")}</Link>
      </p>
      <h1 className="page-title">{t("nationalExport.title")}</h1>
      <p className="lead max-w-3xl">{t("nationalExport.lead")}</p>
      <p className="notice max-w-3xl">{t("nationalExport.sensitive")}</p>

      <section aria-labelledby="export-title" className="card mb-8 max-w-3xl">
        <h2 id="export-title" className="section-title">
          {t("nationalExport.form.title")}
        </h2>
        <ErrorSummary form={form} />
        <Form method="post" reloadDocument {...getFormProps(form)}>
          <SelectField meta={fields.regionCode} label={t("nationalExport.region")} hint={t("nationalExport.regionHint")} options={divisions.map((d) => ({ value: d.code, label: `${d.name} ${d.code}` }))} />
          <SelectField
            meta={fields.format}
            label={t("nationalExport.format")}
            options={[
              { value: "xlsx", label: t("nationalExport.format.xlsx") },
              { value: "csv", label: t("nationalExport.format.csv") },
            ]}
          />
          <button type="submit" className="button">
            {t("nationalExport.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="recent-title" className="mb-8">
        <h2 id="recent-title" className="section-title">
          {t("nationalExport.recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="notice">{t("nationalExport.recent.none")}</p>
        ) : (
          <table className="data-table max-w-3xl">
            <caption className="sr-only">{t("nationalExport.recent")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("nationalExport.col.at")}</th>
                <th scope="col">{t("nationalExport.col.who")}</th>
                <th scope="col">{t("nationalExport.col.region")}</th>
                <th scope="col">{t("nationalExport.col.format")}</th>
                <th scope="col">{t("nationalExport.col.people")}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r, i) => (
                <tr key={i}>
                  <td>{formatDateTime(locale, r.at)}</td>
                  <td>{r.actorName ?? ""}</td>
                  <td>{`${r.regionName ?? ""} ${r.regionCode}`}</td>
                  <td>{r.format.toUpperCase()}</td>
                  <td>{r.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
