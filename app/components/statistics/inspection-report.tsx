import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { SelectOptions, TextAreaField } from "~/components/form/field";
import type { IndicatorCode, IndicatorUnit, IndicatorStatus } from "~/domain/statistics/contract";
import { indicatorName } from "~/domain/statistics/indicators";
import { formatFigure, formatShare, isRateIndicator, statusKey } from "~/domain/statistics/report-format";
import { inspectionNotesSchema, NOTES_MAX } from "~/domain/statistics/report.schema";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/** The report as the loader sends it (dates may arrive as strings). */
export interface ReportView {
  kind: "annual" | "midterm" | "final";
  period: string;
  regionCode: string;
  regionName: string;
  regions: { code: string; name: string; parentCode: string | null; level: "province" | "prefecture" | "county" }[];
  statistics: {
    regionName: string;
    periodStart: number;
    periodEnd: number;
    asOf: string;
    indicators: {
      code: IndicatorCode;
      unit: IndicatorUnit;
      target: number | null;
      actual: number | null;
      expectedByNow: number | null;
      shareDone: number | null;
      status: IndicatorStatus;
    }[];
    subRegions: { regionCode: string; regionName: string; actuals: Partial<Record<IndicatorCode, number | null>> }[];
  };
  disclosure: {
    levyYear: number;
    published: boolean;
    listed: number;
    met: number;
    notMet: number;
    levyPayable: string;
    openObjections: number;
    declarations: { submitted: number; approved: number; returned: number };
  }[];
  notes: { text: string; updatedAt: Date | string | null; updatedBy: string | null };
}

/** The region picker (GET): the admin's region and those below it. */
export function ReportRegionPicker({ report, extra }: { report: ReportView; extra?: Record<string, string> }) {
  const { t } = useI18n();
  const byCode = new Map(report.regions.map((d) => [d.code, d]));
  const options = report.regions.map((d) => ({
    value: d.code,
    label: d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name ?? "" : "",
  }));
  return (
    <Form method="get" className="print-hidden card mb-6 max-w-3xl" aria-labelledby="report-region-title">
      <h2 id="report-region-title" className="mb-3 text-xl font-bold">
        {t("statsReport.region.title")}
      </h2>
      {extra ? Object.entries(extra).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />) : null}
      <div className="flex flex-wrap items-end gap-x-6">
        <div className="field grow">
          <label htmlFor="report-region" className="field-label">
            {t("statsReport.region.label")}
          </label>
          <select id="report-region" name="region" defaultValue={report.regionCode} className="field-input">
            <SelectOptions options={options} />
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button-secondary">
            {t("statsReport.region.submit")}
          </button>
        </div>
      </div>
    </Form>
  );
}

