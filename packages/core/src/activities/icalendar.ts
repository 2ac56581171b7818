// iCalendar (RFC 5545) for activities: one event as an .ics file, or a member's subscription with
// their upcoming activities. Times are local Amsterdam time with a VTIMEZONE, so a phone shows the
// right hour on both sides of a change of the clock. Lines end in CRLF and are folded at 75 octets;
// text values are escaped.
import { amsterdamWallTime } from "../invites/amsterdam-calendar.ts";

export interface CalendarEvent {
  /** Globally unique and stable: "<activity id>@<host>". */
  uid: string;
  title: string;
  description: string;
  place: string;
  startsAt: number;
  endsAt: number;
  /** Last change; with `sequence`, tells a calendar which version is newer. */
  updatedAt: number;
  sequence: number;
  /** The activity's page. */
  url?: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
}

export interface CalendarInput {
  /** Shown as the calendar's name when subscribed (X-WR-CALNAME). */
  name?: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP: when this file was made. */
  now: number;
}

const PRODUCT_ID = "-//Buurtplein//Activiteiten//NL";

/** Europe/Amsterdam since 1996: summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00. */
const AMSTERDAM_TIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Amsterdam",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19810329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19961027T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line into lines of at most 75 octets (RFC 5545 3.1): each continuation starts
 * with a space. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line's leading space counts too
    if (size + bytes > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** 20261205T140000Z */
export function utcStamp(instant: number): string {
  const date = new Date(instant);
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** 20261205T140000 (Amsterdam wall time, for TZID=Europe/Amsterdam) */
export function amsterdamStamp(instant: number): string {
  const wall = amsterdamWallTime(instant);
  return `${wall.year}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

function eventLines(event: CalendarEvent, now: number): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=Europe/Amsterdam:${amsterdamStamp(event.startsAt)}`,
    `DTEND;TZID=Europe/Amsterdam:${amsterdamStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.place)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.status}`,
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR, CRLF line endings, folded. */
export function renderICalendar(input: CalendarInput): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(input.name ? [`X-WR-CALNAME:${escapeText(input.name)}`, "X-WR-TIMEZONE:Europe/Amsterdam"] : []),
    ...AMSTERDAM_TIMEZONE,
    ...input.events.flatMap((event) => eventLines(event, input.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
