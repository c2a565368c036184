/**
 * The account export in words (issue 15): the same content as the JSON download, by section, with labels in the
 * reader's language, dates in the one format (i18n/dates.ts) and codes as words. The readable page
 * (/profile/export) and the XLSX workbook are both made from it, so they hold the same things.
 */
import ExcelJS from "exceljs";
import type { DB } from "../../../db/database";
import { contentLang } from "../../components/content-lang";
import { formatDate, formatDateTime } from "../../i18n/dates";
import { isMessageKey, translator, type Locale, type MessageKey, type Translate } from "../../i18n/i18n";
import { ACCOMMODATIONS, DISABILITY_CATEGORIES, DISABILITY_GRADES, DISCLOSURES, EDUCATION_LEVELS, EMPLOYMENT_TYPES, INTERVIEW_ACCESS_REQUESTS, label, TASK_DEMANDS, type Term } from "../catalog";
import { maskIdentifier } from "../identity";
import type { Actor } from "../permissions";
import { safeCell } from "../spreadsheet";
import { exportAccountData, type AccountExport } from "./seekers.server";

export interface ExportText {
  text: string;
  /** "zh-CN" for Chinese text people typed, shown on an English page (WCAG 3.1.2). */
  lang?: "zh-CN" | "en";
}
export interface ExportField {
  label: string;
  value: ExportText;
}
export interface ExportRecord {
  heading?: ExportText;
  fields: ExportField[];
}
export interface ExportTable {
  id: string;
  /** A sub-heading within the section, when the section has several tables. */
  title?: string;
  /** "record": one thing described field by field (the account); "list": several things alike (applications). */
  layout: "record" | "list";
  records: ExportRecord[];
}
export interface ExportSection {
  id: string;
  title: string;
  intro?: string;
  tables: ExportTable[];
}
export interface ExportView {
  exportedAt: string;
  sections: ExportSection[];
}

type Row = Record<string, unknown>;

