import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { requirePermission } from "~/domain/permissions";
import { formatParameterValue, NOTE_MAX, RULE_PARAMETER_NAMES, ruleParameterSchema } from "~/domain/quota/parameters.schema";
import { canChangeRuleParameters, listRuleParameters, setRuleParameter } from "~/domain/quota/parameters.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "quota.params.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:rule_parameter");
  const parameters = await listRuleParameters(await getDb(), actor);
  const url = new URL(request.url);
  const saved = parameters.find((p) => p.id === url.searchParams.get("saved")) ?? null;
  return { parameters, saved, replaced: url.searchParams.get("replaced") === "1", canChange: canChangeRuleParameters(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  // Who may change them (the province federation) is setRuleParameter's first check.
  requirePermission(actor, "read:rule_parameter");
  const submission = parseSubmission(await request.formData(), { schema: ruleParameterSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await setRuleParameter(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/rule-parameters?saved=${result.value.id}&replaced=${result.value.replaced ? 1 : 0}`);
}

export default function RuleParameters() {
  const { t, locale } = useI18n();
  const { parameters, saved, replaced, canChange } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "rule-parameter",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ruleParameterSchema }),
  });
  const nameOf = (name: (typeof RULE_PARAMETER_NAMES)[number]) => t(`quota.params.name.${name}`);
  return (
    <div className="max-w-4xl">
      <h1 className="page-title">{t("quota.params.title")}</h1>
      <p className="lead">{t("quota.params.lead")}</p>
      <p className="mb-6">{t("quota.params.yearMeaning")}</p>
      {saved && !lastResult ? (
        <p className="notice" role="status">
          {t(replaced ? "quota.params.replaced" : "quota.params.saved", {
            year: saved.year,
            name: nameOf(saved.name),
            value: formatParameterValue(saved.name, saved.value),
          })}
        </p>
      ) : null}

      <h2 className="section-title">{t("quota.params.list")}</h2>
      {RULE_PARAMETER_NAMES.map((name) => {
        const rows = parameters.filter((p) => p.name === name);
        return (
          <section key={name} aria-labelledby={`params-${name}`} className="mb-6">
            <h3 id={`params-${name}`} className="mb-2 text-lg font-bold">
              {nameOf(name)}
            </h3>
            {rows.length === 0 ? (
              <p>{t(name === "ratio" ? "quota.params.empty.ratio" : "quota.params.empty.wage")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="data-table">
                  <caption className="sr-only">{t("quota.params.caption", { name: nameOf(name) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("quota.params.col.year")}</th>
                      <th scope="col">{t("quota.params.col.value")}</th>
                      <th scope="col">{t("quota.params.col.note")}</th>
                      <th scope="col">{t("quota.params.col.setBy")}</th>
                      <th scope="col">{t("quota.params.col.setAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{t("quota.params.yearValue", { year: p.year })}</th>
                        <td>
                          {formatParameterValue(p.name, p.value)}
                          {p.name !== "ratio" ? <span className="text-muted"> {t(`quota.params.unit.${p.name}`)}</span> : null}
                        </td>
                        <td>{p.note ?? ""}</td>
                        <td>{p.setByName ?? t("quota.params.setBySystem")}</td>
                        <td>{formatDateTime(locale, p.setAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      <h2 className="section-title">{t("quota.params.form.title")}</h2>
      {canChange ? (
        <>
          <p className="mb-4">{t("quota.params.form.lead")}</p>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)} className="max-w-2xl">
            <SelectField
              meta={fields.name}
              label={t("quota.params.field.name")}
              hint={t("quota.params.field.name.hint")}
              options={RULE_PARAMETER_NAMES.map((n) => ({ value: n, label: nameOf(n) }))}
              placeholder={t("quota.params.choose")}
            />
            <Field
              meta={fields.year as unknown as FieldMetadata<string | undefined>}
              label={t("quota.params.field.year")}
              hint={t("quota.params.field.year.hint")}
              inputMode="numeric"
              autoComplete="off"
            />
            <Field meta={fields.value} label={t("quota.params.field.value")} hint={t("quota.params.field.value.hint")} inputMode="decimal" autoComplete="off" spellCheck={false} />
            <TextAreaField meta={fields.note} label={t("quota.params.field.note")} hint={t("quota.params.field.note.hint")} optional rows={2} maxLength={NOTE_MAX} />
            <button type="submit" className="button">
              {t("quota.params.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p className="notice">{t("quota.params.provinceOnly")}</p>
      )}
    </div>
  );
}
