import { describe, expect, it } from "vitest";
import { digestMailHeaders, renderDigestMail } from "./render-digest-mail.ts";
import { selectDigest, type DigestCandidate } from "./select-digest.ts";

const NOW = Date.UTC(2026, 11, 1, 7, 0);
const LINDENHOF = { id: "n1", slug: "lindenhof", name: "Lindenhof" };

function candidates(count: number): DigestCandidate[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    neighbourhoodId: "n1",
    kind: index === 0 ? "help_request" : "message",
    title: index === 0 ? "Wie helpt met <boodschappen>?" : null,
    body: `Bericht nummer ${index}`,
    authorId: "joop",
    authorName: "Joop",
    createdAt: NOW - (index + 1) * 60_000,
  }));
}

function render(locale: "nl" | "en", count = 3) {
  const digest = selectDigest({ userId: "anna", frequency: "daily", neighbourhoods: [LINDENHOF], lastDigestAt: null, lastSeenAt: null }, candidates(count), NOW)!;
  return renderDigestMail({
    locale,
    corporationName: "Woonstichting De Linde",
    primaryColor: "#2a5d8f",
    accentColor: "not-a-colour",
    sponsorStatement: "Mogelijk gemaakt door De Linde",
    displayName: "Anna",
    digest,
    origin: "https://delinde.buurtplein.nl",
    unsubscribeUrl: "https://delinde.buurtplein.nl/overzicht/afmelden?token=abc",
  });
}

describe("the digest e-mail", () => {
  it("is plain HTML and text in the member's language, with the corporation's name, colour and sponsor statement", () => {
    const nl = render("nl");
    expect(nl.subject).toBe("Nieuws uit je buurt — Woonstichting De Linde");
    expect(nl.html).toContain('<html lang="nl">');
    expect(nl.html).toContain("#2a5d8f");
    expect(nl.html).toContain("#f2b134"); // an unsafe colour falls back to the default
    expect(nl.html).not.toContain("not-a-colour");
    expect(nl.html).toContain("<h2");
    expect(nl.html).toContain("Hulp gevraagd");
    expect(nl.html).toContain("Wie helpt met &lt;boodschappen&gt;?");
    expect(nl.text).toContain("Hallo Anna,");
    expect(nl.text).toContain("== Lindenhof ==");
    expect(nl.text).toContain("Mogelijk gemaakt door De Linde");
    expect(nl.text).toContain("https://delinde.buurtplein.nl/overzicht/afmelden?token=abc");
    expect(nl.html).toContain('href="https://delinde.buurtplein.nl/overzicht/afmelden?token=abc"');
    const en = render("en");
    expect(en.subject).toBe("News from your neighbourhood — Woonstichting De Linde");
    expect(en.text).toContain("Help wanted");
  });

  it("links to the rest when there is more than it shows", () => {
    expect(render("nl", 3).text).not.toContain("/meldingen/overzicht");
    const many = render("nl", 14);
    expect(many.text).toContain("Er zijn 14 nieuwe berichten. Je ziet hier de 10 belangrijkste.");
    expect(many.text).toContain("https://delinde.buurtplein.nl/meldingen/overzicht");
  });

  it("carries the one-click unsubscribe headers (RFC 8058)", () => {
    expect(digestMailHeaders("https://x.example/u?token=1")).toEqual({
      "List-Unsubscribe": "<https://x.example/u?token=1>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});

describe("the digest e-mail's activities", () => {
  function withActivities(locale: "nl" | "en") {
    const member = { userId: "anna", frequency: "daily" as const, neighbourhoods: [LINDENHOF], lastDigestAt: null, lastSeenAt: null };
    // Thursday 3 December 2026, 19:30 in Amsterdam (18:30 UTC, winter time).
    const startsAt = Date.UTC(2026, 11, 3, 18, 30);
    const digest = selectDigest(member, [], NOW, 10, [
      { id: "act-1", neighbourhoodId: "n1", title: "Buurt<bbq>", place: "Het plein", startsAt, sponsorName: null, updatedAt: NOW - 60_000 },
      { id: "act-2", neighbourhoodId: "n1", title: "Repaircafé", place: "Buurthuis", startsAt: startsAt + 86_400_000, sponsorName: "Bakkerij Bol", updatedAt: NOW - 60_000 },
    ])!;
    return renderDigestMail({
      locale,
      corporationName: "Woonstichting De Linde",
      primaryColor: "#2a5d8f",
      accentColor: "#f2b134",
      sponsorStatement: null,
      displayName: "Anna",
      digest,
      origin: "https://delinde.buurtplein.nl",
      unsubscribeUrl: "https://delinde.buurtplein.nl/overzicht/afmelden?token=abc",
    });
  }

  it("have their own section with a link, the Amsterdam date and time, and a sponsor's label, in both languages", () => {
    const nl = withActivities("nl");
    expect(nl.text).toContain("== Activiteiten in de komende week ==");
    expect(nl.text).toContain("- Buurt<bbq>");
    expect(nl.text).toContain("donderdag 3 december om 19:30, in Het plein");
    expect(nl.text).toContain("https://delinde.buurtplein.nl/activiteit/act-1");
    expect(nl.text).toContain("Gesponsord door Bakkerij Bol");
    expect(nl.html).toContain('<a href="https://delinde.buurtplein.nl/activiteit/act-2"');
    expect(nl.html).toContain("Buurt&lt;bbq&gt;");
    expect(nl.html).toContain("Activiteiten in de komende week</h2>");
    const en = withActivities("en");
    expect(en.text).toContain("== Activities in the coming week ==");
    expect(en.text).toContain("Thursday 3 December at 19:30, at Het plein");
    expect(en.text).toContain("Sponsored by Bakkerij Bol");
  });

  it("leave no empty section when there are none", () => {
    expect(render("nl").text).not.toContain("Activiteiten in de komende week");
  });
});
