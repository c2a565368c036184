import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { requirePermission } from "~/domain/permissions";
import { certificateVisibilitySchema } from "~/domain/training-profile/training-profile.schema";
import { listOwnCertificates, setShownCertificates } from "~/domain/training-profile/training-profile.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "trainingProfile.certs.pageTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const certificates = await listOwnCertificates(await getDb(), actor);
  return { certificates, defaults: { shown: certificates.filter((c) => c.shown).map((c) => c.id) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: certificateVisibilitySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await setShownCertificates(await getDb(), actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/profile?saved=certificates#certificates");
}

export default function CertificatesPage() {
  const { t, locale } = useI18n();
  const { certificates, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "certificates",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: certificateVisibilitySchema }),
  });
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/profile#certificates">
          <span aria-hidden="true">← </span>
          {t("trainingProfile.certs.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("trainingProfile.certs.pageTitle")}</h1>
      <p className="lead">{t("trainingProfile.certs.lead")}</p>
      {certificates.length ? (
        <>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <CheckboxGroup
              meta={fields.shown}
              legend={t("trainingProfile.certs.legend")}
              hint={t("trainingProfile.certs.hint")}
              options={certificates.map((c) => ({
                value: c.id,
                label: c.level ? `${c.name}（${c.level}）` : c.name,
                explanation: `${t(`trainingProfile.certs.kind.${c.kind}`)}${t("seekers.separator")}${t("trainingProfile.certs.issued", {
                  issuer: c.issuer,
                  date: formatCalendarDate(locale, c.issuedOn),
                })}`,
              }))}
            />
            <button type="submit" className="button">
              {t("trainingProfile.certs.save")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("trainingProfile.certs.none")}</p>
      )}
    </div>
  );
}
