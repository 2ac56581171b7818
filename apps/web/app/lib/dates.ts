// Dates and times as the pages show them: Amsterdam time, in the reader's language. A formatter is
// made once per language and style and kept: making an Intl.DateTimeFormat costs about 0.3 ms, using
// one about 1 µs, and a feed page shows twenty dates.
type DateStyle = "long" | "medium";
type TimeStyle = "medium" | "short";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, dateStyle: DateStyle, timeStyle?: TimeStyle): Intl.DateTimeFormat {
  const language = locale === "en" ? "en-GB" : "nl-NL";
  const key = `${language}|${dateStyle}|${timeStyle ?? ""}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { dateStyle, ...(timeStyle ? { timeStyle } : {}), timeZone: "Europe/Amsterdam" });
    formatters.set(key, found);
  }
  return found;
}

/** "1 dec 2026 14:05" (dateStyle medium) or "1 december 2026" (long, without a time). */
export function formatDateTime(timestamp: number, locale: string, dateStyle: DateStyle, timeStyle?: TimeStyle): string {
  return formatter(locale, dateStyle, timeStyle).format(timestamp);
}
