// Who makes a corporation's own domain work: registers it, checks it, removes it. Two implementations,
// chosen by CUSTOM_HOSTNAMES: Cloudflare for SaaS custom hostnames in production (the certificate and
// the routing to our Worker), and a local one that serves names under .localhost at once.
// See docs/decisions/021-custom-domains-and-export.md.
import { AppError, routeRecord, type DnsRecord, type DomainStatus } from "@buurtplein/core";
import { baseDomains } from "../middleware/tenant.ts";
import type { Bindings } from "../env.ts";
import type { Logger } from "../lib/logger.ts";

/** A custom hostname as the provider sees it now. */
export interface HostnameState {
  /** The provider's id for it (Cloudflare's custom hostname id); null locally. */
  ref: string | null;
  status: DomainStatus;
  /** The DNS records the corporation creates: always the CNAME, and what the provider asks besides. */
  records: DnsRecord[];
  /** What the provider reports as wrong, in its own words. */
  problems: string[];
}

export interface CustomHostnames {
  /** Whether names under .localhost can be served (only by the local implementation). */
  readonly servesLocalhost: boolean;
  /** The name a corporation points its domain at (CNAME). */
  readonly target: string;
  register(hostname: string): Promise<HostnameState>;
  /** Asks the provider again (and, for Cloudflare, to validate again); `ref` from register. */
  check(hostname: string, ref: string | null): Promise<HostnameState>;
  /** Removing one the provider no longer knows is not an error. */
  remove(hostname: string, ref: string | null): Promise<void>;
}

function isLocalhostName(hostname: string): boolean {
  return hostname.endsWith(".localhost");
}

/** Local development and tests: a name under .localhost reaches this machine already, so it is active at once. */
export class LocalCustomHostnames implements CustomHostnames {
  readonly servesLocalhost = true;

  constructor(readonly target: string) {}

  async register(hostname: string): Promise<HostnameState> {
    return this.check(hostname);
  }

  async check(hostname: string): Promise<HostnameState> {
    return { ref: null, status: isLocalhostName(hostname) ? "active" : "pending", records: [routeRecord(hostname, this.target)], problems: [] };
  }

  async remove(): Promise<void> {}
}

// --- Cloudflare for SaaS ------------------------------------------------------------------------------
// API: POST/GET/PATCH/DELETE /zones/{zone_id}/custom_hostnames[/{custom_hostname_id}], answers wrapped
// in { success, errors, messages, result }. A custom hostname is served once its `status` is "active"
// (ownership proven: the CNAME to our zone is in place, or the TXT record `ownership_verification`)
// and its `ssl.status` is "active" (certificate issued; with "http" validation Cloudflare validates by
// itself once the CNAME points at us, a PATCH asks it to try again).

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

/** The parts of Cloudflare's custom hostname object we read. */
export interface CloudflareCustomHostname {
  id: string;
  hostname: string;
  status?: string;
  verification_errors?: string[];
  ownership_verification?: { type?: string; name?: string; value?: string };
  ssl?: {
    status?: string;
    method?: string;
    validation_records?: { txt_name?: string; txt_value?: string; http_url?: string; http_body?: string }[];
    validation_errors?: { message?: string }[];
  };
}

interface CloudflareEnvelope<T> {
  success: boolean;
  errors?: { code: number; message: string }[];
  result: T | null;
}

const FAILED_HOSTNAME_STATUSES = new Set(["blocked", "moved", "deleted", "pending_deletion", "test_failed", "test_blocked"]);
const DUPLICATE_HOSTNAME = 1406;
/** What we ask for every hostname: a DV certificate validated over HTTP once the CNAME is in place. */
const SSL_SETTINGS = { method: "http", type: "dv" } as const;

export function stateOfCloudflareHostname(result: CloudflareCustomHostname, target: string): HostnameState {
  const sslStatus = result.ssl?.status ?? "";
  const status: DomainStatus =
    result.status === "active" && sslStatus === "active"
      ? "active"
      : FAILED_HOSTNAME_STATUSES.has(result.status ?? "") || sslStatus.endsWith("timed_out")
        ? "failed"
        : "pending";
  const records: DnsRecord[] = [routeRecord(result.hostname, target)];
  if (status !== "active") {
    const ownership = result.ownership_verification;
    if (ownership?.type === "txt" && ownership.name && ownership.value) {
      records.push({ type: "TXT", name: ownership.name, value: ownership.value, purpose: "ownership" });
    }
    for (const record of result.ssl?.validation_records ?? []) {
      if (record.txt_name && record.txt_value) records.push({ type: "TXT", name: record.txt_name, value: record.txt_value, purpose: "certificate" });
    }
  }
  const problems = [...(result.verification_errors ?? []), ...(result.ssl?.validation_errors ?? []).map((error) => error.message ?? "")].filter(Boolean);
  return { ref: result.id, status, records, problems };
}

