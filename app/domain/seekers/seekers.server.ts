/**
 * Seeker profiles: the steps that build a profile, discoverability, export and erasure (design §4, §5, §7).
 * Every use-case checks permission first and writes in one transaction. Full ID and certificate numbers leave
 * this module only when the owner asks to reveal them.
 */
import { assignedCounselorIds } from "../counseling/access.server";
import { requireUuid } from "../ids";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/database";
import type { DisabilityCategory, Role, SeekerProfileTable } from "../../../db/schema";
import { sql, type Updateable } from "kysely";
import { retryMessage, signInAccountKey, type FieldErrors, type Result } from "../accounts/accounts.server";
import { verifyPassword } from "../accounts/password.server";
import { beginSignInAttempt, identifierChecksBlockedUntil, recordIdentifierCollision } from "../accounts/rate-limit.server";
import { recordAudit } from "../audit/audit.server";
import { listDivisionsWithin, type Division } from "../divisions/divisions.server";
import { maskIdentifier, parseIdNumber } from "../identity";
import { TRAINING_KINDS, type TrainingKind } from "../realname/verification.schema";
import { requirePermission, type Actor } from "../permissions";
import {
  certificateErrors,
  identifierEnds,
  idNumberErrors,
  needsFromChoices,
  personalCrossErrors,
  PROFILE_STEPS,
  type DeleteAccountInput,
  type DisabilityInput,
  type EducationInput,
  type FamilyInput,
  type LimitsInput,
  type NeedsInput,
  type PersonalInput,
  type PreferencesInput,
  type ProfileStep,
  type RegionInput,
  type SkillsInput,
  type VisibilityInput,
} from "./seekers.schema";

export type { FieldErrors, Result };

/** A number shown masked: 5201**********1234, and its ends for hints. */
export interface MaskedIdentifier {
  masked: string;
  start: string;
  end: string;
}

function masked(value: string | null): MaskedIdentifier | null {
  const ends = identifierEnds(value);
  if (!value || !ends) return null;
  return { masked: maskIdentifier(value)!, ...ends };
}

export interface RegionName {
  code: string;
  /** "贵阳市 南明区". */
  name: string;
}

export interface ProfileView {
  /** Whether the profile row exists (any step saved). */
  exists: boolean;
  completedSteps: ProfileStep[];
  discoverable: boolean;
  updatedAt: Date | null;
  personal: {
    realName: string | null;
    gender: "male" | "female" | null;
    birthDate: string | null;
    idNumber: MaskedIdentifier | null;
    /** The full number, only when the owner asked to reveal it. */
    idNumberRevealed: string | null;
  };
  disability: {
    consentAt: Date | null;
    category: DisabilityCategory | null;
    grade: number | null;
    certificateNumber: MaskedIdentifier | null;
    certificateNumberRevealed: string | null;
  };
  region: {
    household: RegionName | null;
    current: RegionName | null;
    residence: "urban" | "rural" | null;
  };
  education: {
    education: string | null;
    graduateSchool: string | null;
    graduateMajor: string | null;
    graduationYear: number | null;
  };
  /** What the person can do, their own list of certificates, and what they want to learn (issue 14). */
  skills: { skills: string[]; certificates: string[]; trainingNeeds: TrainingKind[] };
  needs: { required: string[]; preferred: string[] };
  limits: string[];
  preferences: {
    employmentStatus: "unemployed" | "employed" | "student";
    workTypes: string[];
    wantsRemote: boolean;
    placeScope: "county" | "prefecture" | "province";
    preferredRegions: RegionName[];
    expectedPay: number | null;
  };
  /** The poor-household flag is kept only with its consent (issue 14); never shown to employers. */
  family: { zeroEmploymentFamily: boolean; lowIncomeFamily: boolean; poorHousehold: boolean; poorHouseholdConsentAt: Date | null };
}

export type Reveal = "id" | "certificate";

async function regionNames(db: DB, codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom("division as d")
    .leftJoin("division as p", (j) => j.onRef("p.code", "=", "d.parent_code").on("p.level", "=", "prefecture"))
    .select(["d.code", "d.name", "p.name as parent_name"])
    .where("d.code", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent_name ? `${r.parent_name} ${r.name}` : r.name]));
}

/**
 * A seeker's profile as its owner (or, later, an assigned counselor) sees it. Any read by someone other than the
 * owner is audited. Full ID and certificate numbers are included only when `reveal` names them.
 */
