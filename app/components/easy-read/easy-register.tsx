import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { EasyPage, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { ErrorSummary } from "~/components/form/error-summary";
import { describedBy, Field, FieldError, FieldHint, RadioGroup } from "~/components/form/field";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/register";

type Meta = FieldMetadata<string | undefined>;

/** Both-empty is one rule about the pair (as on the full page): shown once under the legend, each input pointing to it. */
const CONTACT_REQUIRED = "err.contactRequired";
const CONTACT_ID = "easy-register-contact";

function ContactInput({
  meta,
  label,
  hint,
  groupError,
  ...input
}: {
  meta: Meta;
  label: string;
  hint: string;
  groupError: boolean;
  type: "tel" | "email";
  inputMode: "numeric" | "email";
  autoComplete: string;
}) {
  const errors = meta.errors?.filter((e) => e !== CONTACT_REQUIRED);
  const own = !!errors?.length;
  const described = [describedBy(meta.id, true, own), groupError ? `${CONTACT_ID}-error` : null].filter(Boolean).join(" ");
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
 * Registration in easy read: who you are, a phone number or an email, a password twice, what we keep and why, and
 * the big "注册" button with what happens next. The same form, names and action as the full page.
 */
export function EasyRegister({ form, fields }: { form: FormMetadata<any, string[]>; fields: Record<"role" | "phone" | "email" | "password" | "confirmPassword", Meta> }) {
  const { t } = useI18n();
  const { redirectTo } = useLoaderData<typeof loader>();
  const groupError = [fields.phone, fields.email].some((m) => m.errors?.includes(CONTACT_REQUIRED));
  return (
    <EasyPage>
      <h1 className="easy-title">{t("easyRead.register.title")}</h1>
      <Lines lines={[t("easyRead.register.line1"), t("easyRead.register.line2")]} />
      <p className="mb-6">
        {t("easyRead.register.haveAccount")}{" "}
        <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}>{t("easyRead.register.signIn")}</Link>
      </p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="easy-form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <RadioGroup
          meta={fields.role}
          legend={t("easyRead.register.role")}
          options={[
            { value: "seeker", label: t("easyRead.register.role.seeker") },
            { value: "employer", label: t("easyRead.register.role.employer") },
          ]}
        />
        <fieldset className="fieldset" aria-describedby={describedBy(CONTACT_ID, true, groupError)}>
          <legend className="fieldset-legend">{t("easyRead.register.contact")}</legend>
          <FieldHint id={CONTACT_ID}>{t("easyRead.register.contact.hint")}</FieldHint>
          <FieldError id={CONTACT_ID} errors={groupError ? [CONTACT_REQUIRED] : undefined} />
          <ContactInput
            meta={fields.phone}
            label={t("easyRead.register.phone")}
            hint={t("easyRead.register.phone.hint")}
            groupError={groupError}
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
          />
          <ContactInput
            meta={fields.email}
            label={t("easyRead.register.email")}
            hint={t("easyRead.register.email.hint")}
            groupError={groupError}
            type="email"
            inputMode="email"
            autoComplete="email"
          />
        </fieldset>
        <Field meta={fields.password} label={t("easyRead.register.password")} hint={t("easyRead.register.password.hint")} type="password" autoComplete="new-password" />
        <Field
          meta={fields.confirmPassword}
          label={t("easyRead.register.confirmPassword")}
          hint={t("easyRead.register.confirmPassword.hint")}
          type="password"
          autoComplete="new-password"
        />

        <section aria-labelledby="easy-privacy-title" className="easy-card">
          <h2 id="easy-privacy-title" className="easy-box-title">
            {t("easyRead.register.privacy")}
          </h2>
          <Lines
            lines={[
              t("easyRead.register.privacy.keep"),
              t("easyRead.register.privacy.password"),
              t("easyRead.register.privacy.why"),
              t("easyRead.register.privacy.staff"),
              t("easyRead.register.privacy.employers"),
              t("easyRead.register.privacy.disability"),
            ]}
          />
          <p className="mt-2">
            <IconLink to="/privacy" icon="info">
              {t("easyRead.register.privacy.link")}
            </IconLink>
          </p>
        </section>

        <button type="submit" className="button easy-action">
          <EasyIcon name="person" />
          <span>{t("easyRead.register.submit")}</span>
        </button>
        <Next lines={[t("easyRead.register.next")]} />
      </Form>
    </EasyPage>
  );
}
