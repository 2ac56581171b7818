import { tenantSchema, type TenantDb } from "@buurtplein/db";

/** Records an action worth accounting for (staff access to sensitive data, removals, consent). */
export async function audit(
  db: TenantDb,
  entry: { actorId: string | null; action: string; subject?: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(tenantSchema.auditLog).values({
    id: crypto.randomUUID(),
    actorId: entry.actorId,
    action: entry.action,
    subject: entry.subject ?? null,
    details: entry.details ?? null,
  });
}
