import type { Client } from "@libsql/client/web";
import type { ControlDb, TenantDb } from "@buurtplein/db";
import type { controlSchema, tenantSchema } from "@buurtplein/db";
import type { Role } from "@buurtplein/core";
import type { Logger } from "./lib/logger.ts";

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
  /** Workers Rate Limiting: writes per client source (60 per 10 s; wrangler.toml, decision 011). */
  WRITES_PER_SOURCE?: { limit(options: { key: string }): Promise<{ success: boolean }> };
}

export type Tenant = typeof controlSchema.tenants.$inferSelect;
export type TenantSettings = typeof tenantSchema.tenantSettings.$inferSelect;

/** Which site the request host addressed, resolved once per request by the tenant middleware. */
export type Site =
  | { kind: "apex" }
  | { kind: "tenant"; tenant: Tenant; db: TenantDb; client: Client };

export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  sessionId: string;
  /** Neighbourhoods this person is a member of (for `can`). */
  neighbourhoodIds: string[];
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
    actor: Actor | null;
  };
}
