import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { judgeActiveSchema, judgeSchema } from "~/domain/competitions/competitions.schema";
import { listJudges, saveJudge, setJudgeActive } from "~/domain/competitions/competitions.server";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "competitions.judges.title");

const NOTICES = {
  created: "competitions.judges.done.created",
  updated: "competitions.judges.done.updated",
  deactivated: "competitions.judges.done.deactivated",
  activated: "competitions.judges.done.activated",
} as const satisfies Record<string, MessageKey>;

// The admins' pool of judges (裁判专家库) of their region: people, not accounts; no phone numbers are kept.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:judge", { regionCode: actor.regionCode });
  const db = await getDb();
  const [judges, divisions] = await Promise.all([listJudges(db, actor), listDivisionsWithin(db, actor.regionCode!)]);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const editId = url.searchParams.get("edit");
  return {
    judges,
    divisions,
    editing: editId ? judges.find((j) => j.id === editId) ?? null : null,
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "update:judge", { regionCode: actor.regionCode });
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "save") {
    const submission = parseSubmission(formData, { schema: judgeSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const result = await saveJudge(db, actor, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return redirect(`/admin/judges?done=${result.value.created ? "created" : "updated"}`);
  }
  if (intent === "active") {
    const submission = parseSubmission(formData, { schema: judgeActiveSchema });
    if (submission.status !== "success") return data({ activeError: "competitions.err.choiceInvalid" }, { status: 400 });
    const result = await setJudgeActive(db, actor, submission.value);
    if (!result.ok) return data({ activeError: Object.values(result.fieldErrors).flat()[0] ?? "competitions.err.judgeGone" }, { status: 400 });
    return redirect(`/admin/judges?done=${submission.value.active ? "activated" : "deactivated"}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function Judges() {
  const { t, te } = useI18n();
  const { judges, divisions, editing, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const activeError = actionData && "activeError" in actionData ? actionData.activeError : null;
  const lastResult = actionData && !("activeError" in actionData) ? actionData : undefined;
  const [form, fields] = useForm({
    id: editing ? `judge-${editing.id}` : "judge-new",
    lastResult,
    defaultValue: editing
      ? { judgeId: editing.id, name: editing.name, organization: editing.organization, specialities: editing.specialities.join("、"), regionCode: editing.regionCode }
      : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: judgeSchema }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: d.level === "province" ? `${d.name}（${t("division.province")}）` : d.name,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name : undefined,
  }));
  const separator = t("competitions.separator");

  return (
    <div>
      <p className="mb-4">
        <Link to="/admin/events">{t("competitions.judges.back")}</Link>
      </p>
      <h1 className="page-title">{t("competitions.judges.title")}</h1>
      <p className="lead max-w-3xl">{t("competitions.judges.lead")}</p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {activeError ? (
        <div className="error-summary" role="alert" aria-labelledby="active-error-title" tabIndex={-1}>
          <h2 id="active-error-title" className="error-summary-title">
            {t("form.errorSummary")}
          </h2>
          <p className="font-bold text-danger">{te(activeError)}</p>
        </div>
      ) : null}

      <section aria-labelledby="judge-form-title" className="card mb-10 max-w-3xl">
        <h2 id="judge-form-title" className="section-title mt-0">
          {editing ? t("competitions.judges.form.editTitle", { name: editing.name }) : t("competitions.judges.form.newTitle")}
        </h2>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="save" />
          {editing ? <input type="hidden" name="judgeId" value={editing.id} /> : null}
          <Field meta={fields.name} label={t("competitions.judges.form.name")} hint={t("competitions.judges.form.name.hint")} autoComplete="off" maxLength={40} />
          <Field
            meta={fields.organization}
            label={t("competitions.judges.form.organization")}
            hint={t("competitions.judges.form.organization.hint")}
            autoComplete="off"
            maxLength={100}
            optional
          />
          <Field
            meta={fields.specialities}
            label={t("competitions.judges.form.specialities")}
            hint={t("competitions.judges.form.specialities.hint")}
            autoComplete="off"
          />
          <SelectField
            meta={fields.regionCode}
            label={t("competitions.judges.form.region")}
            hint={t("competitions.judges.form.region.hint")}
            options={regionOptions}
            placeholder={t("competitions.choose")}
          />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="button">
              {editing ? t("competitions.judges.form.update") : t("competitions.judges.form.add")}
            </button>
            {editing ? <Link to="/admin/judges">{t("competitions.judges.form.cancelEdit")}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="judges-title">
        <h2 id="judges-title" className="section-title">
          {t("competitions.judges.list.title")}
        </h2>
        {judges.length === 0 ? (
          <p>{t("competitions.judges.list.empty")}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="data-table">
              <caption className="mb-2 text-left font-bold">{t("competitions.judges.list.caption", { count: judges.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("competitions.judges.col.name")}</th>
                  <th scope="col">{t("competitions.judges.col.organization")}</th>
                  <th scope="col">{t("competitions.judges.col.specialities")}</th>
                  <th scope="col">{t("competitions.judges.col.region")}</th>
                  <th scope="col">{t("competitions.judges.col.status")}</th>
                  <th scope="col">{t("competitions.judges.col.assignments")}</th>
                  <th scope="col">{t("competitions.judges.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {judges.map((j) => (
                  <tr key={j.id}>
                    <th scope="row" className="font-normal">
                      {j.name}
                    </th>
                    <td>{j.organization || t("competitions.none")}</td>
                    <td>{j.specialities.join(separator)}</td>
                    <td>{j.place}</td>
                    <td>{j.active ? t("competitions.judges.active") : <strong>{t("competitions.judges.inactive")}</strong>}</td>
                    <td>{j.assignments}</td>
                    <td>
                      <div className="flex flex-wrap items-center gap-3">
                        <Link to={`/admin/judges?edit=${j.id}#judge-form-title`}>
                          {t("competitions.judges.edit")}
                          <span className="sr-only">{t("competitions.forName", { name: j.name })}</span>
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="intent" value="active" />
                          <input type="hidden" name="judgeId" value={j.id} />
                          <input type="hidden" name="active" value={j.active ? "false" : "true"} />
                          <button type="submit" className="button button-secondary button-small">
                            {j.active ? t("competitions.judges.deactivate") : t("competitions.judges.activate")}
                            <span className="sr-only">{t("competitions.forName", { name: j.name })}</span>
                          </button>
                        </Form>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
