// Security headers of every answer of both workers (docs/decisions/014-security-headers.md): one pure
// policy, applied by a small wrapper in each worker (apps/web/workers/app.ts, the API's first
// middleware), so a merged worker applies it once.

export interface SecurityHeaderOptions {
  /**
   * The per-request nonce that inline <script>/<style> of an HTML page must carry. Without one the
   * policy allows no inline script or style at all (JSON answers, static assets).
   */
  nonce?: string;
  /** ENVIRONMENT === "production": only then Strict-Transport-Security (local runs are plain http). */
  production: boolean;
  /**
   * Report violations without blocking (Content-Security-Policy-Report-Only): only for the Vite dev
   * server, whose hot reload injects styles and scripts that carry no nonce.
   */
  reportOnly?: boolean;
}

/** 16 random bytes, base64: a fresh nonce for one request. */
export function createNonce(): string {
  let binary = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The Content-Security-Policy. Scripts and styles only from our own origin or inline with this
 * request's nonce (no 'unsafe-inline', no 'unsafe-eval'); images also from https (corporation logos
 * live on the corporation's own site) and data: URLs; no plugins, no <base>, forms post only to us,
 * and no page may frame ours.
 */
export function contentSecurityPolicy(nonce?: string): string {
  const inline = nonce ? ` 'nonce-${nonce}'` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Browser features Buurtplein never uses, switched off for every page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
  "display-capture=()",
  "browsing-topics=()",
  "interest-cohort=()",
].join(", ");

/** Two years, every subdomain (each corporation is one): browsers then never try plain http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Pages and API answers are personal: never stored by a browser cache or a shared proxy. */
export const PERSONAL_CACHE_CONTROL = "private, no-store";

/** The headers for one answer of a worker (a page, a .data answer, a JSON answer, a redirect). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    [options.reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy"]: contentSecurityPolicy(options.nonce),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.production) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/**
 * Sets the security headers on a worker's answer (in place) and `Cache-Control: private, no-store`
 * unless the answer chose its own cache rule. Returns the same Headers.
 */
export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions): Headers {
  for (const [name, value] of Object.entries(securityHeaders(options))) headers.set(name, value);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", PERSONAL_CACHE_CONTROL);
  return headers;
}
