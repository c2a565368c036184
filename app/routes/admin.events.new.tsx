import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { EventForm } from "~/components/events/event-form";
import { pageTitle } from "~/components/meta";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { eventSchema } from "~/domain/events/events.schema";
import { createEvent } from "~/domain/events/events.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventsAdmin.new.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:event", { regionCode: actor.regionCode });
  return { divisions: await listDivisionsWithin(await getDb(), actor.regionCode!) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:event", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: eventSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await createEvent(await getDb(), actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/events/${result.value.eventId}?done=created`);
}

export default function NewEvent() {
  const { t } = useI18n();
  const { divisions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/admin/events">{t("eventsAdmin.back")}</Link>
      </p>
      <h1 className="page-title">{t("eventsAdmin.new.title")}</h1>
      <p className="lead">{t("eventsAdmin.new.lead")}</p>
      <EventForm
        id="event"
        lastResult={lastResult}
        divisions={divisions}
        submitLabel={t("eventsAdmin.new.submit")}
      />
    </div>
  );
}
