import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { loginSchema } from "~/domain/accounts/accounts.schema";
import { signIn } from "~/domain/accounts/accounts.server";
import { invalidateSession } from "~/domain/accounts/session.server";
import { serializeSessionCookie } from "~/http/context.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { safeRedirect } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

const NOTICES = { "signed-out": "login.signedOut", "password-changed": "login.passwordChanged" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = url.searchParams.get("redirectTo");
  if (context.auth) throw redirect(safeRedirect(redirectTo));
  const done = url.searchParams.get("done");
  return { redirectTo: redirectTo ?? "", notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") return replyInvalid(submission, ["password"]);
  const db = await getDb();
  const result = await signIn(db, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors, ["password"]);
  // A new session id at every sign-in; a session this browser already had ends.
  if (context.auth) await invalidateSession(db, context.auth.sessionId);
  const to = safeRedirect(submission.value.redirectTo, "/dashboard?done=signed-in");
  return redirect(to, {
    headers: { "Set-Cookie": serializeSessionCookie(result.value.sessionToken, result.value.expiresAt, context.secureCookies) },
  });
}

export default function Login() {
  const { t } = useI18n();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("login.title")}</h1>
      {notice && !lastResult ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.identifier} label={t("login.identifier")} type="text" autoComplete="username" spellCheck={false} />
        <Field meta={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
      <p className="mt-6">
        {t("login.noAccount")} <Link to="/register">{t("login.registerLink")}</Link>
      </p>
    </div>
  );
}