/** Builds the view; `mask` shows ID and certificate numbers as 5201**********1234 (the page), else in full. */
export function buildExportView(data: AccountExport, regionNames: ReadonlyMap<string, string>, locale: Locale, options: { mask: boolean }): ExportView {
  const t: Translate = translator(locale);
  // Nothing held: "无" reads right for a date not reached as well as for a field left empty.
  const none: ExportText = { text: t("accountUx.none") };
  const typed = (v: unknown): ExportText => {
    if (v == null || v === "") return none;
    const text = String(v);
    return { text, lang: contentLang(locale, text) };
  };
  const plain = (text: string): ExportText => ({ text });
  const date = (v: unknown): ExportText => (v ? plain(formatDate(locale, v as string | Date)) : none);
  const dateTime = (v: unknown): ExportText => (v ? plain(formatDateTime(locale, v as string | Date)) : none);
  const yesNo = (v: unknown): ExportText => plain(t(v ? "seekers.yes" : "seekers.no"));
  const num = (v: unknown): ExportText => (v == null || v === "" ? none : plain(String(v)));
  /** A code in words: the first of the keys `<prefix>.<code>` that exists, else the code itself. */
  const code = (prefixes: readonly string[], v: unknown): ExportText => {
    if (v == null || v === "") return none;
    for (const p of prefixes) {
      const key = `${p}.${String(v)}`;
      if (isMessageKey(key)) return plain(t(key));
    }
    return plain(String(v));
  };
  const codes = (prefixes: readonly string[], list: unknown): ExportText => {
    const items = Array.isArray(list) ? list : [];
    return items.length ? plain(items.map((c) => code(prefixes, c).text).join(t("seekers.separator"))) : plain(t("seekers.none"));
  };
  const terms = (vocabulary: readonly Term[], list: unknown): ExportText => {
    const items = Array.isArray(list) ? (list as string[]) : [];
    return items.length ? plain(items.map((c) => label(vocabulary, c, locale)).join(t("seekers.separator"))) : plain(t("seekers.none"));
  };
  const term = (vocabulary: readonly Term[], v: unknown): ExportText => (v == null || v === "" ? none : plain(label(vocabulary, String(v), locale)));
  const typedList = (list: unknown): ExportText => {
    const items = Array.isArray(list) ? (list as string[]) : [];
    return items.length ? typed(items.join(t("seekers.separator"))) : plain(t("seekers.none"));
  };
  const region = (v: unknown): ExportText => (v ? typed(regionNames.get(String(v)) ?? String(v)) : none);
  const identifier = (v: unknown): ExportText => (v ? plain(options.mask ? (maskIdentifier(String(v)) ?? String(v)) : String(v)) : none);
  const f = (key: MessageKey, value: ExportText): ExportField => ({ label: t(key), value });
  const list = (id: string, rows: readonly Row[], build: (r: Row) => ExportRecord, title?: MessageKey): ExportTable => ({
    id,
    title: title ? t(title) : undefined,
    layout: "list",
    records: rows.map(build),
  });

  const a = data.account as unknown as Row;
  const modes = [a.large_text ? t("accountUx.mode.largeText") : null, a.high_contrast ? t("accountUx.mode.highContrast") : null, a.easy_read ? t("accountUx.mode.easyRead") : null].filter(
    (m): m is string => !!m,
  );
  const sections: ExportSection[] = [];

  sections.push({
    id: "account",
    title: t("accountUx.s.account"),
    tables: [
      {
        id: "account",
        layout: "record",
        records: [
          {
            fields: [
              f("accountUx.f.phone", num(a.phone)),
              f("accountUx.f.email", num(a.email)),
              f("accountUx.f.role", code(["role"], a.role)),
              f("accountUx.f.displayName", typed(a.display_name)),
              // A service region is staff's (counselors, admins); the others have none.
              ...(a.role === "counselor" || a.role === "admin" ? [f("accountUx.f.region", region(a.region_code))] : []),
              f("accountUx.f.locale", plain(a.locale === "en" ? "English" : "中文")),
              f("accountUx.f.displayModes", plain(modes.length ? modes.join(t("seekers.separator")) : t("accountUx.mode.standard"))),
              f("accountUx.f.registeredAt", dateTime(a.created_at)),
              f("accountUx.f.passwordChangedAt", dateTime(a.password_changed_at)),
            ],
          },
        ],
      },
    ],
  });

  const p = data.profile as unknown as Row | null;
  if (p) {
    sections.push({
      id: "profile",
      title: t("accountUx.s.profile"),
      tables: [
        {
          id: "profile",
          layout: "record",
          records: [
            {
              fields: [
                f("seekers.field.realName", typed(p.real_name)),
                f("seekers.field.idNumber", identifier(p.id_number)),
                f("seekers.field.birthDate", date(p.birth_date)),
                f("seekers.field.gender", code(["seekers.gender"], p.gender)),
                f("seekers.field.household", region(p.household_region_code)),
                f("seekers.field.current", region(p.current_region_code)),
                f("seekers.field.residence", code(["seekers.residence"], p.residence)),
                f("seekers.field.education", p.education === "none" ? plain(t("seekers.education.none")) : term(EDUCATION_LEVELS, p.education)),
                f("seekers.field.school", typed(p.graduate_school)),
                f("seekers.field.major", typed(p.graduate_major)),
                f("seekers.field.graduationYear", num(p.graduation_year)),
                f("seekers.field.skills", typedList(p.skills)),
                f("seekers.field.certificates", typedList(p.certificates)),
                f("trainingProfile.field.trainingNeeds", codes(["trainingProfile.kindShort"], p.training_needs)),
                f("seekers.field.needsRequired", terms(ACCOMMODATIONS, p.needs_required)),
                f("seekers.field.needsPreferred", terms(ACCOMMODATIONS, p.needs_preferred)),
                f("seekers.field.limits", terms(TASK_DEMANDS, p.limits)),
                f("seekers.field.employmentStatus", code(["seekers.status"], p.employment_status)),
                f("seekers.field.workTypes", terms(EMPLOYMENT_TYPES, p.work_types)),
                f("seekers.field.remote", yesNo(p.wants_remote)),
                f("seekers.field.placeScope", code(["seekers.scope"], p.place_scope)),
                f("seekers.field.regions", (p.preferred_region_codes as string[]).length ? typed((p.preferred_region_codes as string[]).map((c) => regionNames.get(c) ?? c).join(t("seekers.separator"))) : plain(t("seekers.none"))),
                f("seekers.field.pay", p.expected_pay_min == null ? none : plain(t("seekers.prefs.payValue", { pay: Number(p.expected_pay_min) }))),
                f("seekers.field.zeroEmployment", yesNo(p.zero_employment_family)),
                f("seekers.field.lowIncome", yesNo(p.low_income_family)),
                f("trainingProfile.field.poorHousehold", yesNo(p.poor_household && p.poor_household_consent_at)),
                f("accountUx.f.discoverable", yesNo(p.discoverable)),
                f("accountUx.f.createdAt", dateTime(p.created_at)),
                f("accountUx.f.updatedAt", dateTime(p.updated_at)),
              ],
            },
          ],
        },
      ],
    });
    sections.push({
      id: "disability",
      title: t("accountUx.s.disability"),
      intro: t("accountUx.s.disability.intro"),
      tables: [
        {
          id: "disability",
          layout: "record",
          records: [
            {
              fields: [
                f("seekers.field.category", term(DISABILITY_CATEGORIES, p.disability_category)),
                f("seekers.field.grade", p.disability_grade ? term(DISABILITY_GRADES, String(p.disability_grade)) : none),
                f("seekers.field.certificateNumber", identifier(p.certificate_number)),
                f("accountUx.f.consentAt", dateTime(p.sensitive_consent_at)),
              ],
            },
          ],
        },
      ],
    });
  }

  // Consents: what the person agreed to and when, gathered from where each is kept.
  const consents: ExportRecord[] = [];
  const consent = (what: MessageKey, state: ExportText, at: ExportText | null, extra: ExportField[] = []): ExportRecord => ({
    heading: plain(t(what)),
    fields: [f("accountUx.f.consentState", state), ...(at && at !== none ? [f("accountUx.f.consentAt", at)] : []), ...extra],
  });
  if (p) {
    consents.push(
      consent("accountUx.consent.disability", plain(t(p.sensitive_consent_at ? "accountUx.consent.given" : "accountUx.consent.notGiven")), dateTime(p.sensitive_consent_at)),
      consent(
        "accountUx.consent.poorHousehold",
        plain(t(p.poor_household && p.poor_household_consent_at ? "accountUx.consent.given" : "accountUx.consent.notGiven")),
        dateTime(p.poor_household ? p.poor_household_consent_at : null),
      ),
      consent("accountUx.consent.discoverable", plain(t(p.discoverable ? "accountUx.consent.on" : "accountUx.consent.off")), null),
    );
  }
  const household = data.household as unknown as Row | null;
  if (household?.consent_on) {
    consents.push(consent("accountUx.consent.household", plain(t("accountUx.consent.given")), date(household.consent_on), [f("accountUx.f.note", typed(household.consent_note))]));
  }
  for (const app of data.applications as unknown as Row[]) {
    const disclosed = (app.disclosure as string[] | null) ?? [];
    if (!disclosed.length) continue;
    consents.push({
      heading: plain(t("accountUx.consent.disclosure", { vacancy: String(app.vacancy_title), organization: String(app.organization_name ?? "") })),
      fields: [f("accountUx.f.disclosed", terms(DISCLOSURES, disclosed)), f("accountUx.f.consentAt", dateTime(app.created_at))],
    });
  }
  sections.push({ id: "consents", title: t("accountUx.s.consents"), intro: t("accountUx.s.consents.intro"), tables: [{ id: "consents", layout: "list", records: consents }] });

  sections.push({
    id: "applications",
    title: t("accountUx.s.applications"),
    tables: [
      list("applications", data.applications as unknown as Row[], (r) => ({
        heading: typed(`${r.vacancy_title} · ${r.organization_name}`),
        fields: [
          f("accountUx.f.status", code(["applications.status"], r.status)),
          f("accountUx.f.source", code(["applications.source"], r.source)),
          f("accountUx.f.appliedAt", dateTime(r.created_at)),
          f("accountUx.f.updatedAt", dateTime(r.updated_at)),
          f("accountUx.f.accessRequests", terms(INTERVIEW_ACCESS_REQUESTS, r.access_requests)),
          f("accountUx.f.disclosed", terms(DISCLOSURES, r.disclosure)),
          f("accountUx.f.note", typed(r.note)),
          f(
            "accountUx.f.history",
            plain(
              ((r.events as Row[] | null) ?? [])
                .map((e) => `${formatDateTime(locale, e.at as string)} ${code(["applications.status"], e.to_status).text}${e.message ? ` — ${e.message}` : ""}`)
                .join("\n") || t("seekers.none"),
            ),
          ),
        ],
      })),
    ],
  });

  sections.push({
    id: "invitations",
    title: t("accountUx.s.invitations"),
    tables: [
      list("invitations", data.invitations as unknown as Row[], (r) => ({
        heading: typed(`${r.vacancy_title} · ${r.organization_name ?? ""}`),
        fields: [
          f("accountUx.f.status", code(["invitations.status"], r.status)),
          f("accountUx.f.message", typed(r.message)),
          f("accountUx.f.receivedAt", dateTime(r.created_at)),
          f("accountUx.f.answeredAt", dateTime(r.responded_at)),
        ],
      })),
    ],
  });

  sections.push({
    id: "events",
    title: t("accountUx.s.events"),
    tables: [
      list("events", data.eventRegistrations as unknown as Row[], (r) => ({
        heading: typed(r.event_title),
        fields: [
          f("accountUx.f.startsAt", dateTime(r.starts_at)),
          f("accountUx.f.status", code(["events.registration"], r.status)),
          f("accountUx.f.accessRequests", terms(INTERVIEW_ACCESS_REQUESTS, r.access_requests)),
          f("accountUx.f.registeredAt", dateTime(r.created_at)),
          f("accountUx.f.checkedInAt", dateTime(r.checked_in_at)),
          f(
            "accountUx.f.interviews",
            ((r.interviews as Row[] | null) ?? []).length
              ? typed(((r.interviews as Row[]) ?? []).map((s) => `${formatDateTime(locale, s.starts_at as string)} ${s.organization_name}`).join("\n"))
              : plain(t("seekers.none")),
          ),
        ],
      })),
    ],
  });

  sections.push({
    id: "employment",
    title: t("accountUx.s.employment"),
    tables: [
      list("employment", data.employment as unknown as Row[], (r) => ({
        heading: typed(r.organization_name),
        fields: [
          f("accountUx.f.employmentForm", code(["realname.form"], r.form)),
          f("accountUx.f.contractStart", date(r.contract_start)),
          f("accountUx.f.contractEnd", date(r.contract_end)),
          f("accountUx.f.contractMonths", num(r.contract_months)),
          f("accountUx.f.monthlyPay", r.monthly_pay == null ? none : plain(t("seekers.prefs.payValue", { pay: Number(r.monthly_pay) }))),
          f("accountUx.f.socialInsurance", yesNo(r.social_insurance)),
          f("accountUx.f.endedOn", date(r.ended_on)),
          f("accountUx.f.createdAt", dateTime(r.created_at)),
        ],
      })),
    ],
  });

  const c = data.counseling;
  sections.push({
    id: "counseling",
    title: t("accountUx.s.counseling"),
    intro: t("accountUx.s.counseling.intro"),
    tables: [
      list(
        "counselors",
        c.assignments as unknown as Row[],
        (r) => ({ heading: typed(r.counselor_name ?? t("role.counselor")), fields: [f("accountUx.f.from", dateTime(r.started_at)), f("accountUx.f.until", r.ended_at ? dateTime(r.ended_at) : plain(t("accountUx.f.untilNow")))] }),
        "accountUx.t.counselors",
      ),
      {
        id: "plan",
        title: t("accountUx.t.plan"),
        layout: "record",
        records: c.plan
          ? [
              {
                fields: [
                  f("accountUx.f.goals", typed(c.plan.goals)),
                  f("accountUx.f.barriers", typed(c.plan.barriers)),
                  f("accountUx.f.status", code(["counseling.planStatus"], c.plan.status)),
                  f("accountUx.f.updatedAt", dateTime(c.plan.updated_at)),
                ],
              },
            ]
          : [],
      },
      list(
        "actions",
        c.actions as unknown as Row[],
        (r) => ({
          heading: typed(r.description),
          fields: [
            f("accountUx.f.owner", code(["counseling.owner"], r.owner)),
            f("accountUx.f.dueDate", date(r.due_date)),
            f("accountUx.f.status", code(["counseling.actionStatus"], r.status)),
            f("accountUx.f.completedAt", dateTime(r.completed_at)),
          ],
        }),
        "accountUx.t.actions",
      ),
      list(
        "services",
        c.services as unknown as Row[],
        (r) => ({
          heading: code(["counseling.serviceType"], r.type),
          fields: [
            f("accountUx.f.date", date(r.service_date)),
            f("accountUx.f.counselor", typed(r.counselor_name)),
            f("accountUx.f.notes", typed(r.notes)),
            f("accountUx.f.outcome", typed(r.outcome)),
          ],
        }),
        "accountUx.t.services",
      ),
      list(
        "referrals",
        c.referrals as unknown as Row[],
        (r) => ({
          heading: typed(`${r.vacancy_title} · ${r.organization_name ?? ""}`),
          fields: [
            f("accountUx.f.status", code(["counseling.referralStatus"], r.status)),
            f("accountUx.f.message", typed(r.message)),
            f("accountUx.f.receivedAt", dateTime(r.created_at)),
            f("accountUx.f.answeredAt", dateTime(r.responded_at)),
          ],
        }),
        "accountUx.t.referrals",
      ),
    ],
  });

  const programmes: ExportTable[] = [
      list(
        "realNameChecks",
        data.realNameChecks as unknown as Row[],
        (r) => ({
          heading: date(r.verified_on),
          fields: [
            f("accountUx.f.employmentStatus", code(["realname.status"], r.employment_status)),
            f("accountUx.f.employmentForm", code(["realname.form"], r.employment_form)),
            f("trainingProfile.field.trainingNeeds", codes(["trainingProfile.kindShort"], r.training_needs)),
            f("accountUx.f.serviceNeeds", codes(["counseling.serviceType"], r.service_needs)),
            f("accountUx.f.note", typed(r.note)),
          ],
        }),
        "accountUx.t.realNameChecks",
      ),
      {
        id: "household",
        title: t("accountUx.t.household"),
        layout: "record",
        records: household ? [{ fields: [f("accountUx.f.relation", code(["realname.relation"], household.relation)), f("accountUx.f.region", region(household.region_code))] }] : [],
      },
      list(
        "courses",
        data.courses as unknown as Row[],
        (r) => ({
          heading: typed(r.title),
          fields: [
            f("accountUx.f.kind", code(["trainingProfile.kindShort"], r.kind)),
            f("accountUx.f.period", plain(`${formatDate(locale, r.starts_on as string)} – ${formatDate(locale, r.ends_on as string)}`)),
            f("accountUx.f.status", code(["training.status"], r.status)),
            f("accountUx.f.attendedDays", num(r.attended_days)),
            f("accountUx.f.completedAt", date(r.completed_on)),
          ],
        }),
        "accountUx.t.courses",
      ),
      list(
        "certificates",
        data.certificates as unknown as Row[],
        (r) => ({
          heading: typed(r.name),
          fields: [
            f("accountUx.f.kind", code(["trainingProfile.certs.kind"], r.kind)),
            f("accountUx.f.level", typed(r.level)),
            f("accountUx.f.number", num(r.number)),
            f("accountUx.f.issuer", typed(r.issuer)),
            f("accountUx.f.issuedOn", date(r.issued_on)),
            f("accountUx.f.shownOnProfile", yesNo(r.show_on_profile)),
          ],
        }),
        "accountUx.t.certificates",
      ),
      list(
        "businesses",
        data.businesses as unknown as Row[],
        (r) => ({
          heading: typed(r.name),
          fields: [
            f("accountUx.f.kind", code(["entrepreneurship.kind"], r.kind)),
            f("accountUx.f.region", region(r.region_code)),
            f("accountUx.f.startedOn", date(r.started_on)),
            f("accountUx.f.support", codes(["entrepreneurship.support"], ((r.support as Row[] | null) ?? []).map((s) => s.kind))),
          ],
        }),
        "accountUx.t.businesses",
      ),
      list(
        "competitions",
        data.competitionEntries as unknown as Row[],
        (r) => ({
          heading: typed(`${r.competition} · ${r.category}`),
          fields: [
            f("accountUx.f.status", code(["competitions.entry"], r.status)),
            f("accountUx.f.score", num(r.score)),
            f("accountUx.f.rank", num(r.rank)),
            f("accountUx.f.award", typed(r.award)),
          ],
        }),
        "accountUx.t.competitions",
      ),
      list(
        "assessments",
        data.assessments as unknown as Row[],
        (r) => ({
          heading: date(r.assessed_on),
          fields: [f("accountUx.f.method", typed(r.method)), f("accountUx.f.result", typed(r.result)), f("accountUx.f.recommendations", typed(r.recommendations))],
        }),
        "accountUx.t.assessments",
      ),
  ];
  // Seven kinds of programme, most empty for most people: only those holding something are listed.
  const held = programmes.filter((x) => x.records.length);
  sections.push({ id: "programmes", title: t("accountUx.s.programmes"), tables: held.length ? held : [{ id: "programmes", layout: "list", records: [] }] });

  sections.push({
    id: "messages",
    title: t("accountUx.s.messages"),
    tables: [
      list("messages", data.messages as unknown as Row[], (r) => ({
        heading: plain(`${formatDateTime(locale, r.created_at as string)} · ${t(r.sent_by_me ? "accountUx.f.fromYou" : "accountUx.f.toYou")}`),
        fields: [f("accountUx.f.message", typed(r.body)), f("accountUx.f.readAt", dateTime(r.read_at))],
      })),
    ],
  });

  sections.push({
    id: "feedback",
    title: t("accountUx.s.feedback"),
    tables: [
      list("feedback", data.feedback as unknown as Row[], (r) => ({
        heading: plain(formatDateTime(locale, r.created_at as string)),
        fields: [
          f("accountUx.f.kind", code(["accountUx.feedbackKind"], r.kind)),
          f("accountUx.f.page", num(r.page)),
          f("accountUx.f.message", typed(r.message)),
          f("accountUx.f.contact", num(r.contact)),
          f("accountUx.f.response", typed(r.response)),
        ],
      })),
    ],
  });

  if ((data.organizations as unknown as Row[]).length) {
    sections.push({
      id: "organizations",
      title: t("accountUx.s.organizations"),
      tables: [
        list("organizations", data.organizations as unknown as Row[], (r) => ({
          heading: typed(r.name),
          fields: [f("accountUx.f.role", code(["organizations.role"], r.role)), f("accountUx.f.from", dateTime(r.created_at))],
        })),
      ],
    });
  }

  sections.push({
    id: "notifications",
    title: t("accountUx.s.notifications"),
    tables: [
      list("notifications", data.notifications as unknown as Row[], (r) => ({
        heading: plain(formatDateTime(locale, r.created_at as string)),
        fields: [f("accountUx.f.notification", typed(notificationText(t, String(r.kind), (r.params ?? {}) as Record<string, string | number>))), f("accountUx.f.readAt", dateTime(r.read_at))],
      })),
    ],
  });

  sections.push({
    id: "sessions",
    title: t("accountUx.s.sessions"),
    intro: t("accountUx.s.sessions.intro"),
    tables: [
      list("sessions", data.sessions as unknown as Row[], (r) => ({
        fields: [f("accountUx.f.signedInAt", dateTime(r.created_at)), f("accountUx.f.expiresAt", dateTime(r.expires_at))],
      })),
    ],
  });

  sections.push({
    id: "access",
    title: t("accountUx.s.access"),
    intro: t("accountUx.s.access.intro"),
    tables: [
      list("access", data.accessLog as unknown as Row[], (r) => ({
        heading: plain(formatDateTime(locale, r.at as string)),
        fields: [
          f("accountUx.f.who", r.action === "collision" ? plain(t("accountUx.access.anotherAccount")) : r.actor_role ? code(["role"], r.actor_role) : plain(t("accountUx.access.system"))),
          f("accountUx.f.did", code(["accountUx.action"], r.action)),
          f("accountUx.f.what", code(["accountUx.entity"], r.entity)),
          f("accountUx.f.why", r.reason == null ? none : isMessageKey(`accountUx.reason.${String(r.reason)}`) ? code(["accountUx.reason"], r.reason) : { text: String(r.reason), lang: locale === "en" ? undefined : "en" }),
        ],
      })),
    ],
  });

  // An employer's or staff member's own account holds none of a job seeker's kinds of record: those left empty are
  // not listed for them (a seeker sees every kind, empty or not, to know nothing of it is held).
  const shown = a.role === "seeker" ? sections : sections.filter((x) => !SEEKER_SECTIONS.has(x.id) || x.tables.some((table) => table.records.length));
  return { exportedAt: formatDateTime(locale, data.exportedAt), sections: shown };
}

