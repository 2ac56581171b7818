import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderICalendar } from "./icalendar.ts";
import { amsterdamInstant, parseActivityTime, toAmsterdamInputValue } from "./activity-time.ts";

const event = {
  uid: "a1b2@delinde.buurtplein.nl",
  title: "Repaircafé; koffie, taart",
  description: "Neem kapotte spullen mee.\nWe maken ze samen.",
  place: "Buurthuis De Boog, Hofstraat 12",
  startsAt: Date.UTC(2026, 11, 5, 13, 0), // 14:00 in Amsterdam (winter time)
  endsAt: Date.UTC(2026, 6, 4, 14, 0), // any instant: here a summer one, 16:00 in Amsterdam
  updatedAt: Date.UTC(2026, 10, 1, 8, 0),
  sequence: 2,
  url: "https://delinde.buurtplein.nl/activiteit/a1b2",
  status: "CONFIRMED" as const,
};

describe("iCalendar (RFC 5545)", () => {
  const ics = renderICalendar({ events: [event], now: Date.UTC(2026, 10, 30, 12, 0, 5), name: "Mijn activiteiten" });
  const lines = ics.split("\r\n");

  it("is one VCALENDAR with CRLF line endings, version, product id and an Amsterdam VTIMEZONE", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toContain("\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((line) => line.startsWith("PRODID:"))).toBe(true);
    const tz = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1);
    expect(tz).toContain("TZID:Europe/Amsterdam");
    expect(tz).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(tz).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });

  it("gives the event a UID, a UTC DTSTAMP and local Amsterdam times on both sides of summer time", () => {
    expect(lines).toContain("UID:a1b2@delinde.buurtplein.nl");
    expect(lines).toContain("DTSTAMP:20261130T120005Z");
    expect(lines).toContain("DTSTART;TZID=Europe/Amsterdam:20261205T140000");
    expect(lines).toContain("DTEND;TZID=Europe/Amsterdam:20260704T160000");
    expect(lines).toContain("SEQUENCE:2");
  });

  it("escapes text values", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    expect(ics).toContain("SUMMARY:Repaircafé\\; koffie\\, taart");
    expect(ics).toContain("DESCRIPTION:Neem kapotte spullen mee.\\nWe maken ze samen.");
  });

  it("folds lines longer than 75 octets without splitting a character", () => {
    const long = `DESCRIPTION:${"é".repeat(100)}`;
    const folded = foldLine(long).split("\r\n");
    for (const line of folded) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((line) => line.startsWith(" "))).toBe(true);
    expect(folded.map((line, index) => (index === 0 ? line : line.slice(1))).join("")).toBe(long);
    for (const line of renderICalendar({ events: [{ ...event, description: "x".repeat(500) }], now: 0 }).split("\r\n")) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  it("marks a cancelled activity as such, so calendars take it off", () => {
    expect(renderICalendar({ events: [{ ...event, status: "CANCELLED" }], now: 0 })).toContain("STATUS:CANCELLED");
  });
});

describe("activity times", () => {
  it("reads ISO times with an offset, and without one as Amsterdam time", () => {
    expect(parseActivityTime("2026-12-05T14:00:00+01:00")).toBe(Date.UTC(2026, 11, 5, 13));
    expect(parseActivityTime("2026-12-05T13:00:00Z")).toBe(Date.UTC(2026, 11, 5, 13));
    expect(parseActivityTime("2026-12-05T14:00")).toBe(Date.UTC(2026, 11, 5, 13));
    expect(parseActivityTime("2026-07-04T14:00")).toBe(Date.UTC(2026, 6, 4, 12));
  });
  it("refuses what is no time", () => {
    for (const value of ["", "morgen", "2026-02-30T10:00", "2026-12-05", "2026-12-05T25:00"]) expect(parseActivityTime(value)).toBeNull();
  });
  it("handles the changes of the clock", () => {
    // 29 March 2026: 02:30 does not exist; the clock's new time (03:30 CEST) is taken.
    expect(amsterdamInstant(2026, 3, 29, 2, 30)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 25 October 2026: 02:30 comes twice; the first (CEST) is taken.
    expect(amsterdamInstant(2026, 10, 25, 2, 30)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(toAmsterdamInputValue(Date.UTC(2026, 11, 5, 13))).toBe("2026-12-05T14:00");
  });
});
