import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxField, RadioGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { asText, IdentifierField, SaveButton, StepPage } from "~/components/seekers/profile-ui";
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, label } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { disabilitySchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, saveDisability, withdrawDisabilityConsent } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.step.disability");
// The page may hold the full certificate number (when revealed): never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const reveal = new URL(request.url).searchParams.get("reveal") === "certificate";
  const { disability, personal } = await getOwnProfile(await getDb(), actor, { reveal: reveal ? "certificate" : null });
  return {
    defaults: {
      consent: disability.consentAt ? true : undefined,
      category: disability.category ?? "",
      grade: disability.grade ? String(disability.grade) : "",
      certificateNumber: disability.certificateNumberRevealed ?? "",
    },
    consentAt: disability.consentAt,
    onFile: disability.certificateNumber ? { start: disability.certificateNumber.start, end: disability.certificateNumber.end } : null,
    revealed: !!disability.certificateNumberRevealed,
    idOnFile: !!personal.idNumber,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "withdraw") {
    await withdrawDisabilityConsent(db, actor, actor.id);
    return redirect("/profile?withdrawn=disability");
  }
  const submission = parseSubmission(formData, { schema: disabilitySchema({ certificateOnFile: formData.get("certificateOnFile") === "1" }) });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveDisability(db, actor, actor.id, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=disability");
}

export default function DisabilityStep() {
  const { t, locale } = useI18n();
  const { defaults, consentAt, onFile, revealed, idOnFile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "disability",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: disabilitySchema({ certificateOnFile: !!onFile }) }),
  });
  return (
    <StepPage step="disability">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {onFile ? <input type="hidden" name="certificateOnFile" value="1" /> : null}
        <section aria-labelledby="disability-consent-title" className="card mb-6">
          <h2 id="disability-consent-title" className="section-title mt-0">
            {t("seekers.disability.consent.legend")}
          </h2>
          <p className="mb-4">{t("seekers.disability.consent.text")}</p>
          <CheckboxField
            meta={fields.consent}
            label={t("seekers.disability.consent.label")}
            hint={consentAt ? t("seekers.disability.consent.given", { time: formatDateTime(locale, consentAt) }) : undefined}
          />
        </section>
        <RadioGroup
          meta={fields.category}
          legend={t("seekers.disability.category")}
          hint={t("seekers.disability.category.hint")}
          options={DISABILITY_CATEGORIES.map((c) => ({ value: c.code, label: label(DISABILITY_CATEGORIES, c.code, locale) }))}
        />
        <RadioGroup
          meta={asText(fields.grade)}
          legend={t("seekers.disability.grade")}
          hint={t("seekers.disability.grade.hint")}
          options={DISABILITY_GRADES.map((g) => ({ value: g.code, label: label(DISABILITY_GRADES, g.code, locale) }))}
        />
        <IdentifierField
          meta={fields.certificateNumber}
          label={t("seekers.disability.certificate")}
          hint={`${t("seekers.disability.certificate.hint")}${idOnFile ? "" : ` ${t("seekers.disability.noIdYet")}`}`}
          onFile={onFile}
          revealed={revealed}
          revealHref="?reveal=certificate"
          hideHref="."
        />
        <SaveButton />
      </Form>

      {consentAt ? (
        <section aria-labelledby="disability-withdraw-title" className="mt-10">
          <h2 id="disability-withdraw-title" className="section-title">
            {t("seekers.disability.withdraw.title")}
          </h2>
          <p className="mb-3">{t("seekers.disability.withdraw.text")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="button button-secondary">
              {t("seekers.disability.withdraw.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </StepPage>
  );
}
