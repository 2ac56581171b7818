// The platform operator's API, on the apex host only (mounted before the tenant middleware in app.ts):
// log in, see every corporation with its status, provisioning and usage (counts and size only), suspend,
// resume, retry a failed provisioning, delete after the grace period, and read the operator audit log.
// No route here returns a corporation's content (posts, members' names, …).
import { Hono, type Context } from "hono";
import { and, asc, eq, gt } from "drizzle-orm";
import { AppError, deletionDueAt, refusal, ZOperatorLoginInput, ZSuspendInput, type MessageKey, type OperatorAction } from "@buurtplein/core";
import { controlSchema, provisionTenant, TenantProvisioningError, tenantMigrations } from "@buurtplein/db";
import type { AppEnv, Tenant } from "../env.ts";
import { parseInput, readJson, readOptionalJson } from "../lib/errors.ts";
import { checkRateLimit, clientIp, hitRateLimit, ignoreRateLimited, resetRateLimit, type RateLimitRule } from "../lib/rate-limit.ts";
import { checkPassword } from "../identity/accounts.ts";
import { forgetTenant } from "../middleware/tenant.ts";
import { tenantDatabasesFor } from "../tenancy/tenant-databases.ts";
import { tenantTokenKey } from "../tenancy/tenant-token-key.ts";
import { auditPage, recordOperatorAction } from "./operator-audit.ts";
import { endOperatorSession, findOperator, requireApexHost, requireOperator, startOperatorSession } from "./operator-session.ts";
import { deleteTenant } from "./tenant-deletion.ts";
import { tenantUsage } from "./tenant-usage.ts";

const { tenants, operators } = controlSchema;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Like the tenant login (identity/rate-limit-rules.ts), counted in the control plane. */
export const OPERATOR_RATE_LIMITS = {
  loginPerIp: (ip: string): RateLimitRule => ({ key: `operator-login:ip:${ip}`, limit: 30, windowMs: 15 * MINUTE }),
  loginFailuresPerAccountAndSource: (email: string, ip: string): RateLimitRule => ({ key: `operator-login:fail:${email}:${ip}`, limit: 10, windowMs: 15 * MINUTE }),
  loginFailuresPerAccount: (email: string): RateLimitRule => ({ key: `operator-login:fail:${email}`, limit: 50, windowMs: HOUR }),
} as const;

/** Corporations per console page: each costs one statement on its own database for its usage. */
export const TENANTS_PAGE_SIZE = 20;

/** What the console shows of a corporation: its state and dates, never its content or credentials. */
function tenantView(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status,
    provisioningStep: tenant.provisioningStep,
    failedStep: tenant.failedStep,
    failureReason: tenant.failureReason,
    suspendedReason: tenant.suspendedReason,
    createdAt: tenant.createdAt,
    deletionRequestedAt: tenant.deletionRequestedAt,
    deletionDueAt: tenant.deletionRequestedAt === null ? null : deletionDueAt(tenant.deletionRequestedAt),
    deletedAt: tenant.deletedAt,
  };
}

async function findTenant(c: Context<AppEnv>, slug: string): Promise<Tenant> {
  const [tenant] = await c.get("control").select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  if (!tenant) throw new AppError("not_found", { message: "apiErrors.operator.tenantNotFound" });
  return tenant;
}

const WRONG_STATUS: Record<OperatorAction, MessageKey> = {
  suspend: "apiErrors.operator.notActive",
  resume: "apiErrors.operator.notSuspended",
  retry: "apiErrors.operator.notFailed",
  delete: "apiErrors.operator.cannotDelete",
};

/** 409 when the tenant's state does not allow the action (core: refusal); nothing is changed. */
function refuseUnlessAllowed(action: OperatorAction, tenant: Tenant): void {
  const reason = refusal(action, tenant);
  if (reason === null) return;
  if (reason === "wrong_status") throw new AppError("tenant_wrong_status", { message: WRONG_STATUS[action], details: { status: tenant.status } });
  if (reason === "not_requested") throw new AppError("deletion_not_due", { message: "apiErrors.operator.notRequested" });
  const dueAt = deletionDueAt(tenant.deletionRequestedAt!);
  throw new AppError("deletion_not_due", { message: "apiErrors.operator.notDue", params: { date: new Date(dueAt).toISOString().slice(0, 10) }, details: { dueAt } });
}

