import { getFormProps, useForm } from "@conform-to/react";import { parseWithZod } from "@conform-to/zod";
import { CheckboxField } from "~/components/form/field";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { ACCOMMODATIONS, EDUCATION_LEVELS, label } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { EMPLOYER_HIDDEN_FIELDS, EMPLOYER_VISIBLE_FIELDS, visibilitySchema } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, setDiscoverable } from "~/domain/seekers/seekers.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.visibility.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const profile = await getOwnProfile(await getDb(), actor);
  // Exactly what an employer would see (design §5 rule 4), from the profile as it is now.
  return {
    discoverable: profile.discoverable,
    preview: {
      needsRequired: profile.needs.required,
      needsPreferred: profile.needs.preferred,
      skills: profile.skills.skills,
      education: profile.education.education,
      region: profile.region.current?.name ?? null,
      graduationYear: profile.education.graduationYear,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: visibilitySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await setDiscoverable(await getDb(), actor, actor.id, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/profile?visibility=${result.value.discoverable ? "on" : "off"}`);
}

export default function Visibility() {
  const { t, locale } = useI18n();
  const { discoverable, preview } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "visibility",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: visibilitySchema }),
  });
  const notGiven = <span className="text-muted">{t("seekers.notGiven")}</span>;
  const list = (items: readonly string[], labelOf: (c: string) => string = (s) => s) =>
    items.length ? items.map(labelOf).join(t("seekers.separator")) : t("seekers.none");
  const needs = (codes: readonly string[]) => list(codes, (c) => label(ACCOMMODATIONS, c, locale));
  const values: Record<(typeof EMPLOYER_VISIBLE_FIELDS)[number], ReactNode> = {
    needs: (
      <>
        {t("seekers.labelValue", { label: t("seekers.field.needsRequired"), value: needs(preview.needsRequired) })}
        <br />
        {t("seekers.labelValue", { label: t("seekers.field.needsPreferred"), value: needs(preview.needsPreferred) })}
      </>
    ),
    skills: list(preview.skills),
    education: preview.education
      ? preview.education === "none"
        ? t("seekers.education.none")
        : label(EDUCATION_LEVELS, preview.education, locale)
      : notGiven,
    region: preview.region ?? notGiven,
    graduationYear: preview.graduationYear ?? notGiven,
  };
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to="/profile">
          <span aria-hidden="true">← </span>
          {t("seekers.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("seekers.visibility.title")}</h1>
      <p className="lead">{t("seekers.visibility.lead")}</p>
      <p className="mb-6 font-bold">{t(discoverable ? "seekers.visibility.isOn" : "seekers.visibility.isOff")}</p>

      <section aria-labelledby="visibility-seen-title" className="card mb-6">
        <h2 id="visibility-seen-title" className="section-title mt-0">
          {t("seekers.visibility.willSee")}
        </h2>
        <p className="mb-3">{t("seekers.visibility.willSee.text")}</p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {EMPLOYER_VISIBLE_FIELDS.map((f) => (
            <div key={f} className="contents">
              <dt className="font-bold">{t(`seekers.visibility.seen.${f}`)}</dt>
              <dd className="mb-1 sm:mb-0">{values[f]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="visibility-hidden-title" className="mb-6">
        <h2 id="visibility-hidden-title" className="section-title">
          {t("seekers.visibility.neverSee")}
        </h2>
        <p className="mb-2">{t("seekers.visibility.neverSee.text")}</p>
        <ul className="list-disc pl-6">
          {EMPLOYER_HIDDEN_FIELDS.map((f) => (
            <li key={f}>{t(`seekers.visibility.hidden.${f}`)}</li>
          ))}
        </ul>
      </section>

      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {discoverable ? (
          <>
            <input type="hidden" name="discoverable" value="off" />
            <button type="submit" className="button button-secondary">
              {t("seekers.visibility.turnOff")}
            </button>
          </>
        ) : (
          <>
            <input type="hidden" name="discoverable" value="on" />
            <CheckboxField meta={fields.confirm} label={t("seekers.visibility.confirm")} />
            <button type="submit" className="button">
              {t("seekers.visibility.turnOn")}
            </button>
          </>
        )}
      </Form>
    </div>
  );
}
