import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { checkInSchema, decideSchema, toLocalDateTime } from "~/domain/events/events.schema";
import { checkIn, decideParticipation, eventReport, getOrganizerView, setEventStatus, type Participant } from "~/domain/events/events.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, formatTime, translator, type Locale, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "eventsAdmin.view.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data.event.title} - ${t("eventsAdmin.view.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = {
  created: "eventsAdmin.done.created",
  updated: "eventsAdmin.done.updated",
  published: "eventsAdmin.done.published",
  cancelled: "eventsAdmin.done.cancelled",
  decided: "eventsAdmin.done.decided",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const db = await getDb();
  const id = params.id ?? "";
  const url = new URL(request.url);
  // The page of registrations shown is chosen (and its read audited) by the domain.
  const [view, report] = await Promise.all([
    getOrganizerView(db, actor, id, { page: Math.trunc(Number(url.searchParams.get("page"))) || 1, ip: context.ip }),
    eventReport(db, actor, id),
  ]);
  const done = url.searchParams.get("done");
  const promoted = Math.max(0, Math.trunc(Number(url.searchParams.get("promoted"))) || 0);
  return {
    event: view.event,
    participants: view.participants,
    accessRequestCounts: view.accessRequestCounts,
    checkedIn: view.checkedIn,
    registrations: view.registrations,
    registrationTotal: view.registrationTotal,
    page: view.page,
    pageCount: view.pageCount,
    report: report.rows,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
    promoted: done === "updated" ? promoted : 0,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "publish" || intent === "cancel") {
    const result = await setEventStatus(db, actor, id, intent === "publish" ? "published" : "cancelled");
    if (!result.ok) return data({ statusError: result.fieldErrors[""]?.[0] ?? "eventsAdmin.err.status" }, { status: 400 });
    return redirect(`/admin/events/${id}?done=${intent === "publish" ? "published" : "cancelled"}`);
  }
  if (intent === "decide") {
    const submission = parseSubmission(formData, { schema: decideSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const result = await decideParticipation(db, actor, id, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return redirect(`/admin/events/${id}?done=decided`);
  }
  if (intent === "checkin") {
    const submission = parseSubmission(formData, { schema: checkInSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const code = submission.value.code;
    const result = await checkIn(db, actor, id, code, { ip: context.ip });
    // The page answers with the result itself (no redirect), so it shows without JavaScript too. A code that was
    // found clears the field for the next person; an unknown one stays, to be corrected.
    return {
      checkIn: result.outcome === "unknown" || result.outcome === "waitlisted" ? result : { ...result, at: result.at.toISOString() },
      code,
      reply: submission.reply({ resetForm: result.outcome !== "unknown" }),
    };
  }
  throw new Response("Bad Request", { status: 400 });
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** Which form an answer belongs to: conform's reply carries the submitted values, the hidden intent among them. */
function replyFor(actionData: ActionData, intent: string, participationId?: string): SubmissionResult<string[]> | undefined {
  if (!actionData) return undefined;
  if ("checkIn" in actionData) return intent === "checkin" ? actionData.reply : undefined;
  if ("statusError" in actionData) return undefined;
  const values = actionData.initialValue as Record<string, unknown> | null | undefined;
  if (values?.intent !== intent) return undefined;
  if (participationId !== undefined && values.participationId !== participationId) return undefined;
  return actionData;
}

/** "2026/12/05 09:30–12:00", or both ends in full when the event spans days (Beijing time). */
function span(locale: Locale, starts: Date | string, ends: Date | string): string {
  const sameDay = toLocalDateTime(new Date(starts)).slice(0, 10) === toLocalDateTime(new Date(ends)).slice(0, 10);
  return `${formatDateTime(locale, starts)}–${sameDay ? formatTime(locale, ends) : formatDateTime(locale, ends)}`;
}

function StatusError({ message }: { message: string }) {
  const { t, te } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="status-error-title" tabIndex={-1}>
      <h3 id="status-error-title" className="error-summary-title">
        {t("eventsAdmin.status.error")}
      </h3>
      <p className="font-bold text-danger">{te(message)}</p>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-10">
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Booth and decision for one employer's application to take part: a small form of its own per row. */
function DecideForm({ participant, lastResult }: { participant: Participant; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm<{ booth: string; participationId: string; decision: string }>({
    id: `decide-${participant.id}`,
    lastResult,
    defaultValue: { booth: participant.booth ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decideSchema }),
  });
  const name = participant.organizationName;
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" action="?index#participants" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="participationId" value={participant.id} />
        <Field
          meta={fields.booth}
          label={t("eventsAdmin.participants.booth", { name })}
          hint={t("eventsAdmin.participants.booth.hint")}
          autoComplete="off"
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="decision" value="approved" className="button button-small">
            {t("eventsAdmin.participants.approve")}
            <span className="sr-only">{t("eventsAdmin.participants.forName", { name })}</span>
          </button>
          <button type="submit" name="decision" value="rejected" className="button button-secondary button-small">
            {t("eventsAdmin.participants.reject")}
            <span className="sr-only">{t("eventsAdmin.participants.forName", { name })}</span>
          </button>
        </div>
      </Form>
    </>
  );
}

export default function AdminEvent() {
  const { t, locale } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const { event, participants, accessRequestCounts, checkedIn, registrations, registrationTotal, page, pageCount, report, notice, promoted } = loaded;
  const actionData = useActionData<typeof action>();
  const statusError = actionData && "statusError" in actionData ? actionData.statusError : null;
  const checkInAnswer = actionData && "checkIn" in actionData ? actionData : null;
  const [checkInForm, checkInFields] = useForm<{ code: string }>({
    id: "checkin-form",
    lastResult: replyFor(actionData, "checkin"),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkInSchema }),
  });

  const none = t("eventsAdmin.none");
  const requestsInWords = (codes: readonly string[]) =>
    codes.length ? codes.map((c) => t(`events.request.${c}` as MessageKey)).join(t("eventsAdmin.listSeparator")) : none;
  const people = event.registered + event.waitlisted;
  // A skills competition (issue 14) has no booths, slots or whole-event registrations: its categories, judges,
  // entrants and results are on their own page.
  const isCompetition = event.kind === "competition";
  const totals = report.reduce(
    (s, r) => ({
      registrations: s.registrations + r.registrations,
      attendance: s.attendance + r.attendance,
      interviews: s.interviews + r.interviews,
      applications: s.applications + r.applications,
      offers: s.offers + r.offers,
      hires: s.hires + r.hires,
    }),
    { registrations: 0, attendance: 0, interviews: 0, applications: 0, offers: 0, hires: 0 },
  );

  const facts: [string, ReactNode][] = [
    [t("eventsAdmin.fact.status"), t(`events.status.${event.status}`)],
    [t("eventsAdmin.fact.kind"), t(`events.kind.${event.kind}`)],
    [t("eventsAdmin.fact.time"), span(locale, event.startsAt, event.endsAt)],
    [t("eventsAdmin.fact.deadline"), formatDateTime(locale, event.registrationDeadline)],
    [t("eventsAdmin.fact.region"), event.place],
    [t("eventsAdmin.fact.venue"), event.venue || none],
    [t("eventsAdmin.fact.onlineUrl"), event.onlineUrl ? <span className="break-all">{event.onlineUrl}</span> : none],
    [
      t("eventsAdmin.fact.arrangements"),
      event.arrangements.length ? event.arrangements.map((a) => t(`events.arrangement.${a}` as MessageKey)).join(t("eventsAdmin.listSeparator")) : none,
    ],
    [t("eventsAdmin.fact.capacity"), t("eventsAdmin.people", { count: event.capacity })],
    [t("eventsAdmin.fact.description"), event.description ? <span className="whitespace-pre-line">{event.description}</span> : none],
  ];

  const checkInMessage = (() => {
    if (!checkInAnswer) return null;
    const r = checkInAnswer.checkIn;
    const code = checkInAnswer.code;
    switch (r.outcome) {
      case "checkedIn":
        return (
          <>
            <p className="font-bold">{t("eventsAdmin.checkIn.done", { name: r.seekerName, time: formatTime(locale, r.at) })}</p>
            <p>{r.accessRequests.length ? t("eventsAdmin.checkIn.requests", { requests: requestsInWords(r.accessRequests) }) : t("eventsAdmin.checkIn.noRequests")}</p>
          </>
        );
      case "already":
        return (
          <>
            <p className="font-bold">{t("eventsAdmin.checkIn.already", { name: r.seekerName, time: formatDateTime(locale, r.at) })}</p>
            <p>{r.accessRequests.length ? t("eventsAdmin.checkIn.requests", { requests: requestsInWords(r.accessRequests) }) : t("eventsAdmin.checkIn.noRequests")}</p>
          </>
        );
      case "waitlisted":
        return <p className="font-bold">{t("eventsAdmin.checkIn.waitlisted", { name: r.seekerName, code })}</p>;
      case "unknown":
        return <p className="font-bold">{t("eventsAdmin.checkIn.unknown", { code })}</p>;
    }
  })();

  return (
    <div>
      <p className="mb-4">
        <Link to="/admin/events">{t("eventsAdmin.back")}</Link>
      </p>
      <h1 className="page-title">{event.title}</h1>
      {notice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(notice)}</p>
          {promoted > 0 ? <p>{t("eventsAdmin.done.promoted", { count: promoted })}</p> : null}
        </div>
      ) : null}

      <nav aria-label={t("eventsAdmin.view.contents")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          <li>
            <a href="#facts">{t("eventsAdmin.facts.title")}</a>
          </li>
          {isCompetition ? (
            <li>
              <a href="#competition">{t("competitions.admin.title")}</a>
            </li>
          ) : (
            <>
              <li>
                <a href="#registrations-summary">{t("eventsAdmin.planning.title")}</a>
              </li>
              <li>
                <a href="#participants">{t("eventsAdmin.participants.title")}</a>
              </li>
              <li>
                <a href="#check-in">{t("eventsAdmin.checkIn.title")}</a>
              </li>
              <li>
                <a href="#registrations">{t("eventsAdmin.registrations.title")}</a>
              </li>
              <li>
                <a href="#report">{t("eventsAdmin.report.title")}</a>
              </li>
            </>
          )}
        </ul>
      </nav>

      <Section id="facts" title={t("eventsAdmin.facts.title")}>
        <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd className="mb-2 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
          <Link to={`/admin/events/${event.id}/edit`}>{t("eventsAdmin.edit.link")}</Link>
          {event.status === "draft" ? (
            <span>{t("eventsAdmin.publicPage.draft")}</span>
          ) : (
            <Link to={`/events/${event.id}`}>{t("eventsAdmin.publicPage.link")}</Link>
          )}
        </p>

        {statusError ? <StatusError message={statusError} /> : null}
        {event.status === "draft" ? (
          <div className="card mb-4 max-w-3xl">
            <h3 className="text-lg font-bold">{t("eventsAdmin.publish.title")}</h3>
            <p id="publish-explain" className="mb-3">
              {t("eventsAdmin.publish.explain")}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button" aria-describedby="publish-explain">
                {t("eventsAdmin.publish.submit")}
              </button>
            </Form>
          </div>
        ) : null}
        {event.status === "cancelled" ? (
          <p className="notice max-w-3xl">{t("eventsAdmin.cancel.already")}</p>
        ) : (
          <div className="card max-w-3xl">
            <h3 className="text-lg font-bold">{t("eventsAdmin.cancel.title")}</h3>
            <p id="cancel-explain" className="mb-3">
              {isCompetition ? t("competitions.admin.cancelExplain") : t("eventsAdmin.cancel.explain", { count: people })}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button-secondary" aria-describedby="cancel-explain">
                {t("eventsAdmin.cancel.submit")}
              </button>
            </Form>
          </div>
        )}
      </Section>

      {isCompetition ? (
        <Section id="competition" title={t("competitions.admin.title")}>
          <p className="mb-3 max-w-3xl">{t("competitions.admin.sectionLead")}</p>
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <Link to={`/admin/events/${event.id}/competition`} className="button">
              {t("competitions.admin.open")}
            </Link>
            <Link to="/admin/judges">{t("competitions.judges.title")}</Link>
          </p>
        </Section>
      ) : (
        <>
          <Section id="registrations-summary" title={t("eventsAdmin.planning.title")}>
            <ul className="mb-4 grid gap-1">
              <li>{t("eventsAdmin.planning.registered", { registered: event.registered, capacity: event.capacity })}</li>
              <li>{t("eventsAdmin.planning.waitlisted", { count: event.waitlisted })}</li>
              <li>{t("eventsAdmin.planning.checkedIn", { count: checkedIn })}</li>
            </ul>
            <p className="mb-2 max-w-3xl">{t("eventsAdmin.planning.explain")}</p>
            <div className="relative overflow-x-auto">
              <table className="data-table max-w-3xl">
                <caption className="mb-2 text-left font-bold">{t("eventsAdmin.planning.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("eventsAdmin.planning.col.request")}</th>
                    <th scope="col">{t("eventsAdmin.planning.col.registered")}</th>
                    <th scope="col">{t("eventsAdmin.planning.col.waitlisted")}</th>
                  </tr>
                </thead>
                <tbody>
                  {accessRequestCounts.map((c) => (
                    <tr key={c.code}>
                      <th scope="row" className="font-normal">
                        {t(`events.request.${c.code}`)}
                      </th>
                      <td>{c.registered}</td>
                      <td>{c.waitlisted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <Section id="participants" title={t("eventsAdmin.participants.title")}>
            {participants.length === 0 ? (
              <p>{t("eventsAdmin.participants.empty")}</p>
            ) : (
              <div className="relative overflow-x-auto">
                <table className="data-table">
                  <caption className="mb-2 text-left font-bold">{t("eventsAdmin.participants.caption", { count: participants.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("eventsAdmin.participants.col.organization")}</th>
                      <th scope="col">{t("eventsAdmin.participants.col.status")}</th>
                      <th scope="col">{t("eventsAdmin.participants.col.vacancies")}</th>
                      <th scope="col">{t("eventsAdmin.participants.col.slots")}</th>
                      <th scope="col">{t("eventsAdmin.participants.col.note")}</th>
                      <th scope="col">{t("eventsAdmin.participants.col.decide")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {participants.map((p) => (
                      <tr key={p.id}>
                        <th scope="row" className="font-normal">
                          {p.organizationName}
                        </th>
                        <td>
                          {t(`events.participation.${p.status}`)}
                          {p.status === "approved" && p.booth ? <div>{t("eventsAdmin.participants.boothValue", { booth: p.booth })}</div> : null}
                        </td>
                        <td>
                          {p.vacancies.length ? (
                            <ul className="list-disc pl-5">
                              {p.vacancies.map((v) => (
                                <li key={v.id}>
                                  <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            none
                          )}
                        </td>
                        <td>{t("eventsAdmin.participants.slotsValue", { slots: p.slots, booked: p.booked })}</td>
                        <td className="whitespace-pre-line">{p.note || none}</td>
                        <td className="min-w-64">
                          {p.status === "withdrawn" ? (
                            t("eventsAdmin.participants.withdrawn")
                          ) : (
                            <DecideForm participant={p} lastResult={replyFor(actionData, "decide", p.id)} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>

          <Section id="check-in" title={t("eventsAdmin.checkIn.title")}>
            <p className="mb-4 max-w-3xl">{t("eventsAdmin.checkIn.lead")}</p>
            <ErrorSummary form={checkInForm} />
            {/* Without JavaScript the answer is a new page: the fragment brings the reader back to the result. */}
            <Form method="post" action="?index#check-in" {...getFormProps(checkInForm)} className="mb-4">
              <input type="hidden" name="intent" value="checkin" />
              <Field
                meta={checkInFields.code}
                label={t("eventsAdmin.checkIn.code")}
                hint={t("eventsAdmin.checkIn.code.hint")}
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                className="field-input font-mono tracking-widest"
              />
              <button type="submit" className="button">
                {t("eventsAdmin.checkIn.submit")}
              </button>
            </Form>
            <div role="status" className={checkInMessage ? "card max-w-3xl border-2" : undefined}>
              {checkInMessage}
            </div>
          </Section>

          <Section id="registrations" title={t("eventsAdmin.registrations.title")}>
            {registrationTotal === 0 ? (
              <p>{t("eventsAdmin.registrations.empty")}</p>
            ) : (
              <>
                <div className="relative overflow-x-auto">
                  <table className="data-table">
                    <caption className="mb-2 text-left font-bold">
                      {pageCount > 1
                        ? t("eventsAdmin.registrations.captionPaged", { count: registrationTotal, page, pages: pageCount })
                        : t("eventsAdmin.registrations.caption", { count: registrationTotal })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("eventsAdmin.registrations.col.name")}</th>
                        <th scope="col">{t("eventsAdmin.registrations.col.status")}</th>
                        <th scope="col">{t("eventsAdmin.registrations.col.position")}</th>
                        <th scope="col">{t("eventsAdmin.registrations.col.requests")}</th>
                        <th scope="col">{t("eventsAdmin.registrations.col.checkedIn")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {registrations.map((r) => (
                        <tr key={r.id}>
                          <th scope="row" className="font-normal">
                            {r.seekerName}
                          </th>
                          <td>{t(`events.registration.${r.status}`)}</td>
                          <td>{r.waitlistPosition ?? none}</td>
                          <td>{requestsInWords(r.accessRequests)}</td>
                          <td>{r.checkedInAt ? formatDateTime(locale, r.checkedInAt) : t("eventsAdmin.registrations.notCheckedIn")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination page={page} pageCount={pageCount} />
              </>
            )}
          </Section>

          <Section id="report" title={t("eventsAdmin.report.title")}>
            <p className="mb-4 max-w-3xl">{t("eventsAdmin.report.lead")}</p>
            {report.length === 0 ? (
              <p className="mb-4">{t("eventsAdmin.report.empty")}</p>
            ) : (
              <div className="relative mb-4 overflow-x-auto">
                <table className="data-table">
                  <caption className="mb-2 text-left font-bold">{t("eventsAdmin.report.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("eventsAdmin.report.col.employer")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.booth")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.registrations")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.attendance")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.interviews")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.applications")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.offers")}</th>
                      <th scope="col">{t("eventsAdmin.report.col.hires")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.map((r) => (
                      <tr key={r.participationId}>
                        <th scope="row" className="font-normal">
                          {r.organizationName}
                        </th>
                        <td>{r.booth ?? none}</td>
                        <td>{r.registrations}</td>
                        <td>{r.attendance}</td>
                        <td>{r.interviews}</td>
                        <td>{r.applications}</td>
                        <td>{r.offers}</td>
                        <td>{r.hires}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr className="font-bold">
                      <th scope="row">{t("eventsAdmin.report.total")}</th>
                      <td />
                      <td>{totals.registrations}</td>
                      <td>{totals.attendance}</td>
                      <td>{totals.interviews}</td>
                      <td>{totals.applications}</td>
                      <td>{totals.offers}</td>
                      <td>{totals.hires}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <a href={`/admin/events/${event.id}/report.csv`} download>
                  {t("eventsAdmin.report.csv")}
                </a>
              </li>
              <li>
                <a href={`/admin/events/${event.id}/report.xlsx`} download>
                  {t("eventsAdmin.report.xlsx")}
                </a>
              </li>
            </ul>
          </Section>
        </>
      )}
    </div>
  );
}
