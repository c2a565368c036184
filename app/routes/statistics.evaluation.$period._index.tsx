import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { ReportLead, ReportNotes, ReportRegionPicker, ReportTables } from "~/components/statistics/inspection-report";
import { requirePermission } from "~/domain/permissions";
import { EVALUATION_KINDS, inspectionNotesSchema } from "~/domain/statistics/report.schema";
import { evaluationReport, saveInspectionNotes } from "~/domain/statistics/report.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statsReport.evaluation.title");

/** ?kind=midterm|final (final when absent); anything else names nothing. */
function kindParam(request: Request): (typeof EVALUATION_KINDS)[number] {
  const kind = new URL(request.url).searchParams.get("kind") ?? "final";
  if (!(EVALUATION_KINDS as readonly string[]).includes(kind)) throw new Response("Not Found", { status: 404 });
  return kind as (typeof EVALUATION_KINDS)[number];
}

function regionParam(request: Request): string | null {
  const region = new URL(request.url).searchParams.get("region");
  return region && /^\d{6}$/.test(region) ? region : null;
}

// The mid-term or final evaluation of a plan period (/statistics/evaluation/2016-2020?kind=midterm), read like the
// annual report; the admin's region or one within it.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const kind = kindParam(request);
  const report = await evaluationReport(await getDb(), actor, { regionCode: regionParam(request), period: params.period ?? "", kind });
  return { report, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:statistics", { regionCode: actor.regionCode });
  const kind = kindParam(request);
  const period = params.period ?? "";
  const submission = parseSubmission(await request.formData(), { schema: inspectionNotesSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { region, notes } = submission.value;
  const result = await saveInspectionNotes(await getDb(), actor, { regionCode: region, kind, period, notes });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/statistics/evaluation/${period}?kind=${kind}&region=${region}&saved=1#report-notes`);
}

export default function Evaluation() {
  const { t } = useI18n();
  const { report, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const kind = report.kind === "midterm" ? "midterm" : "final";
  const other = kind === "midterm" ? "final" : "midterm";
  const q = `kind=${kind}&region=${report.regionCode}`;
  return (
    <div>
      <p className="print-hidden mb-4">
        <Link to={`/statistics?period=${report.period}&region=${report.regionCode}&asOf=${report.statistics.asOf}`}>{t("statsReport.backToStatistics")}</Link>
      </p>
      <h1 className="page-title">{t(`statsReport.${kind}.heading`, { period: report.period.replace("-", "–"), region: report.regionName })}</h1>
      <ReportLead report={report} />
      <ReportRegionPicker report={report} extra={{ kind }} />
      <p className="print-hidden mb-6 flex flex-wrap gap-4">
        <a href={`/statistics/evaluation/${report.period}/export.xlsx?${q}`} download>
          {t("statsReport.downloadXlsx")}
        </a>
        <Link to={`/statistics/evaluation/${report.period}?kind=${other}&region=${report.regionCode}`}>{t(`statsReport.${other}.link`)}</Link>
        <span>{t("statsReport.printHint")}</span>
      </p>
      <ReportTables report={report} />
      <ReportNotes report={report} lastResult={lastResult} saved={saved} />
    </div>
  );
}
