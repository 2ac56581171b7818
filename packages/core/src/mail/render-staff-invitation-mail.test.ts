import { describe, expect, it } from "vitest";
import { renderStaffInvitationMail } from "./render-staff-invitation-mail.ts";

const base = {
  corporationName: "Woonstichting De Linde",
  displayName: "Mo <Moderator>",
  invitedBy: "Beheer De Linde",
  link: "https://delinde.buurtplein.nl/inloggen/link?token=abc",
  validDays: 7,
} as const;

describe("the staff invitation e-mail", () => {
  it("says who invited whom for which role, with the link, in Dutch", () => {
    const mail = renderStaffInvitationMail({ ...base, locale: "nl", role: "moderator", organisationName: null });
    expect(mail.subject).toBe("Je bent uitgenodigd voor Buurtplein Woonstichting De Linde");
    expect(mail.text).toContain("Beheer De Linde heeft je uitgenodigd als moderator op Buurtplein Woonstichting De Linde.");
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain("7 dagen");
    expect(mail.html).toContain("Mo &lt;Moderator&gt;");
    expect(mail.html).not.toContain("<Moderator>");
  });

  it("names the organisation of a care partner, in English", () => {
    const mail = renderStaffInvitationMail({ ...base, locale: "en", role: "care_partner", organisationName: "Wijkteam Noord" });
    expect(mail.text).toContain("as care partner of Wijkteam Noord");
    expect(mail.html).toContain('lang="en"');
  });
});