export async function getProfile(db: DB, actor: Actor, userId: string, options: { reveal?: Reveal | null; ip?: string } = {}): Promise<ProfileView> {
  requireUuid(userId);
  // The owner, or the counselor the seeker is assigned to now (scope `assigned`, issue 6).
  const assigned = actor.id === userId ? [] : await assignedCounselorIds(db, userId);
  requirePermission(actor, "read:seeker_profile", { ownerId: userId, assignedCounselorIds: assigned });
  const row = await db
    .selectFrom("seeker_profile")
    .select([
      "real_name",
      "gender",
      "birth_date",
      "id_number",
      "certificate_number",
      "disability_category",
      "disability_grade",
      "sensitive_consent_at",
      "household_region_code",
      "current_region_code",
      "residence",
      "education",
      "graduate_school",
      "graduate_major",
      "graduation_year",
      "employment_status",
      "skills",
      "certificates",
      "training_needs",
      "needs_required",
      "needs_preferred",
      "limits",
      "work_types",
      "wants_remote",
      "place_scope",
      "preferred_region_codes",
      "expected_pay_min",
      "zero_employment_family",
      "low_income_family",
      "poor_household",
      "poor_household_consent_at",
      "discoverable",
      "completed_steps",
      "updated_at",
    ])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (actor.id !== userId) {
    await recordAudit(db, { actorId: actor.id, subjectUserId: userId, action: options.reveal ? "reveal" : "read", entity: "seeker_profile", entityId: userId, reason: actor.role === "counselor" ? "caseload" : null, ip: options.ip });
  }
  const names = await regionNames(db, [row?.household_region_code ?? null, row?.current_region_code ?? null, ...(row?.preferred_region_codes ?? [])]);
  const region = (code: string | null | undefined): RegionName | null => (code ? { code, name: names.get(code) ?? code } : null);
  const done = new Set(row?.completed_steps ?? []);
  return {
    exists: !!row,
    completedSteps: PROFILE_STEPS.filter((s) => done.has(s)),
    discoverable: row?.discoverable ?? false,
    updatedAt: row?.updated_at ?? null,
    personal: {
      realName: row?.real_name ?? null,
      gender: row?.gender ?? null,
      birthDate: row?.birth_date ?? null,
      idNumber: masked(row?.id_number ?? null),
      idNumberRevealed: options.reveal === "id" ? (row?.id_number ?? null) : null,
    },
    disability: {
      consentAt: row?.sensitive_consent_at ?? null,
      category: row?.disability_category ?? null,
      grade: row?.disability_grade ?? null,
      certificateNumber: masked(row?.certificate_number ?? null),
      certificateNumberRevealed: options.reveal === "certificate" ? (row?.certificate_number ?? null) : null,
    },
    region: {
      household: region(row?.household_region_code),
      current: region(row?.current_region_code),
      residence: row?.residence ?? null,
    },
    education: {
      education: row?.education ?? null,
      graduateSchool: row?.graduate_school ?? null,
      graduateMajor: row?.graduate_major ?? null,
      graduationYear: row?.graduation_year ?? null,
    },
    skills: {
      skills: row?.skills ?? [],
      certificates: row?.certificates ?? [],
      trainingNeeds: TRAINING_KINDS.filter((k) => (row?.training_needs ?? []).includes(k)),
    },
    needs: { required: row?.needs_required ?? [], preferred: row?.needs_preferred ?? [] },
    limits: row?.limits ?? [],
    preferences: {
      employmentStatus: row?.employment_status ?? "unemployed",
      workTypes: row?.work_types ?? [],
      wantsRemote: row?.wants_remote ?? false,
      placeScope: row?.place_scope ?? "prefecture",
      preferredRegions: (row?.preferred_region_codes ?? []).map((c) => region(c)!),
      expectedPay: row?.expected_pay_min ?? null,
    },
    family: {
      zeroEmploymentFamily: row?.zero_employment_family ?? false,
      lowIncomeFamily: row?.low_income_family ?? false,
      // Without its consent the flag does not count (the save never stores one without the other).
      poorHousehold: !!row?.poor_household && !!row?.poor_household_consent_at,
      poorHouseholdConsentAt: row?.poor_household ? (row?.poor_household_consent_at ?? null) : null,
    },
  };
}

/** The signed-in seeker's own profile. */
export function getOwnProfile(db: DB, actor: Actor, options: { reveal?: Reveal | null } = {}): Promise<ProfileView> {
  return getProfile(db, actor, actor.id, options);
}

/** Prefectures with their counties, for the region choices (a `<select>` with one `<optgroup>` per prefecture). */
export async function listRegionChoices(db: DB): Promise<{ prefectures: { code: string; name: string; counties: { code: string; name: string }[] }[] }> {
  const all: Division[] = await listDivisionsWithin(db, "520000");
  const prefectures = all
    .filter((d) => d.level === "prefecture")
    .map((p) => ({ code: p.code, name: p.name, counties: all.filter((c) => c.level === "county" && c.parentCode === p.code).map((c) => ({ code: c.code, name: c.name })) }));
  return { prefectures };
}

// --- writing -------------------------------------------------------------------------------------------------

