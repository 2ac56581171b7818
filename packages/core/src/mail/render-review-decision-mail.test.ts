import { describe, expect, it } from "vitest";
import { renderReviewDecisionMail } from "./render-review-decision-mail.ts";

const base = {
  corporationName: "Woonstichting De Linde",
  neighbourhoodName: "Lindenhof",
  displayName: "Noor",
  loginLink: "https://delinde.buurtplein.nl/inloggen",
};

describe("renderReviewDecisionMail", () => {
  it("tells an approved person in Dutch that they can log in, with the link in text and HTML", () => {
    const mail = renderReviewDecisionMail({ ...base, locale: "nl", decision: "approved" });
    expect(mail.subject).toBe("Welkom in Lindenhof: je kunt nu inloggen");
    expect(mail.text).toContain("Hallo Noor,");
    expect(mail.text).toContain("goedgekeurd door Woonstichting De Linde");
    expect(mail.text).toContain(base.loginLink);
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain(`href="${base.loginLink}"`);
  });

  it("gives a rejected person the reviewer's message and who to ask, in English too", () => {
    const nl = renderReviewDecisionMail({ ...base, locale: "nl", decision: "rejected", reviewerMessage: "Bel ons even, dan kijken we samen." });
    expect(nl.subject).toBe("Je aanmelding voor Lindenhof is niet goedgekeurd");
    expect(nl.text).toContain("Bel ons even, dan kijken we samen.");
    expect(nl.text).toContain("Neem dan contact op met Woonstichting De Linde");
    expect(nl.text).not.toContain(base.loginLink);
    expect(nl.html).toContain("<blockquote");
    const en = renderReviewDecisionMail({ ...base, locale: "en", decision: "rejected", reviewerMessage: "Please call us." });
    expect(en.subject).toBe("Your request to join Lindenhof was not approved");
    expect(en.text).toContain("Please call us.");
    expect(en.html).toContain('<html lang="en">');
  });

  it("escapes names and messages in HTML and keeps plain text plain", () => {
    const mail = renderReviewDecisionMail({ ...base, locale: "nl", decision: "rejected", displayName: "<b>Bob</b>", reviewerMessage: '<script>alert("x")</script> & meer' });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>Bob</b>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer");
    expect(mail.text).toContain('<script>alert("x")</script> & meer');
  });
});
