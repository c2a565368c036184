import type { FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useI18n } from "~/i18n/use-i18n";

/**
 * The one field contract: `<label for>`, hint `${id}-hint`, error `${id}-error` with a visually hidden
 * "错误:" prefix, `aria-describedby` naming both, `aria-invalid`, error text at body size.
 */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t, te } = useI18n();
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="sr-only">{t("form.errorPrefix")}</span>
      {te(errors[0]!)}
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="field-hint">
      {children}
    </p>
  );
}

/** A single-valued control's value; a field posted twice comes back as a list, of which the first is shown. */
function singleValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "defaultValue" | "children">;

export function Field({
  meta,
  label,
  hint,
  optional,
  ...input
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
} & InputProps) {
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
      <input
        key={meta.key}
        id={meta.id}
        name={meta.name}
        defaultValue={input.type === "password" ? undefined : singleValue(meta.initialValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
        className="field-input"
        {...input}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
  autoComplete,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  options: readonly (Option & { group?: string })[];
  placeholder?: string;
  autoComplete?: string;
}) {
  const errors = meta.errors;
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field-label">
        {label}
      </label>
      <FieldHint id={meta.id}>{hint}</FieldHint>
      <FieldError id={meta.id} errors={errors} />
      <select
        key={meta.key}
        id={meta.id}
        name={meta.name}
        defaultValue={singleValue(meta.initialValue) ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
        autoComplete={autoComplete}
        className="field-input"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <SelectOptions options={options} />
      </select>
    </div>
  );
}

/** A select's options, those with a `group` under one `<optgroup>` each (in first-seen order). */
export function SelectOptions({ options }: { options: readonly (Option & { group?: string })[] }) {
  const groups = new Map<string, Option[]>();
  for (const o of options) {
    const g = o.group ?? "";
    groups.set(g, [...(groups.get(g) ?? []), o]);
  }
  return (
    <>
      {[...groups].map(([group, opts]) =>
        group ? (
          <optgroup key={group} label={group}>
            {opts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : (
          opts.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))
        ),
      )}
    </>
  );
}

/** A group of related inputs under one legend; errors and hints of the group sit under the legend. */
export function Fieldset({
  id,
  legend,
  hint,
  errors,
  children,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset" aria-describedby={describedBy(id, !!hint, !!errors?.length)}>
      <legend className="fieldset-legend">{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} errors={errors} />
      {children}
    </fieldset>
  );
}

/** Radios for one field: the first radio carries the field's id, so the error summary can link to it. */
export function RadioGroup({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMetadata<string | undefined>;
  legend: string;
  hint?: ReactNode;
  options: readonly Option[];
}) {
  const errors = meta.errors;
  const groupId = `${meta.id}-group`;
  return (
    <Fieldset id={groupId} legend={legend} hint={hint} errors={errors}>
      <div className="radios" key={meta.key}>
        {options.map((o, i) => {
          const id = i === 0 ? meta.id : `${meta.id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={id}
                name={meta.name}
                value={o.value}
                defaultChecked={singleValue(meta.initialValue) === o.value}
                aria-invalid={errors?.length ? true : undefined}
                aria-describedby={errors?.length ? `${groupId}-error` : undefined}
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

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
        defaultValue={singleValue(meta.initialValue) ?? ""}
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
        defaultChecked={singleValue(meta.initialValue) === "on"}
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

/**
 * Checkboxes for one list field, in a fieldset. An option may carry a plain explanation (read with it) or a short
 * note. The first box carries the field's id, so the error summary can link to it.
 */
export function CheckboxGroup({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  hint?: ReactNode;
  options: readonly (Option & { explanation?: string; note?: string })[];
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
                <label htmlFor={id}>
                  {o.label}
                  {o.note ? <span className="text-muted"> {o.note}</span> : null}
                </label>
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
