import { getFormProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxField, Field, FieldError, FieldHint, Fieldset, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { RegionPicker } from "~/components/region-picker";
import { ACCOMMODATIONS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, explain, JOB_CATEGORIES, label, TASK_DEMANDS, type Term } from "~/domain/catalog";
import type { RegionPrefecture } from "~/domain/divisions/regions";
import { ACCOMMODATION_GROUPS } from "~/domain/vacancies/accommodation-groups";
import { REQUIRED_CERTIFICATES_LIMIT, vacancySchema, type RuleOptions, type VacancyFormInput, type VacancyInput } from "~/domain/vacancies/vacancies.schema";
import type { Locale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/** The form's five parts, in order; the preview links to each by `vacancyPartId`. */
export const VACANCY_PARTS = ["basics", "place", "pay", "access", "requirements"] as const;
export type VacancyPart = (typeof VACANCY_PARTS)[number];
export const vacancyPartId = (part: VacancyPart) => `vacancy-part-${part}`;

/** A placeholder put where a message names something typed in Chinese (a title, an employer), to mark its language. */
export const MARK = "\u0000";

/** `message` (made with MARK in place of `value`) with `value` in a span of its language: zh-CN on an English page. */
export function withTyped(message: string, value: string, lang: string | undefined): ReactNode {
  const [before, ...rest] = message.split(MARK);
  return rest.length ? (
    <>
      {before}
      <span lang={lang}>{value}</span>
      {rest.join(value)}
    </>
  ) : (
    message
  );
}

function checkedSet(initial: unknown): Set<string> {
  return new Set((Array.isArray(initial) ? initial : initial ? [initial] : []).filter((v): v is string => typeof v === "string"));
}

/**
 * Checkboxes for catalog codes: each with its icon, label and plain explanation. The box of `firstCode` carries the
 * field's id, so the error summary links to it; the others are `${id}-${code}`.
 */
function CodeCheckboxes({
  meta,
  terms,
  codes,
  firstCode,
  checked,
  errorId,
  locale,
  onToggle,
}: {
  meta: FieldMetadata<string[] | undefined>;
  terms: readonly Term[];
  codes: readonly string[];
  firstCode: string;
  checked: Set<string>;
  errorId: string | null;
  locale: Locale;
  onToggle: (code: string, on: boolean) => void;
}) {
  const invalid = errorId ? true : undefined;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {codes.map((code) => {
        const id = code === firstCode ? meta.id : `${meta.id}-${code}`;
        const explanation = explain(terms, code, locale);
        const icon = terms.find((term) => term.code === code)?.icon;
        const described = [explanation ? `${id}-explain` : null, errorId].filter(Boolean).join(" ");
        return (
          <li key={code} className="flex items-start gap-3">
            <input
              type="checkbox"
              id={id}
              name={meta.name}
              value={code}
              defaultChecked={checked.has(code)}
              onChange={(e) => onToggle(code, e.target.checked)}
              aria-invalid={invalid}
              aria-describedby={described || undefined}
              className="mt-1 h-6 w-6 shrink-0"
            />
            <div>
              <label htmlFor={id} className="inline-flex items-center gap-2 font-bold">
                {icon ? <Icon name={icon} /> : null}
                {label(terms, code, locale)}
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
  );
}

/**
 * One disclosure per kind of need: the summary names the kind, how many are ticked and what it holds; inside, a
 * fieldset (legend for screen readers, the summary being its visible name) with the group's explanation as hint.
 * Open when something in it is ticked or the field has an error — so nothing chosen is ever hidden.
 */
function Disclosure({
  id,
  summary,
  count,
  contents,
  legend,
  hint,
  open,
  children,
}: {
  id: string;
  summary: string;
  count: number;
  contents?: string;
  legend: string;
  hint?: ReactNode;
  open: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <details className="mb-2 rounded border-2 border-line" open={open}>
      <summary className="cursor-pointer px-3 py-2">
        <span className="font-bold">{summary}</span>
        {count > 0 ? <span className="font-bold"> · {t("vacancyForm.group.selected", { count })}</span> : null}
        {contents ? <span className="block pl-5 text-muted">{contents}</span> : null}
      </summary>
      <fieldset className="px-3 pb-3" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="sr-only">{legend}</legend>
        <FieldHint id={id}>{hint}</FieldHint>
        {children}
      </fieldset>
    </details>
  );
}

function AccommodationGroups({ meta, locale }: { meta: FieldMetadata<string[] | undefined>; locale: Locale }) {
  const { t } = useI18n();
  const initial = checkedSet(meta.initialValue);
  const [checked, setChecked] = useState(initial);
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  const sep = locale === "en" ? ", " : "、";
  const toggle = (code: string, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <div>
      <FieldError id={groupId} errors={errors} />
      {ACCOMMODATION_GROUPS.map((group) => {
        const count = group.members.filter((c) => checked.has(c)).length;
        const name = label(ACCOMMODATION_GROUPS, group.code, locale);
        return (
          <Disclosure
            key={group.code}
            id={`${meta.id}-${group.code}`}
            summary={name}
            count={count}
            contents={group.members.map((c) => label(ACCOMMODATIONS, c, locale)).join(sep)}
            legend={t("vacancyForm.group.legend", { group: name })}
            hint={explain(ACCOMMODATION_GROUPS, group.code, locale)}
            // Open as first rendered (what was ticked), so typing in one group never closes it under the pointer.
            open={group.members.some((c) => initial.has(c)) || !!errors?.length}
          >
            <CodeCheckboxes
              meta={meta}
              terms={ACCOMMODATIONS}
              codes={group.members}
              firstCode={ACCOMMODATION_GROUPS[0]!.members[0]!}
              checked={checked}
              errorId={errors?.length ? `${groupId}-error` : null}
              locale={locale}
              onToggle={toggle}
            />
          </Disclosure>
        );
      })}
    </div>
  );
}

function Demands({ meta, locale }: { meta: FieldMetadata<string[] | undefined>; locale: Locale }) {
  const { t } = useI18n();
  const initial = checkedSet(meta.initialValue);
  const [checked, setChecked] = useState(initial);
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  return (
    <div className="mb-6">
      <FieldError id={groupId} errors={errors} />
      <Disclosure
        id={groupId}
        summary={t("vacancyForm.demands.summary")}
        count={checked.size}
        legend={t("vacancies.form.demands")}
        hint={t("vacancies.form.demands.hint")}
        open={initial.size > 0 || !!errors?.length}
      >
        <CodeCheckboxes
          meta={meta}
          terms={TASK_DEMANDS}
          codes={TASK_DEMANDS.map((d) => d.code)}
          firstCode={TASK_DEMANDS[0]!.code}
          checked={checked}
          errorId={errors?.length ? `${groupId}-error` : null}
          locale={locale}
          onToggle={(code, on) =>
            setChecked((prev) => {
              const next = new Set(prev);
              if (on) next.add(code);
              else next.delete(code);
              return next;
            })
          }
        />
      </Disclosure>
    </div>
  );
}

/** A number field is typed in as text; the shared text input serves it (the schema parses the number). */
function asText<S extends Record<string, unknown>>(meta: FieldMetadata<number, S, string[]>) {
  return meta as unknown as FieldMetadata<string | undefined>;
}

function Part({ part, n, children }: { part: VacancyPart; n: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="mb-4 border-t-4 border-line pt-2">
      <h2 id={vacancyPartId(part)} className="section-title mt-2">
        {t("vacancyForm.part", { n, title: t(`vacancyForm.part.${part}`) })}
      </h2>
      {children}
    </div>
  );
}

export interface VacancyFormProps {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<VacancyFormInput>;
  ruleOptions?: RuleOptions;
  prefectures: readonly RegionPrefecture[];
  /** The organizations the vacancy may belong to; a choice is shown only when there is more than one. */
  organizations: readonly { organizationId: string; name: string }[];
  submitLabel: string;
}

/**
 * The vacancy form shared by the new and edit pages (issue 15): one page in five numbered parts — basics, place and
 * hours, pay and contract, accommodations by kind of need, requirements — with the long lists folded into <details>.
 * One schema for conform and the server; plain form posts, so it works without JavaScript.
 */
export function VacancyForm({ id, lastResult, defaultValue, ruleOptions, prefectures, organizations, submitLabel }: VacancyFormProps) {
  const { t, locale } = useI18n();
  const [form, fields] = useForm<VacancyFormInput, VacancyInput>({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: vacancySchema(ruleOptions) }),
  });
  const options = (terms: readonly Term[]) => terms.map((term) => ({ value: term.code, label: label(terms, term.code, locale) }));
  const onlyOrganization = organizations.length === 1 ? organizations[0] : undefined;

  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <Part part="basics" n={1}>
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
          <Field
            meta={asText(fields.openings)}
            label={t("vacancies.form.openings")}
            hint={t("vacancies.form.openings.hint")}
            inputMode="numeric"
            autoComplete="off"
          />
          <Field
            meta={fields.closingDate}
            label={t("vacancies.form.closingDate")}
            hint={t("vacancies.form.closingDate.hint")}
            type="date"
            optional
          />
        </Part>

        <Part part="place" n={2}>
          <RegionPicker
            meta={fields.regionCode}
            label={t("vacancies.form.region")}
            hint={t("vacancies.form.region.hint")}
            placeholder={t("vacancies.form.region.placeholder")}
            prefectures={prefectures}
          />
          <Field meta={fields.address} label={t("vacancies.form.address")} hint={t("vacancies.form.address.hint")} autoComplete="off" optional />
          <CheckboxField meta={fields.remote} label={t("vacancies.form.remote")} hint={t("vacancies.form.remote.hint")} />
          <Field meta={fields.hours} label={t("vacancies.form.hours")} hint={t("vacancies.form.hours.hint")} autoComplete="off" optional />
        </Part>

        <Part part="pay" n={3}>
          <RadioGroup meta={fields.employmentType} legend={t("vacancies.form.employmentType")} options={options(EMPLOYMENT_TYPES)} />
          <Fieldset id={`${id}-pay`} legend={t("vacancies.form.pay")} hint={t("vacancies.form.pay.hint")}>
            <div className="flex flex-wrap gap-x-6">
              <Field meta={asText(fields.payMin)} label={t("vacancies.form.payMin")} inputMode="numeric" autoComplete="off" />
              <Field meta={asText(fields.payMax)} label={t("vacancies.form.payMax")} inputMode="numeric" autoComplete="off" />
            </div>
          </Fieldset>
          <CheckboxField meta={fields.quotaEligible} label={t("vacancies.form.quotaEligible")} hint={t("vacancies.form.quotaEligible.hint")} />
        </Part>

        <Part part="access" n={4}>
          <p className="mb-4">{t("vacancyForm.access.lead")}</p>
          <AccommodationGroups key={fields.accommodations.key} meta={fields.accommodations} locale={locale} />
        </Part>

        <Part part="requirements" n={5}>
          <SelectField meta={fields.educationRequired} label={t("vacancies.form.education")} options={options(EDUCATION_LEVELS)} />
          <Field meta={fields.skills} label={t("vacancies.form.skills")} hint={t("vacancies.form.skills.hint")} autoComplete="off" optional />
          <Field
            meta={fields.requiredCertificates}
            label={t("trainingProfile.vacancy.certificates")}
            hint={t("trainingProfile.vacancy.certificates.hint", { max: REQUIRED_CERTIFICATES_LIMIT })}
            autoComplete="off"
            optional
          />
          <Demands key={fields.demands.key} meta={fields.demands} locale={locale} />
        </Part>

        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
