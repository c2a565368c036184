import { describe, expect, it } from "vitest";
import { uniqueIp, uniquePhone, useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { changePassword, createStaffAccount, registerAccount, signIn } from "./accounts.server";
import { verifyPassword, isCommonPassword } from "./password.server";
import { LIMITS } from "./rate-limit.server";
import { countUserSessions, createSession, validateSessionToken, SESSION_LIFETIME_MS } from "./session.server";

const t = useTestDatabase();
const PASSWORD = "a good long passphrase";

async function register(phone = uniquePhone(), role: "seeker" | "employer" = "seeker") {
  const r = await registerAccount(t.db, { role, phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip: uniqueIp() });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { phone, ...r.value };
}

describe("registration", () => {
  it("creates the account with an argon2id hash and a session", async () => {
    const { userId, sessionToken } = await register();
    const row = await t.db.selectFrom("app_user").select(["password_hash", "role"]).where("id", "=", userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);
    expect(row.role).toBe("seeker");
    const v = await validateSessionToken(t.db, sessionToken);
    expect(v?.user.id).toBe(userId);
  });

  it("refuses a phone number already registered, at the phone field", async () => {
    const { phone } = await register();
    const again = await registerAccount(t.db, { role: "employer", phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip: uniqueIp() });
    expect(again).toEqual({ ok: false, fieldErrors: { phone: ["err.phoneTaken"] } });
  });

  it("refuses common passwords", async () => {
    expect(isCommonPassword("password123")).toBe(true);
    expect(isCommonPassword("Qiancheng#2026")).toBe(false);
    const r = await registerAccount(
      t.db,
      { role: "seeker", phone: uniquePhone(), password: "password123", confirmPassword: "password123" },
      { ip: uniqueIp() },
    );
    expect(r).toEqual({ ok: false, fieldErrors: { password: ["err.passwordCommon"] } });
  });

  it("gives one account when the same phone registers twice at once", async () => {
    const phone = uniquePhone();
    const results = await Promise.all(
      [0, 1, 2].map(() => registerAccount(t.db, { role: "seeker", phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip: uniqueIp() })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, fieldErrors: { phone: ["err.phoneTaken"] } });
    const n = await t.db.selectFrom("app_user").select("id").where("phone", "=", phone).execute();
    expect(n).toHaveLength(1);
  });

  it("limits registrations per address", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < LIMITS.registerPerIp.max; i++) {
      const r = await registerAccount(t.db, { role: "seeker", phone: uniquePhone(), password: PASSWORD, confirmPassword: PASSWORD }, { ip });
      expect(r.ok).toBe(true);
    }
    const r = await registerAccount(t.db, { role: "seeker", phone: uniquePhone(), password: PASSWORD, confirmPassword: PASSWORD }, { ip });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors[""]![0]).toMatch(/^err\.tooManyRegistrations\|/);
  });
});

describe("sign-in", () => {
  it("signs in by phone or email and issues a new session each time", async () => {
    const { phone } = await register();
    const a = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp() });
    const b = await signIn(t.db, { identifier: ` ${phone.slice(0, 3)} ${phone.slice(3)} `, password: PASSWORD }, { ip: uniqueIp() });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.value.sessionToken).not.toBe(b.value.sessionToken);
  });

  it("answers the same for an unknown account and a wrong password", async () => {
    const { phone } = await register();
    const wrong = await signIn(t.db, { identifier: phone, password: "not the password" }, { ip: uniqueIp() });
    const unknown = await signIn(t.db, { identifier: uniquePhone(), password: "not the password" }, { ip: uniqueIp() });
    expect(wrong).toEqual({ ok: false, fieldErrors: { password: ["err.credentials"] } });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after 5 failures, even with the right password, and says when to retry", async () => {
    const { phone } = await register();
    const now = new Date();
    for (let i = 0; i < LIMITS.signInPerAccount.max - 1; i++) {
      await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip: uniqueIp(), now });
    }
    const fifth = await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip: uniqueIp(), now });
    expect(fifth.ok).toBe(false);
    if (!fifth.ok) expect(fifth.fieldErrors[""]![0]).toMatch(/^err\.tooManyAttempts\|/);
    const right = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp(), now });
    expect(right.ok).toBe(false);
    if (!right.ok) {
      const vars = JSON.parse(right.fieldErrors[""]![0]!.split("|")[1]!);
      expect(new Date(vars.time).getTime()).toBeGreaterThan(now.getTime());
      expect(vars.minutes).toBe(15);
    }
    // The window passes: the account opens again (the count lives in the database, not in memory).
    const later = new Date(now.getTime() + LIMITS.signInPerAccount.windowMs + 1000);
    const after = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp(), now: later });
    expect(after.ok).toBe(true);
  });

  it("limits failures per address across accounts", async () => {
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LIMITS.signInPerIp.max; i++) {
      await signIn(t.db, { identifier: uniquePhone(), password: "wrong wrong" }, { ip, now });
    }
    const { phone } = await register();
    const r = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip, now });
    expect(r.ok).toBe(false);
  });
});

