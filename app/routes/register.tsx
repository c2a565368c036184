import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { EasyRegister } from "~/components/easy-read/easy-register";
import { ErrorSummary } from "~/components/form/error-summary";
import { describedBy, Field, FieldError, FieldHint, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { useDisplay } from "~/components/use-display";
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
  // Verifying the number is a step of its own after the account exists: registration never waits for an SMS.
  const next = formData.get("verifyPhone") === "on" && submission.value.phone ? "/account/phone?from=register" : null;
  return redirect(next ?? safeRedirect(formData.get("redirectTo"), "/dashboard?done=created"), {
    headers: { "Set-Cookie": serializeSessionCookie(result.value.sessionToken, result.value.expiresAt, context.secureCookies) },
  });
}

/** Both-empty is one rule about the pair: it is shown under the legend, and each input points to it. */
const CONTACT_REQUIRED = "err.contactRequired";

function ContactInput({
  meta,
  label,
  hint,
  groupError,
  ...input
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  hint: string;
  groupError: boolean;
  type: "tel" | "email";
  inputMode?: "numeric" | "email";
  autoComplete: string;
}) {
  const errors = meta.errors?.filter((e) => e !== CONTACT_REQUIRED);
  const own = !!errors?.length;
  const described = [describedBy(meta.id, true, own), groupError ? "register-contact-error" : null].filter(Boolean).join(" ");
  const initial = meta.initialValue;
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field-label">
        {label}
      </label>
      <FieldHint id={meta.id}>{hint}</FieldHint>
      <FieldError id={meta.id} errors={errors} />
      <input
        key={meta.key}
        id={meta.id}
        name={meta.name}
        defaultValue={typeof initial === "string" ? initial : undefined}
        aria-invalid={own || groupError ? true : undefined}
        aria-describedby={described}
        className="field-input"
        {...input}
      />
    </div>
  );
}

/**
 * Phone and email: one of them is required, so neither is marked optional; the legend states the rule. The error
 * for "neither given" sits at the phone field in the submission (so the summary links to the first input) and is
 * shown once, under the legend.
 */
function ContactFields({ phone, email }: { phone: FieldMetadata<string | undefined>; email: FieldMetadata<string | undefined> }) {
  const { t } = useI18n();
  const groupError = !!phone.errors?.includes(CONTACT_REQUIRED) || !!email.errors?.includes(CONTACT_REQUIRED);
  return (
    <fieldset className="fieldset" aria-describedby={describedBy("register-contact", true, groupError)}>
      <legend className="fieldset-legend">{t("register.contact")}</legend>
      <FieldHint id="register-contact">{t("register.contact.hint")}</FieldHint>
      <FieldError id="register-contact" errors={groupError ? [CONTACT_REQUIRED] : undefined} />
      <ContactInput meta={phone} label={t("register.phone")} hint={t("register.phone.hint")} groupError={groupError} type="tel" inputMode="numeric" autoComplete="tel" />
      <ContactInput meta={email} label={t("register.email")} hint={t("register.email.hint")} groupError={groupError} type="email" autoComplete="email" />
    </fieldset>
  );
}

/** What registration collects, why and who sees it, at the point of collection (PIPL art. 17). */
function PrivacyNotice() {
  const { t } = useI18n();
  return (
    <div className="notice">
      <h2 className="mb-2 text-lg font-bold">
        {t("accountUx.privacy.title")}
      </h2>
      <ul className="mb-2 grid gap-1">
        <li>{t("accountUx.privacy.collect")}</li>
        <li>{t("accountUx.privacy.why")}</li>
        <li>{t("accountUx.privacy.who")}</li>
        <li>{t("accountUx.privacy.sensitive")}</li>
      </ul>
      <p>
        <Link to="/privacy">{t("accountUx.privacy.link")}</Link>
      </p>
    </div>
  );
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
  const display = useDisplay();
  if (display.easyRead) return <EasyRegister form={form} fields={fields} />;
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
        <ContactFields phone={fields.phone} email={fields.email} />
        <div className="field flex items-start gap-3">
          <input type="checkbox" id="register-verifyPhone" name="verifyPhone" aria-describedby="register-verifyPhone-hint" className="mt-1 h-6 w-6 shrink-0" />
          <div>
            <label htmlFor="register-verifyPhone" className="field-label">
              {t("phone.register.verifyNow")}
            </label>
            <p id="register-verifyPhone-hint" className="field-hint">
              {t("phone.register.note")}
            </p>
          </div>
        </div>
        <Field meta={fields.password} label={t("register.password")} hint={t("register.password.hint")} type="password" autoComplete="new-password" />
        <Field meta={fields.confirmPassword} label={t("register.confirmPassword")} type="password" autoComplete="new-password" />
        <PrivacyNotice />
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
