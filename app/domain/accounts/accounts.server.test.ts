import { describe, expect, it, vi } from "vitest";
import { uniqueIp, uniquePhone, useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { changePassword, createStaffAccount, registerAccount, signIn } from "./accounts.server";
import * as password from "./password.server";
import { verifyPassword, isCommonPassword } from "./password.server";
import { LIMITS } from "./rate-limit.server";

// A pass-through spy, so a test can count how many passwords were actually checked.
vi.mock("./password.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password.server")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
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

  it("refuses a phone number already registered, at the phone field, saying only that it cannot be used", async () => {
    const { phone } = await register();
    const again = await registerAccount(t.db, { role: "employer", phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip: uniqueIp() });
    expect(again).toEqual({ ok: false, fieldErrors: { phone: ["err.phoneUnavailable"] } });
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
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, fieldErrors: { phone: ["err.phoneUnavailable"] } });
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

  it("counts refused registrations, and refuses an address that tried too many contacts that cannot be used", async () => {
    const ip = uniqueIp();
    const now = new Date();
    const { phone } = await register();
    await registerAccount(t.db, { role: "seeker", phone: uniquePhone(), password: "password123", confirmPassword: "password123" }, { ip, now });
    for (let i = 0; i < LIMITS.registerUnavailablePerIp.max; i++) {
      const r = await registerAccount(t.db, { role: "seeker", phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip, now });
      expect(r).toEqual({ ok: false, fieldErrors: { phone: ["err.phoneUnavailable"] } });
    }
    const counted = await t.db.selectFrom("login_attempt").select(["succeeded", "detail"]).where("kind", "=", "register").where("ip", "=", ip).execute();
    expect(counted).toHaveLength(LIMITS.registerUnavailablePerIp.max + 1);
    // Now the address is refused whatever it tries, a free phone too, so the answer says nothing about the phone.
    for (const p of [phone, uniquePhone()]) {
      const r = await registerAccount(t.db, { role: "seeker", phone: p, password: PASSWORD, confirmPassword: PASSWORD }, { ip, now });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors[""]![0]).toMatch(/^err\.tooManyRegistrations\|/);
    }
    const later = new Date(now.getTime() + LIMITS.registerUnavailablePerIp.windowMs + 1000);
    expect((await registerAccount(t.db, { role: "seeker", phone: uniquePhone(), password: PASSWORD, confirmPassword: PASSWORD }, { ip, now: later })).ok).toBe(true);
  });

  it("holds the registration limit under parallel requests", async () => {
    const ip = uniqueIp();
    const now = new Date();
    const { phone } = await register();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => registerAccount(t.db, { role: "seeker", phone, password: PASSWORD, confirmPassword: PASSWORD }, { ip, now })),
    );
    expect(results.filter((r) => !r.ok && r.fieldErrors.phone)).toHaveLength(LIMITS.registerUnavailablePerIp.max);
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

  it("locks an account for an address after 5 failures there, even with the right password, and says when to retry", async () => {
    const { phone } = await register();
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LIMITS.signInPerAccountAddress.max - 1; i++) {
      await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip, now });
    }
    const fifth = await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip, now });
    expect(fifth.ok).toBe(false);
    if (!fifth.ok) expect(fifth.fieldErrors[""]![0]).toMatch(/^err\.tooManyAttempts\|/);
    const right = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip, now });
    expect(right.ok).toBe(false);
    if (!right.ok) {
      const vars = JSON.parse(right.fieldErrors[""]![0]!.split("|")[1]!);
      expect(new Date(vars.time).getTime()).toBeGreaterThan(now.getTime());
      expect(vars.minutes).toBe(15);
    }
    // The window passes: the account opens again (the count lives in the database, not in memory).
    const later = new Date(now.getTime() + LIMITS.signInPerAccountAddress.windowMs + 1000);
    const after = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip, now: later });
    expect(after.ok).toBe(true);
  });

  it("checks at most 5 of 30 parallel wrong passwords from one address; the owner still signs in from another", async () => {
    const { phone, userId } = await register();
    const ip = uniqueIp();
    const wrong = "parallel wrong guess";
    const checks = vi.mocked(password.verifyPassword);
    checks.mockClear();
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn(t.db, { identifier: phone, password: wrong }, { ip })));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(checks.mock.calls.filter(([, p]) => p === wrong).length).toBeLessThanOrEqual(LIMITS.signInPerAccountAddress.max);
    expect(results.filter((r) => !r.ok && r.fieldErrors[""]?.[0]?.startsWith("err.tooManyAttempts|")).length).toBeGreaterThanOrEqual(25);

    checks.mockClear();
    const right = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip });
    expect(checks).not.toHaveBeenCalled();
    expect(right.ok).toBe(false);
    if (!right.ok) {
      const [key, vars] = right.fieldErrors[""]![0]!.split("|");
      expect(key).toBe("err.tooManyAttempts");
      const { time, minutes } = JSON.parse(vars!);
      expect(new Date(time).getTime()).toBeGreaterThan(Date.now());
      expect(minutes).toBeGreaterThanOrEqual(1);
    }
    const elsewhere = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp() });
    expect(elsewhere.ok && elsewhere.value.userId).toBe(userId);
    // The attempts are counted against the account, not the phone number typed.
    const keys = await t.db.selectFrom("login_attempt").select("account_key").where("ip", "=", ip).distinct().execute();
    expect(keys).toEqual([{ account_key: `user:${userId}` }]);
  });

  it("counts the phone and the email of one account as one account", async () => {
    const { phone, userId } = await register();
    const email = `${phone}@example.com`;
    await t.db.updateTable("app_user").set({ email }).where("id", "=", userId).execute();
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < LIMITS.signInPerAccountAddress.max; i++) {
      await signIn(t.db, { identifier: i % 2 ? phone : email, password: "wrong wrong" }, { ip, now });
    }
    const byEmail = await signIn(t.db, { identifier: email, password: PASSWORD }, { ip, now });
    const byPhone = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip, now });
    for (const r of [byEmail, byPhone]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors[""]![0]).toMatch(/^err\.tooManyAttempts\|/);
    }
  });

  it("slows an account down when many addresses fail, with a delay that doubles, and a success ends it", async () => {
    const { phone } = await register();
    const { free, baseDelayMs, maxDelayMs } = LIMITS.signInPerAccount;
    let now = new Date();
    for (let i = 0; i < free; i++) {
      const r = await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip: uniqueIp(), now });
      expect(r.ok).toBe(false);
    }
    // From a new address, with the right password: it waits for the first delay.
    const waiting = await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp(), now });
    expect(waiting.ok).toBe(false);
    if (!waiting.ok) expect(JSON.parse(waiting.fieldErrors[""]![0]!.split("|")[1]!).time).toBe(new Date(now.getTime() + baseDelayMs).toISOString());
    // Each further failure doubles the delay, up to the cap.
    let delay = baseDelayMs;
    for (let i = 0; i < 6; i++) {
      now = new Date(now.getTime() + delay);
      const r = await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip: uniqueIp(), now });
      delay = Math.min(maxDelayMs, delay * 2);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(JSON.parse(r.fieldErrors[""]![0]!.split("|")[1]!).time).toBe(new Date(now.getTime() + delay).toISOString());
    }
    expect(delay).toBe(maxDelayMs);
    now = new Date(now.getTime() + delay);
    expect((await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp(), now })).ok).toBe(true);
    expect((await signIn(t.db, { identifier: phone, password: "wrong wrong" }, { ip: uniqueIp(), now })).ok).toBe(false);
    expect((await signIn(t.db, { identifier: phone, password: PASSWORD }, { ip: uniqueIp(), now })).ok).toBe(true);
  });

  it("limits unknown identifiers by themselves, at the cost of a password check", async () => {
    const unknown = uniquePhone();
    const ip = uniqueIp();
    const checks = vi.mocked(password.verifyPassword);
    checks.mockClear();
    for (let i = 0; i < LIMITS.signInPerAccountAddress.max + 2; i++) {
      await signIn(t.db, { identifier: unknown, password: "wrong wrong" }, { ip });
    }
    expect(checks).toHaveBeenCalledTimes(LIMITS.signInPerAccountAddress.max);
    const keys = await t.db.selectFrom("login_attempt").select("account_key").where("ip", "=", ip).distinct().execute();
    expect(keys).toEqual([{ account_key: `phone:${unknown}` }]);
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
