import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "../../db/schema";
import { useI18n } from "~/i18n/use-i18n";
import type { MessageKey } from "~/i18n/i18n";

export interface ShellUser {
  id: string;
  role: Role;
  name: string;
  unread: number;
}

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** Navigation by role: each role sees the pages it can use. */
export function navItems(user: ShellUser | null): NavItem[] {
  const items: NavItem[] = [
    { to: "/", label: "nav.home", end: true },
    { to: "/vacancies", label: "nav.vacancies" },
    { to: "/events", label: "nav.events" },
    { to: "/training", label: "nav.training" },
    { to: "/disclosures", label: "nav.disclosures" },
  ];
  if (!user) return items;
  items.push({ to: "/dashboard", label: "nav.dashboard" });
  if (user.role === "seeker") {
    items.push({ to: "/profile", label: "nav.profile" }, { to: "/applications", label: "nav.applications" }, { to: "/job-invitations", label: "nav.invitations" });
    items.push({ to: "/referrals", label: "nav.referrals" }, { to: "/my-plan", label: "nav.myPlan" });
  }
  if (user.role === "counselor") {
    items.push(
      { to: "/caseload", label: "nav.caseload" },
      { to: "/follow-up", label: "nav.followUp" },
      { to: "/verification", label: "realname.nav.verification" },
      { to: "/caseloads/assign", label: "nav.assign" },
      { to: "/graduates", label: "nav.graduates" },
      { to: "/employment-records", label: "employment.nav" },
      { to: "/businesses", label: "entrepreneurship.nav" },
    );
  }
  if (user.role === "employer") {
    items.push({ to: "/employer", label: "nav.organization", end: true }, { to: "/employer/vacancies", label: "nav.employerVacancies" }, { to: "/employer/quota", label: "nav.employerQuota" });
    items.push({ to: "/provider/courses", label: "nav.providerCourses" });
  }
  if (user.role === "admin") {
    items.push(
      { to: "/admin/organizations", label: "nav.verification" },
      { to: "/admin/quota", label: "nav.quotaReview" },
      { to: "/admin/rule-parameters", label: "nav.ruleParameters" },
      { to: "/admin/events", label: "nav.adminEvents" },
      { to: "/admin/courses", label: "nav.adminCourses" },
      { to: "/caseloads", label: "nav.caseloads", end: true },
      { to: "/graduates", label: "nav.graduates" },
      { to: "/statistics", label: "statistics.nav" },
      { to: "/employment-records", label: "employment.nav" },
      { to: "/admin/institutions", label: "institutions.nav" },
      { to: "/admin/coverage", label: "institutions.nav.coverage" },
      { to: "/businesses", label: "entrepreneurship.nav" },
      { to: "/admin/staff-training", label: "staffTraining.nav" },
      { to: "/admin/staff", label: "nav.staff" },
      { to: "/admin/security", label: "nav.security" },
    );
  }
  items.push({ to: "/account", label: "nav.account" });
  return items;
}

function PreferenceForms({ display }: { display: { largeText: boolean; highContrast: boolean } }) {
  const { t } = useI18n();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <section aria-label={t("prefs.label")} className="flex flex-wrap items-center gap-2">
      <Form method="post" action="/preferences" className="inline">
        <input type="hidden" name="redirectTo" value={here} />
        <button type="submit" name="locale" value={t("prefs.switchToLang")} lang={t("prefs.switchToLang")} className="button button-small button-secondary">
          {t("prefs.switchTo")}
        </button>
      </Form>
      <Form method="post" action="/preferences" className="inline-flex flex-wrap gap-2">
        <input type="hidden" name="redirectTo" value={here} />
        <button type="submit" name="toggle" value="largeText" aria-pressed={display.largeText} className="button button-small">
          {t("prefs.largeText")}
        </button>
        <button type="submit" name="toggle" value="highContrast" aria-pressed={display.highContrast} className="button button-small">
          {t("prefs.highContrast")}
        </button>
      </Form>
    </section>
  );
}

export function Shell({
  user,
  display,
  children,
}: {
  user: ShellUser | null;
  display: { largeText: boolean; highContrast: boolean };
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        {t("site.skipLink")}
      </a>
      <header className="site-header">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="m-0">
            <Link to="/" className="text-2xl font-bold text-fg no-underline">
              {t("site.name")}
            </Link>
            <span className="ml-3 text-muted">{t("site.tagline")}</span>
          </p>
          <PreferenceForms display={display} />
        </div>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 pb-2">
          <nav aria-label={t("nav.label")} className="site-nav">
            <ul className="flex flex-wrap gap-x-5">
              {navItems(user).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {user ? (
            <div className="flex flex-wrap items-center gap-3">
              <span>{t("nav.signedInAs", { name: user.name })}</span>
              <Link to="/notifications" className="font-bold">
                {t("nav.notifications")}
                {user.unread > 0 ? <span className="ml-1 rounded-full bg-brand px-2 text-brand-fg">{t("nav.unread", { count: user.unread })}</span> : null}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button button-small button-secondary">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          ) : (
            <div className="flex gap-3">
              <Link to="/login">{t("nav.signIn")}</Link>
              <Link to="/register">{t("nav.register")}</Link>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-line bg-surface">
        <div className="mx-auto max-w-5xl px-4 py-6 text-muted">
          <p>{t("site.footer.about")}</p>
          <p className="mt-2">{t("site.footer.accessibility")}</p>
          <p className="mt-2">
            <Link to="/institutions">{t("institutions.footer")}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
