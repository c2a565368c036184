import { getFormProps, useForm } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { Field, SelectField } from "~/components/form/field";
import { FREQUENCIES, NAME_MAX } from "~/domain/alerts/saved-searches.schema";
import { useI18n } from "~/i18n/use-i18n";

/**
 * "保存此搜索并接收提醒" under the search results (issue 17): a signed-in seeker saves the search the page shows (its
 * query string, posted to /saved-searches) with how often to be told; a visitor is offered to sign in first, and
 * comes back to the same search. After saving, the page says so and links to the saved searches.
 */
export function SaveSearch({ query, who, saved }: { query: string; who: "seeker" | "visitor" | "other"; saved: boolean }) {
  const { t } = useI18n();
  const [form, fields] = useForm<{ query: string; frequency: string; name: string }>({
    id: "save-search",
    defaultValue: { query, frequency: "daily", name: "" },
  });
  if (who === "other") return null;
  const here = query ? `/vacancies?${query}` : "/vacancies";
  return (
    <section aria-labelledby="save-search-title" className="card mt-8">
      <h2 id="save-search-title" className="section-title">
        {t("alerts.save.title")}
      </h2>
      {who === "visitor" ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("alerts.save.signIn")}</Link>
        </p>
      ) : saved ? (
        <p role="status" className="notice">
          {t("alerts.save.doneShort")} <Link to="/saved-searches">{t("alerts.save.manage")}</Link>
        </p>
      ) : (
        <>
          <p>{t("alerts.save.lead")}</p>
          <Form method="post" action="/saved-searches" {...getFormProps(form)}>
            <input type="hidden" name={fields.query.name} value={query} />
            <SelectField meta={fields.frequency} label={t("alerts.save.frequency")} options={FREQUENCIES.map((f) => ({ value: f, label: t(`alerts.frequency.${f}`) }))} />
            <Field meta={fields.name} label={t("alerts.save.name")} hint={t("alerts.save.nameHint")} optional maxLength={NAME_MAX} />
            <button type="submit" name="intent" value="save" className="button">
              {t("alerts.save.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
