import type { FormMetadata } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { useI18n } from "~/i18n/use-i18n";

/**
 * The error summary (GOV.UK pattern): a titled box, focused when it appears, listing every error with a
 * link to its field. Form-level errors (no field) are listed without a link.
 */
export function ErrorSummary({ form }: { form: FormMetadata<any, string[]> }) {
  const { t, te } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const all = form.allErrors;
  const entries = Object.entries(all).filter(([, errors]) => errors.length > 0);
  const signature = JSON.stringify(entries);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  if (!entries.length) return null;
  const titleId = `${form.id}-error-summary-title`;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="error-summary-title">
        {t("form.errorSummary")}
      </h2>
      <ul className="error-summary-list">
        {entries.map(([name, errors]) =>
          name === "" || name === form.name ? (
            <li key={name || "form"}>{te(errors[0]!)}</li>
          ) : (
            <li key={name}>
              <a href={`#${form.id}-${name}`}>{te(errors[0]!)}</a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
