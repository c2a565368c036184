import { useForm } from "@conform-to/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import { getDb } from "../../db/database";
import { CheckboxField, Field, Fieldset, RadioGroup, SelectField } from "~/components/form/field";
import { SaveSearch } from "~/components/alerts/save-search";
import { EasySearch } from "~/components/easy-read/easy-search";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { useDisplay } from "~/components/use-display";
import { RegionPicker } from "~/components/region-picker";
import { packCard, packRegions, useSearchPage } from "~/components/search-page-data";
import { VacancyCard } from "~/components/vacancy-card";
import { ACCOMMODATIONS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, label } from "~/domain/catalog";
import { parseSearchParams, searchHref, SORTS } from "~/domain/search/search.schema";
import { searchVacancies } from "~/domain/search/search.server";
import { listRegionChoices } from "~/domain/seekers/seekers.server";
import { useI18n } from "~/i18n/use-i18n";
import { publicPageHeaders } from "~/http/page-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "search.title", "search.description");

// Public: anyone searches open vacancies (design §1); a signed-in seeker sees the ones that suit them by default.
// Public: a visitor without a session may be answered from the page cache (decision 017).
export const headers = publicPageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const viewer = auth ? { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode } : null;
  const { params, ignored } = parseSearchParams(new URL(request.url).searchParams);
  const db = await getDb();
  const [result, regions] = await Promise.all([searchVacancies(db, viewer, params), listRegionChoices(db)]);
  // "?needs=1" (the home page's "by the support I need" link) opens the accommodations; not a search parameter.
  const openNeeds = new URL(request.url).searchParams.get("needs") === "1";
  // The page's data travels beside its HTML: packed, and only what the page renders (app/components/search-page-data.ts).
  return {
    result: { ...result, items: result.items.map((v) => packCard(v)) },
    regions: packRegions(regions.prefectures),
    params,
    ignored,
    isSeeker: viewer?.role === "seeker",
    signedIn: viewer !== null,
    // "?saved=1": back from saving this search (/saved-searches); not a search parameter.
    saved: new URL(request.url).searchParams.get("saved") === "1",
    openNeeds,
  };
}

