import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState, type ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "~/components/form/field";
import { prefectureOf, type RegionPrefecture } from "~/domain/divisions/regions";
import { useI18n } from "~/i18n/use-i18n";

export interface RegionPickerProps {
  /** The field that is submitted: a county's code (or, with `wholePrefecture`, a prefecture's). */
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint?: ReactNode;
  /** The empty choice of the place list ("请选择区县", "不限地区"). */
  placeholder: string;
  prefectures: readonly RegionPrefecture[];
  /** Offer each prefecture as a choice of its own (a search over a whole prefecture), worded by this function. */
  wholePrefecture?: (p: RegionPrefecture) => string;
  /** The label of the prefecture list; "所在市（州）" unless given. */
  prefectureLabel?: string;
}

function firstString(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

/**
 * A place in Guizhou, prefecture then county (issue 15). Without JavaScript it is one select whose counties are
 * grouped under their prefecture with <optgroup> (the field contract's label, hint and error; what is submitted).
 * Once the page is hydrated a prefecture select appears above it and narrows the list to that prefecture's counties
 * — an aid only: it has no name, so what is posted is the same with or without JavaScript.
 */
export function RegionPicker(props: RegionPickerProps) {
  // Keyed by conform's key, so a form reset or a server reply starts from the field's new value.
  return <Picker key={props.meta.key} {...props} />;
}

function Picker({ meta, label, hint, placeholder, prefectures, wholePrefecture, prefectureLabel }: RegionPickerProps) {
  const { t, locale } = useI18n();
  const errors = meta.errors;
  const [value, setValue] = useState(() => firstString(meta.initialValue));
  const [filter, setFilter] = useState(() => prefectureOf(prefectures, firstString(meta.initialValue)) ?? "");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Place names are Chinese only: marked as such on an English page (WCAG 3.1.2).
  const zh = locale === "en" ? "zh-CN" : undefined;
  const shown = hydrated && filter ? prefectures.filter((p) => p.code === filter) : prefectures;
  const filterId = `${meta.id}-prefecture`;

  const chooseFilter = (code: string) => {
    setFilter(code);
    const within = code ? prefectureOf(prefectures, value) === code : true;
    if (!within) setValue(wholePrefecture && code ? code : "");
  };

  return (
    <div>
      {hydrated ? (
        <div className="field">
          <label htmlFor={filterId} className="field-label">
            {prefectureLabel ?? t("regionPicker.prefecture")}
          </label>
          <FieldHint id={filterId}>{t("regionPicker.prefecture.hint")}</FieldHint>
          <select
            id={filterId}
            value={filter}
            onChange={(e) => chooseFilter(e.target.value)}
            aria-describedby={`${filterId}-hint`}
            className="field-input"
          >
            <option value="">{t("regionPicker.prefecture.any")}</option>
            {prefectures.map((p) => (
              <option key={p.code} value={p.code} lang={zh}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={meta.id} className="field-label">
          {label}
        </label>
        <FieldHint id={meta.id}>{hint}</FieldHint>
        <FieldError id={meta.id} errors={errors} />
        <select
          id={meta.id}
          name={meta.name}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(meta.id, !!hint, !!errors?.length)}
          className="field-input"
        >
          <option value="">{placeholder}</option>
          {shown.map((p) => (
            <optgroup key={p.code} label={p.name} lang={zh}>
              {wholePrefecture ? (
                <option value={p.code} lang={locale === "en" ? "en" : undefined}>
                  {wholePrefecture(p)}
                </option>
              ) : null}
              {p.counties.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}