/** Changes the status only if it is still what the check saw (another operator may have acted meanwhile). */
async function changeStatus(c: Context<AppEnv>, tenant: Tenant, changes: Partial<Tenant>): Promise<Tenant> {
  const [updated] = await c
    .get("control")
    .update(tenants)
    .set({ ...changes, updatedAt: Date.now() })
    .where(and(eq(tenants.id, tenant.id), eq(tenants.status, tenant.status)))
    .returning();
  if (!updated) throw new AppError("conflict");
  forgetTenant(tenant.id);
  return updated;
}

export const operatorRoutes = new Hono<AppEnv>()

// POST /api/operator/login — an operator's e-mail and password; a fresh operator session (apex only)
.post("/login", async (c) => {
  requireApexHost(c);
  const input = parseInput(ZOperatorLoginInput, await readJson(c));
  const client = c.get("controlClient");
  const source = clientIp(c);
  await hitRateLimit(client, OPERATOR_RATE_LIMITS.loginPerIp(source));
  const failures = [OPERATOR_RATE_LIMITS.loginFailuresPerAccountAndSource(input.email, source), OPERATOR_RATE_LIMITS.loginFailuresPerAccount(input.email)];
  for (const rule of failures) await checkRateLimit(client, rule);
  const [operator] = await c.get("control").select().from(operators).where(eq(operators.email, input.email)).limit(1);
  if (!(await checkPassword(input.password, operator?.passwordHash)) || !operator) {
    for (const rule of failures) await hitRateLimit(client, rule).catch(ignoreRateLimited);
    throw new AppError("unauthenticated", { message: "apiErrors.operator.loginFailed" });
  }
  await resetRateLimit(client, failures[0]!.key);
  await startOperatorSession(c, operator.id);
  await recordOperatorAction(c.get("control"), operator, "login");
  return c.json({ operator: { email: operator.email, displayName: operator.displayName } });
})

// POST /api/operator/logout — ends this operator session
.post("/logout", async (c) => {
  requireApexHost(c);
  const operator = await findOperator(c);
  if (operator) await recordOperatorAction(c.get("control"), operator, "logout");
  await endOperatorSession(c, operator);
  return c.json({ ok: true });
})

// GET /api/operator/me — the logged-in operator (401 without an operator session)
.get("/me", async (c) => {
  const operator = await requireOperator(c);
  return c.json({ operator: { email: operator.email, displayName: operator.displayName } });
})

// GET /api/operator/tenants?after=<slug> — a page of corporations by slug, each with its usage
.get("/tenants", async (c) => {
  await requireOperator(c);
  const after = c.req.query("after");
  if (after !== undefined && (after.length === 0 || after.length > 100)) {
    throw new AppError("invalid_input", { message: "apiErrors.operator.badCursor" });
  }
  const rows = await c
    .get("control")
    .select()
    .from(tenants)
    .where(after === undefined ? undefined : gt(tenants.slug, after))
    .orderBy(asc(tenants.slug))
    .limit(TENANTS_PAGE_SIZE + 1);
  const page = rows.slice(0, TENANTS_PAGE_SIZE);
  const key = await tenantTokenKey(c.env).catch(() => null);
  // One statement per corporation of this page, side by side; a slow or unreachable one shows "unknown".
  const usage = await Promise.all(page.map((tenant) => (key ? tenantUsage(tenant, key, c.get("logger")) : null)));
  return c.json({
    tenants: page.map((tenant, index) => ({ ...tenantView(tenant), usage: usage[index] ?? null })),
    nextCursor: rows.length > TENANTS_PAGE_SIZE ? (page.at(-1)?.slug ?? null) : null,
  });
})

