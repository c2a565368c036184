import { Form, useRouteLoaderData } from "@remix-run/react";
import type { ShellUser } from "~/components/layout";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { ActionLink, EasyPage, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { useI18n } from "~/i18n/use-i18n";

/**
 * The home page in easy read: what the site is for in three lines, then the search (the main action, a GET form to
 * /vacancies like the full page's), job fairs, an account, and where to get help.
 */
export function EasyHome({ openVacancies }: { openVacancies?: number | null }) {
  const { t } = useI18n();
  const root = useRouteLoaderData<{ user: ShellUser | null }>("root");
  const user = root?.user ?? null;
  return (
    <EasyPage>
      <h1 className="easy-title">{t("easyRead.home.title")}</h1>
      <Lines lines={[t("easyRead.home.line1"), t("easyRead.home.line2"), t("easyRead.home.line3")]} />
      {openVacancies != null ? <p className="easy-count">{t("easyRead.home.count", { count: openVacancies })}</p> : null}

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
        <button type="submit" className="button easy-action">
          <EasyIcon name="search" />
          <span>{t("easyRead.home.search.submit")}</span>
        </button>
        <Next lines={[t("easyRead.home.search.next")]} />
      </Form>

      <section aria-labelledby="easy-events-title">
        <h2 id="easy-events-title" className="easy-section-title">
          {t("easyRead.home.events.title")}
        </h2>
        <Lines lines={[t("easyRead.home.events.line1"), t("easyRead.home.events.line2")]} />
        <p className="mt-3">
          <IconLink to="/events" icon="calendar">
            {t("easyRead.home.events.link")}
          </IconLink>
        </p>
      </section>

      {user ? (
        <section aria-labelledby="easy-mine-title">
          <h2 id="easy-mine-title" className="easy-section-title">
            {t("easyRead.home.mine.title")}
          </h2>
          <ul className="easy-lines">
            {user.role === "seeker" ? (
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
