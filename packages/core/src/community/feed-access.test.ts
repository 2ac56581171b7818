import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/roles.ts";
import { canPostKind, feedAccess } from "./feed-access.ts";

describe("feed access by role", () => {
  // role → [access as member, access as non-member]
  const table = {
    resident: ["full", "none"],
    prospective: ["full", "none"],
    ambassador: ["full", "none"],
    moderator: ["shared_only", "shared_only"],
    admin: ["shared_only", "shared_only"],
    partner: ["none", "none"],
    care_partner: ["none", "none"],
  } as const;

  it.each(ROLES.map((role) => [role]))("%s", (role) => {
    expect([feedAccess(role, true), feedAccess(role, false)]).toEqual(table[role]);
  });

  it("lets members post ordinary kinds and only staff post announcements", () => {
    expect(canPostKind("resident", true, "question")).toBe(true);
    expect(canPostKind("resident", false, "question")).toBe(false);
    expect(canPostKind("resident", true, "announcement")).toBe(false);
    expect(canPostKind("moderator", false, "announcement")).toBe(true);
    expect(canPostKind("moderator", false, "message")).toBe(false);
    expect(canPostKind("partner", true, "message")).toBe(false);
  });
});
