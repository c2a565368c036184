import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { timeRange } from "~/components/events/time-range";
import { pageTitle } from "~/components/meta";
import { EVENT_ATTRIBUTION_DAYS, slotsSchema, toLocalDateTime, type RegistrationAccessRequest } from "~/domain/events/events.schema";
import { deleteSlot, getEmployerEvent, publishSlots } from "~/domain/events/events.server";
import { hasPermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventsPublic.manage.title");

// An employer's page: the organization-scoped checks (member of the participating organization) are each domain call's first step.
function requireEmployer(context: LoaderFunctionArgs["context"], request: Request) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "read:event_participation")) throw new Response("Not Found", { status: 404 });
  return actor;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireEmployer(context, request);
  const view = await getEmployerEvent(await getDb(), actor, params.id ?? "");
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const created = Number(url.searchParams.get("created"));
  return {
    view,
    done:
      done === "slots" && Number.isInteger(created) && created > 0
        ? ({ kind: "slots", created } as const)
        : done === "deleted"
        ? ({ kind: "deleted" } as const)
        : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireEmployer(context, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "slots") {
    const submission = parseSubmission(formData, { schema: slotsSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const result = await publishSlots(db, actor, id, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return redirect(`/employer/events/${id}?done=slots&created=${result.value.created}`);
  }
  if (intent === "delete") {
    const result = await deleteSlot(db, actor, id, String(formData.get("slotId") ?? ""));
    if (!result.ok) return data({ failure: Object.values(result.fieldErrors).flat()[0] ?? "events.err.slotBooked" }, { status: 409 });
    return redirect(`/employer/events/${id}?done=deleted`);
  }
  throw new Response("Bad Request", { status: 400 });
}

// A refused deletion (the slot was booked meanwhile) answers 409; the table must still show the slots as they are now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" ? true : defaultShouldRevalidate;

/** "2026/12/05 09:00 至 12:00" in Beijing time; the end's date is repeated only when it is another day. */
function asText<S extends Record<string, unknown>>(meta: FieldMetadata<number, S, string[]>) {
  return meta as unknown as FieldMetadata<string | undefined>;
}

export default function EmployerEvent() {
  const { t, te, locale } = useI18n();
  const { view, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { event: e, participation: p, slots, report } = view;
  const failure = actionData && "failure" in actionData ? actionData.failure : null;
  const submission = actionData && !("failure" in actionData) ? actionData : undefined;
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  // The next run starts where the last slot ends (or at the event's start).
  const lastEnd = slots.length ? slots[slots.length - 1]!.endsAt : null;
  const nextStart = lastEnd && lastEnd > e.startsAt ? lastEnd : e.startsAt;
  const [form, fields] = useForm({
    id: "slots",
    lastResult: submission,
    defaultValue: { startsAt: toLocalDateTime(nextStart), minutes: "30", count: "4" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: slotsSchema }),
  });
  const eventRange = timeRange(t, locale, e.startsAt, e.endsAt);
  const reportColumns = ["registrations", "attendance", "interviews", "applications", "offers", "hires"] as const;

  return (
    <div className="max-w-4xl">
      <h1 className="page-title">{t("eventsPublic.manage.heading", { title: e.title })}</h1>
      <p className="lead">{t("eventsPublic.manage.lead")}</p>
      {done && !actionData ? (
        <p className="notice" role="status">
          {done.kind === "slots" ? t("eventsPublic.manage.done.slots", { count: done.created }) : t("eventsPublic.manage.done.deleted")}
        </p>
      ) : null}
      <ErrorSummary form={form} />
      {failure ? (
        <div ref={failureRef} className="error-summary" role="alert" aria-labelledby="slot-error-title" tabIndex={-1}>
          <h2 id="slot-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{te(failure)}</p>
        </div>
      ) : null}

      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("eventsPublic.time")}</dt>
        <dd>{eventRange}</dd>
        <dt className="font-bold">{t("eventsPublic.place")}</dt>
        <dd>{e.kind === "online" ? t("eventsPublic.online") : t("eventsPublic.placeValue", { venue: e.venue, place: e.place })}</dd>
        <dt className="font-bold">{t("eventsPublic.manage.participation")}</dt>
        <dd>
          <strong>{t(`events.participation.${p.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("eventsPublic.employer.booth")}</dt>
        <dd>{p.booth ?? t("eventsPublic.employer.boothPending")}</dd>
        <dt className="font-bold">{t("eventsPublic.employer.chosen")}</dt>
        <dd>
          <ul>
            {p.vacancies.map((v) => (
              <li key={v.id}>
                <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p className="mb-6">
        <Link to={`/events/${e.id}`}>{t("eventsPublic.manage.eventLink")}</Link>
      </p>
      <p className="notice">{t("eventsPublic.manage.privacy")}</p>

      <section aria-labelledby="publish-title">
        <h2 id="publish-title" className="section-title">
          {t("eventsPublic.manage.publish")}
        </h2>
        {p.status !== "approved" ? (
          <p>{t("eventsPublic.manage.notApproved")}</p>
        ) : (
          <>
            <p className="mb-4">{t("eventsPublic.manage.publishIntro")}</p>
            <Form method="post" {...getFormProps(form)} className="max-w-2xl">
              <input type="hidden" name="intent" value="slots" />
              <Field
                meta={fields.startsAt}
                label={t("eventsPublic.manage.startsAt")}
                hint={t("eventsPublic.manage.startsAtHint", { range: eventRange })}
                type="datetime-local"
                autoComplete="off"
              />
              <Field
                meta={asText(fields.minutes)}
                label={t("eventsPublic.manage.minutes")}
                hint={t("eventsPublic.manage.minutesHint")}
                inputMode="numeric"
                autoComplete="off"
              />
              <Field
                meta={asText(fields.count)}
                label={t("eventsPublic.manage.count")}
                hint={t("eventsPublic.manage.countHint")}
                inputMode="numeric"
                autoComplete="off"
              />
              <button type="submit" className="button">
                {t("eventsPublic.manage.submit")}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="slots-title">
        <h2 id="slots-title" className="section-title">
          {t("eventsPublic.manage.slots")}
        </h2>
        {slots.length === 0 ? (
          <p>{t("eventsPublic.manage.slots.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("eventsPublic.manage.slots")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("eventsPublic.manage.col.time")}</th>
                  <th scope="col">{t("eventsPublic.manage.col.state")}</th>
                  <th scope="col">{t("eventsPublic.manage.col.who")}</th>
                  <th scope="col">{t("eventsPublic.manage.col.requests")}</th>
                  <th scope="col">{t("eventsPublic.manage.col.checkIn")}</th>
                  <th scope="col">{t("eventsPublic.manage.col.action")}</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((s) => {
                  const time = timeRange(t, locale, s.startsAt, s.endsAt);
                  const booked = s.reference !== null;
                  return (
                    <tr key={s.id}>
                      <th scope="row" className="font-normal">
                        {time}
                      </th>
                      <td className={booked ? "font-bold" : undefined}>{booked ? t("eventsPublic.manage.slot.booked") : t("eventsPublic.manage.slot.free")}</td>
                      <td>{booked ? t("eventsPublic.manage.slot.reference", { reference: s.reference! }) : t("eventsPublic.manage.slot.nobody")}</td>
                      <td>
                        {!booked ? (
                          t("eventsPublic.manage.slot.none")
                        ) : s.accessRequests.length ? (
                          <ul>
                            {s.accessRequests.map((c) => (
                              <li key={c}>{t(`events.request.${c as RegistrationAccessRequest}`)}</li>
                            ))}
                          </ul>
                        ) : (
                          t("eventsPublic.manage.slot.noRequests")
                        )}
                      </td>
                      <td>
                        {!booked
                          ? t("eventsPublic.manage.slot.none")
                          : s.checkedIn
                          ? t("eventsPublic.manage.slot.checkedIn")
                          : t("eventsPublic.manage.slot.notCheckedIn")}
                      </td>
                      <td>
                        {booked ? (
                          <span className="text-muted">{t("eventsPublic.manage.slot.bookedNoDelete")}</span>
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="slotId" value={s.id} />
                            <button
                              type="submit"
                              className="button button-secondary button-small"
                              aria-label={t("eventsPublic.manage.slot.deleteLabel", { time })}
                            >
                              {t("eventsPublic.manage.slot.delete")}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {p.status === "approved" ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title" className="section-title">
            {t("eventsPublic.manage.report")}
          </h2>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("eventsPublic.manage.reportCaption")}</caption>
              <thead>
                <tr>
                  {reportColumns.map((c) => (
                    <th key={c} scope="col">
                      {t(`eventsPublic.manage.report.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {reportColumns.map((c) => (
                    <td key={c}>{report[c]}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-muted">{t("eventsPublic.manage.reportNote", { days: EVENT_ATTRIBUTION_DAYS })}</p>
        </section>
      ) : null}
    </div>
  );
}
