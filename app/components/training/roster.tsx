import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, RadioGroup, SelectField } from "~/components/form/field";
import { Pagination } from "~/components/pagination";
import { accessRequestKey, CERTIFICATE_KINDS, certificateSchema, OUTCOMES, outcomeSchema } from "~/domain/training/courses.schema";
import type { Roster, RosterRow } from "~/domain/training/enrolments.server";
import { formatCalendarDate, formatYuan } from "~/domain/vacancies/format";
import type { Translate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

type Jsonified<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
export type RosterData = Jsonified<Omit<Roster, "course">>;
type Row = Jsonified<RosterRow>;

export function requestsInWords(t: Translate, codes: readonly string[]): string {
  return codes.map((c) => t(accessRequestKey(c))).join(t("training.listSeparator"));
}

function asText(meta: unknown) {
  return meta as FieldMetadata<string | undefined>;
}

function statusText(t: Translate, r: Row): string {
  return r.status === "waitlisted" && r.waitlistPosition !== null
    ? t("training.status.waitlistedAt", { position: r.waitlistPosition })
    : t(`training.status.${r.status}`);
}

/** Which form an answer belongs to: conform's reply carries the submitted values, the hidden intent among them. */
export function replyFor(actionData: unknown, intent: string): SubmissionResult<string[]> | undefined {
  if (!actionData || typeof actionData !== "object" || !("initialValue" in actionData)) return undefined;
  const values = (actionData as SubmissionResult<string[]>).initialValue as Record<string, unknown> | null | undefined;
  return values?.intent === intent ? (actionData as SubmissionResult<string[]>) : undefined;
}

function OutcomeForm({ row, lastResult, today }: { row: Row; lastResult: SubmissionResult<string[]> | undefined; today: string }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "outcome",
    lastResult,
    defaultValue: {
      outcome: row.status === "completed" || row.status === "not_completed" ? row.status : undefined,
      attendedDays: row.attendedDays === null ? "" : String(row.attendedDays),
      completedOn: row.completedOn ?? today,
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" action={`?enrolment=${row.id}`} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="outcome" />
        <input type="hidden" name="enrolmentId" value={row.id} />
        <Field meta={asText(fields.attendedDays)} label={t("training.outcome.attended")} hint={t("training.outcome.attended.hint")} inputMode="numeric" autoComplete="off" />
        <RadioGroup meta={fields.outcome} legend={t("training.outcome.legend")} options={OUTCOMES.map((o) => ({ value: o, label: t(`training.outcome.${o}`) }))} />
        <Field meta={fields.completedOn} label={t("training.outcome.completedOn")} hint={t("training.outcome.completedOn.hint")} type="date" autoComplete="off" optional />
        <button type="submit" className="button">
          {t("training.outcome.submit")}
        </button>
      </Form>
    </>
  );
}

function CertificateForm({ row, lastResult, today }: { row: Row; lastResult: SubmissionResult<string[]> | undefined; today: string }) {
  const { t } = useI18n();
  const c = row.certificate;
  const [form, fields] = useForm({
    id: "certificate",
    lastResult,
    defaultValue: c
      ? { kind: c.kind, name: c.name, level: c.level ?? "", number: c.number ?? "", issuer: c.issuer, issuedOn: c.issuedOn }
      : { issuedOn: row.completedOn ?? today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: certificateSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" action={`?enrolment=${row.id}`} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="certificate" />
        <input type="hidden" name="enrolmentId" value={row.id} />
        <SelectField
          meta={fields.kind}
          label={t("training.certificate.kind")}
          options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`training.certificateKind.${k}`) }))}
          placeholder={t("training.form.choose")}
        />
        <Field meta={fields.name} label={t("training.certificate.name")} hint={t("training.certificate.name.hint")} autoComplete="off" />
        <Field meta={fields.level} label={t("training.certificate.level")} hint={t("training.certificate.level.hint")} autoComplete="off" optional />
        <Field meta={fields.number} label={t("training.certificate.number")} autoComplete="off" spellCheck={false} optional />
        <Field meta={fields.issuer} label={t("training.certificate.issuer")} hint={t("training.certificate.issuer.hint")} autoComplete="off" />
        <Field meta={fields.issuedOn} label={t("training.certificate.issuedOn")} type="date" autoComplete="off" />
        <button type="submit" className="button">
          {c ? t("training.certificate.update") : t("training.certificate.submit")}
        </button>
      </Form>
    </>
  );
}

/**
 * A course's roster for its provider and admins: names and access requests (to arrange them), status and outcome;
 * one person picked (`?enrolment=`) gets the outcome and certificate forms. No disability details are shown.
 */
