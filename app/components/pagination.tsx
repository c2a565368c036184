import { Link, useLocation } from "@remix-run/react";
import { useI18n } from "~/i18n/use-i18n";

/**
 * Pagination for any list (`?page=N`, or `param` for a second list on a page): previous and next links with names
 * that say which page they lead to, and where one is. Other query parameters are kept; `hash` brings the reader back
 * to the list. Nothing is shown when everything fits on one page.
 */
export function Pagination({
  page,
  pageCount,
  param = "page",
  hash = "",
  label,
}: {
  page: number;
  pageCount: number;
  param?: string;
  hash?: string;
  label?: string;
}) {
  const { t } = useI18n();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p <= 1) params.delete(param);
    else params.set(param, String(p));
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}${hash}`;
  };
  return (
    <nav aria-label={label ?? t("pagination.label")} className="mt-6">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev" aria-label={t("pagination.previousAria", { page: page - 1 })} className="inline-block py-2">
              <span aria-hidden="true">← </span>
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("pagination.status", { page, count: pageCount })}</li>
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} rel="next" aria-label={t("pagination.nextAria", { page: page + 1 })} className="inline-block py-2">
              {t("pagination.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
