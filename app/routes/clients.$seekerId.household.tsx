import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { requireAssigned } from "~/domain/counseling/access.server";
import { accountMemberSchema, CONSENT_MAX, describedMemberSchema, householdSchema, NAME_MAX, RELATIONS, removeMemberSchema } from "~/domain/realname/households.schema";
import { addAccountMember, addDescribedMember, createHousehold, deleteHousehold, getHousehold, removeMember, updateConsent } from "~/domain/realname/households.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "realname.household.title");

const DONE = ["created", "consent", "member", "removed", "deleted"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The seeker's current counselor only: the domain call checks first and answers 404 to anyone else.
  const page = await getHousehold(await getDb(), actor, params.seekerId ?? "", { ip: context.ip });
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    page,
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as Done) : null,
    confirmDelete: url.searchParams.get("confirm") === "delete" && !!page.household,
  };
}

type Intent = "create" | "consent" | "account" | "described";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const seekerId = params.seekerId ?? "";
  const db = await getDb();
  await requireAssigned(db, actor, seekerId, "update:household");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const base = `/clients/${seekerId}/household`;
  const options = { ip: context.ip };

  async function form<S extends typeof householdSchema | typeof accountMemberSchema | typeof describedMemberSchema>(
    name: Intent,
    schema: S,
    run: (value: never) => Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }>,
    done: Done,
  ) {
    const submission = parseSubmission(formData, { schema });
    if (submission.status !== "success") return data({ intent: name, reply: submission.reply(), error: null }, { status: 400 });
    const result = await run(submission.value as never);
    if (!result.ok) {
      const { "": formErrors, ...fieldErrors } = result.fieldErrors;
      return data({ intent: name, reply: submission.reply({ formErrors, fieldErrors }), error: null }, { status: 400 });
    }
    return redirect(`${base}?done=${done}`);
  }

  switch (intent) {
    case "create":
      return form("create", householdSchema, (v) => createHousehold(db, actor, seekerId, v, options), "created");
    case "consent":
      return form("consent", householdSchema, (v) => updateConsent(db, actor, seekerId, v, options), "consent");
    case "account":
      return form("account", accountMemberSchema, (v) => addAccountMember(db, actor, seekerId, v, options), "member");
    case "described":
      return form("described", describedMemberSchema, (v) => addDescribedMember(db, actor, seekerId, v, options), "member");
    case "remove": {
      const submission = parseSubmission(formData, { schema: removeMemberSchema });
      if (submission.status !== "success") return data({ intent: "remove" as const, reply: null, error: "realname.err.memberGone" }, { status: 400 });
      const result = await removeMember(db, actor, seekerId, submission.value.memberId, options);
      if (!result.ok) return data({ intent: "remove" as const, reply: null, error: result.fieldErrors[""]?.[0] ?? "realname.err.memberGone" }, { status: 400 });
      return redirect(`${base}?done=removed`);
    }
    case "delete": {
      const result = await deleteHousehold(db, actor, seekerId, options);
      if (!result.ok) return data({ intent: "delete" as const, reply: null, error: result.fieldErrors[""]?.[0] ?? "realname.err.noHousehold" }, { status: 400 });
      return redirect(`${base}?done=deleted`);
    }
  }
  throw new Response("Bad Request", { status: 400 });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>["page"];
type Reply = SubmissionResult<string[]> | undefined;

function ConsentForm({ id, intent, lastResult, defaults, submit }: { id: string; intent: "create" | "consent"; lastResult: Reply; defaults?: { consentNote: string; consentOn: string }; submit: string }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: householdSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value={intent} />
        <TextAreaField meta={fields.consentNote} label={t("realname.household.consentNote")} hint={t("realname.household.consentNote.hint")} rows={3} maxLength={CONSENT_MAX} />
        <Field meta={fields.consentOn} label={t("realname.household.consentOn")} hint={t("realname.household.consentOn.hint")} type="date" autoComplete="off" />
        <button type="submit" className="button">
          {submit}
        </button>
      </Form>
    </>
  );
}

function relationOptions(t: ReturnType<typeof useI18n>["t"]) {
  return RELATIONS.map((r) => ({ value: r, label: t(`realname.relation.${r}`) }));
}

