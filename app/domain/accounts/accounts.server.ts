import type { DB } from "../../../db/database";
import type { Role } from "../../../db/schema";
import { errorMessage, type MessageKey } from "../../i18n/i18n";
import { regionPrefix, requirePermission, type Actor } from "../permissions";
import type { ChangePasswordInput, CreateStaffInput, LoginInput, RegisterInput } from "./accounts.schema";
import { normalizeIdentifier } from "./accounts.schema";
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from "./password.server";
import {
  beginSignInAttempt,
  recordRegistrationAttempt,
  registrationBlockedUntil,
  registrationRefusedForContact,
  registrationSucceeded,
  signInBlockedUntil,
  signInSucceeded,
} from "./rate-limit.server";
import { createSession, invalidateUserSessions } from "./session.server";

/** Field errors carry message keys (see app/i18n); `""` is the form as a whole. */
export type FieldErrors = Record<string, string[]>;
export type Result<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

function minutesUntil(date: Date, now: Date) {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60000));
}

/** A message saying when to try again; `key`'s text has `{time}` and `{minutes}`. */
export function retryMessage(key: MessageKey, retryAt: Date, now: Date) {
  // The time is rendered in Asia/Shanghai by the page; the message carries it as an ISO string.
  return errorMessage(key, { time: retryAt.toISOString(), minutes: minutesUntil(retryAt, now) });
}

/** Staff accounts are created by an admin, who may learn that a contact is taken. */
const TAKEN = { phone: "err.phoneTaken", email: "err.emailTaken" } as const;
/** Registration is open to anyone: it says only that the contact cannot be used (decision 009). */
const UNAVAILABLE = { phone: "err.phoneUnavailable", email: "err.emailUnavailable" } as const;

async function contactTaken(
  db: DB,
  phone: string | undefined,
  email: string | undefined,
  messages: { phone: MessageKey; email: MessageKey },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (phone && (await db.selectFrom("app_user").select("id").where("phone", "=", phone).executeTakeFirst())) {
    errors.phone = [messages.phone];
  }
  if (email && (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst())) {
    errors.email = [messages.email];
  }
  return errors;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23505";
}

export async function registerAccount(
  db: DB,
  input: RegisterInput,
  request: { ip: string; now?: Date },
): Promise<Result<{ userId: string; sessionToken: string; expiresAt: Date }>> {
  const now = request.now ?? new Date();
  // Every attempt counts toward the address's limit, refused ones too, so that the form cannot be used to test
  // phone numbers in bulk for an account (having one here suggests a disability). The contact is looked up under
  // the address's lock, so parallel requests cannot all pass the limit on contacts that cannot be used.
  const attempt = await db.transaction().execute(async (trx) => {
    const retryAt = await registrationBlockedUntil(trx, request.ip, now);
    if (retryAt) return { ok: false as const, retryAt };
    const common = isCommonPassword(input.password);
    const unavailable = common ? {} : await contactTaken(trx, input.phone, input.email, UNAVAILABLE);
    const contactUnavailable = Object.keys(unavailable).length > 0;
    const attemptId = await recordRegistrationAttempt(trx, { ip: request.ip, contactUnavailable, now });
    return { ok: true as const, attemptId, common, unavailable: contactUnavailable ? unavailable : null };
  });
  if (!attempt.ok) return { ok: false, fieldErrors: { "": [retryMessage("err.tooManyRegistrations", attempt.retryAt, now)] } };
  if (attempt.common) return { ok: false, fieldErrors: { password: ["err.passwordCommon"] } };
  if (attempt.unavailable) return { ok: false, fieldErrors: attempt.unavailable };

  const passwordHash = await hashPassword(input.password);
  try {
    const result = await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto("app_user")
        .values({ phone: input.phone ?? null, email: input.email ?? null, password_hash: passwordHash, role: input.role })
        .returning("id")
        .executeTakeFirstOrThrow();
      await registrationSucceeded(trx, attempt.attemptId);
      const { token, session } = await createSession(trx, user.id, now);
      return { userId: user.id, sessionToken: token, expiresAt: session.expiresAt };
    });
    return { ok: true, value: result };
  } catch (e) {
    // Two registrations raced for the same contact: answer as for a contact that cannot be used.
    if (isUniqueViolation(e)) {
      await registrationRefusedForContact(db, attempt.attemptId);
      return { ok: false, fieldErrors: await contactTaken(db, input.phone, input.email, UNAVAILABLE) };
    }
    throw e;
  }
}

/** The key sign-in limits count against: the account when the identifier has one (its phone and email alike). */
export function signInAccountKey(userId: string): string {
  return `user:${userId}`;
}

