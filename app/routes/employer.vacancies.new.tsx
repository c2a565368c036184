import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { VacancyForm } from "~/components/vacancies/vacancy-form";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { regionTree } from "~/domain/divisions/regions";
import { hasPermission } from "~/domain/permissions";
import { vacancySchema } from "~/domain/vacancies/vacancies.schema";
import { createVacancyDraft, employerMemberships } from "~/domain/vacancies/vacancies.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancies.new.title");

const PROVINCE = "520000";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const db = await getDb();
  const memberships = await employerMemberships(db, actor);
  const prefectures = memberships.length ? regionTree(await listDivisionsWithin(db, PROVINCE)) : [];
  return { memberships, prefectures };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:vacancy")) throw new Response("Not Found", { status: 404 });
  const submission = parseSubmission(await request.formData(), { schema: vacancySchema() });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await createVacancyDraft(await getDb(), actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  // The draft is shown as seekers will see it, and published from there (issue 15).
  return redirect(`/employer/vacancies/${result.value.id}/preview?done=created`);
}

export default function NewVacancy() {
  const { t } = useI18n();
  const { memberships, prefectures } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const unverified = memberships.filter((m) => m.status !== "verified");
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/employer/vacancies">{t("vacancies.edit.back")}</Link>
      </p>
      <h1 className="page-title">{t("vacancies.new.title")}</h1>
      {memberships.length === 0 ? (
        <p className="notice">
          {t("vacancies.employer.noOrganization")} <Link to="/employer/register">{t("vacancies.employer.registerOrganization")}</Link>
        </p>
      ) : (
        <>
          <p className="lead">{t("vacancyForm.new.lead")}</p>
          {unverified.map((m) => (
            <p key={m.organizationId} className="notice">
              {t(m.status === "pending" ? "vacancies.employer.pending" : "vacancies.employer.rejected", { name: m.name })}
            </p>
          ))}
          <VacancyForm
            id="vacancy"
            lastResult={lastResult}
            defaultValue={{ openings: "1", educationRequired: "none" }}
            prefectures={prefectures}
            organizations={memberships}
            submitLabel={t("vacancyForm.saveAndPreview")}
          />
        </>
      )}
    </div>
  );
}
