import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { changePasswordSchema } from "~/domain/accounts/accounts.schema";
import { changePassword } from "~/domain/accounts/accounts.server";
import { countUserSessions, invalidateUserSessions } from "~/domain/accounts/session.server";
import { clearSessionCookie } from "~/http/context.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const user = context.auth!.user;
  const sessions = await countUserSessions(await getDb(), actor.id);
  const changed = new URL(request.url).searchParams.get("done") === "password";
  return { phone: user.phone, email: user.email, role: user.role, sessions, changed };
}

const HIDDEN = ["currentPassword", "newPassword", "confirmNewPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "sign-out-everywhere") {
    await invalidateUserSessions(db, actor.id);
    return redirect("/login?done=signed-out", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
  }
  const submission = parseSubmission(formData, { schema: changePasswordSchema });
  if (submission.status !== "success") return replyInvalid(submission, HIDDEN);
  const result = await changePassword(db, actor, actor.sessionId, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors, HIDDEN);
  return redirect("/account?done=password");
}

export default function Account() {
  const { t } = useI18n();
  const { phone, email, role, sessions, changed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("account.title")}</h1>
      {changed && !lastResult ? (
        <p className="notice" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <h2 className="section-title">{t("account.details")}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">{t("account.role")}</dt>
        <dd>{t(`role.${role}`)}</dd>
        <dt className="font-bold">{t("account.phone")}</dt>
        <dd>{phone ?? t("account.none")}</dd>
        <dt className="font-bold">{t("account.email")}</dt>
        <dd>{email ?? t("account.none")}</dd>
      </dl>

      <h2 className="section-title">{t("channels.accountLinks")}</h2>
      <ul className="grid gap-1">
        <li>
          <Link to="/account/notifications">{t("channels.title")}</Link>
        </li>
        <li>
          <Link to="/account/phone">{t("phone.title")}</Link>
        </li>
      </ul>

      <h2 className="section-title">{t("account.changePassword")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <Field meta={fields.currentPassword} label={t("account.currentPassword")} type="password" autoComplete="current-password" />
        <Field
          meta={fields.newPassword}
          label={t("account.newPassword")}
          hint={t("account.newPassword.hint")}
          type="password"
          autoComplete="new-password"
        />
        <Field meta={fields.confirmNewPassword} label={t("account.confirmNewPassword")} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t("account.changePassword.submit")}
        </button>
      </Form>

      <h2 className="section-title">{t("account.sessions")}</h2>
      <p className="mb-3">{t("account.sessions.text", { count: sessions })}</p>
      <Form method="post">
        <button type="submit" name="intent" value="sign-out-everywhere" className="button button-secondary">
          {t("account.signOutEverywhere")}
        </button>
      </Form>
    </div>
  );
}
