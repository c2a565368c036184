import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { CheckboxGroup } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { requirePermission } from "~/domain/permissions";
import { PROVINCIAL_BODY_KINDS, provincialBodySchema } from "~/domain/realname/provincial-bodies.schema";
import { findOrganizationsToFlag, listProvincialBodies, organizationFlags, setProvincialBodyKinds } from "~/domain/realname/provincial-bodies.server";
import { todayInShanghai } from "~/domain/vacancies/vacancies.schema";
import { parseSubmission } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "realname.bodies.title");

function readYear(value: string | null, fallback: number): number {
  const n = Number(value);
  return value && /^\d{4}$/.test(value) && n >= 2000 && n <= 2100 ? n : fallback;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  const url = new URL(request.url);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const year = readYear(url.searchParams.get("year"), thisYear);
  const notEmployingOnly = url.searchParams.get("filter") === "notEmploying";
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 50);
  const db = await getDb();
  const list = await listProvincialBodies(db, actor, { year, notEmployingOnly });
  const found = q ? await findOrganizationsToFlag(db, actor, q) : [];
  const savedId = url.searchParams.get("saved");
  const saved = savedId ? await organizationFlags(db, actor, savedId) : null;
  const years = Array.from({ length: thisYear - 2016 + 2 }, (_, i) => thisYear + 1 - i);
  return { list, notEmployingOnly, q, found, saved, years };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  // Admins only (404 otherwise); the domain call refuses prefecture and county admins with a sentence.
  requirePermission(actor, "verify:organization", { regionCode: actor.regionCode });
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: provincialBodySchema });
  const organizationId = String(formData.get("organizationId") ?? "");
  if (submission.status !== "success") return data({ organizationId, reply: submission.reply() }, { status: 400 });
  const result = await setProvincialBodyKinds(await getDb(), actor, submission.value, { ip: context.ip });
  if (!result.ok) {
    const { "": formErrors, ...fieldErrors } = result.fieldErrors;
    return data({ organizationId, reply: submission.reply({ formErrors, fieldErrors }) }, { status: 400 });
  }
  const back = new URL(request.url).searchParams;
  back.set("saved", submission.value.organizationId);
  back.delete("index");
  return redirect(`/admin/provincial-bodies?${back.toString()}`);
}

type Reply = SubmissionResult<string[]> | undefined;

/** The flags of one organization: two boxes and a save button, named for the organization. */
function FlagForm({ org, lastResult, idPrefix }: { org: { id: string; name: string; kinds: string[] }; lastResult: Reply; idPrefix: string }) {
  const { t } = useI18n();
  const [form, fields] = useForm({
    id: `${idPrefix}-${org.id}`,
    lastResult,
    defaultValue: { organizationId: org.id, kinds: org.kinds },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: provincialBodySchema }),
  });
  const errors = Object.values(form.allErrors).flat();
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="organizationId" value={org.id} />
      <CheckboxGroup
        meta={fields.kinds}
        legend={t("realname.bodies.flagsFor", { name: org.name })}
        options={PROVINCIAL_BODY_KINDS.map((k) => ({ value: k, label: t(`realname.kind.${k}`) }))}
      />
      {errors.length && !fields.kinds.errors?.length ? <ErrorLine errors={errors} /> : null}
      <button type="submit" className="button button-small">
        {t("realname.bodies.save")}
        <span className="sr-only"> {org.name}</span>
      </button>
    </Form>
  );
}

function ErrorLine({ errors }: { errors: string[] }) {
  const { t, te } = useI18n();
  return (
    <p className="field-error" role="alert">
      <span className="sr-only">{t("form.errorPrefix")}</span>
      {te(errors[0]!)}
    </p>
  );
}