const SEEKER_SECTIONS = new Set(["consents", "applications", "invitations", "events", "employment", "counseling", "programmes", "messages"]);

/** A notification's text in the reader's language (as on /notifications), status codes as words. */
function notificationText(t: Translate, kind: string, params: Record<string, string | number>): string {
  const values = { ...params };
  const status = `applications.status.${String(values.status ?? "")}`;
  if (isMessageKey(status)) values.status = t(status);
  const key = `notification.${kind}`;
  return isMessageKey(key) ? t(key, values) : t("notification.unknown");
}

async function regionNamesOf(db: DB, data: AccountExport): Promise<Map<string, string>> {
  const profile = data.profile as unknown as Row | null;
  const wanted = new Set<string>(
    [
      data.account.region_code,
      profile?.household_region_code,
      profile?.current_region_code,
      ...((profile?.preferred_region_codes as string[] | undefined) ?? []),
      (data.household as unknown as Row | null)?.region_code,
      ...(data.businesses as unknown as Row[]).map((b) => b.region_code),
    ].filter((c): c is string => typeof c === "string" && c !== ""),
  );
  if (!wanted.size) return new Map();
  const rows = await db
    .selectFrom("division as d")
    .leftJoin("division as p", (j) => j.onRef("p.code", "=", "d.parent_code").on("p.level", "=", "prefecture"))
    .select(["d.code", "d.name", "p.name as parent_name"])
    .where("d.code", "in", [...wanted])
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent_name ? `${r.parent_name} ${r.name}` : r.name]));
}

