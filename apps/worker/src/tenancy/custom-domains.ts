// A corporation's own domains (admins): add one, see the DNS record to create and its status, check it
// now, remove it. The rows live in the control plane's tenant_domains; only a verified row resolves to
// the tenant (middleware/tenant.ts). The provider (Cloudflare for SaaS, or locally .localhost names)
// is behind CustomHostnames (custom-hostnames.ts).
import { Hono, type Context } from "hono";
import { and, eq } from "drizzle-orm";
import { AppError, checkCustomHostname, normaliseHostname, type DnsRecord, type DomainStatus } from "@buurtplein/core";
import { controlSchema, isUniqueViolation, type ControlDb } from "@buurtplein/db";
import type { AppEnv } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { readJson } from "../lib/errors.ts";
import { requirePermission, tenantSite } from "../middleware/session.ts";
import { baseDomains, forgetHost } from "../middleware/tenant.ts";
import { customHostnamesFor, type HostnameState } from "./custom-hostnames.ts";

const ADMIN_ONLY = "apiErrors.domains.adminOnly";
const { tenantDomains } = controlSchema;
type DomainRow = typeof tenantDomains.$inferSelect;

/** A domain as the settings page shows it. */
export interface DomainView {
  hostname: string;
  status: DomainStatus;
  verifiedAt: number | null;
  checkedAt: number | null;
  createdAt: number;
  records: DnsRecord[];
  problems: string[];
}

function view(row: DomainRow): DomainView {
  return {
    hostname: row.hostname,
    status: row.verifiedAt !== null ? "active" : row.status === "failed" ? "failed" : "pending",
    verifiedAt: row.verifiedAt,
    checkedAt: row.checkedAt,
    createdAt: row.createdAt,
    records: row.dnsRecords ?? [],
    problems: row.problems ?? [],
  };
}

/** The row update that records what the provider said. */
function stateColumns(state: HostnameState, previous: DomainRow | null, now: number) {
  return {
    providerRef: state.ref,
    status: state.status,
    dnsRecords: state.records,
    problems: state.problems,
    checkedAt: now,
    verifiedAt: state.status === "active" ? (previous?.verifiedAt ?? now) : null,
  };
}

async function ownDomain(control: ControlDb, tenantId: string, hostname: string): Promise<DomainRow> {
  const [row] = await control
    .select()
    .from(tenantDomains)
    .where(and(eq(tenantDomains.hostname, normaliseHostname(hostname)), eq(tenantDomains.tenantId, tenantId)))
    .limit(1);
  if (!row) throw new AppError("not_found", { message: "apiErrors.domains.notFound" });
  return row;
}

function provider(c: Context<AppEnv>) {
  return customHostnamesFor(c.env, c.get("logger"));
}

export const customDomainRoutes = new Hono<AppEnv>()

// GET /api/settings/domains — this corporation's own domains with their DNS records and status (admins)
.get("/", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "domain.manage", {}, ADMIN_ONLY);
  const rows = await c.get("control").select().from(tenantDomains).where(eq(tenantDomains.tenantId, site.tenant.id)).orderBy(tenantDomains.createdAt);
  const hostnames = provider(c);
  return c.json({
    domains: rows.map(view),
    /** The address that always works: <slug>.<first base domain>. */
    defaultHostname: `${site.tenant.slug}.${baseDomains(c.env.BASE_DOMAINS)[0] ?? "localhost"}`,
    target: hostnames.target,
    servesLocalhost: hostnames.servesLocalhost,
  });
})

// POST /api/settings/domains { hostname } — add a domain; 409 when any corporation has it already
.post("/", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "domain.manage", {}, ADMIN_ONLY);
  const body = await readJson(c);
  const hostnames = provider(c);
  const checked = checkCustomHostname((body as { hostname?: unknown } | null)?.hostname, {
    baseDomains: baseDomains(c.env.BASE_DOMAINS),
    allowLocalhost: hostnames.servesLocalhost,
  });
  if (!checked.ok) throw new AppError("invalid_input", { fields: { hostname: checked.message } });
  const { hostname } = checked;
  const control = c.get("control");
  // Claim the name first (the primary key makes a second claim fail, also from another corporation),
  // then register it at the provider; if that fails the claim is dropped again: nothing changed.
  try {
    await control.insert(tenantDomains).values({ hostname, tenantId: site.tenant.id, status: "pending" });
  } catch (error) {
    if (isUniqueViolation(error, "tenant_domains.hostname")) throw new AppError("domain_taken", { details: { hostname } });
    throw error;
  }
  let state: HostnameState;
  try {
    state = await hostnames.register(hostname);
  } catch (error) {
    await control.delete(tenantDomains).where(and(eq(tenantDomains.hostname, hostname), eq(tenantDomains.tenantId, site.tenant.id)));
    throw error;
  }
  const [row] = await control.update(tenantDomains).set(stateColumns(state, null, Date.now())).where(eq(tenantDomains.hostname, hostname)).returning();
  await audit(site.db, { actorId: actor.userId, action: "domain.add", subject: hostname, details: { status: state.status } });
  return c.json({ domain: view(row!) }, 201);
})

// POST /api/settings/domains/:hostname/check — ask the provider now (pending → active once DNS is right)
.post("/:hostname/check", async (c) => {
  const site = tenantSite(c.get("site"));
  requirePermission(c.get("actor"), "domain.manage", {}, ADMIN_ONLY);
  const control = c.get("control");
  const row = await ownDomain(control, site.tenant.id, c.req.param("hostname"));
  const state = await provider(c).check(row.hostname, row.providerRef);
  const [updated] = await control.update(tenantDomains).set(stateColumns(state, row, Date.now())).where(eq(tenantDomains.hostname, row.hostname)).returning();
  if (state.status !== "active") forgetHost(row.hostname);
  return c.json({ domain: view(updated!) });
})

// DELETE /api/settings/domains/:hostname — remove it at the provider, then here; it stops resolving
.delete("/:hostname", async (c) => {
  const site = tenantSite(c.get("site"));
  const actor = requirePermission(c.get("actor"), "domain.manage", {}, ADMIN_ONLY);
  const control = c.get("control");
  const row = await ownDomain(control, site.tenant.id, c.req.param("hostname"));
  await provider(c).remove(row.hostname, row.providerRef);
  await control.delete(tenantDomains).where(and(eq(tenantDomains.hostname, row.hostname), eq(tenantDomains.tenantId, site.tenant.id)));
  // This isolate stops at once; others when their cache entry ends (TENANT_CACHE_TTL_MS).
  forgetHost(row.hostname);
  await audit(site.db, { actorId: actor.userId, action: "domain.remove", subject: row.hostname });
  return c.json({ removed: row.hostname });
});
