import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { CompetitionSection } from "~/components/competitions/competition-section";
import { EasyEvent } from "~/components/easy-read/easy-event";
import { timeRange } from "~/components/events/time-range";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field } from "~/components/form/field";
import { contentLang } from "~/components/content-lang";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import { useDisplay } from "~/components/use-display";
import type { IconName } from "~/domain/catalog";
import { getCompetitionPage } from "~/domain/competitions/competitions.server";
import {
  GRADUATE_YEARS_BACK,
  participateSchema,
  registerSchema,
  REGISTRATION_ACCESS_REQUESTS,
  type EVENT_ARRANGEMENTS,
  type RegistrationAccessRequest,
} from "~/domain/events/events.schema";
import { applyToParticipate, bookSlot, cancelBooking, cancelRegistration, getEventPage, registerForEvent } from "~/domain/events/events.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isMessageKey, translator, type Translate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { publicPageHeaders } from "~/http/page-cache";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data?.page.event.title ?? t("eventsPublic.list.title")} - ${t("site.titleSuffix")}` }];
};

const DONE = ["registered", "waitlisted", "cancelled", "booked", "unbooked", "participating"] as const;
type Done = (typeof DONE)[number];

// Public: visitors and every role see a published (or cancelled) event; each viewer gets their own part of it.
// Public: a visitor without a session may be answered from the page cache (decision 017).
export const headers = publicPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const actor = auth ? { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode } : null;
  const now = new Date();
  const db = await getDb();
  const page = await getEventPage(db, actor, params.id ?? "", now);
  // A skills competition (issue 14) shows its categories, entries and published results instead of booths and slots.
  const competition = page.event.kind === "competition" ? await getCompetitionPage(db, actor, page.event.id, now) : null;
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const year = Number(todayInShanghai(page.event.startsAt).slice(0, 4));
  const slotId = url.searchParams.get("slot");
  const booked = slotId
    ? page.participants.flatMap((p) =>
        p.slots.filter((s) => s.id === slotId && s.mine).map((s) => ({ organization: p.organizationName, startsAt: s.startsAt, endsAt: s.endsAt }))
      )[0] ?? null
    : null;
  return {
    page,
    competition,
    ended: page.event.endsAt < now,
    graduateYears: page.event.kind === "graduates" ? { from: year - GRADUATE_YEARS_BACK, to: year } : null,
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null,
    booked,
  };
}

