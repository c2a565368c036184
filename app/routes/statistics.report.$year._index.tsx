import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { ReportLead, ReportNotes, ReportRegionPicker, ReportTables } from "~/components/statistics/inspection-report";
import { requirePermission } from "~/domain/permissions";
import { inspectionNotesSchema } from "~/domain/statistics/report.schema";
import { annualReport, saveInspectionNotes } from "~/domain/statistics/report.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "statsReport.annual.title");

function yearParam(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

function regionParam(request: Request): string | null {
  const region = new URL(request.url).searchParams.get("region");
  return region && /^\d{6}$/.test(region) ? region : null;
}

// The annual inspection report (年度检查评估) of the admin's region, or one within it (?region=); 404 for others.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const year = yearParam(params.year);
  const report = await annualReport(await getDb(), actor, { regionCode: regionParam(request), year });
  return { report, saved: new URL(request.url).searchParams.get("saved") === "1" };
}

// The admin's notes on the report (audited).
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:statistics", { regionCode: actor.regionCode });
  const year = yearParam(params.year);
  const submission = parseSubmission(await request.formData(), { schema: inspectionNotesSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { region, notes } = submission.value;
  const result = await saveInspectionNotes(await getDb(), actor, { regionCode: region, kind: "annual", period: String(year), notes });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/statistics/report/${year}?region=${region}&saved=1#report-notes`);
}

export default function AnnualReport() {
  const { t } = useI18n();
  const { report, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const q = `region=${report.regionCode}`;
  return (
    <div>
      <p className="print-hidden mb-4">
        <Link to={`/statistics?period=${report.period}&region=${report.regionCode}&asOf=${report.statistics.asOf}`}>{t("statsReport.backToStatistics")}</Link>
      </p>
      <h1 className="page-title">{t("statsReport.annual.heading", { year: report.period, region: report.regionName })}</h1>
      <ReportLead report={report} />
      <ReportRegionPicker report={report} />
      <p className="print-hidden mb-6 flex flex-wrap gap-4">
        <a href={`/statistics/report/${report.period}/export.xlsx?${q}`} download>
          {t("statsReport.downloadXlsx")}
        </a>
        <span>{t("statsReport.printHint")}</span>
      </p>
      <ReportTables report={report} />
      <ReportNotes report={report} lastResult={lastResult} saved={saved} />
    </div>
  );
}
