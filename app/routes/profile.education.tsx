import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { asText, SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { EDUCATION_LEVELS, label } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { educationSchema, graduationYearMax } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveEducation } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.education");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const { education } = await getOwnProfile(await getDb(), actor);
  return {
    defaults: {
      education: education.education ?? "",
      graduateSchool: education.graduateSchool ?? "",
      graduateMajor: education.graduateMajor ?? "",
      graduationYear: education.graduationYear ? String(education.graduationYear) : "",
    },
    // The server's clock decides the latest year, so the page and the action agree.
    now: new Date().toISOString(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: educationSchema() });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveEducation(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=education");
}

export default function EducationStep() {
  const { t, locale } = useI18n();
  const { defaults, now } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "education",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: educationSchema(new Date(now)) }),
  });
  // "none" reads 不限 on vacancies; for a person it means no formal schooling, listed last.
  const levels = [...EDUCATION_LEVELS.filter((e) => e.code !== "none"), ...EDUCATION_LEVELS.filter((e) => e.code === "none")];
  return (
    <StepPage step="education">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <RadioGroup
          meta={fields.education}
          legend={t("seekers.education.level")}
          options={levels.map((e) => ({ value: e.code, label: e.code === "none" ? t("seekers.education.none") : label(EDUCATION_LEVELS, e.code, locale) }))}
        />
        <Fieldset id="education-graduate" legend={t("seekers.education.graduate")} hint={t("seekers.education.graduate.hint")}>
          <Field meta={fields.graduateSchool} label={t("seekers.education.school")} autoComplete="organization" optional />
          <Field meta={fields.graduateMajor} label={t("seekers.education.major")} autoComplete="off" optional />
          <Field
            meta={asText(fields.graduationYear)}
            label={t("seekers.education.year")}
            hint={t("seekers.education.year.hint", { max: graduationYearMax(new Date(now)) })}
            inputMode="numeric"
            autoComplete="off"
            className="field-input max-w-[8rem]"
            optional
          />
        </Fieldset>
        <SaveButton />
      </Form>
    </StepPage>
  );
}