export default function ProvincialBodiesPage() {
  const { t, te } = useI18n();
  const { list, notEmployingOnly, q, found, saved, years } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const replyFor = (id: string): Reply => (actionData && actionData.organizationId === id ? (actionData.reply as Reply) : undefined);
  const shownIds = new Set([...list.bodies.map((b) => b.id), ...found.map((f) => f.id)]);
  // A refused form whose organization is not on the page (or a prefecture admin's): say so at the top.
  const orphanErrors =
    actionData && (!list.canFlag || !shownIds.has(actionData.organizationId))
      ? Object.values((actionData.reply as { error?: Record<string, string[] | null> }).error ?? {}).flatMap((e) => e ?? [])
      : [];
  const kindsText = (kinds: readonly string[]) => kinds.map((k) => t(`realname.kind.${k as "party_government"}`)).join(t("seekers.separator"));
  return (
    <div className="max-w-6xl">
      <h1 className="page-title">{t("realname.bodies.title")}</h1>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved.kinds.length ? t("realname.bodies.saved", { name: saved.name, kinds: kindsText(saved.kinds) }) : t("realname.bodies.savedNone", { name: saved.name })}
        </p>
      ) : null}
      {actionData && orphanErrors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary-title">{t("form.errorSummary")}</p>
          <p>{te(orphanErrors[0]!)}</p>
        </div>
      ) : null}
      <p className="lead">{t("realname.bodies.lead")}</p>
      {!list.canFlag ? <p className="notice">{t("realname.bodies.provinceOnly")}</p> : null}

      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4">
        <div className="field mb-0">
          <label htmlFor="year" className="field-label">
            {t("realname.bodies.year")}
          </label>
          <select id="year" name="year" defaultValue={String(list.year)} className="field-input">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field mb-0 flex items-center gap-2">
          <input type="checkbox" id="filter" name="filter" value="notEmploying" defaultChecked={notEmployingOnly} className="h-6 w-6" />
          <label htmlFor="filter">{t("realname.bodies.notEmploying")}</label>
        </div>
        {q ? <input type="hidden" name="q" value={q} /> : null}
        <button type="submit" className="button button-secondary">
          {t("realname.bodies.apply")}
        </button>
      </Form>

      <p className="mb-4 font-bold">{t("realname.bodies.counts", { year: list.year, total: list.total, employing: list.employing })}</p>
      {list.total === 0 ? (
        <p className="notice">{t("realname.bodies.empty")}</p>
      ) : list.bodies.length === 0 ? (
        <p className="notice">{t("realname.bodies.emptyFiltered")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("realname.bodies.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("realname.bodies.col.name")}</th>
                <th scope="col">{t("realname.bodies.col.region")}</th>
                <th scope="col">{t("realname.bodies.col.kinds")}</th>
                <th scope="col">{t("realname.bodies.col.employing")}</th>
                <th scope="col">{t("realname.bodies.col.source")}</th>
                {list.canFlag ? <th scope="col">{t("realname.bodies.col.flags")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.bodies.map((b) => (
                <tr key={b.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`/admin/organizations/${b.id}`}>{b.name}</Link>
                  </th>
                  <td>{b.regionName}</td>
                  <td>{kindsText(b.kinds)}</td>
                  <td>
                    <strong>{t(b.employing ? "realname.bodies.yes" : "realname.bodies.no")}</strong>
                  </td>
                  <td>{b.source ? t(`realname.source.${b.source}`) : t("realname.bodies.noSource")}</td>
                  {list.canFlag ? (
                    <td>
                      <FlagForm org={b} lastResult={replyFor(b.id)} idPrefix="flags" />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.canFlag ? (
        <section aria-labelledby="find-title" className="mt-8">
          <h2 id="find-title" className="section-title">
            {t("realname.bodies.find")}
          </h2>
          <p className="mb-3">{t("realname.bodies.find.lead")}</p>
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-4">
            <input type="hidden" name="year" value={list.year} />
            {notEmployingOnly ? <input type="hidden" name="filter" value="notEmploying" /> : null}
            <div className="field mb-0">
              <label htmlFor="q" className="field-label">
                {t("realname.bodies.q")}
              </label>
              <input id="q" name="q" type="search" defaultValue={q} maxLength={50} autoComplete="off" className="field-input" />
            </div>
            <button type="submit" className="button button-secondary">
              {t("realname.bodies.search")}
            </button>
          </Form>
          {q ? (
            found.length === 0 ? (
              <p>{t("realname.bodies.notFound", { q })}</p>
            ) : (
              <>
                <h3 className="mb-2 text-lg font-bold">{t("realname.bodies.found")}</h3>
                <ul className="grid gap-4">
                  {found.map((o) => (
                    <li key={o.id} className="card">
                      <p className="mb-2 font-bold">
                        {o.name} <span className="font-normal text-muted">{o.regionName}</span>
                      </p>
                      <FlagForm org={o} lastResult={replyFor(o.id)} idPrefix="find" />
                    </li>
                  ))}
                </ul>
              </>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
