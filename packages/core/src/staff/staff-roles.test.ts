import { describe, expect, it } from "vitest";
import { organisationKindForRole, staffOrganisationProblem } from "./staff-roles.ts";
import { ZChangeStaffRoleInput, ZInviteStaffInput } from "./staff-input.ts";
import { ambassadorRefusal } from "./ambassador.ts";
import { ZCreateOrganisationInput, ZUpdateOrganisationInput } from "./organisation-input.ts";

describe("staff organisations", () => {
  it("ties partners to local organisations and care partners to care organisations", () => {
    expect(organisationKindForRole("partner")).toBe("local");
    expect(organisationKindForRole("care_partner")).toBe("care");
    expect(organisationKindForRole("admin")).toBeNull();
    expect(organisationKindForRole("moderator")).toBeNull();
  });

  it("says what is wrong with the organisation given for a role", () => {
    expect(staffOrganisationProblem("moderator", undefined, null)).toBeNull();
    expect(staffOrganisationProblem("admin", "org-1", { kind: "local" })).toBe("validation.staff.organisationNotForRole");
    expect(staffOrganisationProblem("partner", undefined, null)).toBe("validation.staff.partnerOrganisationMissing");
    expect(staffOrganisationProblem("care_partner", undefined, null)).toBe("validation.staff.careOrganisationMissing");
    expect(staffOrganisationProblem("partner", "elsewhere", null)).toBe("validation.staff.organisationUnknown");
    expect(staffOrganisationProblem("partner", "org-1", { kind: "care" })).toBe("validation.staff.partnerOrganisationWrongKind");
    expect(staffOrganisationProblem("care_partner", "org-1", { kind: "local" })).toBe("validation.staff.careOrganisationWrongKind");
    expect(staffOrganisationProblem("care_partner", "org-1", { kind: "sponsor" })).toBe("validation.staff.careOrganisationWrongKind");
    expect(staffOrganisationProblem("partner", "org-1", { kind: "local" })).toBeNull();
  });
});

describe("staff input", () => {
  it("takes an invitation with a lower-cased e-mail and a blank organisation as none", () => {
    const input = ZInviteStaffInput.parse({ email: " Sanne@Example.ORG ", displayName: " Sanne ", role: "moderator", organisationId: "" });
    expect(input).toEqual({ email: "sanne@example.org", displayName: "Sanne", role: "moderator", organisationId: undefined });
  });

  it("refuses unknown roles, including resident and ambassador", () => {
    for (const role of ["resident", "ambassador", "prospective", "owner", "", 3]) {
      const result = ZInviteStaffInput.safeParse({ email: "a@example.org", displayName: "Anna", role });
      expect(result.success, String(role)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("validation.staff.role");
    }
    expect(ZChangeStaffRoleInput.safeParse({ role: "resident" }).success).toBe(false);
  });
});

describe("organisation input", () => {
  it("takes a form's single neighbourhood and leaves out doubles", () => {
    expect(ZCreateOrganisationInput.parse({ name: "Buurthuis", kind: "local", neighbourhoods: "lindenhof" }).neighbourhoods).toEqual(["lindenhof"]);
    expect(ZCreateOrganisationInput.parse({ name: "Buurthuis", kind: "local", neighbourhoods: ["a", "a", "b"] }).neighbourhoods).toEqual(["a", "b"]);
    expect(ZCreateOrganisationInput.parse({ name: "Buurthuis", kind: "local" }).neighbourhoods).toEqual([]);
  });

  it("refuses sponsors, websites that are no http(s) address, and long descriptions", () => {
    expect(ZCreateOrganisationInput.safeParse({ name: "Bank", kind: "sponsor" }).error?.issues[0]?.message).toBe("validation.organisation.kind");
    for (const website of ["javascript:alert(1)", "buurthuis", "ftp://files.example.org"]) {
      expect(ZCreateOrganisationInput.safeParse({ name: "Buurthuis", kind: "local", website }).error?.issues[0]?.message, website).toBe("validation.organisation.website");
    }
    expect(ZCreateOrganisationInput.safeParse({ name: "Buurthuis", kind: "local", description: "x".repeat(1001) }).success).toBe(false);
    expect(ZCreateOrganisationInput.parse({ name: "Buurthuis", kind: "care", website: "https://wijkteam.example.org", description: "" })).toMatchObject({ website: "https://wijkteam.example.org", description: undefined });
  });

  it("clears description and website on a change with an empty value", () => {
    expect(ZUpdateOrganisationInput.parse({ description: "", website: null })).toEqual({ description: "", website: "" });
    expect(ZUpdateOrganisationInput.parse({})).toEqual({});
    expect(ZUpdateOrganisationInput.safeParse({ website: "nope" }).success).toBe(false);
  });
});

describe("ambassadors", () => {
  it("are active residents with a neighbourhood", () => {
    expect(ambassadorRefusal({ role: "resident", status: "active", activeNeighbourhoods: 1 })).toBeNull();
    expect(ambassadorRefusal({ role: "ambassador", status: "active", activeNeighbourhoods: 2 })).toBeNull();
    expect(ambassadorRefusal({ role: "prospective", status: "active", activeNeighbourhoods: 1 })).toBe("prospective");
    for (const role of ["moderator", "admin", "partner", "care_partner"]) expect(ambassadorRefusal({ role, status: "active", activeNeighbourhoods: 1 })).toBe("staff");
    expect(ambassadorRefusal({ role: "resident", status: "pending", activeNeighbourhoods: 1 })).toBe("not_active");
    expect(ambassadorRefusal({ role: "resident", status: "active", activeNeighbourhoods: 0 })).toBe("no_neighbourhood");
  });
});
