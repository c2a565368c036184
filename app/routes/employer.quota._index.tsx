import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { hasPermission } from "~/domain/permissions";
import { formatRatioPercent, formatYuanText } from "~/domain/quota/parameters.schema";
import { declaredEmployeeSchema, NOTE_MAX, quotaInputsSchema, removeDeclaredSchema } from "~/domain/quota/position.schema";
import { addDeclaredEmployee, quotaPosition, removeDeclaredEmployee, saveQuotaInputs, type PositionEmployee, type QuotaPosition } from "~/domain/quota/position.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "quota.position.title");

const DONE = { inputs: "quota.position.done.inputs", added: "quota.position.done.added", removed: "quota.position.done.removed" } as const;

function requireEmployer(context: LoaderFunctionArgs["context"], request: Request) {
  const actor = requireActor(context, request);
  // Membership of the organization is each domain call's first check.
  if (!hasPermission(actor, "create:quota_declaration")) throw new Response("Not Found", { status: 404 });
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireEmployer(context, request);
  const url = new URL(request.url);
  const page = await quotaPosition(await getDb(), actor, { organizationId: url.searchParams.get("org") });
  const done = url.searchParams.get("done");
  return { ...page, done: done && done in DONE ? DONE[done as keyof typeof DONE] : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireEmployer(context, request);
  const formData = await request.formData();
  const db = await getDb();
  const back = (organizationId: string, done: keyof typeof DONE) => redirect(`/employer/quota?org=${organizationId}&done=${done}`);
  const intent = formData.get("intent");
  if (intent === "add") {
    const submission = parseSubmission(formData, { schema: declaredEmployeeSchema });
    if (submission.status !== "success") return replyInvalid(submission);
    const result = await addDeclaredEmployee(db, actor, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return back(submission.value.organizationId, "added");
  }
  if (intent === "remove") {
    const submission = parseSubmission(formData, { schema: removeDeclaredSchema });
    if (submission.status !== "success") return replyWithErrors(submission, { "": ["quota.position.err.employeeGone"] });
    const result = await removeDeclaredEmployee(db, actor, submission.value);
    if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
    return back(submission.value.organizationId, "removed");
  }
  const submission = parseSubmission(formData, { schema: quotaInputsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await saveQuotaInputs(db, actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return back(submission.value.organizationId, "inputs");
}

export default function QuotaPage() {
  const { t } = useI18n();
  const { organizations, position, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-4xl">
      <h1 className="page-title">{t("quota.position.title")}</h1>
      {done && !lastResult ? (
        <p className="notice" role="status">
          {t(done)}
        </p>
      ) : null}
      {position === null ? (
        <p className="notice">
          {t("quota.position.noOrganization")} <Link to="/employer/register">{t("quota.position.registerOrganization")}</Link>
        </p>
      ) : (
        <Position position={position} organizations={organizations} />
      )}
    </div>
  );
}

function Position({ position: p, organizations }: { position: QuotaPosition; organizations: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent;
  const [inputsForm, inputsFields] = useForm({
    id: "inputs",
    lastResult: intent === "inputs" ? lastResult : undefined,
    defaultValue: { staffCount: p.inputs?.staffCount ?? "", averageSalary: p.inputs?.averageSalary ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quotaInputsSchema }),
  });
  const [addForm, addFields] = useForm({
    id: "declared",
    lastResult: intent === "add" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: declaredEmployeeSchema }),
  });
  const [removeForm] = useForm({ id: "remove", lastResult: intent === "remove" ? lastResult : undefined });
  const year = p.dataYear;
  const orgField = <input type="hidden" name="organizationId" value={p.organization.id} />;
  const asText = (f: unknown) => f as FieldMetadata<string | undefined>;

  return (
    <>
      <p className="text-lg">
        <span className="font-bold">{p.organization.name}</span>
      </p>
      <p className="lead">{t("quota.position.lead", { year, levyYear: p.levyYear })}</p>
      {organizations.length > 1 ? (
        <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="choose-org" className="field-label">
              {t("quota.position.chooseOrganization")}
            </label>
            <select id="choose-org" name="org" defaultValue={p.organization.id} className="field-input">
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("quota.position.show")}
          </button>
        </Form>
      ) : null}
      <ul className="mb-6 grid gap-1">
        <li>
          <Link to="/levy">{t("quota.position.link.calculator")}</Link>
        </li>
        <li>
          <Link to="/employer/quota/declarations">{t("quota.position.link.declarations")}</Link>
        </li>
      </ul>

      <section aria-labelledby="inputs-title">
        <h2 id="inputs-title" className="section-title">
          {t("quota.position.inputs.title", { year })}
        </h2>
        {p.inputs === null ? <p className="mb-4">{t("quota.position.inputs.empty")}</p> : null}
        <ErrorSummary form={inputsForm} />
        <Form method="post" {...getFormProps(inputsForm)} className="max-w-2xl">
          <input type="hidden" name="intent" value="inputs" />
          {orgField}
          <Field
            meta={inputsFields.staffCount}
            label={t("quota.position.field.staff")}
            hint={t("quota.position.field.staff.hint", { year, registered: p.organization.registeredStaff })}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            meta={inputsFields.averageSalary}
            label={t("quota.position.field.salary")}
            hint={t("quota.position.field.salary.hint", { year })}
            inputMode="decimal"
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t("quota.position.inputs.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="position-title">
        <h2 id="position-title" className="section-title">
          {t("quota.position.result.title", { year, levyYear: p.levyYear })}
        </h2>
        {p.levy === null ? <p>{t("quota.position.result.empty")}</p> : <Result position={p} />}
      </section>

      <section aria-labelledby="saving-title">
        <h2 id="saving-title" className="section-title">
          {t("quota.position.saving.title")}
        </h2>
        <Saving position={p} />
      </section>
      <section aria-labelledby="employees-title">
        <h2 id="employees-title" className="section-title">
          {t("quota.position.employees.title", { year })}
        </h2>
        <p className="mb-4">{t("quota.position.employees.lead")}</p>
        <ErrorSummary form={removeForm} />
        {p.employees.length === 0 ? (
          <p className="mb-4">{t("quota.position.employees.empty", { year })}</p>
        ) : (
          <EmployeeTable position={p} />
        )}
        <div className="card mb-6">
          <h3 className="mb-2 text-lg font-bold">{t("quota.position.declare.title")}</h3>
          <p className="mb-4">{t("quota.position.declare.lead")}</p>
          <ErrorSummary form={addForm} />
          <Form method="post" {...getFormProps(addForm)} className="max-w-2xl">
            <input type="hidden" name="intent" value="add" />
            {orgField}
            <RadioGroup
              meta={asText(addFields.kind)}
              legend={t("quota.position.field.kind")}
              options={[
                { value: "disabled", label: t("quota.position.kind.disabledLabel") },
                { value: "veteran", label: t("quota.position.kind.veteranLabel") },
              ]}
            />
            <SelectField
              meta={asText(addFields.grade)}
              label={t("quota.position.field.grade")}
              hint={t("quota.position.field.grade.hint")}
              options={[1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({ value: String(g), label: t("quota.position.gradeN", { n: g }) }))}
              placeholder={t("quota.position.choose")}
            />
            <Field meta={asText(addFields.contractStart)} label={t("quota.position.field.start")} hint={t("quota.position.field.date.hint")} autoComplete="off" spellCheck={false} />
            <Field
              meta={asText(addFields.contractEnd)}
              label={t("quota.position.field.end")}
              hint={t("quota.position.field.end.hint")}
              autoComplete="off"
              spellCheck={false}
              optional
            />
            <Field meta={asText(addFields.note)} label={t("quota.position.field.note")} hint={t("quota.position.field.note.hint")} autoComplete="off" maxLength={NOTE_MAX} optional />
            <button type="submit" className="button">
              {t("quota.position.declare.submit")}
            </button>
          </Form>
        </div>
      </section>

    </>
  );
}

const REASONS: Record<NonNullable<PositionEmployee["notCounted"]>, MessageKey> = {
  no_insurance: "quota.position.reason.no_insurance",
  short_contract: "quota.position.reason.short_contract",
  below_minimum_wage: "quota.position.reason.below_minimum_wage",
  no_months: "quota.position.reason.no_months",
};

function EmployeeTable({ position: p }: { position: QuotaPosition }) {
  const { t, locale } = useI18n();
  const date = (d: string) => formatCalendarDate(locale, d);
  return (
    <div className="mb-6 overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t("quota.position.employees.caption", { year: p.dataYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quota.position.col.employee")}</th>
            <th scope="col">{t("quota.position.col.source")}</th>
            <th scope="col">{t("quota.position.col.contract")}</th>
            <th scope="col">{t("quota.position.col.weight")}</th>
            <th scope="col">{t("quota.position.col.months", { year: p.dataYear })}</th>
            <th scope="col">{t("quota.position.col.counts")}</th>
            <th scope="col">{t("quota.position.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {p.employees.map((e, i) => {
            const name = t("quota.position.employeeN", { n: i + 1 });
            return (
              <tr key={e.id}>
                <th scope="row">{name}</th>
                <td>
                  {t(e.source === "platform" ? "quota.position.source.platform" : "quota.position.source.declared")}
                  {e.label ? <span className="block text-muted">{e.label}</span> : null}
                </td>
                <td>
                  {e.contractEnd
                    ? t("quota.position.contract.range", { start: date(e.contractStart), end: date(e.contractEnd) })
                    : t("quota.position.contract.open", { start: date(e.contractStart) })}
                  {e.endedOn ? <span className="block">{t("quota.position.contract.left", { date: date(e.endedOn) })}</span> : null}
                </td>
                <td>
                  {t(e.weight === 2 ? "quota.position.weight.double" : "quota.position.weight.single")}
                  {!e.gradeDisclosed ? <span className="block text-muted">{t("quota.position.weight.undisclosed")}</span> : null}
                  {e.kind === "veteran" ? <span className="block text-muted">{t("quota.position.kind.veteran")}</span> : null}
                </td>
                <td>{e.months}</td>
                <td>{e.counts}</td>
                <td>
                  {e.notCounted ? t(REASONS[e.notCounted]) : t("quota.position.counted")}
                  {e.source === "declared" ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="organizationId" value={p.organization.id} />
                      <input type="hidden" name="employeeId" value={e.id} />
                      <button type="submit" className="button button-secondary button-small">
                        {t("quota.position.remove")}
                        <span className="sr-only">{t("quota.position.removeWho", { name })}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {t("quota.position.total")}
            </th>
            <td colSpan={2}>{p.countedTotal}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Result({ position: p }: { position: QuotaPosition }) {
  const { t, locale } = useI18n();
  const levy = p.levy!;
  const pick = (b: { zh: string; en: string }) => (locale === "en" ? b.en : b.zh);
  const exempt = levy.exemptReason !== null;
  const notes: string[] = [t("quota.position.note.dataYear", { year: p.dataYear, levyYear: p.levyYear })];
  if (p.parameters.years.localAverageWage !== null && p.parameters.years.localAverageWage !== p.dataYear) {
    notes.push(t("quota.position.note.wageYear", { year: p.dataYear, from: p.parameters.years.localAverageWage }));
  }
  if (p.localWageMissing) notes.push(t("quota.position.note.noLocalWage", { year: p.dataYear }));
  if (p.parameters.minimumWage === null) notes.push(t("quota.position.note.noMinimumWage"));
  if (p.undisclosed > 0) notes.push(t("quota.position.note.undisclosed", { count: p.undisclosed }));
  const excluded = p.employees.filter((e) => e.notCounted && e.notCounted !== "no_months").length;
  if (excluded > 0) notes.push(t("quota.position.note.excluded", { count: excluded }));
  if (p.organization.type === "individual_business") notes.push(t("quota.position.note.individualBusiness"));
  notes.push(t("quota.position.note.estimate"));

  const payable = exempt
    ? formatYuanText(levy.payable)
    : p.localWageMissing
      ? t("quota.position.result.atMost", { amount: formatYuanText(levy.payable) })
      : formatYuanText(levy.payable);
  const rows: [string, string][] = [
    [t("quota.position.result.staff"), p.inputs!.staffCount],
    [t("quota.position.result.ratio"), formatRatioPercent(p.parameters.ratio)],
    [t("quota.position.result.required"), levy.requiredCount],
    [t("quota.position.result.counted"), levy.countedDisabled],
    [t("quota.position.result.shortfall"), levy.shortfall],
    ...(p.localWageMissing
      ? []
      : ([
          [t("quota.position.result.localWage"), formatYuanText(p.parameters.localAverageWage!)],
          [t("quota.position.result.basis"), formatYuanText(levy.salaryBasis)],
          [t("quota.position.result.fullLevy"), formatYuanText(levy.fullLevy)],
        ] as [string, string][])),
    [t("quota.position.result.relief"), reliefText(t, levy.exemptReason, levy.tierFactor)],
  ];
  return (
    <div className="card">
      <p className="mb-3 text-xl font-bold">
        {t("quota.position.result.payable", { year: p.levyYear })} {payable}
      </p>
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        ))}
        <div className="contents">
          <dt className="font-bold">{t("quota.position.result.ruleSet")}</dt>
          <dd className="mb-2 sm:mb-0">{pick(levy.ruleSet.name)}</dd>
        </div>
      </dl>
      <h3 className="mb-2 font-bold">{t("quota.position.result.steps")}</h3>
      <ol className="mb-4 ml-6 list-decimal">
        {p.explanation.map((step, i) => (
          <li key={i}>{pick(step)}</li>
        ))}
      </ol>
      <h3 className="mb-2 font-bold">{t("quota.position.result.notes")}</h3>
      <ul className="ml-6 list-disc">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

function reliefText(t: ReturnType<typeof useI18n>["t"], exemptReason: string | null, tierFactor: number | null): string {
  if (exemptReason === "quota_met") return t("quota.position.relief.met");
  if (exemptReason === "enterprise_staff_le_30") return t("quota.position.relief.small");
  if (tierFactor === 0.5) return t("quota.position.relief.half");
  if (tierFactor === 0.9) return t("quota.position.relief.ninety");
  return t("quota.position.relief.none");
}

function Saving({ position: p }: { position: QuotaPosition }) {
  const { t } = useI18n();
  if (p.levy === null) return <p>{t("quota.position.saving.needInputs")}</p>;
  if (p.savingPerHire === null) return <p>{t("quota.position.saving.noLocalWage")}</p>;
  if (p.savingPerHire === "0.00" || p.savingPerHire.startsWith("-")) return <p>{t("quota.position.saving.nothing")}</p>;
  return (
    <>
      <p className="mb-2 text-lg font-bold">{t("quota.position.saving.amount", { amount: formatYuanText(p.savingPerHire), levyYear: p.levyYear })}</p>
      <p>{t("quota.position.saving.explain")}</p>
    </>
  );
}
