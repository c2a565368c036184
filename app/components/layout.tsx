import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { Role } from "../../db/schema";
import { useI18n } from "~/i18n/use-i18n";
import { Icon } from "./icon";
import { navigation, type NavItem } from "./nav";
import type { DisplayModes } from "./use-display";

export { navigation } from "./nav";

export interface ShellUser {
  id: string;
  role: Role;
  name: string;
  unread: number;
}

/** useLayoutEffect in the browser; nothing on the server (where React warns about it). */
const useBrowserLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * After a client-side navigation (a new path or new search parameters, not a hash), focus moves to the page's h1 and
 * the new title is announced, as a page load would. Not on the first load. A page that placed focus itself (an
 * error summary, a confirmation) keeps it. Header menus close.
 */
function useRouteChange(header: RefObject<HTMLElement>, announce: (text: string) => void) {
  const location = useLocation();
  const address = location.pathname + location.search;
  const previous = useRef<string | null>(null);
  const focusedAtCommit = useRef<Element | null>(null);
  // Layout effects run before any page's focus effect: what has focus now is what had it before the page rendered.
  useBrowserLayoutEffect(() => {
    focusedAtCommit.current = document.activeElement;
  }, [address]);
  useEffect(() => {
    if (previous.current === null || previous.current === address) {
      previous.current = address;
      return;
    }
    previous.current = address;
    const active = document.activeElement;
    const main = document.getElementById("main");
    const placedByPage = !!active && active !== focusedAtCommit.current && active !== document.body && !!main?.contains(active);
    header.current?.querySelectorAll("details[open]").forEach((d) => d.removeAttribute("open"));
    if (!placedByPage) {
      // The page's h1, or the main region itself on a page without one (it has tabIndex -1).
      const target = main?.querySelector("h1") ?? main;
      if (target) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      }
    }
    announce(document.title);
  }, [address, header, announce]);
}

/** Header menus (details/summary, so they work without JavaScript): with it, Escape or a click elsewhere closes them. */
function useMenuBehaviour(header: RefObject<HTMLElement>) {
  useEffect(() => {
    const root = header.current;
    if (!root) return;
    const openMenus = () => Array.from(root.querySelectorAll<HTMLDetailsElement>("details[data-menu][open]"));
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const menu = openMenus().find((d) => d.contains(document.activeElement)) ?? openMenus()[0];
      if (!menu) return;
      menu.open = false;
      menu.querySelector("summary")?.focus();
    };
    const onClick = (event: MouseEvent) => {
      for (const d of openMenus()) if (!d.contains(event.target as Node)) d.open = false;
    };
    // One menu open at a time.
    const onToggle = (event: Event) => {
      const opened = event.target as HTMLDetailsElement;
      if (!opened.open || !opened.matches("details[data-menu]")) return;
      for (const d of openMenus()) if (d !== opened) d.open = false;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    root.addEventListener("toggle", onToggle, true);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
      root.removeEventListener("toggle", onToggle, true);
    };
  }, [header]);
}

function NavList({ items, className, labelledBy }: { items: NavItem[]; className?: string; labelledBy?: string }) {
  const { t } = useI18n();
  return (
    <ul className={className} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function isCurrent(pathname: string, item: NavItem): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

function MainNav({ user, display }: { user: ShellUser | null; display: DisplayModes }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const nav = navigation(user);
  const moreCurrent = nav.more.some((g) => g.items.some((i) => isCurrent(pathname, i)));
  return (
    <nav aria-label={t("nav.label")} className="site-nav">
      <NavList items={nav.primary} className="nav-primary" />
      {/* On a wide screen this is "更多": the rest of the role's pages. On a narrow one it is "菜单" and holds all of them. */}
      <details data-menu="nav" className={`menu nav-menu${nav.more.length ? "" : " nav-menu-narrow-only"}`}>
        <summary className={`menu-button${moreCurrent ? " menu-button-current" : ""}`}>
          <Icon name="menu" className="menu-icon narrow-only" />
          <span className="narrow-only">{t("shell.nav.menu")}</span>
          <span className="wide-only">{t("shell.nav.more")}</span>
          <Icon name="chevron" className="menu-chevron" />
        </summary>
        <div className="menu-panel nav-panel">
          <NavList items={nav.primary} className="menu-list narrow-only" />
          {nav.more.map((group) => (
            <div key={group.label} className="menu-group">
              <p className="menu-group-title" id={`nav-${group.label.replaceAll(".", "-")}`}>
                {t(group.label)}
              </p>
              <NavList items={group.items} className="menu-list" labelledBy={`nav-${group.label.replaceAll(".", "-")}`} />
            </div>
          ))}
          {/* Signed out on a narrow screen, the language and display modes are here too: one menu beside 登录 and 注册. */}
          {user ? null : (
            <div className="menu-group narrow-only">
              <Preferences display={display} idPrefix="nav-prefs" />
            </div>
          )}
        </div>
      </details>
    </nav>
  );
}

/** Language and display modes: plain form posts, so they work without JavaScript. */
function Preferences({ display, idPrefix }: { display: DisplayModes; idPrefix: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <>
      <div role="group" aria-labelledby={`${idPrefix}-language`} className="menu-section">
        <p id={`${idPrefix}-language`} className="menu-group-title">
          {t("prefs.language")}
        </p>
        {/* A full page load: the browser fetches the other language's catalog with the page. */}
        <Form method="post" action="/preferences" reloadDocument>
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" name="locale" value={t("prefs.switchToLang")} lang={t("prefs.switchToLang")} className="button button-small button-secondary">
            {t("prefs.switchTo")}
          </button>
        </Form>
      </div>
      <div role="group" aria-labelledby={`${idPrefix}-display`} className="menu-section">
        <p id={`${idPrefix}-display`} className="menu-group-title">
          {t("prefs.display")}
        </p>
        <Form method="post" action="/preferences" className="flex flex-wrap gap-2">
          <input type="hidden" name="redirectTo" value={here} />
          {(
            [
              ["largeText", "prefs.largeText"],
              ["highContrast", "prefs.highContrast"],
              ["easyRead", "shell.prefs.easyRead"],
            ] as const
          ).map(([mode, label]) => (
            <button key={mode} type="submit" name="toggle" value={mode} aria-pressed={display[mode]} className="button button-small gap-1">
              {/* On is shown by the tick as well as the fill, not by colour alone. */}
              {display[mode] ? <Icon name="check" /> : null}
              {t(label)}
            </button>
          ))}
        </Form>
      </div>
    </>
  );
}

function AccountMenu({ user, display }: { user: ShellUser; display: DisplayModes }) {
  const { t } = useI18n();
  const nav = navigation(user);
  return (
    <details data-menu="account" className="menu account-menu">
      <summary className="menu-button">
        <Icon name="user" className="menu-icon" />
        <span>{t("shell.account.menu")}</span>
        {user.unread > 0 ? (
          <>
            {/* On a narrow screen the pill shows only the number; the words are there for screen readers. */}
            <span className="count-pill" aria-hidden="true">
              <span className="wide-only">{t("nav.unread", { count: user.unread })}</span>
              <span className="narrow-only">{user.unread}</span>
            </span>
            <span className="sr-only">{t("nav.unread", { count: user.unread })}</span>
          </>
        ) : null}
        <Icon name="chevron" className="menu-chevron" />
      </summary>
      <div className="menu-panel account-panel">
        <p className="menu-who">{t("nav.signedInAs", { name: user.name })}</p>
        <ul className="menu-list">
          {nav.account.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.to === "/notifications" ? <Icon name="bell" /> : null}
                {t(item.label)}
                {item.to === "/notifications" && user.unread > 0 ? <span className="count-pill">{t("nav.unread", { count: user.unread })}</span> : null}
              </NavLink>
            </li>
          ))}
        </ul>
        <Preferences display={display} idPrefix="account-prefs" />
        <Form method="post" action="/logout" className="menu-section">
          <button type="submit" className="button button-small button-secondary">
            {t("nav.signOut")}
          </button>
        </Form>
      </div>
    </details>
  );
}

