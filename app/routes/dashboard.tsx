import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { pageTitle } from "~/components/meta";
import { VacancyCard } from "~/components/vacancy-card";
import { NO_CONTACT_DAYS, DUE_HORIZON_DAYS } from "~/domain/counseling/counseling.schema";
import { CLOSING_SOON_DAYS, dashboardSummary, RECENT_DAYS } from "~/domain/dashboard/dashboard.server";
import { divisionName } from "~/domain/divisions/divisions.server";
import { formatYuanText } from "~/domain/quota/parameters.schema";
import { indicatorName } from "~/domain/statistics/indicators";
import { formatFigure, isRateIndicator } from "~/domain/statistics/report-format";
import { requireActor } from "~/http/guards.server";
import { formatDate, formatDateTime } from "~/i18n/dates";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

// Counts of one's own work, and for counselors names of their caseload: never cached.
export const headers = () => ({ "Cache-Control": "no-store" });

const NOTICES = { created: "dashboard.createdNotice", "signed-in": "dashboard.signedInNotice" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const user = context.auth!.user;
  const db = await getDb();
  const done = new URL(request.url).searchParams.get("done");
  const [summary, regionName] = await Promise.all([
    dashboardSummary(db, actor, new Date(), { ip: context.ip }),
    actor.role === "counselor" || actor.role === "admin" ? divisionName(db, actor.regionCode) : Promise.resolve(null),
  ]);
  return {
    name: user.displayName ?? user.phone ?? user.email ?? "",
    regionName,
    summary,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
    // The windows the counts are over, for the words (the constants live in server-only code).
    days: { closing: CLOSING_SOON_DAYS, recent: RECENT_DAYS },
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Summary<R extends Data["summary"]["role"]> = Extract<Data["summary"], { role: R }>;

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/**
 * A catalog sentence with parts that are elements: `{count}` in large type, user-typed names marked with their
 * language. The sentence is read as one (it stays one link), only its look changes.
 */
function Rich({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/\{(\w+)\}/);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece}</Fragment>
      ))}
    </>
  );
}

/** `key.one` or `key.other` by the count (English needs both; the Chinese is the same). */
function plural<K extends string>(base: K, count: number): MessageKey {
  return `${base}.${count === 1 ? "one" : "other"}` as MessageKey;
}

function Count({ n }: { n: number }) {
  return <span className="text-2xl leading-none">{n}</span>;
}

/** Text people typed (titles, names), marked zh-CN on an English page. */
function Typed({ text }: { text: string }) {
  const { locale } = useI18n();
  return <span lang={contentLang(locale, text)}>{text}</span>;
}

/**
 * A task's box: the card's look in utilities, with a thick accent on the left (the `.card` class sets its border in
 * unlayered CSS, which would win over the accent utility).
 */
const TASK_CARD = "rounded-lg border border-l-8 border-line bg-bg p-4 sm:p-5";

/** One thing to do: a link whose words hold the count, and optionally the items behind it. */
function Task({ to, text, count, vars = {}, urgent = false, hint, children }: { to: string; text: MessageKey; count: number; vars?: Record<string, ReactNode>; urgent?: boolean; hint?: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <li className={`${TASK_CARD} ${urgent ? "border-l-danger" : "border-l-brand"}`}>
      <Link to={to} className="text-lg font-bold">
        <Rich text={t(text)} parts={{ count: <Count n={count} />, ...vars }} />
      </Link>
      {hint ? <p className="mt-1 text-muted">{hint}</p> : null}
      {children}
    </li>
  );
}

function SubList({ children }: { children: ReactNode }) {
  return <ul className="mt-2 grid list-disc gap-1 pl-6">{children}</ul>;
}

