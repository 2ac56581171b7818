import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { createApp } from "../src/app.ts";
import { bindings, call, json, randomIp } from "./helpers.ts";

const DELINDE = "delinde.localhost:8787";

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
}

/** A request over https, as in production (the web worker forwards the visitor's URL unchanged). */
async function callHttps(path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}): Promise<Response> {
  const headers = new Headers({ "cf-connecting-ip": randomIp() });
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  const request = new Request(`https://${DELINDE}${path}`, { method: init.method, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  return (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default.fetch(request);
}

describe("API security headers", () => {
  it("are on every answer: success, client error, unknown route and server-side refusal", async () => {
    expectSecurityHeaders(await call(DELINDE, "/api/health"));
    expectSecurityHeaders(await call(DELINDE, "/api/auth/me"));
    expectSecurityHeaders(await call(DELINDE, "/api/no-such-route"));
    expectSecurityHeaders(await call(DELINDE, "/api/auth/login", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }));
    expectSecurityHeaders(await call("onbekend.localhost:8787", "/api/site"));
  });

  it("send HSTS in production only", async () => {
    expect((await call(DELINDE, "/api/health")).headers.get("strict-transport-security")).toBeNull();
    const production = await createApp().fetch(new Request(`https://${DELINDE}/api/no-such-route`), { ...bindings, ENVIRONMENT: "production" });
    expect(production.status).toBe(404);
    expect(production.headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    expectSecurityHeaders(production);
  });
});

describe("the session cookie on https", () => {
  it("is __Host-bp_session (Secure, Path=/, no Domain), read back under that name, cleared on logout", async () => {
    const response = await callHttps("/api/auth/login", { method: "POST", json: { email: "joop@delinde.example", password: "buurtplein-demo" } });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((value) => value.startsWith("__Host-bp_session="));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(response.headers.getSetCookie().some((value) => value.startsWith("bp_session="))).toBe(false);
    const cookie = setCookie!.split(";")[0]!;

    const me = await callHttps("/api/auth/me", { cookie: `lang=nl; ${cookie}` });
    expect(me.status).toBe(200);
    expect((await json(me)).user.displayName).toMatch(/Joop/);

    const logout = await callHttps("/api/auth/logout", { method: "POST", cookie });
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie().join("\n")).toMatch(/__Host-bp_session=;/);
    expect((await callHttps("/api/auth/me", { cookie })).status).toBe(401);
  });

  it("on plain http (local runs) stays bp_session", async () => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: "joop@delinde.example", password: "buurtplein-demo" } });
    expect(response.headers.getSetCookie().some((value) => value.startsWith("bp_session="))).toBe(true);
  });
});