/** The report's tables: indicators, sub-regions, the quota disclosure summary, and the notes as saved. */
export function ReportTables({ report }: { report: ReportView }) {
  const { t, locale } = useI18n();
  const s = report.statistics;
  const recorded = s.indicators.filter((i) => i.actual !== null || i.status !== "not_recorded");
  return (
    <>
      <section aria-labelledby="report-indicators" className="mb-8">
        <h2 id="report-indicators" className="section-title">
          {t("statsReport.indicators.title")}
        </h2>
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("statsReport.indicators.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statsReport.col.indicator")}</th>
                <th scope="col">{t("statsReport.col.target")}</th>
                <th scope="col">{t("statsReport.col.actual")}</th>
                <th scope="col">{t("statsReport.col.expected")}</th>
                <th scope="col">{t("statsReport.col.shareDone")}</th>
                <th scope="col">{t("statsReport.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {s.indicators.map((i) => {
                const rate = isRateIndicator(i.code);
                return (
                  <tr key={i.code}>
                    <th scope="row" className="font-normal">
                      {indicatorName(i.code, locale)}
                    </th>
                    <td>{formatFigure(locale, i.target, rate)}</td>
                    <td>{i.actual === null ? t("statsReport.notRecorded") : formatFigure(locale, i.actual, rate)}</td>
                    <td>{formatFigure(locale, i.expectedByNow, rate)}</td>
                    <td>{formatShare(locale, i.shareDone)}</td>
                    <td>{t(statusKey(i.status))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="report-regions" className="mb-8">
        <h2 id="report-regions" className="section-title">
          {t("statsReport.subRegions.title")}
        </h2>
        {s.subRegions.length === 0 ? (
          <p className="notice">{t("statsReport.subRegions.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("statsReport.subRegions.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statsReport.col.region")}</th>
                  {recorded.map((i) => (
                    <th key={i.code} scope="col">
                      {indicatorName(i.code, locale)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.subRegions.map((r) => (
                  <tr key={r.regionCode}>
                    <th scope="row" className="font-normal">
                      {r.regionName}
                    </th>
                    {recorded.map((i) => (
                      <td key={i.code}>{formatFigure(locale, r.actuals[i.code] ?? null, isRateIndicator(i.code))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-quota" className="mb-8">
        <h2 id="report-quota" className="section-title">
          {t("statsReport.quota.title")}
        </h2>
        <p className="mb-3 max-w-3xl">{t("statsReport.quota.lead")}</p>
        {report.disclosure.length === 0 ? (
          <p className="notice">{t("statsReport.quota.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("statsReport.quota.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statsReport.col.levyYear")}</th>
                  <th scope="col">{t("statsReport.col.published")}</th>
                  <th scope="col">{t("statsReport.col.listed")}</th>
                  <th scope="col">{t("statsReport.col.met")}</th>
                  <th scope="col">{t("statsReport.col.notMet")}</th>
                  <th scope="col">{t("statsReport.col.levyPayable")}</th>
                  <th scope="col">{t("statsReport.col.openObjections")}</th>
                  <th scope="col">{t("statsReport.col.declarations")}</th>
                </tr>
              </thead>
              <tbody>
                {report.disclosure.map((d) => (
                  <tr key={d.levyYear}>
                    <th scope="row" className="font-normal">
                      {d.levyYear}
                    </th>
                    <td>{d.published ? <Link to={`/disclosures/${d.levyYear}`}>{t("statsReport.yes")}</Link> : t("statsReport.no")}</td>
                    <td>{d.listed}</td>
                    <td>{d.met}</td>
                    <td>{d.notMet}</td>
                    <td>{t("statsReport.yuan", { amount: d.levyPayable })}</td>
                    <td>{d.openObjections}</td>
                    <td>{t("statsReport.quota.declarations", d.declarations)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The notes as saved (printed), and for the admin a form to change them (not printed). */
export function ReportNotes({ report, lastResult, saved }: { report: ReportView; lastResult: SubmissionResult<string[]> | undefined; saved: boolean }) {
  const { t, locale } = useI18n();
  const [form, fields] = useForm<{ region: string; notes: string }>({
    id: "notes",
    lastResult,
    defaultValue: { region: report.regionCode, notes: report.notes.text },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inspectionNotesSchema }),
  });
  return (
    <section aria-labelledby="report-notes" className="mb-8">
      <h2 id="report-notes" className="section-title">
        {t("statsReport.notes.title")}
      </h2>
      {saved ? (
        <p className="notice print-hidden" role="status">
          {t("statsReport.notes.saved")}
        </p>
      ) : null}
      {report.notes.text ? <p className="mb-3 max-w-3xl whitespace-pre-line">{report.notes.text}</p> : <p className="mb-3">{t("statsReport.notes.none")}</p>}
      {report.notes.updatedAt ? (
        <p className="mb-4 text-muted">{t("statsReport.notes.updated", { date: formatDateTime(locale, report.notes.updatedAt), name: report.notes.updatedBy ?? "—" })}</p>
      ) : null}
      <div className="print-hidden card max-w-3xl">
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="region" value={report.regionCode} />
          <TextAreaField meta={fields.notes} label={t("statsReport.notes.label")} hint={t("statsReport.notes.hint", { max: NOTES_MAX })} rows={8} />
          <button type="submit" className="button">
            {t("statsReport.notes.submit")}
          </button>
        </Form>
      </div>
    </section>
  );
}

/** The lead line under a report's title: the period, the as-of day. */
export function ReportLead({ report }: { report: ReportView }) {
  const { t, locale } = useI18n();
  const s = report.statistics;
  const period = s.periodStart === s.periodEnd ? String(s.periodStart) : `${s.periodStart}–${s.periodEnd}`;
  return <p className="lead max-w-3xl">{t(`statsReport.${report.kind}.lead` as MessageKey, { period, date: formatCalendarDate(locale, s.asOf) })}</p>;
}
