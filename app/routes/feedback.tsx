import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { feedbackSchema, FEEDBACK_KINDS, isSitePath, kindFromQuery, pageFromRequest } from "~/domain/feedback/feedback.schema";
import { sentFeedback, submitFeedback } from "~/domain/feedback/feedback.server";
import { UUID_RE } from "~/domain/ids";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { useI18n } from "~/i18n/use-i18n";

/*
 * The feedback form (issue 15): anyone, signed in or not, with or without JavaScript. It is protected as every form
 * is at the edge (same-origin check, body limits: server/app.ts) and limited in the domain (feedback.server.ts).
 * After sending, the page at `?sent=<id>` confirms with a reference (POST, redirect, GET: a reload sends nothing).
 */

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.sent ? pageTitle(matches, "basics.sent.title", "basics.sent.description") : pageTitle(matches, "basics.feedback.title", "basics.feedback.description");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sentId = url.searchParams.get("sent");
  if (sentId && UUID_RE.test(sentId)) {
    const sent = await sentFeedback(await getDb(), sentId);
    if (sent) return { sent, kind: undefined, page: undefined, signedIn: !!context.auth };
  }
  return {
    sent: null,
    kind: kindFromQuery(url.searchParams.get("kind")),
    page: pageFromRequest(url, request.headers.get("referer")),
    signedIn: !!context.auth,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), { schema: feedbackSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const user = context.auth?.user;
  const actor = user ? { id: user.id, role: user.role, regionCode: user.regionCode } : null;
  const result = await submitFeedback(await getDb(), submission.value, { actor, locale: context.locale });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/feedback?sent=${result.value.id}`);
}

export default function Feedback() {
  const { sent } = useLoaderData<typeof loader>();
  return sent ? <Sent {...sent} /> : <FeedbackForm />;
}

function HelplineLine({ text }: { text: string }) {
  const { t, locale } = useI18n();
  return (
    <p className="mb-6">
      {text} <a href="tel:12385" className="font-bold">{t("basics.helpline")}</a>
      {locale === "en" ? "." : "。"}
    </p>
  );
}

function FeedbackForm() {
  const { t } = useI18n();
  const { kind, page, signedIn } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "feedback",
    lastResult,
    defaultValue: { kind, page },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("basics.feedback.title")}</h1>
      <p className="lead mb-3">{t("basics.feedback.lead")}</p>
      <HelplineLine text={t("basics.feedback.phone")} />
      {signedIn ? <p className="notice">{t("basics.feedback.signedIn")}</p> : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <RadioGroup meta={fields.kind} legend={t("basics.feedback.kind")} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`basics.feedback.kind.${k}`) }))} />
        <Field meta={fields.page} label={t("basics.feedback.page")} hint={t(page ? "basics.feedback.page.hint" : "basics.feedback.page.hintEmpty")} type="text" optional />
        {/* No maxLength: the browser would cut a pasted text silently; the server says when it is too long and keeps it. */}
        <TextAreaField meta={fields.message} label={t("basics.feedback.message")} hint={t("basics.feedback.message.hint")} rows={8} />
        <Field meta={fields.contact} label={t("basics.feedback.contact")} hint={t("basics.feedback.contact.hint")} type="text" optional />
        <p className="mb-6">
          {t("basics.feedback.privacy")} <Link to="/privacy">{t("basics.feedback.privacyLink")}</Link>
        </p>
        <button type="submit" className="button">
          {t("basics.feedback.submit")}
        </button>
      </Form>
    </div>
  );
}

function Sent({ reference, replyExpected, page }: { reference: string; replyExpected: boolean; page: string | null }) {
  const { t } = useI18n();
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("basics.sent.title")}</h1>
      <div className="notice">
        <p>{t("basics.sent.reference")}</p>
        <p className="text-3xl font-bold tracking-wide">{reference}</p>
        <p className="mt-2">{t("basics.sent.referenceHint")}</p>
      </div>
      <h2 className="section-title">{t("basics.sent.next")}</h2>
      <p className="mb-6">{t(replyExpected ? "basics.sent.reply" : "basics.sent.noReply")}</p>
      <ul className="space-y-2">
        {page && isSitePath(page) ? (
          <li>
            <Link to={page}>{t("basics.sent.back")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/feedback">{t("basics.sent.another")}</Link>
        </li>
        <li>
          <Link to="/">{t("basics.sent.home")}</Link>
        </li>
      </ul>
    </div>
  );
}
