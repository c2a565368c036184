import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { createTokenSchema, oneYearAfter } from "./tokens.schema";
import { authenticateToken, createApiToken, expiryInstant, forgetLastUseWrites, LAST_USED_RESOLUTION_MS, listApiTokens, revokeApiToken, tokenHash } from "./tokens.server";

const t = useTestDatabase();

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

const input = (over: Partial<Parameters<typeof createApiToken>[2]> = {}) => ({
  name: `测试令牌 ${Math.random().toString(36).slice(2, 8)}`,
  scopes: ["vacancies:read" as const, "statistics:read" as const],
  regionCode: "520100",
  expiresOn: oneYearAfter(todayInShanghai()),
  rateLimit: 60,
  ...over,
});

async function create(actor: Actor, over: Partial<Parameters<typeof createApiToken>[2]> = {}) {
  const r = await createApiToken(t.db, actor, input(over));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

describe("API tokens", () => {
  it("shows the token once as qc_<base32 of 32 bytes>, keeps only its SHA-256, and audits the creation", async () => {
    const province = await admin("520000");
    const created = await create(province);
    expect(created.token).toMatch(/^qc_[a-z2-7]{52}$/);
    const row = await t.db.selectFrom("api_token").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(tokenHash(created.token));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
    expect(row.region_code).toBe("520100");
    expect(row.scopes).toEqual(["vacancies:read", "statistics:read"]);
    const audit = await t.db.selectFrom("audit_event").select(["actor_id", "action", "entity"]).where("entity_id", "=", created.id).execute();
    expect(audit).toEqual([{ actor_id: province.id, action: "create", entity: "api_token" }]);
    // The province itself is stored as "no region".
    const whole = await create(province, { regionCode: "520000" });
    expect((await t.db.selectFrom("api_token").select("region_code").where("id", "=", whole.id).executeTakeFirstOrThrow()).region_code).toBeNull();
    expect((await authenticateToken(t.db, `Bearer ${whole.token}`))?.regionCode).toBe("520000");
  });

  it("authenticates a live token, and nothing else: unknown, malformed, revoked, expired", async () => {
    const province = await admin("520000");
    const created = await create(province);
    const principal = await authenticateToken(t.db, `Bearer ${created.token}`);
    expect(principal).toMatchObject({ id: created.id, scopes: ["vacancies:read", "statistics:read"], regionCode: "520100", rateLimitPerMinute: 60 });
    expect(await authenticateToken(t.db, `bearer  ${created.token}`)).not.toBeNull();
    expect(await authenticateToken(t.db, null)).toBeNull();
    expect(await authenticateToken(t.db, created.token)).toBeNull();
    expect(await authenticateToken(t.db, `Basic ${created.token}`)).toBeNull();
    expect(await authenticateToken(t.db, `Bearer ${created.token}x`)).toBeNull();
    expect(await authenticateToken(t.db, `Bearer qc_${"a".repeat(52)}`)).toBeNull();
    // Expired: the token stops at the end of its last day (Asia/Shanghai).
    const row = await t.db.selectFrom("api_token").select("expires_at").where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(await authenticateToken(t.db, `Bearer ${created.token}`, new Date(new Date(row.expires_at).getTime() - 1))).not.toBeNull();
    expect(await authenticateToken(t.db, `Bearer ${created.token}`, new Date(row.expires_at))).toBeNull();
    await revokeApiToken(t.db, province, created.id);
    expect(await authenticateToken(t.db, `Bearer ${created.token}`)).toBeNull();
  });

  it("records the last use at most once a minute", async () => {
    forgetLastUseWrites();
    const province = await admin("520000");
    const created = await create(province);
    const lastUsed = async () => (await t.db.selectFrom("api_token").select("last_used_at").where("id", "=", created.id).executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date("2026-12-06T10:00:00Z");
    await authenticateToken(t.db, `Bearer ${created.token}`, t0);
    expect(new Date((await lastUsed())!).getTime()).toBe(t0.getTime());
    await authenticateToken(t.db, `Bearer ${created.token}`, new Date(t0.getTime() + 30_000));
    expect(new Date((await lastUsed())!).getTime()).toBe(t0.getTime());
    // Another process (this one's memory forgotten) still writes no more than once a minute: the UPDATE is conditional.
    forgetLastUseWrites();
    await authenticateToken(t.db, `Bearer ${created.token}`, new Date(t0.getTime() + 40_000));
    expect(new Date((await lastUsed())!).getTime()).toBe(t0.getTime());
    const t1 = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await authenticateToken(t.db, `Bearer ${created.token}`, t1);
    expect(new Date((await lastUsed())!).getTime()).toBe(t1.getTime());
  });

  it("refuses a region outside the admin's, an unknown region, and expiry days past or too far", async () => {
    const zunyi = await admin("520300");
    const r1 = await createApiToken(t.db, zunyi, input({ regionCode: "520100" }));
    expect(r1).toEqual({ ok: false, fieldErrors: { regionCode: ["apiTokens.err.regionNotYours"] } });
    const r2 = await createApiToken(t.db, zunyi, input({ regionCode: "520399" }));
    expect(r2.ok).toBe(false);
    const today = todayInShanghai();
    const r3 = await createApiToken(t.db, zunyi, input({ regionCode: "520300", expiresOn: today }));
    expect(r3).toEqual({ ok: false, fieldErrors: { expiresOn: ["apiTokens.err.expiryPast"] } });
    const r4 = await createApiToken(t.db, zunyi, input({ regionCode: "520300", expiresOn: oneYearAfter(oneYearAfter(oneYearAfter(today))) }));
    expect(r4).toEqual({ ok: false, fieldErrors: { expiresOn: ["apiTokens.err.expiryFar"] } });
    expect((await createApiToken(t.db, zunyi, input({ regionCode: "520302" }))).ok).toBe(true);
    const counselor = { ...(await admin("520300")), role: "counselor" as const };
    expect(await outcome(createApiToken(t.db, counselor, input({ regionCode: "520300" })))).toBe(404);
  });

  it("lists and revokes the tokens of the admin's region only; revocation is audited once", async () => {
    const province = await admin("520000");
    const guiyang = await admin("520100");
    const zunyi = await admin("520300");
    const ofGuiyang = await create(guiyang, { regionCode: "520102" });
    const ofProvince = await create(province, { regionCode: "520000" });
    const ids = async (a: Actor) => new Set((await listApiTokens(t.db, a)).map((x) => x.id));
    expect((await ids(province)).has(ofGuiyang.id)).toBe(true);
    expect((await ids(province)).has(ofProvince.id)).toBe(true);
    expect((await ids(guiyang)).has(ofGuiyang.id)).toBe(true);
    expect((await ids(guiyang)).has(ofProvince.id)).toBe(false);
    expect((await ids(zunyi)).has(ofGuiyang.id)).toBe(false);
    const item = (await listApiTokens(t.db, guiyang)).find((x) => x.id === ofGuiyang.id)!;
    expect(item).toMatchObject({ status: "active", regionName: "南明区", lastUsedAt: null, expiresOn: input().expiresOn });

    expect(await outcome(revokeApiToken(t.db, zunyi, ofGuiyang.id))).toBe(404);
    expect(await outcome(revokeApiToken(t.db, guiyang, ofProvince.id))).toBe(404);
    expect(await outcome(revokeApiToken(t.db, guiyang, "not-a-uuid"))).toBe(404);
    expect(await outcome(revokeApiToken(t.db, guiyang, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await revokeApiToken(t.db, guiyang, ofGuiyang.id)).toEqual({ name: item.name, alreadyRevoked: false });
    expect(await revokeApiToken(t.db, province, ofGuiyang.id)).toEqual({ name: item.name, alreadyRevoked: true });
    expect((await listApiTokens(t.db, guiyang)).find((x) => x.id === ofGuiyang.id)?.status).toBe("revoked");
    const audits = await t.db.selectFrom("audit_event").select(["actor_id", "action"]).where("entity", "=", "api_token").where("entity_id", "=", ofGuiyang.id).orderBy("at").execute();
    expect(audits).toEqual([
      { actor_id: guiyang.id, action: "create" },
      { actor_id: guiyang.id, action: "revoke" },
    ]);
  });

  it("expiry is the end of the chosen day in Asia/Shanghai, and the form's default a year on", () => {
    expect(expiryInstant("2027-12-31").toISOString()).toBe("2027-12-31T16:00:00.000Z");
    expect(oneYearAfter("2026-12-06")).toBe("2027-12-06");
    expect(oneYearAfter("2028-02-29")).toBe("2029-02-28");
    const parse = (form: Record<string, unknown>) => createTokenSchema.safeParse({ intent: "create", ...form });
    expect(parse({ name: "x", scopes: ["vacancies:read"], regionCode: "520000", expiresOn: "2027-01-01", rateLimit: 60 }).success).toBe(true);
    expect(parse({ name: "x", scopes: [], regionCode: "520000", expiresOn: "2027-01-01", rateLimit: 60 }).success).toBe(false);
    expect(parse({ name: "x", scopes: ["admin:write"], regionCode: "520000", expiresOn: "2027-01-01", rateLimit: 60 }).success).toBe(false);
    expect(parse({ name: "x", scopes: ["vacancies:read"], regionCode: "520000", expiresOn: "2027-02-30", rateLimit: 60 }).success).toBe(false);
    expect(parse({ name: "x", scopes: ["vacancies:read"], regionCode: "520000", expiresOn: "2027-01-01", rateLimit: 601 }).success).toBe(false);
  });
});
