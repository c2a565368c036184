import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { SelectOptions } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { BarChart, ProgressChart, type ProgressItem } from "~/components/statistics/charts";
import { SnapshotComparisonTable } from "~/components/statistics/snapshot-comparison";
import { formatCount, formatPercent, formatValue, periodLabel } from "~/components/statistics/format";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { RECORDED_INDICATORS, type IndicatorCode } from "~/domain/statistics/contract";
import { INDICATOR_CODES, indicatorDefinition } from "~/domain/statistics/indicators";
import { formatPeriod, parseStatisticsParams, periodOptions, statisticsSearch } from "~/domain/statistics/statistics.schema";
import { readStatistics, type StatisticsIndicator, type StatisticsResult } from "~/domain/statistics/statistics.server";
import { compareSnapshots, listSnapshots } from "~/domain/statistics/snapshots.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statistics.title");

// Admins, for their region or one within it (the domain answers 404 otherwise). Unreadable values are ignored.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const today = todayInShanghai();
  const { query } = parseStatisticsParams(new URL(request.url).searchParams, { regionCode: actor.regionCode!, today });
  const db = await getDb();
  const stats = await readStatistics(db, actor, query);
  const divisions = await listDivisionsWithin(db, actor.regionCode!);
  // The region's latest quarterly snapshot beside the previous quarter's and the same quarter a year before.
  const latest = (await listSnapshots(db, actor, query.regionCode))[0];
  const comparison = latest ? await compareSnapshots(db, actor, { regionCode: query.regionCode, year: latest.year, quarter: latest.quarter }) : null;
  return { stats, divisions, today, comparison, periods: periodOptions(Number(today.slice(0, 4))) };
}

type Stats = StatisticsResult;

function listHref(s: Pick<Stats, "regionCode" | "periodStart" | "periodEnd" | "asOf">, code: IndicatorCode, key?: string) {
  return `/statistics/list?${statisticsSearch(s, { code, ...(key ? { key } : {}) })}`;
}

