import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { ErrorSummary } from "~/components/form/error-summary";
import { RadioGroup, TextAreaField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { handleFeedbackSchema, HANDLED_STATUSES, isSitePath, parseFeedbackQuery, type StatusFilter } from "~/domain/feedback/feedback.schema";
import { canHandleFeedback, getFeedback, handleFeedback, listFeedback, type FeedbackDetail } from "~/domain/feedback/feedback.server";
import { notFound } from "~/domain/ids";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime, isLocale } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

/*
 * Handling feedback (issue 15): province admins only (decision 014). The list shows no contact details; opening one
 * (`?id=`) shows them and is audited; answering or closing it is audited too.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "basics.admin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!canHandleFeedback(actor)) notFound();
  const url = new URL(request.url);
  const query = parseFeedbackQuery(url.searchParams);
  const db = await getDb();
  if (query.id) {
    return { view: "item" as const, item: await getFeedback(db, actor, query.id, { ip: context.ip }), query, saved: url.searchParams.has("saved") };
  }
  return { view: "list" as const, list: await listFeedback(db, actor, query), query };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!canHandleFeedback(actor)) notFound();
  const submission = parseSubmission(await request.formData(), { schema: handleFeedbackSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await handleFeedback(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors);
  const back = new URL(request.url).searchParams;
  back.set("id", submission.value.id);
  back.set("saved", "1");
  return redirect(`/admin/feedback?${back.toString()}`);
}

export default function FeedbackAdmin() {
  const data = useLoaderData<typeof loader>();
  return data.view === "item" ? <Item item={data.item} saved={data.saved} /> : <List />;
}

/** The list's address for a status, from page 1. */
function statusHref(status: StatusFilter) {
  return status === "new" ? "/admin/feedback" : `/admin/feedback?status=${status}`;
}

