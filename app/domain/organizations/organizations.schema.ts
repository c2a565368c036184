import { z } from "zod";
import { normalizeEmail, normalizePhone, PHONE_RE } from "../accounts/accounts.schema";
import { codes, INDUSTRIES, ORGANIZATION_TYPES } from "../catalog";
import { checkUscc, type UsccRule } from "../identity";

/** Spaces dropped and letters upper-cased, so "91520102 mA6 ..." typed loosely is still read. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s/g, "").toUpperCase();
}

export const ORGANIZATION_STATUSES = ["pending", "verified", "rejected"] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/**
 * Each rule of identity.ts `checkUscc` in words. A code of the wrong length or with a character the standard does
 * not use is a typing slip (one message); a wrong authority/kind pair or division code, or a wrong check character,
 * usually one wrong character at a place the message names.
 */
const USCC_ERRORS = {
  length: "organizations.err.usccFormat",
  characters: "organizations.err.usccFormat",
  authorityKind: "organizations.err.usccKind",
  division: "organizations.err.usccDivision",
  checkCharacter: "organizations.err.usccCheck",
} as const satisfies Record<UsccRule, string>;

const uscc = z
  .string({ required_error: "organizations.err.usccRequired" })
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const rule = checkUscc(value);
    if (rule) ctx.addIssue({ code: "custom", message: USCC_ERRORS[rule] });
  });

const phone = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().regex(PHONE_RE, "err.phoneFormat"))
  .optional();
const email = z.string().transform(normalizeEmail).pipe(z.string().email("err.emailFormat").max(254, "err.emailFormat")).optional();

const organizationContact = z.object({ contactPhone: phone, contactEmail: email }).superRefine((v, ctx) => {
  if (!v.contactPhone && !v.contactEmail) {
    ctx.addIssue({ code: "custom", path: ["contactPhone"], message: "organizations.err.contactRequired" });
  }
});

/** Registering an organization, and correcting it after a rejection: the same form. */
export const organizationSchema = z
  .object({
    name: z
      .string({ required_error: "organizations.err.nameRequired" })
      .trim()
      .min(2, "organizations.err.nameShort")
      .max(100, "organizations.err.nameLong"),
    uscc,
    type: z.enum(codes(ORGANIZATION_TYPES), { errorMap: () => ({ message: "organizations.err.typeRequired" }) }),
    regionCode: z.string({ required_error: "organizations.err.regionRequired" }).regex(/^\d{6}$/, "organizations.err.regionRequired"),
    address: z
      .string({ required_error: "organizations.err.addressRequired" })
      .trim()
      .min(1, "organizations.err.addressRequired")
      .max(200, "organizations.err.addressLong"),
    industry: z.enum(codes(INDUSTRIES), { errorMap: () => ({ message: "organizations.err.industryRequired" }) }),
    staffCount: z
      .number({ required_error: "organizations.err.staffRequired", invalid_type_error: "organizations.err.staffInteger" })
      .int("organizations.err.staffInteger")
      .min(1, "organizations.err.staffMin")
      .max(10_000_000, "organizations.err.staffMax"),
    contactName: z
      .string({ required_error: "organizations.err.contactNameRequired" })
      .trim()
      .min(1, "organizations.err.contactNameRequired")
      .max(50, "organizations.err.contactNameLong"),
  })
  .and(organizationContact);
export type OrganizationInput = z.infer<typeof organizationSchema>;

/** A rejection needs a reason: it is shown to the employer so they can put it right. */
export const rejectSchema = z.object({
  reason: z
    .string({ required_error: "organizations.err.reasonRequired" })
    .trim()
    .min(1, "organizations.err.reasonRequired")
    .max(500, "organizations.err.reasonLong"),
});
export type RejectInput = z.infer<typeof rejectSchema>;

/** Inviting a recruiter: the phone and/or email of the account that may accept. */
export const inviteSchema = z.object({ phone, email }).superRefine((v, ctx) => {
  if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "organizations.err.inviteContactRequired" });
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** The verification queue's query string; anything unexpected falls back to the default. */
export const reviewQuerySchema = z.object({
  status: z.enum(["all", ...ORGANIZATION_STATUSES]).catch("all"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

export function parseReviewQuery(params: URLSearchParams): ReviewQuery {
  return reviewQuerySchema.parse({
    status: params.get("status") ?? undefined,
    q: params.get("q") ?? undefined,
    page: params.get("page") ?? undefined,
  });
}
