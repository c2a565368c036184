import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { pageTitle } from "~/components/meta";
import { TOPICS } from "~/domain/notifications/channels";
import { channelFieldName, channelSettingsSchema } from "~/domain/notifications/channel-settings.schema";
import { channelSettings, saveChannelSettings } from "~/domain/notifications/channel-settings.server";
import { parseSubmission, replyInvalid } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Each person's channels per topic (issue 17): the site always, email and SMS by choice. A channel the person cannot
 * use (no email address, no verified number) is shown disabled with the reason and where to fix it.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "channels.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const settings = await channelSettings(await getDb(), actor);
  return { ...settings, saved: new URL(request.url).searchParams.get("done") === "saved" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const submission = parseSubmission(await request.formData(), { schema: channelSettingsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  await saveChannelSettings(await getDb(), actor, submission.value);
  return redirect("/account/notifications?done=saved");
}

export default function AccountNotifications() {
  const { t } = useI18n();
  const { preferences, hasEmail, phoneVerified, caseloadAlerts, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ id: "channels", lastResult });
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("channels.title")}</h1>
      {saved && !lastResult ? (
        <p className="notice" role="status">
          {t("channels.saved")}
        </p>
      ) : null}
      <p className="lead">{t("channels.lead")}</p>
      <ul className="mb-4 grid gap-2">
        <li id="channels-site-explain">{t("channels.site.explain")}</li>
        {hasEmail ? null : (
          <li id="channels-email-none">
            {t("channels.email.none")} <Link to="/account">{t("channels.email.accountLink")}</Link>
          </li>
        )}
        {phoneVerified ? null : (
          <li id="channels-sms-unverified">
            {t("channels.sms.unverified")} <Link to="/account/phone">{t("channels.sms.verifyLink")}</Link>
          </li>
        )}
        <li id="channels-quiet-hours">{t("channels.quietHours")}</li>
      </ul>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {TOPICS.map((topic) => {
          const topicName = t(`notifications.topic.${topic}`);
          const emailId = `channels-${channelFieldName(topic, "email")}`;
          const smsId = `channels-${channelFieldName(topic, "sms")}`;
          return (
            <fieldset key={topic} className="fieldset">
              <legend className="fieldset-legend">{t("channels.topicChannels", { topic: topicName })}</legend>
              <div className="flex flex-wrap gap-x-8 gap-y-2">
                <div className="flex items-center gap-2">
                  <input type="checkbox" id={`channels-${topic}-site`} checked disabled readOnly aria-describedby="channels-site-explain" className="h-6 w-6" />
                  <label htmlFor={`channels-${topic}-site`}>{t("channels.site")}</label>
                </div>
                <div className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={emailId}
                    name={channelFieldName(topic, "email")}
                    defaultChecked={hasEmail && preferences[topic].email}
                    disabled={!hasEmail}
                    aria-describedby={describe(!hasEmail && "channels-email-none")}
                    className="h-6 w-6"
                  />
                  <label htmlFor={emailId}>{t("channels.email")}</label>
                </div>
                <div className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={smsId}
                    name={channelFieldName(topic, "sms")}
                    defaultChecked={phoneVerified && preferences[topic].sms}
                    disabled={!phoneVerified}
                    aria-describedby={describe(phoneVerified ? "channels-quiet-hours" : "channels-sms-unverified")}
                    className="h-6 w-6"
                  />
                  <label htmlFor={smsId}>{t("channels.sms")}</label>
                </div>
              </div>
            </fieldset>
          );
        })}
        {caseloadAlerts !== null ? (
          <fieldset className="fieldset">
            <legend className="fieldset-legend">{t("channels.caseload.legend")}</legend>
            <div className="field flex items-start gap-3">
              <input
                type="checkbox"
                id="channels-caseloadAlerts"
                name="caseloadAlerts"
                defaultChecked={caseloadAlerts}
                aria-describedby="channels-caseloadAlerts-hint"
                className="mt-1 h-6 w-6 shrink-0"
              />
              <div>
                <label htmlFor="channels-caseloadAlerts" className="field-label">
                  {t("channels.caseload")}
                </label>
                <p id="channels-caseloadAlerts-hint" className="field-hint">
                  {t("channels.caseload.hint")}
                </p>
              </div>
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          {t("channels.submit")}
        </button>
      </Form>
    </div>
  );
}
