import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { verificationDone, verificationQueue } from "~/domain/realname/verification.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "realname.queue.title");

// The counselor's own queue (404 for anyone who does not check); a check's confirmation by its id, never by name.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const page = Number(url.searchParams.get("page"));
  const db = await getDb();
  const queue = await verificationQueue(db, actor, { page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1, ip: context.ip });
  const doneId = url.searchParams.get("done");
  const done = doneId ? await verificationDone(db, actor, doneId) : null;
  return { queue, done };
}

export default function VerificationQueuePage() {
  const { t, locale } = useI18n();
  const { queue, done } = useLoaderData<typeof loader>();
  const date = (d: string) => formatCalendarDate(locale, d);
  const doneName = done ? done.seekerName || t("client.unnamed") : "";
  return (
    <div className="max-w-5xl">
      <h1 className="page-title">{t("realname.queue.title")}</h1>
      {done ? (
        <div className="notice" role="status">
          <p className="mb-1">{t("realname.queue.done", { name: doneName, date: date(done.verifiedOn) })}</p>
          <p className="mb-1">{t("realname.queue.done.status", { status: t(`realname.status.${done.employmentStatus}`) })}</p>
          {done.employedWithoutRecord ? (
            <>
              <p className="mb-1">{t("realname.queue.done.noRecord", { name: doneName })}</p>
              <p className="m-0">
                <Link to={`/employment-records/new?seeker=${done.seekerId}`}>{t("realname.queue.done.recordLink", { name: doneName })}</Link>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      <p className="lead">{t("realname.queue.lead")}</p>
      <p className="mb-1 font-bold">{t("realname.queue.counts", { year: queue.quarter.year, quarter: queue.quarter.quarter, verified: queue.verified, total: queue.total })}</p>
      <p className="mb-6 text-muted">{t("realname.queue.quarter", { start: date(queue.quarter.start), end: date(queue.quarter.end) })}</p>

      {queue.total === 0 ? (
        <p className="notice">{t("realname.queue.noCaseload")}</p>
      ) : queue.pending === 0 ? (
        <p className="notice">{t("realname.queue.allDone")}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("realname.queue.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("realname.queue.col.name")}</th>
                  <th scope="col">{t("realname.queue.col.lastVerified")}</th>
                  <th scope="col">{t("realname.queue.col.by")}</th>
                  <th scope="col">{t("realname.queue.col.action")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.rows.map((r) => {
                  const name = r.name || t("client.unnamed");
                  return (
                    <tr key={r.seekerId}>
                      <th scope="row" className="font-normal">
                        <Link to={`/clients/${r.seekerId}`}>{name}</Link>
                      </th>
                      <td>{r.lastVerifiedOn ? date(r.lastVerifiedOn) : t("realname.queue.never")}</td>
                      <td>{r.lastVerifiedOn ? (r.lastVerifiedByName ?? t("realname.queue.unknownBy")) : t("realname.queue.unknownBy")}</td>
                      <td>
                        <Link to={`/clients/${r.seekerId}/verify`}>
                          {t("realname.queue.verify")}
                          <span className="sr-only"> {name}</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={queue.page} pageCount={queue.pageCount} />
        </>
      )}
    </div>
  );
}
