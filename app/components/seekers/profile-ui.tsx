import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "~/components/form/field";
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


/** One yes/no checkbox with its label, hint and error beside it. */


/** A number field is typed as text; the schema parses the number. */
export function asText<M>(meta: M) {
  return meta as unknown as FieldMetadata<string | undefined>;
}
