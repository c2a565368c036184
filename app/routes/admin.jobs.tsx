import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "../../db/database";
import { getJobQueue } from "../../jobs/runtime";
import { pageTitle } from "~/components/meta";
import { canManageJobs, listDeadJobs, retryDeadJob } from "~/domain/jobs/dead-jobs.server";
import { notFound, UUID_RE } from "~/domain/ids";
import { parseSubmission, replyInvalid } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Dead jobs (issue 17, decision 018): background jobs that failed after their last retry, for the province
 * federation's admins, each with a retry button (a plain form: no JavaScript needed). A retry is audited.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs.title");

const retrySchema = z.object({ id: z.string().regex(UUID_RE) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!canManageJobs(actor)) notFound();
  const url = new URL(request.url);
  const list = await listDeadJobs(getJobQueue());
  return { ...list, retried: url.searchParams.has("retried"), gone: url.searchParams.has("gone") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!canManageJobs(actor)) notFound();
  const submission = parseSubmission(await request.formData(), { schema: retrySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const retried = await retryDeadJob(await getDb(), getJobQueue(), actor, submission.value.id, { ip: context.ip });
  return redirect(retried ? "/admin/jobs?retried=1" : "/admin/jobs?gone=1");
}

export default function DeadJobs() {
  const { t, locale } = useI18n();
  const { kind, items, total, retried, gone } = useLoaderData<typeof loader>();
  const colon = locale === "en" ? ": " : "：";
  return (
    <div>
      <h1 className="page-title">{t("jobs.title")}</h1>
      <p className="lead max-w-3xl">{t("jobs.lead")}</p>
      <p className="mb-6 text-muted">{t("jobs.queue", { kind: t(`jobs.kind.${kind}`) })}</p>

      {retried || gone ? (
        <p className="notice" role="status">
          {t(retried ? "jobs.retried" : "jobs.gone")}
        </p>
      ) : null}

      <h2 className="section-title">{t("jobs.list")}</h2>
      {items.length === 0 ? (
        <p>{t("jobs.empty")}</p>
      ) : (
        <>
          <p className="mb-2">{total > items.length ? t("jobs.countLimited", { total, shown: items.length }) : t("jobs.count", { total })}</p>
          <p className="mb-4 text-muted">{t("jobs.data.note")}</p>
          <ul className="space-y-3">
            {items.map((job) => {
              const when = job.failedAt ? formatDateTime(locale, job.failedAt) : "";
              return (
                <li key={job.id} className="card">
                  <h3 className="text-lg font-bold">
                    <span className="sr-only">
                      {t("jobs.col.name")}
                      {colon}
                    </span>
                    <code>{job.name}</code>
                  </h3>
                  <dl className="mb-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                    <dt className="font-bold">{t("jobs.col.failedAt")}</dt>
                    <dd>{when}</dd>
                    <dt className="font-bold">{t("jobs.col.createdAt")}</dt>
                    <dd>{formatDateTime(locale, job.createdAt)}</dd>
                    <dt className="font-bold">{t("jobs.col.runs")}</dt>
                    <dd>{job.runs}</dd>
                    <dt className="font-bold">{t("jobs.col.error")}</dt>
                    <dd className="break-words" lang="en">
                      {job.error ?? <span lang={locale}>{t("jobs.error.none")}</span>}
                    </dd>
                    <dt className="font-bold">{t("jobs.col.data")}</dt>
                    <dd>
                      {job.data.length === 0 ? (
                        t("jobs.data.none")
                      ) : (
                        <ul>
                          {job.data.map((d) => (
                            <li key={d.key} className="break-words">
                              <code>{d.key}</code>
                              {colon}
                              {d.value === null ? t("jobs.data.hidden") : <code>{d.value}</code>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </dl>
                  <Form method="post">
                    <input type="hidden" name="id" value={job.id} />
                    <button type="submit" className="button button-secondary" aria-label={t("jobs.retry.label", { name: job.name, when })}>
                      {t("jobs.retry")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
