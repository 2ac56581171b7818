import { describe, expect, it } from "vitest";
import { renderStillWaitingMail } from "./render-still-waiting-mail.ts";

const base = { corporationName: "Woonstichting De Linde", neighbourhoodName: "Lindenhof", displayName: "Sem" };

describe("renderStillWaitingMail", () => {
  it("says in Dutch that the sign-up still waits, and carries no login link", () => {
    const mail = renderStillWaitingMail({ ...base, locale: "nl" });
    expect(mail.subject).toBe("Je aanmelding voor Lindenhof wacht nog op goedkeuring");
    expect(mail.text).toContain("wacht nog op goedkeuring door Woonstichting De Linde");
    expect(mail.text).not.toMatch(/https?:\/\//);
    expect(mail.html).toContain('lang="nl"');
  });

  it("speaks English too, and escapes names in HTML", () => {
    const mail = renderStillWaitingMail({ ...base, locale: "en", displayName: "<b>Sem</b>" });
    expect(mail.subject).toBe("Your request to join Lindenhof is still waiting for approval");
    expect(mail.html).toContain("&lt;b&gt;Sem&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Sem</b>");
  });
});
