import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { ACCOMMODATIONS, explain, label } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { choicesFromNeeds, NEED_LEVELS, needsSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveNeeds } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.needs");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const { needs } = await getOwnProfile(await getDb(), actor);
  return { defaults: { needs: choicesFromNeeds(needs.required, needs.preferred) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: needsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveNeeds(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=needs");
}

export default function NeedsStep() {
  const { t, locale } = useI18n();
  const { defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "needs",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: needsSchema }),
  });
  const needs = fields.needs.getFieldset();
  const levels = NEED_LEVELS.map((level) => ({ value: level, label: t(`seekers.need.${level}`) }));
  return (
    <StepPage step="needs">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {ACCOMMODATIONS.map((a) => (
          <RadioGroup
            key={a.code}
            meta={needs[a.code]}
            legend={label(ACCOMMODATIONS, a.code, locale)}
            hint={explain(ACCOMMODATIONS, a.code, locale)}
            options={levels}
          />
        ))}
        <SaveButton />
      </Form>
    </StepPage>
  );
}
