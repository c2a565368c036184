import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { registerSchema } from "~/domain/accounts/accounts.schema";
import { registerAccount, savePreferences } from "~/domain/accounts/accounts.server";
import { serializeSessionCookie } from "~/http/context.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { safeRedirect } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (context.auth) throw redirect(safeRedirect(redirectTo));
  return { redirectTo };
}

const HIDDEN = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: registerSchema });
  if (submission.status !== "success") return replyInvalid(submission, HIDDEN);
  const db = await getDb();
  const result = await registerAccount(db, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors, HIDDEN);
  // The language and display mode chosen before registering become the account's own.
  await savePreferences(db, result.value.userId, { locale: context.locale, ...context.display });
  return redirect(safeRedirect(formData.get("redirectTo"), "/dashboard?done=created"), {
    headers: { "Set-Cookie": serializeSessionCookie(result.value.sessionToken, result.value.expiresAt, context.secureCookies) },
  });
}

export default function Register() {
  const { t } = useI18n();
  const lastResult = useActionData<typeof action>();
  const { redirectTo } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "register",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("register.title")}</h1>
      <p className="lead">{t("register.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <RadioGroup
          meta={fields.role}
          legend={t("register.role")}
          options={[
            { value: "seeker", label: t("register.role.seeker") },
            { value: "employer", label: t("register.role.employer") },
          ]}
        />
        <Fieldset id="register-contact" legend={t("register.contact")} hint={t("register.contact.hint")}>
          <Field
            meta={fields.phone}
            label={t("register.phone")}
            hint={t("register.phone.hint")}
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            optional
          />
          <Field meta={fields.email} label={t("register.email")} hint={t("register.email.hint")} type="email" autoComplete="email" optional />
        </Fieldset>
        <Field meta={fields.password} label={t("register.password")} hint={t("register.password.hint")} type="password" autoComplete="new-password" />
        <Field meta={fields.confirmPassword} label={t("register.confirmPassword")} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t("register.submit")}
        </button>
      </Form>
      <p className="mt-6">
        {t("register.haveAccount")} <Link to="/login">{t("register.signInLink")}</Link>
      </p>
    </div>
  );
}
