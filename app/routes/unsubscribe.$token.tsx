import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { unsubscribe, unsubscribeInfo } from "~/domain/notifications/unsubscribe.server";
import type { MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * One-click unsubscribe (issue 17, RFC 8058): the link at the foot of every email and in its List-Unsubscribe header.
 * Works signed out and without JavaScript. GET only shows what the link would do (link scanners and previews open
 * links; they must not unsubscribe anyone); POST — the page's button, or a mail program's one-click POST of
 * `List-Unsubscribe=One-Click` — turns email off for the link's topic only. The signed token is the whole
 * authorization: it allows exactly this change for exactly this person, so the route is exempt from the same-origin
 * check (server/app.ts; mail providers post without an Origin of this site). An unknown or altered token is a 404.
 */

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "unsubscribe.title"), { name: "robots", content: "noindex" }];

// The token names a person: no cache may keep the page, and it is not sent on as a referrer to other sites.
// ("no-referrer" would also make the browser post the page's own form with `Origin: null`, which Remix refuses.)
export const headers = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });

export async function loader({ params }: LoaderFunctionArgs) {
  const info = await unsubscribeInfo(await getDb(), params.token ?? "");
  // A page of its own rather than the site's 404: it says what to do with a link copied in part.
  if (!info) return data({ topic: null }, { status: 404 });
  return { topic: info.topic };
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await unsubscribe(await getDb(), params.token ?? "");
  if (!done) return data({ done: false as const }, { status: 404 });
  return { done: true as const };
}

export default function Unsubscribe() {
  const { t } = useI18n();
  const { topic } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!topic) {
    return (
      <div className="max-w-3xl">
        <h1 className="page-title">{t("unsubscribe.notFound.title")}</h1>
        <p className="lead">{t("unsubscribe.notFound.text")}</p>
        <p>
          <Link to="/account/notifications">{t("unsubscribe.preferences")}</Link>
        </p>
      </div>
    );
  }
  const topicName = t(`notifications.topic.${topic}` as MessageKey);
  if (result?.done) {
    return (
      <div className="max-w-3xl">
        <h1 className="page-title">{t("unsubscribe.done.title")}</h1>
        <p className="notice mb-4" role="status">
          {t("unsubscribe.done.text", { topic: topicName })}
        </p>
        <p>
          <Link to="/account/notifications">{t("unsubscribe.preferences")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("unsubscribe.title")}</h1>
      <p className="lead">{t("unsubscribe.lead", { topic: topicName })}</p>
      <Form method="post" className="mb-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className="button">
          {t("unsubscribe.submit")}
        </button>
      </Form>
      <p>
        <Link to="/account/notifications">{t("unsubscribe.preferences")}</Link>
      </p>
    </div>
  );
}
