import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field, Fieldset, RadioGroup, SelectField } from "~/components/form/field";
import { pageTitle } from "~/components/meta";
import { createStaffSchema } from "~/domain/accounts/accounts.schema";
import { createStaffAccount, listStaffAccounts } from "~/domain/accounts/accounts.server";
import { listDivisionsWithin } from "~/domain/divisions/divisions.server";
import { requirePermission } from "~/domain/permissions";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:staff_account", { regionCode: actor.regionCode });
  const db = await getDb();
  const [staff, divisions] = await Promise.all([listStaffAccounts(db, actor), listDivisionsWithin(db, actor.regionCode!)]);
  const url = new URL(request.url);
  const created = url.searchParams.get("created");
  return {
    staff,
    divisions,
    regionName: divisions.find((d) => d.code === actor.regionCode)?.name ?? "",
    created: created ? staff.find((s) => s.id === created) ?? null : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:staff_account", { regionCode: actor.regionCode });
  const submission = parseSubmission(await request.formData(), { schema: createStaffSchema });
  if (submission.status !== "success") return replyInvalid(submission, ["password"]);
  const result = await createStaffAccount(await getDb(), actor, submission.value);
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors, ["password"]);
  return redirect(`/admin/staff?created=${result.value.userId}`);
}

export default function Staff() {
  const { t, locale } = useI18n();
  const { staff, divisions, regionName, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-staff",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createStaffSchema }),
  });
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const regionOptions = divisions.map((d) => ({
    value: d.code,
    label: d.level === "county" ? d.name : `${d.name}${d.level === "province" ? `（${t("division.province")}）` : ""}`,
    group: d.level === "county" ? byCode.get(d.parentCode ?? "")?.name : undefined,
  }));
  return (
    <div>
      <h1 className="page-title">{t("staff.title")}</h1>
      <p className="lead">{t("staff.lead", { region: regionName })}</p>
      {created && !lastResult ? (
        <p className="notice" role="status">
          {t("staff.created", { name: created.displayName ?? "", role: t(`role.${created.role}`) })}
        </p>
      ) : null}

      <h2 className="section-title">{t("staff.create")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <RadioGroup
          meta={fields.role}
          legend={t("staff.role")}
          options={[
            { value: "counselor", label: t("role.counselor") },
            { value: "admin", label: t("role.admin") },
          ]}
        />
        <Field meta={fields.displayName} label={t("staff.name")} hint={t("staff.name.hint")} autoComplete="off" />
        <SelectField meta={fields.regionCode} label={t("staff.region")} hint={t("staff.region.hint")} options={regionOptions} placeholder="" />
        <Fieldset id="create-staff-contact" legend={t("register.contact")} hint={t("register.contact.hint")}>
          <Field meta={fields.phone} label={t("register.phone")} hint={t("register.phone.hint")} type="tel" inputMode="numeric" autoComplete="off" optional />
          <Field meta={fields.email} label={t("register.email")} type="email" autoComplete="off" optional />
        </Fieldset>
        <Field meta={fields.password} label={t("staff.initialPassword")} hint={t("staff.initialPassword.hint")} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t("staff.submit")}
        </button>
      </Form>

      <h2 className="section-title">{t("staff.list")}</h2>
      {staff.length === 0 ? (
        <p>{t("staff.list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t("staff.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.col.name")}</th>
                <th scope="col">{t("staff.col.role")}</th>
                <th scope="col">{t("staff.col.region")}</th>
                <th scope="col">{t("staff.col.contact")}</th>
                <th scope="col">{t("staff.col.created")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td>{s.displayName}</td>
                  <td>{t(`role.${s.role}`)}</td>
                  <td>{s.regionName}</td>
                  <td>{[s.phone, s.email].filter(Boolean).join(" / ")}</td>
                  <td>{formatDateTime(locale, s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
