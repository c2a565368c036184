import { Link, useLoaderData } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { EasyIcon, type EasyIconName } from "~/components/easy-read/easy-icon";
import { EasyPage, Fact, Lines } from "~/components/easy-read/easy-page";
import { counted } from "~/components/easy-read/easy-read";
import { toLocalDateTime, type EVENT_ARRANGEMENTS } from "~/domain/events/events.schema";
import type { EventKind } from "../../../db/schema";
import { formatDate, formatDateTime, formatTime } from "~/i18n/dates";
import type { Locale, Translate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/events._index";

type Arrangement = (typeof EVENT_ARRANGEMENTS)[number];

/** The picture beside each kind of help at an event (as on the full event page). */
export const ARRANGEMENT_ICONS: Record<Arrangement, EasyIconName> = {
  sign_language_interpreters: "sign",
  captions: "captions",
  step_free_venue: "access",
  accessible_toilets: "toilet",
  accessible_parking: "parking",
  braille_large_print: "braille",
  guide_service: "coach",
  quiet_room: "quiet",
};

/** "09:00 到 12:00" on the event's day; the end's day is said too when it is another day (Beijing time). */
export function easyTimeRange(t: Translate, locale: Locale, start: Date, end: Date): string {
  const sameDay = toLocalDateTime(start).slice(0, 10) === toLocalDateTime(end).slice(0, 10);
  return t("easyRead.time.range", { start: formatTime(locale, start), end: sameDay ? formatTime(locale, end) : formatDateTime(locale, end) });
}

interface EventFacts {
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  place: string;
}

/** Day, time and place of an event, each on its own line with a picture. */
export function EventWhenWhere({ e }: { e: EventFacts }) {
  const { t, locale } = useI18n();
  const where = t("easyRead.event.placeValue", { venue: e.venue, place: e.place });
  return (
    <>
      <Fact icon="calendar" label={t("easyRead.event.date")}>
        {formatDate(locale, e.startsAt)}
      </Fact>
      <Fact icon="clock" label={t("easyRead.event.time")}>
        {easyTimeRange(t, locale, e.startsAt, e.endsAt)}
      </Fact>
      <Fact icon="place" label={t("easyRead.event.place")}>
        {e.kind === "online" ? t("easyRead.event.online") : <span lang={contentLang(locale, where)}>{where}</span>}
      </Fact>
    </>
  );
}

/** The help an event offers, each with its picture; with `max`, the first few and how many more (the event's page lists all). */
export function ArrangementList({ arrangements, max }: { arrangements: string[]; max?: number }) {
  const { t } = useI18n();
  const shown = max ? arrangements.slice(0, max) : arrangements;
  return (
    <>
      <ul className="easy-help-list">
        {shown.map((a) => (
          <li key={a}>
            <EasyIcon name={ARRANGEMENT_ICONS[a as Arrangement] ?? "check"} />
            <span>{t(`events.arrangement.${a as Arrangement}`)}</span>
          </li>
        ))}
      </ul>
      {arrangements.length > shown.length ? <p>{counted(t, "easyRead.vacancy.helpMore", arrangements.length - shown.length)}</p> : null}
    </>
  );
}

/** The events list in easy read: what a job fair is, then the coming ones with day, time, place, seats and help. */
export function EasyEvents() {
  const { t, locale } = useI18n();
  const { upcoming, past, now } = useLoaderData<typeof loader>();
  return (
    <EasyPage>
      <h1 className="easy-title">{t("easyRead.events.title")}</h1>
      <Lines lines={[t("easyRead.events.line1"), t("easyRead.events.line2"), t("easyRead.events.line3")]} />

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="easy-section-title">
          {t("easyRead.events.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="notice">{t("easyRead.events.none")}</p>
        ) : (
          <ul className="easy-results">
            {upcoming.map((e) => {
              const seatsLeft = Math.max(0, e.capacity - e.registered);
              const closed = now > e.registrationDeadline;
              const ended = e.endsAt < now;
              return (
                <li key={e.id}>
                  <article className="easy-card" aria-labelledby={`event-${e.id}`}>
                    <h3 id={`event-${e.id}`} className="easy-card-title">
                      <Link to={`/events/${e.id}`} lang={contentLang(locale, e.title)}>
                        {e.title}
                      </Link>
                    </h3>
                    <p className="mb-2">{t(`easyRead.event.kind.${e.kind}`)}</p>
                    <EventWhenWhere e={e} />
                    {ended ? (
                      <Fact icon="info">{t("easyRead.event.ended")}</Fact>
                    ) : e.kind === "competition" ? null : closed ? (
                      <Fact icon="cross">{seatsLeft > 0 ? t("easyRead.event.closed") : t("easyRead.event.fullClosed")}</Fact>
                    ) : (
                      <>
                        <Fact icon="ticket">{seatsLeft > 0 ? counted(t, "easyRead.event.seats", seatsLeft, "left") : t("easyRead.event.full")}</Fact>
                        <Fact icon="calendar">{t("easyRead.event.deadline", { time: formatDateTime(locale, e.registrationDeadline) })}</Fact>
                      </>
                    )}
                    {e.arrangements.length ? (
                      <>
                        <p className="mt-2 font-bold">{t("easyRead.event.helpHere")}</p>
                        <ArrangementList arrangements={e.arrangements} max={4} />
                      </>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {past.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title" className="easy-section-title">
            {t("easyRead.events.past")}
          </h2>
          <ul className="easy-lines">
            {past.map((e) => (
              <li key={e.id}>
                <Link to={`/events/${e.id}`} lang={contentLang(locale, e.title)}>
                  {e.title}
                </Link>
                <span className="text-muted"> · {formatDate(locale, e.startsAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </EasyPage>
  );
}
