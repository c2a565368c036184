import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { hasPermission } from "~/domain/permissions";
import { declineInvitation, listMyInvitations } from "~/domain/search/search.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitations.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:application")) throw new Response("Not Found", { status: 404 });
  const items = await listMyInvitations(await getDb(), actor);
  return { items, declined: new URL(request.url).searchParams.get("declined") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:application")) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  await declineInvitation(await getDb(), actor, String(form.get("invitationId") ?? ""));
  return redirect("/job-invitations?declined=1");
}

export default function JobInvitations() {
  const { t, locale } = useI18n();
  const { items, declined } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("invitations.title")}</h1>
      <p className="lead max-w-3xl">{t("invitations.lead")}</p>
      {declined ? (
        <p className="notice" role="status">
          {t("invitations.declined")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="notice">{t("invitations.empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {items.map((i) => (
            <li key={i.id} className="card">
              <h2 className="mb-1 text-xl font-bold">
                <Link to={`/vacancies/${i.vacancyId}`}>{i.vacancyTitle}</Link>
              </h2>
              <p>{t("invitations.from", { organization: i.organizationName, place: i.place })}</p>
              <p className="text-muted">{formatDateTime(locale, i.createdAt)}</p>
              <p className="my-2 font-bold">{i.accepting || i.status !== "pending" ? t(`invitations.status.${i.status}`) : t("invitations.closed")}</p>
              {i.status === "pending" && i.accepting ? (
                <div className="flex flex-wrap items-center gap-4">
                  <Link to={`/vacancies/${i.vacancyId}/apply`} className="button" aria-label={t("invitations.acceptLabel", { title: i.vacancyTitle })}>
                    {t("invitations.accept")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="button button-secondary" aria-label={t("invitations.declineLabel", { title: i.vacancyTitle })}>
                      {t("invitations.decline")}
                    </button>
                  </Form>
                </div>
              ) : null}
              {i.applicationId ? <Link to={`/applications/${i.applicationId}`}>{t("invitations.viewApplication")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
