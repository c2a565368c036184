import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { MatchReasonsList } from "~/components/vacancy-card";
import { ACCOMMODATIONS, EDUCATION_LEVELS, label } from "~/domain/catalog";
import { hasPermission } from "~/domain/permissions";
import { candidatesForVacancy, inviteToApply } from "~/domain/search/search.server";
import { pageParam } from "~/domain/vacancies/vacancies.schema";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "candidates.link");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  // The organization-scoped check (a member of the vacancy's organization) is the domain call's first step.
  if (!hasPermission(actor, "update:vacancy")) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const page = await candidatesForVacancy(await getDb(), actor, params.id ?? "", pageParam(url.searchParams.get("page")));
  return { ...page, sent: url.searchParams.get("sent") === "1" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "update:vacancy")) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  const seekerId = String(form.get("seekerId") ?? "");
  const result = await inviteToApply(await getDb(), actor, params.id ?? "", seekerId);
  if (!result.ok) return data({ error: result.fieldErrors[""]?.[0] ?? "search.err.candidateGone" }, { status: 400 });
  const url = new URL(request.url);
  const page = pageParam(url.searchParams.get("page"));
  // Back to the list (post/redirect/get), saying what happened.
  return redirect(`/employer/vacancies/${params.id}/candidates?sent=1${page > 1 ? `&page=${page}` : ""}#candidate-${seekerId}`);
}

export default function Candidates() {
  const { t, te, locale } = useI18n();
  const { vacancy, items, total, totalIsLowerBound, page, pageCount, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sep = t("search.listSeparator");
  const open = vacancy.status === "open";
  return (
    <div>
      <p className="mb-2">
        <Link to={`/employer/vacancies/${vacancy.id}/edit`}>{t("candidates.back")}</Link>
      </p>
      <h1 className="page-title">{t("candidates.title", { title: vacancy.title })}</h1>
      <p className="lead max-w-3xl">{t("candidates.lead")}</p>
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          <span className="sr-only">{t("form.errorPrefix")}</span>
          {te(actionData.error)}
        </p>
      ) : sent ? (
        <p className="notice" role="status">
          {t("candidates.sent")}
        </p>
      ) : null}
      {!open ? (
        <p className="notice">{t("candidates.notOpen")}</p>
      ) : items.length === 0 ? (
        <p className="notice">{t("candidates.empty")}</p>
      ) : (
        <>
          {/* Counting stops at 1000 (search.server.ts): "共 1000+ 位", "1000+ matching". */}
          <p className="mb-4 font-bold">{t("candidates.count", { count: totalIsLowerBound ? `${total}+` : total })}</p>
          <ul className="grid gap-4">
            {items.map((c) => {
              const name = t("candidates.reference", { reference: c.reference });
              return (
                <li key={c.id} id={`candidate-${c.id}`} className="card">
                  <h2 className="mb-2 text-xl font-bold">{name}</h2>
                  <p className="mb-2">{t("search.score", { score: Math.round(c.match.score) })}</p>
                  <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                    <dt className="font-bold">{t("candidates.place")}</dt>
                    <dd>{c.place || t("candidates.none")}</dd>
                    <dt className="font-bold">{t("candidates.education")}</dt>
                    <dd>
                      {c.education ? label(EDUCATION_LEVELS, c.education, locale) : t("candidates.none")}
                      {c.major ? ` · ${c.major}` : ""}
                    </dd>
                    {c.graduationYear ? (
                      <>
                        <dt className="font-bold">{t("candidates.graduation")}</dt>
                        <dd>{c.graduationYear}</dd>
                      </>
                    ) : null}
                    <dt className="font-bold">{t("candidates.skills")}</dt>
                    <dd>{c.skills.length ? c.skills.join(sep) : t("candidates.none")}</dd>
                    <dt className="font-bold">{t("candidates.needs")}</dt>
                    <dd>{c.needs.length ? c.needs.map((n) => label(ACCOMMODATIONS, n, locale)).join(sep) : t("candidates.none")}</dd>
                  </dl>
                  <div className="mt-3 border-t border-line pt-2">
                    <MatchReasonsList match={c.match} />
                  </div>
                  <div className="mt-3">
                    {c.applied ? (
                      <p>{t("candidates.applied")}</p>
                    ) : c.invitation ? (
                      <p>{t(`candidates.invite.${c.invitation}`)}</p>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="seekerId" value={c.id} />
                        <button
                          type="submit"
                          className="button button-secondary"
                          aria-label={t("candidates.inviteLabel", { reference: c.reference })}
                          disabled={navigation.state === "submitting" && navigation.formData?.get("seekerId") === c.id}
                        >
                          {t("candidates.invite")}
                        </button>
                      </Form>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </div>
  );
}
