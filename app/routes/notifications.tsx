import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/components/meta";
import { PAGE_SIZE, pageParam } from "~/domain/applications/applications.schema";
import { markRead, notificationCentre, openNotification } from "~/domain/notifications/notifications.server";
import { requireActor, safeRedirect } from "~/http/guards.server";
import { formatDateTime, isMessageKey, type Translate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Notifications are the signed-in user's own: every query below is scoped to actor.id.
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const page = pageParam(url);
  const centre = await notificationCentre(await getDb(), actor.id, { page, pageSize: PAGE_SIZE });
  return { ...centre, page, pageSize: PAGE_SIZE, allMarked: url.searchParams.get("done") === "all-read" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "read-all") {
    await markRead(db, actor.id);
    return redirect("/notifications?done=all-read");
  }
  if (intent === "open") {
    const opened = await openNotification(db, actor.id, String(formData.get("id") ?? ""));
    if (!opened) throw new Response("Not Found", { status: 404 });
    return redirect(safeRedirect(opened.link, "/notifications"));
  }
  throw new Response("Bad Request", { status: 400 });
}

/** The text of a notification in the reader's language; status codes in its values are shown as words. */
function notificationText(t: Translate, kind: string, params: Record<string, string | number>): string {
  const values = { ...params };
  const status = `applications.status.${String(values.status ?? "")}`;
  if (isMessageKey(status)) values.status = t(status);
  const key = `notification.${kind}`;
  return isMessageKey(key) ? t(key, values) : t("notification.unknown");
}

export default function Notifications() {
  const { t, locale } = useI18n();
  const { items, total, unread, page, pageSize, allMarked } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("applications.notifications.title")}</h1>
      <p className="lead">{t("applications.notifications.lead")}</p>
      {allMarked ? (
        <p className="notice" role="status">
          {t("applications.notifications.allMarked")}
        </p>
      ) : null}
      {total === 0 ? (
        <p>{t("applications.notifications.empty")}</p>
      ) : (
        <>
          <div className="mb-6 flex flex-wrap items-center gap-4">
            <p className="m-0">{t("applications.notifications.summary", { total, unread })}</p>
            {unread > 0 ? (
              <Form method="post">
                <button type="submit" name="intent" value="read-all" className="button button-secondary">
                  {t("applications.notifications.markAllRead")}
                </button>
              </Form>
            ) : null}
          </div>
          <ul aria-label={t("applications.notifications.listLabel")} className="grid gap-3">
            {items.map((n) => {
              const text = notificationText(t, n.kind, n.params);
              const isUnread = n.readAt === null;
              return (
                <li key={n.id} className="card">
                  <p className="m-0">
                    <strong>{t(isUnread ? "applications.notifications.unread" : "applications.notifications.read")}</strong>
                    <span className="text-muted">
                      {" · "}
                      <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(locale, n.createdAt)}</time>
                    </span>
                  </p>
                  <p className={`m-0 mt-1 ${isUnread ? "font-bold" : ""}`}>{text}</p>
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" name="intent" value="open" className="button button-small button-secondary">
                      {t("applications.notifications.open")}
                      <span className="sr-only">{` ${text}`}</span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Pagination page={page} pageCount={Math.ceil(total / pageSize)} />
    </div>
  );
}
