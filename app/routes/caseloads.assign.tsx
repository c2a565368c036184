import { parseSubmission } from "~/http/forms.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { Pagination } from "~/components/pagination";
import { assignmentPage, assignSeeker, currentAssignment } from "~/domain/counseling/caseload.server";
import { assignSchema } from "~/domain/counseling/counseling.schema";
import { unregisteredPeople } from "~/domain/interop/registry.server";
import { REGISTRY_PARAMS, RegistryPeople } from "~/components/interop/registry-people";
import { hasPermission, isWithinRegion } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "caseload.assign.title");

/** The list's own parameters, kept across an assignment (post/redirect/get back to the same list). */
const LIST_PARAMS = ["q", "all", "page", ...REGISTRY_PARAMS] as const;

// Admins and counselors assign within their region; the region-scoped check is the domain call's first step.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const p = url.searchParams;
  const page = Number(p.get("page"));
  const db = await getDb();
  const list = await assignmentPage(db, actor, {
    q: p.get("q") ?? "",
    unassignedOnly: p.get("all") !== "1",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    ip: context.ip,
  });
  // The confirmation after an assignment: the names are looked up again, so none travels in the address.
  const assignedId = p.get("assigned");
  const now = assignedId ? await currentAssignment(db, actor, assignedId) : null;
  const assigned = assignedId && now ? { seekerId: assignedId, name: now.seekerName, counselor: now.counselorName, unchanged: p.get("unchanged") === "1" } : null;
  // The region's imported people without an account (issue 18): shown, never assignable until they register.
  const rpage = Number(p.get("rpage"));
  const registry = await unregisteredPeople(db, actor, { county: p.get("county"), page: Number.isInteger(rpage) && rpage >= 1 ? rpage : 1, ip: context.ip });
  return { list, assigned, registry, canCreateStaff: hasPermission(actor, "create:staff_account") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: assignSchema });
  const seekerId = String(formData.get("seekerId") ?? "");
  const counselorId = String(formData.get("counselorId") ?? "");
  // One message for the one row the form belongs to: the page names the row and marks its select.
  const failed = (fieldErrors: Record<string, string[] | null>) =>
    data({ seekerId, counselorId, error: Object.values(fieldErrors).flatMap((e) => e ?? [])[0] ?? "counseling.err.counselorRequired" }, { status: 400 });
  if (submission.status !== "success") return failed(submission.error ?? {});
  const result = await assignSeeker(await getDb(), actor, submission.value);
  if (!result.ok) return failed(result.fieldErrors);
  const url = new URL(request.url);
  const next = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = url.searchParams.get(name);
    if (value) next.set(name, value);
  }
  next.set("assigned", submission.value.seekerId);
  if (!result.value.changed) next.set("unchanged", "1");
  return redirect(`/caseloads/assign?${next.toString()}`);
}

