import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { DUE_HORIZON_DAYS } from "~/domain/counseling/counseling.schema";
import { dueList, type DueItem } from "~/domain/counseling/follow-up.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "followUp.title");

// The signed-in counselor's own due list (404 for anyone else).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { list: await dueList(await getDb(), actor, new Date(), { ip: context.ip }) };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export default function FollowUp() {
  const { t, locale } = useI18n();
  const { list } = useLoaderData<typeof loader>();
  const overdue = list.items.filter((i) => i.overdue);
  const upcoming = list.items.filter((i) => !i.overdue);
  return (
    <div>
      <h1 className="page-title">{t("followUp.title")}</h1>
      <p className="lead max-w-3xl">{t("followUp.lead")}</p>
      <p className="mb-6">{t("followUp.today", { date: formatCalendarDate(locale, list.today) })}</p>
      {list.items.length === 0 ? (
        <p className="notice">{t("followUp.empty", { days: DUE_HORIZON_DAYS })}</p>
      ) : (
        <>
          <section aria-labelledby="follow-up-overdue">
            <h2 id="follow-up-overdue" className="section-title">
              {t("followUp.overdue.title", { count: overdue.length })}
            </h2>
            {overdue.length ? <DueTable items={overdue} today={list.today} caption={t("followUp.overdue.title", { count: overdue.length })} /> : <p>{t("followUp.overdue.empty")}</p>}
          </section>
          <section aria-labelledby="follow-up-upcoming">
            <h2 id="follow-up-upcoming" className="section-title">
              {t("followUp.upcoming.title", { days: DUE_HORIZON_DAYS, count: upcoming.length })}
            </h2>
            {upcoming.length ? (
              <DueTable items={upcoming} today={list.today} caption={t("followUp.upcoming.title", { days: DUE_HORIZON_DAYS, count: upcoming.length })} />
            ) : (
              <p>{t("followUp.upcoming.empty", { days: DUE_HORIZON_DAYS })}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function DueTable({ items, today, caption }: { items: DueItem[]; today: string; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("followUp.col.seeker")}</th>
            <th scope="col">{t("followUp.col.what")}</th>
            <th scope="col">{t("followUp.col.due")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const days = daysBetween(today, i.due);
            const date = formatCalendarDate(locale, i.due);
            return (
              <tr key={i.kind === "action" ? `a${i.actionId}` : `c${i.employmentId}-${i.month}`}>
                <td>
                  <Link to={`/clients/${i.seekerId}`}>{i.seekerName || t("followUp.unnamed")}</Link>
                </td>
                <td>
                  {i.kind === "action" ? (
                    <>
                      <Link to={`/clients/${i.seekerId}/plan`}>
                        {i.description}
                        <span className="sr-only">{t("followUp.for", { name: i.seekerName || t("followUp.unnamed") })}</span>
                      </Link>
                      <br />
                      <span className="text-muted">{t("followUp.action.owner", { owner: t(`counseling.owner.${i.owner}`) })}</span>
                    </>
                  ) : (
                    <>
                      <Link to={`/clients/${i.seekerId}/checkpoints/${i.employmentId}/${i.month}`}>
                        {t("counseling.checkpoint.month", { month: i.month })}
                        <span className="sr-only">{t("followUp.for", { name: i.seekerName || t("followUp.unnamed") })}</span>
                      </Link>
                      <br />
                      <span className="text-muted">
                        {i.vacancyTitle
                          ? t("followUp.checkpoint.whereVacancy", { organization: i.organizationName, vacancy: i.vacancyTitle })
                          : t("followUp.checkpoint.where", { organization: i.organizationName })}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {i.overdue ? (
                    <strong className="text-danger">{t("followUp.due.overdue", { days: -days, date })}</strong>
                  ) : days === 0 ? (
                    <strong>{t("followUp.due.today", { date })}</strong>
                  ) : (
                    t("followUp.due.upcoming", { date, days })
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
