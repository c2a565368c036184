import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { formatValue, periodLabel } from "~/components/statistics/format";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { INDICATOR_CODES, indicatorDefinition } from "~/domain/statistics/indicators";
import { targetSchema, targetValueForForm } from "~/domain/statistics/statistics.schema";
import { canSetTarget, listTargets, setTarget } from "~/domain/statistics/statistics.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statistics.targets.title");

// Admins: the targets that apply in their region; a prefecture admin sets their counties', the province its own.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const db = await getDb();
  const [{ targets }, divisions] = await Promise.all([listTargets(db, actor), listDivisionsWithin(db, actor.regionCode!)]);
  const editable = divisions.filter((d) => canSetTarget(actor, d.code));
  return { targets, divisions, editable, regionCode: actor.regionCode! };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:plan_target", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: targetSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await setTarget(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/statistics/targets?done=saved");
}

export default function Targets() {
  const { t, locale } = useI18n();
  const { targets, divisions, editable, regionCode } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const editing = targets.find((x) => x.id === searchParams.get("edit") && x.editable) ?? null;
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionLabel = (code: string, fallback: string) => {
    const d = byCode.get(code);
    if (!d) return fallback;
    return d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name;
  };
  const name = (code: (typeof INDICATOR_CODES)[number]) => (locale === "en" ? indicatorDefinition(code).nameEn : indicatorDefinition(code).nameZh);
  const [form, fields] = useForm({
    id: "target",
    lastResult,
    defaultValue: editing
      ? {
          indicator: editing.indicator,
          regionCode: editing.regionCode,
          periodStart: String(editing.periodStart),
          periodEnd: String(editing.periodEnd),
          value: targetValueForForm(editing.indicator, editing.value),
          source: editing.source,
        }
      : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: targetSchema }),
  });
  const region = regionLabel(regionCode, regionCode);
  return (
    <div>
      <p className="mb-2">
        <Link to="/statistics">
          <span aria-hidden="true">← </span>
          {t("statistics.targets.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("statistics.targets.title")}</h1>
      <p className="lead max-w-3xl">{t("statistics.targets.lead")}</p>
      {searchParams.get("done") === "saved" && !lastResult ? (
        <p className="notice" role="status">
          {t("statistics.targets.saved")}
        </p>
      ) : null}

      <section aria-labelledby="target-form-title" className="mb-10 max-w-2xl">
        <h2 id="target-form-title" className="section-title">
          {t("statistics.targets.form.title")}
        </h2>
        {editable.length === 0 ? (
          <p>{t("statistics.targets.form.cannot")}</p>
        ) : (
          <>
            <p className="mb-4">{t("statistics.targets.form.lead")}</p>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)} key={editing?.id ?? "new"}>
              <SelectField
                meta={fields.indicator}
                label={t("statistics.targets.field.indicator")}
                options={INDICATOR_CODES.map((c) => ({ value: c, label: name(c) }))}
              />
              <SelectField
                meta={fields.regionCode}
                label={t("statistics.targets.field.region")}
                hint={t("statistics.targets.field.region.hint")}
                options={editable.map((d) => ({
                  value: d.code,
                  label: regionLabel(d.code, d.name),
                  group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name ?? "" : "",
                }))}
              />
              <Field
                meta={fields.periodStart}
                label={t("statistics.targets.field.periodStart")}
                hint={t("statistics.targets.field.period.hint")}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                className="field-input w-32"
              />
              <Field
                meta={fields.periodEnd}
                label={t("statistics.targets.field.periodEnd")}
                hint={t("statistics.targets.field.period.hint")}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                className="field-input w-32"
              />
              <Field
                meta={fields.value}
                label={t("statistics.targets.field.value")}
                hint={t("statistics.targets.field.value.hint")}
                inputMode="decimal"
                autoComplete="off"
                maxLength={20}
              />
              <Field
                meta={fields.source}
                label={t("statistics.targets.field.source")}
                hint={t("statistics.targets.field.source.hint")}
                optional
                autoComplete="off"
                maxLength={200}
              />
              <button type="submit" className="button">
                {t("statistics.targets.submit")}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="targets-list-title">
        <h2 id="targets-list-title" className="section-title">
          {t("statistics.targets.list")}
        </h2>
        {targets.length === 0 ? (
          <p>{t("statistics.targets.none")}</p>
        ) : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("statistics.targets.caption", { region })}>
            <table className="data-table">
              <caption className="sr-only">{t("statistics.targets.caption", { region })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statistics.col.indicator")}</th>
                  <th scope="col">{t("statistics.targets.col.period")}</th>
                  <th scope="col">{t("statistics.targets.col.region")}</th>
                  <th scope="col">{t("statistics.targets.col.value")}</th>
                  <th scope="col">{t("statistics.targets.col.source")}</th>
                  <th scope="col">{t("statistics.targets.col.setBy")}</th>
                  <th scope="col">{t("statistics.targets.col.action")}</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((x) => {
                  const period = periodLabel(t, x);
                  const place = regionLabel(x.regionCode, x.regionName);
                  return (
                    <tr key={x.id}>
                      <th scope="row" className="font-normal">
                        {name(x.indicator)}
                      </th>
                      <td>{period}</td>
                      <td>{place}</td>
                      <td>{formatValue(locale, x.indicator, x.value)}</td>
                      <td>{x.source || "—"}</td>
                      <td>{x.setByName || "—"}</td>
                      <td>
                        {x.editable ? (
                          <Link
                            to={`?edit=${x.id}#target-form-title`}
                            aria-label={t("statistics.targets.editLabel", { indicator: name(x.indicator), region: place, period })}
                          >
                            {t("statistics.targets.edit")}
                          </Link>
                        ) : (
                          t("statistics.targets.readOnly")
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
