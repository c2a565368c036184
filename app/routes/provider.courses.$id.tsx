import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { RosterSection } from "~/components/training/roster";
import { certificateSchema, outcomeSchema } from "~/domain/training/courses.schema";
import { getRoster, recordCertificate, recordOutcome } from "~/domain/training/enrolments.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "training.provider.view.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data.course.title} - ${t("training.provider.view.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = { outcome: "training.done.outcome", certificate: "training.done.certificate" } as const satisfies Record<string, MessageKey>;

/**
 * The provider's page of one course: its members keep attendance, outcomes and certificates. The same roster and
 * forms as the admin's course page (app/components/training/roster.tsx); the domain lets in the members of the
 * course's provider and the admins of its region, and answers 404 to anyone else.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const roster = await getRoster(await getDb(), actor, params.id ?? "", {
    page: Math.trunc(Number(url.searchParams.get("page"))) || 1,
    enrolmentId: url.searchParams.get("enrolment"),
    ip: context.ip,
  });
  const done = url.searchParams.get("done");
  const { course, ...rosterData } = roster;
  return { course, roster: rosterData, today: todayInShanghai(), notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  switch (formData.get("intent")) {
    case "outcome": {
      const submission = parseSubmission(formData, { schema: outcomeSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await recordOutcome(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/provider/courses/${id}?done=outcome&enrolment=${submission.value.enrolmentId}#outcome`);
    }
    case "certificate": {
      const submission = parseSubmission(formData, { schema: certificateSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await recordCertificate(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/provider/courses/${id}?done=certificate&enrolment=${submission.value.enrolmentId}#outcome`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function ProviderCourse() {
  const { t, locale } = useI18n();
  const { course: c, roster, today, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <p className="mb-4">
        <Link to="/provider/courses">{t("training.provider.back")}</Link>
      </p>
      <h1 className="page-title">{c.title}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("training.fact.status")}</dt>
        <dd>{t(`training.courseStatus.${c.status}`)}</dd>
        <dt className="font-bold">{t("training.fact.kind")}</dt>
        <dd>{t(`realname.training.${c.kind}`)}</dd>
        <dt className="font-bold">{t("training.fact.dates")}</dt>
        <dd>{t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}</dd>
        <dt className="font-bold">{t("training.fact.place")}</dt>
        <dd>{c.online ? t("training.place.online", { place: c.place }) : `${c.place} ${c.venue ?? ""}`.trim()}</dd>
        <dt className="font-bold">{t("training.fact.seats")}</dt>
        <dd>{t("training.ofCapacity", { enrolled: c.enrolled, capacity: c.capacity })}</dd>
        <dt className="font-bold">{t("training.fact.waitlist")}</dt>
        <dd>{t("training.people", { count: c.waitlisted })}</dd>
      </dl>
      <p className="mb-8">
        <Link to={`/training/${c.id}`}>{t("training.admin.publicPage.link")}</Link>
      </p>
      <RosterSection roster={roster} actionData={actionData} today={today} courseStarted={today >= c.startsOn} />
    </div>
  );
}
