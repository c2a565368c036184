import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field, SelectField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { localeFromMatches } from "~/components/meta";
import { replyFor, requestsInWords } from "~/components/training/roster";
import { accessRequestKey, applySchema, COURSE_ARRANGEMENTS, enrolSchema, LINE_MAX, TRAINING_ACCESS_REQUESTS, type CourseArrangement } from "~/domain/training/courses.schema";
import { applyForCourse, cancelEnrolment, enrolFromCaseload, getCoursePage } from "~/domain/training/enrolments.server";
import { formatCalendarDate, formatYuan } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { isMessageKey, translator, type MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${data?.page.course.title ?? t("training.public.list.title")} - ${t("site.titleSuffix")}` }];
};

const NOTICES = {
  enrolled: "training.done.enrolled",
  waitlisted: "training.done.waitlisted",
  cancelled: "training.done.cancelledMine",
  referred: "training.done.referred",
  referredWaitlisted: "training.done.referredWaitlisted",
} as const satisfies Record<string, MessageKey>;

// Public: a published (or cancelled) course for everyone; each viewer gets their own part of it.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = context.auth;
  const actor = auth ? { id: auth.user.id, role: auth.user.role, regionCode: auth.user.regionCode } : null;
  const today = todayInShanghai();
  const page = await getCoursePage(await getDb(), actor, params.id ?? "", { today, ip: context.ip });
  const done = new URL(request.url).searchParams.get("done");
  return { page, ended: page.course.endsOn < today, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const id = params.id ?? "";
  const formData = await request.formData();
  const db = await getDb();
  // Each domain call checks the actor's permission first: another role's post answers 404.
  switch (formData.get("intent")) {
    case "apply": {
      const submission = parseSubmission(formData, { schema: applySchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await applyForCourse(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/training/${id}?done=${result.value.status === "waitlisted" ? "waitlisted" : "enrolled"}`);
    }
    case "enrol": {
      const submission = parseSubmission(formData, { schema: enrolSchema });
      if (submission.status !== "success") return replyInvalid(submission);
      const result = await enrolFromCaseload(db, actor, id, submission.value);
      if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
      return redirect(`/training/${id}?done=${result.value.status === "waitlisted" ? "referredWaitlisted" : "referred"}`);
    }
    case "cancel": {
      // Giving up a place asks once more: the place goes to the next person waiting.
      if (formData.get("confirm") !== "yes") return data({ confirmCancel: true }, { status: 200 });
      const result = await cancelEnrolment(db, actor, id);
      if (!result.ok) return data({ failure: Object.values(result.fieldErrors).flat()[0] ?? "training.err.notEnrolled" }, { status: 409 });
      return redirect(`/training/${id}?done=cancelled`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function CoursePage() {
  const { t, te, locale } = useI18n();
  const { page, ended, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { course: c, viewer } = page;
  const failure = actionData && "failure" in actionData ? actionData.failure : null;
  const confirmCancel = !!actionData && "confirmCancel" in actionData;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure || confirmCancel) alertRef.current?.focus();
  }, [failure, confirmCancel]);

  const [applyForm, applyFields] = useForm({
    id: "apply",
    lastResult: replyFor(actionData, "apply"),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applySchema }),
  });
  const [enrolForm, enrolFields] = useForm({
    id: "enrol",
    lastResult: replyFor(actionData, "enrol"),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enrolSchema }),
  });

  const none = t("training.none");
  const requestOptions = TRAINING_ACCESS_REQUESTS.map((code) => ({ value: code, label: t(accessRequestKey(code)) }));
  const paragraphs = c.description.split(/\n+/).filter((p) => p.trim());
  const mine = viewer.role === "seeker" ? viewer.enrolment : null;
  const closedText = page.closedReason && isMessageKey(page.closedReason) ? t(page.closedReason) : null;

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/training">{t("training.public.back")}</Link>
      </p>
      {c.status === "draft" ? <p className="notice">{t("training.public.draft")}</p> : null}
      <h1 className="page-title">{c.title}</h1>
      <p className="mb-4 flex flex-wrap gap-2">
        <span className="tag tag-info">{t(`realname.training.${c.kind}`)}</span>
        {c.status === "cancelled" ? (
          <span className="tag tag-danger">{t("training.courseStatus.cancelled")}</span>
        ) : ended ? (
          <span className="tag tag-muted">{t("training.public.ended")}</span>
        ) : null}
      </p>
      {c.status === "cancelled" ? <p className="notice font-bold">{t("training.public.cancelled")}</p> : null}
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary form={applyForm} />
      <ErrorSummary form={enrolForm} />
      {failure ? (
        <div ref={alertRef} className="error-summary" role="alert" aria-labelledby="course-error-title" tabIndex={-1}>
          <h2 id="course-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{te(failure)}</p>
        </div>
      ) : null}

      <section aria-labelledby="arrangements-title" className="card mb-6 border-2">
        <h2 id="arrangements-title" className="section-title mt-0">
          {t("training.public.arrangementsTitle")}
        </h2>
        {c.arrangements.length ? (
          <ul className="grid gap-2 sm:grid-cols-2">
            {c.arrangements
              .filter((a): a is CourseArrangement => (COURSE_ARRANGEMENTS as readonly string[]).includes(a))
              .map((a) => (
                <li key={a} className="flex items-center gap-2 text-lg font-bold">
                  <Icon name="check" className="h-7 w-7 shrink-0" />
                  {t(`events.arrangement.${a}`)}
                </li>
              ))}
          </ul>
        ) : (
          <p>{t("training.public.arrangementsNone")}</p>
        )}
        <p className="mt-3">{t("training.public.arrangementsAsk")}</p>
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="section-title">
          {t("training.public.details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("training.fact.kind")}</dt>
          <dd>{t(`realname.training.${c.kind}`)}</dd>
          <dt className="font-bold">{t("training.fact.dates")}</dt>
          <dd>{t("training.dates", { from: formatCalendarDate(locale, c.startsOn), to: formatCalendarDate(locale, c.endsOn) })}</dd>
          <dt className="font-bold">{t("training.fact.place")}</dt>
          <dd>{c.online ? t("training.place.online", { place: c.place }) : `${c.place} ${c.venue ?? ""}`.trim()}</dd>
          {c.link ? (
            <>
              <dt className="font-bold">{t("training.fact.link")}</dt>
              <dd className="break-all">
                <a href={c.link} rel="noopener noreferrer">
                  {c.link}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="font-bold">{t("training.fact.provider")}</dt>
          <dd>{c.providerName}</dd>
          <dt className="font-bold">{t("training.fact.seats")}</dt>
          <dd>{c.seatsLeft > 0 ? t("training.seatsLeft", { left: c.seatsLeft, capacity: c.capacity }) : t("training.seatsFull", { capacity: c.capacity, waitlisted: c.waitlisted })}</dd>
          <dt className="font-bold">{t("training.fact.subsidy")}</dt>
          <dd>{Number(c.subsidyPerTrainee) > 0 ? t("training.yuanPerTrainee", { amount: formatYuan(locale, Number(c.subsidyPerTrainee)) }) : t("training.public.noSubsidy")}</dd>
          <dt className="font-bold">{t("training.fact.closes")}</dt>
          <dd>{t("training.public.closesValue", { date: formatCalendarDate(locale, c.startsOn) })}</dd>
        </dl>
      </section>

      {viewer.role === "seeker" && mine ? (
        <section aria-labelledby="mine-title" className="card mt-8 border-2">
          <h2 id="mine-title" className="section-title mt-0">
            {t("training.mine.title")}
          </h2>
          <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t("training.mine.status")}</dt>
            <dd>
              <strong className="flex items-center gap-1">
                {mine.status === "enrolled" || mine.status === "completed" ? <Icon name="check" /> : null}
                {t(`training.status.${mine.status}`)}
              </strong>
            </dd>
            {mine.waitlistPosition !== null ? (
              <>
                <dt className="font-bold">{t("training.mine.position")}</dt>
                <dd>
                  <strong>{t("training.mine.positionValue", { position: mine.waitlistPosition })}</strong>
                </dd>
              </>
            ) : null}
            <dt className="font-bold">{t("training.mine.requests")}</dt>
            <dd>
              {mine.accessRequests.length ? requestsInWords(t, mine.accessRequests) : none}
              {mine.accessNote ? <span className="block">{mine.accessNote}</span> : null}
            </dd>
            {mine.enrolledByCounselor ? (
              <>
                <dt className="font-bold">{t("training.mine.by")}</dt>
                <dd>{t("training.mine.byCounselor")}</dd>
              </>
            ) : null}
            {mine.attendedDays !== null ? (
              <>
                <dt className="font-bold">{t("training.mine.attended")}</dt>
                <dd>{t("training.days", { count: mine.attendedDays })}</dd>
              </>
            ) : null}
            {mine.completedOn ? (
              <>
                <dt className="font-bold">{t("training.mine.completedOn")}</dt>
                <dd>{formatCalendarDate(locale, mine.completedOn)}</dd>
              </>
            ) : null}
            {mine.certificate ? (
              <>
                <dt className="font-bold">{t("training.mine.certificate")}</dt>
                <dd>
                  {t("training.mine.certificateValue", {
                    name: [mine.certificate.name, mine.certificate.level].filter(Boolean).join(" "),
                    issuer: mine.certificate.issuer,
                    date: formatCalendarDate(locale, mine.certificate.issuedOn),
                  })}
                  <span className="block">
                    <Link to="/profile">{t("training.mine.certificateProfile")}</Link>
                  </span>
                </dd>
              </>
            ) : null}
          </dl>
          {(mine.status === "enrolled" || mine.status === "waitlisted") && !ended && c.status === "published" ? (
            confirmCancel ? (
              <div ref={alertRef} className="card border-2 border-danger" role="alert" aria-labelledby="confirm-cancel-title" tabIndex={-1}>
                <h3 id="confirm-cancel-title" className="text-lg font-bold">
                  {t("training.mine.confirmTitle")}
                </h3>
                <p className="mb-3">{t(mine.status === "enrolled" ? "training.mine.confirmEnrolled" : "training.mine.confirmWaitlisted")}</p>
                <div className="flex flex-wrap gap-4">
                  <Form method="post">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="confirm" value="yes" />
                    <button type="submit" className="button">
                      {t("training.mine.confirm")}
                    </button>
                  </Form>
                  <Link to={`/training/${c.id}`} className="button button-secondary">
                    {t("training.mine.keep")}
                  </Link>
                </div>
              </div>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <p className="mb-3">{t("training.mine.cancelHint")}</p>
                <button type="submit" className="button button-secondary">
                  {t("training.mine.cancel")}
                </button>
              </Form>
            )
          ) : null}
        </section>
      ) : viewer.role === "seeker" || viewer.role === "visitor" ? (
        <section aria-labelledby="apply-title" className="card mt-8">
          <h2 id="apply-title" className="section-title mt-0">
            {t("training.apply.title")}
          </h2>
          {!page.open ? (
            <p>{closedText}</p>
          ) : viewer.role === "visitor" ? (
            <>
              <p className="mb-3">{t("training.apply.visitor")}</p>
              <p className="flex flex-wrap gap-4">
                <Link to={`/login?redirectTo=${encodeURIComponent(`/training/${c.id}`)}`} className="button">
                  {t("training.apply.signIn")}
                </Link>
                <Link to="/register" className="button button-secondary">
                  {t("training.apply.createAccount")}
                </Link>
              </p>
            </>
          ) : (
            <>
              <p className="mb-3">{t("training.apply.intro")}</p>
              {c.seatsLeft === 0 ? <p className="notice">{t("training.apply.full")}</p> : null}
              <Form method="post" {...getFormProps(applyForm)}>
                <input type="hidden" name="intent" value="apply" />
                <CheckboxGroup meta={applyFields.accessRequests} legend={t("training.apply.accessLegend")} hint={t("training.apply.accessHint")} options={requestOptions} />
                <Field meta={applyFields.accessNote} label={t("training.apply.note")} hint={t("training.apply.noteHint")} maxLength={LINE_MAX} autoComplete="off" optional />
                <button type="submit" className="button">
                  {t("training.apply.submit")}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : viewer.role === "counselor" ? (
        <section aria-labelledby="enrol-title" className="card mt-8">
          <h2 id="enrol-title" className="section-title mt-0">
            {t("training.enrol.title")}
          </h2>
          {!page.open ? (
            <p>{closedText}</p>
          ) : viewer.caseload.length === 0 ? (
            <p>
              {t("training.enrol.empty")} <Link to="/caseload">{t("training.enrol.caseloadLink")}</Link>
            </p>
          ) : (
            <>
              <p className="mb-3">{t("training.enrol.intro")}</p>
              <Form method="post" {...getFormProps(enrolForm)}>
                <input type="hidden" name="intent" value="enrol" />
                <SelectField
                  meta={enrolFields.seekerId}
                  label={t("training.enrol.seeker")}
                  hint={t("training.enrol.seekerHint")}
                  options={viewer.caseload.map((p) => ({
                    value: p.seekerId,
                    label: p.status ? t("training.enrol.seekerWithStatus", { name: p.name, status: t(`training.status.${p.status}`) }) : p.name,
                  }))}
                  placeholder={t("training.form.choose")}
                />
                <CheckboxGroup meta={enrolFields.accessRequests} legend={t("training.enrol.accessLegend")} hint={t("training.enrol.accessHint")} options={requestOptions} />
                <Field meta={enrolFields.accessNote} label={t("training.apply.note")} hint={t("training.apply.noteHint")} maxLength={LINE_MAX} autoComplete="off" optional />
                <button type="submit" className="button">
                  {t("training.enrol.submit")}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : viewer.role === "provider" ? (
        <p className="mt-8">
          <Link to={`/provider/courses/${c.id}`} className="button">
            {t("training.public.providerManage")}
          </Link>
        </p>
      ) : viewer.role === "staff" && viewer.canManage ? (
        <p className="mt-8">
          <Link to={`/admin/courses/${c.id}`} className="button">
            {t("training.public.staffManage")}
          </Link>
        </p>
      ) : (
        <p className="mt-8">{t("training.public.otherRole")}</p>
      )}

      {paragraphs.length ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="section-title">
            {t("training.public.description")}
          </h2>
          {paragraphs.map((p, i) => (
            <p key={i} className="mb-3">
              {p}
            </p>
          ))}
        </section>
      ) : null}
    </div>
  );
}
