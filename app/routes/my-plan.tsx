import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { PlanDocument } from "~/components/counseling/plan-document";
import { pageTitle } from "~/components/meta";
import { getMyPlan } from "~/domain/counseling/plans.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myPlan.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { plan: await getMyPlan(await getDb(), actor) };
}

export default function MyPlan() {
  const { t } = useI18n();
  const { plan } = useLoaderData<typeof loader>();
  const counselor = plan.counselor;
  return (
    <div>
      <div className="print-hidden">
        <h1 className="page-title">{t("myPlan.title")}</h1>
        <p className="lead max-w-3xl">{t("myPlan.lead")}</p>
        <p className="mb-6">
          <Link to="/referrals">{t("myPlan.referralsLink")}</Link>
        </p>
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
    </div>
  );
}
