import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { parseSubmission } from "~/http/forms.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { inviteSchema } from "~/domain/organizations/organizations.schema";
import { createInvitation, listMembers, removeMember, revokeInvitation } from "~/domain/organizations/organizations.server";
import { requirePermission } from "~/domain/permissions";
import { clearSessionCookie } from "~/http/context.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.members.title");

const NOTICES = { revoked: "organizations.done.revoked", removed: "organizations.done.removed" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:organization", { ownerId: actor.id });
  const page = await listMembers(await getDb(), actor);
  if (!page) throw redirect("/employer");
  const done = new URL(request.url).searchParams.get("done");
  return { page, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:organization", { ownerId: actor.id });
  const formData = await request.formData();
  const organizationId = String(formData.get("organizationId") ?? "");
  const intent = formData.get("intent");
  const db = await getDb();
  if (intent === "revoke") {
    await revokeInvitation(db, actor, organizationId, String(formData.get("invitationId") ?? ""), { ip: context.ip });
    return redirect("/employer/members?done=revoked");
  }
  if (intent === "remove") {
    const result = await removeMember(db, actor, organizationId, String(formData.get("userId") ?? ""), { ip: context.ip });
    if (!result.ok) return data({ intent: "remove" as const, error: result.fieldErrors[""]?.[0] ?? "organizations.err.lastOwner" }, { status: 400 });
    if (result.value.removedSelf) {
      return redirect("/login?done=signed-out", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
    }
    return redirect("/employer/members?done=removed");
  }
  const submission = parseSubmission(formData, { schema: inviteSchema });
  if (submission.status !== "success") return data({ intent: "invite" as const, reply: submission.reply(), invited: null }, { status: 400 });
  const result = await createInvitation(db, actor, organizationId, submission.value, { ip: context.ip });
  if (!result.ok) {
    const { "": formErrors, ...fieldErrors } = result.fieldErrors;
    return data({ intent: "invite" as const, reply: submission.reply({ formErrors, fieldErrors }), invited: null }, { status: 400 });
  }
  // The link is shown in this response only: it is never stored, so a reload cannot show it again.
  const link = `${new URL(request.url).origin}/invitations/${result.value.token}`;
  return { intent: "invite" as const, reply: submission.reply({ resetForm: true }), invited: { link, expiresAt: result.value.expiresAt.toISOString() } };
}

export default function Members() {
  const { t, te, locale } = useI18n();
  const { page, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const inviteResult = actionData?.intent === "invite" ? actionData : null;
  const removeError = actionData?.intent === "remove" ? actionData.error : null;
  const invited = inviteResult?.invited ?? null;
  const [form, fields] = useForm({
    id: "invite",
    lastResult: inviteResult?.reply,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const { organization, isOwner, ownerCount, members, invitations } = page;
  const orgField = <input type="hidden" name="organizationId" value={organization.id} />;
  return (
    <div>
      <h1 className="page-title">{t("organizations.members.title")}</h1>
      <p className="lead">{t("organizations.members.lead", { name: organization.name })}</p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}

      <h2 className="section-title">{t("organizations.members.list")}</h2>
      {isOwner ? <p className="mb-3">{t("organizations.members.removeHint")}</p> : null}
      {removeError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary-title">{t("form.errorSummary")}</p>
          <p>{te(removeError)}</p>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t("organizations.members.list")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organizations.members.col.name")}</th>
              <th scope="col">{t("organizations.members.col.contact")}</th>
              <th scope="col">{t("organizations.members.col.role")}</th>
              <th scope="col">{t("organizations.members.col.joined")}</th>
              {isOwner ? <th scope="col">{t("organizations.members.col.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const name = m.name ?? m.phone ?? m.email ?? t("organizations.members.unnamed");
              const lastOwner = m.role === "owner" && ownerCount <= 1;
              return (
                <tr key={m.userId}>
                  <th scope="row" className="font-normal">
                    {name}
                    {m.isSelf ? t("organizations.members.you") : null}
                  </th>
                  <td>{[m.phone, m.email].filter(Boolean).join(" / ")}</td>
                  <td>{t(`organizations.role.${m.role}`)}</td>
                  <td>{formatDateTime(locale, m.joinedAt)}</td>
                  {isOwner ? (
                    <td>
                      {m.isSelf && lastOwner ? (
                        <span className="text-muted">{t("organizations.members.lastOwner")}</span>
                      ) : (
                        <Form method="post">
                          {orgField}
                          <input type="hidden" name="userId" value={m.userId} />
                          <button
                            type="submit"
                            name="intent"
                            value="remove"
                            className="button button-small button-secondary"
                            aria-label={m.isSelf ? undefined : t("organizations.members.removeLabel", { name })}
                          >
                            {t(m.isSelf ? "organizations.members.leave" : "organizations.members.remove")}
                          </button>
                        </Form>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {isOwner ? (
        <>
          <h2 className="section-title">{t("organizations.members.invite.title")}</h2>
          <p className="mb-4 max-w-2xl">{t("organizations.members.invite.lead")}</p>
          {invited ? (
            <div className="notice max-w-2xl" role="status">
              <p className="mb-2">{t("organizations.members.invited", { date: formatDateTime(locale, invited.expiresAt) })}</p>
              <label htmlFor="invitation-link" className="field-label">
                {t("organizations.members.link")}
              </label>
              <input id="invitation-link" type="text" readOnly value={invited.link} className="field-input max-w-none! font-mono" />
            </div>
          ) : null}
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)} className="max-w-2xl">
            {orgField}
            <input type="hidden" name="intent" value="invite" />
            <Fieldset id="invite-contact" legend={t("organizations.members.invite.contact")} hint={t("organizations.members.invite.contact.hint")}>
              <Field
                meta={fields.phone}
                label={t("organizations.members.invite.phone")}
                hint={t("organizations.members.invite.phone.hint")}
                type="tel"
                inputMode="numeric"
                autoComplete="off"
                optional
              />
              <Field meta={fields.email} label={t("organizations.members.invite.email")} type="email" autoComplete="off" optional />
            </Fieldset>
            <button type="submit" className="button">
              {t("organizations.members.invite.submit")}
            </button>
          </Form>

          <h2 className="section-title">{t("organizations.members.invitations")}</h2>
          {invitations.length === 0 ? (
            <p>{t("organizations.members.invitations.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("organizations.members.invitations")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("organizations.members.col.contact")}</th>
                    <th scope="col">{t("organizations.members.col.expires")}</th>
                    <th scope="col">{t("organizations.members.col.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => {
                    const contact = [i.phone, i.email].filter(Boolean).join(" / ");
                    return (
                      <tr key={i.id}>
                        <th scope="row" className="font-normal">
                          {contact}
                        </th>
                        <td>{formatDateTime(locale, i.expiresAt)}</td>
                        <td>
                          <Form method="post">
                            {orgField}
                            <input type="hidden" name="invitationId" value={i.id} />
                            <button
                              type="submit"
                              name="intent"
                              value="revoke"
                              className="button button-small button-secondary"
                              aria-label={t("organizations.members.revokeLabel", { contact })}
                            >
                              {t("organizations.members.revoke")}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