// GET /api/operator/tenants/:slug — one corporation with its usage
.get("/tenants/:slug", async (c) => {
  await requireOperator(c);
  const tenant = await findTenant(c, c.req.param("slug"));
  const key = await tenantTokenKey(c.env).catch(() => null);
  const usage = key ? await tenantUsage(tenant, key, c.get("logger")) : null;
  return c.json({ tenant: { ...tenantView(tenant), usage } });
})

// POST /api/operator/tenants/:slug/suspend { reason? } — every page "temporarily unavailable", no writes
.post("/tenants/:slug/suspend", async (c) => {
  const operator = await requireOperator(c);
  const { reason } = parseInput(ZSuspendInput, await readOptionalJson(c));
  const tenant = await findTenant(c, c.req.param("slug"));
  refuseUnlessAllowed("suspend", tenant);
  const updated = await changeStatus(c, tenant, { status: "suspended", suspendedReason: reason });
  await recordOperatorAction(c.get("control"), operator, "suspend", tenant, reason);
  return c.json({ tenant: tenantView(updated) });
})

// POST /api/operator/tenants/:slug/resume — a suspended corporation works again
.post("/tenants/:slug/resume", async (c) => {
  const operator = await requireOperator(c);
  const tenant = await findTenant(c, c.req.param("slug"));
  refuseUnlessAllowed("resume", tenant);
  const updated = await changeStatus(c, tenant, { status: "active", suspendedReason: null });
  await recordOperatorAction(c.get("control"), operator, "resume", tenant);
  return c.json({ tenant: tenantView(updated) });
})

// POST /api/operator/tenants/:slug/retry — resumes a failed provisioning at the step that failed
.post("/tenants/:slug/retry", async (c) => {
  const operator = await requireOperator(c);
  const tenant = await findTenant(c, c.req.param("slug"));
  refuseUnlessAllowed("retry", tenant);
  const tokenKey = await tenantTokenKey(c.env).catch(() => {
    throw new AppError("service_unavailable", { message: "apiErrors.signup.unavailable" });
  });
  await recordOperatorAction(c.get("control"), operator, "retry", tenant);
  try {
    const provisioned = await provisionTenant({ control: c.get("control"), databases: tenantDatabasesFor(c.env), tenantId: tenant.id, tenantMigrations, tokenKey });
    forgetTenant(tenant.id);
    return c.json({ tenant: tenantView(provisioned) });
  } catch (error) {
    if (!(error instanceof TenantProvisioningError)) throw error;
    c.get("logger").log("error", "provisioning retry failed", { tenant: tenant.slug, error: error.message });
    throw new AppError("service_unavailable", { message: "apiErrors.operator.retryFailed" });
  }
})

// POST /api/operator/tenants/:slug/delete — after the grace period: database, files, all but a tombstone
.post("/tenants/:slug/delete", async (c) => {
  const operator = await requireOperator(c);
  const tenant = await findTenant(c, c.req.param("slug"));
  refuseUnlessAllowed("delete", tenant);
  let deleted: Tenant;
  try {
    deleted = await deleteTenant({
      control: c.get("control"),
      databases: tenantDatabasesFor(c.env),
      files: c.env.FILES,
      tenant,
      onMarked: () => forgetTenant(tenant.id),
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    c.get("logger").log("error", "tenant deletion failed", { tenant: tenant.slug, error: error instanceof Error ? error.message : String(error) });
    throw new AppError("service_unavailable", { message: "apiErrors.operator.deleteFailed" });
  }
  forgetTenant(tenant.id);
  await recordOperatorAction(c.get("control"), operator, "delete", tenant);
  return c.json({ tenant: tenantView(deleted) });
})

// GET /api/operator/audit?before=<createdAt>.<id> — the operator audit log, newest first
.get("/audit", async (c) => {
  await requireOperator(c);
  const before = c.req.query("before");
  let cursor: { createdAt: number; id: string } | null = null;
  if (before !== undefined) {
    const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(before);
    if (!match) throw new AppError("invalid_input", { message: "apiErrors.operator.badCursor" });
    cursor = { createdAt: Number(match[1]), id: match[2]! };
  }
  return c.json(await auditPage(c.get("control"), cursor));
});
