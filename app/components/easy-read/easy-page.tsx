import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { EasyIcon, type EasyIconName } from "~/components/easy-read/easy-icon";
import { sentences } from "~/components/easy-read/easy-read";
import { useI18n } from "~/i18n/use-i18n";

/*
 * The building blocks of the easy-read pages (易读, issue 15). A page in easy-read mode is the same route, loader and
 * action as the full page, drawn with these: one column, large type, one idea a line, pictures always with words,
 * the main action first and big, and after each action a line saying what happens next. Styles: the
 * "easy-read mode" block at the end of app/tailwind.css.
 */

/** The page frame: a line saying this is the easy-read version, with a button back to the full one (no JavaScript needed). */
export function EasyPage({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <div className="easy-page">
      <Form method="post" action="/preferences" className="easy-banner">
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <p>{t("easyRead.banner")}</p>
        {/* The same toggle as the header's display menu: it turns easy read off, here and in the account. */}
        <button type="submit" name="toggle" value="easyRead" className="button button-secondary button-small">
          {t("easyRead.banner.leave")}
        </button>
      </Form>
      {children}
    </div>
  );
}

/** Short sentences, one a line. */
export function Lines({ lines, className }: { lines: (string | null | false | undefined)[]; className?: string }) {
  return (
    <div className={`easy-lines ${className ?? ""}`}>
      {lines.flatMap((line) => (line ? sentences(line) : [])).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

/** "接下来：" and what happens after the action just above, one sentence a line. */
export function Next({ lines }: { lines: string[] }) {
  const { t } = useI18n();
  return (
    <p className="easy-next">
      <EasyIcon name="info" />
      <span>
        <strong className="block">{t("easyRead.next")}</strong>
        {lines.flatMap(sentences).map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </span>
    </p>
  );
}

/** A picture and words on one line: a fact ("在哪里：贵阳市") or a plain statement. */
export function Fact({ icon, label, children, tone }: { icon: EasyIconName; label?: string; children: ReactNode; tone?: "ok" | "not" }) {
  const { t } = useI18n();
  return (
    <div className={`easy-fact ${tone === "ok" ? "text-ok" : tone === "not" ? "text-danger" : ""}`}>
      <EasyIcon name={icon} />
      <p>
        {label ? <strong>{label}{t("easyRead.colon")}</strong> : null}
        {children}
      </p>
    </div>
  );
}

/** The main action of a page: a big link with a picture. */
export function ActionLink({ to, icon, children, secondary }: { to: string; icon: EasyIconName; children: ReactNode; secondary?: boolean }) {
  return (
    <Link to={to} className={`button easy-action ${secondary ? "button-secondary" : ""}`}>
      <EasyIcon name={icon} />
      <span>{children}</span>
    </Link>
  );
}

/** A plain link with a picture before it (back links, "see all jobs"). */
export function IconLink({ to, icon, children }: { to: string; icon: EasyIconName; children: ReactNode }) {
  return (
    <Link to={to} className="easy-link">
      <EasyIcon name={icon} />
      <span>{children}</span>
    </Link>
  );
}
