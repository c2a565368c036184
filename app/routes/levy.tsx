import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigationType } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, RadioGroup, SelectField } from "~/components/form/field";
import { localeFromMatches } from "~/components/meta";
import {
  computeLevy,
  EMPLOYEE_KINDS,
  EMPLOYER_TYPES,
  LEVY_MESSAGE_KEYS,
  levyInputSchema,
  MAX_VETERAN_GRADE,
  rationalToText,
  savingForHires,
  tryParseRational,
  type Bilingual,
  type LevyInput,
  type LevyResult,
} from "~/domain/quota/levy";
import { errorMessage, translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * The public levy calculator (issue 5): a GET form, so it works without JavaScript and a result is a bookmarkable
 * address. The figures come from the levy engine, the same one the API and the employer's quota page use.
 */

const FORM_ID = "levy";
/** Disabled employees are a fixed number of rows (no JavaScript needed); "more rows" reloads with `rows=N`. */
const ROWS_DEFAULT = 5;
const ROWS_STEP = 5;
const ROWS_MAX = 50;
const FIELD_NAMES = ["levyYear", "employerType", "staffCount", "averageSalary", "localAverageSalary", "ratio"] as const;

// Type aliases, not interfaces: they must fit conform's payload type (an index signature).
type RowValue = {
  kind?: string;
  grade?: string;
  months?: string;
};
type CalculatorValue = Partial<Record<(typeof FIELD_NAMES)[number], string>> & { employees?: (RowValue | undefined)[] };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = translator(localeFromMatches(matches));
  const title = `${data?.lastResult ? t("site.errorTitlePrefix") : ""}${t("levy.title")} - ${t("site.titleSuffix")}`;
  return [{ title }, { name: "description", content: t("levy.metaDescription") }];
};

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const currentYear = currentLevyYear(new Date());
  const addingRows = params.has("rows");
  const submitted = addingRows || FIELD_NAMES.some((n) => params.has(n)) || [...params.keys()].some((k) => k.startsWith("employees["));
  if (!submitted) {
    const initialValue: CalculatorValue = { levyYear: String(currentYear), employees: Array.from({ length: ROWS_DEFAULT }, () => ({})) };
    return { currentYear, rows: ROWS_DEFAULT, firstNewRow: null, initialValue, lastResult: null, estimate: null };
  }

  // Rows past the last the page offers are left out before parsing (an index of 10^8 would build an array that long).
  const beyondLastRow = (name: string) => Number(/^employees\[(\d+)\]/.exec(name)?.[1] ?? -1) >= ROWS_MAX;
  const tooManyRows = [...params.keys()].some(beyondLastRow);
  const kept = tooManyRows ? new URLSearchParams([...params].filter(([name]) => !beyondLastRow(name))) : params;
  const submission = parseSubmission(kept, { schema: calculatorSchema });
  const payload = (submission.payload ?? {}) as CalculatorValue;
  const wanted = Number(params.get("rows")) || 0;
  const rows = rowCount(payload.employees ?? [], wanted);
  // After "more rows", the page continues at the first row added (the button asked for ROWS_STEP more).
  const firstNewRow = addingRows && wanted - ROWS_STEP >= 0 && wanted - ROWS_STEP < rows ? wanted - ROWS_STEP : null;
  // Every row the page shows gets a value, so the form lists exactly `rows` rows, each as typed.
  const initialValue = { ...payload, employees: Array.from({ length: rows }, (_, i) => payload.employees?.[i] ?? {}) };
  if (submission.status !== "success" || tooManyRows) {
    const reply = tooManyRows
      ? submission.reply({ fieldErrors: { employees: [errorMessage("levy.err.tooManyRows", { max: ROWS_MAX })] } })
      : submission.reply();
    // Adding rows to a form not yet complete is not a mistake: the values stay, without errors.
    const lastResult: SubmissionResult<string[]> | null = addingRows ? null : { ...reply, initialValue };
    return { currentYear, rows, firstNewRow, initialValue, lastResult, estimate: null };
  }
  const input = submission.value;
  const result = computeLevy(input);
  const savings = [1, 2, 3].map((n) => ({ n, saving: savingForHires(input, n) }));
  return { currentYear, rows, firstNewRow, initialValue, lastResult: null, estimate: { result, savings } };
}

/** The levy year now: the year the levy is declared and paid (on last year's figures), in Guizhou's time zone. */
function currentLevyYear(now: Date): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