function Tasks({ items, next }: { items: ReactNode[]; next: { to: string; label: string }[] }) {
  const { t } = useI18n();
  const shown = items.filter(Boolean);
  return (
    <section aria-labelledby="tasks-title" className="mb-8">
      <h2 id="tasks-title" className="section-title">
        {t("dashboard.tasks.title")}
      </h2>
      {shown.length ? (
        <ul className="grid gap-3">{shown}</ul>
      ) : (
        <div className="notice">
          <p className="mb-2 font-bold">{t("dashboard.tasks.none")}</p>
          <p className="mb-1">{t("dashboard.tasks.next")}</p>
          <ul className="list-disc pl-6">
            {next.map((n) => (
              <li key={n.to}>
                <Link to={n.to}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A figure: a sentence and where to see more. */
function Figure({ children, to, link }: { children: ReactNode; to?: string; link?: string }) {
  return (
    <li>
      {children}
      {to && link ? (
        <>
          {" "}
          <Link to={to}>{link}</Link>
        </>
      ) : null}
    </li>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The page

export default function Dashboard() {
  const { t, locale } = useI18n();
  const { name, regionName, summary, notice } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-4xl">
      <h1 className="page-title">{t("dashboard.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="mb-4 text-lg">
        <Rich text={t("dashboard.welcome")} parts={{ name: <span lang={contentLang(locale, name)}>{name}</span> }} />
        {regionName ? (
          <>
            {locale === "en" ? " " : ""}
            <Rich text={t("dashboard.region")} parts={{ region: <Typed text={regionName} /> }} />
          </>
        ) : null}
        <span className="block text-base text-muted">{t("dashboard.role", { role: t(`role.${summary.role}`) })}</span>
      </p>
      {summary.role === "seeker" ? <SeekerView s={summary} /> : null}
      {summary.role === "employer" ? <EmployerView s={summary} /> : null}
      {summary.role === "counselor" ? <CounselorView s={summary} regionName={regionName} /> : null}
      {summary.role === "admin" ? <AdminView s={summary} regionName={regionName} /> : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Seekers

function SeekerView({ s }: { s: Summary<"seeker"> }) {
  const { t, locale } = useI18n();
  const regionMissing = s.profileMissing.some((m) => m.step === "region");
  const tasks = [
    s.profileMissing.length ? (
      <Task key="profile" to="/profile" text={plural("dashboard.seeker.profile", s.profileMissing.length)} count={s.profileMissing.length} hint={t("dashboard.seeker.profile.hint")}>
        <SubList>
          {s.profileMissing.map((m) => (
            <li key={m.step}>
              <Link to={`/profile/${m.step}`}>{t(`dashboard.seeker.section.${m.status}`, { section: t(`seekers.step.${m.step}`) })}</Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    s.unreadMessages ? <Task key="messages" to="/my-plan#messages" text={plural("dashboard.seeker.messages", s.unreadMessages)} count={s.unreadMessages} /> : null,
    s.invitations ? <Task key="invitations" to="/job-invitations" text={plural("dashboard.seeker.invitations", s.invitations)} count={s.invitations} /> : null,
    s.referrals ? <Task key="referrals" to="/referrals" text={plural("dashboard.seeker.referrals", s.referrals)} count={s.referrals} /> : null,
    s.suitable === null && !regionMissing ? (
      <li key="place" className={`${TASK_CARD} border-l-brand`}>
        <Link to="/profile/region" className="text-lg font-bold">
          {t("dashboard.seeker.placeUnknown")}
        </Link>
      </li>
    ) : null,
    s.suitable ? <Task key="suitable" to="/vacancies" text={plural("dashboard.seeker.suitable", s.suitable)} count={s.suitable} /> : null,
  ];
  return (
    <>
      <Tasks
        items={tasks}
        next={[
          { to: "/vacancies", label: t("dashboard.seeker.next.search") },
          { to: "/events", label: t("dashboard.seeker.next.events") },
          { to: "/training", label: t("dashboard.seeker.next.training") },
        ]}
      />
      {s.interviews.total || s.events.total ? (
        <Section id="upcoming" title={t("dashboard.upcoming.title")}>
          {s.interviews.total ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{t(plural("dashboard.seeker.interviews", s.interviews.total), { count: s.interviews.total })}</h3>
              <ul className="mb-4 grid list-disc gap-1 pl-6">
                {s.interviews.items.map((i) => (
                  <li key={`${i.id}-${String(i.startsAt)}`}>
                    <Link to={`/events/${i.id}`}>
                      <Rich text={t("dashboard.seeker.interview")} parts={{ time: formatDateTime(locale, i.startsAt), organization: <Typed text={i.organizationName} />, event: <Typed text={i.title} /> }} />
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {s.events.total ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{t(plural("dashboard.seeker.events", s.events.total), { count: s.events.total })}</h3>
              <ul className="mb-2 grid list-disc gap-1 pl-6">
                {s.events.items.map((e) => (
                  <li key={e.id}>
                    <Link to={`/events/${e.id}`}>
                      <Rich text={t("dashboard.seeker.event")} parts={{ date: formatDate(locale, e.startsAt), event: <Typed text={e.title} /> }} />
                    </Link>
                    {e.waitlisted ? ` ${t("dashboard.seeker.event.waitlisted")}` : null}
                  </li>
                ))}
              </ul>
              {s.events.total > s.events.items.length ? (
                <p>
                  <Link to="/events">{t("dashboard.more", { count: s.events.total - s.events.items.length })}</Link>
                </p>
              ) : null}
            </>
          ) : null}
        </Section>
      ) : null}
      <Section id="figures" title={t("dashboard.figures.title")}>
        <ul className="grid gap-2">
          <Figure to="/applications" link={t("dashboard.seeker.applicationsLink")}>
            {t("dashboard.seeker.applications", { active: s.applications.active, all: s.applications.all })}
          </Figure>
          <Figure to="/profile/visibility" link={t("dashboard.seeker.discoverableLink")}>
            {t(s.discoverable ? "dashboard.seeker.discoverableOn" : "dashboard.seeker.discoverableOff")}
          </Figure>
        </ul>
      </Section>
      {s.suitable !== null ? (
        <section aria-labelledby="recommend-title" className="mb-8">
          <h2 id="recommend-title" className="section-title">
            {t("recommend.title")}
          </h2>
          <p className="mb-4">{t("recommend.lead")}</p>
          {s.recommendations.length === 0 ? (
            <p className="notice">{t("recommend.empty")}</p>
          ) : (
            <ol className="grid gap-4">
              {s.recommendations.map((v) => (
                <li key={v.id}>
                  <VacancyCard v={v} />
                </li>
              ))}
            </ol>
          )}
          <p className="mt-4">
            <Link to="/vacancies">{t("recommend.searchLink")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Employers

function EmployerView({ s }: { s: Summary<"employer"> }) {
  const { t, locale } = useI18n();
  const closingDays = useLoaderData<typeof loader>().days.closing;
  const org = s.organization;
  const verified = org?.status === "verified";
  const tasks = [
    org === null ? (
      <li key="register" className={`${TASK_CARD} border-l-brand`}>
        <Link to="/employer/register" className="text-lg font-bold">
          {t("dashboard.employer.register")}
        </Link>
        <p className="mt-1 text-muted">{t("dashboard.employer.register.hint")}</p>
      </li>
    ) : null,
    org?.status === "rejected" ? (
      <li key="rejected" className={`${TASK_CARD} border-l-danger`}>
        <Link to="/employer" className="text-lg font-bold">
          <Rich text={t("dashboard.employer.rejected")} parts={{ name: <Typed text={org.name} /> }} />
        </Link>
      </li>
    ) : null,
    s.newApplications.total ? (
      <Task key="applications" to="/employer/vacancies" text={plural("dashboard.employer.newApplications", s.newApplications.total)} count={s.newApplications.total}>
        <SubList>
          {s.newApplications.vacancies.map((v) => (
            <li key={v.id}>
              <Link to={`/employer/vacancies/${v.id}/applicants?status=submitted`}>
                <Rich text={t(plural("dashboard.employer.newApplications.vacancy", v.count))} parts={{ title: <Typed text={v.title} />, count: v.count }} />
              </Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    s.closingSoon.total ? (
      <Task key="closing" to="/employer/vacancies" text={plural("dashboard.employer.closing", s.closingSoon.total)} count={s.closingSoon.total} vars={{ days: closingDays }}>
        <SubList>
          {s.closingSoon.items.map((v) => (
            <li key={v.id}>
              <Link to={`/employer/vacancies/${v.id}/edit`}>
                <Rich text={t("dashboard.employer.closing.vacancy")} parts={{ title: <Typed text={v.title} />, date: formatDate(locale, v.closingDate) }} />
              </Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    s.drafts ? <Task key="drafts" to="/employer/vacancies" text={plural("dashboard.employer.drafts", s.drafts)} count={s.drafts} /> : null,
  ];
  return (
    <>
      {verified ? (
        <p className="mb-6">
          <Link to="/employer/vacancies/new" className="button px-6 py-3 text-lg">
            <span aria-hidden="true" className="mr-2 text-2xl leading-none">
              +
            </span>
            {t("dashboard.employer.post")}
          </Link>
        </p>
      ) : null}
      {org?.status === "pending" ? (
        <div className="notice">
          <p className="mb-1 font-bold">
            <Rich text={t("dashboard.employer.pending")} parts={{ name: <Typed text={org.name} /> }} />
          </p>
          <p className="mb-1">{t("dashboard.employer.pending.hint")}</p>
          <p className="m-0">
            <Link to="/employer">{t("dashboard.employer.pending.link")}</Link>
          </p>
        </div>
      ) : null}
      <Tasks
        items={tasks}
        next={[
          ...(verified ? [{ to: "/employer/vacancies", label: t("dashboard.employer.next.candidates") }] : []),
          { to: "/events", label: t("dashboard.employer.next.events") },
          { to: "/employer/quota", label: t("dashboard.employer.quota.link") },
        ]}
      />
      {s.interviews.total || s.events.length ? (
        <Section id="upcoming" title={t("dashboard.upcoming.title")}>
          {s.interviews.total ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{t(plural("dashboard.employer.interviews", s.interviews.total), { count: s.interviews.total })}</h3>
              <ul className="mb-4 grid list-disc gap-1 pl-6">
                {s.interviews.events.map((e) => (
                  <li key={e.id}>
                    <Link to={`/employer/events/${e.id}`}>
                      <Rich text={t(plural("dashboard.employer.interviews.event", e.count))} parts={{ event: <Typed text={e.title} />, count: e.count, time: formatDateTime(locale, e.startsAt) }} />
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {s.events.length ? (
            <>
              <h3 className="mb-2 text-lg font-bold">{t("dashboard.employer.events.title")}</h3>
              <ul className="grid list-disc gap-1 pl-6">
                {s.events.map((e) => (
                  <li key={e.id}>
                    <Link to={`/employer/events/${e.id}`}>
                      <Rich text={t("dashboard.employer.event")} parts={{ date: formatDate(locale, e.startsAt), event: <Typed text={e.title} /> }} />
                    </Link>
                    {e.approved ? null : ` ${t("dashboard.employer.event.pending")}`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}
      {org ? (
        <Section id="figures" title={t("dashboard.figures.title")}>
          <ul className="grid gap-2">
            {verified ? (
              <Figure to="/employer/vacancies" link={t("dashboard.employer.openVacanciesLink")}>
                {t("dashboard.employer.openVacancies", { count: s.openVacancies })}
              </Figure>
            ) : null}
          </ul>
          {s.quota ? <QuotaFigure q={s.quota} /> : null}
        </Section>
      ) : null}
    </>
  );
}

/** The year's quota position in words, with the saving per additional hire (figures from /employer/quota's engine). */
function QuotaFigure({ q }: { q: NonNullable<Summary<"employer">["quota"]> }) {
  const { t } = useI18n();
  const levy = q.levy;
  const saving = q.savingPerHire !== null && q.savingPerHire !== "0.00" && !q.savingPerHire.startsWith("-") ? q.savingPerHire : null;
  return (
    <div className="card mt-4">
      <h3 className="mb-2 text-lg font-bold">{t("dashboard.employer.quota.title", { year: q.dataYear })}</h3>
      {levy === null ? (
        <p className="mb-2">{t("dashboard.employer.quota.noInputs")}</p>
      ) : (
        <>
          <p className="mb-1">
            {t(levy.exemptReason === "quota_met" || Number(levy.shortfall) <= 0 ? "dashboard.employer.quota.met" : "dashboard.employer.quota.short", {
              required: levy.required,
              counted: levy.counted,
              shortfall: levy.shortfall,
            })}
          </p>
          {levy.exemptReason === "enterprise_staff_le_30" ? (
            <p className="mb-1">{t("dashboard.employer.quota.small")}</p>
          ) : (
            <p className="mb-1">
              {t(levy.upperBound ? "dashboard.employer.quota.payableAtMost" : "dashboard.employer.quota.payable", { levyYear: q.levyYear, amount: formatYuanText(levy.payable) })}
            </p>
          )}
          {saving ? <p className="mb-1 font-bold">{t("dashboard.employer.quota.saving", { amount: formatYuanText(saving) })}</p> : null}
        </>
      )}
      <p className="m-0">
        <Link to="/employer/quota">{t("dashboard.employer.quota.link")}</Link>
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Counselors

function CounselorView({ s, regionName }: { s: Summary<"counselor">; regionName: string | null }) {
  const { t } = useI18n();
  const recent = useLoaderData<typeof loader>().days.recent;
  const answered = s.referralsAnswered.accepted + s.referralsAnswered.declined;
  const tasks = [
    s.overdue ? <Task key="overdue" to="/follow-up" text={plural("dashboard.counselor.overdue", s.overdue)} count={s.overdue} urgent /> : null,
    s.messages.total ? (
      <Task key="messages" to={s.messages.people.length === 1 ? `/clients/${s.messages.people[0]!.seekerId}#messages` : "/caseload"} text={plural("dashboard.counselor.messages", s.messages.total)} count={s.messages.total}>
        <SubList>
          {s.messages.people.map((p) => (
            <li key={p.seekerId}>
              <Link to={`/clients/${p.seekerId}#messages`}>
                <Rich text={t(plural("dashboard.counselor.messages.person", p.count))} parts={{ name: <Typed text={p.name || t("client.unnamed")} />, count: p.count }} />
              </Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    s.dueSoon ? <Task key="due" to="/follow-up" text={plural("dashboard.counselor.dueSoon", s.dueSoon)} count={s.dueSoon} vars={{ days: DUE_HORIZON_DAYS }} /> : null,
    s.noContact ? (
      <Task key="noContact" to="/caseload?filter=noContact&sort=lastContact" text={plural("dashboard.counselor.noContact", s.noContact)} count={s.noContact} vars={{ days: NO_CONTACT_DAYS }} />
    ) : null,
    s.newAssignments.total ? (
      <Task key="assigned" to="/caseload" text={plural("dashboard.counselor.newAssignments", s.newAssignments.total)} count={s.newAssignments.total} vars={{ days: recent }}>
        <SubList>
          {s.newAssignments.people.map((p) => (
            <li key={p.seekerId}>
              <Link to={`/clients/${p.seekerId}`}>
                <Typed text={p.name || t("client.unnamed")} />
              </Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    answered ? (
      <Task key="referrals" to={s.referralsAnswered.items.length === 1 ? `/clients/${s.referralsAnswered.items[0]!.seekerId}#referrals-title` : "/caseload"} text={plural("dashboard.counselor.referrals", answered)} count={answered} vars={{ days: recent }}>
        <SubList>
          {s.referralsAnswered.items.map((r, i) => (
            <li key={`${r.seekerId}-${i}`}>
              <Link to={`/clients/${r.seekerId}#referrals-title`}>
                <Rich text={t(`dashboard.counselor.referral.${r.status}`)} parts={{ name: <Typed text={r.name || t("client.unnamed")} />, vacancy: <Typed text={r.vacancyTitle} /> }} />
              </Link>
            </li>
          ))}
        </SubList>
      </Task>
    ) : null,
    s.verificationPending ? <Task key="verification" to="/verification" text={plural("dashboard.counselor.verification", s.verificationPending)} count={s.verificationPending} /> : null,
  ];
  return (
    <>
      <Tasks
        items={tasks}
        next={[
          { to: "/caseload", label: t("dashboard.counselor.next.caseload") },
          { to: "/vacancies", label: t("dashboard.counselor.next.vacancies") },
          { to: "/events", label: t("dashboard.counselor.next.events") },
        ]}
      />
      <Section id="figures" title={t("dashboard.figures.title")}>
        <ul className="grid gap-2">
          <Figure to="/caseload" link={t("dashboard.counselor.caseloadLink")}>
            {t("dashboard.counselor.caseload", { count: s.caseload, notEmployed: s.notEmployed })}
          </Figure>
        </ul>
      </Section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Admins

function AdminView({ s, regionName }: { s: Summary<"admin">; regionName: string | null }) {
  const { t } = useI18n();
  const tasks = [
    s.pendingOrganizations ? <Task key="organizations" to="/admin/organizations" text={plural("dashboard.admin.organizations", s.pendingOrganizations)} count={s.pendingOrganizations} /> : null,
    s.declarationsWaiting ? <Task key="declarations" to="/admin/quota?status=submitted" text={plural("dashboard.admin.declarations", s.declarationsWaiting)} count={s.declarationsWaiting} /> : null,
    s.objectionsOpen ? (
      <Task key="objections" to={s.objectionsYear ? `/admin/quota/objections/${s.objectionsYear}` : "/admin/quota"} text={plural("dashboard.admin.objections", s.objectionsOpen)} count={s.objectionsOpen} />
    ) : null,
    s.newFeedback ? <Task key="feedback" to="/admin/feedback" text={plural("dashboard.admin.feedback", s.newFeedback)} count={s.newFeedback} /> : null,
  ];
  return (
    <>
      <Tasks
        items={tasks}
        next={[
          { to: "/statistics", label: t("dashboard.admin.next.statistics") },
          { to: "/admin/events", label: t("dashboard.admin.next.events") },
          { to: "/admin/staff", label: t("dashboard.admin.next.staff") },
        ]}
      />
      {s.year !== null ? <Headlines s={s} /> : null}
      <Section id="links" title={t("dashboard.admin.links")}>
        <ul className="grid list-disc gap-1 pl-6">
          <Figure>
            <Link to="/admin/staff">{t("nav.staff")}</Link>
          </Figure>
          <Figure>
            <Link to="/caseloads">{t("nav.caseloads")}</Link>
          </Figure>
          <Figure>
            <Link to="/graduates">{t("nav.graduates")}</Link>
          </Figure>
        </ul>
      </Section>
    </>
  );
}

/** The admin's region's headline figures for the year. */
function Headlines({ s }: { s: Summary<"admin"> }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="plan-title" className="mb-8">
      <h2 id="plan-title" className="section-title">
        {t("statsReport.dashboard.title", { year: s.year ?? "" })}
      </h2>
      <dl className="mb-4 grid gap-4 sm:grid-cols-2">
        {s.headlines.map((h) => {
          const rate = isRateIndicator(h.code);
          return (
            <div key={h.code} className="card">
              <dt className="font-bold">{indicatorName(h.code, locale)}</dt>
              <dd className="text-2xl">{h.actual === null ? t("statsReport.notRecorded") : formatFigure(locale, h.actual, rate)}</dd>
              {rate && h.denominator !== undefined ? <dd>{t("statsReport.dashboard.ofPeople", { numerator: h.numerator ?? 0, denominator: h.denominator })}</dd> : null}
              <dd>{h.target === null ? t("statsReport.dashboard.noTarget") : t("statsReport.dashboard.target", { target: formatFigure(locale, h.target, rate) })}</dd>
              {h.breakdown?.length ? (
                <dd>
                  <ul className="mt-2 list-disc pl-5">
                    {h.breakdown.map((b) => (
                      <li key={b.key}>{t("statsReport.dashboard.byForm", { form: t(`employment.form.${b.key}` as MessageKey), count: b.value })}</li>
                    ))}
                  </ul>
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
      {s.verificationBacklog !== null ? <p className="mb-2">{t("dashboard.admin.backlog", { count: s.verificationBacklog })}</p> : null}
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Link to="/statistics">{t("statsReport.dashboard.statisticsLink")}</Link>
        <Link to="/statistics/snapshots">{t("statsReport.snapshots.title")}</Link>
        <Link to={`/statistics/report/${s.year}`}>{t("statsReport.annual.title")}</Link>
      </p>
    </section>
  );
}

