import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, Field, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { API_SCOPES, createTokenSchema, oneYearAfter, RATE_LIMIT_DEFAULT, revokeTokenSchema, TOKEN_NAME_MAX } from "~/domain/api/tokens.schema";
import { createApiToken, listApiTokens, revokeApiToken } from "~/domain/api/tokens.server";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDate, formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "apiTokens.title");

// Partner API tokens (issue 18; docs/api.md): admins create tokens for their region, see them, revoke them.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:api_token", { regionCode: actor.regionCode });
  const db = await getDb();
  const [tokens, divisions] = await Promise.all([listApiTokens(db, actor), listDivisionsWithin(db, actor.regionCode!)]);
  const revoked = new URL(request.url).searchParams.get("revoked");
  return {
    tokens,
    divisions,
    regionCode: actor.regionCode!,
    regionName: divisions.find((d) => d.code === actor.regionCode)?.name ?? "",
    defaultExpiry: oneYearAfter(todayInShanghai()),
    revoked: revoked ? (tokens.find((t) => t.id === revoked && t.status === "revoked")?.name ?? null) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:api_token", { regionCode: actor.regionCode });
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "revoke") {
    const submission = parseSubmission(formData, { schema: revokeTokenSchema });
    if (submission.status !== "success") return data({ revokeError: "apiTokens.err.tokenUnknown" as const }, { status: 400 });
    const { tokenId, confirm } = submission.value;
    // Revoking cuts a partner off at once: it asks once more, naming the token (one of the admin's region, or 404).
    if (confirm !== "yes") {
      const token = (await listApiTokens(db, actor)).find((t) => t.id === tokenId && t.status !== "revoked");
      if (!token) throw new Response("Not Found", { status: 404 });
      return data({ confirmRevoke: { id: token.id, name: token.name } });
    }
    await revokeApiToken(db, actor, tokenId, { ip: context.ip });
    return redirect(`/admin/api-tokens?revoked=${tokenId}`);
  }
  const submission = parseSubmission(formData, { schema: createTokenSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await createApiToken(db, actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  // The token is shown in this answer only (no redirect: it must not travel in an address or be shown twice).
  return data({ created: { name: result.value.name, token: result.value.token } });
}

/** The number field is typed as text (conform reads it as text; the schema makes it a number). */
type TextMeta = FieldMetadata<string | undefined>;

type ActionData = ReturnType<typeof useActionData<typeof action>>;

function formReply(actionData: ActionData): SubmissionResult<string[]> | undefined {
  if (!actionData || "created" in actionData || "confirmRevoke" in actionData || "revokeError" in actionData) return undefined;
  return actionData as SubmissionResult<string[]>;
}

export default function ApiTokens() {
  const { t, locale } = useI18n();
  const { tokens, divisions, regionCode, regionName, defaultExpiry, revoked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const confirmRevoke = actionData && "confirmRevoke" in actionData ? actionData.confirmRevoke : null;
  const revokeError = actionData && "revokeError" in actionData ? actionData.revokeError : null;
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created || confirmRevoke || revokeError) alertRef.current?.focus();
  }, [created, confirmRevoke, revokeError]);
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: formReply(actionData),
    defaultValue: { regionCode, expiresOn: defaultExpiry, rateLimit: String(RATE_LIMIT_DEFAULT) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createTokenSchema }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: d.level === "county" ? d.name : `${d.name}${d.level === "province" ? `（${t("division.province")}）` : ""}`,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name : undefined,
  }));
  return (
    <div>
      <h1 className="page-title">{t("apiTokens.title")}</h1>
      <p className="lead">{t("apiTokens.lead", { region: regionName })}</p>
      <p>{t("apiTokens.docs")}</p>

      {revoked && !actionData ? (
        <p className="notice" role="status">
          {t("apiTokens.revoked", { name: revoked })}
        </p>
      ) : null}
      {revokeError ? (
        <div ref={alertRef} className="notice" role="alert" tabIndex={-1}>
          {t(revokeError)}
        </div>
      ) : null}

      {created ? (
        <div ref={alertRef} className="card border-2 border-success [overflow-wrap:anywhere]" role="status" aria-labelledby="created-title" tabIndex={-1}>
          <h2 id="created-title" className="text-lg font-bold">
            {t("apiTokens.created.title", { name: created.name })}
          </h2>
          <p id="new-token-hint">{t("apiTokens.created.copy")}</p>
          <div className="field">
            <label htmlFor="new-token" className="field-label">
              {t("apiTokens.created.token")}
            </label>
            <input
              id="new-token"
              readOnly
              value={created.token}
              aria-describedby="new-token-hint"
              className="field-input w-full max-w-full font-mono"
              autoComplete="off"
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <p className="[overflow-wrap:anywhere]">{t("apiTokens.created.use")}</p>
        </div>
      ) : null}

      {confirmRevoke ? (
        <div ref={alertRef} className="card border-2 border-danger" role="alert" aria-labelledby="confirm-revoke-title" tabIndex={-1}>
          <h2 id="confirm-revoke-title" className="text-lg font-bold">
            {t("apiTokens.revoke.confirmTitle", { name: confirmRevoke.name })}
          </h2>
          <p className="mb-3">{t("apiTokens.revoke.explain")}</p>
          <div className="flex flex-wrap gap-4">
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="tokenId" value={confirmRevoke.id} />
              <input type="hidden" name="confirm" value="yes" />
              <button type="submit" className="button">
                {t("apiTokens.revoke.confirm")}
              </button>
            </Form>
            <Link to="/admin/api-tokens" className="button button-secondary">
              {t("apiTokens.revoke.keep")}
            </Link>
          </div>
        </div>
      ) : null}

      <h2 className="section-title">{t("apiTokens.create")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value="create" />
        <Field meta={fields.name} label={t("apiTokens.name")} hint={t("apiTokens.name.hint")} autoComplete="off" maxLength={TOKEN_NAME_MAX} />
        <CheckboxGroup
          meta={fields.scopes}
          legend={t("apiTokens.scopes")}
          hint={t("apiTokens.scopes.hint")}
          options={API_SCOPES.map((s) => ({ value: s, label: t(`apiTokens.scope.${s}`) }))}
        />
        <SelectField meta={fields.regionCode} label={t("apiTokens.region")} hint={t("apiTokens.region.hint")} options={regionOptions} />
        <Field meta={fields.expiresOn} label={t("apiTokens.expiresOn")} hint={t("apiTokens.expiresOn.hint")} type="date" autoComplete="off" />
        <Field meta={fields.rateLimit as unknown as TextMeta} label={t("apiTokens.rateLimit")} hint={t("apiTokens.rateLimit.hint")} type="number" inputMode="numeric" min={1} max={600} autoComplete="off" />
        <button type="submit" className="button">
          {t("apiTokens.submit")}
        </button>
      </Form>

      <h2 className="section-title">{t("apiTokens.list")}</h2>
      {tokens.length === 0 ? (
        <p>{t("apiTokens.list.empty")}</p>
      ) : (
        // relative: the visually hidden text in the last column is positioned within the scrolling box, not the page.
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("apiTokens.list")}>
          <table className="data-table">
            <caption className="sr-only">{t("apiTokens.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiTokens.col.name")}</th>
                <th scope="col">{t("apiTokens.col.scopes")}</th>
                <th scope="col">{t("apiTokens.col.region")}</th>
                <th scope="col">{t("apiTokens.col.rateLimit")}</th>
                <th scope="col">{t("apiTokens.col.created")}</th>
                <th scope="col">{t("apiTokens.col.lastUsed")}</th>
                <th scope="col">{t("apiTokens.col.expires")}</th>
                <th scope="col">{t("apiTokens.col.status")}</th>
                <th scope="col">{t("apiTokens.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tk) => (
                <tr key={tk.id}>
                  <th scope="row">{tk.name}</th>
                  <td>{tk.scopes.map((s) => t(`apiTokens.scope.${s}`)).join("；")}</td>
                  <td>{tk.regionName}</td>
                  <td>{tk.rateLimitPerMinute}</td>
                  <td>{t("apiTokens.createdBy", { date: formatDate(locale, tk.createdAt), name: tk.createdBy ?? "—" })}</td>
                  <td>{tk.lastUsedAt ? formatDateTime(locale, tk.lastUsedAt) : t("apiTokens.neverUsed")}</td>
                  <td>{formatDate(locale, tk.expiresOn)}</td>
                  <td>
                    {tk.status === "revoked"
                      ? t("apiTokens.status.revoked", { date: formatDate(locale, tk.revokedAt!) })
                      : t(`apiTokens.status.${tk.status}`)}
                  </td>
                  <td>
                    {tk.status === "revoked" ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={tk.id} />
                        <button type="submit" className="button button-secondary">
                          {t("apiTokens.revoke")}
                          <span className="sr-only">{t("apiTokens.revoke.forName", { name: tk.name })}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
