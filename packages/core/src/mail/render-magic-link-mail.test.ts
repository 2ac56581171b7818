import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html.ts";
import { renderMagicLinkMail } from "./render-magic-link-mail.ts";

const link = "https://delinde.buurtplein.nl/inloggen/link?token=abc_DEF-123&x=1";

describe("renderMagicLinkMail", () => {
  it("writes a Dutch e-mail with the corporation's name and the link in text and HTML", () => {
    const mail = renderMagicLinkMail({ locale: "nl", corporationName: "Woonstichting De Linde", link, validMinutes: 15 });
    expect(mail.subject).toBe("Inloggen bij Buurtplein Woonstichting De Linde");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("15 minuten");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('href="https://delinde.buurtplein.nl/inloggen/link?token=abc_DEF-123&amp;x=1"');
    expect(mail.html).toContain("Woonstichting De Linde");
  });

  it("writes an English e-mail", () => {
    const mail = renderMagicLinkMail({ locale: "en", corporationName: "Havenstad Wonen", link, validMinutes: 15 });
    expect(mail.subject).toBe("Log in to Buurtplein Havenstad Wonen");
    expect(mail.text).toContain("15 minutes");
    expect(mail.html).toContain('<html lang="en">');
  });

  it("escapes a corporation name that looks like HTML", () => {
    const mail = renderMagicLinkMail({ locale: "nl", corporationName: '<script>alert("x")</script> & Co', link, validMinutes: 15 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    // Plain text stays plain.
    expect(mail.text).toContain('<script>alert("x")</script> & Co');
  });
});

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
