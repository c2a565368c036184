import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { importRun, startImport } from "~/domain/interop/people-import.server";
import { reportPage } from "~/domain/interop/report-view.server";
import { mayImportPeople } from "~/domain/interop/upload.server";
import { notFound, requireUuid } from "~/domain/ids";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isMessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * One import run (issue 18): the dry run's report, the button that imports its valid rows, the progress while it
 * runs (refreshed every 2 s: by the page itself without JavaScript, by revalidation with it) and the outcome.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "imports.title");

const START_ERRORS = { blocked: "imports.run.blocked", notReady: "imports.err.notStartable", fileChanged: "imports.err.fileChanged" } as const;

/** While these last, the page refreshes itself. */
const RUNNING = new Set(["checking", "importing"]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!mayImportPeople(actor)) notFound();
  requireUuid(params.id);
  const run = await importRun(await getDb(), actor, params.id);
  const url = new URL(request.url);
  const { problems: _all, ...summary } = run;
  return {
    run: summary,
    report: reportPage(run.problems, Number(url.searchParams.get("page") ?? "1")),
    problemsShown: run.problems.length,
    started: url.searchParams.has("started"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!mayImportPeople(actor)) notFound();
  requireUuid(params.id);
  const started = await startImport(await getDb(), actor, params.id);
  if (!started.ok) return data({ error: START_ERRORS[started.error] }, { status: 409 });
  return redirect(`/admin/imports/${params.id}?started=1`);
}

