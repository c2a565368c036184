import { useForm } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { EasyPage, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { counted } from "~/components/easy-read/easy-read";
import { EasyVacancyCard } from "~/components/easy-read/easy-vacancy-card";
import { CheckboxField, CheckboxGroup, Field, RadioGroup, SelectField } from "~/components/form/field";
import { Pagination } from "~/components/pagination";
import { ACCOMMODATIONS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, label } from "~/domain/catalog";
import { searchHref, SORTS } from "~/domain/search/search.schema";
import { useI18n } from "~/i18n/use-i18n";
import { useSearchPage } from "~/components/search-page-data";

type Data = ReturnType<typeof useSearchPage>;

/**
 * The vacancy search in easy read: one question and a place, then the big "找工作" button; every other filter of the
 * full page (same names, same GET form) waits behind "更多条件", open when one of them is in use.
 */
export function EasySearch() {
  const { t } = useI18n();
  const { result, regions, params, ignored, isSeeker, openNeeds } = useSearchPage();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/vacancies";
  const searchKey = searchHref("", { ...params, page: 1 });
  return (
    <EasyPage>
      <h1 className="easy-title">{t("easyRead.search.title")}</h1>
      <Lines lines={[t("easyRead.search.line1"), isSeeker && result.placeKnown && result.mode === "eligible" ? t("easyRead.search.lineSeeker") : null]} />
      {ignored.length ? (
        <p className="notice" role="note">
          {t("easyRead.search.ignored")}
        </p>
      ) : null}
      <EasySearchForm key={searchKey} params={params} mode={result.mode} regions={regions} isSeeker={isSeeker} openNeeds={openNeeds} />

      <section id="results" tabIndex={-1} aria-labelledby="results-title" aria-busy={busy || undefined} className="focus:outline-none">
        <h2 id="results-title" className="easy-section-title">
          {t("easyRead.search.results")}
        </h2>
        <p role="status" aria-live="polite" className="easy-count">
          {counted(t, result.mode === "eligible" ? "easyRead.search.countEligible" : "easyRead.search.count", result.total)}
        </p>
        {isSeeker && !result.placeKnown ? (
          <div className="notice">
            <p>{t("easyRead.search.placeUnknown")}</p>
            <p>
              <IconLink to="/profile/region" icon="pen">
                {t("easyRead.search.placeUnknownLink")}
              </IconLink>
            </p>
          </div>
        ) : null}
        {result.items.length === 0 ? (
          <div className="notice">
            <Lines lines={[t(result.mode === "eligible" ? "easyRead.search.emptyEligible" : "easyRead.search.empty"), params.q ? t("easyRead.search.emptyTry") : null]} />
          </div>
        ) : (
          <ul className="easy-results">
            {result.items.map((v) => (
              <li key={v.id}>
                <EasyVacancyCard v={v} />
              </li>
            ))}
          </ul>
        )}
        {isSeeker && result.placeKnown ? (
          result.mode === "eligible" ? (
            <div className="mt-6">
              <p>{t("easyRead.search.showAll.note")}</p>
              <IconLink to={searchHref("/vacancies", { ...params, show: "all", page: 1 })} icon="list">
                {t("easyRead.search.showAll")}
              </IconLink>
            </div>
          ) : (
            <p className="mt-6">
              <IconLink to={searchHref("/vacancies", { ...params, show: "eligible", page: 1 })} icon="check">
                {t("easyRead.search.showEligible")}
              </IconLink>
            </p>
          )
        ) : null}
        <Pagination page={result.page} pageCount={result.pageCount} />
      </section>
    </EasyPage>
  );
}

function EasySearchForm({
  params,
  mode,
  regions,
  isSeeker,
  openNeeds,
}: {
  params: Data["params"];
  mode: Data["result"]["mode"];
  regions: Data["regions"];
  isSeeker: boolean;
  /** Come from "the support I need" on the home page: the choices of help are shown open. */
  openNeeds: boolean;
}) {
  const { t, locale } = useI18n();
  const moreOpen =
    openNeeds ||
    params.accommodations.length > 0 || params.remote || params.quotaEligible || !!params.employmentType || params.payMin != null || !!params.education || params.sort !== "relevance";
  // A county chosen on the full page stays chosen here; otherwise only the 9 prefectures are offered (fewer choices).
  const county = params.region ? regions.flatMap((p) => p.counties).find((c) => c.code === params.region) : undefined;
  // Conform only supplies the field contract's ids, names and initial values: a search has no errors to show.
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
    id: "easy-search",
    defaultValue: {
      q: params.q,
      region: params.region ?? "",
      acc: params.accommodations,
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
    <Form method="get" action="/vacancies" role="search" aria-label={t("easyRead.search.form")} className="easy-form">
      <Field meta={fields.q} label={t("easyRead.search.q")} hint={t("easyRead.search.q.hint")} type="search" maxLength={100} />
      <SelectField
        meta={fields.region}
        label={t("easyRead.search.region")}
        placeholder={t("easyRead.search.regionAny")}
        options={[...regions.map((p) => ({ value: p.code, label: p.name })), ...(county ? [county].map((c) => ({ value: c.code, label: c.name })) : [])]}
      />
      <button type="submit" className="button easy-action">
        <EasyIcon name="search" />
        <span>{t("easyRead.search.submit")}</span>
      </button>
      <Next lines={[t("easyRead.search.next")]} />
      <details id="search-needs" className="easy-more" open={moreOpen}>
        <summary>{t("easyRead.search.more")}</summary>
        <CheckboxGroup
          meta={fields.acc}
          legend={t("easyRead.search.acc")}
          hint={t("easyRead.search.acc.hint")}
          options={ACCOMMODATIONS.map((a) => ({ value: a.code, label: label(ACCOMMODATIONS, a.code, locale) }))}
        />
        <CheckboxField meta={fields.remote} label={t("easyRead.search.remote")} />
        <CheckboxField meta={fields.quota} label={t("easyRead.search.quota")} />
        <SelectField
          meta={fields.type}
          label={t("easyRead.search.type")}
          placeholder={t("easyRead.search.typeAny")}
          options={EMPLOYMENT_TYPES.map((e) => ({ value: e.code, label: label(EMPLOYMENT_TYPES, e.code, locale) }))}
        />
        <Field meta={fields.payMin} label={t("easyRead.search.payMin")} hint={t("easyRead.search.payMin.hint")} inputMode="numeric" pattern="[0-9]*" maxLength={6} />
        <SelectField
          meta={fields.education}
          label={t("easyRead.search.education")}
          hint={t("easyRead.search.education.hint")}
          placeholder={t("easyRead.search.educationAny")}
          options={EDUCATION_LEVELS.filter((e) => e.code !== "none").map((e) => ({ value: e.code, label: label(EDUCATION_LEVELS, e.code, locale) }))}
        />
        <SelectField meta={fields.sort} label={t("easyRead.search.sort")} options={SORTS.map((s) => ({ value: s, label: t(`easyRead.search.sort.${s}`) }))} />
        {isSeeker ? (
          <RadioGroup
            meta={fields.show}
            legend={t("easyRead.search.show")}
            options={[
              { value: "eligible", label: t("easyRead.search.show.eligible") },
              { value: "all", label: t("easyRead.search.show.all") },
            ]}
          />
        ) : null}
        <button type="submit" className="button">
          <EasyIcon name="search" />
          <span>{t("easyRead.search.submit")}</span>
        </button>
        <p className="mt-4">
          <Link to="/vacancies">{t("easyRead.search.clear")}</Link>
        </p>
      </details>
    </Form>
  );
}
