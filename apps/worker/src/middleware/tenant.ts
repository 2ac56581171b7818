import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { and, eq, isNotNull } from "drizzle-orm";
import { AppError, normaliseHostname, parseHost } from "@buurtplein/core";
import { controlSchema, createDbClient, openTenantDb, tenantDbCredentials, type ControlDb, type DbClientConfig } from "@buurtplein/db";
import type { AppEnv, Tenant } from "../env.ts";
import { tenantTokenKey } from "../tenancy/tenant-token-key.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

export function baseDomains(value: string): string[] {
  return value
    .split(",")
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean);
}

/** Finds the tenant a host addresses: by slug under a base domain, or by a verified custom domain. */
export async function findTenantForHost(control: ControlDb, host: string, domains: string[]): Promise<Tenant | "apex" | null> {
  const target = parseHost(host, domains);
  if (target.kind === "apex") return "apex";
  if (target.kind === "tenant") {
    const [tenant] = await control.select().from(controlSchema.tenants).where(eq(controlSchema.tenants.slug, target.slug)).limit(1);
    return tenant ?? null;
  }
  const [row] = await control
    .select({ tenant: controlSchema.tenants })
    .from(controlSchema.tenantDomains)
    .innerJoin(controlSchema.tenants, eq(controlSchema.tenants.id, controlSchema.tenantDomains.tenantId))
    .where(and(eq(controlSchema.tenantDomains.hostname, target.hostname), isNotNull(controlSchema.tenantDomains.verifiedAt)))
    .limit(1);
  return row?.tenant ?? null;
}

/** A tenant as the middleware keeps it: its row, and for an active tenant its database credentials. */
interface ResolvedTenant {
  tenant: Tenant;
  credentials: Required<DbClientConfig> | null;
}

const DEFAULT_TENANT_CACHE_TTL_MS = 10_000;

/**
 * Per isolate: host → tenant row and decrypted credentials, for a few seconds. Every request needs
 * them and they rarely change; a suspension or a new token takes effect within the TTL
 * (TENANT_CACHE_TTL_MS). Unknown hosts are not kept, so random hosts cannot fill it.
 */
const tenantsByHost = new TtlCache<string, ResolvedTenant>({ maxEntries: 500 });

/**
 * Forgets a tenant in this isolate's cache at once (after an operator suspends, resumes or deletes it
 * here); other isolates see the change within the TTL.
 */
export function forgetTenant(tenantId: string): void {
  tenantsByHost.deleteWhere((resolved) => resolved.tenant.id === tenantId);
}

/** A deleted corporation (or one being deleted) answers like a host nobody claims. */
function isGone(tenant: Tenant): boolean {
  return tenant.status === "deleted" || tenant.status === "deleting";
}

/**
 * Forgets what this isolate keeps for a host at once (a removed or no longer verified custom domain);
 * other isolates stop serving it within TENANT_CACHE_TTL_MS.
 */
export function forgetHost(hostname: string): void {
  tenantsByHost.delete(normaliseHostname(hostname));
}

function tenantCacheTtl(env: AppEnv["Bindings"]): number {
  const configured = Number(env.TENANT_CACHE_TTL_MS);
  return env.TENANT_CACHE_TTL_MS !== undefined && Number.isFinite(configured) ? configured : DEFAULT_TENANT_CACHE_TTL_MS;
}

async function resolveHost(c: Context<AppEnv>, requestHost: string): Promise<ResolvedTenant | "apex" | null> {
  // Kept by hostname (no port, lower case), so forgetHost finds it.
  const host = normaliseHostname(requestHost);
  const cached = tenantsByHost.get(host);
  if (cached) return cached;
  // An unreachable control plane throws here; app.onError answers it with 503 (lib/errors.ts, outageError).
  const found = await findTenantForHost(c.get("control"), host, baseDomains(c.env.BASE_DOMAINS));
  if (found === "apex" || found === null) return found;
  let credentials: Required<DbClientConfig> | null = null;
  if (found.status === "active" && found.dbUrl && found.dbToken) {
    try {
      credentials = await tenantDbCredentials(found, await tenantTokenKey(c.env));
    } catch (error) {
      // A missing or wrong TENANT_TOKEN_KEY, or a damaged row: an operator must act, visitors wait.
      c.get("logger").log("error", "tenant database token unreadable", {
        tenant: found.slug,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      throw new AppError("tenant_not_ready", { message: "apiErrors.tenantUnreachable", details: { name: found.name } });
    }
  }
  const resolved = { tenant: found, credentials };
  tenantsByHost.set(host, resolved, tenantCacheTtl(c.env));
  return resolved;
}

/**
 * Resolves the site once per request from the URL's host. A tenant's database client is created here,
 * per request, from that tenant's own credentials (its token decrypted with TENANT_TOKEN_KEY, kept per
 * isolate for a few seconds): a client is never shared with another request or tenant. An in-process
 * call of a page view (PAGE_REQUEST_STATE) reuses the site its first call resolved.
 */
export const resolveTenant = createMiddleware<AppEnv>(async (c, next) => {
  const shared = c.env.PAGE_REQUEST_STATE;
  if (shared?.site) {
    c.set("site", shared.site);
    return next();
  }
  const host = new URL(c.req.url).host;
  const found = await resolveHost(c, host);
  if (found === "apex") {
    c.set("site", { kind: "apex" });
  } else {
    if (!found || isGone(found.tenant)) throw new AppError("tenant_not_found");
    const { tenant, credentials } = found;
    // Suspended: every page shows the "temporarily unavailable" page and every API call, read or
    // write, is refused (423) before any tenant data is touched.
    if (tenant.status === "suspended") {
      throw new AppError("tenant_suspended", { details: { name: tenant.name } });
    }
    if (tenant.status !== "active" || !credentials) {
      throw new AppError("tenant_not_ready", { details: { name: tenant.name } });
    }
    const client = createDbClient(credentials);
    c.set("site", { kind: "tenant", tenant, db: openTenantDb(client), client });
  }
  if (shared) shared.site = c.get("site");
  await next();
});