function SettingsMenu({ display }: { display: DisplayModes }) {
  const { t } = useI18n();
  return (
    <details data-menu="account" className="menu account-menu wide-only">
      <summary className="menu-button">
        <Icon name="globe" className="menu-icon" />
        <span>{t("shell.settings.menu")}</span>
        {/* The other language's word, so a visitor who cannot read this one finds the switch. */}
        <span lang={t("shell.settings.otherLanguageLang")}>{t("shell.settings.otherLanguage")}</span>
        <Icon name="chevron" className="menu-chevron" />
      </summary>
      <div className="menu-panel account-panel">
        <Preferences display={display} idPrefix="settings-prefs" />
      </div>
    </details>
  );
}

function Footer() {
  const { t } = useI18n();
  const links: [string, string][] = [
    ["/accessibility", t("shell.footer.accessibilityStatement")],
    ["/privacy", t("shell.footer.privacy")],
    ["/contact", t("shell.footer.contact")],
    ["/feedback", t("shell.footer.feedback")],
    ["/institutions", t("institutions.footer")],
    ["/open-data", t("opendata.footer")],
  ];
  return (
    <footer className="site-footer">
      <div className="mx-auto max-w-5xl px-4 py-6">
        <nav aria-label={t("shell.footer.label")}>
          <ul className="footer-links">
            {links.map(([to, label]) => (
              <li key={to}>
                <Link to={to}>{label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="mt-3 font-bold">
          {t("shell.footer.helpline")}
          <a href="tel:12385">12385</a>
        </p>
        <p className="mt-2 text-muted">
          {t("shell.footer.accessibilityLine")} <Link to="/accessibility">{t("shell.footer.accessibilityMore")}</Link>
        </p>
        <p className="mt-2 text-muted">{t("site.footer.about")}</p>
      </div>
    </footer>
  );
}

export function Shell({ user, display, children }: { user: ShellUser | null; display: DisplayModes; children: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const header = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const announce = useRef((text: string) => {
    // Emptied first, so the same title (a new search on the same page) is announced again.
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(text), 100);
  }).current;
  useRouteChange(header, announce);
  useMenuBehaviour(header);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        {t("site.skipLink")}
      </a>
      {pathname === "/vacancies" ? (
        <a href="#results" className="skip-link">
          {t("shell.skipToResults")}
        </a>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      <header ref={header} className="site-header">
        <div className="header-bar mx-auto max-w-5xl">
          <p className="brand">
            <Link to="/" className="brand-name">
              {t("site.name")}
            </Link>
            <span className="brand-tagline">{t("site.tagline")}</span>
          </p>
          <MainNav user={user} display={display} />
          <div className="header-tools">
            {user ? (
              <AccountMenu user={user} display={display} />
            ) : (
              <>
                <Link to="/login" className="header-link">
                  {t("nav.signIn")}
                </Link>
                <Link to="/register" className="header-link">
                  {t("nav.register")}
                </Link>
                <SettingsMenu display={display} />
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <Footer />
    </div>
  );
}