export default function ImportRunPage() {
  const { t, te, locale } = useI18n();
  const { run, report, problemsShown, started } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const running = RUNNING.has(run.status);
  // With JavaScript: the data again every 2 s while the run is running (the page without it refreshes itself).
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  const valid = Math.max(0, run.totalRows - run.rowsWithProblems);
  const startable = !run.blocked && (run.status === "checked" || run.status === "failed") && valid > 0;
  const counted = run.status === "completed" || run.createdCount + run.updatedCount + run.unchangedCount > 0;
  const problem = (code: string, value: string | null) => {
    const key = `interop.problem.${code}`;
    return isMessageKey(key) ? t(key, { value: value ?? "" }) : code;
  };

  return (
    <div>
      {/* Without JavaScript the page reloads itself while the run is running; with it, noscript is not parsed. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <p className="mb-4">
        <Link to="/admin/imports">
          <span aria-hidden="true">← </span>
          {t("imports.run.back")}
        </Link>
      </p>
      <h1 className="page-title break-all">
        {t("imports.run.title")
          .split("{file}")
          .flatMap((part, i) => (i === 0 ? [part] : [<span key={i} lang={contentLang(locale, run.fileName)}>{run.fileName}</span>, part]))}
      </h1>
      <p className="mb-6 text-muted">
        {t("imports.run.meta", {
          by: run.createdByName ?? t("imports.runs.unknownUser"),
          at: formatDateTime(locale, run.createdAt),
          status: t(`imports.status.${run.status}`),
        })}
      </p>

      {failure ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{te(failure.error)}</p>
        </div>
      ) : null}

      {run.status === "importing" || run.status === "checking" ? (
        <section aria-labelledby="progress-title" className="notice mb-6 max-w-3xl">
          <h2 id="progress-title" className="section-title">
            {run.status === "checking" ? t("imports.run.checking") : t("imports.run.progress.title")}
          </h2>
          {run.status === "importing" ? (
            <>
              {started ? <p className="mb-2">{t("imports.run.started")}</p> : null}
              <progress className="mb-2 block w-full" value={run.doneRows} max={Math.max(1, run.totalRows)} aria-labelledby="progress-text" />
              <p id="progress-text" role="status" aria-live="polite" className="mb-2 font-bold">
                {t("imports.run.progress.text", { done: run.doneRows, total: run.totalRows })}
              </p>
            </>
          ) : null}
          <p className="mb-2">{t("imports.run.progress.auto")}</p>
          <p>
            <Link to={`/admin/imports/${run.id}`}>{t("imports.run.progress.refresh")}</Link>
          </p>
        </section>
      ) : null}

      {run.status === "completed" ? (
        <section aria-labelledby="done-title" className="notice mb-6 max-w-3xl" role="status">
          <h2 id="done-title" className="section-title">
            {t("imports.run.done.title")}
          </h2>
          <p className="mb-2">
            {t("imports.run.done.text", {
              done: run.doneRows,
              created: run.createdCount,
              updated: run.updatedCount,
              unchanged: run.unchangedCount,
              rejected: run.rejectedCount,
            })}
          </p>
          <p>
            <Link to="/caseloads/assign#registry">{t("imports.run.done.link")}</Link>
          </p>
        </section>
      ) : null}
      {run.status === "failed" ? (
        <section aria-labelledby="failed-title" className="error-summary mb-6 max-w-3xl">
          <h2 id="failed-title" className="error-summary-title">
            {t("imports.run.failed.title")}
          </h2>
          <p>{t("imports.run.failed.text", { done: run.doneRows })}</p>
        </section>
      ) : null}
      {run.status === "cancelled" ? <p className="notice mb-6">{t("imports.run.cancelled")}</p> : null}

      {run.status !== "checking" ? (
        <section aria-labelledby="summary-title" className="mb-8">
          <h2 id="summary-title" className="section-title">
            {t("imports.run.summary.title")}
          </h2>
          {run.blocked ? <p className="error-summary mb-4">{t("imports.run.blocked")}</p> : null}
          <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="font-bold">{t("imports.run.summary.total")}</dt>
            <dd>{run.totalRows}</dd>
            <dt className="font-bold">{t("imports.run.summary.valid")}</dt>
            <dd>{valid}</dd>
            <dt className="font-bold">{t("imports.run.summary.rejected")}</dt>
            <dd>{run.rowsWithProblems}</dd>
            <dt className="font-bold">{t("imports.run.summary.problems")}</dt>
            <dd>{run.problemCount}</dd>
            {counted ? (
              <>
                <dt className="font-bold">{t("imports.run.summary.created")}</dt>
                <dd>{run.createdCount}</dd>
                <dt className="font-bold">{t("imports.run.summary.updated")}</dt>
                <dd>{run.updatedCount}</dd>
                <dt className="font-bold">{t("imports.run.summary.unchanged")}</dt>
                <dd>{run.unchangedCount}</dd>
              </>
            ) : null}
          </dl>
          {startable ? (
            <Form method="post" className="max-w-3xl">
              <p id="start-hint" className="field-hint">
                {t("imports.run.startHint")}
              </p>
              <button type="submit" className="button" aria-describedby="start-hint" disabled={navigation.state === "submitting"}>
                {t(run.status === "failed" ? "imports.run.resume" : "imports.run.start", { count: valid })}
              </button>
            </Form>
          ) : run.status === "checked" && !run.blocked ? (
            <p>{t("imports.run.nothing")}</p>
          ) : null}
        </section>
      ) : null}

      {run.status !== "checking" ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title" className="section-title">
            {t("imports.run.problems.title")}
          </h2>
          {report.problems.length === 0 ? (
            <p>{t("imports.run.problems.none")}</p>
          ) : (
            <>
              <p className="mb-2 max-w-3xl">{t("imports.run.problems.rowNote")}</p>
              {run.problemCount > problemsShown ? (
                <p className="mb-2 max-w-3xl">{t("imports.run.problems.truncated", { shown: problemsShown, total: run.problemCount })}</p>
              ) : null}
              <div className="overflow-x-auto">
                <table className="data-table">
                  <caption className="sr-only">{t("imports.run.problems.caption", { page: report.page, pageCount: report.pageCount })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("imports.run.problems.col.row")}</th>
                      <th scope="col">{t("imports.run.problems.col.column")}</th>
                      <th scope="col">{t("imports.run.problems.col.problem")}</th>
                      <th scope="col">{t("imports.run.problems.col.value")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.problems.map((p, i) => (
                      <tr key={`${p.row}-${p.column ?? ""}-${p.code}-${i}`}>
                        <th scope="row">{p.row}</th>
                        <td lang={contentLang(locale, p.column)}>{p.column ?? t("imports.run.problems.wholeRow")}</td>
                        <td>{problem(p.code, p.value)}</td>
                        <td className="break-all" lang={contentLang(locale, p.value)}>
                          {p.value ?? t("imports.run.problems.noValue")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={report.page} pageCount={report.pageCount} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
