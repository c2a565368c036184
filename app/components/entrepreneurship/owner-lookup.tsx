import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { lookupSchema } from "~/domain/employment/employment.schema";
import { useI18n } from "~/i18n/use-i18n";

/** Finding a seeker of one's region by 残疾人证号 or phone, exactly (the employment pages' lookup), posted with intent=lookup. */
export function OwnerLookup({ lastResult, extra }: { lastResult: SubmissionResult<string[]> | undefined; extra?: Record<string, string> }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "lookup",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lookupSchema }),
  });
  return (
    <section aria-labelledby="lookup-title" className="mt-6">
      <h2 id="lookup-title" className="section-title">
        {t("entrepreneurship.lookup.title")}
      </h2>
      <p className="mb-3 max-w-3xl">{t("entrepreneurship.lookup.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="lookup" />
        {Object.entries(extra ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <Field meta={fields.who} label={t("employment.lookup.who")} hint={t("employment.lookup.who.hint")} autoComplete="off" spellCheck={false} maxLength={40} />
        <button type="submit" className="button">
          {t("entrepreneurship.lookup.submit")}
        </button>
      </Form>
    </section>
  );
}

