// The API answers people in their language (decision 011): the language switch's cookie, else the
// member's stored choice, else Accept-Language, else the corporation's default, else Dutch.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenantSchema } from "@buurtplein/db";
import { call, json, tenantDb } from "./helpers.ts";
import { DELINDE, createTestUser, loginAs } from "./account-fixtures.ts";

async function errorOf(response: Response) {
  return (await json(response)).error as { code: string; message: string; details?: { fields?: Record<string, string> } };
}

describe("the language of API messages", () => {
  it("is Dutch by default, English for Accept-Language: en (error codes and zod failures alike)", async () => {
    const dutch = await errorOf(await call("nobody.localhost:8787", "/api/site"));
    expect(dutch).toMatchObject({ code: "tenant_not_found", message: "Er is geen Buurtplein op dit adres." });
    const english = await errorOf(await call("nobody.localhost:8787", "/api/site", { headers: { "accept-language": "en-GB,en;q=0.9,nl;q=0.5" } }));
    expect(english).toMatchObject({ code: "tenant_not_found", message: "There is no Buurtplein at this address." });

    const missingRoute = await errorOf(await call(DELINDE, "/api/no-such-route", { headers: { "accept-language": "en" } }));
    expect(missingRoute).toMatchObject({ code: "not_found", message: "This API route does not exist." });

    const notLoggedIn = await errorOf(await call(DELINDE, "/api/me", { headers: { "accept-language": "en" } }));
    expect(notLoggedIn).toMatchObject({ code: "unauthenticated", message: "Please log in first." });

    const invite = { invite: "", displayName: "A", email: "geen-mail", password: "kort", acceptHouseRules: false };
    const englishInput = await errorOf(await call(DELINDE, "/api/join", { method: "POST", json: invite, headers: { "accept-language": "en" } }));
    expect(englishInput.code).toBe("invalid_input");
    expect(englishInput.details?.fields).toMatchObject({
      invite: "Enter the neighbourhood code.",
      displayName: "Your name must be at least 2 characters long.",
      acceptHouseRules: "Agree to the house rules to take part.",
    });
    expect(englishInput.message).toContain("Enter the neighbourhood code.");
    const dutchInput = await errorOf(await call(DELINDE, "/api/join", { method: "POST", json: invite }));
    expect(dutchInput.details?.fields?.invite).toBe("Vul de buurtcode in.");
  });

  it("gives a check without its own text a general one in the reader's language", async () => {
    const response = await call(DELINDE, "/api/auth/login", { method: "POST", json: { email: 42, password: "x" }, headers: { "accept-language": "en" } });
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_input");
    expect(Object.values(error.details?.fields ?? {}).join(" ")).not.toMatch(/[Vv]ul |expected/);
  });

  it("lets the language switch's cookie win over Accept-Language", async () => {
    const error = await errorOf(await call(DELINDE, "/api/me", { cookie: "bp_lang=en", headers: { "accept-language": "nl" } }));
    expect(error.message).toBe("Please log in first.");
    const back = await errorOf(await call(DELINDE, "/api/me", { cookie: "bp_lang=nl", headers: { "accept-language": "en" } }));
    expect(back.message).toBe("Log eerst in.");
  });

  it("lets a member's stored choice win over Accept-Language", async () => {
    const user = await createTestUser("delinde", { neighbourhood: "lindenhof" });
    const db = await tenantDb("delinde");
    await db.update(tenantSchema.users).set({ locale: "en" }).where(eq(tenantSchema.users.id, user.id));
    const cookie = await loginAs(DELINDE, user.email!);
    const response = await call(DELINDE, "/api/me", { method: "PATCH", cookie, json: { displayName: "Anna", street: "Lindenstraat 12" }, headers: { "accept-language": "nl" } });
    const error = await errorOf(response);
    expect(error.details?.fields?.street).toBe("Enter only the street name, without a house number. That keeps your address private.");
    const forbidden = await errorOf(await call(DELINDE, "/api/members/pending", { cookie, headers: { "accept-language": "nl" } }));
    expect(forbidden.code).toBe("forbidden");
    expect(forbidden.message).not.toMatch(/ je | de /);
  });
});