export default function VacancySearch() {
  const { t } = useI18n();
  const { result, regions, params, ignored, isSeeker, signedIn, saved, openNeeds } = useSearchPage();
  const navigation = useNavigation();
  const display = useDisplay();
  if (display.easyRead) return <EasySearch />;
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/vacancies";
  const f = result.facets;
  const searchKey = searchHref("", { ...params, page: 1 });
  const countKey = result.mode === "eligible" ? "search.count.eligible" : result.mode === "all" ? "search.count.all" : "search.count.public";

  return (
    <div>
      <h1 className="page-title">{t("search.title")}</h1>
      <p className="lead max-w-3xl">{t("search.lead")}</p>
      {/* On a narrow screen the form comes first and is long: a visible way past it, with the count (the shell's
          skip link to #results is for keyboard users; on a wide screen the results are beside the form). */}
      <p className="mb-4 lg:hidden">
        <a href="#results">{t("search.skipToResults", { count: result.total })}</a>
      </p>

      {ignored.length ? (
        <p className="notice" role="note">
          {t("search.ignored", { names: ignored.map((n) => t(`search.param.${n}`)).join(t("search.listSeparator")) })}
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[22rem_1fr]">
        {/* Keyed by the search, so the form shows the search the results are for after every navigation. */}
        <SearchForm key={searchKey} params={params} facets={f} mode={result.mode} regions={regions} isSeeker={isSeeker} openNeeds={openNeeds} />

        <section id="results" tabIndex={-1} aria-labelledby="results-title" aria-busy={busy || undefined} className="focus:outline-none">
          <h2 id="results-title" className="section-title">
            {t("search.results")}
          </h2>
          {/* Announced when a search made without a page load changes it. */}
          <p role="status" aria-live="polite" className="mb-4 font-bold">
            {t(countKey, { count: result.total })}
          </p>
          {isSeeker && !result.placeKnown ? (
            <p className="notice">
              {t("search.placeUnknown")} <Link to="/profile/region">{t("search.placeUnknownLink")}</Link>
            </p>
          ) : null}
          {isSeeker && result.placeKnown ? (
            <p className="mb-4">
              {result.mode === "eligible" ? (
                <Link to={searchHref("/vacancies", { ...params, show: "all", page: 1 })}>{t("search.showAllLink")}</Link>
              ) : (
                <Link to={searchHref("/vacancies", { ...params, show: "eligible", page: 1 })}>{t("search.showEligibleLink")}</Link>
              )}
            </p>
          ) : null}
          {result.items.length === 0 ? (
            <p className="notice">{result.mode === "eligible" ? t("search.emptyEligible") : t("search.empty")}</p>
          ) : (
            <ul className="grid gap-4">
              {result.items.map((v, i) => (
                <li key={v.id}>
                  <VacancyCard v={v} n={i + 1} />
                </li>
              ))}
            </ul>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} />
          <SaveSearch query={searchHref("", { ...params, page: 1 }).replace(/^\?/, "")} who={isSeeker ? "seeker" : signedIn ? "other" : "visitor"} saved={saved} />
        </section>
      </div>
    </div>
  );
}

type LoaderData = ReturnType<typeof useSearchPage>;

function SearchForm({
  params,
  facets: f,
  mode,
  regions,
  isSeeker,
  openNeeds,
}: {
  params: LoaderData["params"];
  facets: LoaderData["result"]["facets"];
  mode: LoaderData["result"]["mode"];
  regions: LoaderData["regions"];
  isSeeker: boolean;
  openNeeds: boolean;
}) {
  const { t, locale } = useI18n();
  const withCount = (text: string, count: number | undefined) => (count == null ? text : t("search.withCount", { label: text, count }));
  const moreOpen = params.remote || params.quotaEligible || !!params.employmentType || params.payMin != null || !!params.education;
  // Conform only supplies the field contract's ids, names and initial values here: a search has no errors to show.
  const [, fields] = useForm<{
    q: string;
    region: string;
    acc: string[];
    remote: boolean;
    quota: boolean;
    type: string;
    payMin: string;
    education: string;
    sort: string;
    show: string;
  }>({
    // Short: every field's id and label repeat it ("s-acc-braille").
    id: "s",
    defaultValue: {
      q: params.q,
      region: params.region ?? "",
      acc: params.accommodations,
      // Conform keeps form values as strings: a ticked box is "on".
      remote: (params.remote ? "on" : undefined) as unknown as boolean,
      quota: (params.quotaEligible ? "on" : undefined) as unknown as boolean,
      type: params.employmentType ?? "",
      payMin: params.payMin == null ? "" : String(params.payMin),
      education: params.education ?? "",
      sort: params.sort,
      show: mode === "all" ? "all" : "eligible",
    },
  });
  return (
    /* A GET form: the results are a page of their own, so they can be bookmarked and work without JavaScript. */
    <Form method="get" role="search" aria-label={t("search.form.label")} className="self-start">
      <Field meta={fields.q} label={t("search.q")} hint={t("search.qHint")} type="search" maxLength={100} />
      {/* Prefecture then county (issue 15): a whole prefecture is a choice of its own; see region-picker.tsx. */}
      <RegionPicker
        meta={fields.region}
        label={t("search.region")}
        placeholder={t("search.regionAny")}
        prefectures={regions}
        wholePrefecture={(p) => withCount(t("search.regionWhole", { name: p.name }), f.prefecture[p.code] ?? 0)}
      />
      <details id="search-needs" className="mb-6" open={openNeeds || params.accommodations.length > 0}>
        <summary className="cursor-pointer py-2 font-bold">{t("search.accommodationsSummary", { count: params.accommodations.length })}</summary>
        {/* CheckboxGroup's look, each box inside its label (no ids to pair: 21 of them, on every search page). */}
        <Fieldset id={`${fields.acc.id}-group`} legend={t("search.accommodations")} hint={t("search.accommodationsHint")}>
          <div className="radios">
            {ACCOMMODATIONS.map((a) => (
              <label key={a.code} className="radio">
                <input type="checkbox" name={fields.acc.name} value={a.code} defaultChecked={params.accommodations.includes(a.code)} />
                <span>
                  {`${label(ACCOMMODATIONS, a.code, locale)} `}
                  <span className="text-muted">{`(${f.accommodations[a.code] ?? 0})`}</span>
                </span>
              </label>
            ))}
          </div>
        </Fieldset>
      </details>
      <details className="mb-6" open={moreOpen}>
        <summary className="cursor-pointer py-2 font-bold">{t("search.more")}</summary>
        <CheckboxField meta={fields.remote} label={withCount(t("search.remote"), f.remote)} />
        <CheckboxField meta={fields.quota} label={withCount(t("search.quota"), f.quotaEligible)} />
        <SelectField
          meta={fields.type}
          label={t("search.type")}
          placeholder={t("search.typeAny")}
          options={EMPLOYMENT_TYPES.map((e) => ({ value: e.code, label: withCount(label(EMPLOYMENT_TYPES, e.code, locale), f.employmentType[e.code] ?? 0) }))}
        />
        <Field meta={fields.payMin} label={t("search.payMin")} hint={t("search.payMinHint")} inputMode="numeric" pattern="[0-9]*" maxLength={6} />
        <SelectField
          meta={fields.education}
          label={t("search.education")}
          hint={t("search.educationHint")}
          placeholder={t("search.educationAny")}
          options={EDUCATION_LEVELS.filter((e) => e.code !== "none").map((e) => ({ value: e.code, label: label(EDUCATION_LEVELS, e.code, locale) }))}
        />
      </details>
      <SelectField meta={fields.sort} label={t("search.sort")} options={SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))} />
      {isSeeker ? (
        <RadioGroup
          meta={fields.show}
          legend={t("search.show")}
          options={[
            { value: "eligible", label: t("search.show.eligible") },
            { value: "all", label: t("search.show.all") },
          ]}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
        <Link to="/vacancies">{t("search.clear")}</Link>
      </div>
    </Form>
  );
}
