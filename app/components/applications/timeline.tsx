import type { TimelineEvent } from "~/domain/applications/applications.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/** An application's status history, oldest first, with the messages that came with each move. */
export function StatusTimeline({ events, viewer }: { events: readonly TimelineEvent[]; viewer: "seeker" | "employer" }) {
  const { t, locale } = useI18n();
  return (
    <ol className="grid gap-3 border-l-4 border-line pl-4">
      {events.map((e) => (
        <li key={e.id}>
          <p className="m-0">
            <strong>{t(`applications.status.${e.to}`)}</strong>
            <span className="text-muted">
              {" · "}
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
              {" · "}
              {t(
                viewer === "seeker"
                  ? e.by === "seeker"
                    ? "applications.timeline.byYou"
                    : "applications.timeline.byEmployer"
                  : e.by === "seeker"
                    ? "applications.timeline.bySeeker"
                    : "applications.timeline.byOrganization",
              )}
            </span>
          </p>
          {e.message ? (
            <p className="m-0 mt-1 whitespace-pre-line">
              <span className="font-bold">{t(e.by === "employer" ? "applications.timeline.employerMessage" : "applications.timeline.message")}</span>
              {e.message}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
