import { getFormProps, useForm } from "@conform-to/react";
import { CheckboxGroup } from "~/components/form/field";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { label, TASK_DEMANDS } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { limitsSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveLimits } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.limits");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const { limits } = await getOwnProfile(await getDb(), actor);
  return { defaults: { limits } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: limitsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveLimits(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=limits");
}

export default function LimitsStep() {
  const { t, locale } = useI18n();
  const { defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "limits",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: limitsSchema }),
  });
  return (
    <StepPage step="limits">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <CheckboxGroup
          meta={fields.limits}
          legend={t("seekers.limits.legend")}
          hint={t("seekers.limits.hint")}
          options={TASK_DEMANDS.map((d) => ({ value: d.code, label: label(TASK_DEMANDS, d.code, locale) }))}
        />
        <SaveButton />
      </Form>
    </StepPage>
  );
}
