import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint, Fieldset, type Option } from "~/components/form/field";
import { PROFILE_STEPS, type ProfileStep } from "~/domain/seekers/seekers.schema";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Pieces of the seeker profile pages. The inputs follow the shared field contract (components/form/field.tsx):
 * label, hint `${id}-hint`, error `${id}-error` with a hidden prefix, aria-describedby, aria-invalid.
 */

/** The frame of one profile step: a way back, where this step sits, its title and lead. */
export function StepPage({ step, children }: { step: ProfileStep; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/profile">
          <span aria-hidden="true">← </span>
          {t("seekers.back")}
        </Link>
      </p>
      <p className="text-muted">{t("seekers.stepOf", { n: PROFILE_STEPS.indexOf(step) + 1, total: PROFILE_STEPS.length })}</p>
      <h1 className="page-title">{t(`seekers.step.${step}`)}</h1>
      <p className="lead">{t(`seekers.step.${step}.lead`)}</p>
      {children}
    </div>
  );
}

export function SaveButton() {
  const { t } = useI18n();
  return (
    <button type="submit" className="button">
      {t("seekers.save")}
    </button>
  );
}

/** Every error of a field (not only the first), each with the hidden "错误：" prefix. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t, te } = useI18n();
  if (!errors?.length) return null;
  if (errors.length === 1) return <FieldError id={id} errors={errors} />;
  return (
    <div id={`${id}-error`} className="field-error">
      {errors.map((e) => (
        <p key={e}>
          <span className="sr-only">{t("form.errorPrefix")}</span>
          {te(e)}
        </p>
      ))}
    </div>
  );
}

/**
 * A field for an ID or certificate number. The saved number is not put into the page unless the owner asked to
 * reveal it: the field starts empty and the hint says which number is on file.
 */
export function IdentifierField({
  meta,
  label,
  hint,
  onFile,
  revealed,
  revealHref,
  hideHref,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint: string;
  onFile: { start: string; end: string } | null;
  revealed: boolean;
  revealHref: string;
  hideHref: string;
}) {
  const { t } = useI18n();
  const errors = meta.errors;
  const hintContent = (
    <>
      {hint}
      {onFile ? (
        <>
          {" "}
          {t("seekers.onFile", onFile)}{" "}
          {revealed ? <Link to={hideHref}>{t("seekers.hide")}</Link> : <Link to={revealHref}>{t("seekers.onFile.reveal")}</Link>}
        </>
      ) : null}
    </>
  );
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field-label">
        {label}
        {onFile ? <span className="field-optional"> {t("form.optional")}</span> : null}
      </label>
      <FieldHint id={meta.id}>{hintContent}</FieldHint>
      <FieldErrors id={meta.id} errors={errors} />
      <input
        key={meta.key}
        id={meta.id}
        name={meta.name}
        defaultValue={(meta.initialValue as string | undefined) ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, true, !!errors?.length)}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        className="field-input font-mono"
      />
    </div>
  );
}

/** A number masked as 5201**********1234; screen readers hear the two ends, not a run of stars. */
export function MaskedValue({ value }: { value: { masked: string; start: string; end: string } }) {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true" className="font-mono">
        {value.masked}
      </span>
      <span className="sr-only">{t("seekers.masked.sr", { start: value.start, end: value.end })}</span>
    </>
  );
}

export function TextAreaField({
  meta,
  label,
  hint,
  rows = 5,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const { t } = useI18n();
  const errors = meta.errors;
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field-label">
        {label}
        <span className="field-optional"> {t("form.optional")}</span>
      </label>
      <FieldHint id={meta.id}>{hint}</FieldHint>
      <FieldErrors id={meta.id} errors={errors} />
      <textarea
        key={meta.key}
        id={meta.id}
        name={meta.name}
        rows={rows}
        defaultValue={(meta.initialValue as string | undefined) ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
        className="field-input max-w-2xl"
      />
    </div>
  );
}

/** One yes/no checkbox with its label, hint and error beside it. */
export function CheckboxField({ meta, label, hint }: { meta: FieldMetadata<boolean | undefined>; label: string; hint?: ReactNode }) {
  const errors = meta.errors;
  return (
    <div className="field flex items-start gap-3">
      <input
        key={meta.key}
        type="checkbox"
        id={meta.id}
        name={meta.name}
        defaultChecked={meta.initialValue === "on"}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
        className="mt-1 h-6 w-6 shrink-0"
      />
      <div>
        <label htmlFor={meta.id} className="field-label">
          {label}
        </label>
        <FieldHint id={meta.id}>{hint}</FieldHint>
        <FieldError id={meta.id} errors={errors} />
      </div>
    </div>
  );
}

/** Checkboxes for one list field; the first box carries the field's id, so the error summary can link to it. */
export function CheckboxGroup({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  hint?: ReactNode;
  options: readonly (Option & { explanation?: string })[];
}) {
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  const initial = meta.initialValue as string | string[] | undefined;
  const checked = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  return (
    <Fieldset id={groupId} legend={legend} hint={hint} errors={errors}>
      <div className="radios" key={meta.key}>
        {options.map((o, i) => {
          const id = i === 0 ? meta.id : `${meta.id}-${o.value}`;
          const ids = [o.explanation ? `${id}-explain` : null, errors?.length ? `${groupId}-error` : null].filter(Boolean).join(" ");
          return (
            <div className="radio" key={o.value}>
              <input
                type="checkbox"
                id={id}
                name={meta.name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={ids || undefined}
              />
              <div>
                <label htmlFor={id}>{o.label}</label>
                {o.explanation ? (
                  <p id={`${id}-explain`} className="text-muted">
                    {o.explanation}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** A number field is typed as text; the schema parses the number. */
export function asText<M>(meta: M) {
  return meta as unknown as FieldMetadata<string | undefined>;
}