export interface CloudflareCustomHostnamesOptions {
  zoneId: string;
  apiToken: string;
  target: string;
  baseUrl?: string;
  logger?: Logger;
  fetch?: typeof fetch;
}

export class CloudflareCustomHostnames implements CustomHostnames {
  readonly servesLocalhost = false;
  readonly target: string;
  readonly #zoneUrl: string;
  readonly #apiToken: string;
  readonly #logger: Logger | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: CloudflareCustomHostnamesOptions) {
    this.target = options.target;
    this.#zoneUrl = `${(options.baseUrl ?? CLOUDFLARE_API).replace(/\/+$/, "")}/zones/${encodeURIComponent(options.zoneId)}/custom_hostnames`;
    this.#apiToken = options.apiToken;
    this.#logger = options.logger;
    // Wrapped: workerd throws "Illegal invocation" when fetch is called detached from globalThis.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async register(hostname: string): Promise<HostnameState> {
    const created = await this.#call<CloudflareCustomHostname>("POST", "", { hostname, ssl: SSL_SETTINGS });
    if (created.ok) return stateOfCloudflareHostname(created.result, this.target);
    // Known to Cloudflare already (an earlier attempt whose answer got lost): take that one.
    if (created.errors.some((error) => error.code === DUPLICATE_HOSTNAME)) {
      const existing = await this.#find(hostname);
      if (existing) return stateOfCloudflareHostname(existing, this.target);
    }
    throw this.#failure("register", hostname, created);
  }

  async check(hostname: string, ref: string | null): Promise<HostnameState> {
    const known = ref ? await this.#call<CloudflareCustomHostname>("GET", `/${encodeURIComponent(ref)}`) : null;
    if (!known || (!known.ok && known.status === 404)) {
      const found = await this.#find(hostname);
      if (!found) return this.register(hostname);
      return this.check(hostname, found.id);
    }
    if (!known.ok) throw this.#failure("check", hostname, known);
    const state = stateOfCloudflareHostname(known.result, this.target);
    if (state.status === "active") return state;
    // Not there yet: ask Cloudflare to validate again now (the CNAME may have been created since).
    const retried = await this.#call<CloudflareCustomHostname>("PATCH", `/${encodeURIComponent(known.result.id)}`, { ssl: SSL_SETTINGS });
    if (!retried.ok) throw this.#failure("check", hostname, retried);
    return stateOfCloudflareHostname(retried.result, this.target);
  }

  async remove(hostname: string, ref: string | null): Promise<void> {
    const id = ref ?? (await this.#find(hostname))?.id;
    if (!id) return;
    const removed = await this.#call<{ id: string }>("DELETE", `/${encodeURIComponent(id)}`);
    if (!removed.ok && removed.status !== 404) throw this.#failure("remove", hostname, removed);
  }

  async #find(hostname: string): Promise<CloudflareCustomHostname | null> {
    const listed = await this.#call<CloudflareCustomHostname[]>("GET", `?hostname=${encodeURIComponent(hostname)}`);
    if (!listed.ok) throw this.#failure("find", hostname, listed);
    return listed.result.find((item) => item.hostname === hostname) ?? null;
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<{ ok: true; result: T } | { ok: false; status: number; errors: { code: number; message: string }[] }> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.#zoneUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.#apiToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      return { ok: false, status: 0, errors: [{ code: 0, message: error instanceof Error ? error.message : String(error) }] };
    }
    const envelope = (await response.json().catch(() => null)) as CloudflareEnvelope<T> | null;
    if (response.ok && envelope?.success && envelope.result !== null && envelope.result !== undefined) return { ok: true, result: envelope.result };
    return { ok: false, status: response.status, errors: envelope?.errors ?? [] };
  }

  #failure(what: string, hostname: string, answer: { status: number; errors: { code: number; message: string }[] }): AppError {
    this.#logger?.log("error", "cloudflare custom hostname call failed", { what, hostname, status: answer.status, errors: answer.errors });
    return new AppError("service_unavailable", { message: "apiErrors.domains.providerFailed" });
  }
}

/** The implementation CUSTOM_HOSTNAMES names (local unless it says cloudflare). */
export function customHostnamesFor(env: Bindings, logger?: Logger): CustomHostnames {
  const target = env.CUSTOM_HOSTNAME_TARGET?.trim() || baseDomains(env.BASE_DOMAINS)[0] || "localhost";
  if (env.CUSTOM_HOSTNAMES === "cloudflare") {
    if (!env.CLOUDFLARE_ZONE_ID || !env.CLOUDFLARE_API_TOKEN) {
      throw new AppError("service_unavailable", { message: "apiErrors.domains.providerMissing" });
    }
    return new CloudflareCustomHostnames({
      zoneId: env.CLOUDFLARE_ZONE_ID,
      apiToken: env.CLOUDFLARE_API_TOKEN,
      target,
      baseUrl: env.CLOUDFLARE_API_BASE_URL,
      logger,
    });
  }
  return new LocalCustomHostnames(target);
}
