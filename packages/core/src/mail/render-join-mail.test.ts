import { describe, expect, it } from "vitest";
import { renderJoinAttemptMail, renderJoinWelcomeMail } from "./render-join-mail.ts";

const base = { corporationName: "Woonstichting De Linde", neighbourhoodName: "Lindenhof" };

describe("renderJoinWelcomeMail", () => {
  it("welcomes the new member with a login link, in Dutch and English", () => {
    const link = "https://delinde.buurtplein.nl/inloggen/link?token=abc";
    const nl = renderJoinWelcomeMail({ ...base, locale: "nl", displayName: "Noor", link, validMinutes: 15 });
    expect(nl.subject).toBe("Welkom in Lindenhof: log in op Buurtplein");
    expect(nl.text).toContain(link);
    expect(nl.html).toContain('lang="nl"');
    const en = renderJoinWelcomeMail({ ...base, locale: "en", displayName: "<b>Noor</b>", link, validMinutes: 15 });
    expect(en.subject).toBe("Welcome to Lindenhof: log in to Buurtplein");
    expect(en.html).toContain("&lt;b&gt;Noor&lt;/b&gt;");
  });
});

describe("renderJoinAttemptMail", () => {
  it("tells the owner someone tried, and how to join with the account they have", () => {
    const mail = renderJoinAttemptMail({ ...base, locale: "nl", loginUrl: "https://delinde.buurtplein.nl/inloggen", inviteCode: "K7PM-Q2XD" });
    expect(mail.subject).toBe("Iemand wilde meedoen in Lindenhof met jouw e-mailadres");
    expect(mail.text).toContain("Er is al een account met dit adres, dus er is niets veranderd.");
    expect(mail.text).toContain("buurtcode K7PM-Q2XD");
    expect(mail.text).toContain("https://delinde.buurtplein.nl/inloggen");
    expect(mail.text).not.toContain("token=");
    const en = renderJoinAttemptMail({ ...base, locale: "en", loginUrl: "https://delinde.buurtplein.nl/inloggen", inviteCode: "K7PM-Q2XD" });
    expect(en.subject).toBe("Someone tried to join Lindenhof with your e-mail address");
  });
});
