import { useForm } from "@conform-to/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { EasyHome } from "~/components/easy-read/easy-home";
import { timeRange } from "~/components/events/time-range";
import { Field } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import { RegionPicker } from "~/components/region-picker";
import { useDisplay } from "~/components/use-display";
import { listPublicEvents } from "~/domain/events/events.server";
import { parseSearchParams } from "~/domain/search/search.schema";
import { searchVacancies } from "~/domain/search/search.server";
import { listRegionChoices } from "~/domain/seekers/seekers.server";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { publicPageHeaders } from "~/http/page-cache";

export const meta: MetaFunction = ({ matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t("site.name")} - ${t("site.tagline")}` }, { name: "description", content: t("home.description") }];
};

/** How many coming events the home page lists. */
const HOME_EVENTS = 3;

// Public. The count is the search page's own (open vacancies of verified employers, not past their closing date).
// Public: a visitor without a session may be answered from the page cache (decision 017).
export const headers = publicPageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  const db = await getDb();
  const [open, events, regions] = await Promise.all([
    searchVacancies(db, null, parseSearchParams(new URLSearchParams()).params, { facets: false, pageSize: 1 }),
    listPublicEvents(db),
    listRegionChoices(db),
  ]);
  return {
    openVacancies: open.total,
    events: events.upcoming.slice(0, HOME_EVENTS),
    prefectures: regions.prefectures,
    role: context.auth?.user.role ?? null,
  };
}

export default function Home() {
  const { t, locale } = useI18n();
  const { openVacancies, events, prefectures, role } = useLoaderData<typeof loader>();
  const display = useDisplay();
  if (display.easyRead) return <EasyHome />;
  return (
    <div>
      <h1 className="page-title text-4xl">{t("home.title")}</h1>
      <p className="lead max-w-3xl">{t("home.lead")}</p>

      <div className="mb-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <HomeSearch prefectures={prefectures} role={role} openVacancies={openVacancies} />

        <section aria-labelledby="home-events-title">
          <h2 id="home-events-title" className="mb-3 text-[1.375rem] font-bold">
            {t("home.events.title")}
          </h2>
          {events.length === 0 ? (
            <p>{t("home.events.none")}</p>
          ) : (
            <ul className="mb-3 grid gap-3">
              {events.map((e) => (
                <li key={e.id} className="border-l-4 border-line pl-3">
                  <p className="font-bold">
                    <Link to={`/events/${e.id}`} lang={contentLang(locale, e.title)}>
                      {e.title}
                    </Link>
                  </p>
                  <p className="flex items-start gap-1">
                    <Icon name="calendar" className="mt-[0.2em] inline-block h-[1.25em] w-[1.25em] shrink-0" />
                    <span>{timeRange(t, locale, e.startsAt, e.endsAt)}</span>
                  </p>
                  <p className="flex items-start gap-1">
                    <Icon name="place" className="mt-[0.2em] inline-block h-[1.25em] w-[1.25em] shrink-0" />
                    {e.kind === "online" ? (
                      <span>{t("home.events.online")}</span>
                    ) : (
                      <span lang={contentLang(locale, e.place)}>{e.place}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/events">{t("home.events.all")}</Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="home-audience-title">
        <h2 id="home-audience-title" className="section-title">
          {t("home.audience.title")}
        </h2>
        <AudienceCards role={role} />
      </section>
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The search box: keyword and place (prefecture then county, as on the search page: one grouped list without
 * JavaScript, see region-picker.tsx), and the way in by the support one needs.
 */
function HomeSearch({ prefectures, role, openVacancies }: { prefectures: LoaderData["prefectures"]; role: string | null; openVacancies: number }) {
  const { t } = useI18n();
  const [, fields] = useForm<{ q: string; region: string }>({ id: "home-search" });
  return (
    <section aria-labelledby="home-search-title" className="card">
      <h2 id="home-search-title" className="mb-3 text-[1.375rem] font-bold">
        {t("home.search.title")}
      </h2>
      <p className="mb-4 font-bold">{t("home.open.count", { count: openVacancies })}</p>
      <Form method="get" action="/vacancies" role="search" aria-label={t("search.form.label")}>
        <Field meta={fields.q} label={t("search.q")} hint={t("search.qHint")} type="search" maxLength={100} />
        <RegionPicker
          meta={fields.region}
          label={t("search.region")}
          placeholder={t("search.regionAny")}
          prefectures={prefectures}
          wholePrefecture={(p) => t("search.regionWhole", { name: p.name })}
        />
        <p className="mb-4">
          <button type="submit" className="button">
            {t("home.search.submit")}
          </button>
        </p>
      </Form>
      <ul className="grid gap-1">
        <li>
          {role === "seeker" ? (
            <Link to="/vacancies?show=eligible">{t("home.search.suitsMe")}</Link>
          ) : (
            <Link to="/vacancies?needs=1#search-needs">{t("home.search.byNeeds")}</Link>
          )}
        </li>
        <li>
          <Link to="/vacancies">{t("home.open.all")}</Link>
        </li>
      </ul>
    </section>
  );
}

/** One card per audience, each a link to where that audience starts (register, sign in, or their own pages). */
function AudienceCards({ role }: { role: string | null }) {
  const { t } = useI18n();
  const cards = [
    {
      key: "seeker",
      title: t("home.audience.seeker"),
      text: t("home.forSeekers.text"),
      ...(role ? { to: "/vacancies", action: t("home.audience.seeker.search") } : { to: "/register", action: t("home.audience.seeker.register") }),
    },
    {
      key: "employer",
      title: t("home.audience.employer"),
      text: t("home.forEmployers.text"),
      // Signed in with another role, registering is not open to them: the levy calculator is what employers use openly.
      ...(role === "employer"
        ? { to: "/employer", action: t("home.audience.employer.manage") }
        : role
          ? { to: "/levy", action: t("home.audience.employer.levy") }
          : { to: "/register", action: t("home.audience.employer.register") }),
    },
    {
      key: "staff",
      title: t("home.audience.staff"),
      text: t("home.forStaff.text"),
      ...(role ? { to: "/dashboard", action: t("home.audience.staff.dashboard") } : { to: "/login", action: t("home.audience.staff.signIn") }),
    },
  ];
  return (
    <ul className="grid gap-4 md:grid-cols-3">
      {cards.map((c) => (
        // The whole card is the link's target area; the link's words say where it goes.
        <li key={c.key} className="card relative flex flex-col">
          <h3 className="mb-2 text-xl font-bold">{c.title}</h3>
          <p className="mb-3 flex-1">{c.text}</p>
          <p className="font-bold">
            <Link to={c.to} className="after:absolute after:inset-0 after:content-['']">
              {c.action}
              <span aria-hidden="true"> →</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
