import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { divisionName } from "~/domain/divisions/divisions.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

const NOTICES = { created: "dashboard.createdNotice", "signed-in": "dashboard.signedInNotice" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const user = context.auth!.user;
  const done = new URL(request.url).searchParams.get("done");
  return {
    role: actor.role,
    name: user.displayName ?? user.phone ?? user.email ?? "",
    regionName: await divisionName(await getDb(), actor.regionCode),
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

export default function Dashboard() {
  const { t } = useI18n();
  const { role, name, regionName, notice } = useLoaderData<typeof loader>();
  const region = regionName ?? "";
  return (
    <div>
      <h1 className="page-title">{t("dashboard.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <p className="text-lg">{t("dashboard.welcome", { name })}</p>
      <p className="mb-4">{t("dashboard.role", { role: t(`role.${role}`) })}</p>
      <div className="card">
        <p>{t(`dashboard.${role}.next`, { region })}</p>
        {role === "admin" ? (
          <p className="mt-3">
            <Link to="/admin/staff">{t("nav.staff")}</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