/** Thrown inside a transaction to roll it back and answer with field errors. */
class Invalid extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("invalid input");
  }
}

/** Returned from inside a transaction to answer with field errors and still commit what was recorded (the audit). */
class Refused {
  constructor(readonly fieldErrors: FieldErrors) {}
}

function isUniqueViolation(e: unknown): e is { code: string; constraint?: string; message?: string } {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23505";
}

/** Maps a unique violation on the profile's identifiers to the field it concerns. */
function uniqueFieldErrors(e: { constraint?: string; message?: string; detail?: string }): FieldErrors | null {
  const text = `${e.constraint ?? ""} ${e.message ?? ""} ${e.detail ?? ""}`;
  if (text.includes("certificate_number")) return { certificateNumber: ["seekers.err.certTaken"] };
  if (text.includes("id_number")) return { idNumber: ["seekers.err.idTaken"] };
  return null;
}

async function inTransaction<T>(
  db: DB,
  work: (trx: DB) => Promise<T | Refused>,
  /** Another account saved the same identifier at the same moment: count and audit it like any collision. */
  onIdentifierRace?: (field: IdentifierField) => Promise<void>,
): Promise<Result<T>> {
  try {
    const value = await db.transaction().execute(work);
    if (value instanceof Refused) return { ok: false, fieldErrors: value.fieldErrors };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, fieldErrors: e.fieldErrors };
    if (isUniqueViolation(e)) {
      const fieldErrors = uniqueFieldErrors(e);
      if (fieldErrors) {
        await onIdentifierRace?.(fieldErrors.certificateNumber ? "certificate_number" : "id_number");
        return { ok: false, fieldErrors };
      }
    }
    throw e;
  }
}

/** Creates the profile row if missing (`created` says so), then locks it for this transaction. */
async function lockProfile(trx: DB, userId: string) {
  const inserted = await trx
    .insertInto("seeker_profile")
    .values({ user_id: userId })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .returning("user_id")
    .executeTakeFirst();
  const row = await trx
    .selectFrom("seeker_profile")
    .select(["id_number", "certificate_number", "sensitive_consent_at", "completed_steps"])
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { ...row, created: !!inserted };
}

/** Saves one step's values and marks it done (and any of `uncomplete` not done). */
async function writeStep(
  trx: DB,
  userId: string,
  current: { completed_steps: string[] },
  step: ProfileStep | null,
  values: Updateable<SeekerProfileTable>,
  uncomplete: readonly ProfileStep[] = [],
) {
  const steps = new Set(current.completed_steps);
  if (step) steps.add(step);
  for (const s of uncomplete) steps.delete(s);
  await trx
    .updateTable("seeker_profile")
    .set({ ...values, completed_steps: PROFILE_STEPS.filter((s) => steps.has(s)), updated_at: new Date() })
    .where("user_id", "=", userId)
    .execute();
}

function requireUpdate(actor: Actor, userId: string) {
  requirePermission(actor, "update:seeker_profile", { ownerId: userId });
}

