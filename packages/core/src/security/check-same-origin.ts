// CSRF defence (docs/decisions/007-csrf-origin-checks.md): a state-changing request (anything but
// GET/HEAD/OPTIONS) must come from our own origin. Browsers send `Origin` on every cross-origin POST
// and `Sec-Fetch-Site` on modern engines; requests with neither (curl, tests, the pages' own in-process
// server-side calls) pass, and the API then demands a JSON body, which a cross-site form cannot send.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginCheckInput {
  method: string;
  /** The request URL as the server sees it (its origin is ours). */
  url: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
}

/** True when the request must be refused with 403 csrf_failed. */
export function isCrossSiteWrite(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.secFetchSite?.toLowerCase() === "cross-site") return true;
  if (input.origin === null || input.origin === undefined || input.origin === "") return false;
  return input.origin !== new URL(input.url).origin;
}
