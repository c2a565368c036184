import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { AssessmentsSection } from "~/components/counseling/assessments";
import { Icon } from "~/components/icon";
import { MessageForm, MessageList } from "~/components/messages/thread";
import { pageTitle } from "~/components/meta";
import { MaskedValue } from "~/components/seekers/profile-ui";
import { ACCOMMODATIONS, DISABILITY_CATEGORIES, DISABILITY_GRADES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
import { assessmentsOf } from "~/domain/counseling/assessments.server";
import { getClientOverview } from "~/domain/counseling/client.server";
import { MESSAGE_INTENT, messageSchema } from "~/domain/messages/messages.schema";
import { clientThread, requireThreadWriter, sendMessage } from "~/domain/messages/messages.server";
import type { TrainingKind } from "~/domain/realname/verification.schema";
import { formatCalendarDate, formatDay } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "client.overview.title");
// The page shows disability data and the plan: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

const DONE = ["service", "plan", "referral", "checkpoint", "assessment"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // Only the seeker's current counselor: the domain call checks first and answers 404 to anyone else.
  const db = await getDb();
  const overview = await getClientOverview(db, actor, params.seekerId ?? "", { ip: context.ip });
  const assessments = await assessmentsOf(db, actor, params.seekerId ?? "", { ip: context.ip });
  // The thread with the seeker (issue 15): read audited, what the seeker wrote becomes read.
  const thread = await clientThread(db, actor, params.seekerId ?? "", { ip: context.ip });
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    overview,
    assessments,
    thread,
    sent: url.searchParams.get("sent") === "1",
    today: todayInShanghai(),
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null,
  };
}

/** The page's one form: a message to the seeker (their current counselor only, checked before the form is read). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  // The client page is the counselor's: a seeker writes to their counselor from /my-plan, never here.
  if (actor.role !== "counselor") throw new Response("Not Found", { status: 404 });
  const db = await getDb();
  await requireThreadWriter(db, actor, seekerId);
  const formData = await request.formData();
  if (formData.get("intent") !== MESSAGE_INTENT) throw new Response("Bad Request", { status: 400 });
  const submission = parseSubmission(formData, { schema: messageSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await sendMessage(db, actor, seekerId, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/clients/${seekerId}?sent=1#messages`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Overview = Data["overview"];

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Overdue, due today, or nothing: in words, the colour only repeats them. */
function DueMark({ due, today }: { due: string; today: string }) {
  const { t } = useI18n();
  if (due < today)
    return (
      <strong className="inline-flex items-center gap-1 text-danger">
        <Icon name="cross" />
        {t("client.overdue")}
      </strong>
    );
  if (due === today) return <strong>{t("client.dueToday")}</strong>;
  return null;
}

