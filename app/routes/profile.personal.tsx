import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { IdentifierField, SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { requirePermission } from "~/domain/permissions";
import { personalSchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, savePersonal } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDate } from "~/i18n/dates";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.personal");
// The page may hold the full ID number (when revealed): never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const reveal = new URL(request.url).searchParams.get("reveal") === "id";
  const { personal } = await getOwnProfile(await getDb(), actor, { reveal: reveal ? "id" : null });
  return {
    defaults: {
      realName: personal.realName ?? "",
      idNumber: personal.idNumberRevealed ?? "",
    },
    // Stored as read from the ID number on file (savePersonal derives them); shown, never asked again.
    derived: personal.idNumber && personal.birthDate && personal.gender ? { birthDate: personal.birthDate, gender: personal.gender } : null,
    onFile: personal.idNumber ? { start: personal.idNumber.start, end: personal.idNumber.end } : null,
    revealed: !!personal.idNumberRevealed,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const formData = await request.formData();
  // Only decides which message shows first; the domain knows what is on file and checks again.
  const submission = parseSubmission(formData, { schema: personalSchema({ idOnFile: formData.get("idOnFile") === "1" }) });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await savePersonal(await getDb(), actor, actor.id, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/profile?saved=personal${result.value.certificateCleared ? "&certificate=cleared" : ""}`);
}

export default function PersonalStep() {
  const { t, locale } = useI18n();
  const { defaults, onFile, revealed, derived } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "personal",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personalSchema({ idOnFile: !!onFile }) }),
  });
  return (
    <StepPage step="personal">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {onFile ? <input type="hidden" name="idOnFile" value="1" /> : null}
        <Field meta={fields.realName} label={t("seekers.personal.realName")} hint={t("seekers.personal.realName.hint")} autoComplete="name" />
        <IdentifierField
          meta={fields.idNumber}
          label={t("seekers.personal.idNumber")}
          hint={derived ? t("seekers.personal.idNumber.hint") : `${t("seekers.personal.idNumber.hint")}${locale === "en" ? " " : ""}${t("seekers.personal.derived.pending")}`}
          onFile={onFile}
          revealed={revealed}
          revealHref="?reveal=id"
          hideHref="."
        />
        {derived ? (
          <div className="field">
            <p className="field-label">
              {t("seekers.personal.derived.title")}
            </p>
            <p className="field-hint">
              {t("seekers.personal.derived.note")}
            </p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4">
              <dt className="font-bold">{t("seekers.personal.birthDate")}</dt>
              <dd>{formatDate(locale, derived.birthDate)}</dd>
              <dt className="font-bold">{t("seekers.personal.gender")}</dt>
              <dd>{t(`seekers.gender.${derived.gender}`)}</dd>
            </dl>
          </div>
        ) : null}
        <SaveButton />
      </Form>
    </StepPage>
  );
}
