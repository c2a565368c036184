import type { FieldMetadata } from "@conform-to/react";
import { Field, RadioGroup, TextAreaField } from "~/components/form/field";
import { EMPLOYER_MAX, EMPLOYMENT_FORMS, EVIDENCE_KINDS, NOTE_MAX } from "~/domain/employment/employment.schema";
import { useI18n } from "~/i18n/use-i18n";

type Meta = FieldMetadata<string | undefined>;

/** The form an employment is counted by: one radio each, with what the federation means by it. */
export function FormChoice({ meta }: { meta: Meta }) {
  const { t } = useI18n();
  return (
    <RadioGroup
      meta={meta}
      legend={t("employment.field.form")}
      hint={t("employment.field.form.hint")}
      options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: `${t(`employment.form.${f}`)}：${t(`employment.form.${f}.hint`)}` }))}
    />
  );
}

export function EvidenceFields({ evidence, evidenceNote }: { evidence: Meta; evidenceNote: Meta }) {
  const { t } = useI18n();
  return (
    <>
      <RadioGroup
        meta={evidence}
        legend={t("employment.field.evidence")}
        hint={t("employment.field.evidence.hint")}
        options={EVIDENCE_KINDS.map((e) => ({ value: e, label: t(`employment.evidence.${e}`) }))}
      />
      <TextAreaField meta={evidenceNote} label={t("employment.field.evidenceNote")} hint={t("employment.field.evidenceNote.hint")} optional rows={3} maxLength={NOTE_MAX} />
    </>
  );
}

export function MonthsField({ meta }: { meta: Meta }) {
  const { t } = useI18n();
  return <Field meta={meta} label={t("employment.field.contractMonths")} hint={t("employment.field.contractMonths.hint")} inputMode="numeric" autoComplete="off" optional />;
}

/**
 * Every field of a job a staff member records (or corrects): form, employer, contract, pay, insurance, evidence.
 * The field names are those of `employmentSchema`.
 */
export function RecordFields({ fields }: { fields: Record<string, FieldMetadata<unknown>> }) {
  const { t } = useI18n();
  const f = fields as unknown as Record<string, Meta>;
  return (
    <>
      <FormChoice meta={f.form!} />
      <Field
        meta={f.employerName!}
        label={t("employment.field.employerName")}
        hint={t("employment.field.employerName.hint")}
        autoComplete="off"
        maxLength={EMPLOYER_MAX}
      />
      <Field
        meta={f.organizationCode!}
        label={t("employment.field.organizationCode")}
        hint={t("employment.field.organizationCode.hint")}
        autoComplete="off"
        spellCheck={false}
        optional
      />
      <Field meta={f.contractStart!} label={t("employment.field.contractStart")} hint={t("employment.field.date.hint")} type="date" autoComplete="off" />
      <Field
        meta={f.contractEnd!}
        label={t("employment.field.contractEnd")}
        hint={t("employment.field.contractEnd.hint")}
        type="date"
        autoComplete="off"
        optional
      />
      <MonthsField meta={f.contractMonths!} />
      <Field meta={f.monthlyPay!} label={t("employment.field.monthlyPay")} hint={t("employment.field.monthlyPay.hint")} inputMode="numeric" autoComplete="off" />
      <RadioGroup
        meta={f.socialInsurance!}
        legend={t("employment.field.socialInsurance")}
        options={[
          { value: "yes", label: t("employment.yes") },
          { value: "no", label: t("employment.no") },
        ]}
      />
      <EvidenceFields evidence={f.evidence!} evidenceNote={f.evidenceNote!} />
    </>
  );
}
