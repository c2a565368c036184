import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { declineReferral, listMyReferrals } from "~/domain/counseling/referrals.server";
import { hasPermission } from "~/domain/permissions";
import { formatDay } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "referrals.title");

// A seeker's page: the referral's own-scoped checks are each domain call's first step.
function requireSeeker(context: LoaderFunctionArgs["context"], request: Request) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:application")) throw new Response("Not Found", { status: 404 });
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireSeeker(context, request);
  const items = await listMyReferrals(await getDb(), actor);
  return { items, declined: new URL(request.url).searchParams.get("declined") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireSeeker(context, request);
  const form = await request.formData();
  if (form.get("intent") !== "decline") throw new Response("Bad Request", { status: 400 });
  await declineReferral(await getDb(), actor, String(form.get("referralId") ?? ""));
  return redirect("/referrals?declined=1");
}

export default function Referrals() {
  const { t, locale } = useI18n();
  const { items, declined } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="page-title">{t("referrals.title")}</h1>
      <p className="lead max-w-3xl">{t("referrals.lead")}</p>
      {declined ? (
        <p className="notice" role="status">
          {t("referrals.declined")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="notice">{t("referrals.empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {items.map((r) => (
            <li key={r.id} className="card">
              <h2 className="mb-1 text-xl font-bold">
                <Link to={`/vacancies/${r.vacancyId}`}>{r.vacancyTitle}</Link>
              </h2>
              <p>{t("referrals.where", { organization: r.organizationName, place: r.place })}</p>
              <p>{r.counselorName ? t("referrals.by", { name: r.counselorName }) : t("referrals.byUnknown")}</p>
              <p className="text-muted">{t("referrals.date", { date: formatDay(locale, r.createdAt) })}</p>
              {r.message ? (
                <div className="my-2 border-l-4 border-line pl-3">
                  <p className="font-bold">{t("referrals.message")}</p>
                  <p className="whitespace-pre-line">{r.message}</p>
                </div>
              ) : null}
              <p className="my-2 font-bold">
                {t("referrals.statusLabel", {
                  status: r.status === "pending" && !r.accepting ? t("referrals.closed") : t(`counseling.referralStatus.${r.status}`),
                })}
              </p>
              {r.status === "pending" && r.accepting ? (
                <div className="flex flex-wrap items-center gap-4">
                  <Link to={`/vacancies/${r.vacancyId}/apply`} className="button" aria-label={t("referrals.acceptLabel", { title: r.vacancyTitle })}>
                    {t("referrals.accept")}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <input type="hidden" name="referralId" value={r.id} />
                    <button type="submit" className="button button-secondary" aria-label={t("referrals.declineLabel", { title: r.vacancyTitle })}>
                      {t("referrals.decline")}
                    </button>
                  </Form>
                </div>
              ) : null}
              {r.status === "accepted" && r.applicationId ? (
                <Link to={`/applications/${r.applicationId}`} aria-label={t("referrals.viewApplicationLabel", { title: r.vacancyTitle })}>
                  {t("referrals.viewApplication")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6">
        <Link to="/my-plan">{t("referrals.planLink")}</Link>
      </p>
    </div>
  );
}
