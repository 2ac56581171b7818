import { describe, expect, it } from "vitest";
import { recoveryCodeRefusal } from "./recovery-by-staff.ts";

describe("recoveryCodeRefusal", () => {
  it("allows an active neighbour or partner with a login name", () => {
    for (const role of ["resident", "prospective", "ambassador", "partner", "care_partner"] as const) {
      expect(recoveryCodeRefusal({ role, status: "active", loginName: "anna.lindenhof" })).toBeNull();
    }
  });

  it("never gives staff a code, whatever else is true", () => {
    expect(recoveryCodeRefusal({ role: "admin", status: "active", loginName: "beheer" })).toBe("staff_account");
    expect(recoveryCodeRefusal({ role: "moderator", status: "active", loginName: "mod" })).toBe("staff_account");
  });

  it("refuses accounts that log in by e-mail, and people not yet let in", () => {
    expect(recoveryCodeRefusal({ role: "resident", status: "active", loginName: null })).toBe("no_login_name");
    expect(recoveryCodeRefusal({ role: "resident", status: "pending", loginName: "x.y" })).toBe("not_active");
    expect(recoveryCodeRefusal({ role: "resident", status: "rejected", loginName: "x.y" })).toBe("not_active");
  });
});