function merge(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) for (const [k, v] of Object.entries(errors)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

type IdentifierField = "id_number" | "certificate_number";

/** Where the request came from, for the limits on identifier collisions (none per address when unknown). */
export interface ProfileRequest {
  ip?: string;
  now?: Date;
}

async function holderOf(trx: DB, column: IdentifierField, value: string, userId: string): Promise<string | null> {
  const row = await trx.selectFrom("seeker_profile").select("user_id").where(column, "=", value).where("user_id", "<>", userId).executeTakeFirst();
  return row?.user_id ?? null;
}

const IDENTIFIER_FIELDS = {
  id_number: { field: "idNumber", taken: "seekers.err.idTaken" },
  certificate_number: { field: "certificateNumber", taken: "seekers.err.certTaken" },
} as const;

/** Counts and audits a try to save a number another account holds (issue 12: the answer must not be an oracle). */
async function recordCollision(trx: DB, actor: Actor, userId: string, holderId: string | null, column: IdentifierField, value: string, request: ProfileRequest) {
  const now = request.now ?? new Date();
  await recordIdentifierCollision(trx, { userId, ip: request.ip ?? null, field: column, now });
  // The number is kept masked; the holder sees the event in their export, without who tried.
  await recordAudit(trx, {
    actorId: actor.id,
    subjectUserId: holderId,
    action: "collision",
    entity: column,
    entityId: maskIdentifier(value),
    reason: "another account tried to save this number; refused",
    ip: request.ip ?? null,
  });
}

/**
 * Checks that a new ID or certificate number may be saved by `userId`. Whether a number is registered is itself
 * sensitive (an account here suggests a disability), so: each try that hits another account's number is counted
 * toward a limit per account and per address, and while a limit holds no new number is looked up at all (so the
 * refusal says nothing about the number tried); each hit is audited for the federation; and the answer says only
 * that the number cannot be saved and whom to contact. Returns the refusal, or null when the number is free.
 */
async function checkNewIdentifier(
  trx: DB,
  actor: Actor,
  userId: string,
  column: IdentifierField,
  value: string,
  request: ProfileRequest,
): Promise<Refused | null> {
  const now = request.now ?? new Date();
  const { field, taken } = IDENTIFIER_FIELDS[column];
  const retryAt = await identifierChecksBlockedUntil(trx, userId, request.ip ?? null, now);
  if (retryAt) return new Refused({ [field]: [retryMessage("seekers.err.identifierTooMany", retryAt, now)] });
  const holderId = await holderOf(trx, column, value, userId);
  if (!holderId) return null;
  await recordCollision(trx, actor, userId, holderId, column, value, request);
  return new Refused({ [field]: [taken] });
}

/** After a unique violation the transaction is gone: the collision is recorded in one of its own. */
function collisionRace(db: DB, actor: Actor, userId: string, values: Partial<Record<IdentifierField, string | null>>, request: ProfileRequest) {
  return async (column: IdentifierField) => {
    const value = values[column];
    if (!value) return;
    await db.transaction().execute(async (trx) => {
      await recordCollision(trx, actor, userId, await holderOf(trx, column, value, userId), column, value, request);
    });
  };
}

/**
 * Personal details. An empty ID number keeps the one on file. Birth date and gender are read from the ID number and
 * stored as read (the form no longer asks for them); a value still sent must agree with it or the save is refused. A new ID number that no longer matches the saved certificate number clears
 * the certificate (its first 18 characters are the ID number), and the disability step must be done again.
 */
export async function savePersonal(
  db: DB,
  actor: Actor,
  userId: string,
  input: PersonalInput,
  request: ProfileRequest = {},
): Promise<Result<{ certificateCleared: boolean }>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    const idNumber = input.idNumber || current.id_number;
    if (!idNumber) throw new Invalid({ idNumber: ["seekers.err.idRequired"] });
    const errors = merge(input.idNumber ? { idNumber: idNumberErrors(idNumber) } : {}, personalCrossErrors(input, idNumber));
    for (const k of Object.keys(errors)) if (!errors[k]!.length) delete errors[k];
    if (Object.keys(errors).length) throw new Invalid(errors);
    const info = parseIdNumber(idNumber);
    if (!info.ok) throw new Invalid({ idNumber: idNumberErrors(idNumber) });
    if (idNumber !== current.id_number) {
      const refused = await checkNewIdentifier(trx, actor, userId, "id_number", idNumber, request);
      if (refused) {
        // The refusal commits (its count and audit), but not the empty profile row this save began.
        if (current.created) await trx.deleteFrom("seeker_profile").where("user_id", "=", userId).execute();
        return refused;
      }
    }
    const certificateCleared = !!current.certificate_number && current.certificate_number.slice(0, 18) !== idNumber;
    await writeStep(
      trx,
      userId,
      current,
      "personal",
      {
        real_name: input.realName,
        gender: info.value.gender,
        birth_date: info.value.birthDate,
        id_number: idNumber,
        ...(certificateCleared ? { certificate_number: null } : {}),
      },
      certificateCleared ? ["disability"] : [],
    );
    return { certificateCleared };
  }, collisionRace(db, actor, userId, { id_number: input.idNumber }, request));
}

/**
 * Disability category, grade and certificate number: sensitive personal information (PIPL art. 28), saved only
 * with explicit consent, whose time is kept. An empty certificate number keeps the one on file; either way it must
 * agree with the ID number on file and with the category and grade chosen, each mismatch with its own message.
 */
export async function saveDisability(db: DB, actor: Actor, userId: string, input: DisabilityInput, request: ProfileRequest = {}): Promise<Result<null>> {
  requireUpdate(actor, userId);
  const now = request.now ?? new Date();
  if (input.consent !== true) return { ok: false, fieldErrors: { consent: ["seekers.err.consentRequired"] } };
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    const certificate = input.certificateNumber || current.certificate_number;
    if (!certificate) throw new Invalid({ certificateNumber: ["seekers.err.certRequired"] });
    const errors = certificateErrors(certificate, { idNumber: current.id_number, category: input.category, grade: input.grade });
    if (Object.keys(errors).length) throw new Invalid(errors);
    if (certificate !== current.certificate_number) {
      const refused = await checkNewIdentifier(trx, actor, userId, "certificate_number", certificate, request);
      if (refused) {
        if (current.created) await trx.deleteFrom("seeker_profile").where("user_id", "=", userId).execute();
        return refused;
      }
    }
    await writeStep(trx, userId, current, "disability", {
      disability_category: input.category,
      disability_grade: input.grade,
      certificate_number: certificate,
      sensitive_consent_at: current.sensitive_consent_at ?? now,
    });
    return null;
  }, collisionRace(db, actor, userId, { certificate_number: input.certificateNumber }, request));
}

