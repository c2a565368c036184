import { z } from "zod";

/** Chinese mainland mobile numbers: 11 digits, 1 then 3–9. */
export const PHONE_RE = /^1[3-9]\d{9}$/;

/** Drops spaces and hyphens and a leading +86 / 86, so "+86 138-1234-5678" is accepted as typed. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\s-]/g, "");
  return digits.replace(/^\+?86(?=1\d{10}$)/, "");
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** A sign-in identifier is a phone number when it looks like one, otherwise an email address. */
export function normalizeIdentifier(input: string): { kind: "phone" | "email"; value: string } {
  const phone = normalizePhone(input.trim());
  if (/^\+?\d[\d\s-]*$/.test(input.trim())) return { kind: "phone", value: phone };
  return { kind: "email", value: normalizeEmail(input) };
}

const phone = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().regex(PHONE_RE, "err.phoneFormat"))
  .optional();
const email = z.string().transform(normalizeEmail).pipe(z.string().email("err.emailFormat").max(254, "err.emailFormat")).optional();
const newPassword = z
  .string({ required_error: "err.passwordRequired" })
  .min(8, "err.passwordShort")
  .max(128, "err.passwordLong");

/*
 * Cross-field rules sit on their own small objects joined with `.and`: zod runs an object's refinements only
 * when the whole object parsed, so this way "no contact given" shows together with the other errors.
 */
const contact = z.object({ phone, email }).superRefine((v, ctx) => {
  if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "err.contactRequired" });
});

const passwordPair = z
  .object({ password: newPassword, confirmPassword: z.string({ required_error: "err.confirmRequired" }) })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "err.passwordMismatch" });
    }
  });

export const registerSchema = z
  .object({
    role: z.enum(["seeker", "employer"], { errorMap: () => ({ message: "err.roleRequired" }) }),
  })
  .and(contact)
  .and(passwordPair);
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  identifier: z.string({ required_error: "err.identifierRequired" }).trim().min(1, "err.identifierRequired"),
  password: z.string({ required_error: "err.passwordRequired" }),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "err.passwordRequired" }),
    newPassword,
    confirmNewPassword: z.string({ required_error: "err.confirmRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword && v.confirmNewPassword && v.newPassword !== v.confirmNewPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmNewPassword"], message: "err.passwordMismatch" });
    }
    if (v.newPassword && v.currentPassword && v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "err.newPasswordSame" });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const createStaffSchema = z
  .object({
    role: z.enum(["counselor", "admin"], { errorMap: () => ({ message: "err.staffRoleRequired" }) }),
    displayName: z.string({ required_error: "err.nameRequired" }).trim().min(1, "err.nameRequired").max(50, "err.nameLong"),
    regionCode: z.string({ required_error: "err.regionRequired" }).regex(/^\d{6}$/, "err.regionRequired"),
    password: newPassword,
  })
  .and(contact);
export type CreateStaffInput = z.infer<typeof createStaffSchema>;
