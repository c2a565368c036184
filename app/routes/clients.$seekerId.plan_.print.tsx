import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { PlanDocument } from "~/components/counseling/plan-document";
import { pageTitle } from "~/components/meta";
import { getClientPlan } from "~/domain/counseling/plans.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myPlan.print.title");

// The counselor's printable copy of a seeker's plan (the read is audited by getClientPlan; 404 unless assigned).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return { plan: await getClientPlan(await getDb(), actor, params.seekerId ?? "", { ip: context.ip }) };
}

export default function PrintPlan() {
  const { t } = useI18n();
  const { plan } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="print-hidden mb-4">
        <Link to={`/clients/${plan.seekerId}`}>{plan.seekerName ? t("myPlan.print.back", { name: plan.seekerName }) : t("myPlan.print.backUnnamed")}</Link>
      </p>
      {plan.exists ? (
        <PlanDocument plan={plan} headingLevel={1} />
      ) : (
        <>
          <h1 className="page-title">{t("myPlan.print.title")}</h1>
          <p className="notice max-w-3xl">{t("myPlan.print.empty")}</p>
        </>
      )}
    </div>
  );
}
