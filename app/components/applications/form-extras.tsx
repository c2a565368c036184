import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint, Fieldset, type Option } from "~/components/form/field";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Inputs the shared field contract (components/form/field.tsx) does not have yet: a text area and a group of
 * checkboxes. Same contract: label, hint, error with a hidden prefix, aria-describedby, aria-invalid.
 */

export function TextAreaField({
  meta,
  label,
  hint,
  optional,
  rows = 5,
  maxLength,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  const { t } = useI18n();
  const errors = meta.errors;
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field-label">
        {label}
        {optional ? <span className="field-optional"> {t("form.optional")}</span> : null}
      </label>
      <FieldHint id={meta.id}>{hint}</FieldHint>
      <FieldError id={meta.id} errors={errors} />
      <textarea
        key={meta.key}
        id={meta.id}
        name={meta.name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={(meta.initialValue as string | undefined) ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
        className="field-input max-w-2xl"
      />
    </div>
  );
}

/** Checkboxes for one array field; the first box carries the field's id so the error summary can link to it. */
export function CheckboxGroup({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  hint?: ReactNode;
  options: readonly (Option & { note?: string })[];
}) {
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  const initial = meta.initialValue;
  const checked = new Set<string>(Array.isArray(initial) ? (initial as string[]) : typeof initial === "string" ? [initial] : []);
  return (
    <Fieldset id={groupId} legend={legend} hint={hint} errors={errors}>
      <div className="radios" key={meta.key}>
        {options.map((o, i) => {
          const id = i === 0 ? meta.id : `${meta.id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="checkbox"
                id={id}
                name={meta.name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={errors?.length ? `${groupId}-error` : undefined}
              />
              <label htmlFor={id}>
                {o.label}
                {o.note ? <span className="text-muted"> {o.note}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