/** A domain refusal of a one-button form (cancel, book, unbook), shown at the top of the page. */
function refused(intent: string, fieldErrors: Record<string, string[]>) {
  const failure = Object.values(fieldErrors).flat()[0] ?? "events.err.slotGone";
  return data({ intent, failure }, { status: 409 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const slotId = String(formData.get("slotId") ?? "");
  const db = await getDb();
  // Each domain call checks the actor's permission first: another role's post answers 404.
  switch (intent) {
    case "register": {
      const submission = parseSubmission(formData, { schema: registerSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await registerForEvent(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/events/${id}?done=${result.value.status === "waitlisted" ? "waitlisted" : "registered"}`);
    }
    case "participate": {
      const submission = parseSubmission(formData, { schema: participateSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await applyToParticipate(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/events/${id}?done=participating`);
    }
    case "cancel": {
      const result = await cancelRegistration(db, actor, id);
      if (!result.ok) return refused(intent, result.fieldErrors);
      return redirect(`/events/${id}?done=cancelled`);
    }
    case "book": {
      const result = await bookSlot(db, actor, id, slotId);
      if (!result.ok) return refused(intent, result.fieldErrors);
      return redirect(`/events/${id}?done=booked&slot=${encodeURIComponent(slotId)}`);
    }
    case "unbook": {
      const result = await cancelBooking(db, actor, id, slotId);
      if (!result.ok) return refused(intent, result.fieldErrors);
      return redirect(`/events/${id}?done=unbooked`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

// A refused booking (the slot was just taken) answers 409; the page must still show the slots as they are now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" ? true : defaultShouldRevalidate;

type Arrangement = (typeof EVENT_ARRANGEMENTS)[number];
const ARRANGEMENT_ICONS: Record<Arrangement, IconName | "check"> = {
  sign_language_interpreters: "sign",
  captions: "captions",
  step_free_venue: "access",
  accessible_toilets: "toilet",
  accessible_parking: "parking",
  braille_large_print: "braille",
  guide_service: "coach",
  quiet_room: "quiet",
};

function requestLabels(t: Translate, codes: string[]): string {
  return codes.map((c) => t(`events.request.${c as RegistrationAccessRequest}`)).join(t("eventsPublic.separator"));
}

export default function EventPage() {
  const { t, te, locale } = useI18n();
  const { page, competition, ended, graduateYears, done, booked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { event: e, viewer } = page;
  const failure = actionData && "failure" in actionData ? actionData : null;
  const submission = actionData && !("failure" in actionData) ? actionData : undefined;
  const submittedIntent = submission?.initialValue?.intent;
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const participation = viewer.role === "employer" ? viewer.participation : null;
  const [registerForm, registerFields] = useForm({
    id: "register",
    lastResult: submittedIntent === "register" ? submission : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
  });
  const [participateForm, participateFields] = useForm({
    id: "participate",
    lastResult: submittedIntent === "participate" ? submission : undefined,
    defaultValue: participation?.status === "pending" ? { vacancyIds: participation.vacancies.map((v) => v.id), note: participation.note ?? "" } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: participateSchema }),
  });
  const display = useDisplay();
  if (display.easyRead) return <EasyEvent registerForm={registerForm} registerFields={registerFields} failure={failure} failureRef={failureRef} />;

  const seekerRegistration = viewer.role === "seeker" ? viewer.registration : null;
  const canBook = seekerRegistration?.status === "registered" && !ended && e.status === "published";
  const paragraphs = e.description.split(/\n+/).filter((p) => p.trim());
  const open = e.status === "published" && !ended;
  const doneText =
    done === "booked"
      ? booked
        ? t("eventsPublic.done.booked", { organization: booked.organization, time: timeRange(t, locale, booked.startsAt, booked.endsAt) })
        : t("eventsPublic.done.bookedPlain")
      : done
      ? t(`eventsPublic.done.${done}`)
      : null;

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/events">{t("eventsPublic.view.back")}</Link>
      </p>
      {e.status === "draft" ? <p className="notice">{t("eventsPublic.view.draft")}</p> : null}
      <h1 className="page-title" lang={contentLang(locale, e.title)}>
        {e.title}
      </h1>
      <p className="mb-4 flex flex-wrap gap-2">
        <span className="tag tag-info">{t(`events.kind.${e.kind}`)}</span>
        {e.status === "cancelled" ? (
          <span className="tag tag-danger">{t("eventsPublic.status.cancelled")}</span>
        ) : ended ? (
          <span className="tag tag-muted">{t("eventsPublic.status.ended")}</span>
        ) : null}
      </p>
      {e.status === "cancelled" ? (
        <p className="notice font-bold">{t("eventsPublic.view.cancelled")}</p>
      ) : ended ? (
        <p className="notice">{t("eventsPublic.view.ended")}</p>
      ) : null}

      {doneText && !actionData ? (
        <p className="notice" role="status">
          {doneText}
        </p>
      ) : null}
      <ErrorSummary form={registerForm} />
      <ErrorSummary form={participateForm} />
      {failure ? (
        <div ref={failureRef} className="error-summary" role="alert" aria-labelledby="event-error-title" tabIndex={-1}>
          <h2 id="event-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{isMessageKey(failure.failure) ? te(failure.failure) : failure.failure}</p>
        </div>
      ) : null}

      <section aria-labelledby="arrangements-title" className="card mb-6 border-2">
        <h2 id="arrangements-title" className="section-title mt-0">
          {t("eventsPublic.view.arrangementsTitle")}
        </h2>
        {e.arrangements.length ? (
          <>
            <p className="mb-2">{t("eventsPublic.view.arrangementsIntro")}</p>
            <ul className="grid gap-2 sm:grid-cols-2">
              {e.arrangements.map((a) => (
                <li key={a} className="flex items-center gap-2 text-lg font-bold">
                  <Icon name={ARRANGEMENT_ICONS[a as Arrangement] ?? "check"} className="h-7 w-7 shrink-0" />
                  {t(`events.arrangement.${a as Arrangement}`)}
                </li>
              ))}
            </ul>
            {page.registrationOpen ? <p className="mt-3">{t("eventsPublic.view.arrangementsAsk")}</p> : null}
          </>
        ) : (
          <p>
            {t("eventsPublic.view.arrangementsNone")}
            {page.registrationOpen ? ` ${t("eventsPublic.view.arrangementsNoneAsk")}` : null}
          </p>
        )}
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="section-title">
          {t("eventsPublic.view.details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("eventsPublic.kind")}</dt>
          <dd>{t(`events.kind.${e.kind}`)}</dd>
          <dt className="font-bold">{t("eventsPublic.time")}</dt>
          <dd>{timeRange(t, locale, e.startsAt, e.endsAt)}</dd>
          <dt className="font-bold">{t("eventsPublic.place")}</dt>
          <dd lang={e.kind === "online" ? undefined : contentLang(locale, e.venue + e.place)}>
            {e.kind === "online" ? t("eventsPublic.online") : t("eventsPublic.placeValue", { venue: e.venue, place: e.place })}
          </dd>
          {e.onlineUrl ? (
            <>
              <dt className="font-bold">{t("eventsPublic.view.onlineLink")}</dt>
              <dd className="break-all">
                <a href={e.onlineUrl} rel="noopener noreferrer">
                  {e.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="font-bold">{t("eventsPublic.deadline")}</dt>
          <dd>{formatDateTime(locale, e.registrationDeadline)}</dd>
          {competition ? (
            <>
              <dt className="font-bold">{t("competitions.public.capacity")}</dt>
              <dd>{t("competitions.public.capacityValue", { capacity: e.capacity })}</dd>
            </>
          ) : (
            <>
              <dt className="font-bold">{t("eventsPublic.seats")}</dt>
              <dd>
                {page.seatsLeft > 0
                  ? t("eventsPublic.seatsValue", { left: page.seatsLeft, capacity: e.capacity })
                  : t(page.registrationOpen ? "eventsPublic.seatsFull" : "eventsPublic.seatsFullClosed", { capacity: e.capacity })}
              </dd>
              <dt className="font-bold">{t("eventsPublic.waitlist")}</dt>
              <dd>{t("eventsPublic.waitlistValue", { count: e.waitlisted })}</dd>
            </>
          )}
        </dl>
        {graduateYears ? (
          <p className="notice mt-4">
            <Icon name="info" /> {t("events.graduatesRule", graduateYears)}
          </p>
        ) : null}
      </section>

      {viewer.role === "staff" ? (
        viewer.canManage ? (
          <p className="mt-6">
            <Link to={`/admin/events/${e.id}`} className="button">
              {t("eventsPublic.view.staffManage")}
            </Link>
          </p>
        ) : (
          <p className="mt-6">{t("eventsPublic.register.otherRole")}</p>
        )
      ) : competition ? (
        <CompetitionSection eventId={e.id} competition={competition} role={viewer.role} cancelled={e.status === "cancelled"} ended={ended} />
      ) : viewer.role === "employer" ? (
        <section aria-labelledby="take-part-title" className="card mt-8">
          <h2 id="take-part-title" className="section-title mt-0">
            {t("eventsPublic.employer.title")}
          </h2>
          {participation ? (
            <>
              <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{t("eventsPublic.employer.status")}</dt>
                <dd>
                  <strong>{t(`events.participation.${participation.status}`)}</strong>
                </dd>
                {participation.status === "approved" ? (
                  <>
                    <dt className="font-bold">{t("eventsPublic.employer.booth")}</dt>
                    <dd lang={contentLang(locale, participation.booth)}>{participation.booth ?? t("eventsPublic.employer.boothPending")}</dd>
                  </>
                ) : null}
                <dt className="font-bold">{t("eventsPublic.employer.chosen")}</dt>
                <dd>
                  <ul>
                    {participation.vacancies.map((v) => (
                      <li key={v.id}>
                        <Link to={`/vacancies/${v.id}`} lang={contentLang(locale, v.title)}>
                          {v.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
              <p className="mb-4">
                <Link to={`/employer/events/${e.id}`}>{t("eventsPublic.employer.manage")}</Link>
              </p>
            </>
          ) : null}
          {participation?.status === "approved" ? null : !open ? (
            <p>{t("eventsPublic.employer.closed")}</p>
          ) : viewer.vacancies.length === 0 ? (
            <>
              <p className="mb-3">{t("eventsPublic.employer.noVacancies")}</p>
              <p>
                <Link to="/employer/vacancies/new">{t("eventsPublic.employer.newVacancy")}</Link>
              </p>
            </>
          ) : (
            <>
              <p className="mb-4">
                {participation?.status === "pending"
                  ? t("eventsPublic.employer.pending")
                  : participation?.status === "rejected"
                  ? t("eventsPublic.employer.rejected")
                  : t("eventsPublic.employer.intro")}
              </p>
              <Form method="post" {...getFormProps(participateForm)}>
                <input type="hidden" name="intent" value="participate" />
                <CheckboxGroup
                  meta={participateFields.vacancyIds}
                  legend={t("eventsPublic.employer.vacanciesLegend")}
                  hint={t("eventsPublic.employer.vacanciesHint")}
                  options={viewer.vacancies.map((v) => ({ value: v.id, label: v.title }))}
                />
                <Field
                  meta={participateFields.note}
                  label={t("eventsPublic.employer.note")}
                  hint={t("eventsPublic.employer.noteHint")}
                  maxLength={200}
                  autoComplete="off"
                  optional
                />
                <button type="submit" className="button">
                  {participation?.status === "pending" ? t("eventsPublic.employer.update") : t("eventsPublic.employer.submit")}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : seekerRegistration ? (
        <section aria-labelledby="mine-title" className="card mt-8 border-2">
          <h2 id="mine-title" className="section-title mt-0">
            {t("eventsPublic.mine.title")}
          </h2>
          <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t("eventsPublic.mine.status")}</dt>
            <dd>
              <strong className="flex items-center gap-1">
                {seekerRegistration.status === "registered" ? <Icon name="check" /> : null}
                {t(`events.registration.${seekerRegistration.status}`)}
              </strong>
            </dd>
            <dt className="font-bold">{t("eventsPublic.mine.requests")}</dt>
            <dd>{seekerRegistration.accessRequests.length ? requestLabels(t, seekerRegistration.accessRequests) : t("eventsPublic.mine.requestsNone")}</dd>
            {seekerRegistration.status === "registered" ? (
              <>
                <dt className="font-bold">{t("eventsPublic.mine.checkIn")}</dt>
                <dd>
                  {seekerRegistration.checkedInAt
                    ? t("eventsPublic.mine.checkedIn", { time: formatDateTime(locale, seekerRegistration.checkedInAt) })
                    : t("eventsPublic.mine.notCheckedIn")}
                </dd>
              </>
            ) : null}
          </dl>
          {seekerRegistration.status === "registered" && e.status !== "cancelled" ? (
            <>
              <h3 className="text-lg font-bold">{t("eventsPublic.mine.code")}</h3>
              <p className="mb-3">{t("eventsPublic.mine.codeHint")}</p>
              <p className="mb-4">
                <span aria-hidden="true" className="inline-block rounded border-2 border-fg px-4 py-2 font-mono text-4xl font-bold tracking-[0.3em]">
                  {seekerRegistration.checkInCode.slice(0, 4)} {seekerRegistration.checkInCode.slice(4)}
                </span>
                <span className="sr-only">{seekerRegistration.checkInCode.split("").join(" ")}</span>
              </p>
              <figure
                role="img"
                aria-label={t("eventsPublic.mine.qrLabel", { characters: seekerRegistration.checkInCode.split("").join(" ") })}
                className="mb-4 h-56 w-56 bg-white p-2"
              >
                {seekerRegistration.qr ? (
                  // The figure carries the text alternative; the drawing itself is hidden from assistive technology.
                  <svg
                    aria-hidden="true"
                    focusable="false"
                    width="100%"
                    height="100%"
                    // The quiet zone of four modules that scanners expect.
                    viewBox={`-4 -4 ${seekerRegistration.qr.size + 8} ${seekerRegistration.qr.size + 8}`}
                    shapeRendering="crispEdges"
                  >
                    <rect x={-4} y={-4} width={seekerRegistration.qr.size + 8} height={seekerRegistration.qr.size + 8} fill="#fff" />
                    <path d={seekerRegistration.qr.path} fill="#000" />
                  </svg>
                ) : null}
              </figure>
            </>
          ) : seekerRegistration.waitlistPosition !== null ? (
            <p className="mb-4 font-bold">{t("eventsPublic.mine.waitlistPosition", { position: seekerRegistration.waitlistPosition })}</p>
          ) : null}
          {open ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <p className="mb-3">{t("eventsPublic.mine.cancelHint")}</p>
              <button type="submit" className="button button-secondary">
                {t("eventsPublic.mine.cancel")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="register-title" className="card mt-8">
          <h2 id="register-title" className="section-title mt-0">
            {t("eventsPublic.register.title")}
          </h2>
          {e.status === "cancelled" ? (
            <p>{t("eventsPublic.register.cancelledEvent")}</p>
          ) : ended ? (
            <p>{t("eventsPublic.register.ended")}</p>
          ) : !page.registrationOpen ? (
            <p>{t("eventsPublic.register.closed")}</p>
          ) : viewer.role === "visitor" ? (
            <>
              <p className="mb-3">{t("eventsPublic.register.visitor")}</p>
              <p className="flex flex-wrap gap-4">
                <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${e.id}`)}`} className="button">
                  {t("eventsPublic.register.signIn")}
                </Link>
                <Link to="/register" className="button button-secondary">
                  {t("eventsPublic.register.createAccount")}
                </Link>
              </p>
            </>
          ) : !viewer.eligible ? (
            <>
              <p className="mb-2 font-bold">{t("eventsPublic.register.notEligible")}</p>
              <p className="mb-3">
                {viewer.graduationYear !== null ? t("eventsPublic.register.yourYear", { year: viewer.graduationYear }) : t("eventsPublic.register.noYear")}
              </p>
              <p>
                <Link to="/profile/education">{t("eventsPublic.register.educationLink")}</Link>
              </p>
            </>
          ) : (
            <>
              <p className="mb-3">{t("eventsPublic.register.intro")}</p>
              {page.seatsLeft === 0 ? <p className="notice">{t("eventsPublic.register.full")}</p> : null}
              <Form method="post" {...getFormProps(registerForm)}>
                <input type="hidden" name="intent" value="register" />
                <CheckboxGroup
                  meta={registerFields.accessRequests}
                  legend={t("eventsPublic.register.accessLegend")}
                  hint={t("eventsPublic.register.accessHint")}
                  options={REGISTRATION_ACCESS_REQUESTS.map((code) => ({ value: code, label: t(`events.request.${code}`) }))}
                />
                <button type="submit" className="button">
                  {t("eventsPublic.register.submit")}
                </button>
              </Form>
            </>
          )}
        </section>
      )}

      {paragraphs.length ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="section-title">
            {t("eventsPublic.view.description")}
          </h2>
          {paragraphs.map((p, i) => (
            <p key={i} className="mb-3" lang={contentLang(locale, p)}>
              {p}
            </p>
          ))}
        </section>
      ) : null}

      {competition ? null : (
        <section aria-labelledby="employers-title" id="slots">
          <h2 id="employers-title" className="section-title">
            {t("eventsPublic.view.employers")}
          </h2>
          {viewer.role === "seeker" && seekerRegistration ? (
            <div className="mb-4">
              {seekerRegistration.status === "waitlisted" ? (
                <p>{t("eventsPublic.slots.waitlisted")}</p>
              ) : !canBook ? (
                <p>{t("eventsPublic.slots.ended")}</p>
              ) : (
                <>
                  <p className="mb-2">{t("eventsPublic.slots.intro")}</p>
                  <p>
                    {seekerRegistration.accessRequests.length
                      ? t("eventsPublic.slots.requests", { requests: requestLabels(t, seekerRegistration.accessRequests) })
                      : t("eventsPublic.slots.noRequests")}
                  </p>
                </>
              )}
            </div>
          ) : null}
          {page.participants.length === 0 ? (
            <p>{t("eventsPublic.view.employers.none")}</p>
          ) : (
            <ul className="grid gap-4">
              {page.participants.map((p) => (
                <li key={p.id} className="card">
                  <h3 className="mb-1 text-xl font-bold" lang={contentLang(locale, p.organizationName)}>
                    {p.organizationName}
                  </h3>
                  <p className="mb-2">{p.booth ? t("eventsPublic.view.booth", { booth: p.booth }) : t("eventsPublic.view.boothPending")}</p>
                  <h4 className="font-bold">{t("eventsPublic.view.vacancies")}</h4>
                  <ul className="mb-3 list-disc pl-6">
                    {p.vacancies.map((v) => (
                      <li key={v.id}>
                        <Link to={`/vacancies/${v.id}`} lang={contentLang(locale, v.title)}>
                          {v.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                  <h4 className="font-bold">{t("eventsPublic.view.slots")}</h4>
                  {p.slots.length === 0 ? (
                    <p>{t("eventsPublic.view.slots.none")}</p>
                  ) : (
                    <ul className="grid gap-2">
                      {p.slots.map((s) => {
                        const time = timeRange(t, locale, s.startsAt, s.endsAt);
                        return (
                          <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line pb-2">
                            <span>{time}</span>
                            <span className={s.mine ? "flex items-center gap-1 font-bold" : s.free ? "font-bold" : "text-muted"}>
                              {s.mine ? <Icon name="check" /> : null}
                              {s.mine ? t("eventsPublic.slot.mine") : s.free ? t("eventsPublic.slot.free") : t("eventsPublic.slot.taken")}
                            </span>
                            {canBook && (s.free || s.mine) ? (
                              <Form method="post">
                                <input type="hidden" name="intent" value={s.mine ? "unbook" : "book"} />
                                <input type="hidden" name="slotId" value={s.id} />
                                <button
                                  type="submit"
                                  className={s.mine ? "button button-secondary button-small" : "button button-small"}
                                  aria-label={t(s.mine ? "eventsPublic.slot.unbookLabel" : "eventsPublic.slot.bookLabel", {
                                    organization: p.organizationName,
                                    time,
                                  })}
                                >
                                  {s.mine ? t("eventsPublic.slot.unbook") : t("eventsPublic.slot.book")}
                                </button>
                              </Form>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
