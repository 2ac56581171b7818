import { describe, expect, it } from "vitest";
import { call, json, login } from "./helpers.ts";

const DELINDE = "delinde.localhost:8787";
const HAVENSTAD = "havenstad.localhost:8787";

describe("login and sessions", () => {
  it("logs in with e-mail and password and sets a safe session cookie", async () => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: "Anna@DeLinde.example", password: "buurtplein-demo" } });
    expect(response.status).toBe(200);
    expect((await json(response)).user).toMatchObject({ displayName: "Anna de Vries", role: "resident" });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("bp_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("knows who is logged in, with their neighbourhoods", async () => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    const me = await json(await call(DELINDE, "/api/auth/me", { cookie }));
    expect(me.user.displayName).toBe("Anna de Vries");
    expect(me.neighbourhoods).toEqual([{ slug: "lindenhof", name: "Lindenhof", kind: "existing" }]);
  });

  it("rotates: every login is a new session", async () => {
    const first = await login(DELINDE, "joop@delinde.example");
    const second = await login(DELINDE, "joop@delinde.example");
    expect(first).not.toBe(second);
  });

  it("logs out: the cookie stops working", async () => {
    const cookie = await login(DELINDE, "joop@delinde.example");
    expect((await call(DELINDE, "/api/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await call(DELINDE, "/api/auth/me", { cookie })).status).toBe(401);
  });

  it("makes a session cookie of one corporation worthless on another", async () => {
    const cookie = await login(DELINDE, "anna@delinde.example");
    const response = await call(HAVENSTAD, "/api/auth/me", { cookie });
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe("unauthenticated");
  });

  it("does not know a delinde account on havenstad", async () => {
    const response = await call(HAVENSTAD, "/api/auth/login", { method: "POST", json: { email: "anna@delinde.example", password: "buurtplein-demo" } });
    expect(response.status).toBe(401);
  });

  it.each([
    ["a wrong password", { email: "anna@delinde.example", password: "wrong" }, 401, "unauthenticated"],
    ["an unknown e-mail", { email: "nobody@delinde.example", password: "buurtplein-demo" }, 401, "unauthenticated"],
    ["an invalid e-mail", { email: "not-an-email", password: "x" }, 422, "invalid_input"],
    ["no password", { email: "anna@delinde.example" }, 422, "invalid_input"],
  ])("refuses %s with a clear error", async (_label, body, status, code) => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: body });
    expect(response.status).toBe(status);
    const error = (await json(response)).error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(5);
  });

  it("answers malformed JSON with 400 and a non-JSON body with 415", async () => {
    const malformed = await call(DELINDE, "/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe("bad_request");
    const form = await call(DELINDE, "/api/auth/login", { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(form.status).toBe(415);
  });

  it("needs a tenant host: login on the apex is a 404", async () => {
    const response = await call("localhost:8787", "/api/auth/login", { method: "POST", json: { email: "anna@delinde.example", password: "buurtplein-demo" } });
    expect(response.status).toBe(404);
  });

  it("answers an unknown API route with the error model", async () => {
    const response = await call(DELINDE, "/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });
});
