import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { ErrorSummary } from "~/components/form/error-summary";
import { Field } from "~/components/form/field";
import { localeFromMatches } from "~/components/meta";
import { requirePermission } from "~/domain/permissions";
import { deleteAccountSchema } from "~/domain/seekers/seekers.schema";
import { deleteOwnAccount } from "~/domain/seekers/seekers.server";
import { clearSessionCookie } from "~/http/context.server";
import { parseSubmission, replyInvalid, replyWithErrors } from "~/http/forms.server";
import { requireActor } from "~/http/guards.server";
import { translator } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${t(data?.deleted ? "seekers.deleted.title" : "seekers.delete.title")} - ${t("site.titleSuffix")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // After deleting, the visitor is signed out and lands here for the confirmation.
  if (!context.auth && new URL(request.url).searchParams.get("done") === "deleted") return { deleted: true };
  const actor = requireActor(context, request);
  requirePermission(actor, "delete:seeker_profile", { ownerId: actor.id });
  return { deleted: false };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "delete:account", { ownerId: actor.id });
  const submission = parseSubmission(await request.formData(), { schema: deleteAccountSchema });
  if (submission.status !== "success") return replyInvalid(submission, ["password"]);
  const result = await deleteOwnAccount(await getDb(), actor, actor.id, submission.value, { ip: context.ip });
  if (!result.ok) return replyWithErrors(submission, result.fieldErrors, ["password"]);
  return redirect("/profile/delete?done=deleted", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
}

export default function DeleteAccount() {
  const { t } = useI18n();
  const { deleted } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema }),
  });
  if (deleted) {
    return (
      <div className="max-w-2xl">
        <h1 className="page-title">{t("seekers.deleted.title")}</h1>
        <p className="notice" role="status">
          {t("seekers.deleted.text")}
        </p>
        <p>
          <Link to="/">{t("seekers.deleted.home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <p className="mb-4">
        <Link to="/profile">
          <span aria-hidden="true">← </span>
          {t("seekers.back")}
        </Link>
      </p>
      <h1 className="page-title">{t("seekers.delete.title")}</h1>
      <p className="lead">{t("seekers.delete.lead")}</p>
      <h2 className="section-title">{t("seekers.delete.what")}</h2>
      <ul className="mb-6 list-disc pl-6">
        <li>{t("seekers.delete.item.personal")}</li>
        <li>{t("seekers.delete.item.employers")}</li>
        <li>
          {t("seekers.delete.item.export")}{" "}
          <Link to="/profile/export">{t("seekers.export.link")}</Link>
        </li>
      </ul>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <Field
          meta={fields.password}
          label={t("seekers.delete.password")}
          hint={t("seekers.delete.password.hint")}
          type="password"
          autoComplete="current-password"
        />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button button-danger">
            {t("seekers.delete.submit")}
          </button>
          <Link to="/profile">{t("seekers.delete.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
