import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { getDb } from "../../db/database";
import { Icon } from "~/components/icon";
import { pageTitle } from "~/components/meta";
import { MARK, vacancyPartId, withTyped, type VacancyPart } from "~/components/vacancies/vacancy-form";
import { VacancyCard } from "~/components/vacancy-card";
import { ACCOMMODATIONS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, explain, JOB_CATEGORIES, label, TASK_DEMANDS } from "~/domain/catalog";
import { hasPermission } from "~/domain/permissions";
import { formatCalendarDate, formatPay } from "~/domain/vacancies/format";
import { changeVacancyStatus, getVacancyPreview } from "~/domain/vacancies/vacancies.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancyForm.preview.title");

const DONE = { created: "vacancies.done.created", saved: "vacancies.done.saved" } as const;

// Members of the vacancy's organization only (a 404 to anyone else, drafts included).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const preview = await getVacancyPreview(await getDb(), actor, params.id ?? "");
  const done = new URL(request.url).searchParams.get("done");
  return { preview, notice: done && done in DONE ? DONE[done as keyof typeof DONE] : null };
}

/** Publishing, the one thing this page does; the domain keeps the rules (a draft, a verified organization, a closing date not passed). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "publish:vacancy")) throw new Response("Not Found", { status: 404 });
  const id = params.id ?? "";
  const formData = await request.formData();
  if (formData.get("intent") !== "publish") return data({ statusError: "vacancies.err.publishNotDraft" }, { status: 400 });
  const result = await changeVacancyStatus(await getDb(), actor, id, "publish");
  if (!result.ok) return data({ statusError: result.fieldErrors[""]?.[0] ?? "" }, { status: 400 });
  return redirect(`/employer/vacancies/${id}/edit?done=published`);
}

function PublishError({ message }: { message: string }) {
  const { t, te } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="publish-error-title" tabIndex={-1}>
      <h3 id="publish-error-title" className="error-summary-title">
        {t("vacancies.edit.statusError")}
      </h3>
      <p className="font-bold text-danger">{te(message)}</p>
    </div>
  );
}

/** One part of the form as it reads to a seeker, with the way back to that part of the form. */
function PartSummary({ part, n, editPath, children }: { part: VacancyPart; n: number; editPath: string; children: ReactNode }) {
  const { t } = useI18n();
  const title = t(`vacancyForm.part.${part}`);
  return (
    <div className="mb-6 border-t-2 border-line pt-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h3 className="mb-2 text-lg font-bold">{t("vacancyForm.part", { n, title })}</h3>
        <Link to={`${editPath}#${vacancyPartId(part)}`}>
          {t("vacancyForm.preview.change")}
          <span className="sr-only">{t("vacancyForm.preview.changeWhat", { part: title })}</span>
        </Link>
      </div>
      {children}
    </div>
  );
}

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function PreviewVacancy() {
  const { t, locale } = useI18n();
  const { preview, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view: v, status, organization } = preview;
  const editPath = `/employer/vacancies/${v.id}/edit`;
  const verified = organization.status === "verified";
  // What employers typed (and place names) is Chinese: marked as such on an English page (WCAG 3.1.2).
  const zh = locale === "en" ? "zh-CN" : undefined;
  const sep = locale === "en" ? ", " : "、";
  const typed = (text: string) => (text ? <span lang={zh}>{text}</span> : t("vacancyForm.preview.none"));
  const paragraphs = v.description.split(/\n+/).filter((p) => p.trim());

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={editPath}>{t("vacancyForm.preview.back")}</Link>
      </p>
      <h1 className="page-title">{withTyped(t("vacancyForm.preview.heading", { title: MARK }), v.title, zh)}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="lead">{t("vacancyForm.preview.lead")}</p>

      <h2 className="section-title">{t("vacancyForm.preview.card")}</h2>
      <VacancyCard
        v={{
          id: v.id,
          title: v.title,
          organizationName: v.organization.name,
          place: v.place,
          remote: v.remote,
          payMin: v.payMin,
          payMax: v.payMax,
          employmentType: v.employmentType,
          accommodations: v.accommodations,
          demands: v.demands,
          quotaEligible: v.quotaEligible,
          match: null,
        }}
      />

      <h2 className="section-title">{t("vacancyForm.preview.details")}</h2>
      <p className="mb-4">
        <Link to={`/vacancies/${v.id}`}>{t("vacancies.edit.viewPage")}</Link>
      </p>
      <PartSummary part="basics" n={1} editPath={editPath}>
        <Rows
          rows={[
            [t("vacancies.view.organization"), typed(v.organization.name)],
            [t("vacancies.form.title"), typed(v.title)],
            [t("vacancies.view.category"), label(JOB_CATEGORIES, v.category, locale)],
            [t("vacancies.view.openings"), t("vacancies.openingsValue", { count: v.openings })],
            [t("vacancies.view.closingDate"), v.closingDate ? formatCalendarDate(locale, v.closingDate) : t("vacancies.view.noClosingDate")],
          ]}
        />
        <p className="mt-3 font-bold">{t("vacancies.view.description")}</p>
        <div lang={zh}>
          {paragraphs.map((p, i) => (
            <p key={i} className="mb-2">
              {p}
            </p>
          ))}
        </div>
      </PartSummary>
      <PartSummary part="place" n={2} editPath={editPath}>
        <Rows
          rows={[
            [t("vacancies.view.place"), typed([v.place, v.address].filter(Boolean).join(" "))],
            [t("vacancies.view.remote"), v.remote ? t("vacancies.remote") : t("vacancies.onSite")],
            [t("vacancies.view.hours"), v.hours ? typed(v.hours) : t("vacancies.view.notStated")],
          ]}
        />
      </PartSummary>
      <PartSummary part="pay" n={3} editPath={editPath}>
        <Rows
          rows={[
            [t("vacancies.view.employmentType"), label(EMPLOYMENT_TYPES, v.employmentType, locale)],
            [t("vacancies.view.pay"), formatPay(t, locale, v.payMin, v.payMax)],
            [t("vacancies.quota.badge"), v.quotaEligible ? t("vacancyForm.preview.yes") : t("vacancyForm.preview.no")],
          ]}
        />
      </PartSummary>
      <PartSummary part="access" n={4} editPath={editPath}>
        {v.accommodations.length === 0 ? (
          <p>{t("vacancies.view.accommodations.none")}</p>
        ) : (
          <ul className="grid gap-3">
            {v.accommodations.map((code) => {
              const icon = ACCOMMODATIONS.find((a) => a.code === code)?.icon;
              return (
                <li key={code} className="flex items-start gap-3">
                  {icon ? <Icon name={icon} className="mt-0.5 h-7 w-7 shrink-0" /> : null}
                  <div>
                    <p className="font-bold">{label(ACCOMMODATIONS, code, locale)}</p>
                    <p className="text-muted">{explain(ACCOMMODATIONS, code, locale)}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </PartSummary>
      <PartSummary part="requirements" n={5} editPath={editPath}>
        <Rows
          rows={[
            [t("vacancies.view.education"), label(EDUCATION_LEVELS, v.educationRequired, locale)],
            [t("vacancies.view.skills"), v.skills.length ? typed(v.skills.join(sep)) : t("vacancies.view.notStated")],
            [
              t("trainingProfile.vacancy.certificates"),
              v.requiredCertificates.length ? typed(v.requiredCertificates.join(sep)) : t("trainingProfile.vacancy.certificatesNone"),
            ],
            [
              t("vacancies.view.demands"),
              v.demands.length ? v.demands.map((c) => label(TASK_DEMANDS, c, locale)).join(sep) : t("vacancies.view.demands.none"),
            ],
          ]}
        />
      </PartSummary>

      <section aria-labelledby="publish-title" className="card mt-8">
        <h2 id="publish-title" className="section-title mt-0">
          {t("vacancyForm.preview.publish")}
        </h2>
        <p className="font-bold">{t("vacancies.edit.currentStatus", { status: t(`vacancies.status.${status}`) })}</p>
        {actionData?.statusError ? <PublishError message={actionData.statusError} /> : null}
        {status !== "draft" ? (
          <p className="mb-3">{t("vacancyForm.preview.notDraft")}</p>
        ) : verified ? (
          <p className="mb-3">{t("vacancyForm.preview.publish.lead")}</p>
        ) : (
          <p className="notice">{withTyped(t("vacancies.edit.cannotPublish", { name: MARK }), organization.name, zh)}</p>
        )}
        <div className="flex flex-wrap items-center gap-4">
          {status === "draft" && verified ? (
            <Form method="post">
              <button type="submit" name="intent" value="publish" className="button">
                {t("vacancies.edit.publish")}
              </button>
            </Form>
          ) : null}
          <Link to={editPath}>{t("vacancyForm.preview.back")}</Link>
        </div>
      </section>
    </div>
  );
}
