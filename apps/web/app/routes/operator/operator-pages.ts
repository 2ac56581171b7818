// Shared by the operator console's pages (apex only): the host check and how usage is written.
import { data } from "react-router";
import type { SiteInfo } from "../../lib/site-context.ts";

/** The operator console exists only on the apex; on a corporation's host these pages are 404. */
export function assertApexSite(site: SiteInfo): void {
  if (site.kind !== "apex") throw data({ code: "not_found" }, { status: 404 });
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** "120 kB" or "3,4 MB" in the reader's language. */
export function formatBytes(bytes: number, locale: string): string {
  const megabytes = bytes >= 1_000_000;
  const key = `${locale}|${megabytes}`;
  let format = sizeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { style: "unit", unit: megabytes ? "megabyte" : "kilobyte", maximumFractionDigits: megabytes ? 1 : 0 });
    sizeFormats.set(key, format);
  }
  return format.format(megabytes ? bytes / 1_000_000 : bytes / 1_000);
}

export function formatCount(count: number, locale: string): string {
  return count.toLocaleString(locale === "en" ? "en-GB" : "nl-NL");
}
