import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { retryMessage } from "~/domain/accounts/accounts.server";
import { phoneCodeSchema } from "~/domain/notifications/channel-settings.schema";
import { phoneStatus, sendCode, verifyCode } from "~/domain/notifications/phone.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { errorMessage } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Verifying the account's mobile number by a code (issue 17): send a code → type it → verified. Registration with a
 * phone number brings the person here (?from=register), where the step may be skipped.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "phone.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const status = await phoneStatus(await getDb(), actor.id);
  const q = new URL(request.url).searchParams;
  return {
    phone: status.phone,
    verified: !!status.verifiedAt,
    fromRegister: q.get("from") === "register",
    sent: q.get("done") === "sent",
    done: q.get("done") === "verified",
  };
}

const sendSchema = z.object({});

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  const db = await getDb();
  const from = formData.get("from") === "register" ? "&from=register" : "";
  const { phone } = await phoneStatus(db, actor.id);
  if (formData.get("intent") === "send") {
    const submission = parseSubmission(formData, { schema: sendSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    if (!phone) return replyWithErrors(submission, { "": ["phone.err.noPhone"] });
    const now = new Date();
    const sent = await sendCode(db, { phone, purpose: "phone", userId: actor.id }, { now });
    if (!sent.ok) return replyWithErrors(submission, { "": [sent.reason === "wait" ? retryMessage("phone.err.wait", sent.retryAt, now) : "err.phoneFormat"] });
    return redirect(`/account/phone?done=sent${from}`);
  }
  const submission = parseSubmission(formData, { schema: phoneCodeSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  if (!phone) return replyWithErrors(submission, { "": ["phone.err.noPhone"] });
  const result = await verifyCode(db, { phone, code: submission.value.code, purpose: "phone", userId: actor.id });
  if (!result.ok) {
    const message =
      result.reason === "expired" ? "phone.err.expired" : result.attemptsLeft > 0 ? errorMessage("phone.err.wrong", { count: result.attemptsLeft }) : "phone.err.locked";
    return replyWithErrors(submission, { code: [message] });
  }
  return redirect(`/account/phone?done=verified${from}`);
}

/** 138****5678: enough to recognise one's own number on a shared screen. */
function masked(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export default function AccountPhone() {
  const { t } = useI18n();
  const { phone, verified, fromRegister, sent, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  const [sendForm] = useForm({ id: "phone-send", lastResult: intent === "send" ? lastResult : undefined });
  const [verifyForm, fields] = useForm({
    id: "phone-verify",
    lastResult: intent === "send" ? undefined : lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phoneCodeSchema }),
  });
  const continueLink = fromRegister ? (
    <p>
      <Link to="/dashboard?done=created">{done ? t("phone.continue") : t("phone.skip")}</Link>
    </p>
  ) : null;

  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("phone.title")}</h1>
      {fromRegister && !done ? (
        <div className="notice" role="status">
          <h2 className="mb-2 text-lg font-bold">{t("phone.fromRegister.title")}</h2>
          <p>{t("phone.fromRegister.text")}</p>
        </div>
      ) : null}
      <p className="lead">{t("phone.lead")}</p>
      {!phone ? (
        <p>{t("phone.none")}</p>
      ) : verified ? (
        <>
          <p className={done ? "notice" : undefined} role={done ? "status" : undefined}>
            {done ? t("phone.done") : null} {t("phone.verified", { phone: masked(phone) })}
          </p>
          <p>
            <Link to="/account/notifications">{t("phone.preferences")}</Link>
          </p>
          {continueLink}
        </>
      ) : (
        <>
          <p>{t("phone.notVerified", { phone: masked(phone) })}</p>
          {sent && !lastResult ? (
            <p className="notice" role="status">
              {t("phone.sent", { phone: masked(phone) })}
            </p>
          ) : null}

          <h2 className="section-title">{t("phone.send.title")}</h2>
          <ErrorSummary form={sendForm} />
          <p className="field-hint">{t("phone.send.hint")}</p>
          <Form method="post" {...getFormProps(sendForm)}>
            {fromRegister ? <input type="hidden" name="from" value="register" /> : null}
            <button type="submit" name="intent" value="send" className={sent ? "button button-secondary" : "button"}>
              {sent ? t("phone.send.again") : t("phone.send.submit")}
            </button>
          </Form>

          <h2 className="section-title">{t("phone.verify.title")}</h2>
          <ErrorSummary form={verifyForm} />
          <Form method="post" {...getFormProps(verifyForm)}>
            {fromRegister ? <input type="hidden" name="from" value="register" /> : null}
            <input type="hidden" name="intent" value="verify" />
            <Field
              meta={fields.code}
              label={t("phone.code")}
              hint={t("phone.code.hint")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              className="field-input w-40"
            />
            <button type="submit" className="button">
              {t("phone.verify.submit")}
            </button>
          </Form>
          {continueLink}
        </>
      )}
    </div>
  );
}
