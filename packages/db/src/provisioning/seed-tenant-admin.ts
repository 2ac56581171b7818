// The "admin_created" step: the corporation's settings row and its first admin account.
// Both inserts are no-ops when the rows exist, so the step can be repeated safely.
import type { PendingAdmin } from "../control/schema.ts";
import type { TenantDb } from "../client.ts";
import { tenantSettings, users } from "../tenant/schema.ts";

export async function seedTenantAdmin(db: TenantDb, tenantName: string, admin: PendingAdmin | null): Promise<void> {
  const settings = db.insert(tenantSettings).values({ id: 1, displayName: tenantName }).onConflictDoNothing();
  if (!admin) {
    await settings;
    return;
  }
  // users.email is unique: an existing account with this e-mail is left as it is.
  const adminUser = db
    .insert(users)
    .values({
      id: crypto.randomUUID(),
      email: admin.email.trim().toLowerCase(),
      displayName: admin.displayName,
      role: "admin",
      passwordHash: admin.passwordHash,
      status: "active",
    })
    .onConflictDoNothing();
  await db.batch([settings, adminUser]);
}
