// The operator audit log (control plane): who did what to which corporation, when and why.
import { and, desc, eq, lt, or } from "drizzle-orm";
import { controlSchema, type ControlDb } from "@buurtplein/db";
import type { OperatorActor } from "./operator-session.ts";

const { operatorAuditLog } = controlSchema;

export type OperatorAuditAction = "login" | "logout" | "suspend" | "resume" | "retry" | "delete";

export async function recordOperatorAction(
  control: ControlDb,
  operator: Pick<OperatorActor, "id" | "email">,
  action: OperatorAuditAction,
  tenant: { id: string; slug: string } | null = null,
  reason: string | null = null,
): Promise<void> {
  await control.insert(operatorAuditLog).values({
    id: crypto.randomUUID(),
    operatorId: operator.id,
    operatorEmail: operator.email,
    action,
    tenantId: tenant?.id ?? null,
    tenantSlug: tenant?.slug ?? null,
    reason,
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** A page of the log, newest first; the cursor is the last entry's `<createdAt>.<id>`. */
export async function auditPage(control: ControlDb, cursor: { createdAt: number; id: string } | null) {
  const rows = await control
    .select({
      id: operatorAuditLog.id,
      operatorEmail: operatorAuditLog.operatorEmail,
      action: operatorAuditLog.action,
      tenantSlug: operatorAuditLog.tenantSlug,
      reason: operatorAuditLog.reason,
      createdAt: operatorAuditLog.createdAt,
    })
    .from(operatorAuditLog)
    .where(
      cursor
        ? or(lt(operatorAuditLog.createdAt, cursor.createdAt), and(eq(operatorAuditLog.createdAt, cursor.createdAt), lt(operatorAuditLog.id, cursor.id)))
        : undefined,
    )
    .orderBy(desc(operatorAuditLog.createdAt), desc(operatorAuditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt}.${last.id}` : null };
}
