import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxField, Fieldset } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { requirePermission } from "~/domain/permissions";
import { familySchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveFamily } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.family");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const { family } = await getOwnProfile(await getDb(), actor);
  return {
    defaults: {
      zeroEmploymentFamily: family.zeroEmploymentFamily || undefined,
      lowIncomeFamily: family.lowIncomeFamily || undefined,
      poorHousehold: family.poorHousehold || undefined,
      poorHouseholdConsent: family.poorHouseholdConsentAt ? true : undefined,
    },
    poorConsentAt: family.poorHouseholdConsentAt,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: familySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveFamily(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=family");
}

export default function FamilyStep() {
  const { t, locale } = useI18n();
  const { defaults, poorConsentAt } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "family",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: familySchema }),
  });
  return (
    <StepPage step="family">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <Fieldset id="family-flags" legend={t("seekers.family.legend")} hint={t("seekers.family.hint")}>
          <CheckboxField meta={fields.zeroEmploymentFamily} label={t("seekers.family.zero")} hint={t("seekers.family.zero.hint")} />
          <CheckboxField meta={fields.lowIncomeFamily} label={t("seekers.family.low")} hint={t("seekers.family.low.hint")} />
          <CheckboxField meta={fields.poorHousehold} label={t("trainingProfile.poor.label")} hint={t("trainingProfile.poor.hint")} />
        </Fieldset>
        <section aria-labelledby="poor-consent-title" className="card mb-6">
          <h2 id="poor-consent-title" className="section-title mt-0">
            {t("trainingProfile.poor.consent.legend")}
          </h2>
          <p className="mb-4">{t("trainingProfile.poor.consent.text")}</p>
          <CheckboxField
            meta={fields.poorHouseholdConsent}
            label={t("trainingProfile.poor.consent.label")}
            hint={poorConsentAt ? t("trainingProfile.poor.consent.given", { time: formatDateTime(locale, poorConsentAt) }) : undefined}
          />
        </section>
        <SaveButton />
      </Form>
    </StepPage>
  );
}
