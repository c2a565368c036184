import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { describedBy } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { ACCOMMODATIONS } from "~/domain/catalog";
import { COLUMNS } from "~/domain/interop/columns";
import { checkFile, listImportRuns, RUNS_PAGE_SIZE } from "~/domain/interop/people-import.server";
import { discardBody, mayImportPeople, receiveImportFile } from "~/domain/interop/upload.server";
import { notFound } from "~/domain/ids";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Real-name data import (issue 18): admins upload a CSV or XLSX file, which is checked (the dry run) and then shown
 * as its report (/admin/imports/$id); the runs they may see, and the documented columns. The upload's body reaches
 * this action unread (server/input-limits.ts UPLOAD_ROUTES): receiveImportFile bounds it.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "imports.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!mayImportPeople(actor)) notFound();
  const page = Number(new URL(request.url).searchParams.get("page"));
  const current = Number.isInteger(page) && page >= 1 ? page : 1;
  const { runs, total } = await listImportRuns(await getDb(), actor, current);
  return { runs, page: current, pageCount: Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!mayImportPeople(actor)) {
    await discardBody(request);
    notFound();
  }
  const upload = await receiveImportFile(request);
  if (!upload.ok) return data({ error: upload.error }, { status: 400 });
  const { runId } = await checkFile(await getDb(), actor, { path: upload.path, fileName: upload.fileName });
  return redirect(`/admin/imports/${runId}`);
}

export default function Imports() {
  const { t, te, locale } = useI18n();
  const { runs, page, pageCount } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) summaryRef.current?.focus();
  }, [failure]);
  const fileId = "import-file";
  const error = failure?.error ?? null;
  const colon = locale === "en" ? ": " : "：";

  return (
    <div>
      <h1 className="page-title">{t("imports.title")}</h1>
      <p className="lead max-w-3xl">{t("imports.lead")}</p>
      <p className="mb-6 max-w-3xl">{t("imports.notAccounts")}</p>

      <section aria-labelledby="upload-title" className="mb-10 max-w-3xl">
        <h2 id="upload-title" className="section-title">
          {t("imports.upload.title")}
        </h2>
        {error ? (
          <div ref={summaryRef} className="error-summary" role="alert" aria-labelledby="upload-error-title" tabIndex={-1}>
            <h3 id="upload-error-title" className="error-summary-title">
              {t("imports.upload.failed")}
            </h3>
            <ul className="error-summary-list">
              <li>
                <a href={`#${fileId}`}>{te(error)}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <p className="mb-4">
          <a href="#columns">{t("imports.upload.columnsLink")}</a>
          <span aria-hidden="true"> · </span>
          <a href="/admin/imports/template.csv" download>
            {t("imports.upload.template")}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <div className="field">
            <label htmlFor={fileId} className="field-label">
              {t("imports.upload.file")}
            </label>
            <p id={`${fileId}-hint`} className="field-hint">
              {t("imports.upload.hint")}
            </p>
            {error ? (
              <p id={`${fileId}-error`} className="field-error">
                <span className="sr-only">{t("form.errorPrefix")}</span>
                {te(error)}
              </p>
            ) : null}
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".csv,.xlsx"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(fileId, true, !!error)}
              className="field-input"
            />
          </div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("imports.upload.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="runs-title" className="mb-10">
        <h2 id="runs-title" className="section-title">
          {t("imports.runs.title")}
        </h2>
        {runs.length === 0 ? (
          <p>{t("imports.runs.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("imports.runs.caption", { page, pageCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("imports.runs.col.file")}</th>
                  <th scope="col">{t("imports.runs.col.by")}</th>
                  <th scope="col">{t("imports.runs.col.at")}</th>
                  <th scope="col">{t("imports.runs.col.status")}</th>
                  <th scope="col">{t("imports.runs.col.counts")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="break-all">
                      <Link to={`/admin/imports/${r.id}`} aria-label={t("imports.runs.open", { file: r.fileName })}>
                        <span lang={contentLang(locale, r.fileName)}>{r.fileName}</span>
                      </Link>
                    </th>
                    <td lang={r.createdByName ? contentLang(locale, r.createdByName) : undefined}>{r.createdByName ?? t("imports.runs.unknownUser")}</td>
                    <td className="whitespace-nowrap">{formatDateTime(locale, r.createdAt)}</td>
                    <td>{t(`imports.status.${r.status}`)}</td>
                    <td>{t("imports.runs.counts", { total: r.totalRows, valid: Math.max(0, r.totalRows - r.rowsWithProblems), problems: r.rowsWithProblems })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={pageCount} />
      </section>

      <section aria-labelledby="columns-title" id="columns">
        <h2 id="columns-title" className="section-title">
          {t("imports.columns.title")}
        </h2>
        <p className="mb-4 max-w-3xl">{t("imports.columns.lead")}</p>
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("imports.columns.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.columns.col.name")}</th>
                <th scope="col">{t("imports.columns.col.en")}</th>
                <th scope="col">{t("imports.columns.col.required")}</th>
                <th scope="col">{t("imports.columns.col.format")}</th>
                <th scope="col">{t("imports.columns.col.aliases")}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((c) => (
                <tr key={c.key}>
                  <th scope="row" lang="zh-CN" className="whitespace-nowrap">
                    {c.zh}
                  </th>
                  <td lang="en">{c.en}</td>
                  <td>{t(c.required ? "imports.columns.required" : "imports.columns.optional")}</td>
                  <td lang={locale === "en" ? "en" : "zh-CN"}>{locale === "en" ? c.formatEn : c.formatZh}</td>
                  <td className="break-words">{c.aliases.filter((a) => a !== c.zh).join(locale === "en" ? ", " : "、")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="mt-6 mb-2 text-lg font-bold">{t("imports.columns.needs.title")}</h3>
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("imports.columns.needs.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.columns.needs.col.name")}</th>
                <th scope="col">{t("imports.columns.needs.col.code")}</th>
              </tr>
            </thead>
            <tbody>
              {ACCOMMODATIONS.map((a) => (
                <tr key={a.code}>
                  <th scope="row" className="font-normal">
                    <span lang="zh-CN">{a.zh}</span>
                    {colon}
                    <span lang="en">{a.en}</span>
                  </th>
                  <td>
                    <code>{a.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