/** Withdrawing consent (PIPL art. 15) erases the disability data it covered. */
export async function withdrawDisabilityConsent(db: DB, actor: Actor, userId: string): Promise<void> {
  requireUpdate(actor, userId);
  await db.transaction().execute(async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(
      trx,
      userId,
      current,
      null,
      { disability_category: null, disability_grade: null, certificate_number: null, sensitive_consent_at: null },
      ["disability"],
    );
  });
}

export async function saveRegion(db: DB, actor: Actor, userId: string, input: RegionInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const counties = await trx
      .selectFrom("division")
      .select("code")
      .where("code", "in", [input.householdRegionCode, input.currentRegionCode])
      .where("level", "=", "county")
      .execute();
    const known = new Set(counties.map((c) => c.code));
    const errors: FieldErrors = {};
    if (!known.has(input.householdRegionCode)) errors.householdRegionCode = ["seekers.err.householdRegionRequired"];
    if (!known.has(input.currentRegionCode)) errors.currentRegionCode = ["seekers.err.currentRegionRequired"];
    if (Object.keys(errors).length) throw new Invalid(errors);
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "region", {
      household_region_code: input.householdRegionCode,
      current_region_code: input.currentRegionCode,
      residence: input.residence,
    });
    return null;
  });
}

export async function saveEducation(db: DB, actor: Actor, userId: string, input: EducationInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "education", {
      education: input.education,
      graduate_school: input.graduateSchool || null,
      graduate_major: input.graduateMajor || null,
      graduation_year: input.graduationYear ?? null,
    });
    return null;
  });
}

export async function saveSkills(db: DB, actor: Actor, userId: string, input: SkillsInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "skills", { skills: input.skills, certificates: input.certificates, training_needs: input.trainingNeeds ?? [] });
    return null;
  });
}

export async function saveNeeds(db: DB, actor: Actor, userId: string, input: NeedsInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  const { required, preferred } = needsFromChoices(input.needs);
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "needs", { needs_required: required, needs_preferred: preferred });
    return null;
  });
}

export async function saveLimits(db: DB, actor: Actor, userId: string, input: LimitsInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "limits", { limits: [...new Set(input.limits)] });
    return null;
  });
}

export async function saveWorkPreferences(db: DB, actor: Actor, userId: string, input: PreferencesInput): Promise<Result<null>> {
  requireUpdate(actor, userId);
  return inTransaction(db, async (trx) => {
    const regions = [...new Set(input.preferredRegions)];
    if (regions.length) {
      const found = await trx.selectFrom("division").select("code").where("code", "in", regions).where("level", "=", "prefecture").execute();
      if (found.length !== regions.length) throw new Invalid({ preferredRegions: ["seekers.err.unknownCode"] });
    }
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, "preferences", {
      employment_status: input.employmentStatus,
      work_types: [...new Set(input.workTypes)],
      wants_remote: input.wantsRemote ?? false,
      place_scope: input.placeScope,
      preferred_region_codes: regions,
      expected_pay_min: input.expectedPay ?? null,
    });
    return null;
  });
}

/**
 * The family's circumstances. The poor-household flag (建档立卡贫困户, issue 14) is saved only with its own explicit
 * consent, whose first time is kept; unticking the flag withdraws the consent and erases both.
 */
export async function saveFamily(db: DB, actor: Actor, userId: string, input: FamilyInput, request: { now?: Date } = {}): Promise<Result<null>> {
  requireUpdate(actor, userId);
  const poor = input.poorHousehold === true;
  if (poor && input.poorHouseholdConsent !== true) return { ok: false, fieldErrors: { poorHouseholdConsent: ["trainingProfile.err.poorConsentRequired"] } };
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    const consent = poor
      ? ((await trx.selectFrom("seeker_profile").select("poor_household_consent_at").where("user_id", "=", userId).executeTakeFirstOrThrow()).poor_household_consent_at ??
        request.now ??
        new Date())
      : null;
    await writeStep(trx, userId, current, "family", {
      zero_employment_family: input.zeroEmploymentFamily ?? false,
      low_income_family: input.lowIncomeFamily ?? false,
      poor_household: poor,
      poor_household_consent_at: consent,
    });
    return null;
  });
}

/**
 * Whether employers may find the seeker's anonymous profile (design §5 rule 4). Off by default; turning it on
 * needs the seeker to confirm they have seen what employers will see.
 */
