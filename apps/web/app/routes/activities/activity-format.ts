// How activities show their time: "za 5 dec, 14:00 – 16:00" in Amsterdam time, in the reader's language.
// Formatters are made once per language and kept (see lib/dates.ts).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, kind: "day" | "time" | "dayKey"): Intl.DateTimeFormat {
  const language = locale === "en" ? "en-GB" : "nl-NL";
  const key = `${language}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day"
        ? { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }
        : kind === "time"
          ? { hour: "2-digit", minute: "2-digit" }
          : { year: "numeric", month: "2-digit", day: "2-digit" };
    found = new Intl.DateTimeFormat(language, { ...options, timeZone: "Europe/Amsterdam" });
    formatters.set(key, found);
  }
  return found;
}

/** "za 5 dec 2026 14:00 – 16:00", or both full when it ends on another day. */
export function formatWhen(startsAt: number, endsAt: number, locale: string): string {
  const sameDay = formatter(locale, "dayKey").format(startsAt) === formatter(locale, "dayKey").format(endsAt);
  return `${formatter(locale, "day").format(startsAt)} – ${formatter(locale, sameDay ? "time" : "day").format(endsAt)}`;
}

export function formatMoment(instant: number, locale: string): string {
  return formatter(locale, "day").format(instant);
}
