// Who is asking, for per-source rate limits. Only the platform may say where a request comes from: on
// Cloudflare the edge sets CF-Connecting-IP (a client cannot choose it); locally the product listens on
// 127.0.0.1 only, so every request arrives through the loopback socket. The Worker's entry decides once
// (clientSourceOf) and passes the answer to the API in CLIENT_SOURCE_HEADER, which it always
// overwrites; the API reads nothing else (X-Forwarded-For, X-Real-IP and CF-Connecting-IP as
// sent by a client are never trusted). See docs/decisions/015-abuse-limits.md.

/** The header the Worker's entry sets (always overwriting what a client sent) for the API. */
export const CLIENT_SOURCE_HEADER = "x-buurtplein-client-source";

/** The source of every request in a local run: the loopback socket the product listens on. */
export const LOCAL_CLIENT_SOURCE = "127.0.0.1";

/**
 * The rate-limit source of a request as the Worker's entry sees it. `trustEdgeHeader` is true on
 * Cloudflare (production) and in the browser tests, which play Cloudflare's edge; otherwise the
 * socket address. An IPv6 address counts as its /64 (one household or phone gets a whole /64).
 */
export function clientSourceOf(headers: Headers, trustEdgeHeader: boolean): string {
  if (!trustEdgeHeader) return LOCAL_CLIENT_SOURCE;
  const ip = headers.get("cf-connecting-ip")?.trim();
  if (!ip) return "unknown";
  return ip.includes(":") ? ipv6Prefix64(ip) : ip;
}

/** "2001:db8:1:2:3:4:5:6" → "2001:db8:1:2::/64" (also for "::"-shortened forms). */
function ipv6Prefix64(ip: string): string {
  const [head = "", tail] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((group) => (group.replace(/^0+/, "") || "0"));
  while (prefix.length < 4) prefix.push("0");
  return `${prefix.join(":")}::/64`;
}