export async function setDiscoverable(db: DB, actor: Actor, userId: string, input: VisibilityInput): Promise<Result<{ discoverable: boolean }>> {
  requireUpdate(actor, userId);
  const discoverable = input.discoverable === "on";
  if (discoverable && !input.confirm) return { ok: false, fieldErrors: { confirm: ["seekers.err.visibilityConfirm"] } };
  return inTransaction(db, async (trx) => {
    const current = await lockProfile(trx, userId);
    await writeStep(trx, userId, current, null, { discoverable });
    return { discoverable };
  });
}

// --- export and erasure ----------------------------------------------------------------------------------------

/** How the export was asked for: the readable page or one of its downloads (kept as the audit event's reason). */
export type ExportPurpose = "page" | "json" | "xlsx";

/**
 * Everything the platform holds about the account (PIPL art. 45): account fields (never the password hash),
 * profile, applications with their timelines, notifications, employment records, the employment services received
 * (counselors, plan, services, referrals), event registrations, invitations, messages, feedback, organization
 * memberships, sessions and who accessed the person's data. The export itself is audited.
 */
export async function exportAccountData(db: DB, actor: Actor, userId: string, options: { ip?: string; now?: Date; purpose?: ExportPurpose } = {}) {
  requirePermission(actor, "read:account", { ownerId: userId });
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom("app_user")
      .select(["id", "phone", "email", "role", "display_name", "region_code", "locale", "large_text", "high_contrast", "easy_read", "created_at", "password_changed_at"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const profile = await trx.selectFrom("seeker_profile").selectAll().where("user_id", "=", userId).executeTakeFirst();
    const applications = await trx
      .selectFrom("application as a")
      .innerJoin("vacancy as v", "v.id", "a.vacancy_id")
      .innerJoin("organization as o", "o.id", "v.organization_id")
      .select((eb) => [
        "a.id",
        "a.vacancy_id",
        "v.title as vacancy_title",
        "o.name as organization_name",
        "a.source",
        "a.status",
        "a.note",
        "a.access_requests",
        "a.disclosure",
        "a.created_at",
        "a.updated_at",
        jsonArrayFrom(
          eb
            .selectFrom("application_event as e")
            .select(["e.from_status", "e.to_status", "e.message", "e.at"])
            .whereRef("e.application_id", "=", "a.id")
            .orderBy("e.at")
            .orderBy("e.id"),
        ).as("events"),
      ])
      .where("a.seeker_id", "=", userId)
      .orderBy("a.created_at")
      .execute();
    const notifications = await trx
      .selectFrom("notification")
      .select(["kind", "params", "link", "read_at", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    // Every form of employment (decision 012): a job without an organization on the platform names its employer or
    // describes the self-employment in employer_name.
    const employment = await trx
      .selectFrom("employment as m")
      .leftJoin("organization as o", "o.id", "m.organization_id")
      .select([
        "m.id",
        sql<string>`coalesce(o.name, m.employer_name)`.as("organization_name"),
        "m.form",
        "m.origin",
        "m.contract_months",
        "m.evidence",
        "m.vacancy_id",
        "m.application_id",
        "m.contract_start",
        "m.contract_end",
        "m.social_insurance",
        "m.monthly_pay",
        "m.disability_grade",
        "m.ended_on",
        "m.created_at",
      ])
      .where("m.seeker_id", "=", userId)
      .orderBy("m.contract_start")
      .execute();
    // What staff recorded about the person in the plan's programmes (issues 13 and 14): their own rows only — a
    // household's other members and a business's co-owners are other people's data and are not exported here.
    const realNameChecks = await trx
      .selectFrom("real_name_verification")
      .select(["verified_on", "employment_status", "employment_form", "training_needs", "service_needs", "note"])
      .where("seeker_id", "=", userId)
      .orderBy("verified_on")
      .execute();
    const household = await trx
      .selectFrom("household_member as m")
      .innerJoin("household as h", "h.id", "m.household_id")
      .select(["m.relation", "h.region_code", "h.consent_note", "h.consent_on", "h.created_at"])
      .where("m.seeker_id", "=", userId)
      .executeTakeFirst();
    const courses = await trx
      .selectFrom("course_enrolment as e")
      .innerJoin("course as c", "c.id", "e.course_id")
      .select(["c.title", "c.kind", "c.starts_on", "c.ends_on", "e.status", "e.access_requests", "e.access_note", "e.attended_days", "e.completed_on", "e.created_at"])
      .where("e.seeker_id", "=", userId)
      .orderBy("e.created_at")
      .execute();
    const certificates = await trx
      .selectFrom("training_certificate")
      .select(["kind", "name", "level", "number", "issuer", "issued_on", "show_on_profile"])
      .where("seeker_id", "=", userId)
      .orderBy("issued_on")
      .execute();
    const businesses = await trx
      .selectFrom("business_owner as bo")
      .innerJoin("business as b", "b.id", "bo.business_id")
      .select((eb) => [
        "b.name",
        "b.kind",
        "b.region_code",
        "b.started_on",
        "b.registration_number",
        "b.description",
        jsonArrayFrom(eb.selectFrom("business_support as s").select(["s.kind", "s.amount", "s.support_date"]).whereRef("s.business_id", "=", "b.id").orderBy("s.support_date")).as("support"),
        jsonArrayFrom(eb.selectFrom("business_check as k").select(["k.year", "k.running", "k.employs_others", "k.checked_on"]).whereRef("k.business_id", "=", "b.id").orderBy("k.year")).as("checks"),
      ])
      .where("bo.seeker_id", "=", userId)
      .execute();
    const competitionEntries = await trx
      .selectFrom("competition_entry as e")
      .innerJoin("competition_category as c", "c.id", "e.category_id")
      .innerJoin("recruitment_event as ev", "ev.id", "c.event_id")
      .select(["ev.title as competition", "c.name as category", "e.status", "e.access_requests", "e.score", "e.rank", "e.award", "e.created_at"])
      .where("e.seeker_id", "=", userId)
      .orderBy("e.created_at")
      .execute();
    const assessments = await trx
      .selectFrom("capability_assessment")
      .select(["assessed_on", "method", "result", "recommendations"])
      .where("seeker_id", "=", userId)
      .orderBy("assessed_on")
      .execute();
    // Employment services (issue 6): who served the person and when, the plan, its actions, the services and referrals.
    const counselorAssignments = await trx
      .selectFrom("caseload_assignment as c")
      .leftJoin("app_user as u", "u.id", "c.counselor_id")
      .select(["u.display_name as counselor_name", "c.started_at", "c.ended_at"])
      .where("c.seeker_id", "=", userId)
      .orderBy("c.started_at")
      .execute();
    const plan = await trx
      .selectFrom("individual_plan")
      .select(["goals", "barriers", "status", "created_at", "updated_at"])
      .where("seeker_id", "=", userId)
      .executeTakeFirst();
    const planActions = await trx
      .selectFrom("plan_action")
      .select(["description", "owner", "due_date", "status", "completed_at", "created_at"])
      .where("seeker_id", "=", userId)
      .orderBy("due_date")
      .orderBy("created_at")
      .execute();
    const services = await trx
      .selectFrom("service_record as s")
      .leftJoin("app_user as u", "u.id", "s.counselor_id")
      .select(["s.type", "s.service_date", "s.notes", "s.outcome", "u.display_name as counselor_name", "s.created_at"])
      .where("s.seeker_id", "=", userId)
      .orderBy("s.service_date")
      .orderBy("s.created_at")
      .execute();
    const referrals = await trx
      .selectFrom("referral as r")
      .innerJoin("vacancy as v", "v.id", "r.vacancy_id")
      .leftJoin("organization as o", "o.id", "v.organization_id")
      .select(["v.title as vacancy_title", "o.name as organization_name", "r.message", "r.status", "r.created_at", "r.responded_at"])
      .where("r.seeker_id", "=", userId)
      .orderBy("r.created_at")
      .execute();
    const invitations = await trx
      .selectFrom("vacancy_invitation as i")
      .innerJoin("vacancy as v", "v.id", "i.vacancy_id")
      .leftJoin("organization as o", "o.id", "v.organization_id")
      .select(["v.title as vacancy_title", "o.name as organization_name", "i.message", "i.status", "i.created_at", "i.responded_at"])
      .where("i.seeker_id", "=", userId)
      .orderBy("i.created_at")
      .execute();
    const eventRegistrations = await trx
      .selectFrom("event_registration as r")
      .innerJoin("recruitment_event as e", "e.id", "r.event_id")
      .select((eb) => [
        "e.title as event_title",
        "e.starts_at",
        "r.status",
        "r.access_requests",
        "r.checked_in_at",
        "r.cancelled_at",
        "r.created_at",
        jsonArrayFrom(
          eb
            .selectFrom("interview_slot as s")
            .innerJoin("event_employer as ee", "ee.id", "s.event_employer_id")
            .innerJoin("organization as o", "o.id", "ee.organization_id")
            .select(["o.name as organization_name", "s.starts_at", "s.ends_at", "s.access_requests"])
            .whereRef("s.registration_id", "=", "r.id")
            .orderBy("s.starts_at"),
        ).as("interviews"),
      ])
      .where("r.seeker_id", "=", userId)
      .orderBy("r.created_at")
      .execute();
    // The thread with one's counselor: what was written, and whether it was one's own.
    const messages = await trx
      .selectFrom("message")
      .select((eb) => ["body", "created_at", "read_at", eb("sender_id", "=", userId).as("sent_by_me")])
      .where("seeker_id", "=", userId)
      .orderBy("created_at")
      .execute();
    const feedback = await trx
      .selectFrom("feedback")
      .select(["kind", "page", "message", "contact", "status", "response", "created_at", "handled_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute();
    const organizations = await trx
      .selectFrom("organization_member as m")
      .innerJoin("organization as o", "o.id", "m.organization_id")
      .select(["o.name", "m.role", "m.created_at"])
      .where("m.user_id", "=", userId)
      .orderBy("m.created_at")
      .execute();
    const sessions = await trx.selectFrom("user_session").select(["created_at", "expires_at"]).where("user_id", "=", userId).orderBy("created_at").execute();
    // Who else read or changed the person's data: the actor's role, never who they are (nor, for a number another
    // account tried to save, even that: decision 009).
    const accessLog = await trx
      .selectFrom("audit_event as a")
      .leftJoin("app_user as u", "u.id", "a.actor_id")
      .select(["a.action", "a.entity", "a.reason", "a.at", sql<Role | null>`case when a.action = 'collision' then null else u.role end`.as("actor_role")])
      .where("a.subject_user_id", "=", userId)
      .where((eb) => eb.or([eb("a.actor_id", "is", null), eb("a.actor_id", "<>", userId)]))
      .orderBy("a.at")
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: userId, action: "export", entity: "account", entityId: userId, reason: options.purpose ?? null, ip: options.ip });
    return {
      format: "qiancheng-account-export/1",
      exportedAt: now.toISOString(),
      account,
      profile: profile ?? null,
      applications,
      notifications,
      employment,
      realNameChecks,
      household: household ?? null,
      courses,
      certificates,
      businesses,
      competitionEntries,
      assessments,
      counseling: { assignments: counselorAssignments, plan: plan ?? null, actions: planActions, services, referrals },
      invitations,
      eventRegistrations,
      messages,
      feedback,
      organizations,
      sessions,
      accessLog,
    };
  });
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;

/**
 * Deletes a seeker's account after they re-enter their password (PIPL art. 47). The account row goes, and with it
 * (by foreign keys) the profile, sessions and notifications. Employers keep their records of past applications and
 * hires, anonymized: the seeker reference becomes null, and the seeker's own words on them (note, disclosure choice,
 * messages) are removed. The audit event records the deletion without any personal data.
 */
export async function deleteOwnAccount(
  db: DB,
  actor: Actor,
  userId: string,
  input: DeleteAccountInput,
  request: { ip: string; now?: Date },
): Promise<Result<{ applications: number; employment: number }>> {
  requirePermission(actor, "delete:account", { ownerId: userId });
  requirePermission(actor, "delete:seeker_profile", { ownerId: userId });
  const now = request.now ?? new Date();
  const user = await db.selectFrom("app_user").select(["password_hash", "phone", "email"]).where("id", "=", userId).executeTakeFirstOrThrow();
  // Same key and limits as signing in, so this form cannot be used to guess the password faster. The attempt is
  // counted as a failure before the check; a right password deletes the account and its attempts with it.
  const accountKey = signInAccountKey(userId);
  const attempt = await beginSignInAttempt(db, { accountKey, ip: request.ip, now });
  if (!attempt.ok) return { ok: false, fieldErrors: { password: [retryMessage("err.tooManyAttempts", attempt.retryAt, now)] } };
  if (!(await verifyPassword(user.password_hash, input.password))) {
    return { ok: false, fieldErrors: { password: ["seekers.err.deletePasswordWrong"] } };
  }
  const value = await db.transaction().execute(async (trx) => {
    const applications = await trx
      .updateTable("application")
      .set({ note: null, disclosure: [], updated_at: now })
      .where("seeker_id", "=", userId)
      .executeTakeFirst();
    await trx.updateTable("application_event").set({ message: null }).where("actor_id", "=", userId).execute();
    const employment = await trx
      .selectFrom("employment")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("seeker_id", "=", userId)
      .executeTakeFirstOrThrow();
    // Attempts are counted against the account; those from before they were, or for the contact while it had no
    // account, carry the phone number or email address.
    const keys = [accountKey, user.phone ? `phone:${user.phone}` : null, user.email ? `email:${user.email}` : null].filter((k): k is string => !!k);
    await trx.deleteFrom("login_attempt").where("account_key", "in", keys).execute();
    await trx.deleteFrom("app_user").where("id", "=", userId).execute();
    const counts = { applications: Number(applications.numUpdatedRows), employment: Number(employment.n) };
    await recordAudit(trx, {
      actorId: null,
      subjectUserId: null,
      action: "delete",
      entity: "account",
      entityId: null,
      reason: `seeker account deleted by its owner; ${counts.applications} application(s) and ${counts.employment} employment record(s) kept anonymized`,
    });
    return counts;
  });
  return { ok: true, value };
}
