import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { AnonymousProfileList } from "~/components/applications/anonymous-profile";
import { contentLang } from "~/components/content-lang";
import { EasyIcon } from "~/components/easy-read/easy-icon";
import { EasyPage, Fact, IconLink, Lines, Next } from "~/components/easy-read/easy-page";
import { ErrorSummary } from "~/components/form/error-summary";
import { CheckboxGroup, TextAreaField } from "~/components/form/field";
import { NOTE_MAX } from "~/domain/applications/applications.schema";
import { DISCLOSURES, INTERVIEW_ACCESS_REQUESTS, type DisclosureCode, type InterviewAccessCode } from "~/domain/catalog";
import { useI18n } from "~/i18n/use-i18n";
import type { loader } from "~/routes/vacancies.$id.apply";

/* The route's own form (conform's useForm on the apply page): the same field names, validation and action. */
interface ApplyFormProps {
  form: FormMetadata<any, string[]>;
  fields: { note: FieldMetadata<string | undefined>; accessRequests: FieldMetadata<string[] | undefined>; disclosure: FieldMetadata<string[] | undefined> };
}

/**
 * Applying in easy read: the job and employer, what the employer will and will not see, then three optional
 * questions (help at the interview, what to show, a note) and the big "申请这个工作" button with what happens next.
 */
export function EasyApply({ form, fields }: ApplyFormProps) {
  const { t, locale } = useI18n();
  const { vacancy, existing, profile, missing, has } = useLoaderData<typeof loader>();
  const lang = (text: string) => contentLang(locale, text);
  const sep = t("search.listSeparator");
  return (
    <EasyPage>
      <h1 className="easy-title">
        {t("easyRead.apply.title")}
        <span lang={lang(vacancy.title)}>{vacancy.title}</span>
      </h1>
      <Fact icon="building" label={t("easyRead.vacancy.employer")}>
        <span lang={lang(vacancy.organizationName)}>{vacancy.organizationName}</span>
      </Fact>

      {existing ? (
        <div className="easy-action-box">
          <p className="easy-fact">
            <EasyIcon name="check" />
            <strong>{t("easyRead.apply.already")}</strong>
          </p>
          <p>
            <IconLink to={`/applications/${existing.id}`} icon="list">
              {t("easyRead.apply.viewApplication")}
            </IconLink>
          </p>
        </div>
      ) : !vacancy.accepting ? (
        <div className="easy-action-box">
          <p className="easy-fact">
            <EasyIcon name="cross" />
            <strong>{t("easyRead.apply.notOpen")}</strong>
          </p>
          <p>
            <IconLink to={`/vacancies/${vacancy.id}`} icon="back">
              {t("easyRead.apply.back")}
            </IconLink>
          </p>
        </div>
      ) : (
        <>
          <ErrorSummary form={form} />
          <Lines lines={[t("easyRead.apply.intro1"), t("easyRead.apply.intro2"), t("easyRead.apply.intro3")]} />

          {missing.length > 0 ? (
            <section aria-labelledby="apply-missing-title" className="notice">
              <h2 id="apply-missing-title" className="easy-box-title">
                {t("easyRead.apply.missing.title")}
              </h2>
              <Lines
                lines={[
                  missing.includes("profile")
                    ? t("easyRead.apply.missing.noProfile")
                    : t("easyRead.apply.missing.items", {
                        items: missing.map((m) => t(`easyRead.apply.missing.${m as "region" | "education" | "skills"}`)).join(sep),
                      }),
                  t("easyRead.apply.missing.line1"),
                  t("easyRead.apply.missing.line2"),
                  t("easyRead.apply.missing.later"),
                ]}
              />
              <p className="mt-2">
                <IconLink to="/profile" icon="pen">
                  {t("easyRead.apply.missing.link")}
                </IconLink>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="apply-seen-title" className="easy-card">
            <h2 id="apply-seen-title" className="easy-box-title">
              {t("easyRead.apply.seen.title")}
            </h2>
            <ul className="easy-lines">
              <li className="easy-fact">
                <EasyIcon name="cross" />
                <span>{t("easyRead.apply.seen.line1")}</span>
              </li>
              <li className="easy-fact">
                <EasyIcon name="cross" />
                <span>{t("easyRead.apply.seen.line2")}</span>
              </li>
              <li className="easy-fact">
                <EasyIcon name="check" />
                <span>{t("easyRead.apply.seen.line3")}</span>
              </li>
            </ul>
            {profile ? (
              <details className="easy-more">
                <summary>{t("easyRead.apply.seen.more")}</summary>
                <AnonymousProfileList profile={profile} />
              </details>
            ) : null}
          </section>

          <Form method="post" {...getFormProps(form)} className="easy-form">
            <CheckboxGroup
              meta={fields.accessRequests}
              legend={t("easyRead.apply.access")}
              hint={t("easyRead.canSkip")}
              options={INTERVIEW_ACCESS_REQUESTS.map((r) => ({ value: r.code, label: t(`easyRead.apply.access.${r.code as InterviewAccessCode}`) }))}
            />
            <CheckboxGroup
              meta={fields.disclosure}
              legend={t("easyRead.apply.disclosure")}
              hint={t("easyRead.apply.disclosure.hint")}
              options={DISCLOSURES.map((d) => ({
                value: d.code,
                label: t(`easyRead.apply.disclosure.${d.code as DisclosureCode}`),
                note: has[d.code as DisclosureCode] ? undefined : t("easyRead.apply.disclosure.missing"),
              }))}
            />
            <TextAreaField meta={fields.note} label={t("easyRead.apply.note")} hint={t("easyRead.apply.note.hint")} maxLength={NOTE_MAX} rows={4} />
            <button type="submit" className="button easy-action">
              <EasyIcon name="pen" />
              <span>{t("easyRead.apply.submit")}</span>
            </button>
            <Next lines={[t("easyRead.apply.next1"), t("easyRead.apply.next2")]} />
          </Form>
        </>
      )}
    </EasyPage>
  );
}