export function RosterSection({
  roster,
  actionData,
  today,
  courseStarted,
}: {
  roster: RosterData;
  actionData: unknown;
  today: string;
  courseStarted: boolean;
}) {
  const { t, locale } = useI18n();
  const none = t("training.none");
  const selected = roster.selected;
  return (
    <>
      <section id="planning" aria-labelledby="planning-title" className="mb-10">
        <h2 id="planning-title" className="section-title">
          {t("training.roster.planning")}
        </h2>
        <p className="mb-2 max-w-3xl">{t("training.roster.planning.explain")}</p>
        <div className="relative overflow-x-auto">
          <table className="data-table max-w-3xl">
            <caption className="mb-2 text-left font-bold">{t("training.roster.planning.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("training.roster.col.request")}</th>
                <th scope="col">{t("training.roster.col.enrolled")}</th>
                <th scope="col">{t("training.roster.col.waitlisted")}</th>
              </tr>
            </thead>
            <tbody>
              {roster.accessRequestCounts.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className="font-normal">
                    {t(accessRequestKey(c.code))}
                  </th>
                  <td>{c.enrolled}</td>
                  <td>{c.waitlisted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="roster" aria-labelledby="roster-title" className="mb-10">
        <h2 id="roster-title" className="section-title">
          {t("training.roster.title")}
        </h2>
        {roster.total === 0 ? (
          <p>{t("training.roster.empty")}</p>
        ) : (
          <>
            <div className="relative overflow-x-auto">
              <table className="data-table">
                <caption className="mb-2 text-left font-bold">{t("training.roster.caption", { count: roster.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("training.roster.col.name")}</th>
                    <th scope="col">{t("training.roster.col.status")}</th>
                    <th scope="col">{t("training.roster.col.requests")}</th>
                    <th scope="col">{t("training.roster.col.attended")}</th>
                    <th scope="col">{t("training.roster.col.certificate")}</th>
                    <th scope="col">{t("training.roster.col.subsidy")}</th>
                    <th scope="col">{t("training.roster.col.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {roster.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="font-normal">
                        {r.seekerName}
                        {r.enrolledByCounselor ? <span className="block text-sm">{t("training.roster.byCounselor")}</span> : null}
                      </th>
                      <td>
                        {statusText(t, r)}
                        {r.completedOn ? <span className="block text-sm">{formatCalendarDate(locale, r.completedOn)}</span> : null}
                      </td>
                      <td>
                        {r.accessRequests.length ? requestsInWords(t, r.accessRequests) : none}
                        {r.accessNote ? <span className="block text-sm">{r.accessNote}</span> : null}
                      </td>
                      <td>{r.attendedDays === null ? none : t("training.days", { count: r.attendedDays })}</td>
                      <td>{r.certificate ? [r.certificate.name, r.certificate.level].filter(Boolean).join(" ") : none}</td>
                      <td>{r.subsidy === null ? none : t("training.yuan", { amount: formatYuan(locale, Number(r.subsidy)) })}</td>
                      <td>
                        {r.status === "waitlisted" || !courseStarted ? (
                          none
                        ) : (
                          <Link to={`?enrolment=${r.id}${roster.page > 1 ? `&page=${roster.page}` : ""}#outcome`}>
                            {t("training.roster.record")}
                            <span className="sr-only">{t("training.roster.forName", { name: r.seekerName })}</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={roster.page} pageCount={roster.pageCount} />
          </>
        )}
        {!courseStarted && roster.total > 0 ? <p className="mt-4">{t("training.roster.notStarted")}</p> : null}
      </section>

      {selected && courseStarted && selected.status !== "waitlisted" ? (
        <section id="outcome" aria-labelledby="outcome-title" className="mb-10 max-w-3xl">
          <h2 id="outcome-title" className="section-title">
            {t("training.outcome.title", { name: selected.seekerName })}
          </h2>
          <p className="mb-4">
            {t("training.outcome.now", { status: statusText(t, selected) })}
            {selected.accessRequests.length ? ` ${t("training.outcome.requests", { requests: requestsInWords(t, selected.accessRequests) })}` : ""}
          </p>
          <OutcomeForm row={selected} lastResult={replyFor(actionData, "outcome")} today={today} />
          <h3 className="mt-8 text-xl font-bold">{t("training.certificate.title")}</h3>
          {selected.status === "completed" ? (
            <>
              <p className="mb-4">{t("training.certificate.explain")}</p>
              <CertificateForm row={selected} lastResult={replyFor(actionData, "certificate")} today={today} />
            </>
          ) : (
            <p>{t("training.certificate.needsCompletion")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
