import { getFormProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxField, Field, Fieldset, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import {
  ACCOMMODATIONS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  explain,
  JOB_CATEGORIES,
  label,
  TASK_DEMANDS,
  type Term,
} from "~/domain/catalog";
import { REQUIRED_CERTIFICATES_LIMIT, vacancySchema, type RuleOptions, type VacancyFormInput, type VacancyInput } from "~/domain/vacancies/vacancies.schema";
import type { Locale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export interface DivisionOption {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "prefecture" | "county";
}


/** One yes/no checkbox with its label, hint and error beside it. */

/**
 * Checkboxes for a list of catalog codes, in a fieldset. Each option shows its icon and label, and its plain
 * explanation when the catalog has one. The first checkbox carries the field's id, so the error summary links to it.
 */
function CheckboxGroup({
  meta,
  legend,
  hint,
  terms,
  locale,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  hint?: ReactNode;
  terms: readonly Term[];
  locale: Locale;
}) {
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  const initial = meta.initialValue as string | string[] | undefined;
  const checked = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  return (
    <Fieldset id={groupId} legend={legend} hint={hint} errors={errors}>
      <ul className="grid gap-3 md:grid-cols-2" key={meta.key}>
        {terms.map((term, i) => {
          const id = i === 0 ? meta.id : `${meta.id}-${term.code}`;
          const explanation = explain(terms, term.code, locale);
          const describedIds = [explanation ? `${id}-explain` : null, errors?.length ? `${groupId}-error` : null].filter(Boolean).join(" ");
          return (
            <li key={term.code} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={id}
                name={meta.name}
                value={term.code}
                defaultChecked={checked.has(term.code)}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={describedIds || undefined}
                className="mt-1 h-6 w-6 shrink-0"
              />
              <div>
                <label htmlFor={id} className="inline-flex items-center gap-2 font-bold">
                  {term.icon ? <Icon name={term.icon} /> : null}
                  {label(terms, term.code, locale)}
                </label>
                {explanation ? (
                  <p id={`${id}-explain`} className="text-muted">
                    {explanation}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Fieldset>
  );
}

/** A number field is typed in as text; the shared text input serves it (the schema parses the number). */
function asText<S extends Record<string, unknown>>(meta: FieldMetadata<number, S, string[]>) {
  return meta as unknown as FieldMetadata<string | undefined>;
}

export interface VacancyFormProps {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<VacancyFormInput>;
  ruleOptions?: RuleOptions;
  divisions: readonly DivisionOption[];
  /** The organizations the vacancy may belong to; a choice is shown only when there is more than one. */
  organizations: readonly { organizationId: string; name: string }[];
  submitLabel: string;
}

/** The vacancy form shared by the new and edit pages: one schema for conform and the server, works without JS. */
export function VacancyForm({ id, lastResult, defaultValue, ruleOptions, divisions, organizations, submitLabel }: VacancyFormProps) {
  const { t, locale } = useI18n();
  const [form, fields] = useForm<VacancyFormInput, VacancyInput>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: vacancySchema(ruleOptions) }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions
    .filter((d) => d.level === "county")
    .map((d) => ({ value: d.code, label: d.name, group: byCode.get(d.parentCode ?? "")?.name }));
  const options = (terms: readonly Term[]) => terms.map((term) => ({ value: term.code, label: label(terms, term.code, locale) }));
  const onlyOrganization = organizations.length === 1 ? organizations[0] : undefined;

  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <h2 className="section-title">{t("vacancies.form.basics")}</h2>
        {onlyOrganization ? (
          <input type="hidden" name={fields.organizationId.name} value={onlyOrganization.organizationId} />
        ) : (
          <SelectField
            meta={fields.organizationId}
            label={t("vacancies.form.organization")}
            hint={t("vacancies.form.organization.hint")}
            options={organizations.map((o) => ({ value: o.organizationId, label: o.name }))}
            placeholder={t("vacancies.form.choose")}
          />
        )}
        <Field meta={fields.title} label={t("vacancies.form.title")} hint={t("vacancies.form.title.hint")} autoComplete="off" />
        <TextAreaField meta={fields.description} label={t("vacancies.form.description")} hint={t("vacancies.form.description.hint")} />
        <SelectField meta={fields.category} label={t("vacancies.form.category")} options={options(JOB_CATEGORIES)} placeholder={t("vacancies.form.choose")} />
        <RadioGroup meta={fields.employmentType} legend={t("vacancies.form.employmentType")} options={options(EMPLOYMENT_TYPES)} />
        <Field
          meta={asText(fields.openings)}
          label={t("vacancies.form.openings")}
          hint={t("vacancies.form.openings.hint")}
          inputMode="numeric"
          autoComplete="off"
        />

        <h2 className="section-title">{t("vacancies.form.placeAndPay")}</h2>
        <SelectField
          meta={fields.regionCode}
          label={t("vacancies.form.region")}
          hint={t("vacancies.form.region.hint")}
          options={regionOptions}
          placeholder={t("vacancies.form.region.placeholder")}
        />
        <Field meta={fields.address} label={t("vacancies.form.address")} hint={t("vacancies.form.address.hint")} autoComplete="off" optional />
        <CheckboxField meta={fields.remote} label={t("vacancies.form.remote")} hint={t("vacancies.form.remote.hint")} />
        <Fieldset id={`${id}-pay`} legend={t("vacancies.form.pay")} hint={t("vacancies.form.pay.hint")}>
          <div className="flex flex-wrap gap-x-6">
            <Field meta={asText(fields.payMin)} label={t("vacancies.form.payMin")} inputMode="numeric" autoComplete="off" />
            <Field meta={asText(fields.payMax)} label={t("vacancies.form.payMax")} inputMode="numeric" autoComplete="off" />
          </div>
        </Fieldset>
        <SelectField meta={fields.educationRequired} label={t("vacancies.form.education")} options={options(EDUCATION_LEVELS)} />
        <Field meta={fields.hours} label={t("vacancies.form.hours")} hint={t("vacancies.form.hours.hint")} autoComplete="off" optional />
        <Field meta={fields.skills} label={t("vacancies.form.skills")} hint={t("vacancies.form.skills.hint")} autoComplete="off" optional />
        <Field
          meta={fields.requiredCertificates}
          label={t("trainingProfile.vacancy.certificates")}
          hint={t("trainingProfile.vacancy.certificates.hint", { max: REQUIRED_CERTIFICATES_LIMIT })}
          autoComplete="off"
          optional
        />

        <h2 className="section-title">{t("vacancies.form.access")}</h2>
        <CheckboxGroup
          meta={fields.accommodations}
          legend={t("vacancies.form.accommodations")}
          hint={t("vacancies.form.accommodations.hint")}
          terms={ACCOMMODATIONS}
          locale={locale}
        />
        <CheckboxGroup meta={fields.demands} legend={t("vacancies.form.demands")} hint={t("vacancies.form.demands.hint")} terms={TASK_DEMANDS} locale={locale} />

        <h2 className="section-title">{t("vacancies.form.other")}</h2>
        <CheckboxField meta={fields.quotaEligible} label={t("vacancies.form.quotaEligible")} hint={t("vacancies.form.quotaEligible.hint")} />
        <Field meta={fields.closingDate} label={t("vacancies.form.closingDate")} hint={t("vacancies.form.closingDate.hint")} type="date" optional />

        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
