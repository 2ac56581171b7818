// What an operator may do with a corporation (tenant) in which state, and the grace period between a
// corporation's request to be deleted and its deletion. Pure rules: the API (apps/worker/src/operator)
// applies them to the control plane.
import { z } from "zod";

/** Every status a tenant row can have (control plane `tenants.status`). */
export const TENANT_STATUSES = ["provisioning", "active", "suspended", "failed", "deleting", "deleted"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const DELETION_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a corporation that asked to be deleted at `requestedAt` may be deleted (ms since the epoch). */
export function deletionDueAt(requestedAt: number): number {
  return requestedAt + DELETION_GRACE_DAYS * DAY_MS;
}

export type OperatorAction = "suspend" | "resume" | "retry" | "delete";

export interface TenantState {
  status: string;
  deletionRequestedAt: number | null;
}

/**
 * Why `action` cannot be done to a tenant in this state now, or null when it can:
 * - suspend: only an active corporation; resume: only a suspended one;
 * - retry: only a provisioning that failed;
 * - delete: only after its admin asked for it and the grace period has passed (a deletion that was
 *   interrupted, status `deleting`, may be run again).
 */
export function refusal(action: OperatorAction, tenant: TenantState, now = Date.now()): "wrong_status" | "not_requested" | "not_due" | null {
  switch (action) {
    case "suspend":
      return tenant.status === "active" ? null : "wrong_status";
    case "resume":
      return tenant.status === "suspended" ? null : "wrong_status";
    case "retry":
      return tenant.status === "failed" ? null : "wrong_status";
    case "delete":
      if (!["active", "suspended", "deleting"].includes(tenant.status)) return "wrong_status";
      if (tenant.deletionRequestedAt === null) return "not_requested";
      return deletionDueAt(tenant.deletionRequestedAt) <= now ? null : "not_due";
  }
}

/** Operator login on the apex (`POST /api/operator/login`). */
export const ZOperatorLoginInput = z.object({
  email: z.string({ error: "validation.email.invalid" }).trim().toLowerCase().pipe(z.email("validation.email.invalid")),
  password: z.string({ error: "validation.login.passwordMissing" }).min(1, "validation.login.passwordMissing").max(200, "validation.login.passwordTooLong"),
});

/** Why a corporation is suspended (optional in the API; the console's form asks for it). */
export const ZSuspendInput = z.object({
  reason: z
    .string({ error: "validation.operator.reasonTooLong" })
    .trim()
    .max(500, "validation.operator.reasonTooLong")
    .optional()
    .transform((reason) => (reason ? reason : null)),
});

/** An admin asks for their corporation to be deleted, typing its web address (slug) to confirm. */
export const ZDeletionRequestInput = z.object({
  confirmSlug: z.string({ error: "validation.operator.confirmSlugMissing" }).trim().toLowerCase().min(1, "validation.operator.confirmSlugMissing").max(100, "validation.operator.confirmSlugWrong"),
});

/** Operator sessions last a working day; they are never renewed. */
export const OPERATOR_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const OPERATOR_COOKIE = "bp_operator";
export const SECURE_OPERATOR_COOKIE = `__Host-${OPERATOR_COOKIE}`;

/** The operator cookie's name for an origin: `__Host-bp_operator` on https, `bp_operator` otherwise. */
export function operatorCookieName(url: string | URL): string {
  return new URL(url).protocol === "https:" ? SECURE_OPERATOR_COOKIE : OPERATOR_COOKIE;
}

/** The operator session token from a Cookie header (either name), or undefined. */
export function readOperatorCookie(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  let plain: string | undefined;
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!value) continue;
    if (name === SECURE_OPERATOR_COOKIE) return value;
    if (name === OPERATOR_COOKIE) plain ??= value;
  }
  return plain;
}
