import { getFormProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import type { Division } from "~/domain/divisions/divisions.server";
import { COURSE_ARRANGEMENTS, COURSE_MODES, courseSchema, TRAINING_KINDS, type CourseInput } from "~/domain/training/courses.schema";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { useI18n } from "~/i18n/use-i18n";

export type CourseFormInput = z.input<typeof courseSchema>;

/** A training base as the form offers it (TrainingBase in courses.server, without server imports). */
export interface ProviderChoice {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** A number is typed in as text; the shared text input serves it (the schema parses the number). */
function asText(meta: unknown) {
  return meta as FieldMetadata<string | undefined>;
}

/** The course form of the new and edit pages: one schema for conform and the server; works without JavaScript. */
export function CourseForm({
  id,
  lastResult,
  defaultValue,
  divisions,
  providers,
  submitLabel,
  intent,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<CourseFormInput>;
  divisions: readonly Division[];
  providers: readonly ProviderChoice[];
  submitLabel: string;
  /** A page with several forms names this one. */
  intent?: string;
}) {
  const { t, locale } = useI18n();
  const [form, fields] = useForm<CourseFormInput, CourseInput>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: courseSchema }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name : undefined,
  }));
  const providerOptions = providers.map((p) => ({
    value: p.id,
    label: !p.validFrom
      ? p.name
      : p.validTo
      ? t("training.form.provider.until", { name: p.name, to: formatCalendarDate(locale, p.validTo) })
      : t("training.form.provider.open", { name: p.name, from: formatCalendarDate(locale, p.validFrom) }),
  }));
  const dateHint = t("training.form.date.hint");

  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <h2 className="section-title">{t("training.form.basics")}</h2>
        <Field meta={fields.title} label={t("training.form.title")} hint={t("training.form.title.hint")} autoComplete="off" />
        <RadioGroup meta={fields.kind} legend={t("training.form.kind")} options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`realname.training.${k}`) }))} />
        {providers.length ? (
          <SelectField
            meta={fields.providerId}
            label={t("training.form.provider")}
            hint={t("training.form.provider.hint")}
            options={providerOptions}
            placeholder={t("training.form.choose")}
          />
        ) : (
          <p className="notice mb-6">{t("training.form.provider.none")}</p>
        )}

        <h2 className="section-title">{t("training.form.when")}</h2>
        <Field meta={fields.startsOn} label={t("training.form.startsOn")} hint={dateHint} type="date" autoComplete="off" />
        <Field meta={fields.endsOn} label={t("training.form.endsOn")} hint={dateHint} type="date" autoComplete="off" />

        <h2 className="section-title">{t("training.form.where")}</h2>
        <RadioGroup meta={fields.mode} legend={t("training.form.mode")} options={COURSE_MODES.map((m) => ({ value: m, label: t(`training.mode.${m}`) }))} />
        <SelectField
          meta={fields.regionCode}
          label={t("training.form.region")}
          hint={t("training.form.region.hint")}
          options={regionOptions}
          placeholder={t("training.form.choose")}
        />
        <Field meta={fields.venue} label={t("training.form.venue")} hint={t("training.form.venue.hint")} autoComplete="off" />
        <Field
          meta={fields.link}
          label={t("training.form.link")}
          hint={t("training.form.link.hint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />

        <h2 className="section-title">{t("training.form.access")}</h2>
        <CheckboxGroup
          meta={fields.arrangements}
          legend={t("training.form.arrangements")}
          hint={t("training.form.arrangements.hint")}
          options={COURSE_ARRANGEMENTS.map((a) => ({ value: a, label: t(`events.arrangement.${a}`) }))}
        />

        <h2 className="section-title">{t("training.form.places")}</h2>
        <Field meta={asText(fields.capacity)} label={t("training.form.capacity")} hint={t("training.form.capacity.hint")} inputMode="numeric" autoComplete="off" />
        <Field
          meta={asText(fields.subsidyPerTrainee)}
          label={t("training.form.subsidy")}
          hint={t("training.form.subsidy.hint")}
          inputMode="decimal"
          autoComplete="off"
          optional
        />
        <TextAreaField meta={fields.description} label={t("training.form.description")} hint={t("training.form.description.hint")} rows={6} optional />

        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
