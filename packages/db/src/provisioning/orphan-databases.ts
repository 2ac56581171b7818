// Tenant databases that no tenant row claims: left behind when a corporation's control-plane row was
// removed but its database was not. Provisioning never adopts them (provision-tenant.ts), so they only
// hold old data; the operator removes them with infra/src/cli/remove-orphan-databases.ts.
import { isNotNull } from "drizzle-orm";
import type { ControlDb } from "../client.ts";
import { tenants } from "../control/schema.ts";
import { TENANT_DATABASE_PREFIX } from "./provisioning-steps.ts";
import type { ListedDatabase, TenantDatabases } from "./tenant-databases.ts";

/**
 * Databases named like a tenant database (`tenant-…`) that no tenant row names in `db_name`. Other
 * databases (the control plane's, anything else at the provider) are never reported.
 *
 * The provider is listed before the control plane is read: provisioning records a database's name on
 * its tenant row before creating it, so any database in the listing that belongs to a tenant has its
 * row by the time the rows are read, and a signup running meanwhile is never mistaken for an orphan.
 */
export async function findOrphanDatabases(control: ControlDb, databases: TenantDatabases): Promise<ListedDatabase[]> {
  const listed = await databases.listDatabases();
  const rows = await control.select({ dbName: tenants.dbName }).from(tenants).where(isNotNull(tenants.dbName));
  const claimed = new Set(rows.map((row) => row.dbName));
  return listed
    .filter((database) => database.name.startsWith(TENANT_DATABASE_PREFIX) && !claimed.has(database.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}
