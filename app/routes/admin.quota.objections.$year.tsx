import { parseSubmission } from "~/http/forms.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { hasPermission } from "~/domain/permissions";
import { resolveSchema } from "~/domain/quota/declarations.schema";
import { listObjections, resolveObjection } from "~/domain/quota/declarations.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "declarations.objections.title");

function yearParam(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const year = yearParam(params.year);
  return { year, items: await listObjections(await getDb(), actor, year), resolved: new URL(request.url).searchParams.get("resolved") === "1" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  if (!hasPermission(actor, "review:quota_declaration")) throw new Response("Not Found", { status: 404 });
  const year = yearParam(params.year);
  const submission = parseSubmission(await request.formData(), { schema: resolveSchema });
  if (submission.status !== "success") {
    const id = String(submission.payload.objectionId ?? "");
    const errors = submission.error ?? {};
    return data({ objectionId: id, error: Object.values(errors).flat()[0] ?? "declarations.err.resolutionRequired" }, { status: 400 });
  }
  const db = await getDb();
  // The objection must be one of this year's (as the page lists them): another year's address is not found.
  if (!(await listObjections(db, actor, year)).some((o) => o.id === submission.value.objectionId)) throw new Response("Not Found", { status: 404 });
  const result = await resolveObjection(db, actor, submission.value.objectionId, submission.value.outcome, submission.value.resolution);
  if (!result.ok) return data({ objectionId: submission.value.objectionId, error: result.fieldErrors[""]?.[0] ?? "declarations.err.alreadyResolved" }, { status: 400 });
  return redirect(`/admin/quota/objections/${year}?resolved=1`);
}

export default function Objections() {
  const { t, te, locale } = useI18n();
  const { year, items, resolved } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div>
      <p className="mb-4">
        <Link to="/admin/quota">{t("declarations.review.back")}</Link>
      </p>
      <h1 className="page-title">{t("declarations.objections.heading", { year })}</h1>
      {resolved ? (
        <p className="notice" role="status">
          {t("declarations.objections.resolved")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="notice">{t("declarations.objections.empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {items.map((x) => {
            const error = failed?.objectionId === x.id ? failed.error : null;
            const reasonId = `resolution-${x.id}`;
            return (
              <li key={x.id} className="card">
                <h2 className="text-xl font-bold">{x.organizationName}</h2>
                <p className="text-muted">{formatDateTime(locale, x.createdAt)}</p>
                <p className="my-2 whitespace-pre-line">{x.reason}</p>
                <p className="font-bold">{t(`declarations.objection.status.${x.status}`)}</p>
                {x.resolution ? <p>{t("declarations.objections.resolution", { text: x.resolution })}</p> : null}
                {x.status === "open" ? (
                  <Form method="post" className="mt-3">
                    <input type="hidden" name="objectionId" value={x.id} />
                    <fieldset className="fieldset">
                      <legend className="fieldset-legend">{t("declarations.objections.outcome")}</legend>
                      <div className="radios">
                        <div className="radio">
                          <input type="radio" id={`${x.id}-upheld`} name="outcome" value="upheld" />
                          <label htmlFor={`${x.id}-upheld`}>{t("declarations.objection.status.upheld")}</label>
                        </div>
                        <div className="radio">
                          <input type="radio" id={`${x.id}-dismissed`} name="outcome" value="dismissed" defaultChecked />
                          <label htmlFor={`${x.id}-dismissed`}>{t("declarations.objection.status.dismissed")}</label>
                        </div>
                      </div>
                    </fieldset>
                    <div className="field">
                      <label htmlFor={reasonId} className="field-label">
                        {t("declarations.objections.resolutionLabel")}
                      </label>
                      {error ? (
                        <p id={`${reasonId}-error`} className="field-error" role="alert">
                          <span className="sr-only">{t("form.errorPrefix")}</span>
                          {te(error)}
                        </p>
                      ) : null}
                      <textarea
                        id={reasonId}
                        name="resolution"
                        rows={3}
                        className="field-input"
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${reasonId}-error` : undefined}
                      />
                    </div>
                    <button type="submit" className="button">
                      {t("declarations.objections.submit")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