export default function StatisticsPage() {
  const { t, locale } = useI18n();
  const { stats: s, divisions, periods, comparison, today } = useLoaderData<typeof loader>();
  const reportYear = Math.min(s.periodEnd, Number(today.slice(0, 4)));
  const regionQuery = `region=${s.regionCode}`;
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionLabel = (code: string) => {
    const d = byCode.get(code);
    if (!d) return code;
    return d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name;
  };
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: regionLabel(d.code),
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name ?? "" : "",
  }));
  const periodValue = formatPeriod(s);
  const periodList = periods.some((p) => formatPeriod(p) === periodValue) ? periods : [{ periodStart: s.periodStart, periodEnd: s.periodEnd }, ...periods];
  const period = periodLabel(t, s);
  const asOf = formatCalendarDate(locale, s.asOf);
  const search = statisticsSearch(s);
  return (
    <div>
      <h1 className="page-title">{t("statistics.title")}</h1>
      <p className="lead max-w-3xl">{t("statistics.lead")}</p>

      <Form method="get" className="card mb-8 max-w-4xl" aria-labelledby="statistics-filter-title">
        <h2 id="statistics-filter-title" className="mb-3 text-xl font-bold">
          {t("statistics.filter.title")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field grow">
            <label htmlFor="statistics-region" className="field-label">
              {t("statistics.filter.region")}
            </label>
            <p id="statistics-region-hint" className="field-hint">
              {t("statistics.filter.region.hint")}
            </p>
            <select id="statistics-region" name="region" defaultValue={s.regionCode} aria-describedby="statistics-region-hint" className="field-input">
              <SelectOptions options={regionOptions} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="statistics-period" className="field-label">
              {t("statistics.filter.period")}
            </label>
            <p id="statistics-period-hint" className="field-hint">
              {t("statistics.filter.period.hint")}
            </p>
            <select id="statistics-period" name="period" defaultValue={periodValue} aria-describedby="statistics-period-hint" className="field-input">
              {periodList.map((p) => (
                <option key={formatPeriod(p)} value={formatPeriod(p)}>
                  {periodLabel(t, p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="statistics-asOf" className="field-label">
              {t("statistics.filter.asOf")}
            </label>
            <p id="statistics-asOf-hint" className="field-hint">
              {t("statistics.filter.asOf.hint")}
            </p>
            <input
              id="statistics-asOf"
              name="asOf"
              type="date"
              defaultValue={s.asOf}
              aria-describedby="statistics-asOf-hint"
              className="field-input"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("statistics.filter.submit")}
            </button>
          </div>
        </div>
      </Form>

      <h2 className="section-title">{t("statistics.heading", { region: regionLabel(s.regionCode) || s.regionName, period, asOf })}</h2>
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link to="/statistics/targets">{t("statistics.targetsLink")}</Link>
        </li>
        <li>
          {t("statistics.exports")}{" "}
          <a href={`/statistics/export.csv?${search}`} download>
            {t("statistics.export.csv")}
          </a>
          {" · "}
          <a href={`/statistics/export.xlsx?${search}`} download>
            {t("statistics.export.xlsx")}
          </a>
        </li>
      </ul>

      <IndicatorTable stats={s} regionName={regionLabel(s.regionCode) || s.regionName} period={period} asOf={asOf} />
      <Charts stats={s} />
      <SubRegions stats={s} regionName={regionLabel(s.regionCode) || s.regionName} period={period} asOf={asOf} />

      <section aria-labelledby="statistics-history-title" className="mb-10">
        <h2 id="statistics-history-title" className="section-title">
          {comparison
            ? t("statistics.history.title", { quarter: t("statsReport.quarter", { year: comparison.quarter.year, quarter: comparison.quarter.quarter }) })
            : t("statistics.links.snapshots")}
        </h2>
        {comparison ? (
          <>
            <p className="mb-4 max-w-3xl">{t("statistics.history.lead")}</p>
            <SnapshotComparisonTable comparison={comparison} />
          </>
        ) : (
          <p className="notice">{t("statistics.history.none")}</p>
        )}
      </section>

      <section aria-labelledby="statistics-links-title" className="mb-10">
        <h2 id="statistics-links-title" className="section-title">
          {t("statistics.links.title")}
        </h2>
        <ul className="list-disc space-y-2 ps-6">
          <li>
            <Link to={`/statistics/report/${reportYear}?${regionQuery}`}>{t("statistics.links.report", { year: reportYear })}</Link>
          </li>
          {s.periodEnd > s.periodStart ? (
            <>
              <li>
                <Link to={`/statistics/evaluation/${s.periodStart}-${s.periodEnd}?kind=midterm&${regionQuery}`}>
                  {t("statistics.links.midterm", { period: `${s.periodStart}–${s.periodEnd}` })}
                </Link>
              </li>
              <li>
                <Link to={`/statistics/evaluation/${s.periodStart}-${s.periodEnd}?kind=final&${regionQuery}`}>
                  {t("statistics.links.final", { period: `${s.periodStart}–${s.periodEnd}` })}
                </Link>
              </li>
            </>
          ) : null}
          <li>
            <Link to="/statistics/snapshots">{t("statistics.links.snapshots")}</Link>
          </li>
          <li>
            <Link to="/statistics/national-export">{t("nationalExport.nav")}</Link>
          </li>
          <li>
            <Link to="/open-data">{t("opendata.title")}</Link>
          </li>
        </ul>
      </section>
      <Definitions />
    </div>
  );
}

function IndicatorTable({ stats: s, regionName, period, asOf }: { stats: Stats; regionName: string; period: string; asOf: string }) {
  const { t, te, locale } = useI18n();
  return (
    // The scrolling box, not the section, is the landmark named by the heading (one region per name).
    <section className="mb-10">
      <h2 id="statistics-table-title" className="section-title">
        {t("statistics.table.title")}
      </h2>
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="statistics-table-title">
        <table className="data-table">
          <caption className="sr-only">{t("statistics.table.caption", { region: regionName, period, asOf })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statistics.col.indicator")}</th>
              <th scope="col">{t("statistics.col.target")}</th>
              <th scope="col">{t("statistics.col.actual")}</th>
              <th scope="col">{t("statistics.col.shareDone")}</th>
              <th scope="col">{t("statistics.col.expected")}</th>
              <th scope="col">{t("statistics.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {s.indicators.map((i) => {
              const d = indicatorDefinition(i.code);
              const name = locale === "en" ? d.nameEn : d.nameZh;
              return (
                <tr key={i.code}>
                  <th scope="row" className="font-normal">
                    {name}
                    {d.kind === "count" ? <span className="text-muted">（{te(`statistics.unit.${d.unit}`)}）</span> : null}
                  </th>
                  <td>
                    <TargetCell indicator={i} />
                  </td>
                  <td>
                    <ActualCell stats={s} indicator={i} name={name} />
                  </td>
                  <td>{i.shareDone === null ? "—" : formatPercent(locale, i.shareDone)}</td>
                  <td>{i.expectedByNow === null ? "—" : formatValue(locale, i.code, i.expectedByNow)}</td>
                  <td className="font-bold">{te(i.empty ? "statistics.status.empty" : `statistics.status.${i.status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TargetCell({ indicator: i }: { indicator: StatisticsIndicator }) {
  const { t, locale } = useI18n();
  if (i.target === null) return <>{t("statistics.target.none")}</>;
  const o = i.targetOrigin;
  return (
    <>
      {formatValue(locale, i.code, i.target)}
      {o?.prorated ? (
        <span className="block text-sm text-muted">
          {t("statistics.target.prorated", { start: o.periodStart, end: o.periodEnd, value: formatValue(locale, i.code, o.value) })}
        </span>
      ) : null}
      {o?.source ? <span className="block text-sm text-muted">{t("statistics.target.source", { source: o.source })}</span> : null}
    </>
  );
}

function ActualCell({ stats: s, indicator: i, name }: { stats: Stats; indicator: StatisticsIndicator; name: string }) {
  const { t, te, locale } = useI18n();
  if (i.actual === null && !i.empty) return <>{t("statistics.actual.notRecorded")}</>;
  const value = i.actual === null ? t("statistics.actual.empty") : formatValue(locale, i.code, i.actual);
  return (
    <>
      <Link to={listHref(s, i.code)}>
        {value}
        <span className="sr-only">
          {" "}
          {name}
          {t("statistics.viewList")}
        </span>
      </Link>
      {i.numerator !== undefined ? (
        <span className="block text-sm">
          {t("statistics.actual.ofTotal", { numerator: formatCount(locale, i.numerator), denominator: formatCount(locale, i.denominator ?? 0) })}
        </span>
      ) : null}
      {i.breakdown?.length ? (
        <>
          <span className="block text-sm">{t("statistics.breakdown")}</span>
          <ul className="text-sm">
            {i.breakdown.map((b) => (
              <li key={b.key}>
                <Link to={listHref(s, i.code, b.key)} className="inline-block min-h-6">
                  {te(`statistics.key.${i.code}.${b.key}`)} {formatCount(locale, b.value)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Charts({ stats: s }: { stats: Stats }) {
  const { t, te, locale } = useI18n();
  const name = (code: IndicatorCode) => (locale === "en" ? indicatorDefinition(code).nameEn : indicatorDefinition(code).nameZh);
  const charted = s.indicators.filter((i) => i.target !== null && i.target > 0 && i.actual !== null && i.expectedByNow !== null);
  const progress: ProgressItem[] = charted.map((i) => ({
    key: i.code,
    label: name(i.code),
    share: i.actual! / i.target!,
    expected: i.expectedByNow! / i.target!,
    valueText: `${formatPercent(locale, i.actual! / i.target!)} / ${formatPercent(locale, i.expectedByNow! / i.target!)}`,
  }));
  const count = (status: string) => charted.filter((i) => i.status === status).length;
  const jobs = s.indicators.find((i) => i.code === "new_jobs");
  const forms = (jobs?.breakdown ?? []).map((b) => ({
    key: b.key,
    label: te(`statistics.key.new_jobs.${b.key}`),
    value: b.value,
    valueText: formatCount(locale, b.value),
  }));
  const total = forms.reduce((n, f) => n + f.value, 0);
  const top = [...forms].sort((a, b) => b.value - a.value)[0];
  return (
    <>
      <section aria-labelledby="chart-progress-heading" className="mb-10">
        <h2 id="chart-progress-heading" className="section-title">
          {t("statistics.chart.progress.title")}
        </h2>
        {progress.length ? (
          <>
            <p className="mb-2 max-w-3xl">
              {t("statistics.chart.progress.summary", { count: progress.length, done: count("done"), onTrack: count("on_track"), behind: count("behind") })}
            </p>
            <ProgressChart
              id="chart-progress"
              title={t("statistics.chart.progress.title")}
              desc={`${t("statistics.chart.progress.desc")} ${progress
                .map((p) =>
                  t("statistics.chart.progress.item", { name: p.label, share: formatPercent(locale, p.share), expected: formatPercent(locale, p.expected) })
                )
                .join("；")}`}
              items={progress}
              footer={t("statistics.chart.progress.legend")}
            />
            <div
              className="relative max-w-3xl overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={t("statistics.chart.tableOf", { title: t("statistics.chart.progress.title") })}
            >
              <table className="data-table">
                <caption className="text-left font-bold">{t("statistics.chart.table")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("statistics.col.indicator")}</th>
                    <th scope="col">{t("statistics.col.shareDone")}</th>
                    <th scope="col">{t("statistics.col.expected")}</th>
                    <th scope="col">{t("statistics.col.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {charted.map((i, n) => (
                    <tr key={i.code}>
                      <th scope="row" className="font-normal">
                        {progress[n]!.label}
                      </th>
                      <td>{formatPercent(locale, progress[n]!.share)}</td>
                      <td>{formatPercent(locale, progress[n]!.expected)}</td>
                      <td>{te(`statistics.status.${i.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="max-w-3xl">{t("statistics.chart.progress.none")}</p>
        )}
      </section>

      <section aria-labelledby="chart-forms-heading" className="mb-10">
        <h2 id="chart-forms-heading" className="section-title">
          {t("statistics.chart.forms.title")}
        </h2>
        <p className="mb-2 max-w-3xl">
          {total > 0 && top
            ? t("statistics.chart.forms.summary", { total: formatCount(locale, total), top: top.label, topCount: formatCount(locale, top.value) })
            : t("statistics.chart.forms.summaryNone")}
        </p>
        <BarChart
          id="chart-forms"
          title={t("statistics.chart.forms.title")}
          desc={`${t("statistics.chart.forms.desc")} ${forms.map((f) => `${f.label} ${f.valueText}`).join("；")}`}
          items={forms}
        />
        <div
          className="relative max-w-3xl overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={t("statistics.chart.tableOf", { title: t("statistics.chart.forms.title") })}
        >
          <table className="data-table">
            <caption className="text-left font-bold">{t("statistics.chart.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statistics.chart.col.form")}</th>
                <th scope="col">{t("statistics.chart.col.count")}</th>
              </tr>
            </thead>
            <tbody>
              {forms.map((f) => (
                <tr key={f.key}>
                  <th scope="row" className="font-normal">
                    {f.label}
                  </th>
                  <td>
                    <Link to={listHref(s, "new_jobs", f.key)}>{f.valueText}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function SubRegions({ stats: s, regionName, period, asOf }: { stats: Stats; regionName: string; period: string; asOf: string }) {
  const { t, locale } = useI18n();
  const name = (code: IndicatorCode) => (locale === "en" ? indicatorDefinition(code).nameEn : indicatorDefinition(code).nameZh);
  return (
    <section className="mb-10">
      <h2 id="statistics-sub-title" className="section-title">
        {t("statistics.sub.title")}
      </h2>
      {s.subRegions.length === 0 ? (
        <p>{t("statistics.sub.none", { region: regionName })}</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="statistics-sub-title">
          <table className="data-table">
            <caption className="sr-only">{t("statistics.sub.caption", { region: regionName, period, asOf })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statistics.sub.region")}</th>
                {RECORDED_INDICATORS.map((code) => (
                  <th scope="col" key={code}>
                    {name(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.subRegions.map((r) => (
                <tr key={r.regionCode}>
                  <th scope="row" className="font-normal">
                    <Link to={`/statistics?${statisticsSearch({ ...s, regionCode: r.regionCode })}`}>{r.regionName}</Link>
                  </th>
                  {RECORDED_INDICATORS.map((code) => {
                    const v = r.actuals[code];
                    return (
                      <td key={code}>
                        {v === null || v === undefined ? (
                          "—"
                        ) : (
                          <Link to={listHref({ ...s, regionCode: r.regionCode }, code)}>
                            {formatValue(locale, code, v)}
                            <span className="sr-only">
                              {" "}
                              {r.regionName} {name(code)}
                              {t("statistics.viewList")}
                            </span>
                          </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Definitions() {
  const { t, locale } = useI18n();
  return (
    <details className="mb-10 max-w-4xl">
      <summary className="cursor-pointer font-bold">{t("statistics.definitions.title")}</summary>
      <dl className="mt-4">
        {INDICATOR_CODES.map((code) => {
          const d = indicatorDefinition(code);
          return (
            <div key={code} className="mb-4">
              <dt className="font-bold">{locale === "en" ? d.nameEn : d.nameZh}</dt>
              <dd>
                {t("statistics.definitions.meaning")}
                {locale === "en" ? d.definitionEn : d.definitionZh}
              </dd>
              <dd>
                {t("statistics.definitions.computed")}
                {locale === "en" ? d.computedEn : d.computedZh}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
