import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { getCaseload } from "~/domain/counseling/caseload.server";
import { CASELOAD_FILTERS, CASELOAD_SORTS, caseloadHref, parseCaseloadQuery, type CaseloadFilter } from "~/domain/counseling/counseling.schema";
import { hasPermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDate, translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  const title = !data || data.caseload.isOwn ? t("caseload.title.own") : t("caseload.title.other", { name: data.caseload.counselor.name });
  return [{ title: `${title} - ${t("site.titleSuffix")}` }];
};

// The counselor's own caseload, or one within the viewer's region (admins, colleagues); the check is getCaseload's.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const query = parseCaseloadQuery(new URL(request.url).searchParams);
  const caseload = await getCaseload(await getDb(), actor, params.counselorId ?? "", query, new Date(), { ip: context.ip });
  return { caseload, query, canAssign: hasPermission(actor, "assign:caseload") };
}

export default function CaseloadPage() {
  const { t, locale } = useI18n();
  const { caseload, query, canAssign } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { counselor, counts, rows } = caseload;
  const base = `/caseloads/${counselor.id}`;
  const busy = navigation.state === "loading" && navigation.location?.pathname === base;
  const title = caseload.isOwn ? t("caseload.title.own") : t("caseload.title.other", { name: counselor.name });
  const filtering = !!query.q || query.graduationYear !== null || query.filters.length > 0;
  const only = (filter: CaseloadFilter) => caseloadHref(base, { q: "", graduationYear: null, filters: [filter], sort: query.sort, page: 1 });
  const isOnly = (filter: CaseloadFilter) => !query.q && query.graduationYear === null && query.filters.length === 1 && query.filters[0] === filter;
  const countLinks: { key: string; href: string; current: boolean; text: string }[] = [
    { key: "total", href: caseloadHref(base, { ...query, q: "", graduationYear: null, filters: [], page: 1 }), current: !filtering, text: t("caseload.counts.total", { count: counts.total }) },
    ...CASELOAD_FILTERS.map((f) => ({ key: f, href: only(f), current: isOnly(f), text: t(`caseload.counts.${f}`, { count: counts[f] }) })),
  ];
  const clearHref = caseloadHref(base, { ...query, q: "", graduationYear: null, filters: [], page: 1 });

  return (
    <div>
      <p className="mb-2">
        <Link to="/caseloads">{t("caseload.back")}</Link>
      </p>
      <h1 className="page-title">{title}</h1>
      <p className="lead">{t("caseload.lead", { region: counselor.regionName })}</p>
      {caseload.isOwn ? (
        <p className="mb-4">
          <Link to="/caseload/courses">{t("trainingProfile.courses.link")}</Link>
        </p>
      ) : null}

      {counts.total === 0 ? (
        <div className="notice">
          <p className="mb-2">{caseload.isOwn ? t("caseload.empty.own") : t("caseload.empty.other", { name: counselor.name })}</p>
          {canAssign ? (
            <p>
              <Link to="/caseloads/assign">{t("caseload.empty.assign")}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <nav aria-label={t("caseload.counts.label")} className="mb-6">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {countLinks.map((c) => (
                <li key={c.key}>
                  <Link to={c.href} aria-current={c.current ? "page" : undefined} className={c.current ? "font-bold" : undefined}>
                    {c.text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <div className="grid gap-8 lg:grid-cols-[20rem_1fr]">
            {/* Keyed by the query, so the form shows the filters the list is for after every navigation. */}
            <FilterForm
              key={caseloadHref("", { ...query, page: 1 })}
              query={query}
              // A year from the address that no one on the caseload has is still the filter in force: show it.
              years={query.graduationYear === null || caseload.graduationYears.includes(query.graduationYear) ? caseload.graduationYears : [query.graduationYear, ...caseload.graduationYears]}
              clearHref={clearHref}
              filtering={filtering}
            />

            <section aria-labelledby="caseload-results" aria-busy={busy || undefined} className="min-w-0">
              <h2 id="caseload-results" className="section-title">
                {t("caseload.results")}
              </h2>
              {/* Announced when filtering without a page load changes it. */}
              <p role="status" aria-live="polite" className="mb-4 font-bold">
                {filtering ? t("caseload.result.filtered", { total: counts.total, count: caseload.filteredTotal }) : t("caseload.result.all", { count: counts.total })}
              </p>
              {rows.length === 0 ? (
                <div className="notice">
                  <p className="mb-2">{t("caseload.empty.filtered")}</p>
                  <p>
                    <Link to={clearHref}>{t("caseload.filter.clear")}</Link>
                  </p>
                </div>
              ) : (
                /*
                 * A table where there is room for it, a card per person where there is not (a phone, large text):
                 * a container query, so the choice follows the space the list has in text sizes, not the window.
                 * The hidden one is display:none, so assistive technology meets one list.
                 */
                <div className="@container">
                  <ul aria-label={t("caseload.list.label", { page: caseload.page, pageCount: caseload.pageCount })} className="m-0 grid list-none gap-3 p-0 @min-[40rem]:hidden">
                    {rows.map((r) => (
                      <li key={r.seekerId} className={`card ${r.overdueActions > 0 ? "border-l-8! border-l-danger!" : ""}`}>
                        <h3 className="m-0 text-lg font-bold break-words">{caseload.isOwn ? <Link to={`/clients/${r.seekerId}`}>{r.name}</Link> : r.name}</h3>
                        <OverdueMark count={r.overdueActions} />
                        <ul className="m-0 mt-1 list-none p-0">
                          <li>
                            {r.employed ? t("caseload.employed.yes") : t("caseload.employed.no")}
                            {r.zeroEmploymentFamily ? <strong>{` · ${t("caseload.card.zeroEmploymentFamily")}`}</strong> : null}
                          </li>
                          <li>{t("caseload.card.graduationYear", { year: r.graduationYear ?? t("caseload.noYear") })}</li>
                          <li>{t("caseload.card.lastContact", { date: r.lastContact ? formatDate(locale, r.lastContact) : t("caseload.neverContacted") })}</li>
                          <li>{r.nextDue ? t("caseload.card.nextDue", { date: formatDate(locale, r.nextDue) }) : t("caseload.noDue")}</li>
                          {r.pendingReferrals > 0 ? <li>{t("caseload.card.pendingReferrals", { count: r.pendingReferrals })}</li> : null}
                        </ul>
                      </li>
                    ))}
                  </ul>
                  <table className="data-table hidden @min-[40rem]:table">
                    <caption className="sr-only">{t("caseload.table.caption", { page: caseload.page, pageCount: caseload.pageCount })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("caseload.col.name")}</th>
                        <th scope="col">{t("caseload.col.employed")}</th>
                        <th scope="col">{t("caseload.col.lastContact")}</th>
                        <th scope="col">{t("caseload.col.actions")}</th>
                        <th scope="col">{t("caseload.col.pendingReferrals")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.seekerId}>
                          <th scope="row">
                            {caseload.isOwn ? <Link to={`/clients/${r.seekerId}`}>{r.name}</Link> : r.name}
                            <span className="block font-normal text-muted">{t("caseload.card.graduationYear", { year: r.graduationYear ?? t("caseload.noYear") })}</span>
                          </th>
                          <td>
                            {r.employed ? t("caseload.employed.yes") : t("caseload.employed.no")}
                            {r.zeroEmploymentFamily ? <strong className="block">{t("caseload.card.zeroEmploymentFamily")}</strong> : null}
                          </td>
                          <td>{r.lastContact ? formatDate(locale, r.lastContact) : t("caseload.neverContacted")}</td>
                          <td>
                            {r.overdueActions > 0 ? <OverdueMark count={r.overdueActions} /> : <span className="block">{t("caseload.card.noOverdue")}</span>}
                            <span className="block">{r.nextDue ? t("caseload.card.nextDue", { date: formatDate(locale, r.nextDue) }) : t("caseload.noDue")}</span>
                          </td>
                          <td>{r.pendingReferrals}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Pagination page={caseload.page} pageCount={caseload.pageCount} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

/** Overdue actions in words with an icon (the colour only repeats them); the caseload lists them first by default. */
function OverdueMark({ count }: { count: number }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <strong className="flex items-center gap-1 text-danger">
      <Icon name="cross" />
      {t("caseload.card.overdue", { count })}
    </strong>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function FilterForm({ query, years, clearHref, filtering }: { query: LoaderData["query"]; years: number[]; clearHref: string; filtering: boolean }) {
  const { t } = useI18n();
  return (
    /* A GET form: the filtered list is a page of its own, so it can be bookmarked and works without JavaScript. */
    <Form method="get" role="search" aria-label={t("caseload.filter.title")} className="self-start">
      <h2 className="section-title">{t("caseload.filter.title")}</h2>
      <div className="field">
        <label htmlFor="caseload-q" className="field-label">
          {t("caseload.filter.q")}
        </label>
        <input id="caseload-q" name="q" type="search" defaultValue={query.q} maxLength={50} autoComplete="off" className="field-input" />
      </div>
      <div className="field">
        <label htmlFor="caseload-year" className="field-label">
          {t("caseload.filter.year")}
        </label>
        <select id="caseload-year" name="graduationYear" defaultValue={query.graduationYear ?? ""} className="field-input">
          <option value="">{t("caseload.filter.yearAny")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t("caseload.filter.only")}</legend>
        <div className="radios">
          {CASELOAD_FILTERS.map((f) => (
            <div className="radio" key={f}>
              <input type="checkbox" id={`caseload-filter-${f}`} name="filter" value={f} defaultChecked={query.filters.includes(f)} />
              <label htmlFor={`caseload-filter-${f}`}>{t(`caseload.filter.${f}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="caseload-sort" className="field-label">
          {t("caseload.filter.sort")}
        </label>
        <select id="caseload-sort" name="sort" defaultValue={query.sort} className="field-input">
          {CASELOAD_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`caseload.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {t("caseload.filter.submit")}
        </button>
        {filtering ? <Link to={clearHref}>{t("caseload.filter.clear")}</Link> : null}
      </div>
    </Form>
  );
}
