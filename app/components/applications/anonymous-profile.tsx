import type { AnonymousProfile, NeedMet } from "~/domain/applications/applications.server";
import { ACCOMMODATIONS, EDUCATION_LEVELS, label } from "~/domain/catalog";
import { useI18n } from "~/i18n/use-i18n";

/**
 * The anonymous profile (design §5 rule 4): needs, skills, education, region, graduation year — what every
 * employer an applicant applies to sees. With `requiredMet`, each need says whether the vacancy offers it.
 */
export function AnonymousProfileList({
  profile,
}: {
  profile: AnonymousProfile & { requiredMet?: NeedMet[]; preferredMet?: NeedMet[] };
}) {
  const { t, locale } = useI18n();
  const notGiven = <span className="text-muted">{t("applications.profile.notGiven")}</span>;
  const needs = (list: readonly string[], met: NeedMet[] | undefined) => {
    if (list.length === 0) return <span>{t("applications.profile.none")}</span>;
    const offered = new Map((met ?? []).map((m) => [m.code, m.offered]));
    return (
      <ul className="list-disc pl-5">
        {list.map((code) => (
          <li key={code}>
            {label(ACCOMMODATIONS, code, locale)}
            {offered.has(code) ? (
              <span className={offered.get(code) ? "text-ok" : "text-danger"}>
                {"（"}
                {t(offered.get(code) ? "applications.profile.offered" : "applications.profile.notOffered")}
                {"）"}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      <dt className="font-bold">{t("applications.profile.needsRequired")}</dt>
      <dd>{needs(profile.needsRequired, profile.requiredMet)}</dd>
      <dt className="font-bold">{t("applications.profile.needsPreferred")}</dt>
      <dd>{needs(profile.needsPreferred, profile.preferredMet)}</dd>
      <dt className="font-bold">{t("applications.profile.skills")}</dt>
      <dd>{profile.skills.length ? profile.skills.join(t("applications.apply.missing.separator")) : notGiven}</dd>
      <dt className="font-bold">{t("applications.profile.education")}</dt>
      <dd>{profile.education ? label(EDUCATION_LEVELS, profile.education, locale) : notGiven}</dd>
      <dt className="font-bold">{t("applications.profile.region")}</dt>
      <dd>{profile.regionName ?? notGiven}</dd>
      <dt className="font-bold">{t("applications.profile.graduationYear")}</dt>
      <dd>{profile.graduationYear ?? notGiven}</dd>
    </dl>
  );
}
