/**
 * Partner API tokens (issue 18). A token is 32 random bytes shown once, at creation, as `qc_<base32>`; only its
 * SHA-256 is kept (as sessions are: docs/decisions/001-sessions.md), so a copy of the database opens nothing. A
 * request's token is found by its hash — an index lookup, so no comparison of secret bytes runs in user code that
 * could leak timing. Tokens carry scopes, a region (statistics are read for it and below; null is the province), a
 * rate limit, an expiry; revocation is a timestamp, kept for the record.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../../../db/database";
import type { ApiScope } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { recordAudit } from "../audit/audit.server";
import { isWithinRegion, PROVINCE_CODE, regionPrefix, requirePermission, type Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { EXPIRY_MAX_DAYS, type CreateTokenInput } from "./tokens.schema";

export const TOKEN_PREFIX = "qc_";
const TOKEN_PATTERN = /^qc_[a-z2-7]{52}$/;
const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per token (a write per request would double the API's cost). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function generateToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The instant a token given an expiry day stops working: the end of that day in Asia/Shanghai. */
export function expiryInstant(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS);
}

export interface ApiTokenPrincipal {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** The region statistics are read for (a division code; the province when the token names none). */
  regionCode: string;
  rateLimitPerMinute: number;
}

/** When each token's last use was last written, in this process (a cheap check before the conditional UPDATE). */
const lastUsedWritten = new Map<string, number>();

/**
 * The token an `Authorization` header carries, or null when there is none, it is malformed, unknown, revoked or
 * expired. Records the use (at most once a minute per token).
 */
export async function authenticateToken(db: DB, header: string | null | undefined, now = new Date()): Promise<ApiTokenPrincipal | null> {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  if (!m || !TOKEN_PATTERN.test(m[1]!)) return null;
  const row = await db
    .selectFrom("api_token")
    .select(["id", "name", "scopes", "region_code", "rate_limit_per_minute", "expires_at", "revoked_at", "last_used_at"])
    .where("token_hash", "=", tokenHash(m[1]!))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || new Date(row.expires_at).getTime() <= now.getTime()) return null;
  const last = Math.max(lastUsedWritten.get(row.id) ?? 0, row.last_used_at ? new Date(row.last_used_at).getTime() : 0);
  if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
    lastUsedWritten.set(row.id, now.getTime());
    // Conditional, so several processes (or requests racing here) write once a minute between them.
    await db
      .updateTable("api_token")
      .set({ last_used_at: now })
      .where("id", "=", row.id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", new Date(now.getTime() - LAST_USED_RESOLUTION_MS))]))
      .execute();
  }
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    regionCode: row.region_code ?? PROVINCE_CODE,
    rateLimitPerMinute: row.rate_limit_per_minute,
  };
}

export async function createApiToken(
  db: DB,
  actor: Actor,
  input: Omit<CreateTokenInput, "intent">,
  options: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ id: string; token: string; name: string }>> {
  requirePermission(actor, "create:api_token", { regionCode: actor.regionCode });
  const now = options.now ?? new Date();
  const today = todayInShanghai(now);
  const fieldErrors: Record<string, string[]> = {};
  if (!isWithinRegion(actor.regionCode, input.regionCode)) fieldErrors.regionCode = ["apiTokens.err.regionNotYours"];
  else if (!(await db.selectFrom("division").select("code").where("code", "=", input.regionCode).executeTakeFirst())) {
    fieldErrors.regionCode = ["apiTokens.err.regionRequired"];
  }
  if (input.expiresOn <= today) fieldErrors.expiresOn = ["apiTokens.err.expiryPast"];
  else if (expiryInstant(input.expiresOn).getTime() - now.getTime() > (EXPIRY_MAX_DAYS + 1) * DAY_MS) fieldErrors.expiresOn = ["apiTokens.err.expiryFar"];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const token = generateToken();
  const scopes = [...new Set(input.scopes)];
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_token")
      .values({
        name: input.name,
        token_hash: tokenHash(token),
        scopes,
        region_code: input.regionCode === PROVINCE_CODE ? null : input.regionCode,
        rate_limit_per_minute: input.rateLimit,
        created_by: actor.id,
        expires_at: expiryInstant(input.expiresOn),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: "create",
      entity: "api_token",
      entityId: row.id,
      reason: `${input.name} · ${scopes.join(",")} · ${input.regionCode}`,
      ip: options.ip ?? null,
    });
    return { ok: true as const, value: { id: row.id, token, name: input.name } };
  });
}

