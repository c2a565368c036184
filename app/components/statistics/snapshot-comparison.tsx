/**
 * A quarter's snapshot beside the previous quarter's and the same quarter a year before (issue 13): shown on
 * /statistics for the region and period in view, and on /statistics/snapshots for a chosen quarter.
 */
import { indicatorName } from "~/domain/statistics/indicators";
import type { QuarterRef } from "~/domain/statistics/quarters";
import { formatChange, formatFigure, isRateIndicator } from "~/domain/statistics/report-format";
import type { Comparison } from "~/domain/statistics/snapshots.server";
import { useI18n } from "~/i18n/use-i18n";

export function SnapshotComparisonTable({ comparison: c }: { comparison: Comparison }) {
  const { t, locale } = useI18n();
  const label = (q: QuarterRef) => t("statsReport.quarter", { year: q.year, quarter: q.quarter });
  const missing = (q: QuarterRef) => t("statsReport.compare.missing", { quarter: label(q) });
  const rows = c.rows.filter((r) => r.current !== null || r.previous !== null || r.yearBefore !== null);
  if (!c.current) return <p className="notice">{missing(c.quarter)}</p>;
  return (
    <>
      {!c.previous ? <p className="notice">{missing(c.previousQuarter)}</p> : null}
      {!c.yearBefore ? <p className="notice">{missing(c.yearBeforeQuarter)}</p> : null}
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("statsReport.compare.title", { quarter: label(c.quarter) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statsReport.col.indicator")}</th>
              <th scope="col">{label(c.quarter)}</th>
              <th scope="col">{label(c.previousQuarter)}</th>
              <th scope="col">{t("statsReport.col.changePrevious")}</th>
              <th scope="col">{label(c.yearBeforeQuarter)}</th>
              <th scope="col">{t("statsReport.col.changeYearBefore")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const rate = isRateIndicator(r.code);
              const change = (v: number | null) => (v === null ? "—" : rate ? t("statsReport.points", { value: formatChange(locale, v, true) }) : formatChange(locale, v, false));
              return (
                <tr key={r.code}>
                  <th scope="row" className="font-normal">
                    {indicatorName(r.code, locale)}
                  </th>
                  <td>{formatFigure(locale, r.current, rate)}</td>
                  <td>{formatFigure(locale, r.previous, rate)}</td>
                  <td>{change(r.changeFromPrevious)}</td>
                  <td>{formatFigure(locale, r.yearBefore, rate)}</td>
                  <td>{change(r.changeFromYearBefore)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
