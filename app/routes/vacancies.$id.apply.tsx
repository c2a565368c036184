import { getFormProps, useForm } from "@conform-to/react";import { parseWithZod } from "@conform-to/zod";
import { CheckboxGroup, TextAreaField } from "~/components/form/field";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { AnonymousProfileList } from "~/components/applications/anonymous-profile";
import { EasyApply } from "~/components/easy-read/easy-apply";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { useDisplay } from "~/components/use-display";
import { applySchema, NOTE_MAX } from "~/domain/applications/applications.schema";
import { applyToVacancy, getApplyPage } from "~/domain/applications/applications.server";
import { DISCLOSURES, INTERVIEW_ACCESS_REQUESTS, label, type DisclosureCode } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.apply.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:application", { ownerId: actor.id });
  return getApplyPage(await getDb(), actor, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:application", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: applySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await applyToVacancy(await getDb(), actor, params.id ?? "", submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/applications/${result.value.applicationId}?done=${result.value.created ? "applied" : "existing"}`);
}

export default function Apply() {
  const { t, locale } = useI18n();
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "apply",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applySchema }),
  });
  const display = useDisplay();
  if (display.easyRead) return <EasyApply form={form} fields={fields} />;
  const { vacancy, existing, profile, missing, has } = page;
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("applications.apply.heading", { title: vacancy.title })}</h1>
      <p className="lead">{t("applications.apply.lead", { organization: vacancy.organizationName })}</p>

      {existing ? (
        <>
          <p className="notice" role="status">
            {t("applications.apply.already")}
          </p>
          <p>
            <Link to={`/applications/${existing.id}`}>{t("applications.apply.viewApplication")}</Link>
          </p>
        </>
      ) : !vacancy.accepting ? (
        <>
          <p className="notice">{t("applications.apply.notOpen")}</p>
          <p>
            <Link to={`/vacancies/${vacancy.id}`}>{t("applications.apply.backToVacancy")}</Link>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary form={form} />
          {missing.length > 0 ? (
            <section aria-labelledby="apply-missing-title" className="notice">
              <h2 id="apply-missing-title" className="font-bold">
                {t("applications.apply.missing.title")}
              </h2>
              <p>
                {missing.includes("profile")
                  ? t("applications.apply.missing.noProfile")
                  : t("applications.apply.missing.some", {
                      items: missing
                        .map((m) => t(`applications.apply.missing.${m as "region" | "education" | "skills"}`))
                        .join(t("applications.apply.missing.separator")),
                    })}
              </p>
              <p>
                <Link to="/profile">{t("applications.apply.missing.link")}</Link>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="apply-anonymous-title" className="card mb-6">
            <h2 id="apply-anonymous-title" className="mb-3 text-xl font-bold">
              {t("applications.apply.anonymous.title")}
            </h2>
            <p className="mb-3">{t("applications.apply.anonymous.text")}</p>
            {profile ? (
              <>
                <p className="mb-2">{t("applications.apply.anonymous.yours")}</p>
                <AnonymousProfileList profile={profile} />
              </>
            ) : null}
          </section>

          <Form method="post" {...getFormProps(form)}>
            <TextAreaField
              meta={fields.note}
              label={t("applications.apply.note")}
              hint={t("applications.apply.note.hint")}
              optional
              maxLength={NOTE_MAX}
            />
            <CheckboxGroup
              meta={fields.accessRequests}
              legend={t("applications.apply.access")}
              hint={t("applications.apply.access.hint")}
              options={INTERVIEW_ACCESS_REQUESTS.map((r) => ({ value: r.code, label: label(INTERVIEW_ACCESS_REQUESTS, r.code, locale) }))}
            />
            <CheckboxGroup
              meta={fields.disclosure}
              legend={t("applications.apply.disclosure")}
              hint={t("applications.apply.disclosure.hint")}
              options={DISCLOSURES.map((d) => ({
                value: d.code,
                label: label(DISCLOSURES, d.code, locale),
                note: has[d.code as DisclosureCode] ? undefined : t("applications.apply.disclosure.missing"),
              }))}
            />
            <button type="submit" className="button">
              {t("applications.apply.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
