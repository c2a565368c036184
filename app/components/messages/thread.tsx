import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextAreaField } from "~/components/form/field";
import { MESSAGE_INTENT, MESSAGE_MAX, messageSchema, THREAD_SHOWN } from "~/domain/messages/messages.schema";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/** A message as the page receives it (dates serialized). */
export interface ThreadMessageData {
  id: string;
  body: string;
  createdAt: string | Date;
  fromSeeker: boolean;
  senderName: string | null;
  isNew: boolean;
}

/**
 * The messages of one seeker's thread, oldest first (a conversation reads downwards), for the seeker (`reader`
 * "seeker": their own messages are "我") or their counselor ("counselor": the seeker's are under their name).
 * Names typed by people are Chinese: marked as such inside English pages.
 */
export function MessageList({
  messages,
  total,
  reader,
  seekerName,
}: {
  messages: readonly ThreadMessageData[];
  total: number;
  reader: "seeker" | "counselor";
  seekerName: string;
}) {
  const { t, locale } = useI18n();
  const zh = locale === "zh-CN" ? undefined : "zh-CN";
  return (
    <>
      {total > messages.length ? <p className="mb-3 text-muted">{t("conversation.thread.older", { shown: THREAD_SHOWN, total })}</p> : null}
      <ol aria-label={t("conversation.thread.label")} className="mb-6 grid max-w-3xl list-none gap-3 p-0">
        {messages.map((m) => {
          const mine = (reader === "seeker") === m.fromSeeker;
          const who = mine ? (
            t("conversation.from.me")
          ) : m.fromSeeker ? (
            <span lang={zh}>{seekerName}</span>
          ) : m.senderName ? (
            <span lang={zh}>{m.senderName}</span>
          ) : (
            t("conversation.from.gone")
          );
          return (
            <li key={m.id} className={`rounded border-l-4 p-3 ${mine ? "border-line bg-surface sm:ml-8" : "border-brand sm:mr-8"}`}>
              <p className="m-0 flex flex-wrap items-baseline gap-x-3">
                <strong>{who}</strong>
                <time className="text-muted" dateTime={new Date(m.createdAt).toISOString()}>
                  {formatDateTime(locale, m.createdAt)}
                </time>
                {m.isNew ? <strong className="tag tag-info">{t("conversation.new")}</strong> : null}
              </p>
              {/* What people write here is Chinese, as a rule: so marked inside English pages. */}
              <p className="m-0 mt-1 whitespace-pre-line break-words" lang={zh}>
                {m.body}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * The form that sends a message: a plain POST (works without JavaScript) to the page's own action, which answers
 * with the page again and its errors, or sends the writer back to the thread. `action` carries `#messages`, so the
 * answer opens at the thread.
 */
export function MessageForm({ action, label, lastResult }: { action: string; label: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: "message",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" action={action} {...getFormProps(form)} className="max-w-2xl">
        <input type="hidden" name="intent" value={MESSAGE_INTENT} />
        <TextAreaField meta={fields.body} label={label} hint={t("conversation.form.hint", { max: MESSAGE_MAX })} rows={4} maxLength={MESSAGE_MAX} />
        <button type="submit" className="button">
          {t("conversation.form.submit")}
        </button>
      </Form>
    </>
  );
}
