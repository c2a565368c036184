import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isSameOriginRequest, securityHeaders } from "./security.server";

describe("isSameOriginRequest", () => {
  const base = { expectedOrigin: "https://qc.example", referer: undefined };
  it("lets safe methods through", () => {
    expect(isSameOriginRequest({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
  });
  it("accepts a POST from the site itself", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://qc.example" })).toBe(true);
  });
  it("refuses a POST from another origin, a null origin, or none at all", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: "null" })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "DELETE", origin: "http://qc.example" })).toBe(false);
  });
  it("falls back to the Referer when there is no Origin", () => {
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined, referer: "https://qc.example/login" })).toBe(true);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined, referer: "https://evil.example/x" })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "POST", origin: undefined, referer: "not a url" })).toBe(false);
  });
  it("accepts configured extra origins", () => {
    expect(
      isSameOriginRequest({ ...base, method: "POST", origin: "https://www.qc.example", allowedOrigins: ["https://www.qc.example"] }),
    ).toBe(true);
  });
});

describe("security headers", () => {
  it("the production policy allows no inline script without the nonce and no inline style", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it("sets the usual hardening headers, HSTS only over HTTPS", () => {
    expect(securityHeaders("n", { dev: false, https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(securityHeaders("n", { dev: false, https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("n", { dev: false, https: true })["Strict-Transport-Security"]).toContain("max-age");
  });
});
