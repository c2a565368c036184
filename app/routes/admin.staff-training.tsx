import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { COURSE_MAX, parseStaffTrainingQuery, PERSON_MAX, STAFF_ROLES, staffTrainingSchema, STAFF_TRAINING_PAGE_SIZE } from "~/domain/staff-training/staff-training.schema";
import { counselorChoices, instructorRegions, listStaffTraining, recordStaffTraining, requireStaffTrainingAdmin } from "~/domain/staff-training/staff-training.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staffTraining.title");
// Staff names and the admin's region: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

// Admins of a region (404 for anyone else).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requireStaffTrainingAdmin(actor);
  const db = await getDb();
  const url = new URL(request.url);
  const query = parseStaffTrainingQuery(url.searchParams);
  const [list, counselors, regions] = await Promise.all([listStaffTraining(db, actor, query), counselorChoices(db, actor), instructorRegions(db, actor)]);
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  return { list, counselors, regions, today, years: Array.from({ length: 12 }, (_, i) => thisYear - i), done: url.searchParams.get("done") === "recorded" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requireStaffTrainingAdmin(actor);
  const submission = parseSubmission(await request.formData(), { schema: staffTrainingSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await recordStaffTraining(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/admin/staff-training?done=recorded");
}

/** Number fields are text inputs: conform reads them as text and zod coerces. */
type TextMeta = FieldMetadata<string | undefined>;

export default function StaffTraining() {
  const { t, locale } = useI18n();
  const { list, counselors, regions, today, years, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "staff-training",
    lastResult,
    defaultValue: { trainedOn: today, role: "community_instructor" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffTrainingSchema }),
  });
  const region = list.regionName ?? list.regionCode;
  const filtered = list.role !== null || list.year !== null;
  const totals: [string, string][] = [
    [t("staffTraining.totals.records"), String(list.totals.records)],
    [t("staffTraining.totals.people"), String(list.totals.people)],
    [t("staffTraining.totals.instructors"), String(list.totals.instructors)],
    [t("staffTraining.totals.counselors"), String(list.totals.counselors)],
    [t("staffTraining.totals.hours"), t("staffTraining.hours", { hours: list.totals.hours })],
  ];
  return (
    <div>
      <h1 className="page-title">{t("staffTraining.title")}</h1>
      <p className="lead max-w-3xl">{t("staffTraining.lead", { region })}</p>
      {done && !lastResult ? (
        <p className="notice" role="status">
          {t("staffTraining.done")}
        </p>
      ) : null}

      <Form method="get" className="card mb-8 max-w-3xl" aria-labelledby="staff-training-filter-title">
        <h2 id="staff-training-filter-title" className="mb-3 text-xl font-bold">
          {t("staffTraining.filter")}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6">
          <div className="field">
            <label htmlFor="filter-role" className="field-label">
              {t("staffTraining.col.role")}
            </label>
            <select id="filter-role" name="role" defaultValue={list.role ?? ""} className="field-input">
              <option value="">{t("staffTraining.filter.allRoles")}</option>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`staffTraining.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-year" className="field-label">
              {t("staffTraining.filter.year")}
            </label>
            <select id="filter-year" name="year" defaultValue={list.year ?? ""} className="field-input">
              <option value="">{t("staffTraining.filter.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("staffTraining.filter.apply")}
            </button>
          </div>
        </div>
      </Form>

      <section aria-labelledby="staff-training-totals" className="mb-8">
        <h2 id="staff-training-totals" className="section-title">
          {t("staffTraining.totals.title")}
        </h2>
        <dl className="grid max-w-xl grid-cols-[1fr_max-content] gap-x-6 gap-y-1">
          {totals.map(([term, value]) => (
            <div key={term} className="contents">
              <dt>{term}</dt>
              <dd className="text-right font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="staff-training-list" className="mb-10">
        <h2 id="staff-training-list" className="section-title">
          {t("staffTraining.list.title")}
        </h2>
        {list.rows.length === 0 ? (
          <p className="notice">{filtered ? t("staffTraining.list.emptyFiltered") : t("staffTraining.list.empty", { region })}</p>
        ) : (
          <>
            {list.truncated ? <p className="mb-3">{t("staffTraining.list.truncated", { count: STAFF_TRAINING_PAGE_SIZE })}</p> : null}
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t("staffTraining.list.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staffTraining.col.name")}</th>
                    <th scope="col">{t("staffTraining.col.role")}</th>
                    <th scope="col">{t("staffTraining.col.region")}</th>
                    <th scope="col">{t("staffTraining.col.course")}</th>
                    <th scope="col">{t("staffTraining.col.provider")}</th>
                    <th scope="col">{t("staffTraining.col.date")}</th>
                    <th scope="col">{t("staffTraining.col.hours")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="font-normal">
                        {r.name}
                      </th>
                      <td>{t(`staffTraining.role.${r.role}`)}</td>
                      <td>{r.regionName}</td>
                      <td>{r.course}</td>
                      <td>{r.provider}</td>
                      <td className="whitespace-nowrap">{formatCalendarDate(locale, r.trainedOn)}</td>
                      <td>{r.hours}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="staff-training-form" className="max-w-2xl">
        <h2 id="staff-training-form" className="section-title">
          {t("staffTraining.form.title")}
        </h2>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <RadioGroup meta={fields.role} legend={t("staffTraining.field.role")} options={STAFF_ROLES.map((r) => ({ value: r, label: t(`staffTraining.role.${r}`) }))} />
          <Field meta={fields.name} label={t("staffTraining.field.name")} hint={t("staffTraining.field.name.hint")} autoComplete="off" maxLength={PERSON_MAX} />
          <SelectField
            meta={fields.regionCode}
            label={t("staffTraining.field.regionCode")}
            hint={t("staffTraining.field.regionCode.hint")}
            placeholder={t("staffTraining.field.regionCode.choose")}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            meta={fields.userId}
            label={t("staffTraining.field.userId")}
            hint={counselors.length ? t("staffTraining.field.userId.hint") : t("staffTraining.field.userId.none")}
            placeholder={t("staffTraining.field.userId.choose")}
            options={counselors.map((c) => ({ value: c.id, label: c.regionName ? `${c.name}（${c.regionName}）` : c.name }))}
          />
          <Field meta={fields.course} label={t("staffTraining.field.course")} hint={t("staffTraining.field.course.hint")} autoComplete="off" maxLength={COURSE_MAX} />
          <Field meta={fields.provider} label={t("staffTraining.field.provider")} optional autoComplete="off" maxLength={COURSE_MAX} />
          <Field meta={fields.trainedOn} label={t("staffTraining.field.trainedOn")} hint={t("staffTraining.field.trainedOn.hint")} type="date" autoComplete="off" />
          <Field
            meta={fields.hours as unknown as TextMeta}
            label={t("staffTraining.field.hours")}
            hint={t("staffTraining.field.hours.hint")}
            inputMode="decimal"
            autoComplete="off"
            maxLength={6}
            className="field-input w-32"
          />
          <button type="submit" className="button">
            {t("staffTraining.form.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
