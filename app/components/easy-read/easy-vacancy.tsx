import { useLoaderData } from "@remix-run/react";
import { contentLang } from "~/components/content-lang";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { ActionLink, EasyPage, Fact, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { easyPay, MatchLines } from "~/components/easy-read/easy-vacancy-card";
import { counted, vacancyAction } from "~/components/easy-read/easy-read";
import { ACCOMMODATIONS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, explain, label, TASK_DEMANDS } from "~/domain/catalog";
import { formatDate } from "~/i18n/dates";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/vacancies.$id._index";

/**
 * The vacancy page in easy read: the job's name, then where, pay and employer, then the one main action (apply, or
 * sign in first) before anything else; then the help the employer gives, what the work asks, and the rest.
 */
export function EasyVacancy() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const { vacancy: v, viewerRole, seeker } = data;
  const match = seeker?.match ?? null;
  const applyPath = `/vacancies/${v.id}/apply`;
  const action = vacancyAction(v.accepting, viewerRole, !!seeker?.application);
  const sep = t("search.listSeparator");
  const lang = (text: string) => contentLang(locale, text);
  const paragraphs = v.description.split(/\n+/).filter((p) => p.trim());

  const mainAction =
    action === "apply" ? (
      <div className="easy-action-box">
        <ActionLink to={applyPath} icon="pen">
          {t("easyRead.vacancy.apply")}
        </ActionLink>
        <Next lines={[t("easyRead.vacancy.apply.next")]} />
      </div>
    ) : action === "applied" && seeker?.application ? (
      <div className="easy-action-box">
        <Fact icon="check" tone="ok">
          <strong>{t("easyRead.apply.already")}</strong>
        </Fact>
        <ActionLink to={`/applications/${seeker.application.id}`} icon="list">
          {t("easyRead.apply.viewApplication")}
        </ActionLink>
      </div>
    ) : action === "signIn" ? (
      <div className="easy-action-box">
        <p>{t("easyRead.vacancy.apply.visitor")}</p>
        <ActionLink to={`/login?redirectTo=${encodeURIComponent(applyPath)}`} icon="person">
          {t("easyRead.vacancy.apply.signIn")}
        </ActionLink>
        <p className="mt-4">{t("easyRead.vacancy.apply.noAccount")}</p>
        <p>
          <IconLink to={`/register?redirectTo=${encodeURIComponent(applyPath)}`} icon="pen">
            {t("easyRead.vacancy.apply.register")}
          </IconLink>
        </p>
      </div>
    ) : action === "closed" ? (
      <div className="easy-action-box">
        <Fact icon="cross">
          <strong>{t("easyRead.vacancy.closed")}</strong>
        </Fact>
        <p>
          <IconLink to="/vacancies" icon="search">
            {t("easyRead.vacancy.closed.other")}
          </IconLink>
        </p>
      </div>
    ) : (
      <p className="easy-action-box">{t("easyRead.vacancy.apply.otherRole")}</p>
    );

  return (
    <EasyPage>
      <p className="mb-4">
        <IconLink to="/vacancies" icon="back">
          {t("easyRead.vacancy.back")}
        </IconLink>
      </p>
      {v.isMember && v.status === "draft" ? <p className="notice">{t("easyRead.vacancy.draft")}</p> : null}
      {v.isMember && v.status !== "draft" && !v.isPublic ? <p className="notice">{t("easyRead.vacancy.hidden")}</p> : null}
      <h1 className="easy-title" lang={lang(v.title)}>
        {v.title}
      </h1>
      <Fact icon="building" label={t("easyRead.vacancy.employer")}>
        <span lang={lang(v.organization.name)}>{v.organization.name}</span>
      </Fact>
      <Fact icon="place" label={t("easyRead.vacancy.place")}>
        {/* The address usually begins with the place already: said once. */}
        <span lang={lang(`${v.place}${v.address}`)}>{v.address && v.address.includes(v.place) ? v.address : [v.place, v.address].filter(Boolean).join(" ")}</span>
      </Fact>
      {v.remote ? <Fact icon="home">{t("easyRead.vacancy.remote")}</Fact> : null}
      <Fact icon="money" label={t("easyRead.vacancy.pay")}>
        {easyPay(t, locale, v.payMin, v.payMax)}
      </Fact>
      {v.hours ? (
        <Fact icon="clock" label={t("easyRead.vacancy.hours")}>
          <span lang={lang(v.hours)}>{v.hours}</span>
        </Fact>
      ) : null}
      {match ? (
        <MatchLines match={match} details />
      ) : seeker && !seeker.hasProfile && v.accepting ? (
        <div className="notice">
          <p>{t("easyRead.vacancy.noProfile")}</p>
          <p>
            <IconLink to="/profile" icon="pen">
              {t("easyRead.apply.missing.link")}
            </IconLink>
          </p>
        </div>
      ) : null}

      {v.isMember ? (
        <nav aria-label={t("easyRead.vacancy.manage")} className="easy-action-box">
          <ul className="easy-lines">
            <li>
              <IconLink to={`/employer/vacancies/${v.id}/edit`} icon="pen">
                {t("easyRead.vacancy.manage.edit")}
              </IconLink>
            </li>
            <li>
              <IconLink to={`/employer/vacancies/${v.id}/applicants`} icon="person">
                {t("easyRead.vacancy.manage.applicants")}
              </IconLink>
            </li>
          </ul>
        </nav>
      ) : (
        mainAction
      )}

      <section aria-labelledby="help-title">
        <h2 id="help-title" className="easy-section-title">
          {t("easyRead.vacancy.helpTitle")}
        </h2>
        {v.accommodations.length === 0 ? (
          <p>{t("easyRead.vacancy.helpNone")}</p>
        ) : (
          <ul className="easy-help-detail">
            {v.accommodations.map((code) => (
              <li key={code}>
                <EasyIcon name={ACCOMMODATIONS.find((a) => a.code === code)?.icon ?? "check"} className="easy-icon-large" />
                <div>
                  <p className="font-bold">{label(ACCOMMODATIONS, code, locale)}</p>
                  <p>{explain(ACCOMMODATIONS, code, locale)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
        {action === "apply" || action === "signIn" ? <p className="mt-4">{t("easyRead.vacancy.helpAsk")}</p> : null}
      </section>

      <section aria-labelledby="demands-title">
        <h2 id="demands-title" className="easy-section-title">
          {t("easyRead.vacancy.demandsTitle")}
        </h2>
        {v.demands.length === 0 ? (
          <p>{t("easyRead.vacancy.demandsNone")}</p>
        ) : (
          <>
            <p>{t("easyRead.vacancy.demandsIntro")}</p>
            <ul className="easy-bullets">
              {v.demands.map((code) => (
                <li key={code}>{label(TASK_DEMANDS, code, locale)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="needs-title">
        <h2 id="needs-title" className="easy-section-title">
          {t("easyRead.vacancy.needsTitle")}
        </h2>
        <Lines
          lines={[
            v.educationRequired === "none"
              ? t("easyRead.vacancy.educationAny")
              : t("easyRead.vacancy.education", { level: label(EDUCATION_LEVELS, v.educationRequired, locale) }),
          ]}
        />
        {v.skills.length ? <p lang={lang(v.skills.join(""))}>{t("easyRead.vacancy.skills", { list: v.skills.join(sep) })}</p> : null}
        {v.requiredCertificates.length ? (
          <p lang={lang(v.requiredCertificates.join(""))}>{t("easyRead.vacancy.certificates", { list: v.requiredCertificates.join(sep) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="more-title">
        <h2 id="more-title" className="easy-section-title">
          {t("easyRead.vacancy.moreTitle")}
        </h2>
        <Lines
          lines={[
            t("easyRead.vacancy.type", { type: label(EMPLOYMENT_TYPES, v.employmentType, locale) }),
            counted(t, "easyRead.vacancy.openings", v.openings),
            v.closingDate ? t("easyRead.vacancy.closing", { date: formatDate(locale, v.closingDate) }) : t("easyRead.vacancy.noClosing"),
          ]}
        />
        {v.quotaEligible ? (
          <ul className="easy-lines mt-4">
            {(["easyRead.vacancy.quota1", "easyRead.vacancy.quota2", "easyRead.vacancy.quota3"] as const).map((key) => (
              <li key={key} className="easy-fact">
                <EasyIcon name="check" />
                <span>{t(key)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {paragraphs.length ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="easy-section-title">
            {t("easyRead.vacancy.descriptionTitle")}
          </h2>
          <div lang={lang(v.description)}>
            {paragraphs.map((p, i) => (
              <p key={i} className="mb-3">
                {p}
              </p>
            ))}
          </div>
        </section>
      ) : null}

      {/* The main action again at the end of a long page, for a seeker who read it all. */}
      {action === "apply" && !v.isMember ? (
        <p className="mt-8">
          <ActionLink to={applyPath} icon="pen">
            {t("easyRead.vacancy.apply")}
          </ActionLink>
        </p>
      ) : null}
    </EasyPage>
  );
}