function List() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  if (data.view !== "list") return null;
  const { list, query } = data;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const all = list.counts.new + list.counts.answered + list.counts.closed;
  const colon = locale === "en" ? ":" : "：";
  return (
    <div>
      <h1 className="page-title">{t("basics.admin.title")}</h1>
      <p className="lead max-w-3xl">{t("basics.admin.lead")}</p>

      <nav aria-label={t("basics.admin.filter.status")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {(["new", "answered", "closed", "all"] as const).map((s) => (
            <li key={s}>
              <Link
                to={statusHref(s)}
                aria-current={query.status === s ? "page" : undefined}
                className={query.status === s ? "inline-block py-2 font-bold" : "inline-block py-2"}
              >
                {t(`basics.admin.filter.${s}`, { count: s === "all" ? all : list.counts[s] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="section-title">{t("basics.admin.list")}</h2>
      {list.items.length === 0 ? (
        <p>{t("basics.admin.empty")}</p>
      ) : (
        <>
          <p className="mb-3">{t("basics.admin.count", { total: list.total })}</p>
          <ul className="space-y-3">
            {list.items.map((f) => {
              const params = new URLSearchParams(location.search);
              params.set("id", f.id);
              return (
                <li key={f.id} className="card">
                  <h3 className="text-lg font-bold">
                    <Link to={`/admin/feedback?${params.toString()}`} aria-label={t("basics.admin.open", { reference: f.reference })}>
                      {f.reference}
                    </Link>
                    <span className="font-normal"> · {t(`basics.kind.${f.kind}`)}</span>
                  </h3>
                  <p className="mb-1" lang={contentLang(locale, f.excerpt)}>
                    {f.excerpt}
                  </p>
                  <dl className="flex flex-wrap gap-x-6 gap-y-1 text-muted">
                    <div className="flex gap-1">
                      <dt>
                        {t("basics.admin.col.received")}
                        {colon}
                      </dt>
                      <dd>{formatDateTime(locale, f.createdAt)}</dd>
                    </div>
                    <div className="flex gap-1">
                      <dt>
                        {t("basics.admin.col.status")}
                        {colon}
                      </dt>
                      <dd>
                        {t(`basics.status.${f.status}`)}
                        {f.overdue ? <strong className="text-danger">{t("basics.admin.overdue")}</strong> : null}
                      </dd>
                    </div>
                    <div className="flex gap-1">
                      <dt>
                        {t("basics.admin.col.contact")}
                        {colon}
                      </dt>
                      <dd>{t(f.hasContact ? "basics.admin.yes" : "basics.admin.no")}</dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Pagination page={list.page} pageCount={pages} />
    </div>
  );
}

/** "王芳，2026年12月8日 11:00": the staff member's name as typed, marked zh-CN on an English page. */
function HandledBy({ name, time }: { name: string; time: string }) {
  const { t, locale } = useI18n();
  const [before, after] = t("basics.item.handledBy", { time }).split("{name}");
  return (
    <>
      {before}
      <span lang={contentLang(locale, name)}>{name}</span>
      {after}
    </>
  );
}

function Item({ item, saved }: { item: FeedbackDetail; saved: boolean }) {
  const { t, locale } = useI18n();
  const lastResult = useActionData<typeof action>();
  const location = useLocation();
  const back = new URLSearchParams(location.search);
  back.delete("id");
  back.delete("saved");
  const backHref = `/admin/feedback${back.toString() ? `?${back.toString()}` : ""}`;
  const [form, fields] = useForm({
    id: "feedback-handle",
    lastResult,
    defaultValue: { id: item.id, status: item.status === "new" ? undefined : item.status, response: item.response ?? undefined },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: handleFeedbackSchema }),
  });
  const none = <span className="text-muted">{t("basics.item.none")}</span>;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={backHref}>
          <span aria-hidden="true">← </span>
          {t("basics.item.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("basics.item.title", { reference: item.reference })}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t("basics.item.saved")}
        </p>
      ) : null}
      <p className="mb-4 text-muted">{t("basics.item.audited")}</p>

      <h2 className="section-title">{t("basics.item.details")}</h2>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("basics.item.received")}</dt>
        <dd>{formatDateTime(locale, item.createdAt)}</dd>
        <dt className="font-bold">{t("basics.item.kind")}</dt>
        <dd>{t(`basics.kind.${item.kind}`)}</dd>
        <dt className="font-bold">{t("basics.item.page")}</dt>
        <dd className="break-all">
          {item.page ? (
            isSitePath(item.page) ? (
              <Link to={item.page}>{item.page}</Link>
            ) : (
              <span lang={contentLang(locale, item.page)}>{item.page}</span>
            )
          ) : (
            none
          )}
        </dd>
        <dt className="font-bold">{t("basics.item.message")}</dt>
        <dd className="whitespace-pre-wrap break-words" lang={contentLang(locale, item.message)}>
          {item.message}
        </dd>
        <dt className="font-bold">{t("basics.item.contact")}</dt>
        <dd className="break-all">{item.contact ?? <span>{t("basics.item.noContact")}</span>}</dd>
        <dt className="font-bold">{t("basics.item.sender")}</dt>
        <dd>{item.senderRole ? t("basics.item.signedIn", { role: t(`role.${item.senderRole}`) }) : t("basics.item.anonymous")}</dd>
        <dt className="font-bold">{t("basics.item.language")}</dt>
        <dd>{isLocale(item.locale) ? t(`basics.locale.${item.locale}`) : item.locale}</dd>
        <dt className="font-bold">{t("basics.item.status")}</dt>
        <dd>
          {t(`basics.status.${item.status}`)}
          {item.overdue ? <strong className="text-danger">{t("basics.admin.overdue")}</strong> : null}
        </dd>
        {item.handledAt ? (
          <>
            <dt className="font-bold">{t("basics.item.handled")}</dt>
            <dd>
              {item.handledBy ? (
                <HandledBy name={item.handledBy} time={formatDateTime(locale, item.handledAt)} />
              ) : (
                t("basics.item.handledByUnknown", { time: formatDateTime(locale, item.handledAt) })
              )}
            </dd>
            <dt className="font-bold">{t("basics.item.response")}</dt>
            <dd className="whitespace-pre-wrap break-words" lang={contentLang(locale, item.response)}>
              {item.response ?? none}
            </dd>
          </>
        ) : null}
      </dl>

      <h2 className="section-title">{t("basics.item.form")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name={fields.id.name} value={item.id} />
        <RadioGroup meta={fields.status} legend={t("basics.item.form.status")} options={HANDLED_STATUSES.map((s) => ({ value: s, label: t(`basics.item.form.${s}`) }))} />
        <TextAreaField meta={fields.response} label={t("basics.item.form.response")} hint={t("basics.item.form.response.hint")} rows={6} />
        <button type="submit" className="button">
          {t("basics.item.form.submit")}
        </button>
      </Form>
    </div>
  );
}