function AccountMemberForm({ lastResult, seekerName }: { lastResult: Reply; seekerName: string }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "add-account",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountMemberSchema }),
  });
  return (
    <section aria-labelledby="add-account-title" className="mt-8">
      <h2 id="add-account-title" className="section-title">
        {t("realname.household.addAccount")}
      </h2>
      <p className="mb-3">{t("realname.household.addAccount.lead")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="account" />
        <Field meta={fields.identifier} label={t("realname.household.identifier")} hint={t("realname.household.identifier.hint")} autoComplete="off" maxLength={40} />
        <SelectField
          meta={fields.relation}
          label={t("realname.household.relation", { name: seekerName })}
          placeholder={t("realname.household.relation.placeholder")}
          options={relationOptions(t)}
        />
        <button type="submit" className="button">
          {t("realname.household.addAccountSubmit")}
        </button>
      </Form>
    </section>
  );
}

function DescribedMemberForm({ lastResult, seekerName }: { lastResult: Reply; seekerName: string }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "add-described",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: describedMemberSchema }),
  });
  return (
    <section aria-labelledby="add-described-title" className="mt-8">
      <h2 id="add-described-title" className="section-title">
        {t("realname.household.addDescribed")}
      </h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="described" />
        <Field meta={fields.name} label={t("realname.household.memberName")} autoComplete="off" maxLength={NAME_MAX} />
        <RadioGroup
          meta={fields.gender}
          legend={t("realname.household.gender")}
          options={[
            { value: "male", label: t("realname.household.gender.male") },
            { value: "female", label: t("realname.household.gender.female") },
          ]}
        />
        <Field meta={fields.birthDate} label={t("realname.household.birthDate")} hint={t("realname.household.birthDate.hint")} type="date" autoComplete="off" />
        <RadioGroup
          meta={fields.employed}
          legend={t("realname.household.employed")}
          options={[
            { value: "yes", label: t("realname.household.yes") },
            { value: "no", label: t("realname.household.no") },
          ]}
        />
        <SelectField
          meta={fields.relation}
          label={t("realname.household.relation", { name: seekerName })}
          placeholder={t("realname.household.relation.placeholder")}
          options={relationOptions(t)}
        />
        <button type="submit" className="button">
          {t("realname.household.addDescribedSubmit")}
        </button>
      </Form>
    </section>
  );
}

