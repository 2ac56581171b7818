import { createMiddleware } from "hono/factory";
import { and, eq, isNotNull } from "drizzle-orm";
import { AppError, parseHost } from "@buurtplein/core";
import { controlSchema, createDbClient, openTenantDb, tenantDbCredentials, type ControlDb } from "@buurtplein/db";
import type { AppEnv, Tenant } from "../env.ts";
import { tenantTokenKey } from "../lib/tenant-token-key.ts";
import { outageError } from "../lib/errors.ts";

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

/**
 * Resolves the site once per request from the URL's host (the web worker forwards the visitor's URL
 * unchanged through the service binding). A tenant's database client is created here, per request,
 * from that tenant's own credentials (its token decrypted with TENANT_TOKEN_KEY): it can never be
 * shared with another tenant.
 */
export const resolveTenant = createMiddleware<AppEnv>(async (c, next) => {
  const host = new URL(c.req.url).host;
  let found: Awaited<ReturnType<typeof findTenantForHost>>;
  try {
    found = await findTenantForHost(c.get("control"), host, baseDomains(c.env.BASE_DOMAINS));
  } catch (error) {
    // The control plane is unreachable: every request (health included) waits with a 503, never a 500.
    const outage = outageError(error);
    if (!outage) throw error;
    c.get("logger").log("error", "control plane unreachable", { error: error instanceof Error ? error.message : String(error) });
    throw outage;
  }
  if (found === "apex") {
    c.set("site", { kind: "apex" });
    return next();
  }
  if (!found) throw new AppError("tenant_not_found");
  if (found.status === "suspended") {
    throw new AppError("tenant_suspended", { details: { name: found.name } });
  }
  if (found.status !== "active" || !found.dbUrl || !found.dbToken) {
    throw new AppError("tenant_not_ready", { details: { name: found.name } });
  }
  let credentials;
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
  const client = createDbClient(credentials);
  c.set("site", { kind: "tenant", tenant: found, db: openTenantDb(client), client });
  await next();
});