describe("sessions", () => {
  it("stores only a hash of the token", async () => {
    const { userId, sessionToken } = await register();
    const rows = await t.db.selectFrom("user_session").select("id").where("user_id", "=", userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(sessionToken);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("expires, and slides forward when used in its second half", async () => {
    const { userId } = await register();
    const start = new Date("2030-01-01T00:00:00Z");
    const { token } = await createSession(t.db, userId, start);
    const early = await validateSessionToken(t.db, token, new Date(start.getTime() + 60_000));
    expect(early?.renewed).toBe(false);
    const late = new Date(start.getTime() + SESSION_LIFETIME_MS - 24 * 3600_000);
    const renewed = await validateSessionToken(t.db, token, late);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.session.expiresAt.getTime()).toBe(late.getTime() + SESSION_LIFETIME_MS);
    const expired = await validateSessionToken(t.db, token, new Date(late.getTime() + SESSION_LIFETIME_MS + 1));
    expect(expired).toBeNull();
    expect(await validateSessionToken(t.db, "not-a-token")).toBeNull();
  });

  it("changing the password ends every other session", async () => {
    const { userId, phone } = await register();
    const other = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp() });
    const current = await createSession(t.db, userId);
    expect(await countUserSessions(t.db, userId)).toBe(3);
    const actor: Actor = { id: userId, role: "seeker", regionCode: null };
    const wrong = await changePassword(t.db, actor, current.session.id, {
      currentPassword: "nope nope",
      newPassword: "another long passphrase",
      confirmNewPassword: "another long passphrase",
    });
    expect(wrong).toEqual({ ok: false, fieldErrors: { currentPassword: ["err.currentPasswordWrong"] } });
    const r = await changePassword(t.db, actor, current.session.id, {
      currentPassword: PASSWORD,
      newPassword: "another long passphrase",
      confirmNewPassword: "another long passphrase",
    });
    expect(r).toEqual({ ok: true, value: { endedSessions: 2 } });
    expect(await validateSessionToken(t.db, current.token)).not.toBeNull();
    if (other.ok) expect(await validateSessionToken(t.db, other.value.sessionToken)).toBeNull();
    const again = await signIn(t.db, { identifier: phone, password: "another long passphrase" }, { ip: uniqueIp() });
    expect(again.ok).toBe(true);
  });
});

describe("staff accounts", () => {
  async function admin(regionCode: string): Promise<Actor> {
    const { userId } = await register();
    await t.db.updateTable("app_user").set({ role: "admin", region_code: regionCode }).where("id", "=", userId).execute();
    return { id: userId, role: "admin", regionCode };
  }

  it("an admin creates a counselor in their region, and the creation is audited", async () => {
    const a = await admin("520100");
    const r = await createStaffAccount(t.db, a, {
      role: "counselor",
      displayName: "测试指导员",
      regionCode: "520102",
      phone: uniquePhone(),
      password: PASSWORD,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = await t.db.selectFrom("app_user").select(["role", "region_code", "created_by"]).where("id", "=", r.value.userId).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: "counselor", region_code: "520102", created_by: a.id });
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("subject_user_id", "=", r.value.userId).execute();
    expect(audit).toEqual([{ action: "create", entity: "staff_account" }]);
  });

  it("refuses a region outside the admin's own", async () => {
    const a = await admin("520100");
    const r = await createStaffAccount(t.db, a, { role: "admin", displayName: "x", regionCode: "520201", phone: uniquePhone(), password: PASSWORD });
    expect(r).toEqual({ ok: false, fieldErrors: { regionCode: ["err.regionOutside"] } });
  });

  it("is not available to other roles", async () => {
    const { userId } = await register();
    const seeker: Actor = { id: userId, role: "seeker", regionCode: null };
    await expect(
      createStaffAccount(t.db, seeker, { role: "admin", displayName: "x", regionCode: "520100", phone: uniquePhone(), password: PASSWORD }),
    ).rejects.toBeInstanceOf(Response);
  });
});