export async function signIn(
  db: DB,
  input: LoginInput,
  request: { ip: string; now?: Date },
): Promise<Result<{ userId: string; role: Role; sessionToken: string; expiresAt: Date }>> {
  const now = request.now ?? new Date();
  const { kind, value } = normalizeIdentifier(input.identifier);
  const user = await db
    .selectFrom("app_user")
    .select(["id", "role", "password_hash"])
    .where(kind, "=", value)
    .executeTakeFirst();
  // An unknown identifier is limited by itself, and costs the same password check as a known one.
  const accountKey = user ? signInAccountKey(user.id) : `${kind}:${value}`;
  // Counted before the password is checked, so parallel guesses cannot all pass a limit read before any was written.
  const attempt = await beginSignInAttempt(db, { accountKey, ip: request.ip, now });
  if (!attempt.ok) return { ok: false, fieldErrors: { "": [retryMessage("err.tooManyAttempts", attempt.retryAt, now)] } };

  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    const after = await signInBlockedUntil(db, accountKey, request.ip, now);
    if (after) return { ok: false, fieldErrors: { "": [retryMessage("err.tooManyAttempts", after, now)] } };
    return { ok: false, fieldErrors: { password: ["err.credentials"] } };
  }
  const { token, session } = await db.transaction().execute(async (trx) => {
    await signInSucceeded(trx, attempt.attemptId);
    return createSession(trx, user.id, now);
  });
  return { ok: true, value: { userId: user.id, role: user.role, sessionToken: token, expiresAt: session.expiresAt } };
}

export async function changePassword(
  db: DB,
  actor: Actor,
  currentSessionId: string,
  input: ChangePasswordInput,
): Promise<Result<{ endedSessions: number }>> {
  requirePermission(actor, "update:account", { ownerId: actor.id });
  const user = await db.selectFrom("app_user").select(["password_hash"]).where("id", "=", actor.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: ["err.currentPasswordWrong"] } };
  }
  if (isCommonPassword(input.newPassword)) return { ok: false, fieldErrors: { newPassword: ["err.passwordCommon"] } };
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where("id", "=", actor.id)
      .execute();
    return invalidateUserSessions(trx, actor.id, currentSessionId);
  });
  return { ok: true, value: { endedSessions } };
}

export async function createStaffAccount(db: DB, actor: Actor, input: CreateStaffInput): Promise<Result<{ userId: string }>> {
  requirePermission(actor, "create:staff_account", { regionCode: actor.regionCode });
  const region = await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst();
  if (!region) return { ok: false, fieldErrors: { regionCode: ["err.regionRequired"] } };
  try {
    requirePermission(actor, "create:staff_account", { regionCode: input.regionCode });
  } catch {
    return { ok: false, fieldErrors: { regionCode: ["err.regionOutside"] } };
  }
  if (isCommonPassword(input.password)) return { ok: false, fieldErrors: { password: ["err.passwordCommon"] } };
  const taken = await contactTaken(db, input.phone, input.email, TAKEN);
  if (Object.keys(taken).length) return { ok: false, fieldErrors: taken };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("app_user")
        .values({
          phone: input.phone ?? null,
          email: input.email ?? null,
          password_hash: passwordHash,
          role: input.role,
          display_name: input.displayName,
          region_code: input.regionCode,
          created_by: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("audit_event")
        .values({ actor_id: actor.id, subject_user_id: created.id, action: "create", entity: "staff_account", entity_id: created.id })
        .execute();
      return created;
    });
    return { ok: true, value: { userId: user.id } };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: await contactTaken(db, input.phone, input.email, TAKEN) };
    throw e;
  }
}

export interface StaffRow {
  id: string;
  displayName: string | null;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  phone: string | null;
  email: string | null;
  createdAt: Date;
}

export async function listStaffAccounts(db: DB, actor: Actor): Promise<StaffRow[]> {
  requirePermission(actor, "read:staff_account", { regionCode: actor.regionCode });
  const prefix = regionPrefix(actor.regionCode!);
  const rows = await db
    .selectFrom("app_user as u")
    .leftJoin("division as d", "d.code", "u.region_code")
    .select(["u.id", "u.display_name", "u.role", "u.region_code", "d.name as region_name", "u.phone", "u.email", "u.created_at"])
    .where("u.role", "in", ["counselor", "admin"])
    .where("u.region_code", "like", `${prefix}%`)
    .orderBy("u.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    regionCode: r.region_code,
    regionName: r.region_name,
    phone: r.phone,
    email: r.email,
    createdAt: r.created_at,
  }));
}

/** Saves a signed-in user's language and display preferences. */
export async function savePreferences(
  db: DB,
  userId: string,
  prefs: { locale?: "zh-CN" | "en"; largeText?: boolean; highContrast?: boolean; easyRead?: boolean },
): Promise<void> {
  const set: { locale?: "zh-CN" | "en"; large_text?: boolean; high_contrast?: boolean; easy_read?: boolean } = {};
  if (prefs.locale) set.locale = prefs.locale;
  if (prefs.largeText !== undefined) set.large_text = prefs.largeText;
  if (prefs.highContrast !== undefined) set.high_contrast = prefs.highContrast;
  if (prefs.easyRead !== undefined) set.easy_read = prefs.easyRead;
  if (Object.keys(set).length) await db.updateTable("app_user").set(set).where("id", "=", userId).execute();
}
