import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { RefObject } from "react";
import { CompetitionSection } from "~/components/competitions/competition-section";
import { contentLang } from "~/components/content-lang";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { ActionLink, EasyPage, Fact, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { ArrangementList, easyTimeRange, EventWhenWhere } from "~/components/easy-read/easy-events";
import { counted, eventAction } from "~/components/easy-read/easy-read";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup } from "~/components/form/field";
import { REGISTRATION_ACCESS_REQUESTS, type RegistrationAccessRequest } from "~/domain/events/events.schema";
import { formatDateTime } from "~/i18n/dates";
import { isMessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/events.$id";

interface Props {
  /** The route's registration form (conform): the same field names, validation and action as the full page. */
  registerForm: FormMetadata<any, string[]>;
  registerFields: { accessRequests: FieldMetadata<string[] | undefined> };
  /** A refused one-button form (cancel, book, unbook), and where the route moves focus to show it. */
  failure: { failure: string } | null;
  failureRef: RefObject<HTMLDivElement>;
}

/**
 * An event in easy read: its name, day, time and place, then the one thing the visitor can do now (book a place,
 * sign in first, their place and number, or why they cannot), then the help at the event, the employers and their
 * interview times, and the description. Employers' and staff's tools stay on the full page.
 */
export function EasyEvent({ registerForm, registerFields, failure, failureRef }: Props) {
  const { t, te, locale } = useI18n();
  const { page, competition, ended, graduateYears, done } = useLoaderData<typeof loader>();
  const { event: e, viewer } = page;
  const lang = (text: string) => contentLang(locale, text);
  const registration = viewer.role === "seeker" ? viewer.registration : null;
  const action = eventAction({
    status: e.status,
    ended,
    competition: !!competition,
    registrationOpen: page.registrationOpen,
    seatsLeft: page.seatsLeft,
    viewer: viewer.role === "seeker" ? { role: "seeker", eligible: viewer.eligible, registration } : { role: viewer.role },
  });
  const open = e.status === "published" && !ended;
  const canBook = registration?.status === "registered" && open;
  const paragraphs = e.description.split(/\n+/).filter((p) => p.trim());
  const requests = (codes: string[]) => codes.map((c) => t(`easyRead.event.access.${c as RegistrationAccessRequest}`)).join(t("search.listSeparator"));

  return (
    <EasyPage>
      <p className="mb-4">
        <IconLink to="/events" icon="back">
          {t("easyRead.event.back")}
        </IconLink>
      </p>
      <h1 className="easy-title" lang={lang(e.title)}>
        {e.title}
      </h1>
      <p className="mb-2">{t(`easyRead.event.kind.${e.kind}`)}</p>

      {done && !failure && Object.keys(registerForm.allErrors).length === 0 ? (
        <p className="notice easy-fact" role="status">
          <EasyIcon name="check" />
          <strong>{t(`easyRead.event.done.${done}`)}</strong>
        </p>
      ) : null}
      <ErrorSummary form={registerForm} />
      {failure ? (
        <div ref={failureRef} className="error-summary" role="alert" aria-labelledby="event-error-title" tabIndex={-1}>
          <h2 id="event-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{isMessageKey(failure.failure) ? te(failure.failure) : failure.failure}</p>
        </div>
      ) : null}

      {e.status === "cancelled" ? (
        <Fact icon="cross" tone="not">
          <strong>{t("easyRead.event.cancelled")}</strong>
        </Fact>
      ) : ended ? (
        <Fact icon="info">
          <strong>{t("easyRead.event.ended")}</strong>
        </Fact>
      ) : null}
      <EventWhenWhere e={e} />
      {e.onlineUrl ? (
        <Fact icon="screen" label={t("easyRead.event.onlineLink")}>
          <a href={e.onlineUrl} rel="noopener noreferrer" className="break-all">
            {e.onlineUrl}
          </a>
        </Fact>
      ) : null}
      {open && !competition ? (
        <>
          <Fact icon="ticket">{page.seatsLeft > 0 ? counted(t, "easyRead.event.seats", page.seatsLeft, "left") : t(page.registrationOpen ? "easyRead.event.full" : "easyRead.event.fullClosed")}</Fact>
          <Fact icon="calendar">{t("easyRead.event.deadline", { time: formatDateTime(locale, e.registrationDeadline) })}</Fact>
        </>
      ) : null}

      {/* The one thing to do now. */}
      {action === "competition" && competition ? (
        <CompetitionSection eventId={e.id} competition={competition} role={viewer.role} cancelled={e.status === "cancelled"} ended={ended} />
      ) : action === "staff" || action === "employer" ? (
        <div className="easy-action-box">
          <p>{t("easyRead.event.otherRole")}</p>
          {viewer.role === "staff" && viewer.canManage ? (
            <p className="mt-2">
              <Link to={`/admin/events/${e.id}`}>{t("eventsPublic.view.staffManage")}</Link>
            </p>
          ) : viewer.role === "employer" && viewer.participation ? (
            <p className="mt-2">
              <Link to={`/employer/events/${e.id}`}>{t("eventsPublic.employer.manage")}</Link>
            </p>
          ) : null}
        </div>
      ) : action === "registered" || action === "waitlisted" ? (
        <section aria-labelledby="mine-title" className="easy-action-box">
          <h2 id="mine-title" className="easy-box-title">
            {t("easyRead.event.mine.title")}
          </h2>
          <Fact icon={action === "registered" ? "check" : "clock"} tone={action === "registered" ? "ok" : undefined}>
            <strong>{t(action === "registered" ? "easyRead.event.mine.registered" : "easyRead.event.mine.waitlisted")}</strong>
          </Fact>
          {action === "waitlisted" && registration?.waitlistPosition != null ? (
            <p>{t("easyRead.event.mine.position", { position: registration.waitlistPosition })}</p>
          ) : null}
          {registration?.accessRequests.length ? <p>{t("easyRead.event.mine.requests", { list: requests(registration.accessRequests) })}</p> : null}
          {action === "registered" && registration && e.status !== "cancelled" ? (
            registration.checkedInAt ? (
              <Fact icon="check">{t("easyRead.event.mine.checkedIn")}</Fact>
            ) : (
              <>
                <h3 className="mt-4 font-bold">{t("easyRead.event.mine.code")}</h3>
                <p>{t("easyRead.event.mine.codeHint")}</p>
                <p className="my-3">
                  <span aria-hidden="true" className="easy-code">
                    {registration.checkInCode.slice(0, 4)} {registration.checkInCode.slice(4)}
                  </span>
                  <span className="sr-only">{registration.checkInCode.split("").join(" ")}</span>
                </p>
                {registration.qr ? (
                  <figure
                    role="img"
                    aria-label={t("eventsPublic.mine.qrLabel", { characters: registration.checkInCode.split("").join(" ") })}
                    className="mb-4 h-48 w-48 bg-white p-2"
                  >
                    <svg
                      aria-hidden="true"
                      focusable="false"
                      width="100%"
                      height="100%"
                      viewBox={`-4 -4 ${registration.qr.size + 8} ${registration.qr.size + 8}`}
                      shapeRendering="crispEdges"
                    >
                      <rect x={-4} y={-4} width={registration.qr.size + 8} height={registration.qr.size + 8} fill="#fff" />
                      <path d={registration.qr.path} fill="#000" />
                    </svg>
                  </figure>
                ) : null}
              </>
            )
          ) : null}
          {open ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="cancel" />
              <p>{t("easyRead.event.mine.cantGo")}</p>
              <button type="submit" className="button button-secondary">
                {t("easyRead.event.mine.cancel")}
              </button>
              <Next lines={[t("easyRead.event.mine.cancel.next")]} />
            </Form>
          ) : null}
        </section>
      ) : action === "signIn" ? (
        <div className="easy-action-box">
          <p>{t("easyRead.event.visitor")}</p>
          <ActionLink to={`/login?redirectTo=${encodeURIComponent(`/events/${e.id}`)}`} icon="person">
            {t("easyRead.event.signIn")}
          </ActionLink>
          <p className="mt-4">{t("easyRead.event.noAccount")}</p>
          <p>
            <IconLink to={`/register?redirectTo=${encodeURIComponent(`/events/${e.id}`)}`} icon="pen">
              {t("easyRead.event.register")}
            </IconLink>
          </p>
        </div>
      ) : action === "notEligible" && graduateYears && viewer.role === "seeker" ? (
        <div className="easy-action-box">
          <Lines
            lines={[
              t("easyRead.event.notEligible", graduateYears),
              viewer.graduationYear !== null ? t("easyRead.event.yourYear", { year: viewer.graduationYear }) : t("easyRead.event.noYear"),
            ]}
          />
          <p className="mt-2">
            <IconLink to="/profile/education" icon="pen">
              {t("easyRead.event.educationLink")}
            </IconLink>
          </p>
        </div>
      ) : action === "join" || action === "joinWaitlist" ? (
        <Form method="post" {...getFormProps(registerForm)} aria-labelledby="join-title" className="easy-form easy-action-box">
          <h2 id="join-title" className="easy-box-title">
            {t("easyRead.event.joinTitle")}
          </h2>
          <input type="hidden" name="intent" value="register" />
          {action === "joinWaitlist" ? <Lines className="notice" lines={[t("easyRead.event.fullLine1"), t("easyRead.event.fullLine2")]} /> : null}
          <CheckboxGroup
            meta={registerFields.accessRequests}
            legend={t("easyRead.event.access")}
            hint={t("easyRead.canSkip")}
            options={REGISTRATION_ACCESS_REQUESTS.map((code) => ({ value: code, label: t(`easyRead.event.access.${code}`) }))}
          />
          <button type="submit" className="button easy-action">
            <EasyIcon name="ticket" />
            <span>{t(action === "join" ? "easyRead.event.join" : "easyRead.event.joinWaitlist")}</span>
          </button>
          <Next lines={[t(action === "join" ? "easyRead.event.join.next" : "easyRead.event.done.waitlisted")]} />
        </Form>
      ) : action === "closed" ? (
        <p className="easy-action-box">{t("easyRead.event.closed")}</p>
      ) : null}

      <section aria-labelledby="help-title">
        <h2 id="help-title" className="easy-section-title">
          {t("easyRead.event.helpTitle")}
        </h2>
        {e.arrangements.length ? <ArrangementList arrangements={e.arrangements} /> : <p>{t("easyRead.event.helpNone")}</p>}
        {page.registrationOpen && (action === "join" || action === "joinWaitlist" || action === "signIn") ? <p className="mt-4">{t("easyRead.event.helpAsk")}</p> : null}
      </section>

      {competition ? null : (
        <section aria-labelledby="employers-title" id="slots">
          <h2 id="employers-title" className="easy-section-title">
            {t("easyRead.event.employers")}
          </h2>
          {canBook ? <p className="mb-4">{t("easyRead.event.slotsIntro")}</p> : null}
          {page.participants.length === 0 ? (
            <p>{t("easyRead.event.employersNone")}</p>
          ) : (
            <ul className="easy-results">
              {page.participants.map((p) => (
                <li key={p.id} className="easy-card">
                  <h3 className="easy-card-title" lang={lang(p.organizationName)}>
                    {p.organizationName}
                  </h3>
                  {p.booth ? <p>{t("easyRead.event.booth", { booth: p.booth })}</p> : null}
                  {p.vacancies.length ? (
                    <>
                      <p className="mt-2 font-bold">{t("easyRead.event.jobs")}</p>
                      <ul className="easy-lines">
                        {p.vacancies.map((v) => (
                          <li key={v.id}>
                            <Link to={`/vacancies/${v.id}`} lang={lang(v.title)}>
                              {v.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {/* Interview times matter only to someone with a place: they can book one here. */}
                  {canBook && p.slots.length ? (
                    <>
                      <h4 className="mt-4 font-bold">{t("easyRead.event.slots")}</h4>
                      <ul className="easy-lines">
                        {p.slots.map((s) => {
                          const time = easyTimeRange(t, locale, s.startsAt, s.endsAt);
                          return (
                            <li key={s.id} className="easy-slot">
                              <span>{time}</span>
                              <span className={s.mine ? "easy-fact font-bold" : s.free ? "font-bold" : "text-muted"}>
                                {s.mine ? <EasyIcon name="check" /> : null}
                                {t(s.mine ? "easyRead.event.slot.mine" : s.free ? "easyRead.event.slot.free" : "easyRead.event.slot.taken")}
                              </span>
                              {s.free || s.mine ? (
                                <Form method="post">
                                  <input type="hidden" name="intent" value={s.mine ? "unbook" : "book"} />
                                  <input type="hidden" name="slotId" value={s.id} />
                                  <button
                                    type="submit"
                                    className={s.mine ? "button button-secondary" : "button"}
                                    aria-label={t(s.mine ? "easyRead.event.slot.unbookLabel" : "easyRead.event.slot.bookLabel", { organization: p.organizationName, time })}
                                  >
                                    {t(s.mine ? "easyRead.event.slot.unbook" : "easyRead.event.slot.book")}
                                  </button>
                                </Form>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {paragraphs.length ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="easy-section-title">
            {t("easyRead.event.descriptionTitle")}
          </h2>
          <div lang={lang(e.description)}>
            {paragraphs.map((p, i) => (
              <p key={i} className="mb-3">
                {p}
              </p>
            ))}
          </div>
        </section>
      ) : null}
    </EasyPage>
  );
}
