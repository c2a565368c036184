import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { OwnerLookup } from "~/components/entrepreneurship/owner-lookup";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { lookupSchema } from "~/domain/employment/employment.schema";
import { BUSINESS_KINDS, businessSchema, NAME_MAX, TEXT_MAX } from "~/domain/entrepreneurship/entrepreneurship.schema";
import { businessRegions, caseloadChoices, createBusiness, findOwner, ownerToRecordFor, requireBusinessStaff } from "~/domain/entrepreneurship/entrepreneurship.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrepreneurship.new.title");
// The page names the person recorded for: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// Counselors and admins (404 for anyone else). ?owner=<id> names the person when they are of the actor's region;
// otherwise — an id of nobody, or of someone outside it — the page says "not found" alike and offers the choices.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requireBusinessStaff(actor);
  const db = await getDb();
  const ownerParam = new URL(request.url).searchParams.get("owner");
  const owner = ownerParam ? await ownerToRecordFor(db, actor, ownerParam, { ip: context.ip }) : null;
  return {
    owner,
    notFound: !!ownerParam && !owner,
    caseload: owner ? [] : await caseloadChoices(db, actor, { ip: context.ip }),
    isCounselor: actor.role === "counselor",
    regions: owner ? await businessRegions(db, actor) : [],
    today: todayInShanghai(),
  };
}

/** 400 with the submission's reply, tagged with the form it belongs to (the page has two). */
function reply<T>(intent: "lookup" | "business", submission: Submission<T>, errors?: Record<string, string[]>) {
  if (!errors) return data({ intent, reply: submission.reply() }, { status: 400 });
  const { "": formErrors, ...fieldErrors } = errors;
  return data({ intent, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requireBusinessStaff(actor);
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "lookup") {
    const submission = parseSubmission(formData, { schema: lookupSchema });
    if (submission.status !== "success") return reply("lookup", submission);
    const result = await findOwner(db, actor, submission.value, { ip: context.ip });
    if (!result.ok) return reply("lookup", submission, result.fieldErrors);
    return redirect(`/businesses/new?owner=${result.value.seekerId}`);
  }
  const submission = parseSubmission(formData, { schema: businessSchema });
  if (submission.status !== "success") return reply("business", submission);
  const result = await createBusiness(db, actor, submission.value, { ip: context.ip });
  if (!result.ok) return reply("business", submission, result.fieldErrors);
  return redirect(`/businesses/${result.value.businessId}?done=created`);
}

function CaseloadForm({ caseload }: { caseload: { id: string; name: string }[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="caseload-title" className="mt-6">
      <h2 id="caseload-title" className="section-title">
        {t("entrepreneurship.caseload.title")}
      </h2>
      {caseload.length === 0 ? (
        <p className="notice">{t("entrepreneurship.caseload.empty")}</p>
      ) : (
        <Form method="get" className="max-w-2xl">
          <div className="field">
            <label htmlFor="caseload-owner" className="field-label">
              {t("entrepreneurship.caseload.field")}
            </label>
            <select id="caseload-owner" name="owner" className="field-input" defaultValue="">
              <option value="">{t("entrepreneurship.caseload.choose")}</option>
              {caseload.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name || t("entrepreneurship.unnamed")}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("entrepreneurship.caseload.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

function BusinessForm({
  ownerId,
  defaultRegion,
  regions,
  lastResult,
}: {
  ownerId: string;
  defaultRegion: string | null;
  regions: { code: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "business",
    lastResult,
    defaultValue: { ownerId, regionCode: defaultRegion ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: businessSchema }),
  });
  return (
    <section aria-labelledby="business-title" className="mt-6">
      <h2 id="business-title" className="section-title">
        {t("entrepreneurship.new.formTitle")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="business" />
        <input type="hidden" name={fields.ownerId.name} value={ownerId} />
        <Field meta={fields.name} label={t("entrepreneurship.field.name")} hint={t("entrepreneurship.field.name.hint")} autoComplete="off" maxLength={NAME_MAX} />
        <RadioGroup meta={fields.kind} legend={t("entrepreneurship.field.kind")} options={BUSINESS_KINDS.map((k) => ({ value: k, label: t(`entrepreneurship.kind.${k}`) }))} />
        <SelectField
          meta={fields.regionCode}
          label={t("entrepreneurship.field.region")}
          hint={t("entrepreneurship.field.region.hint")}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
        />
        <Field meta={fields.startedOn} label={t("entrepreneurship.field.startedOn")} hint={t("entrepreneurship.field.startedOn.hint")} type="date" autoComplete="off" />
        <Field
          meta={fields.registrationNumber}
          label={t("entrepreneurship.field.registrationNumber")}
          hint={t("entrepreneurship.field.registrationNumber.hint")}
          optional
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
        <TextAreaField meta={fields.description} label={t("entrepreneurship.field.description")} hint={t("entrepreneurship.field.description.hint")} optional maxLength={TEXT_MAX} rows={3} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("entrepreneurship.new.submit")}
          </button>
          <Link to="/businesses">{t("entrepreneurship.back.list")}</Link>
        </div>
      </Form>
    </section>
  );
}

export default function NewBusiness() {
  const { t } = useI18n();
  const { owner, notFound, caseload, isCounselor, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = owner ? owner.name || t("entrepreneurship.unnamed") : "";
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/businesses">
          <span aria-hidden="true">← </span>
          {t("entrepreneurship.back.list")}
        </Link>
      </p>
      <h1 className="page-title">{owner ? t("entrepreneurship.new.headingFor", { name }) : t("entrepreneurship.new.title")}</h1>
      <p className="lead">{t("entrepreneurship.new.lead")}</p>
      {notFound ? (
        <p className="notice" role="status">
          {t("employment.err.lookupNotFound")}
        </p>
      ) : null}
      {owner ? (
        <>
          {owner.regionName ? <p className="mb-2">{t("entrepreneurship.new.place", { name, region: owner.regionName })}</p> : null}
          <p className="mb-2">
            <Link to="/businesses/new">{t("entrepreneurship.new.someoneElse")}</Link>
          </p>
          <BusinessForm
            ownerId={owner.id}
            defaultRegion={regions.some((r) => r.code === owner.regionCode) ? owner.regionCode : null}
            regions={regions}
            lastResult={actionData?.intent === "business" ? actionData.reply : undefined}
          />
        </>
      ) : (
        <>
          {isCounselor ? <CaseloadForm caseload={caseload} /> : null}
          <OwnerLookup lastResult={actionData?.intent === "lookup" ? actionData.reply : undefined} />
        </>
      )}
    </div>
  );
}
