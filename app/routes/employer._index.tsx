import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { INDUSTRIES, label, ORGANIZATION_TYPES } from "~/domain/catalog";
import { employerOverview, type OrganizationDetails } from "~/domain/organizations/organizations.server";
import { requirePermission } from "~/domain/permissions";
import { requireActor } from "~/http/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organizations.employer.title");

const NOTICES = {
  registered: "organizations.done.registered",
  resubmitted: "organizations.done.resubmitted",
  joined: "organizations.done.joined",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "create:organization", { ownerId: actor.id });
  const overview = await employerOverview(await getDb(), actor);
  const done = new URL(request.url).searchParams.get("done");
  return { overview, notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null };
}

/** The organization's details as a description list. */
function OrganizationFacts({ organization }: { organization: OrganizationDetails }) {
  const { t, locale } = useI18n();
  const none = t("organizations.detail.none");
  const rows: [string, string][] = [
    [t("organizations.field.name"), organization.name],
    [t("organizations.field.uscc"), organization.uscc],
    [t("organizations.field.type"), label(ORGANIZATION_TYPES, organization.type, locale)],
    [
      t("organizations.detail.region"),
      t("organizations.detail.regionValue", { prefecture: organization.prefectureName ?? "", county: organization.regionName ?? "" }),
    ],
    [t("organizations.field.address"), organization.address ?? none],
    [t("organizations.field.industry"), label(INDUSTRIES, organization.industry, locale)],
    [t("organizations.field.staffCount"), String(organization.staffCount)],
    [t("organizations.field.contactName"), organization.contactName],
    [t("organizations.detail.contactPhone"), organization.contactPhone ?? none],
    [t("organizations.field.contactEmail"), organization.contactEmail ?? none],
    [t("organizations.detail.submittedAt"), formatDateTime(locale, organization.createdAt)],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-2 break-all sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function EmployerHome() {
  const { t } = useI18n();
  const { overview, notice } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("organizations.employer.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      {overview.organization === null ? (
        <div className="card grid gap-3">
          <p>{t("organizations.employer.none")}</p>
          <p>
            <Link to="/employer/register" className="button">
              {t("organizations.employer.registerLink")}
            </Link>
          </p>
          <p>{t("organizations.employer.inviteHint")}</p>
        </div>
      ) : (
        <Organization overview={overview} />
      )}
    </div>
  );
}

function Organization({ overview }: { overview: Extract<Awaited<ReturnType<typeof employerOverview>>, { role: string }> }) {
  const { t } = useI18n();
  const { organization, role, memberCount } = overview;
  const status = organization.status;
  const owner = role === "owner";
  const next =
    status === "rejected" && !owner ? "organizations.employer.next.rejectedRecruiter" : (`organizations.employer.next.${status}` as const);
  return (
    <>
      <p className="text-lg">
        <span className="font-bold">{organization.name}</span>
      </p>
      <p className="mb-4">{t("organizations.employer.yourRole", { role: t(`organizations.role.${role}`) })}</p>
      <section aria-labelledby="org-status" className="card grid gap-3">
        <h2 id="org-status" className="mb-3 text-xl font-bold">
          {t("organizations.employer.statusLine", { status: t(`organizations.status.${status}`) })}
        </h2>
        {status === "rejected" && organization.rejectionReason ? (
          <p>{t("organizations.employer.reasonLine", { reason: organization.rejectionReason })}</p>
        ) : null}
        <p>{t("organizations.employer.nextLine", { text: t(next) })}</p>
        <ul className="flex flex-wrap gap-3">
          {owner && status !== "verified" ? (
            <li>
              <Link to="/employer/register" className={status === "rejected" ? "button" : "button button-secondary"}>
                {t(status === "rejected" ? "organizations.employer.fix" : "organizations.employer.edit")}
              </Link>
            </li>
          ) : null}
          {status === "verified" ? (
            <li>
              <Link to="/employer/vacancies" className="button">
                {t("organizations.employer.vacancies")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/employer/members" className="button button-secondary">
              {t("organizations.employer.members", { count: memberCount })}
            </Link>
          </li>
        </ul>
      </section>
      <h2 className="section-title">{t("organizations.employer.details")}</h2>
      <OrganizationFacts organization={organization} />
    </>
  );
}
