// Deleting a corporation after its grace period: its files (the FILES prefix), its database (through
// TenantDatabases: the local libSQL server or Turso) and everything the control plane knew about it
// except a tombstone (status `deleted`, slug, name, dates). Each step can be repeated: the row is
// marked `deleting` first (its hosts then answer like unknown ones), so an interrupted deletion is
// finished by running it again.
import { eq } from "drizzle-orm";
import { controlSchema, type ControlDb, type TenantDatabases } from "@buurtplein/db";
import type { Bindings, Tenant } from "../env.ts";
import { tenantFilePrefix } from "../lib/file-store.ts";

const { tenants, tenantDomains, tenantMigrationRuns, devMail } = controlSchema;

/** R2 deletes at most 1,000 keys per call. */
const DELETE_BATCH = 1000;

export interface DeleteTenantOptions {
  control: ControlDb;
  databases: TenantDatabases;
  files: Bindings["FILES"];
  tenant: Tenant;
  /** Called once the row says `deleting` (the isolate's tenant cache forgets it). */
  onMarked?: () => void;
}

export async function deleteTenant({ control, databases, files, tenant, onMarked }: DeleteTenantOptions): Promise<Tenant> {
  if (tenant.status !== "deleting") {
    await control.update(tenants).set({ status: "deleting", updatedAt: Date.now() }).where(eq(tenants.id, tenant.id));
  }
  onMarked?.();
  // Up to 1,000 keys listed and deleted per round (R2's limit for both), from the start each time:
  // what is deleted is no longer listed, so no cursor has to survive the deletions.
  for (;;) {
    const page = await files.list({ prefix: tenantFilePrefix(tenant.id), limit: DELETE_BATCH });
    if (page.objects.length === 0) break;
    await files.delete(page.objects.map((object) => object.key));
  }
  if (tenant.dbName) await databases.deleteDatabase(tenant.dbName);
  const now = Date.now();
  const [, , , , [tombstone]] = await control.batch([
    control.delete(tenantDomains).where(eq(tenantDomains.tenantId, tenant.id)),
    control.delete(tenantMigrationRuns).where(eq(tenantMigrationRuns.tenantId, tenant.id)),
    // The local dev mailbox may hold e-mails to its members (development only; gone after 7 days anyway).
    control.delete(devMail).where(eq(devMail.tenantSlug, tenant.slug)),
    control
      .update(tenants)
      .set({
        status: "deleted",
        dbName: null,
        dbUrl: null,
        dbToken: null,
        pendingAdmin: null,
        failedStep: null,
        failureReason: null,
        suspendedReason: null,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(tenants.id, tenant.id)),
    control.select().from(tenants).where(eq(tenants.id, tenant.id)),
  ]);
  if (!tombstone) throw new Error(`tenant ${tenant.slug} vanished while being deleted`);
  return tombstone;
}
