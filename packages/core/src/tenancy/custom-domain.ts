// A corporation's own domain (e.g. buurt.delinde.nl) besides <slug>.<base domain>. Pure: what a valid
// custom hostname is, which names are the platform's own, and the DNS records the admin creates.
import type { MessageKey } from "../i18n/messages.ts";
import { normaliseHostname, parseHost } from "./parse-host.ts";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const MAX_HOSTNAME_LENGTH = 253;

export interface CustomHostnameRules {
  /** The platform's base domains (BASE_DOMAINS): never a custom domain, nor `<slug>.<base>` under them. */
  baseDomains: readonly string[];
  /** Whether `*.localhost` names may be used (only the local implementation can serve them). */
  allowLocalhost: boolean;
}

export type CustomHostnameCheck = { ok: true; hostname: string } | { ok: false; message: MessageKey };

function isUnderLocalhost(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost");
}

/**
 * Reads what an admin typed ("Buurt.DeLinde.nl", "https://buurt.delinde.nl/", "bürgerhaus.de") as a
 * lower-case ASCII hostname, or says what is wrong with it.
 */
export function checkCustomHostname(input: unknown, rules: CustomHostnameRules): CustomHostnameCheck {
  if (typeof input !== "string" || input.trim() === "") return { ok: false, message: "apiErrors.domains.hostnameMissing" };
  let text = input.trim();
  if (/[\s@\\]/.test(text)) return { ok: false, message: "apiErrors.domains.hostnameShape" };
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/[/?#].*$/, "");
  let hostname: string;
  try {
    // The URL parser lower-cases and turns international names into their ASCII (punycode) form.
    hostname = normaliseHostname(new URL(`http://${text}`).hostname);
  } catch {
    return { ok: false, message: "apiErrors.domains.hostnameShape" };
  }
  if (hostname.length > MAX_HOSTNAME_LENGTH) return { ok: false, message: "apiErrors.domains.hostnameTooLong" };
  const labels = hostname.split(".");
  if (!labels.every((label) => LABEL.test(label)) || !TOP_LABEL.test(labels.at(-1)!)) {
    return { ok: false, message: "apiErrors.domains.hostnameShape" };
  }
  // The platform's own names: the public site and <slug>.<base> answer already.
  const target = parseHost(hostname, rules.baseDomains);
  if (target.kind !== "custom") return { ok: false, message: "apiErrors.domains.hostnamePlatform" };
  if (labels.length < 2) return { ok: false, message: "apiErrors.domains.hostnameShape" };
  if (isUnderLocalhost(hostname)) {
    return rules.allowLocalhost ? { ok: true, hostname } : { ok: false, message: "apiErrors.domains.hostnameLocalhost" };
  }
  // Deeper names under our own base domain are ours too (the wildcard DNS record), never a corporation's.
  if (rules.baseDomains.some((base) => hostname.endsWith(`.${base}`))) return { ok: false, message: "apiErrors.domains.hostnamePlatform" };
  return { ok: true, hostname };
}

/** One DNS record the admin creates at their DNS provider. */
export interface DnsRecord {
  type: "CNAME" | "TXT";
  name: string;
  value: string;
  /** route: sends visitors to Buurtplein; ownership / certificate: proves the domain is theirs. */
  purpose: "route" | "ownership" | "certificate";
}

/** The record that sends a custom domain's visitors to the platform. */
export function routeRecord(hostname: string, target: string): DnsRecord {
  return { type: "CNAME", name: hostname, value: target, purpose: "route" };
}

/** How far a domain is: pending (waiting for DNS or the certificate), active (served), failed (needs the admin). */
export const DOMAIN_STATUSES = ["pending", "active", "failed"] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];
