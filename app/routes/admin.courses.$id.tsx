import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { getDb } from "../../db/database";
import { localeFromMatches, pageTitle } from "~/components/meta";
import { CourseForm } from "~/components/training/course-form";
import { replyFor, RosterSection } from "~/components/training/roster";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { certificateSchema, courseSchema, outcomeSchema } from "~/domain/training/courses.schema";
import { getCourseForEdit, listTrainingBases, setCourseStatus, updateCourse } from "~/domain/training/courses.server";
import { getRoster, recordCertificate, recordOutcome } from "~/domain/training/enrolments.server";
import { formatCalendarDate, formatYuan } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  if (!data) return pageTitle(matches, "training.admin.view.title");
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data.course.title} - ${t("training.admin.view.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = {
  created: "training.done.created",
  updated: "training.done.updated",
  published: "training.done.published",
  cancelled: "training.done.cancelled",
  outcome: "training.done.outcome",
  certificate: "training.done.certificate",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:course", { regionCode: actor.regionCode });
  const db = await getDb();
  const url = new URL(request.url);
  const course = await getCourseForEdit(db, actor, params.id ?? "");
  const [divisions, bases, roster] = await Promise.all([
    listDivisionsWithin(db, actor.regionCode!),
    listTrainingBases(db, actor),
    // The roster names people: its read (the page shown, and the person picked) is audited by the domain.
    getRoster(db, actor, course.id, { page: Math.trunc(Number(url.searchParams.get("page"))) || 1, enrolmentId: url.searchParams.get("enrolment"), ip: context.ip }),
  ]);
  const providers = bases.some((b) => b.id === course.providerId) ? bases : [...bases, { id: course.providerId, name: course.providerName, regionCode: "", validFrom: "", validTo: null }];
  const done = url.searchParams.get("done");
  const today = todayInShanghai();
  const { course: _, ...rosterData } = roster;
  return {
    course,
    divisions,
    providers,
    roster: rosterData,
    today,
    confirmCancel: false,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
    promoted: done === "updated" ? Math.max(0, Math.trunc(Number(url.searchParams.get("promoted"))) || 0) : 0,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:course", { regionCode: actor.regionCode });
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  const back = (done: string, extra = "") => redirect(`/admin/courses/${id}?done=${done}${extra}`);
  switch (intent) {
    case "publish":
    case "cancel": {
      // Cancelling tells everyone enrolled: it asks once more before it happens.
      if (intent === "cancel" && formData.get("confirm") !== "yes") return data({ confirmCancel: true }, { status: 200 });
      const result = await setCourseStatus(db, actor, id, intent === "publish" ? "published" : "cancelled");
      if (!result.ok) return data({ statusError: result.fieldErrors[""]?.[0] ?? "training.err.status" }, { status: 400 });
      return back(intent === "publish" ? "published" : "cancelled");
    }
    case "edit": {
      const submission = parseSubmission(formData, { schema: courseSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await updateCourse(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back("updated", result.value.promoted ? `&promoted=${result.value.promoted}` : "");
    }
    case "outcome": {
      const submission = parseSubmission(formData, { schema: outcomeSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await recordOutcome(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back("outcome", `&enrolment=${submission.value.enrolmentId}#outcome`);
    }
    case "certificate": {
      const submission = parseSubmission(formData, { schema: certificateSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await recordCertificate(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return back("certificate", `&enrolment=${submission.value.enrolmentId}#outcome`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-10 max-w-3xl">
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function AdminCourse() {
  const { t, te, locale } = useI18n();
  const { course: c, divisions, providers, roster, today, notice, promoted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const statusError = actionData && "statusError" in actionData ? actionData.statusError : null;
  const confirmCancel = !!actionData && "confirmCancel" in actionData;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (statusError || confirmCancel) alertRef.current?.focus();
  }, [statusError, confirmCancel]);
  const none = t("training.none");
  const people = c.enrolled + c.waitlisted;
  const facts: [string, ReactNode][] = [
    [t("training.fact.status"), t(`training.courseStatus.${c.status}`)],
    [t("training.fact.kind"), t(`realname.training.${c.kind}`)],
    [t("training.fact.provider"), c.providerName],
    [t("training.fact.dates"), t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })],
    [t("training.fact.place"), c.online ? t("training.place.online", { place: c.place }) : `${c.place} ${c.venue ?? ""}`.trim()],
    [t("training.fact.link"), c.link ? <span className="break-all">{c.link}</span> : none],
    [t("training.fact.arrangements"), c.arrangements.length ? c.arrangements.map((a) => t(`events.arrangement.${a}` as MessageKey)).join(t("training.listSeparator")) : none],
    [t("training.fact.seats"), t("training.ofCapacity", { enrolled: c.enrolled, capacity: c.capacity })],
    [t("training.fact.waitlist"), t("training.people", { count: c.waitlisted })],
    [t("training.fact.subsidy"), t("training.yuanPerTrainee", { amount: formatYuan(locale, Number(c.subsidyPerTrainee)) })],
  ];
  const formDefaults = {
    title: c.title,
    kind: c.kind,
    providerId: c.providerId,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    mode: c.online ? "online" : "in_person",
    regionCode: c.regionCode,
    venue: c.venue ?? "",
    link: c.link ?? "",
    arrangements: c.arrangements,
    capacity: String(c.capacity),
    subsidyPerTrainee: String(Number(c.subsidyPerTrainee)),
    description: c.description,
  } as const;

  return (
    <div>
      <p className="mb-4">
        <Link to="/admin/courses">{t("training.admin.back")}</Link>
      </p>
      <h1 className="page-title">{c.title}</h1>
      {notice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(notice)}</p>
          {promoted > 0 ? <p>{t("training.done.promoted", { count: promoted })}</p> : null}
        </div>
      ) : null}

      <nav aria-label={t("training.admin.view.contents")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          <li>
            <a href="#facts">{t("training.admin.facts")}</a>
          </li>
          <li>
            <a href="#roster">{t("training.roster.title")}</a>
          </li>
          <li>
            <a href="#edit">{t("training.admin.edit")}</a>
          </li>
        </ul>
      </nav>

      <Section id="facts" title={t("training.admin.facts")}>
        <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-bold">{term}</dt>
              <dd className="mb-2 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mb-6">
          {c.status === "draft" ? <span>{t("training.admin.publicPage.draft")}</span> : <Link to={`/training/${c.id}`}>{t("training.admin.publicPage.link")}</Link>}
        </p>
        {statusError ? (
          <div ref={alertRef} className="error-summary" role="alert" aria-labelledby="status-error-title" tabIndex={-1}>
            <h3 id="status-error-title" className="error-summary-title">
              {t("form.errorSummary")}
            </h3>
            <p className="font-bold text-danger">{te(statusError)}</p>
          </div>
        ) : null}
        {c.status === "draft" ? (
          <div className="card mb-4">
            <h3 className="text-lg font-bold">{t("training.admin.publish.title")}</h3>
            <p id="publish-explain" className="mb-3">
              {t("training.admin.publish.explain")}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button" aria-describedby="publish-explain">
                {t("training.admin.publish.submit")}
              </button>
            </Form>
          </div>
        ) : null}
        {c.status === "cancelled" ? (
          <p className="notice">{t("training.admin.cancel.already")}</p>
        ) : confirmCancel ? (
          <div ref={alertRef} className="card border-2 border-danger" role="alert" aria-labelledby="confirm-cancel-title" tabIndex={-1}>
            <h3 id="confirm-cancel-title" className="text-lg font-bold">
              {t("training.admin.cancel.confirmTitle")}
            </h3>
            <p className="mb-3">{t("training.admin.cancel.explain", { count: people })}</p>
            <div className="flex flex-wrap gap-4">
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" className="button">
                  {t("training.admin.cancel.confirm")}
                </button>
              </Form>
              <Link to={`/admin/courses/${c.id}`} className="button button-secondary">
                {t("training.admin.cancel.keep")}
              </Link>
            </div>
          </div>
        ) : (
          <div className="card">
            <h3 className="text-lg font-bold">{t("training.admin.cancel.title")}</h3>
            <p id="cancel-explain" className="mb-3">
              {t("training.admin.cancel.explain", { count: people })}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button-secondary" aria-describedby="cancel-explain">
                {t("training.admin.cancel.submit")}
              </button>
            </Form>
          </div>
        )}
      </Section>

      <RosterSection roster={roster} actionData={actionData} today={today} courseStarted={today >= c.startsOn && c.status !== "draft"} />

      <Section id="edit" title={t("training.admin.edit")}>
        <p className="mb-4">{t(c.status === "published" ? "training.admin.edit.leadPublished" : "training.admin.edit.lead")}</p>
        <CourseForm
          id="course"
          intent="edit"
          lastResult={replyFor(actionData, "edit")}
          defaultValue={formDefaults}
          divisions={divisions}
          providers={providers}
          submitLabel={t("training.admin.edit.submit")}
        />
      </Section>
    </div>
  );
}
