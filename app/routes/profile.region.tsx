import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { RadioGroup, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { requirePermission } from "~/domain/permissions";
import { regionSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, listRegionChoices, saveRegion } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.region");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const db = await getDb();
  const [{ region }, choices] = await Promise.all([getOwnProfile(db, actor), listRegionChoices(db)]);
  return {
    defaults: {
      householdRegionCode: region.household?.code ?? "",
      currentRegionCode: region.current?.code ?? "",
      residence: region.residence ?? "",
    },
    prefectures: choices.prefectures,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: regionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveRegion(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=region");
}

export default function RegionStep() {
  const { t } = useI18n();
  const { defaults, prefectures } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "region",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: regionSchema }),
  });
  // One <optgroup> per prefecture: a single control that needs no script to narrow the counties.
  const options = prefectures.flatMap((p) => p.counties.map((c) => ({ value: c.code, label: c.name, group: p.name })));
  return (
    <StepPage step="region">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          meta={fields.householdRegionCode}
          label={t("seekers.region.household")}
          hint={t("seekers.region.household.hint")}
          options={options}
          placeholder={t("seekers.region.choose")}
        />
        <SelectField
          meta={fields.currentRegionCode}
          label={t("seekers.region.current")}
          hint={t("seekers.region.current.hint")}
          options={options}
          placeholder={t("seekers.region.choose")}
        />
        <RadioGroup
          meta={fields.residence}
          legend={t("seekers.region.residence")}
          hint={t("seekers.region.residence.hint")}
          options={[
            { value: "urban", label: t("seekers.residence.urban") },
            { value: "rural", label: t("seekers.residence.rural") },
          ]}
        />
        <SaveButton />
      </Form>
    </StepPage>
  );
}
