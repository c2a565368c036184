import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { SnapshotComparisonTable } from "~/components/statistics/snapshot-comparison";
import { divisionName } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { lastEndedQuarter, parseQuarterKey, quarterEnd, quarterKey, type QuarterRef } from "~/domain/statistics/quarters";
import { takeSnapshotSchema } from "~/domain/statistics/report.schema";
import { compareSnapshots, listSnapshots, takeSnapshot } from "~/domain/statistics/snapshots.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statsReport.snapshots.title");

// The admin's region's quarterly snapshots, the button that takes the last ended quarter's, and a comparison.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const regionCode = actor.regionCode!;
  const url = new URL(request.url);
  const db = await getDb();
  const snapshots = await listSnapshots(db, actor, regionCode);
  const offered = lastEndedQuarter(todayInShanghai());
  const asked = parseQuarterKey(url.searchParams.get("quarter"));
  const chosen: QuarterRef = asked ?? (snapshots[0] ? { year: snapshots[0].year, quarter: snapshots[0].quarter } : offered);
  const comparison = await compareSnapshots(db, actor, { regionCode, ...chosen });
  const taken = url.searchParams.get("taken");
  return {
    regionName: (await divisionName(db, regionCode)) ?? regionCode,
    snapshots,
    offered,
    offeredSnapshot: snapshots.find((s) => s.year === offered.year && s.quarter === offered.quarter) ?? null,
    comparison,
    taken: taken === "new" || taken === "existing" ? taken : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:statistics", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: takeSnapshotSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const q = parseQuarterKey(submission.value.quarter)!;
  const result = await takeSnapshot(await getDb(), actor, { regionCode: actor.regionCode!, ...q });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/statistics/snapshots?quarter=${quarterKey(q)}&taken=${result.value.created ? "new" : "existing"}`);
}

export default function Snapshots() {
  const { t, locale } = useI18n();
  const { regionName, snapshots, offered, offeredSnapshot, comparison: c, taken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({
    id: "take-snapshot",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: takeSnapshotSchema }),
  });
  const label = (q: QuarterRef) => t("statsReport.quarter", { year: q.year, quarter: q.quarter });
  const chosenSnapshot = snapshots.find((s) => s.year === c.quarter.year && s.quarter === c.quarter.quarter);
  const quarterOptions = [...snapshots.map((s) => ({ year: s.year, quarter: s.quarter }))];
  if (!quarterOptions.some((q) => q.year === c.quarter.year && q.quarter === c.quarter.quarter)) quarterOptions.unshift(c.quarter);
  return (
    <div>
      <p className="mb-4">
        <Link to="/statistics">{t("statsReport.backToStatistics")}</Link>
      </p>
      <h1 className="page-title">{t("statsReport.snapshots.heading", { region: regionName })}</h1>
      <p className="lead max-w-3xl">{t("statsReport.snapshots.lead")}</p>

      {taken && chosenSnapshot ? (
        <p className="notice" role="status">
          {taken === "new"
            ? t("statsReport.snapshots.taken", { quarter: label(chosenSnapshot) })
            : t("statsReport.snapshots.already", { quarter: label(chosenSnapshot), date: formatDateTime(locale, chosenSnapshot.takenAt) })}
        </p>
      ) : null}

      <section aria-labelledby="take-title" className="card mb-8 max-w-3xl">
        <h2 id="take-title" className="section-title">
          {t("statsReport.take.title")}
        </h2>
        <ErrorSummary form={form} />
        {offeredSnapshot ? (
          <p>{t("statsReport.snapshots.already", { quarter: label(offered), date: formatDateTime(locale, offeredSnapshot.takenAt) })}</p>
        ) : (
          <>
            <p className="mb-4">{t("statsReport.take.lead", { quarter: label(offered), date: formatCalendarDate(locale, quarterEnd(offered)) })}</p>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="quarter" value={quarterKey(offered)} />
              <button type="submit" className="button">
                {t("statsReport.take.submit", { quarter: label(offered) })}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="list-title" className="mb-8">
        <h2 id="list-title" className="section-title">
          {t("statsReport.snapshots.list")}
        </h2>
        {snapshots.length === 0 ? (
          <p className="notice">{t("statsReport.snapshots.none")}</p>
        ) : (
          <table className="data-table max-w-3xl">
            <caption className="sr-only">{t("statsReport.snapshots.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statsReport.col.quarter")}</th>
                <th scope="col">{t("statsReport.col.asOf")}</th>
                <th scope="col">{t("statsReport.col.takenAt")}</th>
                <th scope="col">{t("statsReport.col.takenBy")}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`?quarter=${quarterKey(s)}#compare-title`}>{label(s)}</Link>
                  </th>
                  <td>{formatCalendarDate(locale, s.asOf)}</td>
                  <td>{formatDateTime(locale, s.takenAt)}</td>
                  <td>{s.takenBy ?? t("statsReport.takenByCommand")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="compare-title" className="mb-8">
        <h2 id="compare-title" className="section-title">
          {t("statsReport.compare.title", { quarter: label(c.quarter) })}
        </h2>
        <p className="mb-4 max-w-3xl">{t("statsReport.compare.lead")}</p>
        <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
          <div className="field">
            <label htmlFor="compare-quarter" className="field-label">
              {t("statsReport.compare.choose")}
            </label>
            <select id="compare-quarter" name="quarter" defaultValue={quarterKey(c.quarter)} className="field-input">
              {quarterOptions.map((q) => (
                <option key={quarterKey(q)} value={quarterKey(q)}>
                  {label(q)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary mb-6">
            {t("statsReport.compare.submit")}
          </button>
        </Form>
        <SnapshotComparisonTable comparison={c} />
      </section>
    </div>
  );
}
