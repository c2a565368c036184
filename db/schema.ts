import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = "seeker" | "employer" | "counselor" | "admin";
export const ROLES: readonly Role[] = ["seeker", "employer", "counselor", "admin"] as const;

export interface DivisionTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: "province" | "prefecture" | "county";
}

export interface AppUserTable {
  id: Generated<string>;
  phone: string | null;
  email: string | null;
  password_hash: string;
  role: Role;
  display_name: string | null;
  /** Service region (division code) of counselors and admins. */
  region_code: string | null;
  locale: ColumnType<"zh-CN" | "en", "zh-CN" | "en" | undefined, "zh-CN" | "en">;
  large_text: ColumnType<boolean, boolean | undefined, boolean>;
  high_contrast: ColumnType<boolean, boolean | undefined, boolean>;
  easy_read: ColumnType<boolean, boolean | undefined, boolean>;
  /** When the phone number was confirmed by a code (SMS goes only to verified numbers). */
  phone_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Counselors: alerts for new vacancies that suit people on their caseload. */
  caseload_alerts: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface UserSessionTable {
  /** SHA-256 of the token held in the cookie, hex. */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  kind: "sign_in" | "register" | "profile_identifier";
  /**
   * Whose attempt it counts against: `user:<id>` when the identifier belongs to an account, otherwise the normalized
   * phone or email tried (`phone:…`, `email:…`); null for registrations.
   */
  account_key: string | null;
  ip: string;
  succeeded: boolean;
  /** Why it was refused, where a limit needs to know: "contact_unavailable", "id_number", "certificate_number". */
  detail: string | null;
  at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<string>;
  actor_id: string | null;
  subject_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  reason: string | null;
  ip: string | null;
  at: Generated<Date>;
}

/** A calendar date as "YYYY-MM-DD" (both drivers are set to return dates as strings). */
type DateString = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type DisabilityCategory = "vision" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple";
export type OrganizationType = "enterprise" | "public_institution" | "government" | "social_organization" | "individual_business";
export type EmploymentType = "full_time" | "part_time" | "flexible" | "auxiliary" | "public_welfare";
export type VacancyStatus = "draft" | "open" | "closed" | "filled";
export type ApplicationStatus = "submitted" | "viewed" | "interview" | "offered" | "hired" | "rejected" | "withdrawn";
export type ApplicationSource = "self" | "referral" | "invitation" | "event";

export interface SeekerProfileTable {
  user_id: string;
  real_name: string | null;
  gender: "male" | "female" | null;
  birth_date: DateString | null;
  id_number: string | null;
  certificate_number: string | null;
  disability_category: DisabilityCategory | null;
  disability_grade: number | null;
  sensitive_consent_at: Date | null;
  household_region_code: string | null;
  current_region_code: string | null;
  residence: "urban" | "rural" | null;
  education: string | null;
  graduate_school: string | null;
  graduate_major: string | null;
  graduation_year: number | null;
  employment_status: ColumnType<"unemployed" | "employed" | "student", "unemployed" | "employed" | "student" | undefined>;
  skills: TextArray;
  certificates: TextArray;
  needs_required: TextArray;
  needs_preferred: TextArray;
  limits: TextArray;
  work_types: TextArray;
  wants_remote: ColumnType<boolean, boolean | undefined, boolean>;
  place_scope: ColumnType<"county" | "prefecture" | "province", "county" | "prefecture" | "province" | undefined>;
  preferred_region_codes: TextArray;
  expected_pay_min: number | null;
  zero_employment_family: ColumnType<boolean, boolean | undefined, boolean>;
  low_income_family: ColumnType<boolean, boolean | undefined, boolean>;
  discoverable: ColumnType<boolean, boolean | undefined, boolean>;
  completed_steps: TextArray;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Issue 14: what the person wants to learn (TRAINING_KINDS codes), and the poor-household flag with consent. */
  training_needs: TextArray;
  poor_household: ColumnType<boolean, boolean | undefined, boolean>;
  poor_household_consent_at: Date | null;
}

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  uscc: string;
  type: OrganizationType;
  region_code: string;
  address: string | null;
  industry: string;
  staff_count: number;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  special_statuses: TextArray;
  provincial_body_kinds: TextArray;
  status: ColumnType<"pending" | "verified" | "rejected", "pending" | "verified" | "rejected" | undefined>;
  rejection_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrganizationMemberTable {
  organization_id: string;
  user_id: string;
  role: "owner" | "recruiter";
  created_at: Generated<Date>;
}

export interface OrganizationInvitationTable {
  id: Generated<string>;
  organization_id: string;
  token_hash: string;
  phone: string | null;
  email: string | null;
  created_by: string | null;
  expires_at: Timestamp;
  accepted_by: string | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface VacancyTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  category: string;
  employment_type: EmploymentType;
  openings: number;
  region_code: string;
  address: ColumnType<string, string | undefined, string>;
  remote: ColumnType<boolean, boolean | undefined, boolean>;
  pay_min: number;
  pay_max: number;
  education_required: ColumnType<string, string | undefined, string>;
  skills: TextArray;
  hours: ColumnType<string, string | undefined, string>;
  accommodations: TextArray;
  demands: TextArray;
  quota_eligible: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<VacancyStatus, VacancyStatus | undefined, VacancyStatus>;
  closing_date: DateString | null;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  required_certificates: TextArray;
}

export interface ApplicationTable {
  id: Generated<string>;
  vacancy_id: string;
  seeker_id: string | null;
  source: ColumnType<ApplicationSource, ApplicationSource | undefined, ApplicationSource>;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  note: string | null;
  access_requests: TextArray;
  disclosure: TextArray;
  event_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The applicant's number within the vacancy (1, 2, …), shown to the employer as "求职者 07". */
  number: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventTable {
  id: Generated<string>;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  message: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

/** The forms the disability federation counts employment by (issue 13). */
export type EmploymentForm = "proportional" | "concentrated" | "self_employed" | "rural" | "public_welfare" | "auxiliary" | "flexible";
/** How an employment record came to be: a hire on the platform, an employer's declaration, or a staff member's record. */
export type EmploymentOrigin = "platform" | "declared" | "recorded";
export type EmploymentEvidence = "contract" | "social_insurance" | "business_licence" | "payroll" | "visit" | "other";

export interface EmploymentTable {
  id: Generated<string>;
  /** Null for self-employment or an employer not on the platform (then `employer_name` says who or what). */
  organization_id: string | null;
  seeker_id: string | null;
  application_id: string | null;
  vacancy_id: string | null;
  contract_start: DateString;
  contract_end: DateString | null;
  social_insurance: boolean;
  monthly_pay: number;
  disability_grade: number | null;
  ended_on: DateString | null;
  created_by: string | null;
  created_at: Generated<Date>;
  form: ColumnType<EmploymentForm, EmploymentForm | undefined, EmploymentForm>;
  origin: ColumnType<EmploymentOrigin, EmploymentOrigin | undefined, EmploymentOrigin>;
  employer_name: string | null;
  contract_months: number | null;
  evidence: EmploymentEvidence | null;
  evidence_note: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface RealNameVerificationTable {
  id: Generated<string>;
  seeker_id: string;
  verified_by: string | null;
  verified_on: DateString;
  employment_status: "employed" | "unemployed" | "student" | "unable";
  employment_form: EmploymentForm | null;
  training_needs: TextArray;
  service_needs: TextArray;
  note: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface HouseholdTable {
  id: Generated<string>;
  region_code: string;
  consent_note: string;
  consent_on: DateString;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  household_id: string;
  seeker_id: string | null;
  name: string | null;
  gender: "male" | "female" | null;
  birth_date: DateString | null;
  employed: boolean | null;
  relation: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export type ProvincialBodyKind = "party_government" | "committee_member";

export interface StatsSnapshotTable {
  id: Generated<string>;
  region_code: string;
  year: number;
  quarter: number;
  as_of: DateString;
  data: ColumnType<unknown, string, string>;
  taken_by: string | null;
  taken_at: Generated<Date>;
}

export interface InspectionNoteTable {
  region_code: string;
  kind: "annual" | "midterm" | "final";
  period: string;
  notes: ColumnType<string, string | undefined, string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

// ---- Issue 14: the plan's programmes ----------------------------------------------------------------------------

export type TrainingKind =
  | "urban_vocational"
  | "rural_practical"
  | "blind_health_massage"
  | "blind_medical_massage"
  | "entrepreneurship"
  | "online_remote"
  | "continuing_education";
export type DesignationKind =
  | "training_base"
  | "concentrated_demo"
  | "poverty_startup_base"
  | "auxiliary"
  | "auxiliary_demo"
  | "blind_massage_health"
  | "blind_massage_medical"
  | "cultural_creative";
export type InstitutionSupportKind = "premises" | "utilities" | "startup_funds" | "equipment" | "post_subsidy" | "social_insurance_subsidy";
export type EnrolmentStatus = "enrolled" | "waitlisted" | "cancelled" | "completed" | "not_completed";
export type CertificateKind = "vocational_qualification" | "skill_level" | "special_operation" | "training_completion" | "other";
export type BusinessKind = "individual_business" | "cooperative" | "online_shop" | "family_workshop" | "other";
export type BusinessSupportKind = "startup_subsidy" | "guaranteed_loan" | "loan_interest_subsidy" | "incubation";

export interface DesignationTable {
  id: Generated<string>;
  organization_id: string;
  kind: DesignationKind;
  decision_number: string;
  decision_date: DateString;
  valid_from: DateString;
  valid_to: DateString | null;
  designated_by: string | null;
  revoked_on: DateString | null;
  created_at: Generated<Date>;
}

export interface InstitutionSupportTable {
  id: Generated<string>;
  designation_id: string;
  kind: InstitutionSupportKind;
  amount: Numeric;
  support_date: DateString;
  note: ColumnType<string, string | undefined, string>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface CourseTable {
  id: Generated<string>;
  provider_id: string;
  kind: TrainingKind;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  starts_on: DateString;
  ends_on: DateString;
  online: ColumnType<boolean, boolean | undefined, boolean>;
  venue: string | null;
  link: string | null;
  region_code: string;
  arrangements: TextArray;
  capacity: number;
  subsidy_per_trainee: ColumnType<string, string | number | undefined, string | number>;
  status: ColumnType<"draft" | "published" | "cancelled", "draft" | "published" | "cancelled" | undefined, "draft" | "published" | "cancelled">;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CourseEnrolmentTable {
  id: Generated<string>;
  course_id: string;
  seeker_id: string;
  seq: ColumnType<string, never, never>;
  status: EnrolmentStatus;
  access_requests: TextArray;
  access_note: ColumnType<string, string | undefined, string>;
  enrolled_by: string | null;
  service_record_id: string | null;
  attended_days: number | null;
  completed_on: DateString | null;
  outcome_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingCertificateTable {
  id: Generated<string>;
  seeker_id: string;
  enrolment_id: string | null;
  kind: CertificateKind;
  name: string;
  level: string | null;
  number: string | null;
  issuer: string;
  issued_on: DateString;
  show_on_profile: ColumnType<boolean, boolean | undefined, boolean>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface TrainingSubsidyTable {
  id: Generated<string>;
  enrolment_id: string;
  amount: Numeric;
  paid_on: DateString | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface BusinessTable {
  id: Generated<string>;
  name: string;
  kind: BusinessKind;
  region_code: string;
  started_on: DateString;
  registration_number: string | null;
  description: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface BusinessOwnerTable {
  business_id: string;
  seeker_id: string;
}

export interface BusinessSupportTable {
  id: Generated<string>;
  business_id: string;
  kind: BusinessSupportKind;
  amount: Numeric;
  support_date: DateString;
  note: ColumnType<string, string | undefined, string>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface BusinessCheckTable {
  id: Generated<string>;
  business_id: string;
  year: number;
  running: boolean;
  employs_others: ColumnType<number, number | undefined, number>;
  checked_on: DateString;
  checked_by: string | null;
  note: ColumnType<string, string | undefined, string>;
}

export interface CompetitionCategoryTable {
  id: Generated<string>;
  event_id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
  /** Set when the organizer publishes the category's results (migration 2026-12-06T09-52-00Z). */
  results_published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CompetitionEntryTable {
  id: Generated<string>;
  category_id: string;
  seeker_id: string;
  status: ColumnType<"entered" | "withdrawn", "entered" | "withdrawn" | undefined, "entered" | "withdrawn">;
  access_requests: TextArray;
  score: string | null;
  rank: number | null;
  award: string | null;
  created_at: Generated<Date>;
}

export interface JudgeTable {
  id: Generated<string>;
  name: string;
  organization: ColumnType<string, string | undefined, string>;
  specialities: TextArray;
  region_code: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface JudgeAssignmentTable {
  category_id: string;
  judge_id: string;
}

export interface StaffTrainingTable {
  id: Generated<string>;
  user_id: string | null;
  name: string;
  role: "counselor" | "community_instructor";
  region_code: string;
  course: string;
  provider: ColumnType<string, string | undefined, string>;
  trained_on: DateString;
  hours: Numeric;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface CapabilityAssessmentTable {
  id: Generated<string>;
  seeker_id: string;
  counselor_id: string | null;
  assessed_on: DateString;
  method: string;
  result: string;
  recommendations: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: string | null;
  read_at: Date | null;
  created_at: Generated<Date>;
}

export type AlertFrequency = "immediate" | "daily" | "weekly" | "off";
export type NotificationTopic = "applications" | "invitations" | "interviews" | "alerts" | "messages";
export type DeliveryChannel = "email" | "sms";
export type DeliveryStatus = "queued" | "held" | "sent" | "failed" | "skipped";

export interface SavedSearchTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** The search page's query string (without page). */
  query: string;
  suits_me: ColumnType<boolean, boolean | undefined, boolean>;
  frequency: ColumnType<AlertFrequency, AlertFrequency | undefined, AlertFrequency>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VacancyAlertTable {
  id: Generated<string>;
  /** Who is alerted: the saved search's owner, or the counselor. */
  user_id: string;
  saved_search_id: string | null;
  /** A counselor's alert: the person on the caseload the vacancy suits. */
  seeker_id: string | null;
  vacancy_id: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  topic: NotificationTopic;
  email: boolean;
  sms: boolean;
  updated_at: Generated<Date>;
}

export interface DeliveryTable {
  id: Generated<string>;
  user_id: string;
  notification_id: string | null;
  channel: DeliveryChannel;
  topic: string;
  template: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: string | null;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

export interface PhoneVerificationTable {
  id: Generated<string>;
  phone: string;
  user_id: string | null;
  purpose: "register" | "phone";
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp;
  verified_at: Date | null;
  created_at: Generated<Date>;
}

export type JobState = "created" | "retry" | "active" | "completed" | "failed" | "cancelled";

export interface JobTable {
  id: Generated<string>;
  name: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  retry_count: ColumnType<number, number | undefined, number>;
  retry_limit: ColumnType<number, number | undefined, number>;
  retry_delay: ColumnType<number, number | undefined, number>;
  retry_backoff: ColumnType<boolean, boolean | undefined, boolean>;
  singleton_key: string | null;
  start_after: ColumnType<Date, Date | string | undefined, Date | string>;
  started_at: Date | null;
  completed_at: Date | null;
  output: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export type ImportStatus = "checking" | "checked" | "importing" | "completed" | "failed" | "cancelled";

export interface ImportProblem {
  /** The file's row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header as documented in docs/interop.md; null for a problem of the whole row. */
  column: string | null;
  /** The problem's code: its message is `interop.problem.<code>`. */
  code: string;
  value?: string;
}

export interface ImportRunTable {
  id: Generated<string>;
  created_by: string | null;
  file_name: string;
  file_path: string;
  file_sha256: string;
  format: "csv" | "xlsx";
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  total_rows: ColumnType<number, number | undefined, number>;
  done_rows: ColumnType<number, number | undefined, number>;
  created_count: ColumnType<number, number | undefined, number>;
  updated_count: ColumnType<number, number | undefined, number>;
  unchanged_count: ColumnType<number, number | undefined, number>;
  rejected_count: ColumnType<number, number | undefined, number>;
  report: ColumnType<ImportProblem[], string | undefined, string>;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export type RegistryEmploymentStatus = "employed" | "unemployed" | "student" | "unable" | "retired";

export interface RegistryPersonTable {
  id: Generated<string>;
  certificate_number: string;
  id_number: string;
  real_name: string;
  gender: "male" | "female" | null;
  birth_date: DateString | null;
  disability_category: DisabilityCategory;
  disability_grade: number;
  region_code: string;
  residence: "urban" | "rural" | null;
  education: string | null;
  employment_status: RegistryEmploymentStatus;
  employment_form: EmploymentForm | null;
  employer_name: string | null;
  training: string | null;
  needs: TextArray;
  phone: string | null;
  row_hash: string;
  import_run_id: string | null;
  user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ApiScope = "vacancies:read" | "events:read" | "statistics:read";

export interface ApiTokenTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  scopes: ColumnType<ApiScope[], ApiScope[], ApiScope[]>;
  region_code: string | null;
  rate_limit_per_minute: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export type SearchIndexName = "vacancies" | "seekers";

export interface SearchOutboxTable {
  id: Generated<number>;
  index_name: SearchIndexName;
  entity_id: string;
  claimed_until: Date | null;
  attempts: Generated<number>;
  created_at: Generated<Date>;
}

/** The Postgres engine's vacancy documents (search/postgres). `tsv` is written with raw SQL. */
export interface VacancySearchTable {
  vacancy_id: string;
  organization_id: string;
  tsv: unknown;
  regions: string[];
  accommodations: string[];
  demands: string[];
  employment_type: string;
  education_rank: number;
  remote: boolean;
  quota_eligible: boolean;
  pay_min: number;
  pay_max: number;
  closing_date: string | null;
  published_at: Date | null;
}

/** The Postgres engine's seeker documents: only what design §5 rule 4 lets an employer see. */
export interface SeekerSearchTable {
  user_id: string;
  tsv: unknown;
  region_code: string | null;
  reach: string[];
  wants_remote: boolean;
  needs: string[];
  needs_preferred: string[];
  limits: string[];
  skills: string[];
  education: string | null;
  education_rank: number;
  graduation_year: number | null;
  updated_at: Date;
}

/** Statements that changed each index's table (a trigger bumps it): the Postgres engine's copies check it. */
export interface SearchGenerationTable {
  index_name: SearchIndexName;
  generation: Generated<number>;
}

export type InvitationStatus = "pending" | "accepted" | "declined";

export interface VacancyInvitationTable {
  id: Generated<string>;
  vacancy_id: string;
  seeker_id: string;
  invited_by: string | null;
  message: string | null;
  status: ColumnType<InvitationStatus, InvitationStatus | undefined, InvitationStatus>;
  application_id: string | null;
  created_at: Generated<Date>;
  responded_at: Date | null;
}

export type RuleParameterName = "ratio" | "local_average_wage" | "minimum_wage";

/** Numeric columns come back as strings from both drivers (exact decimals). */
type Numeric = ColumnType<string, string | number, string | number>;

export interface RuleParameterTable {
  id: Generated<string>;
  name: RuleParameterName;
  year: number;
  value: Numeric;
  note: string | null;
  set_by: string | null;
  set_at: Generated<Date>;
}

export interface QuotaPositionInputTable {
  organization_id: string;
  staff_count: Numeric | null;
  average_salary: Numeric | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Disabled employees an employer declares by hand for its live quota position (not on the platform's records). */
export interface QuotaPositionEmployeeTable {
  id: Generated<string>;
  organization_id: string;
  kind: "disabled" | "veteran";
  grade: number;
  contract_start: DateString;
  contract_end: DateString | null;
  note: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type DeclarationStatus = "draft" | "submitted" | "approved" | "returned";

export interface QuotaDeclarationTable {
  id: Generated<string>;
  organization_id: string;
  levy_year: number;
  monthly_staff: number[];
  salary_total: Numeric;
  status: ColumnType<DeclarationStatus, DeclarationStatus | undefined, DeclarationStatus>;
  return_reason: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface QuotaDeclarationEmployeeTable {
  id: Generated<string>;
  declaration_id: string;
  full_name: string;
  kind: "disabled" | "veteran";
  certificate_number: string;
  grade: number;
  contract_start: DateString;
  contract_end: DateString | null;
  insurance_months: number;
  monthly_pay: number;
  employment_id: string | null;
}

export interface QuotaDisclosureTable {
  id: Generated<string>;
  levy_year: number;
  published_by: string | null;
  published_at: Generated<Date>;
  objections_until: Date;
}

export interface QuotaDisclosureEntryTable {
  id: Generated<string>;
  disclosure_id: string;
  declaration_id: string | null;
  organization_id: string | null;
  organization_name: string;
  region_code: string;
  staff_count: string;
  required_count: string;
  counted_disabled: string;
  met: boolean;
}

export interface QuotaObjectionTable {
  id: Generated<string>;
  entry_id: string;
  user_id: string | null;
  reason: string;
  status: ColumnType<"open" | "upheld" | "dismissed", "open" | "upheld" | "dismissed" | undefined>;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

export type PlanStatus = "active" | "achieved" | "paused";
export type PlanActionOwner = "seeker" | "counselor" | "employer" | "family" | "other";
export type PlanActionStatus = "open" | "done" | "dropped";
export type ServiceType =
  | "job_introduction"
  | "career_guidance"
  | "training_referral"
  | "entrepreneurship"
  | "vocational_assessment"
  | "follow_up_visit";
export type ReferralStatus = "pending" | "accepted" | "declined";

export interface CaseloadAssignmentTable {
  id: Generated<string>;
  seeker_id: string;
  counselor_id: string;
  assigned_by: string | null;
  note: string | null;
  started_at: Generated<Date>;
  ended_at: Date | null;
  ended_by: string | null;
}

export interface IndividualPlanTable {
  seeker_id: string;
  goals: ColumnType<string, string | undefined, string>;
  barriers: ColumnType<string, string | undefined, string>;
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanActionTable {
  id: Generated<string>;
  seeker_id: string;
  description: string;
  owner: PlanActionOwner;
  due_date: DateString;
  status: ColumnType<PlanActionStatus, PlanActionStatus | undefined, PlanActionStatus>;
  completed_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ServiceRecordTable {
  id: Generated<string>;
  seeker_id: string;
  counselor_id: string | null;
  type: ServiceType;
  service_date: DateString;
  notes: ColumnType<string, string | undefined, string>;
  outcome: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface ReferralTable {
  id: Generated<string>;
  vacancy_id: string;
  seeker_id: string;
  counselor_id: string | null;
  message: string | null;
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>;
  application_id: string | null;
  created_at: Generated<Date>;
  responded_at: Date | null;
}

export interface EmploymentCheckpointTable {
  employment_id: string;
  month: number;
  still_employed: boolean;
  contract_year_or_more: boolean;
  note: ColumnType<string, string | undefined, string>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface PlanTargetTable {
  id: Generated<string>;
  indicator: string;
  period_start: number;
  period_end: number;
  region_code: string;
  target_value: Numeric;
  source: ColumnType<string, string | undefined, string>;
  set_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Generated<Date>;
}

export type EventKind = "graduates" | "general" | "rural" | "online" | "competition";
export type EventStatus = "draft" | "published" | "cancelled";
export type EventEmployerStatus = "pending" | "approved" | "rejected" | "withdrawn";
export type RegistrationStatus = "registered" | "waitlisted" | "cancelled";

export interface RecruitmentEventTable {
  id: Generated<string>;
  title: string;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date;
  region_code: string;
  venue: ColumnType<string, string | undefined, string>;
  online_url: string | null;
  arrangements: TextArray;
  capacity: number;
  registration_deadline: Date;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EventEmployerTable {
  id: Generated<string>;
  event_id: string;
  organization_id: string;
  status: ColumnType<EventEmployerStatus, EventEmployerStatus | undefined, EventEmployerStatus>;
  booth: string | null;
  note: string | null;
  applied_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

export interface EventEmployerVacancyTable {
  event_employer_id: string;
  vacancy_id: string;
}

export interface EventRegistrationTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  event_id: string;
  seeker_id: string;
  status: RegistrationStatus;
  access_requests: TextArray;
  check_in_code: string;
  checked_in_at: Date | null;
  promoted_at: Date | null;
  cancelled_at: Date | null;
  created_at: Generated<Date>;
}

export interface InterviewSlotTable {
  id: Generated<string>;
  event_employer_id: string;
  starts_at: Date;
  ends_at: Date;
  registration_id: string | null;
  access_requests: TextArray;
  booked_at: Date | null;
  created_at: Generated<Date>;
}

export type FeedbackKind = "barrier" | "problem" | "suggestion" | "other";
export type FeedbackStatus = "new" | "answered" | "closed";

export interface FeedbackTable {
  id: Generated<string>;
  kind: FeedbackKind;
  /** The page the feedback is about (a path on this site), if given. */
  page: string | null;
  message: string;
  /** How to reply, if the sender wants a reply (phone or email as typed). */
  contact: string | null;
  locale: ColumnType<string, string | undefined, string>;
  user_id: string | null;
  status: ColumnType<FeedbackStatus, FeedbackStatus | undefined, FeedbackStatus>;
  response: string | null;
  handled_by: string | null;
  handled_at: Date | null;
  created_at: Generated<Date>;
}

export interface MessageTable {
  id: Generated<string>;
  /** The thread: one per seeker, between the seeker and whoever is their counselor. */
  seeker_id: string;
  sender_id: string | null;
  body: string;
  read_at: Date | null;
  created_at: Generated<Date>;
}

export interface Database {
  division: DivisionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  seeker_profile: SeekerProfileTable;
  organization: OrganizationTable;
  organization_member: OrganizationMemberTable;
  organization_invitation: OrganizationInvitationTable;
  vacancy: VacancyTable;
  application: ApplicationTable;
  application_event: ApplicationEventTable;
  employment: EmploymentTable;
  notification: NotificationTable;
  saved_search: SavedSearchTable;
  vacancy_alert: VacancyAlertTable;
  notification_preference: NotificationPreferenceTable;
  delivery: DeliveryTable;
  phone_verification: PhoneVerificationTable;
  job: JobTable;
  import_run: ImportRunTable;
  registry_person: RegistryPersonTable;
  api_token: ApiTokenTable;
  search_outbox: SearchOutboxTable;
  vacancy_search: VacancySearchTable;
  seeker_search: SeekerSearchTable;
  search_generation: SearchGenerationTable;
  vacancy_invitation: VacancyInvitationTable;
  rule_parameter: RuleParameterTable;
  quota_position_input: QuotaPositionInputTable;
  quota_position_employee: QuotaPositionEmployeeTable;
  quota_declaration: QuotaDeclarationTable;
  quota_declaration_employee: QuotaDeclarationEmployeeTable;
  quota_disclosure: QuotaDisclosureTable;
  quota_disclosure_entry: QuotaDisclosureEntryTable;
  quota_objection: QuotaObjectionTable;
  caseload_assignment: CaseloadAssignmentTable;
  individual_plan: IndividualPlanTable;
  plan_action: PlanActionTable;
  service_record: ServiceRecordTable;
  referral: ReferralTable;
  employment_checkpoint: EmploymentCheckpointTable;
  plan_target: PlanTargetTable;
  recruitment_event: RecruitmentEventTable;
  event_employer: EventEmployerTable;
  event_employer_vacancy: EventEmployerVacancyTable;
  event_registration: EventRegistrationTable;
  interview_slot: InterviewSlotTable;
  real_name_verification: RealNameVerificationTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  stats_snapshot: StatsSnapshotTable;
  inspection_note: InspectionNoteTable;
  designation: DesignationTable;
  institution_support: InstitutionSupportTable;
  course: CourseTable;
  course_enrolment: CourseEnrolmentTable;
  training_certificate: TrainingCertificateTable;
  training_subsidy: TrainingSubsidyTable;
  business: BusinessTable;
  business_owner: BusinessOwnerTable;
  business_support: BusinessSupportTable;
  business_check: BusinessCheckTable;
  competition_category: CompetitionCategoryTable;
  competition_entry: CompetitionEntryTable;
  judge: JudgeTable;
  judge_assignment: JudgeAssignmentTable;
  staff_training: StaffTrainingTable;
  capability_assessment: CapabilityAssessmentTable;
  feedback: FeedbackTable;
  message: MessageTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
