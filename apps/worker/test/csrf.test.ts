import { describe, expect, it } from "vitest";
import { call, json, login } from "./helpers.ts";
import { DELINDE } from "./account-fixtures.ts";

const credentials = { email: "anna@delinde.example", password: "buurtplein-demo" };

describe("CSRF: state-changing requests only from our own origin", () => {
  it("refuses a cross-origin POST with 403 csrf_failed", async () => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: credentials, headers: { origin: "http://evil.localhost" } });
    expect(response.status).toBe(403);
    const error = (await json(response)).error;
    expect(error.code).toBe("csrf_failed");
    expect(error.message.length).toBeGreaterThan(10);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("accepts a same-origin POST", async () => {
    const response = await call(DELINDE, "/api/auth/login", {
      method: "POST",
      json: credentials,
      headers: { origin: "http://delinde.localhost:8787", "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(200);
  });

  it("refuses a POST from another corporation's subdomain (same site, other origin)", async () => {
    const cookie = await login(DELINDE, "joop@delinde.example");
    const response = await call(DELINDE, "/api/auth/logout-everywhere", {
      method: "POST",
      cookie,
      headers: { origin: "http://havenstad.localhost:8787", "sec-fetch-site": "same-site" },
    });
    expect(response.status).toBe(403);
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(200);
  });

  it("refuses Sec-Fetch-Site: cross-site even without an Origin header", async () => {
    const response = await call(DELINDE, "/api/auth/magic-link", { method: "POST", json: { email: "anna@delinde.example" }, headers: { "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe("csrf_failed");
  });

  it("lets GET requests through from anywhere (they change nothing)", async () => {
    const response = await call(DELINDE, "/api/site", { headers: { origin: "http://evil.localhost", "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(200);
  });

  it("refuses what a cross-site HTML form could send without an Origin header: not JSON → 415", async () => {
    const cookie = await login(DELINDE, "joop@delinde.example");
    const form = await call(DELINDE, "/api/me/delete", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "mode=remove_posts&confirm=VERWIJDER",
    });
    expect(form.status).toBe(415);
    const plain = await call(DELINDE, "/api/me/delete", {
      method: "POST",
      cookie,
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ mode: "remove_posts", confirm: "VERWIJDER" }),
    });
    expect(plain.status).toBe(415);
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(200);
  });
});
