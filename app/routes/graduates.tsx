import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { SelectOptions } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { graduateCohort, type Cohort } from "~/domain/counseling/cohorts.server";
import { COHORT_LISTS, type CohortList } from "~/domain/counseling/counseling.schema";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import type { Locale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cohort.title");

/** The GET form's values; anything unreadable is ignored (the domain then uses this year and the actor's region). */
function parseCohortParams(params: URLSearchParams) {
  const year = Number(params.get("year"));
  const region = params.get("region") ?? "";
  const list = params.get("list") ?? "";
  const page = Number(params.get("page"));
  return {
    year: Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : null,
    regionCode: /^\d{6}$/.test(region) ? region : null,
    list: (COHORT_LISTS as readonly string[]).includes(list) ? (list as CohortList) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

// Counselors and admins, within their region (the domain answers 404 for a region outside it).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { cohort: await graduateCohort(await getDb(), actor, { ...parseCohortParams(new URL(request.url).searchParams), ip: context.ip }) };
}

function percent(locale: Locale, value: number, digits: number) {
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: 1 }).format(value);
}

export default function Graduates() {
  const { t, locale } = useI18n();
  const { cohort: c } = useLoaderData<typeof loader>();
  const byCode = new Map(c.regions.map((d) => [d.code, d]));
  const regionLabel = (code: string) => {
    const d = byCode.get(code);
    if (!d) return code;
    return d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name;
  };
  const regionOptions = c.regions.map((d) => ({
    value: d.code,
    label: regionLabel(d.code),
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name ?? "" : "",
  }));
  const years = c.years.includes(c.year) ? c.years : [...c.years, c.year].sort((a, b) => b - a);
  const href = (list: CohortList | null) => {
    const p = new URLSearchParams({ year: String(c.year), region: c.regionCode });
    if (list) p.set("list", list);
    // The list opens below the figures; the fragment takes the reader there.
    return `?${p.toString()}${list ? "#cohort-list-title" : ""}`;
  };
  const region = regionLabel(c.regionCode);
  return (
    <div>
      <h1 className="page-title">{t("cohort.title")}</h1>
      <p className="lead max-w-3xl">{t("cohort.lead")}</p>

      <Form method="get" className="card mb-8 max-w-3xl" aria-labelledby="cohort-filter-title">
        <h2 id="cohort-filter-title" className="mb-3 text-xl font-bold">
          {t("cohort.filter")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field">
            <label htmlFor="cohort-year" className="field-label">
              {t("cohort.year")}
            </label>
            <select id="cohort-year" name="year" defaultValue={String(c.year)} className="field-input">
              {years.map((y) => (
                <option key={y} value={y}>
                  {t("cohort.yearOption", { year: y })}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="cohort-region" className="field-label">
              {t("cohort.region")}
            </label>
            <p id="cohort-region-hint" className="field-hint">
              {t("cohort.region.hint")}
            </p>
            <select id="cohort-region" name="region" defaultValue={c.regionCode} aria-describedby="cohort-region-hint" className="field-input">
              <SelectOptions options={regionOptions} />
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("cohort.submit")}
            </button>
          </div>
        </div>
      </Form>

      <h2 className="section-title">{t("cohort.heading", { year: c.year, region })}</h2>
      {c.graduates === 0 ? (
        <p className="notice">{t("cohort.empty", { year: c.year, region })}</p>
      ) : (
        <>
          <Figures cohort={c} href={href} />
          <ByForm cohort={c} />
          {c.list ? <MemberList cohort={c} closeHref={href(null)} /> : null}
        </>
      )}
    </div>
  );
}

function Figures({ cohort: c, href }: { cohort: Cohort; href: (list: CohortList) => string }) {
  const { t, locale } = useI18n();
  const figures: { list: CohortList; label: string; count: number }[] = [
    { list: "graduates", label: t("cohort.graduates"), count: c.graduates },
    { list: "employed", label: t("cohort.employed"), count: c.employed },
    { list: "notEmployed", label: t("cohort.notEmployed"), count: c.graduates - c.employed },
  ];
  const target = c.target;
  const targetText = !target
    ? t("cohort.target.none")
    : t(target.inPeriod ? "cohort.target" : "cohort.target.ended", {
        value: percent(locale, target.value, 0),
        start: target.periodStart,
        end: target.periodEnd,
        source: target.source,
      });
  const verdict =
    target && c.rate !== null
      ? c.rate >= target.value
        ? t("cohort.target.met")
        : t("cohort.target.notMet", { gap: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format((target.value - c.rate) * 100) })
      : null;
  return (
    <dl className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map((f) => (
        <div key={f.list} className="card">
          <dt className="font-bold">{f.label}</dt>
          <dd className="text-2xl">
            <Link to={href(f.list)} aria-current={c.list === f.list ? "true" : undefined}>
              {t("cohort.people", { count: f.count })}
              <span className="sr-only">{t("cohort.viewList")}</span>
            </Link>
          </dd>
        </div>
      ))}
      <div className="card">
        <dt className="font-bold">{t("cohort.rate")}</dt>
        <dd className="text-2xl">{c.rate === null ? "—" : percent(locale, c.rate, 1)}</dd>
        <dd className="mt-2">{targetText}</dd>
        {verdict ? <dd className="mt-1 font-bold">{verdict}</dd> : null}
      </div>
    </dl>
  );
}

/** The employed by the form of their first job of the year (issue 13): every form counts, and shows here. */
function ByForm({ cohort: c }: { cohort: Cohort }) {
  const { t } = useI18n();
  if (c.employedByForm.length === 0) return null;
  return (
    <section aria-labelledby="cohort-by-form-title" className="mb-8 max-w-3xl">
      <h2 id="cohort-by-form-title" className="section-title">
        {t("employment.cohort.byForm")}
      </h2>
      <p className="mb-3">{t("employment.cohort.byForm.lead")}</p>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("employment.cohort.byForm")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("employment.cohort.byForm.col.form")}</th>
              <th scope="col">{t("employment.cohort.byForm.col.count")}</th>
            </tr>
          </thead>
          <tbody>
            {c.employedByForm.map((b) => (
              <tr key={b.form}>
                <th scope="row" className="font-normal">
                  {t(`employment.form.${b.form}`)}
                </th>
                <td>{t("employment.cohort.byForm.count", { count: b.count })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MemberList({ cohort: c, closeHref }: { cohort: Cohort; closeHref: string }) {
  const { t, locale } = useI18n();
  const title = t(`cohort.list.${c.list!}`, { year: c.year });
  const blank = t("cohort.blank");
  return (
    <section aria-labelledby="cohort-list-title">
      <h2 id="cohort-list-title" className="section-title">
        {title}
      </h2>
      <p className="mb-3">
        {t("cohort.list.count", { count: c.listTotal })} <Link to={closeHref}>{t("cohort.list.close")}</Link>
      </p>
      <p className="mb-3 text-muted">{t("cohort.list.linkHint")}</p>
      {c.members.length ? (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cohort.col.name")}</th>
                <th scope="col">{t("cohort.col.school")}</th>
                <th scope="col">{t("cohort.col.major")}</th>
                <th scope="col">{t("cohort.col.place")}</th>
                <th scope="col">{t("cohort.col.counselor")}</th>
                <th scope="col">{t("cohort.col.employment")}</th>
              </tr>
            </thead>
            <tbody>
              {c.members.map((m) => {
                const name = m.name || t("cohort.unnamed");
                return (
                  <tr key={m.seekerId}>
                    <th scope="row" className="font-normal">
                      {m.linkable ? <Link to={`/clients/${m.seekerId}`}>{name}</Link> : name}
                    </th>
                    <td>{m.school || blank}</td>
                    <td>{m.major || blank}</td>
                    <td>{m.regionName || blank}</td>
                    <td>{m.counselorName || t("cohort.noCounselor")}</td>
                    <td>
                      {m.employment
                        ? t("cohort.employment", {
                            organization: m.employment.organizationName,
                            form: t(`employment.form.${m.employment.form}`),
                            date: formatCalendarDate(locale, m.employment.contractStart),
                          })
                        : t("cohort.noEmployment")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={c.page} pageCount={c.pageCount} />
    </section>
  );
}
