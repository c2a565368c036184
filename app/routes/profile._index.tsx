import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { MaskedValue } from "~/components/seekers/profile-ui";
import { ACCOMMODATIONS, DISABILITY_CATEGORIES, DISABILITY_GRADES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { isProfileStep, PROFILE_STEPS, type ProfileStep } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, type ProfileView } from "~/domain/seekers/seekers.server";
import type { TrainingKind } from "~/domain/realname/verification.schema";
import { listOwnCertificates } from "~/domain/training-profile/training-profile.server";
import { formatCalendarDate } from "~/domain/vacancies/format";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "seekers.title");
// The page may hold a revealed ID or certificate number: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const params = new URL(request.url).searchParams;
  const revealParam = params.get("reveal");
  const reveal = revealParam === "id" || revealParam === "certificate" ? revealParam : null;
  const db = await getDb();
  const [profile, certificates] = await Promise.all([getOwnProfile(db, actor, { reveal }), listOwnCertificates(db, actor)]);
  const saved = params.get("saved");
  const visibility = params.get("visibility");
  return {
    profile,
    certificates,
    notice: {
      saved: isProfileStep(saved) ? saved : null,
      certificateCleared: params.get("certificate") === "cleared",
      withdrawn: params.get("withdrawn") === "disability",
      visibility: visibility === "on" || visibility === "off" ? visibility : null,
      certificatesSaved: params.get("saved") === "certificates",
    },
  };
}

type Profile = ProfileView;

function Notices({ notice, nextStep }: { notice: ReturnType<typeof useLoaderData<typeof loader>>["notice"]; nextStep: ProfileStep | null }) {
  const { t } = useI18n();
  const lines: ReactNode[] = [];
  if (notice.saved) {
    lines.push(
      <p key="saved">
        {t("seekers.saved", { step: t(`seekers.step.${notice.saved}`) })}{" "}
        {nextStep ? (
          <>
            {t("seekers.saved.next")}
            <Link to={`/profile/${nextStep}`}>{t(`seekers.step.${nextStep}`)}</Link>
          </>
        ) : (
          t("seekers.saved.allDone")
        )}
      </p>,
    );
  }
  if (notice.certificateCleared) lines.push(<p key="cleared">{t("seekers.certificateCleared")}</p>);
  if (notice.withdrawn) lines.push(<p key="withdrawn">{t("seekers.disability.withdrawn")}</p>);
  if (notice.certificatesSaved) lines.push(<p key="certificates">{t("trainingProfile.certs.saved")}</p>);
  if (notice.visibility) lines.push(<p key="visibility">{t(notice.visibility === "on" ? "seekers.visibility.turnedOn" : "seekers.visibility.turnedOff")}</p>);
  if (!lines.length) return null;
  return (
    <div className="notice" role="status">
      {lines}
    </div>
  );
}

