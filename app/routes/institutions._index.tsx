import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { ACCOMMODATIONS, label } from "~/domain/catalog";
import { DESIGNATION_KINDS, parseQuery, registerQuerySchema } from "~/domain/institutions/designations.schema";
import { publicRegister, registerRegions } from "~/domain/institutions/designations.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institutions.register.title");

// Public: anyone may read the register (no personal data on it).
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseQuery(registerQuerySchema, new URL(request.url).searchParams);
  const db = await getDb();
  const [register, regions] = await Promise.all([publicRegister(db, query), registerRegions(db)]);
  return { register, regions, query };
}

export default function InstitutionRegister() {
  const { t, locale } = useI18n();
  const { register, regions, query } = useLoaderData<typeof loader>();
  const sep = locale === "en" ? ", " : "、";
  const prefectures = new Map(regions.filter((r) => r.level === "prefecture").map((r) => [r.code, r.name]));
  return (
    <div>
      <h1 className="page-title">{t("institutions.register.title")}</h1>
      <p className="lead max-w-3xl">{t("institutions.register.lead")}</p>

      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4" aria-labelledby="register-filter">
        <h2 id="register-filter" className="sr-only">
          {t("institutions.register.filter")}
        </h2>
        <div className="field mb-0">
          <label htmlFor="filter-kind" className="field-label">
            {t("institutions.register.kind")}
          </label>
          <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""} className="field-input">
            <option value="">{t("institutions.register.kindAll")}</option>
            {DESIGNATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`institutions.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field mb-0">
          <label htmlFor="filter-region" className="field-label">
            {t("institutions.register.region")}
          </label>
          <select id="filter-region" name="region" defaultValue={query.region ?? ""} className="field-input">
            <option value="">{t("institutions.register.regionAll")}</option>
            {[...prefectures].map(([code, name]) => (
              <optgroup key={code} label={name}>
                <option value={code}>{name}</option>
                {regions
                  .filter((r) => r.parentCode === code)
                  .map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("institutions.register.submit")}
        </button>
      </Form>

      <p role="status" className="mb-4 font-bold">
        {t("institutions.register.count", { count: register.total })}
      </p>
      {register.entries.length === 0 ? (
        <p className="notice">{t("institutions.register.empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {register.entries.map((e) => (
            <li key={e.organizationId} className="card">
              <h2 className="section-title mt-0">
                <Link to={`/institutions/${e.organizationId}`}>{e.name}</Link>
              </h2>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{t("institutions.register.kinds")}</dt>
                <dd>{e.kinds.map((k) => t(`institutions.kind.${k}`)).join(sep)}</dd>
                <dt className="font-bold">{t("institutions.register.where")}</dt>
                <dd>{[e.prefectureName, e.regionName].filter(Boolean).join(" ") || e.regionCode}</dd>
                <dt className="font-bold">{t("institutions.register.address")}</dt>
                <dd>{e.address || <span className="text-muted">{t("institutions.register.notGiven")}</span>}</dd>
                <dt className="font-bold">{t("institutions.register.offers")}</dt>
                <dd>
                  {[
                    e.openVacancies > 0 ? t("institutions.register.vacancies", { count: e.openVacancies }) : t("institutions.register.noVacancies"),
                    e.openCourses > 0 ? t("institutions.register.courses", { count: e.openCourses }) : null,
                  ]
                    .filter(Boolean)
                    .join(locale === "en" ? "; " : "；")}
                </dd>
                <dt className="font-bold">{t("institutions.register.accessibility")}</dt>
                <dd>
                  {e.accommodations.length > 0
                    ? t("institutions.register.accessibilityFromVacancies", { list: e.accommodations.map((a) => label(ACCOMMODATIONS, a, locale)).join(sep) })
                    : t("institutions.register.accessibilityUnknown")}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={register.page} pageCount={register.pageCount} />
    </div>
  );
}
