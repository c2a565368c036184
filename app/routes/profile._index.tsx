import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../../db/database";
import { contentLang } from "~/components/content-lang";
import { pageTitle } from "~/components/meta";
import { MaskedValue } from "~/components/seekers/profile-ui";
import { ACCOMMODATIONS, DISABILITY_CATEGORIES, DISABILITY_GRADES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, label, TASK_DEMANDS } from "~/domain/catalog";
import { requirePermission } from "~/domain/permissions";
import { completenessCounts, profileCompleteness, type SectionCompleteness } from "~/domain/seekers/completeness";
import { isProfileStep, type ProfileStep } from "~/domain/seekers/seekers.schema";
import { getOwnProfile, type ProfileView } from "~/domain/seekers/seekers.server";
import type { TrainingKind } from "~/domain/realname/verification.schema";
import { listOwnCertificates } from "~/domain/training-profile/training-profile.server";
import { requireActor } from "~/http/guards.server";
import { formatDate } from "~/i18n/dates";
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
  // Optional parts left empty do not make a section incomplete, and say so.
  const optional = <span className="text-muted">{t("seekers.notGivenOptional")}</span>;
  // What the person typed (names, places, schools, skills) is marked zh-CN on an English page when it is Chinese.
  const typed = (v: string) => <span lang={contentLang(locale, v)}>{v}</span>;
  const text = (v: string | number | null | undefined, empty = notGiven) => (v == null || v === "" ? empty : typeof v === "string" ? typed(v) : String(v));
  const fromId = (value: ReactNode) => (
    <>
      {value} <span className="text-muted">{t("seekers.personal.derived.short")}</span>
    </>
  );
  const list = (items: readonly string[], labelOf?: (code: string) => string) =>
    !items.length ? t("seekers.none") : labelOf ? items.map(labelOf).join(t("seekers.separator")) : typed(items.join(t("seekers.separator")));
  const yesNo = (v: boolean) => t(v ? "seekers.yes" : "seekers.no");
  const { personal, disability, region, education, skills, needs, limits, preferences, family } = profile;
  return {
    personal: [
      [t("seekers.field.realName"), text(personal.realName)],
      [t("seekers.field.gender"), personal.gender ? fromId(t(`seekers.gender.${personal.gender}`)) : notGiven],
      [t("seekers.field.birthDate"), personal.birthDate ? fromId(formatDate(locale, personal.birthDate)) : notGiven],
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
      [t("seekers.field.school"), text(education.graduateSchool, optional)],
      [t("seekers.field.major"), text(education.graduateMajor, optional)],
      [t("seekers.field.graduationYear"), text(education.graduationYear, optional)],
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
      [t("seekers.field.pay"), preferences.expectedPay == null ? optional : t("seekers.prefs.payValue", { pay: preferences.expectedPay })],
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
                <p>{t("trainingProfile.certs.issued", { issuer: c.issuer, date: formatDate(locale, c.issuedOn) })}</p>
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

const STATUS_STYLE: Record<SectionCompleteness["status"], string> = {
  complete: "font-bold text-ok",
  partial: "font-bold",
  notStarted: "font-bold text-muted",
};
const STATUS_TEXT = { complete: "seekers.status.done", partial: "seekers.status.partial", notStarted: "seekers.status.notStarted" } as const;
const ACTION_TEXT = { complete: "seekers.action.edit", partial: "seekers.action.continue", notStarted: "seekers.action.start" } as const;

/** One section of the profile: its status read from what it holds, what is still missing, what it holds, and the way in. */
function SectionCard({ section, index, rows }: { section: SectionCompleteness; index: number; rows: [string, ReactNode][] }) {
  const { t } = useI18n();
  const { step, status, missing } = section;
  return (
    <li id={`step-${step}`} className="card">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-lg font-bold">
          <span className="text-muted">{index + 1}. </span>
          {t(`seekers.step.${step}`)}
        </h3>
        <p className={STATUS_STYLE[status]}>
          {status === "complete" ? <span aria-hidden="true">✓ </span> : null}
          {t(STATUS_TEXT[status])}
        </p>
      </div>
      {missing.length ? (
        <p className="mb-2">{t("seekers.missing", { parts: missing.map((p) => t(`seekers.field.${p}`)).join(t("seekers.separator")) })}</p>
      ) : null}
      {status !== "notStarted" ? <Summary rows={rows} /> : null}
      <p className="mt-3">
        <Link to={`/profile/${step}`} className={status === "complete" ? "button button-secondary button-small" : "button button-small"}>
          {t(ACTION_TEXT[status])}
          <span className="sr-only"> {t(`seekers.step.${step}`)}</span>
        </Link>
      </p>
    </li>
  );
}

export default function ProfileOverview() {
  const { t } = useI18n();
  const { profile, certificates, notice } = useLoaderData<typeof loader>();
  const sections = profileCompleteness(profile);
  const counts = completenessCounts(sections);
  const nextStep = sections.find((s) => s.status !== "complete")?.step ?? null;
  const summaries = useStepSummary(profile as Profile);
  return (
    <div className="max-w-3xl">
      <h1 className="page-title">{t("seekers.title")}</h1>
      <Notices notice={notice} nextStep={nextStep} />
      <p className="lead">{t("seekers.lead")}</p>
      <p className="mb-4 font-bold">
        {t("seekers.progress", { done: counts.complete, total: counts.total })}
        {counts.partial ? ` ${t("seekers.progress.partial", { count: counts.partial })}` : null}
      </p>

      <h2 className="section-title">{t("seekers.stepsHeading")}</h2>
      <ol className="grid gap-4">
        {sections.map((section, i) => (
          <SectionCard key={section.step} section={section} index={i} rows={summaries[section.step]} />
        ))}
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
      <p className="mb-2">{t("seekers.data.text")}</p>
      <p className="mb-1">
        <Link to="/profile/export">{t("seekers.export.link")}</Link>
      </p>
      <p className="text-muted">{t("seekers.export.hint")}</p>

      <section aria-labelledby="delete-account-title" className="mt-10 border-t-4 border-danger pt-2">
        <h2 id="delete-account-title" className="section-title">
          {t("seekers.delete.title")}
        </h2>
        <p className="mb-4">{t("seekers.deleteSection.text")}</p>
        <p>
          <Link to="/profile/delete" className="button button-danger">
            {t("seekers.delete.link")}
          </Link>
        </p>
      </section>
    </div>
  );
}
