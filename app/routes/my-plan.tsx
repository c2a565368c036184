import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { PlanDocument } from "~/components/counseling/plan-document";
import { MessageForm, MessageList } from "~/components/messages/thread";
import { pageTitle } from "~/components/meta";
import { getMyPlan } from "~/domain/counseling/plans.server";
import { MESSAGE_INTENT, messageSchema } from "~/domain/messages/messages.schema";
import { requireThreadWriter, seekerThread, sendMessage } from "~/domain/messages/messages.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDate } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myPlan.title");
// The plan and the messages are the seeker's own: never cache them.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const db = await getDb();
  const plan = await getMyPlan(db, actor);
  const thread = await seekerThread(db, actor);
  return { plan, thread, sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const db = await getDb();
  // The seeker's own thread only (404 otherwise), before the form is read.
  await requireThreadWriter(db, actor, actor.id);
  const formData = await request.formData();
  if (formData.get("intent") !== MESSAGE_INTENT) throw new Response("Bad Request", { status: 400 });
  const submission = parseSubmission(formData, { schema: messageSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await sendMessage(db, actor, actor.id, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  return redirect("/my-plan?sent=1#messages");
}

export default function MyPlan() {
  const { t } = useI18n();
  const { plan, thread, sent } = useLoaderData<typeof loader>();
  const counselor = plan.counselor;
  return (
    <div>
      <div className="print-hidden">
        <h1 className="page-title">{t("myPlan.title")}</h1>
        <p className="lead max-w-3xl">{t("myPlan.lead")}</p>
        <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href="#messages">{t("conversation.seeker.title")}</a>
          </li>
          <li>
            <Link to="/referrals">{t("myPlan.referralsLink")}</Link>
          </li>
        </ul>
      </div>
      {plan.exists ? (
        <PlanDocument plan={plan} />
      ) : (
        <p className="notice max-w-3xl">
          {counselor
            ? counselor.name
              ? t("myPlan.empty.counselor", { name: counselor.name })
              : t("myPlan.empty.counselorUnnamed")
            : t("myPlan.empty.noCounselor")}
        </p>
      )}
      <Messages thread={thread} sent={sent} />
    </div>
  );
}

type Thread = ReturnType<typeof useLoaderData<typeof loader>>["thread"];

function Messages({ thread, sent }: { thread: Thread; sent: boolean }) {
  const { t, locale } = useI18n();
  const lastResult = useActionData<typeof action>();
  const zh = locale === "zh-CN" ? undefined : "zh-CN";
  const { counselor } = thread;
  return (
    <section id="messages" aria-labelledby="messages-title" className="print-hidden mt-10 max-w-3xl">
      <h2 id="messages-title" className="section-title">
        {t("conversation.seeker.title")}
      </h2>
      {counselor ? (
        <div className="card mb-4">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{t("conversation.seeker.counselor")}</dt>
            <dd className="mb-2 text-lg font-bold sm:mb-0">{counselor.name ? <span lang={zh}>{counselor.name}</span> : t("conversation.seeker.unnamed")}</dd>
            {counselor.regionName ? (
              <>
                <dt className="font-bold">{t("conversation.seeker.region")}</dt>
                <dd className="mb-2 sm:mb-0" lang={zh}>
                  {counselor.regionName}
                </dd>
              </>
            ) : null}
            <dt className="font-bold">{t("conversation.seeker.since")}</dt>
            <dd className="mb-2 sm:mb-0">{formatDate(locale, counselor.since)}</dd>
          </dl>
          <p className="mt-3 mb-0">{t("conversation.seeker.how")}</p>
          <p className="m-0">{t("conversation.seeker.urgent")}</p>
        </div>
      ) : (
        <div className="notice mb-4">
          <h3 className="mb-2 text-lg font-bold">{t("conversation.seeker.none.title")}</h3>
          <p className="mb-2">{t("conversation.seeker.none.lead")}</p>
          <p className="mb-1 font-bold">{t("conversation.seeker.none.how")}</p>
          <ol className="ml-6 list-decimal">
            <li>
              {t("conversation.seeker.none.profile")} <Link to="/profile">{t("conversation.seeker.none.profileLink")}</Link>
            </li>
            <li>{t("conversation.seeker.none.call")}</li>
          </ol>
        </div>
      )}

      {thread.messages.length === 0 ? (
        counselor ? (
          <div className="mb-6">
            <p className="mb-1 font-bold">{t("conversation.thread.empty")}</p>
            <p>{t("conversation.thread.empty.seeker")}</p>
          </div>
        ) : null
      ) : (
        <MessageList messages={thread.messages} total={thread.total} reader="seeker" seekerName="" />
      )}

      {sent && !lastResult ? (
        <p className="notice" role="status">
          {t("conversation.sent")}
        </p>
      ) : null}
      {counselor ? (
        <>
          {/* Keyed by the thread's length: after a message is sent the form starts empty again. */}
          <MessageForm key={thread.total} action="/my-plan#messages" label={t("conversation.form.labelCounselor")} lastResult={lastResult} />
          <p className="mt-4 text-muted">{t("conversation.seeker.shared")}</p>
        </>
      ) : null}
    </section>
  );
}
