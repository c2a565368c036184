import { getFormProps, useForm } from "@conform-to/react";
import { CheckboxGroup, TextAreaField } from "~/components/form/field";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { requirePermission } from "~/domain/permissions";
import { TRAINING_KINDS } from "~/domain/realname/verification.schema";
import { CERTIFICATES_MAX, LIST_ITEM_MAX, SKILLS_MAX, skillsSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveSkills } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.skills");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const { skills } = await getOwnProfile(await getDb(), actor);
  return { defaults: { skills: skills.skills.join("\n"), certificates: skills.certificates.join("\n"), trainingNeeds: skills.trainingNeeds } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: skillsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveSkills(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=skills");
}

export default function SkillsStep() {
  const { t } = useI18n();
  const { defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "skills",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: skillsSchema }),
  });
  return (
    <StepPage step="skills">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <TextAreaField optional meta={fields.skills} label={t("seekers.skills.skills")} hint={t("seekers.skills.skills.hint", { max: SKILLS_MAX, len: LIST_ITEM_MAX })} rows={6} />
        <TextAreaField
          optional
          meta={fields.certificates}
          label={t("seekers.skills.certificates")}
          hint={t("seekers.skills.certificates.hint", { max: CERTIFICATES_MAX })}
          rows={4}
        />
        <CheckboxGroup
          meta={fields.trainingNeeds}
          legend={`${t("trainingProfile.needs.legend")}${t("form.optional")}`}
          hint={t("trainingProfile.needs.hint")}
          options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`trainingProfile.kind.${k}`) }))}
        />
        <SaveButton />
      </Form>
    </StepPage>
  );
}
