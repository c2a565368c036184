import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { DESIGNATION_KINDS, designateSchema, organizationSearchSchema, parseQuery } from "~/domain/institutions/designations.schema";
import { designate, searchOrganizationsToDesignate } from "~/domain/institutions/designations.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institutions.new.title");

// Admins only (404 otherwise). The search by name is a GET form, so choosing an organization needs no JavaScript.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:designation", { regionCode: actor.regionCode });
  const { q } = parseQuery(organizationSearchSchema, new URL(request.url).searchParams);
  return { q, results: q ? await searchOrganizationsToDesignate(await getDb(), actor, q) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:designation", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: designateSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await designate(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/institutions/${result.value.designationIds[0]}?done=created`);
}

export default function NewDesignation() {
  const { t } = useI18n();
  const { q, results } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof designateSchema>>({
    id: "designate",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: designateSchema }),
  });
  const dateHint = t("institutions.date.hint");
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/admin/institutions">{t("institutions.new.back")}</Link>
      </p>
      <h1 className="page-title">{t("institutions.new.title")}</h1>
      <p className="lead">{t("institutions.new.lead")}</p>

      <section aria-labelledby="search-title" className="card mb-8">
        <h2 id="search-title" className="section-title mt-0">
          {t("institutions.new.search")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-4">
          <div className="field mb-0">
            <label htmlFor="search-q" className="field-label">
              {t("institutions.new.searchLabel")}
            </label>
            <p id="search-q-hint" className="field-hint">
              {t("institutions.new.searchHint")}
            </p>
            <input id="search-q" name="q" defaultValue={q} aria-describedby="search-q-hint" className="field-input" autoComplete="off" />
          </div>
          <button type="submit" className="button button-secondary">
            {t("institutions.new.searchSubmit")}
          </button>
        </Form>
        {results && results.length === 0 ? (
          <p className="mt-4" role="status">
            {t("institutions.new.searchNone", { q })}
          </p>
        ) : null}
      </section>

      <h2 className="section-title">{t("institutions.new.form")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {results && results.length > 0 ? (
          <RadioGroup
            meta={fields.organizationId}
            legend={t("institutions.new.choose")}
            hint={t("institutions.new.chooseHint", { count: results.length })}
            options={results.map((o) => ({ value: o.id, label: `${o.name} — ${o.regionName ?? o.regionCode}, ${o.uscc}` }))}
          />
        ) : null}
        <Field meta={fields.organizationCode} label={t("institutions.new.code")} hint={t("institutions.new.codeHint")} autoComplete="off" spellCheck={false} optional={!!results?.length} />
        <CheckboxGroup
          meta={fields.kinds}
          legend={t("institutions.new.kinds")}
          hint={t("institutions.new.kindsHint")}
          options={DESIGNATION_KINDS.map((k) => ({ value: k, label: t(`institutions.kind.${k}`) }))}
        />
        <Field meta={fields.decisionNumber} label={t("institutions.new.decisionNumber")} hint={t("institutions.new.decisionNumberHint")} autoComplete="off" />
        <Field meta={fields.decisionDate} label={t("institutions.new.decisionDate")} hint={dateHint} type="date" autoComplete="off" />
        <Field meta={fields.validFrom} label={t("institutions.new.validFrom")} hint={dateHint} type="date" autoComplete="off" />
        <Field meta={fields.validTo} label={t("institutions.new.validTo")} hint={t("institutions.new.validToHint")} type="date" autoComplete="off" optional />
        <button type="submit" className="button">
          {t("institutions.new.submit")}
        </button>
      </Form>
    </div>
  );
}
