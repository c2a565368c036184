import { getFormProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import type { Division } from "~/domain/divisions/divisions.server";
import { EVENT_ARRANGEMENTS, EVENT_KINDS, eventSchema, type EventInput } from "~/domain/events/events.schema";
import { useI18n } from "~/i18n/use-i18n";

/** The form's fields as typed, before parsing: what its default values look like. */
export type EventFormInput = z.input<typeof eventSchema>;

export interface EventFormProps {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<EventFormInput>;
  /** The divisions within the organizer's region, parents before children. */
  divisions: readonly Division[];
  submitLabel: string;
}

/** A number is typed in as text; the shared text input serves it (the schema parses the number). */
function asText(meta: unknown) {
  return meta as FieldMetadata<string | undefined>;
}

/** The event form shared by the new and edit pages: one schema for conform and the server, works without JS. */
export function EventForm({ id, lastResult, defaultValue, divisions, submitLabel }: EventFormProps) {
  const { t } = useI18n();
  const [form, fields] = useForm<EventFormInput, EventInput>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name : undefined,
  }));
  const timeHint = t("eventsAdmin.form.time.hint");

  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <h2 className="section-title">{t("eventsAdmin.form.basics")}</h2>
        <Field meta={fields.title} label={t("eventsAdmin.form.title")} hint={t("eventsAdmin.form.title.hint")} autoComplete="off" />
        <RadioGroup
          meta={fields.kind}
          legend={t("eventsAdmin.form.kind")}
          hint={t("eventsAdmin.form.kind.hint")}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        />

        <h2 className="section-title">{t("eventsAdmin.form.when")}</h2>
        <Field meta={fields.startsAt} label={t("eventsAdmin.form.startsAt")} hint={timeHint} type="datetime-local" autoComplete="off" />
        <Field meta={fields.endsAt} label={t("eventsAdmin.form.endsAt")} hint={timeHint} type="datetime-local" autoComplete="off" />
        <Field
          meta={fields.registrationDeadline}
          label={t("eventsAdmin.form.deadline")}
          hint={`${t("eventsAdmin.form.deadline.hint")}${timeHint}`}
          type="datetime-local"
          autoComplete="off"
        />

        <h2 className="section-title">{t("eventsAdmin.form.where")}</h2>
        <SelectField
          meta={fields.regionCode}
          label={t("eventsAdmin.form.region")}
          hint={t("eventsAdmin.form.region.hint")}
          options={regionOptions}
          placeholder={t("eventsAdmin.form.choose")}
        />
        <Field meta={fields.venue} label={t("eventsAdmin.form.venue")} hint={t("eventsAdmin.form.venue.hint")} autoComplete="off" />
        <Field
          meta={fields.onlineUrl}
          label={t("eventsAdmin.form.onlineUrl")}
          hint={t("eventsAdmin.form.onlineUrl.hint")}
          type="url"
          inputMode="url"
         
          autoComplete="off"
          spellCheck={false}
        />

        <h2 className="section-title">{t("eventsAdmin.form.access")}</h2>
        <CheckboxGroup
          meta={fields.arrangements}
          legend={t("eventsAdmin.form.arrangements")}
          hint={t("eventsAdmin.form.arrangements.hint")}
          options={EVENT_ARRANGEMENTS.map((a) => ({ value: a, label: t(`events.arrangement.${a}`) }))}
        />
        <Field
          meta={asText(fields.capacity)}
          label={t("eventsAdmin.form.capacity")}
          hint={t("eventsAdmin.form.capacity.hint")}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextAreaField
          meta={fields.description}
          label={t("eventsAdmin.form.description")}
          hint={t("eventsAdmin.form.description.hint")}
          rows={6}
          optional
        />

        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
