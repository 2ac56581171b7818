import type { Client } from "@libsql/client/web";
import type { ControlDb, TenantDb } from "@buurtplein/db";
import type { controlSchema, tenantSchema } from "@buurtplein/db";
import type { Role } from "@buurtplein/core";
import type { Logger } from "./lib/logger.ts";
// The module form of the Workers types, so code that only type-imports this file (bench/) needs no globals.
import type { Queue, R2Bucket } from "@cloudflare/workers-types/index.ts";
import type { JobMessage } from "./jobs/job-message.ts";

/** Worker bindings (wrangler.toml vars and secrets). */
export interface Bindings {
  ENVIRONMENT: "development" | "test" | "production";
  /** Comma-separated base domains; `<slug>.<base>` is a tenant, `<base>` the public site. */
  BASE_DOMAINS: string;
  CONTROL_DB_URL: string;
  CONTROL_DB_TOKEN: string;
  /**
   * Secret: base64 of 32 random bytes; encrypts the tenant database tokens stored in the control plane
   * (docs/decisions/010-tenant-token-encryption.md). Without it no tenant is served.
   */
  TENANT_TOKEN_KEY?: string;
  /** "local" (our libSQL server's admin API) or "turso" (Turso's platform API). */
  TENANT_DB_PROVIDER: "local" | "turso";
  LOCAL_LIBSQL_ADMIN_URL?: string;
  LOCAL_LIBSQL_ADMIN_TOKEN?: string;
  TURSO_ORGANIZATION?: string;
  TURSO_API_TOKEN?: string;
  TURSO_GROUP?: string;
  /** Which mailer sends e-mail: "dev" (the local dev mailbox, /dev/mail) or "postmark" (production). */
  MAILER?: "dev" | "postmark";
  /** Sender address, e.g. "Buurtplein <noreply@buurtplein.nl>" (a verified Postmark sender signature). */
  MAIL_FROM?: string;
  /** Secret: the Postmark server API token. */
  POSTMARK_SERVER_TOKEN?: string;
  /** Workers Rate Limiting: writes per client source (60 per 10 s; wrangler.toml, decision 015). */
  WRITES_PER_SOURCE?: { limit(options: { key: string }): Promise<{ success: boolean }> };
  /** Uploaded files (R2; locally miniflare). Keys: `tenants/<tenant id>/…` (lib/file-store.ts). */
  FILES: R2Bucket;
  /** "true" only in the browser tests, which play Cloudflare's edge (e2e/global-setup.ts); never in a deploy. */
  TRUST_CF_CONNECTING_IP?: string;
  /**
   * How long (ms) a tenant's control-plane row and decrypted database credentials are kept per isolate;
   * a suspension takes effect within it. Default 10 000; the worker tests set 0.
   */
  TENANT_CACHE_TTL_MS?: string;
  /**
   * Who verifies corporations' own domains (tenancy/custom-hostnames.ts): "local" (default: names
   * under .localhost are accepted at once, others stay pending) or "cloudflare" (Cloudflare for SaaS
   * custom hostnames in the zone CLOUDFLARE_ZONE_ID; production).
   */
  CUSTOM_HOSTNAMES?: "local" | "cloudflare";
  /** The name corporations point their domain at with a CNAME (default: the first base domain). */
  CUSTOM_HOSTNAME_TARGET?: string;
  /** The Cloudflare zone with Cloudflare for SaaS enabled (the platform's own zone). */
  CLOUDFLARE_ZONE_ID?: string;
  /** Secret: a Cloudflare API token with "SSL and Certificates: Edit" on that zone. */
  CLOUDFLARE_API_TOKEN?: string;
  /** Default https://api.cloudflare.com/client/v4; the worker tests point it at a fake. */
  CLOUDFLARE_API_BASE_URL?: string;
  /**
   * Set only by the page handler for its in-process API calls (never by the platform or a client):
   * the site, settings and actor its first call resolved, so later calls of the same page view reuse
   * them instead of asking the database again.
   */
  PAGE_REQUEST_STATE?: PageRequestState;
  /**
   * Scheduled work (apps/worker/src/jobs/): the cron trigger puts one message per tenant and job on
   * this Cloudflare Queue; the Worker's `queue` handler consumes them (wrangler.toml: retries, dead
   * letters). Locally miniflare's queue.
   */
  JOBS?: Queue<JobMessage>;
  /** Where a tenant's pages live, for links in scheduled e-mails: e.g. "http://{slug}.localhost:8787". Default https://{slug}.<first base domain>. */
  TENANT_ORIGIN_TEMPLATE?: string;
}

/** What one page view's in-process API calls share (filled by the first call). */
export interface PageRequestState {
  site?: Site;
  settings?: TenantSettings | null;
  actor?: Actor | null;
}

export type Tenant = typeof controlSchema.tenants.$inferSelect;
export type TenantSettings = typeof tenantSchema.tenantSettings.$inferSelect;

/** Which site the request host addressed, resolved once per request by the tenant middleware. */
export type Site =
  | { kind: "apex" }
  | { kind: "tenant"; tenant: Tenant; db: TenantDb; client: Client };

export interface ActorMembership {
  id: string;
  slug: string;
  name: string;
  kind: string;
  /** "active", or "pending": asked to join, waiting for a moderator or ambassador (no access yet). */
  status: string;
  /** 1 when the neighbourhood is archived (its history stays readable; hidden from lists). */
  archived: 0 | 1;
}

export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  /** The member's own language choice, if they made one. */
  locale: string | null;
  sessionId: string;
  /** Neighbourhoods this person is an active member of (for `can`). */
  neighbourhoodIds: string[];
  /** Every membership, active and pending, by neighbourhood name (loaded with the session). */
  memberships: ActorMembership[];
  /** Unread in-app notifications (counted in the session's statement: the bell costs no query). */
  unreadNotifications: number;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    logger: Logger;
    control: ControlDb;
    /** The raw control-plane client (rate limits before a tenant exists). */
    controlClient: Client;
    site: Site;
    /** The tenant's settings row (branding, language, approval), loaded with the session; null on the apex. */
    settings: TenantSettings | null;
    actor: Actor | null;
  };
}