/** The export as the readable page shows it (numbers masked); the read is audited like every export. */
export async function exportPage(db: DB, actor: Actor, userId: string, locale: Locale, options: { ip?: string; now?: Date } = {}): Promise<ExportView> {
  const data = await exportAccountData(db, actor, userId, { ...options, purpose: "page" });
  return buildExportView(data, await regionNamesOf(db, data), locale, { mask: true });
}

/** Excel limits a sheet name to 31 characters, without : \ / ? * [ ]; names must be unique in a workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 28);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

/**
 * The export as an XLSX workbook, in the reader's language: a sheet per table — a described thing (the account,
 * the profile) as label and value rows, several alike (applications) as a table with a header row. Numbers in full.
 */
export async function exportWorkbook(db: DB, actor: Actor, userId: string, locale: Locale, options: { ip?: string; now?: Date } = {}): Promise<Buffer> {
  const data = await exportAccountData(db, actor, userId, { ...options, purpose: "xlsx" });
  const view = buildExportView(data, await regionNamesOf(db, data), locale, { mask: false });
  const t = translator(locale);
  const book = new ExcelJS.Workbook();
  book.creator = "黔程 Qiancheng";
  book.created = new Date(data.exportedAt);
  const taken = new Set<string>();
  const cell = (v: string) => safeCell(v);
  for (const section of view.sections) {
    for (const table of section.tables) {
      const title = table.title ? `${section.title} - ${table.title}` : section.title;
      const sheet = book.addWorksheet(sheetName(table.title ?? section.title, taken));
      sheet.addRow([cell(title)]).font = { bold: true, size: 14 };
      if (section.intro && table === section.tables[0]) sheet.addRow([cell(section.intro)]);
      if (!table.records.length) {
        sheet.addRow([t("accountUx.export.empty")]);
      } else if (table.layout === "record") {
        for (const field of table.records[0]!.fields) sheet.addRow([cell(field.label), cell(field.value.text)]);
        sheet.getColumn(1).width = 24;
        sheet.getColumn(2).width = 60;
      } else {
        // Records of one table may differ in fields (a consent without a time): columns are the union, by label.
        const hasHeading = table.records.some((r) => r.heading);
        const labels = [...new Set(table.records.flatMap((r) => r.fields.map((x) => x.label)))];
        sheet.addRow([...(hasHeading ? [""] : []), ...labels]).font = { bold: true };
        for (const r of table.records) {
          const byLabel = new Map(r.fields.map((x) => [x.label, x.value.text]));
          sheet.addRow([...(hasHeading ? [cell(r.heading?.text ?? "")] : []), ...labels.map((l) => cell(byLabel.get(l) ?? ""))]);
        }
        sheet.columns.forEach((col) => (col.width = 24));
      }
      sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The JSON download: the export as it is kept, for other programs (data portability). */
export async function exportJson(db: DB, actor: Actor, userId: string, options: { ip?: string; now?: Date } = {}): Promise<string> {
  return JSON.stringify(await exportAccountData(db, actor, userId, { ...options, purpose: "json" }), null, 2);
}