function Summary({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-1 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sensitive({
  value,
  revealed,
  reveal,
  srName,
}: {
  value: { masked: string; start: string; end: string } | null;
  revealed: string | null;
  reveal: "id" | "certificate";
  srName: string;
}) {
  const { t } = useI18n();
  if (!value) return <span className="text-muted">{t("seekers.notGiven")}</span>;
  const anchor = reveal === "id" ? "#step-personal" : "#step-disability";
  return revealed ? (
    <>
      <span className="font-mono">{revealed}</span>{" "}
      <Link to={`/profile${anchor}`}>
        {t("seekers.hide")}
        <span className="sr-only"> {srName}</span>
      </Link>
    </>
  ) : (
    <>
      <MaskedValue value={value} />{" "}
      <Link to={`/profile?reveal=${reveal}${anchor}`}>
        {t("seekers.reveal")}
        <span className="sr-only"> {srName}</span>
      </Link>
    </>
  );
}

function useStepSummary(profile: Profile): Record<ProfileStep, [string, ReactNode][]> {
  const { t, locale } = useI18n();
  const notGiven = <span className="text-muted">{t("seekers.notGiven")}</span>;
  const text = (v: string | number | null | undefined) => (v == null || v === "" ? notGiven : String(v));
  const list = (items: readonly string[], labelOf: (code: string) => string = (s) => s) =>
    items.length ? items.map(labelOf).join(t("seekers.separator")) : t("seekers.none");
  const yesNo = (v: boolean) => t(v ? "seekers.yes" : "seekers.no");
  const { personal, disability, region, education, skills, needs, limits, preferences, family } = profile;
  return {
    personal: [
      [t("seekers.field.realName"), text(personal.realName)],
      [t("seekers.field.gender"), personal.gender ? t(`seekers.gender.${personal.gender}`) : notGiven],
      [t("seekers.field.birthDate"), text(personal.birthDate)],
      [t("seekers.field.idNumber"), <Sensitive key="id" value={personal.idNumber} revealed={personal.idNumberRevealed} reveal="id" srName={t("seekers.reveal.id")} />],
    ],
    disability: [
      [t("seekers.field.category"), disability.category ? label(DISABILITY_CATEGORIES, disability.category, locale) : notGiven],
      [t("seekers.field.grade"), disability.grade ? label(DISABILITY_GRADES, String(disability.grade), locale) : notGiven],
      [
        t("seekers.field.certificateNumber"),
        <Sensitive
          key="certificate"
          value={disability.certificateNumber}
          revealed={disability.certificateNumberRevealed}
          reveal="certificate"
          srName={t("seekers.reveal.certificate")}
        />,
      ],
    ],
    region: [
      [t("seekers.field.household"), text(region.household?.name)],
      [t("seekers.field.current"), text(region.current?.name)],
      [t("seekers.field.residence"), region.residence ? t(`seekers.residence.${region.residence}`) : notGiven],
    ],
    education: [
      [
        t("seekers.field.education"),
        education.education === "none" ? t("seekers.education.none") : education.education ? label(EDUCATION_LEVELS, education.education, locale) : notGiven,
      ],
      [t("seekers.field.school"), text(education.graduateSchool)],
      [t("seekers.field.major"), text(education.graduateMajor)],
      [t("seekers.field.graduationYear"), text(education.graduationYear)],
    ],
    skills: [
      [t("seekers.field.skills"), list(skills.skills)],
      [t("seekers.field.certificates"), list(skills.certificates)],
      [t("trainingProfile.field.trainingNeeds"), list(skills.trainingNeeds, (k) => t(`trainingProfile.kindShort.${k as TrainingKind}`))],
    ],
    needs: [
      [t("seekers.field.needsRequired"), list(needs.required, (c) => label(ACCOMMODATIONS, c, locale))],
      [t("seekers.field.needsPreferred"), list(needs.preferred, (c) => label(ACCOMMODATIONS, c, locale))],
    ],
    limits: [[t("seekers.field.limits"), list(limits, (c) => label(TASK_DEMANDS, c, locale))]],
    preferences: [
      [t("seekers.field.employmentStatus"), t(`seekers.status.${preferences.employmentStatus}`)],
      [t("seekers.field.workTypes"), list(preferences.workTypes, (c) => label(EMPLOYMENT_TYPES, c, locale))],
      [t("seekers.field.remote"), yesNo(preferences.wantsRemote)],
      [t("seekers.field.placeScope"), t(`seekers.scope.${preferences.placeScope}`)],
      [t("seekers.field.regions"), list(preferences.preferredRegions.map((r) => r.name))],
      [t("seekers.field.pay"), preferences.expectedPay == null ? notGiven : t("seekers.prefs.payValue", { pay: preferences.expectedPay })],
    ],
    family: [
      [t("seekers.field.zeroEmployment"), yesNo(family.zeroEmploymentFamily)],
      [t("seekers.field.lowIncome"), yesNo(family.lowIncomeFamily)],
      [t("trainingProfile.field.poorHousehold"), yesNo(family.poorHousehold)],
    ],
  };
}

/** The training certificates the seeker holds, whether each is shown, and the way to choose (issue 14). */
function TrainingCertificates({ certificates }: { certificates: ReturnType<typeof useLoaderData<typeof loader>>["certificates"] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="certificates-title" id="certificates">
      <h2 id="certificates-title" className="section-title">
        {t("trainingProfile.certs.title")}
      </h2>
      {certificates.length ? (
        <>
          <p className="mb-3">{t("trainingProfile.certs.lead")}</p>
          <ul className="mb-3 grid gap-3">
            {certificates.map((c) => (
              <li key={c.id} className="card">
                <p className="font-bold">{c.name}</p>
                <p>
                  {t(`trainingProfile.certs.kind.${c.kind}`)}
                  {c.level ? `${t("seekers.separator")}${t("trainingProfile.certs.level", { level: c.level })}` : ""}
                </p>
                <p>{t("trainingProfile.certs.issued", { issuer: c.issuer, date: formatCalendarDate(locale, c.issuedOn) })}</p>
                <p className={c.shown ? "font-bold text-ok" : "text-muted"}>{t(c.shown ? "trainingProfile.certs.shown" : "trainingProfile.certs.hidden")}</p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/profile/certificates">{t("trainingProfile.certs.manage")}</Link>
          </p>
        </>
      ) : (
        <p>{t("trainingProfile.certs.none")}</p>
      )}
    </section>
  );
}

export default function ProfileOverview() {
  const { t } = useI18n();
  const { profile, certificates, notice } = useLoaderData<typeof loader>();
  const done = new Set<string>(profile.completedSteps);
  const nextStep = PROFILE_STEPS.find((s) => !done.has(s)) ?? null;
  const summaries = useStepSummary(profile as Profile);
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("seekers.title")}</h1>
      <Notices notice={notice} nextStep={nextStep} />
      <p className="lead">{t("seekers.lead")}</p>
      <p className="mb-4 font-bold">{t("seekers.progress", { done: done.size, total: PROFILE_STEPS.length })}</p>

      <h2 className="section-title">{t("seekers.stepsHeading")}</h2>
      <ol className="grid gap-4">
        {PROFILE_STEPS.map((step, i) => {
          const isDone = done.has(step);
          const titleId = `step-${step}-title`;
          return (
            <li key={step} id={`step-${step}`} className="card">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h3 id={titleId} className="text-lg font-bold">
                  <span className="text-muted">{i + 1}. </span>
                  {t(`seekers.step.${step}`)}
                </h3>
                <p className={isDone ? "font-bold text-ok" : "font-bold text-muted"}>
                  {t(isDone ? "seekers.status.done" : "seekers.status.todo")}
                </p>
              </div>
              {isDone ? <Summary rows={summaries[step]} /> : null}
              <p className="mt-3">
                <Link to={`/profile/${step}`} className={isDone ? "button button-secondary button-small" : "button button-small"}>
                  {t(isDone ? "seekers.action.edit" : "seekers.action.start")}
                  <span className="sr-only"> {t(`seekers.step.${step}`)}</span>
                </Link>
              </p>
            </li>
          );
        })}
      </ol>

      <TrainingCertificates certificates={certificates} />

      <h2 className="section-title">{t("seekers.visibility.title")}</h2>
      <p className="mb-2">{t(profile.discoverable ? "seekers.visibility.isOn" : "seekers.visibility.isOff")}</p>
      <p>
        <Link to="/profile/visibility">
          {t("seekers.visibility.manage")}
          <span className="sr-only"> {t("seekers.visibility.title")}</span>
        </Link>
      </p>

      <h2 className="section-title">{t("seekers.data.title")}</h2>
      <p className="mb-3">{t("seekers.data.text")}</p>
      <ul className="grid gap-3">
        <li>
          <a href="/profile/export" download>
            {t("seekers.export.link")}
          </a>
          <p className="text-muted">{t("seekers.export.hint")}</p>
        </li>
        <li>
          <Link to="/profile/delete">{t("seekers.delete.link")}</Link>
        </li>
      </ul>
    </div>
  );
}
