/**
 * Households for the zero-employment-family figures (零就业家庭, issue 13; client-safe). A counselor records the
 * household of a person on their caseload, with the family's consent noted; its members are other people with an
 * account here (found by exact 残疾人证号 or phone within the counselor's region) or persons the counselor describes.
 */
import { z } from "zod";
import { isCalendarDate } from "../vacancies/vacancies.schema";

/** How a member is related to the person whose household it is. "self" is that person. */
export const RELATIONS = ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "other"] as const;
export type Relation = (typeof RELATIONS)[number] | "self";

export const CONSENT_MAX = 1000;
export const NAME_MAX = 50;

const date = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine(isCalendarDate, "realname.err.dateInvalid");

const relation = z.enum(RELATIONS, { errorMap: () => ({ message: "realname.err.relationRequired" }) });

export const householdSchema = z.object({
  consentNote: z
    .string({ required_error: "realname.err.consentRequired" })
    .trim()
    .min(1, "realname.err.consentRequired")
    .max(CONSENT_MAX, "realname.err.consentLong"),
  consentOn: date("realname.err.consentOnRequired"),
});
export type HouseholdInput = z.infer<typeof householdSchema>;

/** A member with an account here, found by their exact 残疾人证号 or phone number. */
export const accountMemberSchema = z.object({
  identifier: z
    .string({ required_error: "realname.err.identifierRequired" })
    .trim()
    .min(1, "realname.err.identifierRequired")
    .max(40, "realname.err.identifierInvalid"),
  relation,
});
export type AccountMemberInput = z.infer<typeof accountMemberSchema>;

/** A member without an account, described by the counselor. */
export const describedMemberSchema = z.object({
  name: z
    .string({ required_error: "realname.err.nameRequired" })
    .trim()
    .min(1, "realname.err.nameRequired")
    .max(NAME_MAX, "realname.err.nameLong"),
  gender: z.enum(["male", "female"], { errorMap: () => ({ message: "realname.err.genderRequired" }) }),
  birthDate: date("realname.err.birthDateRequired"),
  employed: z.enum(["yes", "no"], { errorMap: () => ({ message: "realname.err.employedRequired" }) }),
  relation,
});
export type DescribedMemberInput = z.infer<typeof describedMemberSchema>;

export const removeMemberSchema = z.object({
  memberId: z.string({ required_error: "realname.err.memberGone" }).uuid("realname.err.memberGone"),
});
