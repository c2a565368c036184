import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { acceptInvitation, viewInvitation } from "~/domain/organizations/organizations.server";
import { serializeSessionCookie } from "~/http/context.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.invite.title");

const STATUS = { invalid: 404, expired: 410, revoked: 410, accepted: 410, open: 200 } as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Anyone holding the link may see whom it invites; accepting needs the invited employer account.
  const viewer = context.auth ? requireActor(context, request) : null;
  const view = await viewInvitation(await getDb(), viewer, params.token ?? "");
  const path = new URL(request.url).pathname;
  return data({ view, path }, { status: STATUS[view.state] });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const result = await acceptInvitation(await getDb(), actor, params.token ?? "", { sessionId: actor.sessionId, ip: context.ip });
  if (!result.ok) return data({ error: result.fieldErrors[""]?.[0] ?? "organizations.invite.invalid" }, { status: 400 });
  // Joining an organization rotates the session: the cookie carries the new one.
  return redirect("/employer?done=joined", {
    headers: { "Set-Cookie": serializeSessionCookie(result.value.sessionToken, result.value.expiresAt, context.secureCookies) },
  });
}

export default function Invitation() {
  const { t, te, locale } = useI18n();
  const { view, path } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <h1 className="page-title">{t("organizations.invite.title")}</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary-title">{t("form.errorSummary")}</p>
          <p>{te(actionData.error)}</p>
        </div>
      ) : null}
      {view.state === "invalid" ? (
        <p>{t("organizations.invite.invalid")}</p>
      ) : view.state !== "open" ? (
        <p>{t(`organizations.invite.${view.state}`)}</p>
      ) : (
        <>
          <p className="lead">
            {t("organizations.invite.intro", {
              name: view.organizationName,
              contact: view.contact,
              date: formatDateTime(locale, view.expiresAt),
            })}
          </p>
          {view.viewer === "anonymous" ? (
            <div className="grid gap-4">
              <p>{t("organizations.invite.signIn", { contact: view.contact })}</p>
              <p>
                <Link to={`/login?redirectTo=${encodeURIComponent(path)}`} className="button">
                  {t("organizations.invite.signInLink")}
                </Link>
              </p>
              <p>{t("organizations.invite.register", { contact: view.contact })}</p>
              <p>
                <Link to="/register" className="button button-secondary">
                  {t("organizations.invite.registerLink")}
                </Link>
              </p>
            </div>
          ) : view.viewer === "canAccept" ? (
            <Form method="post">
              <button type="submit" className="button">
                {t("organizations.invite.accept")}
              </button>
            </Form>
          ) : (
            <div className="notice">
              <p>{t(`organizations.invite.${view.viewer}`)}</p>
              {view.viewer === "alreadyMember" ? (
                <p className="mt-2">
                  <Link to="/employer">{t("organizations.invite.goEmployer")}</Link>
                </p>
              ) : null}
            </div>
          )}
        </>
      )}
    </div>
  );
}
