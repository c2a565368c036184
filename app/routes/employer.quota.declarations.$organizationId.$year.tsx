import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { LevyExplanation } from "~/components/quota/levy-explanation";
import { hasPermission } from "~/domain/permissions";
import { declarationSchema, type DeclarationInput } from "~/domain/quota/declarations.schema";
import { getDeclarationForEdit, saveDeclaration } from "~/domain/quota/declarations.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "declarations.edit.title");

function yearParam(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const declaration = await getDeclarationForEdit(await getDb(), actor, params.organizationId ?? "", yearParam(params.year));
  return { declaration, saved: new URL(request.url).searchParams.get("saved") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "create:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const year = yearParam(params.year);
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: declarationSchema });
  // Adding or removing an employee row (conform's list intents) re-renders the form with what was typed.
  if (submission.status !== "success") return replyInvalid(submission);
  const submit = formData.get("intent") === "submit";
  const result = await saveDeclaration(await getDb(), actor, params.organizationId ?? "", year, submission.value, { submit });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect(`/employer/quota/declarations/${params.organizationId}/${year}?saved=${result.value.status}`);
}

type EmployeeRow = {
  fullName: string;
  kind: string;
  certificateNumber: string;
  grade: string;
  contractStart: string;
  contractEnd: string;
  insuranceMonths: string;
  monthlyPay: string;
};
type DeclarationForm = { monthlyStaff: string[]; salaryTotal: string; employees: EmployeeRow[] };

const EMPTY_ROW: EmployeeRow = { fullName: "", kind: "disabled", certificateNumber: "", grade: "", contractStart: "", contractEnd: "", insuranceMonths: "12", monthlyPay: "" };

function text(meta: FieldMetadata<unknown>) {
  return meta as unknown as FieldMetadata<string | undefined>;
}

export default function DeclarationPage() {
  const { t } = useI18n();
  const { declaration: d, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<DeclarationForm, DeclarationInput>({
    id: "declaration",
    lastResult,
    defaultValue: {
      monthlyStaff: d.values.monthlyStaff.length ? d.values.monthlyStaff : Array.from({ length: 12 }, () => ""),
      salaryTotal: d.values.salaryTotal,
      employees: (d.values.employees.length ? d.values.employees : [EMPTY_ROW]) as EmployeeRow[],
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declarationSchema }),
  });
  const months = fields.monthlyStaff.getFieldList();
  const employees = fields.employees.getFieldList();
  const dataYear = d.levyYear - 1;

  return (
    <div className="max-w-4xl">
      <p className="mb-4">
        <Link to="/employer/quota/declarations">{t("declarations.back")}</Link>
      </p>
      <h1 className="page-title">{t("declarations.edit.heading", { year: d.levyYear, name: d.organization.name })}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t(saved === "submitted" ? "declarations.saved.submitted" : "declarations.saved.draft")}
        </p>
      ) : null}
      <p className="mb-4 font-bold">{t("declarations.statusLine", { status: t(`declarations.status.${d.status ?? "new"}`) })}</p>
      {d.status === "returned" && d.returnReason ? (
        <div className="notice">
          <p className="font-bold">{t("declarations.returnedBecause")}</p>
          <p>{d.returnReason}</p>
        </div>
      ) : null}
      {d.result ? <LevyExplanation result={d.result} /> : null}
      {!d.editable ? (
        <p className="notice">{t(d.organization.verified ? "declarations.locked" : "declarations.notVerified")}</p>
      ) : (
        <>
          <p className="lead">{t("declarations.edit.lead", { year: dataYear })}</p>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <Fieldset id="declaration-months" legend={t("declarations.months", { year: dataYear })} hint={t("declarations.monthsHint")} errors={fields.monthlyStaff.errors}>
              <div className="grid grid-cols-2 gap-x-6 sm:grid-cols-3 lg:grid-cols-4">
                {months.map((m, i) => (
                  <Field key={m.key} meta={text(m)} label={t("declarations.month", { month: i + 1 })} inputMode="numeric" autoComplete="off" />
                ))}
              </div>
            </Fieldset>
            <Field meta={text(fields.salaryTotal)} label={t("declarations.salaryTotal", { year: dataYear })} hint={t("declarations.salaryTotalHint")} inputMode="decimal" autoComplete="off" />

            <h2 className="section-title">{t("declarations.employees")}</h2>
            <p className="mb-4">{t("declarations.employeesHint")}</p>
            {employees.map((row, i) => {
              const e = row.getFieldset();
              return (
                <Fieldset key={row.key} id={`declaration-employee-${i}`} legend={t("declarations.employee", { n: i + 1 })}>
                  <div className="grid gap-x-6 sm:grid-cols-2">
                    <Field meta={e.fullName} label={t("declarations.fullName")} autoComplete="off" />
                    <SelectField
                      meta={e.kind}
                      label={t("declarations.kind")}
                      options={[
                        { value: "disabled", label: t("declarations.kind.disabled") },
                        { value: "veteran", label: t("declarations.kind.veteran") },
                      ]}
                    />
                    <Field meta={e.certificateNumber} label={t("declarations.certificate")} hint={t("declarations.certificateHint")} autoComplete="off" spellCheck={false} />
                    <Field meta={text(e.grade)} label={t("declarations.grade")} hint={t("declarations.gradeHint")} inputMode="numeric" autoComplete="off" />
                    <Field meta={e.contractStart} label={t("declarations.contractStart")} type="date" />
                    <Field meta={e.contractEnd} label={t("declarations.contractEnd")} hint={t("declarations.contractEndHint")} type="date" optional />
                    <Field meta={text(e.insuranceMonths)} label={t("declarations.insuranceMonths", { year: dataYear })} hint={t("declarations.insuranceMonthsHint")} inputMode="numeric" autoComplete="off" />
                    <Field meta={text(e.monthlyPay)} label={t("declarations.monthlyPay")} inputMode="numeric" autoComplete="off" />
                  </div>
                  <button
                    className="button button-secondary button-small"
                    {...form.remove.getButtonProps({ name: fields.employees.name, index: i })}
                    aria-label={t("declarations.removeEmployeeLabel", { n: i + 1 })}
                  >
                    {t("declarations.removeEmployee")}
                  </button>
                </Fieldset>
              );
            })}
            <p className="mb-6">
              <button className="button button-secondary" {...form.insert.getButtonProps({ name: fields.employees.name, defaultValue: EMPTY_ROW })}>
                {t("declarations.addEmployee")}
              </button>
            </p>
            <div className="flex flex-wrap gap-4">
              <button type="submit" name="intent" value="save" className="button button-secondary">
                {t("declarations.saveDraft")}
              </button>
              <button type="submit" name="intent" value="submit" className="button">
                {t("declarations.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
