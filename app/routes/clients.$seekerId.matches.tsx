import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { parseSubmission } from "~/http/forms.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextAreaField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { VacancyCard } from "~/components/vacancy-card";
import { referSchema, TEXT_MAX } from "~/domain/counseling/counseling.schema";
import { clientName } from "~/domain/counseling/plans.server";
import { clientMatches, referVacancy } from "~/domain/counseling/referrals.server";
import { UUID_RE } from "~/domain/ids";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "client.matches.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const db = await getDb();
  // The seeker's current counselor only: both calls check first and answer 404 otherwise.
  const matches = await clientMatches(db, actor, seekerId, { ip: context.ip });
  const seekerName = await clientName(db, actor, seekerId);
  const referred = new URL(request.url).searchParams.get("referred");
  return {
    seekerId,
    seekerName,
    matches,
    referred: referred && UUID_RE.test(referred) ? { title: matches.items.find((v) => v.id === referred)?.title ?? null } : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const formData = await request.formData();
  const vacancyId = String(formData.get("vacancyId") ?? "");
  const submission = parseSubmission(formData, { schema: referSchema });
  if (submission.status !== "success") return data({ vacancyId, reply: submission.reply() }, { status: 400 });
  const result = await referVacancy(await getDb(), actor, seekerId, submission.value);
  if (!result.ok) {
    const { "": formErrors, ...fieldErrors } = result.fieldErrors;
    return data({ vacancyId, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
  }
  return redirect(`/clients/${seekerId}/matches?referred=${submission.value.vacancyId}`);
}

/** One vacancy's referral form; its errors (a too long message, or the domain refusing) stay with it. */
function ReferForm({
  vacancyId,
  title,
  organization,
  lastResult,
}: {
  vacancyId: string;
  title: string;
  organization: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `refer-${vacancyId}`,
    lastResult,
    defaultValue: { vacancyId },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: referSchema }),
  });
  return (
    <div className="mt-3">
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="vacancyId" value={vacancyId} />
        <TextAreaField meta={fields.message} label={t("client.matches.message", { title, organization })} hint={t("client.matches.message.hint")} optional rows={3} maxLength={TEXT_MAX} />
        <button type="submit" className="button">
          {t("client.matches.submit")}
          <span className="sr-only">{t("client.matches.which", { title, organization })}</span>
        </button>
      </Form>
    </div>
  );
}

export default function ClientMatchesPage() {
  const { t, te } = useI18n();
  const { seekerId, seekerName, matches, referred } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refusal for a vacancy whose form is no longer shown (it closed, or the seeker applied meanwhile) is shown here.
  const formShown = (id: string) => matches.items.some((v) => v.id === id && !v.referral && !v.applied);
  const orphanErrors = actionData && !formShown(actionData.vacancyId) ? Object.values(actionData.reply.error ?? {}).flatMap((e) => e ?? []) : [];
  const orphanRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (orphanErrors.length) orphanRef.current?.focus();
  }, [orphanErrors.length, actionData]);
  const name = seekerName || t("client.unnamed");
  const overview = `/clients/${seekerId}`;
  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link to={overview}>
          <span aria-hidden="true">← </span>
          {t("client.back.overview", { name })}
        </Link>
      </p>
      <h1 className="page-title">{t("client.matches.heading", { name })}</h1>
      {referred && !actionData ? (
        <p className="notice" role="status">
          {referred.title ? t("client.matches.referred", { title: referred.title, name }) : t("client.matches.referredGeneric")}
        </p>
      ) : null}
      {orphanErrors.length ? (
        <div ref={orphanRef} className="error-summary" role="alert" aria-labelledby="refer-error-title" tabIndex={-1}>
          <h2 id="refer-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p>{te(orphanErrors[0]!)}</p>
        </div>
      ) : null}
      <p className="lead">{t("client.matches.lead")}</p>
      {!matches.placeKnown ? (
        <p className="notice">{t("client.matches.placeUnknown")}</p>
      ) : matches.items.length === 0 ? (
        <p className="notice">{t("client.matches.empty")}</p>
      ) : (
        <>
          <p className="mb-2 font-bold">{t("client.matches.count", { count: matches.items.length })}</p>
          {/* The match notes are worded for the seeker, who reads the same cards. */}
          <p className="mb-4">{t("client.matches.youMeans")}</p>
          <ol className="grid gap-6">
            {matches.items.map((v) => (
              <li key={v.id}>
                {/* The page has no h2 between its h1 and the cards: each card is one. */}
                <VacancyCard v={v} headingLevel={2} />
                <div className="card mt-1 border-t-0">
                  {v.referral ? (
                    <p className="m-0 inline-flex items-center gap-1 font-bold">
                      <Icon name="check" />
                      {t("client.matches.referralStatus", { status: t(`counseling.referralStatus.${v.referral.status}`) })}
                    </p>
                  ) : v.applied ? (
                    <p className="m-0 inline-flex items-center gap-1 font-bold">
                      <Icon name="check" />
                      {t("client.matches.applied")}
                    </p>
                  ) : (
                    <ReferForm vacancyId={v.id} title={v.title} organization={v.organizationName} lastResult={actionData?.vacancyId === v.id ? actionData.reply : undefined} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