function ProfileSection({ profile }: { profile: Overview["profile"] }) {
  const { t, locale } = useI18n();
  const notGiven = <span className="text-muted">{t("seekers.notGiven")}</span>;
  const text = (v: string | number | null | undefined) => (v == null || v === "" ? notGiven : String(v));
  const list = (items: readonly string[], labelOf: (code: string) => string = (s) => s) =>
    items.length ? items.map(labelOf).join(t("seekers.separator")) : t("seekers.none");
  const yesNo = (v: boolean) => t(v ? "seekers.yes" : "seekers.no");
  const masked = (v: { masked: string; start: string; end: string } | null) => (v ? <MaskedValue value={v} /> : notGiven);
  const { personal, disability, region, education, skills, needs, limits, preferences, family } = profile;
  const groups: [string, [string, ReactNode][]][] = [
    [
      "client.profile.personal",
      [
        [t("seekers.field.gender"), personal.gender ? t(`seekers.gender.${personal.gender}`) : notGiven],
        [t("seekers.field.birthDate"), personal.birthDate ? formatCalendarDate(locale, personal.birthDate) : notGiven],
        [t("seekers.field.idNumber"), masked(personal.idNumber)],
      ],
    ],
    [
      "client.profile.disability",
      [
        [t("seekers.field.category"), disability.category ? label(DISABILITY_CATEGORIES, disability.category, locale) : notGiven],
        [t("seekers.field.grade"), disability.grade ? label(DISABILITY_GRADES, String(disability.grade), locale) : notGiven],
        [t("seekers.field.certificateNumber"), masked(disability.certificateNumber)],
      ],
    ],
    [
      "client.profile.placeEducation",
      [
        [t("seekers.field.current"), text(region.current?.name)],
        [t("seekers.field.household"), text(region.household?.name)],
        [t("seekers.field.residence"), region.residence ? t(`seekers.residence.${region.residence}`) : notGiven],
        [
          t("seekers.field.education"),
          education.education === "none"
            ? t("seekers.education.none")
            : education.education
              ? label(EDUCATION_LEVELS, education.education, locale)
              : notGiven,
        ],
        [t("seekers.field.school"), text(education.graduateSchool)],
        [t("seekers.field.major"), text(education.graduateMajor)],
        [t("seekers.field.graduationYear"), text(education.graduationYear)],
      ],
    ],
    [
      "client.profile.work",
      [
        [t("seekers.field.employmentStatus"), t(`seekers.status.${preferences.employmentStatus}`)],
        [t("seekers.field.workTypes"), list(preferences.workTypes, (c) => label(EMPLOYMENT_TYPES, c, locale))],
        [t("seekers.field.remote"), yesNo(preferences.wantsRemote)],
        [t("seekers.field.placeScope"), t(`seekers.scope.${preferences.placeScope}`)],
        [t("seekers.field.regions"), list(preferences.preferredRegions.map((r) => r.name))],
        [t("seekers.field.pay"), preferences.expectedPay == null ? notGiven : t("seekers.prefs.payValue", { pay: preferences.expectedPay })],
        [t("seekers.field.skills"), list(skills.skills)],
        [t("seekers.field.certificates"), list(skills.certificates)],
        [t("trainingProfile.field.trainingNeeds"), list(skills.trainingNeeds, (k) => t(`trainingProfile.kindShort.${k as TrainingKind}`))],
      ],
    ],
    [
      "client.profile.needs",
      [
        [t("seekers.field.needsRequired"), list(needs.required, (c) => label(ACCOMMODATIONS, c, locale))],
        [t("seekers.field.needsPreferred"), list(needs.preferred, (c) => label(ACCOMMODATIONS, c, locale))],
        [t("seekers.field.limits"), list(limits, (c) => label(TASK_DEMANDS, c, locale))],
      ],
    ],
    [
      "client.profile.family",
      [
        [t("seekers.field.zeroEmployment"), yesNo(family.zeroEmploymentFamily)],
        [t("seekers.field.lowIncome"), yesNo(family.lowIncomeFamily)],
        [t("trainingProfile.field.poorHousehold"), yesNo(family.poorHousehold)],
      ],
    ],
  ];
  return (
    <section aria-labelledby="profile-title" className="mt-8">
      <h2 id="profile-title" className="section-title">
        {t("client.profile.title")}
      </h2>
      {!profile.exists ? (
        <p className="notice">{t("client.profile.missing")}</p>
      ) : (
        <>
          <p className="mb-3">{t("client.profile.lead")}</p>
          <div className="grid gap-4 lg:grid-cols-2">
            {groups.map(([title, rows]) => (
              <div key={title} className="card">
                <h3 className="mb-2 text-lg font-bold">{t(title as "client.profile.personal")}</h3>
                <Rows rows={rows} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function PlanSection({ plan, seekerId, today }: { plan: Overview["plan"]; seekerId: string; today: string }) {
  const { t, locale } = useI18n();
  const open = plan.actions.filter((a) => a.status === "open");
  const notGiven = <span className="text-muted">{t("seekers.notGiven")}</span>;
  return (
    <section aria-labelledby="plan-title" className="mt-8">
      <h2 id="plan-title" className="section-title">
        {t("client.plan.title")}
      </h2>
      {!plan.exists ? (
        <p className="mb-3">{t("client.plan.none")}</p>
      ) : (
        <div className="card">
          <Rows
            rows={[
              [t("client.plan.status"), <strong key="s">{t(`counseling.planStatus.${plan.status}`)}</strong>],
              [t("client.plan.goals"), plan.goals ? <span className="whitespace-pre-line">{plan.goals}</span> : notGiven],
              [t("client.plan.barriers"), plan.barriers ? <span className="whitespace-pre-line">{plan.barriers}</span> : notGiven],
            ]}
          />
          {plan.updatedAt ? (
            <p className="mt-2 text-muted">
              {plan.updatedByName
                ? t("client.plan.updatedBy", { date: formatDateTime(locale, plan.updatedAt), name: plan.updatedByName })
                : t("client.plan.updated", { date: formatDateTime(locale, plan.updatedAt) })}
            </p>
          ) : null}
          <h3 className="mt-4 mb-2 text-lg font-bold">{t("client.plan.openActions")}</h3>
          {open.length === 0 ? (
            <p>{t("client.plan.noOpenActions")}</p>
          ) : (
            <ul className="grid gap-2">
              {open.map((a) => (
                <li key={a.id} className="border-l-4 border-line pl-3">
                  <p className="m-0 font-bold">{a.description}</p>
                  <p className="m-0">
                    {t("client.action.due", { date: formatCalendarDate(locale, a.dueDate) })} <DueMark due={a.dueDate} today={today} />
                    {" · "}
                    {t("client.action.owner", { owner: t(`counseling.owner.${a.owner}`) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="mt-3">
        <Link to={`/clients/${seekerId}/plan`}>{t("client.overview.editPlan")}</Link>
      </p>
    </section>
  );
}

function ReferralsSection({ referrals }: { referrals: Overview["referrals"] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="referrals-title" className="mt-8">
      <h2 id="referrals-title" className="section-title">
        {t("client.referrals.title")}
      </h2>
      {referrals.length === 0 ? (
        <p>{t("client.referrals.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("client.referrals.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("client.referrals.col.vacancy")}</th>
                <th scope="col">{t("client.referrals.col.organization")}</th>
                <th scope="col">{t("client.referrals.col.referred")}</th>
                <th scope="col">{t("client.referrals.col.status")}</th>
                <th scope="col">{t("client.referrals.col.application")}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`/vacancies/${r.vacancyId}`}>{r.vacancyTitle}</Link>
                  </th>
                  <td>{r.organizationName}</td>
                  <td>{formatDay(locale, r.createdAt)}</td>
                  <td>
                    {t(`counseling.referralStatus.${r.status}`)}
                    {r.respondedAt ? <span className="block text-muted">{t("client.referrals.respondedOn", { date: formatDay(locale, r.respondedAt) })}</span> : null}
                  </td>
                  <td>{r.applicationStatus ? t(`applications.status.${r.applicationStatus}`) : t("client.referrals.notApplied")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FollowUpSection({ followUps, seekerId, today }: { followUps: Overview["followUps"]; seekerId: string; today: string }) {
  const { t, locale } = useI18n();
  const yesNo = (v: boolean) => t(v ? "client.yes" : "client.no");
  return (
    <section aria-labelledby="follow-up-title" className="mt-8">
      <h2 id="follow-up-title" className="section-title">
        {t("client.followUp.title")}
      </h2>
      {followUps.length === 0 ? (
        <p>{t("client.followUp.none")}</p>
      ) : (
        <>
          <p className="mb-3">{t("client.followUp.lead")}</p>
          <ul className="grid gap-4">
            {followUps.map((e) => {
              const title = e.vacancyTitle ? t("client.followUp.heading", { organization: e.organizationName, vacancy: e.vacancyTitle }) : e.organizationName;
              return (
                <li key={e.employmentId} className="card">
                  <h3 className="mb-2 text-lg font-bold">{title}</h3>
                  <Rows
                    rows={[
                      [t("employment.field.form"), t("employment.client.form", { form: t(`employment.form.${e.form}`), origin: t(`employment.origin.${e.origin}`) })],
                      [t("client.followUp.contractStart"), formatCalendarDate(locale, e.contractStart)],
                      [t("client.followUp.contractEnd"), e.contractEnd ? formatCalendarDate(locale, e.contractEnd) : t("client.followUp.noEnd")],
                      [t("client.followUp.yearOrMore"), yesNo(e.contractYearOrMore)],
                      ...(e.endedOn ? ([[t("client.followUp.endedOn"), formatCalendarDate(locale, e.endedOn)]] as [string, ReactNode][]) : []),
                    ]}
                  />
                  <p className="mt-2">
                    <Link to={`/employment-records/${e.employmentId}`}>
                      {t("employment.client.open")}
                      <span className="sr-only">{t("client.followUp.which", { organization: e.organizationName, checkpoint: t(`employment.form.${e.form}`) })}</span>
                    </Link>
                  </p>
                  <div className="mt-3 overflow-x-auto">
                    <table className="data-table">
                      <caption className="sr-only">{t("client.followUp.caption", { organization: e.organizationName })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("client.followUp.col.checkpoint")}</th>
                          <th scope="col">{t("client.followUp.col.due")}</th>
                          <th scope="col">{t("client.followUp.col.result")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.checkpoints.map((c) => {
                          const name = t("counseling.checkpoint.month", { month: c.month });
                          const href = `/clients/${seekerId}/checkpoints/${e.employmentId}/${c.month}`;
                          const sr = <span className="sr-only">{t("client.followUp.which", { organization: e.organizationName, checkpoint: name })}</span>;
                          return (
                            <tr key={c.month}>
                              <th scope="row" className="font-normal">
                                {name}
                              </th>
                              <td>{formatCalendarDate(locale, c.due)}</td>
                              <td>
                                {c.recorded ? (
                                  <>
                                    <p className="m-0">{t("client.followUp.stillEmployed", { value: yesNo(c.recorded.stillEmployed) })}</p>
                                    <p className="m-0">{t("client.followUp.contractYear", { value: yesNo(c.recorded.contractYearOrMore) })}</p>
                                    {c.recorded.note ? (
                                      <p className="m-0 whitespace-pre-line">
                                        <span className="font-bold">{t("client.followUp.note")}</span>
                                        {c.recorded.note}
                                      </p>
                                    ) : null}
                                    <p className="m-0 text-muted">{t("client.followUp.recordedAt", { date: formatDateTime(locale, c.recorded.recordedAt) })}</p>
                                    <Link to={href}>
                                      {t("client.followUp.correct")}
                                      {sr}
                                    </Link>
                                  </>
                                ) : c.moot ? (
                                  <p className="m-0">
                                    {e.endedOn
                                      ? t("client.followUp.moot", { date: formatCalendarDate(locale, e.endedOn) })
                                      : t("client.followUp.mootContract", { date: formatCalendarDate(locale, e.contractEnd ?? c.due) })}
                                  </p>
                                ) : (
                                  <>
                                    {c.due <= today ? (
                                      <p className="m-0">
                                        <DueMark due={c.due} today={today} />
                                      </p>
                                    ) : (
                                      <p className="m-0 text-muted">{t("client.followUp.notDue")}</p>
                                    )}
                                    <Link to={href}>
                                      {t("client.followUp.record")}
                                      {sr}
                                    </Link>
                                  </>
                                )}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function MessagesSection({ thread, seekerId, name, sent }: { thread: Data["thread"]; seekerId: string; name: string; sent: boolean }) {
  const { t } = useI18n();
  const lastResult = useActionData<typeof action>();
  return (
    <section id="messages" aria-labelledby="messages-title" className="mt-8">
      <h2 id="messages-title" className="section-title">
        {t("conversation.client.title")}
      </h2>
      <p className="mb-3">{t("conversation.client.lead", { name })}</p>
      {thread.messages.length === 0 ? (
        <div className="mb-6">
          <p className="mb-1 font-bold">{t("conversation.thread.empty")}</p>
          <p>{t("conversation.thread.empty.client", { name })}</p>
        </div>
      ) : (
        <MessageList messages={thread.messages} total={thread.total} reader="counselor" seekerName={name} />
      )}
      {sent && !lastResult ? (
        <p className="notice" role="status">
          {t("conversation.sent")}
        </p>
      ) : null}
      {/* Keyed by the thread's length: after a message is sent the form starts empty again. */}
      <MessageForm key={thread.total} action={`/clients/${seekerId}?index#messages`} label={t("conversation.form.label", { name })} lastResult={lastResult} />
    </section>
  );
}

function AssignmentsSection({ assignments }: { assignments: Overview["assignments"] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="assignments-title" className="mt-8">
      <h2 id="assignments-title" className="section-title">
        {t("client.assignments.title")}
      </h2>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("client.assignments.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("client.assignments.col.counselor")}</th>
              <th scope="col">{t("client.assignments.col.started")}</th>
              <th scope="col">{t("client.assignments.col.ended")}</th>
              <th scope="col">{t("client.assignments.col.note")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a, i) => (
              <tr key={`${a.startedAt}-${i}`}>
                <th scope="row" className="font-normal">
                  {a.counselorName}
                </th>
                <td>{formatDateTime(locale, a.startedAt)}</td>
                <td>{a.endedAt ? formatDateTime(locale, a.endedAt) : t("client.assignments.current")}</td>
                <td>{a.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TimelineEntry({ item }: { item: Overview["timeline"][number] }) {
  const { t, locale } = useI18n();
  // A service is dated by its calendar day; everything else by the moment it happened.
  const when = item.kind === "service" ? formatDay(locale, item.at) : formatDateTime(locale, item.at);
  const contract = (start: string, end: string | null) =>
    end
      ? t("client.timeline.contract", { start: formatCalendarDate(locale, start), end: formatCalendarDate(locale, end) })
      : t("client.timeline.contractOpen", { start: formatCalendarDate(locale, start) });
  let body: ReactNode;
  switch (item.kind) {
    case "assigned":
      body = <p className="m-0">{t(item.ended ? "client.timeline.assignedEnded" : "client.timeline.assigned", { name: item.counselorName })}</p>;
      break;
    case "service":
      body = (
        <>
          <p className="m-0 font-bold">{t(`counseling.serviceType.${item.type}`)}</p>
          {item.notes ? (
            <p className="m-0 whitespace-pre-line">
              <span className="font-bold">{t("client.timeline.notes")}</span>
              {item.notes}
            </p>
          ) : null}
          {item.outcome ? (
            <p className="m-0 whitespace-pre-line">
              <span className="font-bold">{t("client.timeline.outcome")}</span>
              {item.outcome}
            </p>
          ) : null}
          {item.counselorName ? <p className="m-0 text-muted">{t("client.timeline.serviceBy", { name: item.counselorName })}</p> : null}
        </>
      );
      break;
    case "referral":
      body = (
        <p className="m-0">
          {t("client.timeline.referral", {
            vacancy: item.vacancyTitle,
            organization: item.organizationName,
            status: t(`counseling.referralStatus.${item.status}`),
          })}
        </p>
      );
      break;
    case "application":
      body = (
        <>
          <p className="m-0">
            {t("client.timeline.application", {
              vacancy: item.vacancyTitle,
              organization: item.organizationName,
              status: t(`applications.status.${item.status}`),
            })}
          </p>
          <p className="m-0 text-muted">{t("client.timeline.source", { source: t(`applications.source.${item.source}`) })}</p>
        </>
      );
      break;
    case "hire":
      body = (
        <>
          <p className="m-0">
            {item.origin === "recorded"
              ? t("employment.client.timelineRecorded", { employer: item.organizationName, form: t(`employment.form.${item.form}`) })
              : item.vacancyTitle
                ? t("client.timeline.hireVacancy", { organization: item.organizationName, vacancy: item.vacancyTitle })
                : t("client.timeline.hire", { organization: item.organizationName })}
          </p>
          <p className="m-0">{contract(item.contractStart, item.contractEnd)}</p>
        </>
      );
      break;
    case "checkpoint":
      body = (
        <>
          <p className="m-0">
            {t("client.timeline.checkpoint", {
              organization: item.organizationName,
              checkpoint: t("counseling.checkpoint.month", { month: item.month }),
            })}
          </p>
          <p className="m-0">{t("client.followUp.stillEmployed", { value: t(item.stillEmployed ? "client.yes" : "client.no") })}</p>
          <p className="m-0">{t("client.followUp.contractYear", { value: t(item.contractYearOrMore ? "client.yes" : "client.no") })}</p>
        </>
      );
      break;
  }
  return (
    <li>
      <p className="m-0">
        <strong>{t(`client.timeline.kind.${item.kind}`)}</strong>
        <span className="text-muted">
          {" · "}
          <time dateTime={new Date(item.at).toISOString()}>{when}</time>
        </span>
      </p>
      {body}
    </li>
  );
}

export default function ClientOverviewPage() {
  const { t, locale } = useI18n();
  const { overview, assessments, thread, sent, today, done } = useLoaderData<typeof loader>();
  const { profile, plan, timeline, referrals, followUps, assignments } = overview;
  const seekerId = plan.seekerId;
  const name = plan.seekerName || t("client.unnamed");
  return (
    <div className="max-w-5xl">
      <p className="mb-2">
        <Link to="/caseload">
          <span aria-hidden="true">← </span>
          {t("client.back.caseload")}
        </Link>
      </p>
      <h1 className="page-title">{t("client.overview.heading", { name })}</h1>
      {done ? (
        <p className="notice" role="status">
          {done === "assessment" ? t("assessment.done") : t(`client.done.${done}`)}
        </p>
      ) : null}
      <p className="lead">{t("client.overview.lead")}</p>
      {plan.counselor ? <p className="mb-4">{t("client.overview.since", { date: formatDay(locale, plan.counselor.startedAt) })}</p> : null}

      <nav aria-label={t("client.overview.actions")}>
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link to={`/clients/${seekerId}/plan`} className="button">
              {t("client.overview.editPlan")}
            </Link>
          </li>
          <li>
            <a href="#messages" className="button button-secondary">
              {t("conversation.client.title")}
            </a>
          </li>
          <li>
            <Link to={`/clients/${seekerId}/plan/print`} className="button button-secondary">
              {t("client.overview.printPlan")}
            </Link>
          </li>
          <li>
            <Link to={`/clients/${seekerId}/services/new`} className="button button-secondary">
              {t("client.overview.recordService")}
            </Link>
          </li>
          <li>
            <Link to={`/clients/${seekerId}/matches`} className="button button-secondary">
              {t("client.overview.matches")}
            </Link>
          </li>
          <li>
            <Link to={`/clients/${seekerId}/verify`} className="button button-secondary">
              {t("realname.client.verify")}
            </Link>
          </li>
          <li>
            <Link to={`/clients/${seekerId}/household`} className="button button-secondary">
              {t("realname.client.household")}
            </Link>
          </li>
          <li>
            <Link to={`/employment-records/new?seeker=${seekerId}`} className="button button-secondary">
              {t("employment.client.record")}
            </Link>
          </li>
        </ul>
      </nav>

      <ProfileSection profile={profile} />
      <PlanSection plan={plan} seekerId={seekerId} today={today} />
      <MessagesSection thread={thread} seekerId={seekerId} name={name} sent={sent} />
      <AssessmentsSection seekerId={seekerId} assessments={assessments} />
      <ReferralsSection referrals={referrals} />
      <FollowUpSection followUps={followUps} seekerId={seekerId} today={today} />
      <AssignmentsSection assignments={assignments} />

      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="section-title">
          {t("client.timeline.title")}
        </h2>
        {timeline.length === 0 ? (
          <p>{t("client.timeline.empty")}</p>
        ) : (
          <>
            <p className="mb-3">{t("client.timeline.lead")}</p>
            <ol className="grid gap-4 border-l-4 border-line pl-4">
              {timeline.map((item) => (
                <TimelineEntry key={item.key} item={item} />
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
