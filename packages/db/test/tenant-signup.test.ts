// Validation lives in @buurtplein/core; requestTenant relies on ZTenantSlug.
import { describe, expect, it } from "vitest";
import { ZTenantSignupInput, ZTenantSlug } from "@buurtplein/core/tenancy/tenant-signup";
import { translate, type MessageKey } from "@buurtplein/core";

const valid = {
  name: "Woonstichting De Linde",
  slug: "de-linde",
  adminName: "Anna de Vries",
  adminEmail: " Anna@Example.NL ",
  adminPassword: "correct horse battery",
};

describe("tenant signup validation", () => {
  it("accepts a valid signup and normalises the e-mail", () => {
    expect(ZTenantSignupInput.parse(valid)).toEqual({ ...valid, adminEmail: "anna@example.nl" });
  });

  it.each(["ab", "a".repeat(41), "-linde", "linde-", "de_linde", "de linde", "www", "buurtplein", "status"])(
    "rejects slug %j",
    (slug) => {
      expect(ZTenantSlug.safeParse(slug).success).toBe(false);
    },
  );

  it.each(["abc", "de-linde", "woonstad-rotterdam-2", "a".repeat(40)])("accepts slug %j", (slug) => {
    expect(ZTenantSlug.parse(slug)).toBe(slug);
  });

  it("explains problems in Dutch", () => {
    const result = ZTenantSignupInput.safeParse({ ...valid, slug: "admin", adminEmail: "geen-mail", adminPassword: "kort" });
    expect(result.success).toBe(false);
    // Zod messages are catalogue keys (decision 011), shown in the reader's language.
    const messages = Object.fromEntries(result.error?.issues.map((i) => [i.path.join("."), translate("nl", i.message as MessageKey)]) ?? []);
    expect(messages).toEqual({
      slug: "Dit webadres is gereserveerd. Kies een ander.",
      adminEmail: "Vul een geldig e-mailadres in.",
      adminPassword: "Het wachtwoord moet minstens 10 tekens lang zijn.",
    });
  });
});
