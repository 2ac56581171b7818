import { describe, expect, it } from "vitest";
import { ROLES } from "../identity/roles.ts";
import { feedAccess } from "./feed-access.ts";

describe("feed access once reading is allowed", () => {
  it.each(ROLES.map((role) => [role]))("%s", (role) => {
    expect(feedAccess(role)).toBe(role === "moderator" || role === "admin" ? "shared_only" : "full");
  });
});
