import { Link } from "@remix-run/react";
import { Icon } from "~/components/icon";
import type { CompetitionPage } from "~/domain/competitions/competitions.server";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/**
 * The competition part of the public event page: its categories, how to enter (signed-in seekers enter on
 * /events/$id/enter), the seeker's own entries and results, and the published results. Public results give rank,
 * award and the name masked to its first character (competitions.schema.ts, maskedName).
 */
export function CompetitionSection({
  eventId,
  competition,
  role,
  cancelled,
  ended,
}: {
  eventId: string;
  competition: CompetitionPage;
  role: "visitor" | "seeker" | "employer" | "staff";
  cancelled: boolean;
  ended: boolean;
}) {
  const { t } = useI18n();
  const separator = t("competitions.separator");
  const mine = competition.mine ?? [];
  const enterUrl = `/events/${eventId}/enter`;
  const published = competition.categories.filter((c) => c.results !== null);

  return (
    <>
      {role === "seeker" ? (
        <section aria-labelledby="competition-mine-title" className="card mt-8 border-2">
          <h2 id="competition-mine-title" className="section-title mt-0">
            {t("competitions.mine.title")}
          </h2>
          {mine.length === 0 ? (
            <p className="mb-3">{t("competitions.mine.none")}</p>
          ) : (
            <ul className="mb-4 grid gap-2">
              {mine.map((m) => (
                <li key={m.categoryId}>
                  <strong className="inline-flex items-center gap-1">
                    {m.status === "entered" ? <Icon name="check" /> : null}
                    {m.categoryName}
                  </strong>
                  {`：${t(`competitions.entry.${m.status}`)}`}
                  {m.status === "entered" && m.accessRequests.length
                    ? `；${t("competitions.mine.requests", { requests: m.accessRequests.map((c) => t(`events.request.${c}` as MessageKey)).join(separator) })}`
                    : null}
                  {m.result ? (
                    <p className="font-bold">
                      {t("competitions.mine.result", {
                        rank: m.result.rank ?? t("competitions.none"),
                        award: m.result.award ?? t("competitions.none"),
                        score: m.result.score ?? t("competitions.none"),
                      })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {competition.entryOpen && competition.categories.length ? (
            <p>
              <Link to={enterUrl} className="button">
                {mine.some((m) => m.status === "entered") ? t("competitions.public.manageEntries") : t("competitions.public.enter")}
              </Link>
            </p>
          ) : mine.some((m) => m.status === "entered") && competition.withdrawOpen ? (
            <p>
              <Link to={enterUrl}>{t("competitions.public.manageEntries")}</Link>
            </p>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="competition-enter-title" className="card mt-8">
          <h2 id="competition-enter-title" className="section-title mt-0">
            {t("competitions.public.enterTitle")}
          </h2>
          {cancelled ? (
            <p>{t("competitions.err.eventCancelled")}</p>
          ) : ended || !competition.entryOpen ? (
            <p>{t("competitions.err.entryClosed")}</p>
          ) : role === "visitor" ? (
            <>
              <p className="mb-3">{t("competitions.public.visitor")}</p>
              <p className="flex flex-wrap gap-4">
                <Link to={`/login?redirectTo=${encodeURIComponent(enterUrl)}`} className="button">
                  {t("eventsPublic.register.signIn")}
                </Link>
                <Link to="/register" className="button button-secondary">
                  {t("eventsPublic.register.createAccount")}
                </Link>
              </p>
            </>
          ) : (
            <p>{t("competitions.public.seekersOnly")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="section-title">
          {t("competitions.public.categories")}
        </h2>
        {competition.categories.length === 0 ? (
          <p>{t("competitions.public.noCategories")}</p>
        ) : (
          <ul className="grid gap-4">
            {competition.categories.map((c) => (
              <li key={c.id} className="card">
                <h3 className="mb-1 text-xl font-bold">{c.name}</h3>
                {c.description ? <p className="mb-2 whitespace-pre-line">{c.description}</p> : null}
                <p className="mb-2">{t("competitions.public.entrants", { count: c.entrants })}</p>
                {role === "seeker" && competition.entryOpen && !competition.full ? (
                  <p>
                    <Link to={`${enterUrl}?category=${c.id}`}>
                      {t("competitions.public.enterCategory")}
                      <span className="sr-only">{t("competitions.forName", { name: c.name })}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {competition.full && competition.entryOpen ? <p className="notice mt-4">{t("competitions.err.full")}</p> : null}
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" className="section-title">
          {t("competitions.public.results")}
        </h2>
        {published.length === 0 ? (
          <p>{t("competitions.public.noResults")}</p>
        ) : (
          <>
            <p className="mb-4">{t("competitions.public.resultsPrivacy")}</p>
            {published.map((c) => (
              <div key={c.id} className="relative mb-6 overflow-x-auto">
                <table className="data-table">
                  <caption className="mb-2 text-left font-bold">{t("competitions.public.resultsCaption", { category: c.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("competitions.public.col.rank")}</th>
                      <th scope="col">{t("competitions.public.col.award")}</th>
                      <th scope="col">{t("competitions.public.col.name")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(c.results ?? []).map((r, i) => (
                      <tr key={i}>
                        <td>{r.rank ?? t("competitions.none")}</td>
                        <td>{r.award ?? t("competitions.none")}</td>
                        <td>{r.name}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </>
        )}
      </section>
    </>
  );
}
