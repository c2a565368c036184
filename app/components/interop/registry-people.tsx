import { Form } from "@remix-run/react";
import { ACCOMMODATIONS, label } from "~/domain/catalog";
import { EMPLOYMENT_STATUSES } from "~/domain/interop/columns";
import type { UnregisteredPeoplePage } from "~/domain/interop/registry.server";
import { useI18n } from "~/i18n/use-i18n";
import { Pagination } from "~/components/pagination";

/** The query parameters of this list on a page that has its own `page` (the assignment page's seekers). */
export const REGISTRY_PARAMS = ["county", "rpage"] as const;

/**
 * The imported people of the viewer's region who have no account (issue 18), on the assignment page: marked as not
 * to be contacted, with no action at all — they can be assigned only once they register and consent.
 */
export function RegistryPeople({ list, keep }: { list: UnregisteredPeoplePage; keep: Record<string, string> }) {
  const { t, locale } = useI18n();
  const status = (code: string) => {
    const term = EMPLOYMENT_STATUSES.find((s) => s.code === code);
    return term ? (locale === "en" ? term.en : term.zh) : code;
  };
  return (
    <section aria-labelledby="registry-title" className="mt-10" id="registry">
      <h2 id="registry-title" className="section-title">
        {t("imports.registry.title")}
      </h2>
      <p className="mb-2 max-w-3xl">{t("imports.registry.lead")}</p>
      <div className="notice mb-4 max-w-3xl">
        <p className="mb-1">
          <strong className="tag tag-danger">{t("imports.registry.badge")}</strong>
        </p>
        <p>{t("imports.registry.rule")}</p>
      </div>

      {list.counties.length > 1 ? (
        <Form method="get" role="search" aria-label={t("imports.registry.filter")} className="mb-4 flex flex-wrap items-end gap-3" key={list.county ?? ""}>
          {Object.entries(keep).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="field mb-0">
            <label htmlFor="registry-county" className="field-label">
              {t("imports.registry.county")}
            </label>
            <select id="registry-county" name="county" defaultValue={list.county ?? ""} className="field-input">
              <option value="">{t("imports.registry.allCounties")}</option>
              {list.counties.map((c) => (
                <option key={c.code} value={c.code} lang={locale === "en" ? "zh-CN" : undefined}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("imports.registry.filterSubmit")}
          </button>
        </Form>
      ) : null}

      <p className="mb-4 font-bold">{t("imports.registry.count", { count: list.total })}</p>

      {list.items.length === 0 ? (
        <p className="notice">{t(list.county ? "imports.registry.emptyCounty" : "imports.registry.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("imports.registry.caption", { page: list.page, pageCount: list.pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.registry.col.name")}</th>
                <th scope="col">{t("imports.registry.col.certificate")}</th>
                <th scope="col">{t("imports.registry.col.place")}</th>
                <th scope="col">{t("imports.registry.col.employment")}</th>
                <th scope="col">{t("imports.registry.col.needs")}</th>
                <th scope="col">{t("imports.registry.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="whitespace-nowrap" lang={locale === "en" ? "zh-CN" : undefined}>
                    {p.name}
                  </th>
                  <td className="whitespace-nowrap font-mono">{p.certificateMasked}</td>
                  <td lang={locale === "en" && p.regionName ? "zh-CN" : undefined}>{p.regionName ?? p.regionCode}</td>
                  <td>
                    {status(p.employmentStatus)}
                    {p.employmentForm ? (locale === "en" ? ` (${t(`employment.form.${p.employmentForm}`)})` : `（${t(`employment.form.${p.employmentForm}`)}）`) : null}
                  </td>
                  <td>{p.needs.length ? p.needs.map((n) => label(ACCOMMODATIONS, n, locale)).join(locale === "en" ? ", " : "、") : t("imports.registry.noNeeds")}</td>
                  <td>
                    <span className="tag tag-danger">{t("imports.registry.badge")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} param="rpage" hash="#registry" label={t("imports.registry.pagination")} />
    </section>
  );
}
