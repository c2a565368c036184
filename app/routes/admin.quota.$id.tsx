import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextAreaField } from "~/components/form/field";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { LevyExplanation } from "~/components/quota/levy-explanation";
import { hasPermission } from "~/domain/permissions";
import { returnSchema } from "~/domain/quota/declarations.schema";
import { approveDeclaration, getDeclarationForReview, returnDeclaration } from "~/domain/quota/declarations.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";
import { formatDate } from "~/i18n/dates";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "declarations.review.one");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const declaration = await getDeclarationForReview(await getDb(), actor, params.id ?? "", { ip: context.ip });
  return { declaration, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const formData = await request.formData();
  const db = await getDb();
  const id = params.id ?? "";
  if (formData.get("intent") === "approve") {
    const result = await approveDeclaration(db, actor, id);
    if (!result.ok) {
      const submission = parseSubmission(formData, { schema: returnSchema.partial() });
      return replyWithErrors(submission, result.fieldErrors);
    }
    return redirect(`/admin/quota/${id}?done=approved`);
  }
  const submission = parseSubmission(formData, { schema: returnSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await returnDeclaration(db, actor, id, submission.value.reason);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/admin/quota/${id}?done=returned`);
}

export default function ReviewDeclaration() {
  const { t, te, locale } = useI18n();
  const { declaration: d, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ reason: string }>({
    id: "review",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const checksFor = (i: number) => d.checks.filter((c) => c.employee === i);
  // A certificate's problem comes as a code (identity.ts CertificateError): said in words, not shown as the code.
  const checkText = (c: (typeof d.checks)[number]) => {
    const params = c.kind === "certificateInvalid" ? { ...c.params, problem: te(`declarations.check.problem.${c.params.problem}`) } : c.params;
    return te(`declarations.check.${c.kind}|${JSON.stringify(params)}`);
  };
  const staffTotal = d.monthlyStaff.reduce((s, n) => s + n, 0);
  return (
    <div>
      <p className="mb-4">
        <Link to="/admin/quota">{t("declarations.review.back")}</Link>
      </p>
      <h1 className="page-title">{t("declarations.review.heading", { name: d.organization.name, year: d.levyYear })}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(done === "approved" ? "declarations.done.approved" : "declarations.done.returned")}
        </p>
      ) : null}
      <p className="mb-4 font-bold">{t("declarations.statusLine", { status: t(`declarations.status.${d.status}`) })}</p>
      {d.status === "returned" && d.returnReason ? <p className="notice">{t("declarations.review.returnedWith", { reason: d.returnReason })}</p> : null}

      <section aria-labelledby="checks-title" className={`card mb-6 ${d.checks.length ? "border-danger" : ""}`}>
        <h2 id="checks-title" className="section-title">
          {t("declarations.checks.title", { count: d.checks.length })}
        </h2>
        {d.checks.length === 0 ? (
          <p>{t("declarations.checks.none")}</p>
        ) : (
          <ul className="grid gap-1">
            {d.checks.map((c, i) => (
              <li key={i} className="flex items-start gap-2">
                <Icon name="cross" />
                <span>
                  {t("declarations.checks.who", { name: d.employees[c.employee]?.fullName ?? "", n: c.employee + 1 })}
                  {checkText(c)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="figures-title" className="mb-6">
        <h2 id="figures-title" className="section-title">
          {t("declarations.figures")}
        </h2>
        {/* One row per month: readable at 320 px, where thirteen columns were not. */}
        <table className="data-table">
          <caption className="sr-only">{t("declarations.months", { year: d.levyYear - 1 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("declarations.monthColumn")}</th>
              <th scope="col">{t("declarations.staffColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {d.monthlyStaff.map((n, i) => (
              <tr key={i}>
                <th scope="row">{t("declarations.monthShort", { month: i + 1 })}</th>
                <td>{n}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("declarations.total")}</th>
              <td>{staffTotal}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2">{t("declarations.salaryTotalValue", { amount: d.salaryTotal })}</p>
        {d.minimumWage ? <p>{t("declarations.minimumWageValue", { amount: d.minimumWage, year: d.levyYear - 1 })}</p> : <p>{t("declarations.minimumWageMissing")}</p>}
      </section>

      {d.result ? <LevyExplanation result={d.result} /> : null}

      <section aria-labelledby="employees-title" className="mb-6">
        <h2 id="employees-title" className="section-title">
          {t("declarations.employees")}
        </h2>
        {d.employees.length === 0 ? (
          <p>{t("declarations.noEmployees")}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0}>
          <table className="data-table">
            <caption className="sr-only">{t("declarations.employees")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("declarations.fullName")}</th>
                <th scope="col">{t("declarations.kind")}</th>
                <th scope="col">{t("declarations.certificate")}</th>
                <th scope="col">{t("declarations.grade")}</th>
                <th scope="col">{t("declarations.contract")}</th>
                <th scope="col">{t("declarations.insuranceMonthsShort")}</th>
                <th scope="col">{t("declarations.monthlyPay")}</th>
                <th scope="col">{t("declarations.checks.column")}</th>
              </tr>
            </thead>
            <tbody>
              {d.employees.map((e, i) => (
                <tr key={i}>
                  <th scope="row">{e.fullName}</th>
                  <td>{t(`declarations.kind.${e.kind}`)}</td>
                  <td className="font-mono">{e.certificateNumber}</td>
                  <td>{e.grade}</td>
                  <td>
                    {formatDate(locale, e.contractStart)} – {e.contractEnd ? formatDate(locale, e.contractEnd) : t("declarations.openEnded")}
                  </td>
                  <td>{e.insuranceMonths}</td>
                  <td>¥{e.monthlyPay}</td>
                  <td>{checksFor(i).length ? t("declarations.checks.flagged", { count: checksFor(i).length }) : t("declarations.checks.ok")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      {d.status === "submitted" ? (
        <section aria-labelledby="decide-title" className="card max-w-2xl">
          <h2 id="decide-title" className="section-title">
            {t("declarations.decide")}
          </h2>
          <ErrorSummary form={form} />
          <Form method="post" className="mb-6">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="button">
              {t("declarations.approve")}
            </button>
          </Form>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="return" />
            <TextAreaField meta={fields.reason} label={t("declarations.returnReason")} hint={t("declarations.returnReasonHint")} rows={4} />
            <button type="submit" className="button button-secondary">
              {t("declarations.return")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