function rowCount(rows: readonly (RowValue | undefined)[], wanted: number): number {
  let lastFilled = -1;
  rows.forEach((r, i) => {
    if (isFilled(r)) lastFilled = i;
  });
  return Math.min(ROWS_MAX, Math.max(ROWS_DEFAULT, Math.floor(wanted), lastFilled + 1));
}

const isFilled = (r: RowValue | undefined): r is RowValue => !!r && (!!r.kind || !!r.grade || !!r.months);

/** Typed forms of numbers: full-width digits (from a Chinese keyboard), thousands separators and spaces. */
function normalizeNumber(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, ".")
    .replace(/\uFF0F/g, "/")
    .replace(/[,，\s]/g, "");
}

/** A whole number when the text is one; otherwise the text itself, which the engine's schema refuses with its message. */
function wholeNumber(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const s = normalizeNumber(text);
  return /^\d{1,9}$/.test(s) ? Number(s) : s;
}

/** The ratio is typed as a percentage ("1.5"); the engine takes the fraction ("0.015"), read exactly. */
function ratioFromPercent(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const percent = tryParseRational(normalizeNumber(text).replace(/[%\uFF05]$/, ""));
  return percent === null ? text : rationalToText(percent.div(100));
}

const ROW_MESSAGES: Record<string, MessageKey> = {
  [LEVY_MESSAGE_KEYS.kind]: "levy.row.err.kind",
  [LEVY_MESSAGE_KEYS.grade]: "levy.row.err.grade",
  [LEVY_MESSAGE_KEYS.veteranGrade]: "levy.row.err.veteranGrade",
  [LEVY_MESSAGE_KEYS.monthsEmployed]: "levy.row.err.months",
};
const ROW_FIELDS: Record<string, keyof RowValue> = { kind: "kind", grade: "grade", monthsEmployed: "months" };

const text = z.string().optional();
/**
 * The form's fields as typed, turned into the engine's input and checked by the engine's own schema; its errors are
 * put back on the fields they came from (an employee's error on its row, with the row's number in the message).
 */
const calculatorSchema = z
  .object({
    levyYear: text,
    employerType: text,
    staffCount: text,
    averageSalary: text,
    localAverageSalary: text,
    ratio: text,
    employees: z.array(z.object({ kind: text, grade: text, months: text }).optional()).optional(),
  })
  .transform((form, ctx) => {
    const rows = form.employees ?? [];
    const used = rows.flatMap((r, index) => (isFilled(r) ? [{ r, index }] : []));
    const input = {
      levyYear: wholeNumber(form.levyYear),
      employerType: form.employerType,
      staffCount: form.staffCount === undefined ? undefined : normalizeNumber(form.staffCount),
      averageSalary: form.averageSalary === undefined ? undefined : normalizeNumber(form.averageSalary),
      localAverageSalary: form.localAverageSalary === undefined ? undefined : normalizeNumber(form.localAverageSalary),
      ratio: ratioFromPercent(form.ratio),
      // Empty months mean the whole year (the hint says so).
      disabledEmployees: used.map(({ r }) => ({ kind: r.kind, grade: wholeNumber(r.grade), monthsEmployed: wholeNumber(r.months) ?? 12 })),
    };
    const parsed = levyInputSchema.safeParse(input);
    if (parsed.success) return parsed.data satisfies LevyInput;
    for (const issue of parsed.error.issues) {
      const [first, j, field] = issue.path;
      if (first === "disabledEmployees" && typeof j === "number" && typeof field === "string" && ROW_FIELDS[field]) {
        const row = used[j]!.index;
        const key = ROW_MESSAGES[issue.message] ?? "levy.api.invalid";
        ctx.addIssue({ code: "custom", path: ["employees", row, ROW_FIELDS[field]], message: errorMessage(key, { row: row + 1 }) });
      } else if (typeof first === "string" && first !== "disabledEmployees") {
        ctx.addIssue({ code: "custom", path: [first], message: issue.message });
      } else {
        ctx.addIssue({ code: "custom", path: ["employees"], message: "levy.api.invalid" }); // not reached: rows are capped above
      }
    }
    return z.NEVER;
  });

export default function LevyCalculator() {
  const { t } = useI18n();
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <div>
      {/* Announces a result that arrives without a page load (with JavaScript the form navigates in place). */}
      <p role="status" className="sr-only">
        {data.estimate ? t("levy.result.announce", { amount: yuan(data.estimate.result.payable) }) : ""}
      </p>
      {/* Keyed by the address, so the form shows the figures the result is for after every navigation. */}
      <CalculatorPage key={location.search} data={data} />
    </div>
  );
}

