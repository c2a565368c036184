import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxField, CheckboxGroup, Field, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { asText, SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { EMPLOYMENT_TYPES, label } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { EMPLOYMENT_STATUSES, PLACE_SCOPES, preferencesSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, listRegionChoices, saveWorkPreferences } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.preferences");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const db = await getDb();
  const [{ preferences }, choices] = await Promise.all([getOwnProfile(db, actor), listRegionChoices(db)]);
  return {
    defaults: {
      employmentStatus: preferences.employmentStatus,
      workTypes: preferences.workTypes,
      wantsRemote: preferences.wantsRemote || undefined,
      placeScope: preferences.placeScope,
      preferredRegions: preferences.preferredRegions.map((r) => r.code),
      expectedPay: preferences.expectedPay == null ? "" : String(preferences.expectedPay),
    },
    prefectures: choices.prefectures.map((p) => ({ code: p.code, name: p.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: preferencesSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveWorkPreferences(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=preferences");
}

export default function PreferencesStep() {
  const { t, locale } = useI18n();
  const { defaults, prefectures } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "preferences",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
  });
  return (
    <StepPage step="preferences">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <RadioGroup
          meta={fields.employmentStatus}
          legend={t("seekers.prefs.employmentStatus")}
          options={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`seekers.status.${s}`) }))}
        />
        <CheckboxGroup
          meta={fields.workTypes}
          legend={t("seekers.prefs.workTypes")}
          hint={t("seekers.prefs.workTypes.hint")}
          options={EMPLOYMENT_TYPES.map((e) => ({ value: e.code, label: label(EMPLOYMENT_TYPES, e.code, locale) }))}
        />
        <CheckboxField meta={fields.wantsRemote} label={t("seekers.prefs.remote")} hint={t("seekers.prefs.remote.hint")} />
        <RadioGroup
          meta={fields.placeScope}
          legend={t("seekers.prefs.placeScope")}
          options={PLACE_SCOPES.map((s) => ({ value: s, label: t(`seekers.scope.${s}`) }))}
        />
        <CheckboxGroup
          meta={fields.preferredRegions}
          legend={`${t("seekers.prefs.regions")}${t("form.optional")}`}
          hint={t("seekers.prefs.regions.hint")}
          options={prefectures.map((p) => ({ value: p.code, label: p.name }))}
        />
        <Field
          meta={asText(fields.expectedPay)}
          label={t("seekers.prefs.pay")}
          hint={t("seekers.prefs.pay.hint")}
          inputMode="numeric"
          autoComplete="off"
          className="field-input max-w-[10rem]"
          optional
        />
        <SaveButton />
      </Form>
    </StepPage>
  );
}
