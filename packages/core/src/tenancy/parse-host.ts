// Which part of Buurtplein a request host addresses. Pure: the control-plane lookup happens elsewhere.
//   <base domain>            → the public site (apex) with corporation sign-up
//   <slug>.<base domain>     → a corporation by its slug
//   anything else            → maybe a corporation's verified custom domain

export type HostTarget =
  | { kind: "apex"; baseDomain: string }
  | { kind: "tenant"; slug: string; baseDomain: string }
  | { kind: "custom"; hostname: string };

/** Lower-cases, drops the port and a trailing dot. */
export function normaliseHostname(host: string): string {
  let hostname = host.trim().toLowerCase();
  if (hostname.startsWith("[")) return hostname; // IPv6 literal: never a tenant
  hostname = hostname.replace(/:\d+$/, "").replace(/\.$/, "");
  return hostname;
}

export function parseHost(host: string, baseDomains: readonly string[]): HostTarget {
  const hostname = normaliseHostname(host);
  for (const baseDomain of baseDomains) {
    if (hostname === baseDomain || hostname === `www.${baseDomain}`) return { kind: "apex", baseDomain };
    const suffix = `.${baseDomain}`;
    if (hostname.endsWith(suffix)) {
      const label = hostname.slice(0, -suffix.length);
      // Only one label deep: a.b.localhost is not a tenant.
      if (label.length > 0 && !label.includes(".")) return { kind: "tenant", slug: label, baseDomain };
    }
  }
  return { kind: "custom", hostname };
}

/** The public origin of a tenant, e.g. http://delinde.localhost:8787. */
export function tenantOrigin(slug: string, apexOrigin: string): string {
  const url = new URL(apexOrigin);
  url.hostname = `${slug}.${url.hostname}`;
  return url.origin;
}
