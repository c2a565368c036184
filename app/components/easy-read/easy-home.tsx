import { Form, Link, useLoaderData } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { ActionLink, EasyPage, Fact, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { counted } from "~/components/easy-read/easy-read";
import { formatDate } from "~/i18n/dates";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/_index";

/**
 * The home page in easy read: what the site is for in three lines and how many jobs there are, then the search (the
 * main action, a GET form to /vacancies with the full page's names), the next job fairs, an account, and where to get
 * help.
 */
export function EasyHome() {
  const { t, locale } = useI18n();
  const { openVacancies, events, prefectures, role } = useLoaderData<typeof loader>();
  return (
    <EasyPage>
      <h1 className="easy-title">{t("easyRead.home.title")}</h1>
      <Lines lines={[t("easyRead.home.line1"), t("easyRead.home.line2"), t("easyRead.home.line3")]} />
      <p className="easy-count">{counted(t, "easyRead.home.count", openVacancies)}</p>

      <Form method="get" action="/vacancies" role="search" aria-label={t("easyRead.search.form")} className="easy-form easy-action-box">
        <div className="field">
          <label htmlFor="easy-home-q" className="field-label">
            {t("easyRead.home.search.label")}
          </label>
          <p id="easy-home-q-hint" className="field-hint">
            {t("easyRead.home.search.hint")}
          </p>
          <input id="easy-home-q" name="q" type="search" maxLength={100} aria-describedby="easy-home-q-hint" className="field-input" />
        </div>
        <div className="field">
          <label htmlFor="easy-home-region" className="field-label">
            {t("easyRead.search.region")}
          </label>
          <select id="easy-home-region" name="region" defaultValue="" className="field-input">
            <option value="">{t("easyRead.search.regionAny")}</option>
            {prefectures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button easy-action">
          <EasyIcon name="search" />
          <span>{t("easyRead.home.search.submit")}</span>
        </button>
        <Next lines={[t("easyRead.home.search.next")]} />
        {role === "seeker" ? null : (
          <p className="mt-4">
            <IconLink to="/vacancies?needs=1#search-needs" icon="access">
              {t("easyRead.home.search.byNeeds")}
            </IconLink>
          </p>
        )}
      </Form>

      <section aria-labelledby="easy-events-title">
        <h2 id="easy-events-title" className="easy-section-title">
          {t("easyRead.home.events.title")}
        </h2>
        <Lines lines={[t("easyRead.home.events.line1"), t("easyRead.home.events.line2")]} />
        {events.length ? (
          <ul className="easy-results">
            {events.map((e) => (
              <li key={e.id} className="easy-card">
                <h3 className="easy-card-title">
                  <Link to={`/events/${e.id}`} lang={contentLang(locale, e.title)}>
                    {e.title}
                  </Link>
                </h3>
                <Fact icon="calendar" label={t("easyRead.event.date")}>
                  {formatDate(locale, e.startsAt)}
                </Fact>
                <Fact icon="place" label={t("easyRead.event.place")}>
                  {e.kind === "online" ? t("easyRead.event.online") : <span lang={contentLang(locale, e.place)}>{e.place}</span>}
                </Fact>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("easyRead.events.none")}</p>
        )}
        <p className="mt-3">
          <IconLink to="/events" icon="calendar">
            {t("easyRead.home.events.link")}
          </IconLink>
        </p>
      </section>

      {role ? (
        <section aria-labelledby="easy-mine-title">
          <h2 id="easy-mine-title" className="easy-section-title">
            {t("easyRead.home.mine.title")}
          </h2>
          <ul className="easy-lines">
            {role === "seeker" ? (
              <li>
                <IconLink to="/applications" icon="list">
                  {t("easyRead.home.mine.applications")}
                </IconLink>
              </li>
            ) : null}
            <li>
              <IconLink to="/dashboard" icon="person">
                {t("easyRead.home.mine.dashboard")}
              </IconLink>
            </li>
          </ul>
        </section>
      ) : (
        <section aria-labelledby="easy-account-title">
          <h2 id="easy-account-title" className="easy-section-title">
            {t("easyRead.home.account.title")}
          </h2>
          <Lines lines={[t("easyRead.home.account.line1"), t("easyRead.home.account.line2")]} />
          <p className="mt-3">
            <ActionLink to="/register" icon="pen" secondary>
              {t("easyRead.home.account.register")}
            </ActionLink>
          </p>
          <p className="mt-4">
            {t("easyRead.home.account.haveOne")}{" "}
            <IconLink to="/login" icon="person">
              {t("easyRead.home.account.signIn")}
            </IconLink>
          </p>
        </section>
      )}

      <section aria-labelledby="easy-help-title">
        <h2 id="easy-help-title" className="easy-section-title">
          {t("easyRead.home.help.title")}
        </h2>
        <p className="easy-fact">
          <EasyIcon name="phone" />
          <strong>
            {t("easyRead.home.help.phone")}
            <a href="tel:12385">12385</a>
          </strong>
        </p>
        <Lines lines={[t("easyRead.home.help.phoneWhat"), t("easyRead.home.help.federation")]} />
      </section>
    </EasyPage>
  );
}