function Members({ household }: { household: NonNullable<Page["household"]> }) {
  const { t } = useI18n();
  const yesNo = (v: boolean) => t(v ? "realname.household.yes" : "realname.household.no");
  return (
    <section aria-labelledby="members-title" className="mt-8">
      <h2 id="members-title" className="section-title">
        {t("realname.household.members")}
      </h2>
      <p className="notice mb-4">
        {household.zeroEmployment
          ? t("realname.household.status.zero")
          : household.someoneEmployed
            ? t("realname.household.status.employed")
            : t("realname.household.status.noWorkingAge")}
      </p>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("realname.household.members")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("realname.household.col.name")}</th>
              <th scope="col">{t("realname.household.col.relation")}</th>
              <th scope="col">{t("realname.household.col.age")}</th>
              <th scope="col">{t("realname.household.col.workingAge")}</th>
              <th scope="col">{t("realname.household.col.employed")}</th>
              <th scope="col">{t("realname.household.col.source")}</th>
              <th scope="col">{t("realname.household.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => {
              const name = m.name || t("client.unnamed");
              return (
                <tr key={m.id}>
                  <th scope="row" className="font-normal">
                    {name}
                  </th>
                  <td>{t(`realname.relation.${m.relation}`)}</td>
                  <td>{m.age === null ? t("realname.household.ageUnknown") : t("realname.household.age", { age: m.age })}</td>
                  <td>{yesNo(m.workingAge)}</td>
                  <td>{yesNo(m.employed)}</td>
                  <td>{t(`realname.household.source.${m.kind}`)}</td>
                  <td>
                    {m.isSelf || !household.editable ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="memberId" value={m.id} />
                        <button type="submit" className="button button-small button-secondary">
                          {t("realname.household.remove")}
                          <span className="sr-only"> {name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function HouseholdPage() {
  const { t, te, locale } = useI18n();
  const { page, done, confirmDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const replyFor = (intent: Intent): Reply => (actionData && actionData.intent === intent && actionData.reply ? (actionData.reply as Reply) : undefined);
  const name = page.seekerName || t("client.unnamed");
  const h = page.household;
  // Errors of a form this page does not show now (the household was created or deleted meanwhile) are shown on top.
  const shown = (intent: string) => (intent === "create" ? !h && !!page.region : !!h);
  const orphans =
    actionData?.reply && !shown(actionData.intent) ? Object.values((actionData.reply as { error?: Record<string, string[] | null> }).error ?? {}).flatMap((e) => e ?? []) : [];
  const error = actionData?.error ?? orphans[0] ?? null;
  const base = `/clients/${page.seekerId}/household`;
  return (
    <div className="max-w-5xl">
      <p className="mb-2">
        <Link to={`/clients/${page.seekerId}`}>
          <span aria-hidden="true">← </span>
          {t("client.back.overview", { name })}
        </Link>
      </p>
      <h1 className="page-title">{t("realname.household.heading", { name })}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t(`realname.household.done.${done}`)}
        </p>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary-title">{t("form.errorSummary")}</p>
          <p>{te(error)}</p>
        </div>
      ) : null}
      <p className="lead">{t("realname.household.lead")}</p>

      {!h ? (
        !page.region ? (
          <p className="notice">{t("realname.household.noRegion", { name })}</p>
        ) : (
          <section aria-labelledby="create-title" className="mt-6">
            <p className="mb-3">{t("realname.household.none", { name })}</p>
            <h2 id="create-title" className="section-title">
              {t("realname.household.create")}
            </h2>
            <ConsentForm id="household-create" intent="create" lastResult={replyFor("create")} submit={t("realname.household.createSubmit")} />
          </section>
        )
      ) : (
        <>
          <div className="card">
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-bold">{t("realname.household.region")}</dt>
              <dd className="mb-1 sm:mb-0">{h.regionName}</dd>
              <dt className="font-bold">{t("realname.household.consent")}</dt>
              <dd className="mb-1 whitespace-pre-line sm:mb-0">{h.consentNote}</dd>
              <dt className="font-bold">{t("realname.household.consentDate")}</dt>
              <dd className="mb-1 sm:mb-0">{formatCalendarDate(locale, h.consentOn)}</dd>
              {h.createdByName ? (
                <>
                  <dt className="font-bold">{t("realname.household.recordedBy")}</dt>
                  <dd className="mb-1 sm:mb-0">{h.createdByName}</dd>
                </>
              ) : null}
            </dl>
          </div>
          <Members household={h} />
          {!h.editable ? (
            <p className="notice mt-6">{te("realname.err.notOwnHousehold")}</p>
          ) : (
            <>
          <AccountMemberForm lastResult={replyFor("account")} seekerName={name} />
          <DescribedMemberForm lastResult={replyFor("described")} seekerName={name} />
          <section aria-labelledby="consent-title" className="mt-8">
            <h2 id="consent-title" className="section-title">
              {t("realname.household.editConsent")}
            </h2>
            <ConsentForm
              id="household-consent"
              intent="consent"
              lastResult={replyFor("consent")}
              defaults={{ consentNote: h.consentNote, consentOn: h.consentOn }}
              submit={t("realname.household.saveConsent")}
            />
          </section>
          <section aria-labelledby="delete-title" className="mt-8">
            <h2 id="delete-title" className="section-title">
              {t("realname.household.delete")}
            </h2>
            {confirmDelete ? (
              <div className="card">
                <p className="mb-3">{t("realname.household.delete.confirm", { name })}</p>
                <Form method="post" className="flex flex-wrap items-center gap-4">
                  <input type="hidden" name="intent" value="delete" />
                  <button type="submit" className="button">
                    {t("realname.household.delete.submit")}
                  </button>
                  <Link to={base}>{t("realname.household.delete.cancel")}</Link>
                </Form>
              </div>
            ) : (
              <>
                <p className="mb-3">{t("realname.household.delete.lead")}</p>
                <p>
                  <Link to={`${base}?confirm=delete#delete-title`}>{t("realname.household.delete")}</Link>
                </p>
              </>
            )}
          </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
