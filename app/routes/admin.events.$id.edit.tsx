import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { EventForm } from "~/components/events/event-form";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { eventSchema, toLocalDateTime } from "~/domain/events/events.schema";
import { getEventForEdit, updateEvent } from "~/domain/events/events.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "eventsAdmin.edit.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t("eventsAdmin.edit.heading", { title: data.title })} - ${t("site.titleSuffix")}` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const db = await getDb();
  const event = await getEventForEdit(db, actor, params.id ?? "");
  const divisions = await listDivisionsWithin(db, actor.regionCode!);
  return {
    id: event.id,
    title: event.title,
    status: event.status,
    divisions,
    values: {
      title: event.title,
      kind: event.kind,
      startsAt: toLocalDateTime(event.startsAt),
      endsAt: toLocalDateTime(event.endsAt),
      registrationDeadline: toLocalDateTime(event.registrationDeadline),
      regionCode: event.regionCode,
      venue: event.venue,
      onlineUrl: event.onlineUrl ?? "",
      arrangements: event.arrangements,
      capacity: String(event.capacity),
      description: event.description,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:event", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const submission = parseSubmission(await request.formData(), { schema: eventSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await updateEvent(await getDb(), actor, id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  const promoted = result.value.promoted;
  return redirect(`/admin/events/${id}?done=updated${promoted > 0 ? `&promoted=${promoted}` : ""}`);
}

export default function EditEvent() {
  const { t } = useI18n();
  const { id, title, status, divisions, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={`/admin/events/${id}`}>{t("eventsAdmin.edit.back", { title })}</Link>
      </p>
      <h1 className="page-title">{t("eventsAdmin.edit.heading", { title })}</h1>
      <p className="lead">{t(status === "published" ? "eventsAdmin.edit.lead.published" : "eventsAdmin.edit.lead")}</p>
      {status === "cancelled" ? <p className="notice">{t("eventsAdmin.edit.cancelled")}</p> : null}
      <EventForm id="event" lastResult={lastResult} defaultValue={values} divisions={divisions} submitLabel={t("eventsAdmin.edit.submit")} />
    </div>
  );
}