/** Money for reading: "73080.00" → "73,080.00" (the engine's figure, grouped; no rounding here). */
function yuan(amount: string): string {
  const [whole, fen] = amount.replace(/^-/, "").split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fen === undefined ? "" : `.${fen}`}`;
}

function ResultSection({ result, savings }: { result: LevyResult; savings: { n: number; saving: string }[] }) {
  const { t, locale } = useI18n();
  const pick = (b: Bilingual) => (locale === "en" ? b.en : b.zh);
  const money = (amount: string) => t("levy.result.yuan", { amount: yuan(amount) });
  const nothingSaved = savings.every((s) => /^-?0\.00$/.test(s.saving));
  const rows: [MessageKey, string][] = [
    ["levy.result.fullLevy", money(result.fullLevy)],
    [
      "levy.result.tierFactor",
      result.tierFactor === null
        ? t("levy.result.tier.none")
        : t("levy.result.tier.percent", { percent: Math.round(result.tierFactor * 10000) / 100 }),
    ],
    ["levy.result.exemptReason", t(result.exemptReason ? `levy.result.exempt.${result.exemptReason}` : "levy.result.exempt.none")],
    ["levy.result.ruleSet", pick(result.ruleSet.name)],
    ["levy.result.required", result.requiredCount],
    ["levy.result.counted", result.countedDisabled],
    ["levy.result.shortfall", result.shortfall],
    ["levy.result.basis", money(result.salaryBasis)],
  ];
  return (
    <section aria-labelledby="levy-result-title" className="card mb-8 max-w-3xl">
      <h2 id="levy-result-title" className="section-title mt-0">
        {t("levy.result.title")}
      </h2>
      <p className="mb-4">
        <span className="block font-bold">{t("levy.result.payable")}</span>
        <strong id="levy-payable" className="block text-4xl leading-tight">
          {money(result.payable)}
        </strong>
      </p>
      <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-bold">{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h3 className="mt-6 mb-2 text-lg font-bold">{t("levy.result.steps")}</h3>
      <ol className="grid list-decimal gap-2 pl-6">
        {result.explanation.map((step, i) => (
          <li key={i}>{pick(step)}</li>
        ))}
      </ol>

      <h3 className="mt-6 mb-2 text-lg font-bold">{t("levy.result.savings")}</h3>
      {nothingSaved ? (
        <p>{t("levy.saving.none")}</p>
      ) : (
        <>
          <p className="field-hint">{t("levy.result.savingsHint")}</p>
          <ul className="grid list-disc gap-1 pl-6">
            {savings.map(({ n, saving }) => (
              <li key={n}>{savingText(t, n, saving)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-6">{t("levy.result.disclaimer")}</p>
    </section>
  );
}

function savingText(t: ReturnType<typeof useI18n>["t"], n: number, saving: string): string {
  const one = n === 1;
  const amount = yuan(saving);
  if (/^-?0\.00$/.test(saving)) return t(one ? "levy.saving.zeroOne" : "levy.saving.zero", { n });
  // Negative only when the hires end an exemption (more staff than the small-enterprise limit).
  if (saving.startsWith("-")) return t(one ? "levy.saving.negativeOne" : "levy.saving.negative", { n, amount });
  return t(one ? "levy.saving.positiveOne" : "levy.saving.positive", { n, amount });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function CalculatorPage({ data }: { data: LoaderData }) {
  const { currentYear, rows, firstNewRow, initialValue, lastResult, estimate } = data;
  const { t } = useI18n();
  const navigationType = useNavigationType();
  useEffect(() => {
    // With JavaScript, "more rows" replaces the form: keyboard and screen reader users continue at the first new row
    // (not on a page load, which starts at the top as usual).
    if (navigationType !== "POP" && firstNewRow !== null) document.getElementById(`${FORM_ID}-employees[${firstNewRow}].kind`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // No client-side validation: the loader checks with the engine's schema, with and without JavaScript alike.
  const [form, fields] = useForm<{
    levyYear: string;
    employerType: string;
    staffCount: string;
    averageSalary: string;
    localAverageSalary: string;
    ratio: string;
    employees: { kind: string; grade: string; months: string }[];
  }>({
    id: FORM_ID,
    defaultValue: initialValue as Record<string, unknown>,
    lastResult: lastResult as SubmissionResult<string[]> | null,
  });
  const employees = fields.employees.getFieldList();
  const grades = Array.from({ length: MAX_VETERAN_GRADE }, (_, i) => String(i + 1));
  const moreRows = Math.min(ROWS_MAX, rows + ROWS_STEP);
  return (
    <>
      <h1 className="page-title">{t("levy.title")}</h1>
      <ErrorSummary form={form} />
      <p className="lead max-w-3xl">{t("levy.lead")}</p>
      <p className="mb-6 max-w-3xl">
        {t("levy.disclosuresBefore")} <Link to="/disclosures">{t("levy.disclosuresLink")}</Link>
        {t("levy.sentenceEnd")}
      </p>
      {estimate ? <ResultSection result={estimate.result} savings={estimate.savings} /> : null}

      <section aria-labelledby="levy-form-title" className="max-w-3xl">
        <h2 id="levy-form-title" className="section-title">
          {t("levy.form.title")}
        </h2>
        {/* A GET form: the result is a page of its own, bookmarkable, and works without JavaScript. */}
        <Form method="get" action="/levy" {...getFormProps(form)}>
          <Field
            meta={fields.levyYear}
            label={t("levy.levyYear")}
            hint={t("levy.levyYear.hint", { year: currentYear, previous: currentYear - 1 })}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            className="field-input max-w-[8rem]"
          />
          <RadioGroup
            meta={fields.employerType}
            legend={t("levy.employerType")}
            hint={t("levy.employerType.hint")}
            options={EMPLOYER_TYPES.map((type) => ({ value: type, label: t(`levy.employerType.${type}`) }))}
          />
          <Field
            meta={fields.staffCount}
            label={t("levy.staffCount")}
            hint={t("levy.staffCount.hint")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            meta={fields.averageSalary}
            label={t("levy.averageSalary")}
            hint={t("levy.averageSalary.hint")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            meta={fields.localAverageSalary}
            label={t("levy.localAverageSalary")}
            hint={t("levy.localAverageSalary.hint")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            meta={fields.ratio}
            label={t("levy.ratio")}
            hint={t("levy.ratio.hint")}
            optional
            inputMode="decimal"
            autoComplete="off"
            className="field-input max-w-[8rem]"
          />
          <Fieldset
            id={`${fields.employees.id}-group`}
            legend={t("levy.employees")}
            hint={t("levy.employees.hint")}
            errors={fields.employees.errors}
          >
            {/* The error summary's link for a list-wide error lands here. */}
            <div id={fields.employees.id} tabIndex={-1}>
              {employees.map((row, i) => {
                const r = row.getFieldset();
                return (
                  <fieldset key={row.key} id={`${FORM_ID}-row-${i + 1}`} className="fieldset rounded border border-line p-4">
                    <legend className="field-label px-1">{t("levy.row", { n: i + 1 })}</legend>
                    <div className="grid gap-x-4 sm:grid-cols-3">
                      <SelectField
                        meta={r.kind}
                        label={t("levy.row.kind")}
                        placeholder={t("levy.row.kindChoose")}
                        options={EMPLOYEE_KINDS.map((kind) => ({ value: kind, label: t(`levy.kind.${kind}`) }))}
                      />
                      <SelectField
                        meta={r.grade}
                        label={t("levy.row.grade")}
                        placeholder={t("levy.row.gradeChoose")}
                        options={grades.map((g) => ({ value: g, label: t("levy.row.gradeOption", { grade: g }) }))}
                      />
                      <Field meta={r.months} label={t("levy.row.months")} inputMode="numeric" maxLength={2} autoComplete="off" />
                    </div>
                  </fieldset>
                );
              })}
            </div>
          </Fieldset>
          <div className="flex flex-wrap items-center gap-4">
            {/* First in the form, so Enter in a field calculates. */}
            <button type="submit" className="button">
              {t("levy.submit")}
            </button>
            {rows < ROWS_MAX ? (
              <button
                type="submit"
                name="rows"
                value={String(moreRows)}
                // Without JavaScript the new page scrolls to the first row added, and Tab continues from there.
                formAction={`/levy#${FORM_ID}-row-${rows + 1}`}
                className="button button-secondary"
              >
                {t("levy.moreRows", { count: moreRows - rows })}
              </button>
            ) : (
              <p>{t("levy.rowsMax", { max: ROWS_MAX })}</p>
            )}
            <Link to="/levy">{t("levy.clear")}</Link>
          </div>
        </Form>
      </section>
    </>
  );
}
