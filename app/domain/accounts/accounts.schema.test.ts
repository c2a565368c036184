import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { loginSchema, normalizeIdentifier, normalizePhone, registerSchema } from "./accounts.schema";

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

describe("register schema", () => {
  it("accepts a seeker with a phone number and normalizes it", () => {
    const s = parseWithZod(form({ role: "seeker", phone: "+86 138-1234-5678", password: "long enough pw", confirmPassword: "long enough pw" }), {
      schema: registerSchema,
    });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value.phone).toBe("13812345678");
  });

  it("reports every problem at once, each at its field, as message keys", () => {
    const s = parseWithZod(form({ phone: "12345" , password: "short" }), { schema: registerSchema });
    expect(s.status).toBe("error");
    const errors = (s as any).error;
    expect(errors.role).toEqual(["err.roleRequired"]);
    expect(errors.phone).toEqual(["err.phoneFormat"]);
    expect(errors.password).toEqual(["err.passwordShort"]);
    expect(errors.confirmPassword).toEqual(["err.confirmRequired"]);
  });

  it("asks for a phone or an email even when other fields are wrong too", () => {
    const s = parseWithZod(form({ password: "x" }), { schema: registerSchema });
    expect((s as any).error.phone).toEqual(["err.contactRequired"]);
    expect((s as any).error.role).toEqual(["err.roleRequired"]);
  });

  it("rejects phone numbers outside 1[3-9] and mismatched passwords", () => {
    const s = parseWithZod(form({ role: "employer", phone: "12812345678", password: "abcdefgh1", confirmPassword: "abcdefgh2" }), {
      schema: registerSchema,
    });
    expect((s as any).error.phone).toEqual(["err.phoneFormat"]);
    expect((s as any).error.confirmPassword).toEqual(["err.passwordMismatch"]);
  });

  it("validates and lowercases email", () => {
    const bad = parseWithZod(form({ role: "seeker", email: "not-an-email", password: "abcdefgh1", confirmPassword: "abcdefgh1" }), {
      schema: registerSchema,
    });
    expect((bad as any).error.email).toEqual(["err.emailFormat"]);
    const ok = parseWithZod(form({ role: "seeker", email: " Li@Example.COM ", password: "abcdefgh1", confirmPassword: "abcdefgh1" }), {
      schema: registerSchema,
    });
    expect(ok.status === "success" && ok.value.email).toBe("li@example.com");
  });
});

describe("identifiers", () => {
  it("tells phones from emails", () => {
    expect(normalizeIdentifier("138 1234 5678")).toEqual({ kind: "phone", value: "13812345678" });
    expect(normalizeIdentifier("+8613812345678")).toEqual({ kind: "phone", value: "13812345678" });
    expect(normalizeIdentifier("A@B.cn")).toEqual({ kind: "email", value: "a@b.cn" });
    expect(normalizePhone("86 13812345678")).toBe("13812345678");
  });
  it("login requires an identifier", () => {
    const s = parseWithZod(form({ password: "x" }), { schema: loginSchema });
    expect((s as any).error.identifier).toEqual(["err.identifierRequired"]);
  });
});
