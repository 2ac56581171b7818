import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers.ts";
import { readSessionCookie, sessionCookieName } from "../identity/session-token.ts";

describe("security headers", () => {
  it("allows inline script and style only with this request's nonce, never unsafe-inline or unsafe-eval", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("style-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    // Without a nonce (JSON answers) no inline script or style at all.
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });

  it("makes a fresh nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("sends HSTS in production only", () => {
    expect(securityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(securityHeaders({ production: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("sets nosniff, referrer and permissions policy, and no-store unless the answer chose a cache rule", () => {
    const headers = applySecurityHeaders(new Headers(), { production: false });
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")).toContain("camera=()");
    expect(headers.get("permissions-policy")).toContain("geolocation=()");
    expect(headers.get("cache-control")).toBe("private, no-store");
    expect(applySecurityHeaders(new Headers({ "cache-control": "no-store" }), { production: false }).get("cache-control")).toBe("no-store");
  });
});

describe("the session cookie's name", () => {
  it("takes the __Host- prefix on https only", () => {
    expect(sessionCookieName("https://delinde.buurtplein.nl/api/auth/login")).toBe("__Host-bp_session");
    expect(sessionCookieName("http://delinde.localhost:8787/api/auth/login")).toBe("bp_session");
  });

  it("is read under either name, the prefixed one first", () => {
    expect(readSessionCookie("__Host-bp_session=secure; bp_session=plain")).toBe("secure");
    expect(readSessionCookie("bp_session=plain; __Host-bp_session=secure")).toBe("secure");
    expect(readSessionCookie("lang=nl; bp_session=plain")).toBe("plain");
    expect(readSessionCookie("xbp_session=no; bp_session_old=no")).toBeUndefined();
    expect(readSessionCookie("bp_session=")).toBeUndefined();
    expect(readSessionCookie(null)).toBeUndefined();
  });
});
