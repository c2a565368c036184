import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, RadioGroup, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { RegionPicker } from "~/components/region-picker";
import { INDUSTRIES, label, ORGANIZATION_TYPES } from "~/domain/catalog";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { regionTree } from "~/domain/divisions/regions";
import { organizationSchema } from "~/domain/organizations/organizations.schema";
import { registrationForm, submitOrganization } from "~/domain/organizations/organizations.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.form.mode === "resubmit" ? "organizations.resubmit.title" : "organizations.register.title");

const PROVINCE = "520000";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:organization", { ownerId: actor.id });
  const db = await getDb();
  const form = await registrationForm(db, actor);
  if (form.mode === "none") throw redirect("/employer");
  // Counties grouped under their prefecture (a plain <select> with <optgroup>s works without JavaScript).
  const prefectures = regionTree(await listDivisionsWithin(db, PROVINCE));
  return { form, prefectures };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:organization", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: organizationSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await submitOrganization(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/employer?done=${result.value.resubmitted ? "resubmitted" : "registered"}`);
}

export default function RegisterOrganization() {
  const { t, locale } = useI18n();
  const { form: mode, prefectures } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const existing = mode.mode === "resubmit" ? mode.organization : null;
  const [form, fields] = useForm({
    id: "organization",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationSchema }),
    defaultValue: existing
      ? {
          name: existing.name,
          uscc: existing.uscc,
          type: existing.type,
          regionCode: existing.regionCode,
          address: existing.address ?? "",
          industry: existing.industry,
          staffCount: String(existing.staffCount),
          contactName: existing.contactName,
          contactPhone: existing.contactPhone ?? "",
          contactEmail: existing.contactEmail ?? "",
        }
      : undefined,
  });
  // The number field is typed as text so what was typed (even "一百") comes back to the person to correct.
  const staffCount = fields.staffCount as unknown as FieldMetadata<string | undefined>;
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t(existing ? "organizations.resubmit.title" : "organizations.register.title")}</h1>
      <p className="lead">{t(existing ? "organizations.resubmit.lead" : "organizations.register.lead")}</p>
      {existing?.status === "rejected" && existing.rejectionReason ? (
        <p className="notice">{t("organizations.resubmit.reason", { reason: existing.rejectionReason })}</p>
      ) : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <Field meta={fields.name} label={t("organizations.field.name")} hint={t("organizations.field.name.hint")} autoComplete="organization" />
        <Field
          meta={fields.uscc}
          label={t("organizations.field.uscc")}
          hint={t("organizations.field.uscc.hint")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={30}
          className="field-input font-mono"
        />
        <RadioGroup
          meta={fields.type}
          legend={t("organizations.field.type")}
          options={ORGANIZATION_TYPES.map((o) => ({ value: o.code, label: label(ORGANIZATION_TYPES, o.code, locale) }))}
        />
        <RegionPicker
          meta={fields.regionCode}
          label={t("organizations.field.region")}
          hint={t("organizations.field.region.hint")}
          placeholder={t("organizations.field.region.placeholder")}
          prefectures={prefectures}
          prefectureLabel={t("regionPicker.employer.prefecture")}
        />
        <Field
          meta={fields.address}
          label={t("organizations.field.address")}
          hint={t("organizations.field.address.hint")}
          autoComplete="street-address"
        />
        <SelectField
          meta={fields.industry}
          label={t("organizations.field.industry")}
          options={INDUSTRIES.map((o) => ({ value: o.code, label: label(INDUSTRIES, o.code, locale) }))}
          placeholder={t("organizations.field.industry.placeholder")}
        />
        <Field
          meta={staffCount}
          label={t("organizations.field.staffCount")}
          hint={t("organizations.field.staffCount.hint")}
          inputMode="numeric"
          autoComplete="off"
          className="field-input"
        />
        <Fieldset id="organization-contact" legend={t("organizations.field.contact")} hint={t("organizations.field.contact.hint")}>
          <Field meta={fields.contactName} label={t("organizations.field.contactName")} autoComplete="name" />
          <Field
            meta={fields.contactPhone}
            label={t("organizations.field.contactPhone")}
            hint={t("organizations.field.contactPhone.hint")}
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            optional
          />
          <Field meta={fields.contactEmail} label={t("organizations.field.contactEmail")} type="email" autoComplete="email" optional />
        </Fieldset>
        <button type="submit" className="button">
          {t(existing ? "organizations.resubmit.submit" : "organizations.register.submit")}
        </button>
      </Form>
    </div>
  );
}
