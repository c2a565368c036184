import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { EasyEvents } from "~/components/easy-read/easy-events";
import { contentLang } from "~/components/content-lang";
import { Icon } from "~/components/icon";
import { timeRange } from "~/components/events/time-range";
import { pageTitle } from "~/components/meta";
import { useDisplay } from "~/components/use-display";
import type { EVENT_ARRANGEMENTS } from "~/domain/events/events.schema";
import { listPublicEvents, type EventSummary } from "~/domain/events/events.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { publicPageHeaders } from "~/http/page-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventsPublic.list.title");

// Public, signed in or not: published events only.
// Public: a visitor without a session may be answered from the page cache (decision 017).
export const headers = publicPageHeaders;

export async function loader(_: LoaderFunctionArgs) {
  const now = new Date();
  const { upcoming, past } = await listPublicEvents(await getDb(), now);
  return { upcoming, past, now };
}

/** One event: "2026年12月5日 09:00 至 12:00" in Beijing time (i18n/dates); the end's date is repeated only when it is another day. */
function EventItem({ event: e, now }: { event: EventSummary; now: Date }) {
  const { t, locale } = useI18n();
  const seatsLeft = Math.max(0, e.capacity - e.registered);
  const ended = e.endsAt < now;
  const titleId = `event-${e.id}`;
  return (
    <li>
      <article className="card" aria-labelledby={titleId}>
        <h3 id={titleId} className="mb-1 text-xl font-bold">
          <Link to={`/events/${e.id}`} lang={contentLang(locale, e.title)}>
            {e.title}
          </Link>
        </h3>
        <p className="mb-2">
          <span className="tag tag-info">{t(`events.kind.${e.kind}`)}</span>
          {ended ? <span className="tag tag-muted ml-2">{t("eventsPublic.status.ended")}</span> : null}
          {!ended && now > e.registrationDeadline ? (
            <span className="tag tag-muted ml-2">{t("eventsPublic.status.closed")}</span>
          ) : null}
        </p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">
            <Icon name="calendar" /> {t("eventsPublic.time")}
          </dt>
          <dd>{timeRange(t, locale, e.startsAt, e.endsAt)}</dd>
          <dt className="font-bold">
            <Icon name="place" /> {t("eventsPublic.place")}
          </dt>
          <dd lang={e.kind === "online" ? undefined : contentLang(locale, e.venue + e.place)}>
            {e.kind === "online" ? t("eventsPublic.online") : t("eventsPublic.placeValue", { venue: e.venue, place: e.place })}
          </dd>
          <dt className="font-bold">{t("eventsPublic.arrangements")}</dt>
          <dd>
            {e.arrangements.length ? (
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {e.arrangements.map((a) => (
                  <li key={a} className="flex items-center gap-1">
                    <Icon name="check" />
                    {t(`events.arrangement.${a as (typeof EVENT_ARRANGEMENTS)[number]}`)}
                  </li>
                ))}
              </ul>
            ) : (
              t("eventsPublic.arrangements.none")
            )}
          </dd>
          {/* A competition's places are counted per person over its categories, not as seats: its page says so. */}
          {!ended && e.kind !== "competition" ? (
            <>
              <dt className="font-bold">{t("eventsPublic.seats")}</dt>
              <dd>
                {seatsLeft > 0
                  ? t("eventsPublic.seatsValue", { left: seatsLeft, capacity: e.capacity })
                  : t(now > e.registrationDeadline ? "eventsPublic.seatsFullClosed" : "eventsPublic.seatsFull", { capacity: e.capacity })}
              </dd>
              <dt className="font-bold">{t("eventsPublic.deadline")}</dt>
              <dd>{formatDateTime(locale, e.registrationDeadline)}</dd>
            </>
          ) : null}
        </dl>
      </article>
    </li>
  );
}

export default function Events() {
  const { t } = useI18n();
  const { upcoming, past, now } = useLoaderData<typeof loader>();
  const display = useDisplay();
  if (display.easyRead) return <EasyEvents />;
  return (
    <div>
      <h1 className="page-title">{t("eventsPublic.list.title")}</h1>
      <p className="lead max-w-3xl">{t("eventsPublic.list.lead")}</p>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="section-title">
          {t("eventsPublic.list.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="notice">{t("eventsPublic.list.empty")}</p>
        ) : (
          <ul className="grid gap-4">
            {upcoming.map((e) => (
              <EventItem key={e.id} event={e} now={now} />
            ))}
          </ul>
        )}
      </section>

      {past.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title" className="section-title">
            {t("eventsPublic.list.past")}
          </h2>
          <ul className="grid gap-4">
            {past.map((e) => (
              <EventItem key={e.id} event={e} now={now} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
