import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { formatCount, periodLabel } from "~/components/statistics/format";
import { requirePermission } from "~/domain/permissions";
import { indicatorDefinition, isIndicatorCode } from "~/domain/statistics/indicators";
import { parseStatisticsParams, statisticsSearch } from "~/domain/statistics/statistics.schema";
import { indicatorList, type ListCell } from "~/domain/statistics/statistics.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statistics.title");

// The records behind one figure: admins of the region (404 otherwise, and for an unknown indicator); every person on
// the page shown is audited by the domain.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const params = new URL(request.url).searchParams;
  const code = params.get("code") ?? "";
  if (!isIndicatorCode(code)) throw new Response("Not Found", { status: 404 });
  const { query } = parseStatisticsParams(params, { regionCode: actor.regionCode!, today: todayInShanghai() });
  const page = Number(params.get("page"));
  const list = await indicatorList(await getDb(), actor, {
    ...query,
    code,
    key: params.get("key"),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    ip: context.ip,
  });
  return { list };
}

export default function StatisticsList() {
  const { t, te, locale } = useI18n();
  const { list } = useLoaderData<typeof loader>();
  const d = indicatorDefinition(list.code);
  const indicator = locale === "en" ? d.nameEn : d.nameZh;
  const base = { regionCode: list.regionCode, periodStart: list.periodStart, periodEnd: list.periodEnd, asOf: list.asOf };
  const href = (key: string | null) => `/statistics/list?${statisticsSearch(base, { code: list.code, ...(key ? { key } : {}) })}`;
  const title = t("statistics.list.title", { indicator });
  const cell = (c: ListCell) => {
    switch (c.kind) {
      case "text":
        return c.value || "—";
      case "label":
        return te(c.key);
      case "labels":
        return c.keys.map((k) => te(k)).join("、");
      case "date":
        return c.value ? formatCalendarDate(locale, c.value) : "—";
      case "number":
        return String(c.value);
    }
  };
  return (
    <div>
      <p className="mb-2">
        <Link to={`/statistics?${statisticsSearch(base)}`}>
          <span aria-hidden="true">← </span>
          {t("statistics.list.back")}
        </Link>
      </p>
      <h1 className="page-title">{title}</h1>
      <p className="lead max-w-3xl">
        {t("statistics.list.lead", { region: list.regionName, period: periodLabel(t, list), asOf: formatCalendarDate(locale, list.asOf) })}
      </p>
      {!list.recorded ? (
        <p className="notice">{t("statistics.list.notRecorded")}</p>
      ) : (
        <>
          {list.keys.length ? (
            <nav aria-labelledby="statistics-list-filter" className="mb-4">
              <p id="statistics-list-filter" className="font-bold">
                {t("statistics.list.filter")}
              </p>
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                <li>
                  <Link to={href(null)} aria-current={list.key === null ? "true" : undefined}>
                    {t("statistics.list.all")}
                  </Link>
                </li>
                {list.keys.map((k) => (
                  <li key={k}>
                    <Link to={href(k)} aria-current={list.key === k ? "true" : undefined}>
                      {te(`statistics.key.${list.code}.${k}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p className="mb-3">{t("statistics.list.count", { count: formatCount(locale, list.total) })}</p>
          {list.rows.length ? (
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
              <table className="data-table">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    {list.columns.map((c) => (
                      <th scope="col" key={c}>
                        {te(`statistics.list.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r, n) => (
                    <tr key={n}>
                      {r.map((c, m) =>
                        m === 0 ? (
                          <th scope="row" className="font-normal" key={m}>
                            {c.kind === "text" && !c.value && list.columns[0] === "person" ? t("statistics.list.unnamed") : cell(c)}
                          </th>
                        ) : (
                          <td key={m}>{cell(c)}</td>
                        )
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("statistics.list.empty")}</p>
          )}
          <Pagination page={list.page} pageCount={list.pageCount} />
        </>
      )}
    </div>
  );
}
