/** Security headers and the same-origin check for mutations. See docs/decisions/003-http-security.md. */

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite's dev server injects styles inline; the production build links stylesheets only.
    options.dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    options.dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(nonce: string, options: { dev: boolean; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: safe methods always; others only when their Origin (or, lacking it,
 * their Referer) is this site's own origin or one listed in `allowedOrigins`.
 */
export function isSameOriginRequest(input: {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  expectedOrigin: string;
  allowedOrigins?: readonly string[];
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  const allowed = new Set([input.expectedOrigin, ...(input.allowedOrigins ?? [])]);
  if (input.origin && input.origin !== "null") return allowed.has(input.origin);
  if (input.referer) {
    try {
      return allowed.has(new URL(input.referer).origin);
    } catch {
      return false;
    }
  }
  return false;
}