export type TokenStatus = "active" | "expired" | "revoked";

export interface ApiTokenItem {
  id: string;
  name: string;
  scopes: ApiScope[];
  regionCode: string;
  regionName: string;
  rateLimitPerMinute: number;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** The last day it works (Asia/Shanghai). */
  expiresOn: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  status: TokenStatus;
}

/** The tokens of the admin's region (a prefecture admin's own prefecture; the province admin's all), newest first. */
export async function listApiTokens(db: DB, actor: Actor, now = new Date()): Promise<ApiTokenItem[]> {
  requirePermission(actor, "read:api_token", { regionCode: actor.regionCode });
  let q = db
    .selectFrom("api_token as t")
    .leftJoin("division as d", (join) => join.on((eb) => eb("d.code", "=", eb.fn.coalesce("t.region_code", eb.val(PROVINCE_CODE)))))
    .leftJoin("app_user as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.name",
      "t.scopes",
      "t.region_code",
      "d.name as region_name",
      "t.rate_limit_per_minute",
      "u.display_name as created_by",
      "t.created_at",
      "t.expires_at",
      "t.revoked_at",
      "t.last_used_at",
    ])
    .orderBy("t.created_at", "desc")
    .orderBy("t.id")
    .limit(500);
  if (actor.regionCode !== PROVINCE_CODE) q = q.where("t.region_code", "like", `${regionPrefix(actor.regionCode!)}%`);
  const rows = await q.execute();
  return rows.map((r) => {
    const expiresAt = new Date(r.expires_at);
    return {
      id: r.id,
      name: r.name,
      scopes: r.scopes,
      regionCode: r.region_code ?? PROVINCE_CODE,
      regionName: r.region_name ?? "",
      rateLimitPerMinute: r.rate_limit_per_minute,
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt,
      expiresOn: todayInShanghai(new Date(expiresAt.getTime() - 1)),
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
      status: r.revoked_at ? "revoked" : expiresAt.getTime() <= now.getTime() ? "expired" : "active",
    };
  });
}

/** Revokes a token of the admin's region (a 404 for any other); revoking a revoked token changes nothing. */
export async function revokeApiToken(
  db: DB,
  actor: Actor,
  tokenId: string,
  options: { ip?: string | null; now?: Date } = {},
): Promise<{ name: string; alreadyRevoked: boolean }> {
  requirePermission(actor, "update:api_token", { regionCode: actor.regionCode });
  return db.transaction().execute(async (trx) => {
    const row = /^[0-9a-f-]{36}$/i.test(tokenId)
      ? await trx.selectFrom("api_token").select(["id", "name", "region_code", "revoked_at"]).where("id", "=", tokenId).forUpdate().executeTakeFirst()
      : undefined;
    requirePermission(actor, "update:api_token", { regionCode: row ? (row.region_code ?? PROVINCE_CODE) : null });
    if (row!.revoked_at) return { name: row!.name, alreadyRevoked: true };
    await trx
      .updateTable("api_token")
      .set({ revoked_at: options.now ?? new Date() })
      .where("id", "=", row!.id)
      .execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "revoke", entity: "api_token", entityId: row!.id, reason: row!.name, ip: options.ip ?? null });
    return { name: row!.name, alreadyRevoked: false };
  });
}

/** Forgets this process's record of last-use writes (tests). */
export function forgetLastUseWrites(): void {
  lastUsedWritten.clear();
}
