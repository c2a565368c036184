/**
 * Partner API tokens (issue 18): the admin page's forms (client-safe: conform in the browser and again on the server).
 * Messages are message keys (app/i18n/messages/api-tokens.ts).
 */
import { z } from "zod";
import type { ApiScope } from "../../../db/schema";
import { isCalendarDate } from "../vacancies/vacancies.schema";

export const API_SCOPES: readonly ApiScope[] = ["vacancies:read", "events:read", "statistics:read"];
export const TOKEN_NAME_MAX = 80;
export const RATE_LIMIT_DEFAULT = 60;
export const RATE_LIMIT_MAX = 600;
/** A token lives at most two years: a partner that still needs it asks for a new one. */
export const EXPIRY_MAX_DAYS = 2 * 366;

const scope = z.enum(API_SCOPES as unknown as [ApiScope, ...ApiScope[]], { errorMap: () => ({ message: "apiTokens.err.scopeRequired" }) });

export const createTokenSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ required_error: "apiTokens.err.nameRequired" }).trim().min(1, "apiTokens.err.nameRequired").max(TOKEN_NAME_MAX, "apiTokens.err.nameLong"),
  scopes: z.array(scope, { required_error: "apiTokens.err.scopeRequired" }).min(1, "apiTokens.err.scopeRequired"),
  regionCode: z.string({ required_error: "apiTokens.err.regionRequired" }).regex(/^\d{6}$/, "apiTokens.err.regionRequired"),
  expiresOn: z
    .string({ required_error: "apiTokens.err.expiryRequired" })
    .trim()
    .refine((v) => isCalendarDate(v), "apiTokens.err.expiryInvalid"),
  rateLimit: z
    .number({ required_error: "apiTokens.err.rateLimitRequired", invalid_type_error: "apiTokens.err.rateLimitInvalid" })
    .int("apiTokens.err.rateLimitInvalid")
    .min(1, "apiTokens.err.rateLimitInvalid")
    .max(RATE_LIMIT_MAX, "apiTokens.err.rateLimitInvalid"),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({
  intent: z.literal("revoke"),
  tokenId: z.string({ required_error: "apiTokens.err.tokenUnknown" }).uuid("apiTokens.err.tokenUnknown"),
  confirm: z.literal("yes").optional(),
});
export type RevokeTokenInput = z.infer<typeof revokeTokenSchema>;

/** The day a year after `today` (YYYY-MM-DD): the form's default expiry. */
export function oneYearAfter(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February → 28 February (Date.UTC would roll over to 1 March).
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}