export default function AssignSeekers() {
  const { t, te } = useI18n();
  const { list, assigned, registry, canCreateStaff } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) summaryRef.current?.focus();
  }, [failure]);
  const failedRow = failure ? list.seekers.find((s) => s.id === failure.seekerId) : undefined;
  const searching = !!list.q;
  const submittingFor = navigation.state === "submitting" ? navigation.formData?.get("seekerId") : null;

  return (
    <div>
      <p className="mb-2">
        <Link to="/caseloads">{t("caseload.back")}</Link>
      </p>
      <h1 className="page-title">{t("caseload.assign.title")}</h1>
      <p className="lead max-w-3xl">{t("caseload.assign.lead")}</p>

      {failure ? (
        <div ref={summaryRef} className="error-summary" role="alert" aria-labelledby="assign-error-title" tabIndex={-1}>
          <h2 id="assign-error-title" className="error-summary-title">
            {t("caseload.assign.failed")}
          </h2>
          <ul className="error-summary-list">
            <li>
              {failedRow ? (
                <a href={`#assign-${failedRow.id}-counselor`}>{t("caseload.assign.failedRow", { name: failedRow.name, message: te(failure.error) })}</a>
              ) : (
                te(failure.error)
              )}
            </li>
          </ul>
        </div>
      ) : assigned ? (
        <p className="notice" role="status">
          {t(assigned.unchanged ? "caseload.assign.doneUnchanged" : "caseload.assign.done", { name: assigned.name, counselor: assigned.counselor })}{" "}
          <Link to="/caseloads">{t("caseload.back")}</Link>
        </p>
      ) : null}

      {list.counselors.length === 0 ? (
        <div className="notice">
          <p className="mb-2">{t("caseload.assign.noCounselors")}</p>
          {canCreateStaff ? (
            <p>
              <Link to="/admin/staff">{t("caseload.assign.createCounselor")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {/* Keyed by the search, so the form shows the search the list is for after every navigation. */}
      <Form key={`${list.q}|${list.unassignedOnly}`} method="get" role="search" aria-label={t("caseload.assign.search")} className="mb-6 max-w-2xl">
        <div className="field">
          <label htmlFor="assign-q" className="field-label">
            {t("caseload.assign.q")}
          </label>
          <input id="assign-q" name="q" type="search" defaultValue={list.q} maxLength={50} autoComplete="off" className="field-input" />
        </div>
        <div className="field flex items-start gap-3">
          <input type="checkbox" id="assign-all" name="all" value="1" defaultChecked={!list.unassignedOnly} className="mt-1 h-6 w-6 shrink-0" />
          <label htmlFor="assign-all" className="field-label">
            {t("caseload.assign.all")}
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button button-secondary">
            {t("caseload.assign.searchSubmit")}
          </button>
          {searching || !list.unassignedOnly ? <Link to="/caseloads/assign">{t("caseload.assign.clear")}</Link> : null}
        </div>
      </Form>

      <p role="status" aria-live="polite" className="mb-4 font-bold">
        {list.unassignedOnly ? t("caseload.assign.count.unassigned", { count: list.total }) : t("caseload.assign.count.all", { count: list.total })}
      </p>

      {list.seekers.length === 0 ? (
        <div className="notice">
          {searching ? (
            <>
              <p className="mb-2">{t("caseload.assign.emptySearch", { q: list.q })}</p>
              <p>
                <Link to="/caseloads/assign">{t("caseload.assign.clear")}</Link>
              </p>
            </>
          ) : list.unassignedOnly ? (
            <>
              <p className="mb-2">{t("caseload.assign.emptyAll")}</p>
              <p>
                <Link to="/caseloads/assign?all=1">{t("caseload.assign.showAssigned")}</Link>
              </p>
            </>
          ) : (
            <p>{t("caseload.assign.emptyRegion")}</p>
          )}
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("caseload.assign.caption", { page: list.page, pageCount: list.pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("caseload.assign.col.name")}</th>
                <th scope="col">{t("caseload.assign.col.place")}</th>
                <th scope="col">{t("caseload.assign.col.graduationYear")}</th>
                <th scope="col">{t("caseload.assign.col.current")}</th>
                {list.counselors.length > 0 ? <th scope="col">{t("caseload.assign.col.action")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.seekers.map((s) => {
                const selectId = `assign-${s.id}-counselor`;
                // Only counselors whose service region holds the seeker's place can take them (the domain's rule too).
                const serving = list.counselors.filter((c) => isWithinRegion(c.regionCode, s.regionCode));
                const error = failure && failure.seekerId === s.id ? failure.error : null;
                const chosen = error ? failure!.counselorId : s.suggested?.id ?? "";
                const hintId = `${selectId}-hint`;
                const errorId = `${selectId}-error`;
                const submitKey = s.current ? "caseload.assign.reassign" : "caseload.assign.submit";
                return (
                  <tr key={s.id}>
                    <th scope="row" className="whitespace-nowrap">{s.name}</th>
                    <td>{s.regionName ?? t("caseload.assign.noPlace")}</td>
                    <td>{s.graduationYear ?? t("caseload.noYear")}</td>
                    <td>{s.current ? s.current.name : t("caseload.assign.unassigned")}</td>
                    {list.counselors.length > 0 ? (
                      <td>
                        {serving.length === 0 ? (
                          <p>{t("caseload.assign.noSuggestion")}</p>
                        ) : (
                          <Form method="post" className="flex flex-wrap items-end gap-2">
                            <input type="hidden" name="seekerId" value={s.id} />
                            <div>
                              <label htmlFor={selectId} className="sr-only">
                                {t("caseload.assign.selectLabel", { name: s.name })}
                              </label>
                              {s.suggested ? (
                                <p id={hintId} className="field-hint">
                                  {t("caseload.assign.suggested", { name: s.suggested.name })}
                                </p>
                              ) : null}
                              {error ? (
                                <p id={errorId} className="field-error">
                                  <span className="sr-only">{t("form.errorPrefix")}</span>
                                  {te(error)}
                                </p>
                              ) : null}
                              <select
                                key={error ? `failed-${chosen}` : "ok"}
                                id={selectId}
                                name="counselorId"
                                defaultValue={chosen}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={[s.suggested ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}
                                className="field-input"
                              >
                                {s.suggested ? null : <option value="">{t("caseload.assign.choose")}</option>}
                                {serving.map((c) => (
                                  <option key={c.id} value={c.id}>
                                    {t(c.id === s.suggested?.id ? "caseload.assign.optionSuggested" : "caseload.assign.option", {
                                      name: c.name,
                                      region: c.regionName,
                                      count: c.caseloadSize,
                                    })}
                                  </option>
                                ))}
                              </select>
                            </div>
                            <button
                              type="submit"
                              className="button button-small"
                              aria-label={t(s.current ? "caseload.assign.reassignLabel" : "caseload.assign.submitLabel", { name: s.name })}
                              disabled={submittingFor === s.id}
                            >
                              {t(submitKey)}
                            </button>
                          </Form>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
      <RegistryPeople list={registry} keep={Object.fromEntries([["q", list.q], ["all", list.unassignedOnly ? "" : "1"]].filter(([, v]) => v))} />
    </div>
  );
}
